"""Profile choice: the CMS family (profiles/*.toml) whose markers the page carries."""
from __future__ import annotations

from bs4 import BeautifulSoup

from ..profiles import Profile
from .common import selector_tokens


def detect_profile(soup: BeautifulSoup, html_text: str, url: str, profiles) -> tuple[Profile | None, int]:
    """The profile whose markers score highest on this page (None when none scores)."""
    best, best_score = None, 0
    for p in profiles:
        score = sum(1 for sel in p.detect_selectors
                    if all(tok in html_text for tok in selector_tokens(sel)) and soup.select_one(sel) is not None)
        score += sum(1 for s in p.detect_html if s in html_text)
        score += sum(1 for rx in p.detect_urls if rx.search(url))
        if score > best_score:
            best, best_score = p, score
    return best, best_score
