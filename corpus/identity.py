"""The identity benchmark run end to end: an identity set (tests/data/identity format) ingested into a
fresh database exactly as a user would (the ingest job with each site's display name and no
province, so the site's province is inferred), processed (extraction and person resolution), its
copies linked (link-syndicated), then scored by ``corpus.kb.identity``.

It lives beside ``jobs`` and ``kb`` rather than inside ``kb`` because it drives the jobs, and the jobs
import ``kb``."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from . import models as m
from .db import open_db
from .jobs import InlineRunner, ProcessConfig
from .pages import person_detail
from .kb.identity import METHODS, IdentityReport, IdentitySetError, load_identity_set, score_identity

__all__ = ["IdentityReport", "IdentitySetError", "evaluate_identity"]


def evaluate_identity(root: Path, *, db_url: str | None = None, method: str = "splink",
                      config: ProcessConfig | None = None) -> IdentityReport:
    """Ingest, process and link the identity set at ``root`` and score the result.

    ``db_url``: an empty database to build in (kept afterwards, for inspection); default a temporary
    SQLite file, removed at the end. ``method``: how the database's persons are resolved ("splink",
    the model, or "rules", the baseline); the report also scores the other methods in memory.
    Raises IdentitySetError for a directory that is not an identity set, ValueError for a
    non-empty database or an unknown method."""
    if method not in ("splink", "rules"):
        raise ValueError(f"unknown method {method!r}: use 'splink' or 'rules'")
    idset = load_identity_set(Path(root))
    if db_url is not None:
        return _run(idset, db_url, method, config)
    with tempfile.TemporaryDirectory(prefix="partyfacts-identity-") as tmp:
        return _run(idset, str(Path(tmp) / "identity.db"), method, config)


def _run(idset, db_url: str, method: str, config: ProcessConfig | None) -> IdentityReport:
    db = open_db(db_url)
    try:
        with db.session() as s:
            if s.execute(select(func.count()).select_from(m.Article)).scalar_one():
                raise ValueError(f"database {db_url!r} already holds articles; give an empty one (or none)")
        runner = InlineRunner(db)
        timings: dict[str, float] = {}
        t0 = time.perf_counter()
        urls: dict[str, str] = {}
        for site in idset.sites:
            files = idset.files(site)
            res = runner.run("ingest", paths=files, site=site.name)
            if res.errors:
                raise IdentitySetError(f"ingest of {site.slug} failed: {'; '.join(res.errors)}")
            urls.update({f"{site.slug}/{p.stem}": p.resolve().as_uri() for p in files})
        timings["ingest"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        processed = runner.run("process", config=config or ProcessConfig())
        if processed.failed:
            raise RuntimeError(f"process failed on {processed.failed} articles: {'; '.join(processed.errors[:5])}")
        timings["process"] = time.perf_counter() - t0
        if method != "splink":
            t0 = time.perf_counter()
            runner.run("resolve", article_ids=None, method=method)
            timings[f"resolve_{method}"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        with db.session() as s:
            ids = list(s.execute(select(m.Article.id).order_by(m.Article.id)).scalars())
        runner.run("link-syndicated", article_ids=ids)
        timings["link"] = time.perf_counter() - t0
        with db.session() as s:
            report = score_identity(s, idset, urls, method=method, methods=METHODS,
                                    articles_total=lambda pid: person_detail(s, pid)["articles_total"])
        report.timings = timings
        return report
    finally:
        db.dispose()
