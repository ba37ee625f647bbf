"""Researchers' corrections to person resolution: merge two persons, split occurrences off a person.

A correction is stored as decisions between occurrences (``resolution_decisions``, keyed by the
stable mention keys "<article canonical URL>#<name key>"), never as an edit of the derived person,
mention or role rows: re-processing with a new pipeline version or re-ingesting rebuilds those rows,
and the resolver (corpus.kb.persons.cluster) applies the decisions again, so the corrected persons
come back the same.

- merge(A, B): a must-link ("merge") between the representative occurrences of A and B. Earlier
  cannot-links ("split") between the two persons' occurrences are withdrawn: the newer word wins.
- split(P, keys): the moved occurrences become one person (must-links to the first moved one) that
  can never join the rest (a cannot-link from each moved occurrence to the remaining ones'
  representative). Earlier must-links between moved and remaining occurrences are withdrawn.

A person's representative is its occurrence with the smallest mention key (stable while the person
keeps that occurrence). Both corrections then re-resolve the affected name blocks
(corpus.kb.resolve.resolve_blocks) and return the resulting person ids."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from .. import models as m
from .resolve import resolve_blocks

MAX_NOTE = 2000
MAX_BY = 64


class DecisionError(ValueError):
    """A correction that cannot be made; ``status`` is 404 for an unknown person, 400 otherwise."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class MergeResult:
    person_id: int           # the person both are now
    decisions: int           # decisions recorded


@dataclass(frozen=True)
class SplitResult:
    person_id: int           # the person the remaining occurrences are
    new_person_id: int       # the person the moved occurrences are
    decisions: int


def occurrences_of(session: Session, person_id: int) -> list[m.PersonOccurrence]:
    """The person's occurrences by mention key; DecisionError(404) for an unknown person."""
    if session.get(m.Person, person_id) is None:
        raise DecisionError(f"person {person_id} does not exist", 404)
    return list(session.execute(select(m.PersonOccurrence).where(m.PersonOccurrence.person_id == person_id)
                                .order_by(m.PersonOccurrence.mention_key)).scalars())


def representative(session: Session, person_id: int) -> str:
    occ = occurrences_of(session, person_id)
    if not occ:
        raise DecisionError(f"person {person_id} has no occurrences to correct (its articles are not processed)")
    return occ[0].mention_key


def _record(session: Session, kind: str, a: str, b: str, note: str, by: str) -> int:
    a, b = sorted((a, b))
    if a == b:
        return 0
    exists_ = session.execute(select(m.ResolutionDecision.id).where(
        m.ResolutionDecision.kind == kind, m.ResolutionDecision.key_a == a, m.ResolutionDecision.key_b == b)).first()
    if exists_:
        return 0
    session.add(m.ResolutionDecision(kind=kind, key_a=a, key_b=b, note=(note or "")[:MAX_NOTE],
                                     created_by=(by or "admin")[:MAX_BY]))
    return 1


def _withdraw(session: Session, kind: str, left: set[str], right: set[str]) -> None:
    """Delete ``kind`` decisions with one key in ``left`` and the other in ``right``."""
    if not left or not right:
        return
    d = m.ResolutionDecision
    L, R = sorted(left), sorted(right)
    session.execute(delete(d).where(d.kind == kind, or_(d.key_a.in_(L) & d.key_b.in_(R),
                                                        d.key_a.in_(R) & d.key_b.in_(L))))


def _person_of(session: Session, mention_key: str) -> int:
    pid = session.execute(select(m.PersonOccurrence.person_id).where(
        m.PersonOccurrence.mention_key == mention_key)).scalar_one()
    return int(pid)


def merge_persons(session: Session, person_a: int, person_b: int, note: str = "", by: str = "admin", *,
                  method: str = "splink") -> MergeResult:
    """Record that persons ``person_a`` and ``person_b`` are one and re-resolve their name blocks;
    returns the resulting person."""
    if person_a == person_b:
        raise DecisionError(f"cannot merge person {person_a} with itself; give another person's id")
    occ_a, occ_b = occurrences_of(session, person_a), occurrences_of(session, person_b)
    for pid, occ in ((person_a, occ_a), (person_b, occ_b)):
        if not occ:
            raise DecisionError(f"person {pid} has no occurrences to merge (its articles are not processed)")
    keys_a, keys_b = {o.mention_key for o in occ_a}, {o.mention_key for o in occ_b}
    _withdraw(session, "split", keys_a, keys_b)
    n = _record(session, "merge", occ_a[0].mention_key, occ_b[0].mention_key, note, by)
    session.flush()
    resolve_blocks(session, {o.name_key for o in occ_a + occ_b}, method=method)
    session.flush()
    return MergeResult(_person_of(session, occ_a[0].mention_key), n)


def split_person(session: Session, person_id: int, mention_keys: list[str], note: str = "", by: str = "admin", *,
                 method: str = "splink") -> SplitResult:
    """Move the occurrences ``mention_keys`` off person ``person_id`` into a person of their own and
    re-resolve; returns the remaining person and the new one."""
    occ = occurrences_of(session, person_id)
    own = {o.mention_key for o in occ}
    moved = sorted(set(mention_keys))
    if not moved:
        raise DecisionError("give at least one occurrence (mention key) to split off")
    foreign = [k for k in moved if k not in own]
    if foreign:
        raise DecisionError(f"occurrence {foreign[0]!r} is not one of person {person_id}'s occurrences")
    remaining = sorted(own - set(moved))
    if not remaining:
        raise DecisionError(f"cannot split every occurrence off person {person_id}; leave at least one")
    _withdraw(session, "merge", set(moved), set(remaining))
    rep = remaining[0]
    n = 0
    for k in moved:
        n += _record(session, "split", k, rep, note, by)
        n += _record(session, "merge", k, moved[0], note, by)
    session.flush()
    resolve_blocks(session, {o.name_key for o in occ}, method=method)
    session.flush()
    return SplitResult(_person_of(session, rep), _person_of(session, moved[0]), n)
