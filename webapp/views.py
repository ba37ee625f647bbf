"""Pages and their JSON twins: home, search, the six table lists, article / person / place /
organization pages, figures with a chart, Try it, exports. SQL lives in corpus.queries / corpus.pages."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from flask import (Blueprint, Response, abort, current_app, jsonify, render_template, request, send_file,
                   stream_with_context)
from markupsafe import Markup

from partyfacts.corpus import export as ex
from partyfacts.corpus import pages
from partyfacts.corpus.queries import (TABLES, Filters, QueryError, count_items, export_rows, list_items, search_facets,
                             spec)

from . import charts
from .app import db_session
from .highlight import TYPES, highlight, spans_from_extraction
from .i18n import t

bp = Blueprint("main", __name__)

EXPORT_FORMATS = ("csv", "xlsx", "json", "jsonl")
MAX_TRY_CHARS = 20_000
TAB_COUNT_CAP = 1000
OPENAPI = Path(__file__).with_name("openapi.yaml")


# -- request helpers --------------------------------------------------------------------------------

def _int_arg(name: str, default: int, lo: int = 1, hi: int = 10**6) -> int:
    raw = request.args.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or len(raw) > 7:
        abort(400, description=t("error_number", name=name, value=raw[:20]))
    return max(lo, min(hi, int(raw)))


def _list_args() -> tuple[str, int, int, Filters]:
    try:
        filters = Filters.from_args(request.args)
    except QueryError as exc:
        abort(400, description=str(exc))
    return (request.args.get("q", ""), _int_arg("page", 1), _int_arg("per_page", 50, hi=200), filters)


def _query_error(fn, *a, **kw):
    try:
        return fn(*a, **kw)
    except QueryError as exc:
        abort(400, description=str(exc))


def _facets() -> dict:
    cache = current_app.extensions.setdefault("partyfacts_facets", {})
    now = time.monotonic()
    if not cache or now - cache["at"] > current_app.config["FACET_CACHE_SECONDS"]:
        cache.update(at=now, values=pages.facet_values(db_session()))
    return cache["values"]


def url_with(**changes) -> str:
    """The current URL with some query arguments changed (None removes one); page resets unless given."""
    args = {k: v for k, v in request.args.items() if k != "page"}
    for k, v in changes.items():
        if v is None or v == "":
            args.pop(k, None)
        else:
            args[k] = v
    return request.path + ("?" + urlencode(args) if args else "")


def export_href(table: str, fmt: str, q: str, filters: Filters) -> str:
    args = {"q": q} if q else {}
    args.update(filters.to_args())
    return f"/export/{table}.{fmt}" + ("?" + urlencode(args) if args else "")


@bp.app_template_test("is_web_url")
def is_web_url(url: str) -> bool:
    """Only http(s) source links are rendered as links (a scraped javascript: or data: URL stays text)."""
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


@bp.app_context_processor
def _helpers():
    return {"url_with": url_with, "export_href": export_href, "TABLES": TABLES, "FACT_TYPES": TYPES,
            "EXPORT_FORMATS": ("csv", "xlsx", "json")}


def _pages(total: int, page: int, per_page: int) -> dict:
    last = max(1, -(-total // per_page))
    return {"page": page, "last": last, "prev": url_with(page=page - 1) if page > 1 else "",
            "next": url_with(page=page + 1) if page < last else ""}


def _paged_json(result: dict, **extra) -> Response:
    res = dict(result)
    per_page, page, total = res["per_page"], res["page"], res["total"]
    res["next"] = url_with(page=page + 1) if page * per_page < total else None
    res.update(extra)
    return jsonify(res)


# -- home ---------------------------------------------------------------------------------------------

def _home_data() -> dict:
    s = db_session()
    return {"counts": {tb: count_items(s, tb) for tb in TABLES},
            "links": {tb: {"page": f"/{tb}", "api": f"/api/{tb}"} for tb in TABLES}}


@bp.get("/")
def index():
    return render_template("home.html", q="", data=_home_data(), facets=_facets())


@bp.get("/api/")
def api_index():
    d = _home_data()
    d.update({"search": "/api/search?q=", "openapi": "/openapi.yaml"})
    return jsonify(d)


@bp.get("/openapi.yaml")
def openapi():
    return send_file(OPENAPI, mimetype="application/yaml")


# -- search -----------------------------------------------------------------------------------------------

def _search_data() -> dict:
    q, page, per_page, filters = _list_args()
    per_page = _int_arg("per_page", 20, hi=200)
    s = db_session()
    # the tabs count up to TAB_COUNT_CAP ("1,000+"): enough to choose a tab, cheap on big corpora
    counts = {tb: _query_error(count_items, s, tb, q, filters, cap=TAB_COUNT_CAP) for tb in TABLES}
    wanted = request.args.get("type", "")
    if wanted and wanted not in TABLES:
        abort(400, description=t("error_type", value=wanted[:40], choices=", ".join(TABLES)))
    active = wanted or next((tb for tb in TABLES if counts[tb]), "articles")
    exact = counts[active] if counts[active] <= TAB_COUNT_CAP else None
    result = _query_error(list_items, s, active, q, page, per_page, filters, total=exact)
    capped = {tb: n > TAB_COUNT_CAP for tb, n in counts.items()}
    counts = {tb: min(n, TAB_COUNT_CAP) for tb, n in counts.items()}
    counts[active], capped[active] = result["total"], result["total_capped"]
    return {"q": q, "type": active, "counts": counts, "counts_capped": capped, "filters": filters, "result": result}


def _with_query_counts(facets: dict, qf: dict) -> dict:
    """The cached facet choices with site and province replaced by the search's own counts (the
    selected value kept even when the search has none of it)."""
    out = dict(facets)
    out.update(site=qf["site"], province=qf["province"], sampled=qf["sampled"])
    return out


@bp.get("/search")
def search():
    d = _search_data()
    facets = _facets()
    if d["q"]:
        facets = _with_query_counts(facets, _query_error(search_facets, db_session(), d["q"], d["filters"]))
    return render_template("search.html", d=d, q=d["q"], facets=facets,
                           paging=_pages(d["result"]["total"], d["result"]["page"], d["result"]["per_page"]))


@bp.get("/api/search")
def api_search():
    d = _search_data()
    extra = {}
    if request.args.get("facets") in ("1", "true"):  # per-query site/province counts, on request
        extra["facets"] = _query_error(search_facets, db_session(), d["q"], d["filters"])
    return _paged_json(d["result"], query=d["q"], type=d["type"], counts=d["counts"],
                       counts_capped=d["counts_capped"], filters=d["filters"].to_args(), **extra)


# -- table lists ---------------------------------------------------------------------------------------------

def _table_or_404(table: str) -> None:
    if table not in TABLES:
        abort(404)


@bp.get("/<any(articles, persons, roles, places, organizations, figures):table>")
def table_page(table):
    q, page, per_page, filters = _list_args()
    s = db_session()
    result = _query_error(list_items, s, table, q, page, per_page, filters)
    chart = Markup("")
    if table == "figures" and filters.unit:
        chart = charts.series_svg(pages.figure_series(s, filters.unit, filters=filters), filters.unit)
    return render_template("table.html", table=table, q=q, filters=filters, result=result, chart=chart,
                           facets=_facets(), paging=_pages(result["total"], result["page"], result["per_page"]))


@bp.get("/api/<table>")
def api_table(table):
    _table_or_404(table)
    q, page, per_page, filters = _list_args()
    result = _query_error(list_items, db_session(), table, q, page, per_page, filters)
    return _paged_json(result, filters=filters.to_args())


@bp.get("/api/figures/series")
def api_figure_series():
    _, _, _, filters = _list_args()
    if not filters.unit:
        abort(400, description=t("error_unit_needed"))
    points = pages.figure_series(db_session(), filters.unit, filters=filters)
    return jsonify({"unit": filters.unit, "items": points, "total": len(points), "page": 1,
                    "filters": filters.to_args()})


# -- exports ---------------------------------------------------------------------------------------------------

@bp.get("/export/<table>.<fmt>")
def export(table, fmt):
    """The table with the page's query and filters as CSV (BOM), XLSX, JSON or JSON Lines, streamed."""
    if table not in TABLES or fmt not in EXPORT_FORMATS:
        abort(404)
    _, _, _, filters = _list_args()
    q = request.args.get("q", "")
    sp = spec(table)
    database = current_app.extensions["partyfacts_db"]
    with database.session() as s:  # validate the query before the response starts
        _query_error(lambda: next(iter(export_rows(s, table, q, filters, batch=1)), None))
    stamp = time.strftime("%Y%m%d")
    headers = {"Content-Disposition": f'attachment; filename="partyfacts-{table}-{stamp}.{fmt}"',
               "Cache-Control": "no-store"}
    if fmt == "xlsx":
        tmp = tempfile.TemporaryFile()
        with database.session() as s:
            ex.write_xlsx(export_rows(s, table, q, filters), sp.columns, tmp, sheet=table)
        tmp.seek(0)

        def chunks():
            try:
                while block := tmp.read(64 * 1024):
                    yield block
            finally:
                tmp.close()
        return Response(chunks(), mimetype=ex.MIME["xlsx"], headers=headers)

    def generate():
        with database.session() as s:
            rows = export_rows(s, table, q, filters)
            it = {"csv": lambda: ex.iter_csv(rows, sp.columns), "json": lambda: ex.iter_json(rows),
                  "jsonl": lambda: ex.iter_jsonl(rows)}[fmt]()
            for chunk in it:
                yield chunk.encode("utf-8")
    return Response(stream_with_context(generate()), mimetype=ex.MIME[fmt], headers=headers)


