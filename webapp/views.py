"""The pages: home, search, the six table lists, article / person / place / organization pages,
figures with a chart, Try it, exports. SQL lives in corpus.queries / corpus.pages, URLs in urls.py.

One view per page: a function computes the page's data and returns a ``Page``; ``render`` answers it
as HTML (its template) or as JSON (under the page's /api/ twin or with ?format=json), like
Datasette's renderer. The fact types come from ``corpus.facts``."""
from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable
from urllib.parse import quote, urlencode

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request, send_file
from werkzeug.exceptions import HTTPException

from partyfacts.corpus import export as ex
from partyfacts.corpus import facets as list_facets_mod
from partyfacts.corpus import facts, pages, sorting
from partyfacts.corpus.kb.titles import title_before
from partyfacts.corpus.queries import (TABLES, Filters, QueryError, count_items, export_rows, list_items, search_facets,
                                       spec, title_facet)
from partyfacts.corpus.search import data_stamp

from . import charts, downloads, i18n, urls
from .dbsession import db_session
from .highlight import TYPES, highlight, spans_from_extraction
from .i18n import error_text, t
from .params import ParamError, ascii_int, json_body, parse_id, sort_arg

bp = Blueprint("main", __name__)

EXPORT_FORMATS = ex.FORMATS
MAX_TRY_CHARS = 20_000
TAB_COUNT_CAP = 1000
SEARCH_FACET_SAMPLE = 2000   # the search page counts its filters' values over this many matches
OPENAPI = Path(__file__).with_name("openapi.yaml")


# -- request helpers --------------------------------------------------------------------------------

def _int_arg(name: str, default: int, lo: int = 1, hi: int = 10**6) -> int:
    raw = request.args.get(name, "")
    if raw == "":
        return default
    try:
        value = ascii_int(raw) if len(raw) <= 7 else -1
    except ParamError:
        value = -1
    if value < 0:
        abort(400, description=t("error_number", name=name, value=raw[:20]))
    return max(lo, min(hi, value))


def _list_args() -> tuple[str, int, int, Filters]:
    try:
        filters = Filters.from_args(request.args)
    except QueryError as exc:
        abort(400, description=error_text(exc))
    return (request.args.get("q", ""), _int_arg("page", 1), _int_arg("per_page", 50, hi=200), filters)


def _sort(table: str):
    """The list's ``sort`` argument (corpus.sorting), or None; 400 in the interface language when the
    list has no such column."""
    raw = request.args.get("sort", "")
    try:
        return sort_arg(table, raw)
    except ParamError:
        abort(400, description=t("error_sort", value=raw[:40], choices=", ".join(sorting.sort_choices(table))))


def sort_headers(table: str, relevance: bool = False) -> dict:
    """column -> {"href", "aria"}: each sortable header's link (the other direction when it sorts the
    list now) and its aria-sort."""
    current = _sort(table)
    out = {}
    for col in sorting.sort_choices(table):
        nxt, aria = sorting.header_sort(table, current, col, relevance=relevance)
        out[col] = {"href": url_with(sort=nxt.arg()), "aria": aria}
    return out


def _query_error(fn, *a, **kw):
    try:
        return fn(*a, **kw)
    except QueryError as exc:
        abort(400, description=error_text(exc))


def _facets() -> dict:
    cache = current_app.extensions.setdefault("partyfacts_facets", {})
    now = time.monotonic()
    if not cache or now - cache["at"] > current_app.config["FACET_CACHE_SECONDS"]:
        values = pages.facet_values(db_session())
        values["title"] = title_facet(db_session())  # one value per canonical title, any spelling
        cache.update(at=now, values=values)
    return cache["values"]


def cached(kind: str, key: tuple, compute: Callable[[], Any]) -> Any:
    """``compute()``'s answer from the search cache (webapp.search_cache): reused while the database's
    data stamp, read first, is unchanged; ``key`` says what was asked."""
    cache = current_app.extensions["partyfacts_search_cache"]
    stamp = data_stamp(db_session()) if cache.enabled else None
    return cache.get(stamp, (kind, request.script_root, key), compute)


