"""Read side for lists, search and exports: one query builder per table that takes the search box
and the page filters, used alike by the API, the HTML pages, `/export/…` and `partyfacts export`.

Written against SQLAlchemy Core only (column tuples, no ORM objects: a million exported rows stay
cheap), so they run on SQLite and PostgreSQL. On SQLite the search box goes through the FTS5 indexes
of migration 0003_search; on PostgreSQL through the folded tsvector columns of 0008_pg_search (same
tokens, columns, tiers and bm25, so both answer alike); elsewhere through LIKE over folded columns.
Exports stream (`yield_per`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterator

from sqlalchemy import (Date, Integer, Select, TableClause, and_, bindparam, case, column, desc, exists, func, literal,
                        not_, or_, select, text, true, union)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased

from partyfacts.nlp.text import fold, key

from . import facts
from . import sorting
from .kb.titles import title_key
from . import models as m
from .search import (MAX_QUERY_LEN, Filters, QueryError, SearchQuery, fts_matches, parse_query, pg_bm25,
                     pg_bm25_scores, pg_matches, pg_tsquery, search_index, snippet, sql_fold, transaction_memo)

__all__ = ["TABLES", "SPECS", "QueryError", "Filters", "list_items", "export_rows", "spec", "check_query",
           "MAX_QUERY_LEN", "MAX_PER_PAGE", "filtered_ids", "same_role_conditions", "MAX_PAGE", "story_of", "also_published", "role_not_repeated",
           "figure_not_repeated", "title_condition", "title_facet", "fact_ids", "figure_ids"]

TABLES = facts.TABLES
MAX_PER_PAGE = 200
MAX_PAGE = 5000          # bounded OFFSET: deeper pages are an export's job
COUNT_CAP = 10_000       # searches and filtered lists count at most this many rows ("10,000+")
RANK_LIMIT = 3000        # article match sets up to this size are ordered by bm25
NARROW_ARTICLES = 5000   # a site/date filter of at most this many articles drives a fact search
SCOPE_INDEX = "ix_articles_id_scope"   # articles(id, published_date, site_id), migration 0005

A, P, PL, O, R, F, MN, S = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Figure, m.Mention, m.Site


# -- stories: a republished copy (articles.syndicated_of_id) is its original's story, counted once ------

def story_of(t=A):
    """The story of an article row: its original's id for a copy, else its own id."""
    return func.coalesce(t.syndicated_of_id, t.id)


# Core aliases made once (an ORM alias made per call costs about a millisecond per column it adapts);
# each is used inside subqueries only, never in a statement's own FROM
_COPY = m.Article.__table__.alias("story_copy")
_COPY_OF = m.Article.__table__.alias("story_copy_of")
_ROLE_ROW, _ROLE_ORIG = m.Role.__table__.alias("copy_role"), m.Role.__table__.alias("original_role")
_FIG_ROW, _FIG_ORIG = m.Figure.__table__.alias("copy_figure"), m.Figure.__table__.alias("original_figure")
_MN_ORIG = m.Mention.__table__.alias("original_mention")
_ROLE_TEXT = m.Role.__table__.alias("role_text")     # the roles whose joined text a phrase is checked on


def _copies_hidden(f: Filters) -> Select:
    """Ids of the copies an article list leaves out: those whose original passes the same filters
    (the original stands for the story). Uncorrelated and read through the syndicated_of_id index,
    so SQLite builds it once as a lookup set the size of the copies."""
    c = _COPY.c
    return select(c.id).where(c.syndicated_of_id.is_not(None), *_article_conditions(f, c.syndicated_of_id))


def _one_per_story(f: Filters, id_col) -> Any:
    """Condition on an article-id column: not a copy whose original is listed too."""
    return id_col.not_in(_copies_hidden(f))


def _copy_repeats(fact, orig, same: Callable[[Any, Any], list]) -> Any:
    """Condition on a fact table (roles, figures): the row does not repeat, in a copy, a row of its
    original (``same(original_row, row)``: the columns that must agree). The copies' ids are one
    lookup set read from the syndicated_of_id index; the EXISTS (a read of the copy's article row)
    runs for copies' rows only (CASE, not OR: the order is kept), so a page or a capped count costs
    in proportion to the copies it meets."""
    copies = select(_COPY.c.id).where(_COPY.c.syndicated_of_id.is_not(None))
    c, o = _COPY_OF.c, orig.c
    repeats = exists().where(c.id == fact.article_id, o.article_id == c.syndicated_of_id, *same(o, fact))
    return case((fact.article_id.in_(copies), not_(repeats)), else_=true())


def _repeated_ids(row, orig, same: Callable[[Any, Any], list]) -> Select:
    """Ids of the rows of a fact table a copy repeats from its original, driven from the copies
    (the syndicated_of_id index holds both ids: no article row is read), each original's rows read
    through the facts' article index (the compared columns kept off their indexes): the work grows
    with the copies' facts, not with the table. For the unfiltered totals."""
    c, r, o = _COPY.c, row.c, orig.c
    return (select(r.id).select_from(_COPY).join(row, r.article_id == c.id)
            .where(c.syndicated_of_id.is_not(None),
                   exists().where(o.article_id == c.syndicated_of_id, *same(o, r))))


def _role_same(o, r) -> list:
    # both sides off their indexes: the rows of a copy and of its original are found by article id
    return [_no_index(o.person_id) == _no_index(r.person_id), o.title_key.concat("") == r.title_key.concat(""),
            o.organization_id.is_not_distinct_from(r.organization_id)]


def _figure_same(o, f) -> list:
    return [_no_index(o.value) == _no_index(f.value), o.unit.concat("") == f.unit.concat("")]


def role_not_repeated():
    """Roles: not a copy's role whose original states the same (person, title, organisation)."""
    return _copy_repeats(R, _ROLE_ORIG, _role_same)


def figure_not_repeated():
    """Figures: not a copy's figure whose original states the same (value, unit)."""
    return _copy_repeats(F, _FIG_ORIG, _figure_same)


# -- canonical titles (corpus.kb.titles): any spelling of a title finds its canonical key -------------

