"""Extraction speed and peak memory: ``nlp.extract`` next to underthesea's ``ner()`` on the same texts.

Each engine runs in its own subprocess pinned to one core (so its peak RSS, ``ru_maxrss``, is its own
and numeric libraries cannot spread over cores), on the gold texts of tests/data/gold repeated until
the timing is stable (at least ``--min-seconds`` of work, at least one full pass). The first pass over
the texts is a warm-up (lexicons, models) and is not timed.

    .venv/bin/python benchmarks/extract_speed.py            # table + benchmarks/out/extract_speed.json
    .venv/bin/python benchmarks/extract_speed.py --check    # exit 1 when a target is missed

Targets (the product's speed budget): nlp.extract >= 40 articles/s, >= 10x underthesea ner(),
peak memory <= 600 MB; the gazetteer (nlp/data/places/admin_units.tsv, loaded by the first
extraction) loads in <= 0.5 s. The gazetteer's load (cold) and lookup times are measured in a
subprocess of their own.

Long texts: one ``nlp.extract`` of a 1 MB and of a 4 MB text (the gold texts joined and repeated),
each in its own subprocess, to show that the cost grows linearly with the length (``--long-mb``
chooses the sizes; ``--long-mb ""`` skips them). The ratio of seconds per MB between the largest and
the smallest size is printed (about 1 when linear); it is reported, not checked.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "gold"
OUT = Path(__file__).resolve().parent / "out"
TARGET_RATE = 40.0
TARGET_SPEEDUP = 10.0
TARGET_PEAK_MB = 600.0
TARGET_GAZETTEER_LOAD_S = 0.5
REAL_ARTICLE_KB = 5.0   # a typical portal article body, for the projected rate


def load_texts(gold_dir: Path) -> list[str]:
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(gold_dir.glob("*.json"))]
    if not texts:
        raise SystemExit(f"no gold texts in {gold_dir}: run from the repository or pass --gold")
    return texts


def _engine(name: str):
    if name == "nlp":
        sys.path.insert(0, str(ROOT))
        from partyfacts import nlp
        return nlp.extract
    if name == "underthesea":
        from underthesea import ner
        return ner
    raise SystemExit(f"unknown engine {name!r} (nlp or underthesea)")


def gazetteer_times() -> dict:
    """Cold load of the gazetteer, then the mean time of one ``lookup`` over every unit name
    (each looked up with and without its unit word)."""
    from partyfacts.nlp import gazetteer as gz
    t0 = time.perf_counter()
    g = gz.gazetteer()
    load = time.perf_counter() - t0
    names = [u.name for u in g.units] + [f"{u.type} {u.name}" for u in g.units]
    t0 = time.perf_counter()
    for name in names:
        gz.lookup(name)
    per = (time.perf_counter() - t0) / len(names)
    return {"gazetteer_units": len(g.units), "gazetteer_load_s": round(load, 3),
            "gazetteer_lookups": len(names), "gazetteer_lookup_us": round(per * 1e6, 1)}


def long_text(texts: list[str], mb: float) -> str:
    """The gold texts joined by blank lines and repeated to ``mb`` million characters."""
    base = "\n\n".join(texts)
    size = int(mb * 1_000_000)
    return (base * (size // len(base) + 1))[:size]


def long_times(gold_dir: Path, mb: float) -> dict:
    """One extraction of a ``mb``-MB text, after a warm-up on one gold text."""
    texts = load_texts(gold_dir)
    fn = _engine("nlp")
    fn(texts[0])
    text = long_text(texts, mb)
    t0 = time.perf_counter()
    fn(text)
    elapsed = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mb": mb, "chars": len(text), "seconds": round(elapsed, 2), "peak_rss_mb": round(peak_kb / 1024, 1)}


def worker(name: str, gold_dir: Path, min_seconds: float) -> dict:
    """Time one engine in this process; the caller runs it in a fresh subprocess."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = load_texts(gold_dir)
    if name.startswith("long:"):   # one long text: its own process, so its peak memory is its own
        return long_times(gold_dir, float(name.split(":", 1)[1]))
    if name == "gazetteer":   # its own process: a cold load, and its lookups do not count in nlp's peak
        return gazetteer_times()
    fn = _engine(name)
    extra = {}
    if name == "nlp":
        from partyfacts import nlp
        extra["pipeline_version"] = nlp.PIPELINE_VERSION
    t0 = time.perf_counter()
    for t in texts:            # warm-up pass: lazy lexicons and models load here
        fn(t)
    warmup = time.perf_counter() - t0
    n = 0
    passes = 0
    chars = 0
    t0 = time.perf_counter()
    while True:
        for t in texts:
            fn(t)
            chars += len(t)
        n += len(texts)
        passes += 1
        elapsed = time.perf_counter() - t0
        if elapsed >= min_seconds:
            break
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # KiB on Linux
    return {"engine": name, "articles": n, "passes": passes, "seconds": round(elapsed, 3),
            "articles_per_s": round(n / elapsed, 2), "ms_per_article": round(1000 * elapsed / n, 2),
            "kb_per_s": round(chars / 1000 / elapsed, 1), "warmup_s": round(warmup, 3),
            "peak_rss_mb": round(peak_kb / 1024, 1), **extra}


