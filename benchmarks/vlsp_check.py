"""Outside check: persons found by nlp.extract against a VLSP-2016 NER file (CoNLL-2003 columns).

    .venv/bin/python benchmarks/vlsp_check.py PATH/TO/vie.test [--json] [--limit N] [--disable people.model]

The file is not shipped with the repository (VLSP data are distributed under the VLSP licence, for
research; get it from VLSP or a copy such as github.com/phuonglh/vlp, dat/ner/vie/). Format: one
token per line, whitespace-separated columns ``word POS chunk NE`` (syllables of a word joined by
``_``), sentences separated by blank lines; ``<s>``/``</s>`` and ``-DOCSTART-`` lines are skipped.

Scoring, as issue 13 describes it: per sentence, the set of gold PER entities of two or more
syllables against the set of persons of two or more syllables that ``extract`` returns for the
sentence's text (tokens joined by spaces); both sides normalised like the project's scorer (case,
punctuation and tone-mark placement folded). Precision, recall and F1 are micro-averaged over
sentences. Never tune on the test split: score on it, report the number.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from partyfacts.nlp import evaluate as ev  # noqa: E402
from partyfacts.nlp.extract import extract  # noqa: E402


def read_conll(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as lists of (word, NE tag)."""
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = unicodedata.normalize("NFC", line.strip())
            if not line or line in ("<s>", "</s>") or line.startswith("-DOCSTART-"):
                if cur:
                    sents.append(cur)
                cur = []
                continue
            parts = line.split()
            if len(parts) < 2:
                raise SystemExit(f"{path}:{n}: expected 'word ... NE' columns, got {line!r}; "
                                 "is this a CoNLL-2003 style VLSP file?")
            tag = parts[3] if len(parts) >= 4 else parts[-1]
            cur.append((parts[0].replace("_", " "), tag))
    if cur:
        sents.append(cur)
    return sents


def gold_persons(sent: list[tuple[str, str]]) -> set[str]:
    out, cur = set(), []
    for word, tag in sent + [("", "O")]:
        if tag.endswith("-PER") and (tag.startswith("I-") and cur):
            cur.append(word)
            continue
        if cur:
            out.add(" ".join(cur))
            cur = []
        if tag.endswith("-PER"):
            cur = [word]
    return {ev.norm(p) for p in out if len(ev.norm(p).split()) >= 2}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", type=Path, help="a VLSP-2016 NER file in CoNLL format (e.g. vie.test)")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences")
    ap.add_argument("--disable", action="append", default=[], help="pipeline component to turn off")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    a = ap.parse_args(argv)
    if not a.path.is_file():
        ap.error(f"no such file: {a.path} (give the path of a VLSP-2016 NER file, e.g. vie.test)")
    sents = read_conll(a.path)
    if a.limit:
        sents = sents[:a.limit]
    tp = n_pred = n_gold = 0
    t0 = time.perf_counter()
    for sent in sents:
        text = " ".join(w for w, _ in sent)
        gold = gold_persons(sent)
        ex = extract(text, disable=a.disable) if a.disable else extract(text)
        pred = {ev.norm(p.name) for p in ex.persons}
        pred = {p for p in pred if len(p.split()) >= 2}
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
    p, r, f = ev.prf(tp, n_pred, n_gold)
    rep = {"file": str(a.path), "sentences": len(sents), "persons": {"P": round(p, 3), "R": round(r, 3),
           "F1": round(f, 3), "tp": tp, "pred": n_pred, "gold": n_gold},
           "seconds": round(time.perf_counter() - t0, 1)}
    if a.json:
        print(json.dumps(rep, ensure_ascii=False))
    else:
        print(f"{a.path.name}: {len(sents)} sentences; persons (2+ syllables) P {p:.3f} R {r:.3f} "
              f"F1 {f:.3f} (tp {tp}, pred {n_pred}, gold {n_gold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
