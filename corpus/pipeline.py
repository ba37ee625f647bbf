"""Helpers the pipeline jobs (corpus.jobs) and the crawl state share: a site's row, an article's
published fields, the raw-page archive, the table counts, plain progress lines."""
from __future__ import annotations

import gzip
import hashlib
import time
from datetime import date, datetime
from typing import Callable, TextIO

from sqlalchemy import func, select

from . import models as m
from .db import Database, insert_for


def site_row(session, name: str, base_url: str = "") -> m.Site:
    """The site named ``name``, created when missing (ON CONFLICT DO NOTHING: once however many
    processes create it at once)."""
    q = select(m.Site).where(m.Site.name == name)
    row = session.execute(q).scalar_one_or_none()
    if row is None:
        session.flush()
        session.execute(insert_for(session, m.Site).values(name=name, base_url=base_url)
                        .on_conflict_do_nothing(index_elements=["name"]))
        row = session.execute(q).scalar_one()
    return row


def published_fields(published) -> tuple[str, date | None]:
    """ISO string and date for an Article's published value (date, datetime or None)."""
    if published is None:
        return "", None
    if isinstance(published, datetime):
        return published.isoformat(), published.date()
    return published.isoformat(), published


def store_raw_page(session, site_id, url: str, raw: bytes, content_type: str = "", *, encoding: str = "",
                   status: int = 200, headers: str = "{}", run_id=None, canonical_url: str | None = None,
                   fetched_at: datetime | None = None) -> m.RawPage:
    """Archive a page (gzip), deduplicated by the sha256 of its bytes; the stored row is returned."""
    digest = hashlib.sha256(raw).hexdigest()
    q = select(m.RawPage).where(m.RawPage.sha256 == digest)
    row = session.execute(q).scalar_one_or_none()
    if row is None:   # INSERT … ON CONFLICT DO NOTHING: two crawlers fetching one page store it once
        session.flush()
        session.execute(insert_for(session, m.RawPage).values(
            site_id=site_id, url=url[:2048], canonical_url=(canonical_url or url)[:2048], http_status=status,
            content_type=content_type[:255], encoding=encoding, headers=headers, sha256=digest,
            html_gz=gzip.compress(raw, 6), size=len(raw), run_id=run_id, fetched_at=fetched_at or datetime.utcnow())
            .on_conflict_do_nothing(index_elements=["sha256"]))
        row = session.execute(q).scalar_one()
    return row


def table_counts(db: Database) -> dict[str, int]:
    out = {}
    with db.session() as s:
        for name, model in (("articles", m.Article), ("persons", m.Person), ("roles", m.Role), ("places", m.Place),
                            ("organizations", m.Organization), ("figures", m.Figure), ("mentions", m.Mention),
                            ("raw_pages", m.RawPage)):
            out[name] = s.execute(select(func.count()).select_from(model)).scalar_one()
    return out


class ProgressLines:
    """Progress of a long job on a stream that is not a terminal (a log file, a pipe, a service's
    journal), where a progress bar would be one endless line: a plain line every ``every`` items
    and at least every ``seconds`` seconds while items finish, and one at the end::

        process: 150/2000 articles (7.5%), 12.3/s, 2 errors, about 2m30s left

    ``update(done, errors)`` after each item; ``close(done, errors)`` once at the end. ``clock``
    is injectable for tests."""

    def __init__(self, total: int, stream: TextIO, *, desc: str = "process", unit: str = "articles",
                 every: int = 100, seconds: float = 10.0, clock: Callable[[], float] = time.monotonic):
        self.total, self.stream, self.desc, self.unit = total, stream, desc, unit
        self.every, self.seconds, self.clock = max(1, every), seconds, clock
        self.start = self.last = clock()
        self.last_done = 0

    def line(self, done: int, errors: int, now: float) -> str:
        elapsed = now - self.start
        rate = done / elapsed if elapsed > 0 else 0.0
        pct = f" ({100 * done / self.total:.1f}%)" if self.total else ""
        out = f"{self.desc}: {done}/{self.total} {self.unit}{pct}, {rate:.1f}/s, {errors} error{'s' if errors != 1 else ''}"
        if 0 < done < self.total and rate > 0:
            left = int((self.total - done) / rate)
            out += f", about {left // 60}m{left % 60:02d}s left"
        return out

    def update(self, done: int, errors: int = 0) -> None:
        now = self.clock()
        if done - self.last_done >= self.every or now - self.last >= self.seconds:
            self._write(done, errors, now)

    def close(self, done: int, errors: int = 0) -> None:
        if done != self.last_done or done == 0:
            self._write(done, errors, self.clock())

    def _write(self, done: int, errors: int, now: float) -> None:
        self.stream.write(self.line(done, errors, now) + "\n")
        self.stream.flush()
        self.last, self.last_done = now, done