def filter_title_key(value: str) -> str:
    """The canonical key of a title typed in a filter ("UVBTV", "uvbtv" → "ủy viên ban thường vụ")."""
    return title_key(value)


def title_condition(value: str, r=R):
    """Roles whose title is ``value`` in any spelling ("UVBTV", "Uỷ viên BTV", "Ủy viên Ban Thường
    vụ"): the canonical title key; a row stored before canonical titles (no key) by its folded title."""
    return or_(r.title_key == filter_title_key(value), and_(r.title_key == "", r.title_folded == fold(value)))


def _role_in_province(province: str, r=R):
    """A role in a province: its place's, or its resolved organisation's ("Tỉnh ủy" on a Nghệ An
    story is Tỉnh ủy Nghệ An)."""
    return or_(r.place_id.in_(select(PL.id).where(PL.province == province)),
               r.organization_id.in_(select(O.id).where(O.province == province)))


def check_query(q: str | None) -> str:
    """The stripped query, or QueryError when it is too long or has too many words."""
    parse_query(q)
    return (q or "").strip()


@dataclass(frozen=True)
class Ctx:
    sq: SearchQuery
    filters: Filters
    fts: bool              # an index answers the search box (SQLite FTS5 or PostgreSQL tsvector)
    narrow: bool = False   # FTS search whose site/date filter is selective: the filter drives
    index: str = ""        # corpus.search.search_index: "fts5", "tsvector" or ""
    session: Any = field(default=None, compare=False)   # for PostgreSQL's bm25 statistics

    def matches(self, table: str, sq: SearchQuery, exact: bool = False, tag: str = "m"):
        """(id, score) rows of ``table`` matching ``sq`` in its index (FTS5 or tsvector)."""
        if self.index == "tsvector":
            return pg_matches(table, sq, exact, tag, self.filters)
        return fts_matches(table, sq, exact, tag)

    def by_index(self, col):
        """``col`` as a condition on the filter side: indexed unless an FTS match set (the smaller
        side) drives the query, then ``col + 0`` so the match set is scanned once."""
        return _no_index(col) if self.searching and not self.narrow else col

    def on_match(self, col):
        """``col`` compared with an FTS match set: ``col + 0`` when a narrow filter drives (the match
        set is then built once into a lookup set instead of being probed per row)."""
        return _no_index(col) if self.narrow else col

    @property
    def searching(self) -> bool:
        return not self.sq.empty


def _site_id(name: str):
    return select(S.id).where(S.name == name).scalar_subquery()


def _like_all(cols, sq: SearchQuery):
    """Every phrase appears in one of the folded columns (the non-FTS fallback)."""
    return and_(*[or_(*[c.like(p, escape="\\") for c in cols]) for p in sq.like_patterns()])


def _mentioned(etype: str, ent_id_col, f: Filters):
    """EXISTS a mention of the entity in an article passing the site/date/article filters (or None).
    The articles come from one uncorrelated IN over the articles' indexes (no article row is read);
    the mentions table is aliased since an export query joins mentions itself."""
    mn = aliased(MN)
    scope = _article_scope(f, mn.article_id)
    if not scope:
        return None
    return exists().where(mn.entity_type == etype, mn.entity_id == ent_id_col, *scope)


def _scope_conditions(f: Filters, t=A) -> list:
    """The site/date filters as conditions on the articles table (``t``: its columns)."""
    conds = []
    if f.site:
        conds.append(t.site_id == _site_id(f.site))
    if f.date_from:
        conds.append(t.published_date >= f.date_from)
    if f.date_to:
        conds.append(t.published_date <= f.date_to)
    return conds


class _ScopeIndex(TableClause):
    """The articles table read through SCOPE_INDEX only (SQLite: ``articles INDEXED BY …``; the planner
    would otherwise seek the wide table rows by rowid)."""
    inherit_cache = True


@compiles(_ScopeIndex, "sqlite")
def _scope_index_sqlite(element, compiler, **kw):
    sql = compiler.visit_table(element, **kw)
    return sql + f" INDEXED BY {SCOPE_INDEX}" if kw.get("asfrom") else sql


_A_SCOPE = _ScopeIndex("articles", column("id", Integer), column("published_date", Date), column("site_id", Integer))


def _scope_articles(f: Filters) -> Select | None:
    """The ids of the articles passing the site/date filters (None without such a filter), read from
    the articles' indexes only."""
    conds = _scope_conditions(f)
    return select(A.id).where(*conds) if conds else None


def _tier_select(ctx: Ctx, tier, *cols) -> Select:
    """select(cols) over an FTS match set (``tier``) keeping the rows that pass every filter. A narrow
    site/date filter is one lookup set of article ids built once; a wide one (a date range of tens of
    thousands of articles) is checked per match by a seek in the covering index SCOPE_INDEX, which
    costs less than building and probing a lookup set that size."""
    scope = _scope_conditions(ctx.filters)
    story = _one_per_story(ctx.filters, _no_index(tier.c.id))
    if not scope or ctx.narrow:
        return select(*cols).where(*_article_conditions(ctx.filters, _no_index(tier.c.id)), story)
    rest = replace(ctx.filters, site="", date_from=None, date_to=None)
    a = _A_SCOPE.c
    return (select(*cols).join_from(tier, _A_SCOPE, a.id == tier.c.id)
            .where(*_scope_conditions(ctx.filters, a), *_article_conditions(rest, _no_index(tier.c.id)), story))


def _article_scope(f: Filters, id_col) -> list:
    """Conditions on an article-id column for the site/date/article filters: one IN over the
    articles' (published_date, site_id) index, so no article row (with its text) is read."""
    scope = _scope_articles(f)
    out = [id_col.in_(scope)] if scope is not None else []
    if f.article:
        out.append(id_col == f.article)
    return out


