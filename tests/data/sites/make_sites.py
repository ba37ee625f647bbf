"""Writes the fixture sites under tests/data/sites/<family>/ (static HTML, one directory per CMS family)
from articles.json and the family templates below. Run it after editing either; the generated files
are committed so the tests read plain files.

Each site directory gets: the pages, routes.json (request path → file, plus headers), expected.json
(the articles a crawl from the start URL must find, exactly, and the non-article pages it must reject).
"""
from __future__ import annotations

import gzip
import html
import json
import shutil
import unicodedata
from pathlib import Path

HERE = Path(__file__).parent
ARTICLES = json.loads((HERE / "articles.json").read_text("utf-8"))["articles"]

# boilerplate every site prints around its articles; none of it may reach an article body
BOILER = {
    "menu": ["Trang chủ", "Giới thiệu chung", "Tin tức - Sự kiện", "Thủ tục hành chính", "Liên hệ"],
    "tin_moi": "Tin mới",
    "cac_tin_khac": "Các tin khác",
    "tin_lien_quan": "Tin liên quan",
    "archive": "Các tin đã đưa ngày",
    "poll": "Bạn đánh giá thế nào về giao diện cổng thông tin?",
    "footer": "Bản quyền thuộc Ban Biên tập Cổng thông tin điện tử tỉnh. Ghi rõ nguồn khi phát hành lại thông tin.",
    "views": "Lượt xem: 1.234",
    "print": "In bài viết",
    "share": "Chia sẻ Facebook",
    "credit": "Ảnh: Đức Toàn",
}
MUST_NOT = [BOILER["tin_moi"], BOILER["cac_tin_khac"], BOILER["tin_lien_quan"], BOILER["archive"], BOILER["poll"],
            BOILER["footer"], "Lượt xem", BOILER["print"], BOILER["share"], BOILER["credit"], "Giới thiệu chung",
            "Thủ tục hành chính"]
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(s: str) -> bytes:
    """Encode as windows-1258: base letters precomposed with their vowel marks, tone marks combining."""
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
    return html.escape(s, quote=True)


def menu() -> str:
    items = "".join(f'<li><a href="/">{e(m)}</a></li>' if i == 0 else f'<li><a href="/gioi-thieu-{i}">{e(m)}</a></li>'
                    for i, m in enumerate(BOILER["menu"]))
    return f'<nav class="main-menu"><ul>{items}</ul></nav>'


def sidebar(others: list[tuple[str, str]]) -> str:
    lis = "".join(f'<li><a href="{e(u)}">{e(t)}</a></li>' for u, t in others)
    return (f'<div class="sidebar"><div class="box"><h3>{BOILER["tin_moi"]}</h3><ul>{lis}</ul></div>'
            f'<div class="box archive"><h3>{BOILER["archive"]}</h3><form><input type="text" value="03/06/2019">'
            f'<button>Xem</button></form></div>'
            f'<div class="box poll-box"><h3>Thăm dò ý kiến</h3><p>{e(BOILER["poll"])}</p>'
            f'<label><input type="radio"> Đẹp</label><label><input type="radio"> Bình thường</label></div></div>')


def footer() -> str:
    return f'<div id="footer"><p>{e(BOILER["footer"])}</p><p>Địa chỉ: Số 1 đường Nguyễn Trãi</p></div>'


def paras_html(a: dict, *, caption: bool = True) -> str:
    ps = [f"<p>{e(p)}</p>" for p in a["paragraphs"]]
    if caption:
        ps.insert(1, f'<figure><img src="/img/1.jpg"><figcaption>Quang cảnh buổi làm việc. ({BOILER["credit"]})'
                     f'</figcaption></figure>')
    return "".join(ps)


def tail_html(a: dict) -> str:
    out = ""
    if a["author"]:
        out += f'<p style="text-align:right"><strong>{e(a["author"])}</strong></p>'
    if a["source"]:
        out += f'<p style="text-align:right"><em>Nguồn: {e(a["source"])}</em></p>'
    return out


