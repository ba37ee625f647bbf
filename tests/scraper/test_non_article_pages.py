"""Pages printed like news that are not articles (work schedules, document records, data tables), an
ASP.NET web part that names its fields in Vietnamese, and share links the crawler must not follow."""
from bs4 import BeautifulSoup

from partyfacts.scraper.discover import links_of
from partyfacts.scraper.parse import Rejection, parse_article

PARA = ("Ủy ban nhân dân huyện vừa tổ chức hội nghị sơ kết công tác sáu tháng đầu năm, đánh giá kết quả thực hiện "
        "các chỉ tiêu kinh tế, xã hội và bàn giải pháp cho những tháng cuối năm. ")


def page(title: str, body: str, extra: str = "") -> bytes:
    return f"""<html><head><title>{title}</title></head><body><div id="menu"><a href="/">Trang chủ</a></div>
<h1 class="title">{title}</h1><div class="date">Thứ Hai, 03/06/2019 07:15</div>
<div class="article-content">{body}</div>{extra}</body></html>""".encode()


def test_a_page_titled_as_a_work_schedule_is_not_an_article():
    r = parse_article("http://x.gov.vn/tin-tuc/lich-cong-tac-tuan-23.html",
                      page("Lịch công tác tuần 23 của Thường trực Huyện ủy", "<p>" + PARA * 2 + "</p>"))
    assert isinstance(r, Rejection) and "schedule" in r.reason


def test_a_record_of_a_legal_document_is_not_an_article():
    rows = "".join(f"<p>{k}: {v}</p>" for k, v in [("Số ký hiệu", "45/2024/QĐ-UBND"), ("Ngày ban hành", "08/04/2024"),
                                                    ("Người ký", "Nguyễn Văn Bình"), ("Trích yếu", PARA)])
    r = parse_article("http://x.gov.vn/van-ban/chi-tiet-45.html", page("Quy định quản lý cụm công nghiệp", rows))
    assert isinstance(r, Rejection) and "document record" in r.reason


def test_an_article_that_mentions_a_document_number_in_prose_stays_an_article():
    body = "<p>" + PARA + "</p><p>Số ký hiệu của quyết định là 45/QĐ-UBND. " + PARA + "</p>"
    r = parse_article("http://x.gov.vn/tin-tuc/so-ket-123.html", page("Sơ kết công tác sáu tháng đầu năm", body))
    assert not isinstance(r, Rejection), r


def test_a_body_that_is_a_data_table_with_little_running_text_is_not_an_article():
    rows = "".join(f"<tr><td>Thứ {d}</td><td>8h00: Giao ban, làm việc với các phòng chuyên môn</td><td>Phòng họp 1</td></tr>"
                   for d in ("Hai", "Ba", "Tư", "Năm", "Sáu"))
    r = parse_article("http://x.gov.vn/tin-tuc/chuong-trinh-tuan-23.html",
                      page("Chương trình tuần 23 của Ban Thường vụ", f"<table>{rows}</table><p>Lịch có thể thay đổi.</p>"))
    assert isinstance(r, Rejection) and "data table" in r.reason


def test_an_article_laid_out_in_a_one_cell_table_stays_an_article():
    body = f"<table><tr><td><p>{PARA}</p><p>{PARA}</p></td></tr></table>"
    r = parse_article("http://x.gov.vn/tin-tuc/so-ket-124.html", page("Sơ kết công tác sáu tháng đầu năm", body))
    assert not isinstance(r, Rejection), r


def test_a_sharepoint_web_part_with_vietnamese_field_ids_gives_title_date_lead_body_and_byline():
    g = "ctl00_ctl30_g_1a2b_ctl00"
    html = f"""<html><head><meta name="GENERATOR" content="Microsoft SharePoint"/><title>Hội nghị sơ kết sáu tháng</title></head>
<body><div id="s4-bodyContainer"><div class="ms-webpart-zone"><h2 class="ms-webpart-titleText">Liên kết website</h2>
<p>Đang trực tuyến: 215</p><div class="ms-WPBody"><table>
<tr><td><span id="{g}_lblTieuDe">Hội nghị sơ kết sáu tháng</span></td></tr>
<tr><td><span id="{g}_lblNgayDang">(03/06/2019 2:15 CH)</span></td></tr>
<tr><td><span id="{g}_lblTomTat">Sáng nay, huyện tổ chức hội nghị sơ kết.</span></td></tr>
<tr><td><div id="{g}_divNoiDung"><p>{PARA}</p><p>{PARA}</p></div></td></tr>
<tr><td><span id="{g}_lblTacGia">Minh Hằng</span> <span id="{g}_lblNguon">Nguồn: Báo Nam Thạnh</span></td></tr>
</table></div></div></div></body></html>""".encode()
    r = parse_article("http://x.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID=5", html)
    assert not isinstance(r, Rejection), r
    assert r.title == "Hội nghị sơ kết sáu tháng"
    assert r.published.isoformat() == "2019-06-03T14:15:00+07:00"
    assert r.text.startswith("Sáng nay, huyện tổ chức hội nghị sơ kết.") and "Đang trực tuyến" not in r.text
    assert (r.author, r.source) == ("Minh Hằng", "Báo Nam Thạnh")


