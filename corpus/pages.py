"""Read models of the detail pages: an article with its fact spans, a person's career, a place's
people and figures, an organization, figure series, facet values and the crawl overview.

Plain dicts out (the web layer renders them and serves them as JSON); SQLAlchemy Core in, so they run
on SQLite and PostgreSQL. Each returns None for an unknown id. A dict that links to a page carries ids
only, as a ``link`` (or ``article_link``) key holding a ``facts.Link``; the web layer
(``webapp.urls.resolve_links``) turns it into the ``href`` (``article_href``) of the API and the pages.
"""
from __future__ import annotations

import copy
import gzip
import json
import threading
from collections import Counter, OrderedDict, defaultdict

from sqlalchemy import case, desc, func, select
from sqlalchemy.orm import Session

from partyfacts.nlp.text import fold, key

from . import aggregates
from . import models as m
from .facts import ENTITY_TYPES, Link
from .kb.posts import holders_on, tenures
from .kb.roles import role_evidence
from .kb.titles import post_label, title_key as title_key_of
from .queries import figure_ids, figure_not_repeated, story_of
from .store import text_fields

A, P, PL, O, R, F, MN, S = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Figure, m.Mention, m.Site

MAX_SERIES_POINTS = 2000
MAX_ARTICLES_LISTED = 100
MAX_CAREER_ROWS = 200
MAX_OCCURRENCES = 500           # a person's occurrences explained (newest first)
MAX_HOLDERS = 500               # holders listed on a post page (newest first)
MAX_EVIDENCE = 100              # evidence articles listed per tenure
MAX_POSTS_LISTED = 100          # posts of an organisation page (most holders first)
MAX_POST_HOLDERS_LISTED = 20    # holders per post on an organisation page (newest first)
CO_MENTION_ARTICLES = aggregates.CO_MENTION_ARTICLES
COMMON_UNIT = 20_000


def _article_ref(r) -> dict:
    return {"id": r.id, "title": r.title, "published": r.published or "", "url": r.url, "link": Link("article", r.id)}


# -- article ------------------------------------------------------------------------------------------

def article_detail(session: Session, article_id: int) -> dict | None:
    """The article, its site, its facts and the [start, end) spans to highlight, by type."""
    row = session.execute(select(A, S.name).join(S, S.id == A.site_id).where(A.id == article_id)).first()
    if row is None:
        return None
    a, site = row
    names = {}
    for etype, model in ((ft.mention, ft.model) for ft in ENTITY_TYPES):
        ids = select(MN.entity_id).where(MN.article_id == a.id, MN.entity_type == etype)
        for eid, name in session.execute(select(model.id, model.name).where(model.id.in_(ids))):
            names[(etype, eid)] = name
    mentions = session.execute(select(MN.id, MN.entity_type, MN.entity_id, MN.start, MN.end)
                               .where(MN.article_id == a.id).order_by(MN.start)).all()
    roles = session.execute(select(R.id, R.person_id, P.name, R.title, R.organization, R.title_expanded, R.former,
                                   R.place_id, R.start, R.end).join(P, P.id == R.person_id)
                            .where(R.article_id == a.id).order_by(R.start)).all()
    figures = session.execute(select(F.id, F.value, F.unit, F.text, F.counted, F.actor, F.period, F.qualifier,
                                     F.place_id, F.start, F.end).where(F.article_id == a.id).order_by(F.start)).all()
    spans = []
    for mn in mentions:
        name = names.get((mn.entity_type, mn.entity_id), "")
        spans.append({"type": mn.entity_type, "start": mn.start, "end": mn.end, "label": name,
                      "link": Link(mn.entity_type, mn.entity_id), "anchor": ""})
    for r in roles:
        spans.append({"type": "role", "start": r.start, "end": r.end, "label": f"{r.name}: {post_label(r.title, r.organization)}".strip(),
                      "link": Link("person", r.person_id), "anchor": f"r{r.id}"})
    for f in figures:
        spans.append({"type": "figure", "start": f.start, "end": f.end, "label": f"{f.value:g} {f.unit}",
                      "link": None, "anchor": f"f{f.id}"})
    n = len(a.text)
    spans = [s for s in spans if 0 <= s["start"] < s["end"] <= n]
    entities = defaultdict(list)
    for (etype, eid), name in sorted(names.items(), key=lambda kv: kv[1]):
        entities[etype].append({"id": eid, "name": name, "link": Link(etype, eid)})
    raw = None
    if a.raw_page_id:
        rp = session.execute(select(m.RawPage.id, m.RawPage.url, m.RawPage.size, m.RawPage.fetched_at)
                             .where(m.RawPage.id == a.raw_page_id)).first()
        if rp:
            raw = {"id": rp.id, "url": rp.url, "size": rp.size, "fetched_at": rp.fetched_at.isoformat() if rp.fetched_at else "",
                   "link": Link("archived", a.id)}
    return {
        "id": a.id, "link": Link("article", a.id), "url": a.url, "site": site, "title": a.title,
        "published": a.published or "", "author": a.author, "source": a.source, "text": a.text, "archived": raw,
        "spans": spans, "parts": [vars(f) for f in text_fields(a.text, a.fields)],   # [start, end) of each part
        **{ft.table: entities[ft.mention] for ft in ENTITY_TYPES},
        "roles": [{"id": r.id, "person_id": r.person_id, "person": r.name, "title": r.title,
                   "organization": r.organization, "title_expanded": r.title_expanded, "former": bool(r.former),
                   "place_id": r.place_id, "start": r.start, "end": r.end, "link": Link("person", r.person_id),
                   "anchor": f"r{r.id}"} for r in roles],
        "figures": [{"id": f.id, "value": f.value, "unit": f.unit, "text": f.text, "counted": f.counted,
                     "actor": f.actor, "period": f.period, "qualifier": f.qualifier, "place_id": f.place_id,
                     "start": f.start, "end": f.end, "link": Link("article", a.id, f"f{f.id}"), "anchor": f"f{f.id}"}
                    for f in figures],
    }


