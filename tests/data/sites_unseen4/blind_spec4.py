"""The blind sites of sites_unseen4 (2 per family): their table and the theme details no dev site uses.
Imported by make_unseen4.py when present. DO NOT use these sites to fix or tune the crawler."""
from __future__ import annotations


def _ddmmyyyy(t, sep):
    return f"{t.day:02d}{sep}{t.month:02d}{sep}{t.year}"


DATE_FORMATS = {
    "thang": lambda t: f"Ngày {t.day} tháng {t.month} năm {t.year}",
    "dot": lambda t: f"{_ddmmyyyy(t, '.')} | {t.hour:02d}h{t.minute:02d}",
}

CLASSES = {
    ("sharepoint", "vi"): dict(title="tieude-tin", date="ngay-dang", sapo="tom-tat", body="ms-rtestate-field noi-dung",
                               byline="tac-gia", src="nguon-tin", rel="tin-khac", bc="duong-dan", tags="tu-khoa",
                               item="muc-tin", teaser="trich-dan", box="khung"),
    ("tandan", "vi"): dict(title="tieude", date="ngaydang", sapo="tomtat", body="noidung", byline="tacgia",
                           src="nguon", rel="tinkhac", bc="duongdan", tags="tukhoa", item="tintuc", teaser="trichdan", box="khung"),
    ("party_newspaper", "vi"): dict(title="bai-tieude", date="bai-ngay", sapo="bai-sapo", body="bai-noidung",
                                    byline="bai-tacgia", src="bai-nguon", rel="bai-cungchude", bc="dieu-huong",
                                    tags="bai-tag", item="bai-muc", teaser="bai-trich", cap="anh-chuthich", box="khung"),
}

HEADS = {"blind": dict(before="Bài viết cùng chủ đề", after="Các tin đã đưa", other="Các tin đã đưa",
                       inbody="Bài viết cùng chủ đề")}


def _td_dnn(spec, cats, slugify):
    home = "/"
    cat = lambda i: f"/Default.aspx?tabid={80 + i}&CategoryID={cats[i][2]}"  # noqa: E731
    cat2 = lambda i: f"/Default.aspx?tabid={80 + i}&CategoryID={cats[i][2]}&Page=2"  # noqa: E731
    art = lambda a: f"/Default.aspx?tabid=92&ArticleID={a['id']}"  # noqa: E731
    extra = dict(tag="/Default.aspx?tabid=95&TopicID=7", search="/Default.aspx?tabid=99&keyword=dang+vien",
                 search_alt="/Default.aspx?tabid=99&keyword=dang%20vien", about="/Default.aspx?tabid=60",
                 contact="/Default.aspx?tabid=61", gallery="/Default.aspx?tabid=70&AlbumID=4",
                 cal=lambda ym: f"/Default.aspx?tabid=97&thang={ym}",
                 day=lambda ymd: f"/Default.aspx?tabid=97&ngay={ymd}",
                 prn=lambda a: f"/Default.aspx?tabid=92&ArticleID={a['id']}&print=true",
                 login="/Admin/Login.aspx", robots_dis=["/Admin/", "/UserControls/"],
                 rss="/rss/tin-moi.rss", sitemap="/sitemap.xml")
    return home, cat, cat2, art, extra


def _pn_post(spec, cats, slugify):
    home = "/"
    cat = lambda i: f"/{cats[i][1]}.htm"  # noqa: E731
    cat2 = lambda i: f"/{cats[i][1]}/trang-2.htm"  # noqa: E731
    art = lambda a: f"/{cats[a['cat']][1]}/{slugify(a['title'])}-post{a['id']}.html"  # noqa: E731
    extra = dict(tag="/tu-khoa/dang-vien-moi.htm", search="/tim-kiem.htm?keywords=dai+hoi",
                 search_alt="/tim-kiem.htm?keywords=dai%20hoi", about="/gioi-thieu.htm", contact="/lien-he.htm",
                 gallery="/anh/hoat-dong-lanh-dao-tinh-post880.html", cal=lambda ym: f"/lich-bai-viet.htm?thang={ym}",
                 day=lambda ymd: f"/lich-bai-viet.htm?ngay={ymd}", prn=lambda a: f"/print/post{a['id']}.html",
                 login="/dang-nhap.htm", robots_dis=["/dang-nhap.htm", "/api/"],
                 rss="/rss/trang-chu.rss", sitemap="/sitemap.xml")
    return home, cat, cat2, art, extra