def _article_conditions(f: Filters, id_col) -> list:
    """Every filter as a condition on an article-id column."""
    conds = _article_scope(f, id_col)
    if f.province:  # a place of the province named, or a role in one of its (resolved) bodies
        conds.append(or_(exists().where(MN.article_id == id_col, MN.entity_type == "place", MN.entity_id == PL.id,
                                        PL.province == f.province),
                         exists().where(R.article_id == id_col, R.organization_id == O.id, O.province == f.province)))
    for etype, value in (("place", f.place), ("person", f.person), ("organization", f.organization)):
        if value:
            conds.append(exists().where(MN.article_id == id_col, MN.entity_type == etype, MN.entity_id == value))
    if f.role_title:
        conds.append(exists().where(R.article_id == id_col, title_condition(f.role_title)))
    if f.unit:
        conds.append(exists().where(F.article_id == id_col, F.unit == f.unit))
    return conds


def _article_rows() -> Select:
    return (select(A.id, A.url, S.name.label("site"), A.title, A.published, A.author, A.source, A.text)
            .join(S, S.id == A.site_id))


def _article_tier_specs(sq: SearchQuery) -> list[tuple[SearchQuery, bool, str]]:
    """(query, exact index?, tag) of each tier, in rank order: the exact diacritics (of the whole
    query), the words adjacent as typed, then every row with all the words."""
    whole = sq.as_phrase()
    specs = []
    if sq.has_diacritics():
        specs.append((whole or sq, True, "t0"))
    if whole is not None:
        specs.append((whole, False, "t1"))
    specs.append((sq, False, "t2"))
    return specs


def _article_tiers(ctx: Ctx) -> list:
    """FTS match sets in rank order (see _article_tier_specs)."""
    return [ctx.matches("articles", q, exact=ex, tag=tag) for q, ex, tag in _article_tier_specs(ctx.sq)]


def _articles(ctx: Ctx, export: bool) -> Select:
    st = (_article_rows_story()
          .where(*_article_conditions(ctx.filters, A.id), _one_per_story(ctx.filters, A.id)))
    if not ctx.searching:
        return st.order_by(*_newest(ctx))
    sq = ctx.sq
    if ctx.fts:
        *better, everything = _article_tiers(ctx)
        st = st.join(everything, everything.c.id == A.id)
        order = [case((A.id.in_(select(t.c.id)), 0), else_=1) for t in better]
        score = everything.c.score
        if ctx.index == "tsvector":  # bm25 of the all-words tier, as FTS5's rank
            expr, params = pg_bm25(ctx.session, sq)
            score = text(expr).bindparams(**params) if params else text(expr)
        return st.order_by(*order, score, A.id.desc())
    exact = or_(A.title.like(sq.exact_like()), func.lower(A.text).like(sq.exact_like()))
    st = st.where(or_(_like_all([A.title_folded, sql_fold(A.text)], sq), exact))
    return st.order_by(case((exact, 0), else_=1), *_newest(ctx))


def _newest(ctx: Ctx) -> list:
    # SQLite sorts NULL lowest, so DESC already puts undated articles last (and can walk the index)
    if ctx.index == "fts5":
        return [A.published_date.desc(), A.id.desc()]
    return [A.published_date.desc().nulls_last(), A.id.desc()]


def _articles_ids(ctx: Ctx) -> Select | None:
    if ctx.searching:
        return None  # FTS: tiers in _article_search_page; LIKE: the full query
    return (select(A.id).where(*_article_conditions(ctx.filters, A.id), _one_per_story(ctx.filters, A.id))
            .order_by(*_newest(ctx)))


def _no_index(col):
    """``col + 0``: a condition on it cannot drive the query through an index. Used so an FTS match set
    is scanned once and checked against the filters (a rowid lookup into FTS re-runs the MATCH per
    probed row), and so a date range of articles does not drive a search whose match set is smaller."""
    return col + 0


def _article_search_page(session: Session, ctx: Ctx, offset: int, limit: int) -> list:
    """One page of an FTS article search, tier by tier (see _article_tiers): within a tier, bm25 when it
    has at most RANK_LIMIT rows, newest stored first beyond (ranking tens of thousands of rows that all
    contain a common word costs more than it tells)."""
    ids: list[int] = []
    earlier = []
    for tier, (tier_q, tier_exact, _) in zip(_article_tiers(ctx), _article_tier_specs(ctx.sq)):
        st = _tier_select(ctx, tier, tier.c.id)
        for prev in earlier:
            st = st.where(tier.c.id.not_in(select(prev.c.id)))
        earlier.append(tier)
        need = limit - len(ids)
        if ctx.filters.active():
            # a filtered tier is walked far for each row kept: one walk, bm25 on the kept rows
            small = session.execute(st.add_columns(tier.c.score).limit(RANK_LIMIT + 1)).all()
            n = len(small)
        else:  # an unfiltered tier: counting RANK_LIMIT + 1 rows is cheap, bm25 on them is not
            n = _capped_count(session, st, RANK_LIMIT)
            small = session.execute(st.add_columns(tier.c.score)).all() if n <= RANK_LIMIT else []
        if n <= RANK_LIMIT:  # rank the whole tier by bm25
            if offset >= len(small):
                offset -= len(small)
                continue
            if ctx.index == "tsvector":  # FTS5's bm25, computed for the tier's rows
                scores = pg_bm25_scores(session, tier_q, tier_exact, [r.id for r in small])
                ranked = sorted(((scores[r.id], r.id) for r in small), key=lambda t: (t[0], -t[1]))
            else:
                ranked = sorted(((r.score, r.id) for r in small), key=lambda t: (t[0], -t[1]))
            ids += [i for _, i in ranked[offset:offset + need]]
        else:  # a big tier: newest stored first
            n = _capped_count(session, st) if offset else n
            if offset >= n:
                offset -= n
                continue
            ids += session.execute(st.order_by(tier.c.id.desc()).limit(need).offset(offset)).scalars()
        offset = 0
        if len(ids) >= limit:
            break
    return _fetch_rows(session, _article_rows_story(), A, ids)


def _article_rows_story() -> Select:
    return _article_rows().add_columns(A.syndicated_of_id)


def _article_row(r) -> dict:
    return {"id": r.id, "url": r.url, "site": r.site, "title": r.title, "published": r.published or "",
            "author": r.author, "source": r.source, "text": r.text}