def archived_html(session: Session, article_id: int) -> tuple[bytes, str] | None:
    """The archived raw page bytes of an article and the encoding recorded at fetch time."""
    row = session.execute(select(m.RawPage.html_gz, m.RawPage.encoding).join(A, A.raw_page_id == m.RawPage.id)
                          .where(A.id == article_id)).first()
    if row is None:
        return None
    return gzip.decompress(row.html_gz), row.encoding or ""


# -- person -------------------------------------------------------------------------------------------

def _story():
    """The story an article belongs to: its original when it is a republished copy, else itself."""
    return func.coalesce(A.syndicated_of_id, A.id)


def _stories(session: Session, art_ids, limit: int = MAX_ARTICLES_LISTED) -> tuple[int, list[dict]]:
    """The number of stories among the articles ``art_ids`` (a select of article ids) and the newest
    ``limit`` of them, each the original article with ``also_published``: its copies (id, site, link)."""
    story_ids = select(_story().label("sid")).where(A.id.in_(art_ids)).distinct()
    n = session.execute(select(func.count()).select_from(story_ids.subquery())).scalar_one()
    rows = session.execute(select(A.id, A.title, A.published, A.url).where(A.id.in_(story_ids))
                           .order_by(A.published_date.desc().nulls_last(), A.id.desc()).limit(limit)).all()
    copies = defaultdict(list)
    if rows:
        for c in session.execute(select(A.id, A.syndicated_of_id, A.url, S.name).join(S, S.id == A.site_id)
                                 .where(A.syndicated_of_id.in_([r.id for r in rows])).order_by(A.id)):
            copies[c.syndicated_of_id].append({"id": c.id, "site": c.name, "url": c.url, "link": Link("article", c.id)})
    return n, [{**_article_ref(r), "also_published": copies.get(r.id, [])} for r in rows]


def _tenure_dict(t, names: dict[int, str] | None = None) -> dict:
    """A tenure (corpus.kb.posts) with its links: organisation, evidence articles, and the person when
    ``names`` is given. ``post`` names the post (title key, organisation id) for the post page."""
    return _tenure_links(aggregates.tenure_plain(t), names)


def _tenure_links(d: dict, names: dict[int, str] | None = None) -> dict:
    """A plain tenure (aggregates.tenure_plain, all its evidence) trimmed to MAX_EVIDENCE evidence
    articles, with its links."""
    d["evidence_total"] = len(d["evidence"])
    if len(d["evidence"]) > MAX_EVIDENCE:
        d["evidence"] = _key_evidence(d["evidence"])
    d["organization_link"] = Link("organization", d["organization_id"]) if d["organization_id"] else None
    for e in d["evidence"]:
        e["article_link"] = Link("article", e["article_id"])
    if names is not None:
        d["person"] = names.get(d["person_id"], "")
        d["person_link"] = Link("person", d["person_id"])
    return d


def _key_evidence(evidence: list[dict]) -> list[dict]:
    """At most MAX_EVIDENCE of a tenure's evidence (oldest first), keeping what dates it: every
    election, appointment and "former" mark, the first and last sighting in office, then the newest."""
    return aggregates.key_evidence(evidence, MAX_EVIDENCE)


def _person_names(session: Session, ids) -> dict[int, str]:
    ids = sorted(set(ids))
    return dict(session.execute(select(P.id, P.name).where(P.id.in_(ids))).all()) if ids else {}


