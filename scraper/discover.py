"""Finding pages: links of an HTML page sorted into article candidates, pagination and other pages,
on the start host only; sitemaps (sitemaps.py) and feeds (feeds.py) feed the same frontier."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urljoin, urlsplit

from bs4 import BeautifulSoup

from .extract.classify import HOME_PATHS, canonical_of, looks_like_article_url
from .feeds import feeds_in_html
from .profiles import Profile
from .urls import canonical_url, host_of

# links never worth fetching for articles: files, printing, login, feeds of comments …
_SKIP_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|bmp|webp|svg|ico|mp3|mp4|avi|wmv|flv|"
                       r"css|js|exe|msi|apk|iso|tiff?)$", re.I)
_SKIP_URL = re.compile(r"(/_layouts/|/wp-(admin|login)|/login|/dang-nhap|/logout|/print|[?&](print|in)=|"
                       r"/sendmail|/mailto|javascript:|p_p_lifecycle=[12]|/rss/?$|/feed/?$|/comment|"
                       # WordPress/Jetpack share and reply links: a redirect off the site, or the same post again
                       r"[?&](share|replytocom|like_comment|nb)=)", re.I)
_PRINT_TEXT = re.compile(r"^(in bài|in bài viết|in tin|in trang|bản in|xem bản in|print|print this page)$", re.I)
_PAGE_PARAM = re.compile(r"^(pageindex|page|paged|pg|trang|sotrang|pagenum|pagenumber|pageno|page_no|currentpage|"
                         r"cpage|start|offset|pagefirstrow|firstrow|_[\w]*_cur|cur)$", re.I)
_PAGE_PATH = re.compile(r"([/_-](trang|page)[-_/]?\d+|/p\d+)/?(\.html?|\.aspx|\.php)?$", re.I)
_NEXT_TEXT = re.compile(r"^(xem tiếp|xem thêm|trang sau|trang tiếp|tiếp|tiếp theo|sau|next|»|›|>|>>|»»|\d{1,4})$",
                        re.I)


@dataclass
class PageLinks:
    articles: list[str] = field(default_factory=list)      # probable article pages (fetched first)
    pagination: list[str] = field(default_factory=list)    # next pages of a listing
    pages: list[str] = field(default_factory=list)         # other pages on the host (categories, …)
    feeds: list[str] = field(default_factory=list)
    postback: int = 0        # pagination links that only run JavaScript (__doPostBack): not followable


def is_pagination(url: str) -> bool:
    parts = urlsplit(url)
    if _PAGE_PATH.search(parts.path):
        return True
    return any(_PAGE_PARAM.match(k) and v.isdigit() for k, v in parse_qsl(parts.query))


def links_of(soup: BeautifulSoup, page_url: str, host: str, profile: Profile | None) -> PageLinks:
    """Links of an HTML page on `host` (www. ignored), canonicalised, deduplicated, sorted by kind."""
    base = page_url
    bt = soup.find("base", href=True)
    if bt:
        base = urljoin(page_url, bt["href"])
    out = PageLinks()
    seen: set[str] = set()
    marked_articles: set[str] = set()
    marked_next: set[str] = set()
    if profile is not None:
        for sel in profile.listing_links:
            for a in soup.select(sel):
                if a.get("href"):
                    marked_articles.add(urljoin(base, a["href"]))
        for sel in profile.listing_next:
            for a in soup.select(sel):
                if a.get("href"):
                    marked_next.add(urljoin(base, a["href"]))
    for a in soup.find_all("a", href=True):
        href = a["href"].strip()
        if "__doPostBack" in href and _NEXT_TEXT.match(" ".join(a.get_text(" ").split())):
            out.postback += 1   # an ASP.NET / SharePoint listing web part's "next" or page-number link
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        if _PRINT_TEXT.match(" ".join(a.get_text(" ").split())):
            continue   # the print view of the article this page is (or links to): the same text again
        url = urljoin(base, href)
        try:
            canon = canonical_url(url)
        except ValueError:
            continue
        if host_of(canon) != host or canon in seen:
            continue
        if _SKIP_EXT.search(urlsplit(canon).path) or _SKIP_URL.search(url):
            continue
        seen.add(canon)
        text = " ".join(a.get_text(" ").split())
        if url in marked_next or (is_pagination(canon) and (_NEXT_TEXT.match(text) or url in marked_next)) \
                or is_pagination(canon):
            out.pagination.append(url)
        elif url in marked_articles or looks_like_article_url(canon, profile):
            out.articles.append(url)
        elif _NEXT_TEXT.match(text) and not HOME_PATHS.match(urlsplit(canon).path):
            out.pagination.append(url)  # "Xem tiếp", "Trang sau", "»" links with an unusual URL shape
        else:
            out.pages.append(url)
    alt = canonical_of(soup, page_url)
    if alt and host_of(alt) == host and alt not in seen:
        out.articles.append(alt)   # the page this one is an alternate of (print view, alias)
    for href in feeds_in_html(soup):
        url = urljoin(base, href)
        if host_of(url) == host:
            out.feeds.append(url)
    return out
