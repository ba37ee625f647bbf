"""Extraction of an unknown layout: trafilatura's main text, our headline and date finders, the
listing check on its lines, then the same block cleaning as profiled pages."""
from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from ..dates import parse_iso, parse_vn_date
from ..urls import canonical_url
from .blocks import Aside, Block, captions_in, clean_blocks, printed_byline, printed_source, unwrap_cell
from .classify import looks_like_article_url, teaser_structure
from .common import LISTING_MIN_LINKS, SKIP_NODES, Parts, clean, key, meta
from .headline import best_headline, generic_title, lead_before, page_title_keys
from .consensus import choose_date, choose_title, fold_tokens, in_related_block, slug_text, strip_site_name
from .pubdate import date_in_url, find_date, is_date_line
from .regions import in_site_footer, in_site_header, in_teaser


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
    # the page's own date line (with its time) before trafilatura's date (often the day alone)
    parts.published = find_date(soup, (), (), near=title_el, skip=in_related_block) or \
        (own_date_line(soup) if title_el is None else None) or (parse_iso(doc.date) if doc.date else None)
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
    why = teaser_text(soup, blocks, url)
    if why:
        return f"{why} (generic)"
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


TEASER_TEXT_SHARE = 0.6   # share of the extracted text inside teaser items that makes a page a listing


def teaser_text(soup: BeautifulSoup, blocks: list[Block], url: str) -> str:
    """Why the extracted text is the teasers of a listing ("" when it is not): most of it sits in small
    items that each hold a headline link (20+ characters) to another page, two or more distinct pages.
    A category page whose few items print whole leads reads like an article line by line; its lines
    belong to the teasers of other articles (an article's own paragraphs hold no headline link; a
    related-news box inside it holds titles, not most of its text)."""
    want = {key(b.text): len(b.text) for b in blocks if len(b.text) >= 40}
    total = sum(want.values())
    if not total:
        return ""
    inside, targets = 0, set()
    for el in soup.find_all(["p", "div", "span", "td", "li", "h2", "h3", "h4"]):
        k = key(el.get_text(" "))
        if k not in want or el.find(["p", "div", "li"]) is not None:
            continue
        target = _teaser_target(el, url)
        if target:
            inside += want.pop(k)
            targets.add(target)
    if len(targets) >= 2 and inside >= TEASER_TEXT_SHARE * total:
        return (f"listing page: {inside * 100 // total}% of the extracted text is the teasers of "
                f"{len(targets)} linked articles")
    return ""


def _teaser_target(el: Tag, url: str) -> str:
    """The other page a teaser item holding `el` links to by its headline ("" when `el` is in no such
    item): the nearest ancestor (three levels up, 1,500 characters at most) with one headline link."""
    anc = el
    for _ in range(3):
        anc = anc.parent
        if not isinstance(anc, Tag) or anc.name in ("body", "html", "main", "article"):
            return ""
        if len(anc.get_text(" ", strip=True)) > 1500:
            return ""
        heads = set()
        for a in anc.find_all("a", href=True):
            if len(clean(a.get_text(" "))) >= 20:
                try:
                    target = canonical_url(a["href"], url)
                except ValueError:
                    continue
                if target != url:
                    heads.add(target)
        if len(heads) == 1:
            return heads.pop()
        if len(heads) > 1:
            return ""
    return ""


def has_dated_headline(soup: BeautifulSoup, url: str = "") -> bool:
    """A headline the page's <title> repeats with a date line after it: an article in a theme or portlet
    its profile does not know, which the generic extractor may read (section and search pages have none).
    A page that prints no headline (its title only in <title>) qualifies when that <title>, without the
    site name, is the title its URL slug spells and the page prints a date line of its own (not in the
    banner, the footer, a teaser or a related-news block)."""
    head = best_headline(soup, page_title_keys(soup))
    if head is not None:
        return find_date(soup, (), (), near=head) is not None
    return bool(url) and _titled_by_slug(soup, url) and own_date_line(soup) is not None


def _titled_by_slug(soup: BeautifulSoup, url: str) -> bool:
    slug = fold_tokens(slug_text(url))
    if len(slug) < 4 or soup.title is None:
        return False
    title = fold_tokens(strip_site_name(clean(soup.title.get_text(" ")), meta(soup, "og:site_name")))
    return len(title) >= 4 and len(set(slug) & set(title)) >= 0.8 * len(set(slug)) and \
        len(set(slug) & set(title)) >= 0.6 * len(set(title))


def own_date_line(soup: BeautifulSoup):
    """The first date line the page prints outside the banner, the footer, teasers and related-news
    blocks (None when there is none)."""
    for s in soup.find_all(string=True):
        el = s.parent
        if isinstance(s, SKIP_NODES) or not isinstance(el, Tag) or el.name in ("script", "style", "title"):
            continue
        t = clean(str(s))
        if 6 <= len(t) <= 120 and is_date_line(t) and not in_site_header(el) and not in_site_footer(el) \
                and not in_teaser(el) and not in_related_block(el):
            return parse_vn_date(t)
    return None


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



BODY_AGREE = 0.5   # token F1 at which a profile's body and the generic extractor's main text are the same text


def body_verdict(html_text: str, url: str, body_text: str) -> tuple[bool, str]:
    """The generic extractor's vote on a profile's body: (agreed, chosen). `agreed` when its main text and
    `body_text` share most words (token F1 ≥ BODY_AGREE), or when it finds no main text; else `chosen`
    names the element holding the main text it found ("div.news-content"), as a suggested selector."""
    import trafilatura

    from ..learning import css_of, token_f1

    doc = trafilatura.bare_extraction(html_text, url=url, include_comments=False, include_tables=True,
                                      favor_precision=True, deduplicate=False)
    lines = [clean(x) for x in (doc.text or "").split("\n") if len(clean(x)) >= 40] if doc is not None else []
    if not lines or token_f1(body_text, "\n".join(lines)) >= BODY_AGREE:
        return True, ""
    soup = BeautifulSoup(html_text, "lxml")
    want = {key(x) for x in lines}
    holders = [el for el in soup.find_all(["p", "div", "td", "span"])
               if el.find(["p", "div"]) is None and key(el.get_text(" ")) in want]
    if not holders:
        return False, ""
    parent = holders[0].parent
    while isinstance(parent, Tag) and parent.name not in ("body", "html") and \
            sum(1 for h in holders if parent in h.parents) < 0.6 * len(holders):
        parent = parent.parent
    return False, css_of(parent) if isinstance(parent, Tag) and parent.name not in ("body", "html") else ""
