"""Writes the *unseen* fixture sites under tests/data/sites_unseen/<family>/: one site per CMS family,
modelled on how Vietnamese government portals, party committee sites and provincial party newspapers
of each family look in the wild (not on partyfacts' parser): layout tables, inline styles, scripts,
comments, <br>-separated and <div> paragraphs, captions with credits, bold leads, "Tin mới" /
"Các tin khác" / "Tin liên quan" boxes, archive date pickers, polls, view counters, share/print links,
breadcrumbs, footers, family-specific URLs and pagination, static pages with long text, tag, search and
date-archive pages, HTML entities, a windows-1258 page, an article laid out in a <table>.

Texts are invented (texts.py). Run it after editing; the generated files are committed.
Each site directory gets the pages, routes.json (path → file, headers, redirects) and expected.json
(start URL, the articles with their title / date / text, the non-article pages, boilerplate strings).
"""
from __future__ import annotations

import html
import json
import shutil
import sys
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlencode

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from texts import article_text  # noqa: E402

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

# strings that portals print around articles; none may reach an article text
BOILER = ["Tin mới", "Các tin khác", "Tin liên quan", "Các tin đã đưa ngày", "Thăm dò ý kiến",
          "Bạn quan tâm đến nội dung nào nhất trên cổng thông tin?", "Lượt xem", "Lượt truy cập", "In trang",
          "Gửi email", "Bản in", "Chia sẻ", "Số 12 đường Trần Hưng Đạo", "Điện thoại: 0207.3822.xxx",
          "Giấy phép số 45/GP-TTĐT", "Trang chủ", "Ảnh:", "Quay lại", "Về đầu trang", "Thủ tục hành chính",
          "Tin tiêu điểm", "Xem tiếp", "Đường dây nóng", "Ban Biên tập"]


def cp1258(s: str) -> bytes:
    """windows-1258: base letters precomposed with vowel marks, tone marks as combining characters."""
    groups: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch) and groups:
            groups[-1].append(ch)
        else:
            groups.append([ch])
    out = "".join(unicodedata.normalize("NFC", g[0] + "".join(m for m in g[1:] if m not in TONES))
                  + "".join(m for m in g[1:] if m in TONES) for g in groups)
    return out.encode("cp1258")


def e(s: str) -> str:
    return html.escape(s, quote=False)


def ent(s: str, i: int = 0) -> str:
    """Liferay's editor: named entities where HTML has them (&agrave;), numeric ones elsewhere (&#7843;)."""
    out = []
    for ch in html.escape(s, quote=False):
        if ord(ch) < 128:
            out.append(ch)
        elif (i % 2 == 0) and ord(ch) in html.entities.codepoint2name:
            out.append(f"&{html.entities.codepoint2name[ord(ch)]};")
        else:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


