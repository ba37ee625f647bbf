"""Clustering quality: B-cubed and pairwise precision/recall of predicted entity clusters against
true ones, over the items the truth lists (an item the prediction lacks is a cluster of its own)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _groups(assign: dict) -> dict:
    g = defaultdict(set)
    for item, c in assign.items():
        g[c].add(item)
    return g


def _complete(pred: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> dict:
    return {item: pred.get(item, ("missing", item)) for item in gold}


def bcubed(pred: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> PRF:
    """Per item: precision = share of its predicted cluster that is truly its entity; recall = share
    of its true entity inside its predicted cluster; averaged over the gold items."""
    if not gold:
        raise ValueError("bcubed needs at least one gold item")
    pred = _complete(pred, gold)
    pg, gg = _groups(pred), _groups(gold)
    p = r = 0.0
    for item in gold:
        pc, gc = pg[pred[item]] & gold.keys(), gg[gold[item]]
        both = len(pc & gc)
        p += both / len(pc)
        r += both / len(gc)
    return PRF(p / len(gold), r / len(gold))


def pairwise(pred: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> PRF:
    """Over pairs of gold items: precision = predicted same-entity pairs that are true; recall = true
    pairs predicted. With no pair on a side, that side's score is 1."""
    pred = _complete(pred, gold)
    items = sorted(gold, key=repr)
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            same_p, same_g = pred[a] == pred[b], gold[a] == gold[b]
            tp += same_p and same_g
            fp += same_p and not same_g
            fn += same_g and not same_p
    return PRF(tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)
