"""Writing facts: entity resolution (get-or-create by name key) and replacing an article's facts
with those of one Extraction, in one transaction."""
from __future__ import annotations

import json

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from partyfacts.nlp import Extraction
from partyfacts.nlp.text import fold, key

from . import models as m
from .facts import FACT_TYPES, FactType, write_order


def _get_or_create(session: Session, model, lookup: dict, defaults: dict):
    row = session.execute(select(model).filter_by(**lookup)).scalar_one_or_none()
    if row is None:
        row = model(**lookup, **defaults)
        session.add(row)
        session.flush()
    return row


def person_row(session: Session, name: str, variants=()) -> m.Person:
    row = _get_or_create(session, m.Person, {"key": key(name)}, {"name": name, "folded": fold(name)})
    if variants:
        known = set(json.loads(row.variants or "[]"))
        new = known | {v for v in variants if v != row.name}
        if new != known:
            row.variants = json.dumps(sorted(new), ensure_ascii=False)
    return row


def place_row(session: Session, p) -> m.Place:
    lookup = {"key": key(p.name), "type": p.type or "", "province": p.province or ""}
    succ = p.successor
    return _get_or_create(session, m.Place, lookup, {
        "name": p.name, "folded": fold(p.name), "code": p.code or "", "era": getattr(p, "era", "") or "",
        "successor_name": succ.name if succ else "", "successor_type": succ.type if succ else "",
        "successor_province": succ.province if succ else "", "successor_code": succ.code if succ else "",
    })


def organization_row(session: Session, name: str, kind: str = "") -> m.Organization:
    return _get_or_create(session, m.Organization, {"key": key(name)}, {"name": name, "folded": fold(name), "kind": kind})


def delete_facts(session: Session, article_id: int) -> None:
    """Delete the article's fact rows: its mentions and every fact table with an article column."""
    models = [m.Mention] + [ft.model for ft in FACT_TYPES if hasattr(ft.model, "article_id")]
    for model in models:
        session.execute(delete(model).where(model.article_id == article_id))


class _Writing:
    """What the writers of one Extraction share: the article, the rows written so far by name key
    (a role finds its person and organization rows, a figure the places of its article)."""

    def __init__(self, session: Session, article: m.Article, version: str):
        self.session, self.article, self.text, self.version = session, article, article.text, version
        self.persons: dict[str, m.Person] = {}
        self.places_by_key: dict[str, m.Place] = {}
        self.place_spans: list[tuple[int, int, m.Place]] = []   # every place mention, to place figures
        self.orgs: dict[str, m.Organization] = {}

    def add_mentions(self, etype: str, row_id: int, spans) -> None:
        for a, b in spans:
            self.session.add(m.Mention(article_id=self.article.id, entity_type=etype, entity_id=row_id, start=a,
                                       end=b, surface=self.text[a:b], pipeline_version=self.version))


def write_persons(w: _Writing, persons) -> int:
    for p in persons:
        row = w.persons[p.name] = person_row(w.session, p.name, p.variants)
        w.add_mentions("person", row.id, p.mentions)
    return len(persons)


def write_places(w: _Writing, places) -> int:
    for p in places:
        row = place_row(w.session, p)
        w.places_by_key.setdefault(key(p.name), row)
        w.place_spans.extend((a, b, row) for a, b in p.mentions)
        w.add_mentions("place", row.id, p.mentions)
    return len(places)


def write_organizations(w: _Writing, organizations) -> int:
    for o in organizations:
        row = w.orgs[key(o.name)] = organization_row(w.session, o.name, getattr(o, "kind", ""))
        w.add_mentions("organization", row.id, o.mentions)
    return len(organizations)


def write_roles(w: _Writing, roles) -> int:
    s = w.session
    for r in roles:
        prow = w.persons.get(r.person) or person_row(s, r.person)
        orow = None
        if r.organization:
            orow = w.orgs.get(key(r.organization)) or organization_row(s, r.organization)
        place = _place_in(r.organization, w.places_by_key)
        s.add(m.Role(article_id=w.article.id, person_id=prow.id, organization_id=orow.id if orow else None,
                     place_id=place.id if place else None, title=r.title, title_folded=fold(r.title),
                     organization=r.organization or "", title_expanded=r.title_expanded or "",
                     former=bool(r.former), start=r.span[0], end=r.span[1], pipeline_version=w.version))
    return len(roles)


def write_figures(w: _Writing, figures) -> int:
    for f in figures:
        place = _place_in(f.actor, w.places_by_key) or _place_before(w.text, f.span[0], w.place_spans)
        w.session.add(m.Figure(article_id=w.article.id, place_id=place.id if place else None, value=float(f.value),
                               unit=f.unit, text=f.text, start=f.span[0], end=f.span[1], sentence=f.sentence,
                               counted=f.counted, actor=f.actor, period=f.period, qualifier=f.qualifier,
                               pipeline_version=w.version))
    return len(figures)


def writer(ft: FactType):
    """The store writer a registry entry names (a function of this module)."""
    fn = globals().get(ft.writer or "")
    if not callable(fn):
        raise LookupError(f"fact type {ft.name!r} names no writer in corpus.store: {ft.writer!r}")
    return fn


def store_extraction(session: Session, article: m.Article, ex: Extraction, version: str) -> dict[str, int]:
    """Replace the article's facts with ``ex``; returns counts per fact table (corpus.facts order),
    each type written by its registry writer after the types it requires."""
    delete_facts(session, article.id)
    counts = {ft.table: 0 for ft in FACT_TYPES}
    w = _Writing(session, article, version)
    for ft in write_order():
        counts[ft.table] = writer(ft)(w, getattr(ex, ft.attribute))
    return counts


def _place_in(phrase: str, places_by_key: dict):
    """The article's place whose name ends the phrase ("UBND huyện Tam Dương" → Tam Dương)."""
    if not phrase:
        return None
    k = key(phrase)
    best = None
    for pk, row in places_by_key.items():
        if k.endswith(" " + pk) or k == pk:
            if best is None or len(pk) > len(key(best.name)):
                best = row
    return best


def _place_before(text: str, pos: int, place_spans) -> "m.Place | None":
    """The place named last before ``pos`` in the same sentence ("Năm 2023, huyện Lục Ngạn kết nạp 86
    đảng viên" → Lục Ngạn), or None."""
    best = None
    for a, b, row in place_spans:
        if b <= pos and (best is None or b > best[0]):
            between = text[b:pos]
            if "\n" not in between and ". " not in between and len(between) < 300:
                best = (b, row)
    return best[1] if best else None
