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
