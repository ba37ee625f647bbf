"""One fetched page → an `Article`, or a `Rejection` that says why the page is not an article.

The orchestrator of the extraction stages in `extract/`: decode (encoding.py) → pick the CMS profile
whose markers the page carries (extract.detect) → reject home, category, tag, listing and search URLs
(extract.classify) → title, date, lead, body blocks from the profile's selectors (extract.profiled), or
trafilatura for unknown layouts (extract.generic) → lead first → reject what is still no article (no
title, no date on a section URL, a stub, a schedule or document record: extract.classify).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from bs4 import BeautifulSoup

from .encoding import decode_html
from .extract.blocks import lead_first, split_dateline
from .extract.classify import article_rejection, canonical_of, url_rejection
from .extract.common import ArticleRejected, Rejection, content_hash
from .extract.detect import detect_profile
from .extract.generic import body_verdict, extract_generic, has_dated_headline
from .extract.profiled import extract_with_profile
from .extract.pubdate import date_in_url
from .learning import ProfileLearning, SelectorVerdict
from .profiles import Profile, load_profiles
from .types import Article
from .urls import canonical_url, host_of

__all__ = ["ArticleRejected", "DecodedPage", "Rejection", "content_hash", "parse_article", "parse_html_file",
           "read_page"]


@dataclass
class DecodedPage:
    text: str
    codec: str
    soup: BeautifulSoup
    profile: Profile | None = None   # set once detected, so the crawler and the parser detect once
    detected: bool = False


def read_page(html_bytes: bytes, headers: dict | None = None) -> DecodedPage:
    """Bytes → decoded text (NFC) and its parse tree."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    text, codec = decode_html(html_bytes, headers.get("content-type"))
    return DecodedPage(text, codec, BeautifulSoup(text, "lxml"))


def parse_article(url: str, html_bytes: bytes, headers: dict | None = None, *, profiles=None,
                  profile_dirs=(), site: str | None = None, fetched_at: datetime | None = None,
                  require_article: bool = True, page: "DecodedPage | None" = None,
                  learning: ProfileLearning | None = None) -> Article | Rejection:
    """Parse a fetched page. `url` is the final URL (after redirects), `headers` the response headers
    (lower- or mixed-case names). Returns an Article, or a Rejection naming why the page is not one
    (with require_article=False only an empty page is rejected). `page` is the page already decoded
    by `read_page` (its soup is consumed). `profiles` are the CMS profiles to detect (default: the
    built-in ones, then those in `profile_dirs`). `learning` (one per host, scraper.learning) takes the
    selectors the host's first pages disabled out of its profile and counts this page's verdict."""
    if page is None:
        page = read_page(html_bytes, headers)
    text, codec, soup = page.text, page.codec, page.soup
    try:
        canon = canonical_url(url)
    except ValueError:
        canon = url  # file:// and other local sources keep their URL
    profiles = profiles if profiles is not None else load_profiles(tuple(profile_dirs))
    if not page.detected:
        page.profile, page.detected = detect_profile(soup, text, canon, profiles)[0], True
    profile = page.profile if learning is None else learning.profile_for(page.profile)
    name = profile.name if profile else "generic"
    if require_article:
        why = url_rejection(canon, profile)
        if why:
            return Rejection(url, why, name)
        alt = canonical_of(soup, canon)
        if alt:
            return Rejection(url, f"an alternate (print view or alias) of {alt} (rel=canonical)", name)
    parts = extract_with_profile(soup, profile, canon) if profile else None
    if profile is not None and isinstance(parts, str):
        if not require_article:
            parts = None
        elif parts.startswith("no article body"):
            # a theme or portlet the profile does not know: the generic extractor may read it
            if has_dated_headline(soup, canon):
                parts = None
            else:
                parts += "; no dated headline that the page <title> repeats"
    if parts is None:
        parts = extract_generic(soup, text, canon)
        name = "generic" if not isinstance(parts, str) else name
    if isinstance(parts, str):
        return Rejection(url, parts, name)
    if parts.published is None:
        parts.published = date_in_url(canon)
    # an opening dateline ("(Cổng TTĐT) -") is the article's dateline, not words of its lead
    if parts.lead:
        tag, parts.lead = split_dateline(parts.lead)
    elif parts.paragraphs:
        tag, first = split_dateline(parts.paragraphs[0])
        parts.paragraphs = [first, *parts.paragraphs[1:]]
    else:
        tag = ""
    if tag:   # (a body repeating the lead repeats its dateline too)
        parts.paragraphs = [split_dateline(p)[1] if split_dateline(p)[0] == tag else p for p in parts.paragraphs or []]
        parts.dateline = tag
    paras = lead_first(parts.lead, parts.paragraphs or [])
    body = "\n\n".join(paras)
    if require_article:
        why = article_rejection(parts, paras, canon, profile if name != "generic" else None)
        if why:
            return Rejection(url, why, name)
    elif not body:
        return Rejection(url, "no text", name)
    if learning is not None and name != "generic" and learning.voting:
        # an article page votes on its profile's title, date and body selectors
        verdicts = [SelectorVerdict(parts.title_selector, parts.title_agreed, parts.title_chosen, "title"),
                    SelectorVerdict(parts.date_selector, parts.date_agreed, parts.date_chosen, "date")]
        if parts.body_selector:
            agreed, chosen = body_verdict(text, canon, "\n".join(parts.paragraphs or []))
            verdicts.append(SelectorVerdict(parts.body_selector, agreed, chosen, "body"))
        learning.record_page(name, verdicts)
    return Article(url=url, canonical_url=canon, site=site or host_of(url) or "local", title=parts.title,
                   published=parts.published, text=body, author=parts.author, source=parts.source,
                   html=html_bytes, encoding=codec, fetched_at=fetched_at or datetime.now(timezone.utc),
                   content_hash=content_hash(body), profile=name, lead=paras[0] if parts.lead and paras else "",
                   captions=tuple(parts.captions or ()), byline=parts.byline, dateline=parts.dateline,
                   source_line=parts.source_line)


def parse_html_file(url: str, data: bytes, *, profile_dirs=()) -> Article:
    """A saved HTML file → Article, without the article/non-article decision (for `ingest` and
    `extract`). Raises ArticleRejected when the page has no text at all."""
    res = parse_article(url, data, {}, profile_dirs=profile_dirs, require_article=False)
    if isinstance(res, Rejection):
        raise ArticleRejected(res)
    return res