def also_published(session: Session, articles: list[tuple[int, int | None]]) -> dict[int, list[dict]]:
    """Where else each story was published: for (article id, syndicated_of_id) pairs, the other
    articles of the story ({id, site, url}, oldest first) by article id. One query per call."""
    story = {aid: sod or aid for aid, sod in articles}
    if not story:
        return {}
    ids = sorted(set(story.values()))
    # a UNION of two index lookups: with ``id IN … OR syndicated_of_id IN …`` SQLite may plan a walk
    # of every article by site (50 ms at 10k articles instead of under 1 ms)
    cols = (A.id, story_of(A).label("story"), S.name, A.url)
    rows = session.execute(union(select(*cols).join(S, S.id == A.site_id).where(A.id.in_(ids)),
                                 select(*cols).join(S, S.id == A.site_id).where(A.syndicated_of_id.in_(ids)))
                           ).all()
    rows.sort(key=lambda r: r.id)
    by_story: dict[int, list] = {}
    for r in rows:
        by_story.setdefault(r.story, []).append({"id": r.id, "site": r.name, "url": r.url})
    return {aid: [o for o in by_story.get(st, []) if o["id"] != aid] for aid, st in story.items()}


def _with_also_published(session: Session, rows: list, dicts: list[dict]) -> None:
    other = also_published(session, [(r.id, r.syndicated_of_id) for r in rows])
    for d in dicts:
        d["also_published"] = other.get(d["id"], [])
        d["copies"] = len(d["also_published"])


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
        mt = ctx.matches(table, sq)
        return model.id.in_(select(mt.c.id)), [exact_rank, sorting.vi_collate(model.name), model.id]
    return _like_all(folded_cols, sq), [exact_rank, sorting.vi_collate(model.name), model.id]


def _entity_conditions(ctx: Ctx, table: str, etype: str, model) -> tuple[list, list]:
    """The conditions and order every entity list starts with: the text search (exact spelling
    first) and the article-side filters through the entity's mentions."""
    conds, order = [], [sorting.vi_collate(model.name), model.id]
    if ctx.searching:
        where, order = _entity_search(ctx, table, model, [model.folded], model.key)
        conds.append(where)
    ment = _mentioned(etype, model.id, ctx.filters)
    if ment is not None:
        conds.append(ment)
    return conds, order


def same_role_conditions(table: str, f: Filters) -> list:
    """Conditions on one role of a listed person or organisation: the list's role filters (title,
    province, place, and the organisation of a person or the person of an organisation) must hold
    for one and the same role — a person is "Bí thư in Bắc Giang" when one of their roles is both.
    The lists and their facet counts (corpus.facets) share them."""
    if table not in ("persons", "organizations"):
        return []
    conds = []
    if f.role_title:
        conds.append(title_condition(f.role_title))
    if f.province:
        conds.append(_role_in_province(f.province))
    if f.place:
        conds.append(R.place_id == f.place)
    if table == "persons" and f.organization:
        conds.append(R.organization_id == f.organization)
    if table == "organizations" and f.person:
        conds.append(R.person_id == f.person)
    return conds


