"""Read side: list/search queries for the API and streamed row iterators for exports.

Written against SQLAlchemy Core/ORM only, so they run on SQLite and PostgreSQL. Exports stream
(`yield_per`), never load a table.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Iterator

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from nlp.text import fold

from . import models as m

TABLES = ("articles", "persons", "roles", "places", "organizations", "figures")
MAX_QUERY_LEN = 200
MAX_PER_PAGE = 200


class QueryError(ValueError):
    """A query the database should not run (unknown table, over-long text); message says why."""


def _like(q: str) -> str:
    q = fold(q.strip())
    q = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{q}%"


def check_query(q: str | None) -> str:
    q = (q or "").strip()
    if len(q) > MAX_QUERY_LEN:
        raise QueryError(f"query is {len(q)} characters long; the limit is {MAX_QUERY_LEN}")
    return q


@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]                       # export column order
    export_query: Callable[[str], Select]
    row: Callable[[Any], dict]
    list_query: Callable[[str], Select]
    item: Callable[[Any], dict]


def _pub(a) -> str:
    return a.published or ""


# -- articles -----------------------------------------------------------------------------------

def _articles_q(q: str) -> Select:
    st = select(m.Article, m.Site.name).join(m.Site, m.Site.id == m.Article.site_id)
    if q:
        st = st.where(m.Article.title_folded.like(_like(q), escape="\\"))
    return st.order_by(m.Article.published_date.desc().nulls_last(), m.Article.id.desc())


def _article_row(r) -> dict:
    a, site = r
    return {"id": a.id, "url": a.url, "site": site, "title": a.title, "published": _pub(a),
            "author": a.author, "source": a.source, "text": a.text, "href": f"/articles/{a.id}"}


def _article_item(r) -> dict:
    d = _article_row(r)
    d.pop("text")
    return d


# -- entities (persons, places, organizations): one export row per (entity, article) -------------

def _entity_export(model, etype: str, extra_cols: tuple) -> Callable[[str], Select]:
    def build(q: str) -> Select:
        st = (select(model, m.Article.id, m.Article.url, m.Article.published,
                     func.count(m.Mention.id), func.min(m.Mention.start), func.min(m.Mention.end))
              .join(m.Mention, (m.Mention.entity_id == model.id) & (m.Mention.entity_type == etype))
              .join(m.Article, m.Article.id == m.Mention.article_id)
              .group_by(model.id, m.Article.id, m.Article.url, m.Article.published)
              .order_by(model.id, m.Article.id))
        if q:
            st = st.where(model.folded.like(_like(q), escape="\\"))
        return st
    return build


def _entity_list(model, etype: str) -> Callable[[str], Select]:
    def build(q: str) -> Select:
        n_articles = (select(func.count(func.distinct(m.Mention.article_id)))
                      .where(m.Mention.entity_type == etype, m.Mention.entity_id == model.id)
                      .correlate(model).scalar_subquery())
        st = select(model, n_articles.label("articles"))
        if q:
            st = st.where(model.folded.like(_like(q), escape="\\"))
        return st.order_by(n_articles.desc(), model.id)
    return build


def _person_fields(p) -> dict:
    return {"id": p.id, "name": p.name, "variants": json.loads(p.variants or "[]"), "href": f"/persons/{p.id}"}


def _place_fields(p) -> dict:
    return {"id": p.id, "name": p.name, "type": p.type, "province": p.province, "code": p.code, "era": p.era,
            "successor_name": p.successor_name, "successor_type": p.successor_type,
            "successor_province": p.successor_province, "successor_code": p.successor_code,
            "href": f"/places/{p.id}"}


def _org_fields(o) -> dict:
    return {"id": o.id, "name": o.name, "kind": o.kind, "href": f"/organizations/{o.id}"}


def _occurrence(fields: Callable) -> Callable[[Any], dict]:
    def row(r) -> dict:
        ent, aid, url, published, n, start, end = r
        d = fields(ent)
        d.update({"article_id": aid, "article_url": url, "published": published or "", "mentions": n,
                  "start": start, "end": end})
        return d
    return row


def _listed(fields: Callable) -> Callable[[Any], dict]:
    def item(r) -> dict:
        ent, n = r
        d = fields(ent)
        d["articles"] = n
        return d
    return item


# -- roles and figures: one row per fact ----------------------------------------------------------

def _roles_q(q: str) -> Select:
    st = (select(m.Role, m.Person.name, m.Article.url, m.Article.published)
          .join(m.Person, m.Person.id == m.Role.person_id).join(m.Article, m.Article.id == m.Role.article_id))
    if q:
        like = _like(q)
        st = st.where(or_(m.Person.folded.like(like, escape="\\"), m.Role.title_folded.like(like, escape="\\")))
    return st.order_by(m.Role.id)


def _role_row(r) -> dict:
    role, person, url, published = r
    return {"id": role.id, "person": person, "person_id": role.person_id, "title": role.title,
            "organization": role.organization, "title_expanded": role.title_expanded, "former": role.former,
            "article_id": role.article_id, "article_url": url, "published": published or "",
            "start": role.start, "end": role.end, "href": f"/persons/{role.person_id}"}


def _figures_q(q: str) -> Select:
    st = select(m.Figure, m.Article.url, m.Article.published).join(m.Article, m.Article.id == m.Figure.article_id)
    if q:
        st = st.where(m.Figure.unit.like(f"%{q.strip()}%"))
    return st.order_by(m.Figure.id)


def _figure_row(r) -> dict:
    f, url, published = r
    return {"id": f.id, "value": f.value, "unit": f.unit, "text": f.text, "counted": f.counted, "actor": f.actor,
            "period": f.period, "qualifier": f.qualifier, "sentence": f.sentence, "article_id": f.article_id,
            "article_url": url, "published": published or "", "start": f.start, "end": f.end,
            "href": f"/articles/{f.article_id}#f{f.id}"}


_OCC = ("article_id", "article_url", "published", "mentions", "start", "end")
SPECS: dict[str, TableSpec] = {
    "articles": TableSpec("articles", ("id", "url", "site", "title", "published", "author", "source", "text", "href"),
                          _articles_q, _article_row, _articles_q, _article_item),
    "persons": TableSpec("persons", ("id", "name", "variants", "href") + _OCC,
                         _entity_export(m.Person, "person", ()), _occurrence(_person_fields),
                         _entity_list(m.Person, "person"), _listed(_person_fields)),
    "places": TableSpec("places", ("id", "name", "type", "province", "code", "era", "successor_name", "successor_type",
                                   "successor_province", "successor_code", "href") + _OCC,
                        _entity_export(m.Place, "place", ()), _occurrence(_place_fields),
                        _entity_list(m.Place, "place"), _listed(_place_fields)),
    "organizations": TableSpec("organizations", ("id", "name", "kind", "href") + _OCC,
                               _entity_export(m.Organization, "organization", ()), _occurrence(_org_fields),
                               _entity_list(m.Organization, "organization"), _listed(_org_fields)),
    "roles": TableSpec("roles", ("id", "person", "person_id", "title", "organization", "title_expanded", "former",
                                 "article_id", "article_url", "published", "start", "end", "href"),
                       _roles_q, _role_row, _roles_q, _role_row),
    "figures": TableSpec("figures", ("id", "value", "unit", "text", "counted", "actor", "period", "qualifier",
                                     "sentence", "article_id", "article_url", "published", "start", "end", "href"),
                         _figures_q, _figure_row, _figures_q, _figure_row),
}


def spec(table: str) -> TableSpec:
    try:
        return SPECS[table]
    except KeyError:
        raise QueryError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}") from None


def list_items(session: Session, table: str, q: str = "", page: int = 1, per_page: int = 50) -> dict:
    """One page of a table as the API answers it: {"items": [...], "total": N, "page": P}."""
    sp = spec(table)
    q = check_query(q)
    page = max(1, int(page))
    per_page = max(1, min(MAX_PER_PAGE, int(per_page)))
    base = sp.list_query(q)
    total = session.execute(select(func.count()).select_from(base.order_by(None).subquery())).scalar_one()
    rows = session.execute(base.limit(per_page).offset((page - 1) * per_page)).all()
    return {"items": [sp.item(r) for r in rows], "total": total, "page": page, "per_page": per_page}


def export_rows(session: Session, table: str, q: str = "", batch: int = 2000) -> Iterator[dict]:
    """Every row of a table's export, streamed."""
    sp = spec(table)
    q = check_query(q)
    result = session.execute(sp.export_query(q).execution_options(yield_per=batch))
    for r in result:
        yield sp.row(r)
