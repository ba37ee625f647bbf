"""Quality floor on short articles written in the genre for this purpose (other provinces, minority
names, bylines, appointments): persons and (person, title) roles, scored like the dev gold."""
import json
from pathlib import Path

import pytest

from partyfacts import nlp
from partyfacts.nlp.evaluate import norm, prf, title_core

CASES = Path(__file__).resolve().parents[1] / "data" / "people" / "genre_articles.jsonl"

@pytest.fixture(scope="module")
def results():
    tp = npred = ngold = rtp = rnpred = rngold = 0
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        ex = nlp.extract(case["text"])
        pred = {norm(p.name) for p in ex.persons}
        gold = {norm(x) for x in case["persons"]}
        tp, npred, ngold = tp + len(pred & gold), npred + len(pred), ngold + len(gold)
        rpred = {(norm(r.person), title_core(r.title)) for r in ex.roles}
        rgold = {(norm(a), title_core(b)) for a, b in case["roles"]}
        rtp, rnpred, rngold = rtp + len(rpred & rgold), rnpred + len(rpred), rngold + len(rgold)
    return prf(tp, npred, ngold)[2], prf(rtp, rnpred, rngold)[2]


def test_persons_f1_on_written_genre_articles_is_at_least_0_93(results):
    assert results[0] >= 0.93


def test_roles_f1_on_written_genre_articles_is_at_least_0_85(results):
    assert results[1] >= 0.85