def _persons(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = select(P.id, P.name, P.variants)
    conds, order = _entity_conditions(ctx, "persons", "person", P)
    if ctx.searching:   # a title or body searched ("bi thu huyen uy") lists the people holding it
        conds[0] = or_(conds[0], P.id.in_(select(R.person_id).where(_role_text_match(ctx, R.id))))
    if f.person:
        conds.append(P.id == f.person)
    role_conds = same_role_conditions("persons", f)
    if role_conds:
        conds.append(exists().where(R.person_id == P.id, *role_conds))
    if f.unit:
        conds.append(P.id.is_(None))  # figures carry no person: a unit filter selects no person
    return _entity_occurrences(st.where(*conds), "person", P, order, export, f)


def _places(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = select(PL.id, PL.name, PL.type, PL.province, PL.code, PL.era, PL.successor_name, PL.successor_type,
                PL.successor_province, PL.successor_code)
    conds, order = _entity_conditions(ctx, "places", "place", PL)
    if f.province:
        conds.append(PL.province == f.province)
    if f.place:
        conds.append(PL.id == f.place)
    if f.role_title or f.person:
        rc = [R.place_id == PL.id]
        if f.role_title:
            rc.append(title_condition(f.role_title))
        if f.person:
            rc.append(R.person_id == f.person)
        conds.append(exists().where(*rc))
    if f.unit:
        conds.append(exists().where(F.place_id == PL.id, F.unit == f.unit))
    return _entity_occurrences(st.where(*conds), "place", PL, order, export, f)


def _organizations(ctx: Ctx, export: bool) -> Select:
    f = ctx.filters
    st = select(O.id, O.name, O.kind, O.province)
    conds, order = _entity_conditions(ctx, "organizations", "organization", O)
    if f.organization:
        conds.append(O.id == f.organization)
    rc = same_role_conditions("organizations", f)
    if rc:
        conds.append(exists().where(R.organization_id == O.id, *rc))
    if f.unit:
        conds.append(O.id.is_(None))
    return _entity_occurrences(st.where(*conds), "organization", O, order, export, f)


def _entity_occurrences(st: Select, etype: str, model, order, export: bool, f: Filters) -> Select:
    """Lists and exports alike: one row per entity (its articles counted by _with_article_counts)."""
    return st.order_by(*order)


def _person_fields(r) -> dict:
    return {"id": r.id, "name": r.name, "variants": json.loads(r.variants or "[]")}


def _place_fields(r) -> dict:
    return {"id": r.id, "name": r.name, "type": r.type, "province": r.province, "code": r.code, "era": r.era,
            "successor_name": r.successor_name, "successor_type": r.successor_type,
            "successor_province": r.successor_province, "successor_code": r.successor_code}


def _org_fields(r) -> dict:
    return {"id": r.id, "name": r.name, "kind": r.kind, "province": r.province or ""}


def _with_article_counts(session: Session, etype: str, items: list[dict]) -> None:
    """Each entity item's "articles": the stories naming it (a republished copy is its original's)."""
    counts = dict(session.execute(
        select(MN.entity_id, func.count(func.distinct(story_of(A))))
        .join(A, A.id == MN.article_id)
        .where(MN.entity_type == etype, MN.entity_id.in_([i["id"] for i in items]))
        .group_by(MN.entity_id)).all())
    for i in items:
        i["articles"] = counts.get(i["id"], 0)


def _with_latest_roles(session: Session, items: list[dict]) -> None:
    """Each person item's latest role (newest article first, undated last): "role" (canonical
    title), "role_organization" (resolved name, else as written), "organization_id" and "province"
    (the organisation's, else the place's). One query for the items."""
    ids = [i["id"] for i in items]
    latest: dict[int, Any] = {}
    if ids:
        # each person's roles ranked in the database, only the first read (a busy person has thousands)
        newest = (select(R.id.label("rid"), func.row_number().over(
            partition_by=R.person_id,
            order_by=(case((A.published_date.is_(None), 1), else_=0), A.published_date.desc(), R.id.desc())
        ).label("rn")).join(A, A.id == R.article_id).where(R.person_id.in_(ids)).subquery())
        rows = session.execute(
            select(R.person_id, sorting.latest_title_expr().label("title"),
                   func.coalesce(O.name, R.organization).label("org"), R.organization_id,
                   sorting.latest_province_expr().label("province"))
            .join(newest, and_(newest.c.rid == R.id, newest.c.rn == 1))
            .outerjoin(O, O.id == R.organization_id).outerjoin(PL, PL.id == R.place_id))
        for r in rows:
            latest.setdefault(r.person_id, r)
    for i in items:
        r = latest.get(i["id"])
        i["role"] = r.title if r else ""
        i["role_organization"] = (r.org or "") if r else ""
        i["role_organization_id"] = r.organization_id if r else None
        i["province"] = (r.province or "") if r else ""


# -- roles and figures: one row per fact ----------------------------------------------------------

def _role_conditions(ctx: Ctx) -> list:
    f = ctx.filters
    # with a search the match set drives the query, unless the site/date filter is the narrower side
    conds = _article_scope(f, ctx.by_index(R.article_id))
    if f.province:
        conds.append(_role_in_province(f.province))
    if f.role_title:
        conds.append(title_condition(f.role_title))
    if f.place:
        conds.append(R.place_id == f.place)
    if f.person:
        conds.append(R.person_id == f.person)
    if f.organization:
        conds.append(R.organization_id == f.organization)
    if f.unit:
        conds.append(R.id.is_(None))  # roles carry no unit
    conds.append(role_not_repeated())
    if ctx.searching:
        sq = ctx.sq
        if ctx.fts:
            mp = ctx.matches("persons", sq)
            conds.append(or_(_role_text_match(ctx, ctx.on_match(R.id)),
                             ctx.on_match(R.person_id).in_(select(mp.c.id))))
        else:
            conds.append(or_(_role_text_match(ctx, R.id),
                             R.person_id.in_(select(P.id).where(_like_all([P.folded], sq)))))
    return conds


def _role_text_match(ctx: Ctx, id_col, r=R):
    """Roles whose title and organisation, read as one text ("Bí thư" + "Huyện ủy Tam Dương"), hold
    every phrase of the query: a quoted "bí thư huyện ủy" spans the two. The role index answers the
    words in any column (its columns are title, organization, title_expanded); a phrase of several
    words is then checked on the folded "title organization" and "title_expanded organization" text
    of those candidate rows only."""
    sq = ctx.sq
    joined = [sql_fold(func.coalesce(r.title, "") + " " + func.coalesce(r.organization, "")),
              sql_fold(func.coalesce(r.title_expanded, "") + " " + func.coalesce(r.organization, ""))]
    multi = any(len(p) > 1 for p in sq.phrases)
    if not ctx.fts:
        return or_(_like_all([r.title_folded, sql_fold(r.organization)] + joined, sq))
    if not multi:
        mr = ctx.matches("roles", sq, tag="rt")
        return id_col.in_(select(mr.c.id))
    words = SearchQuery(sq.raw, tuple((t,) for p in sq.phrases for t in p),
                        tuple((t,) for p in sq.exact_phrases for t in p))
    mw = ctx.matches("roles", words, tag="rw")
    # the phrase is checked on the index's candidates, inside the subquery: checked on the outer rows,
    # PostgreSQL folds (translate) every role of the table before it looks at the candidates (10 s at 10k)
    c = _ROLE_TEXT.c
    if ctx.index == "tsvector":
        # PostgreSQL: the candidates behind an OFFSET 0 fence, so they come from the GIN index first and
        # only they are folded (the planner otherwise folds every role, guessing the LIKE is selective)
        found = text("role_text.search_fold @@ CAST(:rw_cand AS tsquery)").bindparams(
            bindparam("rw_cand", pg_tsquery(words.phrases), unique=True))
        c = select(c.id, c.title, c.organization, c.title_expanded).where(found).offset(0).subquery("role_cand").c
        rows = select(c.id)
    else:
        rows = select(c.id).join(mw, mw.c.id == c.id)
    cand = [sql_fold(func.coalesce(c.title, "") + " " + func.coalesce(c.organization, "")),
            sql_fold(func.coalesce(c.title_expanded, "") + " " + func.coalesce(c.organization, ""))]
    return id_col.in_(rows.where(_like_all(cand, sq)))


def _role_rows() -> Select:
    return (select(R.id, R.person_id, P.name.label("person"), R.title, R.organization, R.title_expanded, R.former,
                   R.title_canonical, R.title_key, R.organization_id, O.name.label("organization_resolved"),
                   O.province.label("org_province"), R.place_id, PL.name.label("place"),
                   PL.province.label("province"), R.article_id, A.url.label("article_url"), A.published, R.start,
                   R.end)
            .join(P, P.id == R.person_id).join(A, A.id == R.article_id).outerjoin(PL, PL.id == R.place_id)
            .outerjoin(O, O.id == R.organization_id))


def _roles(ctx: Ctx, export: bool) -> Select:
    return _role_rows().where(*_role_conditions(ctx)).order_by(R.id if export else R.id.desc())


def _roles_ids(ctx: Ctx) -> Select:
    return select(R.id).where(*_role_conditions(ctx)).order_by(R.id.desc())


def _role_row(r) -> dict:
    """A role: the surface title and organisation as written, its canonical title, its resolved
    organisation (id, completed name) and the province (the organisation's, else the place's)."""
    return {"id": r.id, "person": r.person, "person_id": r.person_id, "title": r.title,
            "organization": r.organization, "title_expanded": r.title_expanded,
            "title_canonical": r.title_canonical or r.title_expanded or r.title, "former": bool(r.former),
            "organization_id": r.organization_id, "organization_resolved": r.organization_resolved or "",
            "place_id": r.place_id, "place": r.place or "", "province": r.org_province or r.province or "",
            "article_id": r.article_id, "article_url": r.article_url, "published": r.published or "",
            "start": r.start, "end": r.end}


def _figure_conditions(ctx: Ctx, search: bool = True) -> list:
    f = ctx.filters
    conds = _article_scope(f, ctx.by_index(F.article_id))
    if f.province:
        conds.append(F.place_id.in_(select(PL.id).where(PL.province == f.province)))
    if f.unit:
        conds.append(F.unit == f.unit)
    if f.place:
        conds.append(F.place_id == f.place)
    if f.role_title or f.person or f.organization:
        conds.append(F.id.is_(None))  # figures carry no role/person/organization link
    conds.append(figure_not_repeated())
    if ctx.searching and search:
        sq = ctx.sq
        if ctx.fts:
            mt = ctx.matches("figures", sq)
            conds.append(ctx.on_match(F.id).in_(select(mt.c.id)))
        else:
            conds.append(_like_all([func.lower(F.unit), func.lower(F.text), func.lower(F.counted)], sq))
    return conds


def _figure_rows() -> Select:
    return (select(F.id, F.value, F.unit, F.text, F.counted, F.actor, F.period, F.qualifier, F.sentence,
                   F.place_id, PL.name.label("place"), PL.province.label("province"),
                   F.article_id, A.url.label("article_url"), A.published, F.start, F.end)
            .join(A, A.id == F.article_id).outerjoin(PL, PL.id == F.place_id))


def _figures(ctx: Ctx, export: bool) -> Select:
    return _figure_rows().where(*_figure_conditions(ctx)).order_by(F.id if export else F.id.desc())


def _figures_ids(ctx: Ctx) -> Select:
    if ctx.searching and ctx.fts:  # stream the FTS matches newest first, stop at the page
        mt = ctx.matches("figures", ctx.sq)
        if ctx.narrow:  # the filter's figure ids (index only) as a lookup set, the match set walked once
            return (select(mt.c.id).where(_no_index(mt.c.id).in_(select(F.id).where(
                *_figure_conditions(ctx, search=False)))).order_by(mt.c.id.desc()))
        return (select(mt.c.id).join(F, F.id == mt.c.id).where(*_figure_conditions(ctx, search=False))
                .order_by(mt.c.id.desc()))
    return select(F.id).where(*_figure_conditions(ctx)).order_by(F.id.desc())


def fact_ids(session: Session, table: str, q: str = "", filters: Filters | None = None) -> Select:
    """The ids of the rows the roles or figures table lists for ``q`` and ``filters`` (unordered,
    stories once): what a chart beside the table draws and what a search's feed follows."""
    conditions = {"roles": _role_conditions, "figures": _figure_conditions}.get(table)
    if conditions is None:
        raise QueryError(f"fact_ids answers roles or figures, not {table!r}")
    model = R if table == "roles" else F
    return select(model.id).where(*conditions(_ctx(session, q, filters)))


def figure_ids(session: Session, q: str = "", filters: Filters | None = None) -> Select:
    """The ids of the figures the figures table lists for ``q`` and ``filters``: a chart drawn beside
    the table keeps these, so the table's search box filters the chart too."""
    return fact_ids(session, "figures", q, filters)


def _figure_row(r) -> dict:
    return {"id": r.id, "value": r.value, "unit": r.unit, "text": r.text, "counted": r.counted, "actor": r.actor,
            "period": r.period, "qualifier": r.qualifier, "sentence": r.sentence, "place_id": r.place_id,
            "place": r.place or "", "province": r.province or "", "article_id": r.article_id,
            "article_url": r.article_url, "published": r.published or "", "start": r.start, "end": r.end}


# -- the table registry -------------------------------------------------------------------------------

@dataclass(frozen=True)
class TableSpec:
    name: str
    columns: tuple[str, ...]                       # export column order (corpus.facts); "href" is the web's
    query: Callable[[Ctx, bool], Select]           # (ctx, export) -> Select
    row: Callable[[Any], dict]                     # export row (ids, no href)
    item: Callable[[Any, Ctx], dict]               # API item (ids, no href)
    model: Any
    ids: Callable[[Ctx], Select | None] | None = None   # ordered ids of a page, without joins
    rows: Callable[[], Select] | None = None            # the joined row query for given ids
    mention: str | None = None                          # mentions.entity_type: items count their articles


# the SQL of each table of corpus.facts: (query, export row, API item, page ids, rows of ids)
_QUERIES: dict[str, tuple] = {
    "articles": (_articles, _article_row, _article_item, _articles_ids, _article_rows_story),
    "persons": (_persons, _person_fields, lambda r, c: _person_fields(r), None, None),
    "places": (_places, _place_fields, lambda r, c: _place_fields(r), None, None),
    "organizations": (_organizations, _org_fields, lambda r, c: _org_fields(r), None, None),
    "roles": (_roles, _role_row, lambda r, c: _role_row(r), _roles_ids, _role_rows),
    "figures": (_figures, _figure_row, lambda r, c: _figure_row(r), _figures_ids, _figure_rows),
}


def _spec(ft: facts.FactType) -> TableSpec:
    query, row, item, ids, rows = _QUERIES[ft.table]
    return TableSpec(ft.table, ft.columns, query, row, item, ft.model, ids, rows, ft.mention)


SPECS: dict[str, TableSpec] = {ft.table: _spec(ft) for ft in facts.REGISTRY}


def spec(table: str) -> TableSpec:
    try:
        return SPECS[table]
    except KeyError:
        raise QueryError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}", "type",
                         value=table, choices=", ".join(TABLES)) from None


