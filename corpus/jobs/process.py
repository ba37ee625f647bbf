"""The process job: articles → facts. Natural key: (article id, pipeline version); an article this
pipeline version has processed is skipped unless asked for all. One failing article is recorded in
the processing table and reported; the batch goes on.

Several process runs at once (processes, workers) share the work through the processing table: a run
claims an article by inserting its row as "running" with a lease (INSERT … ON CONFLICT DO NOTHING:
no row inserted = another run has it) and writes the facts under a lock on that row, so an article
is processed by one run and its facts are stored once. A failed article is retried by the next runs
until MAX_ATTEMPTS runs have failed on it; then it is reported (``ProcessResult.given_up``), not
retried, until `process --all`. A claim's lease is short (``ProcessConfig.lease``, 30 s) and renewed
by the run's heartbeat (one thread per run) while the run lives, so a long extraction keeps its claim
and the claim of a run that died is taken over within one lease."""
from __future__ import annotations

import functools
import logging
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import and_, exists, or_, select, update
from sqlalchemy.exc import IntegrityError

from partyfacts import nlp

from .. import models as m
from ..aggregates import refresh as refresh_aggregates
from ..db import CLAIM_LEASE, Database, Heartbeat, insert_for
from ..kb import kb_version
from ..pipeline import ProgressLines
from ..kb.resolve import ResolveStats
from ..store import store_extraction
from .resolve import resolve_persons_job
from .config import ProcessConfig
from .registry import job

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3            # failed runs on one article before it is given up (reported, not retried)


@dataclass
class ProcessResult:
    processed: int = 0
    failed: int = 0
    facts: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    version: str = ""
    resolved: ResolveStats | None = None     # person resolution of the batch's name blocks
    taken: int = 0                            # articles another run had claimed (it processes them)
    given_up: list[str] = field(default_factory=list)   # articles failed MAX_ATTEMPTS times: not retried


def pipeline_version(disable: tuple[str, ...] = ()) -> str:
    """The version recorded with facts extracted with these nlp components disabled: the nlp
    pipeline's digest and the knowledge base's (a rule or lexicon change in either re-processes)."""
    return f"{nlp.pipeline_version(disable=tuple(disable))}+{kb_version()}"


def extractor(disable: tuple[str, ...] = (), max_chars: int | None = None) -> Callable:
    """nlp.extract with these components disabled (and ``max_chars``: nlp.TextTooLong past it)."""
    if max_chars is not None:
        return functools.partial(nlp.extract, disable=tuple(disable), max_chars=max_chars)
    return functools.partial(nlp.extract, disable=tuple(disable)) if disable else nlp.extract


def too_long(chars: int, limit: int) -> str:
    """The one-line reason an article or a file is not extracted: its length, the limit, the way out."""
    return (f"the text has {chars:,} characters, over the limit of {limit:,} (setting max_text_chars, "
            f"env PARTYFACTS_MAX_TEXT_CHARS: raise it to extract longer texts)")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _settled(now: datetime):
    """Processing rows that keep their article out of a run: done, claimed by a live run, or failed
    MAX_ATTEMPTS times."""
    p = m.Processing
    return or_(p.status == "ok", and_(p.status == "running", p.lease_until >= now),
               and_(p.status == "error", p.attempts >= MAX_ATTEMPTS))


def articles_to_process(db: Database, version: str, all_articles: bool = False) -> list[int]:
    """The articles a run would try: not processed by ``version`` (or all), failed fewer than
    MAX_ATTEMPTS times, not claimed by a live run."""
    with db.session() as s:
        q = select(m.Article.id).order_by(m.Article.id)
        if not all_articles:
            done = exists().where((m.Processing.article_id == m.Article.id) & (m.Processing.pipeline_version == version)
                                  & _settled(_utcnow()))
            q = q.where(~done)
        return list(s.execute(q).scalars())


