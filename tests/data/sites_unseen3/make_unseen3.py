"""Generate the sites_unseen3 fixture sites (blind set for issue 14).

    python tests/data/sites_unseen3/make_unseen3.py

Writes dev/<family>/<site>/ (four sites per family) and blind/<family>/<site>/ (two per family), each with
routes.json, expected.json and the pages, in the format tests/scraper/sitekit.py serves. Deterministic
(seeded). Written without reading the crawler's code or the other fixture generators."""
from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from texts3 import REPORTERS, SOURCES, TEMPLATES, Ctx  # noqa: E402

FAMILIES = ["sharepoint", "tandan", "liferay", "wordpress", "party_newspaper"]
PROVINCES = ["Tây Lĩnh", "Bắc Thủy", "Đông Vân", "Thạch Lam", "Hà Phong", "Bình Lạc", "Sơn Nguyên", "An Thủy",
             "Phú Lâm", "Kim Đài", "Long Khê", "Vân Hà", "Nam Tùng", "Cao Lãnh Sơn", "Hải Đông", "Trường Lạc",
             "Ngọc Xuyên", "Lam Điền", "Quế Sơn Hạ", "Mộc Châu Thượng", "Tân Khê", "Hòa Vang Bắc", "Đại Lộc Tây",
             "Yên Thành Nam", "Gia Thủy", "Lạc Dương", "Bảo Khê", "Hưng Nguyên Đông", "Thiên Lộc", "Định Phong"]
DISTRICTS = ["Mường Lát Hạ", "Tân Uyên Đông", "Sông Mã Thượng", "Khe Sanh", "Bắc Hà Tây", "Vĩnh Lộc Đông",
             "Như Xuân Bắc", "Đồng Hỷ Nam", "Phù Cừ", "Yên Lạc Tây", "Lộc Bình Hạ", "Thạch An Đông", "Ba Chẽ Nam",
             "Hòa An Bắc", "Nậm Pồ Dưới", "Quỳ Châu Tây", "Hương Khê Bắc", "Cẩm Thủy Hạ", "Đăk Pơ Nam", "Phước Sơn Đông"]
VILLAGES = ["Nà Lầu", "Pá Khoang", "Tân Phong", "Hồng Thái", "Quyết Tiến", "Phúc Sơn", "Đông Tiến", "Nghĩa Đô",
            "Xuân Quang", "Thanh Bình", "Bản Công", "Tà Xùa", "Mỹ Lộc", "Yên Hòa", "Hợp Thành", "Kim Tân"]
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]

# per-site variation: index 0..5 (dev 0-3, blind 4-5)
KNOBS = [
    dict(title="h1", og=True, jsonld=False, related="after", date="thu", byline="bottom", catH1=True),
    dict(title="title_only", og=False, jsonld=False, related="before", date="capnhat", byline="top", catH1=False),
    dict(title="h2", og=False, jsonld=True, related="both", date="iso", byline="bottom", catH1=True),
    dict(title="div", og=True, jsonld=False, related="before", date="dash", byline="top", catH1=True),
    dict(title="title_only", og=True, jsonld=True, related="after", date="thu", byline="top", catH1=True),
    dict(title="h1", og=False, jsonld=False, related="before", date="thang", byline="bottom", catH1=False),
]
# the blind sites (4, 5) also use theme class names and block headings that no dev site uses
BLIND_CLASSES = {"related-news news-other": "tinlienquan", "same-category": "tincungchuyenmuc", "other-news": "tinkhac",
                 "title block-title": "tieude-khoi", "title": "tieude", "date": "ngay", "author": "tacgia",
                 "author byline-top": "tacgia", "source": "nguon", "tools": "congcu", "tags": "tukhoa",
                 "breadcrumb": "duongdan", "cat-title": "tenchuyenmuc", "meta": "thongtin", "news-item": "tin",
                 "teaser": "tomtat", "pagination": "phantrang", "time": "thoigian", "news-list": "dstin",
                 "box-related inline-related": "tinlienquan-giua", "views": "luotxem", "sidebar": "cotphai",
                 "article-detail": "baiviet", "featured": "tinnoibat", "home-block": "khoi-tin", "more": "xemtiep"}
BLIND_HEADINGS = {4: {"Tin liên quan": "Bài viết liên quan", "Tin cùng chuyên mục": "Xem thêm", "Các tin khác": "Tin đã đưa"},
                  5: {"Tin liên quan": "Đọc thêm", "Tin cùng chuyên mục": "Cùng chuyên mục", "Các tin khác": "Tin khác"}}
SPLIT = ["dev", "dev", "dev", "dev", "blind", "blind"]
FAM_OFF = {"sharepoint": 0, "tandan": 6, "liferay": 12, "wordpress": 18, "party_newspaper": 24}


def slug(s: str, sep="-") -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub(r"[^A-Za-z0-9]+", sep, s).strip(sep)
    return s


def e(s: str) -> str:
    return html.escape(s, quote=False)


def a_(s: str) -> str:
    return html.escape(s, quote=True)


def fmt_date(d: dt.datetime, kind: str) -> str:
    if kind == "thu":
        return f"{WEEKDAYS[d.weekday()]}, {d:%d/%m/%Y} - {d:%H:%M}"
    if kind == "dash":
        return f"{d:%d-%m-%Y}"
    if kind == "iso":
        return d.strftime("%Y-%m-%dT%H:%M:00+07:00")
    if kind == "capnhat":
        return f"Cập nhật lúc {d.hour}:{d:%M} ngày {d.day}/{d.month}/{d.year}"
    if kind == "thang":
        return f"Ngày {d.day} tháng {d.month} năm {d.year} | {d:%H:%M}"
    if kind == "short":
        return f"{d:%d/%m/%Y}"
    if kind == "paren":
        return f"({d:%d/%m})"
    raise ValueError(kind)


def iso(d: dt.datetime) -> str:
    return d.strftime("%Y-%m-%dT%H:%M:00+07:00")


