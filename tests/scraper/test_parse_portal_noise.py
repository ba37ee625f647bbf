"""Portal noise the unseen sites showed (tests/data/sites_unseen/): site banners, teaser dates, static pages,
inline related boxes, signatures, site-name-only <title>s, unnamed sapos, unknown themes. Each test pins one
rule of scraper/parse.py on a small page."""
from partyfacts.scraper.parse import Rejection, parse_article

TITLE = "Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm tại huyện Yên Sơn"
LEAD = "Ngày 3/6, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm."
P1 = ("Theo báo cáo, 6 tháng đầu năm, các cấp ủy đã tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ các nhiệm vụ chính trị; "
      "công tác giáo dục chính trị tư tưởng được chú trọng.")
P2 = ("Toàn Đảng bộ đã kết nạp 127 đảng viên mới, đạt 63,5% chỉ tiêu năm; công tác kiểm tra, giám sát được thực hiện "
      "theo đúng kế hoạch.")
P3 = ("Phát biểu chỉ đạo hội nghị, đồng chí Bí thư Huyện ủy đề nghị các cấp ủy tiếp tục đổi mới phương thức lãnh đạo, "
      "nâng cao chất lượng sinh hoạt chi bộ.")
BANNER = ('<table class="header-table"><tr><td><h1 class="site-name">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN YÊN SƠN</h1></td>'
          '<td>Thứ Tư, 25/11/2026</td></tr></table>')
SIDEBAR = ('<div class="col-right"><div class="block-title">Tin tiêu điểm</div><ul>'
           '<li><a href="/Lists/TinTuc/View_Detail.aspx?ItemID=9">Khởi công tuyến đường liên xã dài 12 km ở huyện</a> '
           '<span class="date">(01/01/2018)</span></li>'
           '<li><a href="/Lists/TinTuc/View_Detail.aspx?ItemID=8">Trao Huy hiệu 50 năm tuổi Đảng cho đảng viên</a> '
           '<span class="date">(02/01/2018)</span></li></ul></div>')
SP_HEAD = '<script>var _spPageContextInfo={};</script>'


def sp_page(title_tag: str, inner: str) -> bytes:
    return (f'<html><head><title>{title_tag}</title>{SP_HEAD}</head><body><div id="s4-bodyContainer">{BANNER}'
            f'<table><tr><td>{inner}</td><td>{SIDEBAR}</td></tr></table>'
            f'<div id="footer">Giấy phép số 45/GP-TTĐT ngày 12/3/2018</div></div></body></html>').encode()


def sp_article(title_tag=TITLE, lead_cls="tomtat", tail=""):
    return sp_page(title_tag, f'<table><tr><td class="tieude">{TITLE}</td></tr><tr><td class="ngaydang">Ngày đăng: '
                   f'03/06/2019 09:30</td></tr><tr><td class="{lead_cls}"><b>{LEAD}</b></td></tr><tr><td>'
                   f'<div class="ms-rtestate-field"><p>{P1}</p><p>{P2}</p><p>{P3}</p>{tail}</div></td></tr></table>')


URL = "http://yenson.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID=37"


def test_site_banner_heading_is_not_taken_for_the_headline():
    art = parse_article(URL, sp_article(), {})
    assert art.title == TITLE
    assert art.published.isoformat() == "2019-06-03T09:30:00+07:00"


def test_headline_found_when_the_title_tag_is_only_the_site_name():
    art = parse_article(URL, sp_article(title_tag="Cổng thông tin điện tử huyện Yên Sơn"), {})
    assert art.title == TITLE


def test_dates_of_teaser_items_and_the_footer_licence_are_not_the_publication_date():
    page = sp_page(TITLE, f'<h2 class="tieude">{TITLE}</h2><div class="ms-rtestate-field"><p>{P1}</p><p>{P2}</p></div>')
    res = parse_article("http://yenson.gov.vn/Pages/bai-viet-gioi-thieu-ve-huyen-yen-son.aspx", page, {})
    assert isinstance(res, Rejection) and "no publication date" in res.reason


def test_sapo_in_an_unnamed_block_between_headline_and_body_is_the_lead():
    art = parse_article(URL, sp_article(lead_cls="description"), {})
    assert art.text == "\n\n".join([LEAD, P1, P2, P3])


