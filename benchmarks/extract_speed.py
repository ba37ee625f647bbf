"""Extraction speed and peak memory: ``nlp.extract`` next to underthesea's ``ner()`` on the same texts.

Each engine runs in its own subprocess pinned to one core (so its peak RSS, ``ru_maxrss``, is its own
and numeric libraries cannot spread over cores), on the texts of the gold and dev sets
(tests/data/gold and tests/data/real/dev; ``--sets``) repeated until the timing is stable (at least
``--min-seconds`` of CPU time, at least one full pass; rates are per CPU second of the process, so
other load on a shared machine does not count). The first pass over the texts is a warm-up
(lexicons, models) and is not timed.

    .venv/bin/python benchmarks/extract_speed.py            # table + benchmarks/out/extract_speed.json
    .venv/bin/python benchmarks/extract_speed.py --check    # exit 1 when a target is missed

Targets (the product's speed budget): nlp.extract >= 40 articles/s, >= 10x underthesea ner(),
peak memory <= 600 MB; the gazetteer (nlp/data/places/admin_units.tsv, loaded by the first
extraction) loads in <= 0.5 s. The gazetteer's load (cold) and lookup times are measured in a
subprocess of their own.

Size scaling (issue 13): one ``nlp.extract`` of a text of 0.25, 1, 4, 8 and 20 million characters
(every annotated set's texts joined by blank lines and repeated, the blind set as filler only:
``extract_snapshot.long_texts``), each in its own subprocess: CPU seconds, seconds per MB and peak
RSS, with the targets beside them: seconds per MB at each size within ``TARGET_LINEAR``× of that at
1 MB (the cost is linear in the length), peak RSS per MB of text under ``TARGET_RSS_PER_MB``, and the
setting max_text_chars' worst case (500,000 characters, from the rate at 1 MB) within
``TARGET_LIMIT_S`` seconds. ``--long-mb`` chooses
the sizes (``--long-mb ""`` skips them).
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
TARGET_LINEAR = 1.3        # seconds per MB at any size / at 1 MB
TARGET_RSS_PER_MB = 250.0  # peak RSS (MB) per million characters of text, at 1 MB and above
TARGET_LIMIT_S = 4.0       # one text at the default max_text_chars (500,000), CPU seconds
LIMIT_MB = 0.5             # the default max_text_chars, in millions of characters
REAL_ARTICLE_KB = 5.0   # a typical portal article body, for the projected rate
SETS = ("gold", "real/dev")


def load_texts(gold_dir: Path, sets: tuple[str, ...] = ()) -> list[str]:
    """The texts of ``gold_dir`` and of each of ``sets`` (folders under tests/data)."""
    dirs = [gold_dir] + [ROOT / "tests" / "data" / s for s in sets if (ROOT / "tests" / "data" / s) != gold_dir]
    texts = [t for d in dirs for p in sorted(d.glob("*.json"))
             if isinstance(t := json.loads(p.read_text(encoding="utf-8")).get("text"), str)]
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
    t0 = time.process_time()
    g = gz.gazetteer()
    load = time.process_time() - t0
    names = [u.name for u in g.units] + [f"{u.type} {u.name}" for u in g.units]
    t0 = time.process_time()
    for name in names:
        gz.lookup(name)
    per = (time.process_time() - t0) / len(names)
    return {"gazetteer_units": len(g.units), "gazetteer_load_s": round(load, 3),
            "gazetteer_lookups": len(names), "gazetteer_lookup_us": round(per * 1e6, 1)}


def long_times(gold_dir: Path, mb: float) -> dict:
    """One extraction of a ``mb``-MB text, after a warm-up on one gold text: CPU seconds (this
    process's, so other load on the machine does not count), wall seconds, peak RSS."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extract_snapshot import long_texts
    texts = load_texts(gold_dir)
    fn = _engine("nlp")
    fn(texts[0])
    text, _ = long_texts(mb)
    c0, t0 = time.process_time(), time.perf_counter()
    fn(text)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mb": mb, "chars": len(text), "seconds": round(cpu, 2), "wall_seconds": round(wall, 2),
            "peak_rss_mb": round(peak_kb / 1024, 1)}


