"""Site schedules: "every 6h" intervals or cron expressions, a sites file, when each site is due
(its schedule, or a crawl requested from the web UI). The loop that runs what is due is the
schedule job, corpus.jobs.schedule."""
from __future__ import annotations

import logging
import re
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


def due_at(site: m.Site) -> datetime | None:
    """When the site's next crawl is due: its pending crawl request, or its schedule's next run after
    the last crawl (a scheduled site never crawled is due at once: datetime.min); None = not scheduled."""
    times = []
    if site.crawl_requested_at is not None:
        times.append(site.crawl_requested_at)
    if site.enabled and site.schedule:
        last = site.last_crawl_at
        times.append(parse_schedule(site.schedule)(last) if last is not None else datetime.min)
    return min(times) if times else None


def _candidates(db: Database) -> list[m.Site]:
    with db.session() as s:
        return s.execute(select(m.Site).where(
            (m.Site.enabled.is_(True) & (m.Site.schedule != "")) | m.Site.crawl_requested_at.is_not(None))
            .order_by(m.Site.id)).scalars().all()


def due_sites(db: Database, now: datetime) -> list[m.Site]:
    """Sites whose crawl is due at ``now`` (scheduled, or requested from the web UI)."""
    return [site for site in _candidates(db) if (t := due_at(site)) is not None and t <= now]


def next_due(db: Database, now: datetime) -> datetime | None:
    times = [max(t, now) for site in _candidates(db) if (t := due_at(site)) is not None]
    return min(times) if times else None


def request_crawl(session, site: m.Site, now: datetime) -> bool:
    """Queue a crawl of ``site`` for the scheduler (natural key: the site); False when one is
    already queued, whose time is kept."""
    if site.crawl_requested_at is not None:
        return False
    site.crawl_requested_at = now
    return True


def queued_sites(session) -> list[str]:
    """Names of the sites with a crawl queued and not yet run."""
    return list(session.execute(select(m.Site.name).where(m.Site.crawl_requested_at.is_not(None))
                                .order_by(m.Site.name)).scalars())
