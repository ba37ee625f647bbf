"""Text typed without diacritics: persons and places of a gold folder whose texts are stripped of their
marks (case kept, "đ" → "d"), scored against the gold names compared the same way.

    .venv/bin/python benchmarks/folded_check.py tests/data/real/dev [--errors]

Precision, recall and F1 are micro-averaged over the articles, like the project's scorer; names are
compared after folding (marks dropped, lower case, punctuation dropped, place unit words dropped).
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from partyfacts.nlp import evaluate as ev  # noqa: E402
from partyfacts.nlp.extract import extract  # noqa: E402


def strip_marks(s: str) -> str:
    """The text as typed without diacritics: marks dropped, "đ"/"Đ" → "d"/"D", case and length kept."""
    d = unicodedata.normalize("NFD", unicodedata.normalize("NFC", s))
    out = "".join(c for c in d if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", out).replace("đ", "d").replace("Đ", "D")


def _name(x) -> str:
    return x if isinstance(x, str) else x["name"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path, help="folder of gold *.json files (id, text, gold)")
    ap.add_argument("--errors", action="store_true", help="list missed and extra names")
    a = ap.parse_args(argv)
    files = sorted(a.gold_dir.glob("*.json"))
    if not files:
        ap.error(f"no gold *.json files in {a.gold_dir}")
    keys = {"persons": lambda s: ev.norm(strip_marks(s)), "places": lambda s: ev.place_key(strip_marks(s))}
    tot = {t: [0, 0, 0] for t in keys}
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        ex = extract(strip_marks(g["text"]))
        pred = {"persons": [p.name for p in ex.persons], "places": [p.name for p in ex.places]}
        for t, key in keys.items():
            gs = {key(_name(x)) for x in g["gold"][t]}
            ps = {key(x) for x in pred[t]}
            tot[t][0] += len(gs & ps)
            tot[t][1] += len(ps)
            tot[t][2] += len(gs)
            if a.errors:
                for x in sorted(gs - ps):
                    print(f"{f.stem}\t{t}\tmissed\t{x}")
                for x in sorted(ps - gs):
                    print(f"{f.stem}\t{t}\textra\t{x}")
    for t, (tp, n_pred, n_gold) in tot.items():
        p, r, f1 = ev.prf(tp, n_pred, n_gold)
        print(f"{t:8s} P {p:.3f} R {r:.3f} F1 {f1:.3f} (tp {tp}, pred {n_pred}, gold {n_gold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
