"""Writes the second set of unseen fixture sites (tests/data/sites_unseen2/<family>/): one invented
portal per CMS family, written from how real Vietnamese portals of the family look (menus, sidebars,
"Tin mới" / "Các tin khác" / "Tin liên quan" lists, archive widgets, polls, share and print links, view
counts, caption credits, footers, bylines in several positions, listing pagination, sitemaps or feeds,
documents and lịch công tác pages), NOT from the scraper's code. Each directory gets routes.json and
expected.json in the format of tests/scraper/sitekit.py.

    .venv/bin/python -B tests/data/sites_unseen2/make_unseen2.py
"""
from __future__ import annotations

import html
import json
import random
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlencode

from texts2 import SITES, TOPICS

HERE = Path(__file__).resolve().parent
VN = timezone(timedelta(hours=7))
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
AUTHORS = ["Minh Hằng", "Quang Huy", "Thu Trang", "Văn Toàn", "Ngọc Lan", "Hải Đăng", "Bích Ngọc", "Trung Kiên"]
CREDITS = ["Ảnh: Đức Anh", "Ảnh: Hồng Nhung", "Ảnh: Tuấn Minh", "Ảnh: CTV"]
CAPTIONS = ["Quang cảnh buổi làm việc.", "Các đại biểu tham quan mô hình.", "Lãnh đạo địa phương trao đổi với người dân.",
            "Một góc khu vực được đầu tư."]


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def slug(s: str, sep: str = "-", keep_case: bool = False) -> str:
    s = fold(s)
    s = re.sub(r"[^A-Za-z0-9]+", sep, s).strip(sep)
    return s if keep_case else s.lower()


def articles_for(family: str, n: int = 16) -> list[dict]:
    """The invented articles of one site, newest first: title, lead, paragraphs, datetime, author, source."""
    names = SITES[family]
    rnd = random.Random(family)
    t = datetime(2024, 11, 20, 7, 30, tzinfo=VN) - timedelta(days=rnd.randint(0, 300))
    out = []
    for i, topic in enumerate(TOPICS[:n]):
        t = t - timedelta(days=rnd.randint(1, 4), hours=rnd.randint(-5, 5), minutes=rnd.choice([0, 5, 12, 20, 35, 48]))
        if not 6 <= t.hour <= 21:
            t = t.replace(hour=rnd.randint(7, 20))
        slots = dict(names, a=rnd.randint(3, 40), b=rnd.randint(50, 900), c=rnd.randint(60, 99), p=rnd.randint(1, 9),
                     q=rnd.randint(1, 9), d=f"ngày {t.day}/{t.month}")
        fill = lambda s: s.format(**slots)  # noqa: E731
        # some sites carry no source line, some carry a source on part of the articles
        src = None
        if i % 3 == 1:
            src = {"tandan": "Báo Hòa Sơn", "sharepoint": "Sở Thông tin và Truyền thông", "liferay": "Ban Tuyên giáo Tỉnh ủy",
                   "party_newspaper": None, "wordpress": "Trung tâm Văn hóa - Thông tin huyện",
                   "wordpress_block": "Báo Tây Nguyên Sơn", "wordpress_elementor": "Cổng thông tin huyện"}[family]
        out.append(dict(n=i + 1, title=fill(topic["title"]), lead=fill(topic["lead"]),
                        paras=[fill(p) for p in topic["paras"]], dt=t, author=AUTHORS[(i + len(family)) % len(AUTHORS)],
                        source=src, views=rnd.randint(90, 4800), caption=CAPTIONS[i % 4], credit=CREDITS[i % 4]))
    return out


class Site:
    def __init__(self, family: str):
        self.family = family
        self.dir = HERE / family
        self.dir.mkdir(parents=True, exist_ok=True)
        for f in self.dir.iterdir():
            f.unlink()
        self.routes: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        self.robots = "User-agent: *\nDisallow: /_layouts/\n"
        self.expected: list[dict] = []
        self.non_articles: list[str] = []
        self.boilerplate: list[str] = []
        self.n = 0

    def page(self, path: str, text: str, *, article: dict | None = None, name: str | None = None):
        self.n += 1
        name = name or f"p{self.n:02d}.html"
        (self.dir / name).write_text(text, "utf-8")
        self.routes[path] = name
        if "?" in path:  # a crawler may sort or re-encode the query: the server answers either way
            base, q = path.split("?", 1)
            self.routes[base + "?" + urlencode(sorted(parse_qsl(q, keep_blank_values=True)))] = name
            self.routes[base + "?" + urlencode(parse_qsl(q, keep_blank_values=True))] = name
        if article is not None:
            a = article
            self.expected.append(dict(path=path, title=a["title"], published=a.get("day") or a["dt"].isoformat(),
                                      author=a["author"], source=a["source"] or "", lead=a["lead"], paragraphs=a["paras"],
                                      aliases=a.get("aliases", [])))
        elif not name.endswith((".xml", ".rss")):
            self.non_articles.append(path)

    def alias(self, path: str, same_as: str):
        """`path` answers with the page at `same_as` (a listing's page 1 under its numbered URL)."""
        name = self.routes[same_as]
        self.routes[path] = name
        if "?" in path:
            base, q = path.split("?", 1)
            self.routes[base + "?" + urlencode(sorted(parse_qsl(q, keep_blank_values=True)))] = name
            self.routes[base + "?" + urlencode(parse_qsl(q, keep_blank_values=True))] = name

    def raw(self, path: str, text: str, name: str):
        (self.dir / name).write_text(text, "utf-8")
        self.routes[path] = name

    def write(self, start: str):
        texts = [" ".join([a["title"], a["lead"], *a["paragraphs"]]) for a in self.expected]
        for s in self.boilerplate:
            for t in texts:
                assert s not in t, (self.family, s, t[:60])
        assert len(self.expected) >= 12 and len(self.non_articles) >= 8, (self.family, len(self.expected), len(self.non_articles))
        (self.dir / "routes.json").write_text(json.dumps(dict(robots=self.robots, routes=self.routes, gzip=[],
                                                              headers={}, redirects=self.redirects),
                                                         ensure_ascii=False, indent=1), "utf-8")
        (self.dir / "expected.json").write_text(json.dumps(dict(start=start, articles=self.expected,
                                                                non_articles=self.non_articles,
                                                                boilerplate=self.boilerplate),
                                                           ensure_ascii=False, indent=1), "utf-8")


def ddmmyyyy(t: datetime) -> str:
    return f"{t.day:02d}/{t.month:02d}/{t.year}"


def ampm(t: datetime) -> str:
    h = t.hour % 12 or 12
    return f"{h:02d}:{t.minute:02d} {'AM' if t.hour < 12 else 'PM'}"


def entities(s: str) -> str:
    """Liferay's editor stores many Vietnamese letters as numeric character references."""
    return "".join(f"&#{ord(c)};" if ord(c) > 0x1E00 or c in "ươƯƠ" else html.escape(c, quote=False) for c in s)


