"""Generate tests/data/sites_unseen4: 18 invented Vietnamese provincial sites (sharepoint, tandan,
party_newspaper; 4 dev + 2 blind each) in the sitekit format (routes.json + expected.json + files).

Deterministic (seeded by site slug). Rewrites dev/ and blind/ (or only the split given: --split dev)."""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from texts4 import KINDS, PHOTOGRAPHERS, REPORTERS, Ctx  # noqa: E402

EXTRA_DATE_FORMATS: dict = {}
EXTRA_URL_SCHEMES: dict = {}

TZ = "+07:00"
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
TODAY = dt.date(2024, 12, 2)

# ---------------------------------------------------------------- site table
# title: h1 | h2 | title_only | og | jsonld ; date: thu | dash | capnhat | iso | thang | dot
# related: before | after | both ; byline: top | bottom ; classes / heads: theme sets (dev: "en" / "dev")
SITES = [
    # sharepoint
    dict(fam="sharepoint", slug="dongnhan", prov="Đông Nhạn", split="dev", n=8, title="h1", date="thu",
         related="after", byline="bottom", og=True, jsonld=False, rss=True, sitemap=False, postback=True,
         urls="sp_dated", districts=["Yên Hạ", "Phù Lãng", "Kim Trì", "Đồng Xoan"], gz=None, enc={},
         bylines=["{n} - Trung tâm Truyền thông tỉnh", "Bài, ảnh: {n}"]),
    dict(fam="sharepoint", slug="hoanglong", prov="Hoàng Long", split="dev", n=7, title="title_only",
         date="capnhat", related="before", byline="top", og=False, jsonld=False, rss=True, sitemap=True,
         postback=False, urls="sp_nid", districts=["Lạc Sơn Tây", "Thạch Bàn", "Vĩnh Điền", "Na Hang Hạ"],
         gz=None, enc={2: "cp1258", 5: "utf8-nodecl"}, bylines=["Tác giả: {n}", "{n} (Ban Tuyên giáo Tỉnh ủy)"]),
    dict(fam="sharepoint", slug="thanhtrieu", prov="Thanh Triều", split="dev", n=9, title="h2", date="iso",
         related="both", byline="bottom", og=True, jsonld=True, rss=False, sitemap=True, postback=True,
         urls="sp_dated", districts=["Quỳnh Lâm", "Đông Sơn Hạ", "Mỹ Lộc", "Hòa Mỹ"], gz=3, enc={},
         bylines=["{n}", "{n} - Trung tâm Truyền thông tỉnh"]),
    dict(fam="sharepoint", slug="lamthuy", prov="Lâm Thủy", split="dev", n=6, title="og", date="dash",
         related="before", byline="top", og=True, jsonld=False, rss=True, sitemap=False, postback=False,
         urls="sp_nid", districts=["Bắc Lâm", "Tân Phước Hạ", "Ea Rông", "Sông Mã Hạ"], gz=None,
         enc={4: "utf8-wrongdecl"}, bylines=["Bài, ảnh: {n}", "Tác giả: {n}"]),
    # tandan
    dict(fam="tandan", slug="phuocson", prov="Phước Sơn", split="dev", n=8, title="h2", date="thu",
         related="both", byline="bottom", og=True, jsonld=False, rss=True, sitemap=False, postback=False,
         urls="td_viewnews", districts=["Tiên Lữ", "Đại Từ Hạ", "Kỳ Phú", "Lục Yên Đông"], gz=None, enc={},
         bylines=["{n} - Trung tâm Truyền thông tỉnh", "Tác giả: {n}"]),
    dict(fam="tandan", slug="ngocha", prov="Ngọc Hà", split="dev", n=7, title="h1", date="dash",
         related="after", byline="top", og=False, jsonld=False, rss=False, sitemap=True, postback=False,
         urls="td_chitiet", districts=["Hà Quảng Tây", "Yên Minh Hạ", "Bạch Thông", "Chợ Rã"], gz=None,
         enc={1: "cp1258", 3: "cp1258", 6: "utf8-nodecl"}, bylines=["Bài, ảnh: {n}", "{n}"]),
    dict(fam="tandan", slug="thaiminh", prov="Thái Minh", split="dev", n=9, title="title_only", date="iso",
         related="before", byline="bottom", og=False, jsonld=False, rss=True, sitemap=True, postback=False,
         urls="td_viewnews", districts=["Minh Hóa Hạ", "Tuyên Hóa Bắc", "Lệ Ninh", "Quảng Trạch Tây"], gz=4,
         enc={}, bylines=["{n} (Ban Tuyên giáo Tỉnh ủy)", "Bài, ảnh: {n}"]),
    dict(fam="tandan", slug="hamlong", prov="Hàm Long", split="dev", n=6, title="og", date="capnhat",
         related="before", byline="top", og=True, jsonld=False, rss=True, sitemap=False, postback=False,
         urls="td_chitiet", districts=["Đắk Rồng", "Kon Plông Hạ", "Sa Thầy Đông", "Ngọc Linh"], gz=None,
         enc={}, bylines=["Tác giả: {n}", "{n} - Trung tâm Truyền thông tỉnh"]),
    # party_newspaper
    dict(fam="party_newspaper", slug="baoanlac", prov="An Lạc", split="dev", n=8, title="h1", date="iso",
         related="after", byline="bottom", og=True, jsonld=False, rss=True, sitemap=False, postback=False,
         urls="pn_slugid", districts=["Lạc Thủy Đông", "Kim Bôi Hạ", "Tân Lạc Bắc", "Yên Thủy Tây"], gz=None,
         enc={}, bylines=["{n}", "Bài, ảnh: {n}"]),
    dict(fam="party_newspaper", slug="baotrunghai", prov="Trung Hải", split="dev", n=9, title="title_only",
         date="thu", related="both", byline="top", og=False, jsonld=False, rss=True, sitemap=True, postback=False,
         urls="pn_section", districts=["Hải Thịnh", "Giao Long", "Cồn Nhất", "Quất Lâm Hạ"], gz=2, enc={},
         bylines=["{n}", "{n} - Trung tâm Truyền thông tỉnh"], inbody_related=True),
    dict(fam="party_newspaper", slug="baophuxuyen", prov="Phú Xuyên", split="dev", n=7, title="h2", date="dash",
         related="before", byline="bottom", og=True, jsonld=False, rss=True, sitemap=False, postback=False,
         urls="pn_wp", districts=["Phú Túc", "Vân Từ Hạ", "Chuyên Mỹ", "Đại Xuyên Tây"], gz=None,
         enc={2: "utf8-nodecl"}, bylines=["Bài, ảnh: {n}", "Tác giả: {n}"]),
    dict(fam="party_newspaper", slug="baokimhoa", prov="Kim Hoa", split="dev", n=6, title="og", date="capnhat",
         related="after", byline="top", og=True, jsonld=True, rss=False, sitemap=True, postback=False,
         urls="pn_slugid", districts=["Kim Liên Hạ", "Hoa Lư Tây", "Gia Viễn Bắc", "Nho Quan Đông"], gz=None,
         enc={}, bylines=["{n}", "{n} (Ban Tuyên giáo Tỉnh ủy)"]),
]

CLASSES = {
    ("sharepoint", "en"): dict(title="news-title", date="news-date", sapo="news-sapo", body="ms-rtestate-field",
                               byline="news-author", src="news-source", rel="related-news", bc="breadcrumb",
                               tags="news-tags", item="news-item", teaser="news-summary"),
    ("tandan", "en"): dict(title="ArticleTitle", date="ArticleDate", sapo="ArticleSummary", body="ArticleContent",
                           byline="ArticleAuthor", src="ArticleSource", rel="OtherNews", bc="Breadcrumb", tags="Tags",
                           item="NewsItem", teaser="NewsSummary"),
    ("party_newspaper", "en"): dict(title="entry-title", date="entry-date", sapo="entry-sapo", body="entry-content",
                                    byline="author-name", src="entry-source", rel="related-posts", bc="breadcrumbs",
                                    tags="post-tags", item="post-item", teaser="post-excerpt"),
}
HEADS = {"dev": dict(before="Tin liên quan", after="Tin cùng chuyên mục", other="Tin khác", inbody="Tin liên quan")}
CATS = {
    "sharepoint": [("Tin tức - Sự kiện", "Tin-tuc-Su-kien", 3), ("Xây dựng Đảng", "Xay-dung-Dang", 7)],
    "tandan": [("Tin hoạt động", "tin-hoat-dong", 12), ("Chính trị - Xây dựng Đảng", "chinh-tri-xay-dung-dang", 15)],
    "party_newspaper": [("Chính trị", "chinh-tri", 2), ("Xây dựng Đảng", "xay-dung-dang", 9)],
}

