"""One fetched page → an `Article`, or a `Rejection` that says why the page is not an article.

Steps: decode (encoding.py) → pick the CMS profile whose markers the page carries (profiles/) →
reject home, category, tag, listing and search pages (URL patterns, no article body, many teaser
links) → title, date, lead, body blocks from the profile's selectors (or trafilatura for unknown
layouts) → drop boilerplate blocks (data/boilerplate.toml) → author and "Nguồn:" lines as fields.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from bs4.element import CData, Declaration, Doctype, ProcessingInstruction

from .dates import parse_iso, parse_vn_date
from .encoding import decode_html, normalize_text
from .profiles import Profile, load_profiles
from .types import Article
from .urls import canonical_url, host_of

MIN_BODY_CHARS = 120          # shorter bodies are stubs or teasers, not articles
LISTING_MIN_LINKS = 3         # this many article teaser links without a body = a listing page
HOME_PATHS = re.compile(r"^/(index\.(html?|php|aspx?|jsp)|default\.aspx?|(trang-?chu|home)(\.html?|\.aspx|\.php)?/?|portal/?|"
                        r"portal/Pages/(default|Home|TrangChu|trang-chu)\.aspx|web/guest/?|web/guest/(trang-?chu|home)/?|"
                        r"Pages/(default|Home|TrangChu|trang-chu)\.aspx)?$", re.I)
GENERIC_NOT_ARTICLE = [re.compile(p, re.I) for p in (
    r"/(tag|tags|the|chu-de|category|categories|danh-muc|chuyen-muc|author|tac-gia|search|tim-kiem|tu-khoa)(/|\?|$)",
    r"[?&](PageIndex|Page|page|paged|trang|p_p_page|PageFirstRow)=\d+", r"[?&]Paged=TRUE", r"[?&]_[^=&]*_cur=\d+", r"/trang-\d+/?$", r"/page/\d+/?$",
    r"[?&](q|s|keyword|keywords|tukhoa)=", r"/\d{4}/\d{1,2}(/\d{1,2})?/?$",
)]
_BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
          "dl", "dt", "dd", "table", "tbody", "thead", "tr", "blockquote", "figure", "figcaption", "pre", "center",
          "address", "hr", "caption"}
_SKIP_NODES = (Comment, CData, Declaration, Doctype, ProcessingInstruction)


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


@dataclass(frozen=True)
class _Boilerplate:
    drop_selectors: str
    stop_headings: frozenset[str]
    drop_lines: tuple[re.Pattern, ...]
    caption_credit: re.Pattern
    author_lines: tuple[re.Pattern, ...]
    source_lines: tuple[re.Pattern, ...]
    author_source: re.Pattern
    author_then_source: re.Pattern
    inline_credit: re.Pattern
    account_authors: frozenset[str]
    production_credits: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def boilerplate() -> _Boilerplate:
    with open(Path(__file__).with_name("data") / "boilerplate.toml", "rb") as fh:
        d = tomllib.load(fh)
    rx = lambda xs: tuple(re.compile(x, re.I) for x in xs)  # noqa: E731
    return _Boilerplate(", ".join(d["drop_selectors"]), frozenset(d["stop_headings"]), rx(d["drop_lines"]),
                        re.compile(d["caption_credit"], re.I), rx(d["author_lines"]), rx(d["source_lines"]),
                        re.compile(d["author_source_line"], re.I), re.compile(d["author_then_source_line"], re.I),
                        re.compile(d["inline_credit"], re.I), frozenset(d["account_authors"]),
                        rx(d["production_credit_lines"]))


@dataclass(frozen=True)
class _NonArticles:
    schedule_title: re.Pattern
    document_label: re.Pattern
    min_document_labels: int


@lru_cache(maxsize=1)
def non_articles() -> _NonArticles:
    """Schedules and document records (data/non_articles.toml)."""
    with open(Path(__file__).with_name("data") / "non_articles.toml", "rb") as fh:
        d = tomllib.load(fh)
    alt = lambda xs: "|".join(re.escape(x) for x in sorted(xs, key=len, reverse=True))  # noqa: E731
    return _NonArticles(re.compile(rf"^\s*({alt(d['schedule_title_prefixes'])})\b", re.I),
                        re.compile(rf"^[|\s]*({alt(d['document_labels'])})\s*(:|\||\s)", re.I),
                        int(d["min_document_labels"]))


def non_article_kind(title: str, paragraphs: list[str]) -> str:
    """Why a page printed like an article is a schedule or a document record ("" when it is neither)."""
    na = non_articles()
    if na.schedule_title.match(title or ""):
        return f"a work schedule ({title[:40]!r}), not an article"
    labels = {m.group(1).lower() for p in paragraphs for m in [na.document_label.match(p)] if m}
    if len(labels) >= na.min_document_labels:
        return f"a document record (fields {', '.join(sorted(labels))}), not an article"
    # the generic extractor writes a table row of two or more cells as "| a | b |"
    table_chars = sum(len(p) for p in paragraphs if p.startswith("|") and p.count("|") >= 3)
    outside = sum(len(p) for p in paragraphs) - table_chars
    if table_chars and outside < MIN_BODY_CHARS and table_chars > 2 * outside:
        return f"a data table ({table_chars} chars) with {outside} chars of running text: a schedule or list"
    return ""


def _table_text_outweighs(body: Tag) -> str:
    """Why a body is a data table with little running text: a schedule or a document list ("" if not).
    Only rows of two or more cells count (a one-cell layout table around paragraphs is running text)."""
    table_chars = 0
    for tr in body.find_all("tr"):
        if tr.find("tr") is None and len(tr.find_all(["td", "th"], recursive=False)) >= 2:
            table_chars += len(_clean(tr.get_text(" ")))
    if not table_chars:
        return ""
    outside = len(_clean(body.get_text(" "))) - table_chars
    if outside < MIN_BODY_CHARS and table_chars > 2 * max(outside, 0):
        return f"a data table ({table_chars} chars) with {max(outside, 0)} chars of running text: a schedule or list"
    return ""


def content_hash(text: str) -> str:
    """sha256 of the text with whitespace collapsed, NFC."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _clean(s: str) -> str:
    return " ".join(normalize_text(s).split())


