"""A candidate profile for one site, built from a few of its article pages (`partyfacts site profile URL`).

The site is crawled politely from its start URL (robots.txt, the delay, the fetcher's target checks) until
`pages` article pages are stored; on each, the article the signals agreed on (title, date, body: the
consensus of scraper.extract, with the detected profile's selectors and profile learning on) is located
in the page, and the element printing each part is named by tag and classes ("h1.news-title"). A
selector the pages agree on becomes the candidate's; the generic extraction (no profile) and the
detected profile are compared page by page, and profile learning's notes are kept. `render_toml` prints
the result in the format of scraper/profiles/*.toml, with the comparison as comments."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from .crawl import crawl
from .extract.common import clean, key
from .extract.consensus import day_of, in_related_block
from .extract.headline import is_lead_element
from .extract.pubdate import element_printing
from .extract.regions import in_site_header
from .fetch import Fetcher
from .learning import css_of, token_f1
from .parse import Rejection, parse_article
from .profiles import Profile, load_profiles
from .state import MemoryState
from .types import Article
from .urls import host_of

PARTS = ("title", "date", "lead", "body")


@dataclass
class PageReport:
    """One article page: the selectors naming its parts, and how the generic extraction compares."""
    url: str
    profile: str                                   # the profile the page was read with ("generic" when none)
    title: str
    published: str
    selectors: dict[str, str] = field(default_factory=dict)   # part → css of the element printing it ("" none)
    generic_title_same: bool = True
    generic_date_same: bool = True
    generic_body_f1: float = 1.0


@dataclass
class SiteProfile:
    """What `candidate_profile` found: the pages, the selectors they agree on, the detected profiles."""
    start_url: str
    host: str
    pages: list[PageReport] = field(default_factory=list)
    selectors: dict[str, tuple[str, int]] = field(default_factory=dict)   # part → (selector, pages naming it)
    detected: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)                         # profile learning's notes
    date_formats: tuple[str, ...] = ()
    article_urls: tuple[str, ...] = ()       # the detected profile's article / not-article URL patterns
    not_article_urls: tuple[str, ...] = ()
    fetched: int = 0


def _title_element(soup: BeautifulSoup, title: str) -> Tag | None:
    want = key(title)
    for el in soup.find_all(["h1", "h2", "h3", "h4", "div", "span", "p", "strong"]):
        if key(el.get_text(" ")) == want and el.find(["p", "div"]) is None and el.name != "a" and \
                el.find_parent("a") is None and not in_related_block(el) and not in_site_header(el):
            return el
    return None


def _lead_element(soup: BeautifulSoup, lead: str) -> Tag | None:
    want = key(lead)
    if not want:
        return None
    hits = [el for el in soup.find_all(["p", "div", "h2", "span", "strong", "b"])
            if key(el.get_text(" ")) == want and not in_related_block(el)]
    # the outermost element printing exactly the lead (a <p class="sapo"> rather than its <b>)
    return next((el for el in hits if not any(h in el.parents for h in hits)), None)


def _body_element(soup: BeautifulSoup, paragraphs: list[str]) -> Tag | None:
    want = {key(p) for p in paragraphs if len(p) >= 40}
    holders = [el for el in soup.find_all(["p", "div", "td", "span"])
               if el.find(["p", "div"]) is None and key(el.get_text(" ")) in want]
    if not holders:
        return None
    parent = holders[0].parent
    while isinstance(parent, Tag) and parent.name not in ("body", "html") and \
            sum(1 for h in holders if parent in h.parents) < 0.8 * len(holders):
        parent = parent.parent
    return parent if isinstance(parent, Tag) and parent.name not in ("body", "html") else None


def page_selectors(art: Article) -> dict[str, str]:
    """part → the selector (tag and classes) of the element printing the article's title, date, lead and
    body on its page ("" for a part the page prints nowhere: a title only in <title>, a date only in
    <meta>)."""
    soup = BeautifulSoup(art.html, "lxml")
    lead_el = _lead_element(soup, art.lead) if art.lead else None
    if lead_el is not None and not is_lead_element(lead_el) and not (lead_el.get("class") or []):
        lead_el = None   # a bare <p> is the body's first paragraph, not a sapo a selector can name
    body = [p for p in art.text.split("\n\n") if p and p != art.lead]
    day = day_of(art.published)
    return {"title": css_of(_title_element(soup, art.title)),
            "date": css_of(element_printing(soup, day, skip=in_related_block)) if day else "",
            "lead": css_of(lead_el),
            "body": css_of(_body_element(soup, body))}


def candidate_profile(start_url: str, fetcher: Fetcher, *, pages: int = 5, max_fetch: int = 60,
                      profile_dirs=()) -> SiteProfile:
    """Crawl `start_url` until `pages` article pages are stored (at most `max_fetch` pages fetched) and
    build the candidate profile from them. Fetch errors of single pages are the crawler's (counted)."""
    state = MemoryState()
    stats = crawl([start_url], state, fetcher=fetcher, max_pages=max_fetch, profile_dirs=profile_dirs,
                  progress=False, learn_after=2, page_budget=max_fetch)
    out = SiteProfile(start_url, host_of(start_url) or "", notes=list(stats.profile_notes),
                     fetched=stats.pages_fetched)
    profiles = load_profiles(tuple(profile_dirs))
    arts = sorted(state.articles.values(), key=lambda a: a.canonical_url)[:pages]
    by_part: dict[str, Counter] = {p: Counter() for p in PARTS}
    for art in arts:
        rep = PageReport(art.canonical_url, art.profile or "generic", art.title,
                         art.published.isoformat() if art.published else "", page_selectors(art))
        generic = parse_article(art.url, art.html, {}, profiles=())
        if isinstance(generic, Rejection):
            rep.generic_title_same = rep.generic_date_same = False
            rep.generic_body_f1 = 0.0
        else:
            rep.generic_title_same = generic.title == art.title
            rep.generic_date_same = day_of(generic.published) == day_of(art.published)
            rep.generic_body_f1 = round(token_f1(generic.text, art.text), 3)
        out.pages.append(rep)
        out.detected[rep.profile] += 1
        for part, sel in rep.selectors.items():
            if sel:
                by_part[part][sel] += 1
    for part, c in by_part.items():
        if c:
            out.selectors[part] = c.most_common(1)[0]
    used = next((p for p in profiles if p.name == (out.detected.most_common(1)[0][0] if out.detected else "")), None)
    if isinstance(used, Profile):
        out.date_formats = used.date_formats
        out.article_urls = tuple(rx.pattern for rx in used.article_urls)
        out.not_article_urls = tuple(rx.pattern for rx in used.not_article_urls)
    return out


