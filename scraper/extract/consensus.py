"""Title and date by agreement of signals: the candidates a page offers (the profile's selector or the
layout heuristics, og:title / twitter:title, JSON-LD headline / datePublished, the <h1>s, the <title>
without the site name, the URL slug, trafilatura's metadata) are scored by how many other signals they
agree with (folded-token overlap), where they sit (before the body, not in a related / other-news block,
a sidebar or a list of links), their length and case; the best wins and the choice is logged (DEBUG)
with its reasons. A profile selector that no other signal confirms loses to a candidate they confirm."""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from ..dates import parse_iso
from .blocks import boilerplate
from .common import clean, key, meta
from .regions import in_site_footer, in_site_header, in_teaser

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
_SEPARATORS = re.compile(r"\s+(?:[-|–—»:]|::)\s+")
_SITE_NAME = re.compile(r"^(cổng thông tin|trang thông tin|trang tin|báo|tạp chí|portal|website|cổng tt+đt)\b|"
                        r"\.(vn|com|net|org)\b|điện tử", re.I)
_SITE_ORG = re.compile(r"^(ubnd|ủy ban nhân dân|sở|huyện ủy|tỉnh ủy|thành ủy|đảng bộ|ban tuyên giáo)\b", re.I)
_RELATED_BOX = re.compile(r"related|lien-?quan|tinlienquan|other|tin-?khac|tinkhac|cung-?chuyen-?muc|sidebar|"
                          r"side-bar|widget|most-?read|xem-?nhieu|doc-?nhieu|tin-?moi|latest|box-?news|list-?news|"
                          r"news-?list|teaser", re.I)
_HEADLINE_CLASS = re.compile(r"title|tieu-?_?de|heading|headline", re.I)
AGREE = 0.6                      # token overlap at which two signals say the same title


def fold_tokens(text: str) -> list[str]:
    """Lower-case word tokens without diacritics (đ → d): a title, its URL slug and its <title> compare."""
    t = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d"))
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    return _WORD.findall(t)


def overlap(a: list[str] | set[str], b: list[str] | set[str]) -> float:
    """Dice coefficient of two token sets (0 … 1)."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def strip_site_name(title: str, site_name: str = "") -> str:
    """A page <title> or og:title without the site name before or after a separator."""
    segs = [s for s in _SEPARATORS.split(clean(title)) if s]
    if len(segs) < 2:
        return clean(title)
    site_tokens = set(fold_tokens(site_name))

    def is_site(seg: str) -> bool:
        toks = fold_tokens(seg)
        if site_tokens and overlap(toks, site_tokens) >= 0.8:
            return True
        return bool(_SITE_NAME.search(seg)) and len(toks) <= 10 or bool(_SITE_ORG.search(seg)) and len(toks) <= 6

    while len(segs) > 1 and is_site(segs[-1]):
        segs.pop()
    while len(segs) > 1 and is_site(segs[0]):
        segs.pop(0)
    return " - ".join(segs)


def in_related_block(el: Tag) -> str:
    """Why `el` belongs to a block about other articles ("" when it does not): inside <aside> or an
    element whose class / id names a related, other-news or sidebar box, in a list of links, or after a
    "Tin liên quan" / "Tin cùng chuyên mục" / "Các tin khác" heading of its container."""
    stops = boilerplate().stop_headings
    for depth, anc in enumerate([el, *el.parents]):
        if not isinstance(anc, Tag) or anc.name in ("body", "html", "[document]"):
            break
        if anc.name in ("aside", "nav"):
            return f"inside <{anc.name}>"
        if anc is not el and anc.name in ("article", "main"):
            break  # the article's own container: what is outside it is not our business here
        ident = " ".join([*(anc.get("class") or []), anc.get("id") or ""])
        if ident and _RELATED_BOX.search(ident):
            return f"inside a related/other-news box ({ident[:40]})"
        if depth <= 4:
            for sib in anc.find_previous_siblings(limit=4):
                if isinstance(sib, Tag) and len(sib.get_text(" ", strip=True)) <= 60 and \
                        key(sib.get_text(" ")) in stops:
                    return f"after the heading {clean(sib.get_text(' '))!r}"
        if anc.name in ("ul", "ol") and anc is not el:
            items = anc.find_all("li", recursive=False)
            linked = [li for li in items if li.find("a") is not None]
            if len(items) >= 3 and len(linked) >= 0.6 * len(items):
                return "in a list of links"
    return ""


@dataclass
class Candidate:
    source: str                      # profile | heuristic | og | twitter | jsonld | h1 | title | slug | trafilatura
    text: str
    element: Tag | None = None
    tokens: list[str] = field(default_factory=list)
    score: float = 0.0
    why: list[str] = field(default_factory=list)


def jsonld_values(soup: BeautifulSoup) -> tuple[str, str]:
    """(headline, datePublished) of the page's JSON-LD article object ("" when absent or unreadable)."""
    for s in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(s.string or s.get_text() or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                if "@graph" in d:
                    stack.append(d["@graph"])
                kind = d.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and ("Article" in k or k in ("WebPage", "BlogPosting")) for k in kinds) \
                        and (d.get("headline") or d.get("datePublished")):
                    return clean(str(d.get("headline") or "")), str(d.get("datePublished") or "")
    return "", ""


