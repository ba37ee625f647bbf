"""End-to-end quality, crawl → process → facts, on the fixture sites (issue 14): each site is served over
HTTP on 127.0.0.1, crawled from its start URL into a throwaway SQLite database with the corpus crawl job,
processed with the nlp pipeline, and the facts stored for each article are compared with

- the facts extracted from the article's clean text (its parts as the fixture wrote them: title, lead,
  paragraphs, captions, byline, source line, dateline), per article: persons (all, and "signers aside":
  without the reporters who sign the article or its photos), roles (person, title), places and figures
  (value, unit), recall and precision — the issue's target is crawl within 0.01 of this reference;
- the gold persons and posts of the fixture (``persons`` in expected.json: tests/data/sites_unseen3), when
  the site has them: persons recall, and role recall (the person holds a stored role whose title and
  body read as the gold post), beside the same for the clean-text reference;
- body token F1: the stored body (lead + body parts) against the fixture's lead + paragraphs.

    .venv/bin/python benchmarks/crawl_to_facts.py [--set NAME ...] [--json FILE] [-v]

Sets: sites, unseen, unseen2, sites14, unseen3-dev, unseen3-blind, unseen4-dev, unseen4-blind (all that
exist by default; --unseen4 DIR names where sites_unseen4 is). The blind sets of sites_unseen3 and
sites_unseen4 are measured only: never used to fix or tune anything. Runs with whatever `partyfacts`
is importable (run it with another checkout first on PYTHONPATH to measure that one: a database without
the `fields` column is read as body-only text).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "scraper")]

from sitekit import start_server  # noqa: E402
from unseen_quality import token_f1  # noqa: E402  (the body F1 of the scraper-quality benchmark)

DATA = ROOT / "tests" / "data"
SETS = {
    "sites": [DATA / "sites"],
    "unseen": [DATA / "sites_unseen"],
    "unseen2": [DATA / "sites_unseen2"],
    "sites14": [ROOT / "tests" / "scraper" / "sites14"],
    "unseen3-dev": sorted(p for p in (DATA / "sites_unseen3" / "dev").iterdir() if p.is_dir()),
    "unseen3-blind": sorted(p for p in (DATA / "sites_unseen3" / "blind").iterdir() if p.is_dir()),
    "unseen4-dev": [],     # filled by _unseen4 (tests/data/sites_unseen4, or --unseen4 DIR)
    "unseen4-blind": [],
}


def _unseen4(root: Path) -> None:
    """The sets of sites_unseen4 under `root` (its dev and blind splits, family directories inside)."""
    for split in ("dev", "blind"):
        d = root / split
        SETS[f"unseen4-{split}"] = sorted(p for p in d.iterdir() if p.is_dir()) if d.is_dir() else []
_CREDIT = re.compile(r"(?:Ảnh|Bài|Tin|Bài và ảnh|Bài, ảnh|Tin, ảnh|Tác giả)\s*:\s*([^():;]+?)\s*\)?\s*$", re.I)


def signers(a: dict) -> set[str]:
    """Keys of the names that sign the article (author, byline, photo credits): reporters, not persons
    the article is about."""
    from partyfacts.nlp.text import key
    caps = a.get("captions") or ([a["caption"]] if a.get("caption") else [])
    names = {a.get("author", "")}
    for line in [a.get("byline", ""), *caps]:
        m = _CREDIT.search(line or "")
        names.add(m.group(1) if m else ("" if line in caps else line))
    return {key(n) for n in names if n}


def clean_text(a: dict) -> str:
    """The article as the fixture wrote it: every printed part, joined with blank lines."""
    caps = a.get("captions") or ([a["caption"]] if a.get("caption") else [])
    byline = a.get("byline") or a.get("author", "")
    source = a.get("source_line") or (f"Nguồn: {a['source']}" if a.get("source") else "")
    parts = [a.get("title", ""), a.get("dateline", ""), a.get("lead", ""), *a.get("paragraphs", []), *caps, byline, source]
    return "\n\n".join(p for p in parts if p and p.strip())


@dataclass
class Facts:
    persons: set = field(default_factory=set)
    roles: set = field(default_factory=set)          # (person key, title key)
    posts: dict = field(default_factory=dict)        # person key → set of "title organization" keys
    places: set = field(default_factory=set)
    figures: Counter = field(default_factory=Counter)  # (value, unit)
    named: set = field(default_factory=set)           # persons but the article's signers (reporters)


def facts_of_extraction(ex) -> Facts:
    from partyfacts.nlp.text import key
    f = Facts()
    f.persons = {key(p.name) for p in ex.persons}
    for r in ex.roles:
        f.roles.add((key(r.person), key(r.title)))
        f.posts.setdefault(key(r.person), set()).update(_post_keys(r.title, r.organization or "",
                                                                   getattr(r, "title_expanded", "") or ""))
    f.places = {key(p.name) for p in ex.places}
    f.figures = Counter((round(float(x.value), 6), x.unit) for x in ex.figures)
    return f


def _post_keys(title: str, org: str, expanded: str) -> set[tuple[str, str]]:
    """(title key, body key) pairs a role can be read as (its title as written and expanded)."""
    from partyfacts.nlp.text import key
    return {(key(t), key(org)) for t in (title, expanded) if t}


def _reads_as(post: str, readings: set[tuple[str, str]]) -> bool:
    """The gold post ("Bí thư Tỉnh ủy") is a stored role's title followed by the start of its body ("Tỉnh
    ủy" of "Tỉnh ủy Sơn Nguyên": the body's place name may be dropped in the gold post), or its title alone."""
    from partyfacts.nlp.text import key
    g = key(post)
    for t, o in readings:
        tw, ow = t.split(), o.split()
        # "Chủ tịch UBND" + "UBND tỉnh Sơn Nguyên" → "Chủ tịch UBND tỉnh Sơn Nguyên": the words they share once
        overlap = next((n for n in range(min(len(tw), len(ow)), 0, -1) if tw[-n:] == ow[:n]), 0)
        joined = " ".join(tw + ow[overlap:])
        if g == t or (len(g) > len(t) and (joined + " ").startswith(g + " ")):
            return True
    return False


