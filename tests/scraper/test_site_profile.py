"""`partyfacts site profile URL`: a candidate profile learnt from a few article pages of a site served by the
test HTTP server (issue-14 dev fixture sites only), printed in the profile file format; the profile it
prints reads every article of the site with the right title and date; one-line errors for a bad URL, a
loopback address without the setting and a dead server."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitekit import start_server
from unseen_quality import token_f1

from partyfacts.scraper.parse import Rejection, parse_article
from partyfacts.scraper.profiles import load_profile
from partyfacts.webapp.cli import main

DEV = Path(__file__).resolve().parents[1] / "data" / "sites_unseen3" / "dev"
PRIVATE = {"PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}


@pytest.mark.parametrize("family,name", [("wordpress", "quesonha"), ("tandan", "kimdai"), ("liferay", "haidong"),
                                         ("tandan", "anthuy"), ("sharepoint", "bacthuy")])
def test_the_printed_candidate_profile_reads_every_article_of_the_site(tmp_path, family, name):
    site, httpd = start_server(name, root=DEV / family)
    try:
        res = CliRunner().invoke(main, ["site", "profile", site.url(site.expected["start"]), "--delay", "0.01",
                                        "--pages", "3"], env=PRIVATE)
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert res.exit_code == 0, res.output
    assert "# title: " in res.output and "generic extraction: title" in res.output
    f = tmp_path / "learnt.toml"
    f.write_text(res.output, "utf-8")
    prof = load_profile(f)
    assert prof.body and prof.date_formats is not None
    routes = json.loads((DEV / family / name / "routes.json").read_text("utf-8"))["routes"]
    for a in site.expected["articles"]:
        url = site.url(a["path"])
        art = parse_article(url, (DEV / family / name / routes[a["path"]]).read_bytes(), {}, profiles=(prof,))
        assert not isinstance(art, Rejection), (a["path"], art.reason)
        assert art.profile == prof.name and art.title == a["title"]
        assert art.published.isoformat() == a["published"]
        assert token_f1(art.text, "\n\n".join([a["lead"], *a["paragraphs"]])) >= 0.95, a["path"]


def test_site_profile_refuses_a_bad_url_a_loopback_address_and_a_dead_server_in_one_line():
    runner = CliRunner()
    bad = runner.invoke(main, ["site", "profile", "ftp://example.org/"])
    assert bad.exit_code == 1 and "is not an http(s) URL" in bad.output and len(bad.output.strip().splitlines()) == 1
    loop = runner.invoke(main, ["site", "profile", "http://127.0.0.1:9/"])
    assert loop.exit_code == 1 and "loopback" in loop.output and "allow_private_targets" in loop.output
    dead = runner.invoke(main, ["site", "profile", "http://127.0.0.1:9/", "--delay", "0.01"], env=PRIVATE)
    last = dead.output.strip().splitlines()[-1]   # (the fetcher's warnings are logged before it)
    assert dead.exit_code == 1 and "cannot fetch http://127.0.0.1:9/" in last and "site is up" in last
