"""The crawler: start URLs → frontier → polite fetch → sitemap / feed / HTML → articles and links,
with everything remembered in a `CrawlState` so a killed crawl resumes where it was."""
from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from .discover import is_pagination, links_of
from .extract.detect import detect_profile
from .feeds import feed_links, looks_like_feed
from .fetch import DEFAULT_DELAY, FetchConfig, FetchError, Fetcher, RobotsDisallowed
from .parse import Rejection, parse_article, read_page
from .profiles import load_profiles
from .sitemaps import looks_like_sitemap, parse_sitemap
from .state import CrawlState, FrontierItem
from .types import Article
from .urls import canonical_url, host_of

log = logging.getLogger(__name__)


@dataclass
class CrawlStats:
    pages_fetched: int = 0
    not_modified: int = 0
    new_articles: int = 0
    duplicates: int = 0
    errors: int = 0
    rejected: Counter = field(default_factory=Counter)   # reason → pages
    error_lines: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    stopped: str = ""                                    # why the crawl ended early ("max_pages", …)

    def as_dict(self) -> dict:
        return {"pages_fetched": self.pages_fetched, "not_modified": self.not_modified,
                "new_articles": self.new_articles, "duplicates": self.duplicates, "errors": self.errors,
                "rejected": dict(self.rejected), "error_lines": self.error_lines[-50:],
                "elapsed": round(self.elapsed, 3), "stopped": self.stopped}

    def line(self) -> str:
        rej = sum(self.rejected.values())
        return (f"{self.pages_fetched} pages fetched, {self.new_articles} new articles, {rej} not articles, "
                f"{self.duplicates} duplicates, {self.not_modified} not modified, {self.errors} errors"
                + (f" (stopped: {self.stopped})" if self.stopped else ""))


def reason_key(reason: str) -> str:
    """Rejection reasons grouped for statistics (counts and pattern details dropped)."""
    return reason.split(" (")[0].split(":")[0]