def _resolution(session: Session, person_id: int) -> list[dict]:
    """Why the person's occurrences are one person: each occurrence (one name in one article) with
    the resolver's decision (merged / separate / alone / split), the occurrence it was compared with
    and its article, the match probability, the evidence per comparison and who decided."""
    occ = session.execute(
        select(m.PersonOccurrence.id, m.PersonOccurrence.mention_key, m.PersonOccurrence.name,
               m.PersonOccurrence.province, m.PersonOccurrence.district, m.PersonOccurrence.explanation,
               m.PersonOccurrence.article_id, A.title, A.published)
        .join(A, A.id == m.PersonOccurrence.article_id).where(m.PersonOccurrence.person_id == person_id)
        .order_by(A.published_date.desc().nulls_last(), A.id.desc()).limit(MAX_OCCURRENCES)).all()
    explained = [(o, json.loads(o.explanation or "{}")) for o in occ]
    partners = sorted({e.get("partner") for _, e in explained if e.get("partner")})
    where = {}
    if partners:
        where = {r.mention_key: r for r in session.execute(
            select(m.PersonOccurrence.mention_key, m.PersonOccurrence.article_id, m.PersonOccurrence.person_id,
                   A.title, A.published).join(A, A.id == m.PersonOccurrence.article_id)
            .where(m.PersonOccurrence.mention_key.in_(partners)))}
    out = []
    for o, e in explained:
        partner = where.get(e.get("partner", ""))
        out.append({"id": o.id, "mention_key": o.mention_key, "name": o.name, "province": o.province,
                    "district": o.district, "article_id": o.article_id, "article_title": o.title,
                    "published": o.published or "", "article_link": Link("article", o.article_id),
                    "decision": e.get("decision", ""), "by": e.get("by", ""), "probability": e.get("probability"),
                    "evidence": e.get("evidence", {}),
                    "partner": ({"mention_key": e["partner"], "article_id": partner.article_id,
                                 "person_id": partner.person_id, "article_title": partner.title,
                                 "published": partner.published or "", "article_link": Link("article", partner.article_id)}
                                if partner is not None else None)})
    return out


MAX_TENURES_LISTED = 50         # tenures on a person page (the latest; career_total counts all;
                                # every role row is in the paged role list and the export)
MAX_LANES = 40                  # timeline lanes drawn (the latest; timeline_total counts all)
MAX_LIST_PAGE = 1000            # deepest page of a person's articles or role rows (then: the filtered table)
ARTICLES_PER_PAGE = 50          # a person's stories per page (a page of the busiest official renders
ROLES_PER_PAGE = 100            # in ~20 ms; rendering, not the database, is the cost under load)
career_lanes = aggregates.career_lanes