def page(title: str, body: str, head: str = "", charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="{charset}"><title>{e(title)} - Cổng thông tin điện tử</title>'
            f'{head}</head><body>{body}</body></html>')


# -- families ------------------------------------------------------------------------------------
def tandan(site):
    arts = site["articles"]
    others = [(a["path"], a["title"]) for a in arts]
    for a in arts:
        body = (f'<div id="s4-workspace">{menu()}<div class="tandan-main">'
                f'<p class="tandan-p-article-news-title">{e(a["title"])}</p>'
                f'<span class="tandan-span-date-publish">Đăng ngày {a["date_text"]}</span>'
                f'<div class="tandan-p-article-tool"><a href="#">{BOILER["print"]}</a> | <a href="#">{BOILER["share"]}</a></div>'
                f'<p class="tandan-p-article-sapo">{e(a["lead"])}</p>'
                f'<div class="tandan-p-article-main"><div class="ms-rtestate-field">{paras_html(a)}{tail_html(a)}</div></div>'
                f'<div class="tandan-other-news"><h4>{BOILER["cac_tin_khac"]}</h4><ul>'
                + "".join(f'<li><a href="{e(u)}">{e(t)}</a> (03/06/2019)</li>' for u, t in others if t != a["title"])
                + f'</ul></div></div>{sidebar(others)}{footer()}</div>')
        site["files"][a["file"]] = page(a["title"], body, charset=a.get("charset", "utf-8"))
    listing = lambda items, nxt: (  # noqa: E731
        f'<div id="s4-workspace">{menu()}<div class="ms-webpart-zone"><h2>Tin tức - Sự kiện</h2><div class="tandan-news-list">'
        + "".join(f'<div class="item"><p class="tandan-p-news-title"><a href="{e(a["path"])}">{e(a["title"])}</a></p>'
                  f'<p>{e(a["lead"][:90])}…</p></div>' for a in items)
        + f'</div><div class="tandan-paging">{nxt}</div></div>{sidebar(others)}{footer()}</div>')
    site["files"]["home.html"] = page("Trang chủ", f'<div id="s4-workspace">{menu()}<div class="ms-webpart-zone">'
                                      f'<h2>Tin nổi bật</h2><a href="/portal/Pages/Tin-tuc-su-kien.aspx">Tin tức - Sự kiện</a>'
                                      f'<a href="{e(arts[0]["path"])}">{e(arts[0]["title"])}</a></div>{footer()}</div>')
    site["files"]["list1.html"] = page("Tin tức", listing(arts[:2], '<a href="/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=2">Trang sau</a>'))
    site["files"]["list2.html"] = page("Tin tức", listing(arts[2:], '<a href="/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=1">1</a>'))
    site["routes"].update({"/portal/Pages/default.aspx": "home.html", "/portal/Pages/Tin-tuc-su-kien.aspx": "list1.html",
                           "/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=1": "list1.html",
                           "/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=2": "list2.html"})
    site["redirects"]["/"] = "/portal/Pages/default.aspx"
    site["non_articles"] += ["/portal/Pages/default.aspx", "/portal/Pages/Tin-tuc-su-kien.aspx",
                             "/portal/Pages/Tin-tuc-su-kien.aspx?PageIndex=2"]


