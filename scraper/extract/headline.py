"""The headline (and the lead, the sapo printed under it): the element the page's <title> repeats,
not a link, not in the site banner; the last headline-like element before the body; og:title."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from .blocks import boilerplate
from .common import clean, key, meta
from .pubdate import is_date_line
from .regions import in_site_header, in_teaser

_HEADLINE_CLASS = re.compile(r"title|tieu-?_?de|heading|headline", re.I)
# a heading element styled as the sapo (newspapers print the lead in an <h2 class="sapo">): not a headline
_LEAD_CLASS = re.compile(r"sapo|summary|lead|desc|excerpt|intro|tom-?_?tat|tomtat|mota", re.I)


def is_lead_element(el: Tag) -> bool:
    """The element (or its wrapper) is classed as the sapo / summary / description of the article."""
    for anc in (el, el.parent):
        if isinstance(anc, Tag):
            cls = " ".join([*(anc.get("class") or []), anc.get("id") or ""])
            if cls and _LEAD_CLASS.search(cls) and not _HEADLINE_CLASS.search(cls):
                return True
    return False


def _fallback_title(soup) -> str:
    """og:title, else the first <h1> outside the site banner (not the site name), else "": the callers'
    vote (extract.consensus) then takes the page <title> without its site name."""
    t = meta(soup, "og:title", "twitter:title")
    if t:
        return t
    h1 = next((h for h in soup.find_all("h1") if not in_site_header(h) and clean(h.get_text(" "))), None)
    return clean(h1.get_text(" ")) if h1 is not None else ""


def page_title_keys(soup: BeautifulSoup) -> list[str]:
    return [t for t in (key(soup.title.get_text(" ")) if soup.title else "", key(meta(soup, "og:title"))) if t]


def names_page(text: str, keys: list[str]) -> bool:
    """The <title> / og:title repeats this headline (alone, or with the site name around it)."""
    k = key(text)
    return bool(k) and len(k) >= 8 and any(k == t or k in t for t in keys)


def best_headline(soup: BeautifulSoup, keys: list[str]) -> Tag | None:
    """The headline an unknown layout prints: a heading or a *title* / *tieude* element, not a link, not in
    the site banner, that the page's <title> repeats; the longest such."""
    best, best_len = None, 0
    for el in soup.find_all(True):
        if el.name in ("title", "meta", "a", "script", "style"):
            continue
        cls = " ".join([*(el.get("class") or []), el.get("id") or ""])
        if el.name not in ("h1", "h2", "h3", "h4") and not (cls and _HEADLINE_CLASS.search(cls)):
            continue
        t = clean(el.get_text(" "))
        if not (8 <= len(t) <= 400) or len(t) <= best_len or el.find("a") is not None:
            continue
        if names_page(t, keys) and not in_site_header(el):
            best, best_len = el, len(t)
    return best


def headline_before(soup: BeautifulSoup, body: Tag, order: dict[int, int]) -> Tag | None:
    """The last headline-like element (a heading or a *title* / *tieude* element of four words or more,
    not a link, not in the banner or a teaser) before the body: portals whose <title> is only the site name."""
    body_pos = order.get(id(body), 0)
    best = None
    for el in soup.find_all(True):
        pos = order.get(id(el), 0)
        if pos >= body_pos:
            break
        if el.name in ("title", "meta", "a", "script", "style"):
            continue
        cls = " ".join([*(el.get("class") or []), el.get("id") or ""])
        if el.name not in ("h1", "h2", "h3", "h4") and not (cls and _HEADLINE_CLASS.search(cls)):
            continue
        t = clean(el.get_text(" "))
        if len(t) < 20 or len(t.split()) < 4 or len(t) > 400 or el.find("a") is not None or el.find_parent("a"):
            continue
        if in_site_header(el) or in_teaser(el) or el.find(["p", "div", "table", "ul"]) is not None:
            continue
        if is_lead_element(el):
            continue
        best = el
    return best


