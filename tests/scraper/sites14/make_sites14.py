"""Writes the issue-14 fixture sites (one per CMS family): pages whose traps are what unseen portals do —
a related-news block whose headings use the profile's title class, "Tin cùng chuyên mục" / "Các tin
khác" lists with their own dates before the body, several <h1>s, a headline printed only in <title>,
dates in three formats (dd/mm/yyyy hh:mm, "ngày 12 tháng 3 năm 2024", ISO in JSON-LD), and a category
page at an article-like URL whose teasers are long. Run it to rewrite the files:

    .venv/bin/python tests/scraper/sites14/make_sites14.py
"""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

PARAS = [
    "Sáng 12/3, đồng chí Nguyễn Văn Hùng, Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy chủ trì hội nghị "
    "triển khai công tác tổ chức xây dựng Đảng năm 2024 với sự tham dự của lãnh đạo các huyện ủy, thành ủy.",
    "Phát biểu tại hội nghị, đồng chí Trần Thị Mai, Phó Bí thư Thường trực Tỉnh ủy đề nghị các cấp ủy tập trung "
    "rà soát, bổ sung quy hoạch cán bộ, chuẩn bị nhân sự đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030.",
    "Năm 2023, toàn tỉnh kết nạp 2.150 đảng viên mới, đạt 107% kế hoạch; 96% tổ chức cơ sở đảng được đánh giá "
    "hoàn thành tốt nhiệm vụ trở lên.",
]
OTHER = [
    ("Hội đồng nhân dân tỉnh khai mạc kỳ họp chuyên đề tháng 3", "/thoi-su/hdnd-khai-mac-ky-hop-chuyen-de-31001.html", "10/03/2024"),
    ("Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc chấp hành tại Đảng bộ huyện", "/thoi-su/ubkt-kiem-tra-chap-hanh-31002.html", "09/03/2024"),
    ("Ban Dân vận Tỉnh ủy tổng kết phong trào thi đua dân vận khéo", "/thoi-su/dan-van-kheo-tong-ket-31003.html", "08/03/2024"),
]
BOILER = ["Tin cùng chuyên mục", "Các tin khác", "Bản quyền thuộc", "Tin liên quan", "Bài viết khác"]


def article(title, published, lead, paragraphs, author, source="", caption="", path=""):
    return {"path": path, "title": title, "published": published, "lead": lead, "paragraphs": paragraphs,
            "author": author, "source": source, "caption": caption}


def body_html(a, lead_in_body=True):
    ps = ([f"<p>{a['lead']}</p>"] if lead_in_body and a["lead"] else []) + [f"<p>{p}</p>" for p in a["paragraphs"][:1]]
    if a["caption"]:
        ps.append(f'<figure><img src="/anh.jpg" alt=""><figcaption>{a["caption"]}</figcaption></figure>')
    ps += [f"<p>{p}</p>" for p in a["paragraphs"][1:]]
    ps.append(f'<p style="text-align:right"><strong>{a["author"]}</strong></p>')
    return "\n".join(ps)


def write(family, files, routes, expected):
    d = HERE / family
    d.mkdir(exist_ok=True)
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "routes.json").write_text(json.dumps({"robots": "User-agent: *\nAllow: /\n", "routes": routes, "gzip": [],
                                               "headers": {}, "redirects": {}}, ensure_ascii=False, indent=1), "utf-8")
    (d / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), "utf-8")


