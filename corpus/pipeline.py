"""Pipeline jobs, each idempotent with a natural key: ingest (file path → article by canonical
URL), extract (article id, pipeline version). One failing article is logged and skipped, never stops
the batch."""
from __future__ import annotations

import gzip
import hashlib
import logging
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import exists, func, select

from partyfacts import nlp
from partyfacts.nlp.text import fold
from partyfacts.scraper.parse import content_hash

from . import models as m
from .db import Database
from .store import store_extraction

log = logging.getLogger(__name__)

_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


class IngestError(ValueError):
    """A file that cannot become an article; the message names the file and the problem."""


def site_row(session, name: str, base_url: str = "") -> m.Site:
    row = session.execute(select(m.Site).where(m.Site.name == name)).scalar_one_or_none()
    if row is None:
        row = m.Site(name=name, base_url=base_url)
        session.add(row)
        session.flush()
    return row


def published_fields(published) -> tuple[str, date | None]:
    """ISO string and date for an Article's published value (date, datetime or None)."""
    if published is None:
        return "", None
    if isinstance(published, datetime):
        return published.isoformat(), published.date()
    return published.isoformat(), published


@dataclass
class IngestResult:
    added: list[int] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _read_text_file(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start}); convert it with "
                          f"`iconv -f <encoding> -t utf-8 {path.name}` or save it as .html with a charset") from exc


MAX_TITLE_CHARS = 200


