"""Scraper quality on the unseen fixture sites (tests/data/sites_unseen/): each site crawled from its start
URL over HTTP on 127.0.0.1 with the real crawler, MemoryState and no delay; prints per family articles
found %, non-articles stored %, titles / dates exact %, mean body token F1, author+source exact %,
boilerplate strings leaked and duplicates, then the problems.

    .venv/bin/python benchmarks/scraper_quality.py [family ...] [-v] [--root DIR]

--root DIR measures the sites under another directory (e.g. tests/data/sites_unseen2).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "scraper")]

from unseen_quality import UNSEEN_SITES, families, measure  # noqa: E402


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    root = UNSEEN_SITES
    if "--root" in argv:
        i = argv.index("--root")
        root = Path(argv[i + 1]).resolve()
        argv = argv[:i] + argv[i + 2:]
    fams = [a for a in argv if not a.startswith("-")] or families(root)
    failed = 0
    for fam in fams:
        q = measure(fam, root=root)
        print(q.row(), flush=True)
        misses = q.misses()
        failed += bool(misses)
        for m in misses:
            print("   MISS", m)
        if verbose:
            for p in q.problems:
                print("   ", p)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
