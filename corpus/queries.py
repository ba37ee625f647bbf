"""Read side for lists, search and exports: one query builder per table that takes the search box
and the page filters, used alike by the API, the HTML pages, `/export/…` and `partyfacts export`.

Written against SQLAlchemy Core only (column tuples, no ORM objects: a million exported rows stay
cheap), so they run on SQLite and PostgreSQL. On SQLite the search box goes through the FTS5 indexes
of migration 0003_search; elsewhere through LIKE over folded columns. Exports stream (`yield_per`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from nlp.text import fold, key

from . import models as m
from .search import (MAX_QUERY_LEN, Filters, QueryError, SearchQuery, fts_matches, has_fts, parse_query,
                     snippet)

__all__ = ["TABLES", "SPECS", "QueryError", "Filters", "list_items", "export_rows", "spec", "check_query",
           "MAX_QUERY_LEN", "MAX_PER_PAGE", "MAX_PAGE"]

TABLES = ("articles", "persons", "roles", "places", "organizations", "figures")
MAX_PER_PAGE = 200
MAX_PAGE = 5000          # bounded OFFSET: deeper pages are an export's job

A, P, PL, O, R, F, MN, S = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Figure, m.Mention, m.Site


def check_query(q: str | None) -> str:
    """The stripped query, or QueryError when it is too long or has too many words."""
    parse_query(q)
    return (q or "").strip()


@dataclass(frozen=True)
class Ctx:
    sq: SearchQuery
    filters: Filters
    fts: bool

    @property
    def searching(self) -> bool:
        return not self.sq.empty


def _site_id(name: str):
    return select(S.id).where(S.name == name).scalar_subquery()


def _like_all(cols, sq: SearchQuery):
    """Every phrase appears in one of the folded columns (the non-FTS fallback)."""
    return and_(*[or_(*[c.like(p, escape="\\") for c in cols]) for p in sq.like_patterns()])


def _mentioned(etype: str, ent_id_col, f: Filters):
    """EXISTS a mention of the entity in an article passing the site/date/article filters (or None)."""
    conds = []
    if f.site:
        conds.append(A.site_id == _site_id(f.site))
    if f.date_from:
        conds.append(A.published_date >= f.date_from)
    if f.date_to:
        conds.append(A.published_date <= f.date_to)
    if f.article:
        conds.append(MN.article_id == f.article)
    if not conds:
        return None
    return exists().where(MN.entity_type == etype, MN.entity_id == ent_id_col, MN.article_id == A.id, *conds)


def _article_date_site(st: Select, f: Filters) -> Select:
    if f.site:
        st = st.where(A.site_id == _site_id(f.site))
    if f.date_from:
        st = st.where(A.published_date >= f.date_from)
    if f.date_to:
        st = st.where(A.published_date <= f.date_to)
    if f.article:
        st = st.where(A.id == f.article)
    return st


# -- articles -----------------------------------------------------------------------------------

def _articles(ctx: Ctx, export: bool) -> Select:
    st = (select(A.id, A.url, S.name.label("site"), A.title, A.published, A.author, A.source, A.text)
          .join(S, S.id == A.site_id))
    f = ctx.filters
    st = _article_date_site(st, f)
    if f.province:
        st = st.where(exists().where(MN.article_id == A.id, MN.entity_type == "place", MN.entity_id == PL.id,
                                     PL.province == f.province))
    if f.place:
        st = st.where(exists().where(MN.article_id == A.id, MN.entity_type == "place", MN.entity_id == f.place))
    if f.person:
        st = st.where(exists().where(MN.article_id == A.id, MN.entity_type == "person", MN.entity_id == f.person))
    if f.organization:
        st = st.where(exists().where(MN.article_id == A.id, MN.entity_type == "organization",
                                     MN.entity_id == f.organization))
    if f.role_title:
        st = st.where(exists().where(R.article_id == A.id, R.title_folded == fold(f.role_title)))
    if f.unit:
        st = st.where(exists().where(F.article_id == A.id, F.unit == f.unit))
    if not ctx.searching:
        return st.order_by(A.published_date.desc().nulls_last(), A.id.desc())
    sq = ctx.sq
    if ctx.fts:
        mt = fts_matches("articles", sq)
        st = st.join(mt, mt.c.id == A.id)
        # exact diacritics first, then the words adjacent as typed, then bm25
        whole = sq.as_phrase() or sq
        order = []
        if sq.has_diacritics():
            ex = fts_matches("articles", whole, exact=True)
            order.append(case((A.id.in_(select(ex.c.id)), 0), else_=1))
        if whole is not sq:
            ph = fts_matches("articles", whole, tag="phrase")
            order.append(case((A.id.in_(select(ph.c.id)), 0), else_=1))
        return st.order_by(*order, mt.c.score, A.id.desc())
    exact = or_(A.title.like(sq.exact_like()), func.lower(A.text).like(sq.exact_like()))
    st = st.where(or_(_like_all([A.title_folded], sq), exact))
    return st.order_by(case((exact, 0), else_=1), A.published_date.desc().nulls_last(), A.id.desc())


def _article_row(r) -> dict:
    return {"id": r.id, "url": r.url, "site": r.site, "title": r.title, "published": r.published or "",
            "author": r.author, "source": r.source, "text": r.text, "href": f"/articles/{r.id}"}


def _article_item(r, ctx: Ctx) -> dict:
    d = _article_row(r)
    d["snippet"] = snippet(d.pop("text"), ctx.sq if ctx.searching else None).to_dict()
    return d


# -- entities -----------------------------------------------------------------------------------

def _entity_search(ctx: Ctx, table: str, model, folded_cols, exact_col):
    """(where clause, order-by list) of the search box over one entity table."""
    sq = ctx.sq
    exact_rank = case((exact_col.like("%" + key(sq.raw.replace('"', " ")) + "%"), 0), else_=1)
    if ctx.fts:
        mt = fts_matches(table, sq)
        return model.id.in_(select(mt.c.id)), [exact_rank, model.name, model.id]
    return _like_all(folded_cols, sq), [exact_rank, model.name, model.id]


def _persons(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = select(P.id, P.name, P.variants)
    conds, order = [], [P.name, P.id]
    if ctx.searching:
        where, order = _entity_search(ctx, "persons", P, [P.folded], P.key)
        conds.append(where)
    ment = _mentioned("person", P.id, f)
    if ment is not None:
        conds.append(ment)
    if f.person:
        conds.append(P.id == f.person)
    role_conds = []
    if f.role_title:
        role_conds.append(R.title_folded == fold(f.role_title))
    if f.place:
        role_conds.append(R.place_id == f.place)
    if f.organization:
        role_conds.append(R.organization_id == f.organization)
    if f.province:
        role_conds += [R.place_id == PL.id, PL.province == f.province]
    if role_conds:
        conds.append(exists().where(R.person_id == P.id, *role_conds))
    if f.unit:
        conds.append(P.id.is_(None))  # figures carry no person: a unit filter selects no person
    return _entity_occurrences(st.where(*conds), "person", P, order, export)


def _places(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = select(PL.id, PL.name, PL.type, PL.province, PL.code, PL.era, PL.successor_name, PL.successor_type,
                PL.successor_province, PL.successor_code)
    conds, order = [], [PL.name, PL.id]
    if ctx.searching:
        where, order = _entity_search(ctx, "places", PL, [PL.folded], PL.key)
        conds.append(where)
    ment = _mentioned("place", PL.id, f)
    if ment is not None:
        conds.append(ment)
    if f.province:
        conds.append(PL.province == f.province)
    if f.place:
        conds.append(PL.id == f.place)
    if f.role_title or f.person:
        rc = [R.place_id == PL.id]
        if f.role_title:
            rc.append(R.title_folded == fold(f.role_title))
        if f.person:
            rc.append(R.person_id == f.person)
        conds.append(exists().where(*rc))
    if f.unit:
        conds.append(exists().where(F.place_id == PL.id, F.unit == f.unit))
    return _entity_occurrences(st.where(*conds), "place", PL, order, export)


def _organizations(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = select(O.id, O.name, O.kind)
    conds, order = [], [O.name, O.id]
    if ctx.searching:
        where, order = _entity_search(ctx, "organizations", O, [O.folded], O.key)
        conds.append(where)
    ment = _mentioned("organization", O.id, f)
    if ment is not None:
        conds.append(ment)
    if f.organization:
        conds.append(O.id == f.organization)
    rc = []
    if f.role_title:
        rc.append(R.title_folded == fold(f.role_title))
    if f.person:
        rc.append(R.person_id == f.person)
    if f.place:
        rc.append(R.place_id == f.place)
    if f.province:
        rc += [R.place_id == PL.id, PL.province == f.province]
    if rc:
        conds.append(exists().where(R.organization_id == O.id, *rc))
    if f.unit:
        conds.append(O.id.is_(None))
    return _entity_occurrences(st.where(*conds), "organization", O, order, export)


def _entity_occurrences(st: Select, etype: str, model, order, export: bool) -> Select:
    """Lists: one row per entity. Exports: one row per (entity, article) with the article's url/date."""
    if not export:
        return st.order_by(*order)
    st = (st.add_columns(A.id.label("article_id"), A.url.label("article_url"), A.published.label("published"),
                         func.count(MN.id).label("mentions"), func.min(MN.start).label("start"),
                         func.min(MN.end).label("end"))
          .join(MN, (MN.entity_id == model.id) & (MN.entity_type == etype))
          .join(A, A.id == MN.article_id))
    cols = [c for c in st.selected_columns if c.name not in ("mentions", "start", "end")]
    return st.group_by(*cols).order_by(model.id, A.id)


