"""The person-name classifier: P(a capitalised candidate of 2-4 syllables names a person) from
character n-grams of the candidate and its neighbour words. Trained by ``nlp/people/train.py``
on generated data; shipped as ``nlp/data/people/person_model.json`` (plain weights, no pickle).

Used only where the rules have no cue (no honorific, title, apposition or byline) to decide.
"""
from __future__ import annotations

import json
import math
import zlib
from functools import lru_cache

from ..lexicon import data_path
from ..tokens import word_key
from ..text import fold

MODEL_PATH = data_path("people", "person_model.json")


def features(name: str, prev: str, nxt: str) -> list[str]:
    """Features of one candidate: character 2-4-grams of the folded and accented name (with word
    boundaries), each syllable, the syllable count and the previous/next word (empty in training
    and use: kept as a slot for a model trained on real contexts)."""
    k = " ".join(word_key(w) for w in name.split())
    f = fold(k)
    feats = []
    for s in (f"<{f}>", f"<{k}>"):
        for n in (2, 3, 4):
            feats.extend(s[i:i + n] for i in range(len(s) - n + 1))
    sylls = k.split()
    feats.extend("w=" + w for w in sylls)
    feats.append(f"first={sylls[0]}")
    feats.append(f"last={sylls[-1]}")
    feats.append(f"n={len(sylls)}")
    feats.append("prev=" + word_key(prev))
    feats.append("next=" + word_key(nxt))
    return feats


def _hash(feat: str, dim: int) -> int:
    return zlib.crc32(feat.encode("utf-8")) % dim


class PersonModel:
    """A logistic model over hashed features (weights exported from scikit-learn)."""

    def __init__(self, coef: list[float], intercept: float, dim: int):
        self.coef = coef
        self.intercept = intercept
        self.dim = dim

    def prob(self, name: str, prev: str = "", nxt: str = "") -> float:
        counts: dict[int, float] = {}
        for f in features(name, prev, nxt):
            h = _hash(f, self.dim)
            counts[h] = counts.get(h, 0.0) + 1.0
        norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
        z = self.intercept + sum(self.coef[h] * v / norm for h, v in counts.items())
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def load_model() -> PersonModel | None:
    if not MODEL_PATH.exists():
        return None
    d = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return PersonModel(d["coef"], d["intercept"], d["dim"])


def person_scorer():
    """A callable (tokens, run) -> P(person), or None when the model file is not shipped."""
    m = load_model()
    if m is None:
        return None

    def score(toks, run) -> float:
        # the training names carry no context words, so none are given here either
        return m.prob(" ".join(toks[i].text for i in run))

    return score