# ---------------------------------------------------------------------------------------------- tandan
def tandan():
    s = Site("tandan")
    arts = articles_for("tandan")
    for a in arts:  # Tandan portals show the day only: the article's time is midnight
        a["dt"] = a["dt"].replace(hour=0, minute=0)
        a["day"] = a["dt"].date().isoformat()
        a["path"] = f"/portal/Pages/{a['dt'].year}-{a['dt'].month}-{a['dt'].day}/{slug(a['title'], keep_case=True)}.aspx"
    s.boilerplate = ["Các tin đã đưa ngày", "Thăm dò ý kiến", "Bạn đánh giá thế nào về giao diện", "Lượt xem", "In trang",
                     "Gửi email", "Về đầu trang", "Các tin khác", "Bản quyền thuộc Văn phòng", "Giấy phép số 25/GP-TTĐT",
                     "Cơ quan chủ quản", *CREDITS, "Đăng ngày", "Tin liên quan", "Tin, ảnh:"]
    menu = """<div class="tandan-menu"><ul class="root">
<li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>
<li><a href="/portal/Pages/Gioi-thieu.aspx">Giới thiệu</a></li>
<li><a href="/portal/Pages/Tin-hoat-dong.aspx">Tin hoạt động</a></li>
<li><a href="/portal/Pages/Kinh-te-Xa-hoi.aspx">Kinh tế - Xã hội</a></li>
<li><a href="/portal/Pages/Van-ban-chi-dao.aspx">Văn bản chỉ đạo</a></li>
<li><a href="/portal/Pages/Lich-cong-tac.aspx">Lịch công tác</a></li>
<li><a href="/portal/Pages/Lien-he.aspx">Liên hệ</a></li></ul></div>"""
    newest = "".join(f'<li><a href="{a["path"]}">{html.escape(a["title"])}</a></li>' for a in arts[:5])
    side = f"""<div class="tandan-col-right">
<div class="tandan-box"><div class="tandan-box-title">Tin mới</div><ul class="tandan-list-newest">{newest}</ul></div>
<div class="tandan-box"><div class="tandan-box-title">Thăm dò ý kiến</div>
<p>Bạn đánh giá thế nào về giao diện Cổng thông tin điện tử?</p>
<input type="radio" name="poll"/> Đẹp, dễ sử dụng<br/><input type="radio" name="poll"/> Bình thường<br/>
<input type="radio" name="poll"/> Khó sử dụng<br/><input type="button" value="Biểu quyết"/> <a href="#">Xem kết quả</a></div>
<div class="tandan-box"><img src="/portal/PublishingImages/banner-dich-vu-cong.png" alt="Dịch vụ công trực tuyến"/></div>
</div>"""
    footer = """<div class="tandan-footer"><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh Hòa Sơn</p>
<p>Bản quyền thuộc Văn phòng UBND tỉnh Hòa Sơn. Giấy phép số 25/GP-TTĐT do Sở Thông tin và Truyền thông cấp.</p>
<p>Địa chỉ: số 8 đường Trần Hưng Đạo, thành phố Hòa Sơn. Điện thoại: 0218.3852.xxx</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ Cổng thông tin điện tử này.</p></div>"""

    def shell(title, main):
        return f"""<!DOCTYPE html>
<html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=10"/>
<meta name="GENERATOR" content="Microsoft SharePoint"/><meta http-equiv="Content-type" content="text/html; charset=utf-8"/>
<title>{html.escape(title)}</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css"/>
<script type="text/javascript">var _spPageContextInfo={{webServerRelativeUrl:"/portal",pageListId:"{{a1b2}}"}};</script>
</head><body><form method="post" action="./" id="aspnetForm">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBA=="/></div>
<div id="s4-workspace"><div id="s4-bodyContainer">
<div class="tandan-header"><img src="/portal/PublishingImages/logo.png" alt="Cổng thông tin điện tử tỉnh Hòa Sơn"/>
<div class="tandan-date-now">Hôm nay, ngày 25/11/2026</div>
<div class="tandan-search"><input type="text" title="Tìm kiếm"/><a href="/portal/Pages/Tim-kiem.aspx?k=n%C3%B4ng%20th%C3%B4n">Tìm kiếm</a></div></div>
{menu}
<div class="tandan-marquee"><marquee>Chào mừng kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam</marquee></div>
<div class="tandan-col-left">{main}</div>
{side}
{footer}
</div></div></form></body></html>"""

    for i, a in enumerate(arts):
        body = [f'<p style="text-align: justify;"><strong>{html.escape(a["lead"])}</strong></p>']
        body.append(f'<p style="text-align: center;"><img alt="" src="/portal/PublishingImages/2024/anh{i}.jpg" style="width:500px;"/></p>'
                    f'<p style="text-align: center;"><em>{a["caption"]} {a["credit"]}</em></p>')
        body += [f'<p style="text-align: justify;">{html.escape(p)}</p>' for p in a["paras"]]
        tail = f'<p style="text-align: right;"><strong>{a["author"]}</strong></p>'
        if i % 4 == 2:
            tail = f'<p style="text-align: right;"><strong>Tin, ảnh: {a["author"]}</strong></p>'
        if i % 3 == 0 and i + 2 < len(arts):
            tail += ('<p><strong>Tin liên quan:</strong></p><ul>' + "".join(
                f'<li><a href="{b["path"]}">{html.escape(b["title"])}</a></li>' for b in arts[i + 1:i + 3]) + "</ul>")
        if a["source"]:
            tail = f'<p style="text-align: right;"><strong>{a["author"]}</strong> <em>(Nguồn: {a["source"]})</em></p>'
        body.append(tail)
        others = "".join(f'<li><a href="{b["path"]}">{html.escape(b["title"])}</a> <span class="tandan-date">({ddmmyyyy(b["dt"])})</span></li>'
                         for b in arts[i + 1:i + 6])
        main = f"""<div class="tandan-breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; <a href="/portal/Pages/Tin-hoat-dong.aspx">Tin hoạt động</a></div>
<div class="tandan-p-article">
<h1 class="tandan-p-article-news-title">{html.escape(a["title"])}</h1>
<div class="tandan-p-article-info"><span class="tandan-span-date-publish">Đăng ngày {ddmmyyyy(a["dt"])}</span>
<span class="tandan-span-view">Lượt xem: {a["views"]}</span></div>
<div class="tandan-p-article-main"><div class="ms-rtestate-field">{''.join(body)}</div></div>
<div class="tandan-p-article-tools"><a href="javascript:window.print();">In trang</a> | <a href="mailto:?subject=tin">Gửi email</a> | <a href="#top">Về đầu trang</a></div>
<div class="tandan-p-article-archive"><span>Các tin đã đưa ngày:</span> <input type="text" class="datepicker" value="{ddmmyyyy(a["dt"])}"/> <input type="button" value="Xem"/></div>
<div class="tandan-p-article-other"><div class="tandan-title-other">Các tin khác</div><ul>{others}</ul></div>
</div>"""
        s.page(a["path"], shell(a["title"], main), article=a)

    def listing(items, page, pages, base):
        lis = "".join(f"""<div class="tandan-news-item"><img src="/portal/PublishingImages/2024/anh{a['n']}.jpg"/>
<a class="tandan-news-title" href="{a['path']}">{html.escape(a['title'])}</a> <span class="tandan-date">({ddmmyyyy(a['dt'])})</span>
<p class="tandan-news-summary">{html.escape(a['lead'][:160])}...</p></div>""" for a in items)
        pager = " ".join(f'<a href="{base}?Page={p}">{p}</a>' if p != page else f"<span>{p}</span>" for p in range(1, pages + 1))
        return f'<div class="tandan-box-title">Tin hoạt động</div>{lis}<div class="tandan-paging">Trang: {pager}</div>'

    hd = [a for a in arts if a["n"] % 3 != 0]
    kt = [a for a in arts if a["n"] % 3 == 0]
    s.redirects["/"] = "/portal/Pages/default.aspx"
    feat = arts[0]
    home = f"""<div class="tandan-featured"><a href="{feat['path']}"><img src="/portal/PublishingImages/2024/anh0.jpg"/></a>
<h2><a href="{feat['path']}">{html.escape(feat['title'])}</a></h2><p>{html.escape(feat['lead'])}</p></div>
<div class="tandan-box-title"><a href="/portal/Pages/Tin-hoat-dong.aspx">Tin hoạt động</a></div><ul>""" + "".join(
        f'<li><a href="{a["path"]}">{html.escape(a["title"])}</a></li>' for a in hd[1:4]) + "</ul>"
    s.page("/portal/Pages/default.aspx", shell("Trang chủ - Cổng thông tin điện tử tỉnh Hòa Sơn", home))
    s.page("/portal/Pages/Tin-hoat-dong.aspx", shell("Tin hoạt động", listing(hd[:5], 1, 2, "/portal/Pages/Tin-hoat-dong.aspx")))
    s.page("/portal/Pages/Tin-hoat-dong.aspx?Page=2", shell("Tin hoạt động", listing(hd[5:], 2, 2, "/portal/Pages/Tin-hoat-dong.aspx")))
    s.alias("/portal/Pages/Tin-hoat-dong.aspx?Page=1", "/portal/Pages/Tin-hoat-dong.aspx")
    s.page("/portal/Pages/Kinh-te-Xa-hoi.aspx", shell("Kinh tế - Xã hội", listing(kt, 1, 1, "/portal/Pages/Kinh-te-Xa-hoi.aspx")))
    lich_path = f"/portal/Pages/{arts[2]['dt'].year}-{arts[2]['dt'].month}-{arts[2]['dt'].day}/Lich-cong-tac-tuan-cua-Thuong-truc-UBND-tinh.aspx"
    rows = "".join(f"<tr><td>{d}</td><td>{w}</td><td>Phòng họp số 1</td></tr>" for d, w in [
        ("Thứ Hai", "8h00: Giao ban Thường trực UBND tỉnh"), ("Thứ Ba", "14h00: Làm việc với Sở Xây dựng về quy hoạch"),
        ("Thứ Tư", "Cả ngày: Kiểm tra tiến độ dự án đường nối các huyện phía Bắc"), ("Thứ Năm", "8h00: Tiếp công dân định kỳ"),
        ("Thứ Sáu", "8h30: Họp UBND tỉnh thường kỳ")])
    lich = f"""<div class="tandan-p-article"><h1 class="tandan-p-article-news-title">Lịch công tác tuần của Thường trực UBND tỉnh</h1>
<div class="tandan-p-article-info"><span class="tandan-span-date-publish">Đăng ngày {ddmmyyyy(arts[2]['dt'])}</span></div>
<div class="tandan-p-article-main"><div class="ms-rtestate-field"><table border="1"><tr><th>Ngày</th><th>Nội dung</th><th>Địa điểm</th></tr>{rows}</table>
<p>Lịch có thể thay đổi, đề nghị các cơ quan theo dõi thông báo của Văn phòng.</p></div></div></div>"""
    s.page(lich_path, shell("Lịch công tác tuần", lich))
    s.page("/portal/Pages/Lich-cong-tac.aspx", shell("Lịch công tác", f'<div class="tandan-box-title">Lịch công tác</div><ul><li><a href="{lich_path}">Lịch công tác tuần của Thường trực UBND tỉnh</a></li></ul>'))
    docs = "".join(f"""<tr><td><a href="/portal/VanBan/Lists/VanBanChiDao/Attachments/{k}/QD-{k}.pdf">{k}/QĐ-UBND</a></td><td>{d}</td>
<td>Quyết định ban hành kế hoạch thực hiện chương trình {t} năm 2024</td></tr>""" for k, d, t in [
        (112, "12/01/2024", "chuyển đổi số"), (356, "02/03/2024", "giảm nghèo bền vững"), (410, "15/03/2024", "nông thôn mới")])
    s.page("/portal/Pages/Van-ban-chi-dao.aspx", shell("Văn bản chỉ đạo", f'<div class="tandan-box-title">Văn bản chỉ đạo, điều hành</div><table><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>{docs}</table>'))
    intro = """<h1 class="tandan-p-article-news-title">Giới thiệu chung về tỉnh Hòa Sơn</h1><div class="ms-rtestate-field">
<p>Tỉnh Hòa Sơn nằm ở vùng trung du và miền núi phía Bắc, có diện tích tự nhiên hơn 4.600 km², gồm 10 đơn vị hành chính cấp huyện. Dân số toàn tỉnh khoảng 860 nghìn người, với nhiều dân tộc anh em cùng sinh sống, trong đó đông nhất là người Tày, Nùng, Dao và Kinh.</p>
<p>Địa hình của tỉnh chủ yếu là đồi núi thấp xen kẽ những thung lũng nhỏ, khí hậu nhiệt đới gió mùa, thuận lợi cho phát triển cây ăn quả, cây dược liệu và chăn nuôi đại gia súc. Tỉnh có nhiều di tích lịch sử, danh lam thắng cảnh gắn với các lễ hội truyền thống đặc sắc.</p>
<p>Trong những năm qua, Đảng bộ và nhân dân các dân tộc trong tỉnh đã đoàn kết, phát huy tiềm năng, lợi thế, đạt nhiều thành tựu quan trọng trên các lĩnh vực kinh tế, văn hóa, xã hội, quốc phòng, an ninh.</p></div>"""
    s.page("/portal/Pages/Gioi-thieu.aspx", shell("Giới thiệu", intro))
    s.page("/portal/Pages/Lien-he.aspx", shell("Liên hệ", "<h1>Liên hệ</h1><p>Văn phòng UBND tỉnh Hòa Sơn. Điện thoại: 0218.3852.xxx. Email: vp@hoason.gov.vn</p><form><input name='hoten'/><textarea name='noidung'></textarea><input type='submit' value='Gửi'/></form>"))
    res = "".join(f'<li><a href="{a["path"]}">{html.escape(a["title"])}</a></li>' for a in arts[:3])
    s.page("/portal/Pages/Tim-kiem.aspx?k=n%C3%B4ng%20th%C3%B4n", shell("Tìm kiếm", f"<h1>Kết quả tìm kiếm</h1><p>Tìm thấy 3 kết quả</p><ul>{res}</ul>"))
    s.write("/")