def person_detail(session: Session, person_id: int, *, articles_page: int = 1, roles_page: int = 1) -> dict | None:
    """A person's career as tenures (one per post, corpus.kb.posts), the role rows it rests on (newest
    first, ROLES_PER_PAGE a page; a republished copy's rows are its original's, counted once), the
    timeline lanes (canonical title × organisation), variants, co-mentioned people, places, articles
    as stories (newest first, ARTICLES_PER_PAGE a page) and why its occurrences are one person.

    The summaries over all of the person's rows come from its precomputed aggregate
    (corpus.aggregates; computed now when a change is pending), so the page costs about the same for
    the busiest official as for anyone; the lists are pages. A page whose aggregate is fresh is
    cached per process, keyed by the aggregate's stamp: any change to the person's rows marks it and
    the next read misses."""
    if articles_page < 1 or roles_page < 1:
        raise ValueError("pages are numbered from 1")
    stamp = aggregates.stamp_of(session, person_id)
    ck = person_cache_key(session, person_id, articles_page, roles_page)
    if stamp is not None:
        hit = PAGE_CACHE.get(ck, stamp)
        if hit is not None:
            return hit
    p = session.get(P, person_id)
    if p is None:
        return None
    stamp, agg = aggregates.person_summary(session, p.id)
    page_roles = _slice(agg["role_ids"], roles_page, ROLES_PER_PAGE)
    by_id = {r.id: r for r in session.execute(
        select(R.id, R.title, R.organization, R.title_expanded, R.title_canonical, R.former, R.event, R.event_date,
               R.organization_id, O.name.label("org_name"), R.place_id, PL.name.label("place"),
               R.article_id, A.title.label("article_title"), A.published, A.published_date)
        .join(A, A.id == R.article_id).outerjoin(PL, PL.id == R.place_id).outerjoin(O, O.id == R.organization_id)
        .where(R.id.in_(page_roles)))} if page_roles else {}
    roles = [by_id[i] for i in page_roles if i in by_id]
    articles = _story_page(session, _slice(agg["story_ids"], articles_page, ARTICLES_PER_PAGE))
    names = _person_names(session, [i for i, _ in agg["co_mentioned"]])
    place_rows = {r.id: r for r in session.execute(select(PL.id, PL.name, PL.type, PL.province).where(
        PL.id.in_([i for i, _ in agg["places"]])))} if agg["places"] else {}
    role_rows = [{"id": r.id, "title": r.title, "title_canonical": r.title_canonical or r.title,
                  "organization": r.organization, "organization_id": r.organization_id,
                  "organization_name": r.org_name or "",
                  "organization_link": Link("organization", r.organization_id) if r.organization_id else None,
                  "title_expanded": r.title_expanded, "former": bool(r.former), "event": r.event,
                  "event_date": r.event_date or "", "place_id": r.place_id, "place": r.place or "",
                  "date": r.published_date.isoformat() if r.published_date else "", "published": r.published or "",
                  "article_id": r.article_id, "article_title": r.article_title,
                  "article_link": Link("article", r.article_id, f"r{r.id}"), "link": Link("article", r.article_id, f"r{r.id}")}
                 for r in roles]
    out = {
        "id": p.id, "link": Link("person", p.id), "name": p.name, "variants": json.loads(p.variants or "[]"),
        "career": [_tenure_links(t) for t in _newest(agg["career"], MAX_TENURES_LISTED, _tenure_latest)],
        "career_total": len(agg["career"]), "roles": role_rows, "roles_total": agg["roles_total"],
        "roles_page": _page_info(roles_page, ROLES_PER_PAGE, agg["roles_total"]),
        "timeline": _newest(agg["timeline"], MAX_LANES, lambda ln: ln["dates"][-1] if ln["dates"] else ""),
        "timeline_total": len(agg["timeline"]),
        "co_mentioned": [{"id": i, "name": names.get(i, ""), "articles": n, "link": Link("person", i)}
                         for i, n in agg["co_mentioned"] if i in names],
        "places": [{"id": i, "name": place_rows[i].name, "type": place_rows[i].type, "province": place_rows[i].province,
                    "articles": n, "link": Link("place", i)} for i, n in agg["places"] if i in place_rows],
        "articles_total": agg["articles_total"], "articles": articles,
        "articles_page": _page_info(articles_page, ARTICLES_PER_PAGE, agg["articles_total"]),
        "co_mention_window": agg["co_mention_window"],
        "resolution": _resolution(session, p.id),
        "resolution_total": session.execute(select(func.count()).where(
            m.PersonOccurrence.person_id == p.id)).scalar_one(),
    }
    if stamp is not None:
        PAGE_CACHE.put(ck, stamp, out)
    return out


def _newest(items: list, limit: int, latest) -> list:
    """At most ``limit`` of ``items``: those with the latest ``latest(item)``, in their own order (an
    official of thousands of articles holds thousands of posts; the page shows the recent ones)."""
    if len(items) <= limit:
        return items
    keep = set(sorted(range(len(items)), key=lambda i: (latest(items[i]), i), reverse=True)[:limit])
    return [x for i, x in enumerate(items) if i in keep]


def _tenure_latest(t: dict) -> str:
    return max(t["start"] or "", t["last_seen"] or "", t["end"] or "")


def person_cache_key(session: Session, person_id: int, articles_page: int = 1, roles_page: int = 1) -> tuple:
    """The PAGE_CACHE key of a person page: the database, the person, the pages and the limits that
    shape it (the aggregate's stamp is checked beside it)."""
    return (str(session.get_bind().url), person_id, articles_page, roles_page, MAX_EVIDENCE, MAX_TENURES_LISTED,
            MAX_LANES, ARTICLES_PER_PAGE, ROLES_PER_PAGE)


