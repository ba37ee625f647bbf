"""Train the person-name classifier shipped as nlp/data/people/person_model.json.

Data are generated, never scraped: positives are personal names composed from the surname, middle
name, given name and minority-name lexicons in nlp/data/people/; negatives are the province, district
and commune names of the vietnamadminunits package (legacy and 2025) and capitalised phrases from the
organization and commission lexicons. Deterministic (fixed seed, sorted inputs).

usage: .venv/bin/python -m partyfacts.nlp.people.train [--report]
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from ..lexicon import rows
from .model import MODEL_PATH, _hash, features

SEED = 20240601
DIM = 1 << 15


def _lex(name: str) -> list[str]:
    return sorted({r[0] for r in rows("people", name)})


def person_names(rng: random.Random, n: int) -> list[str]:
    surnames = _lex("surnames.txt")
    common = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
              "Hồ", "Ngô", "Dương", "Lý"]
    middles = _lex("middle_names.txt")
    given = _lex("given_names.txt")
    prefixes = [p for p in _lex("ethnic_prefixes.txt") if p not in ("Y", "H'", "K'")]
    out = []
    for _ in range(n):
        r = rng.random()
        sur = rng.choice(common) if rng.random() < 0.5 else rng.choice(surnames)
        if r < 0.5:
            parts = [sur, rng.choice(middles), rng.choice(given)]
        elif r < 0.65:
            parts = [sur, rng.choice(middles), rng.choice(given), rng.choice(given)]
        elif r < 0.75:
            parts = [sur, rng.choice(given)]
        elif r < 0.85:
            parts = [rng.choice(prefixes), rng.choice(given)] + ([rng.choice(given)] if rng.random() < 0.5 else [])
        elif r < 0.93:
            parts = ["Y", rng.choice(given), rng.choice(prefixes)]
        else:
            g = rng.choice(given)
            parts = ["H'" + g, rng.choice(prefixes)]
        out.append(" ".join(parts))
    return out


def place_names() -> list[str]:
    import vietnamadminunits
    pkg = Path(vietnamadminunits.__file__).parent / "data"
    names: set[str] = set()
    legacy = json.loads((pkg / "parser_legacy.json").read_text(encoding="utf-8"))
    for p in legacy["DICT_PROVINCE"].values():
        names.add(p["provinceShort"])
    for ds in legacy["DICT_PROVINCE_DISTRICT"].values():
        for d in ds.values():
            names.add(d["districtShort"])
    for ds in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].values():
        for ws in ds.values():
            for w in ws.values():
                names.add(w["wardShort"])
    new = json.loads((pkg / "parser_from_2025.json").read_text(encoding="utf-8"))
    for ws in new["DICT_PROVINCE_WARD_NO_ACCENTED"].values():
        for w in ws.values():
            names.add(w["wardShort"])
    return sorted(n for n in names if isinstance(n, str) and 2 <= len(n.split()) <= 4
                  and not any(c.isdigit() for c in n))


def other_phrases() -> list[str]:
    out = set()
    for name in ("org_heads.tsv", "commissions.txt", "titles.tsv"):
        for r in rows("people", name):
            words = r[0].split()
            caps = [w for w in words if w[:1].isupper()]
            if len(caps) >= 2:
                out.add(" ".join(caps))
    out.update(["Việt Nam", "Quốc hội", "Chính phủ", "Nông thôn mới", "Xã hội", "Phụ nữ", "Cựu chiến binh",
                "Thương binh Liệt sĩ", "Hoa Kỳ", "Trung Quốc", "Nhật Bản", "Thái Lan", "Hàn Quốc", "Tân Trào"])
    return sorted(out)


def matrix(names: list[str]) -> csr_matrix:
    rows, cols, vals = [], [], []
    for i, name in enumerate(names):
        counts: dict[int, float] = {}
        for f in features(name, "", ""):
            h = _hash(f, DIM)
            counts[h] = counts.get(h, 0.0) + 1.0
        norm = float(np.sqrt(sum(v * v for v in counts.values()))) or 1.0
        for h, v in counts.items():
            rows.append(i)
            cols.append(h)
            vals.append(v / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(names), DIM))


def dataset(rng: random.Random) -> tuple[list[str], list[int]]:
    neg = place_names() + other_phrases()
    pos = person_names(rng, len(neg))
    names = pos + neg
    labels = [1] * len(pos) + [0] * len(neg)
    order = list(range(len(names)))
    rng.shuffle(order)
    return [names[i] for i in order], [labels[i] for i in order]


def train(report: bool = False) -> dict:
    rng = random.Random(SEED)
    names, labels = dataset(rng)
    cut = int(len(names) * 0.8)
    x = matrix(names)
    y = np.array(labels)
    clf = LogisticRegression(C=4.0, max_iter=2000, random_state=SEED)
    clf.fit(x[:cut], y[:cut])
    acc = float((clf.predict(x[cut:]) == y[cut:]).mean())
    if report:
        print(f"held-out accuracy {acc:.4f} on {len(names) - cut} generated names")
    clf.fit(x, y)
    coef = [round(float(w), 4) for w in clf.coef_[0]]
    model = {"dim": DIM, "intercept": round(float(clf.intercept_[0]), 4), "coef": coef,
             "source": "nlp/people/train.py (generated names; vietnamadminunits places)",
             "heldout_accuracy": round(acc, 4)}
    MODEL_PATH.write_text(json.dumps(model, separators=(",", ":")), encoding="utf-8")
    return model


if __name__ == "__main__":
    m = train(report="--report" in sys.argv)
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KiB)")

