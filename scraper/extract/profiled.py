"""Extraction with a CMS profile: body, title, date, lead, author and source from the profile's
selectors, with the listing / schedule checks that need the body found."""
from __future__ import annotations

from bs4 import BeautifulSoup

from ..learning import css_of
from ..profiles import Profile
from .blocks import (Aside, blocks_of, boilerplate, captions_in, clean_blocks, drop_elements, printed_byline,
                     printed_source, strip_prefix)
from .classify import article_evidence, dated_rows, listing_evidence, table_text_outweighs, teaser_structure
from .common import LISTING_MIN_LINKS, Parts, clean, key, select_first, select_text
from .headline import best_headline, generic_title, headline_before, lead_before, lead_between, names_page, page_title_keys
from .consensus import day_of, choose_date, choose_title, in_related_block, metadata_title
from .pubdate import date_in_url, element_printing, find_date, profile_date
from .regions import in_site_header, in_teaser


def extract_with_profile(soup: BeautifulSoup, profile: Profile, url: str) -> Parts | str:
    """The article's parts by the profile's selectors, or why the page is not an article of the profile
    ("no article body …" when its body selectors match nothing: the caller may try the generic extractor).
    Consumes `soup` (the profile's drop selectors and the boilerplate are removed from the body)."""
    for sel in profile.reject:
        if soup.select_one(sel) is not None:
            return f"not an article page ({profile.name} marker {sel})"
    body = select_first(soup, profile.body)
    if body is None:
        n = len({a.get("href") for sel in profile.listing_links for a in soup.select(sel)})
        if n >= LISTING_MIN_LINKS:
            return f"listing page: {n} article links and no article body ({profile.name})"
        return f"no article body ({profile.name} body selectors match nothing)"
    parts_body_selector = next((sel for sel in profile.body if any(h.get_text(strip=True) for h in soup.select(sel))), "")
    paginated = any(soup.select_one(sel) is not None for sel in profile.listing_next)
    why = teaser_structure(body, url, paginated=paginated)
    if why:
        return f"{why} ({profile.name})"  # a listing whatever its URL, however long its teasers
    listing_why = "" if profile.is_article_url(url) else listing_evidence(soup, body, profile, url)
    if not profile.is_article_url(url):
        n = dated_rows(body)
        if n >= LISTING_MIN_LINKS:
            return f"a table of {n} dated rows (a work schedule or document list), not an article ({profile.name})"
    parts = Parts(body_selector=parts_body_selector)
    title_el, title_sel = None, ""
    order = {id(el): i for i, el in enumerate(soup.find_all(True))}
    body_pos = order.get(id(body), 0)
    for sel in profile.title:
        hits = [h for h in soup.select(sel) if clean(h.get_text(" "))]
        if hits:
            # linked titles make a listing, unless they are the teasers of a related-news block ("Tin liên
            # quan" before an article whose headline is only in <title>)
            free = [h for h in hits if not in_related_block(h)]
            distinct = {clean(h.get_text(" ")) for h in free}
            linked = [h for h in free if h.name == "a" or h.find("a") is not None]
            if free and len(distinct) >= LISTING_MIN_LINKS and len(linked) == len(free):
                return f"listing page: {len(distinct)} linked titles ({profile.name} {sel})"
            # the headline is not a link (teasers of other articles are), not the site name in the banner,
            # and is the last one before the body
            hits = [h for h in hits if h not in linked] or hits
            hits = [h for h in hits if not in_site_header(h)]
            hits = [h for h in hits if not in_related_block(h)] or hits
            if not hits:
                continue
            before = [h for h in hits if order.get(id(h), 0) <= body_pos]
            title_el = before[-1] if before else hits[0]
            title_sel = sel
            break
    keys = page_title_keys(soup)
    specific = title_el is not None and any(c in title_sel for c in ".#[")
    if not specific and (title_el is None or not names_page(title_el.get_text(" "), keys)):
        # the profile's selectors found nothing, or only a bare heading the <title> does not repeat (a box
        # title): the headline the <title> repeats, else the last headline-like element before the body
        alt = best_headline(soup, keys) if keys else None
        if alt is None and title_el is None:
            alt = headline_before(soup, body, order)
        if alt is not None:
            title_el = alt
    if title_el is None:
        title_el, parts.title = generic_title(soup, "")
    else:
        parts.title = clean(title_el.get_text(" "))
    # the signals of the page vote: a selector no other signal confirms loses to one they confirm
    source = "profile" if specific else "heuristic"
    el, text, why = choose_title(soup, title_el, parts.title, url=url, incumbent_source=source, body=body, order=order)
    if "agrees with" not in why:
        # no signal confirms the winner: trafilatura's metadata votes too (it adds weight, it cannot
        # overturn the profile's choice alone)
        el, text, why = choose_title(soup, title_el, parts.title, url=url, incumbent_source=source, body=body,
                                     order=order, extracted=metadata_title(soup))
    if specific:   # the page's verdict on the profile's selector (scraper.learning counts them per site)
        parts.title_selector = title_sel
        parts.title_agreed = not text or key(text) == key(parts.title)
        parts.title_chosen = "" if parts.title_agreed else css_of(el)
    if text:
        title_el, parts.title = el, text
    parts.published = find_date(soup, profile.date, profile.date_formats, near=title_el, until=body,
                                skip=in_related_block)
    sel_date, parts.date_selector = profile_date(soup, profile.date, profile.date_formats, near=title_el,
                                                 skip=in_related_block)
    parts.published, _why = choose_date(parts.published, soup=soup, url_date=date_in_url(url))
    if parts.date_selector:   # the page's verdict on the profile's date selector
        parts.date_agreed = day_of(sel_date) == day_of(parts.published)
        if not parts.date_agreed and day_of(parts.published) is not None:
            parts.date_chosen = css_of(element_printing(soup, day_of(parts.published), skip=in_related_block))
    if listing_why and not article_evidence(title_el, parts, body, keys):
        return listing_why
    lead_el = select_first(soup, profile.lead)
    if lead_el is None and title_el is not None:
        lead_el = lead_between(soup, title_el, body, order)
    if lead_el is None:   # no headline before the body (a title only in <title>): the block printed before it
        lead_el = lead_before(body, title=parts.title, skip=in_related_block)
    if lead_el is not None:
        parts.lead = clean(lead_el.get_text(" "))
    # the signature where the body may not hold it (above the lead, in a theme's author paragraph)
    scope = body.find_parent("article") or body.parent or body
    outside = lambda el: bool(in_related_block(el) or in_teaser(el))  # noqa: E731
    byline_near, source_near = printed_byline(scope, skip=outside), printed_source(scope, skip=outside)
    byline_printed = select_text(soup, profile.author)
    source_printed = select_text(soup, profile.source)
    parts.author = strip_prefix(byline_printed)
    parts.source = strip_prefix(source_printed)
    parts.dateline = next((t for sel in profile.date for el in soup.select(sel) if not in_teaser(el)
                           and not in_related_block(el) and len(t := clean(el.get_text(" "))) <= 120), "")
    for sel in (*profile.author, *profile.source, *profile.lead):
        for el in body.select(sel):
            el.decompose()
    parts.captions = captions_in(body)
    drop_elements(body, ", ".join(profile.drop))
    drop_elements(body, boilerplate().drop_selectors)
    why = table_text_outweighs(body)
    if why:
        return f"{why} ({profile.name})"
    blocks = blocks_of(body)
    # a signature line ends the body even when the page names an author elsewhere (a WordPress account)
    aside = Aside()
    parts.paragraphs, a, s = clean_blocks(blocks, parts.title, aside=aside)
    parts.captions = parts.captions + [c for c in aside.captions if c not in parts.captions]
    parts.dateline = parts.dateline or (aside.datelines[0] if aside.datelines else "")
    parts.byline = "\n".join(aside.bylines) or byline_printed or byline_near[0]
    parts.source_line = aside.source_line or source_printed or source_near[0]
    if a and key(parts.author) in boilerplate().account_authors:
        parts.author = ""  # a CMS account ("admin", "Ban biên tập"): the signature names the writer
    parts.author = parts.author or a or byline_near[1]
    parts.source = parts.source or s or source_near[1]
    return parts
