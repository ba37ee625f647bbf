"""RSS and Atom feeds (feedparser): the article links they list, and feed links in HTML heads."""
from __future__ import annotations

import feedparser
from bs4 import BeautifulSoup

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")


def looks_like_feed(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head) \
        or head.startswith((b"<rss", b"<feed"))


def feed_links(raw: bytes, base_url: str) -> list[str]:
    """Entry links of an RSS/Atom document. Raises ValueError when it is not a feed."""
    parsed = feedparser.parse(raw, response_headers={"content-location": base_url})
    if parsed.bozo and not parsed.entries:
        raise ValueError(f"not a readable feed ({type(parsed.bozo_exception).__name__}: {parsed.bozo_exception})")
    links = []
    for e in parsed.entries:
        link = e.get("link") or next((l.get("href") for l in e.get("links", []) if l.get("href")), None)
        if link:
            links.append(link)
    return links


def feeds_in_html(soup: BeautifulSoup) -> list[str]:
    """hrefs of <link rel="alternate" type="application/rss+xml"> in a page."""
    out = []
    for link in soup.find_all("link", href=True):
        rel = " ".join(link.get("rel") or []).lower()
        if "alternate" in rel and (link.get("type") or "").lower() in FEED_TYPES:
            out.append(link["href"])
    return out
