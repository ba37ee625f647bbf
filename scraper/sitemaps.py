"""Sitemaps: robots.txt Sitemap lines lead here; sitemap indexes and urlsets, gzipped or not, XML or
plain text (one URL a line)."""
from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True)
class SitemapEntries:
    sitemaps: list[str]          # child sitemaps of an index
    pages: list[tuple[str, str]]  # (loc, lastmod) of a urlset


def maybe_gunzip(raw: bytes) -> bytes:
    """Gzip-compressed bytes decompressed (sitemap.xml.gz); other bytes unchanged. A broken gzip
    stream gives what could be read."""
    if raw[:2] != b"\x1f\x8b":
        return raw
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error):
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw)


def looks_like_sitemap(raw: bytes) -> bool:
    head = maybe_gunzip(raw)[:2048].lower()
    return b"<urlset" in head or b"<sitemapindex" in head


def parse_sitemap(raw: bytes) -> SitemapEntries:
    """Entries of a sitemap document. Raises ValueError for bytes that are no sitemap."""
    data = maybe_gunzip(raw)
    head = data.lstrip()[:1]
    if head != b"<":
        lines = [ln.strip() for ln in data.decode("utf-8", "replace").splitlines()]
        urls = [ln for ln in lines if ln.startswith(("http://", "https://"))]
        if not urls:
            raise ValueError("neither an XML sitemap nor a list of URLs")
        return SitemapEntries([], [(u, "") for u in urls])
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"unreadable sitemap XML: {exc}") from None
    if root is None:
        raise ValueError("empty sitemap XML")
    tag = etree.QName(root).localname.lower()
    maps, pages = [], []
    for node in root:
        if not isinstance(node.tag, str):
            continue
        loc = lastmod = ""
        for child in node:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname.lower()
            if name == "loc":
                loc = (child.text or "").strip()
            elif name == "lastmod":
                lastmod = (child.text or "").strip()
        if not loc:
            continue
        if tag == "sitemapindex":
            maps.append(loc)
        elif tag == "urlset":
            pages.append((loc, lastmod))
    if tag not in ("sitemapindex", "urlset"):
        raise ValueError(f"XML root <{tag}> is not a sitemap")
    return SitemapEntries(maps, pages)
