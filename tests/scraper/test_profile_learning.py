"""Profile learning (issue 14): on the first article pages of a site, a profile title selector that the
page's signals overrule, and confirm on none, is disabled for the rest of the site's crawl, and the crawl
says so with the element the signals chose instead."""
from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

from sitekit import fast_config, start_server

from partyfacts.scraper import MemoryState, crawl
from partyfacts.scraper.fetch import Fetcher
from partyfacts.scraper.learning import ProfileLearning, TitleVerdict
from partyfacts.scraper.parse import parse_article
from partyfacts.scraper.profiles import load_profiles
from partyfacts.scraper.urls import canonical_url

SITES14 = Path(__file__).resolve().parent / "sites14"


def _pages(family: str):
    d = SITES14 / family
    routes = json.loads((d / "routes.json").read_text("utf-8"))
    expected = json.loads((d / "expected.json").read_text("utf-8"))
    return [(a, (d / routes["routes"][a["path"]]).read_bytes()) for a in expected["articles"]]


def test_a_selector_overruled_on_the_first_pages_and_confirmed_on_none_is_disabled_with_a_note():
    learning = ProfileLearning("portal.example", min_overruled=2)
    assert learning.record("tandan", TitleVerdict(".news-title", False, "h1.page-title")) == ""
    note = learning.record("tandan", TitleVerdict(".news-title", False, "h1.page-title"))
    assert note.startswith("portal.example: profile tandan title selector '.news-title' disagreed")
    assert "on 2 of 2 article pages: disabled for this site; suggested title selector: h1.page-title" in note
    tandan = replace(next(p for p in load_profiles(()) if p.name == "tandan"), title=(".news-title", "h1"))
    assert learning.profile_for(tandan).title == ("h1",)


def test_a_selector_the_signals_confirmed_once_is_kept_whatever_the_other_pages_say():
    learning = ProfileLearning("portal.example", min_overruled=2)
    learning.record("wordpress", TitleVerdict(".entry-title", True))
    for _ in range(3):
        assert learning.record("wordpress", TitleVerdict(".entry-title", False, "h2.box")) == ""
    assert not learning.disabled and not learning.notes


def test_only_the_first_trial_pages_vote():
    learning = ProfileLearning("portal.example", trial=2, min_overruled=2)
    learning.record("tandan", TitleVerdict(".t", True))
    learning.record("tandan", TitleVerdict(".u", False))
    assert learning.record("tandan", TitleVerdict(".u", False)) == "" and learning.pages == 2


def test_pages_whose_profile_selector_names_a_related_block_vote_against_it():
    learning = ProfileLearning("sites14", min_overruled=2)
    for a, html in _pages("tandan"):
        art = parse_article("http://127.0.0.1" + a["path"], html, {}, learning=learning)
        assert art.title == a["title"]     # the signals' title, on every page
    assert learning.disabled == {"tandan": {".tandan-p-article-news-title"}}


def test_a_crawl_names_the_selector_its_first_pages_disabled_in_stats_and_the_log(caplog):
    site, httpd = start_server("tandan", root=SITES14)
    try:
        state = MemoryState()
        with caplog.at_level(logging.WARNING, logger="partyfacts.scraper.learning"):
            stats = crawl([site.url(site.expected["start"])], state, fetcher=Fetcher(fast_config()), progress=False,
                          learn_after=2)
        quiet = crawl([site.url(site.expected["start"])], MemoryState(), fetcher=Fetcher(fast_config()),
                      progress=False, learn_after=0)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert len(stats.profile_notes) == 1 and "'.tandan-p-article-news-title' disagreed" in stats.profile_notes[0]
    assert stats.as_dict()["profile_notes"] == stats.profile_notes and "profile: " in stats.line()
    assert any("disabled for this site" in r.getMessage() for r in caplog.records)
    assert quiet.profile_notes == []
    want = {canonical_url(site.url(a["path"])): a["title"] for a in site.expected["articles"]}
    assert {u: a.title for u, a in state.articles.items()} == want