def facts_in_db(s, m, article_id: int) -> Facts:
    from sqlalchemy import select

    from partyfacts.nlp.text import key
    f = Facts()
    f.persons = {key(n) for n in s.execute(select(m.PersonOccurrence.name).where(
        m.PersonOccurrence.article_id == article_id)).scalars()}
    for name, title, org, exp in s.execute(select(m.Person.name, m.Role.title, m.Role.organization, m.Role.title_expanded)
                                           .join(m.Person, m.Person.id == m.Role.person_id)
                                           .where(m.Role.article_id == article_id)):
        f.roles.add((key(name), key(title)))
        f.posts.setdefault(key(name), set()).update(_post_keys(title, org or "", exp or ""))
    f.places = {key(n) for n in s.execute(select(m.Place.name).join(m.Mention, (m.Mention.entity_id == m.Place.id)
                                                                     & (m.Mention.entity_type == "place"))
                                           .where(m.Mention.article_id == article_id)).scalars()}
    f.figures = Counter((round(float(v), 6), u) for v, u in s.execute(
        select(m.Figure.value, m.Figure.unit).where(m.Figure.article_id == article_id)))
    return f


def stored_body(art) -> str:
    """Lead and body of a stored article (its `fields`, when the database has them; else all its text)."""
    fields = getattr(art, "fields", "") or ""
    if not fields:
        return art.text
    return "\n\n".join(art.text[a:b] for name, a, b, _i in json.loads(fields) if name in ("lead", "body"))


@dataclass
class Tally:
    hit: float = 0.0
    want: float = 0.0
    got: float = 0.0

    def add(self, got, want) -> None:
        if isinstance(got, Counter):
            self.hit += sum((got & want).values())
            self.got += sum(got.values())
            self.want += sum(want.values())
        else:
            self.hit += len(got & want)
            self.got += len(got)
            self.want += len(want)

    @property
    def recall(self) -> float:
        return self.hit / self.want if self.want else 1.0

    @property
    def precision(self) -> float:
        return self.hit / self.got if self.got else 1.0


@dataclass
class SetResult:
    name: str
    sites: int = 0
    expected: int = 0
    matched: int = 0
    f1: list = field(default_factory=list)
    vs_clean: dict = field(default_factory=lambda: {k: Tally() for k in ("persons", "named", "roles", "places",
                                                                         "figures")})
    gold_crawl: dict = field(default_factory=lambda: {k: Tally() for k in ("persons", "posts")})
    gold_clean: dict = field(default_factory=lambda: {k: Tally() for k in ("persons", "posts")})
    stops: Counter = field(default_factory=Counter)
    problems: list = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"set": self.name, "sites": self.sites, "articles": self.expected, "matched": self.matched,
                "body_f1": round(sum(self.f1) / len(self.f1), 4) if self.f1 else None,
                "vs_clean": {k: {"recall": round(t.recall, 4), "precision": round(t.precision, 4), "n": int(t.want)}
                             for k, t in self.vs_clean.items()},
                "gold_crawl": {k: round(t.recall, 4) for k, t in self.gold_crawl.items() if t.want},
                "gold_clean": {k: round(t.recall, 4) for k, t in self.gold_clean.items() if t.want},
                "gold_n": int(self.gold_crawl["persons"].want), "stops": dict(self.stops)}


def _gold_posts(gold: list[dict], facts: Facts) -> tuple[set, set]:
    """(gold persons holding the gold post per the facts, gold persons): a post is read right when one of
    the person's stored roles, title and body joined, reads as the gold post (folded)."""
    from partyfacts.nlp.text import key
    want = {key(g["name"]) for g in gold}
    right = {key(g["name"]) for g in gold if _reads_as(g["role"], facts.posts.get(key(g["name"]), set()))}
    return right, want


