"""The schedule job: one tick crawls every site that is due (its schedule, or a crawl requested from
the web UI) and processes the new articles. Natural key of each crawl in a tick: (site, due time);
a crawled site's last_crawl_at moves past its due time and its request is cleared, so a second tick
at the same time crawls nothing again. `run_forever` ticks until stopped.

One scheduler however many are started: a tick runs under the leader lock (the `locks` row
"scheduler", a lease renewed by a heartbeat thread while held, on both databases); a `schedule
--once` that finds it held says who holds it and does nothing, a `run_forever` waits to take over."""
from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from .. import models as m
from ..db import Database, holder_id, release_lock, try_lock
from ..schedule import due_at, due_sites, next_due
from .config import CrawlConfig, ProcessConfig
from .crawl import CrawlError, crawl_urls
from .process import ProcessResult, process_articles
from .registry import job

log = logging.getLogger(__name__)

POLL_SECONDS = 60.0      # run_forever looks for crawls requested from the web UI at least this often
LEADER_LOCK = "scheduler"
LEADER_TTL = 120.0       # the leader's lease; its heartbeat renews it every third of that


class Leadership:
    """The scheduler's leader lock for this process: ``take()`` answers "" when held (and keeps it
    with a heartbeat thread until ``release()``), else who holds it."""

    def __init__(self, db: Database, ttl: float = LEADER_TTL):
        self.db, self.ttl, self.holder = db, ttl, holder_id()
        self._stop = threading.Event()
        self._beat: threading.Thread | None = None

    def take(self) -> str:
        other = try_lock(self.db, LEADER_LOCK, self.holder, self.ttl)
        if not other and self._beat is None:
            self._stop.clear()
            self._beat = threading.Thread(target=self._heartbeat, name="scheduler-lease", daemon=True)
            self._beat.start()
        return other

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            try:
                if try_lock(self.db, LEADER_LOCK, self.holder, self.ttl):
                    log.error("the scheduler's leader lock was taken by another process")
            except Exception:   # a database hiccup: logged, tried again at the next beat
                log.exception("renewing the scheduler's leader lock failed")

    def release(self) -> None:
        if self._beat is not None:
            self._stop.set()
            self._beat.join()
            self._beat = None
        release_lock(self.db, LEADER_LOCK, self.holder)


@contextmanager
def leadership(db: Database):
    """Hold the leader lock for the block; yields "" when held, else who holds it (nothing held)."""
    lead = Leadership(db)
    other = lead.take()
    try:
        yield other
    finally:
        if not other:
            lead.release()


@dataclass
class TickResult:
    crawled: list[tuple[str, datetime]] = field(default_factory=list)   # (site, due time) of each crawl run
    other_leader: str = ""                                              # the scheduler that held the lock
    lines: list[str] = field(default_factory=list)                      # one summary line per crawled site
    processed: ProcessResult | None = None

    @property
    def due(self) -> int:
        return len(self.crawled)


@job("schedule-tick", key=lambda now=None, **_ignored: ("tick", now))
def schedule_tick(db: Database, *, now: datetime | None = None, crawl: CrawlConfig | None = None,
                  process: ProcessConfig | None = None, echo: Callable[[str], None] | None = None) -> TickResult:
    """Crawl every site due at ``now`` once, then process the new articles; under the leader lock
    (when another scheduler holds it, nothing is done and the result names it)."""
    echo = echo or log.info
    with leadership(db) as other:
        if other:
            line = f"another scheduler is running ({other}); this one does nothing"
            echo(line)
            return TickResult(lines=[line], other_leader=other)
        return _tick(db, now=now, crawl=crawl, process=process, echo=echo)


def _tick(db: Database, *, now: datetime | None, crawl: CrawlConfig | None, process: ProcessConfig | None,
          echo: Callable[[str], None]) -> TickResult:
    now = now or datetime.utcnow()
    res = TickResult()
    for site in due_sites(db, now):
        due, started = due_at(site), datetime.utcnow()
        try:
            summaries = crawl_urls(db, [site.base_url], config=crawl, delay=site.delay, max_pages=site.max_pages)
        except CrawlError as exc:    # a target refused (e.g. a private address): said, the others still run
            summaries = []
            res.lines.append(f"{site.name}: not crawled: {exc}")
            echo(res.lines[-1])
        for summary in summaries:
            res.lines.append(summary.line())
            echo(summary.line())
        with db.session() as s:
            row = s.get(m.Site, site.id)
            row.last_crawl_at = datetime.utcnow()
            if row.crawl_requested_at is not None and row.crawl_requested_at <= started:
                row.crawl_requested_at = None     # a request made while this crawl ran stays queued
        res.crawled.append((site.name, due))
    if res.crawled:
        res.processed = process_articles(db, config=process)
        echo(f"processed {res.processed.processed} new articles; {res.processed.failed} failed")
    return res


def run_forever(db: Database, *, crawl: CrawlConfig | None = None, process: ProcessConfig | None = None,
                echo: Callable[[str], None] = print, sleep=time.sleep, max_cycles: int | None = None) -> None:
    """Tick, then sleep until the next site is due (waking at least every POLL_SECONDS for crawls
    requested from the web UI); returns when no site is scheduled or queued."""
    cycles = 0
    announced = None
    lead = Leadership(db)
    waiting = ""
    try:
        while max_cycles is None or cycles < max_cycles:
            other = lead.take()
            if other:       # a standby scheduler: takes over when the leader's lease runs out
                if other.split(" until ")[0] != waiting:
                    echo(f"another scheduler is running ({other}); waiting to take over")
                    waiting = other.split(" until ")[0]
                cycles += 1
                sleep(POLL_SECONDS)
                continue
            waiting = ""
            nxt_line = _forever_cycle(db, crawl, process, echo, sleep, announced)
            cycles += 1
            if nxt_line is None:
                return
            announced = nxt_line
    finally:
        lead.release()


def _forever_cycle(db, crawl, process, echo, sleep, announced):
    """One tick of run_forever and its sleep; the next due time, or None when nothing is scheduled."""
    _tick(db, now=None, crawl=crawl, process=process, echo=echo)
    now = datetime.utcnow()
    nxt = next_due(db, now)
    if nxt is None:
        echo("no scheduled sites; add one with `partyfacts site add URL --every 6h`")
        return None
    if nxt != announced:
        echo(f"next crawl at {nxt:%Y-%m-%d %H:%M} UTC")
    sleep(min(POLL_SECONDS, max(5.0, (nxt - now).total_seconds())))
    return nxt
