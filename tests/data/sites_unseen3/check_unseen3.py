"""Validate the sites_unseen3 fixtures.

    python tests/data/sites_unseen3/check_unseen3.py [-v]

For every site under dev/ and blind/: routes.json and expected.json parse and have the keys sitekit.py
reads; every routed file exists; each expected article's path is routed and its title, lead, paragraphs,
captions, byline and source line occur in its page's text (HTML-unescaped); bodies are 150-500 words;
titles are unique per site; no boilerplate string occurs in an expected text; every article and every
non-article is reachable from the start URL by following links, redirects, robots Sitemap lines, feed
<link rel=alternate> and sitemap/RSS entries (as a crawler could); internal links that 404 are listed.
Exit status 1 on any error."""
from __future__ import annotations

import html
import json
import re
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

HERE = Path(__file__).resolve().parent
ROUTE_KEYS = {"robots", "routes", "gzip", "headers", "redirects"}
EXP_KEYS = {"start", "articles", "non_articles", "boilerplate"}
ART_KEYS = {"path", "title", "published", "author", "source", "lead", "paragraphs", "aliases"}


def text_of(raw: str) -> str:
    """The page's characters as a reader sees them: tags replaced by spaces, entities decoded, whitespace
    collapsed (the <title> and attribute values are kept: a title may live only there)."""
    t = re.sub(r"<[^>]+>", " ", raw)
    return re.sub(r"\s+", " ", html.unescape(t))


def lookup(routes: dict, path: str):
    """sitekit's lookup: exact path, else the path without Liferay's redirect parameters."""
    name = routes["routes"].get(path)
    if name is None and "?" in path:
        base, query = path.split("?", 1)
        kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in ("redirect", "inheritRedirect")]
        name = routes["routes"].get(base + ("?" + urlencode(kept) if kept else ""))
    return name


def links(raw: str, base: str) -> list[str]:
    out = []
    for m in re.finditer(r'(?:href|src)="([^"]*)"|<(?:loc|link)>([^<]*)</(?:loc|link)>', raw):
        u = html.unescape(m.group(1) or m.group(2) or "").strip()
        if not u or u.startswith(("#", "javascript:", "mailto:")):
            continue
        u = u.replace("{base}", "http://fixture.local")
        full = urljoin("http://fixture.local" + base, u)
        sp = urlsplit(full)
        if sp.netloc != "fixture.local":
            continue
        out.append(sp.path + ("?" + sp.query if sp.query else ""))
    return out


