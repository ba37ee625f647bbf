"""The resolve job: join person occurrences into persons (corpus.kb.resolve) for the name blocks of
the given articles, or for every block. Natural key: the articles (or "all"); with the same
occurrences and decisions a second run changes nothing."""
from __future__ import annotations

from sqlalchemy import select

from .. import models as m
from ..aggregates import refresh as refresh_aggregates
from ..db import Database
from ..kb.resolve import ResolveStats, resolve_blocks
from .registry import job


@job("resolve", key=lambda article_ids=None, **_: ("all",) if article_ids is None else tuple(sorted(article_ids)))
def resolve_persons_job(db: Database, article_ids: list[int] | None = None, *, method: str = "splink") -> ResolveStats:
    """Re-resolve the name blocks of these articles' persons (every block when None), then recompute
    the aggregates of the persons whose rows changed (corpus.aggregates: the facts just written and
    the occurrences just repointed marked them)."""
    with db.session() as s:
        if article_ids is None:
            stats = resolve_blocks(s, None, method=method)
        else:
            keys = set()
            ids = sorted(set(article_ids))
            for i in range(0, len(ids), 500):
                keys |= set(s.execute(select(m.PersonOccurrence.name_key).where(
                    m.PersonOccurrence.article_id.in_(ids[i:i + 500]))).scalars())
            stats = resolve_blocks(s, keys, method=method)
        refresh_aggregates(s)
        return stats
