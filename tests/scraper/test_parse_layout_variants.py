"""Layouts that differ from the fixture sites inside the same CMS families: the parser must not depend
on one exact template (div/br paragraphs, no wrapper, captions in tables, bylines in meta lines)."""
import pytest

from partyfacts.scraper.parse import Rejection, parse_article

P1 = "Ban Thường vụ Tỉnh ủy đã tổ chức hội nghị lần thứ 12 để cho ý kiến về dự thảo báo cáo chính trị trình đại hội đảng bộ tỉnh lần thứ XVII."
P2 = "Các đại biểu thống nhất đánh giá nhiệm kỳ qua kinh tế của tỉnh tăng trưởng khá, bình quân đạt 7,2% mỗi năm, thu ngân sách vượt 15% kế hoạch."
P3 = "Kết luận hội nghị, đồng chí Bí thư Tỉnh ủy yêu cầu tiếp thu đầy đủ ý kiến, hoàn thiện dự thảo trước ngày 30/6."
LEAD = "(BHG) - Sáng 3/6, Ban Thường vụ Tỉnh ủy họp cho ý kiến vào các văn kiện đại hội."
TITLE = "Hội nghị Ban Thường vụ Tỉnh ủy lần thứ 12"
# the lead's opening "(BHG) -" is the article's dateline (its own field), not words of its text
TEXT = "\n\n".join([LEAD.removeprefix("(BHG) - "), P1, P2, P3])

ARTICLES = {
    "tandan_div_br": ("http://a.gov.vn/portal/Pages/2019-6-3/Hoi-nghi-lan-thu-12.aspx", f"""<html><body><div id="s4-workspace">
<div class="header">Thứ Tư, 25/11/2026</div>
<div class="tandan-p-article"><h1 class="tandan-p-article-news-title">{TITLE}</h1>
<div class="tandan-info"><span class="tandan-span-date-publish">Đăng ngày 03/06/2019 15:30</span> <span>Lượt xem: 12</span></div>
<div class="tandan-p-article-main"><div class="ms-rtestate-field"><div><strong>{LEAD}</strong></div><div>{P1}<br><br>{P2}</div>
<div>&nbsp;</div><div>{P3}</div><div style="text-align:right"><b>Văn Tùng</b></div>
<div class="tinlienquan"><b>Tin liên quan:</b><a href="/x">Hội nghị khác của Tỉnh ủy</a></div></div></div>
<div class="tandan-other"><div>Các tin khác</div><ul><li><a href="/y">Hội nghị khác ngày 01/06/2019</a></li></ul></div>
</div></div></body></html>""", "2019-06-03T15:30:00+07:00", "Văn Tùng", ""),
    "liferay_no_wrapper": ("http://b.gov.vn/web/guest/tin-tuc/-/asset_publisher/Ab12/content/hoi-nghi-lan-12", f"""<html>
<head><script>Liferay.x=1</script></head><body><div class="portlet-boundary portlet-asset-publisher">
<h3 class="header-title">{TITLE}</h3><div class="asset-metadata"><span class="assetPublishDate">Ngày đăng: 03/06/2019 | 07:15 PM</span>
<span class="asset-view-count">Lượt xem: 345</span></div><div class="journal-content-article"><p><strong>{LEAD}</strong></p>
<p>{P1.encode("ascii", "xmlcharrefreplace").decode()}</p><p>{P2}</p><p>{P3}</p>
<p style="text-align: right;"><strong>Thu Trang</strong></p><p>Nguồn: Báo Hà Giang điện tử</p></div>
<div class="taglib-ratings">Đánh giá</div><div class="asset-links"><h4>Các tin khác</h4><ul><li><a href="/c">Tin khác của tỉnh</a></li></ul></div>
</div></body></html>""", "2019-06-03T19:15:00+07:00", "Thu Trang", "Báo Hà Giang điện tử"),
    "party_table_caption": ("http://baohg.vn/chinh-tri/hoi-nghi-lan-12-70123.html", f"""<html><body>
<h1 class="article__title cms-title">{TITLE}</h1><div class="article__meta"><span class="article__author cms-author">Văn Tùng</span>
<time>Thứ Hai, 03/06/2019 07:15</time></div><h2 class="article__sapo cms-desc">{LEAD}</h2><div class="article__body cms-body"><p>{P1}</p>
<table class="picture"><tr><td><img src="a.jpg"></td></tr><tr><td class="caption">Các đại biểu dự hội nghị. Ảnh: Văn Tùng</td></tr></table>
<p>{P2}</p><p><strong>Xem thêm: </strong><a href="/z-1.html">Tin Z liên quan</a></p><p>{P3}</p><p style="text-align:right">Nguồn: TTXVN</p></div>
<div class="article__tag">Từ khóa: Tỉnh ủy</div></body></html>""", "2019-06-03T07:15:00+07:00", "Văn Tùng", "TTXVN"),
    "wordpress_h2_title_and_logo_h1": ("http://dangbo.example.vn/2019/06/03/hoi-nghi-ban-thuong-vu-lan-12/", f"""<html>
<head><link rel="stylesheet" href="/wp-content/themes/a.css"></head><body class="single single-post">
<header><h1 class="site-title"><a href="/">Đảng bộ xã</a></h1></header><article class="post type-post">
<h2 class="entry-title">{TITLE}</h2><div class="entry-meta">Đăng ngày <time class="entry-date published"
datetime="2019-06-03T07:15:00+07:00">03/06/2019</time> bởi admin</div><div class="entry-content"><p>{LEAD}</p><p>{P1}</p><p>{P2}</p>
<p>{P3}</p><div class="sharedaddy"><h3>Chia sẻ:</h3></div><p>Chia sẻ:</p></div>
<nav class="post-navigation"><a href="/p">Bài trước: Tin trước</a></nav></article></body></html>""", "2019-06-03T07:15:00+07:00", "", ""),
}


