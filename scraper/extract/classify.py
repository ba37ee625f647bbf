"""Article or not, and why: home, listing, category, tag and search URLs; listing pages (teaser links
outweigh the text); schedules, document records and data tables (data/non_articles.toml)."""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from ..dates import parse_vn_date
from ..profiles import Profile
from ..urls import canonical_url
from .common import DATA_DIR, LISTING_MIN_LINKS, MIN_BODY_CHARS, Parts, clean
from .consensus import in_related_block
from .headline import names_page

TEASER_MIN_ITEMS = 4         # repeated teaser items that make a main block a listing
TEASER_SHARE = 0.6           # … when their text is this share of the block's text

HOME_PATHS = re.compile(r"^/(index\.(html?|php|aspx?|jsp)|default\.aspx?|(trang-?chu|home)(\.html?|\.aspx|\.php)?/?|portal/?|"
                        r"portal/Pages/(default|Home|TrangChu|trang-chu)\.aspx|web/guest/?|web/guest/(trang-?chu|home)/?|"
                        r"Pages/(default|Home|TrangChu|trang-chu)\.aspx)?$", re.I)


GENERIC_NOT_ARTICLE = [re.compile(p, re.I) for p in (
    r"/(tag|tags|the|chu-de|category|categories|danh-muc|chuyen-muc|author|tac-gia|search|tim-kiem|tu-khoa)(/|\?|$)",
    r"[?&](PageIndex|Page|page|paged|trang|p_p_page|PageFirstRow)=\d+", r"[?&]Paged=TRUE", r"[?&]_[^=&]*_cur=\d+", r"/trang-\d+/?$", r"/page/\d+/?$",
    r"[?&](q|s|keyword|keywords|tukhoa)=", r"/\d{4}/\d{1,2}(/\d{1,2})?/?$",
)]


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


def canonical_of(soup: BeautifulSoup, page_url: str) -> str:
    """The canonical URL a page names by <link rel="canonical"> (canonicalised), when it is another
    article-like page than `page_url`: the page is a print view or alias of that one; "" otherwise (no
    link, itself, or a home or section page, which some portals name on every page by mistake)."""
    link = next((ln for ln in soup.find_all("link", href=True) if "canonical" in [r.lower() for r in ln.get("rel") or []]),
                None)
    if link is None:
        return ""
    try:
        target, own = canonical_url(urljoin(page_url, link["href"].strip())), canonical_url(page_url)
    except ValueError:
        return ""
    if target == own or HOME_PATHS.match(urlsplit(target).path or "/") or not looks_like_article_url(target, None):
        return ""
    return target


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


@dataclass(frozen=True)
class _NonArticles:
    schedule_title: re.Pattern
    document_label: re.Pattern
    min_document_labels: int


@lru_cache(maxsize=1)
def non_articles() -> _NonArticles:
    """Schedules and document records (data/non_articles.toml)."""
    with open(DATA_DIR / "non_articles.toml", "rb") as fh:
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


def table_text_outweighs(body: Tag) -> str:
    """Why a body is a data table with little running text: a schedule or a document list ("" if not).
    Only rows of two or more cells count (a one-cell layout table around paragraphs is running text)."""
    table_chars = 0
    for tr in body.find_all("tr"):
        if tr.find("tr") is None and len(tr.find_all(["td", "th"], recursive=False)) >= 2:
            table_chars += len(clean(tr.get_text(" ")))
    if not table_chars:
        return ""
    outside = len(clean(body.get_text(" "))) - table_chars
    if outside < MIN_BODY_CHARS and table_chars > 2 * max(outside, 0):
        return f"a data table ({table_chars} chars) with {max(outside, 0)} chars of running text: a schedule or list"
    return ""


def dated_rows(body: Tag) -> int:
    """Table rows of the body that each carry a date, when they hold most of its text: a work schedule
    ("Lịch công tác") or a document list (an article may quote a short dated table; 0 then)."""
    n = chars = 0
    for tr in body.find_all("tr"):
        t = clean(tr.get_text(" "))
        if tr.find("tr") is None and parse_vn_date(t[:200]) is not None:
            n += 1
            chars += len(t)
    return n if chars > 0.5 * len(clean(body.get_text(" "))) else 0


def teaser_links(soup: BeautifulSoup, body: Tag, url: str, profile: Profile | None) -> dict[str, str]:
    """Headline links (20+ characters) to article-like URLs outside the body: the teasers of a listing."""
    inside = {id(a) for a in body.find_all("a")}
    out = {}
    for a in soup.find_all("a", href=True):
        if id(a) in inside:
            continue
        text = clean(a.get_text(" "))
        if len(text) < 20:
            continue
        try:
            target = canonical_url(a["href"], url)
        except ValueError:
            continue
        if target != url and looks_like_article_url(target, profile):
            out[target] = text
    return out


