"""The reparse job: re-extract articles from their archived raw pages, without fetching (after a
scraper upgrade or a new site profile). Natural key: the raw page hash (sha256 of the archived
bytes); reparsing a page whose result is already stored changes nothing. An article whose text
changed (its parts filled in: title, lead, captions, byline, source line and dateline beside the
body, after migration 0012) loses its facts and processing marks, so `process` redoes it, and its link to another copy
of its story is made again (corpus.syndication), as crawls and ingests link new articles."""
from __future__ import annotations

import gzip
import json
import logging
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from partyfacts.nlp.text import fold
from partyfacts.scraper.parse import Rejection, parse_article

from .. import models as m
from ..db import Database
from ..pipeline import published_fields
from ..store import article_text, delete_facts
from .registry import job
from .syndication import link_syndicated_articles

log = logging.getLogger(__name__)


@dataclass
class ReparseResult:
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    changed_ids: list[int] = field(default_factory=list)   # articles whose text changed
    syndicated: int = 0                                   # of them, linked to another copy


def _reparse_key(*, site: str | None = None, hashes: list[str] | None = None, **_ignored) -> tuple:
    return tuple(sorted(hashes)) if hashes is not None else ("site", site or "*")


@job("reparse", key=_reparse_key)
def reparse_articles(db: Database, *, site: str | None = None, hashes: list[str] | None = None,
                     profile_dirs=()) -> ReparseResult:
    """Parse the archived page of every article (of ``site``, or with a raw page hash in ``hashes``)
    again and store what changed."""
    res = ReparseResult()
    with db.session() as s:
        q = (select(m.Article.id).join(m.RawPage, m.RawPage.id == m.Article.raw_page_id).order_by(m.Article.id))
        if site:
            q = q.join(m.Site, m.Site.id == m.Article.site_id).where(m.Site.name == site)
        if hashes is not None:
            q = q.where(m.RawPage.sha256.in_(list(hashes)))
        ids = list(s.execute(q).scalars())
    for aid in ids:
        with db.session() as s:
            _reparse_one(s, aid, profile_dirs, res)
    if res.changed_ids:
        res.syndicated = link_syndicated_articles(db, res.changed_ids).links
    return res


def _reparse_one(s, aid: int, profile_dirs, res: ReparseResult) -> None:
    art = s.get(m.Article, aid)
    raw = s.get(m.RawPage, art.raw_page_id)
    try:
        html = gzip.decompress(raw.html_gz)
        headers = json.loads(raw.headers or "{}")
    except (OSError, ValueError) as exc:
        res.failed += 1
        res.errors.append(f"article {aid}: archived page {raw.id} is unreadable ({exc})")
        return
    parsed = parse_article(art.url, html, headers, profile_dirs=profile_dirs, require_article=False,
                           site=art.site.name if art.site else None)
    if isinstance(parsed, Rejection):
        res.failed += 1
        res.errors.append(f"article {aid}: {parsed.reason}; the stored article is kept as it was")
        return
    pub_iso, pub_date = published_fields(parsed.published)
    text, fields = article_text(parsed)   # every part that carries facts (a row from before 0012: body only)
    new = {"title": parsed.title or art.title, "text": text, "fields": fields, "author": parsed.author[:255],
           "source": parsed.source[:255], "profile": parsed.profile}
    if pub_iso:
        new["published"], new["published_date"] = pub_iso, pub_date
    if all(getattr(art, k) == v for k, v in new.items()):
        res.unchanged += 1
        return
    text_changed = art.text != new["text"]
    for k, v in new.items():
        setattr(art, k, v)
    art.title_folded = fold(art.title)
    art.content_hash = parsed.content_hash
    if text_changed:  # stored spans point into the old text: drop the facts, `process` redoes them
        delete_facts(s, aid)
        s.execute(delete(m.Processing).where(m.Processing.article_id == aid))
        # the old text's link to another copy may not hold for the new text: link it again
        art.syndicated_of_id, art.similarity = None, None
        res.changed_ids.append(aid)
    res.updated += 1