def list_facets(table: str, q: str, filters: Filters, sample: int | None = None) -> dict:
    """The facet counts of a list for its query and filters (corpus.facets), ``facet_limit`` values
    each (the "show more" link asks for more); cached until the data changes per (table, query,
    filters, limit), since every page of a list counts the same. ``sample``: a search's counts over its
    first ``sample`` matches only (corpus.facets.list_facets; the page says so)."""
    limit = _int_arg("facet_limit", list_facets_mod.FACET_LIMIT, hi=list_facets_mod.MAX_FACET_LIMIT)

    def compute() -> dict:
        values = _query_error(list_facets_mod.list_facets, db_session(), table, q, filters, limit=limit,
                              sample=sample)
        values["limit"] = limit
        return values
    return cached("facets", (table, normal_query(q), tuple(sorted(filters.to_args().items())), limit, sample),
                  compute)


def url_with(**changes) -> str:
    """The current URL with some query arguments changed (None removes one); page resets unless given."""
    args = {k: v for k, v in request.args.items() if k != "page"}
    for k, v in changes.items():
        if v is None or v == "":
            args.pop(k, None)
        else:
            args[k] = v
    # the path as a same-site relative URL: percent-encoded ("/\\evil.example" would otherwise read as
    # "//evil.example" in a browser) and never starting with two slashes
    path = "/" + quote(request.script_root + request.path, safe="/:@!$&'()*+,;=-._~").lstrip("/")
    return path + ("?" + urlencode(args) if args else "")


def export_href(table: str, fmt: str, q: str, filters: Filters) -> str:
    """The export of what the page shows: its query, filters and sort."""
    args = {"q": q} if q else {}
    args.update(filters.to_args())
    if request.args.get("sort"):
        args["sort"] = request.args["sort"]
    return urls.export(table, fmt, args)


@bp.app_template_test("is_web_url")
def is_web_url(url: str) -> bool:
    """Only http(s) source links are rendered as links (a scraped javascript: or data: URL stays text)."""
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


@bp.app_template_filter("title_before")
def _title_before(title: str, organization: str) -> str:
    """A post's title without the words its organisation's name repeats ("Chủ tịch UBND" + "UBND tỉnh …")."""
    return title_before(title or "", organization or "")


@bp.app_context_processor
def _helpers():
    return {"url_with": url_with, "export_href": export_href, "sort_headers": sort_headers, "urls": urls, "TABLES": TABLES, "FACTS": facts.REGISTRY,
            "HIGHLIGHTED": tuple(facts.by_name(name) for name in TYPES), "ENTITIES": facts.ENTITY_TYPES,
            "TABLE_FACETS": {ft.table: ft.facets for ft in facts.REGISTRY}, "EXPORT_FORMATS": ("csv", "xlsx", "json")}