def listing_evidence(soup: BeautifulSoup, body: Tag, profile: Profile, url: str) -> str:
    """Why a page whose URL is not an article URL of the profile looks like a listing ("" if it does not)."""
    body_chars = len(clean(body.get_text(" ")))
    link_texts = {a.get("href"): clean(a.get_text(" ")) for sel in profile.listing_links for a in soup.select(sel)}
    teaser_chars = sum(len(t) for t in link_texts.values())
    if len(link_texts) >= LISTING_MIN_LINKS and body_chars < 2 * teaser_chars:
        return (f"listing page: {len(link_texts)} article links outweigh the {body_chars}-char text block "
                f"({profile.name})")
    if not looks_like_article_url(url, profile):
        teasers = teaser_links(soup, body, url, profile)
        teaser_chars = sum(len(t) for t in teasers.values())
        if len(teasers) >= LISTING_MIN_LINKS and body_chars < teaser_chars:
            return (f"listing page: {len(teasers)} headline links to articles outweigh the {body_chars}-char "
                    f"text block on a section URL ({profile.name})")
    return ""


def _item_of(a: Tag, block: Tag) -> Tag:
    """The teaser item of a headline link: its largest ancestor inside `block` holding no other headline."""
    item = a
    for anc in a.parents:
        if anc is block or not isinstance(anc, Tag):
            break
        if sum(1 for x in anc.find_all("a", href=True) if len(clean(x.get_text(" "))) >= 20) > 1:
            break
        item = anc
    return item


def teaser_structure(block: Tag, url: str, *, paginated: bool = False) -> str:
    """Why a main block is a list of links to other articles, whatever the page's URL ("" when it is not):
    repeated teaser items (the same tag and class, each with one headline link to another page, however
    long its teaser text) hold most of the block's text, and little running text stands outside them.
    `paginated`: the page has pagination links (three items are enough then)."""
    items: list[Tag] = []
    targets: set[str] = set()
    for a in block.find_all("a", href=True):
        text = clean(a.get_text(" "))
        if len(text) < 20 or in_related_block(a):
            continue
        try:
            target = canonical_url(a["href"], url)
        except ValueError:
            continue
        if target == url or target in targets:
            continue
        targets.add(target)
        items.append(_item_of(a, block))
    if len(items) < (3 if paginated else TEASER_MIN_ITEMS):
        return ""
    shape = Counter((it.name, " ".join(sorted(it.get("class") or []))) for it in items)
    (tag, cls), n = shape.most_common(1)[0]
    if n < (3 if paginated else TEASER_MIN_ITEMS):
        return ""
    same = [it for it in items if (it.name, " ".join(sorted(it.get("class") or []))) == (tag, cls)]
    total = len(clean(block.get_text(" ")))
    inside = sum(len(clean(it.get_text(" "))) for it in same)
    if total and inside >= TEASER_SHARE * total and total - inside < max(300, 0.25 * total):
        return (f"listing page: {n} repeated teaser items (<{tag}{' class=' + cls if cls else ''}>) hold "
                f"{inside * 100 // total}% of the main block's text")
    return ""


def article_evidence(title_el: Tag | None, parts: Parts, body: Tag, page_titles: list[str]) -> bool:
    """An article page whatever teasers surround it: a headline that is no link and that the <title>
    repeats, a publication date, and a body of running text (not a link list)."""
    if title_el is None or title_el.name == "a" or title_el.find("a") is not None or parts.published is None:
        return False
    if page_titles and not names_page(parts.title, page_titles):
        return False
    text = clean(body.get_text(" "))
    link_chars = sum(len(clean(a.get_text(" "))) for a in body.find_all("a"))
    return len(text) >= 2 * MIN_BODY_CHARS and link_chars < 0.2 * len(text)


def article_rejection(parts: Parts, paragraphs: list[str], canon: str, profile: Profile | None) -> str:
    """Why extracted parts are not an article ("" when they are): no title, no date on a URL that is not
    an article's, a body too short, a schedule or document record. `profile` is the profile whose
    selectors extracted the parts (None when the generic extractor did)."""
    body_chars = len("\n\n".join(paragraphs))
    if not parts.title:
        return "no title"
    if parts.published is None:
        if profile is not None and profile.article_urls and not profile.is_article_url(canon):
            return f"no publication date and not an article URL of {profile.name} (a static or section page)"
        if not looks_like_article_url(canon, profile):
            return "no publication date and not an article URL (a static or section page)"
    if body_chars < MIN_BODY_CHARS:
        return f"body too short ({body_chars} chars < {MIN_BODY_CHARS})"
    return non_article_kind(parts.title, paragraphs)
