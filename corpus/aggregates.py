"""Precomputed per-person aggregates (migration 0011_entity_aggregates), so a person page costs the
same for an official in ten thousand articles as for one in three.

What a person page summarises over *all* of the person's rows — stories counted once, role rows,
the career as tenures, the timeline lanes, the co-mentioned people and places — is computed once and
stored as JSON in ``entity_aggregates``; the page reads it with one indexed lookup and reads live
only what is paged (the articles, the role rows, the occurrences: LIMIT/OFFSET over indexes).

Keeping them right is the database's job, not each writer's: triggers (migration 0010) append the
person ids whose rows changed to ``entity_dirty`` — a mention of the person inserted, deleted or
repointed (a repoint also marks the other persons of that article: their co-mentions changed), a role
row of the person, an article of the person re-dated, re-titled or linked as a republished copy. So
every writer (process, reprocess, resolution, a researcher's merge or split, link-syndicated, a bulk
load) invalidates what it touches. ``refresh`` recomputes the marked persons only and clears the
marks it read; the process/resolve and link-syndicated jobs and the merge/split commands call it.

An aggregate with a pending mark is never served: ``person_summary`` then computes it live (the
page is right, only slower, until the next refresh). Each stored aggregate carries a ``stamp`` (new
on every recompute) that page caches key on (corpus.pages).

The marks are an append-only log (no unique key): two processes marking the same person never wait
on each other's uncommitted rows.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

from sqlalchemy import (Column, DateTime, Index, Integer, String, Table, Text, case, delete, desc, exists, func,
                        select)
from sqlalchemy.orm import Session

from . import models as m
from .db import insert_for
from .kb.posts import tenures
from .kb.roles import role_evidence
from .kb.titles import post_label

A, P, PL, O, R, MN = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Mention

AGGREGATES = Table(
    "entity_aggregates", m.Base.metadata,
    Column("entity_type", String(16), primary_key=True),
    Column("entity_id", Integer, primary_key=True),
    Column("stamp", String(32), nullable=False),
    Column("data", Text, nullable=False),
    Column("computed_at", DateTime, nullable=False),
)

DIRTY = Table(
    "entity_dirty", m.Base.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_type", String(16), nullable=False),
    Column("entity_id", Integer, nullable=False),
    Index("ix_entity_dirty_entity", "entity_type", "entity_id"),
)

CO_MENTION_ARTICLES = 2000      # co-mentions and places over the person's latest articles
CO_MENTIONED = 20               # co-mentioned people and places kept
REFRESH_BATCH = 500             # marks read per round of refresh
FORMAT = 2                      # of the stored JSON: an aggregate of another format is stale


def _story():
    """The story an article belongs to: its original when it is a republished copy, else itself."""
    return func.coalesce(A.syndicated_of_id, A.id)


# -- tenures as plain data (pages.py adds the links) -------------------------------------------------------

def tenure_plain(t) -> dict:
    """A tenure (corpus.kb.posts) as JSON-able data with all its evidence and its ``post`` (title
    key, organisation id); the page trims the evidence (key_evidence) and adds the links."""
    d = t.to_dict()
    d["post"] = {"title": t.title, "title_key": t.title_key, "organization_id": t.organization_id}
    return d


def key_evidence(evidence: list[dict], limit: int) -> list[dict]:
    """At most ``limit`` of a tenure's evidence (oldest first), keeping what dates it: every
    election, appointment and "former" mark, the first and last sighting in office, then the newest."""
    in_office = [i for i, e in enumerate(evidence) if e["kind"] == "in_office"]
    events = [i for i, e in enumerate(evidence) if e["kind"] != "in_office"]
    ranked = dict.fromkeys(events + in_office[:1] + in_office[-1:] + in_office[::-1])
    return [evidence[i] for i in sorted(list(ranked)[:limit])]


def career_lanes(sightings: list[dict]) -> list[dict]:
    """Role sightings grouped by (title, organization): one timeline lane each, with its distinct dates
    (oldest first), the number of undated sightings and whether it is ever marked former."""
    lanes: dict[tuple, dict] = {}
    for r in sightings:
        k = (r["title"], r["organization"])
        lane = lanes.setdefault(k, {"title": r["title"], "organization": r["organization"], "dates": set(),
                                    "label": post_label(r["title"], r["organization"]), "former": False, "undated": 0})
        if r["date"]:
            lane["dates"].add(r["date"])
        else:
            lane["undated"] += r.get("count", 1)
        lane["former"] = lane["former"] or r["former"]
    out = []
    for lane in lanes.values():
        lane["dates"] = sorted(lane["dates"])
        out.append(lane)
    out.sort(key=lambda ln: (ln["dates"][0] if ln["dates"] else "9999", ln["title"]))
    return out


# -- the computation ---------------------------------------------------------------------------------------

def compute_person(session: Session, person_id: int) -> dict:
    """The aggregate of one person from its rows (what ``refresh`` stores, and what a page uses while
    the stored one is stale): ``articles_total`` (stories: a republished copy is its original's),
    ``roles_total`` (role rows outside copies), ``story_ids`` and ``role_ids`` (those stories' and role
    rows' ids, newest first: the pages of the person page's lists are slices of them, so a page costs
    the same at any size), ``career`` (tenures, plain), ``timeline`` (lanes),
    ``co_mentioned`` and ``places`` ([id, stories] over the latest CO_MENTION_ARTICLES articles),
    ``co_mention_window``."""
    art_ids = select(MN.article_id).where(MN.entity_type == "person", MN.entity_id == person_id)
    story_ids = list(session.execute(
        select(A.id).where(A.id.in_(select(_story()).where(A.id.in_(art_ids))))
        .order_by(A.published_date.desc().nulls_last(), A.id.desc())).scalars())
    role_ids = list(session.execute(
        select(R.id).join(A, A.id == R.article_id).where(R.person_id == person_id, A.syndicated_of_id.is_(None))
        .order_by(A.published_date.desc().nulls_last(), R.id.desc())).scalars())
    n_articles = len(story_ids)
    lane_title = func.coalesce(func.nullif(R.title_canonical, ""), R.title)
    lane_org = func.coalesce(O.name, R.organization)
    sightings = session.execute(
        select(lane_title, lane_org, A.published_date, func.max(case((R.former, 1), else_=0)), func.count())
        .join(A, A.id == R.article_id).outerjoin(O, O.id == R.organization_id)
        .where(R.person_id == person_id, A.syndicated_of_id.is_(None))
        .group_by(lane_title, lane_org, A.published_date)).all()
    timeline = career_lanes([{"title": t, "organization": o or "", "date": d.isoformat() if d else "",
                              "former": bool(f), "count": n} for t, o, d, f, n in sightings])
    career = [tenure_plain(t) for t in tenures(role_evidence(session, person_id=person_id))]
    recent = (select(MN.article_id).where(MN.entity_type == "person", MN.entity_id == person_id)
              .order_by(MN.article_id.desc()).limit(CO_MENTION_ARTICLES))
    n_stories = func.count(func.distinct(_story())).label("n")
    co = session.execute(
        select(P.id, P.name, n_stories)
        .join(MN, (MN.entity_id == P.id) & (MN.entity_type == "person")).join(A, A.id == MN.article_id)
        .where(MN.article_id.in_(recent), P.id != person_id)
        .group_by(P.id, P.name).order_by(desc("n"), P.name).limit(CO_MENTIONED)).all()
    places = session.execute(
        select(PL.id, PL.name, n_stories)
        .join(MN, (MN.entity_id == PL.id) & (MN.entity_type == "place")).join(A, A.id == MN.article_id)
        .where(MN.article_id.in_(recent))
        .group_by(PL.id, PL.name).order_by(desc("n"), PL.name).limit(CO_MENTIONED)).all()
    return {"format": FORMAT, "articles_total": n_articles, "roles_total": len(role_ids), "story_ids": story_ids, "role_ids": role_ids,
            "career": career, "timeline": timeline,
            "co_mentioned": [[r.id, r.n] for r in co], "places": [[r.id, r.n] for r in places],
            "co_mention_window": min(n_articles, CO_MENTION_ARTICLES)}


# -- reading -------------------------------------------------------------------------------------------------

def stored(session: Session, person_id: int) -> tuple[str, dict] | None:
    """(stamp, aggregate) of the person when one is stored and no change to its rows is pending."""
    ag, d = AGGREGATES.c, DIRTY.c
    row = session.execute(select(ag.stamp, ag.data).where(
        ag.entity_type == "person", ag.entity_id == person_id,
        ~exists().where(d.entity_type == "person", d.entity_id == person_id))).first()
    if row is None:
        return None
    data = json.loads(row.data)
    return (row.stamp, data) if data.get("format") == FORMAT else None


def stamp_of(session: Session, person_id: int) -> str | None:
    """The stamp of the person's fresh stored aggregate (None when stale or missing): a cache key
    (a page is cached only after ``stored`` found its aggregate fresh and of this FORMAT)."""
    ag, d = AGGREGATES.c, DIRTY.c
    return session.execute(select(ag.stamp).where(
        ag.entity_type == "person", ag.entity_id == person_id,
        ~exists().where(d.entity_type == "person", d.entity_id == person_id))).scalar_one_or_none()


def person_summary(session: Session, person_id: int) -> tuple[str | None, dict]:
    """(stamp, aggregate): the stored one when fresh, else computed now (stamp None)."""
    got = stored(session, person_id)
    if got is not None:
        return got
    return None, compute_person(session, person_id)


# -- writing -------------------------------------------------------------------------------------------------

def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def store(session: Session, person_id: int, data: dict) -> str:
    """Store the person's aggregate under a new stamp; returns the stamp."""
    ag = AGGREGATES.c
    stamp = uuid.uuid4().hex
    values = {"stamp": stamp, "data": json.dumps(data, ensure_ascii=False, separators=(",", ":")),
              "computed_at": _utcnow()}
    session.execute(insert_for(session, AGGREGATES).values(entity_type="person", entity_id=person_id, **values)
                    .on_conflict_do_update(index_elements=[ag.entity_type, ag.entity_id], set_=values))
    return stamp


def refresh(session: Session, *, chunk: int = REFRESH_BATCH) -> int:
    """Recompute the aggregates of the persons marked in ``entity_dirty`` (each once, however many
    marks it has), drop those of persons that no longer exist, and delete exactly the marks read: a
    mark another transaction adds meanwhile stays for the next refresh. Runs in the caller's
    transaction; returns the number of persons recomputed."""
    d = DIRTY.c
    marks = session.execute(select(d.id, d.entity_type, d.entity_id)).all()
    if not marks:
        return 0
    persons = sorted({r.entity_id for r in marks if r.entity_type == "person"})
    done = 0
    for i in range(0, len(persons), chunk):
        part = persons[i:i + chunk]
        alive = set(session.execute(select(P.id).where(P.id.in_(part))).scalars())
        for pid in part:
            if pid in alive:
                store(session, pid, compute_person(session, pid))
                done += 1
        gone = [pid for pid in part if pid not in alive]
        if gone:
            session.execute(delete(AGGREGATES).where(AGGREGATES.c.entity_type == "person",
                                                     AGGREGATES.c.entity_id.in_(gone)))
    ids = [r.id for r in marks]
    for i in range(0, len(ids), chunk):
        session.execute(delete(DIRTY).where(d.id.in_(ids[i:i + chunk])))
    return done


def mark_all(session: Session) -> int:
    """Mark every person for recomputation (a rebuild: ``refresh`` then recomputes them all)."""
    session.execute(DIRTY.insert().from_select(["entity_type", "entity_id"],
                                               select(func.cast("person", String(16)), P.id)))
    return session.execute(select(func.count()).select_from(P)).scalar_one()


def pending(session: Session) -> int:
    """Marks not yet refreshed."""
    return session.execute(select(func.count()).select_from(DIRTY)).scalar_one()
