"""What every extraction stage shares: the result types (`Rejection`, the `Parts` an extractor fills),
the size thresholds, text normalisation and comparison keys, and small selector / <meta> readers."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from bs4 import Comment, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from ..encoding import normalize_text

DATA_DIR = Path(__file__).resolve().parent.parent / "data"   # scraper/data: boilerplate, non-article kinds
MIN_BODY_CHARS = 120          # shorter bodies are stubs or teasers, not articles
LISTING_MIN_LINKS = 3         # this many article teaser links without a body = a listing page
SKIP_NODES = (Comment, CData, Declaration, Doctype, ProcessingInstruction)


@dataclass(frozen=True)
class Rejection:
    """A page that is not an article, and why (one line, shown in crawl statistics)."""
    url: str
    reason: str
    profile: str = ""

    def __str__(self) -> str:
        return f"{self.url}: not an article: {self.reason}"


class ArticleRejected(ValueError):
    def __init__(self, rejection: Rejection):
        super().__init__(str(rejection))
        self.rejection = rejection


@dataclass
class Parts:
    title: str = ""
    published: datetime | date | None = None
    lead: str = ""
    paragraphs: list[str] | None = None
    author: str = ""
    source: str = ""
    # the parts around the body that carry facts (names, posts, places) and are not body text
    captions: list[str] | None = None     # photo captions as printed (with their credit)
    dateline: str = ""                    # the date line as printed ("Thứ Hai, 03/06/2019 07:15")
    byline: str = ""                      # the signature line(s) as printed ("Tin, ảnh: Minh Hà")
    source_line: str = ""                 # the source line as printed ("Nguồn: Báo Nhân Dân")
    # what the page's signals said of the profile's title selector (scraper.learning): the selector that
    # matched, whether its element stayed the title, and the element chosen instead ("h1.post-title")
    title_selector: str = ""
    title_agreed: bool = True
    title_chosen: str = ""
    # … and of its date selector (the date it found stayed the publication date after the vote) and the
    # body selector that matched (the caller compares its text with the generic extractor's)
    date_selector: str = ""
    date_agreed: bool = True
    date_chosen: str = ""
    body_selector: str = ""


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace collapsed, NFC."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def clean(s: str) -> str:
    return " ".join(normalize_text(s).split())


def key(s: str) -> str:
    return clean(s).lower().strip(" :.-–—»›>")


_TOKENS = re.compile(r"[.#]([\w-]+)|[*^$]?=\s*['\"]?([^'\"\]]+)")


@lru_cache(maxsize=512)
def selector_tokens(selector: str) -> tuple[str, ...]:
    """Class names, ids and attribute values a selector needs: absent from the raw HTML, it cannot match
    (a cheap test before walking the tree)."""
    if "," in selector:
        return ()
    return tuple(a or b for a, b in _TOKENS.findall(selector))


def select_first(root, selectors) -> Tag | None:
    """First selector with a match; among its matches the one with the most text."""
    for sel in selectors:
        hits = root.select(sel)
        hits = [h for h in hits if h.get_text(strip=True)]
        if hits:
            return max(hits, key=lambda h: len(h.get_text(" ", strip=True)))
    return None


def select_text(root, selectors) -> str:
    for sel in selectors:
        for h in root.select(sel):
            t = clean(h.get_text(" "))
            if t:
                return t
    return ""


def meta(soup, *names) -> str:
    for n in names:
        tag = soup.find("meta", attrs={"property": n}) or soup.find("meta", attrs={"name": n}) \
            or soup.find("meta", attrs={"itemprop": n})
        if tag and tag.get("content"):
            return clean(tag["content"])
    return ""
