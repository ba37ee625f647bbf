"""Extraction of an unknown layout: trafilatura's main text, our headline and date finders, the
listing check on its lines, then the same block cleaning as profiled pages."""
from __future__ import annotations

from bs4 import BeautifulSoup

from ..dates import parse_iso
from .blocks import Aside, Block, captions_in, clean_blocks, printed_byline, printed_source, unwrap_cell
from .classify import looks_like_article_url, teaser_structure
from .common import LISTING_MIN_LINKS, Parts, clean, key
from .headline import best_headline, generic_title, lead_before, page_title_keys
from .consensus import choose_date, choose_title, in_related_block
from .pubdate import date_in_url, find_date
from .regions import in_teaser


def extract_generic(soup: BeautifulSoup, html_text: str, url: str) -> Parts | str:
    """The article's parts of a layout no profile knows (trafilatura's main text, our title and date
    finders), or why the page is not an article (no main text, a listing of headline links)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html_text, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True, deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        return "no main text found (generic extractor)"
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        why = teaser_structure(main, url)
        if why:
            return f"{why} (generic)"
    parts = Parts()
    title_el, parts.title = generic_title(soup, doc.title or "")
    el, text, _why = choose_title(soup, title_el, parts.title, url=url, incumbent_source="heuristic",
                                  extracted=doc.title or "")
    if text:
        title_el, parts.title = el, text
    parts.published = find_date(soup, (), (), near=title_el, skip=in_related_block) or \
        (parse_iso(doc.date) if doc.date else None)
    parts.published, _why = choose_date(parts.published, soup=soup, url_date=date_in_url(url),
                                        extracted=doc.date or "")
    blocks = [Block(unwrap_cell(clean(line)), 0) for line in doc.text.split("\n") if clean(line)]
    # lines before the headline are page chrome of a table layout (a visitor counter, a breadcrumb)
    tk = key(parts.title)
    start = next((i for i, b in enumerate(blocks[:6]) if tk and key(b.text) == tk), 0)
    blocks = blocks[start:]
    # teaser lists: extracted paragraphs that are the text of links elsewhere on the page
    headlines = {key(a.get_text(" ")) for a in soup.find_all("a") if len(clean(a.get_text(" "))) >= 20}
    teasers = sum(1 for b in blocks if key(b.text) in headlines or any(key(b.text).startswith(h) for h in headlines if len(h) >= 30))
    if teasers >= LISTING_MIN_LINKS:
        return f"listing page: {teasers} extracted lines are headline links (generic)"
    if not looks_like_article_url(url, None):
        text_chars = sum(len(b.text) for b in blocks)
        headline_chars = sum(len(h) for h in headlines if len(h) >= 30)
        if headline_chars > text_chars:
            return (f"listing page: headline links ({headline_chars} chars) outweigh the text ({text_chars} chars) "
                    f"on a section URL (generic)")
    aside = Aside()
    parts.paragraphs, parts.author, parts.source = clean_blocks(blocks, parts.title, aside=aside)
    parts.lead = _lead_left_out(soup, parts.paragraphs, parts.title)
    scope = soup.find("article") or soup.find("main") or soup.body or soup
    parts.captions = aside.captions + [c for c in captions_in(scope) if c not in aside.captions
                                       and not any(c in p for p in parts.paragraphs)]
    parts.dateline = aside.datelines[0] if aside.datelines else ""
    parts.byline, parts.source_line = "\n".join(aside.bylines), aside.source_line
    outside = lambda el: bool(in_related_block(el) or in_teaser(el))  # noqa: E731
    if not parts.byline:   # a signature trafilatura left out: the line as printed, and the name it signs
        line, name = printed_byline(scope, skip=outside)
        parts.byline, parts.author = line, parts.author or name
    if not parts.source_line:   # and a source line
        line, name = printed_source(scope, skip=outside)
        parts.source_line, parts.source = line, parts.source or name
    if doc.author and not parts.author:
        parts.author = clean(doc.author)
    return parts


def has_dated_headline(soup: BeautifulSoup) -> bool:
    """A headline the page's <title> repeats with a date line after it: an article in a theme or portlet
    its profile does not know, which the generic extractor may read (section and search pages have none)."""
    head = best_headline(soup, page_title_keys(soup))
    return head is not None and find_date(soup, (), (), near=head) is not None


def _lead_left_out(soup: BeautifulSoup, paragraphs: list[str], title: str) -> str:
    """The sapo trafilatura left out (a bold block or a "summary" div printed right before the body's
    container): the block of running text before the element holding the first extracted paragraph,
    when it is not extracted already; "" when there is none."""
    if not paragraphs:
        return ""
    first = key(paragraphs[0])
    holder = next((el for el in soup.find_all(["p", "div", "span", "td"])
                   if el.find(["p", "div"]) is None and key(el.get_text(" ")) == first), None)
    if holder is None:
        return ""
    lead_el = lead_before(holder, title=title, skip=in_related_block)
    if lead_el is None:
        return ""
    lead = clean(lead_el.get_text(" "))
    return "" if any(key(lead) in key(p) for p in paragraphs) else lead