def generic_title(soup: BeautifulSoup, extracted: str) -> tuple[Tag | None, str]:
    """The headline of an unknown layout: the first h1-h3 that the <title> or og:title repeats (a site
    logo repeats only the site-name part), else og:title, the extractor's title, the first h1."""
    page_titles = [key(soup.title.get_text(" ")) if soup.title else "", key(meta(soup, "og:title"))]
    headings = [h for h in soup.find_all(["h1", "h2", "h3"], limit=30) if 8 <= len(clean(h.get_text(" "))) <= 400
                and not in_site_header(h)]
    repeated = [h for h in headings if any(key(h.get_text(" ")) in t for t in page_titles if t)]
    if repeated:  # the longest: <title> often ends with the site name, which a logo heading repeats
        h = max(repeated, key=lambda h: len(clean(h.get_text(" "))))
        return h, clean(h.get_text(" "))
    keys = page_title_keys(soup)
    h = best_headline(soup, keys) if keys else None  # a <span id="…lblTieuDe"> of an ASP.NET web part
    if h is not None:
        return h, clean(h.get_text(" "))
    og = meta(soup, "og:title")
    if og:
        return None, og
    if extracted:
        return None, clean(extracted)
    h1 = next((h for h in soup.find_all("h1") if not in_site_header(h)), None)
    if h1 is not None and clean(h1.get_text(" ")):
        return h1, clean(h1.get_text(" "))
    return None, _fallback_title(soup)


def lead_between(soup: BeautifulSoup, title_el: Tag, body: Tag, order: dict[int, int]) -> Tag | None:
    """The sapo of a layout the profile does not name: a block of running text (80+ characters, not links,
    not a date or meta line) printed between the headline and the body."""
    t_pos, b_pos = order.get(id(title_el), -1), order.get(id(body), -1)
    if not 0 <= t_pos < b_pos:
        return None
    for el in title_el.find_all_next(True):
        pos = order.get(id(el), b_pos)
        if pos >= b_pos:
            return None
        if el in title_el.descendants or el.name in ("script", "style", "a", "img"):
            continue
        if el.find(["p", "div", "table", "tr", "td", "ul", "h1", "h2", "h3"]) is not None:
            continue  # a wrapper: its inner block is tried next
        t = clean(el.get_text(" "))
        if len(t) < 80 or is_date_line(t) or in_teaser(el) or in_site_header(el):
            continue
        link_chars = sum(len(clean(a.get_text(" "))) for a in el.find_all("a"))
        if link_chars < 0.2 * len(t) and not any(rx.fullmatch(t) for rx in boilerplate().drop_lines):
            return el
    return None


def lead_before(body: Tag, *, title: str = "", skip=None) -> Tag | None:
    """The sapo of a layout whose headline is not before the body in the page (only in <title>, or in
    another column): the block of running text printed right before the body, among its last three
    previous siblings or its parent's (80+ characters, one block, not links, not a date, meta or list).
    The headline itself (``title``) is not a sapo; ``skip`` rejects more elements (a related-news block)."""
    node = body
    for _level in range(2):
        for sib in node.find_previous_siblings(True)[:3]:
            if sib.name in ("script", "style", "ul", "ol", "table", "nav", "form", "img", "figure"):
                continue
            if sib.find(["ul", "ol", "table", "nav", "form", "h1", "h3"]) is not None:
                continue
            if len(sib.find_all(["p", "div", "h2"])) > 1:
                continue  # a wrapper of several blocks, not one sapo
            t = clean(sib.get_text(" "))
            if len(t) < 80 or is_date_line(t) or in_teaser(sib) or in_site_header(sib) or (skip and skip(sib)) \
                    or (title and key(t) == key(title)):
                continue
            link_chars = sum(len(clean(a.get_text(" "))) for a in sib.find_all("a"))
            if link_chars < 0.2 * len(t) and not any(rx.fullmatch(t) for rx in boilerplate().drop_lines):
                return sib
        node = node.parent
        if node is None or node.name in ("body", "html"):
            return None
    return None