def _key(s: str) -> str:
    return _clean(s).lower().strip(" :.-–—»›>")


_TOKENS = re.compile(r"[.#]([\w-]+)|[*^$]?=\s*['\"]?([^'\"\]]+)")


@lru_cache(maxsize=512)
def _selector_tokens(selector: str) -> tuple[str, ...]:
    """Class names, ids and attribute values a selector needs: absent from the raw HTML, it cannot match
    (a cheap test before walking the tree)."""
    if "," in selector:
        return ()
    return tuple(a or b for a, b in _TOKENS.findall(selector))


# -- profile choice ------------------------------------------------------------------------------
def detect_profile(soup: BeautifulSoup, html_text: str, url: str, profiles) -> tuple[Profile | None, int]:
    """The profile whose markers score highest on this page (None when none scores)."""
    best, best_score = None, 0
    for p in profiles:
        score = sum(1 for sel in p.detect_selectors
                    if all(tok in html_text for tok in _selector_tokens(sel)) and soup.select_one(sel) is not None)
        score += sum(1 for s in p.detect_html if s in html_text)
        score += sum(1 for rx in p.detect_urls if rx.search(url))
        if score > best_score:
            best, best_score = p, score
    return best, best_score


def url_rejection(canon: str, profile: Profile | None) -> str:
    """Why this URL cannot be an article page ("" when it can)."""
    parts = urlsplit(canon)
    if not parts.query and HOME_PATHS.match(parts.path or "/"):
        return "home page"
    if profile is not None:
        if profile.is_article_url(canon):
            return ""
        pat = profile.not_article_match(canon)
        if pat:
            return f"listing/category URL ({profile.name} pattern {pat})"
    for rx in GENERIC_NOT_ARTICLE:
        if rx.search(canon):
            return f"listing/category/search URL (pattern {rx.pattern})"
    return ""


def looks_like_article_url(canon: str, profile: Profile | None) -> bool:
    """URL shape of an article page: the profile's article patterns, else a long slug or a numeric id."""
    if profile is not None and profile.is_article_url(canon):
        return True
    if profile is not None and profile.not_article_match(canon):
        return False
    if any(rx.search(canon) for rx in GENERIC_NOT_ARTICLE):
        return False
    parts = urlsplit(canon)
    if re.search(r"(^|&)(id|itemid|newsid|articleid|p|nid|tid)=\d+", parts.query, re.I):
        return True
    path = parts.path
    # slugs of four words or more, or numeric ids at the end, are how CMSs name article pages
    return bool(re.search(r"[-_][^-_/]+[-_][^-_/]+[-_][^-_/]+[-_][^-_/]+", path) or
                re.search(r"\d{4,}(\.html?|\.aspx?|\.php)?/?$", path) or
                re.search(r"/\d+(\.html?|\.aspx?|\.php)?/?$", path) or
                re.search(r"/(19|20)\d\d/\d{1,2}/(\d{1,2}/)?[^/]+", path))


# -- text blocks ---------------------------------------------------------------------------------
@dataclass
class _Block:
    text: str
    link_chars: int
    heading: bool = False

    @property
    def link_ratio(self) -> float:
        return self.link_chars / max(1, len(self.text))


