"""Publication date: profile selectors, <meta> tags, the date line after the headline, <time>, and the
day an article URL names; `is_date_line` tells a date/meta line from text."""
from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from bs4 import Tag

from ..dates import parse_iso, parse_vn_date
from .common import SKIP_NODES, clean, meta
from .regions import in_site_footer, in_teaser


def _date_from(el: Tag, formats) -> datetime | date | None:
    for attr in ("datetime", "content", "title"):
        v = el.get(attr)
        if v:
            d = parse_iso(v) or parse_vn_date(v, formats)
            if d:
                return d
    return parse_vn_date(clean(el.get_text(" ")), formats)


def find_date(soup, selectors, formats, near: Tag | None = None, until: Tag | None = None,
              skip=None) -> datetime | date | None:
    """Publication date: profile selectors, then meta tags, then a date line after the title (`near`)
    and not past the end of the article body (`until`), then <time>. `skip(el)` is true (a reason) for
    elements whose dates are not the article's (a related-news block)."""
    skip = skip or (lambda el: "")
    d, _ = profile_date(soup, selectors, formats, near, skip)
    if d:
        return d
    for n in ("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
              "dc.date.issued", "dc.date", "date"):
        v = meta(soup, n)
        if v:
            d = parse_iso(v) or parse_vn_date(v)
            if d:
                return d
    if near is not None:
        # after the title, not before it: portal headers print today's date above everything
        last = None
        if until is not None:
            strings = until.find_all(string=True)
            last = strings[-1] if strings else None
        for sib in list(near.find_all_next(string=True, limit=60)):
            if isinstance(sib, SKIP_NODES):
                continue
            t = clean(str(sib))
            if 6 <= len(t) <= 120 and isinstance(sib.parent, Tag) and not in_teaser(sib.parent) \
                    and not in_site_footer(sib.parent) and not skip(sib.parent):
                d = parse_vn_date(t, formats)
                if d:
                    return d
            if last is not None and sib is last:
                break  # dates after the body belong to other articles' teasers
    if near is None and until is not None:
        # no headline found: the date line printed just above the body (nearest first)
        for sib in until.find_all_previous(string=True, limit=60):
            if isinstance(sib, SKIP_NODES) or not isinstance(sib.parent, Tag):
                continue
            t = clean(str(sib))
            if 6 <= len(t) <= 120 and not in_teaser(sib.parent) and not in_site_footer(sib.parent) \
                    and not skip(sib.parent) and sib.parent.name not in ("script", "style", "title"):
                d = parse_vn_date(t, formats)
                if d:
                    return d
    for el in soup.find_all("time"):
        if skip(el):
            continue
        d = _date_from(el, formats)
        if d:
            return d
    return None


def profile_date(soup, selectors, formats, near: Tag | None = None, skip=None) -> tuple[object, str]:
    """(date, selector) of the first profile date selector that finds a date where `find_date` looks for
    it (not in a teaser, not skipped, after the title when one is); (None, "") when none does."""
    skip = skip or (lambda el: "")
    order = {id(el): i for i, el in enumerate(soup.find_all(True))} if near is not None else {}
    title_pos = order.get(id(near), -1)
    for sel in selectors:
        found = [(el, d) for el in soup.select(sel) if not in_teaser(el) and not skip(el)
                 and (d := _date_from(el, formats))]
        if found:
            # the article's own date line follows its title; sidebars' dated lists may come earlier
            after = [x for x in found if order.get(id(x[0]), -1) > title_pos]
            return (after or found)[0][1], sel
    return None, ""


def element_printing(soup, day: date, skip=None) -> Tag | None:
    """The first element (outside teasers, the footer and `skip`ped blocks) whose own text is a date line
    naming `day`: where a page prints the date its signals agreed on."""
    skip = skip or (lambda el: "")
    for s in soup.find_all(string=True):
        el = s.parent
        if isinstance(s, SKIP_NODES) or not isinstance(el, Tag) or el.name in ("script", "style", "title"):
            continue
        t = clean(str(s))
        if 6 <= len(t) <= 120 and is_date_line(t) and not in_teaser(el) and not in_site_footer(el) and not skip(el):
            d = parse_vn_date(t)
            if d is not None and (d.date() if isinstance(d, datetime) else d) == day:
                return el
    return None


_DATE_LINE_REST = re.compile(r"[\d/:|.,\-–()]+|\b(AM|PM|SA|CH|GMT\+?7?)\b|thứ\s+\S+|chủ nhật|đăng ngày|ngày đăng|"
                             r"ngày|cập nhật|lúc|giờ", re.I)


def is_date_line(t: str) -> bool:
    if len(t) > 80 or not parse_vn_date(t):
        return False
    rest = _DATE_LINE_REST.sub(" ", t)
    return len(rest.split()) <= 2


_URL_DATE = re.compile(r"/((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})/|/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/")


def date_in_url(url: str) -> date | None:
    """The day an article URL names (Tandan /Pages/2019-6-3/…, WordPress /2019/06/03/…): the date of a
    page that prints none."""
    m = _URL_DATE.search(urlsplit(url).path)
    if not m:
        return None
    y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    try:
        return date(y, mo, d)
    except ValueError:
        return None
