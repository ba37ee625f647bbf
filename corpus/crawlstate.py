"""The crawler's memory in the database: `DbCrawlState` implements scraper.state.CrawlState on the
tables frontier, raw_pages, articles and crawl_runs (SQLAlchemy; SQLite and PostgreSQL).

Each page's outcome is committed when the crawler marks it done (with the links it queued, its raw
copy and its article), so a SIGKILL loses at most the page in flight, which a restart fetches again;
articles are unique by canonical URL and by content hash within a site, so nothing is stored twice.
A crawl run that did not finish (killed, or stopped at --max-pages) is resumed by the next crawl of
the site; a finished one makes the next crawl a new pass that revisits listings, not articles.

    state = DbCrawlState(db, "vinhphuc.gov.vn", base_url="https://vinhphuc.gov.vn/")
    stats = scraper.crawl(urls, state, delay=1.0, max_pages=500)
    if stats.stopped:
        state.suspend(stats.as_dict())
"""
from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from partyfacts.nlp.text import fold
from partyfacts.scraper import frontier
from partyfacts.scraper.crawl import CrawlStats, crawl, reason_key
from partyfacts.scraper.fetch import DEFAULT_DELAY, FetchConfig, FetchedPage, Fetcher
from partyfacts.scraper.state import FrontierItem
from partyfacts.scraper.types import Article
from partyfacts.scraper.urls import canonical_url, host_of

from . import models as m
from .db import Database, open_db
from .pipeline import published_fields, site_row, store_raw_page
from .politeness import shared_politeness

