"""Ablation of the person-name model: rules only vs rules + model, persons P/R/F1 on
tests/data/people/ablation.jsonl (cue-less sentences written for it), on the written genre articles
(tests/data/people/genre_articles.jsonl), on the dev gold, and on every person name of those put
alone in a neutral sentence (recall when no cue helps).

usage: .venv/bin/python scripts/people_ablation.py
"""
import glob
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from partyfacts.nlp import people  # noqa: E402
from partyfacts.nlp.people.model import person_scorer  # noqa: E402
from partyfacts.nlp.doc import Document  # noqa: E402
from partyfacts.nlp.evaluate import prf  # noqa: E402
from partyfacts.nlp.text import Text, key  # noqa: E402


def score(cases, use_model):
    scorer = person_scorer() if use_model else None
    tp = npred = ngold = 0
    for text, gold in cases:
        pred = {key(p.name) for p in people.find_people(Document(Text.of(text)), [], scorer=scorer)[0]}
        g = {key(x) for x in gold}
        tp += len(pred & g)
        npred += len(pred)
        ngold += len(g)
    return prf(tp, npred, ngold)


def main():
    written = [(d["text"], d["persons"]) for d in map(json.loads, open(ROOT / "tests/data/people/ablation.jsonl", encoding="utf-8"))]
    dev = []
    for f in sorted(glob.glob(str(ROOT / "tests/data/gold/*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        dev.append((d["text"], d["gold"]["persons"]))
    genre = [(d["text"], d["persons"]) for d in map(json.loads, open(ROOT / "tests/data/people/genre_articles.jsonl", encoding="utf-8"))]
    # every known person name (not a byline in capitals) alone in a neutral sentence: recall without cues
    known = sorted({n for _, g in genre + dev for n in g if not n.isupper()})
    neutral = [(f"Trong buổi làm việc, {n} cho biết thêm về kết quả.", [n]) for n in known]
    for name, cases in (("written sentences", written), ("genre articles", genre), ("dev gold", dev),
                        ("names, no cue", neutral)):
        for use in (False, True):
            p, r, f = score(cases, use)
            print(f"{name:18s} {'rules+model' if use else 'rules only':12s} P={p:.3f} R={r:.3f} F1={f:.3f}")


if __name__ == "__main__":
    main()