def blocks_of(el: Tag) -> list[_Block]:
    """The visible text of `el` as blocks: block elements and <br> end a block."""
    out: list[_Block] = []
    buf: list[str] = []
    link = [0]
    heading = [False]

    def flush():
        t = _clean("".join(buf))
        if t:
            out.append(_Block(t, min(link[0], len(t)), heading[0]))
        buf.clear()
        link[0] = 0
        heading[0] = False

    def walk(node: Tag, in_link: bool, in_heading: bool):
        for child in node.children:
            if isinstance(child, NavigableString):
                if isinstance(child, _SKIP_NODES):
                    continue
                s = str(child)
                buf.append(s)
                if in_link:
                    link[0] += len(s.strip())
                if in_heading and s.strip():
                    heading[0] = True
            elif isinstance(child, Tag):
                name = child.name
                if name == "br":
                    flush()
                elif name in _BLOCK:
                    flush()
                    walk(child, in_link, in_heading or name in ("h1", "h2", "h3", "h4", "h5", "h6"))
                    flush()
                elif name in ("td", "th"):
                    buf.append(" ")
                    walk(child, in_link, in_heading)
                    buf.append(" ")
                elif name == "img":
                    continue
                else:
                    walk(child, in_link or name == "a", in_heading)

    walk(el, False, False)
    flush()
    return out


def _select_first(root, selectors) -> Tag | None:
    """First selector with a match; among its matches the one with the most text."""
    for sel in selectors:
        hits = root.select(sel)
        hits = [h for h in hits if h.get_text(strip=True)]
        if hits:
            return max(hits, key=lambda h: len(h.get_text(" ", strip=True)))
    return None


def _select_text(root, selectors) -> str:
    for sel in selectors:
        for h in root.select(sel):
            t = _clean(h.get_text(" "))
            if t:
                return t
    return ""


def _meta(soup, *names) -> str:
    for n in names:
        tag = soup.find("meta", attrs={"property": n}) or soup.find("meta", attrs={"name": n}) \
            or soup.find("meta", attrs={"itemprop": n})
        if tag and tag.get("content"):
            return _clean(tag["content"])
    return ""


def _fallback_title(soup) -> str:
    t = _meta(soup, "og:title", "twitter:title")
    if t:
        return t
    h1 = soup.find("h1")
    if h1 and _clean(h1.get_text(" ")):
        return _clean(h1.get_text(" "))
    if soup.title and soup.title.string:
        return re.split(r"\s+[-|–]\s+", _clean(soup.title.string))[0]
    return ""


def _date_from(el: Tag, formats) -> datetime | date | None:
    for attr in ("datetime", "content", "title"):
        v = el.get(attr)
        if v:
            d = parse_iso(v) or parse_vn_date(v, formats)
            if d:
                return d
    return parse_vn_date(_clean(el.get_text(" ")), formats)


def _in_teaser(el: Tag) -> bool:
    """A date printed in a teaser item (a small block that also holds a headline link to another page):
    the date of "Tin mới" / "Các tin khác" entries, not of the article."""
    anc = el
    for _ in range(2):
        anc = anc.parent
        if not isinstance(anc, Tag) or len(anc.get_text(" ", strip=True)) > 400:
            return False
        for a in anc.find_all("a", href=True):
            if len(_clean(a.get_text(" "))) >= 20 and el not in a.descendants:
                return True
    return False


def find_date(soup, selectors, formats, near: Tag | None = None, until: Tag | None = None) -> datetime | date | None:
    """Publication date: profile selectors, then meta tags, then a date line after the title (`near`)
    and not past the end of the article body (`until`), then <time>."""
    order = {id(el): i for i, el in enumerate(soup.find_all(True))} if near is not None else {}
    title_pos = order.get(id(near), -1)
    for sel in selectors:
        found = [(el, d) for el in soup.select(sel) if not _in_teaser(el) and (d := _date_from(el, formats))]
        if found:
            # the article's own date line follows its title; sidebars' dated lists may come earlier
            after = [x for x in found if order.get(id(x[0]), -1) > title_pos]
            return (after or found)[0][1]
    for n in ("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
              "dc.date.issued", "dc.date", "date"):
        v = _meta(soup, n)
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
            if isinstance(sib, _SKIP_NODES):
                continue
            t = _clean(str(sib))
            if 6 <= len(t) <= 120 and isinstance(sib.parent, Tag) and not _in_teaser(sib.parent) \
                    and not _in_site_footer(sib.parent):
                d = parse_vn_date(t, formats)
                if d:
                    return d
            if last is not None and sib is last:
                break  # dates after the body belong to other articles' teasers
    for el in soup.find_all("time"):
        d = _date_from(el, formats)
        if d:
            return d
    return None


