"""Evaluation of the extractor against gold articles: the same P/R/F1 as the project's scorer.

The matching rules are ported from the product owner's scorer (``shared/tools/score.py`` and its
``vnnorm.py``, facts spec v1) so that the package can score itself without reading anything outside
the repository: persons and places as normalised sets, figures matched one-to-one on value (0.5%
tolerance) and unit (equal, or one a word-prefix of the other) after dropping repeated
(value, unit) predictions, roles on person + title core (body words such as UBND/Huyện ủy may sit
at the end of the title or at the start of the organization) and ``roles+org`` also on the
organization. Totals are micro-averaged over articles.

    python -m partyfacts.nlp.evaluate tests/data/gold            # table
    python -m partyfacts.nlp.evaluate tests/data/gold --json     # JSON
    python -m partyfacts.nlp.evaluate tests/data/gold --ablation # with and without the learned model
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any, Callable, Iterable

TYPES = ("persons", "roles", "roles+org", "places", "figures")

# --- normalisation (port of vnnorm.py) ---------------------------------------------------------

_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def _syllable_key(syl: str) -> str:
    d = unicodedata.normalize("NFD", syl)
    tone = "".join(_TONES[c] for c in d if c in _TONES)
    base = "".join(c for c in d if c not in _TONES)
    return unicodedata.normalize("NFC", base) + tone


def norm(s: str) -> str:
    """NFC, lower case, punctuation dropped, tone mark placement folded per syllable."""
    s = unicodedata.normalize("NFC", s or "").lower()
    s = re.sub(r"[\u2010-\u2015]", "-", s)
    s = re.sub(r"[^\w\s%-]", " ", s)
    s = s.replace("-", " - ")
    return " ".join(_syllable_key(w) for w in s.split())


_PLACE_PREFIXES = [
    "thành phố", "tỉnh", "tp", "thủ đô", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn",
    "thôn", "ấp", "bản", "buôn", "plei", "phum", "sóc", "khóm", "làng", "tổ dân phố", "khu phố", "xóm",
    "đặc khu", "nước",
]
_PREF = sorted((norm(p) for p in _PLACE_PREFIXES), key=len, reverse=True)


def place_key(s: str) -> str:
    """A place name without its unit words ("thành phố Vĩnh Yên" → "vĩnh yên"), HCM variants joined."""
    k = norm(s)
    changed = True
    while changed:
        changed = False
        for p in _PREF:
            if k.startswith(p + " "):
                k = k[len(p) + 1:]
                changed = True
    if k in {norm("hcm"), norm("hồ chí minh"), norm("tphcm")}:
        return norm("hồ chí minh")
    return k


# --- matching (port of score.py) ---------------------------------------------------------------

def _name(x: Any) -> str:
    return x.get("name", "") if isinstance(x, dict) else str(x)


def unit_match(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


def value_match(a: Any, b: Any) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


_BODY_WORDS = sorted((norm(w) for w in (
    "ubnd", "hđnd", "mttq", "ub mttq", "ủy ban mttq", "ủy ban nhân dân", "hội đồng nhân dân",
    "ủy ban mặt trận tổ quốc", "ub mttq việt nam", "ủy ban mttq việt nam", "ủy ban mặt trận tổ quốc việt nam",
    "đoàn đại biểu quốc hội", "đoàn đbqh", "tỉnh ủy", "thành ủy", "huyện ủy", "thị ủy", "quận ủy", "đảng ủy",
    "chi bộ", "đảng bộ", "bch", "ban chấp hành", "btv", "ban thường vụ", "tu", "hu", "đu",
    "trung ương đảng", "trung ương", "tw đảng", "t.ư đảng", "tw")), key=len, reverse=True)


def title_core(title: str) -> str:
    t = norm(title)
    changed = True
    while changed:
        changed = False
        for w in _BODY_WORDS:
            if t.endswith(" " + w):
                t = t[: -len(w) - 1]
                changed = True
    return t


def _match_count(gold: list, pred: list, eq: Callable[[Any, Any], bool]) -> int:
    used = [False] * len(pred)
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and eq(g, p):
                used[i] = True
                tp += 1
                break
    return tp


def score_article(gold: dict, pred: dict) -> dict[str, tuple[int, int, int]]:
    """(true positives, predicted, gold) per type for one article.

    ``gold`` is the gold file's "gold" object; ``pred`` an extract-contract dict."""
    res: dict[str, tuple[int, int, int]] = {}
    gp = {norm(p) for p in gold.get("persons", [])}
    pp = {norm(_name(p)) for p in pred.get("persons", []) if _name(p)}
    res["persons"] = (len(gp & pp), len(pp), len(gp))
    gl = {place_key(p) for p in gold.get("places", [])}
    pl = {place_key(_name(p)) for p in pred.get("places", []) if _name(p)}
    res["places"] = (len(gl & pl), len(pl), len(gl))
    gf = gold.get("figures", [])
    pf = []
    seen = set()
    for f in pred.get("figures", []):
        if not isinstance(f, dict):
            continue
        k = (str(f.get("value")), norm(str(f.get("unit", ""))))
        if k in seen:
            continue
        seen.add(k)
        pf.append(f)
    tp = _match_count(gf, pf, lambda g, p: value_match(g["value"], p.get("value"))
                      and unit_match(g["unit"], str(p.get("unit", ""))))
    res["figures"] = (tp, len(pf), len(gf))

    def role_key(r: dict) -> tuple[str, str, str]:
        return norm(r.get("person", "")), norm(r.get("title", "")), norm(r.get("organization", "") or "")

    gr = [role_key(r) for r in gold.get("roles", [])]
    pr: list[tuple[str, str, str]] = []
    for r in pred.get("roles", []):
        if isinstance(r, dict):
            k = role_key(r)
            if k not in pr:
                pr.append(k)

    def title_eq(g, p) -> bool:
        return g[0] == p[0] and (title_core(g[1]) == title_core(p[1])
                                 or (g[1] + " " + g[2]).strip() == (p[1] + " " + p[2]).strip())

    def full_eq(g, p) -> bool:
        if g[0] != p[0]:
            return False
        if (g[1] + " " + g[2]).strip() == (p[1] + " " + p[2]).strip():
            return True
        if g[1] != p[1]:
            return False
        if not g[2]:
            return True
        gt, pt = set(g[2].split()), set(p[2].split())
        return bool(pt) and (gt <= pt or pt <= gt) and len(gt & pt) >= max(1, min(len(gt), len(pt)))

    res["roles"] = (_match_count(gr, pr, title_eq), len(pr), len(gr))
    res["roles+org"] = (_match_count(gr, pr, full_eq), len(pr), len(gr))
    return res


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- reports -----------------------------------------------------------------------------------