def _pages(total: int, page: int, per_page: int) -> dict:
    last = max(1, -(-total // per_page))
    return {"page": page, "last": last, "prev": url_with(page=page - 1) if page > 1 else "",
            "next": url_with(page=page + 1) if page < last else ""}


def _paged_json(result: dict, **extra) -> dict:
    res = dict(result)
    per_page, page, total = res["per_page"], res["page"], res["total"]
    res["next"] = url_with(page=page + 1) if page * per_page < total else None
    res.update(extra)
    return res


# -- one view per page, rendered as HTML or JSON ------------------------------------------------------------

@dataclass
class Page:
    """A page's answer: its template and the template context for HTML, its JSON body for the API. Both
    are functions of the data the view computed, so each rendering computes only what it shows."""
    template: str
    html: Callable[[], dict]
    json: Callable[[], Any]


def _json_error(e: HTTPException) -> tuple[Response, int]:
    """An error of a page asked for as JSON (?format=json), as the API answers errors."""
    code = e.code or 500
    if code in (400, 403):
        message = getattr(e, "description", None) or t(f"error_{code}")
    else:
        message = t(f"error_{code}")
    return jsonify({"error": message, "status": code}), code


def render(view: Callable[..., Page], as_json: bool, **kw):
    """Answer a page view as JSON or HTML."""
    if as_json:
        return jsonify(view(**kw).json())
    pg = view(**kw)
    return render_template(pg.template, **pg.html())


def _html_or_format(view: Callable[..., Page], **kw):
    if request.args.get("format") == "json":
        try:
            return render(view, True, **kw)
        except HTTPException as e:
            return _json_error(e)
    return render(view, False, **kw)


def page(endpoint: str, api_endpoint: str | None = None):
    """Register a page view under its rule in urls.RULES and, given, its /api/ twin's rule."""
    def register(view: Callable[..., Page]):
        def html_view(**kw):
            return _html_or_format(view, **kw)

        def api_view(**kw):
            return render(view, True, **kw)
        for fn, name in ((html_view, endpoint), (api_view, api_endpoint)):
            if name:
                fn.__name__ = fn.__qualname__ = name
                bp.add_url_rule(urls.RULES[name], name, fn)
        return view
    return register


def route(endpoint: str, methods: tuple[str, ...] = ("GET",)):
    """Register a view that has one rendering (exports, archived pages, Try it) under urls.RULES."""
    def register(view):
        bp.add_url_rule(urls.RULES[endpoint], endpoint, view, methods=list(methods))
        return view
    return register


# -- home ---------------------------------------------------------------------------------------------

@page("index", "api_index")
def home() -> Page:
    s = db_session()
    data = {"counts": {tb: count_items(s, tb) for tb in TABLES},
            "links": {tb: {"page": urls.table(tb), "api": urls.api_table(tb)} for tb in TABLES}}
    return Page("home.html", lambda: {"q": "", "data": data, "facets": _facets()},
                lambda: {**data, "search": urls.api_search() + "?q=", "openapi": urls.openapi()})


@route("openapi")
def openapi():
    return send_file(OPENAPI, mimetype="application/yaml")


# -- search -----------------------------------------------------------------------------------------------

def normal_query(q: str) -> str:
    """The search box as searched: NFC, spaces collapsed (the cache's key and the echoed query)."""
    return " ".join(unicodedata.normalize("NFC", q or "").split())


def _search_data() -> dict:
    """The search page's data (the tabs' counts and the shown tab's page), from the search cache when
    the same search was answered since the data last changed."""
    q, page, per_page, filters = _list_args()
    q = normal_query(q)
    per_page = _int_arg("per_page", 20, hi=200)
    wanted = request.args.get("type", "")
    sort = _sort(wanted) if wanted in TABLES else None
    key = (q, page, per_page, tuple(sorted(filters.to_args().items())), wanted, request.args.get("sort", ""))
    return cached("search", key, lambda: _search_compute(q, page, per_page, filters, wanted, sort))


def _search_compute(q: str, page: int, per_page: int, filters: Filters, wanted: str, sort) -> dict:
    s = db_session()
    # the tabs count up to TAB_COUNT_CAP ("1,000+"): enough to choose a tab, cheap on big corpora
    counts = {tb: _query_error(count_items, s, tb, q, filters, cap=TAB_COUNT_CAP) for tb in TABLES}
    if wanted and wanted not in TABLES:
        abort(400, description=t("error_type", value=wanted[:40], choices=", ".join(TABLES)))
    active = wanted or next((tb for tb in TABLES if counts[tb]), "articles")
    # the shown tab's count is the tab's (1,000+ past TAB_COUNT_CAP): not counted again further
    result = _query_error(list_items, s, active, q, page, per_page, filters, total=counts[active], cap=TAB_COUNT_CAP,
                          sort=sort if active == wanted else _sort(active))
    result["items"] = urls.add_hrefs(active, result["items"])
    capped = {tb: n > TAB_COUNT_CAP for tb, n in counts.items()}
    counts = {tb: min(n, TAB_COUNT_CAP) for tb, n in counts.items()}
    counts[active], capped[active] = result["total"], result["total_capped"]
    return {"q": q, "type": active, "counts": counts, "counts_capped": capped, "filters": filters, "result": result}


@page("search", "api_search")
def search() -> Page:
    d = _search_data()

    def html() -> dict:
        facets = list_facets(d["type"], d["q"], d["filters"], sample=SEARCH_FACET_SAMPLE)
        return {"d": d, "q": d["q"], "facets": facets,
                "paging": _pages(d["result"]["total"], d["result"]["page"], d["result"]["per_page"])}

    def json() -> dict:
        extra = {}
        if request.args.get("facets") in ("1", "true"):  # per-query site/province counts, on request
            extra["facets"] = cached("search_facets", (d["q"], tuple(sorted(d["filters"].to_args().items()))),
                                     lambda: _query_error(search_facets, db_session(), d["q"], d["filters"]))
        return _paged_json(d["result"], query=d["q"], type=d["type"], counts=d["counts"],
                           counts_capped=d["counts_capped"], filters=d["filters"].to_args(), **extra)
    return Page("search.html", html, json)


# -- table lists ---------------------------------------------------------------------------------------------

@page("table_page", "api_table")
def table_page(table) -> Page:
    if table not in TABLES:
        abort(404)
    q, page, per_page, filters = _list_args()
    s = db_session()
    result = _query_error(list_items, s, table, q, page, per_page, filters, sort=_sort(table))
    result["items"] = urls.add_hrefs(table, result["items"])

    def html() -> dict:
        charts_: dict = {"multiples": [], "undated": 0, "series_total": 0}
        if table == "figures" and filters.unit:  # one small chart per series: like with like
            charts_ = series_charts(filters.unit, filters=filters, q=q)
        return {"table": table, "q": q, "filters": filters, "result": result, **charts_,
                "facets": list_facets(table, q, filters),
                "paging": _pages(result["total"], result["page"], result["per_page"])}

    def json() -> dict:
        extra = {"facets": list_facets(table, q, filters)} if request.args.get("facets") in ("1", "true") else {}
        return _paged_json(result, filters=filters.to_args(), **extra)
    return Page("table.html", html, json)


def chart_scale() -> str:
    """The ?scale= of a series chart: "log", "linear" or "" (automatic); anything else is a 400."""
    scale = request.args.get("scale", "")
    if scale not in ("", "log", "linear"):
        abort(400, description=t("error_scale", value=scale[:20]))
    return scale


def figure_series_of(unit: str, place_id: int | None = None, filters: Filters | None = None,
                     q: str = "") -> tuple[str, list[dict], dict[str, int]]:
    """The request's ?series= key, the figure series of ``unit`` under the place, filters and search
    box (links resolved) and its undated figures per series key (counted once, for both)."""
    key_ = request.args.get("series", "")[:600]
    undated = _query_error(pages.undated_figures, db_session(), unit, place_id, filters, key_, q)
    series = urls.resolve_links(_query_error(pages.figure_series, db_session(), unit, place_id=place_id,
                                             filters=filters, series=key_, q=q, undated=undated))
    return key_, series, undated


def series_charts(unit: str, place_id: int | None = None, filters: Filters | None = None, q: str = "",
                  series: list[dict] | None = None) -> dict:
    """The small multiples of ``unit`` under the page's filters, search box and ?series= / ?scale=
    (``multiples``), the number of its figures not drawn for want of a date (``undated``) and of its
    series (``series_total``: more than are drawn when past MAX_CHART_SERIES)."""
    if series is None:
        _, series, undated = figure_series_of(unit, place_id, filters, q)
    else:
        undated = _query_error(pages.undated_figures, db_session(), unit, place_id, filters,
                               request.args.get("series", "")[:600], q)
    return {"multiples": charts.series_multiples(series, pages.MAX_CHART_SERIES, i18n.current(), chart_scale()),
            "undated": sum(undated.values()), "series_total": len(series)}


@route("api_figure_series")
def api_figure_series():
    q, _, _, filters = _list_args()
    if not filters.unit:
        abort(400, description=t("error_unit_needed"))
    _, series, undated = figure_series_of(filters.unit, None, filters, q)
    return jsonify({"unit": filters.unit, "query": q, "items": series, "total": len(series),
                    "points": sum(len(x["points"]) for x in series), "undated": sum(undated.values()),
                    "undated_by_series": undated, "page": 1, "filters": filters.to_args()})


# -- exports ---------------------------------------------------------------------------------------------------

def table_rows(session, table: str, q: str = "", filters: Filters | None = None, batch: int = 2000,
               sort: sorting.Sort | None = None, base_url: str = ""):
    """The export rows of a table (corpus.queries.export_rows) with their hrefs: what /export/… and
    `partyfacts export` write. ``base_url`` ("https://host/"): hrefs made absolute."""
    rows = urls.with_hrefs(table, export_rows(session, table, q, filters, batch=batch, sort=sort))
    if not base_url:
        return rows
    root = base_url.rstrip("/")
    return ({**r, "href": root + r["href"]} if r.get("href", "").startswith("/") else r for r in rows)


@route("export")
def export(table, fmt):
    """The table with the page's query and filters as CSV (BOM), XLSX, JSON or JSON Lines, streamed."""
    if table not in facts.EXPORT_TABLES or fmt not in EXPORT_FORMATS:
        abort(404)
    _, _, _, filters = _list_args()
    q = request.args.get("q", "")
    order = _sort(table)
    sp = spec(table)
    database = current_app.extensions["partyfacts_db"]
    with database.session() as s:  # validate the query before the response starts
        _query_error(lambda: next(iter(export_rows(s, table, q, filters, batch=1, sort=order)), None))
    named = ({"q": q} if q else {}) | filters.to_args() | ({"sort": order.arg()} if order else {})
    filename = ex.export_filename(table, fmt, named, date.today())
    headers = {"Content-Disposition": ex.content_disposition(filename), "Cache-Control": "no-store"}
    base = request.url_root   # links in the file are absolute (the page's own host and prefix)
    # rows read by a producer thread into a bounded spool, sent from it (webapp.downloads)
    return downloads.send_export(table, fmt, sp.columns,
                                 lambda s: table_rows(s, table, q, filters, sort=order, base_url=base), headers)


# -- detail pages ------------------------------------------------------------------------------------------------

def _or_404(value):
    if value is None:
        abort(404)
    return value


def _detail(value):
    """A detail read model with its links resolved to hrefs, or 404."""
    return urls.resolve_links(_or_404(value))


@page("article", "api_article")
def article(article_id) -> Page:
    a = _detail(pages.article_detail(db_session(), article_id))
    return Page("article.html", lambda: {"a": a, "body": highlight(a["text"], a["spans"]),
                                         "parts": _highlighted_parts(a)}, lambda: a)


def _highlighted_parts(a: dict) -> list[dict]:
    """Each part of the stored text (title, lead, body, captions, byline, …) with its facts highlighted."""
    out = []
    for p in a["parts"]:
        lo, hi = p["start"], p["end"]
        spans = [{**s, "start": s["start"] - lo, "end": s["end"] - lo} for s in a["spans"]
                 if lo <= s["start"] and s["end"] <= hi]
        out.append({"field": p["field"], "html": highlight(a["text"][lo:hi], spans)})
    return out


def _decoded_archive(article_id: int) -> str:
    raw, encoding = _or_404(pages.archived_html(db_session(), article_id))
    if encoding:
        try:
            return raw.decode(encoding, errors="replace")
        except LookupError:
            pass
    from charset_normalizer import from_bytes
    best = from_bytes(raw).best()
    return str(best) if best is not None else raw.decode("utf-8", errors="replace")


@route("archived")
def archived(article_id):
    """The archived page sanitised by nh3 (no scripts, styles, forms or remote loads), framed only by us."""
    import nh3
    html = nh3.clean(_decoded_archive(article_id), tags=nh3.ALLOWED_TAGS - {"img"}, link_rel="noopener noreferrer nofollow",
                     url_schemes={"http", "https"})
    resp = Response("<!doctype html><meta charset=utf-8>" + html, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = "default-src 'none'; sandbox; frame-ancestors 'self'"
    resp.headers["X-Frame-Options"] = "SAMEORIGIN"
    return resp


@route("archived_source")
def archived_source(article_id):
    """The archived page's HTML source as plain text."""
    resp = Response(_decoded_archive(article_id), mimetype="text/plain")
    resp.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp


@page("person", "api_person")
def person(person_id) -> Page:
    p = _detail(pages.person_detail(db_session(), person_id, articles_page=_int_arg("articles_page", 1, hi=pages.MAX_LIST_PAGE),
                                    roles_page=_int_arg("roles_page", 1, hi=pages.MAX_LIST_PAGE)))
    return Page("person.html", lambda: {"p": p, "timeline": charts.timeline_svg(p["timeline"], p["name"]),
                                        "articles_pager": _list_pager(p["articles_page"], "articles_page"),
                                        "roles_pager": _list_pager(p["roles_page"], "roles_page")},
                lambda: p)


def _list_pager(info: dict, name: str) -> dict:
    """The pager (macro ``pager``) of a paged list on a detail page: this URL with ``name`` set."""
    def at(n: int) -> str:
        args = {k: v for k, v in request.args.items() if k != name}
        if n > 1:
            args[name] = str(n)
        return request.path + ("?" + urlencode(args) if args else "")
    page, last = info["page"], info["pages"]
    return {"page": page, "last": last, "prev": at(page - 1) if page > 1 else "",
            "next": at(page + 1) if page < last else ""}


@page("place", "api_place")
def place(place_id) -> Page:
    pl = _detail(pages.place_detail(db_session(), place_id, request.args.get("unit", "")[:128],
                                    request.args.get("series", "")[:600]))

    def html() -> dict:
        charts_ = series_charts(pl["unit"], place_id=pl["id"], series=pl["series"]) if pl["unit"] else {}
        return {"pl": pl, "multiples": [], "undated": 0, "series_total": 0, **charts_}
    return Page("place.html", html, lambda: pl)


@page("organization", "api_organization")
def organization(org_id) -> Page:
    o = _detail(pages.organization_detail(db_session(), org_id))
    return Page("organization.html", lambda: {"o": o}, lambda: o)


def _iso_date_arg(name: str) -> str:
    raw = request.args.get(name, "").strip()
    if raw:
        try:
            if len(raw) == 10:
                return date.fromisoformat(raw).isoformat()
        except ValueError:
            pass
        abort(400, description=t("error_date", name=name, value=raw[:20]))
    return ""


@page("post", "api_post")
def post() -> Page:
    """A post (canonical title × organisation): its holders over time; ?on=YYYY-MM-DD: who held it then."""
    title = request.args.get("title", "").strip()[:255]
    org_raw = request.args.get("organization", "")
    try:
        org_id = parse_id(org_raw)
    except ParamError:
        org_id = None
    if not title or org_id is None:
        abort(400, description=t("error_post_args"))
    on = _iso_date_arg("on")
    d = _detail(pages.post_detail(db_session(), title, org_id, on))
    d["href"] = urls.post(d["title_key"], d["organization"]["id"])
    return Page("post.html", lambda: {"d": d, "on": on}, lambda: d)


# -- Try it: extraction of pasted text, nothing stored --------------------------------------------------------------
# The page takes a form and answers HTML, its API takes a JSON body: two inputs, one extraction.

def _try_limit() -> int:
    """The longest text Try it and /api/extract take: MAX_TRY_CHARS (a public, rate-limited form),
    or the setting max_text_chars when that is smaller."""
    return min(MAX_TRY_CHARS, current_app.extensions["partyfacts_settings"].max_text_chars)


def _extract(text: str) -> dict:
    from partyfacts import nlp
    limit = _try_limit()
    if len(text) > limit:
        abort(400, description=t("error_try_long", n=len(text), limit=limit))
    result = nlp.extract(text)
    return {"extraction": result, "facts": result.to_dict()}


@route("try_it", methods=("GET", "POST"))
def try_it():
    text, body, facts_ = "", None, None
    if request.method == "POST":
        text = request.form.get("text", "")
        if text.strip():
            r = _extract(text)
            body, facts_ = highlight(text, spans_from_extraction(r["extraction"])), r["facts"]
    return render_template("try.html", text=text, body=body, facts=facts_, limit=_try_limit())


@route("api_extract", methods=("POST",))
def api_extract():
    try:
        data = json_body(request.get_data(cache=False))
    except ParamError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        abort(400, description=t("error_extract_body"))
    return jsonify(_extract(data["text"])["facts"])