# -- body cleaning -------------------------------------------------------------------------------
@dataclass
class _Parts:
    title: str = ""
    published: datetime | date | None = None
    lead: str = ""
    paragraphs: list[str] | None = None
    author: str = ""
    source: str = ""


_DATE_LINE_REST = re.compile(r"[\d/:|.,\-–()]+|\b(AM|PM|SA|CH|GMT\+?7?)\b|thứ\s+\S+|chủ nhật|đăng ngày|ngày đăng|"
                             r"ngày|cập nhật|lúc|giờ", re.I)


def _is_date_line(t: str) -> bool:
    if len(t) > 80 or not parse_vn_date(t):
        return False
    rest = _DATE_LINE_REST.sub(" ", t)
    return len(rest.split()) <= 2


def _strip_label(t: str, rx_list) -> str | None:
    for rx in rx_list:
        m = rx.fullmatch(t)
        if m:
            return _clean(m.group("name")).strip(" .()")
    return None


def _looks_like_byline(t: str) -> bool:
    """A short line of capitalised words, no sentence punctuation: how portals sign an article."""
    words = t.replace(",", " ").split()
    if not (1 <= len(words) <= 6) or len(t) > 60 or t[-1] in ".!?:;…\"”":
        return False
    return all(w[0].isupper() or w in ("-", "–", "&", "và") for w in words) and any(len(w) > 1 for w in words)


def _running_text_follows(blocks: list[_Block], j: int, bp: _Boilerplate) -> bool:
    """After a widget's link list, article paragraphs go on (a long block of plain text before any other
    widget heading): the widget was an inline box, not the end of the article."""
    for b in blocks[j:j + 3]:
        if len(b.text) <= 60 and _key(b.text) in bp.stop_headings:
            return False
        if len(b.text) >= 80 and b.link_ratio < 0.2 and not _is_date_line(b.text):
            return True
    return False


def clean_blocks(blocks: list[_Block], title: str, *, find_byline: bool = True) -> tuple[list[str], str, str]:
    """Boilerplate out, then author / source lines out of the tail. → (paragraphs, author, source)."""
    bp = boilerplate()
    total = sum(len(b.text) for b in blocks)
    kept: list[_Block] = []
    seen_chars = 0
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        k = _key(b.text)
        if len(b.text) <= 60 and k in bp.stop_headings:
            j = i
            while j < len(blocks) and blocks[j].link_ratio > 0.5:
                j += 1  # the widget's link list
            if (seen_chars >= 100 or seen_chars >= 0.3 * total) and not _running_text_follows(blocks, j, bp):
                break  # a widget after the article: the rest is not the article
            i = j  # a widget before or inside the article (an inline "Tin liên quan" box): skip its links
            continue
        seen_chars += len(b.text)
        if b.link_ratio > 0.9 and len(b.text) < 200:
            continue
        if any(rx.fullmatch(b.text) for rx in bp.drop_lines):
            continue
        if title and _key(b.text) == _key(title):
            continue
        if _is_date_line(b.text):
            continue
        if len(b.text) < 300 and bp.caption_credit.search(b.text) and \
                not any(rx.fullmatch(b.text) for rx in bp.author_lines):
            continue  # an image caption with its credit ("Tin, ảnh: …" is a signature, kept for the tail)
        kept.append(b)
    paras = [t for t in (bp.inline_credit.sub("", b.text).strip() for b in kept) if t]
    # consecutive duplicates (a lead repeated in the body, a caption echoed)
    paras = [p for j, p in enumerate(paras) if j == 0 or p != paras[j - 1]]
    # a pull quote repeats words of a paragraph of the text
    keys = [_key(p) for p in paras]
    paras = [p for j, p in enumerate(paras)
             if not (len(p) < 300 and len(q := keys[j].strip(" “”\"'«»")) >= 20
                     and any(q in keys[m] and len(keys[m]) > len(q) + 10 for m in range(len(paras)) if m != j))]
    author = source = ""
    for _ in range(8):
        if not paras:
            break
        last = paras[-1]
        if len(last) <= 100 and any(rx.fullmatch(last) for rx in bp.production_credits):
            paras.pop()  # "Trình bày: …" closing an eMagazine story
            continue
        s = _strip_label(last, bp.source_lines) if len(last) <= 170 and "," not in last[:60] or \
            last.lower().startswith("nguồn") else None
        if s and not source:
            source = s
            paras.pop()
            continue
        m = bp.author_source.fullmatch(last) if len(last) <= 200 and not author and not source else None
        if not (m and _looks_like_byline(_clean(m.group("author")))) and len(last) <= 200 and not author and not source:
            m = bp.author_then_source.fullmatch(last)
        if m and _looks_like_byline(_clean(m.group("author"))):
            author, source = _clean(m.group("author")), _clean(m.group("source")).strip(" .")
            paras.pop()
            continue
        a = _strip_label(last, bp.author_lines) if len(last) <= 90 else None
        if a and not author:
            author = a
            paras.pop()
            continue
        if find_byline and not author and _looks_like_byline(last) and len(paras) > 1:
            author = last
            paras.pop()
            continue
        break
    return paras, author, source