def _ctx(session: Session, q: str | None, filters: Filters | None) -> Ctx:
    sq, f, index = parse_query(q), filters or Filters(), search_index(session)
    fts = bool(index)
    memo = transaction_memo(session)
    if index == "tsvector" and ("pg_settings", not sq.empty) not in memo:
        # one statement per transaction (a search page builds a context per tab: a round trip each
        # cost more than the tab's count on a busy server):
        # - jit off: PostgreSQL's JIT compiles a page's statements for longer than they run (the
        #   planner's cost of the copies' CASE/EXISTS is far above what it reads);
        # - plan_cache_mode: psycopg prepares a statement run five times; PostgreSQL may then plan it
        #   once for any tsquery and site (a generic plan: 40 s instead of 0.5 s for a common word on
        #   one site);
        # - enable_seqscan off while searching: the planner costs @@ as if it were free and scans the
        #   table for a common word, reading (detoasting) every row's tsvector; the GIN bitmap of the
        #   same rows reads none of them
        session.execute(text("SELECT set_config('jit', 'off', true), "
                             "set_config('plan_cache_mode', 'force_custom_plan', true)"
                             + (", set_config('enable_seqscan', 'off', true)" if not sq.empty else "")))
        memo[("pg_settings", not sq.empty)] = True
        if not sq.empty:
            memo[("pg_settings", False)] = True
    narrow = False
    if fts and not sq.empty:
        scope = _scope_articles(f)
        if scope is not None:
            k = ("narrow", f.site, f.date_from, f.date_to, NARROW_ARTICLES)
            if k not in memo:   # the same filters in every tab of a search page: counted once
                memo[k] = _capped_count(session, scope, NARROW_ARTICLES) <= NARROW_ARTICLES
            narrow = memo[k]
    return Ctx(sq, f, fts, narrow, index, session)


