"""The crawl job as the command line and the scheduler call it: start URLs → stored articles, with a
one-line summary per site."""
from __future__ import annotations

from dataclasses import dataclass

from .crawlstate import SiteCrawl, crawl_sites
from .db import Database
from .syndication import link_syndicated


class CrawlError(ValueError):
    """A crawl that cannot start (a start URL that is not http(s)); the message names it."""


@dataclass(frozen=True)
class CrawlSummary:
    site: str
    crawl: SiteCrawl

    @property
    def fatal(self) -> bool:
        """Nothing could be fetched at all (dead server, every start URL failing)."""
        st = self.crawl.stats
        return st.pages_fetched == 0 and st.not_modified == 0 and st.errors > 0

    def line(self) -> str:
        st = self.crawl.stats
        text = f"{self.site}: {st.line()}"
        if self.fatal and st.error_lines:
            text += f"; last error: {st.error_lines[-1]}"
        return text


def crawl_urls(db: Database, urls: list[str], *, delay: float | None = None, max_pages: int | None = None,
               progress: bool | None = None) -> list[CrawlSummary]:
    """Crawl the start URLs (grouped by host, resuming unfinished runs); one summary per site."""
    try:
        crawls = crawl_sites(db, urls, delay=delay, max_pages=max_pages, progress=progress)
    except ValueError as exc:
        raise CrawlError(str(exc)) from None
    link_syndicated(db, [aid for c in crawls for aid in c.new_article_ids])
    return [CrawlSummary(c.site, c) for c in crawls]