def worker(name: str, gold_dir: Path, min_seconds: float, sets: tuple[str, ...] = SETS) -> dict:
    """Time one engine in this process; the caller runs it in a fresh subprocess."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = load_texts(gold_dir, sets)
    if name.startswith("long:"):   # one long text: its own process, so its peak memory is its own
        return long_times(gold_dir, float(name.split(":", 1)[1]))
    if name == "gazetteer":   # its own process: a cold load, and its lookups do not count in nlp's peak
        return gazetteer_times()
    fn = _engine(name)
    extra = {}
    if name == "nlp":
        from partyfacts import nlp
        extra["pipeline_version"] = nlp.PIPELINE_VERSION
    t0 = time.process_time()
    for t in texts:            # warm-up pass: lazy lexicons and models load here
        fn(t)
    warmup = time.process_time() - t0
    n = 0
    passes = 0
    chars = 0
    t0, w0 = time.process_time(), time.perf_counter()   # CPU time: other load on a shared machine does not count
    while True:
        for t in texts:
            fn(t)
            chars += len(t)
        n += len(texts)
        passes += 1
        elapsed = time.process_time() - t0
        if elapsed >= min_seconds:
            break
    wall = time.perf_counter() - w0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # KiB on Linux
    return {"engine": name, "articles": n, "passes": passes, "seconds": round(elapsed, 3),
            "articles_per_s": round(n / elapsed, 2), "ms_per_article": round(1000 * elapsed / n, 2),
            "kb_per_s": round(chars / 1000 / elapsed, 1), "warmup_s": round(warmup, 3), "wall_seconds": round(wall, 2),
            "peak_rss_mb": round(peak_kb / 1024, 1), **extra}


def run_in_subprocess(name: str, gold_dir: Path, min_seconds: float, sets: tuple[str, ...] = SETS) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    proc = subprocess.run([sys.executable, __file__, "--worker", name, "--gold", str(gold_dir),
                           "--min-seconds", str(min_seconds), "--sets", ",".join(sets)],
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
    ap.add_argument("--sets", default=",".join(SETS),
                    help=f"folders under tests/data timed with --gold (default {','.join(SETS)})")
    ap.add_argument("--long-mb", default="0.25,1,4,8,20",
                    help="sizes in MB of the long texts timed once each (default 0.25,1,4,8,20; \"\" skips)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    sets = tuple(x for x in args.sets.split(",") if x.strip())
    if args.worker:
        print(json.dumps(worker(args.worker, args.gold, args.min_seconds, sets)))
        return 0
    texts = load_texts(args.gold, sets)
    results = [run_in_subprocess("nlp", args.gold, args.min_seconds, sets)]
    gaz = run_in_subprocess("gazetteer", args.gold, args.min_seconds, sets)
    if not args.skip_underthesea:
        results.append(run_in_subprocess("underthesea", args.gold, args.min_seconds, sets))
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
    names = ",".join(dict.fromkeys([args.gold.name, *sets]))
    print(f"{len(texts)} texts of {names} (avg {avg_kb:.1f} K chars), one core, "
          f"python {platform.python_version()}")
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
    long_runs = [run_in_subprocess(f"long:{float(x)}", args.gold, args.min_seconds, sets)
                 for x in args.long_mb.split(",") if x.strip()]
    linearity = None
    if long_runs:
        ref = next((r for r in long_runs if r["mb"] == 1.0), long_runs[0])
        ref_rate = ref["seconds"] / ref["mb"]
        print(f"size scaling (one extract per size, own process; targets: s/MB <= {TARGET_LINEAR:g}x that at "
              f"{ref['mb']:g} MB, peak <= {TARGET_RSS_PER_MB:g} MB per MB of text from 1 MB)")
        print(f"{'MB':>6} {'chars':>10} {'cpu s':>8} {'wall s':>8} {'s/MB':>6} {'x ref':>6} {'peak MB':>8} "
              f"{'MB/MB':>6}  targets")
        for r in long_runs:
            ratio = (r["seconds"] / r["mb"]) / ref_rate
            per_mb = r["peak_rss_mb"] / r["mb"]
            ok_lin = ratio <= TARGET_LINEAR
            ok_mem = r["mb"] < 1 or per_mb <= TARGET_RSS_PER_MB
            print(f"{r['mb']:6g} {r['chars']:10} {r['seconds']:8.2f} {r['wall_seconds']:8.2f} "
                  f"{r['seconds'] / r['mb']:6.2f} {ratio:6.2f} {r['peak_rss_mb']:8.0f} {per_mb:6.0f}  "
                  f"{'ok' if ok_lin else 'MISSED'} <= {TARGET_LINEAR:g}x, "
                  f"{'ok' if ok_mem else 'MISSED'} <= {TARGET_RSS_PER_MB:g} MB/MB")
            if r["mb"] >= 1:
                checks[f"long text {r['mb']:g} MB: s/MB <= {TARGET_LINEAR:g}x that at {ref['mb']:g} MB"] = ok_lin
                checks[f"long text {r['mb']:g} MB: peak <= {TARGET_RSS_PER_MB:g} MB per MB"] = ok_mem
        at_limit = ref_rate * LIMIT_MB
        print(f"at the default max_text_chars ({LIMIT_MB * 1e6:,.0f}): about {at_limit:.1f} CPU s "
              f"(target <= {TARGET_LIMIT_S:g} s)")
        checks[f"one text at the default max_text_chars <= {TARGET_LIMIT_S:g} s"] = at_limit <= TARGET_LIMIT_S
        big = long_runs[-1]
        linearity = round((big["seconds"] / big["mb"]) / ref_rate, 2)
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