def measure_site(root: Path, family: str, res: SetResult, verbose: bool) -> None:
    from sqlalchemy import select

    from partyfacts import nlp
    from partyfacts.corpus import models as m
    from partyfacts.corpus import open_db
    from partyfacts.corpus.jobs import crawl_urls, process_articles
    from partyfacts.corpus.jobs.config import CrawlConfig
    from partyfacts.nlp.text import key
    from partyfacts.scraper.urls import canonical_url

    site, httpd = start_server(family, root=root)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(str(Path(tmp) / "bench.db"))
        try:
            summaries = crawl_urls(db, [site.url(site.expected["start"])], delay=0.0, max_pages=400, progress=False,
                                   config=CrawlConfig(allow_private_targets=True))   # the fixture sites are on 127.0.0.1
        finally:
            httpd.shutdown()
            httpd.server_close()
        for sm in summaries:
            st = sm.crawl.stats
            res.stops[getattr(st, "stopped", "") or "done"] += 1
        process_articles(db, progress=False)
        want = {canonical_url(site.url(a["path"])): a for a in site.expected["articles"]}
        alias = {canonical_url(site.url(x)): u for u, a in want.items() for x in a.get("aliases", [])}
        res.sites += 1
        res.expected += len(want)
        with db.session() as s:
            for art in s.execute(select(m.Article)).scalars():
                u = art.canonical_url if art.canonical_url in want else alias.get(art.canonical_url)
                if u is None:
                    continue
                a = want.pop(u)
                res.matched += 1
                res.f1.append(token_f1(stored_body(art), "\n\n".join([a.get("lead", ""), *a.get("paragraphs", [])])))
                got = facts_in_db(s, m, art.id)
                ref = facts_of_extraction(nlp.extract(clean_text(a), site=art.site.name if art.site else None, url=art.url))
                got.named, ref.named = got.persons - signers(a), ref.persons - signers(a)
                for k, t in res.vs_clean.items():
                    t.add(getattr(got, k), getattr(ref, k))
                if verbose and ref.persons - got.persons:
                    res.problems.append(f"{family} {u}: persons lost {sorted(ref.persons - got.persons)}")
                if verbose and got.persons - ref.persons:
                    res.problems.append(f"{family} {u}: persons not in the clean text's {sorted(got.persons - ref.persons)}")
                gold = a.get("persons")
                if gold:
                    for facts, tallies in ((got, res.gold_crawl), (ref, res.gold_clean)):
                        tallies["persons"].add(facts.persons & {key(g["name"]) for g in gold},
                                               {key(g["name"]) for g in gold})
                        right, all_ = _gold_posts(gold, facts)
                        tallies["posts"].add(right, all_)
        for u in want:
            res.problems.append(f"{family}: article not stored {u}")
        db.dispose()


def families(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if (p / "expected.json").is_file())


def run(set_names: list[str], verbose: bool) -> list[SetResult]:
    out = []
    for name in set_names:
        res = SetResult(name)
        t0 = time.monotonic()
        for root in SETS[name]:
            for fam in families(root):
                measure_site(root, fam, res, verbose)
        print(row(res) + f"  ({time.monotonic() - t0:.0f} s)", flush=True)
        for p in res.problems[:40] if verbose else []:
            print("   ", p)
        out.append(res)
    return out


def row(r: SetResult) -> str:
    d = r.as_dict()
    vc = d["vs_clean"]
    line = (f"{r.name:14} sites {r.sites:2}  articles {r.matched}/{r.expected}  body F1 {d['body_f1'] or 0:.3f}  "
            f"vs clean text: persons R {vc['persons']['recall']:.3f} P {vc['persons']['precision']:.3f}  "
            f"signers aside R {vc['named']['recall']:.3f} P {vc['named']['precision']:.3f}  "
            f"roles R {vc['roles']['recall']:.3f}  places R {vc['places']['recall']:.3f}  "
            f"figures R {vc['figures']['recall']:.3f}")
    if d["gold_crawl"]:
        line += (f"  | gold ({d['gold_n']} persons): persons {d['gold_crawl']['persons']:.3f} (clean "
                 f"{d['gold_clean']['persons']:.3f})  posts {d['gold_crawl']['posts']:.3f} (clean "
                 f"{d['gold_clean']['posts']:.3f})")
    return line


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", action="append", choices=sorted(SETS), help="fixture set (repeatable; default all)")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    ap.add_argument("-v", action="store_true", help="list the persons lost and the articles not stored")
    ap.add_argument("--unseen4", type=Path, default=DATA / "sites_unseen4",
                    help="where sites_unseen4 is (default tests/data/sites_unseen4)")
    args = ap.parse_args(argv)
    _unseen4(args.unseen4)
    results = run(args.set or [n for n, roots in SETS.items() if roots], args.v)
    if args.json:
        Path(args.json).write_text(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