class Site:
    def __init__(self, family: str, i: int):
        self.family, self.i = family, i
        n = FAM_OFF[family] + i
        self.r = random.Random(f"unseen3-{family}-{i}")
        self.k = KNOBS[i]
        self.split = SPLIT[i]
        self.P = PROVINCES[n]
        self.ps = slug(self.P).lower()
        self.name = f"{self.ps.replace('-', '')}"
        self.districts = self.r.sample(DISTRICTS, 5)
        self.pages: dict[str, str] = {}     # file name -> content
        self.routes: dict[str, str] = {}
        self.headers: dict[str, dict] = {}
        self.redirects: dict[str, str] = {}
        self.non_articles: list[str] = []
        self.boiler = ["Bản quyền thuộc", "Chia sẻ", "In bài", "Lượt xem", "Về đầu trang", "Tin liên quan",
                       "Tin cùng chuyên mục", "Các tin khác", "Thăm dò ý kiến", "Liên kết website",
                       "Gửi email", "Từ khóa:", "Hôm nay:", "Cơ quan chủ quản", "Giấy phép số 35/GP-TTĐT", "Xem tiếp",
                       "Để lại một bình luận", "Tin mới"]
        self.boiler += list(BLIND_HEADINGS.get(i, {}).values())
        self.inst = "".join(self.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789") for _ in range(12))
        self.pre = "/portal" if family == "sharepoint" and i % 2 else ""
        self.site_title = {
            "sharepoint": f"Cổng Thông tin điện tử tỉnh {self.P}",
            "tandan": f"Cổng thông tin điện tử tỉnh {self.P}",
            "liferay": f"Cổng thông tin điện tử tỉnh {self.P}",
            "wordpress": f"Trang thông tin điện tử Đảng bộ tỉnh {self.P}",
            "party_newspaper": f"Báo {self.P} - Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh {self.P}",
        }[family]
        self.suffix = {
            "sharepoint": f" - Cổng TTĐT tỉnh {self.P}",
            "tandan": f" - Cổng thông tin điện tử tỉnh {self.P}",
            "liferay": f" - Cổng TTĐT tỉnh {self.P}",
            "wordpress": f" – Đảng bộ tỉnh {self.P}",
            "party_newspaper": f" | Báo {self.P}",
        }[family]
        self.cats = [("Tin tức - Sự kiện", "tin-tuc-su-kien"), ("Xây dựng Đảng", "xay-dung-dang"),
                     ("Chính quyền", "chinh-quyen")]
        if family == "party_newspaper":
            self.cats = [("Chính trị", "chinh-tri"), ("Xây dựng Đảng", "xay-dung-dang"), ("Thời sự", "thoi-su")]
        if family == "wordpress":
            self.cats = [("Thời sự", "thoi-su"), ("Xây dựng Đảng", "xay-dung-dang"), ("Chính quyền", "chinh-quyen")]
        self.ncat = 3 if i % 2 == 0 else 2
        self.cats = self.cats[: self.ncat]
        self.postback = family == "sharepoint" and i % 2 == 1
        self.make_articles()

    # ---------------------------------------------------------------- content
    def make_articles(self):
        r = self.r
        n_art = [8, 7, 9, 6, 10, 8][self.i]
        tpls = r.sample(TEMPLATES, n_art)
        d = dt.datetime(2024, r.randint(9, 11), r.randint(10, 25), r.randint(7, 16), r.choice([0, 5, 15, 30, 45]))
        self.articles = []
        for j, t in enumerate(tpls):
            d = d - dt.timedelta(days=r.randint(1, 4), hours=r.randint(-3, 3), minutes=r.choice([0, 10, 20]))
            if d.hour < 7 or d.hour > 20:
                d = d.replace(hour=9)
            c = Ctx(r, self.P, self.districts, VILLAGES, d)
            a = t(c)
            a["date"] = d
            a["id"] = 1000 + self.i * 137 + (len(tpls) - j) * 11 + r.randint(0, 9)
            a["cat"] = j % self.ncat
            a["author"] = r.choice(REPORTERS) if r.random() < 0.8 else ""
            a["source"] = r.choice(SOURCES).format(P=self.P) if (not a["author"] or r.random() < 0.35) else ""
            a["credit"] = r.choice(REPORTERS)
            a["byline_style"] = r.choice(["plain", "tacgia", "baianh", "strong"])
            if a["byline_style"] == "baianh" and a["author"]:
                a["credit"] = a["author"]
            a["slug"] = slug(a["title"]).lower()
            a["path"] = self.article_path(a)
            a["aliases"] = []
            a["views"] = r.randint(120, 9800)
            self.articles.append(a)
        # alias forms a listing may use
        for a in self.articles:
            if self.family == "liferay" and self.i in (0, 2, 4):
                back = self.cat_path(a["cat"])
                a["link"] = a["path"] + "?redirect=" + back.replace("/", "%2F")
                a["aliases"].append(a["link"])
            elif self.family == "tandan" and self.i % 2 == 0:
                a["link"] = a["path"] + f"&CategoryID={a['cat'] + 2}"
                a["aliases"].append(a["link"])
            else:
                a["link"] = a["path"]

    def article_path(self, a) -> str:
        d, s, i = a["date"], a["slug"], self.i
        cs = self.cats[a["cat"]][1]
        if self.family == "sharepoint":
            t = "-".join(w.capitalize() if k else w.capitalize() for k, w in enumerate(s.split("-")))
            return f"{self.pre}/Pages/{d.year}-{d.month}-{d.day}/{t}.aspx"
        if self.family == "tandan":
            if i % 2 == 0:
                return f"/tin-tuc/chi-tiet-tin?ItemID={a['id']}"
            return f"/tin-tuc/{cs}/{s}.html"
        if self.family == "liferay":
            if i in (0, 2, 4):
                return f"/web/guest/{cs}/-/asset_publisher/{self.inst}/content/{s}"
            if i == 3:
                return f"/-/{s}"
            return f"/web/guest/-/{s}"
        if self.family == "wordpress":
            if i in (1, 4):
                return f"/?p={a['id']}"
            if i == 2:
                return f"/{s}/"
            if i == 3:
                return f"/{d:%Y/%m}/{s}/"
            return f"/{d:%Y/%m/%d}/{s}/"
        if self.family == "party_newspaper":
            m = i % 3
            if m == 0:
                return f"/{cs}/{s}-post{a['id']}5.html"
            if m == 1:
                return f"/{s}-post{a['id']}7.html"
            return f"/{cs}/{s}-{a['id']}3.html"
        raise ValueError

    # ---------------------------------------------------------------- URLs of non-article pages
    def home_path(self):
        return {"sharepoint": f"{self.pre}/Pages/default.aspx", "liferay": "/web/guest/trang-chu"}.get(self.family, "/")

    def cat_path(self, c: int, page: int = 1) -> str:
        cs = self.cats[c][1]
        f = self.family
        if f == "sharepoint":
            base = f"{self.pre}/Pages/{cs}.aspx"
            return base if page == 1 else f"{base}?Page={page}"
        if f == "tandan":
            base = f"/tin-tuc/{cs}"
            return base if page == 1 else f"{base}?page={page}"
        if f == "liferay":
            base = f"/web/guest/{cs}"
            if page == 1:
                return base
            return (f"{base}?p_p_id=101_INSTANCE_{self.inst}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view"
                    f"&p_p_col_id=column-1&p_p_col_count=1&_101_INSTANCE_{self.inst}_cur={page}")
        if f == "wordpress":
            if self.i in (1, 4):
                return f"/?cat={c + 2}" if page == 1 else f"/?cat={c + 2}&paged={page}"
            return f"/category/{cs}/" if page == 1 else f"/category/{cs}/page/{page}/"
        if f == "party_newspaper":
            if self.i % 2:
                return f"/{cs}/" if page == 1 else f"/{cs}/trang-{page}.html"
            return f"/{cs}/" if page == 1 else f"/{cs}/?page={page}"
        raise ValueError

    def other_paths(self):
        f, p = self.family, self.pre
        tag = {"sharepoint": f"{p}/Pages/chu-de.aspx?TopicID=7", "tandan": "/tag/dang-vien",
               "liferay": "/web/guest/chu-de/-/tags/dang-vien",
               "wordpress": "/?tag=dang-vien" if self.i in (1, 4) else "/tag/dang-vien/",
               "party_newspaper": "/tag/dang-vien-1523.html" if self.i % 2 else "/chu-de/dang-vien.html"}[f]
        search = {"sharepoint": f"{p}/Pages/Ket-qua-tim-kiem.aspx?k=dang+vien", "tandan": "/tim-kiem?keyword=dang+vien",
                  "liferay": "/web/guest/tim-kiem?q=dang+vien", "wordpress": "/?s=dang+vien",
                  "party_newspaper": "/tim-kiem/?q=dang+vien"}[f]
        sched = {"sharepoint": f"{p}/Pages/2024-8-12/Lich-cong-tac-tuan-33-cua-lanh-dao-UBND-tinh.aspx",
                 "tandan": "/lich-cong-tac?ItemID=33", "liferay": "/web/guest/-/lich-cong-tac-tuan-33-cua-lanh-dao-ubnd-tinh",
                 "wordpress": "/lich-cong-tac/", "party_newspaper": "/lich-cong-tac-tuan-33-cua-thuong-truc-tinh-uy-post33.html"}[f]
        doc = {"sharepoint": f"{p}/Pages/2024-8-5/Quyet-dinh-so-1874-QD-UBND.aspx",
               "tandan": "/van-ban/chi-tiet?ItemID=1874", "liferay": "/web/guest/van-ban/-/van-ban/chi-tiet/1874",
               "wordpress": "/van-ban/quyet-dinh-so-1874-qd-ubnd/", "party_newspaper": "/van-ban/quyet-dinh-so-1874-qd-ubnd-1874.html"}[f]
        about = {"sharepoint": f"{p}/Pages/Gioi-thieu.aspx", "tandan": "/gioi-thieu", "liferay": "/web/guest/gioi-thieu",
                 "wordpress": "/gioi-thieu/", "party_newspaper": "/gioi-thieu.html"}[f]
        return dict(tag=tag, search=search, sched=sched, doc=doc, about=about)

    # ---------------------------------------------------------------- page chrome
    def menu(self) -> str:
        o = self.other_paths()
        items = [(self.home_path(), "Trang chủ")] + [(self.cat_path(j), n) for j, (n, _) in enumerate(self.cats)]
        items += [(o["sched"], "Lịch công tác"), (o["doc"] if self.family != "sharepoint" else o["doc"], "Văn bản"),
                  (o["about"], "Giới thiệu"), (o["tag"], "Đảng viên"), (o["search"], "Tìm kiếm")]
        lis = "".join(f'<li><a href="{a_(h)}">{e(t)}</a></li>' for h, t in items)
        cls = {"sharepoint": 'class="ms-topnav menu-top"', "tandan": 'class="menu-main"', "liferay": 'class="nav navbar-nav" id="navigation"',
               "wordpress": 'class="menu primary-menu"', "party_newspaper": 'class="header__menu"'}[self.family]
        return f'<nav {cls}><ul>{lis}</ul></nav>'

    def header(self) -> str:
        today = ""
        if self.family in ("sharepoint", "tandan", "liferay"):
            today = '<div class="today">Hôm nay: Thứ Hai, ngày 02/12/2024</div>'
        if self.family == "party_newspaper":
            today = '<span class="header__date">Thứ Hai, 02/12/2024 14:02</span>'
        logo = f'<h1 class="site-name"><a href="{a_(self.home_path())}">{e(self.site_title)}</a></h1>'
        if self.family == "wordpress" and self.i in (2, 3, 5):
            logo = f'<p class="wp-block-site-title"><a href="/">{e(self.site_title)}</a></p><h1 class="site-name screen-reader-text">{e(self.site_title)}</h1>'
        ftag = "div" if self.family == "sharepoint" else "form"
        srch = f'<{ftag} class="search" action="{a_(self.other_paths()["search"].split("?")[0])}"><input name="q" placeholder="Nhập từ khóa"><button>Tìm kiếm</button></{ftag}>'
        return f'<header id="header">{today}{logo}{srch}{self.menu()}</header>'

    def footer(self) -> str:
        return (f'<footer id="footer"><div class="footer-info"><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh {e(self.P)}</p>'
                f'<p>Địa chỉ: Số 12 đường Trần Hưng Đạo, thành phố {e(self.P)}. Điện thoại: 0203.3825.116</p>'
                f'<p>Giấy phép số 35/GP-TTĐT do Cục Phát thanh, truyền hình và thông tin điện tử cấp.</p>'
                f'<p>Bản quyền thuộc {e(self.site_title)}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></div>'
                f'<div class="links"><h3>Liên kết website</h3><ul><li><a href="https://chinhphu.vn">Cổng TTĐT Chính phủ</a></li>'
                f'<li><a href="https://dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</a></li></ul></div>'
                f'<a href="#header" class="totop">Về đầu trang</a></footer>')

    def sidebar(self, exclude=None) -> str:
        latest = [a for a in self.articles if a is not exclude][:5]
        lis = "".join(f'<li><a href="{a_(a["link"])}">{e(a["title"])}</a> <span class="date">{fmt_date(a["date"], "short")}</span></li>' for a in latest)
        return (f'<aside class="sidebar"><div class="box"><h2 class="box-title">Tin mới</h2><ul>{lis}</ul></div>'
                f'<div class="box poll"><h2 class="box-title">Thăm dò ý kiến</h2><p>Bạn đánh giá thế nào về giao diện cổng thông tin?</p>'
                f'<label><input type="radio" name="p"> Đẹp</label><label><input type="radio" name="p"> Bình thường</label></div></aside>')

    def page(self, title_tag: str, main: str, head_extra: str = "", body_cls: str = "", side: str | None = None) -> str:
        f = self.family
        feeds = ""
        if self.has_rss():
            feeds = f'<link rel="alternate" type="application/rss+xml" title="RSS" href="{a_(self.rss_path())}">'
        wrap_open, wrap_close = {
            "sharepoint": ('<form method="post" action="./default.aspx" id="aspnetForm"><div id="s4-workspace"><div id="s4-bodyContainer">',
                           '</div></div><input type="hidden" name="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRk"></form>'),
            "tandan": ('<div id="wrapper" class="tandan-portal">', '</div>'),
            "liferay": ('<div id="wrapper" class="container-fluid"><section id="content">', '</section></div>'),
            "wordpress": ('<div id="page" class="site wp-site-blocks">', '</div>'),
            "party_newspaper": ('<div class="wrapper main-page">', '</div>'),
        }[f]
        side = self.sidebar() if side is None else side
        return self.reclass(f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{e(title_tag)}</title>'
                f'<meta name="viewport" content="width=device-width, initial-scale=1">{feeds}{head_extra}</head>'
                f'<body class="{body_cls}">{wrap_open}{self.header()}<div class="main-content"><div class="col-main">{main}</div>{side}</div>'
                f'{self.footer()}{wrap_close}</body></html>')

    def reclass(self, doc: str) -> str:
        if self.split != "blind":
            return doc
        return re.sub(r'class="([^"]*)"', lambda m: f'class="{BLIND_CLASSES.get(m.group(1), m.group(1))}"', doc)

    def crumbs(self, items) -> str:
        parts = [f'<a href="{a_(self.home_path())}">Trang chủ</a>'] + [f'<a href="{a_(h)}">{e(t)}</a>' if h else f'<span>{e(t)}</span>' for h, t in items]
        return '<div class="breadcrumb">' + ' <span class="sep">›</span> '.join(parts) + '</div>'

    # ---------------------------------------------------------------- feeds
    def has_rss(self):
        return self.family in ("wordpress", "party_newspaper") or (self.family in ("sharepoint", "tandan") and self.i % 2 == 1)

    def rss_path(self):
        return {"sharepoint": f"{self.pre}/rss/tin-tuc.xml", "tandan": "/rss/tin-tuc.rss", "wordpress": "/feed/",
                "party_newspaper": "/rss/home.rss", "liferay": "/rss"}[self.family]

    def has_sitemap(self):
        return self.family in ("liferay", "party_newspaper") or (self.family in ("sharepoint", "tandan") and self.i % 2 == 0) \
            or (self.family == "wordpress" and self.i in (0, 2, 5))

    def add(self, path: str, content: str, name: str | None = None, ctype: str | None = None):
        name = name or f"p{len(self.pages) + 1:02d}.html"
        self.pages[name] = content
        self.routes[path] = name
        if ctype:
            self.headers[path] = {"Content-Type": ctype}
        return name

    # ---------------------------------------------------------------- article page
    def related_block(self, a, heading: str, items, cls: str, with_dates=True, teaser=False) -> str:
        heading = BLIND_HEADINGS.get(self.i, {}).get(heading, heading)
        lis = []
        for b in items:
            dd = f' <span class="time">{fmt_date(b["date"], self.r.choice(["short", "paren", "dash"]))}</span>' if with_dates else ""
            tz = f'<p class="teaser">{e(b["lead"][:120].rsplit(" ", 1)[0])}...</p>' if teaser else ""
            lis.append(f'<li><h3 class="title"><a href="{a_(b["link"])}">{e(b["title"])}</a></h3>{dd}{tz}</li>')
        tag = "h2" if self.k["title"] in ("title_only", "div") else "h3"
        return f'<div class="{cls}"><{tag} class="title block-title">{heading}</{tag}><ul>{"".join(lis)}</ul></div>'

    def byline_html(self, a) -> tuple[str, str]:
        if not a["author"]:
            return "", ""
        st = a["byline_style"]
        raw = {"plain": a["author"], "tacgia": f"Tác giả: {a['author']}", "baianh": f"Bài, ảnh: {a['author']}",
               "strong": a["author"]}[st]
        inner = f"<strong>{e(raw)}</strong>" if st == "strong" else e(raw)
        return f'<p class="author" style="text-align:right">{inner}</p>', raw

    def article_page(self, a):
        k, f, r = self.k, self.family, self.r
        others = [b for b in self.articles if b is not a]
        rel1 = r.sample(others, min(3, len(others)))
        rel2 = r.sample(others, min(4, len(others)))
        date_vis = fmt_date(a["date"], k["date"])
        if k["date"] == "iso":
            date_html = f'<time class="date" datetime="{iso(a["date"])}">{a["date"]:%H:%M %d/%m/%Y}</time>'
            date_vis = iso(a["date"])
        elif f == "wordpress":  # WordPress always carries the machine date in <time datetime>
            date_html = (f'<span class="posted-on"><time class="entry-date published" datetime="{iso(a["date"])}">{e(date_vis)}</time>'
                         f'<time class="updated" datetime="{iso(a["date"] + dt.timedelta(days=2))}">{a["date"] + dt.timedelta(days=2):%d/%m/%Y}</time></span>')
        else:
            date_html = f'<span class="date">{e(date_vis)}</span>'
        title = a["title"]
        head = ""
        if k["og"] or f == "party_newspaper":
            head += f'<meta property="og:title" content="{a_(title)}"><meta property="og:type" content="article">'
            head += f'<meta property="og:description" content="{a_(a["lead"][:150])}">'
        if f in ("wordpress", "party_newspaper") and k["date"] != "capnhat":
            head += f'<meta property="article:published_time" content="{iso(a["date"])}">'
        if k["jsonld"]:
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
                  "datePublished": iso(a["date"]), "dateModified": iso(a["date"] + dt.timedelta(days=1, hours=2)),
                  "publisher": {"@type": "Organization", "name": self.site_title}}
            if a["author"]:
                ld["author"] = {"@type": "Person", "name": a["author"]}
            head += f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        if f == "wordpress":
            head += f'<link rel="shortlink" href="/?p={a["id"]}">'
        if f in ("wordpress", "party_newspaper", "liferay") and self.i != 1:
            head += f'<link rel="canonical" href="{a_(a["path"])}">'
        # title element
        tmode = k["title"]
        tcls = {"sharepoint": "ms-rteElement-H1 article-title", "tandan": "title-news", "liferay": "header-title",
                "wordpress": "entry-title wp-block-post-title", "party_newspaper": "detail__title"}[f]
        if tmode == "h1":
            th = f'<h1 class="{tcls}">{e(title)}</h1>'
        elif tmode == "h2":
            th = f'<h2 class="{tcls}">{e(title)}</h2>'
        elif tmode == "div":
            th = f'<div class="{tcls} title">{e(title)}</div>'
        else:
            th = ""
        title_tag = title + self.suffix
        cat_name = self.cats[a["cat"]][0]
        cat_h = f'<h1 class="cat-title">{e(cat_name)}</h1>' if k["catH1"] else f'<div class="cat-title">{e(cat_name)}</div>'
        byl, byl_raw = self.byline_html(a)
        # lead
        dateline = ""
        if f in ("party_newspaper", "liferay") and self.i % 2 == 0:
            dateline = f"({''.join(w[0] for w in ('Báo ' + self.P).split()).upper()}) -"
        lead_in = (f'<span class="dateline">{e(dateline)}</span> ' if dateline else "") + e(a["lead"])
        lead_html = {
            "sharepoint": f'<div class="sapo"><strong>{lead_in}</strong></div>',
            "tandan": f'<p class="news-summary"><b>{lead_in}</b></p>',
            "liferay": f'<div class="summary">{lead_in}</div>',
            "wordpress": f'<p><strong>{lead_in}</strong></p>',
            "party_newspaper": f'<h2 class="detail__sapo sapo">{lead_in}</h2>',
        }[f]
        credit = f"Ảnh: {a['credit']}"
        caps = [f"{c}. {credit}" if j % 2 == 0 else f"{c} (Ảnh: {a['credit']})" for j, c in enumerate(a["captions"])]
        figs = [f'<figure class="image"><img src="/images/{a["id"]}_{j}.jpg" alt="{a_(a["captions"][j])}">'
                f'<figcaption>{e(cap)}</figcaption></figure>' for j, cap in enumerate(caps)]
        if f in ("sharepoint", "tandan") and caps:
            figs[0] = (f'<table class="image" align="center"><tr><td><img src="/images/{a["id"]}_0.jpg"></td></tr>'
                       f'<tr><td class="caption"><em>{e(caps[0])}</em></td></tr></table>')
        paras = [f"<p>{e(p)}</p>" for p in a["paragraphs"]]
        body = []
        for j, p in enumerate(paras):
            body.append(p)
            if j == 0 and figs:
                body.append(figs[0])
            if j == 2 and len(figs) > 1:
                body.append(figs[1])
            if j == 1 and f == "party_newspaper" and self.i % 2 == 0:
                body.append(self.related_block(a, "Tin liên quan", rel1[:2], "box-related inline-related", with_dates=False))
        src_html = f'<p class="source"><em>Nguồn: {e(a["source"])}</em></p>' if a["source"] else ""
        meta_html = f'<div class="meta">{date_html} <span class="views">Lượt xem: {a["views"]}</span></div>'
        tools = '<div class="tools"><a href="#share-fb">Chia sẻ</a> | <a href="javascript:window.print()">In bài</a> | <a href="mailto:?subject=tin">Gửi email</a></div>'
        tags = f'<div class="tags">Từ khóa: <a href="{a_(self.other_paths()["tag"])}">đảng viên</a>, <a href="{a_(self.other_paths()["search"])}">tỉnh {e(self.P)}</a></div>'
        top = [self.crumbs([(self.cat_path(a["cat"]), cat_name)]), cat_h]
        if k["related"] in ("before", "both"):
            top.append(self.related_block(a, "Tin liên quan", rel1, "related-news news-other"))
        art = [th, meta_html]
        if k["byline"] == "top" and byl:
            art.append(byl.replace('class="author" style="text-align:right"', 'class="author byline-top"'))
        art.append(lead_html)
        content_cls = {"sharepoint": "ms-rtestate-field content-news", "tandan": "news-content", "liferay": "journal-content-article",
                       "wordpress": "entry-content wp-block-post-content", "party_newspaper": "detail__content cms-body"}[f]
        cid = ' id="ctl00_PlaceHolderMain_ctl02__ControlWrapper_RichHtmlField"' if f == "sharepoint" else ""
        art.append(f'<div class="{content_cls}"{cid}>{"".join(body)}</div>')
        if k["byline"] == "bottom" and byl:
            art.append(byl)
        art.append(src_html)
        art.append(tools)
        art.append(tags)
        bottom = []
        if k["related"] in ("after", "both"):
            bottom.append(self.related_block(a, "Tin cùng chuyên mục", rel2, "same-category"))
        bottom.append(self.related_block(a, "Các tin khác", [b for b in others if b not in rel2][:4] or rel2[:2], "other-news"))
        if f == "wordpress":
            bottom.append('<div id="comments"><h3 class="comment-reply-title">Để lại một bình luận</h3><form><textarea name="comment"></textarea>'
                          '<button>Gửi bình luận</button></form></div>')
        if f == "liferay":
            main = (f'<div class="portlet-boundary portlet-asset-publisher"><div class="asset-full-content">'
                    f'{"".join(top)}<div class="asset-content">{"".join(art)}</div></div></div>{"".join(bottom)}')
        elif f == "wordpress":
            main = (f'<main id="main" class="site-main wp-block-group">{"".join(top)}<article id="post-{a["id"]}" '
                    f'class="post-{a["id"]} post type-post status-publish format-standard hentry">{"".join(art)}</article>'
                    f'{"".join(bottom)}</main>')
        else:
            main = f'{"".join(top)}<article class="article-detail">{"".join(art)}</article>{"".join(bottom)}'
        html_ = self.page(title_tag, main, head, body_cls="article-page", side=self.sidebar(exclude=a))
        self.add(a["path"], html_)
        return dict(caps=caps, byl=byl_raw, date_vis=date_vis, dateline=dateline)

    # ---------------------------------------------------------------- listings
    def teaser_item(self, b, long: bool) -> str:
        tz = b["lead"] if long else b["lead"][:160].rsplit(" ", 1)[0] + "..."
        return (f'<div class="news-item"><a href="{a_(b["link"])}"><img src="/images/{b["id"]}_0.jpg" alt=""></a>'
                f'<h3 class="title"><a href="{a_(b["link"])}">{e(b["title"])}</a></h3>'
                f'<span class="date">{fmt_date(b["date"], "short")}</span><p class="teaser">{e(tz)}</p>'
                f'<a class="more" href="{a_(b["link"])}">Xem tiếp</a></div>')

    def listing(self, path: str, heading: str, items, *, long: bool, pager: str = "", crumbs=None, lead_html=""):
        # first item rendered big, with its whole lead (a listing that looks like an article)
        its = "".join(self.teaser_item(b, long or j == 0) for j, b in enumerate(items))
        tag = "h1" if self.k["catH1"] else "h2"
        main = f'{self.crumbs(crumbs or [(None, heading)])}<{tag} class="cat-title">{e(heading)}</{tag}>{lead_html}<div class="news-list">{its}</div>{pager}'
        self.add(path, self.page(heading + self.suffix, main, body_cls="list-page"))
        self.non_articles.append(path)

    def pager(self, c: int, page: int, pages: int) -> str:
        if self.postback:
            lis = "".join(f'<a href="javascript:__doPostBack(\'ctl00$m$g_5f3a$Pager\',\'{p}\')">{p}</a> ' for p in range(1, pages + 1))
            return f'<div class="pager">{lis}<a href="javascript:__doPostBack(\'ctl00$m$g_5f3a$Pager\',\'next\')">Xem tiếp</a></div>'
        parts = []
        for p in range(1, pages + 1):
            parts.append(f'<span class="current">{p}</span>' if p == page else f'<a href="{a_(self.cat_path(c, p))}">{p}</a>')
        if page < pages:
            parts.append(f'<a class="next" href="{a_(self.cat_path(c, page + 1))}">Xem tiếp »</a>')
        if page > 1:
            parts.insert(0, f'<a class="prev" href="{a_(self.cat_path(c, page - 1))}">« Trang trước</a>')
        count = ""
        if self.family == "liferay":
            n = len([b for b in self.articles if b["cat"] == c])
            per = max(2, (n + 1) // 2)
            count = f'<div class="search-results">Hiển thị {(page - 1) * per + 1} - {min(n, page * per)} trong số {n} kết quả.</div>'
        return f'{count}<div class="pagination">{" ".join(parts)}</div>'

    # ---------------------------------------------------------------- non-article pages
    def home(self):
        arts = self.articles
        top = arts[0]
        feat = (f'<div class="featured"><h2 class="title"><a href="{a_(top["link"])}">{e(top["title"])}</a></h2>'
                f'<span class="date">{fmt_date(top["date"], self.k["date"] if self.k["date"] != "iso" else "short")}</span>'
                f'<p class="sapo">{e(top["lead"])}</p></div>')
        blocks = []
        for c, (n, _) in enumerate(self.cats):
            its = [b for b in arts if b["cat"] == c][:2]
            lis = "".join(f'<li><a href="{a_(b["link"])}">{e(b["title"])}</a></li>' for b in its)
            blocks.append(f'<div class="home-block"><h2><a href="{a_(self.cat_path(c))}">{e(n)}</a></h2><ul>{lis}</ul>'
                          f'<a class="more" href="{a_(self.cat_path(c))}">Xem tiếp</a></div>')
        o = self.other_paths()
        extra = (f'<div class="home-block"><h2>Lịch công tác</h2><a href="{a_(o["sched"])}">Lịch công tác tuần 33 của lãnh đạo tỉnh</a></div>'
                 f'<div class="home-block"><h2>Văn bản mới</h2><a href="{a_(o["doc"])}">Quyết định số 1874/QĐ-UBND</a></div>')
        main = f'{feat}{"".join(blocks)}{extra}'
        hp = self.home_path()
        self.add(hp, self.page(self.site_title, main, body_cls="home"))
        self.non_articles.append(hp)
        if hp != "/":
            self.redirects["/"] = hp

    def categories(self):
        for c, (n, _) in enumerate(self.cats):
            its = [b for b in self.articles if b["cat"] == c]
            per = max(2, (len(its) + 1) // 2)
            pages = max(1, (len(its) + per - 1) // per)
            for p in range(1, pages + 1):
                if p > 1 and self.postback:
                    break
                chunk = its[(p - 1) * per: p * per]
                self.listing(self.cat_path(c, p), n, chunk, long=(c == 0), pager=self.pager(c, p, pages),
                             crumbs=[(self.cat_path(c) if p > 1 else None, n)] + ([(None, f"Trang {p}")] if p > 1 else []))
            if self.family == "sharepoint" and not self.postback:
                self.routes[self.cat_path(c) + "?Page=1"] = self.routes[self.cat_path(c)]

    def tag_page(self):
        o = self.other_paths()
        its = self.r.sample(self.articles, 3)
        self.listing(o["tag"], "Đảng viên", its, long=True, crumbs=[(None, "Chủ đề: Đảng viên")])

    def search_page(self):
        o = self.other_paths()
        its = self.articles[1:5]
        lead_html = f'<p class="search-summary">Tìm thấy {len(its)} kết quả cho từ khóa "đảng viên"</p>'
        self.listing(o["search"], "Kết quả tìm kiếm", its, long=False, crumbs=[(None, "Tìm kiếm")], lead_html=lead_html)
        # the same query with %20 or other encodings
        if "+" in o["search"]:
            self.routes[o["search"].replace("+", "%20")] = self.routes[o["search"]]

    def schedule(self):
        o = self.other_paths()
        r = self.r
        names = [Ctx(r, self.P, self.districts, VILLAGES, dt.datetime(2024, 8, 10)).name() for _ in range(3)]
        rows = []
        d0 = dt.date(2024, 8, 12)
        acts = ["Dự Hội nghị Ban Thường vụ Tỉnh ủy", "Tiếp công dân định kỳ tại Trụ sở tiếp công dân tỉnh",
                "Làm việc với Sở Kế hoạch và Đầu tư về giải ngân vốn đầu tư công", "Dự lễ khánh thành cầu Nà Lầu",
                "Họp UBND tỉnh thường kỳ tháng 8", "Kiểm tra tiến độ dự án đường tỉnh 279"]
        for j in range(5):
            d = d0 + dt.timedelta(days=j)
            rows.append(f'<tr><td>{WEEKDAYS[j]}<br>{d:%d/%m/%Y}</td><td>8h00</td><td>{e(r.choice(acts))}</td>'
                        f'<td>Đồng chí {e(names[j % 3])}</td><td>Phòng họp số 1</td></tr>')
        main = (f'{self.crumbs([(None, "Lịch công tác")])}<h1 class="title">Lịch công tác tuần 33 (từ ngày 12/8/2024 đến ngày 16/8/2024)</h1>'
                f'<div class="meta"><span class="date">{fmt_date(dt.datetime(2024, 8, 10, 16, 30), "thu")}</span></div>'
                f'<p>Lịch công tác của Thường trực Tỉnh ủy, lãnh đạo UBND tỉnh {e(self.P)}: đồng chí {e(names[0])}, Chủ tịch UBND tỉnh; '
                f'đồng chí {e(names[1])}, Phó Chủ tịch Thường trực UBND tỉnh; đồng chí {e(names[2])}, Phó Chủ tịch UBND tỉnh.</p>'
                f'<table class="lich-cong-tac"><tr><th>Ngày</th><th>Giờ</th><th>Nội dung</th><th>Chủ trì</th><th>Địa điểm</th></tr>{"".join(rows)}</table>'
                f'<p class="note">Lịch có thể thay đổi, đề nghị các cơ quan theo dõi thông báo của Văn phòng UBND tỉnh.</p>')
        self.add(o["sched"], self.page("Lịch công tác tuần 33" + self.suffix, main, body_cls="schedule"))
        self.non_articles.append(o["sched"])

    def document(self):
        o = self.other_paths()
        signer = Ctx(self.r, self.P, self.districts, VILLAGES, dt.datetime(2024, 8, 10)).name()
        rows = [("Số ký hiệu", "1874/QĐ-UBND"), ("Ngày ban hành", "05/08/2024"), ("Ngày hiệu lực", "05/08/2024"),
                ("Loại văn bản", "Quyết định"), ("Cơ quan ban hành", f"UBND tỉnh {self.P}"), ("Người ký", signer),
                ("Trích yếu", f"Quyết định về việc kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh {self.P} giai đoạn 2024 - 2025"),
                ("Lĩnh vực", "Tổ chức bộ máy")]
        tr = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
        main = (f'{self.crumbs([(None, "Văn bản chỉ đạo điều hành")])}<h1 class="title">Quyết định số 1874/QĐ-UBND</h1>'
                f'<table class="van-ban">{tr}</table><p>Tệp đính kèm: <a href="/Documents/1874-QD-UBND.pdf">1874-QD-UBND.pdf</a></p>'
                f'<h3>Văn bản cùng lĩnh vực</h3><ul><li><a href="{a_(o["doc"])}">Quyết định số 1874/QĐ-UBND (05/08/2024)</a></li></ul>')
        self.add(o["doc"], self.page("Quyết định số 1874/QĐ-UBND" + self.suffix, main, body_cls="document"))
        self.non_articles.append(o["doc"])

    def about(self):
        o = self.other_paths()
        main = (f'{self.crumbs([(None, "Giới thiệu")])}<h1 class="title">Giới thiệu chung về tỉnh {e(self.P)}</h1>'
                f'<p>Tỉnh {e(self.P)} có diện tích tự nhiên 6.532 km², gồm 9 đơn vị hành chính cấp huyện với dân số hơn 920 nghìn người.</p>'
                f'<ul><li><a href="{a_(o["about"])}">Điều kiện tự nhiên</a></li><li><a href="{a_(o["about"])}">Lịch sử - Văn hóa</a></li>'
                f'<li><a href="{a_(o["about"])}">Bộ máy tổ chức</a></li></ul>')
        self.add(o["about"], self.page("Giới thiệu" + self.suffix, main, body_cls="static"))
        self.non_articles.append(o["about"])

    def feeds(self):
        if self.has_rss():
            items = "".join(
                f'<item><title>{e(a["title"])}</title><link>{{base}}{e(a["path"])}</link><guid>{{base}}{e(a["path"])}</guid>'
                f'<pubDate>{a["date"]:%a, %d %b %Y} {a["date"].strftime("%H:%M:00") if self.has_time() else "00:00:00"} +0700</pubDate>'
                f'<description>{e(a["lead"][:200])}</description></item>'
                for a in self.articles)
            xml = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{e(self.site_title)}</title>'
                   f'<link>{{base}}/</link><description>Tin mới</description>{items}</channel></rss>')
            self.add(self.rss_path(), xml, name="feed.xml", ctype="application/rss+xml; charset=utf-8")
        if self.has_sitemap():
            urls = "".join(f'<url><loc>{{base}}{e(a["path"])}</loc><lastmod>{a["date"]:%Y-%m-%d}</lastmod></url>' for a in self.articles)
            urls += f'<url><loc>{{base}}{e(self.home_path())}</loc></url>'
            urls += "".join(f'<url><loc>{{base}}{e(self.cat_path(c))}</loc></url>' for c in range(self.ncat))
            xml = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            self.add("/sitemap.xml", xml, name="sitemap.xml", ctype="application/xml; charset=utf-8")

    def robots(self) -> str:
        dis = {"sharepoint": ["/_layouts/", "/_vti_bin/"], "tandan": ["/Admin/", "/UserControls/"], "liferay": ["/c/", "/group/"],
               "wordpress": ["/wp-admin/"], "party_newspaper": ["/admin/"]}[self.family]
        s = "User-agent: *\n" + "".join(f"Disallow: {d}\n" for d in dis)
        if self.has_sitemap():
            s += "Sitemap: {base}/sitemap.xml\n"
        return s

    def has_time(self) -> bool:
        """Whether the article page carries the time of publication (visible, <time datetime>, meta or JSON-LD);
        the expected date is then the full datetime in +07:00, otherwise the date alone."""
        return not (self.k["date"] == "dash" and self.family in ("sharepoint", "tandan", "liferay"))

    def published(self, a) -> str:
        return iso(a["date"]) if self.has_time() else a["date"].strftime("%Y-%m-%d")

    # ---------------------------------------------------------------- build
    def build(self, out: Path):
        self.home()
        self.categories()
        self.tag_page()
        self.search_page()
        self.schedule()
        self.document()
        self.about()
        exp_articles = []
        for a in self.articles:
            info = self.article_page(a)
            for al in a["aliases"]:
                if "redirect=" not in al:
                    self.routes[al] = self.routes[a["path"]]
            if self.family == "wordpress" and self.i not in (1, 4):
                self.redirects[f"/?p={a['id']}"] = a["path"]
            exp_articles.append({
                "path": a["path"], "title": a["title"], "published": self.published(a),
                "author": a["author"], "source": a["source"], "lead": a["lead"], "paragraphs": a["paragraphs"],
                "aliases": a["aliases"], "encoding": "utf-8",
                # fields beyond the body (issue 14: facts in captions, byline, dateline, source line)
                "captions": info["caps"], "byline": info["byl"], "dateline": info["dateline"],
                "source_line": f"Nguồn: {a['source']}" if a["source"] else "",
                "published_time": a["date"].strftime("%H:%M"), "date_as_shown": info["date_vis"],
                "persons": [{"name": n, "role": ro} for n, ro in a["persons"]],
                "words": len((a["lead"] + " " + " ".join(a["paragraphs"])).split()),
            })
        self.feeds()
        d = out / self.split / self.family / self.name
        if d.exists():
            shutil.rmtree(d)
        d.mkdir(parents=True)
        for name, content in self.pages.items():
            (d / name).write_text(content, "utf-8")
        routes = {"robots": self.robots(), "routes": self.routes, "gzip": [], "headers": self.headers, "redirects": self.redirects}
        if self.i == 2:  # one gzip-served page per family, as real servers do
            routes["gzip"] = [self.articles[0]["path"]]
            self.headers[self.articles[0]["path"]] = {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"}
        (d / "routes.json").write_text(json.dumps(routes, ensure_ascii=False, indent=1), "utf-8")
        knobs = dict(self.k, postback_pagination=self.postback, rss=self.has_rss(), sitemap=self.has_sitemap())
        exp = {"start": "/", "articles": exp_articles, "non_articles": self.non_articles,
               "boilerplate": self.boiler, "must_not_contain": ["Tin liên quan", "Tin cùng chuyên mục", "Các tin khác", "Tin mới",
                                                                 "Bạn đánh giá thế nào về giao diện cổng thông tin?"],
               "disallowed": [], "site": {"family": self.family, "province": self.P, "split": self.split, "layout": knobs}}
        (d / "expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1), "utf-8")
        return d, len(exp_articles), len(self.non_articles)


def main():
    for sp in ("dev", "blind"):
        if (HERE / sp).exists():
            shutil.rmtree(HERE / sp)
    total = {}
    for fam in FAMILIES:
        for i in range(6):
            s = Site(fam, i)
            d, na, nn = s.build(HERE)
            total.setdefault((s.split, fam), []).append((s.name, na, nn))
    for (sp, fam), v in sorted(total.items()):
        print(sp, fam, v)


if __name__ == "__main__":
    main()