def metadata_title(soup: BeautifulSoup) -> str:
    """trafilatura's idea of the page title (its metadata extractor), "" when it has none."""
    from trafilatura.metadata import extract_metadata

    doc = extract_metadata(str(soup))
    return clean(doc.title or "") if doc is not None else ""


def slug_text(url: str) -> str:
    """The words of an article URL's last path segment ("hoi-nghi-tinh-uy-12345.html" → "hoi nghi tinh uy")."""
    seg = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    seg = re.sub(r"\.(html?|aspx?|php|jsp)$", "", seg, flags=re.I)
    words = [w for w in re.split(r"[-_+\s]+", seg) if w and not w.isdigit() and not re.fullmatch(r"post\d+|\d+\w?", w)]
    return " ".join(words) if len(words) >= 3 else ""


def _headline_like(el: Tag) -> bool:
    cls = " ".join([*(el.get("class") or []), el.get("id") or ""])
    return el.name in ("h1", "h2", "h3") or bool(cls and _HEADLINE_CLASS.search(cls))


def choose_title(soup: BeautifulSoup, incumbent: Tag | None, incumbent_text: str, *, url: str,
                 incumbent_source: str = "profile", body: Tag | None = None, order: dict[int, int] | None = None,
                 extracted: str = "") -> tuple[Tag | None, str, str]:
    """The title the page's signals agree on → (its element or None, its text, why it won).
    `incumbent` / `incumbent_text` is what the profile's selector (or the layout heuristics) found,
    `extracted` trafilatura's title when the caller has it. The incumbent keeps its place unless it sits
    in a related/other-news block or no signal confirms it while another candidate is confirmed."""
    order = order if order is not None else {id(el): i for i, el in enumerate(soup.find_all(True))}
    body_pos = order.get(id(body), None) if body is not None else None
    site_name = meta(soup, "og:site_name", "application-name")
    page_title = clean(soup.title.get_text(" ")) if soup.title else ""
    ld_headline, _ = jsonld_values(soup)
    signals: dict[str, list[str]] = {}
    for src, text in (("og", meta(soup, "og:title")), ("twitter", meta(soup, "twitter:title")),
                      ("jsonld", ld_headline), ("title", page_title), ("slug", slug_text(url)),
                      ("trafilatura", extracted)):
        if text:
            signals[src] = fold_tokens(text)
            if src in ("og", "twitter", "title", "trafilatura"):
                stripped = strip_site_name(text, site_name)
                if stripped != clean(text):
                    signals[src + "-stripped"] = fold_tokens(stripped)
    cands: list[Candidate] = []
    if incumbent_text:
        cands.append(Candidate(incumbent_source, clean(incumbent_text), incumbent))
    h1s = [h for h in soup.find_all("h1", limit=8) if clean(h.get_text(" ")) and not in_site_header(h)]
    for h in h1s:
        if h is not incumbent:
            cands.append(Candidate("h1", clean(h.get_text(" ")), h))
    for src in ("og", "twitter", "jsonld", "title", "trafilatura"):
        raw = {"og": meta(soup, "og:title"), "twitter": meta(soup, "twitter:title"), "jsonld": ld_headline,
               "title": page_title, "trafilatura": extracted}[src]
        if raw:
            cands.append(Candidate(src, strip_site_name(raw, site_name)))
    if not cands:
        return None, "", "no title candidate"
    names = site_names(soup)
    for c in cands:
        c.tokens = fold_tokens(c.text)
        _score_title(c, signals, body_pos, order)
        if key(c.text) in names:
            c.score -= 100
            c.why.append("the site name")
    best = max(cands, key=lambda c: c.score)
    inc = cands[0] if incumbent_text else None
    # the incumbent stands unless it is disqualified or unconfirmed while the best is confirmed
    # (two more independent confirmations than the incumbent overturn it: og:title and <title> agreeing on
    # one text outvote a sapo only the URL slug's words are found in)
    if inc is not None and best is not inc and inc.score > -50 and \
            not (_confirmations(inc) == 0 and _confirmations(best) > 0) and \
            _confirmations(best) < _confirmations(inc) + 2 and inc.score >= best.score - 1.0:
        best = inc
    if best.element is None:
        # a signal's text: print the element that says it, when the page has one
        el = _element_saying(soup, best.tokens, order, body_pos)
        if el is not None:
            best = Candidate(best.source, clean(el.get_text(" ")), el, best.tokens, best.score, best.why)
    why = f"{best.source} ({best.score:.2f}: {', '.join(best.why) or 'no other signal'})"
    log.debug("title %r won by %s; others: %s", best.text, why,
              "; ".join(f"{c.source} {c.text[:40]!r} {c.score:.2f}" for c in cands if c is not best))
    return best.element, best.text, why