# a page whose profile's date selector names the banner's "today" and whose body selector names a sidebar
# box of running text, while the page's meta / JSON-LD dates and its main text say otherwise
_PARAS = ["Sáng {d}/10, Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt nghị quyết số {n} cho cán bộ chủ chốt "
          "của tỉnh với sự tham dự của nhiều đại biểu.",
          "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy phát biểu chỉ đạo, yêu cầu các cấp ủy xây dựng kế hoạch thực hiện "
          "cụ thể, sát với tình hình thực tiễn của từng địa phương, đơn vị.",
          "Hội nghị cũng thông qua chương trình hành động và phân công nhiệm vụ cho các ban, sở, ngành trong thời "
          "gian tới; kết quả sẽ được báo cáo tại kỳ họp cuối năm."]


def _learning_page(n: int) -> bytes:
    body = "".join(f"<p>{p.format(d=n, n=n)}</p>" for p in _PARAS)
    box = ("<div class='box-hot'><p>Thông báo tuyển dụng công chức năm 2024 của Sở Nội vụ: hồ sơ nộp trực tiếp "
           "tại bộ phận một cửa, hạn cuối ngày 30 tháng 11; thí sinh xem danh sách vị trí việc làm tại cổng "
           "thông tin và liên hệ phòng tổ chức để được hướng dẫn thêm về thủ tục.</p></div>")
    return (f"<html><head><title>Hội nghị quán triệt nghị quyết số {n} của Tỉnh ủy - Cổng TTĐT tỉnh</title>"
            f"<meta property='article:published_time' content='2024-10-{n:02d}T08:00:00+07:00'>"
            f"<script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"headline\":\"Hội nghị quán triệt "
            f"nghị quyết số {n} của Tỉnh ủy\",\"datePublished\":\"2024-10-{n:02d}T08:00:00+07:00\"}}</script>"
            f"</head><body class='tandan-portal'><div class='today'>Hôm nay: Thứ Hai, ngày 02/12/2024</div>"
            f"<div class='main'><h1 class='news-title'>Hội nghị quán triệt nghị quyết số {n} của Tỉnh ủy</h1>"
            f"<div class='news-content'>{body}</div></div>{box}</body></html>").encode()


def _odd_profile():
    return replace(next(p for p in load_profiles(()) if p.name == "tandan"), title=(".news-title",),
                   date=(".today", ".news-date"), body=(".box-hot", ".news-content"), lead=(), article_urls=(),
                   not_article_urls=())


def test_date_and_body_selectors_the_signals_overrule_on_the_first_pages_are_disabled_and_suggested(caplog):
    learning = ProfileLearning("portal.example", min_overruled=3)
    profile = _odd_profile()
    with caplog.at_level(logging.WARNING, logger="partyfacts.scraper.learning"):
        for n in (3, 4, 5):
            art = parse_article(f"http://portal.example/tin-tuc/hoi-nghi-quan-triet-nghi-quyet-so-{n}.html",
                                _learning_page(n), {}, profiles=(profile,), learning=learning)
            assert art.published.day == n   # the signals' date, not the banner's "today"
    assert learning.disabled == {"tandan": {".today", ".box-hot"}}
    notes = " | ".join(learning.notes)
    assert "tandan date selector '.today' disagreed with the page's signals on 3 of 3 article pages" in notes
    assert "tandan body selector '.box-hot' disagreed" in notes and "suggested body selector: div.news-content" in notes
    assert learning.suggestions()["tandan"]["body"] == "div.news-content"
    assert any("body selector '.box-hot'" in r.getMessage() for r in caplog.records)
    # the rest of the site's pages are read with the profile's next selectors
    fixed = learning.profile_for(profile)
    assert fixed.date == (".news-date",) and fixed.body == (".news-content",)
    art = parse_article("http://portal.example/tin-tuc/hoi-nghi-quan-triet-nghi-quyet-so-6.html", _learning_page(6),
                        {}, profiles=(profile,), learning=learning)
    assert "Bí thư Tỉnh ủy phát biểu" in art.text and "tuyển dụng" not in art.text


def test_date_and_body_selectors_the_signals_confirm_are_kept():
    learning = ProfileLearning("portal.example", min_overruled=2)
    profile = replace(_odd_profile(), date=(".news-date",), body=(".news-content",))
    for n in (3, 4, 5):
        page = _learning_page(n).replace(b"<div class='news-content'>",
                                         f"<div class='news-date'>{n:02d}/10/2024 08:00</div><div class='news-content'>".encode())
        parse_article(f"http://portal.example/tin-tuc/hoi-nghi-quan-triet-nghi-quyet-so-{n}.html", page, {},
                      profiles=(profile,), learning=learning)
    assert learning.pages == 3 and not learning.disabled and not learning.notes
