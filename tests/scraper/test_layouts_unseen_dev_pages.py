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