def given_up(db: Database, version: str) -> list[str]:
    """The articles this version failed on MAX_ATTEMPTS times, with their last error."""
    with db.session() as s:
        rows = s.execute(select(m.Processing.article_id, m.Processing.attempts, m.Processing.error).where(
            m.Processing.pipeline_version == version, m.Processing.status == "error",
            m.Processing.attempts >= MAX_ATTEMPTS).order_by(m.Processing.article_id)).all()
    return [f"article {aid}: given up after {n} failed attempts (last: {err}); `process --all` tries it again"
            for aid, n, err in rows]


def claim(db: Database, article_id: int, version: str, *, since: datetime | None = None,
          lease: float = CLAIM_LEASE) -> bool:
    """Claim the article for this run: insert its processing row as running (ON CONFLICT DO NOTHING),
    or take over a row that failed with attempts left, a running row whose lease ran out, and (when
    ``since`` is given: `--all`) a row finished before ``since``. False when another run has it."""
    now = _utcnow()
    p = m.Processing
    values = {"status": "running", "error": "", "processed_at": now, "lease_until": now + timedelta(seconds=lease)}
    with db.engine.begin() as conn:
        ins = conn.execute(insert_for(conn, p).values(article_id=article_id, pipeline_version=version, attempts=1,
                                                      **values)
                           .on_conflict_do_nothing(index_elements=["article_id", "pipeline_version"])
                           .returning(p.id)).first()
        if ins is not None:
            return True
        free = or_(and_(p.status == "error", p.attempts < MAX_ATTEMPTS), and_(p.status == "running", p.lease_until < now))
        if since is not None:
            free = or_(free, and_(p.status.in_(("ok", "error")), p.processed_at < since))
        took = conn.execute(update(p).where(p.article_id == article_id, p.pipeline_version == version, free)
                            .values(attempts=p.attempts + 1, **values))
        return took.rowcount == 1


def renew(db: Database, article_ids: list[int], version: str, lease: float) -> int:
    """Extend the lease of these running claims (the heartbeat's beat); the claims renewed."""
    if not article_ids:
        return 0
    p = m.Processing
    with db.engine.begin() as conn:
        return conn.execute(update(p).where(p.article_id.in_(article_ids), p.pipeline_version == version,
                                            p.status == "running")
                            .values(lease_until=_utcnow() + timedelta(seconds=lease))).rowcount


def _process_key(*, config: ProcessConfig | None = None, all_articles: bool = False, ids: list[int] | None = None,
                 version: str | None = None, **_ignored) -> tuple:
    version = version or pipeline_version((config or ProcessConfig()).disable)
    return (tuple(ids) if ids is not None else ("all" if all_articles else "new"), version)


@job("process", key=_process_key)
def process_articles(db: Database, *, config: ProcessConfig | None = None, all_articles: bool = False,
                     ids: list[int] | None = None, extract: Callable | None = None, version: str | None = None,
                     progress: bool | str | None = None) -> ProcessResult:
    """Extract facts for articles this pipeline version has not processed (or all), one transaction
    per article; failures are recorded in the processing table and reported, the batch goes on.
    ``extract`` and ``version`` replace the nlp pipeline chosen by ``config`` (tests, gold runs).
    ``progress``: None = a tqdm bar when stderr is a terminal; "lines" = that bar on a terminal and
    plain progress lines otherwise (the `process` command); True = the bar; False = nothing."""
    config = config or ProcessConfig()
    extract = extract or extractor(config.disable)
    version = version or pipeline_version(config.disable)
    since = _utcnow() if (all_articles or ids is not None) else None
    todo = ids if ids is not None else articles_to_process(db, version, all_articles)
    res = ProcessResult(version=version)
    done: list[int] = []
    holding: list[int] = []            # the article this run holds a claim on now (the heartbeat renews it)
    beat = Heartbeat(lambda: renew(db, list(holding), version, config.lease), every=config.lease / 3,
                     name="process-claims").start()
    lines = _progress_lines(len(todo), progress)
    try:
        for n, aid in enumerate(_progress(todo, "process", progress), 1):
            if lines is not None and n > 1:
                lines.update(n - 1, res.failed)
            holding[:] = []
            try:
                if not claim(db, aid, version, since=since, lease=config.lease):
                    res.taken += 1          # another run is processing it (or it was given up)
                    continue
            except IntegrityError:          # the article is gone (no processing row can point to it)
                continue
            holding[:] = [aid]
            if _process_one(db, aid, version, extract, res, config.max_text_chars):
                done.append(aid)
        if lines is not None:
            lines.close(len(todo), res.failed)
    finally:
        beat.stop()
    if done:
        # the persons of the new facts: their name blocks are resolved once for the whole batch
        # (the resolve job then recomputes the aggregates of the persons whose rows changed)
        res.resolved = resolve_persons_job(db, done)
    else:
        with db.session() as s:   # persons marked by a migration or an earlier, interrupted run
            refresh_aggregates(s)
    if ids is None:
        res.given_up = given_up(db, version)
    return res