def test_tin_anh_signature_is_the_author_not_an_image_caption():
    art = parse_article(URL, sp_article(tail='<p style="text-align:right"><strong>Tin, ảnh: Ngọc Lan</strong></p>'), {})
    assert art.author == "Ngọc Lan" and "Ngọc Lan" not in art.text


def test_name_with_source_in_brackets_gives_author_and_source():
    art = parse_article(URL, sp_article(tail='<div style="text-align:right"><b>Thanh Tùng</b> (Nguồn: Báo Tuyên Quang)</div>'), {})
    assert (art.author, art.source) == ("Thanh Tùng", "Báo Tuyên Quang")
    assert art.text.endswith(P3)


def test_inline_related_box_inside_the_body_does_not_end_the_article():
    box = ('<table><tr><td><p><strong>Tin liên quan</strong></p><p>- <a href="/a-21001.html">Khởi công tuyến đường liên xã '
           'dài 12 km</a></p><p>- <a href="/b-21002.html">Trao Huy hiệu 50 năm tuổi Đảng</a></p></td></tr></table>')
    page = (f'<html><head><title>{TITLE}</title></head><body><h1 class="article__title cms-title">{TITLE}</h1>'
            f'<time>Thứ Hai, 03/06/2019 07:15</time><div class="article__sapo">{LEAD}</div>'
            f'<div class="article__body cms-body"><p>{P1}</p>{box}<p>{P2}</p><p>{P3}</p></div>'
            f'<section><h2>Các tin khác</h2><h3 class="story__heading"><a class="cms-link" href="/c-21003.html">Tin khác '
            f'của tỉnh trong tuần</a></h3></section></body></html>').encode()
    art = parse_article("http://baodaknong.vn/chinh-tri/hoi-nghi-so-ket-21000.html", page, {})
    assert art.text == "\n\n".join([LEAD, P1, P2, P3])


def test_article_beside_many_sidebar_teasers_on_an_unusual_url_is_still_an_article():
    teasers = "".join(f'<div class="story"><h3 class="story__heading"><a class="cms-link" href="/tin-so-{k}-2100{k}.html">'
                      f'Tin thứ {k} của báo trong chuyên mục chính trị</a></h3></div>' for k in range(8))
    page = (f'<html><head><title>{TITLE}</title></head><body><h1 class="article__title cms-title">{TITLE}</h1>'
            f'<time>Thứ Hai, 03/06/2019 07:15</time><div class="article__sapo">{LEAD}</div>'
            f'<div class="article__body cms-body"><p>{P1}</p><p>{P3}</p></div><aside>{teasers}</aside></body></html>').encode()
    art = parse_article("http://baodaknong.vn/hoi-nghi-so-ket-xay-dung-dang-post480001.html", page, {})
    assert not isinstance(art, Rejection), art
    assert art.title == TITLE


def test_unknown_wordpress_theme_container_falls_back_to_the_generic_extractor():
    page = (f'<html><head><title>{TITLE} - Đảng bộ huyện</title><meta name="generator" content="WordPress 6.4">'
            f'<link rel="stylesheet" href="/wp-content/themes/x/style.css"></head><body class="single single-post">'
            f'<div class="khung-bai"><h1 class="tieu-de-bai">{TITLE}</h1><span class="ngay">03/06/2019 09:30</span>'
            f'<div class="noi-dung-bai"><p><strong>{LEAD}</strong></p><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div>'
            f'<div class="widget"><h3>Bài viết mới</h3><ul><li><a href="/a/">Khởi công tuyến đường liên xã dài 12 km</a></li>'
            f'<li><a href="/b/">Trao Huy hiệu 50 năm tuổi Đảng cho đảng viên</a></li>'
            f'<li><a href="/c/">Hội nghị giao ban công tác tuyên giáo quý II</a></li></ul></div></body></html>').encode()
    art = parse_article("http://dangbo.example.vn/hoi-nghi-so-ket-xay-dung-dang/", page, {})
    assert not isinstance(art, Rejection), art
    assert art.title == TITLE and P2 in art.text and "Khởi công" not in art.text