def _person_fields(r) -> dict:
    return {"id": r.id, "name": r.name, "variants": json.loads(r.variants or "[]"), "href": f"/persons/{r.id}"}


def _place_fields(r) -> dict:
    return {"id": r.id, "name": r.name, "type": r.type, "province": r.province, "code": r.code, "era": r.era,
            "successor_name": r.successor_name, "successor_type": r.successor_type,
            "successor_province": r.successor_province, "successor_code": r.successor_code,
            "href": f"/places/{r.id}"}


def _org_fields(r) -> dict:
    return {"id": r.id, "name": r.name, "kind": r.kind, "href": f"/organizations/{r.id}"}


def _occurrence(fields: Callable) -> Callable[[Any], dict]:
    def row(r) -> dict:
        d = fields(r)
        d.update({"article_id": r.article_id, "article_url": r.article_url, "published": r.published or "",
                  "mentions": r.mentions, "start": r.start, "end": r.end})
        return d
    return row


# -- roles and figures: one row per fact ----------------------------------------------------------

def _roles(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = (select(R.id, R.person_id, P.name.label("person"), R.title, R.organization, R.title_expanded, R.former,
                 R.organization_id, R.place_id, PL.name.label("place"), PL.province.label("province"),
                 R.article_id, A.url.label("article_url"), A.published, R.start, R.end)
          .join(P, P.id == R.person_id).join(A, A.id == R.article_id).outerjoin(PL, PL.id == R.place_id))
    st = _article_date_site(st, f)
    if f.province:
        st = st.where(PL.province == f.province)
    if f.role_title:
        st = st.where(R.title_folded == fold(f.role_title))
    if f.place:
        st = st.where(R.place_id == f.place)
    if f.person:
        st = st.where(R.person_id == f.person)
    if f.organization:
        st = st.where(R.organization_id == f.organization)
    if f.unit:
        st = st.where(R.id.is_(None))
    if not ctx.searching:
        return st.order_by(R.id.desc() if not export else R.id)
    sq = ctx.sq
    if ctx.fts:
        mr, mp = fts_matches("roles", sq), fts_matches("persons", sq)
        st = st.where(or_(R.id.in_(select(mr.c.id)), R.person_id.in_(select(mp.c.id))))
    else:
        st = st.where(or_(_like_all([R.title_folded], sq), _like_all([P.folded], sq)))
    exact = case((P.key.like("%" + key(sq.raw.replace('"', " ")) + "%"), 0), else_=1)
    return st.order_by(exact, A.published_date.desc().nulls_last(), R.id)


def _role_row(r) -> dict:
    return {"id": r.id, "person": r.person, "person_id": r.person_id, "title": r.title,
            "organization": r.organization, "title_expanded": r.title_expanded, "former": bool(r.former),
            "organization_id": r.organization_id, "place_id": r.place_id, "place": r.place or "",
            "province": r.province or "", "article_id": r.article_id, "article_url": r.article_url,
            "published": r.published or "", "start": r.start, "end": r.end, "href": f"/persons/{r.person_id}"}


def _figures(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = (select(F.id, F.value, F.unit, F.text, F.counted, F.actor, F.period, F.qualifier, F.sentence,
                 F.place_id, PL.name.label("place"), PL.province.label("province"),
                 F.article_id, A.url.label("article_url"), A.published, F.start, F.end)
          .join(A, A.id == F.article_id).outerjoin(PL, PL.id == F.place_id))
    st = _article_date_site(st, f)
    if f.province:
        st = st.where(PL.province == f.province)
    if f.unit:
        st = st.where(F.unit == f.unit)
    if f.place:
        st = st.where(F.place_id == f.place)
    if f.role_title or f.person or f.organization:
        st = st.where(F.id.is_(None))  # figures carry no role/person/organization link
    if not ctx.searching:
        return st.order_by(F.id.desc() if not export else F.id)
    sq = ctx.sq
    if ctx.fts:
        mt = fts_matches("figures", sq)
        st = st.where(F.id.in_(select(mt.c.id)))
    else:
        st = st.where(_like_all([func.lower(F.unit), func.lower(F.text), func.lower(F.counted)], sq))
    return st.order_by(A.published_date.desc().nulls_last(), F.id)


def _figure_row(r) -> dict:
    return {"id": r.id, "value": r.value, "unit": r.unit, "text": r.text, "counted": r.counted, "actor": r.actor,
            "period": r.period, "qualifier": r.qualifier, "sentence": r.sentence, "place_id": r.place_id,
            "place": r.place or "", "province": r.province or "", "article_id": r.article_id,
            "article_url": r.article_url, "published": r.published or "", "start": r.start, "end": r.end,
            "href": f"/articles/{r.article_id}#f{r.id}"}


# -- the table registry -------------------------------------------------------------------------------

@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]                       # export column order
    query: Callable[[Ctx, bool], Select]           # (ctx, export) -> Select
    row: Callable[[Any], dict]                     # export row
    item: Callable[[Any, Ctx], dict]               # API item
    model: Any


_OCC = ("article_id", "article_url", "published", "mentions", "start", "end")
SPECS: dict[str, TableSpec] = {
    "articles": TableSpec("articles", ("id", "url", "site", "title", "published", "author", "source", "text", "href"),
                          _articles, _article_row, _article_item, A),
    "persons": TableSpec("persons", ("id", "name", "variants", "href") + _OCC, _persons,
                         _occurrence(_person_fields), lambda r, c: _person_fields(r), P),
    "places": TableSpec("places", ("id", "name", "type", "province", "code", "era", "successor_name", "successor_type",
                                   "successor_province", "successor_code", "href") + _OCC, _places,
                        _occurrence(_place_fields), lambda r, c: _place_fields(r), PL),
    "organizations": TableSpec("organizations", ("id", "name", "kind", "href") + _OCC, _organizations,
                               _occurrence(_org_fields), lambda r, c: _org_fields(r), O),
    "roles": TableSpec("roles", ("id", "person", "person_id", "title", "organization", "title_expanded", "former",
                                 "place", "province", "article_id", "article_url", "published", "start", "end", "href"),
                       _roles, _role_row, lambda r, c: _role_row(r), R),
    "figures": TableSpec("figures", ("id", "value", "unit", "text", "counted", "actor", "period", "qualifier",
                                     "sentence", "place", "province", "article_id", "article_url", "published",
                                     "start", "end", "href"),
                         _figures, _figure_row, lambda r, c: _figure_row(r), F),
}
_ENTITY = {"persons": "person", "places": "place", "organizations": "organization"}


def spec(table: str) -> TableSpec:
    try:
        return SPECS[table]
    except KeyError:
        raise QueryError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}") from None