MAX_ERROR_LINES = 50


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class DbCrawlState:
    """CrawlState for one site in the database (one instance per site and crawl process)."""

    def __init__(self, db: Database, site_name: str, *, base_url: str = ""):
        self.db = db
        self.session = db.sessionmaker()
        site = site_row(self.session, site_name, base_url)
        self.site_id = site.id
        self.session.commit()
        self.run_id: int | None = None
        self.new_article_ids: list[int] = []     # articles stored by this process, for processing afterwards
        self._inflight: set[int] = set()
        self._raw_ids: dict[str, int] = {}
        self._asked: set[str] = set()

    # -- helpers ----------------------------------------------------------------------------------
    def _entry(self, canonical_url: str) -> m.FrontierEntry | None:
        return self.session.execute(select(m.FrontierEntry).where(
            m.FrontierEntry.site_id == self.site_id, m.FrontierEntry.canonical_url == canonical_url)).scalar_one_or_none()

    def _run(self) -> m.CrawlRun:
        return self.session.get(m.CrawlRun, self.run_id)

    def _rules_view(self, e: m.FrontierEntry | None) -> frontier.Entry | None:
        if e is None:
            return None
        return frontier.Entry(e.status, e.kind, e.attempts or 0, this_pass=e.run_id == self.run_id)

    def _queue(self, item: FrontierItem, e: m.FrontierEntry | None) -> None:
        if e is None:
            e = m.FrontierEntry(site_id=self.site_id, url=item.url[:2048], canonical_url=item.canonical_url[:2048],
                                kind=item.kind, depth=item.depth)
            self.session.add(e)
        else:
            e.kind = frontier.kind_when_queued(e.kind, item.kind)
        e.status, e.priority, e.run_id = frontier.PENDING, frontier.priority(e.kind), self.run_id

    def _commit(self) -> None:
        self.session.commit()

    # -- CrawlState -------------------------------------------------------------------------------
    def begin(self, start: list[FrontierItem]) -> None:
        run = self.session.execute(select(m.CrawlRun).where(
            m.CrawlRun.site_id == self.site_id, m.CrawlRun.status.in_(("running", "interrupted")))
            .order_by(m.CrawlRun.id.desc()).limit(1)).scalar_one_or_none()
        urls = [s.url for s in start]
        if run is None:
            run = m.CrawlRun(site_id=self.site_id, status="running", start_urls=json.dumps(urls),
                             started_at=_utcnow())
            self.session.add(run)
            self.session.flush()
        else:
            run.status = "running"
            known = json.loads(run.start_urls or "[]")
            run.start_urls = json.dumps(known + [u for u in urls if u not in known])
        self.run_id = run.id
        self._inflight.clear()
        self._asked.clear()
        for item in start:
            e = self._entry(item.canonical_url)
            if frontier.queue_on_begin(self._rules_view(e)):
                self._queue(item, e)
        self._commit()

    def add(self, item: FrontierItem) -> bool:
        # after the first add of a URL in a run, every later add of it in the run answers False
        if item.canonical_url in self._asked:
            return False
        self._asked.add(item.canonical_url)
        e = self._entry(item.canonical_url)
        if not frontier.queue_on_add(self._rules_view(e)):
            return False
        self._queue(item, e)
        return True

    def pop(self) -> FrontierItem | None:
        q = (select(m.FrontierEntry).where(m.FrontierEntry.site_id == self.site_id,
                                           m.FrontierEntry.status == frontier.PENDING)
             .order_by(m.FrontierEntry.priority, m.FrontierEntry.id).limit(1))
        if self._inflight:
            q = q.where(m.FrontierEntry.id.not_in(self._inflight))
        e = self.session.execute(q).scalar_one_or_none()
        if e is None:
            return None
        self._inflight.add(e.id)
        return FrontierItem(e.url, e.canonical_url, e.kind, e.depth, fetched_before=e.fetched_at is not None)

    def mark_done(self, item: FrontierItem, status: str, reason: str = "") -> None:
        frontier.check_status(status)
        e = self._entry(item.canonical_url)
        if e is None:
            self._queue(item, None)
            self.session.flush()
            e = self._entry(item.canonical_url)
        e.kind, e.attempts = frontier.after_done(e.kind, status, e.attempts or 0)
        e.status, e.reason, e.run_id = status, reason[:255], self.run_id
        run = self._run()
        if status in ("failed", "gone"):
            run.errors = (run.errors or 0) + 1
            lines = (run.error_log or "").splitlines()[-(MAX_ERROR_LINES - 1):]
            run.error_log = "\n".join(lines + [f"{item.url}: {reason}"])
        elif status in ("rejected", "disallowed", "duplicate"):
            rejected = Counter(json.loads(run.rejected or "{}"))
            rejected[reason_key(reason) if status == "rejected" else status] += 1
            run.rejected = json.dumps(dict(rejected), ensure_ascii=False)
        elif status == "not_modified":
            run.pages_not_modified = (run.pages_not_modified or 0) + 1
        self._inflight.discard(e.id)
        self._commit()

    def seen(self, canonical_url: str) -> bool:
        return self._entry(canonical_url) is not None

    def validators(self, canonical_url: str) -> tuple[str, str]:
        e = self._entry(canonical_url)
        return (e.etag or "", e.last_modified or "") if e else ("", "")

    def store_page(self, item: FrontierItem, page: FetchedPage, rejected: str = "") -> None:
        # a rejected page arrives as its links record (no body): archived as such, a few hundred bytes
        row = store_raw_page(self.session, self.site_id, page.final_url, page.content, page.content_type,
                             status=page.status, headers=json.dumps(page.headers, ensure_ascii=False),
                             run_id=self.run_id, canonical_url=item.canonical_url,
                             fetched_at=page.fetched_at.astimezone(timezone.utc).replace(tzinfo=None))
        self._raw_ids[item.canonical_url] = row.id
        e = self._entry(item.canonical_url)
        if e is not None:
            e.etag, e.last_modified = page.etag[:255], page.last_modified[:64]
            e.fetched_at = _utcnow()
        run = self._run()
        run.pages_fetched = (run.pages_fetched or 0) + 1

    def stored_page(self, canonical_url: str) -> FetchedPage | None:
        row = self.session.execute(select(m.RawPage).where(
            m.RawPage.site_id == self.site_id, m.RawPage.canonical_url == canonical_url)
            .order_by(m.RawPage.id.desc()).limit(1)).scalar_one_or_none()
        if row is None:
            return None
        return FetchedPage(row.url, row.url, row.http_status, json.loads(row.headers or "{}"),
                           gzip.decompress(row.html_gz), row.fetched_at.replace(tzinfo=timezone.utc))

    def store_article(self, article: Article) -> str:
        same_url = self.session.execute(select(m.Article.id).where(
            m.Article.canonical_url == article.canonical_url)).first()
        if same_url:
            return f"already stored: {article.canonical_url}"
        same_text = self.session.execute(select(m.Article.canonical_url).where(
            m.Article.site_id == self.site_id, m.Article.content_hash == article.content_hash).limit(1)).first()
        if same_text:
            return f"same text as {same_text[0]}"
        elsewhere = self.session.execute(select(m.Article.id).where(
            m.Article.content_hash == article.content_hash, m.Article.syndicated_of_id.is_(None))
            .order_by(m.Article.id).limit(1)).first()
        pub_iso, pub_date = published_fields(article.published)
        fetched = article.fetched_at.astimezone(timezone.utc).replace(tzinfo=None) if article.fetched_at else _utcnow()
        row = m.Article(site_id=self.site_id, url=article.url[:2048], canonical_url=article.canonical_url[:2048],
                        title=article.title, title_folded=fold(article.title), published=pub_iso,
                        published_date=pub_date, author=article.author[:255], source=article.source[:255],
                        text=article.text, content_hash=article.content_hash, profile=article.profile,
                        raw_page_id=self._raw_ids.get(article.canonical_url), fetched_at=fetched,
                        syndicated_of_id=elsewhere[0] if elsewhere else None,
                        similarity=1.0 if elsewhere else None)
        self.session.add(row)
        try:
            self.session.flush()
        except IntegrityError:  # another worker stored it a moment ago
            self.session.rollback()
            return f"already stored: {article.canonical_url}"
        run = self._run()
        run.new_articles = (run.new_articles or 0) + 1
        self.new_article_ids.append(row.id)
        self._commit()
        return ""

    def requeue_failed(self) -> int:
        rows = self.session.execute(select(m.FrontierEntry).where(
            m.FrontierEntry.site_id == self.site_id, m.FrontierEntry.status.in_(frontier.RETRIED))).scalars().all()
        rows = [e for e in rows if frontier.retryable(e.status, e.attempts or 0)]
        for e in rows:
            e.status, e.run_id = frontier.PENDING, self.run_id
        self._commit()
        return len(rows)

    def finish(self, stats: dict) -> None:
        self._close("done", stats)

    # -- beyond the protocol ----------------------------------------------------------------------
    def suspend(self, stats: dict | None = None) -> None:
        """The run stopped early (--max-pages, the page budget, Ctrl-C): record it and why; the next crawl
        of the site resumes it."""
        self._close("interrupted", stats)

    def _close(self, status: str, stats: dict | None = None) -> None:
        run = self._run()
        if run is None:
            return
        if stats and (stats.get("skipped") or stats.get("stopped")):
            # links not followed (traps, depth, budgets) and why the run stopped, beside the rejections
            rejected = Counter(json.loads(run.rejected or "{}"))
            for reason, n in (stats.get("skipped") or {}).items():
                rejected[f"not fetched: {reason}"] += n
            if stats.get("stopped"):
                rejected[f"stopped: {stats['stopped']}"] += 1
            run.rejected = json.dumps(dict(rejected), ensure_ascii=False)
        run.status = status
        run.finished_at = _utcnow()
        site = self.session.get(m.Site, self.site_id)
        site.last_crawl_at = run.finished_at
        self._commit()

    def close(self) -> None:
        self.session.close()


