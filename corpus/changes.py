"""What changed around a page, for its Atom feed: the newest roles (new roles of a person, new holders
of a post or a body, roles in a place) and figures (of a place, of a search) of a scope, each with the
sentence it was read from, the article and the source, newest article first, each story once (a
republished copy repeating its original's fact adds no entry).

Plain dicts out, ids as ``facts.Link``s (the web layer makes the URLs); each entry carries a stable
``key`` built from the source URL, the span and what was read, so an entry keeps its identity when the
articles are processed again (row ids change then)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import models as m
from .facts import Link
from .kb.context import sentence_of
from .kb.titles import title_key
from .queries import Filters, fact_ids, figure_not_repeated, role_not_repeated

A, P, PL, O, R, F, S = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Figure, m.Site

MAX_ENTRIES = 200
MAX_SENTENCE = 600


@dataclass(frozen=True)
class Scope:
    """Whose changes: one of person, place, organization, post (title + organization) or a search
    (query + filters of the roles and figures tables)."""
    kind: str                       # person|place|organization|post|search
    id: int | None = None
    title: str = ""                 # post: the canonical title or its key
    q: str = ""
    filters: Filters | None = None

    def __post_init__(self):
        if self.kind not in ("person", "place", "organization", "post", "search"):
            raise ValueError(f"unknown feed scope {self.kind!r}; choose person, place, organization, post or search")


def _role_scope(session: Session, scope: Scope) -> list:
    if scope.kind == "person":
        return [R.person_id == scope.id]
    if scope.kind == "organization":
        return [R.organization_id == scope.id]
    if scope.kind == "post":
        keys = sorted({scope.title.strip(), title_key(scope.title)})
        return [R.organization_id == scope.id, R.title_key.in_(keys)]
    if scope.kind == "place":
        return [(R.place_id == scope.id) | R.organization_id.in_(select(O.id).where(O.place_id == scope.id))]
    return [R.id.in_(fact_ids(session, "roles", scope.q, scope.filters))]


def _figure_scope(session: Session, scope: Scope) -> list | None:
    if scope.kind == "place":
        return [F.place_id == scope.id]
    if scope.kind == "search":
        return [F.id.in_(fact_ids(session, "figures", scope.q, scope.filters))]
    return None      # persons, bodies and posts have roles, not figures


def _newest():
    return (A.published_date.desc().nulls_last(), A.created_at.desc(), A.id.desc())


def _when(published: date | None, created: datetime | None) -> str:
    """ISO date of the article, else the date partyfacts recorded it (an undated page)."""
    if published:
        return published.isoformat()
    return created.date().isoformat() if created else ""


def _sentence(text: str, start: int, end: int, stored: str = "") -> str:
    if stored:
        return stored[:MAX_SENTENCE]
    if not (0 <= start < end <= len(text)):
        return ""
    a, b = sentence_of(text, start, end)
    return " ".join(text[a:b].split())[:MAX_SENTENCE]


def stable_key(kind: str, source_url: str, start: int, end: int, what: str) -> str:
    """A key for a fact that survives re-processing: its source, span and what was read."""
    return hashlib.sha1(f"{kind}\n{source_url}\n{start}-{end}\n{what}".encode("utf-8")).hexdigest()


def changes(session: Session, scope: Scope, limit: int = 50) -> list[dict]:
    """The newest ``limit`` (≤ MAX_ENTRIES) roles and figures of ``scope``, newest article first: dicts
    {kind: role|figure, key, date (ISO, the article's; else when recorded), dated, sentence, article
    {id, title, url, site, link}, link (the fact in the article), and for a role person, person_link,
    title, organization; for a figure value, unit, text, place}."""
    limit = max(1, min(MAX_ENTRIES, limit))
    out: list[dict] = []
    art = (A.id.label("aid"), A.title.label("atitle"), A.url.label("aurl"), A.published_date, A.created_at,
           A.text.label("atext"), S.name.label("site"))
    roles = session.execute(
        select(R.id, R.person_id, P.name, R.title, R.title_key, R.organization, O.name.label("org_name"), R.former,
               R.start, R.end, *art)
        .join(P, P.id == R.person_id).join(A, A.id == R.article_id).join(S, S.id == A.site_id)
        .outerjoin(O, O.id == R.organization_id)
        .where(*_role_scope(session, scope), role_not_repeated()).order_by(*_newest(), R.id.desc()).limit(limit)).all()
    for r in roles:
        org = r.org_name or r.organization
        out.append({"kind": "role", "id": r.id,
                    "key": stable_key("role", r.aurl, r.start, r.end, f"{r.name}|{r.title_key or r.title}|{org}"),
                    "date": _when(r.published_date, r.created_at), "dated": r.published_date is not None,
                    "sentence": _sentence(r.atext, r.start, r.end), "person": r.name,
                    "person_link": Link("person", r.person_id), "title": r.title, "organization": org,
                    "former": bool(r.former), "link": Link("article", r.aid, f"r{r.id}"),
                    "article": {"id": r.aid, "title": r.atitle, "url": r.aurl, "site": r.site,
                                "link": Link("article", r.aid)}, "_order": _order(r)})
    fig_scope = _figure_scope(session, scope)
    if fig_scope is not None:
        figures = session.execute(
            select(F.id, F.value, F.unit, F.text, F.counted, F.sentence, F.start, F.end, PL.name.label("place"), *art)
            .join(A, A.id == F.article_id).join(S, S.id == A.site_id).outerjoin(PL, PL.id == F.place_id)
            .where(*fig_scope, figure_not_repeated()).order_by(*_newest(), F.id.desc()).limit(limit)).all()
        for f in figures:
            out.append({"kind": "figure", "id": f.id,
                        "key": stable_key("figure", f.aurl, f.start, f.end, f"{f.value!r}|{f.unit}"),
                        "date": _when(f.published_date, f.created_at), "dated": f.published_date is not None,
                        "sentence": _sentence(f.atext, f.start, f.end, f.sentence), "value": f.value, "unit": f.unit,
                        "text": f.text, "counted": f.counted, "place": f.place or "",
                        "link": Link("article", f.aid, f"f{f.id}"),
                        "article": {"id": f.aid, "title": f.atitle, "url": f.aurl, "site": f.site,
                                    "link": Link("article", f.aid)}, "_order": _order(f)})
    out.sort(key=lambda e: e.pop("_order"), reverse=True)
    return out[:limit]


def _order(r) -> tuple:
    """Newest first: dated articles by date, then by when recorded; undated ones after every dated one."""
    return (r.published_date is not None, r.published_date or date.min, r.created_at or datetime.min, r.aid, r.id)


def scope_name(session: Session, scope: Scope) -> str | None:
    """The name of the scope's person, place, organisation or post ("Bí thư · Tỉnh ủy Nghệ An"), the
    query of a search; None for an unknown id."""
    if scope.kind == "search":
        return scope.q
    model = {"person": P, "place": PL, "organization": O, "post": O}[scope.kind]
    row = session.get(model, scope.id)
    if row is None:
        return None
    if scope.kind == "post":
        return f"{scope.title} · {row.name}"
    if scope.kind == "place":
        return f"{row.type} {row.name}".strip()
    return row.name
