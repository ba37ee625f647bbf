"""Facet counts that follow the list: for each filter a list offers (site, province, role title,
unit), how many of the rows the current query and the *other* filters select have each value — so a
nonsense query counts nothing, and choosing a value shows how many rows it will give.

Each count is one GROUP BY over the list's filtered ids (corpus.queries.filtered_ids as an IN
subquery, read through the foreign-key indexes) and counts what the list lists: articles on the
article list, roles on the role list, distinct persons on the person list. A value counts a row when
the filter with that value would keep it: a role is in a province through its place or its resolved
organisation, so the province counts are over the union of both."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import case, func, select, true, union
from sqlalchemy.orm import Session

from . import facts
from . import models as m
from .queries import Filters, filtered_ids, same_role_conditions

__all__ = ["FACET_LIMIT", "MAX_FACET_LIMIT", "COUNTED", "list_facets"]

A, P, PL, O, R, F, MN, S = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Figure, m.Mention, m.Site

FACET_LIMIT = 25          # values per facet on a page; "show more" asks for MAX_FACET_LIMIT
MAX_FACET_LIMIT = 500
# facet -> the Filters field it sets
FIELD = {"site": "site", "province": "province", "title": "role_title", "unit": "unit"}
COUNTED = ("site", "province", "title", "unit")
ENTITY_LISTS = ("persons", "places", "organizations")   # unfiltered, they list every row


def _in(col, ids):
    """``col IN ids``; every row when ``ids`` is None (an unfiltered entity list lists them all)."""
    return true() if ids is None else col.in_(ids)


def _title_key():
    return case((R.title_key != "", R.title_key), else_=R.title_folded)


def _title_label():
    return case((R.title_canonical != "", R.title_canonical), else_=R.title)


def _pairs(table: str, facet: str, ids, same: list) -> Any:
    """A select of (row id, value) pairs: the values of ``facet`` each listed row has; None when the
    list has no such facet. ``ids``: the listed rows' ids (a select); ``same``: queries.same_role_conditions."""
    ent = facts.by_table(table).mention
    # a sampled list (ids a list of a few thousand): the rows are found from those ids (their article
    # index), not by walking an index of the counted value (SQLite would walk every figure's unit, or
    # every place, to save the GROUP BY a sort)
    listed = isinstance(ids, list)
    mn_entity = MN.entity_id + 0 if listed else MN.entity_id
    if facet == "site":
        if table == "articles":
            return select(A.id.label("rid"), S.name.label("v")).join(S, S.id == A.site_id).where(_in(A.id, ids))
        if table in ("roles", "figures"):
            t = R if table == "roles" else F
            return (select(t.id.label("rid"), S.name.label("v")).join(A, A.id == t.article_id)
                    .join(S, S.id == A.site_id).where(_in(t.id, ids)))
        return (select(MN.entity_id.label("rid"), S.name.label("v")).join(A, A.id == MN.article_id)
                .join(S, S.id == A.site_id).where(MN.entity_type == ent, _in(MN.entity_id, ids)))
    if facet == "province":
        if table == "articles":   # a place of the province named, or a role in one of its bodies
            return union(select(MN.article_id.label("rid"), PL.province.label("v")).join(PL, PL.id == mn_entity)
                         .where(MN.entity_type == "place", _in(MN.article_id, ids)),
                         select(R.article_id.label("rid"), O.province.label("v")).join(O, O.id == R.organization_id)
                         .where(_in(R.article_id, ids)))
        if table in ("roles", "persons", "organizations"):   # the role's place or resolved organisation
            rid = {"roles": R.id, "persons": R.person_id, "organizations": R.organization_id}[table]
            return union(select(rid.label("rid"), PL.province.label("v")).join(PL, PL.id == R.place_id)
                         .where(_in(rid, ids), *same),
                         select(rid.label("rid"), O.province.label("v")).join(O, O.id == R.organization_id)
                         .where(_in(rid, ids), *same))
        if table == "figures":
            return select(F.id.label("rid"), PL.province.label("v")).join(PL, PL.id == F.place_id).where(_in(F.id, ids))
        if table == "places":
            return select(PL.id.label("rid"), PL.province.label("v")).where(_in(PL.id, ids))
    if facet == "unit":
        rid = {"articles": F.article_id, "figures": F.id, "places": F.place_id}.get(table)
        if rid is not None:
            return select(rid.label("rid"), (F.unit.concat("") if listed else F.unit).label("v")).where(_in(rid, ids))
    return None


