"""The crawler: start URLs → frontier → polite fetch → sitemap / feed / HTML → articles and links,
with everything remembered in a `CrawlState` so a killed crawl resumes where it was."""
from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Callable
from urllib.parse import urlsplit

from .discover import PageLinks, is_pagination, links_of
from .extract.detect import detect_profile
from .feeds import feed_links, looks_like_feed
from .fetch import DEFAULT_DELAY, FetchConfig, FetchedPage, FetchError, Fetcher, RobotsDisallowed
from .learning import ProfileLearning
from .parse import Rejection, parse_article, read_page
from .profiles import load_profiles
from .sitemaps import looks_like_sitemap, parse_sitemap
from .state import CrawlState, FrontierItem
from .traps import DEFAULT_BARREN_LIMIT, DEFAULT_TEMPLATE_BUDGET, TrapGuard
from .types import Article
from .urls import canonical_url, host_of

log = logging.getLogger(__name__)

DEFAULT_PAGE_BUDGET = 5000      # pages fetched per site in one run; the rest waits for the next run
DEFAULT_HOST_DEADLINE = 4 * 3600.0   # seconds one host may hold a run (its pages and waits); the rest waits too
LINKS_RECORD_TYPE = "application/x-partyfacts-links+json"   # what is archived of a rejected page
_VN = timezone(timedelta(hours=7))


