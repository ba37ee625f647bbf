"""Validate tests/data/sites_unseen4 (the files, not any crawler): manifests parse, routed files exist,
every expected text is NFC and occurs in its page, every article and non-article is reachable from the
start page, and each site answers through tests/scraper/sitekit.py over real HTTP.

    python tests/data/sites_unseen4/check_unseen4.py [--split dev|blind] [--no-http]
Exit status 1 on any error."""
from __future__ import annotations

import argparse
import gzip
import html
import importlib.util
import json
import re
import sys
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent
SITEKIT = ROOT.parents[1] / "scraper" / "sitekit.py"
ROUTE_KEYS = {"robots", "routes", "gzip", "headers", "redirects"}
EXP_KEYS = {"start", "articles", "non_articles", "boilerplate", "must_not_contain", "disallowed", "site"}
ART_KEYS = {"path", "title", "published", "author", "source", "lead", "paragraphs", "aliases", "encoding", "captions",
            "byline", "dateline", "source_line", "published_time", "date_as_shown", "persons", "words"}
WORDS = (200, 350)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def decode(data: bytes, encoding: str) -> str:
    return nfc(data.decode({"windows-1258": "cp1258"}.get(encoding, encoding)))


def text_of(page: str) -> str:
    """Visible text of the body (the <head> left out)."""
    page = re.sub(r"(?is)<head\b.*?</head>", " ", page)
    page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", page)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page)).strip()


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def head_values(page: str) -> dict:
    out = {}
    m = re.search(r"(?is)<title>(.*?)</title>", page)
    out["title"] = norm(html.unescape(m.group(1))) if m else ""
    m = re.search(r'(?i)<meta property="og:title" content="([^"]*)"', page)
    out["og"] = html.unescape(m.group(1)) if m else ""
    m = re.search(r'(?is)<script type="application/ld\+json">(.*?)</script>', page)
    out["ld"] = json.loads(m.group(1)) if m else {}
    m = re.search(r'(?i)<meta property="article:published_time" content="([^"]*)"', page)
    out["pubmeta"] = m.group(1) if m else ""
    return out


def links(page: str, base_path: str) -> list[str]:
    out = []
    for m in re.finditer(r'(?i)<(?:a|link)\b[^>]*\bhref="([^"]*)"', page):
        h = html.unescape(m.group(1))
        if h.startswith(("javascript:", "mailto:", "#", "http://", "https://")) or not h:
            continue
        out.append(urljoin(base_path, h))
    return out


def feed_links(data: str) -> list[str]:
    return [html.unescape(u).replace("{base}", "") for u in re.findall(r"<(?:link|loc)>([^<]*)</(?:link|loc)>", data)]