def _capped_count(session: Session, st: Select, cap: int = COUNT_CAP) -> int:
    """Rows of ``st``, counting no further than cap + 1."""
    probe = st.with_only_columns(literal(1), maintain_column_froms=True).order_by(None).limit(cap + 1)
    return session.execute(select(func.count()).select_from(probe.subquery())).scalar_one()


def _fetch_rows(session: Session, rows: Select, model, ids: list[int]) -> list:
    """The joined rows of ``ids``, in the order of ``ids``."""
    if not ids:
        return []
    by_id = {r.id: r for r in session.execute(rows.where(model.id.in_(ids)))}
    return [by_id[i] for i in ids if i in by_id]


def _page_rows(session: Session, sp: TableSpec, ctx: Ctx, limit: int, offset: int) -> list:
    """A page in two steps where the table allows it: the ordered ids (no joins, no text columns in
    the sort), then the joined rows of those ids."""
    ids_q = sp.ids(ctx) if sp.ids else None
    if ids_q is None:
        return session.execute(sp.query(ctx, False).limit(limit).offset(offset)).all()
    ids = list(session.execute(ids_q.limit(limit).offset(offset)).scalars())
    return _fetch_rows(session, sp.rows(), sp.model, ids)


def _count_all(session: Session, table: str, sp: TableSpec) -> int:
    """Rows of an unfiltered list, stories once: articles that are no copy; roles and figures less
    those a copy repeats from its original (counted from the copies' side, through their index)."""
    if table == "articles":
        return session.execute(select(func.count()).where(A.syndicated_of_id.is_(None))).scalar_one()
    n = session.execute(select(func.count()).select_from(sp.model)).scalar_one()
    if table in ("roles", "figures"):
        args = (_ROLE_ROW, _ROLE_ORIG, _role_same) if table == "roles" else (_FIG_ROW, _FIG_ORIG, _figure_same)
        repeated = _repeated_ids(*args).subquery()
        n -= session.execute(select(func.count()).select_from(repeated)).scalar_one()
    return n


def count_items(session: Session, table: str, q: str = "", filters: Filters | None = None,
                cap: int | None = COUNT_CAP) -> int:
    """Rows a list/search would show; with a query or filters counting stops past ``cap`` (the answer
    is then cap + 1: "more than cap"). ``cap=None`` counts everything."""
    sp = spec(table)
    ctx = _ctx(session, q, filters)
    if not ctx.searching and not ctx.filters.active():
        return _count_all(session, table, sp)
    base = (sp.ids(ctx) if sp.ids else None)
    if table == "articles" and ctx.searching and ctx.fts:
        every = _article_tiers(ctx)[-1]
        base = _tier_select(ctx, every, every.c.id)
    if base is None:
        base = sp.query(ctx, False)
    if cap is None:
        return session.execute(select(func.count()).select_from(base.order_by(None).subquery())).scalar_one()
    return _capped_count(session, base, cap)


def _sorted_query(sp: TableSpec, ctx: Ctx, sort: sorting.Sort | None, export: bool) -> Select | None:
    """The list's query in ``sort``'s order (corpus.sorting), or None where the list keeps its own
    order: articles without a sort (newest first; a search by relevance), an entity list without a
    sort (names in Vietnamese order; a search: exact spelling first) unless exported. Roles and
    figures without a sort: newest article first, undated last."""
    if sort is None:
        if sp.name == "articles" or (sp.mention and not export):
            return None
        if sp.mention:
            return sp.query(ctx, False)
        sort = sorting.default_sort(sp.name)
    st = sp.query(ctx, False)
    return st.order_by(None).order_by(*sorting.order_by(sp.name, sort, sp.model.id))


def filtered_ids(session: Session, table: str, q: str = "", filters: Filters | None = None) -> Select:
    """The ids of every row a list shows for the query and filters, unordered (a subquery for the
    facet counts of corpus.facets)."""
    sp = spec(table)
    ctx = _ctx(session, q, filters)
    if table == "articles" and ctx.searching and ctx.fts:
        every = _article_tiers(ctx)[-1]
        return _tier_select(ctx, every, every.c.id.label("id"))
    if table == "roles":
        return select(R.id).where(*_role_conditions(ctx))
    if table == "figures":
        return select(F.id).where(*_figure_conditions(ctx))
    return sp.query(ctx, False).with_only_columns(sp.model.id, maintain_column_froms=True).order_by(None)