def party_newspaper():
    a1 = article("Tỉnh ủy Hòa Sơn triển khai công tác tổ chức xây dựng Đảng năm 2024", "2024-03-12T08:30:00+07:00",
                 "Hội nghị triển khai nhiệm vụ công tác tổ chức xây dựng Đảng năm 2024 được tổ chức trực tiếp kết hợp trực tuyến.",
                 PARAS, "Minh Hà", caption="Đồng chí Nguyễn Văn Hùng phát biểu chỉ đạo hội nghị. Ảnh: Minh Hà",
                 path="/chinh-tri/tinh-uy-trien-khai-cong-tac-to-chuc-xay-dung-dang-30101.html")
    a2 = article("Đảng bộ huyện Lạc Thủy kết nạp 120 đảng viên mới trong quý I", "2024-03-14",
                 "Trong quý I năm 2024, Đảng bộ huyện Lạc Thủy đã kết nạp 120 đảng viên mới, trong đó có 35 đoàn viên ưu tú.",
                 PARAS[1:], "Quang Huy",
                 path="/chinh-tri/dang-bo-huyen-lac-thuy-ket-nap-dang-vien-30102.html")
    related = "".join(f'<div class="item"><h2 class="cms-title">{t}</h2><span class="cms-date">{d} 07:00</span></div>'
                      for t, _u, d in OTHER)
    head = '<header class="site-header"><h1 class="logo">Báo Hòa Sơn điện tử</h1></header>'
    p1 = f"""<!doctype html><html><head><meta charset="utf-8"><title>{a1['title']} | Báo Hòa Sơn</title>
<meta property="og:title" content="{a1['title']}"></head><body>{head}
<div class="related-news"><div class="box-heading">Tin liên quan</div>{related}</div>
<div class="detail"><h1 class="detail__title">{a1['title']}</h1>
<div class="detail__time">Thứ Ba, 12/03/2024 08:30</div>
<div class="article__sapo">{a1['lead']}</div>
<div class="article__body cms-body">{body_html(a1, lead_in_body=False)}</div></div>
<footer>Bản quyền thuộc Báo Hòa Sơn. Giấy phép số 12/GP-BTTTT ngày 01/02/2020.</footer></body></html>"""
    same = "".join(f'<li><h3 class="cms-title">{t}</h3><p class="cms-date">{d}</p></li>' for t, _u, d in OTHER)
    p2 = f"""<!doctype html><html><head><meta charset="utf-8"><title>{a2['title']} - Báo Hòa Sơn điện tử</title></head>
<body>{head}<nav class="menu"><h1>Chính trị</h1></nav>
<div class="sidebar-left"><h4>Tin cùng chuyên mục</h4><ul>{same}</ul></div>
<div class="detail"><p class="meta">Cập nhật ngày 14 tháng 3 năm 2024</p>
<div class="article__sapo">{a2['lead']}</div>
<div class="article__body cms-body">{body_html(a2, lead_in_body=False)}</div></div>
<footer>Bản quyền thuộc Báo Hòa Sơn.</footer></body></html>"""
    teasers = "".join(
        f'<article class="story"><h3 class="story__title"><a href="{u.replace(".html", f"{i}.html")}">{t}</a></h3>'
        f'<p class="story__summary">{PARAS[0]} {PARAS[2]}</p></article>' for i, (t, u, _d) in enumerate(OTHER * 2))
    listing = f"""<!doctype html><html><head><meta charset="utf-8"><title>Xây dựng Đảng - Báo Hòa Sơn</title></head>
<body>{head}<h1 class="cms-title">Xây dựng Đảng</h1><div class="cms-body">{teasers}</div>
<div class="pagination"><a href="/xay-dung-dang-10245.html?page=2">2</a></div></body></html>"""
    home = f"""<!doctype html><html><head><meta charset="utf-8"><title>Báo Hòa Sơn điện tử</title></head><body>{head}
<a href="{a1['path']}">{a1['title']}</a><a href="{a2['path']}">{a2['title']}</a>
<a href="/xay-dung-dang-10245.html">Chuyên mục Xây dựng Đảng của Báo Hòa Sơn</a></body></html>"""
    write("party_newspaper", {"home.html": home, "a1.html": p1, "a2.html": p2, "listing.html": listing},
          {"/": "home.html", a1["path"]: "a1.html", a2["path"]: "a2.html", "/xay-dung-dang-10245.html": "listing.html"},
          {"start": "/", "articles": [a1, a2], "non_articles": ["/xay-dung-dang-10245.html"], "boilerplate": BOILER})


