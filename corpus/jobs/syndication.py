"""The link-syndicated job: link each given article to an earlier near-identical copy on another
site (corpus.syndication does the comparing). Natural key: the article ids; a linked article is
skipped, so running it twice links nothing more."""
from __future__ import annotations

from dataclasses import dataclass

from ..aggregates import refresh as refresh_aggregates
from ..db import Database
from ..syndication import link_syndicated
from .registry import job


@dataclass(frozen=True)
class SyndicationResult:
    articles: int      # articles looked at
    links: int         # links made


@job("link-syndicated", key=lambda article_ids: tuple(sorted(article_ids)))
def link_syndicated_articles(db: Database, article_ids: list[int]) -> SyndicationResult:
    links = link_syndicated(db, list(article_ids))
    with db.session() as s:   # a copy's persons count the story once now (corpus.aggregates)
        refresh_aggregates(s)
    return SyndicationResult(len(article_ids), links)
