"""Each CMS family's fixture pages parse to exactly the article written into them, and its
non-article pages are rejected with a reason."""
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sitekit import FAMILIES, SITES

from partyfacts.scraper.parse import Rejection, parse_article, parse_html_file

BASE = "http://portal.example.gov.vn"


def _cases():
    for fam in FAMILIES:
        exp = json.loads((SITES / fam / "expected.json").read_text("utf-8"))
        routes = json.loads((SITES / fam / "routes.json").read_text("utf-8"))["routes"]
        for a in exp["articles"]:
            yield pytest.param(fam, a, routes[a["path"]], exp["must_not_contain"], id=f"{fam}:{a['path'][-30:]}")


def _iso(published):
    return published.isoformat() if published is not None else None


@pytest.mark.parametrize("family,want,filename,must_not", list(_cases()))
def test_article_page_parses_to_its_title_date_body_author_and_source(family, want, filename, must_not):
    raw = (SITES / family / filename).read_bytes()
    art = parse_article(BASE + want["path"], raw, {"Content-Type": "text/html"})
    assert not isinstance(art, Rejection), str(art)
    assert art.title == want["title"]
    assert _iso(art.published) == want["published"]
    assert art.text == "\n\n".join([want["lead"], *want["paragraphs"]])
    assert art.author == want["author"] and art.source == want["source"]
    for s in must_not:
        assert s not in art.text, s
    assert art.profile == family
    assert len(art.content_hash) == 64


def _non_articles():
    for fam in FAMILIES:
        exp = json.loads((SITES / fam / "expected.json").read_text("utf-8"))
        routes = json.loads((SITES / fam / "routes.json").read_text("utf-8"))["routes"]
        for p in exp["non_articles"]:
            if p in routes:
                yield pytest.param(fam, p, routes[p], id=f"{fam}:{p[-40:]}")


@pytest.mark.parametrize("family,path,filename", list(_non_articles()))
def test_home_listing_tag_and_search_pages_are_rejected_with_a_reason(family, path, filename):
    res = parse_article(BASE + path, (SITES / family / filename).read_bytes(), {})
    assert isinstance(res, Rejection)
    assert res.reason and any(w in res.reason for w in ("home page", "listing", "no article body", "search"))


def test_windows_1258_article_keeps_its_vietnamese():
    exp = json.loads((SITES / "tandan" / "expected.json").read_text("utf-8"))
    a = next(x for x in exp["articles"] if x["encoding"] == "cp1258")
    raw = (SITES / "tandan" / "article2.html").read_bytes()
    art = parse_article(BASE + a["path"], raw, {})
    assert art.encoding == "cp1258" and art.title == a["title"]


def test_truncated_html_still_gives_the_paragraphs_it_has():
    raw = (SITES / "party_newspaper" / "article1.html").read_bytes()
    cut = raw[: raw.index("Theo báo cáo".encode()) + 200]
    art = parse_article(BASE + "/chinh-tri/bai-viet-12345.html", cut, {})
    assert not isinstance(art, Rejection)
    assert art.text.startswith("Sáng 3/6") and "Theo báo cáo" in art.text


def test_boilerplate_lines_inside_a_body_are_dropped_and_byline_becomes_author():
    html = ("<html><body><h1 class='article__title cms-title'>Huyện ủy quán triệt nghị quyết</h1><div class='article__body cms-body'>"
            "<p>Chiều 5/7, Huyện ủy tổ chức hội nghị học tập, quán triệt các nghị quyết của Trung ương cho cán bộ chủ chốt.</p>"
            "<p>Lượt xem: 2.345</p><p>In bài viết | Gửi email</p><p>Tags: xây dựng Đảng</p>"
            "<p>Hội nghị diễn ra trong một ngày với sự tham gia của 250 đại biểu là bí thư chi bộ, đảng bộ cơ sở.</p>"
            "<p>Trần Văn Bình</p><p>Nguồn: Báo Tuyên Quang</p>"
            "<p>Các tin đã đưa ngày:</p><p><a href='/a-1.html'>Tin khác hoàn toàn không liên quan</a></p>"
            "</div></body></html>").encode()
    art = parse_article(BASE + "/chinh-tri/hoi-nghi-12399.html", html, {})
    assert art.text.splitlines()[0].startswith("Chiều 5/7")
    for s in ("Lượt xem", "In bài viết", "Tags", "Các tin đã đưa ngày", "Tin khác hoàn toàn", "Nguồn", "Trần Văn Bình"):
        assert s not in art.text
    assert art.author == "Trần Văn Bình" and art.source == "Báo Tuyên Quang"


def test_short_stub_page_is_rejected_as_too_short():
    html = "<html><body><h1 class='article__title cms-title'>Thông báo</h1><div class='article__body cms-body'><p>Đang cập nhật.</p></div></body></html>"
    res = parse_article(BASE + "/thong-bao-12399.html", html.encode(), {})
    assert isinstance(res, Rejection) and "too short" in res.reason


def test_parse_html_file_extracts_without_the_article_decision():
    raw = (SITES / "wordpress" / "article1.html").read_bytes()
    art = parse_html_file("file:///tmp/bai.html", raw)
    assert art.title.startswith("Thành ủy tổng kết") and art.site == "local"


def test_liferay_category_page_with_an_intro_web_content_is_a_listing():
    teasers = "".join(f'<div class="asset-abstract"><h3 class="asset-title"><a href="/web/guest/tin-tuc/-/asset_publisher/X/content/bai-{i}">'
                      f'Hội nghị cán bộ chủ chốt lần thứ {i} bàn về công tác cán bộ của tỉnh</a></h3></div>' for i in range(8))
    html = (f'<html><body><div class="portlet-boundary"><div class="journal-content-article"><p>Chuyên mục đăng tải tin tức '
            f'về hoạt động của Tỉnh ủy, HĐND, UBND tỉnh và các sở, ban, ngành, địa phương trên địa bàn tỉnh.</p></div>'
            f'<div class="portlet-asset-publisher">{teasers}</div></div></body></html>')
    res = parse_article(BASE + "/web/guest/hoat-dong-chi-dao", html.encode(), {})
    assert isinstance(res, Rejection) and "listing page" in res.reason


def test_generic_layout_takes_the_headline_not_the_logo_h1():
    body = "".join(f"<p>Đoạn {i}: Ban Thường vụ Huyện ủy đã chỉ đạo các chi bộ triển khai kế hoạch kiểm tra, giám sát năm 2024 "
                   f"bảo đảm đúng quy định của Điều lệ Đảng.</p>" for i in range(4))
    html = ("<html><head><title>Huyện ủy triển khai kế hoạch kiểm tra, giám sát năm 2024 - Huyện ủy Bắc Mê</title></head><body>"
            "<div class='top'>Thứ Tư, 25/11/2026</div><h1 class='logo'>Huyện ủy Bắc Mê</h1><div class='box'>"
            "<h2 class='tieu-de'>Huyện ủy triển khai kế hoạch kiểm tra, giám sát năm 2024</h2><span>10/01/2024 08:00</span>"
            f"<div class='noi-dung'>{body}</div></div></body></html>")
    art = parse_article(BASE + "/tin-tuc/chi-tiet/kiem-tra-giam-sat-2024.htm", html.encode(), {})
    assert not isinstance(art, Rejection), str(art)
    assert art.profile == "generic"
    assert art.title == "Huyện ủy triển khai kế hoạch kiểm tra, giám sát năm 2024"
    assert art.published.isoformat() == "2024-01-10T08:00:00+07:00"