def _drop_elements(root: Tag, selectors: str) -> None:
    if not selectors:
        return
    for el in root.select(selectors):
        if not el.decomposed:
            el.decompose()


def _teaser_links(soup: BeautifulSoup, body: Tag, url: str, profile: Profile | None) -> dict[str, str]:
    """Headline links (20+ characters) to article-like URLs outside the body: the teasers of a listing."""
    inside = {id(a) for a in body.find_all("a")}
    out = {}
    for a in soup.find_all("a", href=True):
        if id(a) in inside:
            continue
        text = _clean(a.get_text(" "))
        if len(text) < 20:
            continue
        try:
            target = canonical_url(a["href"], url)
        except ValueError:
            continue
        if target != url and looks_like_article_url(target, profile):
            out[target] = text
    return out


_SITE_HEADER = re.compile(r"(.*[-_])?(header|banner|logo|masthead|brand)([-_](top|wrap|wrapper|inner|main|table|container|"
                          r"area|bar|row|box))?|(.*[-_])?site[-_]?(name|title|header|logo)|sitename", re.I)
_NOT_SITE_HEADER = re.compile(r"article|entry|post|news|detail|taglib|content|asset|story|tin|bai", re.I)
_FOOTER = re.compile(r"(.*[-_])?footer([-_]\w+)?", re.I)
_HEADLINE_CLASS = re.compile(r"title|tieu-?_?de|heading|headline", re.I)


def _in_site_header(el: Tag) -> bool:
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


def _in_site_footer(el: Tag) -> bool:
    """Inside the page footer (address, licence number and its date)."""
    for anc in [el, *el.parents]:
        if not isinstance(anc, Tag) or anc.name in ("body", "html", "[document]"):
            return False
        if anc.name == "footer" or any(_FOOTER.fullmatch(t) for t in [*(anc.get("class") or []), anc.get("id") or ""] if t):
            return True
    return False


def _page_title_keys(soup: BeautifulSoup) -> list[str]:
    return [t for t in (_key(soup.title.get_text(" ")) if soup.title else "", _key(_meta(soup, "og:title"))) if t]


def _names_page(text: str, keys: list[str]) -> bool:
    """The <title> / og:title repeats this headline (alone, or with the site name around it)."""
    k = _key(text)
    return bool(k) and len(k) >= 8 and any(k == t or k in t for t in keys)


def _best_headline(soup: BeautifulSoup, keys: list[str]) -> Tag | None:
    """The headline an unknown layout prints: a heading or a *title* / *tieude* element, not a link, not in
    the site banner, that the page's <title> repeats; the longest such."""
    best, best_len = None, 0
    for el in soup.find_all(True):
        if el.name in ("title", "meta", "a", "script", "style"):
            continue
        cls = " ".join([*(el.get("class") or []), el.get("id") or ""])
        if el.name not in ("h1", "h2", "h3", "h4") and not (cls and _HEADLINE_CLASS.search(cls)):
            continue
        t = _clean(el.get_text(" "))
        if not (8 <= len(t) <= 400) or len(t) <= best_len or el.find("a") is not None:
            continue
        if _names_page(t, keys) and not _in_site_header(el):
            best, best_len = el, len(t)
    return best


def _headline_before(soup: BeautifulSoup, body: Tag, order: dict[int, int]) -> Tag | None:
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
        t = _clean(el.get_text(" "))
        if len(t) < 20 or len(t.split()) < 4 or len(t) > 400 or el.find("a") is not None or el.find_parent("a"):
            continue
        if _in_site_header(el) or _in_teaser(el) or el.find(["p", "div", "table", "ul"]) is not None:
            continue
        best = el
    return best


def _lead_between(soup: BeautifulSoup, title_el: Tag, body: Tag, order: dict[int, int]) -> Tag | None:
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
        t = _clean(el.get_text(" "))
        if len(t) < 80 or _is_date_line(t) or _in_teaser(el) or _in_site_header(el):
            continue
        link_chars = sum(len(_clean(a.get_text(" "))) for a in el.find_all("a"))
        if link_chars < 0.2 * len(t) and not any(rx.fullmatch(t) for rx in boilerplate().drop_lines):
            return el
    return None


