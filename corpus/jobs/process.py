"""The process job: articles → facts. Natural key: (article id, pipeline version); an article this
pipeline version has processed is skipped unless asked for all. One failing article is recorded in
the processing table and reported; the batch goes on."""
from __future__ import annotations

import functools
import logging
import sys
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable

from sqlalchemy import exists, select

from partyfacts import nlp

from .. import models as m
from ..db import Database
from ..kb import kb_version
from ..kb.resolve import ResolveStats
from ..store import store_extraction
from .resolve import resolve_persons_job
from .config import ProcessConfig
from .registry import job

log = logging.getLogger(__name__)


@dataclass
class ProcessResult:
    processed: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    version: str = ""
    resolved: ResolveStats | None = None     # person resolution of the batch's name blocks


def pipeline_version(disable: tuple[str, ...] = ()) -> str:
    """The version recorded with facts extracted with these nlp components disabled: the nlp
    pipeline's digest and the knowledge base's (a rule or lexicon change in either re-processes)."""
    return f"{nlp.pipeline_version(disable=tuple(disable))}+{kb_version()}"


def extractor(disable: tuple[str, ...] = ()) -> Callable:
    """nlp.extract with these components disabled."""
    return functools.partial(nlp.extract, disable=tuple(disable)) if disable else nlp.extract


def articles_to_process(db: Database, version: str, all_articles: bool = False) -> list[int]:
    with db.session() as s:
        q = select(m.Article.id).order_by(m.Article.id)
        if not all_articles:
            done = exists().where((m.Processing.article_id == m.Article.id) & (m.Processing.pipeline_version == version))
            q = q.where(~done)
        return list(s.execute(q).scalars())


def _process_key(*, config: ProcessConfig | None = None, all_articles: bool = False, ids: list[int] | None = None,
                 version: str | None = None, **_ignored) -> tuple:
    version = version or pipeline_version((config or ProcessConfig()).disable)
    return (tuple(ids) if ids is not None else ("all" if all_articles else "new"), version)


@job("process", key=_process_key)
def process_articles(db: Database, *, config: ProcessConfig | None = None, all_articles: bool = False,
                     ids: list[int] | None = None, extract: Callable | None = None, version: str | None = None,
                     progress: bool | None = None) -> ProcessResult:
    """Extract facts for articles this pipeline version has not processed (or all), one transaction
    per article; failures are recorded in the processing table and reported, the batch goes on.
    ``extract`` and ``version`` replace the nlp pipeline chosen by ``config`` (tests, gold runs)."""
    config = config or ProcessConfig()
    extract = extract or extractor(config.disable)
    version = version or pipeline_version(config.disable)
    todo = ids if ids is not None else articles_to_process(db, version, all_articles)
    res = ProcessResult(version=version)
    done: list[int] = []
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
        else:
            done.append(aid)
    if done:
        # the persons of the new facts: their name blocks are resolved once for the whole batch
        res.resolved = resolve_persons_job(db, done)
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
