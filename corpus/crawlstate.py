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

Several crawlers of one site (processes, workers on other machines) share its run and frontier: each
`pop` claims one pending URL (status "claimed", claimed_by, lease_until: PostgreSQL `SELECT … FOR
UPDATE SKIP LOCKED`, then an UPDATE that only takes a row still pending, on both databases), so no
page is fetched twice; a crawler that finds nothing pending waits while others hold live claims
(their pages may queue more links). A claim's lease is short (``lease``, CLAIM_LEASE = 30 s by
default) and renewed by the crawler's heartbeat (one thread per crawl session, renewing all its claims
every third of the lease) while it lives, so a slow page never loses its claim and the claims of a
crawler that died are queued again within one lease. Frontier rows, raw pages and articles are inserted with ON CONFLICT DO NOTHING, the
run's counters are incremented in SQL, and `begin` and `store_article` lock the site's row, so two
crawlers starting at once share one run and a text is stored once per site.
"""
from __future__ import annotations

import gzip
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update

from partyfacts.nlp.text import fold
from partyfacts.scraper import frontier
from partyfacts.scraper.crawl import CrawlStats, crawl, reason_key
from partyfacts.scraper.fetch import DEFAULT_DELAY, FetchConfig, FetchedPage, Fetcher
from partyfacts.scraper.state import FrontierItem
from partyfacts.scraper.types import Article
from partyfacts.scraper.urls import canonical_url, host_of

from . import models as m
from .db import CLAIM_LEASE, Database, Heartbeat, holder_id, insert_for, open_db
from .pipeline import published_fields, site_row, store_raw_page
from .politeness import shared_politeness
from .store import article_text

MAX_ERROR_LINES = 50
CLAIMED = "claimed"          # a pending URL a crawler has taken (frontier.claimed_by, lease_until)
WAIT_SECONDS = 0.2           # how often a crawler with nothing pending looks again while others work


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class DbCrawlState:
    """CrawlState for one site in the database (one instance per site and crawl process)."""

    def __init__(self, db: Database, site_name: str, *, base_url: str = "", lease: float = CLAIM_LEASE):
        if not lease > 0:
            raise ValueError(f"a claim lease must be a positive number of seconds, not {lease!r}")
        self.db = db
        self.lease = lease
        self.session = db.sessionmaker()
        site = site_row(self.session, site_name, base_url)
        self.site_id = site.id
        self.session.commit()
        self.run_id: int | None = None
        self.new_article_ids: list[int] = []     # articles stored by this process, for processing afterwards
        self.holder = f"{holder_id()}:{uuid.uuid4().hex[:8]}"[:128]   # this crawler, in frontier.claimed_by
        self.sleep = time.sleep
        self._raw_ids: dict[str, int] = {}
        self._asked: set[str] = set()
        self._locked = False
        self.heartbeat = Heartbeat(self.renew_claims, every=lease / 3, name=f"crawl-claims-{site_name}"[:60])

    # -- helpers ----------------------------------------------------------------------------------
    def _entry(self, canonical_url: str) -> m.FrontierEntry | None:
        # as stored now (other crawlers change rows): never the session's cached copy
        return self.session.execute(select(m.FrontierEntry).where(
            m.FrontierEntry.site_id == self.site_id, m.FrontierEntry.canonical_url == canonical_url)
            .execution_options(populate_existing=True)).scalar_one_or_none()

    def _run(self, lock: bool = False) -> m.CrawlRun:
        """The run as stored now; ``lock``: for a read-modify-write of its JSON columns (PostgreSQL
        row lock; on SQLite the transaction already holds the write lock when called after a write)."""
        q = select(m.CrawlRun).where(m.CrawlRun.id == self.run_id).execution_options(populate_existing=True)
        return self.session.execute(q.with_for_update() if lock else q).scalar_one_or_none()

    def _bump(self, **counts: int) -> None:
        """Add to the run's counters in SQL (several crawlers count into one run)."""
        c = m.CrawlRun
        self.session.execute(update(c).where(c.id == self.run_id).values(
            **{k: getattr(c, k) + v for k, v in counts.items()}))

    def _lock_site(self) -> None:
        """Lock the site's row until this transaction ends (PostgreSQL row lock, SQLite write lock).
        Every writing transaction of a crawler takes it first, so the crawlers of one site write one
        after another (fetching stays parallel) and never deadlock on each other's frontier rows."""
        if not self._locked:
            self.session.execute(update(m.Site).where(m.Site.id == self.site_id).values(name=m.Site.name))
            self._locked = True

    def _rules_view(self, e: m.FrontierEntry | None) -> frontier.Entry | None:
        if e is None:
            return None
        status = frontier.PENDING if e.status == CLAIMED else e.status    # claimed: queued, being fetched
        return frontier.Entry(status, e.kind, e.attempts or 0, this_pass=e.run_id == self.run_id)

    def _queue(self, item: FrontierItem, e: m.FrontierEntry | None) -> bool:
        """Queue the item: insert it (ON CONFLICT DO NOTHING), or put a handled entry back to pending
        if it is still as read (another crawler may have queued or handled it meanwhile). True when
        this crawler queued it."""
        f = m.FrontierEntry
        if e is None:
            new = self.session.execute(insert_for(self.session, f).values(
                site_id=self.site_id, url=item.url[:2048], canonical_url=item.canonical_url[:2048], kind=item.kind,
                depth=item.depth, status=frontier.PENDING, priority=frontier.priority(item.kind), run_id=self.run_id)
                .on_conflict_do_nothing(index_elements=["site_id", "canonical_url"]).returning(f.id)).first()
            return new is not None
        kind = frontier.kind_when_queued(e.kind, item.kind)
        same = (f.run_id.is_(None) if e.run_id is None else f.run_id == e.run_id)
        done = self.session.execute(update(f).where(f.id == e.id, f.status == e.status, same).values(
            kind=kind, status=frontier.PENDING, priority=frontier.priority(kind), run_id=self.run_id,
            claimed_by="", lease_until=None))
        return done.rowcount == 1

    def _commit(self) -> None:
        self.session.commit()
        self._locked = False

    # -- CrawlState -------------------------------------------------------------------------------
    def begin(self, start: list[FrontierItem]) -> None:
        self._lock_site()   # crawlers of the site starting at once: one creates the run, the others join it
        run = self.session.execute(select(m.CrawlRun).where(
            m.CrawlRun.site_id == self.site_id, m.CrawlRun.status.in_(("running", "interrupted")))
            .order_by(m.CrawlRun.id.desc()).limit(1).execution_options(populate_existing=True)).scalar_one_or_none()
        f = m.FrontierEntry
        # joining a run other crawlers are working on (they hold live claims), not resuming a stopped one
        joined = run is not None and run.status == "running" and self.session.execute(select(f.id).where(
            f.site_id == self.site_id, f.status == CLAIMED, f.lease_until >= _utcnow()).limit(1)).first() is not None
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
        self._asked.clear()
        self._reclaim_expired()
        for item in start:
            e = self._entry(item.canonical_url)
            if joined and e is not None and e.run_id == self.run_id:
                continue        # a live run's start page another crawler has queued or read already
            if frontier.queue_on_begin(self._rules_view(e)):
                self._queue(item, e)
        self._commit()
        self.heartbeat.start()

    def renew_claims(self) -> int:
        """Extend the lease of every URL this crawler holds (the heartbeat's beat; its own connection
        and transaction, behind the site lock like every crawler write). Returns the claims renewed."""
        f = m.FrontierEntry
        with self.db.engine.begin() as conn:
            conn.execute(update(m.Site).where(m.Site.id == self.site_id).values(name=m.Site.name))
            return conn.execute(update(f).where(f.site_id == self.site_id, f.status == CLAIMED,
                                                f.claimed_by == self.holder)
                                .values(lease_until=_utcnow() + timedelta(seconds=self.lease))).rowcount

    def _reclaim_expired(self) -> int:
        """Queue again the claims whose lease ran out (their crawler died or hung)."""
        f = m.FrontierEntry
        return self.session.execute(update(f).where(
            f.site_id == self.site_id, f.status == CLAIMED, f.lease_until < _utcnow())
            .values(status=frontier.PENDING, claimed_by="", lease_until=None)).rowcount

    def add(self, item: FrontierItem) -> bool:
        # after the first add of a URL in a run, every later add of it in the run answers False
        if item.canonical_url in self._asked:
            return False
        self._asked.add(item.canonical_url)
        self._lock_site()
        e = self._entry(item.canonical_url)
        if not frontier.queue_on_add(self._rules_view(e)):
            return False
        return self._queue(item, e)

    def pop(self) -> FrontierItem | None:
        """Claim the next pending URL of the site for this crawler; None when nothing is pending and
        no other crawler holds a live claim (while one does, its page may queue more: wait)."""
        f = m.FrontierEntry
        while True:
            self._commit()      # the links queued so far become visible to the other crawlers
            q = (select(f.id).where(f.site_id == self.site_id, f.status == frontier.PENDING)
                 .order_by(f.priority, f.id).limit(1))
            if self.session.get_bind().dialect.name == "postgresql":
                q = q.with_for_update(skip_locked=True)
            eid = self.session.execute(q).scalar_one_or_none()
            if eid is not None:
                now = _utcnow()
                took = self.session.execute(update(f).where(f.id == eid, f.status == frontier.PENDING).values(
                    status=CLAIMED, claimed_by=self.holder, lease_until=now + timedelta(seconds=self.lease)))
                if took.rowcount != 1:
                    continue    # another crawler claimed it between the two statements (SQLite)
                e = self.session.execute(select(f).where(f.id == eid)
                                         .execution_options(populate_existing=True)).scalar_one()
                self._commit()
                return FrontierItem(e.url, e.canonical_url, e.kind, e.depth, fetched_before=e.fetched_at is not None)
            if self._reclaim_expired():
                continue
            others = self.session.execute(select(f.id).where(
                f.site_id == self.site_id, f.status == CLAIMED, f.claimed_by != self.holder).limit(1)).first()
            if others is None:
                self._commit()
                return None
            self._commit()
            self.sleep(WAIT_SECONDS)

    def mark_done(self, item: FrontierItem, status: str, reason: str = "") -> None:
        frontier.check_status(status)
        self._lock_site()
        e = self._entry(item.canonical_url)
        if e is None:
            self._queue(item, None)
            self.session.flush()
            e = self._entry(item.canonical_url)
        e.kind, e.attempts = frontier.after_done(e.kind, status, e.attempts or 0)
        e.status, e.reason, e.run_id = status, reason[:255], self.run_id
        e.claimed_by, e.lease_until = "", None
        self.session.flush()
        if status in ("failed", "gone", "rejected", "disallowed", "duplicate"):
            run = self._run(lock=True)
        if status in ("failed", "gone"):
            run.errors = (run.errors or 0) + 1
            lines = (run.error_log or "").splitlines()[-(MAX_ERROR_LINES - 1):]
            run.error_log = "\n".join(lines + [f"{item.url}: {reason}"])
        elif status in ("rejected", "disallowed", "duplicate"):
            rejected = Counter(json.loads(run.rejected or "{}"))
            rejected[reason_key(reason) if status == "rejected" else status] += 1
            run.rejected = json.dumps(dict(rejected), ensure_ascii=False)
        elif status == "not_modified":
            self._bump(pages_not_modified=1)
        self._commit()

    def seen(self, canonical_url: str) -> bool:
        return self._entry(canonical_url) is not None

    def validators(self, canonical_url: str) -> tuple[str, str]:
        e = self._entry(canonical_url)
        return (e.etag or "", e.last_modified or "") if e else ("", "")

    def store_page(self, item: FrontierItem, page: FetchedPage, rejected: str = "") -> None:
        # a rejected page arrives as its links record (no body): archived as such, a few hundred bytes
        self._lock_site()
        row = store_raw_page(self.session, self.site_id, page.final_url, page.content, page.content_type,
                             status=page.status, headers=json.dumps(page.headers, ensure_ascii=False),
                             run_id=self.run_id, canonical_url=item.canonical_url,
                             fetched_at=page.fetched_at.astimezone(timezone.utc).replace(tzinfo=None))
        self._raw_ids[item.canonical_url] = row.id
        e = self._entry(item.canonical_url)
        if e is not None:
            e.etag, e.last_modified = page.etag[:255], page.last_modified[:64]
            e.fetched_at = _utcnow()
        self._bump(pages_fetched=1)

    def stored_page(self, canonical_url: str) -> FetchedPage | None:
        row = self.session.execute(select(m.RawPage).where(
            m.RawPage.site_id == self.site_id, m.RawPage.canonical_url == canonical_url)
            .order_by(m.RawPage.id.desc()).limit(1)).scalar_one_or_none()
        if row is None:
            return None
        return FetchedPage(row.url, row.url, row.http_status, json.loads(row.headers or "{}"),
                           gzip.decompress(row.html_gz), row.fetched_at.replace(tzinfo=timezone.utc))

    def store_article(self, article: Article) -> str:
        self._lock_site()   # the same text from two URLs of the site at once: stored once
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
        text, fields = article_text(article)    # every part that carries facts, with their offsets
        fetched = article.fetched_at.astimezone(timezone.utc).replace(tzinfo=None) if article.fetched_at else _utcnow()
        row = m.Article(site_id=self.site_id, url=article.url[:2048], canonical_url=article.canonical_url[:2048],
                        title=article.title, title_folded=fold(article.title), published=pub_iso,
                        published_date=pub_date, author=article.author[:255], source=article.source[:255],
                        text=text, fields=fields, content_hash=article.content_hash, profile=article.profile,
                        raw_page_id=self._raw_ids.get(article.canonical_url), fetched_at=fetched,
                        syndicated_of_id=elsewhere[0] if elsewhere else None,
                        similarity=1.0 if elsewhere else None)
        values = {c.key: getattr(row, c.key) for c in m.Article.__table__.columns
                  if c.key != "id" and getattr(row, c.key) is not None}
        new = self.session.execute(insert_for(self.session, m.Article).values(**values)
                                   .on_conflict_do_nothing(index_elements=["canonical_url"])
                                   .returning(m.Article.id)).first()
        if new is None:   # another crawler stored it a moment ago
            return f"already stored: {article.canonical_url}"
        self._bump(new_articles=1)
        self.new_article_ids.append(new[0])
        self._commit()
        return ""

    def requeue_failed(self) -> int:
        self._lock_site()
        rows = self.session.execute(select(m.FrontierEntry).where(
            m.FrontierEntry.site_id == self.site_id, m.FrontierEntry.status.in_(frontier.RETRIED))).scalars().all()
        rows = [e for e in rows if frontier.retryable(e.status, e.attempts or 0)]
        f = m.FrontierEntry
        queued = 0
        for e in rows:   # only if still as read: another crawler may have retried it already
            queued += self.session.execute(update(f).where(f.id == e.id, f.status == e.status).values(
                status=frontier.PENDING, run_id=self.run_id)).rowcount
        self._commit()
        return queued

    def finish(self, stats: dict) -> None:
        self._close("done", stats)

    # -- beyond the protocol ----------------------------------------------------------------------
    def suspend(self, stats: dict | None = None) -> None:
        """The run stopped early (--max-pages, the page budget, Ctrl-C): record it and why; the next crawl
        of the site resumes it."""
        self._close("interrupted", stats)

    def _close(self, status: str, stats: dict | None = None) -> None:
        self.heartbeat.stop()     # before the claims are given back (no beat renews them afterwards)
        if self.run_id is None:
            return
        self._lock_site()
        f = m.FrontierEntry
        # claims this crawler leaves (a page budget spent, a stop): queued again for the next crawl
        self.session.execute(update(f).where(f.site_id == self.site_id, f.status == CLAIMED,
                                             f.claimed_by == self.holder)
                             .values(status=frontier.PENDING, claimed_by="", lease_until=None))
        self.session.flush()
        run = self._run(lock=True)
        if run is None:
            return
        if stats and (stats.get("skipped") or stats.get("stopped") or stats.get("profile_notes")
                      or stats.get("site_notes")):
            # links not followed (traps, depth, budgets), why the run stopped, and the selectors profile
            # learning disabled / the doors of JavaScript-paginated listings, beside the rejections
            rejected = Counter(json.loads(run.rejected or "{}"))
            for reason, n in (stats.get("skipped") or {}).items():
                rejected[f"not fetched: {reason}"] += n
            if stats.get("stopped"):
                rejected[f"stopped: {stats['stopped']}"] += 1
            for note in (stats.get("profile_notes") or []):
                rejected[f"profile: {note}"[:500]] = 1
            for note in (stats.get("site_notes") or []):
                rejected[f"note: {note}"[:500]] = 1
            run.rejected = json.dumps(dict(rejected), ensure_ascii=False)
        run.status = status
        run.finished_at = _utcnow()
        site = self.session.get(m.Site, self.site_id)
        site.last_crawl_at = run.finished_at
        self._commit()

    def close(self) -> None:
        self.heartbeat.stop()
        self.session.close()