def _ctx(session: Session, q: str | None, filters: Filters | None) -> Ctx:
    return Ctx(parse_query(q), filters or Filters(), has_fts(session))


def count_items(session: Session, table: str, q: str = "", filters: Filters | None = None) -> int:
    sp = spec(table)
    ctx = _ctx(session, q, filters)
    if not ctx.searching and not ctx.filters.active():
        return session.execute(select(func.count()).select_from(sp.model)).scalar_one()
    base = sp.query(ctx, False).order_by(None)
    return session.execute(select(func.count()).select_from(base.subquery())).scalar_one()


def list_items(session: Session, table: str, q: str = "", page: int = 1, per_page: int = 50,
               filters: Filters | None = None) -> dict:
    """One page of a table as the API answers it: {"items", "total", "page", "per_page"}; raises
    QueryError for an unknown table, an over-long query or a page past MAX_PAGE."""
    sp = spec(table)
    ctx = _ctx(session, q, filters)
    page = max(1, int(page))
    per_page = max(1, min(MAX_PER_PAGE, int(per_page)))
    if page > MAX_PAGE:
        raise QueryError(f"page {page} is past the last browsable page {MAX_PAGE}; narrow the query or export")
    total = count_items(session, table, q, filters)
    rows = session.execute(sp.query(ctx, False).limit(per_page).offset((page - 1) * per_page)).all()
    items = [sp.item(r, ctx) for r in rows]
    if table in _ENTITY and items:
        counts = dict(session.execute(
            select(MN.entity_id, func.count(func.distinct(MN.article_id)))
            .where(MN.entity_type == _ENTITY[table], MN.entity_id.in_([i["id"] for i in items]))
            .group_by(MN.entity_id)).all())
        for i in items:
            i["articles"] = counts.get(i["id"], 0)
    return {"items": items, "total": total, "page": page, "per_page": per_page}


def export_rows(session: Session, table: str, q: str = "", filters: Filters | None = None,
                batch: int = 2000) -> Iterator[dict]:
    """Every row of a table's export with the page's query and filters, streamed."""
    sp = spec(table)
    ctx = _ctx(session, q, filters)
    result = session.execute(sp.query(ctx, True).execution_options(yield_per=batch, stream_results=True))
    for r in result:
        yield sp.row(r)