def _extract_with_profile(soup: BeautifulSoup, profile: Profile, url: str) -> _Parts | str:
    for sel in profile.reject:
        if soup.select_one(sel) is not None:
            return f"not an article page ({profile.name} marker {sel})"
    body = _select_first(soup, profile.body)
    if body is None:
        n = len({a.get("href") for sel in profile.listing_links for a in soup.select(sel)})
        if n >= LISTING_MIN_LINKS:
            return f"listing page: {n} article links and no article body ({profile.name})"
        return f"no article body ({profile.name} body selectors match nothing)"
    listing_why = "" if profile.is_article_url(url) else _listing_evidence(soup, body, profile, url)
    if not profile.is_article_url(url):
        n = _dated_rows(body)
        if n >= LISTING_MIN_LINKS:
            return f"a table of {n} dated rows (a work schedule or document list), not an article ({profile.name})"
    parts = _Parts()
    title_el, title_sel = None, ""
    order = {id(el): i for i, el in enumerate(soup.find_all(True))}
    body_pos = order.get(id(body), 0)
    for sel in profile.title:
        hits = [h for h in soup.select(sel) if _clean(h.get_text(" "))]
        if hits:
            distinct = {_clean(h.get_text(" ")) for h in hits}
            linked = [h for h in hits if h.name == "a" or h.find("a") is not None]
            if len(distinct) >= LISTING_MIN_LINKS and len(linked) == len(hits):
                return f"listing page: {len(distinct)} linked titles ({profile.name} {sel})"
            # the headline is not a link (teasers of other articles are), not the site name in the banner,
            # and is the last one before the body
            hits = [h for h in hits if h not in linked] or hits
            hits = [h for h in hits if not _in_site_header(h)]
            if not hits:
                continue
            before = [h for h in hits if order.get(id(h), 0) <= body_pos]
            title_el = before[-1] if before else hits[0]
            title_sel = sel
            break
    keys = _page_title_keys(soup)
    specific = title_el is not None and any(c in title_sel for c in ".#[")
    if not specific and (title_el is None or not _names_page(title_el.get_text(" "), keys)):
        # the profile's selectors found nothing, or only a bare heading the <title> does not repeat (a box
        # title): the headline the <title> repeats, else the last headline-like element before the body
        alt = _best_headline(soup, keys) if keys else None
        if alt is None and title_el is None:
            alt = _headline_before(soup, body, order)
        if alt is not None:
            title_el = alt
    if title_el is None:
        title_el, parts.title = _generic_title(soup, "")
    else:
        parts.title = _clean(title_el.get_text(" "))
    parts.published = find_date(soup, profile.date, profile.date_formats, near=title_el, until=body)
    if listing_why and not _article_evidence(title_el, parts, body, keys):
        return listing_why
    lead_el = _select_first(soup, profile.lead)
    if lead_el is None and title_el is not None:
        lead_el = _lead_between(soup, title_el, body, order)
    if lead_el is not None:
        parts.lead = _clean(lead_el.get_text(" "))
    parts.author = _strip_prefix(_select_text(soup, profile.author))
    parts.source = _strip_prefix(_select_text(soup, profile.source))
    for sel in (*profile.author, *profile.source, *profile.lead):
        for el in body.select(sel):
            el.decompose()
    _drop_elements(body, ", ".join(profile.drop))
    _drop_elements(body, boilerplate().drop_selectors)
    why = _table_text_outweighs(body)
    if why:
        return f"{why} ({profile.name})"
    blocks = blocks_of(body)
    # a signature line ends the body even when the page names an author elsewhere (a WordPress account)
    parts.paragraphs, a, s = clean_blocks(blocks, parts.title)
    if a and _key(parts.author) in boilerplate().account_authors:
        parts.author = ""  # a CMS account ("admin", "Ban biên tập"): the signature names the writer
    parts.author = parts.author or a
    parts.source = parts.source or s
    return parts


def _dated_rows(body: Tag) -> int:
    """Table rows of the body that each carry a date, when they hold most of its text: a work schedule
    ("Lịch công tác") or a document list (an article may quote a short dated table; 0 then)."""
    n = chars = 0
    for tr in body.find_all("tr"):
        t = _clean(tr.get_text(" "))
        if tr.find("tr") is None and parse_vn_date(t[:200]) is not None:
            n += 1
            chars += len(t)
    return n if chars > 0.5 * len(_clean(body.get_text(" "))) else 0


def _article_evidence(title_el: Tag | None, parts: _Parts, body: Tag, page_titles: list[str]) -> bool:
    """An article page whatever teasers surround it: a headline that is no link and that the <title>
    repeats, a publication date, and a body of running text (not a link list)."""
    if title_el is None or title_el.name == "a" or title_el.find("a") is not None or parts.published is None:
        return False
    if page_titles and not _names_page(parts.title, page_titles):
        return False
    text = _clean(body.get_text(" "))
    link_chars = sum(len(_clean(a.get_text(" "))) for a in body.find_all("a"))
    return len(text) >= 2 * MIN_BODY_CHARS and link_chars < 0.2 * len(text)