def run_in_subprocess(name: str, gold_dir: Path, min_seconds: float) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, __file__, "--worker", name, "--gold", str(gold_dir),
                           "--min-seconds", str(min_seconds)],
                          capture_output=True, text=True, env=env, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{name} benchmark failed (exit {proc.returncode}):\n{proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=GOLD, help="folder of gold *.json texts")
    ap.add_argument("--min-seconds", type=float, default=5.0, help="timed work per engine (default 5)")
    ap.add_argument("--skip-underthesea", action="store_true", help="time nlp.extract only")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--long-mb", default="1,4",
                    help="sizes in MB of the long texts timed once each (default 1,4; \"\" skips)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.gold, args.min_seconds)))
        return 0
    texts = load_texts(args.gold)
    results = [run_in_subprocess("nlp", args.gold, args.min_seconds)]
    gaz = run_in_subprocess("gazetteer", args.gold, args.min_seconds)
    if not args.skip_underthesea:
        results.append(run_in_subprocess("underthesea", args.gold, args.min_seconds))
    ours = results[0]
    speedup = (ours["articles_per_s"] / results[1]["articles_per_s"]) if len(results) > 1 else None
    checks = {
        f"nlp.extract >= {TARGET_RATE:g} articles/s": ours["articles_per_s"] >= TARGET_RATE,
        f"nlp.extract peak <= {TARGET_PEAK_MB:g} MB": ours["peak_rss_mb"] <= TARGET_PEAK_MB,
    }
    checks[f"gazetteer load <= {TARGET_GAZETTEER_LOAD_S:g} s"] = gaz["gazetteer_load_s"] <= TARGET_GAZETTEER_LOAD_S
    if speedup is not None:
        checks[f"nlp.extract >= {TARGET_SPEEDUP:g}x underthesea ner()"] = speedup >= TARGET_SPEEDUP
    avg_kb = sum(len(t) for t in texts) / len(texts) / 1000
    print(f"{len(texts)} gold texts (avg {avg_kb:.1f} K chars), one core, python {platform.python_version()}")
    print(f"{'engine':14} {'art/s':>8} {'ms/art':>8} {'peak MB':>8} {'articles':>9} {'seconds':>8}")
    for r in results:
        label = "nlp.extract" if r["engine"] == "nlp" else "underthesea.ner"
        print(f"{label:14} {r['articles_per_s']:8.1f} {r['ms_per_article']:8.2f} {r['peak_rss_mb']:8.1f} "
              f"{r['articles']:9} {r['seconds']:8.2f}")
    print(f"gazetteer ({gaz['gazetteer_units']} units): load {gaz['gazetteer_load_s']:.3f} s, "
          f"lookup {gaz['gazetteer_lookup_us']:.1f} µs (mean of {gaz['gazetteer_lookups']}); "
          f"pipeline {ours['pipeline_version']}")
    if speedup is not None:
        print(f"speed-up of nlp.extract over underthesea ner(): {speedup:.1f}x")
    # the gold texts are shorter than a typical portal article (3-6 K chars): project the rate
    projected = ours["kb_per_s"] / REAL_ARTICLE_KB
    print(f"nlp.extract throughput {ours['kb_per_s']:.0f} K chars/s ≈ {projected:.0f} articles/s "
          f"at {REAL_ARTICLE_KB:g} K chars per article")
    checks[f"nlp.extract >= {TARGET_RATE:g} articles/s at {REAL_ARTICLE_KB:g} K chars"] = projected >= TARGET_RATE
    long_runs = [run_in_subprocess(f"long:{float(x)}", args.gold, args.min_seconds)
                 for x in args.long_mb.split(",") if x.strip()]
    for r in long_runs:
        print(f"long text {r['mb']:g} MB ({r['chars']} chars): {r['seconds']:.2f} s, "
              f"{r['seconds'] / r['mb']:.2f} s/MB, peak {r['peak_rss_mb']:.0f} MB")
    linearity = None
    if len(long_runs) >= 2:
        small, big = long_runs[0], long_runs[-1]
        linearity = round((big["seconds"] / big["mb"]) / (small["seconds"] / small["mb"]), 2)
        print(f"seconds per MB at {big['mb']:g} MB / at {small['mb']:g} MB: {linearity:.2f} (1.0 = linear)")
    for k, ok in checks.items():
        print(f"[{'ok' if ok else 'MISSED'}] {k}")
    OUT.mkdir(exist_ok=True)
    report = {"when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "texts": len(texts), "results": results,
              "gazetteer": gaz, "long_texts": long_runs, "long_linearity": linearity,
              "projected_articles_per_s_at_5k": round(projected, 1),
              "speedup": round(speedup, 2) if speedup is not None else None, "checks": checks,
              "machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "cpus": os.cpu_count()}}
    path = OUT / "extract_speed.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
    return 1 if args.check and not all(checks.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
