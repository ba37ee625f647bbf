"""Writing facts: replacing an article's facts with those of one Extraction, in one transaction,
with the knowledge base's resolution of what they name (corpus.kb): bodies resolved to the body of
their place, canonical titles and role events, and one person occurrence per name (the unit person
resolution clusters; ``corpus.kb.resolve.resolve_blocks`` joins them into persons after a batch)."""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from partyfacts.nlp import Extraction
from partyfacts.nlp.text import fold, key

from . import models as m
from .db import insert_for
from .facts import FACT_TYPES, FactType, write_order
from .kb.bodies import ResolvedBody, resolve_body, site_province
from .kb.context import body_context, person_contexts, resolve_roles, story_province


@dataclass(frozen=True)
class TextField:
    """One part of an article's stored text: [start, end) offsets into ``articles.text``."""
    field: str          # scraper.types.FIELDS: title, dateline, lead, body, caption, byline, source
    start: int
    end: int
    index: int = 0      # which caption


def article_text(article) -> tuple[str, str]:
    """The text stored for a scraper ``Article``, and its ``fields`` column: every part that carries facts
    (``Article.parts()``: title, dateline, lead, body, captions, byline, source line), each NFC, joined
    with blank lines, and their offsets as JSON ``[[field, start, end, index], …]``."""
    pieces, fields, pos = [], [], 0
    for name, index, part in article.parts():
        part = unicodedata.normalize("NFC", part)
        pieces.append(part)
        fields.append([name, pos, pos + len(part), index])
        pos += len(part) + 2
    return "\n\n".join(pieces), json.dumps(fields, ensure_ascii=False)


def text_fields(text: str, fields_json: str) -> list[TextField]:
    """The parts of a stored text (``articles.text`` and ``articles.fields``); a text stored without
    parts (fields "") is one body. A ValueError names a fields value that does not fit the text."""
    if not fields_json:
        return [TextField("body", 0, len(text))] if text else []
    try:
        out = [TextField(str(f), int(a), int(b), int(i)) for f, a, b, i in json.loads(fields_json)]
    except (ValueError, TypeError) as exc:
        raise ValueError(f"articles.fields is not a JSON list of [field, start, end, index]: {fields_json[:80]!r}"
                         f" ({exc}); `partyfacts reparse` stores it again") from None
    if any(not 0 <= f.start <= f.end <= len(text) for f in out):
        raise ValueError(f"articles.fields has offsets outside the text of {len(text)} characters: "
                         f"{fields_json[:80]!r}; `partyfacts reparse` stores it again")
    return out


def field_at(fields: list[TextField], offset: int) -> TextField | None:
    """The part holding this offset of the stored text (None between parts)."""
    return next((f for f in fields if f.start <= offset < f.end), None)


def _get_or_create(session: Session, model, lookup: dict, defaults: dict):
    """The row with the unique key ``lookup``, inserted with ``defaults`` when missing (INSERT … ON
    CONFLICT DO NOTHING: two processes naming the same entity at once store it once)."""
    q = select(model).filter_by(**lookup)
    row = session.execute(q).scalar_one_or_none()
    if row is None:
        session.flush()
        session.execute(insert_for(session, model).values(**lookup, **defaults)
                        .on_conflict_do_nothing(index_elements=list(lookup)))
        row = session.execute(q).scalar_one()
    return row


def place_row(session: Session, p) -> m.Place:
    lookup = {"key": key(p.name), "type": p.type or "", "province": p.province or ""}
    succ = p.successor
    return _get_or_create(session, m.Place, lookup, {
        "name": p.name, "folded": fold(p.name), "code": p.code or "", "era": getattr(p, "era", "") or "",
        "successor_name": succ.name if succ else "", "successor_type": succ.type if succ else "",
        "successor_province": succ.province if succ else "", "successor_code": succ.code if succ else "",
    })


def organization_row(session: Session, body: ResolvedBody, kind: str = "") -> m.Organization:
    """The organisation a resolved body names (one row per resolution key)."""
    return _get_or_create(session, m.Organization, {"key": body.key}, {
        "name": body.name, "folded": fold(body.name), "kind": kind, "level": body.level,
        "place_name": body.place, "province": body.province})


def mention_key(article: m.Article, name: str) -> str:
    """The stable key of a person's occurrence in an article: researchers' decisions attach to it."""
    return f"{article.canonical_url}#{key(name)}"


def delete_facts(session: Session, article_id: int) -> None:
    """Delete the article's fact rows: its mentions and every fact table with an article column."""
    models = [m.Mention] + [ft.model for ft in FACT_TYPES if hasattr(ft.model, "article_id")]
    for model in models:
        session.execute(delete(model).where(model.article_id == article_id))