try:  # the blind sites' table lives in its own module (committed after the dev sites)
    import blind_spec4  # noqa: E402
except ImportError:
    blind_spec4 = None
if blind_spec4 is not None:
    SITES += blind_spec4.SITES
    CLASSES.update(blind_spec4.CLASSES)
    HEADS.update(blind_spec4.HEADS)
    EXTRA_DATE_FORMATS.update(blind_spec4.DATE_FORMATS)
    EXTRA_URL_SCHEMES.update(blind_spec4.URL_SCHEMES)

# ---------------------------------------------------------------- helpers

def esc(s: str) -> str:
    return html.escape(s, quote=False)


def attr(s: str) -> str:
    return html.escape(s, quote=True)


def deaccent(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    return "".join(ch for ch in s if unicodedata.category(ch) != "Mn")


def slugify(s: str, keep_case: bool = False) -> str:
    s = deaccent(s)
    if not keep_case:
        s = s.lower()
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-")
    return s


def enc1258(s: str) -> bytes:
    """windows-1258 bytes: precomposed where the code page has the letter, else base letter (with
    circumflex/breve/horn folded in when possible) followed by combining tone marks, as Vietnamese
    Windows software writes it. Decoding + NFC gives the original text back."""
    out = bytearray()
    for ch in s:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], list(d[1:])
        i = 0
        while i < len(marks):
            cand = unicodedata.normalize("NFC", base + marks[i])
            ok = len(cand) == 1
            if ok:
                try:
                    cand.encode("cp1258")
                except UnicodeEncodeError:
                    ok = False
            if ok:
                base = cand
                marks.pop(i)
            else:
                i += 1
        out += base.encode("cp1258")
        for m in marks:
            out += m.encode("cp1258")
    return bytes(out)


