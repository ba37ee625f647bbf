"""Site schedules: "every 6h" intervals or cron expressions, a sites file, when each site is due
(its schedule, or a crawl requested from the web UI), and each site's province (given, or inferred
from its host or name). The loop that runs what is due is the schedule job, corpus.jobs.schedule."""
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


class ProvinceError(ScheduleError):
    """A site province that is not the name of a province in the gazetteer."""


def province_name(value: str) -> str:
    """The gazetteer's spelling of the province ``value`` names ("Thanh Hoá", "tỉnh Nghệ An",
    "TP.HCM", "nghe an"; provinces before and after the 2025 merger); "" stays "" (a national site
    or none). ProvinceError when it is not a province."""
    from partyfacts.nlp import gazetteer as gz
    from partyfacts.nlp.text import fold
    value = (value or "").strip()
    if not value:
        return ""
    names = {u.name for u in gz.lookup(value, type="province")}
    if not names:
        bare = fold(value).replace(" ", "").lower()
        names = {u.name for era in (gz.NEW, gz.LEGACY) for u in gz.provinces(era)
                 if fold(u.name).replace(" ", "").lower() == bare}
    if len(names) != 1:
        raise ProvinceError(f"{value!r} is not a province name; give one such as \"Nghệ An\" or \"Thanh Hóa\"")
    return names.pop()


def infer_province(site: m.Site) -> str:
    """The site's province from its host or name, "" when they do not say (corpus.kb.bodies)."""
    from .kb.bodies import site_province
    return site_province(site.name, site.base_url or "")


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
    province: str | None = None       # None: inferred from the host


def load_sites_file(path: Path) -> list[SiteConfig]:
    """Read a sites file (TOML): [[site]] url = "...", every = "6h" | cron = "0 */6 * * *", delay,
    max_pages, province = "Nghệ An" (else inferred from the host). ProvinceError for a province
    that is not one."""
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
        province = None
        if "province" in s:
            try:
                province = province_name(str(s["province"]))
            except ProvinceError as exc:
                raise ProvinceError(f"sites file {path}: [[site]] number {i}: {exc}") from None
        out.append(SiteConfig(url=s["url"], schedule=sched, delay=s.get("delay"),
                              max_pages=s.get("max_pages"), province=province))
    return out


def add_site(db: Database, url: str, schedule: str, *, delay: float | None = None,
             max_pages: int | None = None, province: str | None = None, allow_private: bool = False) -> m.Site:
    """Create or update the site of ``url`` (named by its host, as crawls file it) with a schedule
    and a province (``None``: kept, or inferred from the host when the site has none). A host that is
    loopback, private or link-local is refused (ScheduleError) unless ``allow_private``."""
    parse_schedule(schedule)
    from partyfacts.scraper.targets import TargetRefused, check_target
    try:
        check_target(url, allow_private=allow_private)
    except TargetRefused as exc:
        raise ScheduleError(str(exc)) from None
    if province is not None:
        province = province_name(province)
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
        if province is not None:
            row.province = province
        elif not row.province:
            row.province = infer_province(row)
        s.flush()
        return row


def set_site_province(db: Database, name: str, province: str) -> m.Site:
    """Set the province of the site called ``name`` ("" = national or none). Re-processes nothing:
    `process --all` and `resolve --all` use it. ScheduleError for an unknown site."""
    province = province_name(province)
    with db.session() as s:
        row = s.execute(select(m.Site).where(m.Site.name == name)).scalar_one_or_none()
        if row is None:
            raise ScheduleError(f"no site called {name!r}; `partyfacts site list` shows the names")
        row.province = province
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