class _Writing:
    """What the writers of one Extraction share: the article, the rows written so far by name key
    (a role finds its person and organization rows, a figure the places of its article)."""

    def __init__(self, session: Session, article: m.Article, version: str, ex: Extraction):
        self.session, self.article, self.text, self.version = session, article, article.text, version
        self.persons: dict[str, m.Person] = {}
        self.places_by_key: dict[str, m.Place] = {}
        self.place_spans: list[tuple[int, int, m.Place]] = []   # every place mention, to place figures
        self.orgs: dict[str, m.Organization] = {}
        # the knowledge base's view of the article: where it is, what its bodies and titles are
        site = article.site
        if site is not None and not site.province:
            site.province = site_province(site.name, site.base_url or "")
        self.site_province = site.province if site is not None else ""
        date = article.published_date.isoformat() if article.published_date else ""
        self.body_ctx = body_context(ex, self.site_province, date)
        self.scope = f"article:{article.canonical_url}"
        self.role_resolutions = resolve_roles(ex, self.text, self.body_ctx, self.scope)
        self.story_province = story_province(ex, self.site_province)
        self.person_contexts = {pc.name: pc for pc in person_contexts(ex, self.role_resolutions, self.story_province)}

    def add_mentions(self, etype: str, row_id: int, spans) -> None:
        for a, b in spans:
            self.session.add(m.Mention(article_id=self.article.id, entity_type=etype, entity_id=row_id, start=a,
                                       end=b, surface=self.text[a:b], pipeline_version=self.version))


def write_persons(w: _Writing, persons) -> int:
    """One occurrence per person named in the article, kept across re-processing by its mention key
    (with the person it was resolved to); a new occurrence starts as a person of its own until
    resolution joins it."""
    s, art = w.session, w.article
    old = {o.mention_key: o for o in s.execute(select(m.PersonOccurrence).where(
        m.PersonOccurrence.article_id == art.id)).scalars()}
    date = art.published_date.isoformat() if art.published_date else ""
    site = art.site.name if art.site is not None else ""
    for p in persons:
        mk = mention_key(art, p.name)
        occ = old.pop(mk, None)
        person = s.get(m.Person, occ.person_id) if occ is not None and occ.person_id else None
        if person is None:
            person = m.Person(name=p.name, key=key(p.name), folded=fold(p.name), variants="[]")
            s.add(person)
            s.flush()
        pc = w.person_contexts[p.name]
        if occ is None:
            occ = _get_or_create(s, m.PersonOccurrence, {"mention_key": mk}, {
                "article_id": art.id, "person_id": person.id, "name": p.name, "name_key": pc.name_key,
                "pipeline_version": w.version})
        occ.person_id, occ.name, occ.name_key = person.id, p.name, pc.name_key
        occ.province, occ.district, occ.pipeline_version = pc.province, pc.district, w.version
        occ.context = json.dumps({"bodies": pc.bodies, "titles": pc.titles, "comentions": pc.comentions,
                                  "site": site, "date": date, "variants": list(p.variants)}, ensure_ascii=False)
        w.persons[p.name] = person
        w.add_mentions("person", person.id, p.mentions)
    for stale in old.values():          # a name the new extraction no longer finds
        s.delete(stale)
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
        at = min((a for a, _ in o.mentions), default=None)
        body = resolve_body(o.name, w.body_ctx, at=at, scope=w.scope)
        row = w.orgs[key(o.name)] = organization_row(w.session, body, getattr(o, "kind", ""))
        w.add_mentions("organization", row.id, o.mentions)
    return len(organizations)


def write_roles(w: _Writing, roles) -> int:
    s = w.session
    for r, rr in zip(roles, w.role_resolutions):
        prow = w.persons.get(r.person)
        if prow is None:
            raise ValueError(f"role of {r.person!r}, who is not among the article's persons")
        orow = organization_row(s, rr.body) if rr.body is not None else None
        place = _place_in(r.organization, w.places_by_key)
        s.add(m.Role(article_id=w.article.id, person_id=prow.id, organization_id=orow.id if orow else None,
                     place_id=place.id if place else None, title=r.title, title_folded=fold(r.title),
                     organization=r.organization or "", title_expanded=r.title_expanded or "",
                     title_canonical=rr.title_canonical, title_key=rr.title_key,
                     org_resolution=rr.body.how if rr.body is not None else "", event=rr.event,
                     event_date=rr.event_date, former=bool(r.former), start=r.span[0], end=r.span[1],
                     pipeline_version=w.version))
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
    w = _Writing(session, article, version, ex)
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
