"""Every page of the issue-14 dev fixture sites (tests/data/sites_unseen3/dev, never the blind ones), read
one by one without a crawl (so no profile learning helps): each article page gives its exact title and
publication date, each non-article page is rejected. Pins the general rules found on them: a heading
classed as the sapo is no headline, og:title and <title> agreeing outvote a candidate only the URL slug's
words are found in, a page whose profile finds no body but whose <title> is the title its slug spells and
which prints its own date line is read by the generic extractor, the site name in the banner is never a
title, and a category page of two long teasers is a listing."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from partyfacts.scraper.parse import Rejection, parse_article

DEV = Path(__file__).resolve().parents[1] / "data" / "sites_unseen3" / "dev"
SITES = sorted(p for p in DEV.glob("*/*") if (p / "expected.json").is_file())
BASE = "http://127.0.0.1:8000"


def _page(site: Path, path: str) -> bytes:
    routes = json.loads((site / "routes.json").read_text("utf-8"))["routes"]
    target = routes[path]
    return (site / target).read_bytes() if isinstance(target, str) else b""


@pytest.mark.parametrize("site", SITES, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_every_dev_article_page_gives_its_exact_title_and_date(site):
    expected = json.loads((site / "expected.json").read_text("utf-8"))
    for a in expected["articles"]:
        art = parse_article(BASE + a["path"], _page(site, a["path"]), {})
        assert not isinstance(art, Rejection), (a["path"], art.reason)
        assert art.title == a["title"], a["path"]
        assert (art.published.isoformat() if art.published else None) == a["published"], a["path"]


@pytest.mark.parametrize("site", SITES, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_every_dev_non_article_page_is_rejected(site):
    expected = json.loads((site / "expected.json").read_text("utf-8"))
    routes = json.loads((site / "routes.json").read_text("utf-8"))["routes"]
    for path in expected["non_articles"]:
        if not isinstance(routes.get(path), str):
            continue  # a redirect: its target is checked under its own path
        res = parse_article(BASE + path, _page(site, path), {})
        assert isinstance(res, Rejection), (path, res.title)


_ARTICLE = ("<html><head><title>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 17 - Báo Tỉnh</title>{head}</head><body>"
            "<h1>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 17</h1><p class='date'>{date}</p>"
            + "".join(f"<p>Đoạn {i}: Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 17 để đánh giá tình hình "
                      f"thực hiện nhiệm vụ chính trị và cho ý kiến vào các dự thảo văn kiện trình đại hội.</p>"
                      for i in range(4))
            + "<p><a href='/in/219896.html'>In bài</a></p></body></html>")
_URL = "http://bao.example/tin-tuc/hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-17-219896.html"


def test_a_print_view_naming_its_article_by_rel_canonical_is_rejected_and_its_link_not_followed():
    from partyfacts.scraper.discover import links_of
    from partyfacts.scraper.parse import read_page

    printed = _ARTICLE.format(head="<link rel='canonical' href='/tin-tuc/hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-17-219896.html'>",
                              date="Thứ Năm, 21/11/2024").encode()
    res = parse_article("http://bao.example/in/219896.html", printed, {})
    assert isinstance(res, Rejection) and "alternate (print view or alias) of " + _URL in res.reason
    links = links_of(read_page(printed).soup, "http://bao.example/in/219896.html", "bao.example", None)
    assert _URL in links.articles                      # the article it stands for is queued instead
    own = _ARTICLE.format(head=f"<link rel='canonical' href='{_URL}'>", date="Thứ Năm, 21/11/2024").encode()
    assert not isinstance(parse_article(_URL, own, {}), Rejection)   # naming itself is no alternate
    home = _ARTICLE.format(head="<link rel='canonical' href='/'>", date="Thứ Năm, 21/11/2024").encode()
    assert not isinstance(parse_article(_URL, home, {}), Rejection)  # a portal naming its home page everywhere
    page = links_of(read_page(own).soup, _URL, "bao.example", None)
    assert not any("/in/" in u for u in page.articles + page.pages)  # "In bài" links are not followed


def test_a_day_printed_alone_takes_the_time_a_meta_signal_gives_for_the_same_day():
    from datetime import date

    from bs4 import BeautifulSoup

    from partyfacts.scraper.extract.consensus import choose_date

    def soup(day: int):
        return BeautifulSoup(f"<meta property='article:published_time' content='2024-11-{day}T16:15:00+07:00'>", "lxml")

    got, why = choose_date(date(2024, 11, 21), soup=soup(21))
    assert got.isoformat() == "2024-11-21T16:15:00+07:00" and "with the time" in why
    got, _why = choose_date(date(2024, 11, 21), soup=soup(25))
    assert got == date(2024, 11, 21)   # one signal naming another day neither overrules nor adds a time


def test_an_opening_dateline_is_the_articles_dateline_and_a_newsroom_signature_its_byline():
    body = ("<p>Ba đoạn văn bản: Hội đồng nhân dân tỉnh khóa XVII đã tiến hành bầu bổ sung chức danh Phó Chủ tịch "
            "UBND tỉnh nhiệm kỳ 2021 - 2026 với sự tán thành của các đại biểu có mặt.</p>") * 3
    html = ("<html><head><title>Đồng chí Ngô Văn Long được bầu giữ chức Phó Chủ tịch UBND tỉnh</title></head><body>"
            "<h1>Đồng chí Ngô Văn Long được bầu giữ chức Phó Chủ tịch UBND tỉnh</h1><p>Thứ Năm, 21/11/2024 14:40</p>"
            "<div class='sapo'>(Cổng TTĐT) - Tại kỳ họp chuyên đề ngày 21/11, Hội đồng nhân dân tỉnh đã bầu bổ sung "
            "chức danh Phó Chủ tịch UBND tỉnh.</div><div class='content'>" + body +
            "<p>Hải Yến - Trung tâm Truyền thông tỉnh</p></div></body></html>").encode()
    art = parse_article("http://portal.example/tin-tuc/dong-chi-ngo-van-long-duoc-bau-12345.html", html, {})
    assert art.dateline == "(Cổng TTĐT) -" and art.text.startswith("Tại kỳ họp chuyên đề")
    assert art.byline == "Hải Yến - Trung tâm Truyền thông tỉnh" and art.author == "Hải Yến" and not art.source
    assert "Hải Yến" not in art.text and "Hải Yến" in art.full_text()   # a field, still processed for facts


def test_only_a_bracketed_tag_or_a_place_in_capitals_opens_a_lead_as_its_dateline():
    from partyfacts.scraper.extract.blocks import split_dateline

    rest = "Chiều 23/11, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố quyết định về công tác cán bộ."
    assert split_dateline("HÀ DƯƠNG - " + rest) == ("HÀ DƯƠNG -", rest)
    assert split_dateline("(BGT) – " + rest) == ("(BGT) –", rest)
    assert split_dateline("Hà Dương - " + rest) == ("", "Hà Dương - " + rest)   # not in capitals: words of the text
    assert split_dateline("(BGT) - ngắn.") == ("", "(BGT) - ngắn.")             # nothing left to be a lead


def test_a_signature_with_the_writers_newsroom_names_the_writer_above_or_below_the_text():
    from partyfacts.scraper.extract.blocks import strip_prefix

    assert strip_prefix("Mai Chi (Ban Tuyên giáo Tỉnh ủy)") == "Mai Chi"
    assert strip_prefix("Ngọc Lan - Trung tâm Truyền thông tỉnh") == "Ngọc Lan"
    assert strip_prefix("Bài, ảnh: Minh Đức") == "Minh Đức"
    body = ("<p>Đoạn văn: Ban Chấp hành Đảng bộ tỉnh khóa XX tổ chức hội nghị lần thứ 22 để đánh giá tình hình "
            "thực hiện nhiệm vụ chín tháng và cho ý kiến vào các dự thảo văn kiện.</p>") * 3
    html = ("<html><head><title>Hội nghị lần thứ 22 Ban Chấp hành Đảng bộ tỉnh khóa XX</title></head><body><article>"
            "<h1>Hội nghị lần thứ 22 Ban Chấp hành Đảng bộ tỉnh khóa XX</h1><p>Thứ Tư, 20/11/2024 14:25</p>"
            "<p class='author-name'><strong>Ngọc Lan - Trung tâm Truyền thông tỉnh</strong></p>"
            "<div class='content'>" + body + "</div></article></body></html>").encode()
    art = parse_article("http://bao.example/xay-dung-dang/hoi-nghi-lan-thu-22-ban-chap-hanh-a207549.html", html, {})
    assert art.byline == "Ngọc Lan - Trung tâm Truyền thông tỉnh" and art.author == "Ngọc Lan"