def _title_counts(table: str, ids, session: Session, limit: int, same: list) -> tuple[list[dict], bool]:
    """Role titles, one value per canonical key (any spelling), labelled by its most common
    canonical spelling among the counted roles; counting the list's rows holding it."""
    rid = {"articles": R.article_id, "roles": R.id, "persons": R.person_id,
           "organizations": R.organization_id}.get(table)
    if rid is None:
        return [], False
    pairs = select(rid.label("rid"), _title_key().label("k"), _title_label().label("label")).where(_in(rid, ids), *same).subquery()
    counts = session.execute(select(pairs.c.k, func.count(func.distinct(pairs.c.rid)).label("n"))
                             .group_by(pairs.c.k).order_by(func.count(func.distinct(pairs.c.rid)).desc(), pairs.c.k)
                             .limit(limit + 1)).all()
    keys = [r.k for r in counts[:limit]]
    labels: dict[str, dict[str, int]] = {}
    if keys:
        for k, lab, n in session.execute(select(pairs.c.k, pairs.c.label, func.count().label("n"))
                                         .where(pairs.c.k.in_(keys)).group_by(pairs.c.k, pairs.c.label)):
            labels.setdefault(k, {})[lab] = n
    out = [{"value": max(labels.get(r.k, {r.k: 1}).items(), key=lambda kv: (kv[1], kv[0]))[0], "count": r.n}
           for r in counts[:limit]]
    return out, len(counts) > limit


def _counts(session: Session, pairs, limit: int) -> tuple[list[dict], bool]:
    sub = pairs.subquery()
    n = func.count(func.distinct(sub.c.rid))
    rows = session.execute(select(sub.c.v, n.label("n")).where(sub.c.v.is_not(None), sub.c.v != "")
                           .group_by(sub.c.v).order_by(n.desc(), sub.c.v).limit(limit + 1)).all()
    return [{"value": r.v, "count": r.n} for r in rows[:limit]], len(rows) > limit


def list_facets(session: Session, table: str, q: str = "", filters: Filters | None = None,
                limit: int = FACET_LIMIT, only: tuple[str, ...] | None = None, sample: int | None = None) -> dict:
    """{facet: [{"value", "count"}…]} for the facets the list offers (facts registry), each counted
    over the rows the query and the other filters select, most rows first, at most ``limit`` values;
    "more": {facet: True} where values were left off. A selected value with no row keeps count 0.

    ``sample``: with a search (``q``), count over the first ``sample`` matching rows only (the index's
    order) — what a facet tells (where the matches are) at a cost that does not grow with the corpus;
    "sampled": True when there were more (the page says so), with "sample" the number counted."""
    filters = filters or Filters()
    offered = [f for f in facts.by_table(table).facets if f in COUNTED and (only is None or f in only)]
    out: dict[str, Any] = {"more": {}, "sampled": False, "sample": sample}
    sampled_ids: dict[Filters, list[int]] = {}
    for facet in offered:
        others = replace(filters, **{FIELD[facet]: ""})
        if table in ENTITY_LISTS and not (q or "").strip() and not others.active():
            ids = None   # the list is every entity: no IN over all of them
        elif sample and (q or "").strip():
            if others not in sampled_ids:   # the match set read once per filter combination, up to sample + 1
                got = list(session.execute(filtered_ids(session, table, q, others).limit(sample + 1)).scalars())
                out["sampled"] = out["sampled"] or len(got) > sample
                sampled_ids[others] = got[:sample]
            ids = sampled_ids[others]
        else:
            ids = filtered_ids(session, table, q, others)
        same = same_role_conditions(table, others)
        if facet == "title":
            values, more = _title_counts(table, ids, session, limit, same)
        else:
            pairs = _pairs(table, facet, ids, same)
            values, more = _counts(session, pairs, limit) if pairs is not None else ([], False)
        chosen = getattr(filters, FIELD[facet])
        if chosen and all(v["value"] != chosen for v in values):
            # past the limit (or spelled otherwise): the rows it selects are the list's own rows
            listed = filtered_ids(session, table, q, filters).subquery()
            values.append({"value": chosen, "count": session.execute(select(func.count()).select_from(listed)).scalar_one()})
        out[facet] = values
        out["more"][facet] = more
    return out