def tandan():
    a3 = article("UBND tỉnh Hòa Sơn họp phiên thường kỳ tháng 3 năm 2024", "2024-03-12T08:30:00+07:00",
                 "", PARAS, "Bích Ngọc", caption="Quang cảnh phiên họp. (Ảnh: Bích Ngọc)",
                 path="/portal/Pages/2024-3-12/UBND-tinh-Hoa-Son-hop-phien-thuong-ky-thang-3-nam-2024.aspx")
    a4 = article("Thường trực Tỉnh ủy làm việc với Đảng ủy Khối các cơ quan tỉnh", "2024-03-13",
                 "", PARAS[:2], "Trung Kiên",
                 path="/portal/Pages/2024-3-13/Thuong-truc-Tinh-uy-lam-viec-voi-Dang-uy-Khoi.aspx")
    others = "".join(f'<li><p class="tandan-p-article-news-title">{t}</p><span>({d})</span></li>' for t, _u, d in OTHER)
    head = '<div id="banner"><h1>Cổng thông tin điện tử tỉnh Hòa Sơn</h1></div>'
    p3 = f"""<!doctype html><html><head><meta charset="utf-8"><title>{a3['title']} - Cổng thông tin điện tử tỉnh Hòa Sơn</title>
<script>var _spPageContextInfo = {{}};</script></head><body>{head}<h1>Tin tức - Sự kiện</h1>
<div class="col-left"><div class="tieude-box">Các tin khác</div><ul>{others}</ul></div>
<div class="tandan-p-article"><span class="tandan-span-date-publish">Đăng ngày 12/03/2024 08:30</span>
<div class="tandan-p-article-main">{body_html(a3)}</div></div>
<div id="footer">Bản quyền thuộc UBND tỉnh Hòa Sơn</div></body></html>"""
    p4 = f"""<!doctype html><html><head><meta charset="utf-8"><title>{a4['title']}</title>
<meta property="og:title" content="{a4['title']}"><script>var _spPageContextInfo = {{}};</script></head><body>{head}
<div class="col-left"><div class="tieude-box">Các tin khác</div><ul>{others}</ul></div>
<div class="tandan-p-article"><h1 class="page-title">{a4['title']}</h1>
<span class="tandan-span-date-publish">Đăng ngày 13/03/2024</span>
<div class="tandan-p-article-main">{body_html(a4)}</div></div>
<div id="footer">Bản quyền thuộc UBND tỉnh Hòa Sơn</div></body></html>"""
    home = f"""<!doctype html><html><head><meta charset="utf-8"><title>Cổng thông tin điện tử tỉnh Hòa Sơn</title>
<script>var _spPageContextInfo = {{}};</script></head><body>{head}
<a href="{a3['path']}">{a3['title']}</a><a href="{a4['path']}">{a4['title']}</a></body></html>"""
    write("tandan", {"home.html": home, "a3.html": p3, "a4.html": p4},
          {"/": "home.html", a3["path"]: "a3.html", a4["path"]: "a4.html"},
          {"start": "/", "articles": [a3, a4], "non_articles": [], "boilerplate": BOILER})


