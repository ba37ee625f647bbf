"""Read models of the detail pages: an article with its fact spans, a person's career, a place's
people and figures, an organization, figure series, facet values and the crawl overview.

Plain dicts out (the web layer renders them and serves them as JSON); SQLAlchemy Core in, so they run
on SQLite and PostgreSQL. Each returns None for an unknown id. A dict that links to a page carries ids
only, as a ``link`` (or ``article_link``) key holding a ``facts.Link``; the web layer
(``webapp.urls.resolve_links``) turns it into the ``href`` (``article_href``) of the API and the pages.
"""
from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict

from sqlalchemy import case, desc, func, select
from sqlalchemy.orm import Session

from partyfacts.nlp.text import key

from . import models as m
from .facts import ENTITY_TYPES, Link
from .queries import figure_not_repeated, story_of

A, P, PL, O, R, F, MN, S = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Figure, m.Mention, m.Site

MAX_SERIES_POINTS = 2000
MAX_ARTICLES_LISTED = 100
MAX_CAREER_ROWS = 200
CO_MENTION_ARTICLES = 2000
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
        spans.append({"type": "role", "start": r.start, "end": r.end, "label": f"{r.name}: {r.title} {r.organization}".strip(),
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
        "spans": spans,
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

def person_detail(session: Session, person_id: int) -> dict | None:
    """A person's roles by date (career: the newest MAX_CAREER_ROWS rows, every role in the timeline
    lanes), variants, co-mentioned people, places and articles."""
    p = session.get(P, person_id)
    if p is None:
        return None
    roles = session.execute(
        select(R.id, R.title, R.organization, R.title_expanded, R.former, R.place_id, PL.name.label("place"),
               R.article_id, A.title.label("article_title"), A.published, A.published_date)
        .join(A, A.id == R.article_id).outerjoin(PL, PL.id == R.place_id)
        .where(R.person_id == p.id).order_by(A.published_date.desc(), R.id.desc()).limit(MAX_CAREER_ROWS)).all()
    n_roles = session.execute(select(func.count()).where(R.person_id == p.id)).scalar_one()
    sightings = session.execute(
        select(R.title, R.organization, A.published_date, func.max(case((R.former, 1), else_=0)), func.count())
        .join(A, A.id == R.article_id).where(R.person_id == p.id)
        .group_by(R.title, R.organization, A.published_date)).all()
    art_ids = select(MN.article_id).where(MN.entity_type == "person", MN.entity_id == p.id).distinct()
    n_articles = session.execute(select(func.count()).select_from(art_ids.subquery())).scalar_one()
    articles = session.execute(
        select(A.id, A.title, A.published, A.url).where(A.id.in_(art_ids))
        .order_by(A.published_date.desc(), A.id.desc()).limit(MAX_ARTICLES_LISTED)).all()
    # co-mentions and places over the person's latest CO_MENTION_ARTICLES articles: bounded work for
    # the most-covered officials, and the recent company is what a researcher asks about first
    recent = (select(MN.article_id).where(MN.entity_type == "person", MN.entity_id == p.id)
              .order_by(MN.article_id.desc()).limit(CO_MENTION_ARTICLES))
    co = session.execute(
        select(P.id, P.name, func.count(func.distinct(MN.article_id)).label("n"))
        .join(MN, (MN.entity_id == P.id) & (MN.entity_type == "person"))
        .where(MN.article_id.in_(recent), P.id != p.id)
        .group_by(P.id, P.name).order_by(desc("n"), P.name).limit(20)).all()
    places = session.execute(
        select(PL.id, PL.name, PL.type, PL.province, func.count(func.distinct(MN.article_id)).label("n"))
        .join(MN, (MN.entity_id == PL.id) & (MN.entity_type == "place"))
        .where(MN.article_id.in_(recent))
        .group_by(PL.id, PL.name, PL.type, PL.province).order_by(desc("n"), PL.name).limit(20)).all()
    career = [{"id": r.id, "title": r.title, "organization": r.organization, "title_expanded": r.title_expanded,
               "former": bool(r.former), "place_id": r.place_id, "place": r.place or "",
               "date": r.published_date.isoformat() if r.published_date else "", "published": r.published or "",
               "article_id": r.article_id, "article_title": r.article_title,
               "article_link": Link("article", r.article_id, f"r{r.id}"), "link": Link("article", r.article_id, f"r{r.id}")}
              for r in roles]
    return {
        "id": p.id, "link": Link("person", p.id), "name": p.name, "variants": json.loads(p.variants or "[]"),
        "career": career, "roles_total": n_roles,
        "timeline": career_lanes([{"title": t, "organization": o, "date": d.isoformat() if d else "",
                                   "former": bool(f), "count": n} for t, o, d, f, n in sightings]),
        "co_mentioned": [{"id": c.id, "name": c.name, "articles": c.n, "link": Link("person", c.id)} for c in co],
        "places": [{"id": c.id, "name": c.name, "type": c.type, "province": c.province, "articles": c.n,
                    "link": Link("place", c.id)} for c in places],
        "articles_total": n_articles, "articles": [_article_ref(a) for a in articles],
        "co_mention_window": min(n_articles, CO_MENTION_ARTICLES),
    }


def career_lanes(sightings: list[dict]) -> list[dict]:
    """Role sightings grouped by (title, organization): one timeline lane each, with its distinct dates
    (oldest first), the number of undated sightings and whether it is ever marked former."""
    lanes: dict[tuple, dict] = {}
    for r in sightings:
        k = (r["title"], r["organization"])
        lane = lanes.setdefault(k, {"title": r["title"], "organization": r["organization"], "dates": set(),
                                    "former": False, "undated": 0})
        if r["date"]:
            lane["dates"].add(r["date"])
        else:
            lane["undated"] += r.get("count", 1)
        lane["former"] = lane["former"] or r["former"]
    out = []
    for lane in lanes.values():
        lane["dates"] = sorted(lane["dates"])
        out.append(lane)
    out.sort(key=lambda ln: (ln["dates"][0] if ln["dates"] else "9999", ln["title"]))
    return out


# -- place --------------------------------------------------------------------------------------------

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
        "successor": ({"name": pl.successor_name, "type": pl.successor_type, "province": pl.successor_province,
                       "code": pl.successor_code} if pl.successor_name else None),
        "people": [{"id": r.id, "name": r.name, "title": r.title, "organization": r.organization, "roles": r.n,
                    "first": r.first.isoformat() if r.first else "", "last": r.last.isoformat() if r.last else "",
                    "link": Link("person", r.id)} for r in people],
        "units": [{"unit": u.unit, "figures": u.n} for u in units],
        "unit": chosen,
        "series": figure_series(session, unit=chosen, place_id=pl.id, series=series) if chosen else [],
        "articles_total": n_articles, "articles": [_article_ref(a) for a in articles],
    }


def organization_detail(session: Session, org_id: int) -> dict | None:
    o = session.get(O, org_id)
    if o is None:
        return None
    people = session.execute(
        select(P.id, P.name, R.title, func.count(R.id).label("n"), func.max(A.published_date).label("last"))
        .join(R, R.person_id == P.id).join(A, A.id == R.article_id).where(R.organization_id == o.id)
        .group_by(P.id, P.name, R.title).order_by(desc("last"), P.name).limit(200)).all()
    art_ids = select(MN.article_id).where(MN.entity_type == "organization", MN.entity_id == o.id).distinct()
    articles = session.execute(select(A.id, A.title, A.published, A.url).where(A.id.in_(art_ids))
                               .order_by(A.published_date.desc().nulls_last(), A.id.desc())
                               .limit(MAX_ARTICLES_LISTED)).all()
    return {"id": o.id, "link": Link("organization", o.id), "name": o.name, "kind": o.kind,
            "people": [{"id": r.id, "name": r.name, "title": r.title, "roles": r.n,
                        "last": r.last.isoformat() if r.last else "", "link": Link("person", r.id)} for r in people],
            "articles": [_article_ref(a) for a in articles]}


# -- figures ----------------------------------------------------------------------------------------------

MAX_CHART_SERIES = 12


def series_key(unit: str, counted: str, place_id: int | None) -> str:
    """The key of a figure series: like with like, (unit, counted thing normalised, place). "812 đảng
    viên được kết nạp" and "4.500 đảng viên" are two series; the same thing in two places too."""
    thing = key(counted) or key(unit)
    return f"{key(unit)}|{thing}|{place_id or ''}"


def figure_series(session: Session, unit: str, place_id: int | None = None, filters=None,
                  series: str = "") -> list[dict]:
    """The dated figures of one unit (newest MAX_SERIES_POINTS, each story once: a copy repeating its
    original's (value, unit) adds no point) grouped into series by ``series_key``: dicts {key, label,
    unit, counted, place_id, place, province, points (oldest first)}, the series with most points
    first; ``series`` keeps only the series of that key."""
    common = session.execute(select(func.count()).select_from(
        select(F.id).where(F.unit == unit).limit(COMMON_UNIT + 1).subquery())).scalar_one() > COMMON_UNIT
    # a common unit is read newest article first (walking the date index, stopping at the limit); a rare
    # one through the unit index. unit || '' keeps the unit index from being chosen for a common unit.
    unit_match = F.unit.concat("") == unit if common and not place_id else F.unit == unit
    st = (select(F.id, F.value, F.text, F.unit, F.counted, F.place_id, A.published_date, F.article_id,
                 PL.name.label("place"), PL.province.label("province"))
          .join(A, A.id == F.article_id).outerjoin(PL, PL.id == F.place_id)
          .where(unit_match, A.published_date.is_not(None), figure_not_repeated()))
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
    rows = session.execute(st.order_by(A.published_date.desc(), F.id.desc()).limit(MAX_SERIES_POINTS)).all()
    groups: dict[str, dict] = {}
    for r in reversed(rows):
        k = series_key(r.unit, r.counted, r.place_id)
        if series and k != series:
            continue
        g = groups.get(k)
        if g is None:
            g = groups[k] = {"key": k, "unit": r.unit, "counted": key(r.counted) or key(r.unit),
                             "place_id": r.place_id, "place": r.place or "", "province": r.province or "",
                             "points": []}
            g["label"] = g["counted"] + (f" · {g['place']}" if g["place"] else "")
        g["points"].append({"id": r.id, "value": r.value, "text": r.text, "date": r.published_date.isoformat(),
                            "place": r.place or "", "link": Link("article", r.article_id, f"f{r.id}")})
    return sorted(groups.values(), key=lambda g: (-len(g["points"]), g["label"]))


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
