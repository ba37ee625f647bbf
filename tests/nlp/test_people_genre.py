"""Quality floor on short articles written in the genre for this purpose (other provinces, minority
names, bylines, appointments): persons and (person, title) roles, scored like the dev gold."""
import json
import re
import unicodedata
from pathlib import Path

import pytest

from partyfacts import nlp
from partyfacts.nlp.text import canon

CASES = Path(__file__).resolve().parents[1] / "data" / "people" / "genre_articles.jsonl"
BODY_WORDS = ("ubnd", "hđnd", "huyện ủy", "tỉnh ủy", "thành ủy", "đảng ủy")


def _norm(s: str) -> str:
    s = canon(unicodedata.normalize("NFC", s)).lower()
    return " ".join(re.sub(r"[^\w\s']", " ", s).split())


def _title_core(t: str) -> str:
    t = _norm(t)
    for w in BODY_WORDS:
        if t.endswith(" " + w):
            t = t[: -len(w) - 1]
    return t


def _f1(tp, npred, ngold):
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.fixture(scope="module")
def results():
    tp = npred = ngold = rtp = rnpred = rngold = 0
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        ex = nlp.extract(case["text"])
        pred = {_norm(p.name) for p in ex.persons}
        gold = {_norm(x) for x in case["persons"]}
        tp, npred, ngold = tp + len(pred & gold), npred + len(pred), ngold + len(gold)
        rpred = {(_norm(r.person), _title_core(r.title)) for r in ex.roles}
        rgold = {(_norm(a), _title_core(b)) for a, b in case["roles"]}
        rtp, rnpred, rngold = rtp + len(rpred & rgold), rnpred + len(rpred), rngold + len(rgold)
    return _f1(tp, npred, ngold), _f1(rtp, rnpred, rngold)


def test_persons_f1_on_written_genre_articles_is_at_least_0_93(results):
    assert results[0] >= 0.93


def test_roles_f1_on_written_genre_articles_is_at_least_0_85(results):
    assert results[1] >= 0.85
