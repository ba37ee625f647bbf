"""Syndicated copies: the same story republished on several sites is linked to its first copy
(`articles.syndicated_of_id`, with the cosine similarity), never deleted.

Exact copies are linked when stored (same content hash); near copies (edited lead, other byline,
a paragraph added) by TF-IDF cosine over word uni- and bigrams (scikit-learn) against articles of
other sites published within a few days; a shortened copy (a paragraph cut, a lead rewritten) by
containment: most of the shorter text's word 5-grams (tone placement and case folded) stand in the
longer one."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import or_, select

from . import models as m
from .db import Database

THRESHOLD = 0.8          # cosine at or above which two texts are one story
CONTAINMENT = 0.8        # share of the shorter text's 5-grams in the longer one that makes it a copy
SHINGLE = 5              # words per shingle
MIN_SHINGLES = 40        # texts shorter than this are judged by cosine alone
CANDIDATE_COSINE = 0.4   # containment is checked only for candidates at least this similar
WINDOW_DAYS = 7          # republication lag considered
MAX_CANDIDATES = 5000


def link_syndicated(db: Database, article_ids: list[int], *, threshold: float = THRESHOLD,
                    window_days: int = WINDOW_DAYS) -> int:
    """Link each given article to an earlier near-identical article of another site; returns links made."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import linear_kernel

    links = 0
    for aid in article_ids:
        with db.session() as s:
            art = s.get(m.Article, aid)
            if art is None or art.syndicated_of_id is not None or not art.text.strip():
                continue
            q = select(m.Article.id, m.Article.text).where(m.Article.site_id != art.site_id, m.Article.id != aid,
                                                             m.Article.syndicated_of_id.is_(None))
            if art.published_date is not None:
                lo, hi = art.published_date - timedelta(days=window_days), art.published_date + timedelta(days=window_days)
                q = q.where(or_(m.Article.published_date.between(lo, hi), m.Article.published_date.is_(None)))
            cands = s.execute(q.order_by(m.Article.id).limit(MAX_CANDIDATES)).all()
            if not cands:
                continue
            vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)
            matrix = vec.fit_transform([art.text] + [t for _, t in cands])
            sims = linear_kernel(matrix[0:1], matrix[1:]).ravel()
            mine = _shingles(art.text)
            score = {}     # candidate → the similarity that makes it a copy (cosine, else containment)
            for i in range(len(cands)):
                if sims[i] >= threshold:
                    score[i] = float(sims[i])
                elif sims[i] >= CANDIDATE_COSINE:
                    c = containment(mine, _shingles(cands[i][1]))
                    if c >= CONTAINMENT:
                        score[i] = c
            above = sorted(score)
            if not above:
                continue
            best = min(above, key=lambda i: cands[i][0])   # the earliest stored copy is the original
            orig_id = cands[best][0]
            if orig_id > aid:  # the earlier copy is the original: link the later one to it
                later = s.get(m.Article, orig_id)
                later.syndicated_of_id, later.similarity = aid, score[best]
            else:
                art.syndicated_of_id, art.similarity = orig_id, score[best]
            links += 1
    return links


def _shingles(text: str) -> set[tuple[str, ...]]:
    from partyfacts.nlp.text import key
    words = re.findall(r"\w+", key(text))
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def containment(a: set, b: set) -> float:
    """The share of the smaller shingle set found in the larger; 0 when either is too short."""
    if min(len(a), len(b)) < MIN_SHINGLES:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)