# -- detail pages ------------------------------------------------------------------------------------------------

def _or_404(value):
    if value is None:
        abort(404)
    return value


@bp.get("/articles/<int:article_id>")
def article(article_id):
    a = _or_404(pages.article_detail(db_session(), article_id))
    return render_template("article.html", a=a, body=highlight(a["text"], a["spans"]))


@bp.get("/api/articles/<int:article_id>")
def api_article(article_id):
    return jsonify(_or_404(pages.article_detail(db_session(), article_id)))


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


@bp.get("/articles/<int:article_id>/archived")
def archived(article_id):
    """The archived page sanitised by nh3 (no scripts, styles, forms or remote loads), framed only by us."""
    import nh3
    html = nh3.clean(_decoded_archive(article_id), tags=nh3.ALLOWED_TAGS - {"img"}, link_rel="noopener noreferrer nofollow",
                     url_schemes={"http", "https"})
    resp = Response("<!doctype html><meta charset=utf-8>" + html, mimetype="text/html")
    resp.headers["Content-Security-Policy"] = "default-src 'none'; sandbox; frame-ancestors 'self'"
    resp.headers["X-Frame-Options"] = "SAMEORIGIN"
    return resp


@bp.get("/articles/<int:article_id>/source")
def archived_source(article_id):
    """The archived page's HTML source as plain text."""
    resp = Response(_decoded_archive(article_id), mimetype="text/plain")
    resp.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return resp


