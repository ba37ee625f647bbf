"""Extraction outputs of every annotated text, as one JSON file, to prove a speed change changed nothing.

Runs ``nlp.extract`` on each text of tests/data/gold, real/dev, heldout, heldout2, heldout3 (and the
concatenations of each set, which exercise the cross-article paths of long inputs) and writes every
fact with its spans and the component versions. Two snapshots taken before and after a change must
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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SETS = ("gold", "real/dev", "heldout", "heldout2", "heldout3")


def texts() -> list[tuple[str, str]]:
    """(name, text) of every annotated text of SETS, then one concatenation per set."""
    out: list[tuple[str, str]] = []
    for s in SETS:
        group = []
        for p in sorted((DATA / s).glob("*.json")):
            t = json.loads(p.read_text(encoding="utf-8")).get("text")
            if isinstance(t, str):
                group.append((f"{s}/{p.name}", t))
        out.extend(group)
        out.append((f"{s}/ALL", "\n\n".join(t for _, t in group)))
    return out


def snapshot() -> dict:
    from partyfacts import nlp
    res = {}
    for name, text in texts():
        ex = nlp.extract(text)
        res[name] = {k: [dataclasses.asdict(x) for x in getattr(ex, k)]
                     for k in ("persons", "roles", "places", "organizations", "figures", "dates")}
        res[name]["meta"] = ex.meta
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path, help="snapshot to write, or (with --diff) two to compare")
    ap.add_argument("--diff", action="store_true", help="compare two snapshots")
    args = ap.parse_args(argv)
    if args.diff:
        a, b = (json.loads(p.read_text(encoding="utf-8")) for p in args.paths)
        bad = [k for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        for k in bad[:20]:
            print(f"differs: {k}")
        print(f"{len(a)} texts, {len(bad)} differ")
        return 1 if bad else 0
    snap = snapshot()
    args.paths[0].write_text(json.dumps(snap, ensure_ascii=False, indent=1, sort_keys=True, default=str) + "\n",
                             encoding="utf-8")
    print(f"wrote {args.paths[0]} ({len(snap)} texts)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