def sharepoint(site):
    arts = site["articles"]
    others = [(a["path"], a["title"]) for a in arts]
    for a in arts:
        body = (f'<div id="s4-bodyContainer">{menu()}<div class="ms-webpart-zone"><div class="ms-WPBody">'
                f'<h1 class="news-detail-title">{e(a["title"])}</h1>'
                f'<div class="news-detail-date">Ngày đăng: {a["date_text"]}</div>'
                f'<div class="news-detail-summary"><strong>{e(a["lead"])}</strong></div>'
                f'<div class="news-detail-content ms-rtestate-field">{paras_html(a)}{tail_html(a)}'
                f'<p><strong>{BOILER["tin_lien_quan"]}</strong></p>'
                + "".join(f'<p><a href="{e(u)}">{e(t)}</a></p>' for u, t in others if t != a["title"])
                + f'</div><div class="detail-tools"><a href="#">{BOILER["print"]}</a><span>{BOILER["views"]}</span></div>'
                f'</div></div>{sidebar(others)}{footer()}</div>')
        site["files"][a["file"]] = page(a["title"], body, head='<script>var _spPageContextInfo={};</script>')
    lst = lambda items, nxt: page("Tin tức", f'<div id="s4-bodyContainer">{menu()}<div class="ms-webpart-zone"><ul class="news-list">' + "".join(  # noqa: E731
        f'<li><a href="{e(a["path"])}">{e(a["title"])}</a><span>{a["date_text"][:10]}</span></li>' for a in items)
        + f'</ul><div class="paging">{nxt}</div></div>{footer()}</div>', head='<script>var _spPageContextInfo={};</script>')
    site["files"]["home.html"] = page("Trang chủ", f'<div id="s4-bodyContainer">{menu()}<div class="ms-webpart-zone">'
                                      f'<a href="/Pages/tin-tuc.aspx">Tin tức</a><a href="/Pages/tim-kiem.aspx?k=dang">Tìm kiếm</a>'
                                      f'</div>{footer()}</div>', head='<script>var _spPageContextInfo={};</script>')
    site["files"]["list1.html"] = lst(arts[:2], '<a href="/Pages/tin-tuc.aspx?Page=2">»</a>')
    site["files"]["list2.html"] = lst(arts[2:], '<a href="/Pages/tin-tuc.aspx">«</a>')
    site["files"]["search.html"] = lst(arts, "")
    site["routes"].update({"/": "home.html", "/Pages/tin-tuc.aspx": "list1.html", "/Pages/tin-tuc.aspx?Page=2": "list2.html",
                           "/Pages/tim-kiem.aspx?k=dang": "search.html"})
    site["non_articles"] += ["/", "/Pages/tin-tuc.aspx", "/Pages/tin-tuc.aspx?Page=2", "/Pages/tim-kiem.aspx?k=dang"]


LR_NS = "_101_INSTANCE_Hg7kQ2"