@bp.get("/persons/<int:person_id>")
def person(person_id):
    p = _or_404(pages.person_detail(db_session(), person_id))
    return render_template("person.html", p=p, timeline=charts.timeline_svg(p["timeline"], p["name"]))


@bp.get("/api/persons/<int:person_id>")
def api_person(person_id):
    return jsonify(_or_404(pages.person_detail(db_session(), person_id)))


@bp.get("/places/<int:place_id>")
def place(place_id):
    pl = _or_404(pages.place_detail(db_session(), place_id, request.args.get("unit", "")[:128]))
    return render_template("place.html", pl=pl, chart=charts.series_svg(pl["series"], pl["unit"]))


@bp.get("/api/places/<int:place_id>")
def api_place(place_id):
    return jsonify(_or_404(pages.place_detail(db_session(), place_id, request.args.get("unit", "")[:128])))


@bp.get("/organizations/<int:org_id>")
def organization(org_id):
    o = _or_404(pages.organization_detail(db_session(), org_id))
    return render_template("organization.html", o=o)


@bp.get("/api/organizations/<int:org_id>")
def api_organization(org_id):
    return jsonify(_or_404(pages.organization_detail(db_session(), org_id)))


# -- Try it: extraction of pasted text, nothing stored --------------------------------------------------------------

def _extract(text: str) -> dict:
    from partyfacts import nlp
    if len(text) > MAX_TRY_CHARS:
        abort(400, description=t("error_try_long", n=len(text), limit=MAX_TRY_CHARS))
    result = nlp.extract(text)
    return {"extraction": result, "facts": result.to_dict()}


@bp.route("/try", methods=["GET", "POST"])
def try_it():
    text, body, facts = "", None, None
    if request.method == "POST":
        text = request.form.get("text", "")
        if text.strip():
            r = _extract(text)
            body, facts = highlight(text, spans_from_extraction(r["extraction"])), r["facts"]
    return render_template("try.html", text=text, body=body, facts=facts, limit=MAX_TRY_CHARS)


@bp.post("/api/extract")
def api_extract():
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        abort(400, description=t("error_extract_body"))
    return jsonify(_extract(data["text"])["facts"])
