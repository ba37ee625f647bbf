"""Pages and their JSON twins: search, tables, article page, exports."""
from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, render_template, request, stream_with_context

from corpus import export as ex
from corpus import models as m
from corpus.queries import TABLES, QueryError, export_rows, list_items, spec

from .app import db_session

bp = Blueprint("main", __name__)


def _args():
    try:
        page = int(request.args.get("page", 1))
        per_page = int(request.args.get("per_page", 50))
    except ValueError:
        abort(400, description="page and per_page must be whole numbers")
    return request.args.get("q", ""), page, per_page


@bp.get("/")
def index():
    return render_template("search.html", q="", results=None, tables=TABLES)


@bp.get("/search")
def search():
    q, page, per_page = _args()
    results = {}
    try:
        for t in TABLES:
            results[t] = list_items(db_session(), t, q, 1, 10)
    except QueryError as exc:
        abort(400, description=str(exc))
    return render_template("search.html", q=q, results=results, tables=TABLES)


@bp.get("/api/<table>")
def api_table(table):
    if table not in TABLES:
        abort(404)
    q, page, per_page = _args()
    try:
        return jsonify(list_items(db_session(), table, q, page, per_page))
    except QueryError as exc:
        abort(400, description=str(exc))


@bp.get("/export/<table>.<fmt>")
def export(table, fmt):
    if table not in TABLES or fmt not in ("csv", "xlsx", "json", "jsonl"):
        abort(404)
    q = request.args.get("q", "")
    try:
        sp = spec(table)
        from corpus.queries import check_query
        check_query(q)
    except QueryError as exc:
        abort(400, description=str(exc))
    from flask import current_app
    database = current_app.extensions["partyfacts_db"]
    headers = {"Content-Disposition": f'attachment; filename="{table}.{fmt}"'}
    if fmt == "xlsx":
        import tempfile
        tmp = tempfile.TemporaryFile()
        with database.session() as s:
            ex.write_xlsx(export_rows(s, table, q), sp.columns, tmp)
        tmp.seek(0)

        def chunks():
            try:
                while True:
                    b = tmp.read(64 * 1024)
                    if not b:
                        break
                    yield b
            finally:
                tmp.close()
        return Response(chunks(), mimetype=ex.MIME["xlsx"], headers=headers)

    def generate():
        with database.session() as s:
            rows = export_rows(s, table, q)
            it = {"csv": lambda: ex.iter_csv(rows, sp.columns), "json": lambda: ex.iter_json(rows),
                  "jsonl": lambda: ex.iter_jsonl(rows)}[fmt]()
            for chunk in it:
                yield chunk.encode("utf-8")
    return Response(stream_with_context(generate()), mimetype=ex.MIME[fmt], headers=headers)


@bp.get("/articles/<int:article_id>")
def article(article_id):
    s = db_session()
    a = s.get(m.Article, article_id)
    if a is None:
        abort(404)
    return render_template("article.html", article=a)