def test_wordpress_share_and_reply_links_are_not_followed():
    soup = BeautifulSoup("""<a href="/2024/03/12/bai-viet/?share=facebook">Facebook</a>
<a href="/2024/03/12/bai-viet/?replytocom=12#respond">Trả lời</a><a href="/2024/03/13/bai-khac/">Bài khác</a>""", "lxml")
    links = links_of(soup, "http://x.vn/2024/03/12/bai-viet/", "x.vn", None)
    every = links.articles + links.pages + links.pagination
    assert every == ["http://x.vn/2024/03/13/bai-khac/"]


def test_an_unknown_table_layout_reads_from_the_headline_without_counters_credits_tools_or_signature():
    html = f"""<html><head><title>Hội nghị sơ kết sáu tháng đầu năm</title></head><body><table width="100%">
<tr><td><p>Đang trực tuyến: 215</p></td></tr>
<tr><td><span id="ctl00_lblHeadline" class="headline">Hội nghị sơ kết sáu tháng đầu năm</span></td></tr>
<tr><td><span id="ctl00_lblPostDate">(03/06/2019 2:15 CH)</span></td></tr>
<tr><td><div id="ctl00_ltrContent"><p>{PARA}</p><p>Quang cảnh hội nghị. (Ảnh: Đức Anh)</p><p>{PARA}</p></div></td></tr>
<tr><td>Bích Ngọc - Nguồn: Báo Nam Thạnh</td></tr>
<tr><td><a href="javascript:print()">In bài viết</a> <a href="mailto:?x">Gửi cho bạn bè</a></td></tr></table></body></html>"""
    r = parse_article("http://x.gov.vn/chi-tiet.aspx?id=7", html.encode())
    assert not isinstance(r, Rejection), r
    assert r.title == "Hội nghị sơ kết sáu tháng đầu năm"
    assert r.published.isoformat() == "2019-06-03T14:15:00+07:00"
    assert r.text.startswith("Ủy ban nhân dân huyện")
    for junk in ("Đang trực tuyến", "Ảnh: Đức Anh", "In bài viết", "Nguồn:", "Bích Ngọc"):
        assert junk not in r.text, junk
    assert (r.author, r.source) == ("Bích Ngọc", "Báo Nam Thạnh")


def test_a_signature_names_the_author_when_the_byline_is_a_cms_account():
    html = f"""<html><head><title>Sơ kết công tác sáu tháng</title></head><body>
<article class="post type-post hentry"><header class="entry-header"><h1 class="entry-title">Sơ kết công tác sáu tháng</h1>
<div class="entry-meta"><time class="entry-date published" datetime="2019-06-03T07:15:00+07:00">03/06/2019</time>
<span class="byline"> bởi <span class="author vcard"><a href="/author/admin/">Ban biên tập</a></span></span></div></header>
<div class="entry-content"><p>{PARA}</p><p>{PARA}</p><p style="text-align: right;"><strong>Thu Trang</strong></p></div></article>
</body></html>"""
    r = parse_article("http://x.vn/2019/06/03/so-ket/", html.encode())
    assert not isinstance(r, Rejection), r
    assert r.author == "Thu Trang" and "Thu Trang" not in r.text


def test_an_emagazine_story_loses_its_pull_quote_and_production_credits_and_names_its_writer():
    html = f"""<html><head><title>Đổi thay ở vùng cao</title></head><body><div class="emagazine">
<h1 class="e-title">Đổi thay ở vùng cao</h1><div class="e-meta">Thứ Hai, 03/06/2019 07:15</div>
<div class="e-body"><p>{PARA}</p><blockquote><p>“Ủy ban nhân dân huyện vừa tổ chức hội nghị sơ kết công tác”</p></blockquote>
<p>{PARA}</p><p>Nội dung: Văn Toàn</p><p>Ảnh: Tuấn Minh</p><p>Trình bày: Hải Yến</p></div></div></body></html>"""
    r = parse_article("http://bao.vn/emagazine/doi-thay-o-vung-cao-123.html", html.encode())
    assert not isinstance(r, Rejection), r
    assert r.author == "Văn Toàn"
    for junk in ("“", "Trình bày", "Tuấn Minh", "Nội dung:"):
        assert junk not in r.text, junk


def test_a_sharepoint_item_link_with_a_return_url_is_the_same_page():
    from partyfacts.scraper.urls import canonical_url
    a = canonical_url("http://a.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID=5&Source=http%3A%2F%2Fa.gov.vn%2FPages%2Fdefault.aspx")
    b = canonical_url("http://a.gov.vn/Lists/TinTuc/View_Detail.aspx?ContentTypeId=0x0100AB&ItemID=5")
    assert a == b == "http://a.gov.vn/Lists/TinTuc/View_Detail.aspx?ItemID=5"
