"""The parts around the body are kept on the issue-14 dev fixture sites (tests/data/sites_unseen3/dev, never
the blind ones): the lead (also when the headline is only in <title> and the sapo sits before the body's
container), every photo caption with its credit, the signature as printed (above the lead or below the
text) and the source line (also after the body's container)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from partyfacts.scraper.parse import Rejection, parse_article

DEV = Path(__file__).resolve().parents[1] / "data" / "sites_unseen3" / "dev"
SITES = sorted(p for p in DEV.glob("*/*") if (p / "expected.json").is_file())


@pytest.mark.parametrize("site", SITES, ids=lambda p: f"{p.parent.name}-{p.name}")
def test_lead_captions_byline_and_source_line_of_every_article_are_kept(site):
    routes = json.loads((site / "routes.json").read_text("utf-8"))
    expected = json.loads((site / "expected.json").read_text("utf-8"))
    for a in expected["articles"]:
        html = (site / routes["routes"][a["path"]]).read_bytes()
        art = parse_article("http://127.0.0.1:8000" + a["path"], html, {}, require_article=False)
        assert not isinstance(art, Rejection), (a["path"], art)
        assert a["lead"] in art.text, a["path"]
        assert list(art.captions) == a["captions"], a["path"]
        assert (art.byline or art.author) == a["byline"], a["path"]
        assert art.source_line == a["source_line"], a["path"]
        full = art.full_text()
        for part in (a["lead"], *a["captions"], a["byline"], a["source_line"]):
            assert part in full, (a["path"], part)