class _Progress:
    """A tqdm bar on a terminal, a plain log line every `every` pages otherwise."""

    def __init__(self, total: int | None, enabled: bool | None, every: int = 25):
        self.tty = sys.stderr.isatty() if enabled is None else enabled
        self.every, self.n, self.bar = every, 0, None
        if self.tty:
            from tqdm import tqdm
            self.bar = tqdm(total=total, unit="page", desc="crawl", file=sys.stderr)

    def update(self, stats: CrawlStats, url: str) -> None:
        self.n += 1
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(articles=stats.new_articles, errors=stats.errors, refresh=False)
        elif self.n % self.every == 0:
            print(f"crawl: {self.n} pages, {stats.new_articles} new articles, {stats.errors} errors; last {url}",
                  file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _start_item(url: str) -> FrontierItem:
    low = url.lower().split("?")[0]
    kind = "start"
    if low.endswith((".xml", ".xml.gz")) and "sitemap" in low:
        kind = "sitemap"
    elif low.endswith((".rss", "/rss", "/feed", "/feed/", ".atom")) or "/rss/" in low:
        kind = "feed"
    return FrontierItem(url, canonical_url(url), kind, 0)


def crawl(start_urls: list[str], state: CrawlState, *, delay: float = DEFAULT_DELAY, max_pages: int | None = None,
          fetcher: Fetcher | None = None, config: FetchConfig | None = None, profile_dirs=(),
          max_depth: int = 30, site: str | None = None, progress: bool | None = None,
          on_article: Callable[[Article], None] | None = None) -> CrawlStats:
    """Crawl from `start_urls` (home, category, sitemap or feed URLs), staying on their hosts, until the
    frontier is empty or `max_pages` pages were fetched. Articles go to `state.store_article`, and
    every page's outcome to `state.mark_done`. Returns the statistics of this run.
    Raises ValueError for a start URL that is not http(s); fetch errors of single pages are counted,
    never raised."""
    t0 = time.monotonic()
    if fetcher is None:
        cfg = config or FetchConfig()
        cfg.delay = delay
        fetcher = Fetcher(cfg)
    profiles = load_profiles(tuple(profile_dirs))
    starts = [_start_item(u) for u in start_urls]
    hosts = {host_of(s.canonical_url) for s in starts}
    state.begin(starts)
    stats = CrawlStats()
    for s in starts:
        try:
            for sm in fetcher.robots(s.url).sitemaps():
                if host_of(sm) in hosts:
                    state.add(FrontierItem(sm, canonical_url(sm), "sitemap", 0))
        except ValueError as exc:
            log.warning("robots.txt Sitemap line ignored: %s", exc)
    bar = _Progress(max_pages, progress)
    retried = False
    try:
        while True:
            if max_pages is not None and stats.pages_fetched >= max_pages:
                stats.stopped = f"max_pages={max_pages}"
                break
            item = state.pop()
            if item is None and not retried:
                retried = True  # transient faults (timeouts, 5xx) get one more try at the end of the run
                if state.requeue_failed():
                    item = state.pop()
            if item is None:
                break
            _handle(item, state, fetcher, profiles, hosts, stats, max_depth, site, on_article)
            bar.update(stats, item.url)
    finally:
        bar.close()
        stats.elapsed = time.monotonic() - t0
    if not stats.stopped:
        state.finish(stats.as_dict())
    return stats


def _add(state: CrawlState, url: str, kind: str, depth: int, hosts: set[str]) -> bool:
    try:
        canon = canonical_url(url)
    except ValueError:
        return False
    if host_of(canon) not in hosts:
        return False
    return state.add(FrontierItem(url, canon, kind, depth))


def _handle(item: FrontierItem, state: CrawlState, fetcher: Fetcher, profiles, hosts: set[str], stats: CrawlStats,
            max_depth: int, site: str | None, on_article) -> None:
    etag, last_modified = state.validators(item.canonical_url) if item.fetched_before else ("", "")
    try:
        page = fetcher.fetch(item.url, etag=etag, last_modified=last_modified)
    except RobotsDisallowed as exc:
        if exc.unreachable:  # the server is down or broken: an error, tried again later
            stats.errors += 1
            stats.error_lines.append(str(exc))
            log.warning("%s", exc)
            state.mark_done(item, "failed", exc.problem[:250])
            return
        state.mark_done(item, "disallowed", exc.problem)
        stats.rejected["disallowed by robots.txt"] += 1
        return
    except FetchError as exc:
        stats.errors += 1
        stats.error_lines.append(str(exc))
        log.info("%s", exc)  # reported in the run's statistics; a warning per page would break the progress bar
        gone = exc.status is not None and 400 <= exc.status < 500 and exc.status != 429
        state.mark_done(item, "gone" if gone else "failed", exc.problem[:250])
        return
    stats.pages_fetched += 1
    if page.not_modified:
        stats.not_modified += 1
        stored = state.stored_page(item.canonical_url)
        if stored is not None and item.kind != "article":
            # unchanged page, but the pages it links to may have changed: follow its links again
            _process(item, stored, state, profiles, hosts, stats, max_depth, site, on_article, parse=False)
        state.mark_done(item, "not_modified", "HTTP 304")
        return
    if page.truncated:
        stats.error_lines.append(f"{page.final_url}: transfer broke off on every try; parsed the "
                                 f"{len(page.content)} bytes received")
    state.store_page(item, page)
    final = item
    if page.final_url != item.url:
        fc = canonical_url(page.final_url)
        if fc != item.canonical_url:
            state.mark_done(item, "done", f"redirects to {page.final_url}")
            final = FrontierItem(page.final_url, fc, item.kind, item.depth)
            if state.seen(fc) and not state.add(final):
                return  # the target is (or was) handled on its own
    _process(final, page, state, profiles, hosts, stats, max_depth, site, on_article, parse=True)


def _process(final: FrontierItem, page, state: CrawlState, profiles, hosts: set[str], stats: CrawlStats,
             max_depth: int, site: str | None, on_article, *, parse: bool) -> None:
    """Sitemap, feed or HTML page: queue its links; with parse=True also decide article or not and
    record the outcome (parse=False re-reads a stored copy for links only)."""
    if not parse:
        state = _LinksOnly(state)
    raw = page.content
    content_type = page.content_type.lower()
    try:
        if looks_like_sitemap(raw) or final.kind == "sitemap" and not looks_like_feed(raw):
            _handle_sitemap(final, raw, state, hosts, stats)
            return
        if looks_like_feed(raw) or any(t in content_type for t in ("rss", "atom")):
            links = feed_links(raw, page.final_url)
            for link in links:
                _add(state, link, "article", final.depth + 1, hosts)
            state.mark_done(final, "done", f"feed with {len(links)} links")
            return
    except ValueError as exc:
        stats.errors += 1
        stats.error_lines.append(f"{page.final_url}: {exc}")
        state.mark_done(final, "failed", str(exc)[:250])
        return
    if content_type and not any(t in content_type for t in ("html", "xml", "text/plain")):
        state.mark_done(final, "rejected", f"not an HTML page ({content_type.split(';')[0]})")
        stats.rejected["not an HTML page"] += 1
        return
    doc = read_page(raw, page.headers)
    profile, _ = detect_profile(doc.soup, doc.text, final.canonical_url, profiles)
    doc.profile, doc.detected = profile, True
    links = links_of(doc.soup, page.final_url, host_of(final.canonical_url), profile)
    new_articles = 0
    for u in links.articles:
        new_articles += _add(state, u, "article", final.depth + 1, hosts)
    for u in links.feeds:
        _add(state, u, "feed", final.depth + 1, hosts)
    # on a revisit, a listing page with nothing new means its older pages hold nothing new either
    stale = final.fetched_before and new_articles == 0
    for u in links.pagination:
        if not (stale and is_pagination(u)):
            _add(state, u, "listing", final.depth + 1, hosts)
    if final.depth < max_depth:
        for u in links.pages:
            _add(state, u, "page", final.depth + 1, hosts)
    if not parse:
        return
    result = parse_article(page.final_url, raw, page.headers, profiles=profiles, site=site, page=doc,
                           fetched_at=page.fetched_at)
    if isinstance(result, Rejection):
        state.mark_done(final, "rejected", result.reason[:250])
        stats.rejected[reason_key(result.reason)] += 1
        return
    why_not = state.store_article(result)
    if why_not:
        stats.duplicates += 1
        state.mark_done(final, "duplicate", why_not[:250])
        return
    stats.new_articles += 1
    state.mark_done(final, "article", "")
    if on_article is not None:
        on_article(result)


class _LinksOnly:
    """A view of the state that queues links but records no outcome (re-reading a stored page)."""

    def __init__(self, state: CrawlState):
        self._state = state

    def add(self, item: FrontierItem) -> bool:
        return self._state.add(item)

    def mark_done(self, *args, **kw) -> None:
        pass

    def store_article(self, article) -> str:
        return "not stored: links-only pass"


def _handle_sitemap(item: FrontierItem, raw: bytes, state: CrawlState, hosts: set[str], stats: CrawlStats) -> None:
    entries = parse_sitemap(raw)
    for sm in entries.sitemaps:
        _add(state, sm, "sitemap", item.depth + 1, hosts)
    for loc, _lastmod in entries.pages:
        _add(state, loc, "article", item.depth + 1, hosts)
    state.mark_done(item, "done", f"sitemap: {len(entries.sitemaps)} sitemaps, {len(entries.pages)} pages")