def load_gold(gold_dir: str | os.PathLike) -> dict[str, dict]:
    """{gold id: gold file object} for every *.json in ``gold_dir``."""
    out = {}
    d = Path(gold_dir)
    if not d.is_dir():
        raise FileNotFoundError(f"gold directory not found: {gold_dir}")
    for fn in sorted(d.iterdir()):
        if fn.suffix == ".json":
            obj = json.loads(fn.read_text(encoding="utf-8"))
            out[obj["id"]] = obj
    return out


def score(golds: dict[str, dict], preds: dict[str, dict]) -> dict[str, Any]:
    """The scorer's report: per type {p, r, f1, tp, pred, gold}, plus _articles and
    _missing_predictions. ``golds`` maps id → gold file object (with "gold"), ``preds`` id → dict."""
    totals: dict[str, list[int]] = {}
    missing = [g for g in golds if g not in preds]
    for gid, g in golds.items():
        r = score_article(g["gold"], preds.get(gid, {}))
        for k, v in r.items():
            t = totals.setdefault(k, [0, 0, 0])
            for i in range(3):
                t[i] += v[i]
    out: dict[str, Any] = {
        k: dict(zip(("p", "r", "f1"), (round(x, 3) for x in prf(*v))), tp=v[0], pred=v[1], gold=v[2])
        for k, v in totals.items()}
    out["_articles"] = len(golds)
    out["_missing_predictions"] = len(missing)
    return out


def evaluate(gold_dir: str | os.PathLike, extract_fn: Callable[..., Any] | None = None,
             disable: Iterable[str] = ()) -> dict[str, Any]:
    """Run ``extract_fn`` (default ``nlp.extract``) on every gold text and score it; ``disable``
    (pipeline component names, checked first: ValueError) is passed on to it when given.

    The report also carries ``_seconds`` (extraction time) and ``_errors`` (ids whose extraction
    raised; they are scored as empty predictions, never silently dropped)."""
    if extract_fn is None:
        from . import extract as extract_fn  # noqa: PLC0415 (the package's own entry point)
    disable = tuple(disable)
    if disable:
        from .pipeline import enabled  # noqa: PLC0415
        enabled(disable)   # an unknown or required component is a ValueError here, not one per article
    golds = load_gold(gold_dir)
    preds: dict[str, dict] = {}
    errors: dict[str, str] = {}
    t0 = time.perf_counter()
    for gid, g in golds.items():
        try:
            ex = extract_fn(g["text"], disable=disable) if disable else extract_fn(g["text"])
        except Exception as e:  # one bad article must not stop the evaluation; it is reported
            errors[gid] = f"{type(e).__name__}: {e}"
            continue
        preds[gid] = ex.to_dict() if hasattr(ex, "to_dict") else dict(ex)
    seconds = time.perf_counter() - t0
    rep = score(golds, preds)
    rep["_seconds"] = round(seconds, 3)
    rep["_errors"] = errors
    rep["_per_article"] = {gid: score_article(g["gold"], preds.get(gid, {})) for gid, g in golds.items()}
    return rep


