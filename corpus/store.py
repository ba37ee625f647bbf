"""Writing facts: entity resolution (get-or-create by name key) and replacing an article's facts
with those of one Extraction, in one transaction."""
from __future__ import annotations

import json

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from partyfacts.nlp import Extraction
from partyfacts.nlp.text import fold, key

from . import models as m


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
    for model in (m.Mention, m.Role, m.Figure):
        session.execute(delete(model).where(model.article_id == article_id))


def store_extraction(session: Session, article: m.Article, ex: Extraction, version: str) -> dict[str, int]:
    """Replace the article's facts with ``ex``; returns counts per fact type."""
    delete_facts(session, article.id)
    text = article.text
    counts = {"persons": 0, "roles": 0, "places": 0, "organizations": 0, "figures": 0}

    def add_mentions(etype: str, row_id: int, spans) -> None:
        for a, b in spans:
            session.add(m.Mention(article_id=article.id, entity_type=etype, entity_id=row_id,
                                  start=a, end=b, surface=text[a:b], pipeline_version=version))

    persons = {}
    for p in ex.persons:
        row = persons[p.name] = person_row(session, p.name, p.variants)
        add_mentions("person", row.id, p.mentions)
        counts["persons"] += 1
    places_by_key = {}
    place_spans = []  # (start, end, row) of every place mention, to place figures
    for p in ex.places:
        row = place_row(session, p)
        places_by_key.setdefault(key(p.name), row)
        place_spans.extend((a, b, row) for a, b in p.mentions)
        add_mentions("place", row.id, p.mentions)
        counts["places"] += 1
    orgs = {}
    for o in ex.organizations:
        row = orgs[key(o.name)] = organization_row(session, o.name, getattr(o, "kind", ""))
        add_mentions("organization", row.id, o.mentions)
        counts["organizations"] += 1
    for r in ex.roles:
        prow = persons.get(r.person) or person_row(session, r.person)
        orow = None
        if r.organization:
            orow = orgs.get(key(r.organization)) or organization_row(session, r.organization)
        place = _place_in(r.organization, places_by_key)
        session.add(m.Role(article_id=article.id, person_id=prow.id, organization_id=orow.id if orow else None,
                           place_id=place.id if place else None, title=r.title, title_folded=fold(r.title),
                           organization=r.organization or "", title_expanded=r.title_expanded or "",
                           former=bool(r.former), start=r.span[0], end=r.span[1], pipeline_version=version))
        counts["roles"] += 1
    for f in ex.figures:
        place = _place_in(f.actor, places_by_key) or _place_before(text, f.span[0], place_spans)
        session.add(m.Figure(article_id=article.id, place_id=place.id if place else None, value=float(f.value),
                             unit=f.unit, text=f.text, start=f.span[0], end=f.span[1], sentence=f.sentence,
                             counted=f.counted, actor=f.actor, period=f.period, qualifier=f.qualifier,
                             pipeline_version=version))
        counts["figures"] += 1
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