def _toml_list(items) -> str:
    return "[" + ", ".join('"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"' for s in items) + "]"


def _name_of(host: str) -> str:
    name = re.sub(r"[^a-z0-9]+", "_", host.lower().removeprefix("www.")).strip("_")
    return name or "site"


def render_toml(sp: SiteProfile) -> str:
    """The candidate profile as a profile file (scraper/profiles/*.toml format), the comparison of the
    detected profile, the generic extraction and the candidate as comments."""
    n = len(sp.pages)
    lines = [f"# Candidate profile for {sp.start_url}, from {n} article page(s) ({sp.fetched} pages fetched)",
             "# (partyfacts site profile). Review it, then copy it into your profiles directory (the `profiles`",
             "# setting). Selectors name the element printing each part on the pages read.",
             "# detected: " + (", ".join(f"{k} on {v} page(s)" for k, v in sp.detected.most_common()) or "nothing")]
    for part in PARTS:
        sel, k = sp.selectors.get(part, ("", 0))
        lines.append(f"# {part}: " + (f"{sel!r} on {k} of {n} page(s)" if sel else "printed by no element on these pages"
                                       + (" (the <title>/og:title and meta signals carry it)" if part in ("title", "date") else "")))
    for note in sp.notes:
        lines.append(f"# profile learning: {note}")
    for p in sp.pages:
        lines.append(f"# page {p.url} ({p.profile}): {p.title[:70]!r} {p.published or 'no date'}; generic extraction: "
                     f"title {'same' if p.generic_title_same else 'differs'}, date {'same' if p.generic_date_same else 'differs'}, "
                     f"body F1 {p.generic_body_f1:.2f}")
    host = sp.host or urlsplit(sp.start_url).hostname or ""
    body = sp.selectors.get("body", ("", 0))[0]
    host_rx = [r"^https?://(www\.)?" + re.escape(host.removeprefix("www.")) + r"(:\d+)?/"] if host else []
    lines += ["", f'name = "{_name_of(host)}"', f'description = "Learnt from {n} article page(s) of {host}"', "",
              "[detect]", f"selectors = {_toml_list([body] if body else [])}",
              f"urls = {_toml_list(host_rx)}", "",
              "[urls]   # the detected profile's URL patterns",
              f"article = {_toml_list(sp.article_urls)}", f"not_article = {_toml_list(sp.not_article_urls)}",
              "", "[article]"]
    for part in PARTS:
        sel = sp.selectors.get(part, ("", 0))[0]
        lines.append(f"{part} = {_toml_list([sel] if sel else [])}")
    lines.append(f"date_formats = {_toml_list(sp.date_formats)}")
    return "\n".join(lines) + "\n"