def liferay(site):
    arts = site["articles"]
    others = [(a["path"], a["title"]) for a in arts]
    lr_head = '<script src="/html/js/liferay/aui.js"></script><script>Liferay.Portlet.ready(function(){});</script>'
    for a in arts:
        # the journal article escapes its Vietnamese letters as entities, as Liferay's editor does
        content = "".join(f"<p>{p.encode('ascii', 'xmlcharrefreplace').decode()}</p>" for p in a["paragraphs"])
        body = (f'<div id="wrapper">{menu()}<div class="portlet-boundary" id="p_p_id_101_INSTANCE_Hg7kQ2_">'
                f'<div class="portlet-asset-publisher"><div class="asset-full-content">'
                f'<div class="taglib-header"><h3 class="header-title"><span>{e(a["title"])}</span></h3></div>'
                f'<div class="asset-metadata"><span class="assetPublishDate">{a["date_text"]}</span>'
                f' <span class="view-count">{BOILER["views"]}</span></div>'
                f'<div class="journal-content-article"><p><strong>{e(a["lead"])}</strong></p>{content}'
                f'<p><img src="/documents/1.jpg"></p><p><em>Quang cảnh hội nghị ({BOILER["credit"]})</em></p>'
                f'{tail_html(a)}</div>'
                f'<div class="taglib-social-bookmarks"><a href="#">{BOILER["share"]}</a><a href="#">{BOILER["print"]}</a></div>'
                f'<div class="asset-related-assets"><h4>{BOILER["tin_lien_quan"]}</h4>'
                + "".join(f'<a href="{e(u)}">{e(t)}</a>' for u, t in others if t != a["title"])
                + f'</div></div></div></div>{sidebar(others)}{footer()}</div>')
        site["files"][a["file"]] = page(a["title"], body, head=lr_head)
    def lst(items, nxt):
        return page("Tin tức", f'<div id="wrapper">{menu()}<div class="portlet-boundary"><div class="portlet-asset-publisher">'
                    + "".join(f'<div class="asset-abstract"><h3 class="asset-title"><a href="{e(a["path"])}?redirect=%2Fweb%2Fguest%2Ftin-tuc&amp;inheritRedirect=true">'
                              f'{e(a["title"])}</a></h3><div class="asset-summary">{e(a["lead"][:100])}</div></div>' for a in items)
                    + f'<div class="taglib-page-iterator"><div class="lfr-pagination-buttons">{nxt}</div></div></div></div>{footer()}</div>', head=lr_head)
    cur2 = f"/web/guest/tin-tuc?p_p_id=101_INSTANCE_Hg7kQ2&amp;p_p_lifecycle=0&amp;p_p_state=normal&amp;{LR_NS}_cur=2"
    site["files"]["home.html"] = page("Trang chủ", f'<div id="wrapper">{menu()}<a href="/web/guest/tin-tuc">Tin tức</a>'
                                      f'<a href="/web/guest/tim-kiem?{LR_NS}_keywords=hoi+nghi">Tìm kiếm</a>{footer()}</div>', head=lr_head)
    site["files"]["list1.html"] = lst(arts[:2], f'<a href="{cur2}">Tiếp</a>')
    site["files"]["list2.html"] = lst(arts[2:], '<a href="/web/guest/tin-tuc">Đầu</a>')
    site["files"]["search.html"] = lst(arts, "")
    site["routes"].update({"/": "home.html", "/web/guest/tin-tuc": "list1.html",
                           html.unescape(cur2): "list2.html", f"/web/guest/tim-kiem?{LR_NS}_keywords=hoi+nghi": "search.html"})
    site["non_articles"] += ["/", "/web/guest/tin-tuc", html.unescape(cur2), f"/web/guest/tim-kiem?{LR_NS}_keywords=hoi+nghi"]


def party_newspaper(site):
    arts = site["articles"]
    others = [(a["path"], a["title"]) for a in arts]
    for a in arts:
        body = (f'<header class="header">{menu()}</header><main><article class="article">'
                f'<h1 class="article__title cms-title">{e(a["title"])}</h1>'
                f'<div class="article__meta"><time class="time">{a["date_text"]}</time>'
                f'<div class="article__share"><a href="#">{BOILER["share"]}</a> <a href="#">{BOILER["print"]}</a></div></div>'
                f'<div class="article__sapo cms-desc">{e(a["lead"])}</div>'
                f'<div class="article__body cms-body">{paras_html(a)}'
                f'<div class="article__related"><h3>{BOILER["tin_lien_quan"]}</h3><ul>'
                + "".join(f'<li><a class="cms-link" href="{e(u)}">{e(t)}</a></li>' for u, t in others if t != a["title"])
                + f'</ul></div>{tail_html(a)}</div>'
                f'<div class="article__tag"><a href="/tag/xay-dung-dang-8.html">Xây dựng Đảng</a></div></article>'
                f'<section class="box-news"><h2>{BOILER["cac_tin_khac"]}</h2>'
                + "".join(f'<div class="story"><h3 class="story__heading"><a class="cms-link" href="{e(u)}">{e(t)}</a></h3></div>'
                          for u, t in others if t != a["title"]) + f'</section></main>{footer()}')
        site["files"][a["file"]] = page(a["title"], body)
    def lst(items, nxt):
        return page("Chính trị", f'<header>{menu()}</header><main><h1>Chính trị</h1>' + "".join(
            f'<div class="story"><h2 class="story__heading"><a class="cms-link" href="{e(a["path"])}">{e(a["title"])}</a></h2>'
            f'<div class="story__summary">{e(a["lead"][:100])}</div></div>' for a in items) + f'{nxt}</main>{footer()}')
    site["files"]["home.html"] = page("Báo tỉnh", f'<header>{menu()}</header><main><a href="/chinh-tri/">Chính trị</a>'
                                      f'<div class="story"><h2 class="story__heading"><a class="cms-link" href="{e(arts[0]["path"])}">{e(arts[0]["title"])}</a></h2></div>'
                                      f'</main>{footer()}',
                                      head='<link rel="alternate" type="application/rss+xml" href="/rss/chinh-tri.rss">')
    site["files"]["list1.html"] = lst(arts[:1], '<a class="next" href="/chinh-tri/trang-2.html">Xem tiếp</a>')
    site["files"]["list2.html"] = lst(arts[1:2], '<div class="pagination"><a href="/chinh-tri/">1</a></div>')
    site["files"]["tag.html"] = lst(arts, "")
    rss_items = "".join(f"<item><title>{e(a['title'])}</title><link>{{base}}{e(a['path'])}</link></item>" for a in arts)
    site["files"]["feed.rss"] = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Chính trị</title>'
                                 f'<link>{{base}}/chinh-tri/</link>{rss_items}</channel></rss>')
    site["routes"].update({"/": "home.html", "/chinh-tri/": "list1.html", "/chinh-tri/trang-2.html": "list2.html",
                           "/tag/xay-dung-dang-8.html": "tag.html", "/rss/chinh-tri.rss": "feed.rss"})
    site["headers"]["/rss/chinh-tri.rss"] = {"Content-Type": "application/rss+xml; charset=utf-8"}
    site["non_articles"] += ["/", "/chinh-tri/", "/chinh-tri/trang-2.html", "/tag/xay-dung-dang-8.html"]


