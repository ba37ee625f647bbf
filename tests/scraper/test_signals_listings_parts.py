"""Issue 14 on the page: the title and date the page's signals agree on (not the first selector that
matches, not a related-news block), listings rejected whatever their URL, and the parts of an article
that carry facts (lead, captions, byline, dateline, source line) kept in their fields with one text and
its field offsets. Fixture sites: tests/scraper/sites14 (make_sites14.py)."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from unseen_quality import families, measure

from partyfacts.scraper import MemoryState, Rejection, crawl, parse_article
from partyfacts.scraper.extract.consensus import choose_date, choose_title, in_related_block, strip_site_name
from partyfacts.scraper.fetch import Fetcher
from partyfacts.scraper.types import Article
from partyfacts.scraper.urls import canonical_url
from sitekit import fast_config

SITES14 = Path(__file__).resolve().parent / "sites14"


def _page(family: str, name: str) -> bytes:
    return (SITES14 / family / name).read_bytes()


def _expected(family: str) -> dict:
    return json.loads((SITES14 / family / "expected.json").read_text("utf-8"))


@pytest.mark.parametrize("family", families(SITES14))
def test_crawl_of_the_issue14_sites_gets_every_title_and_date_and_stores_no_listing(family):
    q = measure(family, root=SITES14)
    assert (q.found, q.titles, q.dates) == (1.0, 1.0, 1.0), "\n".join(q.problems)
    assert q.non_articles_stored == 0 and q.duplicates == 0 and q.boilerplate == 0, "\n".join(q.problems)
    assert q.body_f1 >= 0.99


def test_title_class_reused_by_a_related_news_block_is_not_the_title():
    a = _expected("party_newspaper")["articles"][0]
    art = parse_article("http://baohoason.vn" + a["path"], _page("party_newspaper", "a1.html"))
    assert art.title == a["title"]
    assert art.published.isoformat() == a["published"]  # not the date of a related item printed earlier


def test_headline_printed_only_in_title_beats_category_and_related_h1s():
    a = _expected("party_newspaper")["articles"][1]
    art = parse_article("http://baohoason.vn" + a["path"], _page("party_newspaper", "a2.html"))
    assert art.title == a["title"]
    assert art.published.isoformat() == "2024-03-14"  # "ngày 14 tháng 3 năm 2024", not a "Tin cùng chuyên mục" date


def test_profile_selector_no_other_signal_confirms_loses_to_the_confirmed_heading():
    html = """<html><head><title>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15 - Cổng thông tin tỉnh</title>
    <meta property="og:title" content="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15"></head><body>
    <p class="news-title">Thông báo tuyển dụng viên chức năm 2024 của Sở Y tế</p>
    <h1>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15</h1><div class="body"><p>Nội dung.</p></div></body></html>"""
    soup = BeautifulSoup(html, "lxml")
    wrong = soup.select_one(".news-title")
    el, text, why = choose_title(soup, wrong, wrong.get_text(), url="http://x.vn/tin/12345", body=soup.select_one(".body"))
    assert text == "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15" and el is soup.h1
    assert why.startswith("h1") and "agrees with og" in why


def test_profile_selector_confirmed_by_another_signal_keeps_its_place():
    html = """<html><head><title>Sở Y tế tuyển dụng viên chức năm 2024</title></head><body>
    <h1>Tin tức - Sự kiện của Sở Y tế tỉnh</h1><p class="news-title">Sở Y tế tuyển dụng viên chức năm 2024</p>
    <div class="body"><p>Nội dung.</p></div></body></html>"""
    soup = BeautifulSoup(html, "lxml")
    sel = soup.select_one(".news-title")
    el, text, why = choose_title(soup, sel, sel.get_text(), url="http://x.vn/tin/12345", body=soup.select_one(".body"))
    assert el is sel and why.startswith("profile")


def test_the_winning_title_is_logged_at_debug_with_its_reasons(caplog):
    a = _expected("tandan")["articles"][0]
    with caplog.at_level(logging.DEBUG, logger="partyfacts.scraper.extract.consensus"):
        parse_article("http://hoason.gov.vn" + a["path"], _page("tandan", "a3.html"))
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("title ")]
    assert lines and a["title"] in lines[-1] and "agrees with slug" in lines[-1]


def test_site_name_is_stripped_from_the_page_title_on_either_side():
    assert strip_site_name("Hội nghị Tỉnh ủy lần thứ 15 - Cổng thông tin điện tử tỉnh Hòa Sơn") == \
        "Hội nghị Tỉnh ủy lần thứ 15"
    assert strip_site_name("Báo Hòa Sơn | Hội nghị Tỉnh ủy lần thứ 15") == "Hội nghị Tỉnh ủy lần thứ 15"
    assert strip_site_name("Ổn định - phát triển kinh tế xã hội năm 2024") == "Ổn định - phát triển kinh tế xã hội năm 2024"


def test_elements_after_a_tin_lien_quan_heading_or_in_an_aside_are_in_a_related_block():
    soup = BeautifulSoup("""<div><h3>Tin liên quan</h3><ul><li><span id="d">10/03/2024</span></li></ul></div>
    <aside><h2 id="s">Một tiêu đề</h2></aside><div class="content"><p id="p">Đoạn văn.</p></div>""", "lxml")
    assert "Tin liên quan" in in_related_block(soup.find(id="d"))
    assert in_related_block(soup.find(id="s")) == "inside <aside>"
    assert in_related_block(soup.find(id="p")) == ""


def test_a_date_two_signals_agree_on_beats_the_date_finders_choice():
    from datetime import date
    soup = BeautifulSoup("""<html><head><meta property="article:published_time" content="2024-03-12T08:00:00+07:00">
    </head><body></body></html>""", "lxml")
    d, why = choose_date(date(2024, 3, 8), soup=soup, url_date=date(2024, 3, 12))
    assert d.isoformat().startswith("2024-03-12") and "2 signals agree" in why
    d, _ = choose_date(date(2024, 3, 8), soup=soup)  # one signal against it is not enough
    assert d == date(2024, 3, 8)


@pytest.mark.parametrize("family,path", [("party_newspaper", "/xay-dung-dang-10245.html"),
                                         ("wordpress", "/2024/03/01/hoat-dong-cua-lanh-dao-huyen-uy-nam-2024/")])
def test_category_page_with_long_teasers_at_an_article_like_url_is_a_listing(family, path):
    res = parse_article("http://hoason.vn" + path, _page(family, "listing.html"))
    assert isinstance(res, Rejection) and res.reason.startswith("listing page: ")
    assert "repeated teaser items" in res.reason


def test_an_article_with_an_inline_related_list_is_not_a_listing():
    a = _expected("party_newspaper")["articles"][0]
    art = parse_article("http://baohoason.vn" + a["path"], _page("party_newspaper", "a1.html"))
    assert not isinstance(art, Rejection)


def test_captions_byline_dateline_and_lead_are_kept_in_their_fields_not_in_the_body():
    a = _expected("party_newspaper")["articles"][0]
    art = parse_article("http://baohoason.vn" + a["path"], _page("party_newspaper", "a1.html"))
    assert art.captions == (a["caption"],)
    assert art.byline == "Minh Hà" and art.author == "Minh Hà"
    assert art.dateline == "Thứ Ba, 12/03/2024 08:30"
    assert art.lead == a["lead"] and art.text.startswith(a["lead"])
    assert a["caption"] not in art.text and "Minh Hà" not in art.body


def test_full_text_joins_the_parts_and_field_spans_say_which_part_an_offset_is_in():
    a = _expected("party_newspaper")["articles"][0]
    art = parse_article("http://baohoason.vn" + a["path"], _page("party_newspaper", "a1.html"))
    full = art.full_text()
    spans = art.field_spans()
    assert [s.field for s in spans] == ["title", "dateline", "lead", "body", "caption", "byline"]
    for s in spans:
        part = {"title": art.title, "lead": art.lead, "body": art.body, "caption": art.captions[s.index],
                "byline": art.byline, "dateline": art.dateline}[s.field]
        assert full[s.start:s.end] == part
    name = full.index("Nguyễn Văn Hùng, Ủy viên Ban Thường vụ")
    assert art.field_at(name).field == "body"
    assert art.field_at(full.index("Ảnh: Minh Hà")).field == "caption"
    assert art.field_at(spans[0].end) is None  # the blank line between parts


def test_full_text_of_an_article_without_extra_parts_is_title_and_text():
    art = Article(url="u", canonical_url="u", site="s", title="Tiêu đề", published=None, text="Đoạn một.\n\nĐoạn hai.")
    assert art.full_text() == "Tiêu đề\n\nĐoạn một.\n\nĐoạn hai."
    assert [s.field for s in art.field_spans()] == ["title", "body"]


def test_crawl_stores_the_article_parts(serve):
    site = serve("party_newspaper", root=SITES14)
    state = MemoryState()
    crawl([site.url("/")], state, fetcher=Fetcher(fast_config()), progress=False)
    a = site.expected["articles"][0]
    art = state.articles[canonical_url(site.url(a["path"]))]
    assert art.captions == (a["caption"],) and art.byline == a["author"]
    status, reason = state.status_of(canonical_url(site.url("/xay-dung-dang-10245.html")))
    assert status == "rejected" and "repeated teaser items" in reason


def test_trafilatura_metadata_votes_but_cannot_overturn_the_profile_choice_alone():
    html = """<html><head><title>Tin tức</title></head><body>
    <p class="news-title">Thông báo kết quả tuyển dụng viên chức năm 2024</p>
    <h1>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15</h1><div class="body"><p>Nội dung.</p></div></body></html>"""
    soup = BeautifulSoup(html, "lxml")
    sel = soup.select_one(".news-title")
    el, _text, why = choose_title(soup, sel, sel.get_text(), url="http://x.vn/tin?ItemID=7", body=soup.select_one(".body"),
                                  extracted="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15")
    assert el is sel
    el, _text, why = choose_title(soup, sel, sel.get_text(), url="http://x.vn/tin?ItemID=7", body=soup.select_one(".body"),
                                  extracted="Thông báo kết quả tuyển dụng viên chức năm 2024")
    assert el is sel and "agrees with trafilatura" in why


def test_a_photo_credit_line_alone_is_kept_as_a_caption_and_tool_lines_are_not():
    from partyfacts.scraper.extract.blocks import Aside, Block, clean_blocks
    blocks = [Block(t, 0) for t in ("Sáng 12/3, Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2023 và triển khai "
                                    "nhiệm vụ năm 2024 với sự tham dự của các đồng chí lãnh đạo.", "Ảnh: Tuấn Minh",
                                    "In bài viết", "Đồng chí Nguyễn Văn Hùng phát biểu tại hội nghị.")]
    aside = Aside()
    paras, _author, _source = clean_blocks(blocks, "", aside=aside)
    assert aside.captions == ["Ảnh: Tuấn Minh"]
    assert "In bài viết" not in paras and "In bài viết" not in aside.captions
    assert paras[-1] == "Đồng chí Nguyễn Văn Hùng phát biểu tại hội nghị."