# ------------------------------------------------------------------------------------------ sharepoint
def sharepoint():
    s = Site("sharepoint")
    arts = articles_for("sharepoint")
    for i, a in enumerate(arts):
        lst = "TinTuc" if i % 4 else "TinHoatDongLanhDao"
        a["path"] = f"/Lists/{lst}/View_Detail.aspx?ItemID={420 - i * 7}"
    s.boilerplate = ["Các tin khác", "In bài viết", "Gửi cho bạn bè", "Bản quyền thuộc Cổng", "Số lượt truy cập",
                     "Liên kết website", "Trở về", *CREDITS, "Cập nhật lúc", "Nguồn:", "Tác giả:", "Ý kiến bạn đọc"]
    menu = """<div id="zz1_TopNavigationMenu" class="ms-core-listMenu-horizontalBox"><ul class="root static">
<li class="static"><a class="static menu-item" href="/"><span class="menu-item-text">Trang chủ</span></a></li>
<li class="static"><a class="static menu-item" href="/Pages/gioi-thieu.aspx"><span class="menu-item-text">Giới thiệu</span></a></li>
<li class="static"><a class="static menu-item" href="/Pages/tin-tuc.aspx?CateID=3"><span class="menu-item-text">Tin tức - Sự kiện</span></a></li>
<li class="static"><a class="static menu-item" href="/Pages/tin-tuc.aspx?CateID=5"><span class="menu-item-text">Hoạt động lãnh đạo</span></a></li>
<li class="static"><a class="static menu-item" href="/Pages/van-ban.aspx"><span class="menu-item-text">Văn bản</span></a></li>
<li class="static"><a class="static menu-item" href="/Pages/lich-cong-tac.aspx"><span class="menu-item-text">Lịch công tác</span></a></li>
<li class="static"><a class="static menu-item" href="/Pages/so-do-cong.aspx"><span class="menu-item-text">Sơ đồ cổng</span></a></li></ul></div>"""
    left = """<div class="ms-webpart-zone ms-fullWidth" id="left-zone"><div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Liên kết website</h2>
<select><option>Chính phủ</option><option>Bộ Nội vụ</option><option>Các sở, ban, ngành</option></select></div>
<div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Thống kê truy cập</h2><p>Số lượt truy cập: 12.345.678</p><p>Đang trực tuyến: 215</p></div></div>"""
    footer = """<div class="footer"><p>Bản quyền thuộc Cổng thông tin điện tử tỉnh Đông Giang</p>
<p>Chịu trách nhiệm chính: Giám đốc Sở Thông tin và Truyền thông. Địa chỉ: 45 đường Lê Lợi, thành phố Đông Giang.</p></div>"""

    def shell(title, main):
        return f"""<!DOCTYPE html>
<html lang="vi-VN"><head><meta name="GENERATOR" content="Microsoft SharePoint"/><meta charset="utf-8"/>
<title>{html.escape(title)}</title>
<link rel="alternate" type="application/rss+xml" title="Tin tức" href="/Pages/rss.aspx?CateID=3"/>
</head><body><form method="post" action="./" id="aspnetForm"><input type="hidden" name="__REQUESTDIGEST" value="0x1A2B"/>
<div id="s4-ribbonrow"></div><div id="s4-workspace"><div id="s4-bodyContainer">
<div class="header"><a href="/"><img src="/PublishingImages/logo-donggiang.png" alt="Cổng thông tin điện tử tỉnh Đông Giang"/></a></div>
{menu}
<div id="contentRow"><div class="col-left">{left}</div>
<div class="col-main"><div class="ms-webpart-zone ms-fullWidth">{main}</div></div></div>
{footer}</div></div></form></body></html>"""

    def sa_ch(t):
        h = t.hour % 12 or 12
        return f"{t.day:02d}/{t.month:02d}/{t.year} {h}:{t.minute:02d} {'SA' if t.hour < 12 else 'CH'}"

    for i, a in enumerate(arts):
        when = sa_ch(a["dt"]) if i % 2 else f"{ddmmyyyy(a['dt'])} {a['dt'].hour:02d}:{a['dt'].minute:02d}"
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in a["paras"][:2])
        paras += f"""<div class="ms-rtestate-read"><img src="/Lists/TinTuc/Attachments/{i}/anh.jpg"/><div style="text-align:center"><i>{a['caption']} ({a['credit']})</i></div></div>"""
        paras += "".join(f"<p>{html.escape(p)}</p>" for p in a["paras"][2:])
        byline = f'<div class="news-author">Tác giả: {a["author"]}</div>'
        if a["source"]:
            byline += f'<div class="news-source">Nguồn: {a["source"]}</div>'
        others = "".join(f'<li><a href="{b["path"]}">{html.escape(b["title"])}</a><span class="date"> - {ddmmyyyy(b["dt"])}</span></li>'
                         for b in arts[i + 1:i + 7])
        main = f"""<div class="ms-webpart-chrome ms-webpart-chrome-fullWidth"><div id="WebPartWPQ2" class="ms-WPBody">
<div class="news-detail">
<div class="news-detail-title"><h2>{html.escape(a["title"])}</h2></div>
<div class="news-detail-date">Cập nhật lúc {when}</div>
<div class="news-detail-summary"><b>{html.escape(a["lead"])}</b></div>
<div class="news-detail-content ms-rtestate-field">{paras}</div>
{byline}
<div class="news-detail-tools"><a href="javascript:window.print()">In bài viết</a> | <a href="mailto:?body=">Gửi cho bạn bè</a> | <a href="javascript:history.back()">Trở về</a></div>
<div class="news-comment"><h3>Ý kiến bạn đọc</h3><textarea></textarea><input type="submit" value="Gửi ý kiến"/></div>
</div></div></div>
<div class="ms-webpart-chrome"><div id="WebPartWPQ3" class="ms-WPBody"><div class="news-other"><h3 class="ms-webpart-titleText">Các tin khác</h3><ul>{others}</ul></div></div></div>"""
        if "TinHoatDongLanhDao" in a["path"]:
            # the leaders' list is shown by an older custom web part: ASP.NET labels in a table
            g = "ctl00_ctl30_g_5e2f8a41_77c3_4b0e_9d1a_2c6b0f3e9a10_ctl00"
            src = f'<br/><span id="{g}_lblNguon">Nguồn: {a["source"]}</span>' if a["source"] else ""
            main = f"""<div class="ms-webpart-chrome"><div id="WebPartWPQ2" class="ms-WPBody"><table class="tblChiTiet" width="100%" cellpadding="0" cellspacing="0">
<tr><td><span id="{g}_lblTieuDe" class="TieuDe">{html.escape(a["title"])}</span></td></tr>
<tr><td><span id="{g}_lblNgayDang" class="NgayDang">({when})</span></td></tr>
<tr><td><span id="{g}_lblTomTat" class="TomTat">{html.escape(a["lead"])}</span></td></tr>
<tr><td><div id="{g}_divNoiDung" class="NoiDung">{paras}</div></td></tr>
<tr><td align="right"><span id="{g}_lblTacGia"><b>{a["author"]}</b></span>{src}</td></tr>
<tr><td><a href="javascript:window.print()">In bài viết</a> <a href="mailto:?body=">Gửi cho bạn bè</a></td></tr></table>
<div class="TinKhac"><b>Các tin khác</b><ul>{others}</ul></div></div></div>"""
        s.page(a["path"], shell(a["title"], main), article=a)

    def with_source(a, cate):
        """List-item links carry the page to return to (SharePoint's Source= parameter)."""
        href = f"{a['path']}&Source={quote(f'/Pages/tin-tuc.aspx?CateID={cate}', safe='')}"
        s.alias(href, a["path"])
        return html.escape(href)

    def listing(items, cate, page, pages, head):
        lis = "".join(f"""<tr><td class="ms-vb"><img src="/Lists/TinTuc/Attachments/{a['n']}/thumb.jpg"/></td><td class="ms-vb">
<a href="{with_source(a, cate)}" class="news-title">{html.escape(a['title'])}</a><span class="date">({ddmmyyyy(a['dt'])})</span>
<div class="summary">{html.escape(a['lead'][:140])}...</div></td></tr>""" for a in items)
        nav = "".join(f'<a href="/Pages/tin-tuc.aspx?CateID={cate}&amp;PageIndex={p}">{p}</a> ' if p != page else f"<b>{p}</b> "
                      for p in range(1, pages + 1))
        if page < pages:
            nav += f'<a href="/Pages/tin-tuc.aspx?CateID={cate}&amp;PageIndex={page + 1}">Trang sau »</a>'
        return f"""<div class="ms-webpart-chrome"><div class="ms-WPBody"><h2 class="ms-webpart-titleText">{head}</h2>
<table class="ms-listviewtable">{lis}</table><div class="paging">{nav}</div></div></div>"""

    tt = [a for a in arts if "TinTuc" in a["path"]]
    ld = [a for a in arts if "TinTuc" not in a["path"]]
    home_items = "".join(f'<li><a href="{a["path"]}">{html.escape(a["title"])}</a></li>' for a in arts[:4])
    s.page("/", shell("Cổng thông tin điện tử tỉnh Đông Giang", f"""<div class="ms-webpart-chrome"><div class="ms-WPBody">
<div class="hot-news"><a href="{arts[0]['path']}"><img src="/PublishingImages/hot.jpg"/></a><h2><a href="{arts[0]['path']}">{html.escape(arts[0]['title'])}</a></h2>
<p>{html.escape(arts[0]['lead'])}</p></div><ul class="news-list">{home_items}</ul>
<a href="/Pages/tin-tuc.aspx?CateID=3">Xem tiếp</a></div></div>"""))
    for p in range(1, 4):
        s.page(f"/Pages/tin-tuc.aspx?CateID=3&PageIndex={p}" if p > 1 else "/Pages/tin-tuc.aspx?CateID=3",
               shell("Tin tức - Sự kiện", listing(tt[(p - 1) * 4:p * 4], 3, p, 3, "Tin tức - Sự kiện")))
    s.alias("/Pages/tin-tuc.aspx?CateID=3&PageIndex=1", "/Pages/tin-tuc.aspx?CateID=3")
    s.page("/Pages/tin-tuc.aspx?CateID=5", shell("Hoạt động lãnh đạo", listing(ld, 5, 1, 1, "Hoạt động lãnh đạo")))
    rss_items = "".join(f"<item><title>{html.escape(a['title'])}</title><link>{{base}}{html.escape(a['path'])}</link>"
                        f"<pubDate>{a['dt'].strftime('%a, %d %b %Y %H:%M:%S +0700')}</pubDate><description>{html.escape(a['lead'])}</description></item>"
                        for a in tt[:6])
    s.raw("/Pages/rss.aspx?CateID=3", f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tin tức</title><link>{{base}}/</link>{rss_items}</channel></rss>', "rss.xml")
    docs = [(31, "45/2024/QĐ-UBND", "Quy định quản lý cụm công nghiệp trên địa bàn tỉnh"),
            (32, "12/CT-UBND", "Chỉ thị về tăng cường công tác phòng cháy, chữa cháy mùa khô")]
    doc_links = "".join(f'<li><a href="/Lists/VanBan/View_Detail.aspx?ItemID={k}">{n}: {t}</a></li>' for k, n, t in docs)
    s.page("/Pages/van-ban.aspx", shell("Văn bản", f'<div class="ms-WPBody"><h2 class="ms-webpart-titleText">Văn bản chỉ đạo điều hành</h2><ul>{doc_links}</ul></div>'))
    for k, n, t in docs:
        s.page(f"/Lists/VanBan/View_Detail.aspx?ItemID={k}", shell(t, f"""<div class="ms-WPBody"><div class="vanban-detail">
<h2>{t}</h2><table class="ms-formtable"><tr><td>Số ký hiệu</td><td>{n}</td></tr><tr><td>Ngày ban hành</td><td>08/04/2024</td></tr>
<tr><td>Cơ quan ban hành</td><td>UBND tỉnh</td></tr><tr><td>Người ký</td><td>Nguyễn Văn Bình</td></tr>
<tr><td>Trích yếu</td><td>{t}</td></tr><tr><td>File đính kèm</td><td><a href="/Lists/VanBan/Attachments/{k}/vb.pdf">Tải về</a></td></tr></table></div></div>"""))
    s.page("/Pages/lich-cong-tac.aspx", shell("Lịch công tác", '<div class="ms-WPBody"><h2>Lịch công tác</h2><ul><li><a href="/Lists/LichCongTac/View_Detail.aspx?ItemID=9">Lịch làm việc của Chủ tịch UBND tỉnh tuần 15</a></li></ul></div>'))
    s.page("/Lists/LichCongTac/View_Detail.aspx?ItemID=9", shell("Lịch làm việc tuần 15", """<div class="ms-WPBody"><div class="news-detail">
<div class="news-detail-title"><h2>Lịch làm việc của Chủ tịch UBND tỉnh tuần 15</h2></div><div class="news-detail-date">Cập nhật lúc 08/04/2024 4:10 CH</div>
<div class="news-detail-content ms-rtestate-field"><p>Thứ Hai: 7h30 chào cờ đầu tuần; 8h00 giao ban lãnh đạo UBND tỉnh.</p><p>Thứ Ba: 8h00 làm việc tại huyện Phù Khê.</p>
<p>Thứ Tư: 14h00 tiếp công dân định kỳ tại Trụ sở tiếp công dân tỉnh.</p></div></div></div>"""))
    s.page("/Pages/gioi-thieu.aspx", shell("Giới thiệu", """<div class="ms-WPBody"><h2>Giới thiệu tỉnh Đông Giang</h2>
<p>Tỉnh Đông Giang nằm ở vùng đồng bằng ven biển, phía bắc giáp các tỉnh đồng bằng sông Hồng, phía nam giáp biển. Tỉnh có bờ biển dài hơn 50 km với nhiều cửa sông lớn, thuận lợi cho phát triển kinh tế biển, nuôi trồng thủy sản và du lịch.</p>
<p>Nhân dân Đông Giang có truyền thống cách mạng, cần cù, sáng tạo trong lao động sản xuất. Nhiều làng nghề truyền thống như dệt chiếu, chạm gỗ, làm bánh đa vẫn được gìn giữ và phát triển.</p></div>"""))
    s.page("/Pages/so-do-cong.aspx", shell("Sơ đồ cổng", '<div class="ms-WPBody"><h2>Sơ đồ cổng</h2><ul><li><a href="/">Trang chủ</a></li><li><a href="/Pages/tin-tuc.aspx?CateID=3">Tin tức - Sự kiện</a></li><li><a href="/Pages/van-ban.aspx">Văn bản</a></li></ul></div>'))
    s.page("/Pages/tim-kiem.aspx?k=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91", shell("Tìm kiếm", "<h2>Kết quả tìm kiếm</h2>" + "".join(
        f'<div class="srch-Title"><a href="{a["path"]}">{html.escape(a["title"])}</a></div><div class="srch-Description">{html.escape(a["lead"][:100])}</div>' for a in arts[2:5])))
    # the search page is linked from the site map page's footer
    p = s.dir / s.routes["/Pages/so-do-cong.aspx"]
    p.write_text(p.read_text("utf-8").replace("</ul></div>", '</ul><a href="/Pages/tim-kiem.aspx?k=chuy%E1%BB%83n%20%C4%91%E1%BB%95i%20s%E1%BB%91">Tìm kiếm: chuyển đổi số</a></div>', 1), "utf-8")
    s.write("/")


# ------------------------------------------------------------------------------------------- liferay
PID = "com_liferay_asset_publisher_web_portlet_AssetPublisherPortlet_INSTANCE_rT5kLm2Qx9Zb"
P61 = "101_INSTANCE_Hq7pWz3KcT1d"
CDDH = "/web/guest/chi-dao-dieu-hanh"


def liferay():
    s = Site("liferay")
    arts = articles_for("liferay")
    listing_base = "/web/guest/tin-tuc-su-kien"
    for a in arts:
        a["path"] = f"{listing_base}/-/asset_publisher/rT5kLm2Qx9Zb/content/{slug(a['title'])}"
        a["aliases"] = []
    # the "Chỉ đạo điều hành" page runs an older (6.1) asset publisher whose links carry the whole portlet state
    for i, a in enumerate(arts):
        if i % 3 == 2:
            a["path"] = (f"{CDDH}?p_p_id={P61}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2"
                         f"&p_p_col_count=1&_{P61}_struts_action=%2Fasset_publisher%2Fview_content"
                         f"&_{P61}_assetEntryId={30011 + 17 * i}&_{P61}_type=content&_{P61}_urlTitle={slug(a['title'])}")
    s.boilerplate = ["Lượt xem", "Ngày đăng", "Tin liên quan", "Các tin khác", "Trở lại", "Chia sẻ", "In bài", "Đánh giá",
                     "Cổng thông tin điện tử tỉnh Bắc Lĩnh. Bản quyền", "Thiết kế bởi VNPT", *CREDITS, "Tin mới nhất",
                     "Nguồn:", "Tác giả:"]

    def page_url(p, base=listing_base, pid=PID):
        if base == CDDH:
            return f"{CDDH}?p_p_id={P61}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2&p_p_col_count=1&_{P61}_cur={p}"
        return (f"{base}?p_p_id={pid}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&_{pid}_delta=5"
                f"&_{pid}_keywords=&_{pid}_advancedSearch=false&_{pid}_andOperator=true&p_r_p_resetCur=false&_{pid}_cur={p}")

    def link(a, from_url):
        href = f"{a['path']}{'&' if '?' in a['path'] else '?'}redirect={quote(from_url, safe='')}"
        if href not in a["aliases"]:
            a["aliases"].append(href)
        return html.escape(href)

    def shell(title, main, here):
        newest = "".join(f'<li><h3 class="asset-title"><a href="{link(b, here)}">{html.escape(b["title"])}</a></h3></li>' for b in arts[:4])
        return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN"><head><title>{html.escape(title)} - Cổng thông tin điện tử tỉnh Bắc Lĩnh</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type"/>
<link href="/o/vnpt-theme/images/favicon.ico" rel="Shortcut Icon"/>
<script>Liferay.Portlet.ready(function(portletId, node) {{}});</script></head>
<body class="controls-visible yui3-skin-sam guest-site signed-out public-page site">
<div class="container-fluid" id="wrapper"><header id="banner" role="banner"><div class="logo"><a href="/web/guest/trang-chu"><img src="/o/vnpt-theme/images/logo.png" alt="Bắc Lĩnh"/></a></div>
<nav class="sort-pages modify-pages" id="navigation" role="navigation"><ul aria-label="Các trang">
<li><a href="/web/guest/trang-chu"><span>Trang chủ</span></a></li><li><a href="{listing_base}"><span>Tin tức - Sự kiện</span></a></li>
<li><a href="/web/guest/chinh-quyen"><span>Chính quyền</span></a></li><li><a href="{CDDH}"><span>Chỉ đạo điều hành</span></a></li><li><a href="/web/guest/van-ban-chi-dao"><span>Văn bản chỉ đạo</span></a></li>
<li><a href="/web/guest/lich-cong-tac"><span>Lịch công tác</span></a></li><li><a href="/web/guest/gioi-thieu"><span>Giới thiệu</span></a></li></ul></nav></header>
<section id="content"><div class="columns-2" id="main-content" role="main"><div class="portlet-layout row">
<div class="col-md-8 portlet-column" id="column-1">{main}</div>
<div class="col-md-4 portlet-column" id="column-2">
<section class="portlet" id="portlet_newest"><div class="portlet-content"><h2 class="portlet-title-text">Tin mới nhất</h2><ul>{newest}</ul></div></section>
<section class="portlet"><div class="portlet-content"><div class="journal-content-article"><a href="https://dichvucong.gov.vn"><img src="/documents/banner-dvc.png" alt="Dịch vụ công"/></a></div></div></section>
</div></div></div></section>
<footer id="footer" role="contentinfo"><p>Cổng thông tin điện tử tỉnh Bắc Lĩnh. Bản quyền thuộc UBND tỉnh Bắc Lĩnh.</p>
<p>Địa chỉ: Tổ 5, phường Tân Phong, thành phố Bắc Lĩnh. Điện thoại: 0214.3840.xxx</p><p>Thiết kế bởi VNPT Bắc Lĩnh</p></footer></div></body></html>"""

    for i, a in enumerate(arts):
        here = "http://localhost" + a["path"]
        if i % 3 == 0:
            date = f'<div class="assetPublishDate">{ddmmyyyy(a["dt"])} | {ampm(a["dt"])}</div><div class="asset-view-count">Lượt xem: {a["views"]}</div>'
        elif i % 3 == 1:
            date = f'<div class="assetPublishDate"><span class="label">Ngày đăng</span> {ddmmyyyy(a["dt"])} | {ampm(a["dt"])} <span class="view-count">| Lượt xem: {a["views"]}</span></div>'
        else:
            date = f'<span class="assetPublishDate">Ngày đăng: {ddmmyyyy(a["dt"])} | {ampm(a["dt"])}</span> <span>Lượt xem {a["views"]}</span>'
        enc = entities if i % 2 == 0 else (lambda x: html.escape(x, quote=False))
        body = f'<p style="text-align: justify;"><strong>{enc(a["lead"])}</strong></p>'
        body += "".join(f'<p style="text-align: justify;">&nbsp;{enc(p)}</p>' for p in a["paras"][:1])
        body += f'<p style="text-align: center;"><img src="/documents/20182/0/anh{i}.jpg" /></p><p style="text-align: center;"><em>{enc(a["caption"])} {enc(a["credit"])}</em></p>'
        body += "".join(f'<p style="text-align: justify;">{enc(p)}</p>' for p in a["paras"][1:])
        if a["source"]:
            body += f'<p style="text-align: right;"><strong>Tác giả: {enc(a["author"])}</strong></p><p style="text-align: right;">Nguồn: {enc(a["source"])}</p>'
        else:
            body += f'<p style="text-align: right;"><strong>{enc(a["author"])}</strong></p>'
        rel = "".join(f'<li><a href="{link(b, here)}">{html.escape(b["title"])}</a> <span class="date">({ddmmyyyy(b["dt"])})</span></li>'
                      for b in arts[i + 1:i + 4])
        other = "".join(f'<li><h3 class="asset-title"><a href="{link(b, here)}">{html.escape(b["title"])}</a></h3><span class="metadata-publish-date">{ddmmyyyy(b["dt"])}</span></li>'
                        for b in arts[max(0, i - 3):i])
        title = html.escape(a["title"]) if i % 2 else entities(a["title"]).replace("&#34;", "&quot;")
        main = f"""<section class="portlet" id="portlet_{PID}"><div class="portlet-content"><div class="portlet-body">
<div class="asset-full-content clearfix default-asset-publisher show-asset-title">
<div class="taglib-header"><span class="header-back-to"><a href="{listing_base}" title="Trở lại">«Trở lại</a></span>
<h3 class="header-title"><span>{title.replace('"', '&quot;')}</span></h3></div>
{date}
<div class="asset-content"><div class="journal-content-article" data-analytics-asset-id="{81234 + i}">{body}</div></div>
<div class="asset-links"><h4 class="asset-links-title">Tin liên quan</h4><ul>{rel}</ul></div>
<div class="asset-ratings"><span>Đánh giá</span> ★★★★☆</div>
<div class="taglib-social-bookmarks"><span>Chia sẻ</span> <a href="https://www.facebook.com/sharer.php">Facebook</a> <a href="javascript:print()">In bài</a></div>
</div></div></div></section>
<section class="portlet"><div class="portlet-content"><h2 class="portlet-title-text">Các tin khác</h2><ul>{other}</ul></div></section>"""
        s.page(a["path"], shell(a["title"], main, here), article=a)

    for base, group, per, head in [(listing_base, [a for i, a in enumerate(arts) if i % 3 != 2], 4, "Tin tức - Sự kiện"),
                                   (CDDH, [a for i, a in enumerate(arts) if i % 3 == 2], 3, "Chỉ đạo điều hành")]:
      pages = (len(group) + per - 1) // per
      for p in range(1, pages + 1):
        here = "http://localhost" + (page_url(p, base) if p > 1 else base)
        items = "".join(f"""<div class="asset-abstract"><div class="asset-small-image"><img src="/documents/20182/0/thumb{a['n']}.jpg"/></div>
<h3 class="asset-title"><a href="{link(a, here)}">{html.escape(a['title'])}</a></h3>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{ddmmyyyy(a['dt'])} | {ampm(a['dt'])}</span></div>
<div class="asset-summary">{html.escape(a['lead'][:150])}...</div>
<div class="asset-more"><a href="{link(a, here)}">Xem tiếp »</a></div></div>""" for a in group[(p - 1) * per:p * per])
        pager = "".join(f'<li><a href="{html.escape(page_url(q, base))}">{q}</a></li>' for q in range(1, pages + 1) if q != p)
        if p < pages:
            pager += f'<li><a href="{html.escape(page_url(p + 1, base))}">Tiếp »</a></li>'
        main = f"""<section class="portlet" id="portlet_{PID}"><div class="portlet-content"><h2 class="portlet-title-text">{head}</h2>
<div class="asset-publisher">{items}</div><div class="taglib-page-iterator"><ul class="pagination">{pager}</ul>
<div class="search-results">Hiển thị {(p - 1) * per + 1} - {min(p * per, len(group))} của {len(group)} kết quả.</div></div></div></section>"""
        s.page(page_url(p, base) if p > 1 else base, shell(head, main, here))
      s.alias(page_url(1, base), base)
    feat = arts[0]
    home_main = f"""<section class="portlet"><div class="portlet-content"><div class="hot-news"><h3 class="asset-title"><a href="{link(feat, 'http://localhost/web/guest/trang-chu')}">{html.escape(feat['title'])}</a></h3>
<p>{html.escape(feat['lead'])}</p></div><a href="{listing_base}">Xem tất cả</a></div></section>"""
    s.page("/web/guest/trang-chu", shell("Trang chủ", home_main, "http://localhost/web/guest/trang-chu"))
    s.redirects["/"] = "/web/guest/trang-chu"
    s.page("/web/guest/chinh-quyen", shell("Chính quyền", """<section class="portlet"><div class="portlet-content"><div class="journal-content-article">
<h2>Thường trực HĐND tỉnh</h2><p>Chủ tịch: Ông Lò Văn Tấn</p><h2>UBND tỉnh</h2><p>Chủ tịch: Ông Cầm Ngọc Minh. Các Phó Chủ tịch: Ông Lường Văn Hải, Bà Tòng Thị Hoa.</p></div></div></section>""", "x"))
    s.page("/web/guest/lich-cong-tac", shell("Lịch công tác", """<section class="portlet"><div class="portlet-content"><h2 class="portlet-title-text">Lịch công tác tuần</h2>
<table class="table"><tr><th>Thời gian</th><th>Nội dung</th><th>Chủ trì</th></tr><tr><td>Thứ Hai 08/04/2024 - 08:00 AM</td><td>Giao ban tuần</td><td>Chủ tịch UBND tỉnh</td></tr>
<tr><td>Thứ Ba 09/04/2024 - 02:00 PM</td><td>Làm việc với huyện Mường Khang</td><td>Phó Chủ tịch UBND tỉnh</td></tr></table></div></section>""", "x"))
    vb = "/web/guest/van-ban-chi-dao?p_p_id=vanban_WAR_vnptportlet&p_p_lifecycle=0&_vanban_WAR_vnptportlet_id=772"
    s.page("/web/guest/van-ban-chi-dao", shell("Văn bản chỉ đạo", f"""<section class="portlet"><div class="portlet-content"><h2 class="portlet-title-text">Văn bản chỉ đạo</h2>
<table><tr><th>Số hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr><tr><td><a href="{html.escape(vb)}">88/KH-UBND</a></td><td>02/04/2024</td><td>Kế hoạch tổ chức các hoạt động kỷ niệm 70 năm chiến thắng</td></tr></table></div></section>""", "x"))
    s.page(vb, shell("Văn bản chỉ đạo", """<section class="portlet"><div class="portlet-content"><div class="vanban-detail"><h3>Kế hoạch tổ chức các hoạt động kỷ niệm 70 năm chiến thắng</h3>
<table><tr><td>Số hiệu</td><td>88/KH-UBND</td></tr><tr><td>Ngày ban hành</td><td>02/04/2024</td></tr><tr><td>Ngày hiệu lực</td><td>02/04/2024</td></tr>
<tr><td>Người ký</td><td>Cầm Ngọc Minh</td></tr><tr><td>Tệp đính kèm</td><td><a href="/documents/88-KH.pdf">88-KH.pdf</a></td></tr></table></div></div></section>""", "x"))
    s.page("/web/guest/gioi-thieu", shell("Giới thiệu", """<section class="portlet"><div class="portlet-content"><div class="journal-content-article">
<h2>Khái quát về tỉnh Bắc Lĩnh</h2><p>Bắc Lĩnh là tỉnh miền núi biên giới, có đường biên giới dài hơn 100 km. Địa hình bị chia cắt mạnh bởi các dãy núi cao và sông suối, tạo nên nhiều cảnh quan hùng vĩ.</p>
<p>Toàn tỉnh có 12 dân tộc cùng sinh sống, mỗi dân tộc có bản sắc văn hóa riêng, tạo nên bức tranh văn hóa đa dạng, phong phú. Kinh tế của tỉnh chủ yếu dựa vào nông, lâm nghiệp, đang chuyển dịch theo hướng tăng tỷ trọng dịch vụ và du lịch.</p></div></div></section>""", "x"))
    s.page("/web/guest/tim-kiem?q=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi", shell("Tìm kiếm", "<h2>Kết quả tìm kiếm</h2>" + "".join(
        f'<h3 class="asset-title"><a href="{link(a, "http://localhost/web/guest/tim-kiem")}">{html.escape(a["title"])}</a></h3>' for a in arts[2:4]), "x"))
    p = s.dir / s.routes["/web/guest/gioi-thieu"]
    p.write_text(p.read_text("utf-8").replace("</footer>", '<a href="/web/guest/tim-kiem?q=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi">Tìm kiếm</a></footer>'), "utf-8")
    tag = f"{listing_base}/-/asset_publisher/rT5kLm2Qx9Zb/tag/chuyen-doi-so"
    s.page(tag, shell("Chuyển đổi số", f'<h2 class="portlet-title-text">Tag: chuyển đổi số</h2><h3 class="asset-title"><a href="{link(arts[3], "http://localhost" + tag)}">{html.escape(arts[3]["title"])}</a></h3>', "x"))
    p = s.dir / s.routes[arts[3]["path"]]
    p.write_text(p.read_text("utf-8").replace('<div class="asset-ratings">', f'<div class="asset-tags">Từ khóa: <a href="{tag}">chuyển đổi số</a></div><div class="asset-ratings">'), "utf-8")
    # aliases: the expected list is written at page time; refresh them (links are collected as pages are made)
    by_path = {a["path"]: a for a in arts}
    for e in s.expected:
        e["aliases"] = by_path[e["path"]]["aliases"]
    s.write("/")


# ----------------------------------------------------------------------------------- party newspaper
def party_newspaper():
    s = Site("party_newspaper")
    arts = articles_for("party_newspaper")
    cats = {"chinh-tri": "Chính trị", "xa-hoi": "Xã hội", "kinh-te": "Kinh tế"}
    for i, a in enumerate(arts):
        a["cat"] = list(cats)[i % 3]
        a["path"] = f"/{a['cat']}/{slug(a['title'])}-{31870 + 13 * i}.html"
    arts[4]["path"] = f"/emagazine/{slug(arts[4]['title'])}-{31870 + 13 * 4}.html"
    s.boilerplate = ["Trình bày:", "eMagazine", "Tin liên quan", "Đọc nhiều", "Chia sẻ bài viết", "Từ khóa", "Bình luận", "Bản quyền thuộc Báo Nam Thạnh",
                     "Tổng Biên tập", "GMT+7", *CREDITS, "Xem thêm", "Tin cùng chuyên mục", "Báo in", "Bài, ảnh:"]
    menu = "".join(f'<li class="menu__item"><a href="/{k}/">{v}</a></li>' for k, v in cats.items())
    menu = f'<nav class="menu"><ul><li class="menu__item"><a href="/">Trang chủ</a></li>{menu}<li><a href="/bao-in/">Báo in</a></li><li><a href="/video/">Video</a></li></ul></nav>'

    def shell(title, main, desc=""):
        most = "".join(f'<li class="story"><a class="story__title" href="{b["path"]}">{html.escape(b["title"])}</a></li>' for b in arts[5:9])
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"/><title>{html.escape(title)}</title>
<meta name="description" content="{html.escape(desc)}"/><meta property="og:title" content="{html.escape(title)}"/>
<link rel="alternate" type="application/rss+xml" href="/rss/home.rss"/></head><body>
<header class="site-header"><a class="logo" href="/"><img src="/assets/logo-bao.png" alt="Báo Nam Thạnh điện tử"/></a>
<div class="header__date">Thứ Tư, 25/11/2026</div><form action="/tim-kiem.html"><input name="q"/></form></header>
{menu}
<main class="container"><div class="main-col">{main}</div>
<aside class="sidebar"><div class="box-most-read"><h3 class="box-heading">Đọc nhiều</h3><ol>{most}</ol></div>
<div class="box-ads"><img src="/assets/qc-1.jpg" alt="quảng cáo"/></div></aside></main>
<footer class="site-footer"><p>Cơ quan của Đảng bộ, Chính quyền và Nhân dân tỉnh Nam Thạnh</p><p>Tổng Biên tập: Trần Văn Bảy</p>
<p>Giấy phép số 112/GP-BTTTT. Bản quyền thuộc Báo Nam Thạnh. Ghi rõ nguồn khi phát hành lại.</p>
<p><a href="/lien-he.html">Liên hệ</a> | <a href="/thong-tin-toa-soan.html">Thông tin tòa soạn</a></p></footer></body></html>"""

    for i, a in enumerate(arts):
        t = a["dt"]
        when = [f"{WEEKDAYS[t.weekday()]}, {ddmmyyyy(t)} {t.hour:02d}:{t.minute:02d}",
                f"{WEEKDAYS[t.weekday()]}, {ddmmyyyy(t)} {t.hour:02d}:{t.minute:02d} [GMT+7]",
                f"{WEEKDAYS[t.weekday()]}, {ddmmyyyy(t)} - {t.hour:02d}:{t.minute:02d}"][i % 3]
        rel = "".join(f'<li><a href="{b["path"]}">{html.escape(b["title"])}</a></li>' for b in arts[i + 1:i + 3])
        body = f"<p>{html.escape(a['paras'][0])}</p>"
        body += f"""<figure class="image align-center"><img src="/images/2019/anh{i}.jpg" alt="{html.escape(a['caption'])}"/>
<figcaption>{a['caption']} {a['credit']}</figcaption></figure>"""
        if i % 2 == 0:
            body += f'<div class="box-related-news" data-type="related"><h4>Tin liên quan</h4><ul>{rel}</ul></div>'
        body += "".join(f"<p>{html.escape(p)}</p>" for p in a["paras"][1:])
        if i % 3 == 0:
            body += f'<p style="text-align: right;"><strong>{"Bài, ảnh: " if i % 2 else ""}{a["author"]}</strong></p>'
            author = ""
        else:
            author = f'<div class="article__author"><span class="author-name">{a["author"]}</span></div>'
        same = "".join(f'<article class="story"><a class="story__title" href="{b["path"]}">{html.escape(b["title"])}</a><time>{ddmmyyyy(b["dt"])}</time></article>'
                       for b in arts if b["cat"] == a["cat"] and b is not a)
        if a["path"].startswith("/emagazine/"):
            # a long-form eMagazine story: its own full-width template, a pull quote, a credits block
            quote = a["paras"][1].split(",")[0]
            emag = f"""<div class="emagazine"><div class="e-cover" style="background-image:url(/images/emag/cover{i}.jpg)"><div class="e-cover__inner">
<span class="e-label">eMagazine</span><h1 class="e-title">{html.escape(a['title'])}</h1><div class="e-meta">{when}</div></div></div>
<div class="e-body"><div class="e-sapo"><p>{html.escape(a['lead'])}</p></div>
<p>{html.escape(a['paras'][0])}</p><div class="e-quote"><blockquote><p>“{html.escape(quote)}”</p></blockquote></div>
<figure class="e-full-image"><img src="/images/emag/{i}.jpg"/><figcaption>{a['caption']} {a['credit']}</figcaption></figure>
{''.join(f"<p>{html.escape(p)}</p>" for p in a['paras'][1:])}
<div class="e-credit"><p>Nội dung: {a['author']}</p><p>Ảnh: Tuấn Minh</p><p>Trình bày: Hải Yến</p></div></div>
<div class="article__social"><span>Chia sẻ bài viết</span> <a href="https://facebook.com/sharer">Facebook</a></div></div>"""
            s.page(a["path"], shell(a["title"], emag, a["lead"]), article=a)
            continue
        main = f"""<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/{a['cat']}/">{cats[a['cat']]}</a></div>
<article class="article">
<h1 class="article__title cms-title">{html.escape(a['title'])}</h1>
<div class="article__meta"><time class="time">{when}</time></div>
<div class="article__sapo cms-desc">{html.escape(a['lead'])}</div>
<div class="article__body cms-body">{body}</div>
{author}
<div class="article__tag">Từ khóa: <a href="/tag/nong-thon-moi.html">nông thôn mới</a> <a href="/tag/dai-hoi-dang.html">đại hội đảng</a></div>
<div class="article__social"><span>Chia sẻ bài viết</span> <a href="https://facebook.com/sharer">Facebook</a> <a href="https://zalo.me/share">Zalo</a></div>
<div class="article__comment"><h3>Bình luận</h3><textarea placeholder="Nhập bình luận"></textarea></div>
</article>
<section class="box-same-category"><h3 class="box-heading">Tin cùng chuyên mục</h3>{same}<a href="/{a['cat']}/">Xem thêm</a></section>"""
        s.page(a["path"], shell(a["title"], main, a["lead"]), article=a)

    def listing(cat, items, page, pages):
        st = "".join(f"""<article class="story"><a href="{a['path']}"><img src="/images/2019/thumb{a['n']}.jpg"/></a>
<h2 class="story__heading"><a class="cms-link" href="{a['path']}">{html.escape(a['title'])}</a></h2>
<div class="story__meta"><time>{ddmmyyyy(a['dt'])} {a['dt'].hour:02d}:{a['dt'].minute:02d}</time></div>
<div class="story__summary">{html.escape(a['lead'][:150])}...</div></article>""" for a in items)
        nav = "".join(f'<a href="/{cat}/trang-{p}">{p}</a>' if p != page else f'<span class="active">{p}</span>' for p in range(1, pages + 1))
        return f'<h1 class="cate-title">{cats[cat]}</h1>{st}<div class="pagination">{nav}</div>'

    for cat in cats:
        items = [a for a in arts if a["cat"] == cat]
        pages = (len(items) + 1) // 2
        for p in range(1, pages + 1):
            path = f"/{cat}/" if p == 1 else f"/{cat}/trang-{p}"
            s.page(path, shell(cats[cat], listing(cat, items[(p - 1) * 2:p * 2], p, pages)))
        s.alias(f"/{cat}/trang-1", f"/{cat}/")
    feat = arts[0]
    home = f"""<section class="featured"><article class="story story--featured"><a href="{feat['path']}"><img src="/images/f.jpg"/></a>
<h2 class="story__heading"><a href="{feat['path']}">{html.escape(feat['title'])}</a></h2><div class="story__summary">{html.escape(feat['lead'])}</div></article></section>""" + "".join(
        f'<section class="box-cate"><h2><a href="/{k}/">{v}</a></h2></section>' for k, v in cats.items())
    s.page("/", shell("Báo Nam Thạnh điện tử", home))
    for tg, name in [("nong-thon-moi", "nông thôn mới"), ("dai-hoi-dang", "đại hội đảng")]:
        s.page(f"/tag/{tg}.html", shell(name, f'<h1>Tag: {name}</h1>' + "".join(f'<h2 class="story__heading"><a href="{a["path"]}">{html.escape(a["title"])}</a></h2>' for a in arts[:3])))
    s.page("/bao-in/", shell("Báo in", '<h1>Báo in</h1><ul><li><a href="/bao-in/so-6789.html">Số 6789 - Thứ Hai, 03/06/2019</a></li></ul>'))
    s.page("/bao-in/so-6789.html", shell("Báo in số 6789", '<h1>Báo in số 6789</h1><p>Phát hành Thứ Hai, 03/06/2019 05:00</p><iframe src="/pdf/6789.pdf"></iframe>'))
    s.page("/video/", shell("Video", '<h1>Video</h1><p>Chuyên mục đang cập nhật.</p>'))
    s.page("/lien-he.html", shell("Liên hệ", "<h1>Liên hệ tòa soạn</h1><p>Địa chỉ: 20 đường Cách Mạng Tháng Tám, thành phố Nam Thạnh. Điện thoại: 0270.3822.xxx</p>"))
    s.page("/thong-tin-toa-soan.html", shell("Thông tin tòa soạn", "<h1>Thông tin tòa soạn</h1><p>Báo Nam Thạnh là cơ quan ngôn luận của Đảng bộ tỉnh, xuất bản báo in hằng ngày và báo điện tử cập nhật liên tục 24 giờ.</p><p>Tổng Biên tập: Trần Văn Bảy. Phó Tổng Biên tập: Nguyễn Thị Mỹ.</p>"))
    sm = "".join(f"<url><loc>{{base}}{a['path']}</loc><lastmod>{a['dt'].isoformat()}</lastmod></url>" for a in arts[:8])
    s.raw("/sitemaps/news.xml", f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sm}</urlset>', "news.xml")
    smc = "".join(f"<url><loc>{{base}}/{k}/</loc></url>" for k in cats) + "<url><loc>{base}/lien-he.html</loc></url>"
    s.raw("/sitemaps/categories.xml", f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{smc}</urlset>', "categories.xml")
    s.raw("/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/sitemaps/news.xml</loc></sitemap><sitemap><loc>{base}/sitemaps/categories.xml</loc></sitemap></sitemapindex>', "sitemap.xml")
    s.robots = "User-agent: *\nDisallow: /admin/\nDisallow: /tim-kiem.html\n\nSitemap: {base}/sitemap.xml\n"
    items = "".join(f"<item><title>{html.escape(a['title'])}</title><link>{{base}}{a['path']}</link><description>{html.escape(a['lead'])}</description>"
                    f"<pubDate>{a['dt'].strftime('%a, %d %b %Y %H:%M:%S +0700')}</pubDate></item>" for a in arts[:6])
    s.raw("/rss/home.rss", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Nam Thạnh</title><link>{{base}}/</link>{items}</channel></rss>', "home.rss")
    s.write("/")


# ------------------------------------------------------------------------------------------ wordpress
def wordpress():
    s = Site("wordpress")
    arts = articles_for("wordpress")
    for a in arts:
        a["path"] = f"/{a['dt'].year}/{a['dt'].month:02d}/{a['dt'].day:02d}/{slug(a['title'])}/"
    s.boilerplate = ["Chia sẻ:", "Thích điều này:", "Có liên quan", "Để lại một bình luận", "Bài viết mới", "Chuyên mục:",
                     "Thẻ:", "Điều hướng bài viết", "Tự hào được tạo ra bởi WordPress", "Lưu trữ", *CREDITS, "Nguồn:",
                     "Đăng ngày", "bởi Ban biên tập", "Xem thêm:"]
    cats = {"tin-hoat-dong": "Tin hoạt động", "xay-dung-dang": "Xây dựng Đảng"}
    for i, a in enumerate(arts):
        a["cat"] = list(cats)[i % 2]

    def shell(title, main, body_class="home blog"):
        recent = "".join(f'<li><a href="{b["path"]}">{html.escape(b["title"])}</a></li>' for b in arts[:5])
        return f"""<!doctype html><html lang="vi"><head><meta charset="UTF-8"/><title>{html.escape(title)} &#8211; Huyện ủy Sơn Trà Bắc</title>
<meta name="generator" content="WordPress 6.4.3"/><link rel="alternate" type="application/rss+xml" title="Huyện ủy Sơn Trà Bắc &raquo; Dòng thông tin" href="/feed/"/>
<link rel="https://api.w.org/" href="/wp-json/"/></head><body class="{body_class}">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Chuyển đến nội dung</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/" rel="home">Huyện ủy Sơn Trà Bắc</a></p><p class="site-description">Trang thông tin điện tử Đảng bộ huyện</p>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li class="menu-item"><a href="/">Trang chủ</a></li>
<li class="menu-item"><a href="/gioi-thieu/">Giới thiệu</a></li>{''.join(f'<li class="menu-item"><a href="/category/{k}/">{v}</a></li>' for k, v in cats.items())}
<li class="menu-item"><a href="/lich-cong-tac/">Lịch công tác</a></li><li class="menu-item"><a href="/van-ban/">Văn bản</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">{main}</main></div>
<aside id="secondary" class="widget-area"><section id="search-2" class="widget widget_search"><form role="search" method="get" action="/"><input type="search" name="s"/></form></section>
<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">Bài viết mới</h2><ul>{recent}</ul></section>
<section id="archives-2" class="widget widget_archive"><h2 class="widget-title">Lưu trữ</h2><ul><li><a href="/2024/03/">Tháng Ba 2024</a></li></ul></section>
<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">Chuyên mục</h2><ul>{''.join(f'<li><a href="/category/{k}/">{v}</a></li>' for k, v in cats.items())}</ul></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Trang thông tin điện tử Huyện ủy Sơn Trà Bắc. <a href="https://wordpress.org/">Tự hào được tạo ra bởi WordPress</a></div></footer></div></body></html>"""

    def entry_meta(a, link_title=False):
        upd = a["dt"] + timedelta(days=2, hours=3)
        return (f'<div class="entry-meta"><span class="posted-on">Đăng ngày <a href="{a["path"]}" rel="bookmark">'
                f'<time class="entry-date published" datetime="{a["dt"].isoformat()}">{ddmmyyyy(a["dt"])}</time>'
                f'<time class="updated" datetime="{upd.isoformat()}">{ddmmyyyy(upd)}</time></a></span>'
                f'<span class="byline"> bởi <span class="author vcard"><a class="url fn n" href="/author/bbt/">Ban biên tập</a></span></span></div>')

    for i, a in enumerate(arts):
        body = f"<p><strong>{html.escape(a['lead'])}</strong></p>\n"
        body += f"<p>{html.escape(a['paras'][0])}</p>\n"
        body += f"""<figure id="attachment_{900 + i}" aria-describedby="caption-attachment-{900 + i}" class="wp-caption aligncenter"><img src="/wp-content/uploads/2024/03/anh{i}.jpg" width="800"/>
<figcaption id="caption-attachment-{900 + i}" class="wp-caption-text">{a['caption']} {a['credit']}</figcaption></figure>\n"""
        body += "".join(f"<p>{html.escape(p)}</p>\n" for p in a["paras"][1:])
        if a["source"]:
            body += f'<p style="text-align: right;"><strong>{a["author"]}</strong><br/><em>Nguồn: {a["source"]}</em></p>\n'
        else:
            body += f'<p style="text-align: right;"><strong>{a["author"]}</strong></p>\n'
        if i % 2 and i + 1 < len(arts):
            body += f'<p><strong>Xem thêm:</strong> <a href="{arts[i + 1]["path"]}">{html.escape(arts[i + 1]["title"])}</a></p>\n'
        body += """<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Chia sẻ:</h3><ul><li><a class="share-facebook" href="?share=facebook">Facebook</a></li><li><a href="?share=twitter">X</a></li></ul></div>
<div class="sharedaddy sd-like"><h3 class="sd-title">Thích điều này:</h3><span>Đang tải...</span></div>"""
        rel = "".join(f'<div class="jp-relatedposts-post"><h4 class="jp-relatedposts-post-title"><a href="{b["path"]}">{html.escape(b["title"])}</a></h4><p class="jp-relatedposts-post-date">{ddmmyyyy(b["dt"])}</p></div>' for b in arts[i + 1:i + 4])
        body += f'<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Có liên quan</em></h3>{rel}</div>'
        prev = arts[i + 1] if i + 1 < len(arts) else None
        nxt = arts[i - 1] if i > 0 else None
        nav = '<nav class="navigation post-navigation"><h2 class="screen-reader-text">Điều hướng bài viết</h2><div class="nav-links">'
        if prev:
            nav += f'<div class="nav-previous"><a href="{prev["path"]}" rel="prev">{html.escape(prev["title"])}</a></div>'
        if nxt:
            nav += f'<div class="nav-next"><a href="{nxt["path"]}" rel="next">{html.escape(nxt["title"])}</a></div>'
        nav += "</div></nav>"
        main = f"""<article id="post-{500 + i}" class="post-{500 + i} post type-post status-publish format-standard has-post-thumbnail hentry category-{a['cat']}">
<header class="entry-header"><h1 class="entry-title">{html.escape(a['title'])}</h1>{entry_meta(a)}</header>
<div class="entry-content">{body}</div>
<footer class="entry-footer"><span class="cat-links">Chuyên mục: <a href="/category/{a['cat']}/" rel="category tag">{cats[a['cat']]}</a></span><span class="tags-links">Thẻ: <a href="/tag/nong-thon-moi/" rel="tag">nông thôn mới</a></span></footer>
</article>{nav}
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Để lại một bình luận</h3><form action="/wp-comments-post.php" method="post"><textarea name="comment"></textarea></form></div></div>"""
        page = shell(a["title"], main, f"post-template-default single single-post postid-{500 + i}")
        page = page.replace("</title>", f'</title>\n<link rel="canonical" href="{{base}}{a["path"]}"/>'.replace("{base}", ""), 1)
        s.page(a["path"], page, article=a)

    def loop(items):
        return "".join(f"""<article class="post type-post status-publish hentry"><header class="entry-header"><h2 class="entry-title"><a href="{a['path']}" rel="bookmark">{html.escape(a['title'])}</a></h2>{entry_meta(a)}</header>
<div class="entry-summary"><p>{html.escape(a['lead'][:180])} [&hellip;]</p></div></article>""" for a in items)

    def pager(base, p, pages):
        out = '<nav class="navigation pagination"><div class="nav-links">'
        for q in range(1, pages + 1):
            out += f'<span aria-current="page" class="page-numbers current">{q}</span>' if q == p else f'<a class="page-numbers" href="{base if q == 1 else base + f"page/{q}/"}">{q}</a>'
        if p < pages:
            out += f'<a class="next page-numbers" href="{base}page/{p + 1}/">Trang sau &raquo;</a>'
        return out + "</div></nav>"

    per = 6
    pages = (len(arts) + per - 1) // per
    for p in range(1, pages + 1):
        s.page("/" if p == 1 else f"/page/{p}/", shell("Huyện ủy Sơn Trà Bắc", loop(arts[(p - 1) * per:p * per]) + pager("/", p, pages)))
    for k, v in cats.items():
        items = [a for a in arts if a["cat"] == k]
        cp = (len(items) + 4) // 5
        for p in range(1, cp + 1):
            base = f"/category/{k}/"
            s.page(base if p == 1 else f"{base}page/{p}/", shell(v, f'<header class="page-header"><h1 class="page-title">Chuyên mục: <span>{v}</span></h1></header>' + loop(items[(p - 1) * 5:p * 5]) + pager(base, p, cp), "archive category"))
    s.page("/tag/nong-thon-moi/", shell("nông thôn mới", '<h1 class="page-title">Thẻ: <span>nông thôn mới</span></h1>' + loop(arts[:3]), "archive tag"))
    s.page("/author/bbt/", shell("Ban biên tập", '<h1 class="page-title">Tác giả: <span>Ban biên tập</span></h1>' + loop(arts[:2]), "archive author"))
    s.page("/2024/03/", shell("Tháng Ba 2024", '<h1 class="page-title">Tháng: <span>Tháng Ba 2024</span></h1>' + loop(arts[3:5]), "archive date"))

    def wp_page(path, title, content, pid):
        s.page(path, shell(title, f"""<article id="post-{pid}" class="post-{pid} page type-page status-publish hentry"><header class="entry-header"><h1 class="entry-title">{title}</h1></header>
<div class="entry-content">{content}</div></article>""", f"page-template-default page page-id-{pid}"))

    wp_page("/gioi-thieu/", "Giới thiệu", """<p>Đảng bộ huyện Sơn Trà Bắc được thành lập năm 1946, hiện có 42 tổ chức cơ sở đảng với hơn 6.000 đảng viên. Qua các thời kỳ, Đảng bộ luôn phát huy truyền thống đoàn kết, lãnh đạo nhân dân vượt qua khó khăn, xây dựng quê hương ngày càng giàu đẹp.</p>
<p>Huyện có diện tích tự nhiên khoảng 580 km², dân số gần 120 nghìn người, kinh tế chủ yếu là nông nghiệp, tiểu thủ công nghiệp và dịch vụ. Những năm gần đây, huyện tập trung phát triển du lịch sinh thái ven biển và các vùng chuyên canh rau màu.</p>""", 2)
    wp_page("/lich-cong-tac/", "Lịch công tác", "<table><tr><th>Ngày</th><th>Nội dung</th></tr><tr><td>Thứ Hai, 08/04/2024</td><td>8h00: Thường trực Huyện ủy giao ban</td></tr><tr><td>Thứ Ba, 09/04/2024</td><td>14h00: Làm việc với Đảng ủy xã Hành Phước</td></tr></table>", 3)
    wp_page("/van-ban/", "Văn bản", '<ul><li><a href="/wp-content/uploads/2024/04/KH-15.pdf">Kế hoạch số 15-KH/HU ngày 02/4/2024 về tổ chức đại hội chi bộ</a></li><li><a href="/wp-content/uploads/2024/04/CV-220.pdf">Công văn số 220-CV/HU về công tác phát triển đảng viên</a></li></ul>', 4)
    s.page("/?s=n%C3%B4ng+th%C3%B4n", shell("Kết quả tìm kiếm", '<h1 class="page-title">Kết quả tìm kiếm cho: <span>nông thôn</span></h1>' + loop(arts[2:4]), "search search-results"))
    p = s.dir / s.routes["/tag/nong-thon-moi/"]
    p.write_text(p.read_text("utf-8").replace("</footer>", '<a href="/?s=n%C3%B4ng+th%C3%B4n">Tìm: nông thôn</a></footer>'), "utf-8")
    half = arts[::2]
    sm = "".join(f"<url><loc>{{base}}{a['path']}</loc><lastmod>{a['dt'].isoformat()}</lastmod></url>" for a in half)
    s.raw("/wp-sitemap-posts-post-1.xml", f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sm}</urlset>', "sm-posts.xml")
    s.raw("/wp-sitemap-posts-page-1.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/gioi-thieu/</loc></url><url><loc>{base}/lich-cong-tac/</loc></url><url><loc>{base}/van-ban/</loc></url></urlset>', "sm-pages.xml")
    s.raw("/wp-sitemap-taxonomies-category-1.xml", '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(f"<url><loc>{{base}}/category/{k}/</loc></url>" for k in cats) + "</urlset>", "sm-cats.xml")
    s.raw("/wp-sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{base}/wp-sitemap-posts-post-1.xml</loc></sitemap><sitemap><loc>{base}/wp-sitemap-posts-page-1.xml</loc></sitemap><sitemap><loc>{base}/wp-sitemap-taxonomies-category-1.xml</loc></sitemap></sitemapindex>', "sm-index.xml")
    s.robots = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {base}/wp-sitemap.xml\n"
    items = "".join(f"<item><title>{html.escape(a['title'])}</title><link>{{base}}{a['path']}</link><dc:creator><![CDATA[Ban biên tập]]></dc:creator>"
                    f"<pubDate>{a['dt'].astimezone(timezone.utc).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate><description><![CDATA[{a['lead'][:150]} [&#8230;]]]></description></item>" for a in arts[:10])
    s.raw("/feed/", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Huyện ủy Sơn Trà Bắc</title><link>{{base}}</link>{items}</channel></rss>', "feed.xml")
    s.write("/")


# ------------------------------------------------------------------------------------ wordpress block
def wordpress_block():
    s = Site("wordpress_block")
    arts = articles_for("wordpress_block")
    for a in arts:
        a["path"] = f"/{slug(a['title'])}/"
    s.boilerplate = ["Bài viết khác", "Để lại bình luận", "Được thiết kế với WordPress", "Danh mục", "Thẻ", "Bài trước",
                     "Bài sau", *CREDITS, "Nguồn:", "Đăng ký nhận tin"]
    month = ["", "Tháng Một", "Tháng Hai", "Tháng Ba", "Tháng Tư", "Tháng Năm", "Tháng Sáu", "Tháng Bảy", "Tháng Tám",
             "Tháng Chín", "Tháng Mười", "Tháng Mười Một", "Tháng Mười Hai"]

    def utc(t):
        return t.astimezone(timezone.utc).isoformat()

    def shell(title, main, extra_head=""):
        return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="UTF-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{html.escape(title)} &#8211; Đảng bộ huyện Ea Krông</title><meta name="generator" content="WordPress 6.5.2"/>{extra_head}
<style id="wp-block-library-inline-css">.wp-block-post-title{{font-size:2rem}}</style></head>
<body class="wp-embed-responsive"><div class="wp-site-blocks">
<header class="wp-block-template-part"><div class="wp-block-group alignwide"><p class="wp-block-site-title"><a href="/" rel="home">Đảng bộ huyện Ea Krông</a></p>
<nav class="wp-block-navigation"><ul class="wp-block-navigation__container"><li class="wp-block-navigation-item"><a class="wp-block-navigation-item__content" href="/">Trang chủ</a></li>
<li class="wp-block-navigation-item"><a class="wp-block-navigation-item__content" href="/chuyen-muc/hoat-dong/">Hoạt động</a></li>
<li class="wp-block-navigation-item"><a class="wp-block-navigation-item__content" href="/gioi-thieu/">Giới thiệu</a></li>
<li class="wp-block-navigation-item"><a class="wp-block-navigation-item__content" href="/lich-cong-tac/">Lịch công tác</a></li></ul></nav></div></header>
{main}
<footer class="wp-block-template-part"><div class="wp-block-group"><p>Đăng ký nhận tin qua email</p><p class="has-small-font-size">Được thiết kế với <a href="https://wordpress.org">WordPress</a></p></div></footer></div></body></html>"""

    for i, a in enumerate(arts):
        t = a["dt"]
        head = (f'<meta property="og:type" content="article"/><meta property="article:published_time" content="{utc(t)}"/>'
                f'<meta property="article:modified_time" content="{utc(t + timedelta(days=1))}"/><link rel="canonical" href="{a["path"]}"/>')
        body = f'<p class="has-medium-font-size"><strong>{html.escape(a["lead"])}</strong></p>\n'
        body += "".join(f"<p>{html.escape(p)}</p>\n" for p in a["paras"][:2])
        body += f'<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2024/05/anh{i}.jpg" alt=""/><figcaption class="wp-element-caption">{a["caption"]} {a["credit"]}</figcaption></figure>\n'
        body += "".join(f"<p>{html.escape(p)}</p>\n" for p in a["paras"][2:])
        if a["source"]:
            body += f'<p class="has-text-align-right"><strong>{a["author"]}</strong> (Nguồn: {a["source"]})</p>'
        else:
            body += f'<p class="has-text-align-right"><em>{a["author"]}</em></p>'
        others = "".join(f'<li class="wp-block-post"><h3 class="wp-block-post-title"><a href="{b["path"]}">{html.escape(b["title"])}</a></h3><div class="wp-block-post-date"><time datetime="{utc(b["dt"])}">{b["dt"].day} {month[b["dt"].month]}, {b["dt"].year}</time></div></li>'
                         for b in [b for b in arts if b is not a][:3])
        main = f"""<main class="wp-block-group is-layout-constrained">
<div class="wp-block-group"><h1 class="wp-block-post-title">{html.escape(a['title'])}</h1>
<div class="wp-block-group is-layout-flex"><div class="wp-block-post-date"><time datetime="{utc(t)}">{t.day} {month[t.month]}, {t.year}</time></div>
<div class="wp-block-post-terms taxonomy-category"><a href="/chuyen-muc/hoat-dong/" rel="tag">Hoạt động</a></div></div></div>
<figure class="wp-block-post-featured-image"><img src="/wp-content/uploads/2024/05/feat{i}.jpg"/></figure>
<div class="entry-content wp-block-post-content is-layout-constrained">{body}</div>
<div class="wp-block-group"><div class="taxonomy-post_tag wp-block-post-terms"><span class="wp-block-post-terms__prefix">Thẻ: </span><a href="/the/giam-ngheo/" rel="tag">giảm nghèo</a></div>
<nav class="wp-block-group"><div class="post-navigation-link-previous wp-block-post-navigation-link">Bài trước</div><div class="post-navigation-link-next wp-block-post-navigation-link">Bài sau</div></nav></div>
<div class="wp-block-comments"><h3 class="wp-block-comments-title">Để lại bình luận</h3><form><textarea></textarea></form></div>
<div class="wp-block-query"><h2 class="wp-block-heading">Bài viết khác</h2><ul class="wp-block-post-template">{others}</ul></div></main>"""
        s.page(a["path"], shell(a["title"], main, head), article=a)

    def loop(items):
        return "".join(f"""<li class="wp-block-post post type-post status-publish"><figure class="wp-block-post-featured-image"><a href="{a['path']}"><img src="/wp-content/uploads/2024/05/t{a['n']}.jpg"/></a></figure>
<h2 class="wp-block-post-title"><a href="{a['path']}" target="_self">{html.escape(a['title'])}</a></h2>
<div class="wp-block-post-date"><time datetime="{utc(a['dt'])}">{a['dt'].day} {month[a['dt'].month]}, {a['dt'].year}</time></div>
<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">{html.escape(a['lead'][:140])} &hellip; </p></div></li>""" for a in items)

    per = 5
    pages = (len(arts) + per - 1) // per
    for p in range(1, pages + 1):
        nav = '<nav class="wp-block-query-pagination">'
        if p > 1:
            nav += f'<a href="/?query-1-page={p - 1}" class="wp-block-query-pagination-previous">Trang trước</a>'
        nav += '<div class="wp-block-query-pagination-numbers">' + "".join(
            f'<span aria-current="page" class="page-numbers current">{q}</span>' if q == p else f'<a class="page-numbers" href="/?query-1-page={q}">{q}</a>' for q in range(1, pages + 1)) + "</div>"
        if p < pages:
            nav += f'<a href="/?query-1-page={p + 1}" class="wp-block-query-pagination-next">Trang sau</a>'
        nav += "</nav>"
        main = f'<main class="wp-block-group"><div class="wp-block-query"><ul class="wp-block-post-template">{loop(arts[(p - 1) * per:p * per])}</ul>{nav}</div></main>'
        s.page("/" if p == 1 else f"/?query-1-page={p}", shell("Trang chủ", main))
    hd = arts[1::2]
    for p in (1, 2):
        items = hd[(p - 1) * 4:p * 4]
        nav = "".join(f'<a class="page-numbers" href="/chuyen-muc/hoat-dong/?page={q}">{q}</a>' for q in (1, 2) if q != p)
        s.page("/chuyen-muc/hoat-dong/" if p == 1 else "/chuyen-muc/hoat-dong/?page=2",
               shell("Hoạt động", f'<main class="wp-block-group"><h1 class="wp-block-query-title">Danh mục: Hoạt động</h1><div class="wp-block-query"><ul class="wp-block-post-template">{loop(items)}</ul><nav class="wp-block-query-pagination">{nav}</nav></div></main>'))
    s.alias("/?query-1-page=1", "/")
    s.alias("/chuyen-muc/hoat-dong/?page=1", "/chuyen-muc/hoat-dong/")
    s.page("/the/giam-ngheo/", shell("giảm nghèo", f'<main><h1 class="wp-block-query-title">Thẻ: giảm nghèo</h1><ul class="wp-block-post-template">{loop(arts[5:7])}</ul></main>'))

    def page(path, title, content):
        s.page(path, shell(title, f'<main class="wp-block-group"><h1 class="wp-block-post-title">{title}</h1><div class="entry-content wp-block-post-content">{content}</div></main>'))

    page("/gioi-thieu/", "Giới thiệu", "<p>Huyện Ea Krông nằm ở phía đông của tỉnh, có nhiều buôn làng đồng bào Ê Đê, M'nông sinh sống lâu đời. Cà phê, hồ tiêu và sầu riêng là những cây trồng chủ lực, đem lại nguồn thu nhập chính cho người dân.</p><p>Đảng bộ huyện hiện có 38 tổ chức cơ sở đảng, tập trung lãnh đạo phát triển kinh tế gắn với giữ gìn bản sắc văn hóa các dân tộc và bảo đảm quốc phòng, an ninh vùng biên.</p>")
    page("/lich-cong-tac/", "Lịch công tác", "<figure class=\"wp-block-table\"><table><tbody><tr><td>Thứ Hai 13/5</td><td>Giao ban Thường trực Huyện ủy</td></tr><tr><td>Thứ Tư 15/5</td><td>Kiểm tra công tác chuẩn bị đại hội chi bộ tại xã Cư Pang</td></tr></tbody></table></figure>")
    page("/tai-lieu-hoc-tap/", "Tài liệu học tập", '<ul><li><a href="/wp-content/uploads/2024/05/de-cuong.pdf">Đề cương tuyên truyền kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh</a></li><li><a href="/wp-content/uploads/2024/05/tai-lieu.docx">Tài liệu sinh hoạt chi bộ tháng 5</a></li></ul>')
    p = s.dir / s.routes["/gioi-thieu/"]
    p.write_text(p.read_text("utf-8").replace("</main>", '<p><a href="/tai-lieu-hoc-tap/">Tài liệu học tập</a> | <a href="/the/giam-ngheo/">giảm nghèo</a></p></main>'), "utf-8")
    s.write("/")


# ------------------------------------------------------------------------------- wordpress + elementor
def wordpress_elementor():
    """A WordPress site whose single-post and archive templates are built with Elementor (Hello theme):
    widgets for title, post info (date and a Vietnamese 12-hour time "7:15 sáng"), content, share buttons,
    post navigation and a related-posts grid."""
    s = Site("wordpress_elementor")
    arts = articles_for("wordpress_elementor")
    for a in arts:
        a["path"] = f"/{slug(a['title'])}/"
    s.boilerplate = ["Chia sẻ bài viết", "Bài viết liên quan", "Bài trước", "Bài sau", "Bản quyền © 2024", *CREDITS,
                     "Nguồn:", "Lượt xem", "Đọc thêm", "Kết nối với chúng tôi"]

    def vtime(t):
        h = t.hour % 12 or 12
        return f"{h}:{t.minute:02d} {'sáng' if t.hour < 12 else 'chiều'}"

    def utc(t):
        return t.astimezone(timezone.utc).isoformat()

    nav = """<nav class="elementor-nav-menu--main"><ul id="menu-1" class="elementor-nav-menu"><li class="menu-item"><a href="/" class="elementor-item">Trang chủ</a></li>
<li class="menu-item"><a href="/tin-tuc/" class="elementor-item">Tin tức</a></li><li class="menu-item"><a href="/category/xay-dung-dang/" class="elementor-item">Xây dựng Đảng</a></li>
<li class="menu-item"><a href="/gioi-thieu/" class="elementor-item">Giới thiệu</a></li><li class="menu-item"><a href="/lich-cong-tac/" class="elementor-item">Lịch công tác</a></li>
<li class="menu-item"><a href="/van-ban/" class="elementor-item">Văn bản</a></li><li class="menu-item"><a href="/lien-he/" class="elementor-item">Liên hệ</a></li></ul></nav>"""

    def shell(title, main, head=""):
        return f"""<!doctype html><html lang="vi"><head><meta charset="UTF-8"/><title>{html.escape(title)} - Cổng thông tin huyện Kim Bảng Đông</title>
<meta name="generator" content="WordPress 6.5.3"/><meta name="generator" content="Elementor 3.21.5"/>{head}
<link rel="alternate" type="application/rss+xml" href="/feed/"/></head><body class="wp-theme-hello-elementor elementor-default">
<div data-elementor-type="header" class="elementor elementor-location-header"><div class="elementor-element elementor-widget elementor-widget-theme-site-logo"><a href="/"><img src="/wp-content/uploads/logo.png" alt="Huyện Kim Bảng Đông"/></a></div>
<div class="elementor-element elementor-widget elementor-widget-nav-menu">{nav}</div></div>
{main}
<div data-elementor-type="footer" class="elementor elementor-location-footer"><div class="elementor-widget-container"><h4 class="elementor-heading-title">Kết nối với chúng tôi</h4>
<p>Bản quyền © 2024 Cổng thông tin huyện Kim Bảng Đông. Địa chỉ: số 1 đường Trần Phú, thị trấn Kim Bảng.</p></div></div></body></html>"""

    def card(b):
        return f"""<article class="elementor-post elementor-grid-item post type-post"><a class="elementor-post__thumbnail__link" href="{b['path']}"><div class="elementor-post__thumbnail"><img src="/wp-content/uploads/2024/06/t{b['n']}.jpg"/></div></a>
<div class="elementor-post__text"><h3 class="elementor-post__title"><a href="{b['path']}">{html.escape(b['title'])}</a></h3>
<div class="elementor-post__meta-data"><span class="elementor-post-date">{ddmmyyyy(b['dt'])}</span></div>
<div class="elementor-post__excerpt"><p>{html.escape(b['lead'][:120])}…</p></div><a class="elementor-post__read-more" href="{b['path']}">Đọc thêm »</a></div></article>"""

    for i, a in enumerate(arts):
        t = a["dt"]
        head = (f'<meta property="og:type" content="article"/><meta property="og:title" content="{html.escape(a["title"])}"/>'
                f'<meta property="article:published_time" content="{utc(t)}"/><meta property="article:modified_time" content="{utc(t + timedelta(hours=5))}"/>')
        body = f"<p><strong>{html.escape(a['lead'])}</strong></p>\n" + "".join(f"<p>{html.escape(p)}</p>\n" for p in a["paras"][:-1])
        body += f'<figure class="wp-caption aligncenter"><img src="/wp-content/uploads/2024/06/anh{i}.jpg"/><figcaption class="wp-caption-text">{a["caption"]} {a["credit"]}</figcaption></figure>\n'
        body += f"<p>{html.escape(a['paras'][-1])}</p>\n"
        body += f'<p style="text-align: right;"><strong>{a["author"]}</strong></p>' + (f'<p style="text-align: right;"><em>Nguồn: {a["source"]}</em></p>' if a["source"] else "")
        rel = "".join(card(b) for b in [b for b in arts if b is not a][i % 5:i % 5 + 3])
        prev = arts[i + 1] if i + 1 < len(arts) else arts[0]
        main = f"""<div data-elementor-type="single-post" data-elementor-id="77" class="elementor elementor-77 elementor-location-single post-{300 + i} post type-post status-publish format-standard hentry">
<section class="elementor-section elementor-top-section"><div class="elementor-container elementor-column-gap-default"><div class="elementor-column elementor-col-66"><div class="elementor-widget-wrap elementor-element-populated">
<div class="elementor-element elementor-widget elementor-widget-breadcrumbs"><p id="breadcrumbs"><a href="/">Trang chủ</a> » <a href="/tin-tuc/">Tin tức</a></p></div>
<div class="elementor-element elementor-widget elementor-widget-theme-post-title elementor-page-title elementor-widget-heading" data-widget_type="theme-post-title.default"><div class="elementor-widget-container"><h1 class="elementor-heading-title elementor-size-default">{html.escape(a['title'])}</h1></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container"><ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">
<li class="elementor-icon-list-item elementor-inline-item" itemprop="datePublished"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date">{ddmmyyyy(t)}</span></li>
<li class="elementor-icon-list-item elementor-inline-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-time">{vtime(t)}</span></li>
<li class="elementor-icon-list-item elementor-inline-item" itemprop="author"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author">admin</span></li>
<li class="elementor-icon-list-item elementor-inline-item"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-custom">Lượt xem: {a['views']}</span></li></ul></div></div>
<div class="elementor-element elementor-widget elementor-widget-theme-post-content" data-widget_type="theme-post-content.default"><div class="elementor-widget-container">{body}</div></div>
<div class="elementor-element elementor-widget elementor-widget-share-buttons"><div class="elementor-widget-container"><h5>Chia sẻ bài viết</h5><div class="elementor-grid"><a class="elementor-share-btn elementor-share-btn_facebook" href="https://www.facebook.com/sharer.php?u=x">Facebook</a><a class="elementor-share-btn elementor-share-btn_zalo">Zalo</a></div></div></div>
<div class="elementor-element elementor-widget elementor-widget-post-navigation"><div class="elementor-post-navigation"><div class="elementor-post-navigation__prev"><a href="{prev['path']}" rel="prev"><span class="post-navigation__prev--label">Bài trước</span><span class="post-navigation__prev--title">{html.escape(prev['title'])}</span></a></div><div class="elementor-post-navigation__next"><span class="post-navigation__next--label">Bài sau</span></div></div></div>
<div class="elementor-element elementor-widget elementor-widget-heading"><h2 class="elementor-heading-title">Bài viết liên quan</h2></div>
<div class="elementor-element elementor-widget elementor-widget-posts"><div class="elementor-posts-container elementor-posts elementor-grid">{rel}</div></div>
</div></div></div></section></div>"""
        s.page(a["path"], shell(a["title"], main, head), article=a)

    def archive(head, items, base, p, pages):
        pag = "".join(f'<span aria-current="page" class="page-numbers current">{q}</span>' if q == p else
                      f'<a class="page-numbers" href="{base if q == 1 else f"{base}page/{q}/"}">{q}</a>' for q in range(1, pages + 1))
        if p < pages:
            pag += f'<a class="page-numbers next" href="{base}page/{p + 1}/">Trang sau »</a>'
        return shell(head, f"""<div data-elementor-type="archive" class="elementor elementor-location-archive"><div class="elementor-widget elementor-widget-theme-archive-title"><h1 class="elementor-heading-title">{head}</h1></div>
<div class="elementor-widget elementor-widget-archive-posts"><div class="elementor-posts-container elementor-posts elementor-grid">{''.join(card(b) for b in items)}</div>
<nav class="elementor-pagination" aria-label="Phân trang">{pag}</nav></div></div>""")

    per = 5
    pages = (len(arts) + per - 1) // per
    for p in range(1, pages + 1):
        s.page("/tin-tuc/" if p == 1 else f"/tin-tuc/page/{p}/", archive("Tin tức", arts[(p - 1) * per:p * per], "/tin-tuc/", p, pages))
    xd = arts[::3]
    s.page("/category/xay-dung-dang/", archive("Xây dựng Đảng", xd[:4], "/category/xay-dung-dang/", 1, 2))
    s.page("/category/xay-dung-dang/page/2/", archive("Xây dựng Đảng", xd[4:], "/category/xay-dung-dang/", 2, 2))
    s.page("/tag/nong-thon-moi/", archive("Thẻ: nông thôn mới", arts[2:4], "/tag/nong-thon-moi/", 1, 1))
    s.page("/?s=gi%E1%BA%A3m+ngh%C3%A8o", archive("Kết quả tìm kiếm: giảm nghèo", arts[6:7], "/", 1, 1))
    feat = arts[0]
    s.page("/", shell("Trang chủ", f"""<div data-elementor-type="wp-page" class="elementor elementor-5"><section class="elementor-section"><div class="elementor-widget elementor-widget-posts">
<div class="elementor-posts-container elementor-posts elementor-grid">{''.join(card(b) for b in arts[:4])}</div></div>
<div class="elementor-widget elementor-widget-button"><a class="elementor-button" href="/tin-tuc/">Xem tất cả tin tức</a></div>
<div class="elementor-widget elementor-widget-text-editor"><p>Chào mừng đến với Cổng thông tin huyện Kim Bảng Đông. <a href="/?s=gi%E1%BA%A3m+ngh%C3%A8o">Chuyên đề giảm nghèo</a> | <a href="/tag/nong-thon-moi/">Nông thôn mới</a></p></div></section></div>"""))

    def epage(path, title, content):
        s.page(path, shell(title, f"""<div data-elementor-type="wp-page" class="elementor elementor-page"><section class="elementor-section"><div class="elementor-widget elementor-widget-heading"><h1 class="elementor-heading-title">{title}</h1></div>
<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container">{content}</div></div></section></div>"""))

    epage("/gioi-thieu/", "Giới thiệu", "<p>Huyện Kim Bảng Đông được tái lập năm 1997, nằm ở phía đông của tỉnh, có 18 đơn vị hành chính cấp xã. Huyện có vị trí thuận lợi, nằm trên trục giao thông nối liền các trung tâm kinh tế lớn của vùng đồng bằng.</p><p>Những năm qua, kinh tế của huyện tăng trưởng khá, cơ cấu chuyển dịch theo hướng công nghiệp, dịch vụ; đời sống vật chất, tinh thần của nhân dân không ngừng được nâng lên. Ngày 15/03/2024, huyện được công nhận đạt chuẩn nông thôn mới.</p>")
    epage("/lich-cong-tac/", "Lịch công tác tuần", "<table><tr><td>Thứ Hai 10/6</td><td>8h00: Giao ban Thường trực Huyện ủy</td></tr><tr><td>Thứ Ba 11/6</td><td>14h00: Làm việc với Đảng ủy xã An Lạc</td></tr><tr><td>Thứ Năm 13/6</td><td>8h00: Tiếp công dân định kỳ</td></tr></table>")
    epage("/van-ban/", "Văn bản", '<ul><li><a href="/wp-content/uploads/2024/06/kh-45.pdf">Kế hoạch 45-KH/HU ngày 03/6/2024 về kiểm tra, giám sát</a></li><li><a href="/wp-content/uploads/2024/06/qd-12.pdf">Quyết định 12-QĐ/HU ngày 05/6/2024</a></li></ul>')
    epage("/lien-he/", "Liên hệ", "<p>Văn phòng HĐND và UBND huyện Kim Bảng Đông. Điện thoại: 0226.3821.xxx. Email: vp@kimbangdong.gov.vn</p>")
    items = "".join(f"<item><title>{html.escape(a['title'])}</title><link>{{base}}{a['path']}</link>"
                    f"<pubDate>{a['dt'].astimezone(timezone.utc).strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>" for a in arts[:10])
    s.raw("/feed/", f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kim Bảng Đông</title><link>{{base}}</link>{items}</channel></rss>', "feed.xml")
    s.write("/")


if __name__ == "__main__":
    for fn in (tandan, sharepoint, liferay, party_newspaper, wordpress, wordpress_block, wordpress_elementor):
        fn()
        print("wrote", fn.__name__)
