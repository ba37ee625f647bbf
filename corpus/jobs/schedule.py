"""The schedule job: one tick crawls every site that is due (its schedule, or a crawl requested from
the web UI) and processes the new articles. Natural key of each crawl in a tick: (site, due time);
a crawled site's last_crawl_at moves past its due time and its request is cleared, so a second tick
at the same time crawls nothing again. `run_forever` ticks until stopped."""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from .. import models as m
from ..db import Database
from ..schedule import due_at, due_sites, next_due
from .config import CrawlConfig, ProcessConfig
from .crawl import crawl_urls
from .process import ProcessResult, process_articles
from .registry import job

log = logging.getLogger(__name__)

POLL_SECONDS = 60.0      # run_forever looks for crawls requested from the web UI at least this often


@dataclass
class TickResult:
    crawled: list[tuple[str, datetime]] = field(default_factory=list)   # (site, due time) of each crawl run
    lines: list[str] = field(default_factory=list)                      # one summary line per crawled site
    processed: ProcessResult | None = None

    @property
    def due(self) -> int:
        return len(self.crawled)


@job("schedule-tick", key=lambda now=None, **_ignored: ("tick", now))
def schedule_tick(db: Database, *, now: datetime | None = None, crawl: CrawlConfig | None = None,
                  process: ProcessConfig | None = None, echo: Callable[[str], None] | None = None) -> TickResult:
    """Crawl every site due at ``now`` once, then process the new articles."""
    echo = echo or log.info
    now = now or datetime.utcnow()
    res = TickResult()
    for site in due_sites(db, now):
        due, started = due_at(site), datetime.utcnow()
        for summary in crawl_urls(db, [site.base_url], config=crawl, delay=site.delay, max_pages=site.max_pages):
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
    while max_cycles is None or cycles < max_cycles:
        schedule_tick(db, crawl=crawl, process=process, echo=echo)
        cycles += 1
        now = datetime.utcnow()
        nxt = next_due(db, now)
        if nxt is None:
            echo("no scheduled sites; add one with `partyfacts site add URL --every 6h`")
            return
        if nxt != announced:
            echo(f"next crawl at {nxt:%Y-%m-%d %H:%M} UTC")
            announced = nxt
        sleep(min(POLL_SECONDS, max(5.0, (nxt - now).total_seconds())))