def _process_one(db: Database, aid: int, version: str, extract: Callable, res: ProcessResult,
                 max_chars: int | None = None) -> bool:
    """Extract and store one claimed article's facts (its processing row marked ok or error); True
    when processed. An article longer than ``max_chars`` is marked error with the reason (kept,
    never extracted: `process --all` after raising the setting)."""
    try:
        with db.session() as s:
            art = s.get(m.Article, aid)
            if art is None:
                return False
            if max_chars is not None and len(art.text) > max_chars:
                raise nlp.TextTooLong(len(art.text), max_chars)
            site = art.site.name if art.site else None
            ex = extract(art.text, site=site, url=art.url)
            _lock_claim(s, aid, version)   # one writer of this article's facts at a time
            counts = store_extraction(s, art, ex, version)
            _mark(s, aid, version, "ok", "")
    except Exception as exc:  # one bad article must not stop the batch; it is recorded, not swallowed
        if isinstance(exc, nlp.TextTooLong):
            reason = too_long(exc.chars, exc.limit)
            log.warning("article %s not extracted: %s", aid, reason)
        else:
            reason = f"{type(exc).__name__}: {exc}"
            log.exception("article %s failed", aid)
        res.failed += 1
        res.errors.append(f"article {aid}: {reason}")
        with db.session() as s:
            _mark(s, aid, version, "error", reason)
        return False
    res.processed += 1
    for k, v in counts.items():
        res.facts[k] = res.facts.get(k, 0) + v
    return True


def _lock_claim(session, article_id: int, version: str) -> None:
    """Lock the article's processing row for the transaction (an UPDATE: PostgreSQL's row lock,
    SQLite's write lock), so a run that took over an expired claim writes
    the facts after the first run's transaction, never beside it: the replace deletes what it wrote."""
    p = m.Processing
    session.execute(update(p).where(p.article_id == article_id, p.pipeline_version == version)
                    .values(lease_until=p.lease_until))


def _mark(session, article_id: int, version: str, status: str, error: str) -> None:
    row = session.execute(select(m.Processing).where(m.Processing.article_id == article_id,
                                                     m.Processing.pipeline_version == version)).scalar_one_or_none()
    if row is None:
        row = m.Processing(article_id=article_id, pipeline_version=version, attempts=1)
        session.add(row)
    row.status, row.error, row.processed_at, row.lease_until = status, error[:2000], datetime.utcnow(), None


def _progress(items, desc: str, progress: bool | str | None):
    """A tqdm bar over ``items`` on a terminal (or when ``progress`` is True)."""
    if progress is None or progress == "lines":
        progress = sys.stderr.isatty()
    if not progress or len(items) < 2:
        return items
    from tqdm import tqdm
    return tqdm(items, desc=desc, unit="article", file=sys.stderr)


def _progress_lines(total: int, progress: bool | str | None, stream=None) -> ProgressLines | None:
    """Plain progress lines on stderr when ``progress`` is "lines" and stderr is not a terminal: a
    log or a pipe gets "process: 150/2000 articles …" every 100 articles or 10 s."""
    stream = stream or sys.stderr
    if progress != "lines" or total < 2 or stream.isatty():
        return None
    return ProgressLines(total, stream, desc="process")
