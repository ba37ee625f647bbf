#!/usr/bin/env python3
"""Sanity check for the real-text gold files (tests/data/real/{dev,blind}/*.json).

Checks, for every file: it parses; it has id, url, site, title, published, text and
gold{persons, roles, places, figures}; the id equals the file's base name; every gold
person and place occurs in the text (case-insensitive, NFC); every word of each role's
title and organization occurs in the text; each role's person is a listed person; every
figure's number occurs in the text in some written form (digits with or without
thousands dots / decimal comma, scale words, or number words). Prints counts per set.
Exit status 1 if any problem was found.

Usage: python3 check_gold.py [DIR ...]   (default: the dev/ and blind/ folders next to it)
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REQUIRED = ["id", "url", "site", "title", "published", "text", "gold"]
NUMBER_WORDS = {1: ["một", "mốt"], 2: ["hai", "đôi"], 3: ["ba"], 4: ["bốn", "tư"], 5: ["năm"],
                6: ["sáu"], 7: ["bảy"], 8: ["tám"], 9: ["chín"], 10: ["mười"]}
PLACE_ALIASES = {"hồ chí minh": ["tphcm", "tp.hcm", "tp hcm", "tp. hcm", "hồ chí minh"]}
SCALES = [(10**12, "nghìn tỷ"), (10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn"), (10**3, "ngàn")]


def norm(s):
    return unicodedata.normalize("NFC", s).lower()


def fmt_vn(x):
    """Vietnamese spellings of a number: 1234.5 -> '1.234,5', '1234,5'."""
    if isinstance(x, float) and not x.is_integer():
        ip, fp = repr(x).split(".")
        ip = int(ip)
        fps = [fp]
    else:
        ip, fps = int(x), []
    dotted = f"{ip:,}".replace(",", ".")
    plain = str(ip)
    outs = set()
    for base in {dotted, plain}:
        outs.add(base + ("," + fps[0] if fps else ""))
        if fps:
            outs.add(base + "." + fps[0])
    return outs


def number_forms(v):
    forms = set(fmt_vn(v))
    for scale, word in SCALES:
        if v >= scale and (v / scale) * scale == v:
            q = v / scale
            q = int(q) if float(q).is_integer() else q
            forms |= fmt_vn(q)
            if isinstance(q, int) and q in NUMBER_WORDS:
                forms |= {w + " " + word for w in NUMBER_WORDS[q]}
    # composite like "153 tỷ 900 triệu": the leading part
    if v >= 10**9:
        forms |= fmt_vn(int(v // 10**9))
    if isinstance(v, int) and v in NUMBER_WORDS:
        forms |= set(NUMBER_WORDS[v])
    return forms


def occurs_number(text, v):
    t = norm(text)
    for f in number_forms(v):
        f = norm(f)
        if f.isdigit() or re.match(r"^[\d.,]+$", f):
            if re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d]|[.,]\d)", t):
                return True
        elif re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", t):
            return True
    return False


def words(s):
    return [w for w in re.split(r"[\s,;()\-–/]+", norm(s)) if w and w not in {"&"}]


def check_file(path, problems):
    try:
        d = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        problems.append(f"{path}: does not parse: {e}")
        return None
    for k in REQUIRED:
        if k not in d:
            problems.append(f"{path}: missing key {k}")
    g = d.get("gold", {})
    for k in ["persons", "roles", "places", "figures"]:
        if k not in g:
            problems.append(f"{path}: gold lacks {k}")
    base = os.path.splitext(os.path.basename(path))[0]
    if d.get("id") != base:
        problems.append(f"{path}: id {d.get('id')!r} != file name")
    text = d.get("text", "")
    if text != unicodedata.normalize("NFC", text):
        problems.append(f"{path}: text is not NFC")
    t = norm(text)
    for p in g.get("persons", []):
        if norm(p) not in t:
            problems.append(f"{path}: person {p!r} not in text")
    if len(set(map(norm, g.get("persons", [])))) != len(g.get("persons", [])):
        problems.append(f"{path}: duplicate person")
    persons = set(map(norm, g.get("persons", [])))
    tw = set(words(text))
    seen = set()
    for r in g.get("roles", []):
        if norm(r["person"]) not in persons:
            problems.append(f"{path}: role person {r['person']!r} not among persons")
        for field in ("title", "organization"):
            for w in words(r.get(field, "")):
                if w not in tw and w not in t:
                    problems.append(f"{path}: {field} word {w!r} of {r[field]!r} not in text")
        key = (norm(r["person"]), norm(r["title"]), norm(r.get("organization", "")))
        if key in seen:
            problems.append(f"{path}: duplicate role {key}")
        seen.add(key)
    for pl in g.get("places", []):
        if not any(a in t for a in PLACE_ALIASES.get(norm(pl), [norm(pl)])):
            problems.append(f"{path}: place {pl!r} not in text")
    if len(set(map(norm, g.get("places", [])))) != len(g.get("places", [])):
        problems.append(f"{path}: duplicate place")
    fseen = set()
    for f in g.get("figures", []):
        v = f["value"]
        if not occurs_number(text, v):
            problems.append(f"{path}: figure {v} {f['unit']!r}: number not found in text")
        if (v, norm(f["unit"])) in fseen:
            problems.append(f"{path}: duplicate figure {v} {f['unit']}")
        fseen.add((v, norm(f["unit"])))
    return d


def main():
    dirs = sys.argv[1:] or [os.path.join(HERE, "dev"), os.path.join(HERE, "blind")]
    problems = []
    total = [0] * 6
    print(f"{'set':<8}{'articles':>9}{'words':>8}{'persons':>9}{'roles':>7}{'places':>8}{'figures':>9}")
    for dr in dirs:
        n = [0] * 6
        for fn in sorted(os.listdir(dr)):
            if not fn.endswith(".json"):
                continue
            d = check_file(os.path.join(dr, fn), problems)
            if d is None:
                continue
            g = d["gold"]
            for i, x in enumerate([1, len(d["text"].split()), len(g["persons"]), len(g["roles"]),
                                   len(g["places"]), len(g["figures"])]):
                n[i] += x
        total = [a + b for a, b in zip(total, n)]
        print(f"{os.path.basename(dr.rstrip('/')):<8}" + "".join(f"{x:>{w}}" for x, w in zip(n, [9, 8, 9, 7, 8, 9])))
    print(f"{'total':<8}" + "".join(f"{x:>{w}}" for x, w in zip(total, [9, 8, 9, 7, 8, 9])))
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