def site_names(soup: BeautifulSoup) -> set[str]:
    """Text keys of the site's name: og:site_name and the short texts of the page banner (the logo
    heading, its link), which a page title is never."""
    names = {key(meta(soup, "og:site_name"))} - {""}
    for el in soup.find_all(["h1", "h2", "h3", "a", "span", "div", "p", "strong"], limit=400):
        t = clean(el.get_text(" "))
        if 8 <= len(t) <= 120 and in_site_header(el):
            names.add(key(t))
    return names


def _confirmations(c: Candidate) -> int:
    """Signals confirming a candidate; trafilatura's metadata (itself a guess from the same page's
    <title> and headings) adds weight but does not count as a confirmation that overturns the incumbent."""
    return sum(1 for w in c.why if w.startswith("agrees with") and not w.startswith("agrees with trafilatura"))


def _score_title(c: Candidate, signals: dict[str, list[str]], body_pos, order) -> None:
    agreeing: set[str] = set()
    for src, toks in signals.items():
        base = src.replace("-stripped", "")
        if base == c.source or base in agreeing:
            continue
        ov = overlap(c.tokens, toks)
        if base == "slug":  # a slug may be cut short: how much of it the title covers
            ov = len(set(toks) & set(c.tokens)) / max(1, len(set(toks)))
        if ov >= AGREE:
            agreeing.add(base)
            c.score += ov
            c.why.append(f"agrees with {base} ({ov:.2f})")
    n = len(c.tokens)
    if n < 3 or len(c.text) < 12:
        c.score -= 1.0
        c.why.append("too short")
    elif n > 60:
        c.score -= 1.0
        c.why.append("too long")
    if c.text.isupper() and n > 3:
        c.score -= 0.1
        c.why.append("all capitals")
    if c.source in ("profile", "heuristic"):
        c.score += 0.3
        c.why.append(c.source)
    el = c.element
    if el is None:
        return
    related = in_related_block(el)
    if related or in_teaser(el) and el.name != "h1" or el.name == "a" or el.find_parent("a") is not None:
        c.score -= 100
        c.why.append(related or "a link to another page")
        return
    if in_site_header(el) or in_site_footer(el):
        c.score -= 100
        c.why.append("in the site banner or footer")
        return
    if body_pos is not None:
        if order.get(id(el), 0) <= body_pos:
            c.score += 0.5
            c.why.append("before the body")
        else:
            c.score -= 0.5
            c.why.append("after the body")