@dataclass
class CrawlStats:
    pages_fetched: int = 0
    not_modified: int = 0
    new_articles: int = 0
    duplicates: int = 0
    errors: int = 0
    rejected: Counter = field(default_factory=Counter)   # reason → pages
    skipped: Counter = field(default_factory=Counter)    # why linked URLs were not fetched → URLs (traps, depth)
    error_lines: list[str] = field(default_factory=list)
    elapsed: float = 0.0
    stopped: str = ""                                    # why the crawl ended early ("max_pages", page budget)
    profile_notes: list[str] = field(default_factory=list)   # selectors a site's first pages disabled (learning)
    site_notes: list[str] = field(default_factory=list)      # how listings paginated only by JavaScript were reached

    def as_dict(self) -> dict:
        return {"pages_fetched": self.pages_fetched, "not_modified": self.not_modified,
                "new_articles": self.new_articles, "duplicates": self.duplicates, "errors": self.errors,
                "rejected": dict(self.rejected), "skipped": dict(self.skipped),
                "error_lines": self.error_lines[-50:], "elapsed": round(self.elapsed, 3), "stopped": self.stopped,
                "profile_notes": self.profile_notes, "site_notes": self.site_notes}

    def line(self) -> str:
        rej = sum(self.rejected.values())
        skip = sum(self.skipped.values())
        return (f"{self.pages_fetched} pages fetched, {self.new_articles} new articles, {rej} not articles, "
                f"{self.duplicates} duplicates, {self.not_modified} not modified, {self.errors} errors"
                + (f", {skip} links not followed ({', '.join(sorted(self.skipped))})" if skip else "")
                + (f"; profile: {'; '.join(self.profile_notes)}" if self.profile_notes else "")
                + (f"; {'; '.join(self.site_notes)}" if self.site_notes else "")
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
          on_article: Callable[[Article], None] | None = None, page_budget: int | None = DEFAULT_PAGE_BUDGET,
          template_budget: int = DEFAULT_TEMPLATE_BUDGET, barren_limit: int = DEFAULT_BARREN_LIMIT,
          host_deadline: float | None = DEFAULT_HOST_DEADLINE, clock: Callable[[], float] = time.monotonic,
          learn_after: int = 3) -> CrawlStats:
    """Crawl from `start_urls` (home, category, sitemap or feed URLs), staying on their hosts, until the
    frontier is empty, `max_pages` pages were fetched in all, or every host spent its `page_budget`
    (pages per site and run; None = no budget; what is left waits in the state for the next run) or held
    the run for `host_deadline` seconds (its pages, their parsing and the politeness waits before them, as
    `clock` counts them; None = no deadline; what is left waits likewise).
    Links are not followed into crawler traps (scraper.traps: days in the future, "page" links deeper
    than `max_depth`, a URL template whose last `barren_limit` pages brought no article, more than
    `template_budget` pages of one template); each such skip is counted in `CrawlStats.skipped` and
    each early stop named in `CrawlStats.stopped`. A profile title selector that the page's signals overrule
    on `learn_after` of a host's first article pages (and confirm on none) is disabled for the rest of the
    host's run and named in `CrawlStats.profile_notes` (scraper.learning; 0 = never). Articles go to `state.store_article`; every fetched
    page to `state.store_page` (a rejected page as its reason and links, not its body), and its outcome
    to `state.mark_done`. Returns the statistics of this run.
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
    ctx = _Run(state, fetcher, profiles, hosts, stats, site, on_article,
               TrapGuard(datetime.now(_VN).date(), max_depth=max_depth, template_budget=template_budget,
                         barren_limit=barren_limit), learn_after=learn_after)
    by_host: Counter = Counter()
    host_time: Counter = Counter()     # seconds each host held this run
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
            host = host_of(item.canonical_url)
            if page_budget is not None and by_host[host] >= page_budget:
                # left queued (not marked): the next run of the site resumes it
                if all(by_host[h] >= page_budget for h in hosts):
                    stats.stopped = f"page budget: {page_budget} pages per site and run"
                    break
                continue
            if host_deadline is not None and host_time[host] >= host_deadline:
                # a slow or endless host: left queued (not marked) for the next run, the other hosts go on
                if all(host_time[h] >= host_deadline for h in hosts):
                    stats.stopped = f"host deadline: {host_deadline:g} s per host and run"
                    break
                continue
            why = ctx.traps.refuse(item.canonical_url, item.kind, item.depth)
            if why:  # queued before its template proved a trap: not fetched, recorded as rejected
                state.mark_done(item, "rejected", why[:250])
                stats.rejected[reason_key(why)] += 1
                continue
            before, started = stats.pages_fetched, clock()
            _handle(item, ctx)
            by_host[host] += stats.pages_fetched - before
            host_time[host] += clock() - started
            bar.update(stats, item.url)
    finally:
        bar.close()
        stats.elapsed = time.monotonic() - t0
        stats.site_notes = ctx.postback_notes()
        for note in stats.site_notes:
            log.info("%s", note)
    if stats.stopped:
        log.info("crawl stopped: %s", stats.stopped)
    else:
        state.finish(stats.as_dict())
    return stats


@dataclass
class _Run:
    """What every page of one crawl run shares."""
    state: CrawlState
    fetcher: Fetcher
    profiles: tuple
    hosts: set[str]
    stats: CrawlStats
    site: str | None
    on_article: Callable[[Article], None] | None
    traps: TrapGuard
    learn_after: int = 3                             # overruled pages that disable a title selector (0 = never)
    learning: dict = field(default_factory=dict)     # host → ProfileLearning of its first article pages
    postback: Counter = field(default_factory=Counter)   # host → JavaScript-only pagination links seen
    doors: dict = field(default_factory=dict)        # host → the other doors read: {"sitemap", "feed"}
    probes: set = field(default_factory=set)         # canonical URLs of doors guessed (a 404 there is no error)

    def door(self, url: str, kind: str) -> None:
        self.doors.setdefault(host_of(url), set()).add(kind)

    def postback_notes(self) -> list[str]:
        """One line per host whose listings paginate only by JavaScript postback: the doors its later
        pages were reached through, or that there was none."""
        out = []
        for host, n in sorted(self.postback.items()):
            doors = sorted(self.doors.get(host, ()))
            out.append(f"{host}: listing pages paginate only by JavaScript postback ({n} links not followable); "
                       + (f"their articles reached through the site's {' and '.join(doors)}" if doors else
                          "no sitemap or feed found: articles past each listing's first page are reached only "
                          "through links on other pages (latest news, related news)"))
        return out

    def learning_for(self, host: str) -> ProfileLearning | None:
        if self.learn_after <= 0:
            return None
        if host not in self.learning:
            self.learning[host] = ProfileLearning(host, min_overruled=self.learn_after,
                                                  trial=max(ProfileLearning.trial, self.learn_after))
        return self.learning[host]


def _add(state: CrawlState, url: str, kind: str, depth: int, hosts: set[str], traps: TrapGuard | None = None,
         stats: CrawlStats | None = None) -> bool:
    try:
        canon = canonical_url(url)
    except ValueError:
        return False
    if host_of(canon) not in hosts:
        return False
    if traps is not None:
        why = traps.refuse(canon, kind, depth)
        if why:
            if stats is not None and not state.seen(canon):
                stats.skipped[reason_key(why)] += 1
            return False
    return state.add(FrontierItem(url, canon, kind, depth))


def links_record(page: FetchedPage, links: PageLinks, reason: str) -> FetchedPage:
    """What is archived of a rejected page: its reason and the links it holds (read again when the
    server answers 304 to a later conditional GET), not its body. Validators are kept."""
    body = json.dumps({"rejected": reason, "articles": links.articles, "pagination": links.pagination,
                       "pages": links.pages, "feeds": links.feeds}, ensure_ascii=False).encode("utf-8")
    headers = dict(page.headers, **{"content-type": LINKS_RECORD_TYPE})
    headers.pop("content-length", None)
    headers.pop("content-encoding", None)
    return replace(page, headers=headers, content=body)


def _links_from_record(page: FetchedPage) -> PageLinks | None:
    if LINKS_RECORD_TYPE not in page.content_type:
        return None
    d = json.loads(page.content.decode("utf-8"))
    return PageLinks(articles=d.get("articles", []), pagination=d.get("pagination", []), pages=d.get("pages", []),
                     feeds=d.get("feeds", []))


def _handle(item: FrontierItem, run: _Run) -> None:
    state, fetcher, stats = run.state, run.fetcher, run.stats
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
        gone = exc.status is not None and 400 <= exc.status < 500 and exc.status != 429
        if gone and item.canonical_url in run.probes:   # a guessed door the site does not have: no error
            state.mark_done(item, "gone", exc.problem[:250])
            return
        stats.errors += 1
        stats.error_lines.append(str(exc))
        log.info("%s", exc)  # reported in the run's statistics; a warning per page would break the progress bar
        state.mark_done(item, "gone" if gone else "failed", exc.problem[:250])
        return
    stats.pages_fetched += 1
    if page.not_modified:
        stats.not_modified += 1
        stored = state.stored_page(item.canonical_url)
        if stored is not None and item.kind != "article":
            # unchanged page, but the pages it links to may have changed: follow its links again
            links = _links_from_record(stored)
            if links is not None:
                _queue_links(item, links, run, stale=False)
            else:
                _process(item, item, stored, run, parse=False)
        state.mark_done(item, "not_modified", "HTTP 304")
        return
    if page.truncated:
        stats.error_lines.append(f"{page.final_url}: transfer broke off on every try; parsed the "
                                 f"{len(page.content)} bytes received")
    final = item
    if page.final_url != item.url:
        fc = canonical_url(page.final_url)
        if fc != item.canonical_url:
            final = FrontierItem(page.final_url, fc, item.kind, item.depth)
            if state.seen(fc) and not state.add(final):
                state.store_page(item, links_record(page, PageLinks(), f"redirects to {page.final_url}"),
                                 rejected=f"redirects to {page.final_url}")
                state.mark_done(item, "done", f"redirects to {page.final_url}")
                return  # the target is (or was) handled on its own
            state.mark_done(item, "done", f"redirects to {page.final_url}")
    _process(item, final, page, run, parse=True)


def _queue_links(final: FrontierItem, links: PageLinks, run: _Run, *, stale: bool) -> int:
    """Queue a page's links (traps refused); returns how many new article links were queued."""
    state, hosts, traps, stats = run.state, run.hosts, run.traps, run.stats
    new_articles = 0
    for u in links.articles:
        new_articles += _add(state, u, "article", final.depth + 1, hosts, traps, stats)
    for u in links.feeds:
        _add(state, u, "feed", final.depth + 1, hosts, traps, stats)
    # on a revisit, a listing page with nothing new means its older pages hold nothing new either
    stale = stale and new_articles == 0
    for u in links.pagination:
        if not (stale and is_pagination(u)):
            _add(state, u, "listing", final.depth + 1, hosts, traps, stats)
    for u in links.pages:
        _add(state, u, "page", final.depth + 1, hosts, traps, stats)
    return new_articles