def wordpress(site):
    arts = site["articles"]
    others = [(a["path"], a["title"]) for a in arts]
    wp_head = '<meta name="generator" content="WordPress 6.4"><link rel="stylesheet" href="/wp-content/themes/x/style.css">'
    for a in arts:
        body = (f'<div id="page">{menu()}<main><article class="post">'
                f'<header class="entry-header"><h1 class="entry-title">{e(a["title"])}</h1>'
                f'<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{a["iso"]}">'
                f'{a["date_text"]}</time></span></div></header>'
                f'<div class="entry-content"><p><strong>{e(a["lead"])}</strong></p>{paras_html(a)}{tail_html(a)}'
                f'<div class="sharedaddy"><h3>Chia sẻ:</h3><a href="#">{BOILER["share"]}</a></div>'
                f'<div class="jp-relatedposts"><h3>{BOILER["tin_lien_quan"]}</h3>'
                + "".join(f'<a href="{e(u)}">{e(t)}</a>' for u, t in others if t != a["title"])
                + f'</div></div><footer class="entry-footer"><a href="/category/tin-tuc/">Tin tức</a></footer></article></main>'
                f'<aside class="widget-area">{sidebar(others)}</aside>{footer()}'
                f'<a href="/private/ban-nhap-noi-bo/">Bản nháp</a></div>')
        site["files"][a["file"]] = page(a["title"], body, head=wp_head +
                                        f'<meta property="article:published_time" content="{a["iso"]}">')
    def lst(items, nxt):
        return page("Tin tức", f'<div id="page">{menu()}<main>' + "".join(
            f'<article><h2 class="entry-title"><a href="{e(a["path"])}">{e(a["title"])}</a></h2>'
            f'<div class="entry-summary"><p>{e(a["lead"][:100])}</p></div></article>' for a in items)
            + f'<nav class="nav-links">{nxt}</nav></main>{footer()}</div>', head=wp_head)
    site["files"]["home.html"] = lst(arts[:1], '<a href="/category/tin-tuc/">Tin tức</a>')
    site["files"]["list1.html"] = lst(arts[1:2], '<a class="next" href="/category/tin-tuc/page/2/">Trang sau</a>')
    site["files"]["list2.html"] = lst(arts[2:], '<a href="/category/tin-tuc/">1</a>')
    site["files"]["private.html"] = page("Nội bộ", "<p>Trang nội bộ không được thu thập.</p>")
    urlset = "".join(f"<url><loc>{{base}}{e(a['path'])}</loc><lastmod>2020-05-08</lastmod></url>" for a in arts)
    site["files"]["sitemap-posts.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                          f'{urlset}</urlset>')
    site["files"]["sitemap.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                    '<sitemap><loc>{base}/sitemap-posts.xml.gz</loc></sitemap></sitemapindex>')
    site["routes"].update({"/": "home.html", "/category/tin-tuc/": "list1.html", "/category/tin-tuc/page/2/": "list2.html",
                           "/private/ban-nhap-noi-bo/": "private.html", "/sitemap.xml": "sitemap.xml",
                           "/sitemap-posts.xml.gz": "sitemap-posts.xml"})
    site["gzip"].append("/sitemap-posts.xml.gz")
    site["headers"]["/sitemap.xml"] = {"Content-Type": "application/xml"}
    site["headers"]["/sitemap-posts.xml.gz"] = {"Content-Type": "application/x-gzip"}
    site["robots"] = "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.05\nSitemap: {base}/sitemap.xml\n"
    site["non_articles"] += ["/", "/category/tin-tuc/", "/category/tin-tuc/page/2/"]
    site["disallowed"] = ["/private/ban-nhap-noi-bo/"]


def generic(site):
    arts = site["articles"]
    for a in arts:
        body = (f'<div class="wrap">{menu()}<div class="col-main"><div class="news-view">'
                f'<h1>{e(a["title"])}</h1><div class="meta">{a["date_text"]}</div>'
                f'<div class="noidung"><p><b>{e(a["lead"])}</b></p>{paras_html(a, caption=False)}{tail_html(a)}</div></div>'
                f'</div>{sidebar([(x["path"], x["title"]) for x in arts])}{footer()}</div>')
        site["files"][a["file"]] = page(a["title"], body)
    site["files"]["home.html"] = page("Trang chủ", f'<div class="wrap">{menu()}<ul>' + "".join(
        f'<li><a href="{e(a["path"])}">{e(a["title"])}</a></li>' for a in arts) + f'</ul>{footer()}</div>')
    site["routes"]["/"] = "home.html"
    site["non_articles"] += ["/"]


FAMILIES = {
    "tandan": (tandan, [
        ("/portal/Pages/2019-6-3/Hoi-nghi-so-ket-cong-tac-xay-dung-Dang.aspx", 0, "03/06/2019", "2019-06-03", {}),
        ("/portal/Pages/2019-11-12/Khoi-cong-duong-noi-trung-tam-huyen.aspx", 1, "12/11/2019", "2019-11-12", {"charset": "windows-1258"}),
        ("/portal/Pages/2021-3-15/Trien-khai-Nghi-quyet-nong-nghiep-hang-hoa.aspx", 2, "15/03/2021", "2021-03-15", {}),
    ]),
    "sharepoint": (sharepoint, [
        ("/Lists/TinTuc/View_Detail.aspx?ItemID=3", 3, "20/09/2019 10:05", "2019-09-20T10:05:00+07:00", {}),
        ("/Lists/TinTuc/View_Detail.aspx?ItemID=12", 4, "12/11/2019 09:30", "2019-11-12T09:30:00+07:00", {"nfd": True}),
        ("/Lists/TinTuc/View_Detail.aspx?ItemID=27", 5, "08/05/2020 16:45", "2020-05-08T16:45:00+07:00", {}),
    ]),
    "liferay": (liferay, [
        ("/web/guest/tin-tuc/-/asset_publisher/Hg7kQ2/content/hoi-nghi-trien-khai-nghi-quyet", 2, "15/03/2021 | 02:30 PM", "2021-03-15T14:30:00+07:00", {}),
        ("/web/guest/tin-tuc/-/asset_publisher/Hg7kQ2/content/ky-luat-hai-to-chuc-dang", 4, "Ngày đăng: 02/04/2021 | 09:15 AM", "2021-04-02T09:15:00+07:00", {}),
        ("/web/guest/tin-tuc/-/asset_publisher/Hg7kQ2/content/tiep-xuc-cu-tri-thanh-pho", 3, "20/09/2019 | 12:05 PM", "2019-09-20T12:05:00+07:00", {}),
    ]),
    "party_newspaper": (party_newspaper, [
        ("/chinh-tri/tinh-uy-so-ket-cong-tac-xay-dung-dang-6-thang-dau-nam-12345.html", 0, "Thứ Hai, 03/06/2019 07:15", "2019-06-03T07:15:00+07:00", {}),
        ("/chinh-tri/uy-ban-kiem-tra-tinh-uy-thi-hanh-ky-luat-23456.html", 4, "Thứ Năm, 16/07/2020 21:40", "2020-07-16T21:40:00+07:00", {}),
        ("/chinh-tri/thanh-uy-tong-ket-cong-tac-dan-van-34567.html", 5, "Thứ Sáu, 08/05/2020 10:00", "2020-05-08T10:00:00+07:00", {}),
    ]),
    "wordpress": (wordpress, [
        ("/2020/05/08/thanh-uy-tong-ket-10-nam-cong-tac-dan-van/", 5, "08/05/2020", "2020-05-08T09:00:00+07:00", {}),
        ("/2019/09/20/tiep-xuc-cu-tri-truoc-ky-hop-thu-8/", 3, "20/09/2019", "2019-09-20T08:30:00+07:00", {}),
        ("/2019/11/12/khoi-cong-duong-noi-trung-tam-huyen/", 1, "12/11/2019", "2019-11-12T15:00:00+07:00", {}),
    ]),
    "generic": (generic, [
        ("/tin-tuc/chi-tiet/hoi-nghi-so-ket-xay-dung-dang.htm", 0, "Cập nhật lúc 07:15 ngày 03/06/2019", "2019-06-03T07:15:00+07:00", {}),
        ("/tin-tuc/chi-tiet/ky-luat-hai-to-chuc-dang.htm", 4, "16/07/2020 21:40", "2020-07-16T21:40:00+07:00", {}),
    ]),
}


def build(family: str) -> None:
    fn, specs = FAMILIES[family]
    out = HERE / family
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    site = {"files": {}, "routes": {}, "headers": {}, "redirects": {}, "gzip": [], "robots": "User-agent: *\nDisallow:\n",
            "non_articles": [], "disallowed": [], "articles": []}
    for i, (path, idx, date_text, iso, opts) in enumerate(specs):
        a = dict(ARTICLES[idx], path=path, date_text=date_text, iso=iso, file=f"article{i + 1}.html", **opts)
        site["articles"].append(a)
        site["routes"][path] = a["file"]
    fn(site)
    for name, text in site["files"].items():
        a = next((x for x in site["articles"] if x["file"] == name), {})
        if a.get("charset") == "windows-1258":
            data = cp1258(text)
        elif a.get("nfd"):
            data = unicodedata.normalize("NFD", text).encode("utf-8")
        else:
            data = text.encode("utf-8")
        (out / name).write_bytes(data)
    routes = {"routes": site["routes"], "headers": site["headers"], "redirects": site["redirects"],
              "gzip": site["gzip"], "robots": site["robots"]}
    (out / "routes.json").write_text(json.dumps(routes, ensure_ascii=False, indent=1), "utf-8")
    expected = {"start": "/", "must_not_contain": MUST_NOT, "non_articles": site["non_articles"],
                "disallowed": site["disallowed"],
                "articles": [{"path": a["path"], "title": a["title"], "published": a["iso"], "lead": a["lead"],
                              "paragraphs": a["paragraphs"], "author": a["author"], "source": a["source"],
                              "encoding": "cp1258" if a.get("charset") == "windows-1258" else "utf-8"}
                             for a in site["articles"]]}
    (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    for fam in FAMILIES:
        build(fam)
        print("wrote", fam)