def _listing_evidence(soup: BeautifulSoup, body: Tag, profile: Profile, url: str) -> str:
    """Why a page whose URL is not an article URL of the profile looks like a listing ("" if it does not)."""
    body_chars = len(_clean(body.get_text(" ")))
    link_texts = {a.get("href"): _clean(a.get_text(" ")) for sel in profile.listing_links for a in soup.select(sel)}
    teaser_chars = sum(len(t) for t in link_texts.values())
    if len(link_texts) >= LISTING_MIN_LINKS and body_chars < 2 * teaser_chars:
        return (f"listing page: {len(link_texts)} article links outweigh the {body_chars}-char text block "
                f"({profile.name})")
    if not looks_like_article_url(url, profile):
        teasers = _teaser_links(soup, body, url, profile)
        teaser_chars = sum(len(t) for t in teasers.values())
        if len(teasers) >= LISTING_MIN_LINKS and body_chars < teaser_chars:
            return (f"listing page: {len(teasers)} headline links to articles outweigh the {body_chars}-char "
                    f"text block on a section URL ({profile.name})")
    return ""


_PREFIX = re.compile(r"^(tác giả|người viết|bài|tin|nguồn|nguồn tin|theo)\s*:?\s*", re.I)


def _strip_prefix(s: str) -> str:
    return _PREFIX.sub("", s).strip(" .()") if s else ""


def _generic_title(soup: BeautifulSoup, extracted: str) -> tuple[Tag | None, str]:
    """The headline of an unknown layout: the first h1-h3 that the <title> or og:title repeats (a site
    logo repeats only the site-name part), else og:title, the extractor's title, the first h1."""
    page_titles = [_key(soup.title.get_text(" ")) if soup.title else "", _key(_meta(soup, "og:title"))]
    headings = [h for h in soup.find_all(["h1", "h2", "h3"], limit=30) if 8 <= len(_clean(h.get_text(" "))) <= 400
                and not _in_site_header(h)]
    repeated = [h for h in headings if any(_key(h.get_text(" ")) in t for t in page_titles if t)]
    if repeated:  # the longest: <title> often ends with the site name, which a logo heading repeats
        h = max(repeated, key=lambda h: len(_clean(h.get_text(" "))))
        return h, _clean(h.get_text(" "))
    keys = _page_title_keys(soup)
    h = _best_headline(soup, keys) if keys else None  # a <span id="…lblTieuDe"> of an ASP.NET web part
    if h is not None:
        return h, _clean(h.get_text(" "))
    og = _meta(soup, "og:title")
    if og:
        return None, og
    if extracted:
        return None, _clean(extracted)
    h1 = next((h for h in soup.find_all("h1") if not _in_site_header(h)), None)
    if h1 is not None and _clean(h1.get_text(" ")):
        return h1, _clean(h1.get_text(" "))
    return None, _fallback_title(soup)


_ONE_CELL = re.compile(r"\|\s*([^|]*?)\s*\|")


def _unwrap_cell(line: str) -> str:
    """The text of a one-cell table row as the generic extractor writes it ("| text |"): a layout table."""
    m = _ONE_CELL.fullmatch(line)
    return m.group(1) if m else line