def _page_info(page: int, per_page: int, total: int) -> dict:
    """Where a paged list of a detail page is: its page, size, total and last page."""
    return {"page": page, "per_page": per_page, "total": total, "pages": max(1, -(-total // per_page))}


def _slice(ids: list[int], page: int, per_page: int) -> list[int]:
    return ids[(page - 1) * per_page:page * per_page]


def _story_page(session: Session, ids: list[int]) -> list[dict]:
    """The stories of these article ids (originals), in this order, each with ``also_published``: its
    copies (id, site, link)."""
    by_id = {r.id: r for r in session.execute(select(A.id, A.title, A.published, A.url).where(A.id.in_(ids)))} \
        if ids else {}
    rows = [by_id[i] for i in ids if i in by_id]
    copies = defaultdict(list)
    if rows:
        for c in session.execute(select(A.id, A.syndicated_of_id, A.url, S.name).join(S, S.id == A.site_id)
                                 .where(A.syndicated_of_id.in_([r.id for r in rows])).order_by(A.id)):
            copies[c.syndicated_of_id].append({"id": c.id, "site": c.name, "url": c.url, "link": Link("article", c.id)})
    return [{**_article_ref(r), "also_published": copies.get(r.id, [])} for r in rows]


class PageCache:
    """A bounded per-process cache of detail pages: (key, stamp) → the read model, least recently
    used dropped first. A hit returns the stored model itself, shared by every request: callers must
    not change it (the web layer's ``resolve_links`` builds a new model). ``put`` stores a deep copy,
    so the caller's own model stays its own."""

    def __init__(self, size: int = 256):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, stamp: str):
        with self._lock:
            got = self._items.get(key)
            if got is None or got[0] != stamp:
                return None
            self._items.move_to_end(key)
            return got[1]

    def put(self, key, stamp: str, value) -> None:
        value = copy.deepcopy(value)
        with self._lock:
            self._items[key] = (stamp, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


PAGE_CACHE = PageCache()


# -- place --------------------------------------------------------------------------------------------

def _successor(session: Session, pl) -> dict | None:
    """The 2025 successor of a place, with the link to its own page when the corpus has that unit (same
    code and name; a unit that is its own successor gets no link)."""
    if not pl.successor_name:
        return None
    same = (PL.code == pl.successor_code) if pl.successor_code else (PL.type == pl.successor_type)
    row = session.execute(select(PL.id).where(same, PL.name == pl.successor_name, PL.id != pl.id)
                          .order_by(PL.id).limit(1)).scalar_one_or_none()
    return {"name": pl.successor_name, "type": pl.successor_type, "province": pl.successor_province,
            "code": pl.successor_code, **({"link": Link("place", row)} if row is not None else {})}


def place_detail(session: Session, place_id: int, unit: str = "", series: str = "") -> dict | None:
    """The administrative unit, the people holding roles there (one line per person and canonical
    title), its figure series of one unit (one per counted thing), its articles; stories counted once."""
    pl = session.get(PL, place_id)
    if pl is None:
        return None
    title_grp = case((R.title_key != "", R.title_key), else_=R.title_folded)
    people = session.execute(
        select(P.id, P.name, func.max(case((R.title_canonical != "", R.title_canonical), else_=R.title)).label("title"),
               func.max(R.organization).label("organization"), func.count(func.distinct(story_of(A))).label("n"),
               func.min(A.published_date).label("first"), func.max(A.published_date).label("last"))
        .join(R, R.person_id == P.id).join(A, A.id == R.article_id)
        .where(R.place_id == pl.id).group_by(P.id, P.name, title_grp)
        .order_by(desc("last"), P.name).limit(200)).all()
    units = session.execute(select(F.unit, func.count(F.id).label("n")).where(F.place_id == pl.id, figure_not_repeated())
                            .group_by(F.unit).order_by(desc("n"), F.unit).limit(30)).all()
    chosen = unit or (units[0].unit if units else "")
    art_ids = select(MN.article_id).where(MN.entity_type == "place", MN.entity_id == pl.id).distinct()
    n_articles = session.execute(select(func.count(func.distinct(story_of(A)))).where(A.id.in_(art_ids))).scalar_one()
    articles = session.execute(select(A.id, A.title, A.published, A.url)
                               .where(A.id.in_(art_ids),
                                      (A.syndicated_of_id.is_(None)) | A.syndicated_of_id.not_in(art_ids))
                               .order_by(A.published_date.desc().nulls_last(), A.id.desc())
                               .limit(MAX_ARTICLES_LISTED)).all()
    return {
        "id": pl.id, "link": Link("place", pl.id), "name": pl.name, "type": pl.type, "province": pl.province,
        "code": pl.code, "era": pl.era,
        "successor": _successor(session, pl),
        "people": [{"id": r.id, "name": r.name, "title": r.title, "organization": r.organization, "roles": r.n,
                    "first": r.first.isoformat() if r.first else "", "last": r.last.isoformat() if r.last else "",
                    "link": Link("person", r.id)} for r in people],
        "units": [{"unit": u.unit, "figures": u.n} for u in units],
        "unit": chosen,
        "series": figure_series(session, unit=chosen, place_id=pl.id, series=series) if chosen else [],
        "articles_total": n_articles, "articles": [_article_ref(a) for a in articles],
    }


def _org_place(session: Session, o) -> "m.Place | None":
    """The place row of an organisation: its place_id, else the place of its name and province (a
    province-level body: the province itself)."""
    if o.place_id:
        return session.get(PL, o.place_id)
    if not o.place_name:
        return None
    rows = session.execute(select(PL).where(PL.key == key(o.place_name)).order_by(PL.id)).scalars().all()
    same = [r for r in rows if r.province == o.province or (o.level == "province" and r.name == o.province)]
    return (same or [None])[0]


def _posts(session: Session, evidence) -> list[dict]:
    """Tenures grouped by post (title key, organisation): each post with its holders, newest first."""
    ts = tenures(evidence)
    names = _person_names(session, (t.person_id for t in ts))
    posts: dict[tuple, dict] = {}
    for t in ts:
        post = posts.setdefault(t.post, {"title": t.title, "title_key": t.title_key, "organization_id": t.organization_id,
                                         "organization": t.organization, "holders": [],
                                         "post": {"title": t.title, "title_key": t.title_key,
                                                  "organization_id": t.organization_id}})
        post["holders"].append(_tenure_dict(t, names))
    for post in posts.values():
        post["holders"].sort(key=_latest, reverse=True)
        post["holders_total"] = len(post["holders"])
        del post["holders"][MAX_POST_HOLDERS_LISTED:]
    return sorted(posts.values(), key=lambda p: (-p["holders_total"], p["title"]))[:MAX_POSTS_LISTED]


def _latest(t: dict) -> tuple[str, str]:
    """Holders are listed newest first: by the tenure's start (the end of an undated one), then by
    its latest date."""
    return (t["start"] or t["end"] or "", max(t["start"] or "", t["last_seen"] or "", t["end"] or ""))


def organization_detail(session: Session, org_id: int) -> dict | None:
    """A resolved body: its completed name, level, place (and the place's 2025 successor), province,
    its posts with their holders over time, the people with roles in it, its articles as stories."""
    o = session.get(O, org_id)
    if o is None:
        return None
    canonical = func.coalesce(func.nullif(R.title_canonical, ""), R.title)
    people = session.execute(
        select(P.id, P.name, canonical.label("canonical"), func.count(R.id).label("n"),
               func.max(A.published_date).label("last"))
        .join(R, R.person_id == P.id).join(A, A.id == R.article_id)
        .where(R.organization_id == o.id, A.syndicated_of_id.is_(None))
        .group_by(P.id, P.name, canonical).order_by(desc("last"), P.name).limit(200)).all()
    art_ids = (select(MN.article_id).where(MN.entity_type == "organization", MN.entity_id == o.id)
               .union(select(R.article_id).where(R.organization_id == o.id)))
    n_articles, articles = _stories(session, art_ids)
    pl = _org_place(session, o)
    return {"id": o.id, "link": Link("organization", o.id), "name": o.name, "kind": o.kind, "level": o.level,
            "place_name": o.place_name, "province": o.province,
            "place": ({"id": pl.id, "name": pl.name, "type": pl.type, "province": pl.province,
                       "link": Link("place", pl.id)} if pl is not None else None),
            "successor": _successor(session, pl) if pl is not None else None,
            "posts": _posts(session, role_evidence(session, organization_id=o.id)),
            "people": [{"id": r.id, "name": r.name, "title": r.canonical, "roles": r.n,
                        "last": r.last.isoformat() if r.last else "", "link": Link("person", r.id)} for r in people],
            "articles_total": n_articles, "articles": articles}


# -- posts ----------------------------------------------------------------------------------------------

def post_detail(session: Session, title: str, organization_id: int, on: str = "") -> dict | None:
    """A post (canonical title × organisation): its holders over time (tenures, newest first), and
    with ``on`` (ISO date) the holders on that date. ``title`` is the canonical title or its key.
    None when the organisation is unknown or nobody is recorded in the post."""
    o = session.get(O, organization_id)
    if o is None or not title.strip():
        return None
    keys = sorted({title.strip(), title_key_of(title)})
    evidence = [e for k in keys for e in role_evidence(session, title_key=k, organization_id=o.id)]
    if not evidence:
        return None
    ts = tenures(evidence)
    names = _person_names(session, (t.person_id for t in ts))
    holders = sorted((_tenure_dict(t, names) for t in ts), key=_latest, reverse=True)
    out = {"title": ts[0].title, "title_key": ts[0].title_key,
           "organization": {"id": o.id, "name": o.name, "province": o.province, "link": Link("organization", o.id)},
           "holders": holders[:MAX_HOLDERS], "holders_total": len(holders), "on": on or None, "holders_on": None}
    if on:
        out["holders_on"] = sorted((_tenure_dict(t, names) for t in holders_on(ts, on)), key=_latest, reverse=True)
    return out


# -- figures ----------------------------------------------------------------------------------------------

MAX_CHART_SERIES = 12


# the length of the period a figure covers, from its period phrase (folded): a half-year's admissions
# and a year's are unlike quantities; first match wins
_PERIOD_KINDS = (("half-year", ("6 thang", "sau thang", "nua dau nam", "nua cuoi nam", "nua nam")),
                 ("9 months", ("9 thang", "chin thang")), ("quarter", ("quy ",)),
                 ("term", ("nhiem ky", "giai doan", "khoa ")), ("month", ("thang ",)), ("year", ("nam ",)))


_PERIOD_LABELS = {"half-year": "6 tháng", "9 months": "9 tháng", "quarter": "quý", "term": "nhiệm kỳ",
                  "month": "tháng", "year": "năm"}


def period_kind(period: str) -> str:
    """"6 tháng đầu năm 2024" → "half-year", "năm 2023" → "year", "nhiệm kỳ 2020 - 2025" → "term",
    "" when the figure gives no period."""
    p = f" {fold(period)} "
    for kind, cues in _PERIOD_KINDS:
        if any(f" {c}" in p for c in cues):
            return kind
    return ""


def series_key(unit: str, counted: str, place_id: int | None, period: str = "") -> str:
    """The key of a figure series: like with like, (unit, counted thing normalised, place, length of
    the period). "812 đảng viên được kết nạp" and "4.500 đảng viên" are two series; the same thing in
    two places, or over half a year and over a year, too."""
    thing = key(counted) or key(unit)
    return f"{key(unit)}|{thing}|{place_id or ''}|{period_kind(period)}"


def figure_series(session: Session, unit: str, place_id: int | None = None, filters=None,
                  series: str = "", q: str = "", undated: dict[str, int] | None = None) -> list[dict]:
    """The dated figures of one unit (newest MAX_SERIES_POINTS, each story once: a copy repeating its
    original's (value, unit) adds no point) grouped into series by ``series_key``: dicts {key, label,
    unit, counted, place_id, place, province, points (oldest first), undated (figures of the series
    whose article has no date: not drawn)}, the series with most points first; ``series`` keeps only
    the series of that key; ``q`` (the figures table's search box) keeps the figures the table lists.
    A series whose figures are all undated is left out (``undated_figures`` counts them; a caller that
    has already counted them for the same arguments passes ``undated``)."""
    common = session.execute(select(func.count()).select_from(
        select(F.id).where(F.unit == unit).limit(COMMON_UNIT + 1).subquery())).scalar_one() > COMMON_UNIT
    # a common unit is read newest article first (walking the date index, stopping at the limit); a rare
    # one through the unit index. unit || '' keeps the unit index from being chosen for a common unit.
    unit_match = F.unit.concat("") == unit if common and not place_id else F.unit == unit
    st = (select(F.id, F.value, F.text, F.unit, F.counted, F.period, F.place_id, A.published_date, F.article_id,
                 PL.name.label("place"), PL.province.label("province"))
          .join(A, A.id == F.article_id).outerjoin(PL, PL.id == F.place_id)
          .where(unit_match, A.published_date.is_not(None), figure_not_repeated()))
    st = _series_scope(st, place_id, filters, q, session)
    rows = session.execute(st.order_by(A.published_date.desc(), F.id.desc()).limit(MAX_SERIES_POINTS)).all()
    if undated is None:
        undated = undated_figures(session, unit, place_id, filters, series, q)
    groups: dict[str, dict] = {}
    for r in reversed(rows):
        k = series_key(r.unit, r.counted, r.place_id, r.period)
        if series and k != series:
            continue
        g = groups.get(k)
        if g is None:
            g = groups[k] = {"key": k, "unit": r.unit, "counted": key(r.counted) or key(r.unit),
                             "period": period_kind(r.period), "place_id": r.place_id, "place": r.place or "",
                             "province": r.province or "", "points": [], "undated": undated.get(k, 0)}
            g["label"] = (g["counted"] + (f" · {_PERIOD_LABELS[g['period']]}" if g["period"] else "")
                          + (f" · {g['place']}" if g["place"] else ""))
        g["points"].append({"id": r.id, "value": r.value, "text": r.text, "date": r.published_date.isoformat(),
                            "place": r.place or "", "link": Link("article", r.article_id, f"f{r.id}")})
    return sorted(groups.values(), key=lambda g: (-len(g["points"]), g["label"]))


def _series_scope(st, place_id: int | None, filters, q: str, session: Session):
    """``st`` (a select over figures joined to articles and places) narrowed to the place, the page
    filters and the figures table's search box, as the figures table narrows its rows."""
    if place_id:
        st = st.where(F.place_id == place_id)
    if filters is not None:
        if filters.place:
            st = st.where(F.place_id == filters.place)
        if filters.province:
            st = st.where(PL.province == filters.province)
        if filters.site:
            st = st.where(A.site_id == select(S.id).where(S.name == filters.site).scalar_subquery())
        if filters.date_from:
            st = st.where(A.published_date >= filters.date_from)
        if filters.date_to:
            st = st.where(A.published_date <= filters.date_to)
        if filters.article:
            st = st.where(F.article_id == filters.article)
    if q.strip():
        st = st.where(F.id.in_(figure_ids(session, q, filters)))
    return st


def undated_figures(session: Session, unit: str, place_id: int | None = None, filters=None, series: str = "",
                    q: str = "") -> dict[str, int]:
    """Figures of ``unit`` the series charts cannot draw (their article has no date), counted per
    series key (each story once), under the same place, filters and search box; a date filter
    excludes them all (an undated figure is in no period)."""
    if filters is not None and (filters.date_from or filters.date_to):
        return {}
    st = (select(F.unit, F.counted, F.period, F.place_id)
          .join(A, A.id == F.article_id).outerjoin(PL, PL.id == F.place_id)
          .where(F.unit == unit, A.published_date.is_(None), figure_not_repeated()))
    st = _series_scope(st, place_id, filters, q, session)
    out: Counter = Counter()
    for r in session.execute(st.limit(MAX_SERIES_POINTS)):
        k = series_key(r.unit, r.counted, r.place_id, r.period)
        if not series or k == series:
            out[k] += 1
    return dict(out)


# -- facet values (independent of the query; cached by the web layer) --------------------------------------

def facet_values(session: Session, limit: int = 40) -> dict:
    """The choices offered for site, province, role title and unit, most frequent first."""
    sites = session.execute(select(S.name, func.count(A.id).label("n")).join(A, A.site_id == S.id)
                            .group_by(S.name).order_by(desc("n")).limit(limit)).all()
    provinces = session.execute(select(PL.province, func.count(PL.id).label("n")).where(PL.province != "")
                                .group_by(PL.province).order_by(desc("n"), PL.province).limit(80)).all()
    titles = session.execute(select(func.min(R.title), R.title_folded, func.count(R.id).label("n"))
                             .group_by(R.title_folded).order_by(desc("n")).limit(limit)).all()
    units = session.execute(select(F.unit, func.count(F.id).label("n")).group_by(F.unit)
                            .order_by(desc("n")).limit(limit)).all()
    return {"site": [{"value": r[0], "count": r[1]} for r in sites],
            "province": [{"value": r[0], "count": r[1]} for r in provinces],
            "title": [{"value": r[0], "count": r[2]} for r in titles],
            "unit": [{"value": r[0], "count": r[1]} for r in units]}


# -- crawls -----------------------------------------------------------------------------------------------------

def crawl_overview(session: Session, runs: int = 30) -> dict:
    """Sites with schedule, article count and last run; the latest runs with their errors."""
    counts = dict(session.execute(select(A.site_id, func.count(A.id)).group_by(A.site_id)).all())
    sites = session.execute(select(S).order_by(S.name)).scalars().all()
    last = {}
    for r in session.execute(select(m.CrawlRun).order_by(m.CrawlRun.id.desc()).limit(runs)).scalars():
        last.setdefault(r.site_id, r)
    recent = session.execute(select(m.CrawlRun, S.name).join(S, S.id == m.CrawlRun.site_id)
                             .order_by(m.CrawlRun.id.desc()).limit(runs)).all()

    def run_dict(r, site_name=None) -> dict:
        return {"id": r.id, "link": Link("crawls_run", r.id), "site": site_name, "status": r.status,
                "started_at": r.started_at.isoformat(timespec="seconds") if r.started_at else "",
                "finished_at": r.finished_at.isoformat(timespec="seconds") if r.finished_at else "",
                "pages_fetched": r.pages_fetched, "pages_not_modified": r.pages_not_modified,
                "new_articles": r.new_articles, "errors": r.errors, "rejected": json.loads(r.rejected or "{}"),
                "error_log": (r.error_log or "").splitlines()[-20:]}

    return {
        "sites": [{"id": s.id, "name": s.name, "base_url": s.base_url, "schedule": s.schedule, "enabled": s.enabled,
                   "delay": s.delay, "max_pages": s.max_pages, "articles": counts.get(s.id, 0),
                   "last_crawl_at": s.last_crawl_at.isoformat(timespec="seconds") if s.last_crawl_at else "",
                   "last_run": run_dict(last[s.id], s.name) if s.id in last else None} for s in sites],
        "runs": [run_dict(r, name) for r, name in recent],
        "totals": {"articles": sum(counts.values()),
                   "errors": sum(Counter({r.id: r.errors for r, _ in recent}).values())},
    }
