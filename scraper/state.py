"""What the crawler remembers between pages and between runs, behind a small interface.

`CrawlState` is the "what have I seen / keep this" contract: the crawler never stores anything
itself. `MemoryState` keeps it in dicts (tests, notebooks); corpus.crawlstate keeps it in the
database, committed page by page, so a killed crawl resumes where it was.
"""
from __future__ import annotations

import heapq
import itertools
from dataclasses import dataclass, field, replace
from typing import Protocol, runtime_checkable

from . import frontier
from .fetch import FetchedPage
from .frontier import MAX_ATTEMPTS, PRIORITY, STATUSES
from .types import Article

__all__ = ["MAX_ATTEMPTS", "PRIORITY", "STATUSES", "CrawlState", "FrontierItem", "MemoryState"]


@dataclass(frozen=True)
class FrontierItem:
    url: str                      # as found (fetched as is)
    canonical_url: str            # the key
    kind: str = "page"            # start | sitemap | feed | article | listing | page
    depth: int = 0
    fetched_before: bool = False  # set by the state on pop: this is a revisit of a page seen in an earlier pass

    @property
    def priority(self) -> int:
        return frontier.priority(self.kind)


@runtime_checkable
class CrawlState(Protocol):
    """What the crawler remembers. Implementations follow the transition rules of scraper.frontier."""

    def begin(self, start: list[FrontierItem]) -> None:
        """Start a crawl pass, or resume the unfinished one; queue the start items again."""

    def add(self, item: FrontierItem) -> bool:
        """Queue a URL unless already handled in this pass. A page other than an article handled in an
        earlier pass is queued again (listings change); a failed page is retried up to MAX_ATTEMPTS.
        True when queued."""

    def pop(self) -> FrontierItem | None:
        """The next queued item (lowest priority number, then oldest); None when the frontier is empty.
        Popping does not change what is stored: a crash before mark_done leaves the item queued."""

    def mark_done(self, item: FrontierItem, status: str, reason: str = "") -> None:
        """Record how a page ended (one of STATUSES) and why; upserts items never queued (redirect targets)."""

    def seen(self, canonical_url: str) -> bool:
        """True when the URL is known to the state, queued or handled, in any pass."""

    def validators(self, canonical_url: str) -> tuple[str, str]:
        """(ETag, Last-Modified) from the last fetch of the URL, for a conditional GET; ("", "") if none."""

    def store_page(self, item: FrontierItem, page: FetchedPage, rejected: str = "") -> None:
        """Keep the raw page and its validators. For a page that is not an article, `rejected` says why
        and `page.content` is not the body but a small record of the page's links
        (scraper.crawl.links_record, content type LINKS_RECORD_TYPE): rejected pages are not archived."""

    def stored_page(self, canonical_url: str) -> FetchedPage | None:
        """The last stored copy of a page (its links are read again when the server answers 304)."""

    def store_article(self, article: Article) -> str:
        """Keep an article; "" when stored, else why not (already stored under this canonical URL or
        content hash). Must be idempotent: storing the same article twice stores it once."""

    def requeue_failed(self) -> int:
        """Queue again the pages of this pass that failed (timeouts, 5xx) fewer than MAX_ATTEMPTS
        times; the crawler calls it once when the frontier runs dry. Returns how many."""

    def finish(self, stats: dict) -> None:
        """The pass ended normally: a later begin() starts a new pass."""


@dataclass
class _Entry:
    item: FrontierItem
    status: str = frontier.PENDING
    reason: str = ""
    attempts: int = 0
    pass_no: int = 0
    order: int = 0
    etag: str = ""
    last_modified: str = ""
    fetched: bool = False