def slug(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "-".join("".join(c if c.isalnum() else " " for c in s).split())


def page(title: str, body: str, head: str = "", charset: str = "utf-8", body_attrs: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f'<title>{e(title)}</title><meta name="viewport" content="width=device-width">'
            f'<style type="text/css">.hidden{{display:none}} body{{font-family:Arial}}</style>{head}'
            f'<script type="text/javascript">var _gaq=_gaq||[];_gaq.push(["_trackPageview"]);</script></head>'
            f'<body{body_attrs}>\n<!-- Begin header -->\n{body}\n<!-- End footer -->'
            f'<script>document.write("<div>Tin mới</div>");</script><noscript>Trình duyệt không hỗ trợ JavaScript</noscript>'
            f'</body></html>')


# -- shared page furniture ---------------------------------------------------------------------------
def banner(site_name: str) -> str:
    return (f'<table width="100%" cellpadding="0" cellspacing="0" class="header-table"><tr><td class="logo">'
            f'<a href="/"><img src="/images/logo.png" alt="{e(site_name)}"></a></td>'
            f'<td><h1 class="site-name" style="color:#c00;font-size:22px">{e(site_name.upper())}</h1></td>'
            f'<td class="today" style="text-align:right">Thứ Tư, 25/11/2026</td></tr></table>')


def menu(links: list[tuple[str, str]]) -> str:
    return ('<div id="menu"><ul class="menu-top">' + "".join(f'<li><a href="{u}">{e(t)}</a></li>' for u, t in links)
            + '<li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li></ul></div>')


def breadcrumb(cat: tuple[str, str]) -> str:
    return (f'<div class="duong-dan" style="padding:5px"><a href="/">Trang chủ</a> &gt; '
            f'<a href="{cat[0]}">{e(cat[1])}</a></div>')


def sidebar(items: list[dict], dated: bool = True) -> str:
    lis = "".join(f'<li><a href="{a["href"]}">{e(a["title"])}</a>'
                  + (f' <span class="date">({a["dmy"]})</span>' if dated else "") + '</li>' for a in items[:5])
    opts = "".join(f"<option>{d}</option>" for d in range(1, 32))
    return (f'<td class="col-right" width="250" valign="top">'
            f'<div class="block"><div class="block-title">Tin tiêu điểm</div><ul>{lis}</ul></div>'
            f'<div class="block lich"><div class="block-title">Các tin đã đưa ngày</div>'
            f'<select name="d">{opts}</select><select name="m"><option>6</option></select>'
            f'<select name="y"><option>2019</option></select><a href="#" onclick="go()">Xem</a></div>'
            f'<div class="block"><div class="block-title">Thăm dò ý kiến</div>'
            f'<div>Bạn quan tâm đến nội dung nào nhất trên cổng thông tin?</div>'
            f'<div><input type="radio" name="q"> Tin tức - sự kiện</div><div><input type="radio" name="q"> Văn bản</div>'
            f'<a href="#">Biểu quyết</a> <a href="#">Xem kết quả</a></div>'
            f'<div class="block"><div class="block-title">Thống kê truy cập</div><div>Lượt truy cập: 12.345.678</div>'
            f'<div>Đang online: 123</div></div>'
            f'<div class="block"><a href="#"><img src="/images/banner-dvc.jpg" alt="Dịch vụ công"></a>'
            f'<div>Đường dây nóng: 0207.3822.xxx</div></div></td>')


def footer(org: str) -> str:
    return (f'<div id="footer" style="background:#a00;color:#fff"><table width="100%"><tr><td>'
            f'<b>{e(org)}</b><br>Cơ quan chủ quản: Ban Biên tập Cổng thông tin điện tử<br>'
            f'Địa chỉ: Số 12 đường Trần Hưng Đạo, thành phố<br>Điện thoại: 0207.3822.xxx - Email: banbientap@xxx.gov.vn<br>'
            f'Giấy phép số 45/GP-TTĐT ngày 12/3/2018 của Bộ Thông tin và Truyền thông</td>'
            f'<td><a href="#top">Về đầu trang</a></td></tr></table></div>')


def static_text(name: str) -> list[str]:
    return [f"{name} là đơn vị hành chính có lịch sử hình thành lâu đời, nằm ở vị trí chiến lược về kinh tế, quốc phòng của tỉnh, "
            "có diện tích tự nhiên hơn 1.100 km2 với 22 đơn vị hành chính cấp xã.",
            "Dân số toàn địa bàn có trên 180.000 người thuộc 8 dân tộc cùng sinh sống, trong đó dân tộc Kinh chiếm 58%, "
            "các dân tộc Tày, Dao, Sán Chay chiếm phần còn lại; truyền thống văn hóa đa dạng và giàu bản sắc.",
            "Trải qua các thời kỳ cách mạng, Đảng bộ và Nhân dân đã phát huy truyền thống yêu nước, đoàn kết, vượt qua khó khăn, "
            "xây dựng quê hương ngày càng phát triển, được Nhà nước tặng thưởng nhiều phần thưởng cao quý.",
            "Cơ cấu kinh tế chuyển dịch theo hướng tăng tỷ trọng công nghiệp, dịch vụ; kết cấu hạ tầng kinh tế - xã hội được "
            "đầu tư đồng bộ, đời sống vật chất và tinh thần của Nhân dân không ngừng được nâng lên."]


# -- article variants ------------------------------------------------------------------------------
def caption(i: int) -> str:
    cap = ["Quang cảnh hội nghị.", "Các đại biểu tham dự buổi làm việc.", "Đồng chí Bí thư phát biểu chỉ đạo."][i % 3]
    who = ["Minh Hà", "Thu Trang", "Đức Anh"][i % 3]
    if i % 2:
        return (f'<table class="image" align="center" style="width:90%"><tbody><tr><td><img src="/Uploads/{i}.jpg" width="500"></td></tr>'
                f'<tr><td class="image_desc" style="text-align:center"><em>{cap} Ảnh: {who}</em></td></tr></tbody></table>')
    return (f'<p style="text-align: center;"><img alt="" src="/Uploads/{i}.jpg" style="width: 600px; height: 400px;"></p>'
            f'<p style="text-align: center;"><em><span style="font-size:12px">{cap} (Ảnh: {who})</span></em></p>')


def paragraphs(a: dict, i: int, *, lead_in_body: bool, enc=e) -> str:
    """The article body as an editor leaves it, in one of several styles."""
    ps = list(a["paragraphs"])
    style = i % 4
    out = []
    if lead_in_body:
        out.append(f'<p style="text-align: justify;"><strong>{enc(a["lead"])}</strong></p>')
    for k, p in enumerate(ps):
        if style == 0:
            out.append(f'<p style="text-align: justify;"><span style="font-family:arial,helvetica,sans-serif;'
                       f'font-size:14px;">&nbsp;&nbsp;&nbsp; {enc(p)}</span></p>')
        elif style == 1:
            out.append(f'<div style="text-align: justify;">{enc(p)}</div>')
        elif style == 2:
            out.append(f'{enc(p)}<br>\n<br>')
        else:
            out.append(f'<p class="MsoNormal" style="margin-bottom:6pt;text-indent:36pt"><span lang="VI">{enc(p)}</span>'
                       f'<o:p></o:p></p>')
        if k == 0:
            out.append(caption(i))
        if k == 1 and i % 5 == 0:
            out.append('<!-- [if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->')
    return "".join(out)


def byline(a: dict, i: int, enc=e) -> tuple[str, str, str]:
    """(html, author, source) of the signature the article ends with."""
    form = i % 5
    au, so = a["author"], a["source"]
    if form == 0:
        return f'<p style="text-align: right;"><strong>{enc(au)}</strong></p>', au, ""
    if form == 1:
        return f'<p style="text-align: right;"><strong>Tin, ảnh: {enc(au)}</strong></p>', au, ""
    if form == 2:
        return (f'<p style="text-align: right;"><strong>{enc(au)}</strong></p>'
                f'<p style="text-align: right;"><em>Nguồn: {enc(so)}</em></p>', au, so)
    if form == 3:
        return f'<p style="text-align:right"><b>Theo {enc(so)}</b></p>', "", so
    return f'<div style="text-align: right;"><b>{enc(au)}</b> (Nguồn: {enc(so)})</div>', au, so


DATES = [(2019, 6, 3, 7, 15), (2019, 9, 20, 14, 5), (2020, 1, 8, 9, 30), (2020, 5, 12, 16, 45), (2020, 11, 26, 8, 0),
         (2021, 3, 15, 10, 20), (2021, 7, 2, 21, 40), (2022, 2, 14, 7, 5), (2022, 10, 31, 12, 30), (2023, 4, 6, 15, 15),
         (2023, 12, 18, 11, 50), (2024, 8, 9, 0, 45)]
VI_MONTHS = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười Một", "Mười Hai"]
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def iso(d, with_time=True) -> str:
    y, m, dd, hh, mi = d
    return f"{y:04d}-{m:02d}-{dd:02d}T{hh:02d}:{mi:02d}:00+07:00" if with_time else f"{y:04d}-{m:02d}-{dd:02d}"


def ampm(hh: int, vi: bool) -> str:
    h12 = hh % 12 or 12
    return f"{h12:02d}", (("CH" if hh >= 12 else "SA") if vi else ("PM" if hh >= 12 else "AM"))


# -- the families ------------------------------------------------------------------------------------
class Site:
    def __init__(self, family: str, fam_no: int, name: str):
        self.family, self.fam_no, self.name = family, fam_no, name
        self.files: dict[str, str | bytes] = {}
        self.routes: dict[str, str] = {}
        self.headers: dict[str, dict] = {}
        self.redirects: dict[str, str] = {}
        self.articles: list[dict] = []
        self.non_articles: list[str] = []
        self.start = "/"
        self.robots = "User-agent: *\nDisallow:\n"

    def add(self, path: str, name: str, text, *, article: dict | None = None, non_article: bool = False):
        self.files[name] = text
        self.routes[path] = name
        if non_article:
            self.non_articles.append(path)

    def texts(self, n=12):
        out = []
        for i in range(n):
            a = article_text(self.fam_no, i)
            a["dmy"] = "%02d/%02d/%04d" % (DATES[i][2], DATES[i][1], DATES[i][0])
            out.append(a)
        return out


def expected_article(a: dict, path: str, published: str, author: str, source: str) -> dict:
    return {"path": path, "aliases": [], "title": a["title"], "published": published, "lead": a["lead"],
            "paragraphs": a["paragraphs"], "author": author, "source": source}


def tandan() -> Site:
    s = Site("tandan", 0, "Cổng thông tin điện tử tỉnh Tuyên Quang")
    arts = s.texts()
    cats = [("/portal/Pages/Tin-tuc-su-kien.aspx", "Tin tức - Sự kiện"), ("/portal/Pages/Chi-dao-dieu-hanh.aspx", "Chỉ đạo điều hành")]
    for i, a in enumerate(arts):
        y, m, d, hh, mi = DATES[i]
        a["href"] = f"/portal/Pages/{y}-{m}-{d}/{slug(a['title'])}.aspx"
    menu_links = [("/portal/Pages/default.aspx", "Trang chủ"), ("/portal/Pages/Gioi-thieu-chung.aspx", "Giới thiệu chung"),
                  *cats, ("/portal/Pages/Lien-he.aspx", "Liên hệ")]
    spctx = '<script type="text/javascript">var _spPageContextInfo = {webServerRelativeUrl: "/portal"};</script>'

    def shell(inner: str, right=True) -> str:
        return (f'<div id="s4-workspace"><div id="s4-bodyContainer">{banner(s.name)}{menu(menu_links)}'
                f'<table width="100%" class="layout"><tr><td valign="top" class="col-main">{inner}</td>'
                + (sidebar(arts) if right else "") + f'</tr></table>{footer(s.name)}</div></div>')

    for i, a in enumerate(arts):
        y, m, d, hh, mi = DATES[i]
        cat = cats[i % 2]
        with_time = i % 3 != 0 and i != 7  # item 7 prints no date line: its date is only in its URL
        date_text = f"Đăng ngày {a['dmy']}" + (f" {hh:02d}:{mi:02d}" if with_time and i % 2 else "")
        if with_time and not i % 2:
            h12, ap = ampm(hh, vi=True)
            date_text = f"Đăng ngày {a['dmy']} | {h12}:{mi:02d} {ap}"
        lead_sep = i % 2 == 0
        by, au, so = byline(a, i)
        others = [x for x in arts if x is not a]
        inner = (f'{breadcrumb(cat)}<div class="tandan-p-article">'
                 f'<p class="tandan-p-article-news-title">{e(a["title"])}</p>'
                 f'<div class="tandan-p-article-info">'
                 + (f'<span class="tandan-span-date-publish">{date_text}</span>&nbsp;|&nbsp;' if i != 7 else "")
                 + f'<span class="tandan-span-view">Lượt xem: {1234 + i}</span></div>'
                 # the summary is a page field of its own: a second rich-text field before the content
                 + ((f'<div class="ms-rtestate-field"><p><strong>{e(a["lead"])}</strong></p></div>' if i % 4 == 2 else
                     f'<p class="tandan-p-article-sapo"><strong>{e(a["lead"])}</strong></p>') if lead_sep else "")
                 + f'<div class="tandan-p-article-main"><div class="ms-rtestate-field">'
                 f'{paragraphs(a, i, lead_in_body=not lead_sep)}{by}</div></div>'
                 f'<div class="tandan-p-article-toolbar"><a href="javascript:window.print()">In trang</a> | '
                 f'<a href="mailto:?subject=x">Gửi email</a> | <a href="https://facebook.com/sharer">Chia sẻ</a> | '
                 f'<a href="javascript:history.back()">Quay lại</a></div>'
                 f'<div class="tandan-p-article-othernews"><div class="tandan-title-box">Các tin khác</div><ul>'
                 + "".join(f'<li><a href="{o["href"]}">{e(o["title"])}</a> <span>({o["dmy"]})</span></li>' for o in others[:6])
                 + '</ul></div></div>')
        enc = "windows-1258" if i == 4 else "utf-8"
        text = page(a["title"] + " - " + s.name, shell(inner), head=spctx, charset=enc)
        if enc != "utf-8":  # an old page: charset only in the HTTP header, no <meta>
            text = text.replace('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', "")
            s.headers[a["href"]] = {"Content-Type": "text/html; charset=windows-1258"}
        s.add(a["href"], f"a{i + 1}.html", cp1258(text) if enc != "utf-8" else text)
        s.articles.append(expected_article(a, a["href"], iso(DATES[i], with_time), au, so))

    def listing(items, pager, title):
        rows = "".join(f'<tr><td valign="top" width="130"><img src="/Uploads/t{k}.jpg" width="120"></td><td valign="top">'
                       f'<a class="tandan-title-news" href="{x["href"]}">{e(x["title"])}</a> <span class="date">({x["dmy"]})</span>'
                       f'<div class="tandan-summary">{e(x["lead"])}</div></td></tr>' for k, x in enumerate(items))
        return shell(f'<div class="ms-webpart-zone"><div class="tandan-box-title">{e(title)}</div>'
                     f'<table class="tandan-news-list" width="100%">{rows}</table><div class="tandan-paging">{pager}</div></div>')

    a_items = [x for k, x in enumerate(arts) if k % 2 == 0]
    b_items = [x for k, x in enumerate(arts) if k % 2 == 1]
    c0 = cats[0][0]
    pager = lambda cur, n, base: " ".join(  # noqa: E731
        f'<span class="current">{k}</span>' if k == cur else f'<a href="{base}?PageIndex={k}">{k}</a>' for k in range(1, n + 1)) \
        + (f' <a href="{base}?PageIndex={cur + 1}">Trang sau »</a>' if cur < n else "")
    s.add(c0, "cat_a1.html", page(cats[0][1], listing(a_items[:4], pager(1, 2, c0), cats[0][1]), head=spctx), non_article=True)
    s.add(c0 + "?PageIndex=2", "cat_a2.html", page(cats[0][1], listing(a_items[4:], pager(2, 2, c0), cats[0][1]), head=spctx),
          non_article=True)
    s.add(cats[1][0], "cat_b.html", page(cats[1][1], listing(b_items, "", cats[1][1]), head=spctx), non_article=True)
    feat = arts[0]
    home = shell(f'<div class="ms-webpart-zone"><div class="tandan-box-title">Tin nổi bật</div>'
                 f'<div class="hot"><a href="{feat["href"]}"><img src="/Uploads/hot.jpg"></a>'
                 f'<p class="tandan-p-news-title"><a href="{feat["href"]}">{e(feat["title"])}</a></p><p>{e(feat["lead"])}</p></div>'
                 + "".join(f'<div class="tandan-box-title"><a href="{u}">{e(t)}</a></div>' for u, t in cats)
                 + '<ul>' + "".join(f'<li><a href="{x["href"]}">{e(x["title"])}</a></li>' for x in arts[1:5]) + '</ul>'
                 f'<a href="/portal/Pages/Tim-kiem.aspx?k=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi">Tìm kiếm</a>'
                 f'<a href="/portal/Pages/Qua-trinh-hinh-thanh-va-phat-trien-cua-tinh.aspx">Quá trình hình thành</a>'
                 f'<a href="/portal/Pages/Tin-tuc-su-kien.aspx?NgayDang=03/06/2019">Tin ngày 03/06/2019</a>'
                 f'<a href="/portal/Pages/So-do-cong.aspx">Sơ đồ cổng</a></div>')
    s.add("/portal/Pages/default.aspx", "home.html", page(s.name, home, head=spctx), non_article=True)
    s.redirects["/"] = "/portal/Pages/default.aspx"
    s.non_articles.append("/")
    s.add("/portal/Pages/Tim-kiem.aspx?k=n%C3%B4ng+th%C3%B4n+m%E1%BB%9Bi", "search.html",
          page("Tìm kiếm", listing(arts[3:8], "", "Kết quả tìm kiếm"), head=spctx), non_article=True)
    s.add("/portal/Pages/Tin-tuc-su-kien.aspx?NgayDang=03/06/2019", "archive.html",
          page("Tin ngày", listing(arts[:1], "", "Các tin đã đưa ngày 03/06/2019"), head=spctx), non_article=True)
    for path, title in [("/portal/Pages/Gioi-thieu-chung.aspx", "Giới thiệu chung"),
                        ("/portal/Pages/Qua-trinh-hinh-thanh-va-phat-trien-cua-tinh.aspx", "Quá trình hình thành và phát triển của tỉnh")]:
        body = "".join(f"<p>{e(p)}</p>" for p in static_text("Tỉnh Tuyên Quang"))
        s.add(path, slug(title) + ".html", page(title, shell(f'{breadcrumb(("/", "Giới thiệu"))}<div class="ms-rtestate-field">'
                                                             f'<h2>{e(title)}</h2>{body}</div>'), head=spctx), non_article=True)
    rows = "".join(f'<tr><td style="width:120px"><b>{wd}<br>{d:02d}/06/2019</b></td><td>- 8h00: Đồng chí Chủ tịch Ủy ban nhân dân tỉnh '
                   f'dự hội nghị giao ban công tác {k}; địa điểm: Hội trường tầng 3, trụ sở Tỉnh ủy.<br>- 14h00: Làm việc với '
                   f'các sở, ngành về tiến độ giải ngân vốn đầu tư công.</td></tr>'
                   for k, (wd, d) in enumerate(zip(["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu"], range(3, 8))))
    s.add("/portal/Pages/Lich-cong-tac-cua-lanh-dao-UBND-tinh.aspx", "lichcongtac.html", page(
        "Lịch công tác của lãnh đạo UBND tỉnh", shell(f'{breadcrumb(cats[1])}<div class="ms-rtestate-field">'
                                                    f'<h2>Lịch công tác của lãnh đạo UBND tỉnh</h2><p>Tuần 23 (từ ngày 03/06/2019 '
                                                    f'đến ngày 07/06/2019)</p><table border="1" width="100%">{rows}</table></div>'),
        head=spctx), non_article=True)
    home = home.replace("</div>", '<a href="/portal/Pages/Lich-cong-tac-cua-lanh-dao-UBND-tinh.aspx">Lịch công tác</a></div>', 1)
    s.files["home.html"] = page(s.name, home, head=spctx)
    s.add("/portal/Pages/Lien-he.aspx", "lienhe.html", page("Liên hệ", shell('<div class="ms-rtestate-field"><p>Ban Biên tập '
          'Cổng thông tin điện tử tỉnh, Số 12 đường Trần Hưng Đạo. Điện thoại: 0207.3822.xxx</p></div>'), head=spctx), non_article=True)
    s.add("/portal/Pages/So-do-cong.aspx", "sodo.html", page("Sơ đồ cổng", shell('<ul>' + "".join(
        f'<li><a href="{u}">{e(t)}</a></li>' for u, t in menu_links) + '</ul>'), head=spctx), non_article=True)
    return s


def sharepoint() -> Site:
    s = Site("sharepoint", 1, "Cổng thông tin điện tử thị xã Phú Mỹ")
    arts = s.texts()
    lst = "/Lists/TinTucSuKien"
    for i, a in enumerate(arts):
        a["href"] = f"{lst}/View_Detail.aspx?ItemID={37 + i * 7}"
    cats = [("/Pages/tin-hoat-dong.aspx?CategoryId=1", "Tin hoạt động"), ("/Pages/tin-hoat-dong.aspx?CategoryId=2", "Kinh tế - Xã hội")]
    menu_links = [("/Pages/Home.aspx", "Trang chủ"), ("/Pages/gioi-thieu.aspx", "Giới thiệu"), *cats]
    head = ('<script type="text/javascript">var _spPageContextInfo={siteServerRelativeUrl:"/"};</script>'
            '<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css">')

    def shell(inner: str) -> str:
        return (f'<form method="post" action="./View_Detail.aspx" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1">'
                f'<div id="s4-workspace"><div id="s4-bodyContainer">{banner(s.name)}{menu(menu_links)}'
                f'<table width="100%" class="ms-main"><tr><td valign="top"><div class="ms-webpart-zone ms-fullWidth">'
                f'<div id="MSOZoneCell_WebPartWPQ2" class="s4-wpcell-plain"><div class="ms-webpart-chrome">'
                f'<div class="ms-WPBody" id="WebPartWPQ2">{inner}</div></div></div></div></td>{sidebar(arts)}</tr></table>'
                f'{footer(s.name)}</div></div></form>')

    for i, a in enumerate(arts):
        y, m, d, hh, mi = DATES[i]
        form = i % 3
        if form == 0:
            date_text, pub = f"Ngày đăng: {a['dmy']} {hh:02d}:{mi:02d}", iso(DATES[i])
        elif form == 1:
            date_text, pub = f"Cập nhật: {d:02d}-{m:02d}-{y}", iso(DATES[i], False)
        else:
            h12, ap = ampm(hh, vi=False)
            date_text, pub = f"{a['dmy']} {h12}:{mi:02d}:00 {ap}", iso(DATES[i])
        by, au, so = byline(a, i)
        others = [x for x in arts if x is not a]
        if i == 5:  # an older item: the whole news item laid out in a table, text in <td>s
            content = (f'<table border="0" width="100%" cellpadding="4"><tr><td class="noidung">'
                       + "".join(f'<p>{e(p)}</p>' for p in [a["lead"], *a["paragraphs"]]) + f'{by}</td></tr></table>')
            lead_html = ""
        else:
            content = paragraphs(a, i, lead_in_body=False) + by
            lead_cls = "tomtat" if i % 2 else "description"
            lead_html = f'<tr><td class="{lead_cls}" style="font-weight:bold;text-align:justify">{e(a["lead"])}</td></tr>'
        inner = (f'{breadcrumb(cats[i % 2])}<table class="chitiet" width="100%" cellpadding="0" cellspacing="0">'
                 f'<tr><td class="tieude" style="font-size:18px;font-weight:bold;color:#0b4d91">{e(a["title"])}</td></tr>'
                 f'<tr><td class="ngaydang" style="color:#888;font-style:italic">{date_text}</td></tr>'
                 f'{lead_html}<tr><td><div class="ms-rtestate-field">{content}</div></td></tr>'
                 f'<tr><td class="congcu" align="right"><a href="javascript:print()"><img src="/img/print.gif">Bản in</a> '
                 f'<a href="mailto:?body=x"><img src="/img/mail.gif">Gửi email</a> <span>Lượt xem: {345 + i}</span></td></tr></table>'
                 f'<div class="tinkhac-title"><b>Các tin khác</b></div><ul class="dstinkhac">'
                 + "".join(f'<li><a href="{o["href"]}">{e(o["title"])}</a> <i>({o["dmy"]})</i></li>' for o in others[:5])
                 + '</ul>')
        # many SharePoint portals title every page with the site name only
        raw = page(a["title"] if i % 2 else s.name, shell(inner), head=head)
        if i == 2:  # text pasted from a Mac editor: decomposed (NFD) Unicode
            raw = unicodedata.normalize("NFD", raw).encode("utf-8")
        s.add(a["href"], f"a{i + 1}.html", raw)
        if i % 4 == 3:  # listings link this item with its category too: the same page under a second URL
            alias = f"{a['href']}&CategoryId={1 + i % 2}"
            s.routes[alias] = f"a{i + 1}.html"
            a["alias"] = alias
        s.articles.append(expected_article(a, a["href"], pub, au, so))

    def listing(items, pager):
        rows = "".join(f'<div class="news-item" style="overflow:hidden"><a href="{x["href"]}"><img src="/img/t.jpg" align="left"></a>'
                       f'<a class="title" href="{x.get("alias", x["href"]).replace("&", "&amp;")}"><b>{e(x["title"])}</b></a><br><span class="ngay">({x["dmy"]})</span>'
                       f'<br>{e(x["lead"])}</div>' for x in items)
        return shell(f'<div class="list-tin">{rows}</div><div class="phantrang">{pager}</div>')

    a_items = [x for k, x in enumerate(arts) if k % 2 == 0]
    b_items = [x for k, x in enumerate(arts) if k % 2 == 1]
    for c, items in ((cats[0], a_items), (cats[1], b_items)):
        base = c[0]
        pages = [items[:4], items[4:]]
        for pn, chunk in enumerate(pages, 1):
            pager = " ".join(f'<a href="{base}&amp;PageIndex={k}">{k}</a>' if k != pn else f'<b>{k}</b>' for k in (1, 2))
            if pn == 1:
                pager += f' <a href="{base}&amp;PageIndex=2">Xem tiếp</a>'
            path = base if pn == 1 else f"{base}&PageIndex={pn}"
            s.add(path, f"cat{c[0][-1]}_{pn}.html", page(c[1], listing(chunk, pager), head=head), non_article=True)
    home = (f'<div class="tin-noi-bat"><a href="{arts[0]["href"]}"><img src="/img/hot.jpg"></a>'
            f'<h2><a href="{arts[0]["href"]}">{e(arts[0]["title"])}</a></h2><p>{e(arts[0]["lead"])}</p></div>'
            '<ul>' + "".join(f'<li><a href="{x["href"]}">{e(x["title"])}</a></li>' for x in arts[1:4]) + '</ul>'
            + "".join(f'<a href="{u}">{e(t)}</a> ' for u, t in cats)
            + f'<a href="{lst}/View_List.aspx">Tất cả tin</a> <a href="/Pages/tim-kiem.aspx?k=kinh+te">Tìm kiếm</a>'
            f' <a href="/Pages/lanh-dao-thi-xa.aspx">Lãnh đạo thị xã</a> <a href="/Pages/van-ban-chi-dao-dieu-hanh.aspx">Văn bản</a>')
    s.add("/Pages/Home.aspx", "home.html", page(s.name, shell(home), head=head), non_article=True)
    s.redirects["/"] = "/Pages/Home.aspx"
    s.non_articles.append("/")
    s.add(f"{lst}/View_List.aspx", "all.html", page("Tất cả tin", listing(arts[:6], ""), head=head), non_article=True)
    s.add("/Pages/tim-kiem.aspx?k=kinh+te", "search.html", page("Tìm kiếm", listing(arts[2:7], ""), head=head), non_article=True)
    s.add("/Pages/gioi-thieu.aspx", "gioithieu.html", page("Giới thiệu", shell(
        '<div class="ms-rtestate-field"><h1>Giới thiệu chung</h1>' + "".join(f"<p>{e(p)}</p>" for p in static_text("Thị xã Phú Mỹ"))
        + '</div>'), head=head), non_article=True)
    s.add("/Pages/lanh-dao-thi-xa.aspx", "lanhdao.html", page("Lãnh đạo", shell(
        '<div class="ms-rtestate-field"><table border="1"><tr><th>Họ và tên</th><th>Chức vụ</th><th>Điện thoại</th></tr>'
        + "".join(f'<tr><td>Nguyễn Văn {n}</td><td>Phó Chủ tịch Ủy ban nhân dân thị xã phụ trách lĩnh vực kinh tế</td>'
                  f'<td>0254.38{k}1.234</td></tr>' for k, n in enumerate(["An", "Bình", "Cường", "Dũng"])) + '</table></div>'),
        head=head), non_article=True)
    s.add("/Pages/van-ban-chi-dao-dieu-hanh.aspx", "vanban.html", page("Văn bản", shell(
        '<table class="ms-listviewtable">' + "".join(
            f'<tr><td>{k}/QĐ-UBND</td><td>{10 + k}/0{k}/2023</td><td><a href="/VanBan/qd-{k}.pdf">Quyết định ban hành quy chế '
            f'phối hợp quản lý nhà nước trên địa bàn thị xã số {k}</a></td></tr>' for k in range(1, 8)) + '</table>'),
        head=head), non_article=True)
    return s


LR = "101_INSTANCE_kXq9"


def liferay() -> Site:
    s = Site("liferay", 2, "Cổng thông tin điện tử huyện Krông Pắc")
    arts = s.texts()
    cats = [("/web/guest/tin-tuc-su-kien", "Tin tức sự kiện"), ("/web/guest/chinh-tri", "Chính trị")]
    for i, a in enumerate(arts):
        a["href"] = f"{cats[i % 2][0]}/-/asset_publisher/kXq9/content/{slug(a['title']).lower()}"
    menu_links = [("/web/guest/trang-chu", "Trang chủ"), ("/web/guest/gioi-thieu", "Giới thiệu"), *cats]
    head = ('<script src="/html/js/barebone.jsp?browserId=other&amp;themeId=vnpt_WAR_theme"></script>'
            '<script>Liferay.currentURL="/web/guest";Liferay.Portlet.runtimePortletIds=["101_INSTANCE_kXq9"];</script>'
            '<link href="/html/portlet/asset_publisher/css/main.css" rel="stylesheet">')

    def shell(inner: str) -> str:
        return (f'<div id="wrapper" class="container">{banner(s.name)}<nav class="sort-pages modify-pages" id="navigation">'
                f'{menu(menu_links)}</nav><div id="content"><div class="portlet-layout row-fluid"><div class="span8 portlet-column">'
                f'<div class="portlet-boundary portlet-boundary_101_ portlet-asset-publisher" id="p_p_id_{LR}_">'
                f'<span id="p_{LR}"></span><section class="portlet"><div class="portlet-content">{inner}</div></section></div></div>'
                f'<div class="span4 portlet-column"><table>{sidebar(arts)}</table></div></div></div>{footer(s.name)}</div>')

    for i, a in enumerate(arts):
        y, m, d, hh, mi = DATES[i]
        h12, ap = ampm(hh, vi=False)
        date_text = f"{a['dmy']} | {h12}:{mi:02d} {ap}" if i % 2 else f"Ngày đăng: {a['dmy']} | {h12}:{mi:02d} {ap}"
        by, au, so = byline(a, i, enc=lambda t, i=i: ent(t, i))
        others = [x for x in arts if x is not a]
        inner = (f'<div class="asset-full-content default-asset-publisher show-asset-title">'
                 f'<div class="taglib-header"><span class="header-back-to"><a class="icon-circle-arrow-left previous-level" '
                 f'href="{cats[i % 2][0]}">Quay lại</a></span><h3 class="header-title"><span>{ent(a["title"], i)}</span></h3></div>'
                 f'<div class="asset-content"><div class="assetPublishDate">{date_text}</div>'
                 f'<div class="luotXem"><i class="icon-eye-open"></i> Lượt xem: {1000 + 17 * i}</div>'
                 f'<div class="journal-content-article">'
                 + (f'<p><strong>{ent(a["lead"], i)}</strong></p>' + paragraphs(a, i, lead_in_body=False, enc=lambda t, i=i: ent(t, i))
                    if i % 3 else paragraphs(a, i, lead_in_body=True, enc=lambda t, i=i: ent(t, i)))
                 + f'{by}</div>'
                 f'<div class="asset-links"><div class="taglib-social-bookmarks"><a href="#">Chia sẻ</a></div>'
                 f'<a href="javascript:print()" class="taglib-icon">In trang</a></div>'
                 f'<div class="asset-ratings"><div class="taglib-ratings stars">Đánh giá</div></div></div>'
                 f'<div class="tin-khac"><h4 class="title-tin-khac">Các tin khác</h4>'
                 + "".join(f'<p class="tinkhac-item"><a href="{o["href"]}">{e(o["title"])}</a> ({o["dmy"]})</p>' for o in others[:5])
                 + '</div></div>')
        s.add(a["href"], f"a{i + 1}.html", page(a["title"] + " - " + s.name, shell(inner), head=head))
        s.articles.append(expected_article(a, a["href"], iso(DATES[i]), au, so))

    def old_style(x: dict, base: str) -> str:
        """Liferay 6.1 asset publisher links: the article named by portlet parameters, not a friendly URL."""
        params = [("p_p_id", LR), ("p_p_lifecycle", "0"), ("p_p_state", "normal"), ("p_p_mode", "view"),
                  ("p_p_col_id", "column-1"), ("p_p_col_count", "1"),
                  (f"_{LR}_struts_action", "/asset_publisher/view_content"),
                  (f"_{LR}_urlTitle", x["href"].rsplit("/", 1)[1]), (f"_{LR}_type", "content")]
        path = f"{base}?{urlencode(params)}"
        s.routes[path] = s.routes[x["href"]]
        return path + "&redirect=" + quote(base, safe="")

    def listing(items, pager, ns=LR, base=None):
        href = (lambda x: html.escape(old_style(x, base))) if base else (
            lambda x: f'{x["href"]}?redirect=%2Fweb%2Fguest%2Ftin-tuc-su-kien&amp;inheritRedirect=true')
        rows = "".join(f'<div class="asset-abstract"><div class="asset-small-image"><img class="asset-small-image" src="/image/t.jpg"></div>'
                       f'<h3 class="asset-title"><a href="{href(x)}">'
                       f'{ent(x["title"])}</a></h3><div class="asset-content"><div class="asset-summary">{ent(x["lead"], 1)}</div>'
                       f'<div class="asset-more"><a href="{href(x) if base else x["href"]}">Xem tiếp »</a></div></div>'
                       f'<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{x["dmy"]}</span></div></div>'
                       for x in items)
        return shell(f'<div class="portlet-body">{rows}<div class="taglib-page-iterator"><div class="search-pages">'
                     f'<div class="lfr-pagination-buttons">{pager}</div></div></div></div>')

    for c, items in ((cats[0], arts[0::2]), (cats[1], arts[1::2])):
        qs = f"?p_p_id={LR}&amp;p_p_lifecycle=0&amp;p_p_state=normal&amp;p_p_mode=view&amp;p_p_col_id=column-1&amp;p_p_col_count=1"
        p2 = f"{c[0]}{qs}&amp;_{LR}_delta=4&amp;_{LR}_keywords=&amp;_{LR}_advancedSearch=false&amp;_{LR}_andOperator=true&amp;_{LR}_cur=2"
        base = c[0] if c is cats[1] else None  # the older section still links its articles the Liferay 6.1 way
        s.add(c[0], f"cat_{slug(c[1])}_1.html", page(c[1], listing(items[:4], f'<a href="#" class="disabled">Đầu</a> <a href="{p2}">Tiếp</a>',
                                                                    base=base), head=head), non_article=True)
        s.add(html.unescape(p2), f"cat_{slug(c[1])}_2.html", page(c[1], listing(items[4:], f'<a href="{c[0]}">Đầu</a>', base=base),
                                                                   head=head), non_article=True)
    home = (f'<div class="tin-noi-bat"><h2 class="portlet-title-text">Tin nổi bật</h2>'
            + "".join(f'<div class="item"><a href="{x["href"]}"><img src="/image/h.jpg"></a><h3 class="asset-title"><a href="{x["href"]}">'
                      f'{ent(x["title"])}</a></h3><p>{ent(x["lead"])}</p></div>' for x in arts[:3]) + '</div>'
            + "".join(f'<a href="{u}">{e(t)}</a> ' for u, t in cats)
            + f'<a href="/web/guest/tim-kiem?p_p_id=3&amp;p_p_lifecycle=0&amp;_3_keywords=n%C3%B4ng+th%C3%B4n">Tìm kiếm</a> '
            f'<a href="/web/guest/tin-tuc-su-kien?p_r_p_564233524_tag=x%C3%A2y+d%E1%BB%B1ng+%C4%91%E1%BA%A3ng">xây dựng đảng</a> '
            f'<a href="/web/guest/lich-su-hinh-thanh-va-phat-trien-huyen">Lịch sử</a> <a href="/web/guest/so-do-to-chuc">Sơ đồ tổ chức</a>')
    s.add("/web/guest/trang-chu", "home.html", page(s.name, shell(home), head=head), non_article=True)
    s.redirects["/"] = "/web/guest/trang-chu"
    s.non_articles.append("/")
    s.add("/web/guest/tim-kiem?p_p_id=3&p_p_lifecycle=0&_3_keywords=n%C3%B4ng+th%C3%B4n", "search.html",
          page("Tìm kiếm", listing(arts[2:8], ""), head=head), non_article=True)
    s.add("/web/guest/tin-tuc-su-kien?p_r_p_564233524_tag=x%C3%A2y+d%E1%BB%B1ng+%C4%91%E1%BA%A3ng", "tag.html",
          page("Tag", listing(arts[5:9], ""), head=head), non_article=True)
    for path, title in [("/web/guest/gioi-thieu", "Giới thiệu"), ("/web/guest/lich-su-hinh-thanh-va-phat-trien-huyen",
                                                                   "Lịch sử hình thành và phát triển huyện")]:
        body = "".join(f"<p>{ent(p)}</p>" for p in static_text("Huyện Krông Pắc"))
        s.add(path, slug(title) + ".html", page(title, shell(
            f'<div class="portlet-journal-content"><div class="journal-content-article"><h2>{ent(title)}</h2>{body}</div></div>'),
            head=head), non_article=True)
    s.add("/web/guest/so-do-to-chuc", "sodo.html", page("Sơ đồ tổ chức", shell(
        '<div class="journal-content-article"><ul>' + "".join(f'<li>Phòng {n}: Trưởng phòng Nguyễn Văn {n}, điện thoại 0262.38{k}.234</li>'
                                                              for k, n in enumerate(["Nội vụ", "Tư pháp", "Tài chính", "Y tế"]))
        + '</ul></div>'), head=head), non_article=True)
    return s


def party_newspaper() -> Site:
    s = Site("party_newspaper", 3, "Báo Đắk Nông")
    arts = s.texts()
    cats = [("/chinh-tri/", "Chính trị"), ("/xay-dung-dang/", "Xây dựng Đảng")]
    for i, a in enumerate(arts):
        a["href"] = (f"{cats[i % 2][0]}{slug(a['title']).lower()}-{210000 + i * 131}.html" if i % 3 else
                     f"/{slug(a['title']).lower()}-post{480000 + i * 17}.html")
    menu_links = [("/", "Trang chủ"), *cats, ("/kinh-te/", "Kinh tế"), ("/video/", "Video")]

    def shell(inner: str, aside: str = "") -> str:
        return (f'<div class="wrapper"><header class="site-header"><div class="container"><a class="logo" href="/">'
                f'<img src="/assets/logo.svg" alt="{e(s.name)}"></a><div class="header__date">Thứ Tư, 25/11/2026</div>'
                f'<form class="search" action="/tim-kiem"><input name="q"></form></div>'
                f'<nav class="menu">{menu(menu_links)}</nav></header>'
                f'<div class="container"><div class="main-col">{inner}</div><aside class="sidebar">{aside}'
                f'<div class="box"><h3 class="box__title">Tin mới</h3><ul>'
                + "".join(f'<li class="story"><h4 class="story__heading"><a class="cms-link" href="{x["href"]}">{e(x["title"])}</a></h4></li>'
                          for x in arts[:5]) + '</ul></div></aside></div>'
                f'<footer class="site-footer"><p>Cơ quan của Đảng bộ tỉnh. Tổng Biên tập: Nguyễn Văn A</p>'
                f'<p>Địa chỉ: Số 12 đường Trần Hưng Đạo, thành phố. Điện thoại: 0207.3822.xxx</p>'
                f'<p>Giấy phép số 45/GP-TTĐT. Ghi rõ nguồn "{e(s.name)}" khi phát hành lại thông tin.</p></footer></div>')

    for i, a in enumerate(arts):
        y, m, d, hh, mi = DATES[i]
        wd = WEEKDAYS[__import__("datetime").date(y, m, d).weekday()]
        date_text = f"{wd}, {a['dmy']} {hh:02d}:{mi:02d}" if i % 4 != 3 else f"{wd}, {d:02d}/{m:02d}/{y}, {hh:02d}:{mi:02d} (GMT+7)"
        by, au, so = byline(a, i)
        others = [x for x in arts if x is not a]
        related = (f'<div class="article__related-inline"><h3 class="title">Tin liên quan</h3><ul>'
                   + "".join(f'<li><a class="cms-link" href="{o["href"]}">{e(o["title"])}</a></li>' for o in others[:2]) + '</ul></div>')
        body = paragraphs(a, i, lead_in_body=False)
        if i % 6 == 4:  # an editor-made box: a bold heading and a link list in a plain table
            related = ('<table class="tbl-inline" align="center" style="width:100%;background:#f1f1f1"><tbody><tr><td>'
                       '<p><strong>Tin liên quan</strong></p>'
                       + "".join(f'<p>- <a href="{o["href"]}">{e(o["title"])}</a></p>' for o in others[:2])
                       + '</td></tr></tbody></table>')
        if i % 3 == 1:  # the related box sits inside the body, after the second paragraph
            cut = body.find(e(a["paragraphs"][1])) + len(e(a["paragraphs"][1]))
            cut = body.find(">", body.find("</", cut)) + 1
            body = body[:cut] + related + body[cut:]
        author_meta = f'<div class="article__author cms-author">{e(au)}</div>' if i % 5 == 0 else ""
        if author_meta:
            by = ""
        inner = (f'<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="{cats[i % 2][0]}">{cats[i % 2][1]}</a></div>'
                 f'<article class="article"><h1 class="article__title cms-title">{e(a["title"])}</h1>'
                 f'<div class="article__meta"><time class="time" datetime="{iso(DATES[i])}">{date_text}</time>'
                 f'<span class="view">Lượt xem: {2000 + i}</span><div class="article__share social"><a href="#">Chia sẻ</a>'
                 f'<a href="#" class="zalo">Zalo</a></div></div>'
                 f'<div class="article__sapo cms-desc">{e(a["lead"])}</div>'
                 f'<div class="article__body cms-body">{body}{by}</div>{author_meta}'
                 f'<div class="article__tag"><span>Từ khóa:</span> <a href="/tag/xay-dung-dang-21445.html">xây dựng đảng</a></div>'
                 f'</article><section class="box-other"><h2 class="box__title">Các tin khác</h2>'
                 + "".join(f'<div class="story"><h3 class="story__heading"><a class="cms-link" href="{o["href"]}">{e(o["title"])}</a></h3>'
                           f'<time>{o["dmy"]}</time></div>' for o in others[2:7]) + '</section>')
        s.add(a["href"], f"a{i + 1}.html", page(a["title"] + " | " + s.name, shell(inner),
                                                 head=f'<meta property="og:title" content="{e(a["title"])}">'))
        s.articles.append(expected_article(a, a["href"], iso(DATES[i]), au, "" if author_meta else so))
        if author_meta:
            s.articles[-1]["source"] = ""

    def listing(items, title, pager):
        rows = "".join(f'<article class="story"><figure class="story__thumb"><a href="{x["href"]}"><img src="/t.jpg"></a></figure>'
                       f'<h2 class="story__heading"><a class="cms-link" href="{x["href"]}">{e(x["title"])}</a></h2>'
                       f'<time class="story__time">{x["dmy"]}</time><div class="story__summary">{e(x["lead"])}</div></article>'
                       for x in items)
        return shell(f'<h1 class="category__title">{e(title)}</h1><div class="timeline">{rows}</div>{pager}')

    for c, items in ((cats[0], arts[0::2]), (cats[1], arts[1::2])):
        s.add(c[0], f"cat_{c[0].strip('/')}_1.html", page(c[1], listing(items[:3], c[1],
              f'<div class="pagination"><a class="next" href="{c[0]}trang-2.html">Xem tiếp</a></div>')), non_article=True)
        s.add(c[0] + "trang-2.html", f"cat_{c[0].strip('/')}_2.html", page(c[1], listing(items[3:], c[1],
              f'<div class="pagination"><a href="{c[0]}">1</a> <span>2</span></div>')), non_article=True)
    home = ('<section class="featured"><article class="story story--featured">'
            f'<h2 class="story__heading"><a class="cms-link" href="{arts[0]["href"]}">{e(arts[0]["title"])}</a></h2>'
            f'<div class="story__summary">{e(arts[0]["lead"])}</div></article></section>'
            + "".join(f'<section class="zone"><h2><a href="{u}">{e(t)}</a></h2></section>' for u, t in cats)
            + '<a href="/su-kien/dai-hoi-dang-bo-cac-cap-225.html">Đại hội Đảng bộ các cấp</a> '
              '<a href="/tag/xay-dung-dang-21445.html">xây dựng đảng</a> <a href="/tim-kiem?q=n%C3%B4ng+th%C3%B4n">tìm</a> '
              '<a href="/gioi-thieu.html">Giới thiệu</a> <a href="/video/">Video</a>')
    s.add("/", "home.html", page(s.name, shell(home)), non_article=True)
    s.add("/su-kien/dai-hoi-dang-bo-cac-cap-225.html", "event.html", page("Sự kiện", listing(arts[4:9], "Đại hội Đảng bộ các cấp", "")),
          non_article=True)
    s.add("/tag/xay-dung-dang-21445.html", "tag.html", page("Tag", listing(arts[2:6], "xây dựng đảng", "")), non_article=True)
    s.add("/tim-kiem?q=n%C3%B4ng+th%C3%B4n", "search.html", page("Tìm kiếm", listing(arts[6:11], "Kết quả tìm kiếm", "")),
          non_article=True)
    s.add("/video/", "video.html", page("Video", listing(arts[:2], "Video", "")), non_article=True)
    s.add("/gioi-thieu.html", "gioithieu.html", page("Giới thiệu", shell(
        '<div class="article__body cms-body"><h1>Giới thiệu Báo Đắk Nông</h1>'
        + "".join(f"<p>{e(p)}</p>" for p in static_text("Báo Đắk Nông")) + '</div>')), non_article=True)
    s.routes["/rss/chinh-tri.rss"] = "feed.rss"
    return s


def wordpress() -> Site:
    s = Site("wordpress", 4, "Đảng bộ huyện Chợ Mới")
    arts = s.texts()
    for i, a in enumerate(arts):
        a["href"] = f"/{slug(a['title']).lower()}/"
    wp_head = ('<meta name="generator" content="WordPress 6.2.2"><link rel="https://api.w.org/" href="/wp-json/">'
               '<link rel="stylesheet" href="/wp-content/themes/Newspaper/style.css"><script src="/wp-includes/js/jquery/jquery.min.js"></script>')
    menu_links = [("/", "Trang chủ"), ("/category/tin-tuc/", "Tin tức"), ("/category/xay-dung-dang/", "Xây dựng Đảng"),
                  ("/gioi-thieu/", "Giới thiệu"), ("/lien-he/", "Liên hệ")]

    def shell(inner: str) -> str:
        return (f'<div id="td-outer-wrap" class="td-theme-wrap"><div class="td-header-wrap">{banner(s.name)}'
                f'<div class="td-header-menu-wrap">{menu(menu_links)}</div></div>'
                f'<div class="td-main-content-wrap td-container-wrap"><div class="td-container"><div class="td-pb-row">'
                f'<div class="td-pb-span8 td-main-content">{inner}</div><div class="td-pb-span4 td-main-sidebar">'
                f'<aside class="widget widget_recent_entries"><h4 class="block-title"><span>Tin mới</span></h4><ul>'
                + "".join(f'<li><a href="{x["href"]}">{e(x["title"])}</a><span class="post-date">{x["dmy"]}</span></li>'
                          for x in arts[:5])
                + '</ul></aside><aside class="widget widget_archive"><h4 class="block-title"><span>Lưu trữ</span></h4><ul>'
                  '<li><a href="/2023/12/">Tháng Mười Hai 2023</a></li><li><a href="/2022/10/">Tháng Mười 2022</a></li></ul></aside>'
                  '</div></div></div></div>'
                f'<div class="td-footer-wrapper"><p>{e(s.name)} - Địa chỉ: Số 12 đường Trần Hưng Đạo. '
                f'Điện thoại: 0207.3822.xxx</p></div></div>')

    for i, a in enumerate(arts):
        y, m, d, hh, mi = DATES[i]
        h12, ap = ampm(hh, vi=True)
        shown = f"{a['dmy']}" if i % 2 else f"Ngày đăng: {a['dmy']} {hh:02d}:{mi:02d}"
        by, au, so = byline(a, i)
        others = [x for x in arts if x is not a]
        pid = 1200 + i * 3
        inner = (f'<div class="td-crumb-container"><div class="entry-crumbs"><span><a href="/">Trang chủ</a></span> '
                 f'<i class="td-icon-right"></i> <span><a href="/category/tin-tuc/">Tin tức</a></span></div></div>'
                 f'<article id="post-{pid}" class="post-{pid} post type-post status-publish format-standard has-post-thumbnail '
                 f'category-tin-tuc" itemscope itemtype="https://schema.org/Article"><div class="td-post-header">'
                 f'<ul class="td-category"><li class="entry-category"><a href="/category/tin-tuc/">Tin tức</a></li></ul>'
                 f'<header class="td-post-title"><h1 class="entry-title">{e(a["title"])}</h1><div class="td-module-meta-info">'
                 f'<div class="td-post-author-name"><div class="td-author-by">Bởi</div> <a href="/author/admin/">admin</a></div>'
                 + (f'<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{iso(DATES[i])}">{shown}'
                    if i % 3 else f'<span class="td-post-date"><time class="entry-date updated td-module-date">'
                    f'{d} Tháng {VI_MONTHS[m - 1]}, {y}') + f'</time></span><div class="td-post-views"><i class="td-icon-views"></i><span class="td-nr-views-{pid}">{300 + i}</span></div>'
                 f'</div></header></div><div class="td-post-sharing-top"><a class="td-social-sharing-button" href="#">Chia sẻ</a>'
                 f'<a href="#">Facebook</a><a href="#">Twitter</a></div>'
                 f'<div class="td-post-content tagdiv-type">{paragraphs(a, i, lead_in_body=True)}{by}</div>'
                 f'<footer><div class="td-post-source-tags"><ul class="td-tags td-post-small-box clearfix"><li><span>TAGS</span></li>'
                 f'<li><a href="/tag/xay-dung-dang/">xây dựng đảng</a></li></ul></div>'
                 f'<div class="td-post-sharing-bottom"><a href="#">Chia sẻ</a></div></footer>'
                 f'<div class="td_block_wrap td_block_related_posts"><h4 class="td-related-title"><a class="td-related-left" href="#">'
                 f'Tin liên quan</a><a class="td-related-right" href="#">Thêm từ tác giả</a></h4>'
                 + "".join(f'<div class="td_module_related_posts"><h3 class="entry-title td-module-title"><a href="{o["href"]}">'
                           f'{e(o["title"])}</a></h3></div>' for o in others[:3]) + '</div></article>')
        s.add(a["href"], f"a{i + 1}.html", page(a["title"] + " - " + s.name, shell(inner), head=wp_head +
              f'<link rel="shortlink" href="/?p={pid}"><!-- This site is optimized with the Yoast SEO plugin -->'
              f'<meta property="article:published_time" content="{iso(DATES[i])}">'
              f'<meta property="article:modified_time" content="2024-11-02T03:04:05+00:00">',
              body_attrs=f' class="post-template-default single single-post postid-{pid} single-format-standard td-standard-pack"'))
        s.articles.append(expected_article(a, a["href"], iso(DATES[i]), au, so))

    def listing(items, title, pager, body_cls):
        rows = "".join(f'<div class="td_module_10 td_module_wrap"><div class="td-module-thumb"><a href="{x["href"]}"><img src="/t.jpg"></a></div>'
                       f'<div class="item-details"><h3 class="entry-title td-module-title"><a href="{x["href"]}">{e(x["title"])}</a></h3>'
                       f'<div class="td-module-meta-info"><span class="td-post-date"><time class="entry-date updated td-module-date">'
                       f'{x["dmy"]}</time></span></div><div class="td-excerpt">{e(x["lead"])}</div></div></div>' for x in items)
        return page(title, shell(f'<h1 class="entry-title td-page-title">{e(title)}</h1>{rows}<div class="page-nav td-pb-padding-side">{pager}</div>'),
                    head=wp_head, body_attrs=f' class="{body_cls}"')

    s.add("/category/tin-tuc/", "cat1.html", listing(arts[0::2][:4], "Tin tức",
          '<span class="current">1</span><a href="/category/tin-tuc/page/2/" class="page">2</a>'
          '<a href="/category/tin-tuc/page/2/"><i class="td-icon-menu-right"></i></a>', "archive category category-tin-tuc"), non_article=True)
    s.add("/category/tin-tuc/page/2/", "cat2.html", listing(arts[0::2][4:], "Tin tức", '<a href="/category/tin-tuc/">1</a>',
                                                             "archive category paged"), non_article=True)
    s.add("/category/xay-dung-dang/", "cat3.html", listing(arts[1::2], "Xây dựng Đảng", "", "archive category"), non_article=True)
    s.add("/tag/xay-dung-dang/", "tag.html", listing(arts[:4], "xây dựng đảng", "", "archive tag"), non_article=True)
    s.add("/author/admin/", "author.html", listing(arts[3:7], "admin", "", "archive author"), non_article=True)
    s.add("/2023/12/", "month.html", listing(arts[10:11], "Tháng Mười Hai 2023", "", "archive date"), non_article=True)
    s.add("/2022/10/", "month2.html", listing(arts[8:9], "Tháng Mười 2022", "", "archive date"), non_article=True)
    home = s.files  # noqa: F841
    s.add("/", "home.html", listing(arts[:3], s.name, '<a href="/page/2/">Xem tiếp</a>', "home blog"), non_article=True)
    s.add("/page/2/", "home2.html", listing(arts[3:6], s.name, "", "home blog paged"), non_article=True)
    s.add("/?s=n%C3%B4ng+th%C3%B4n", "search.html", listing(arts[6:9], "Kết quả tìm kiếm", "", "search search-results"),
          non_article=True)
    for path, title, cls in [("/gioi-thieu/", "Giới thiệu", "page-template-default page page-id-2"),
                             ("/lich-su-dang-bo-huyen-cho-moi/", "Lịch sử Đảng bộ huyện Chợ Mới", "page-template-default page page-id-9")]:
        body = "".join(f"<p>{e(p)}</p>" for p in static_text("Huyện Chợ Mới"))
        s.add(path, slug(title) + ".html", page(title, shell(
            f'<article id="post-2" class="post-2 page type-page status-publish"><h1 class="entry-title">{e(title)}</h1>'
            f'<div class="td-page-content">{body}</div></article>'), head=wp_head, body_attrs=f' class="{cls}"'), non_article=True)
    s.add("/lien-he/", "lienhe.html", page("Liên hệ", shell('<article class="page type-page"><h1 class="entry-title">Liên hệ</h1>'
          '<div class="td-page-content"><p>Địa chỉ: Số 12 đường Trần Hưng Đạo. Điện thoại: 0207.3822.xxx</p></div></article>'),
          head=wp_head, body_attrs=' class="page-template-default page"'), non_article=True)
    # the home page links the static pages in its footer menu
    s.files["home.html"] = s.files["home.html"].replace(
        "</body>", '<a href="/lich-su-dang-bo-huyen-cho-moi/">Lịch sử Đảng bộ</a></body>')
    return s


FAMILIES = {"tandan": tandan, "sharepoint": sharepoint, "liferay": liferay, "party_newspaper": party_newspaper,
            "wordpress": wordpress}


def build(family: str) -> None:
    s = FAMILIES[family]()
    out = HERE / family
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    if "feed.rss" in s.routes.values() and "feed.rss" not in s.files:
        del s.routes[next(k for k, v in s.routes.items() if v == "feed.rss")]
    for name, text in s.files.items():
        (out / name).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    for a in s.articles:  # other URLs of the same page (either may be the one stored)
        a["aliases"] = [p for p, f in s.routes.items() if f == s.routes[a["path"]] and p != a["path"]]
    routes = {"routes": s.routes, "headers": s.headers, "redirects": s.redirects, "gzip": [], "robots": s.robots}
    (out / "routes.json").write_text(json.dumps(routes, ensure_ascii=False, indent=1), "utf-8")
    expected = {"start": s.start, "boilerplate": BOILER, "non_articles": s.non_articles, "articles": s.articles}
    (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    for fam in FAMILIES:
        build(fam)
        print("wrote", fam)
