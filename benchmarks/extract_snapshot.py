"""Extraction outputs of every annotated text, as one JSON file, to prove a speed change changed nothing.

Runs ``nlp.extract`` on each text of tests/data/gold, real/dev, heldout, heldout2, heldout3, on the
concatenation of each set, and on two long texts (``--long-mb``, default 0.5: every set's texts
joined and repeated; then the same with every third article in NFD and no-break spaces as
"&nbsp;", so the offset map back to the input is exercised), and writes every fact with its spans
and the component versions. Two snapshots taken before and after a change must
be byte-identical:

    .venv/bin/python benchmarks/extract_snapshot.py /tmp/before.json     # on the old code
    .venv/bin/python benchmarks/extract_snapshot.py /tmp/after.json      # on the new code
    .venv/bin/python benchmarks/extract_snapshot.py --diff /tmp/before.json /tmp/after.json

``--diff`` exits 1 and names the first differing text when they differ.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = ("gold", "real/dev", "heldout", "heldout2", "heldout3")


def long_texts(mb: float, sets=SETS + ("real/blind",)) -> tuple[str, str]:
    """A text of ``mb`` million characters: the texts of ``sets`` joined by blank lines and repeated
    (the blind set is only filler here: nothing is tuned on a long text); and the same with every
    third article in NFD and its spaces after commas written "&nbsp;"."""
    arts = [json.loads(p.read_text(encoding="utf-8")).get("text") for s in sets
            for p in sorted((DATA / s).glob("*.json"))]
    arts = [t for t in arts if isinstance(t, str)]
    size = int(mb * 1_000_000)

    def fill(items: list[str]) -> str:
        base = "\n\n".join(items)
        return (base * (size // len(base) + 1))[:size]

    messy = [unicodedata.normalize("NFD", t).replace(", ", ",&nbsp;") if i % 3 == 0 else t
             for i, t in enumerate(arts)]
    return fill(arts), fill(messy)


def texts(long_mb: float = 0.0) -> list[tuple[str, str]]:
    """(name, text) of every annotated text of SETS, one concatenation per set, the long texts."""
    out: list[tuple[str, str]] = []
    for s in SETS:
        group = []
        for p in sorted((DATA / s).glob("*.json")):
            t = json.loads(p.read_text(encoding="utf-8")).get("text")
            if isinstance(t, str):
                group.append((f"{s}/{p.name}", t))
        out.extend(group)
        out.append((f"{s}/ALL", "\n\n".join(t for _, t in group)))
    if long_mb > 0:
        plain, messy = long_texts(long_mb)
        out += [(f"long/{long_mb:g}MB", plain), (f"long/{long_mb:g}MB-nfd-entities", messy)]
    return out


def snapshot(long_mb: float = 0.0) -> dict:
    from partyfacts import nlp
    res = {}
    for name, text in texts(long_mb):
        ex = nlp.extract(text)
        res[name] = {k: [dataclasses.asdict(x) for x in getattr(ex, k)]
                     for k in ("persons", "roles", "places", "organizations", "figures", "dates")}
        res[name]["meta"] = ex.meta
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="snapshot to write, or (with --diff) two to compare")
    ap.add_argument("--diff", action="store_true", help="compare two snapshots")
    ap.add_argument("--long-mb", type=float, default=0.5, help="size of the two long texts (0 = none)")
    args = ap.parse_args(argv)
    if args.diff:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in args.paths)
        bad = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        for k in bad[:20]:
            print(f"differs: {k}")
        print(f"{len(a)} texts, {len(bad)} differ")
        return 1 if bad else 0
    snap = snapshot(args.long_mb)
    args.paths[0].write_text(json.dumps(snap, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n",
                             encoding="utf-8")
    print(f"wrote {args.paths[0]} ({len(snap)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