@dataclass
class MemoryState:
    """CrawlState in memory: for tests, notebooks and benchmarks."""
    entries: dict[str, _Entry] = field(default_factory=dict)
    pages: dict[str, FetchedPage] = field(default_factory=dict)
    rejected_pages: dict[str, str] = field(default_factory=dict)   # canonical URL → why (no body kept)
    articles: dict[str, Article] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    pass_no: int = 0
    pass_open: bool = False
    finished: list[dict] = field(default_factory=list)
    _counter: itertools.count = field(default_factory=itertools.count)
    _inflight: set[str] = field(default_factory=set)
    _heap: list = field(default_factory=list)

    def _rules_view(self, e: _Entry | None) -> frontier.Entry | None:
        if e is None:
            return None
        return frontier.Entry(e.status, e.item.kind, e.attempts, this_pass=e.pass_no == self.pass_no)

    def begin(self, start: list[FrontierItem]) -> None:
        if not self.pass_open:
            self.pass_no += 1
            self.pass_open = True
        self._inflight.clear()
        self._heap = [(e.item.priority, e.order, k) for k, e in self.entries.items() if e.status == frontier.PENDING]
        heapq.heapify(self._heap)
        for item in start:
            e = self.entries.get(item.canonical_url)
            if frontier.queue_on_begin(self._rules_view(e)):
                self._queue(item, e)

    def _queue(self, item: FrontierItem, e: _Entry | None) -> None:
        if e is None:
            e = self.entries[item.canonical_url] = _Entry(item)
        else:
            e.item = replace(item, kind=frontier.kind_when_queued(e.item.kind, item.kind))
        e.status, e.pass_no, e.order = frontier.PENDING, self.pass_no, next(self._counter)
        heapq.heappush(self._heap, (e.item.priority, e.order, item.canonical_url))

    def add(self, item: FrontierItem) -> bool:
        e = self.entries.get(item.canonical_url)
        if not frontier.queue_on_add(self._rules_view(e)):
            return False
        self._queue(item, e)
        return True

    def pop(self) -> FrontierItem | None:
        while self._heap:
            _prio, order, key = heapq.heappop(self._heap)
            e = self.entries[key]
            if e.status == frontier.PENDING and e.order == order and key not in self._inflight:
                self._inflight.add(key)
                return replace(e.item, fetched_before=e.fetched)
        return None

    def mark_done(self, item: FrontierItem, status: str, reason: str = "") -> None:
        frontier.check_status(status)
        e = self.entries.get(item.canonical_url)
        if e is None:
            e = self.entries[item.canonical_url] = _Entry(item, order=next(self._counter))
        kind, e.attempts = frontier.after_done(e.item.kind, status, e.attempts)
        if kind != e.item.kind:
            e.item = replace(e.item, kind=kind)
        e.status, e.reason, e.pass_no = status, reason, self.pass_no
        self._inflight.discard(item.canonical_url)

    def seen(self, canonical_url: str) -> bool:
        return canonical_url in self.entries

    def validators(self, canonical_url: str) -> tuple[str, str]:
        e = self.entries.get(canonical_url)
        return (e.etag, e.last_modified) if e else ("", "")

    def store_page(self, item: FrontierItem, page: FetchedPage, rejected: str = "") -> None:
        self.pages[item.canonical_url] = page
        if rejected:
            self.rejected_pages[item.canonical_url] = rejected
        e = self.entries.get(item.canonical_url)
        if e is not None:
            e.fetched = True
            e.etag, e.last_modified = page.etag, page.last_modified

    def stored_page(self, canonical_url: str) -> FetchedPage | None:
        return self.pages.get(canonical_url)

    def store_article(self, article: Article) -> str:
        if article.canonical_url in self.articles:
            return f"already stored: {article.canonical_url}"
        other = self.hashes.get(article.content_hash)
        if other:
            return f"same text as {other}"
        self.articles[article.canonical_url] = article
        self.hashes[article.content_hash] = article.canonical_url
        return ""

    def requeue_failed(self) -> int:
        n = 0
        for e in self.entries.values():
            if frontier.retryable(e.status, e.attempts):
                self._queue(e.item, e)
                n += 1
        return n

    def finish(self, stats: dict) -> None:
        self.pass_open = False
        self.finished.append(dict(stats))

    def status_of(self, canonical_url: str) -> tuple[str, str]:
        e = self.entries.get(canonical_url)
        return (e.status, e.reason) if e else ("", "")