URL_SCHEMES = {"td_dnn": _td_dnn, "pn_post": _pn_post}

SITES = [
    dict(fam="sharepoint", slug="vinhphuoc", prov="Vĩnh Phước", split="blind", classes="vi", heads="blind", n=8, title="jsonld", date="thang",
         related="after", byline="bottom", og=False, jsonld=True, rss=True, sitemap=False, postback=True,
         urls="sp_dated", districts=["Gò Công Hạ", "Tân Uyên Bắc", "Long Điền Đông", "Phước Hòa"], gz=None,
         enc={}, bylines=["{n} - Trung tâm Truyền thông tỉnh", "{n} (Ban Tuyên giáo Tỉnh ủy)"]),
    dict(fam="sharepoint", slug="caoxuyen", prov="Cao Xuyên", split="blind", classes="vi", heads="blind", n=10, title="h1", date="dot",
         related="both", byline="top", og=True, jsonld=False, rss=False, sitemap=True, postback=False,
         urls="sp_nid", districts=["Xuân Trường Thượng", "Bảo Lạc Đông", "Hạ Hòa Nam", "Thông Nông Tây"],
         gz=None, enc={6: "cp1258"}, bylines=["Bài, ảnh: {n}", "{n}"]),
    dict(fam="tandan", slug="xuanthuy", prov="Xuân Thủy", split="blind", classes="vi", heads="blind", n=8, title="jsonld", date="thang",
         related="after", byline="bottom", og=False, jsonld=True, rss=True, sitemap=False, postback=False,
         urls="td_dnn", districts=["Giao Thủy Hạ", "Hải Hậu Tây", "Trực Ninh Bắc", "Nghĩa Hưng Đông"], gz=None,
         enc={2: "cp1258-meta"}, bylines=["{n} - Trung tâm Truyền thông tỉnh", "Bài, ảnh: {n}"]),
    dict(fam="tandan", slug="dongkhe", prov="Đông Khê", split="blind", classes="vi", heads="blind", n=9, title="h2", date="dot",
         related="both", byline="top", og=True, jsonld=False, rss=False, sitemap=True, postback=False,
         urls="td_chitiet", districts=["Thạch An Bắc", "Quảng Hòa Tây", "Trùng Khánh Hạ", "Bảo Lâm Đông"],
         gz=None, enc={}, bylines=["Tác giả: {n}", "{n}"]),
    dict(fam="party_newspaper", slug="baohaduong", dateline_upper=True, prov="Hà Dương", split="blind", classes="vi", heads="blind", n=8, title="jsonld",
         date="thang", related="both", byline="bottom", og=False, jsonld=True, rss=True, sitemap=True,
         postback=False, urls="pn_post", districts=["Dương Kinh Hạ", "Hà Trung Tây", "Nga Sơn Bắc", "Vĩnh Lộc Đông"],
         gz=5, enc={}, bylines=["Bài, ảnh: {n}", "{n}"], inbody_related=True),
    dict(fam="party_newspaper", slug="baothachbinh", dateline_upper=True, prov="Thạch Bình", split="blind", classes="vi", heads="blind", n=10, title="h1", date="dot",
         related="after", byline="top", og=True, jsonld=False, rss=True, sitemap=False, postback=False,
         urls="pn_section", districts=["Thạch Hà Tây", "Bình Sơn Hạ", "Cẩm Xuyên Bắc", "Kỳ Anh Đông"], gz=None,
         enc={3: "cp1258"}, bylines=["{n} - Trung tâm Truyền thông tỉnh", "Tác giả: {n}"]),
]