def list_items(session: Session, table: str, q: str = "", page: int = 1, per_page: int = 50,
               filters: Filters | None = None, total: int | None = None, cap: int = COUNT_CAP,
               sort: sorting.Sort | None = None) -> dict:
    """One page of a table as the API answers it: {"items", "total", "page", "per_page", "total_capped"}
    (total_capped: the count stopped at ``cap``, there are more). ``total``: the caller's count, exact
    or counted with ``cap`` (cap + 1 meaning more: the search page counts its tabs to 1,000 and does
    not count the shown tab again to 10,000). ``sort``: a column of corpus.sorting (None: the list's
    default; a search: relevance first). Raises QueryError for an unknown table, an over-long query
    or a page past MAX_PAGE."""
    sp = spec(table)
    ctx = _ctx(session, q, filters)
    page = max(1, int(page))
    per_page = max(1, min(MAX_PER_PAGE, int(per_page)))
    if page > MAX_PAGE:
        raise QueryError(f"page {page} is past the last browsable page {MAX_PAGE}; narrow the query or export",
                         "page_past", page=page, last=MAX_PAGE)
    n = count_items(session, table, q, filters, cap=cap) if total is None else total  # a caller's count
    offset = (page - 1) * per_page
    sorted_query = _sorted_query(sp, ctx, sort, export=False)
    if sorted_query is not None:
        rows = session.execute(sorted_query.limit(per_page).offset(offset)).all()
    elif table == "articles" and ctx.searching and ctx.fts:
        rows = _article_search_page(session, ctx, offset, per_page)
    else:
        rows = _page_rows(session, sp, ctx, per_page, offset)
    items = [sp.item(r, ctx) for r in rows]
    if table == "persons":
        _with_latest_roles(session, items)
    if table == "articles":
        _with_also_published(session, rows, items)
    if sp.mention and items:  # "N bài viết": stories, a republished copy is its original's story
        _with_article_counts(session, sp.mention, items)
    capped = n > cap and (ctx.searching or ctx.filters.active())
    return {"items": items, "total": min(n, cap) if capped else n, "total_capped": capped,
            "page": page, "per_page": per_page}


def title_facet(session: Session, limit: int = 40) -> list[dict]:
    """The role-title facet: one value per canonical title key ("UVBTV", "Uỷ viên BTV" and "Ủy viên
    Ban Thường vụ" are one), labelled by its most common canonical spelling, counting roles (a copy
    repeating its original's role not again). Rows stored without a key fall back to the folded title."""
    sub = select(case((R.title_key != "", R.title_key), else_=R.title_folded).label("k"),
                 case((R.title_canonical != "", R.title_canonical), else_=R.title).label("label")
                 ).where(role_not_repeated()).subquery()
    rows = session.execute(select(sub.c.k, sub.c.label, func.count().label("n")).group_by(sub.c.k, sub.c.label)).all()
    by_key: dict[str, dict] = {}
    for k, lab, n in rows:
        e = by_key.setdefault(k, {"count": 0, "labels": {}})
        e["count"] += n
        e["labels"][lab] = e["labels"].get(lab, 0) + n
    out = [{"value": max(e["labels"].items(), key=lambda kv: (kv[1], kv[0]))[0], "count": e["count"]}
           for e in by_key.values()]
    out.sort(key=lambda d: (-d["count"], d["value"]))
    return out[:limit]


FACET_SAMPLE = 2000


def search_facets(session: Session, q: str = "", filters: Filters | None = None) -> dict:
    """Sites and provinces of the articles a search finds, with counts, over its first FACET_SAMPLE
    matching articles ("sampled": true when there are more): the facet counts of a search page."""
    ctx = _ctx(session, q, filters)
    if ctx.searching and ctx.fts:
        every = _article_tiers(ctx)[-1]
        ids = _tier_select(ctx, every, every.c.id.label("id"))
    else:
        ids = _articles(ctx, False).with_only_columns(A.id, maintain_column_froms=True).order_by(None)
    ids = list(session.execute(ids.limit(FACET_SAMPLE)).scalars())  # the match set is scanned once
    n = len(ids)
    sites = session.execute(select(S.name, func.count(A.id).label("n")).join(A, A.site_id == S.id)
                            .where(A.id.in_(ids)).group_by(S.name)
                            .order_by(desc("n"), S.name).limit(40)).all()
    provinces = session.execute(
        select(PL.province, func.count(func.distinct(MN.article_id)).label("n"))
        .join(MN, (MN.entity_id == PL.id) & (MN.entity_type == "place"))
        .where(MN.article_id.in_(ids), PL.province != "")
        .group_by(PL.province).order_by(desc("n"), PL.province).limit(80)).all()
    return {"site": [{"value": r[0], "count": r[1]} for r in sites],
            "province": [{"value": r[0], "count": r[1]} for r in provinces],
            "articles_counted": n, "sampled": n >= FACET_SAMPLE}


def export_rows(session: Session, table: str, q: str = "", filters: Filters | None = None,
                batch: int = 2000, sort: sorting.Sort | None = None) -> Iterator[dict]:
    """Every row of a table's list with the page's query, filters and sort, streamed: the rows the
    pages show, in their order (an entity once, with its article count; a person with the latest role)."""
    sp = spec(table)
    ctx = _ctx(session, q, filters)
    st = _sorted_query(sp, ctx, sort, export=True)
    if st is None:
        st = sp.query(ctx, True)
    result = session.execute(st.execution_options(yield_per=batch, stream_results=True))
    for part in result.partitions(batch):  # per batch: one query for each derived column
        rows = [sp.row(r) for r in part]
        if table == "articles":  # where else each story was published
            _with_also_published(session, part, rows)
            for d in rows:
                d["also_published"] = [f"{o['site']} {o['url']}" for o in d["also_published"]]
        if sp.mention and rows:
            _with_article_counts(session, sp.mention, rows)
        if table == "persons":
            _with_latest_roles(session, rows)
        for d in rows:   # the export's column order (JSON keys too)
            yield {c: d[c] for c in sp.columns if c in d} | d
