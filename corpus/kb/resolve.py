"""The person-resolution job over the database: cluster the occurrences of the given name blocks
(corpus.kb.persons), keep researchers' decisions, give each cluster a person row (the one most of its
occurrences already had, so person ids and URLs stay put), and point every mention and role of an
occurrence at its person. An occurrence with no province of its own (none in its story) takes its
site's current province, so setting a site's province and resolving again uses it. Idempotent: run
twice on the same occurrences and decisions, nothing changes."""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from partyfacts.nlp.text import fold

from .. import models as m
from ..db import serialize
from .persons import Decision, Occurrence, linkage_config, resolve_persons

log = logging.getLogger(__name__)


@dataclass
class ResolveStats:
    blocks: int = 0
    occurrences: int = 0
    persons: int = 0
    changed: int = 0           # occurrences whose person changed
    method: str = ""


def _occurrence(row: m.PersonOccurrence, site_provinces: dict[str, str]) -> Occurrence:
    ctx = json.loads(row.context or "{}")
    province = row.province or site_provinces.get(ctx.get("site", ""), "")
    return Occurrence(key=row.mention_key, name=row.name, name_key=row.name_key, province=province,
                      district=row.district, bodies=tuple(ctx.get("bodies", ())), titles=tuple(ctx.get("titles", ())),
                      comentions=tuple(ctx.get("comentions", ())), site=ctx.get("site", ""), date=ctx.get("date", ""))


def occurrences_of(session: Session, rows: list[m.PersonOccurrence]) -> list[Occurrence]:
    """The linkage records of these rows; an occurrence with no province of its own takes its
    site's (as the site is set now)."""
    site_provinces = {name: prov for name, prov in session.execute(select(m.Site.name, m.Site.province)) if prov}
    return [_occurrence(r, site_provinces) for r in rows]


def decisions_for(session: Session, keys: set[str]) -> list[Decision]:
    rows = session.execute(select(m.ResolutionDecision).where(
        m.ResolutionDecision.key_a.in_(keys) | m.ResolutionDecision.key_b.in_(keys))).scalars()
    return [Decision(r.kind, r.key_a, r.key_b) for r in rows]


def resolve_blocks(session: Session, name_keys: set[str] | None = None, *, method: str = "splink") -> ResolveStats:
    """Re-resolve the occurrences whose name key is in ``name_keys`` (every block when None).
    A researcher's merge across two names brings the other name's block in too."""
    if name_keys is not None and not name_keys:
        return ResolveStats()
    # one resolution at a time: two process runs resolving overlapping blocks would each give a
    # cluster a new person row (read, cluster, write); the second waits and sees the first's rows
    serialize(session, "resolve-persons")
    rows = _load_blocks(session, None if name_keys is None else set(name_keys))
    stats = ResolveStats(blocks=len({r.name_key for r in rows}), occurrences=len(rows))
    if not rows:
        return stats
    occurrences = occurrences_of(session, rows)
    if name_keys is not None and len(rows) < linkage_config()["min_records_for_estimates"]:
        total = session.execute(select(m.PersonOccurrence.id).limit(linkage_config()["min_records_for_estimates"])).all()
        if len(total) >= linkage_config()["min_records_for_estimates"]:
            # a large corpus: the model's estimates need the whole of it, not just these blocks
            return resolve_blocks(session, None, method=method)
    res = resolve_persons(occurrences, decisions_for(session, {o.key for o in occurrences}), method=method)
    stats.method = res.method
    by_key = {r.mention_key: r for r in rows}
    taken: set[int] = set()
    for cluster in sorted(res.clusters, key=lambda c: (-len(c), c[0])):
        members = [by_key[k] for k in cluster]
        pid = _pick_person(members, taken)
        person = session.get(m.Person, pid) if pid is not None else None
        if person is None:
            name = _display_name(members)
            person = m.Person(name=name, key=members[0].name_key, folded=fold(name), variants="[]")
            session.add(person)
            session.flush()
        taken.add(person.id)
        names = sorted({r.name for r in members} - {person.name})
        person.variants = json.dumps(names, ensure_ascii=False)
        for r in members:
            r.explanation = json.dumps(res.explanations[r.mention_key].to_dict(), ensure_ascii=False)
            if r.person_id != person.id:
                _repoint(session, r, person.id)
                stats.changed += 1
    stats.persons = len(res.clusters)
    _drop_orphans(session)
    return stats


def _load_blocks(session: Session, keys: set[str] | None) -> list[m.PersonOccurrence]:
    """The occurrences of these name blocks, and of the blocks a researcher's decision ties to them."""
    q = select(m.PersonOccurrence).order_by(m.PersonOccurrence.id)
    if keys is None:
        return session.execute(q).scalars().all()
    while True:
        rows = session.execute(q.where(m.PersonOccurrence.name_key.in_(sorted(keys)))).scalars().all()
        mention_keys = {r.mention_key for r in rows}
        other = {k for d in decisions_for(session, mention_keys) for k in (d.a, d.b)} - mention_keys
        more = set(session.execute(select(m.PersonOccurrence.name_key).where(
            m.PersonOccurrence.mention_key.in_(sorted(other)))).scalars()) - keys if other else set()
        if not more:
            return rows
        keys |= more


def _pick_person(members: list[m.PersonOccurrence], taken: set[int]) -> int | None:
    counts = Counter(r.person_id for r in members if r.person_id is not None and r.person_id not in taken)
    if not counts:
        return None
    return min(counts, key=lambda pid: (-counts[pid], pid))


def _display_name(members: list[m.PersonOccurrence]) -> str:
    counts = Counter(r.name for r in members)
    return min(counts, key=lambda n: (-counts[n], -len(n), n))


def _repoint(session: Session, occ: m.PersonOccurrence, person_id: int) -> None:
    old = occ.person_id
    if old is not None:
        session.execute(update(m.Mention).where(m.Mention.article_id == occ.article_id, m.Mention.entity_type == "person",
                                                m.Mention.entity_id == old).values(entity_id=person_id))
        session.execute(update(m.Role).where(m.Role.article_id == occ.article_id, m.Role.person_id == old)
                        .values(person_id=person_id))
    occ.person_id = person_id


def _drop_orphans(session: Session) -> None:
    """Persons no occurrence points to any more (merged away, or their articles re-processed)."""
    session.flush()
    session.execute(delete(m.Person).where(
        ~exists().where(m.PersonOccurrence.person_id == m.Person.id),
        ~exists().where(m.Role.person_id == m.Person.id),
        ~exists().where((m.Mention.entity_type == "person") & (m.Mention.entity_id == m.Person.id))))