def check_site(d: Path, verbose: bool) -> tuple[list[str], dict]:
    errs: list[str] = []
    try:
        routes = json.loads((d / "routes.json").read_text("utf-8"))
        exp = json.loads((d / "expected.json").read_text("utf-8"))
    except Exception as ex:  # noqa: BLE001
        return [f"{d}: does not parse: {ex}"], {}
    if not ROUTE_KEYS <= set(routes):
        errs.append(f"{d}: routes.json lacks {ROUTE_KEYS - set(routes)}")
    if not EXP_KEYS <= set(exp):
        errs.append(f"{d}: expected.json lacks {EXP_KEYS - set(exp)}")
    for p, name in routes["routes"].items():
        if not (d / name).is_file():
            errs.append(f"{d}: route {p} -> missing file {name}")
    for p in routes["gzip"]:
        if not p.endswith(".gz") and routes["headers"].get(p, {}).get("Content-Encoding") != "gzip":
            errs.append(f"{d}: {p} served gzipped without Content-Encoding: gzip")
    bp = exp["boilerplate"]
    titles = Counter(a["title"] for a in exp["articles"])
    for t, c in titles.items():
        if c > 1:
            errs.append(f"{d}: title twice: {t}")
    for a in exp["articles"]:
        if not ART_KEYS <= set(a):
            errs.append(f"{d}: article {a.get('path')} lacks {ART_KEYS - set(a)}")
        name = lookup(routes, a["path"])
        if name is None:
            errs.append(f"{d}: article path not routed: {a['path']}")
            continue
        for al in a.get("aliases", []):
            if lookup(routes, al) != name:
                errs.append(f"{d}: alias {al} does not serve the article's page")
        raw = (d / name).read_text("utf-8")
        txt = text_of(raw)
        title_in = html.unescape(re.search(r"<title>(.*?)</title>", raw, re.S).group(1))
        if a["title"] not in txt and a["title"] not in title_in:
            errs.append(f"{d}: title not in page: {a['path']}")
        pieces = [a["lead"], *a["paragraphs"], *a.get("captions", [])]
        for k in ("byline", "source_line", "dateline"):
            if a.get(k):
                pieces.append(a[k])
        if a["author"]:
            pieces.append(a["author"])
        if a["source"]:
            pieces.append(a["source"])
        for p in pieces:
            if p not in txt:
                errs.append(f"{d}: text not in page {a['path']}: {p[:60]!r}")
        words = len(" ".join([a["lead"], *a["paragraphs"]]).split())
        if not 150 <= words <= 500:
            errs.append(f"{d}: {a['path']} has {words} words")
        for s in bp:
            for p in [a["title"], a["lead"], *a["paragraphs"]]:
                if s in p:
                    errs.append(f"{d}: boilerplate {s!r} inside expected text of {a['path']}")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\+07:00)?", a["published"]):
            errs.append(f"{d}: bad date {a['published']}")
    for p in exp["non_articles"]:
        if lookup(routes, p) is None:
            errs.append(f"{d}: non-article not routed: {p}")
    # reachability, as a crawler from the start URL could go
    seen, todo, broken = set(), [exp["start"], "/robots.txt"], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        if p == "/robots.txt":
            for line in routes["robots"].splitlines():
                if line.lower().startswith("sitemap:"):
                    todo.extend(links(f'<loc>{line.split(":", 1)[1].strip()}</loc>', "/"))
            continue
        if p in routes["redirects"]:
            todo.append(routes["redirects"][p])
            continue
        name = lookup(routes, p)
        if name is None:
            if not re.search(r"\.(jpg|png|pdf)$", p):
                broken.add(p)
            continue
        todo.extend(links((d / name).read_text("utf-8"), p.split("?")[0]))
    reach = {lookup(routes, p) for p in seen if lookup(routes, p)}
    for a in exp["articles"]:
        if lookup(routes, a["path"]) not in reach:
            errs.append(f"{d}: article unreachable: {a['path']}")
    for p in exp["non_articles"]:
        if lookup(routes, p) not in reach:
            errs.append(f"{d}: non-article unreachable: {p}")
    for b in sorted(broken):
        errs.append(f"{d}: internal link 404: {b}")
    stats = dict(articles=len(exp["articles"]), non_articles=len(exp["non_articles"]), files=len(set(routes["routes"].values())),
                 words=[len(" ".join([a["lead"], *a["paragraphs"]]).split()) for a in exp["articles"]])
    return errs, stats


def main(argv) -> int:
    verbose = "-v" in argv
    allerr = []
    table = {}
    for exp in sorted(HERE.glob("*/*/*/expected.json")):
        d = exp.parent
        errs, st = check_site(d, verbose)
        allerr += errs
        split, fam, site = d.relative_to(HERE).parts
        t = table.setdefault((split, fam), [0, 0, 0, []])
        t[0] += 1
        t[1] += st.get("articles", 0)
        t[2] += st.get("non_articles", 0)
        t[3] += st.get("words", [])
    tot = [0, 0, 0]
    for (split, fam), (ns, na, nn, w) in sorted(table.items()):
        print(f"{split:5} {fam:16} sites {ns}  articles {na:3}  non-articles {nn:3}  words {min(w)}-{max(w)}")
        tot = [tot[0] + ns, tot[1] + na, tot[2] + nn]
    print(f"total sites {tot[0]}  articles {tot[1]}  non-articles {tot[2]}")
    for e in allerr:
        print("ERROR", e)
    print("OK" if not allerr else f"{len(allerr)} errors")
    return 1 if allerr else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
