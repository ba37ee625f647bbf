"""Knowledge-base quality on the blind identity set (tests/data/identity): persons, organisations and
stories, for the model ("splink"), the rules baseline and one person per name ("name", the knowledge
base before resolution), with the time each takes.

The set is ingested, processed and linked twice, each time in a fresh temporary database exactly as a
user would (site names only; provinces inferred): once resolved by the model, once by the rules. The
"name" baseline is computed from the same occurrences. The set is for measuring only: never tune
rules, priors or lexicons on it.

    .venv/bin/python benchmarks/identity.py             # table + benchmarks/out/identity.json
    .venv/bin/python benchmarks/identity.py --set DIR   # another set in the same format
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "data" / "identity"
OUT = Path(__file__).resolve().parent / "out"


def headline(scores: dict) -> dict:
    """The numbers a reader compares across methods."""
    return {"persons_pairwise_f1": scores["persons"]["pairwise"]["f1"],
            "persons_bcubed_f1": scores["persons"]["bcubed"]["f1"],
            "orgs_pairwise_f1": scores["organizations"]["pairwise"]["f1"],
            "orgs_bcubed_f1": scores["organizations"]["bcubed"]["f1"],
            "generic_right_province": scores["organizations"]["generic_right_province"],
            "story_count_exact_share": scores["double_counts"]["exact_share"]}


def warm_up(root: Path) -> None:
    """Load the nlp models and Splink once, so that neither timed run pays for it."""
    from partyfacts import nlp
    from partyfacts.corpus.kb.persons import Occurrence, resolve_persons
    first = next(iter(sorted((root / "articles").glob("*/*.txt"))), None)
    if first is None:
        raise SystemExit(f"no articles under {root / 'articles'}: is {root} an identity set?")
    nlp.extract(first.read_text(encoding="utf-8"))
    resolve_persons([Occurrence("a#x", "Lê Văn A", "lê văn a"), Occurrence("b#x", "Lê Văn A", "lê văn a")])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=SET, help="identity set directory (default: tests/data/identity)")
    ap.add_argument("--out", type=Path, default=OUT / "identity.json", help="JSON file to write")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from partyfacts.corpus.identity import evaluate_identity

    warm_up(args.set)
    reports, seconds = {}, {}
    for method in ("splink", "rules"):
        t0 = time.perf_counter()
        reports[method] = evaluate_identity(args.set, method=method)
        seconds[method] = time.perf_counter() - t0
    main_report = reports["splink"]
    print(main_report.table())
    print()
    # the rules as the database holds them must score as the rules computed in memory
    db_rules = reports["rules"].methods["rules"].to_dict()
    mem_rules = main_report.methods["rules"].to_dict()
    same = all(db_rules[k] == mem_rules[k] for k in ("persons", "organizations"))
    print(f"rules in the database {'=' if same else '≠'} rules in memory")
    print("seconds, whole run after a warm-up (ingest, process with resolution, link, score): "
          + ", ".join(f"{m} {s:.1f}" for m, s in seconds.items()))
    print("seconds, person resolution alone over the same occurrences: "
          + ", ".join(f"{m} {s.resolve_seconds:.3f}" for m, s in main_report.methods.items()))
    print("seconds, stages of the splink run: " + ", ".join(f"{k} {v:.1f}" for k, v in main_report.timings.items()))
    out = {
        "set": str(args.set), "python": platform.python_version(),
        "summary": {m: headline(s.to_dict()) for m, s in main_report.methods.items()},
        "seconds": {"run": {m: round(s, 3) for m, s in seconds.items()},
                    "resolution": {m: round(s.resolve_seconds, 4) for m, s in main_report.methods.items()},
                    "stages": {m: r.to_dict()["timings"] for m, r in reports.items()}},
        "rules_db_equals_memory": same,
        "reports": {m: r.to_dict() for m, r in reports.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