def _extract_generic(soup: BeautifulSoup, html_text: str, url: str) -> _Parts | str:
    import trafilatura

    doc = trafilatura.bare_extraction(html_text, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, favor_precision=True, deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        return "no main text found (generic extractor)"
    parts = _Parts()
    title_el, parts.title = _generic_title(soup, doc.title or "")
    parts.published = find_date(soup, (), (), near=title_el) or (parse_iso(doc.date) if doc.date else None)
    blocks = [_Block(_unwrap_cell(_clean(line)), 0) for line in doc.text.split("\n") if _clean(line)]
    # lines before the headline are page chrome of a table layout (a visitor counter, a breadcrumb)
    tk = _key(parts.title)
    start = next((i for i, b in enumerate(blocks[:6]) if tk and _key(b.text) == tk), 0)
    blocks = blocks[start:]
    # teaser lists: extracted paragraphs that are the text of links elsewhere on the page
    headlines = {_key(a.get_text(" ")) for a in soup.find_all("a") if len(_clean(a.get_text(" "))) >= 20}
    teasers = sum(1 for b in blocks if _key(b.text) in headlines or any(_key(b.text).startswith(h) for h in headlines if len(h) >= 30))
    if teasers >= LISTING_MIN_LINKS:
        return f"listing page: {teasers} extracted lines are headline links (generic)"
    if not looks_like_article_url(url, None):
        text_chars = sum(len(b.text) for b in blocks)
        headline_chars = sum(len(h) for h in headlines if len(h) >= 30)
        if headline_chars > text_chars:
            return (f"listing page: headline links ({headline_chars} chars) outweigh the text ({text_chars} chars) "
                    f"on a section URL (generic)")
    parts.paragraphs, parts.author, parts.source = clean_blocks(blocks, parts.title)
    if doc.author and not parts.author:
        parts.author = _clean(doc.author)
    return parts


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


@dataclass
class DecodedPage:
    text: str
    codec: str
    soup: BeautifulSoup
    profile: Profile | None = None   # set once detected, so the crawler and the parser detect once
    detected: bool = False


def read_page(html_bytes: bytes, headers: dict | None = None) -> DecodedPage:
    """Bytes → decoded text (NFC) and its parse tree."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    text, codec = decode_html(html_bytes, headers.get("content-type"))
    return DecodedPage(text, codec, BeautifulSoup(text, "lxml"))


def parse_article(url: str, html_bytes: bytes, headers: dict | None = None, *, profiles=None,
                  profile_dirs=(), site: str | None = None, fetched_at: datetime | None = None,
                  require_article: bool = True, page: "DecodedPage | None" = None) -> Article | Rejection:
    """Parse a fetched page. `url` is the final URL (after redirects), `headers` the response headers
    (lower- or mixed-case names). Returns an Article, or a Rejection naming why the page is not one
    (with require_article=False only an empty page is rejected). `page` is the page already decoded
    by `read_page` (its soup is consumed)."""
    if page is None:
        page = read_page(html_bytes, headers)
    text, codec, soup = page.text, page.codec, page.soup
    try:
        canon = canonical_url(url)
    except ValueError:
        canon = url  # file:// and other local sources keep their URL
    profiles = profiles if profiles is not None else load_profiles(tuple(profile_dirs))
    if not page.detected:
        page.profile, page.detected = detect_profile(soup, text, canon, profiles)[0], True
    profile = page.profile
    name = profile.name if profile else "generic"
    if require_article:
        why = url_rejection(canon, profile)
        if why:
            return Rejection(url, why, name)
    parts = _extract_with_profile(soup, profile, canon) if profile else None
    if profile is not None and isinstance(parts, str):
        if not require_article:
            parts = None
        elif parts.startswith("no article body"):
            # a theme or portlet the profile does not know: the generic extractor reads it, if the page has
            # a headline its <title> repeats (section and search pages have none)
            head = _best_headline(soup, _page_title_keys(soup))
            if head is not None and find_date(soup, (), (), near=head) is not None:
                parts = None
            else:
                parts += "; no dated headline that the page <title> repeats"
    if parts is None:
        parts = _extract_generic(soup, text, canon)
        name = "generic" if not isinstance(parts, str) else name
    if isinstance(parts, str):
        return Rejection(url, parts, name)
    if parts.published is None:
        parts.published = date_in_url(canon)
    paras = parts.paragraphs or []
    if parts.lead and (not paras or _key(paras[0]) != _key(parts.lead)):
        lead = parts.lead
        paras = [lead] + [p for p in paras if _key(p) != _key(lead)]
    body = "\n\n".join(paras)
    if require_article:
        if not parts.title:
            return Rejection(url, "no title", name)
        if parts.published is None:
            if name != "generic" and profile is not None and profile.article_urls and not profile.is_article_url(canon):
                return Rejection(url, f"no publication date and not an article URL of {name} (a static or section page)",
                                 name)
            if not looks_like_article_url(canon, profile if name != "generic" else None):
                return Rejection(url, "no publication date and not an article URL (a static or section page)", name)
        if len(body) < MIN_BODY_CHARS:
            return Rejection(url, f"body too short ({len(body)} chars < {MIN_BODY_CHARS})", name)
        why = non_article_kind(parts.title, paras)
        if why:
            return Rejection(url, why, name)
    elif not body:
        return Rejection(url, "no text", name)
    return Article(url=url, canonical_url=canon, site=site or host_of(url) or "local", title=parts.title,
                   published=parts.published, text=body, author=parts.author, source=parts.source,
                   html=html_bytes, encoding=codec, fetched_at=fetched_at or datetime.now(timezone.utc),
                   content_hash=content_hash(body), profile=name)


def parse_html_file(url: str, data: bytes, *, profile_dirs=()) -> Article:
    """A saved HTML file → Article, without the article/non-article decision (for `ingest` and
    `extract`). Raises ArticleRejected when the page has no text at all."""
    res = parse_article(url, data, {}, profile_dirs=profile_dirs, require_article=False)
    if isinstance(res, Rejection):
        raise ArticleRejected(res)
    return res
