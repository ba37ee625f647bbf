#!/usr/bin/env python3
"""Consistency checks for the identity evaluation set (plain script, not a test module).

Usage: python3 check_truth.py [SET_DIR]   (default: the directory of this script)

Checks that sites.toml, every article and truth.json parse; that every article referenced
in truth.json exists; that every person name and organisation surface occurs in its
article's text; that every article's persons are covered (known names, names after
"đồng chí/ông/bà" and byline lines); that stories and posts reference valid ids.
Exit status 0 when everything passes, 1 otherwise.
"""
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
errors, warnings = [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def nfc(s):
    return unicodedata.normalize("NFC", s)


def parse_toml_sites(text):
    if tomllib is not None:
        return tomllib.loads(text)["site"]
    sites, cur = [], None  # tiny fallback parser for this file's shape
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line == "[[site]]":
            cur = {}
            sites.append(cur)
            continue
        m = re.match(r'(\w+)\s*=\s*"(.*)"\s*$', line)
        if not m or cur is None:
            raise ValueError("cannot parse line: " + line)
        cur[m.group(1)] = m.group(2)
    return sites


# ---- sites
try:
    sites = parse_toml_sites((ROOT / "sites.toml").read_text(encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    sites = []
    err(f"sites.toml does not parse: {e}")
slugs = set()
for s in sites:
    for key in ("name", "slug", "host", "province"):
        if key not in s:
            err(f"site {s} lacks {key}")
    if s.get("slug") in slugs:
        err(f"duplicate site slug {s.get('slug')}")
    slugs.add(s.get("slug"))
    if not (ROOT / "articles" / s.get("slug", "?")).is_dir():
        err(f"site folder articles/{s.get('slug')} missing")
for d in (ROOT / "articles").iterdir():
    if d.is_dir() and d.name not in slugs:
        err(f"folder articles/{d.name} has no [[site]] in sites.toml")

# ---- articles
texts = {}
for f in sorted((ROOT / "articles").glob("*/*.txt")):
    aid = f"{f.parent.name}/{f.stem}"
    raw = f.read_bytes()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{aid}: not UTF-8 ({e})")
        continue
    if t != nfc(t):
        warn(f"{aid}: not NFC (checks use NFC)")
    t = nfc(t)
    lines = t.split("\n")
    if len(lines) < 4 or not lines[0].strip():
        err(f"{aid}: line 1 must be the title")
    m = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", lines[1].strip()) if len(lines) > 1 else None
    if not m:
        err(f"{aid}: line 2 must be dd/mm/yyyy")
    else:
        try:
            date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            err(f"{aid}: invalid date {lines[1]}")
    if len(lines) > 2 and lines[2].strip():
        err(f"{aid}: line 3 must be blank")
    body = "\n".join(lines[3:])
    nwords = len(body.split())
    if not 120 <= nwords <= 400:
        warn(f"{aid}: body has {nwords} words (target 120-400)")
    texts[aid] = t

# ---- truth
try:
    truth = json.loads((ROOT / "truth.json").read_text(encoding="utf-8"))
except Exception as e:  # noqa: BLE001
    print(f"FAIL truth.json does not parse: {e}")
    sys.exit(1)
for key in ("persons", "organizations", "stories", "posts"):
    if key not in truth:
        err(f"truth.json lacks '{key}'")


def check_article(ref, where):
    if ref not in texts:
        err(f"{where}: article {ref} does not exist")
        return False
    return True


pids, oids = set(), set()
person_names = {}  # article -> {name: person id}
for p in truth.get("persons", []):
    if p["id"] in pids:
        err(f"duplicate person id {p['id']}")
    pids.add(p["id"])
    if not p.get("mentions"):
        err(f"{p['id']} has no mentions")
    seen = set()
    for m in p.get("mentions", []):
        a, name = m["article"], nfc(m["name"])
        if (a, name) in seen:
            err(f"{p['id']}: duplicate mention {a} {name}")
        seen.add((a, name))
        if not check_article(a, p["id"]):
            continue
        if name not in texts[a]:
            err(f"{p['id']}: name '{name}' not in {a}")
        if len(name.split()) < 2:
            err(f"{p['id']}: name '{name}' has fewer than two syllables")
        prev = person_names.setdefault(a, {}).get(name)
        if prev and prev != p["id"]:
            err(f"{a}: name '{name}' in two clusters {prev} and {p['id']}")
        person_names[a][name] = p["id"]
    if len({m['article'] for m in p.get('mentions', [])}) != len(p.get("mentions", [])):
        err(f"{p['id']}: more than one mention for one article (list the fullest form once)")

for o in truth.get("organizations", []):
    if o["id"] in oids:
        err(f"duplicate organization id {o['id']}")
    oids.add(o["id"])
    seen = set()
    for m in o.get("mentions", []):
        a, s = m["article"], nfc(m["surface"])
        if (a, s) in seen:
            err(f"{o['id']}: duplicate surface {a} {s}")
        seen.add((a, s))
        if check_article(a, o["id"]) and s not in texts[a]:
            err(f"{o['id']}: surface '{s}' not in {a}")
org_surfaces = {}
for o in truth.get("organizations", []):
    for m in o["mentions"]:
        key = (m["article"], nfc(m["surface"]))
        if key in org_surfaces:
            err(f"{key}: surface in two organisation clusters {org_surfaces[key]} and {o['id']}")
        org_surfaces[key] = o["id"]

# ---- persons coverage
all_names = {nfc(m["name"]) for p in truth.get("persons", []) for m in p["mentions"]}
CUE = re.compile(r"(?:[Đđ]ồng chí|\bÔng|\bông|\bBà|\bbà)\s+([^\s,.;:()\"“”–]+(?:\s+[^\s,.;:()\"“”–]+){0,3})")
for a, t in texts.items():
    covered = person_names.get(a, {})
    if not covered:
        err(f"{a}: no persons annotated")
    for name in all_names:  # a known name in the text must be covered in that article
        if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", t) and not any(name in c for c in covered):
            err(f"{a}: text contains '{name}' but no cluster lists it for this article")
    for m in CUE.finditer(t):
        words = []
        for w in m.group(1).split():
            if not w[0].isupper():
                break
            words.append(w)
        if len(words) < 2:
            continue  # a title or a short form ("ông Khánh") follows the cue
        cand = " ".join(words)
        if not any(cand.startswith(c) or c.startswith(cand) or c in cand for c in covered):
            err(f"{a}: possible person '{cand}' not covered")
    last = [ln.strip() for ln in t.strip().split("\n") if ln.strip()][-1]
    byline = re.sub(r"\s*\(.*\)\s*$", "", last)
    if 2 <= len(byline.split()) <= 4 and byline[0].isupper() and not byline.startswith("Nguồn") \
            and not byline.endswith("."):
        if byline not in covered:
            err(f"{a}: byline '{byline}' not covered")

# ---- stories
in_story = {}
for s in truth.get("stories", []):
    if len(s["copies"]) < 2:
        err(f"{s['id']}: fewer than two copies")
    sites_of = [c.split("/")[0] for c in s["copies"]]
    if len(set(sites_of)) != len(sites_of):
        err(f"{s['id']}: two copies on one site")
    for c in s["copies"]:
        check_article(c, s["id"])
        if c in in_story:
            err(f"{c} in two stories {in_story[c]} and {s['id']}")
        in_story[c] = s["id"]

# ---- posts
KINDS = {"elected", "appointed", "in_office", "former"}
for post in truth.get("posts", []):
    if post["organization"] not in oids:
        err(f"post {post['title']}: unknown organization {post['organization']}")
    for h in post["holders"]:
        if h["person"] not in pids:
            err(f"post {post['title']}: unknown person {h['person']}")
        for ev in h["evidence"]:
            if ev["kind"] not in KINDS:
                err(f"post {post['title']}: bad kind {ev['kind']}")
            if ev["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", ev["date"]):
                err(f"post {post['title']}: bad date {ev['date']}")
            if check_article(ev["article"], post["title"]) and \
                    h["person"] not in person_names.get(ev["article"], {}).values():
                err(f"post {post['title']}: {h['person']} not mentioned in {ev['article']}")

for w in warnings:
    print("WARN", w)
for e in errors:
    print("FAIL", e)
n_p = len(truth.get("persons", []))
print(f"{len(texts)} articles, {len(sites)} sites, {n_p} persons, {len(oids)} organisations, "
      f"{len(truth.get('stories', []))} stories, {len(truth.get('posts', []))} posts: "
      + ("OK" if not errors else f"{len(errors)} errors"))
sys.exit(1 if errors else 0)