def sharepoint():
    a5 = article("Sở Nội vụ công bố quyết định bổ nhiệm Phó Giám đốc Sở", "2024-03-15T09:00:00+07:00",
                 "Chiều 15/3, Sở Nội vụ tổ chức hội nghị công bố quyết định của Chủ tịch UBND tỉnh về công tác cán bộ.",
                 PARAS[1:], "Văn Toàn", path="/Lists/TinTuc/View_Detail.aspx?ItemID=311")
    same = "".join(f'<li><div class="detail-title">{t}</div><span class="date">{d}</span></li>' for t, _u, d in OTHER)
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a5["title"],
                     "datePublished": "2024-03-15T09:00:00+07:00"}, ensure_ascii=False)
    p5 = f"""<!doctype html><html><head><meta charset="utf-8"><title>Tin tức</title>
<script type="application/ld+json">{ld}</script><script>var _spPageContextInfo = {{}};</script></head>
<body><div class="ms-webpart-zone"><h1 class="site-title">Sở Nội vụ tỉnh Hòa Sơn</h1>
<div class="news-box"><h3>Tin cùng chuyên mục</h3><ul>{same}</ul></div>
<h1 class="news-detail-title">{a5['title']}</h1>
<div class="ms-rtestate-field"><p><b>{a5['lead']}</b></p>{body_html(a5, lead_in_body=False)}</div>
<div class="date">Ngày đăng: 15-03-2024 | 09:00</div></div></body></html>"""
    home = f"""<!doctype html><html><head><meta charset="utf-8"><title>Sở Nội vụ</title>
<script>var _spPageContextInfo = {{}};</script></head><body>
<a href="/Lists/TinTuc/View_Detail.aspx?ItemID=311">{a5['title']}</a></body></html>"""
    write("sharepoint", {"home.html": home, "a5.html": p5}, {"/": "home.html", a5["path"]: "a5.html"},
          {"start": "/", "articles": [a5], "non_articles": [], "boilerplate": BOILER})


def wordpress():
    a6 = article("Huyện ủy Kim Bôi sơ kết công tác quý I năm 2024", "2024-03-18T10:00:00+07:00",
                 "", PARAS, "Hải Đăng", path="/2024/03/18/huyen-uy-kim-boi-so-ket-cong-tac-quy-i/")
    widget = "".join(f'<h3 class="entry-title">{t}</h3><time class="entry-date">{d}</time>' for t, _u, d in OTHER)
    gen = '<link rel="stylesheet" href="/wp-content/themes/x/style.css">'
    p6 = f"""<!doctype html><html><head><meta charset="utf-8"><title>{a6['title']} – Huyện ủy Kim Bôi</title>{gen}
<meta property="og:title" content="{a6['title']}"><meta property="article:published_time" content="2024-03-18T10:00:00+07:00">
</head><body class="single-post"><div class="widget widget-recent"><h2>Bài viết khác</h2>{widget}</div>
<div class="post"><h1 class="post-heading">{a6['title']}</h1><time class="entry-date published" datetime="2024-03-18T10:00:00+07:00">18/03/2024</time>
<div class="entry-content">{body_html(a6)}</div></div></body></html>"""
    teasers = "".join(f'<div class="post-item"><h3 class="tieu-de"><a href="{u.replace(".html", f"-{i}/")}">{t}</a></h3>'
                      f'<p>{PARAS[0]} {PARAS[1]}</p></div>' for i, (t, u, _d) in enumerate(OTHER * 2))
    listing = f"""<!doctype html><html><head><meta charset="utf-8"><title>Hoạt động của lãnh đạo Huyện ủy năm 2024</title>{gen}</head>
<body class="single-post"><h1 class="entry-title">Hoạt động của lãnh đạo Huyện ủy năm 2024</h1>
<time class="entry-date published" datetime="2024-03-01T08:00:00+07:00">01/03/2024</time>
<div class="entry-content">{teasers}</div></body></html>"""
    lpath = "/2024/03/01/hoat-dong-cua-lanh-dao-huyen-uy-nam-2024/"
    home = f"""<!doctype html><html><head><meta charset="utf-8"><title>Huyện ủy Kim Bôi</title>{gen}</head><body>
<a href="{a6['path']}">{a6['title']}</a><a href="{lpath}">Hoạt động của lãnh đạo Huyện ủy năm 2024</a></body></html>"""
    write("wordpress", {"home.html": home, "a6.html": p6, "listing.html": listing},
          {"/": "home.html", a6["path"]: "a6.html", lpath: "listing.html"},
          {"start": "/", "articles": [a6], "non_articles": [lpath], "boilerplate": BOILER})


if __name__ == "__main__":
    party_newspaper()
    tandan()
    sharepoint()
    wordpress()
