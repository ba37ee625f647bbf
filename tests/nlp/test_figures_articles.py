"""Whole articles written for the tests in the genre (tests/data/figures_genre_articles.json, hand
annotated per FACTS.md): every figure is found with its value and unit, and nothing else."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from partyfacts.nlp import dates as dates_mod
from partyfacts.nlp import evaluate as ev
from partyfacts.nlp import figures as figures_mod
from partyfacts.nlp.doc import Document
from partyfacts.nlp.text import Text

CASES = json.loads((Path(__file__).resolve().parents[1] / "data" / "figures_genre_articles.json")
                   .read_text(encoding="utf-8"))["articles"]


@pytest.mark.parametrize("article", CASES, ids=[a["id"] for a in CASES])
def test_article_figures_match_the_hand_annotation(article):
    doc = Document(Text.of(article["text"]))
    figs = figures_mod.find_figures(doc, dates_mod.find_dates(doc))
    gold = {"figures": [{"value": v, "unit": u} for v, u in article["figures"]]}
    pred = {"figures": [{"value": f.value, "unit": f.unit} for f in figs]}
    tp, n_pred, n_gold = ev.score_article(gold, pred)["figures"]
    assert (tp, n_pred) == (n_gold, n_gold), [(f.value, f.unit, f.text) for f in figs]