def check_site(d: Path, errors: list, warnings: list) -> dict:
    name = f"{d.parent.parent.name}/{d.parent.name}/{d.name}"

    def err(msg):
        errors.append(f"{name}: {msg}")

    routes = json.loads((d / "routes.json").read_text("utf-8"))
    exp = json.loads((d / "expected.json").read_text("utf-8"))
    if set(routes) != ROUTE_KEYS:
        err(f"routes.json keys {sorted(routes)}")
    if not EXP_KEYS <= set(exp):
        err(f"expected.json lacks {sorted(EXP_KEYS - set(exp))}")
    R, redirects = routes["routes"], routes["redirects"]
    for p, f in R.items():
        if not (d / f).is_file():
            err(f"route {p} -> missing file {f}")
        if not p.startswith("/") or any(ord(ch) > 127 for ch in p):
            err(f"route not an ASCII absolute path: {p}")
    for p in routes["gzip"]:
        if routes["headers"].get(p, {}).get("Content-Encoding") != "gzip":
            err(f"gzip route {p} without Content-Encoding: gzip")
    for p, target in redirects.items():
        if target not in R:
            err(f"redirect {p} -> {target} not routed")
    # every string of expected.json is NFC
    def walk(o):
        if isinstance(o, str):
            if nfc(o) != o:
                err(f"expected.json string not NFC: {o[:40]!r}")
        elif isinstance(o, list):
            for v in o:
                walk(v)
        elif isinstance(o, dict):
            for v in o.values():
                walk(v)
    walk(exp)
    titles = [a["title"] for a in exp["articles"]]
    if len(set(titles)) != len(titles):
        err("titles not unique")
    boiler = exp["boilerplate"] + exp["must_not_contain"]
    for a in exp["articles"]:
        p = a["path"]
        miss = ART_KEYS - set(a)
        if miss:
            err(f"{p}: article lacks {sorted(miss)}")
        if p not in R:
            err(f"article not routed: {p}")
            continue
        for al in a["aliases"]:
            if R.get(al) != R[p] and redirects.get(al) != p:
                err(f"{p}: alias {al} does not serve the article")
        raw = (d / R[p]).read_bytes()
        if a["encoding"] == "utf-8" and nfc(raw.decode("utf-8")) != raw.decode("utf-8"):
            err(f"{p}: utf-8 page not NFC")
        try:
            page = decode(raw, a["encoding"])
        except UnicodeDecodeError as e:
            err(f"{p}: does not decode as {a['encoding']}: {e}")
            continue
        txt = text_of(page)
        hv = head_values(page)
        mode = exp["site"]["layout"]["title"]
        t = a["title"]
        if mode == "title_only":
            # the title is in <title> (with the site suffix) and nowhere in the body
            if not hv["title"].startswith(t + " "):
                err(f"{p}: title_only page has <title> {hv['title']!r}")
            if t in txt:
                err(f"{p}: title_only page shows the title in the body")
        else:
            if t not in txt:
                err(f"{p}: title not in page text")
        if mode == "og" and hv["og"] != t:
            err(f"{p}: og:title {hv['og']!r}")
        if mode == "jsonld" and hv["ld"].get("headline") != t:
            err(f"{p}: JSON-LD headline differs")
        if hv["og"] and hv["og"] != t:
            err(f"{p}: og:title present but differs")
        for label, s in [("lead", a["lead"])] + [("paragraph", x) for x in a["paragraphs"]] + \
                [("caption", x) for x in a["captions"]] + [("byline", a["byline"]), ("source_line", a["source_line"]),
                                                          ("dateline", a["dateline"]), ("author", a["author"]),
                                                          ("source", a["source"]), ("date", a["date_as_shown"])]:
            if s and norm(s) not in txt:
                err(f"{p}: {label} not in page: {s[:50]!r}")
        for per in a["persons"]:
            if per["name"] not in txt or per["role"] not in txt:
                err(f"{p}: person {per} not in page")
        body = " ".join([a["lead"]] + a["paragraphs"])
        n = len(body.split())
        if n != a["words"] or not WORDS[0] <= n <= WORDS[1]:
            err(f"{p}: words {n} (expected field {a['words']})")
        for s in [a["title"], body] + a["captions"]:
            for b in boiler:
                if b in s:
                    err(f"{p}: boilerplate {b!r} inside an expected text")
        if a["lead"] in a["paragraphs"] or a["byline"] in a["paragraphs"] or any(c in a["paragraphs"] for c in a["captions"]):
            err(f"{p}: lead/byline/caption repeated in paragraphs")
        pub = a["published"]
        if not re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d\+07:00)?", pub):
            err(f"{p}: published {pub!r}")
        y, mo, da = (int(v) for v in pub[:10].split("-"))
        shown = a["date_as_shown"]
        nums = [int(v) for v in re.findall(r"\d+", shown)]
        if not any(nums[k:k + 3] == [da, mo, y] for k in range(len(nums))):
            err(f"{p}: date_as_shown {shown!r} does not show {pub}")
        if "T" in pub:
            hhmm = pub[11:16]
            if a["published_time"] != hhmm:
                err(f"{p}: published_time {a['published_time']} vs {pub}")
            h, mi = hhmm.split(":")
            sources = [shown, hv["pubmeta"], hv["ld"].get("datePublished", "") if hv["ld"] else ""]
            if not any(hhmm in s or f"{h}h{mi}" in s or pub in s for s in sources):
                err(f"{p}: time {hhmm} not carried by the page")
        elif hv["pubmeta"] or (hv["ld"] and hv["ld"].get("datePublished")) or re.search(r"\d\d:\d\d", shown):
            err(f"{p}: page carries a time but published is a date")
    for p in exp["non_articles"] + exp["disallowed"]:
        if p not in R and p not in redirects:
            err(f"non-article/disallowed not routed: {p}")
    for p in exp["disallowed"]:
        if not any(p.startswith(line.split(":", 1)[1].strip()) for line in routes["robots"].splitlines()
                   if line.startswith("Disallow:")):
            err(f"disallowed {p} not covered by robots.txt")
    art_paths = {a["path"] for a in exp["articles"]}
    if art_paths & set(exp["non_articles"]):
        err("a path is both article and non-article")
    # reachability from the start page
    seen, todo, dead = set(), [exp["start"]], set()
    for line in routes["robots"].splitlines():
        if line.lower().startswith("sitemap:"):
            todo.append(urlsplit(line.split(":", 1)[1].strip().replace("{base}", "")).path)
    enc_of = {a["path"]: a["encoding"] for a in exp["articles"]}
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        if p in redirects:
            todo.append(redirects[p])
            continue
        f = R.get(p)
        if f is None:
            if not re.search(r"\.(jpg|png|gif|css)$", p):
                dead.add(p)
            continue
        raw = (d / f).read_bytes()
        if f.endswith(".xml"):
            todo += feed_links(raw.decode("utf-8"))
            continue
        page = decode(raw, "windows-1258" if enc_of.get(p) == "windows-1258" else "utf-8")
        todo += links(page, p)
    for p in sorted(art_paths | set(exp["non_articles"])):
        if p not in seen:
            err(f"not reachable from the start page: {p}")
    trap_beyond = {p for p in dead if "2023-12" in p or "2025-07" in p or "2023/12" in p or "2025/07" in p}
    other_dead = dead - trap_beyond
    if other_dead:
        warnings.append(f"{name}: internal links answering 404: {sorted(other_dead)[:6]}")
    return dict(name=name, exp=exp, routes=routes)


