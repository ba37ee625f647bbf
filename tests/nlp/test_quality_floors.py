"""Quality gates: on each annotated set, nlp.extract must keep each fact type's F1 at or above its
floor (scored by partyfacts.nlp.evaluate, the port of the project's scorer).

- gold: the dev gold (14 dev articles and the seed article); floors in tests/data/gold_floor.json, set a little under what the
  pipeline reached on 2026-11-25 (1.000 on every type); the lead raises them as components improve.
- heldout: 16 invented articles annotated by someone who never saw the extractor; floors just under
  the scores of 2026-11-25 (1.000 on every type); catches NFD and CRLF input, old-style tone marks,
  minority names, biographies, appointments.
- heldout2: 14 invented portal-style articles, same provenance; floors just under the scores after
  the second generalisation pass (1.000 on every type).

- real_dev: 21 excerpts of real published news (tests/data/real/dev); roles floors only.
- heldout3: invented portal articles (tests/data/heldout3); roles floors only.

Raise a floor, never lower it, without a reason in the commit.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from partyfacts.nlp import evaluate as ev

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD_FLOORS = {k: v for k, v in json.loads((DATA / "gold_floor.json").read_text(encoding="utf-8")).items()
               if not k.startswith("_")}

# set name → (folder, article file pattern, number of articles, F1 floor per fact type)
SETS = {
    "gold": (DATA / "gold", "*.json", 15, GOLD_FLOORS),
    "heldout": (DATA / "heldout", "ho_*.json", 16,
                {"persons": 0.985, "roles": 0.975, "roles+org": 0.97, "places": 0.985, "figures": 0.985}),
    "heldout2": (DATA / "heldout2", "h2_*.json", 14,
                 {"persons": 0.99, "roles": 0.99, "roles+org": 0.985, "places": 0.99, "figures": 0.99}),
    # real published news (tests/data/real/dev); roles floors just under the issue-13 roles pass (0.873 / 0.834)
    "real_dev": (DATA / "real" / "dev", "*.json", 21, {"roles": 0.86, "roles+org": 0.82}),
    # invented portal articles of the third generalisation pass; roles floors under 0.988 / 0.976
    "heldout3": (DATA / "heldout3", "h3_*.json", 12, {"roles": 0.98, "roles+org": 0.965}),
}

_REPORTS: dict[str, dict] = {}


def report(set_name: str) -> dict:
    """The evaluation report of one set (computed once per test session)."""
    if set_name not in _REPORTS:
        _REPORTS[set_name] = ev.evaluate(SETS[set_name][0])
    return _REPORTS[set_name]


def test_floors_name_only_scored_types():
    for _, _, _, floors in SETS.values():
        assert set(floors) <= set(ev.TYPES)


@pytest.mark.parametrize("set_name", sorted(SETS))
def test_set_is_complete_and_every_article_is_extracted_without_error(set_name):
    folder, pattern, count, _ = SETS[set_name]
    assert len(list(folder.glob(pattern))) == count
    rep = report(set_name)
    assert rep["_articles"] == count
    assert rep["_errors"] == {}


@pytest.mark.parametrize("set_name,fact_type",
                         [(s, t) for s in sorted(SETS) for t in sorted(SETS[s][3])])
def test_f1_is_not_below_its_floor(set_name, fact_type):
    floor = SETS[set_name][3][fact_type]
    rep = report(set_name)
    got = rep[fact_type]["f1"]
    assert got >= floor, f"{fact_type} F1 {got} on {set_name} fell below its floor {floor}\n" + ev.format_report(rep)
