"""Quality gate: nlp.extract on the dev gold must keep each fact type's F1 at or above its floor
(tests/data/gold_floor.json; the lead raises the floors as components improve)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from partyfacts.nlp import evaluate as ev

DATA = Path(__file__).resolve().parents[1] / "data"
FLOORS = {k: v for k, v in json.loads((DATA / "gold_floor.json").read_text(encoding="utf-8")).items()
          if not k.startswith("_")}


@pytest.fixture(scope="module")
def report():
    return ev.evaluate(DATA / "gold")


def test_floor_file_names_only_scored_types():
    assert set(FLOORS) <= set(ev.TYPES)


def test_every_gold_article_is_extracted_without_error(report):
    assert report["_errors"] == {}


@pytest.mark.parametrize("fact_type", sorted(FLOORS))
def test_f1_is_not_below_floor(report, fact_type):
    got = report[fact_type]["f1"]
    assert got >= FLOORS[fact_type], (
        f"{fact_type} F1 {got} fell below its floor {FLOORS[fact_type]}\n" + ev.format_report(report))