@dataclass
class SiteCrawl:
    """One host's crawl in a `crawl_sites` call."""
    site: str
    stats: CrawlStats
    run_id: int | None
    new_article_ids: list[int]


def crawl_sites(db: Database, urls: list[str], *, delay: float | None = None, max_pages: int | None = None,
                progress: bool | None = None, contact: str | None = None, profile_dirs=()) -> list[SiteCrawl]:
    """Crawl start URLs grouped by host, each host with its own DbCrawlState (resuming its unfinished
    run). A run stopped by max_pages or Ctrl-C is recorded as interrupted and resumed next time.
    Raises ValueError for a URL that is not http(s)."""
    by_host: dict[str, list[str]] = {}
    for u in urls:
        canonical_url(u)  # raises ValueError with the URL for anything but http(s)
        by_host.setdefault(host_of(u), []).append(u)
    out = []
    for host, host_urls in by_host.items():
        state = DbCrawlState(db, host, base_url=host_urls[0])
        cfg = FetchConfig(delay=DEFAULT_DELAY if delay is None else delay, contact=contact)
        try:
            stats = crawl(host_urls, state, fetcher=Fetcher(cfg, politeness=shared_politeness(db)), max_pages=max_pages, progress=progress,
                          profile_dirs=profile_dirs)
        except BaseException:
            state.session.rollback()
            state.suspend()
            state.close()
            raise
        if stats.stopped:
            state.suspend(stats.as_dict())
        out.append(SiteCrawl(host, stats, state.run_id, list(state.new_article_ids)))
        state.close()
    return out


def open_crawl_state(db: str | Database | None, start_url: str, *, site_name: str | None = None) -> DbCrawlState:
    """A DbCrawlState for the site of `start_url` (named by its host unless `site_name` is given)."""
    database = db if isinstance(db, Database) else open_db(db)
    return DbCrawlState(database, site_name or host_of(start_url), base_url=start_url)
