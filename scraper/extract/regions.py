"""Where on the page an element sits: the site banner, the footer, a teaser of another article.
Title, date and lead finders skip these regions."""
from __future__ import annotations

import re

from bs4 import Tag

from .common import clean


def in_teaser(el: Tag) -> bool:
    """A date printed in a teaser item (a small block that also holds a headline link to another page):
    the date of "Tin mới" / "Các tin khác" entries, not of the article."""
    anc = el
    for _ in range(2):
        anc = anc.parent
        if not isinstance(anc, Tag) or len(anc.get_text(" ", strip=True)) > 400:
            return False
        for a in anc.find_all("a", href=True):
            if len(clean(a.get_text(" "))) >= 20 and el not in a.descendants:
                return True
    return False


_SITE_HEADER = re.compile(r"(.*[-_])?(header|banner|logo|masthead|brand)([-_](top|wrap|wrapper|inner|main|table|container|"
                          r"area|bar|row|box))?|(.*[-_])?site[-_]?(name|title|header|logo)|sitename", re.I)


_NOT_SITE_HEADER = re.compile(r"article|entry|post|news|detail|taglib|content|asset|story|tin|bai", re.I)
_FOOTER = re.compile(r"(.*[-_])?footer([-_]\w+)?", re.I)


def in_site_header(el: Tag) -> bool:
    """Inside the page banner (site name, logo, today's date), not inside an article's own header."""
    chain = [el, *(p for p in el.parents if isinstance(p, Tag) and p.name not in ("body", "html", "[document]"))]
    if any(a.name in ("article", "main") for a in chain):
        return False
    for anc in chain:
        if anc.name == "header":
            return True
        for tok in [*(anc.get("class") or []), anc.get("id") or ""]:
            if tok and _SITE_HEADER.fullmatch(tok) and not _NOT_SITE_HEADER.search(tok):
                return True
    return False


def in_site_footer(el: Tag) -> bool:
    """Inside the page footer (address, licence number and its date)."""
    for anc in [el, *el.parents]:
        if not isinstance(anc, Tag) or anc.name in ("body", "html", "[document]"):
            return False
        if anc.name == "footer" or any(_FOOTER.fullmatch(t) for t in [*(anc.get("class") or []), anc.get("id") or ""] if t):
            return True
    return False
