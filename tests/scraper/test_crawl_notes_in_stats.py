"""`partyfacts stats` says what a crawl learnt about a site: the profile selectors its first pages disabled
(with the suggested selector) and how listings paginated only by JavaScript postback were reached
(issue-14 dev fixture sites, crawled with the CLI into a throwaway SQLite database)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sitekit import start_server

from partyfacts.webapp.cli import main

DEV = Path(__file__).resolve().parents[1] / "data" / "sites_unseen3" / "dev"
PRIVATE = {"PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}


def _crawl_then_stats(tmp_path, family: str, name: str) -> str:
    db = str(tmp_path / "c.db")
    site, httpd = start_server(name, root=DEV / family)
    try:
        res = CliRunner().invoke(main, ["--db", db, "crawl", site.url(site.expected["start"]), "--delay", "0.01"],
                                 env=PRIVATE)
        assert res.exit_code == 0, res.output
    finally:
        httpd.shutdown()
        httpd.server_close()
    res = CliRunner().invoke(main, ["--db", db, "stats"])
    assert res.exit_code == 0, res.output
    return res.output


def test_stats_names_the_title_selector_profile_learning_disabled_and_its_suggestion(tmp_path):
    out = _crawl_then_stats(tmp_path, "liferay", "caolanhson")
    line = next(ln for ln in out.splitlines() if "profile: " in ln)
    assert "profile liferay title selector '.asset-full-content h3' disagreed with the page's signals" in line
    assert "disabled for this site" in line


def test_stats_says_through_which_door_postback_paginated_listings_were_reached(tmp_path):
    out = _crawl_then_stats(tmp_path, "sharepoint", "bacthuy")
    assert any("note: " in ln and "paginate only by JavaScript postback" in ln and "reached through the site's feed"
               in ln for ln in out.splitlines())