def check_http(d: Path, info: dict, sitekit, errors: list):
    """Serve the site with sitekit and fetch every route, alias and redirect."""
    name, exp, routes = info["name"], info["exp"], info["routes"]
    site, httpd = sitekit.start_server(d.name, root=d.parent)
    opener = urllib.request.build_opener(NoRedirect)
    try:
        for p, f in routes["routes"].items():
            try:
                r = opener.open(site.url(p), timeout=5)
            except urllib.error.HTTPError as e:
                errors.append(f"{name}: GET {p} -> {e.code}")
                continue
            data = r.read()
            if r.headers.get("Content-Encoding") == "gzip":
                data = gzip.decompress(data)
            want = (d / f).read_bytes()
            if f.endswith(".xml"):
                want = want.replace(b"{base}", site.base.encode())
            if data != want:
                errors.append(f"{name}: GET {p} body differs from {f}")
        for p, target in routes["redirects"].items():
            try:
                opener.open(site.url(p), timeout=5)
                errors.append(f"{name}: {p} did not redirect")
            except urllib.error.HTTPError as e:
                if e.code != 301 or e.headers.get("Location") != target:
                    errors.append(f"{name}: {p} -> {e.code} {e.headers.get('Location')}")
        r = opener.open(site.url("/robots.txt"), timeout=5).read().decode()
        if "{base}" in r:
            errors.append(f"{name}: robots.txt keeps {{base}}")
        for p, spec in exp.get("faults", {}).items():
            sitekit.Fault(**spec)   # the fault specs are valid sitekit.Fault arguments
            if p not in routes["routes"]:
                errors.append(f"{name}: fault on unrouted {p}")
    finally:
        httpd.shutdown()
        httpd.server_close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def blind_rule(infos: list[dict], errors: list):
    """Each blind site uses something no dev site of any family uses (date format, title presentation,
    related-block heading words, theme class names)."""
    def feats(e):
        lay = e["site"]["layout"]
        return {("date", lay["date"]), ("title", lay["title"]), ("classes", lay["classes"])} | \
            {("heading", h) for h in lay["related_headings"]}
    dev = set().union(*[feats(i["exp"]) for i in infos if i["exp"]["site"]["split"] == "dev"] or [set()])
    for i in infos:
        if i["exp"]["site"]["split"] == "blind":
            new = feats(i["exp"]) - dev
            if not new:
                errors.append(f"{i['name']}: blind site uses nothing new")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "blind"])
    ap.add_argument("--no-http", action="store_true")
    args = ap.parse_args()
    errors, warnings, infos = [], [], []
    spec = importlib.util.spec_from_file_location("sitekit", SITEKIT)
    sitekit = importlib.util.module_from_spec(spec)
    sys.modules["sitekit"] = sitekit
    spec.loader.exec_module(sitekit)
    dirs = sorted(p.parent for p in ROOT.glob("*/*/*/routes.json") if not args.split or p.parts[-4] == args.split)
    n_art = n_non = 0
    for d in dirs:
        info = check_site(d, errors, warnings)
        infos.append(info)
        n_art += len(info["exp"]["articles"])
        n_non += len(info["exp"]["non_articles"])
        if not args.no_http:
            check_http(d, info, sitekit, errors)
    if not args.split:
        blind_rule(infos, errors)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(dirs)} sites, {n_art} articles, {n_non} non-articles: "
          + ("OK" if not errors else f"{len(errors)} errors"))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