def ddmmyyyy(d: dt.datetime | dt.date, sep="/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def fmt_date(fmt: str, t: dt.datetime) -> str:
    wd = WEEKDAYS[t.weekday()]
    if fmt == "thu":
        return f"{wd}, {ddmmyyyy(t)} {t:%H:%M}"
    if fmt == "dash":
        return ddmmyyyy(t, "-")
    if fmt == "capnhat":
        return f"Cập nhật ngày {t.day}/{t.month}/{t.year}"
    if fmt == "iso":
        return f"{wd}, {t.day}/{t.month}/{t.year}"
    return EXTRA_DATE_FORMATS[fmt](t)


def iso(t: dt.datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M:00") + TZ


def rfc822(t: dt.datetime) -> str:
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return f"{days[t.weekday()]}, {t.day:02d} {months[t.month - 1]} {t.year} {t:%H:%M:%S} +0700"


def words(s: str) -> int:
    return len(s.split())


def site_name(spec) -> str:
    if spec["fam"] == "party_newspaper":
        return f"Báo {spec['prov']}"
    return f"Cổng Thông tin điện tử tỉnh {spec['prov']}"


def title_suffix(spec) -> str:
    if spec["fam"] == "party_newspaper":
        return f" | Báo {spec['prov']}"
    return f" - Cổng TTĐT tỉnh {spec['prov']}"


def abbrev(spec) -> str:
    return "B" + "".join(w[0] for w in deaccent(spec["prov"]).split()).upper()


# ---------------------------------------------------------------- URL schemes

def urls_for(spec):
    u = spec["urls"]
    cats = CATS[spec["fam"]]
    if u in EXTRA_URL_SCHEMES:
        return EXTRA_URL_SCHEMES[u](spec, cats, slugify)
    if u == "sp_dated":
        home = "/Portal/Pages/default.aspx"
        cat = lambda i: f"/Portal/Pages/{cats[i][1]}.aspx"  # noqa: E731
        cat2 = lambda i: f"/Portal/Pages/{cats[i][1]}.aspx?Page=2"  # noqa: E731
        art = lambda a: f"/Portal/Pages/{a['t'].year}-{a['t'].month}-{a['t'].day}/{slugify(a['title'], True)}.aspx"  # noqa: E731
        extra = dict(tag="/Portal/Pages/Tags.aspx?TagID=7", search="/Portal/Pages/TimKiem.aspx?k=dang+vien",
                     search_alt="/Portal/Pages/TimKiem.aspx?k=dang%20vien", about="/Portal/Pages/GioiThieu.aspx",
                     contact="/Portal/Pages/LienHe.aspx", gallery="/Portal/Pages/ThuVienAnh.aspx",
                     cal=lambda ym: f"/Portal/Pages/LichSuKien.aspx?thang={ym}",
                     day=lambda ymd: f"/Portal/Pages/LichSuKien.aspx?ngay={ymd}",
                     prn=lambda a: f"/Portal/Pages/InBai.aspx?ItemID={a['id']}",
                     login="/_layouts/15/Authenticate.aspx?Source=%2FPortal", robots_dis=["/_layouts/", "/_vti_bin/"],
                     rss="/Portal/_layouts/15/listfeed.aspx?List=TinTuc", sitemap="/sitemap.xml")
        return home, cat, cat2, art, extra
    if u == "sp_nid":
        home = "/Trang/TrangChu.aspx"
        cat = lambda i: f"/Trang/TinTuc.aspx?cat={cats[i][2]}"  # noqa: E731
        cat2 = lambda i: f"/Trang/TinTuc.aspx?cat={cats[i][2]}&page=2"  # noqa: E731
        art = lambda a: f"/Trang/ChiTietTinTuc.aspx?nid={a['id']}"  # noqa: E731
        extra = dict(tag="/Trang/TinTuc.aspx?tag=xay-dung-dang", search="/Trang/TimKiem.aspx?k=dang+vien",
                     search_alt="/Trang/TimKiem.aspx?k=dang%20vien", about="/Trang/GioiThieu.aspx",
                     contact="/Trang/LienHe.aspx", gallery="/Trang/ThuVienAnh.aspx?album=12",
                     cal=lambda ym: f"/Trang/LichSuKien.aspx?thang={ym}",
                     day=lambda ymd: f"/Trang/LichSuKien.aspx?ngay={ymd}",
                     prn=lambda a: f"/Trang/ChiTietTinTuc.aspx?nid={a['id']}&print=1",
                     login="/_layouts/15/Authenticate.aspx?Source=%2FTrang", robots_dis=["/_layouts/", "/_vti_bin/"],
                     rss="/Trang/rss.aspx?cat=0", sitemap="/sitemap.xml")
        return home, cat, cat2, art, extra
    if u == "td_viewnews":
        home = "/"
        cat = lambda i: f"/Pages/ListNews.aspx?CategoryID={cats[i][2]}"  # noqa: E731
        cat2 = lambda i: f"/Pages/ListNews.aspx?CategoryID={cats[i][2]}&Page=2"  # noqa: E731
        art = lambda a: f"/Pages/ViewNews.aspx?ArticleID={a['id']}"  # noqa: E731
        extra = dict(tag="/Pages/ListNews.aspx?TopicID=7", search="/Pages/Search.aspx?keyword=dang+vien",
                     search_alt="/Pages/Search.aspx?keyword=dang%20vien", about="/Pages/GioiThieu.aspx",
                     contact="/Pages/LienHe.aspx", gallery="/Pages/Gallery.aspx?AlbumID=4",
                     cal=lambda ym: f"/Pages/LuuTru.aspx?thang={ym}", day=lambda ymd: f"/Pages/LuuTru.aspx?ngay={ymd}",
                     prn=lambda a: f"/Pages/PrintNews.aspx?ArticleID={a['id']}",
                     login="/Admin/Login.aspx", robots_dis=["/Admin/", "/UserControls/"],
                     rss="/rss/tin-moi.rss", sitemap="/sitemap.xml",
                     alias=lambda a: f"/Pages/ViewNews.aspx?ArticleID={a['id']}&CategoryID={cats[a['cat']][2]}")
        return home, cat, cat2, art, extra
    if u == "td_chitiet":
        home = "/"
        cat = lambda i: f"/Danh-muc-tin/{cats[i][2]}/{cats[i][1]}.html"  # noqa: E731
        cat2 = lambda i: f"/Danh-muc-tin/{cats[i][2]}/{cats[i][1]}/trang-2.html"  # noqa: E731
        art = lambda a: f"/Chi-tiet-tin/{a['id']}/{slugify(a['title'])}.html"  # noqa: E731
        extra = dict(tag="/Chu-de/7/dang-vien.html", search="/Tim-kiem.html?keyword=dang+vien",
                     search_alt="/Tim-kiem.html?keyword=dang%20vien", about="/Gioi-thieu.html",
                     contact="/Lien-he.html", gallery="/Thu-vien-anh/4/hoat-dong-lanh-dao.html",
                     cal=lambda ym: f"/Luu-tru.html?thang={ym}", day=lambda ymd: f"/Luu-tru.html?ngay={ymd}",
                     prn=lambda a: f"/In-tin/{a['id']}.html",
                     login="/Admin/Login.aspx", robots_dis=["/Admin/", "/UserControls/"],
                     rss="/rss/tin-moi.rss", sitemap="/sitemap.xml")
        return home, cat, cat2, art, extra
    if u == "pn_slugid":
        home = "/"
        cat = lambda i: f"/chuyen-muc/{cats[i][1]}.html"  # noqa: E731
        cat2 = lambda i: f"/chuyen-muc/{cats[i][1]}/trang-2.html"  # noqa: E731
        art = lambda a: f"/tin-tuc/{slugify(a['title'])}-{a['id']}.html"  # noqa: E731
        extra = dict(tag="/tag/xay-dung-dang.html", search="/tim-kiem.html?q=dai+hoi",
                     search_alt="/tim-kiem.html?q=dai%20hoi", about="/gioi-thieu.html", contact="/lien-he.html",
                     gallery="/anh/hoat-dong-lanh-dao-tinh.html", cal=lambda ym: f"/luu-tru/{ym.replace('-', '/')}/",
                     day=lambda ymd: f"/luu-tru/{ymd.replace('-', '/')}/", prn=lambda a: f"/in/{a['id']}.html",
                     login="/dang-nhap.html", robots_dis=["/dang-nhap.html", "/api/"],
                     rss="/rss/tin-moi-nhat.rss", sitemap="/sitemap.xml")
        return home, cat, cat2, art, extra
    if u == "pn_section":
        home = "/"
        cat = lambda i: f"/{cats[i][1]}/"  # noqa: E731
        cat2 = lambda i: f"/{cats[i][1]}/trang-2/"  # noqa: E731
        art = lambda a: f"/{cats[a['cat']][1]}/{slugify(a['title'])}-a{a['id']}.html"  # noqa: E731
        extra = dict(tag="/chu-de/dang-vien-moi-1523/", search="/tim-kiem/?q=dai+hoi",
                     search_alt="/tim-kiem/?q=dai%20hoi", about="/gioi-thieu-toa-soan/", contact="/lien-he/",
                     gallery="/multimedia/anh/", cal=lambda ym: f"/lich-tin-bai/?thang={ym}",
                     day=lambda ymd: f"/lich-tin-bai/?ngay={ymd}", prn=lambda a: f"/print/a{a['id']}.html",
                     login="/dang-nhap/", robots_dis=["/dang-nhap/", "/api/"],
                     rss="/rss/home.rss", sitemap="/sitemap.xml")
        return home, cat, cat2, art, extra
    if u == "pn_wp":
        home = "/"
        cat = lambda i: f"/category/{cats[i][1]}/"  # noqa: E731
        cat2 = lambda i: f"/category/{cats[i][1]}/page/2/"  # noqa: E731
        art = lambda a: f"/{a['t'].year}/{a['t'].month:02d}/{a['t'].day:02d}/{slugify(a['title'])}/"  # noqa: E731
        extra = dict(tag="/tag/dang-vien/", search="/?s=dai+hoi", search_alt="/?s=dai%20hoi",
                     about="/gioi-thieu/", contact="/lien-he/", gallery="/thu-vien-anh/",
                     cal=lambda ym: f"/{ym.replace('-', '/')}/", day=lambda ymd: f"/{ymd.replace('-', '/')}/",
                     prn=lambda a: f"/{a['t'].year}/{a['t'].month:02d}/{a['t'].day:02d}/{slugify(a['title'])}/print/",
                     login="/wp-login.php", robots_dis=["/wp-admin/", "/wp-login.php"],
                     rss="/feed/", sitemap="/sitemap.xml", shortlink=lambda a: f"/?p={a['id']}")
        return home, cat, cat2, art, extra
    raise ValueError(u)


# ---------------------------------------------------------------- build


class Site:
    def __init__(self, spec):
        self.s = spec
        self.rng = random.Random("unseen4-" + spec["slug"])
        self.cls = CLASSES[(spec["fam"], spec.get("classes", "en"))]
        self.heads = HEADS[spec.get("heads", "dev")]
        self.home, self.cat, self.cat2, self.art_url, self.x = urls_for(spec)
        self.files: dict[str, bytes] = {}
        self.routes: dict[str, str] = {}
        self.headers: dict[str, dict] = {}
        self.redirects: dict[str, str] = {}
        self.gzip: list[str] = []
        self.non_articles: list[str] = []
        self.traps: list[str] = []
        self.name = site_name(spec)
        self.make_articles()

    # -- articles
    def make_articles(self):
        s, rng = self.s, self.rng
        ctx = Ctx(s["prov"], s["districts"], rng, set(REPORTERS) | set(PHOTOGRAPHERS))
        kinds = rng.sample(KINDS, s["n"])
        t = dt.datetime(2024, 11, rng.randint(20, 28), rng.randint(7, 17), rng.choice([0, 15, 30, 45, 5, 40]))
        self.arts = []
        for i, kind in enumerate(kinds):
            day = f"{t.day}/{t.month}"
            a = kind(ctx, day)
            a["kind"] = kind.__name__[2:]
            body = [a["lead"]] + a["paras"]
            while words(" ".join(body)) > 350:
                a["paras"].pop()
                body = [a["lead"]] + a["paras"]
            assert words(" ".join(body)) >= 200, (s["slug"], kind.__name__, words(" ".join(body)))
            a["t"] = t
            a["id"] = 10000 + rng.randint(100, 899) * 7 + i if s["fam"] != "party_newspaper" else 200000 + rng.randint(1000, 9999) * 3 + i
            a["cat"] = i % 2
            a["i"] = i
            rep = REPORTERS[(i * 3 + len(s["slug"])) % len(REPORTERS)]
            a["author"] = rep
            a["byline"] = s["bylines"][i % 2].format(n=rep)
            if s["fam"] != "party_newspaper" and i % 3 == 1:
                a["source_line"], a["source"] = f"Nguồn: Báo {s['prov']}", f"Báo {s['prov']}"
            elif s["fam"] == "party_newspaper" and i % 4 == 3:
                a["source_line"], a["source"] = f"Nguồn: Cổng TTĐT tỉnh {s['prov']}", f"Cổng TTĐT tỉnh {s['prov']}"
            else:
                a["source_line"], a["source"] = "", ""
            if s["fam"] == "party_newspaper":
                a["dateline"] = f"{s['prov'].upper()} -" if s.get("dateline_upper") else f"({abbrev(s)}) -"
            elif i % 3 == 0:
                a["dateline"] = "(Cổng TTĐT) -"
            else:
                a["dateline"] = ""
            ph = PHOTOGRAPHERS[(i + len(s["slug"])) % len(PHOTOGRAPHERS)]
            caps = []
            for j, cap in enumerate(a["caps"]):
                caps.append(f"{cap} Ảnh: {ph}" if (i + j) % 2 == 0 else f"{cap} (Ảnh: {ph})")
            if i % 3 == 2:
                caps.append(f"Quang cảnh {('hội nghị' if 'Hội nghị' in a['title'] else 'buổi làm việc')}. Ảnh: {ph}")
            a["captions"] = caps
            a["enc"] = s["enc"].get(i, "utf-8")
            self.arts.append(a)
            t = t - dt.timedelta(days=rng.randint(2, 6), hours=rng.randint(-3, 3), minutes=rng.choice([0, 10, 25, 35]))
            t = t.replace(hour=max(7, min(t.hour, 18)))
        titles = [a["title"] for a in self.arts]
        assert len(set(titles)) == len(titles), titles
        for a in self.arts:
            a["path"] = self.art_url(a)
        self.has_time = s["date"] in ("thu", "iso", "dot") or s["jsonld"]

    # -- page chrome
    def today_line(self):
        return f"Hôm nay: {WEEKDAYS[TODAY.weekday()]}, ngày {ddmmyyyy(TODAY)}"

    def menu(self):
        x = self.x
        items = [(self.home, "Trang chủ"), (self.cat(0), CATS[self.s["fam"]][0][0]), (self.cat(1), CATS[self.s["fam"]][1][0]),
                 (x["gallery"], "Thư viện ảnh"), (x["cal"]("2024-11"), "Lịch sự kiện" if self.s["fam"] != "party_newspaper" else "Lưu trữ"),
                 (x["about"], "Giới thiệu"), (x["contact"], "Liên hệ")]
        return "".join(f'<li><a href="{attr(u)}">{esc(t)}</a></li>' for u, t in items)

    def latest(self, k=5, skip=None):
        arts = [a for a in self.arts if a is not skip][:k]
        return arts

    def sidebar(self, skip=None):
        c = self.cls
        lis = "".join(f'<li><a href="{attr(a["path"])}">{esc(a["title"])}</a> <span class="time">({a["t"].day:02d}/{a["t"].month:02d})</span></li>'
                      for a in self.latest(5, skip))
        most = "".join(f'<li><a href="{attr(a["path"])}">{esc(a["title"])}</a></li>' for a in self.arts[-3:] if a is not skip)
        x = self.x
        box = c.get("box", "box")
        rich = ""
        if self.s["fam"] == "sharepoint":
            rich = (f'<div class="ms-webpart-chrome"><h2 class="ms-webpart-titleText">Thông báo</h2>'
                    f'<div class="ms-rtestate-field"><p>Ban Biên tập Cổng Thông tin điện tử tỉnh {esc(self.s["prov"])} '
                    f'tiếp nhận tin, bài cộng tác qua hộp thư điện tử bbt@{self.s["slug"]}.gov.vn. Tin, bài được '
                    f'chọn đăng sẽ được trả nhuận bút theo quy định.</p></div></div>')
        return (f'<div class="{box} tin-moi"><h2 class="{box}-title">Tin mới</h2><ul>{lis}</ul></div>'
                f'<div class="{box}"><h2 class="{box}-title">Đọc nhiều</h2><ul>{most}</ul></div>{rich}'
                f'<div class="{box}"><h2 class="{box}-title">Liên kết nhanh</h2><ul>'
                f'<li><a href="{attr(x["cal"]("2024-11"))}">Lịch sự kiện</a></li>'
                f'<li><a href="{attr(x["search"])}">Tìm kiếm: đảng viên</a></li>'
                f'<li><a href="{attr(x["tag"])}">Chủ đề: Xây dựng Đảng</a></li>'
                f'<li><a href="{attr(x["login"])}">Đăng nhập</a></li></ul></div>'
                f'<div class="{box} poll"><h2 class="{box}-title">Thăm dò ý kiến</h2>'
                f'<p>Bạn quan tâm nội dung nào nhất trên trang?</p><label><input type="radio" name="p"> Tin tức</label>'
                f'<label><input type="radio" name="p"> Văn bản</label></div>')

    def footer(self):
        s = self.s
        if s["fam"] == "party_newspaper":
            return (f'<footer class="site-footer"><p>Cơ quan của Đảng bộ Đảng Cộng sản Việt Nam tỉnh {esc(s["prov"])} - '
                    f'Tiếng nói của Đảng bộ, chính quyền và nhân dân tỉnh {esc(s["prov"])}</p>'
                    f'<p>Tổng Biên tập: {esc(self.editor)}</p><p>Giấy phép hoạt động báo điện tử số 123/GP-BTTTT</p>'
                    f'<p>© Bản quyền thuộc Báo {esc(s["prov"])}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>'
                    f'<a href="#top" class="back-to-top">Về đầu trang</a></footer>')
        return (f'<div class="footer"><p>Cơ quan chủ quản: Ủy ban nhân dân tỉnh {esc(s["prov"])}</p>'
                f'<p>Chịu trách nhiệm chính: {esc(self.editor)}, Chánh Văn phòng UBND tỉnh</p>'
                f'<p>Giấy phép số 48/GP-TTĐT. Điện thoại: 0210.3852.668</p>'
                f'<p>Bản quyền thuộc {esc(self.name)}. Ghi rõ nguồn khi phát hành lại thông tin từ cổng này.</p>'
                f'<a href="#top">Về đầu trang</a></div>')

    @property
    def editor(self):
        return {"sharepoint": "Trần Quang Vịnh", "tandan": "Lê Thị Hằng Nga", "party_newspaper": "Phạm Đức Long"}[self.s["fam"]]

    def page(self, title_tag, main, head="", enc="utf-8", body_class="", page_title_h1=None, logo_h1=True,
             sidebar_skip=None, meta_charset=True):
        s, x = self.s, self.x
        charset = ""
        if meta_charset:
            cs = {"utf-8": "utf-8", "cp1258": "windows-1258", "cp1258-meta": "windows-1258",
                  "utf8-wrongdecl": "utf-8", "utf8-nodecl": None}[enc]
            if cs:
                charset = (f'<meta http-equiv="Content-Type" content="text/html; charset={cs}">'
                           if s["fam"] != "party_newspaper" else f'<meta charset="{cs}">')
        feeds = ""
        if s["rss"]:
            feeds += f'<link rel="alternate" type="application/rss+xml" title="RSS" href="{attr(x["rss"])}">'
        head_all = f"{charset}<title>{esc(title_tag)}</title>{feeds}{head}"
        logo = (f'<h1 class="site-logo"><a href="{attr(self.home)}">{esc(self.name)}</a></h1>' if logo_h1
                else f'<div class="site-logo"><a href="{attr(self.home)}"><img src="/images/logo.png" alt="{attr(self.name)}"></a></div>')
        side = self.sidebar(sidebar_skip)
        if s["fam"] == "sharepoint":
            ptitle = ""
            if page_title_h1:
                ptitle = (f'<h1 id="pageTitle" class="ms-core-pageTitle"><span id="DeltaPlaceHolderPageTitleInTitleArea">'
                          f'{esc(page_title_h1)}</span></h1>')
            pb = ("<script type=\"text/javascript\">var theForm = document.forms['aspnetForm'];"
                  "function __doPostBack(eventTarget, eventArgument) { if (!theForm.onsubmit || (theForm.onsubmit() != false)) "
                  "{ theForm.__EVENTTARGET.value = eventTarget; theForm.__EVENTARGUMENT.value = eventArgument; theForm.submit(); } }</script>")
            return (f'<!DOCTYPE html><html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=10">'
                    f'{head_all}</head><body class="{body_class}"><form method="post" action="" id="aspnetForm">'
                    f'<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" value="">'
                    f'<input type="hidden" name="__EVENTARGUMENT" value=""><input type="hidden" name="__VIEWSTATE" '
                    f'value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAmYPZBYC"></div>{pb}'
                    f'<div id="s4-workspace"><div id="s4-bodyContainer"><div class="portal-header"><a id="top"></a>'
                    f'<div class="today">{self.today_line()}</div>{logo}'
                    f'<div class="top-nav ms-core-listMenu-horizontalBox"><ul class="root">{self.menu()}</ul></div></div>'
                    f'<div id="titleAreaRow">{ptitle}</div>'
                    f'<div id="contentRow"><div id="contentBox" class="ms-webpart-zone ms-fullWidth">{main}</div>'
                    f'<div id="sideNavBox" class="ms-webpart-zone">{side}</div></div>{self.footer()}</div></div>'
                    f'</form></body></html>')
        if s["fam"] == "tandan":
            ptitle = f'<h1 class="tieu-de-chuyen-muc">{esc(page_title_h1)}</h1>' if page_title_h1 else ""
            return (f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
                    f'<html xmlns="http://www.w3.org/1999/xhtml"><head>{head_all}'
                    f'<link href="/Portals/_default/skin.css" rel="stylesheet" type="text/css"></head><body class="{body_class}">'
                    f'<a id="top"></a><table id="tblMain" width="1000" align="center" cellpadding="0" cellspacing="0" border="0">'
                    f'<tr><td colspan="3" class="header"><div class="ngayhientai">{self.today_line()}</div>{logo}</td></tr>'
                    f'<tr><td colspan="3" class="menutop"><ul class="menu">{self.menu()}</ul></td></tr>'
                    f'<tr><td class="leftcol" width="200" valign="top"><div class="box"><div class="box-title">Danh mục</div>'
                    f'<ul><li><a href="{attr(self.cat(0))}">{esc(CATS["tandan"][0][0])}</a></li>'
                    f'<li><a href="{attr(self.cat(1))}">{esc(CATS["tandan"][1][0])}</a></li>'
                    f'<li><a href="{attr(x["gallery"])}">Thư viện ảnh</a></li></ul></div></td>'
                    f'<td class="centercol" valign="top">{ptitle}{main}</td>'
                    f'<td class="rightcol" width="230" valign="top">{side}</td></tr>'
                    f'<tr><td colspan="3" class="footer">{self.footer()}</td></tr></table></body></html>')
        ptitle = f'<h1 class="category-title">{esc(page_title_h1)}</h1>' if page_title_h1 else ""
        return (f'<!doctype html><html lang="vi"><head>{head_all}<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'</head><body class="{body_class}"><a id="top"></a><header class="site-header"><div class="topbar">'
                f'{self.today_line()} | <a href="{attr(x["login"])}">Đăng nhập</a></div>{logo}'
                f'<nav class="main-nav"><ul>{self.menu()}</ul></nav></header><main class="container"><div class="row">'
                f'<div class="col-main">{ptitle}{main}</div><aside class="col-sidebar">{side}</aside></div></main>'
                f'{self.footer()}</body></html>')

    # -- article parts
    def rel_block(self, where, arts, teaser=False, date_style=0):
        c, h = self.cls, self.heads
        head = h[where]
        tag = "h2" if where != "inbody" else "h3"
        items = []
        for a in arts:
            t = a["t"]
            d = [f"({t.day:02d}/{t.month:02d})", ddmmyyyy(t), ddmmyyyy(t, "-")][date_style % 3]
            tz = ""
            if teaser:
                tz = f'<p class="{c["teaser"]}">{esc(" ".join(a["lead"].split()[:24]))}...</p>'
            if self.s["fam"] == "tandan":
                items.append(f'<tr><td class="{c["item"]}"><img src="/images/bullet.gif" alt=""> <a href="{attr(a["path"])}">'
                             f'{esc(a["title"])}</a> <span class="date">{d}</span>{tz}</td></tr>')
            else:
                items.append(f'<li class="{c["item"]}"><h3 class="title"><a href="{attr(a["path"])}">{esc(a["title"])}</a></h3>'
                             f' <span class="time">{d}</span>{tz}</li>')
        if self.s["fam"] == "tandan":
            return (f'<table class="{c["rel"]} {where}" width="100%"><tr><td class="title_{c["rel"]}"><{tag} class="block-title">'
                    f'{head}</{tag}></td></tr>{"".join(items)}</table>')
        return f'<div class="{c["rel"]} {where}"><{tag} class="block-title">{head}</{tag}><ul>{"".join(items)}</ul></div>'

    def others(self, a, k, off=1):
        arts = [b for b in self.arts if b is not a]
        start = (a["i"] + off) % len(arts)
        return [arts[(start + j) % len(arts)] for j in range(k)]

    def figure(self, cap, n):
        fam = self.s["fam"]
        img = f'/images/tin/{self.s["slug"]}-{n}.jpg'
        if fam == "sharepoint":
            return (f'<p style="text-align: center;"><img src="{img}" alt="" style="width: 600px;"></p>'
                    f'<p style="text-align: center;"><em>{esc(cap)}</em></p>')
        if fam == "tandan":
            return (f'<table class="image" align="center" width="600"><tr><td><img src="{img}" width="600" alt=""></td></tr>'
                    f'<tr><td class="image_desc">{esc(cap)}</td></tr></table>')
        cls = self.cls.get("cap", "wp-caption-text")
        return f'<figure class="wp-caption aligncenter"><img src="{img}" alt=""><figcaption class="{cls}">{esc(cap)}</figcaption></figure>'

    def article_html(self, a):
        s, c, x = self.s, self.cls, self.x
        fam, mode = s["fam"], s["title"]
        t = a["t"]
        cat_name = CATS[fam][a["cat"]][0]
        head = ""
        if s["og"] or mode == "og":
            head += (f'<meta property="og:type" content="article"><meta property="og:title" content="{attr(a["title"])}">'
                     f'<meta property="og:description" content="{attr(" ".join(a["lead"].split()[:30]))}">'
                     f'<meta property="og:site_name" content="{attr(self.name)}">')
        if s["date"] == "iso":
            head += (f'<meta property="article:published_time" content="{iso(t)}">'
                     f'<meta property="article:modified_time" content="{iso(t + dt.timedelta(days=1, hours=2))}">')
        if s["jsonld"]:
            ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                  "datePublished": iso(t), "dateModified": iso(t + dt.timedelta(days=1)),
                  "author": {"@type": "Person", "name": a["author"]},
                  "publisher": {"@type": "Organization", "name": self.name},
                  "mainEntityOfPage": a["path"]}
            head += f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        if fam == "party_newspaper" and s["urls"] == "pn_wp":
            head += f'<link rel="shortlink" href="{attr(x["shortlink"](a))}">'
        if mode in ("og", "jsonld"):
            title_tag = {"sharepoint": "Chi tiết tin tức", "tandan": f"Cổng thông tin điện tử tỉnh {s['prov']} - Chi tiết tin",
                         "party_newspaper": f"Báo {s['prov']} - Tin tức"}[fam]
        else:
            title_tag = a["title"] + title_suffix(s)
        # visible title
        tt = esc(a["title"])
        if mode == "h1":
            vis = f'<h1 class="{c["title"]}">{tt}</h1>'
        elif mode == "h2":
            vis = f'<h2 class="{c["title"]}">{tt}</h2>'
        elif mode == "og":
            vis = f'<div class="{c["title"]}">{tt}</div>'
        elif mode == "jsonld":
            vis = f'<p class="{c["title"]}"><strong>{tt}</strong></p>'
        else:
            vis = ""
        date_shown = fmt_date(s["date"], t)
        if s["date"] == "iso":
            date_el = f'<span class="{c["date"]}"><time datetime="{iso(t)}">{esc(date_shown)}</time></span>'
        else:
            date_el = f'<span class="{c["date"]}">{esc(date_shown)}</span>'
        views = f'<span class="luot-xem">Lượt xem: {self.rng.randint(300, 9000)}</span>'
        byl = f'<p class="{c["byline"]}"><strong>{esc(a["byline"])}</strong></p>'
        dl = ""
        if a["dateline"]:
            dl = f'<span class="dateline">{esc(a["dateline"])}</span> '
        if fam == "party_newspaper" and s["split"] == "dev":
            sapo = f'<h2 class="{c["sapo"]}">{dl}{esc(a["lead"])}</h2>'
        elif fam == "sharepoint":
            sapo = f'<div class="{c["sapo"]} ms-rtestate-field"><strong>{dl}{esc(a["lead"])}</strong></div>'
        else:
            sapo = f'<div class="{c["sapo"]}"><b>{dl}{esc(a["lead"])}</b></div>'
        # body
        parts = []
        caps = list(a["captions"])
        for k, p in enumerate(a["paras"]):
            parts.append(f"<p>{esc(p)}</p>")
            if k == 0 and caps:
                parts.append(self.figure(caps.pop(0), a["i"] * 2))
            if k == 1 and s.get("inbody_related") and a["i"] % 2 == 0:
                parts.append(self.rel_block("inbody", self.others(a, 2, 3), date_style=1))
            if k == 2 and caps:
                parts.append(self.figure(caps.pop(0), a["i"] * 2 + 1))
        while caps:
            parts.append(self.figure(caps.pop(0), a["i"] * 2 + 5))
        tail = ""
        if s["byline"] == "bottom":
            if fam == "sharepoint":
                tail += f'<p style="text-align: right;"><strong>{esc(a["byline"])}</strong></p>'
            else:
                tail += f'<p class="{c["byline"]}" style="text-align:right"><strong>{esc(a["byline"])}</strong></p>'
        if a["source_line"]:
            if fam == "sharepoint":
                tail += f'<p style="text-align: right;"><em>{esc(a["source_line"])}</em></p>'
            else:
                tail += f'<p class="{c["src"]}"><em>{esc(a["source_line"])}</em></p>'
        body_inner = "".join(parts)
        if fam == "sharepoint":
            body = f'<div class="{c["body"]}">{body_inner}{tail}</div>'
        else:
            body = f'<div class="{c["body"]}">{body_inner}</div>{tail}'
        prn = x["prn"](a) if a["i"] < 2 else "javascript:window.print()"
        tools = (f'<div class="tools"><a href="https://www.facebook.com/sharer/sharer.php?u={attr(a["path"])}">Chia sẻ</a> | '
                 f'<a href="https://zalo.me/share">Zalo</a> | <a href="{attr(prn)}">In bài</a> | '
                 f'<a href="mailto:?subject=tin-bai">Gửi email</a></div>'
                 f'<div class="{c["tags"]}">Từ khóa: <a href="{attr(x["tag"])}">xây dựng Đảng</a>, '
                 f'<a href="{attr(x["search"])}">đảng viên</a></div>')
        bc = (f'<div class="{c["bc"]}"><a href="{attr(self.home)}">Trang chủ</a> » <a href="{attr(self.cat(a["cat"]))}">'
              f'{esc(cat_name)}</a></div>')
        rel_before = rel_after = ""
        if s["related"] in ("before", "both"):
            rel_before = self.rel_block("before", self.others(a, 3, 1), teaser=(fam == "party_newspaper"), date_style=a["i"])
        if s["related"] in ("after", "both"):
            rel_after = self.rel_block("after", self.others(a, 4, 2), teaser=(fam != "tandan"), date_style=a["i"] + 1)
            if s["split"] == "dev" and a["i"] % 2:
                # a second block after the article, with its own heading
                blk = self.rel_block("other", self.others(a, 2, 5), date_style=2)
                rel_after += blk
        top = ""
        if s["byline"] == "top":
            top = byl
        meta = f'<div class="meta">{date_el} {views}</div>'
        if fam == "tandan":
            art = (f'<table class="tblDetail {c["body"]}-wrap" width="100%" cellpadding="4"><tr><td>{vis}</td></tr>'
                   f'<tr><td>{meta}{top}</td></tr><tr><td>{sapo}{body}</td></tr><tr><td>{tools}</td></tr></table>')
        elif fam == "sharepoint":
            art = (f'<div class="ms-webpartzone-cell article-page">{vis}{meta}{top}'
                   f'<div class="article-content">{sapo}{body}</div>{tools}</div>')
        else:
            cm = ('<div id="comments" class="comments-area"><h3 class="comment-reply-title">Để lại bình luận</h3>'
                  '<form action="/binh-luan" method="post"><textarea name="comment"></textarea>'
                  '<input name="author" placeholder="Họ và tên"><button>Gửi bình luận</button></form></div>')
            share = ('<div class="social-share"><span>Chia sẻ bài viết:</span> <a href="https://www.facebook.com/sharer/'
                     'sharer.php">Facebook</a> <a href="https://zalo.me/share">Zalo</a> <a href="https://twitter.com/intent/tweet">Twitter</a></div>')
            art = (f'<article class="post single-post">{vis}{meta}{share}{top}{sapo}{body}{tools}</article>{cm}')
        main = bc + rel_before + art + rel_after
        page_h1 = cat_name if mode in ("h1", "h2") or (fam == "sharepoint") else None
        if mode == "title_only" and fam != "sharepoint":
            page_h1 = None
        html_s = self.page(title_tag, main, head=head, enc=a["enc"], body_class="article-detail",
                           page_title_h1=page_h1, sidebar_skip=a)
        return html_s, date_shown

    def print_html(self, a):
        s = self.s
        lines = [f"<h2>{esc(self.name)}</h2>", f"<h1>{esc(a['title'])}</h1>",
                 f"<p><i>{esc(fmt_date(s['date'], a['t']))}</i></p>", f"<p><b>{esc(a['lead'])}</b></p>"]
        lines += [f"<p>{esc(p)}</p>" for p in a["paras"]]
        lines.append(f"<p><b>{esc(a['byline'])}</b></p>")
        return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>In bài: {esc(a["title"])}</title>'
                f'<meta name="robots" content="noindex"><link rel="canonical" href="{attr(a["path"])}"></head>'
                f'<body onload="window.print()" class="print">{"".join(lines)}<p><a href="javascript:window.close()">Đóng cửa sổ</a></p></body></html>')

    # -- listings
    def teaser_item(self, a, long: bool):
        c = self.cls
        ws = a["lead"].split()
        tz = " ".join(ws[:80]) + (" ..." if len(ws) > 80 else "") if long else " ".join(ws[:22]) + " ..."
        d = ddmmyyyy(a["t"]) if self.s["fam"] != "party_newspaper" else f"{a['t']:%H:%M} {ddmmyyyy(a['t'])}"
        return (f'<div class="{c["item"]}"><a href="{attr(a["path"])}" class="thumb"><img src="/images/thumb/{a["id"]}.jpg" '
                f'alt="{attr(a["title"])}"></a><h3 class="title"><a href="{attr(a["path"])}">{esc(a["title"])}</a></h3>'
                f'<span class="time">{d}</span><p class="{c["teaser"]}">{esc(tz)}</p>'
                f'<a class="more" href="{attr(a["path"])}">Xem thêm »</a></div>')

    def listing(self, ci, page):
        s = self.s
        arts = [a for a in self.arts if a["cat"] == ci]
        per = 2 if s["n"] <= 7 else 3
        first, rest = arts[:per], arts[per:]
        shown = first if page == 1 else rest
        long = ci == 0
        items = "".join(self.teaser_item(a, long or j == 0) for j, a in enumerate(shown))
        name = CATS[s["fam"]][ci][0]
        if page == 1:
            if rest and s["postback"]:
                pag = ('<div class="paging"><span class="current">1</span> <a href="javascript:__doPostBack('
                       "'ctl00$ctl40$g_4f1c7e2a_93b1$ctl00$pager','Page$2')\">2</a> <a href=\"javascript:__doPostBack("
                       "'ctl00$ctl40$g_4f1c7e2a_93b1$ctl00$pager','Page$Next')\">Sau »</a></div>")
            elif rest:
                pag = (f'<div class="paging"><span class="current">1</span> <a href="{attr(self.cat2(ci))}">2</a> '
                       f'<a href="{attr(self.cat2(ci))}">Xem tiếp »</a></div>')
            else:
                pag = ""
        else:
            pag = f'<div class="paging"><a href="{attr(self.cat(ci))}">« Trang trước</a> <a href="{attr(self.cat(ci))}">1</a> <span class="current">2</span></div>'
        c = self.cls
        bc = f'<div class="{c["bc"]}"><a href="{attr(self.home)}">Trang chủ</a> » {esc(name)}</div>'
        main = (f'{bc}<div class="list-news ms-webpart-chrome"><h2 class="cat-heading">{esc(name)}</h2>{items}{pag}</div>')
        title_tag = f"{name}{title_suffix(s)}" + (" - Trang 2" if page == 2 else "")
        return self.page(title_tag, main, body_class="category", page_title_h1=name)

    def home_html(self):
        s, x = self.s, self.x
        feat = self.arts[0]
        blocks = ""
        for ci in (0, 1):
            arts = [a for a in self.arts if a["cat"] == ci][:3]
            lis = "".join(f'<li><a href="{attr(a["path"])}">{esc(a["title"])}</a> <span class="time">({ddmmyyyy(a["t"])})</span></li>'
                          for a in arts)
            blocks += (f'<div class="home-block"><h2 class="block-title"><a href="{attr(self.cat(ci))}">{esc(CATS[s["fam"]][ci][0])}</a></h2>'
                       f'<ul>{lis}</ul><a class="xem-them" href="{attr(self.cat(ci))}">Xem thêm</a></div>')
        main = (f'<div class="tin-noi-bat">{self.teaser_item(feat, True)}</div>{blocks}'
                f'<div class="home-block"><h2 class="block-title">Thư viện ảnh</h2><a href="{attr(x["gallery"])}">'
                f'<img src="/images/album/4.jpg" alt="Hoạt động của lãnh đạo tỉnh"></a></div>')
        return self.page(self.name, main, body_class="home")

    def simple(self, title, inner, h1=True):
        main = (f'<div class="{self.cls["bc"]}"><a href="{attr(self.home)}">Trang chủ</a> » {esc(title)}</div>'
                + (f'<h2 class="page-heading">{esc(title)}</h2>' if h1 else "") + inner)
        return self.page(f"{title}{title_suffix(self.s)}", main, body_class="page", page_title_h1=title)

    def about_html(self):
        s = self.s
        if s["fam"] == "party_newspaper":
            txt = (f"<p>Báo {esc(s['prov'])} là cơ quan ngôn luận của Đảng bộ, chính quyền và nhân dân tỉnh {esc(s['prov'])}, "
                   f"xuất bản số đầu tiên năm 1962. Báo in phát hành các ngày trong tuần; báo điện tử hoạt động từ năm 2008.</p>"
                   f"<p>Tòa soạn: số 28 đường Lê Lợi, thành phố {esc(s['prov'])}.</p>")
        else:
            txt = (f"<p>Tỉnh {esc(s['prov'])} có diện tích tự nhiên 5.236 km², dân số hơn 1,1 triệu người, gồm 9 đơn vị hành "
                   f"chính cấp huyện: {esc(', '.join(s['districts']))} và các huyện, thành phố khác.</p>"
                   f"<p>Cổng Thông tin điện tử tỉnh là kênh thông tin chính thức của UBND tỉnh trên môi trường mạng.</p>")
        return self.simple("Giới thiệu", txt)

    def contact_html(self):
        s = self.s
        txt = (f"<table class='lien-he'><tr><td>Địa chỉ:</td><td>Số 12 đường Trần Hưng Đạo, thành phố {esc(s['prov'])}</td></tr>"
               f"<tr><td>Điện thoại:</td><td>0210.3852.668</td></tr><tr><td>Email:</td><td>bbt@{s['slug']}.gov.vn</td></tr></table>"
               f"<form action='/gui-lien-he' method='post'><input name='hoten' placeholder='Họ và tên'>"
               f"<textarea name='noidung'></textarea><button>Gửi</button></form>")
        return self.simple("Liên hệ", txt)

    def gallery_html(self):
        ctx_persons = []
        items = ""
        for j, a in enumerate(self.arts[:6]):
            cap = a["captions"][0]
            items += (f'<div class="photo-item"><a href="/images/album/{self.s["slug"]}-{j}.jpg"><img src="/images/album/'
                      f'{self.s["slug"]}-{j}-t.jpg" alt=""></a><p class="photo-caption">{esc(cap)}</p></div>')
            ctx_persons.append(cap)
        return self.simple("Thư viện ảnh: Hoạt động của lãnh đạo tỉnh", f'<div class="gallery">{items}</div>')

    def tag_html(self):
        items = "".join(self.teaser_item(a, False) for a in self.arts if a["i"] % 2 == 0)
        return self.simple("Chủ đề: Xây dựng Đảng", f'<div class="list-news">{items}</div>')

    def search_html(self):
        items = "".join(self.teaser_item(a, True) for a in self.arts[1:5])
        return self.simple("Kết quả tìm kiếm", f'<p class="search-info">Tìm thấy 4 kết quả cho từ khóa "đảng viên"</p>'
                                                f'<div class="search-results">{items}</div>')

    def login_html(self):
        return self.simple("Đăng nhập hệ thống", "<form method='post'><input name='user'><input type='password' name='pw'><button>Đăng nhập</button></form>")

    # -- calendar trap
    def months(self):
        out = []
        y, m = 2024, 1
        while (y, m) <= (2025, 6):
            out.append((y, m))
            m += 1
            if m == 13:
                y, m = y + 1, 1
        return out

    def calendar_html(self, y, m, day_page=False, d=None):
        x = self.x
        import calendar
        ndays = calendar.monthrange(y, m)[1]
        py, pm = (y, m - 1) if m > 1 else (y - 1, 12)
        ny, nm = (y, m + 1) if m < 12 else (y + 1, 1)
        cells = ""
        first = dt.date(y, m, 1).weekday()
        row = "<tr>" + "<td></td>" * first
        for day in range(1, ndays + 1):
            ymd = f"{y}-{m:02d}-{day:02d}"
            row += f'<td><a href="{attr(x["day"](ymd))}">{day}</a></td>'
            if (first + day) % 7 == 0:
                cells += row + "</tr>"
                row = "<tr>"
        cells += row + "</tr>"
        head = "".join(f"<th>{w}</th>" for w in ["T2", "T3", "T4", "T5", "T6", "T7", "CN"])
        nav = (f'<div class="cal-nav"><a href="{attr(x["cal"](f"{py}-{pm:02d}"))}">« Tháng {pm}/{py}</a> '
               f'<b>Tháng {m}/{y}</b> <a href="{attr(x["cal"](f"{ny}-{nm:02d}"))}">Tháng {nm}/{ny} »</a></div>')
        lst = ""
        arts = [a for a in self.arts if (a["t"].year, a["t"].month) == (y, m)]
        if arts:
            lst = "<ul>" + "".join(f'<li><a href="{attr(a["path"])}">{esc(a["title"])}</a> ({ddmmyyyy(a["t"])})</li>' for a in arts) + "</ul>"
        else:
            lst = "<p>Không có tin, bài nào trong thời gian này.</p>"
        title = f"Lịch sự kiện tháng {m}/{y}" if not day_page else f"Tin bài trong tháng {m}/{y}"
        inner = f'{nav}<table class="calendar"><tr>{head}</tr>{cells}</table><h3>Tin, bài trong tháng</h3>{lst}'
        return self.simple(title, inner)

    # -- feeds
    def rss(self):
        s = self.s
        items = ""
        for a in self.arts:
            t = a["t"] if self.has_time else a["t"].replace(hour=0, minute=0)
            items += (f"<item><title>{esc(a['title'])}</title><link>{{base}}{esc(a['path'])}</link>"
                      f"<guid>{{base}}{esc(a['path'])}</guid><pubDate>{rfc822(t)}</pubDate>"
                      f"<description>{esc(' '.join(a['lead'].split()[:30]))}</description></item>")
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{esc(self.name)}</title>'
                f'<link>{{base}}{esc(self.home)}</link><description>Tin mới</description>{items}</channel></rss>')

    def sitemap(self):
        urls = "".join(f"<url><loc>{{base}}{esc(a['path'])}</loc><lastmod>{a['t']:%Y-%m-%d}</lastmod></url>" for a in self.arts)
        urls += f"<url><loc>{{base}}{esc(self.home)}</loc></url>"
        return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'

    # -- write
    def add(self, path, fname, data: bytes | str, headers=None, non_article=False):
        if isinstance(data, str):
            data = data.encode("utf-8")
        if fname not in self.files:
            self.files[fname] = data
        self.routes[path] = fname
        if headers:
            self.headers[path] = headers
        if non_article and path not in self.non_articles:
            self.non_articles.append(path)

    def build(self, out: Path):
        s, x = self.s, self.x
        if self.home != "/":
            self.redirects["/"] = self.home
        self.add(self.home, "home.html", self.home_html(), non_article=True)
        if self.home != "/":
            self.non_articles.insert(0, "/")
        for ci in (0, 1):
            self.add(self.cat(ci), f"cat{ci + 1}.html", self.listing(ci, 1), non_article=True)
            if not s["postback"] and len([a for a in self.arts if a["cat"] == ci]) > (2 if s["n"] <= 7 else 3):
                self.add(self.cat2(ci), f"cat{ci + 1}-p2.html", self.listing(ci, 2), non_article=True)
        self.add(x["tag"], "tag.html", self.tag_html(), non_article=True)
        self.add(x["search"], "search.html", self.search_html(), non_article=True)
        self.add(x["search_alt"], "search.html", b"")
        self.add(x["about"], "about.html", self.about_html(), non_article=True)
        self.add(x["contact"], "contact.html", self.contact_html(), non_article=True)
        self.add(x["gallery"], "gallery.html", self.gallery_html(), non_article=True)
        self.add(x["login"], "login.html", self.login_html())
        # calendar trap: month pages, and every day of each month (one file per month)
        for (y, m) in self.months():
            ym = f"{y}-{m:02d}"
            self.add(x["cal"](ym), f"cal-{ym}.html", self.calendar_html(y, m))
            self.traps.append(x["cal"](ym))
            import calendar
            for d in range(1, calendar.monthrange(y, m)[1] + 1):
                p = x["day"](f"{ym}-{d:02d}")
                self.add(p, f"cal-{ym}.html", b"")   # a day answers with its month's page
                self.traps.append(p)
        for p in (x["cal"]("2024-11"), x["day"]("2024-11-12"), x["cal"]("2024-10")):
            self.non_articles.append(p)
        # articles
        exp_articles = []
        for a in self.arts:
            h, shown = self.article_html(a)
            enc = a["enc"]
            fname = f"a{a['i'] + 1:02d}.html"
            hdr = None
            if enc in ("cp1258", "cp1258-meta"):
                data = enc1258(h)
                hdr = {"Content-Type": "text/html; charset=windows-1258"} if enc == "cp1258" else None
            elif enc == "utf8-wrongdecl":
                data = h.encode("utf-8")
                hdr = {"Content-Type": "text/html; charset=iso-8859-1"}
            else:
                data = h.encode("utf-8")
                hdr = {"Content-Type": "text/html; charset=utf-8"} if (s["fam"] == "party_newspaper" and enc == "utf-8") else None
            if s["gz"] is not None and a["i"] == s["gz"]:
                self.gzip.append(a["path"])
                hdr = dict(hdr or {"Content-Type": "text/html"}, **{"Content-Encoding": "gzip"})
            self.add(a["path"], fname, data, headers=hdr)
            aliases = []
            if "alias" in x and a["i"] % 2 == 0:
                al = x["alias"](a)
                self.add(al, fname, data, headers=hdr)
                if hdr and "Content-Encoding" in hdr:
                    self.gzip.append(al)
                aliases.append(al)
            if "shortlink" in x:
                self.redirects[x["shortlink"](a)] = a["path"]
                aliases.append(x["shortlink"](a))
            if a["i"] < 2:
                self.add(x["prn"](a), f"print-{a['i'] + 1:02d}.html", self.print_html(a), non_article=True)
            pub = iso(a["t"]) if self.has_time else f"{a['t']:%Y-%m-%d}"
            exp_articles.append(dict(
                path=a["path"], title=a["title"], published=pub, author=a["author"], source=a["source"],
                lead=a["lead"], paragraphs=a["paras"], aliases=aliases,
                encoding={"utf-8": "utf-8", "utf8-nodecl": "utf-8", "utf8-wrongdecl": "utf-8",
                          "cp1258": "windows-1258", "cp1258-meta": "windows-1258"}[enc],
                charset_declared={"utf-8": "utf-8", "utf8-nodecl": None, "utf8-wrongdecl": "iso-8859-1 (HTTP) / utf-8 (meta)",
                                  "cp1258": "windows-1258 (HTTP and meta)", "cp1258-meta": "windows-1258 (meta only)"}[enc],
                captions=a["captions"], byline=a["byline"], dateline=a["dateline"], source_line=a["source_line"],
                published_time=f"{a['t']:%H:%M}" if self.has_time else "", date_as_shown=shown,
                title_shown_as=s["title"], persons=[{"name": n, "role": r} for n, r in a["persons"]],
                words=words(" ".join([a["lead"]] + a["paras"])), kind=a.get("kind", "")))
        if s["rss"]:
            self.add(x["rss"], "feed.xml", self.rss(), headers={"Content-Type": "application/rss+xml; charset=utf-8"})
        if s["sitemap"]:
            self.add(x["sitemap"], "sitemap.xml", self.sitemap(), headers={"Content-Type": "application/xml"})
        robots = "User-agent: *\n" + "".join(f"Disallow: {d}\n" for d in x["robots_dis"])
        if s["sitemap"]:
            robots += "Sitemap: {base}/sitemap.xml\n"
        # faults a test may inject (sitekit.Fault fields); the manifest cannot serve them by itself
        faults = {self.arts[1]["path"]: {"status": 503, "times": 2, "retry_after": "1"},
                  self.arts[-1]["path"]: {"delay": 1.5, "times": 1},
                  self.cat(0): {"status": 503, "times": 1}}
        boiler = ["Hôm nay:", "Bản quyền thuộc", "Về đầu trang", "Chia sẻ", "In bài", "Gửi email", "Từ khóa:",
                  "Lượt xem", "Thăm dò ý kiến", "Tin mới", "Đọc nhiều", "Liên kết nhanh", "Đăng nhập",
                  "Giấy phép", "Xem thêm", self.heads["before"], self.heads["after"], self.heads["other"]]
        if s["fam"] == "party_newspaper":
            boiler += ["Để lại bình luận", "Gửi bình luận", "Chia sẻ bài viết:"]
        if s["fam"] == "sharepoint":
            boiler += ["Thông báo", "tiếp nhận tin, bài cộng tác"]
        boiler = list(dict.fromkeys(boiler))
        must_not = list(dict.fromkeys([self.heads["before"], self.heads["after"], self.heads["other"], "Tin mới",
                                       "Bạn quan tâm nội dung nào nhất trên trang?"]))
        expected = dict(
            start="/", articles=exp_articles, non_articles=self.non_articles, boilerplate=boiler,
            must_not_contain=must_not, disallowed=[x["login"]],
            traps=dict(template=[x["cal"]("YYYY-MM"), x["day"]("YYYY-MM-DD")], routed=len(self.traps),
                       note="calendar pages 2024-01..2025-06 are routed (month + every day), each links to the previous "
                            "and next month; the months beyond answer 404. None is an article.",
                       paths=self.traps),
            faults=faults,
            site=dict(family=s["fam"], province=s["prov"], split=s["split"], name=self.name,
                      layout=dict(title=s["title"], og=s["og"], jsonld=s["jsonld"], related=s["related"],
                                  date=s["date"], byline=s["byline"], postback_pagination=s["postback"],
                                  rss=s["rss"], sitemap=s["sitemap"], urls=s["urls"],
                                  classes=s.get("classes", "en"),
                                  related_headings=sorted(set(self.heads.values())),
                                  inbody_related=bool(s.get("inbody_related")))))
        routes = dict(robots=robots, routes=self.routes, gzip=self.gzip, headers=self.headers, redirects=self.redirects)
        out.mkdir(parents=True, exist_ok=True)
        for fname, data in self.files.items():
            (out / fname).write_bytes(data)
        (out / "routes.json").write_text(json.dumps(routes, ensure_ascii=False, indent=1), "utf-8")
        (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), "utf-8")
        return expected


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "blind"], help="only this split")
    args = ap.parse_args()
    for split in ("dev", "blind"):
        if args.split and split != args.split:
            continue
        if not any(spec["split"] == split for spec in SITES):
            continue
        d = ROOT / split
        if d.exists():
            shutil.rmtree(d)
        for spec in SITES:
            if spec["split"] != split:
                continue
            site = Site(spec)
            e = site.build(d / spec["fam"] / spec["slug"])
            print(f"{split:5} {spec['fam']:16} {spec['slug']:14} articles={len(e['articles'])} "
                  f"non_articles={len(e['non_articles'])} traps={len(site.traps)} files={len(site.files)}")


if __name__ == "__main__":
    main()
