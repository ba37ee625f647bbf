"""Listings paginated only by JavaScript postback (SharePoint listing web parts, `javascript:__doPostBack(…)`)
cannot be followed; their articles are reached through the site's other doors (its feed, its sitemap, at
the standard /sitemap.xml when robots.txt names none), and the crawl says which — or that there was none
(issue-14 dev fixture sites: sites_unseen3/dev/sharepoint/bacthuy and thachlam)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitekit import Fault, fast_config, start_server

from partyfacts.scraper import MemoryState, crawl
from partyfacts.scraper.discover import links_of
from partyfacts.scraper.fetch import Fetcher
from partyfacts.scraper.parse import read_page

DEV = Path(__file__).resolve().parents[1] / "data" / "sites_unseen3" / "dev" / "sharepoint"


def _crawl(name: str, faults=None):
    site, httpd = start_server(name, root=DEV)
    site.faults.update(faults or {})
    try:
        state = MemoryState()
        stats = crawl([site.url(site.expected["start"])], state, fetcher=Fetcher(fast_config()), progress=False)
    finally:
        httpd.shutdown()
        httpd.server_close()
    return site, state, stats


def test_postback_pagination_links_are_counted_not_followed():
    html = ("<html><body><div class='paging'><a href=\"javascript:__doPostBack('ctl00$m$g_1$pager','2')\">2</a>"
            "<a href=\"javascript:__doPostBack('ctl00$m$g_1$pager','next')\">Trang sau</a>"
            "<a href=\"javascript:__doPostBack('ctl00$m$g_1$btnVote','')\">Bình chọn</a></div></body></html>").encode()
    links = links_of(read_page(html).soup, "http://portal.example/Pages/tin-tuc.aspx", "portal.example", None)
    assert links.postback == 2 and links.pagination == [] and links.pages == []


@pytest.mark.parametrize("name", ["bacthuy", "thachlam"])
def test_articles_behind_postback_pagination_are_reached_through_the_feed_and_the_crawl_says_so(name):
    site, state, stats = _crawl(name)
    assert len(state.articles) == len(site.expected["articles"])
    assert stats.errors == 0   # the guessed /sitemap.xml the site lacks is no error
    assert site.hits("/sitemap.xml") == 1
    assert len(stats.site_notes) == 1
    assert "listing pages paginate only by JavaScript postback" in stats.site_notes[0]
    assert stats.site_notes[0].endswith("their articles reached through the site's feed")
    assert stats.as_dict()["site_notes"] == stats.site_notes and "JavaScript postback" in stats.line()


def test_a_site_with_postback_pagination_and_no_other_door_is_named():
    feed = next(p for p in json.loads((DEV / "bacthuy" / "routes.json").read_text("utf-8"))["routes"]
                if "rss" in p)
    _site, _state, stats = _crawl("bacthuy", {feed: Fault(status=404)})
    assert "no sitemap or feed found" in stats.site_notes[0]