def _element_saying(soup: BeautifulSoup, tokens: list[str], order, body_pos) -> Tag | None:
    """The heading or *title* element that prints these tokens (not a link, not in a related block)."""
    want = set(tokens)
    best, best_ov = None, AGREE
    for el in soup.find_all(["h1", "h2", "h3", "h4", "div", "span", "p", "strong"], limit=3000):
        if not _headline_like(el) and el.name not in ("h4",):
            continue
        t = clean(el.get_text(" "))
        if not (8 <= len(t) <= 400) or el.find(["p", "div", "table", "ul"]) is not None:
            continue
        ov = overlap(fold_tokens(t), want)
        if ov > best_ov and el.name != "a" and el.find_parent("a") is None and el.find("a") is None \
                and not in_related_block(el) and not in_site_header(el):
            best, best_ov = el, ov
    return best


def day_of(d) -> date | None:
    """The day of a date or datetime (None for anything else)."""
    if isinstance(d, datetime):
        return d.date()
    return d if isinstance(d, date) else None


def choose_date(current, *, soup: BeautifulSoup, current_el: Tag | None = None, url_date=None,
                extracted: str = "") -> tuple[object, str]:
    """The publication date the signals agree on → (date, why); see `_vote_date`. Logged at DEBUG."""
    d, why = _vote_date(current, soup=soup, current_el=current_el, url_date=url_date, extracted=extracted)
    log.debug("date %s won: %s", d, why)
    return d, why


def _vote_date(current, *, soup: BeautifulSoup, current_el: Tag | None = None, url_date=None,
               extracted: str = "") -> tuple[object, str]:
    """The publication date the signals agree on → (date, why). `current` is what the date finders chose
    (from `current_el` when known); the other signals are the <meta> / JSON-LD dates, the day the URL
    names and trafilatura's date. A current date inside a related-news block, or one that two agreeing
    signals contradict, gives way to theirs."""
    others: dict[str, object] = {}
    for src, v in (("meta", meta(soup, "article:published_time", "og:published_time", "datePublished")),
                   ("jsonld", jsonld_values(soup)[1]), ("trafilatura", extracted)):
        d = parse_iso(v) if v else None
        if d is not None:
            others[src] = d
    if url_date is not None:
        others["url"] = url_date
    if current_el is not None:
        why = in_related_block(current_el)
        if why:
            alt = next(iter(others.values()), None)
            log.debug("date %s dropped: %s; %s instead", current, why, alt)
            return alt, f"the date found was {why}"
    if current is None:
        if others:
            src, d = next(iter(others.items()))
            return d, f"from {src}"
        return None, "no date signal"
    days = [day_of(d) for d in others.values()]
    cur = day_of(current)
    if not isinstance(current, datetime):
        # the day alone: a signal naming the same day with its time is the same date, more precisely
        timed = next((d for d in others.values() if isinstance(d, datetime) and day_of(d) == cur), None)
        if timed is not None:
            return timed, "the day found, with the time another signal gives"
    agree = sum(1 for d in days if d == cur)
    if agree == 0 and len(days) >= 2 and days.count(days[0]) >= 2 and days[0] != cur:
        winner = next(d for d in others.values() if day_of(d) == days[0])
        log.debug("date %s contradicted by %d signals: %s", current, days.count(days[0]), winner)
        return winner, f"{days.count(days[0])} signals agree on {days[0]}"
    return current, f"agreed by {agree} other signals" if agree else "date finders (no signal against it)"
