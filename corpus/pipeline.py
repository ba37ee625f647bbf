"""Helpers the pipeline jobs (corpus.jobs) and the crawl state share: a site's row, an article's
published fields, the raw-page archive, the table counts."""
from __future__ import annotations

import gzip
import hashlib
from datetime import date, datetime

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