@pytest.mark.parametrize("name", list(ARTICLES))
def test_family_layout_variant_parses_exactly(name):
    url, html, published, author, source = ARTICLES[name]
    art = parse_article(url, html.encode(), {})
    assert not isinstance(art, Rejection), str(art)
    assert (art.title, art.published.isoformat(), art.text) == (TITLE, published, TEXT)
    assert (art.author, art.source) == (author, source)
    assert art.dateline == "(BHG) -" and "(BHG) -" in art.full_text()


NON_ARTICLES = {
    "wordpress static page": ("http://dangbo.example.vn/gioi-thieu/", f"""<html><head><link rel="stylesheet"
href="/wp-content/themes/a.css"></head><body class="page-template-default page"><article class="page type-page">
<h1 class="entry-title">Giới thiệu</h1><div class="entry-content"><p>{P1}</p><p>{P2}</p></div></article></body></html>""",
                              "not an article page"),
    "sharepoint static page": ("http://c.gov.vn/Pages/gioi-thieu.aspx", f"""<html><head><script>var _spPageContextInfo={{}};
</script></head><body><div class="ms-webpart-zone"><h1>Giới thiệu chung</h1><div class="ms-rtestate-field"><p>{P1}</p><p>{P2}</p>
</div></div></body></html>""", "no publication date"),
}


@pytest.mark.parametrize("name", list(NON_ARTICLES))
def test_static_pages_are_not_articles(name):
    url, html, reason = NON_ARTICLES[name]
    res = parse_article(url, html.encode(), {})
    assert isinstance(res, Rejection) and reason in res.reason


def test_headline_is_the_unlinked_title_before_the_body_not_a_sidebar_teaser():
    teasers = "".join(f'<h3 class="asset-title"><a href="/web/guest/tin-tuc/-/asset_publisher/X/content/khac-{i}">'
                      f'Tin khác số {i} của tỉnh</a></h3><span class="assetPublishDate">0{i}/05/2019 | 08:00 AM</span>'
                      for i in range(1, 5))
    html = (f'<html><head><script>Liferay.x=1</script></head><body><div class="col-left">{teasers}</div>'
            f'<div class="portlet-asset-publisher"><h3 class="asset-title">{TITLE}</h3>'
            f'<span class="assetPublishDate">03/06/2019 | 07:15 PM</span><span>Lượt xem: 345</span>'
            f'<div class="journal-content-article"><p>{LEAD}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></body></html>')
    art = parse_article("http://b.gov.vn/web/guest/tin-tuc/-/asset_publisher/Ab12/content/hoi-nghi-lan-12", html.encode(), {})
    assert not isinstance(art, Rejection), str(art)
    assert art.title == TITLE and art.published.isoformat() == "2019-06-03T19:15:00+07:00" and art.text == TEXT


def test_section_page_with_intro_text_and_unknown_teaser_classes_is_a_listing():
    teasers = "".join(f'<div class="news-item"><a href="/portal/Pages/2019-6-{i}/Hoi-nghi-chuyen-de-so-{i}.aspx">'
                      f'Hội nghị chuyên đề số {i} của Ban Thường vụ Tỉnh ủy</a><span>0{i}/06/2019</span></div>'
                      for i in range(1, 9))
    html = (f'<html><body><div id="s4-workspace"><h1>Tin tức - Sự kiện</h1><div class="ms-rtestate-field"><p>Chuyên mục '
            f'cập nhật tin tức về hoạt động lãnh đạo, chỉ đạo của Tỉnh ủy, HĐND, UBND tỉnh và các địa phương.</p></div>'
            f'<div class="list">{teasers}</div></div></body></html>')
    res = parse_article("http://a.gov.vn/portal/Pages/Tin-tuc-su-kien.aspx", html.encode(), {})
    assert isinstance(res, Rejection) and "listing page" in res.reason