def format_report(rep: dict[str, Any], title: str = "") -> str:
    """The scorer's text table."""
    lines = [title] if title else []
    lines.append(f"{'type':10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")
    for k in TYPES:
        o = rep[k]
        lines.append(f"{k:10} {o['p']:6.3f} {o['r']:6.3f} {o['f1']:6.3f} {o['tp']:5} {o['pred']:5} {o['gold']:5}")
    lines.append(f"articles {rep['_articles']}, without prediction {rep['_missing_predictions']}")
    for gid, err in sorted(rep.get("_errors", {}).items()):
        lines.append(f"extraction failed on {gid}: {err}")
    return "\n".join(lines)


def format_per_article(rep: dict[str, Any]) -> str:
    """One line per article: F1 per type with tp/pred/gold, worst figures first."""
    rows = []
    for gid, res in rep.get("_per_article", {}).items():
        cells = []
        for k in TYPES:
            tp, n_pred, n_gold = res[k]
            cells.append(f"{k} {prf(tp, n_pred, n_gold)[2]:.2f} ({tp}/{n_pred}/{n_gold})")
        rows.append((prf(*res["figures"])[2], gid, "  ".join(cells)))
    rows.sort()
    return "\n".join(f"{gid:24} {cells}" for _, gid, cells in rows)


def below_floor(rep: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """Types whose F1 is under its floor, with the numbers."""
    return [f"{k} F1 {rep.get(k, {}).get('f1', 0.0)} < {v}" for k, v in floors.items()
            if rep.get(k, {}).get("f1", 0.0) < v]


MODEL_COMPONENT = "people.model"   # what --ablation leaves out


def main(argv: Iterable[str] | None = None) -> int:
    """``partyfacts evaluate GOLD_DIR [--json] [--ablation] [--min-f1 TYPE=F ...]``; exit 1 when a
    type is under its minimum, 2 on bad arguments."""
    ap = argparse.ArgumentParser(prog="partyfacts evaluate",
                                 description="Score nlp.extract on gold articles (P/R/F1 per fact type).",
                                 epilog="example: partyfacts evaluate tests/data/gold --min-f1 figures=0.9")
    ap.add_argument("gold_dir", help="folder of gold *.json files (id, text, gold)")
    ap.add_argument("--json", action="store_true", help="print the report as one JSON object")
    ap.add_argument("--ablation", action="store_true",
                    help=f"also run without the {MODEL_COMPONENT} component (rules only) and print both reports")
    ap.add_argument("--per-article", action="store_true",
                    help="also print F1 (tp/pred/gold) per article and type")
    ap.add_argument("--min-f1", action="append", default=[], metavar="TYPE=F",
                    help="fail (exit 1) when TYPE's F1 is below F; repeatable")
    args = ap.parse_args(list(argv) if argv is not None else None)
    floors: dict[str, float] = {}
    for item in args.min_f1:
        k, sep, v = item.partition("=")
        if not sep or k not in TYPES:
            ap.error(f"--min-f1 wants TYPE=F with TYPE in {', '.join(TYPES)}, got {item!r}")
        floors[k] = float(v)
    if args.ablation:
        reps = {"with model": evaluate(args.gold_dir),
                "rules only": evaluate(args.gold_dir, disable=[MODEL_COMPONENT])}
        if args.json:
            print(json.dumps(reps, ensure_ascii=False))
        else:
            print(format_report(reps["with model"], "== with model"))
            print()
            print(format_report(reps["rules only"], f"== rules only (disable={MODEL_COMPONENT})"))
            print()
            print(f"{'type':10} {'F1 model':>9} {'F1 rules':>9} {'delta':>7}")
            for k in TYPES:
                a, b = reps["with model"][k]["f1"], reps["rules only"][k]["f1"]
                print(f"{k:10} {a:9.3f} {b:9.3f} {a - b:+7.3f}")
        rep = reps["with model"]
    else:
        rep = evaluate(args.gold_dir)
        if args.json:
            print(json.dumps(rep, ensure_ascii=False))
        else:
            print(format_report(rep))
            if args.per_article:
                print()
                print(format_per_article(rep))
    bad = below_floor(rep, floors)
    if bad:
        print("below minimum: " + ", ".join(bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
