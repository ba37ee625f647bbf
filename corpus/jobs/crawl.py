"""The crawl job: start URLs → stored articles, one summary per site. Natural key: the site (the
host of the start URLs); a crawl resumes the site's unfinished run, and pages already stored are
not stored again."""
from __future__ import annotations

from dataclasses import dataclass

from partyfacts.scraper.targets import TargetRefused, check_target
from partyfacts.scraper.urls import host_of

from ..crawlstate import SiteCrawl, crawl_sites
from ..db import Database
from .config import CrawlConfig
from .syndication import link_syndicated_articles
from .registry import job


class CrawlError(ValueError):
    """A crawl that cannot start (a start URL that is not http(s), or whose host is loopback, private
    or link-local without the allow_private_targets setting); the message names it."""


@dataclass(frozen=True)
class CrawlSummary:
    site: str
    crawl: SiteCrawl

    @property
    def fatal(self) -> bool:
        """Nothing could be fetched at all (dead server, every start URL failing): not by this crawler,
        nor by another crawler of the same run (several crawlers of one site share its pages)."""
        st = self.crawl.stats
        return st.pages_fetched == 0 and st.not_modified == 0 and st.errors > 0 and self.crawl.run_fetched == 0

    def line(self) -> str:
        st = self.crawl.stats
        text = f"{self.site}: {st.line()}"
        if self.fatal and st.error_lines:
            text += f"; last error: {st.error_lines[-1]}"
        return text


def _crawl_key(urls: list[str], **_ignored) -> tuple:
    return tuple(sorted({host_of(u) for u in urls}))


@job("crawl", key=_crawl_key)
def crawl_urls(db: Database, urls: list[str], *, config: CrawlConfig | None = None, delay: float | None = None,
               max_pages: int | None = None, progress: bool | None = None) -> list[CrawlSummary]:
    """Crawl the start URLs (grouped by host, resuming unfinished runs) and link syndicated copies
    among the new articles; one summary per site. ``delay`` (a site's own) overrides the config's."""
    config = config or CrawlConfig()
    for u in urls:
        try:
            check_target(u, allow_private=config.allow_private_targets)
        except TargetRefused as exc:
            raise CrawlError(str(exc)) from None
    try:
        crawls = crawl_sites(db, urls, delay=config.delay if delay is None else delay, max_pages=max_pages,
                             progress=progress, contact=config.contact, profile_dirs=config.profile_dirs,
                             lease=config.lease, allow_private=config.allow_private_targets)
    except ValueError as exc:
        raise CrawlError(str(exc)) from None
    link_syndicated_articles(db, [aid for c in crawls for aid in c.new_article_ids])
    return [CrawlSummary(c.site, c) for c in crawls]
