"""Extraction quality on the unseen fixture sites (tests/data/sites_unseen/<family>/): crawl a site from
its start URL with the real crawler and a MemoryState over HTTP on 127.0.0.1, then compare what was
stored with the invented articles. Used by tests/scraper/test_unseen_sites.py and
benchmarks/scraper_quality.py. A plain module so both can import it by path."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from partyfacts.scraper.learning import token_f1
from sitekit import UNSEEN_SITES, fast_config, start_server

TARGETS = {"found": 0.98, "non_articles_stored": 0.05, "titles": 0.95, "dates": 0.95, "body_f1": 0.95,
           "boilerplate": 0, "duplicates": 0}
FAMILIES = sorted(p.name for p in UNSEEN_SITES.iterdir() if (p / "expected.json").is_file())


@dataclass
class Quality:
    family: str
    expected: int = 0
    found: float = 0.0
    stored: int = 0
    non_articles_stored: float = 0.0
    titles: float = 0.0
    dates: float = 0.0
    body_f1: float = 0.0
    authors: float = 0.0
    boilerplate: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)

    def misses(self) -> list[str]:
        """Targets this site misses, one line each."""
        out = []
        for k in ("found", "titles", "dates", "body_f1"):
            if getattr(self, k) < TARGETS[k]:
                out.append(f"{k} {getattr(self, k):.3f} < {TARGETS[k]}")
        if self.non_articles_stored > TARGETS["non_articles_stored"]:
            out.append(f"non_articles_stored {self.non_articles_stored:.3f} > {TARGETS['non_articles_stored']}")
        for k in ("boilerplate", "duplicates"):
            if getattr(self, k) > TARGETS[k]:
                out.append(f"{k} {getattr(self, k)} > 0")
        return out

    def row(self) -> str:
        return (f"{self.family:16} found {self.found:6.1%}  non-art {self.non_articles_stored:5.1%}  titles {self.titles:6.1%}  "
                f"dates {self.dates:6.1%}  F1 {self.body_f1:.3f}  authors {self.authors:6.1%}  boilerplate {self.boilerplate}  "
                f"dups {self.duplicates}")


def families(root=UNSEEN_SITES) -> list[str]:
    """The family directories (those with an expected.json) under a fixture-site root."""
    return sorted(p.name for p in root.iterdir() if (p / "expected.json").is_file())


def measure(family: str, *, max_pages: int = 400, root=UNSEEN_SITES) -> Quality:
    from partyfacts.scraper import MemoryState, crawl
    from partyfacts.scraper.fetch import Fetcher
    from partyfacts.scraper.urls import canonical_url

    site, httpd = start_server(family, root=root)
    try:
        state = MemoryState()
        stats = crawl([site.url(site.expected["start"])], state, fetcher=Fetcher(fast_config()), progress=False,
                      max_pages=max_pages)
    finally:
        httpd.shutdown()
        httpd.server_close()
    exp = site.expected
    want = {canonical_url(site.url(a["path"])): a for a in exp["articles"]}
    q = Quality(family, expected=len(want), stored=len(state.articles))
    got = dict(state.articles)
    for u, a in want.items():  # the same page under another URL (a listing's extra parameter) counts once
        for alias in a.get("aliases", []):
            c = canonical_url(site.url(alias))
            if c in got and u not in got:
                got[u] = got.pop(c)
    found = [u for u in want if u in got]
    q.found = len(found) / len(want)
    for u in want:
        if u not in got:
            st = state.status_of(u)
            q.problems.append(f"missed {u}: {st}")
    extra = [u for u in got if u not in want]
    q.non_articles_stored = len(extra) / max(1, len(got))
    for u in extra:
        q.problems.append(f"stored a non-article {u}: {got[u].title!r}")
    titles = dates = authors = 0
    f1s = []
    for u in found:
        a, art = want[u], got[u]
        titles += art.title == a["title"]
        if art.title != a["title"]:
            q.problems.append(f"title {u}: {art.title!r} != {a['title']!r}")
        pub = art.published.isoformat() if art.published else None
        dates += pub == a["published"]
        if pub != a["published"]:
            q.problems.append(f"date {u}: {pub} != {a['published']}")
        authors += (art.author, art.source) == (a["author"], a["source"])
        if (art.author, art.source) != (a["author"], a["source"]):
            q.problems.append(f"byline {u}: {(art.author, art.source)} != {(a['author'], a['source'])}")
        f1 = token_f1(art.text, "\n\n".join([a["lead"], *a["paragraphs"]]))
        f1s.append(f1)
        if f1 < 0.99:
            q.problems.append(f"body F1 {f1:.3f} {u}: {art.text[:160]!r} … {art.text[-160:]!r}")
    n = max(1, len(found))
    q.titles, q.dates, q.authors = titles / n, dates / n, authors / n
    q.body_f1 = sum(f1s) / n if f1s else 0.0
    for u, art in got.items():
        for s in exp["boilerplate"]:
            if s in art.text or s in art.title:
                q.boilerplate += 1
                q.problems.append(f"boilerplate {s!r} in {u}")
    # stored twice: the same title or text under two URLs (duplicates the crawler caught are not stored)
    seen = Counter(art.title for art in got.values()) + Counter(art.content_hash for art in got.values())
    q.duplicates = sum(c - 1 for c in seen.values() if c > 1)
    return q
