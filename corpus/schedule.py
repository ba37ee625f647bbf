"""Site schedules: "every 6h" intervals or cron expressions, a sites file, and the loop that crawls
what is due and processes the new articles."""
from __future__ import annotations

import logging
import re
import time
import tomllib
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from . import models as m
from .db import Database

log = logging.getLogger(__name__)

_EVERY = re.compile(r"^\s*every\s+(\d+(?:\.\d+)?)\s*(m|min|minutes?|h|hours?|d|days?)\s*$", re.I)


class ScheduleError(ValueError):
    """A schedule or sites file that cannot be read; the message names the value and the fix."""


def parse_schedule(expr: str) -> Callable[[datetime], datetime]:
    """A function giving the next run time after a datetime, for "every 6h" / "every 30m" / "every 1d"
    or a five-field cron expression ("0 */6 * * *")."""
    m_ = _EVERY.match(expr or "")
    if m_:
        n = float(m_.group(1))
        unit = m_.group(2)[0].lower()
        delta = timedelta(minutes=n) if unit == "m" else timedelta(hours=n) if unit == "h" else timedelta(days=n)
        if delta < timedelta(minutes=1):
            raise ScheduleError(f"schedule {expr!r} is shorter than a minute; use at least 'every 1m'")
        return lambda after: after + delta
    from croniter import croniter
    if not croniter.is_valid(expr or ""):
        raise ScheduleError(f"schedule {expr!r} is neither 'every N[m|h|d]' nor a cron expression like '0 */6 * * *'")
    return lambda after: croniter(expr, after).get_next(datetime)


@dataclass(frozen=True)
class SiteConfig:
    url: str
    schedule: str
    delay: float | None = None
    max_pages: int | None = None


def load_sites_file(path: Path) -> list[SiteConfig]:
    """Read a sites file (TOML): [[site]] url = "...", every = "6h" | cron = "0 */6 * * *", delay, max_pages."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScheduleError(f"sites file {path} does not exist; create it (see README, 'Scheduled crawls')") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ScheduleError(f"sites file {path} is not valid TOML: {exc}") from None
    out = []
    for i, s in enumerate(data.get("site", []), start=1):
        if "url" not in s:
            raise ScheduleError(f"sites file {path}: [[site]] number {i} has no url")
        sched = s.get("cron") or (f"every {s['every']}" if "every" in s else "every 6h")
        parse_schedule(sched)
        out.append(SiteConfig(url=s["url"], schedule=sched, delay=s.get("delay"),
                              max_pages=s.get("max_pages")))
    return out


def add_site(db: Database, url: str, schedule: str, *, delay: float | None = None,
             max_pages: int | None = None) -> m.Site:
    """Create or update the site of ``url`` (named by its host, as crawls file it) with a schedule."""
    parse_schedule(schedule)
    from partyfacts.scraper.urls import canonical_url, host_of
    try:
        url = canonical_url(url)
    except ValueError as exc:
        raise ScheduleError(str(exc)) from None
    site_name = host_of(url)
    with db.session() as s:
        row = s.execute(select(m.Site).where(m.Site.name == site_name)).scalar_one_or_none()
        if row is None:
            row = m.Site(name=site_name)
            s.add(row)
        row.base_url, row.schedule, row.enabled = url, schedule, True
        if delay is not None:
            row.delay = delay
        if max_pages is not None:
            row.max_pages = max_pages
        s.flush()
        return row


def due_sites(db: Database, now: datetime) -> list[m.Site]:
    with db.session() as s:
        sites = s.execute(select(m.Site).where(m.Site.enabled.is_(True), m.Site.schedule != "")).scalars().all()
    due = []
    for site in sites:
        if site.last_crawl_at is None or parse_schedule(site.schedule)(site.last_crawl_at) <= now:
            due.append(site)
    return due


def next_due(db: Database, now: datetime) -> datetime | None:
    with db.session() as s:
        sites = s.execute(select(m.Site).where(m.Site.enabled.is_(True), m.Site.schedule != "")).scalars().all()
    times = [now if st.last_crawl_at is None else parse_schedule(st.schedule)(st.last_crawl_at) for st in sites]
    return min(times) if times else None


def run_due(db: Database, now: datetime | None = None, echo: Callable[[str], None] = print) -> int:
    """Crawl every due site once and process its new articles; returns how many sites ran."""
    from .crawl import crawl_urls
    from .pipeline import process_articles
    now = now or datetime.utcnow()
    sites = due_sites(db, now)
    for site in sites:
        for summary in crawl_urls(db, [site.base_url], delay=site.delay, max_pages=site.max_pages):
            echo(summary.line())
        with db.session() as s:
            s.get(m.Site, site.id).last_crawl_at = datetime.utcnow()
    if sites:
        res = process_articles(db)
        echo(f"processed {res.processed} new articles; {res.failed} failed")
    return len(sites)


def run_forever(db: Database, echo: Callable[[str], None] = print, sleep=time.sleep, max_cycles: int | None = None) -> None:
    cycles = 0
    while max_cycles is None or cycles < max_cycles:
        run_due(db, echo=echo)
        cycles += 1
        nxt = next_due(db, datetime.utcnow())
        if nxt is None:
            echo("no scheduled sites; add one with `partyfacts site add URL --every 6h`")
            return
        wait = max(5.0, (nxt - datetime.utcnow()).total_seconds())
        echo(f"next crawl at {nxt:%Y-%m-%d %H:%M} UTC")
        sleep(wait)