def text_article_fields(path: Path, text: str) -> dict:
    """Title = the first non-empty line that is not just a date, when it is short enough to be a
    headline (else the file name); published = a dd/mm/yyyy date in the first lines."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    published = None
    title = ""
    for ln in lines[:5]:
        d = _DATE.search(ln)
        if d and published is None:
            try:
                published = date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
            except ValueError:
                published = None
        if not title and not _DATE.fullmatch(ln):
            title = ln if len(ln) <= MAX_TITLE_CHARS else path.stem
    return {"title": title or path.stem, "published": published, "text": text}


def ingest_files(db: Database, paths: Iterable[Path], site: str = "local") -> IngestResult:
    """Store local .txt / .html files as articles (URL file://…). Re-ingesting is a no-op."""
    res = IngestResult()
    for path in paths:
        path = Path(path)
        try:
            if not path.is_file():
                raise IngestError(f"{path}: no such file")
            url = path.resolve().as_uri()
            if path.suffix.lower() in (".html", ".htm"):
                from partyfacts.scraper.parse import parse_html_file
                art = parse_html_file(url, path.read_bytes())
                fields = {"title": art.title, "published": art.published, "text": art.text,
                          "author": art.author, "source": art.source, "profile": art.profile}
                raw = path.read_bytes()
            else:
                text = _read_text_file(path)
                fields = text_article_fields(path, text)
                raw = None
            if not fields["text"].strip():
                raise IngestError(f"{path}: no article text found; is it empty or not an article page?")
            with db.session() as s:
                srow = site_row(s, site)
                if s.execute(select(m.Article.id).where(m.Article.canonical_url == url)).first():
                    res.unchanged.append(str(path))
                    continue
                raw_id = None
                if raw is not None:
                    raw_id = store_raw_page(s, srow.id, url, raw, "text/html").id
                pub_iso, pub_date = published_fields(fields["published"])
                text = unicodedata.normalize("NFC", fields["text"])
                art = m.Article(site_id=srow.id, url=url, canonical_url=url, title=fields["title"],
                                title_folded=fold(fields["title"]), published=pub_iso, published_date=pub_date,
                                author=fields.get("author", ""), source=fields.get("source", ""), text=text,
                                content_hash=content_hash(text), profile=fields.get("profile", "text"),
                                raw_page_id=raw_id, fetched_at=datetime.utcnow())
                s.add(art)
                s.flush()
                res.added.append(art.id)
        except (IngestError, OSError, ValueError) as exc:
            res.errors.append(str(exc) if isinstance(exc, IngestError) else f"{path}: {exc}")
    return res


def store_raw_page(session, site_id, url: str, raw: bytes, content_type: str = "", *, encoding: str = "",
                   status: int = 200, headers: str = "{}", run_id=None, canonical_url: str | None = None,
                   fetched_at: datetime | None = None) -> m.RawPage:
    """Archive a page (gzip), deduplicated by the sha256 of its bytes; the stored row is returned."""
    digest = hashlib.sha256(raw).hexdigest()
    row = session.execute(select(m.RawPage).where(m.RawPage.sha256 == digest)).scalar_one_or_none()
    if row is None:
        row = m.RawPage(site_id=site_id, url=url[:2048], canonical_url=(canonical_url or url)[:2048], http_status=status,
                        content_type=content_type[:255], encoding=encoding, headers=headers, sha256=digest,
                        html_gz=gzip.compress(raw, 6), size=len(raw), run_id=run_id,
                        fetched_at=fetched_at or datetime.utcnow())
        session.add(row)
        session.flush()
    return row


@dataclass
class ProcessResult:
    processed: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def articles_to_process(db: Database, version: str, all_articles: bool = False) -> list[int]:
    with db.session() as s:
        q = select(m.Article.id).order_by(m.Article.id)
        if not all_articles:
            done = exists().where((m.Processing.article_id == m.Article.id) & (m.Processing.pipeline_version == version))
            q = q.where(~done)
        return list(s.execute(q).scalars())


def process_articles(db: Database, *, all_articles: bool = False, ids: list[int] | None = None,
                     extract: Callable = nlp.extract, version: str = nlp.PIPELINE_VERSION,
                     progress: bool | None = None) -> ProcessResult:
    """Extract facts for articles this pipeline version has not processed (or all), one transaction
    per article; failures are recorded in the processing table and reported, the batch goes on."""
    todo = ids if ids is not None else articles_to_process(db, version, all_articles)
    res = ProcessResult()
    bar = _progress(todo, "process", progress)
    for aid in bar:
        try:
            with db.session() as s:
                art = s.get(m.Article, aid)
                if art is None:
                    continue
                site = art.site.name if art.site else None
                ex = extract(art.text, site=site, url=art.url)
                counts = store_extraction(s, art, ex, version)
                _mark(s, aid, version, "ok", "")
            res.processed += 1
            for k, v in counts.items():
                res.facts[k] = res.facts.get(k, 0) + v
        except Exception as exc:  # one bad article must not stop the batch; it is recorded, not swallowed
            log.exception("article %s failed", aid)
            res.failed += 1
            res.errors.append(f"article {aid}: {type(exc).__name__}: {exc}")
            with db.session() as s:
                _mark(s, aid, version, "error", f"{type(exc).__name__}: {exc}")
    return res


def _mark(session, article_id: int, version: str, status: str, error: str) -> None:
    row = session.execute(select(m.Processing).where(m.Processing.article_id == article_id,
                                                     m.Processing.pipeline_version == version)).scalar_one_or_none()
    if row is None:
        row = m.Processing(article_id=article_id, pipeline_version=version)
        session.add(row)
    row.status, row.error, row.processed_at = status, error[:2000], datetime.utcnow()


def _progress(items, desc: str, progress: bool | None):
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress or len(items) < 2:
        return items
    from tqdm import tqdm
    return tqdm(items, desc=desc, unit="article", file=sys.stderr)


def table_counts(db: Database) -> dict[str, int]:
    out = {}
    with db.session() as s:
        for name, model in (("articles", m.Article), ("persons", m.Person), ("roles", m.Role), ("places", m.Place),
                            ("organizations", m.Organization), ("figures", m.Figure), ("mentions", m.Mention),
                            ("raw_pages", m.RawPage)):
            out[name] = s.execute(select(func.count()).select_from(model)).scalar_one()
    return out