@dataclass
class SiteCrawl:
    """One host's crawl in a `crawl_sites` call."""
    site: str
    stats: CrawlStats
    run_id: int | None
    new_article_ids: list[int]
    run_fetched: int = 0     # pages fetched (or not modified) by every crawler of the run, this one's included


def crawl_sites(db: Database, urls: list[str], *, delay: float | None = None, max_pages: int | None = None,
                progress: bool | None = None, contact: str | None = None, profile_dirs=(),
                lease: float = CLAIM_LEASE, allow_private: bool = True) -> list[SiteCrawl]:
    """Crawl start URLs grouped by host, each host with its own DbCrawlState (resuming its unfinished
    run). A run stopped by max_pages or Ctrl-C is recorded as interrupted and resumed next time.
    ``lease``: seconds a claimed URL stays this crawler's without a heartbeat. Raises ValueError for a
    URL that is not http(s). ``allow_private=False`` makes every fetch re-check that the host is not
    loopback/private/link-local (the crawl job passes the allow_private_targets setting; the start URLs
    were checked before)."""
    by_host: dict[str, list[str]] = {}
    for u in urls:
        canonical_url(u)  # raises ValueError with the URL for anything but http(s)
        by_host.setdefault(host_of(u), []).append(u)
    out = []
    for host, host_urls in by_host.items():
        state = DbCrawlState(db, host, base_url=host_urls[0], lease=lease)
        cfg = FetchConfig(delay=DEFAULT_DELAY if delay is None else delay, contact=contact,
                          refuse_private=not allow_private)
        try:
            stats = crawl(host_urls, state, fetcher=Fetcher(cfg, politeness=shared_politeness(db)), max_pages=max_pages, progress=progress,
                          profile_dirs=profile_dirs)
        except BaseException:
            state.session.rollback()
            state._locked = False
            state.suspend()
            state.close()
            raise
        if stats.stopped:
            state.suspend(stats.as_dict())
        run = state._run() if state.run_id is not None else None
        fetched = (run.pages_fetched or 0) + (run.pages_not_modified or 0) if run is not None else 0
        state.session.commit()
        out.append(SiteCrawl(host, stats, state.run_id, list(state.new_article_ids), fetched))
        state.close()
    return out


def open_crawl_state(db: str | Database | None, start_url: str, *, site_name: str | None = None) -> DbCrawlState:
    """A DbCrawlState for the site of `start_url` (named by its host unless `site_name` is given)."""
    database = db if isinstance(db, Database) else open_db(db)
    return DbCrawlState(database, site_name or host_of(start_url), base_url=start_url)