def _process(item: FrontierItem, final: FrontierItem, page, run: _Run, *, parse: bool) -> None:
    """Sitemap, feed or HTML page: queue its links; with parse=True also decide article or not, archive
    the page (a rejected one as its reason and links: `links_record`) and record the outcome
    (parse=False re-reads a stored copy for links only). `item` is the URL fetched, `final` the page
    after redirects."""
    state, stats = run.state, run.stats
    if not parse:
        state = _LinksOnly(state)
        run = replace(run, state=state)
    raw = page.content
    content_type = page.content_type.lower()
    try:
        if looks_like_sitemap(raw) or final.kind == "sitemap" and not looks_like_feed(raw):
            if parse:
                state.store_page(item, page)
            _handle_sitemap(final, raw, state, run.hosts, stats)
            run.door(final.canonical_url, "sitemap")
            return
        if looks_like_feed(raw) or any(t in content_type for t in ("rss", "atom")):
            links = feed_links(raw, page.final_url)
            if parse:
                state.store_page(item, page)
            for link in links:
                _add(state, link, "article", final.depth + 1, run.hosts, run.traps, stats)
            state.mark_done(final, "done", f"feed with {len(links)} links")
            run.door(final.canonical_url, "feed")
            return
    except ValueError as exc:
        stats.errors += 1
        stats.error_lines.append(f"{page.final_url}: {exc}")
        if parse:
            state.store_page(item, links_record(page, PageLinks(), str(exc)[:250]), rejected=str(exc)[:250])
        state.mark_done(final, "failed", str(exc)[:250])
        return
    if content_type and not any(t in content_type for t in ("html", "xml", "text/plain")):
        why = f"not an HTML page ({content_type.split(';')[0]})"
        if parse:
            state.store_page(item, links_record(page, PageLinks(), why), rejected=why)
        state.mark_done(final, "rejected", why)
        stats.rejected["not an HTML page"] += 1
        return
    doc = read_page(raw, page.headers)
    profile, _ = detect_profile(doc.soup, doc.text, final.canonical_url, run.profiles)
    doc.profile, doc.detected = profile, True
    links = links_of(doc.soup, page.final_url, host_of(final.canonical_url), profile)
    if links.postback and parse:
        host = host_of(final.canonical_url)
        if not run.postback[host]:
            # pagination the crawler cannot follow: look for the site's sitemap at its standard place
            # (feeds linked from the pages are queued anyway)
            parts = urlsplit(page.final_url)
            guess = f"{parts.scheme}://{parts.netloc}/sitemap.xml"
            if _add(state, guess, "sitemap", 0, run.hosts):
                run.probes.add(canonical_url(guess))
        run.postback[host] += links.postback
    new_articles = _queue_links(final, links, run, stale=final.fetched_before)
    if not parse:
        return
    learning = run.learning_for(host_of(final.canonical_url))
    noted = len(learning.notes) if learning is not None else 0
    result = parse_article(page.final_url, raw, page.headers, profiles=run.profiles, site=run.site, page=doc,
                           fetched_at=page.fetched_at, learning=learning)
    if learning is not None:
        stats.profile_notes.extend(learning.notes[noted:])
    if isinstance(result, Rejection):
        run.traps.record(final.canonical_url, final.kind, new_articles > 0)
        state.store_page(item, links_record(page, links, result.reason[:250]), rejected=result.reason[:250])
        state.mark_done(final, "rejected", result.reason[:250])
        stats.rejected[reason_key(result.reason)] += 1
        return
    run.traps.record(final.canonical_url, final.kind, True)
    state.store_page(item, page)
    why_not = state.store_article(result)
    if why_not:
        stats.duplicates += 1
        state.mark_done(final, "duplicate", why_not[:250])
        return
    stats.new_articles += 1
    state.mark_done(final, "article", "")
    if run.on_article is not None:
        run.on_article(result)


class _LinksOnly:
    """A view of the state that queues links but records no outcome (re-reading a stored page)."""

    def __init__(self, state: CrawlState):
        self._state = state

    def add(self, item: FrontierItem) -> bool:
        return self._state.add(item)

    def mark_done(self, *args, **kw) -> None:
        pass

    def seen(self, canonical_url: str) -> bool:
        return self._state.seen(canonical_url)

    def store_page(self, *args, **kw) -> None:
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
