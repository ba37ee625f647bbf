"""Export of the figure series a chart draws: /export/figure-series.csv|json with the figures page's
filters, search box and ?series= — one row per point (ISO date, value, unit, what it counts, place,
the sentence's figure text, absolute links to the article sentence and the source), and the count of
figures not drawn for want of a date."""
from __future__ import annotations

import json

from flask import Response, abort

from partyfacts.corpus import export as ex

from . import urls
from .i18n import t
from .views import _list_args, figure_series_of, route

COLUMNS = ("series_key", "series_label", "unit", "counted", "period", "place", "province", "date", "value",
           "text", "figure_id", "href", "article_href")


def series_rows(series: list[dict]) -> list[dict]:
    """One row per point of each series (oldest first within a series), links absolute."""
    rows = []
    for s in series:
        for p in s["points"]:
            rows.append({"series_key": s["key"], "series_label": s["label"], "unit": s["unit"],
                         "counted": s["counted"], "period": s["period"], "place": s["place"],
                         "province": s["province"], "date": p["date"], "value": _number(p["value"]), "text": p["text"],
                         "figure_id": p["id"], "href": urls.absolute(p["href"]),
                         "article_href": urls.absolute(p["href"].split("#")[0])})
    return rows


def _number(v: float) -> float | int:
    """A whole value as an integer (15200000000000, not 1.52e13 or 15200000000000.0)."""
    return int(v) if float(v).is_integer() else v


@route("export_series")
def export_series(fmt):
    q, _, _, filters = _list_args()
    if not filters.unit:
        abort(400, description=t("error_unit_needed"))
    key_, series, undated = figure_series_of(filters.unit, None, filters, q)
    rows = series_rows(series)
    headers = {"Content-Disposition": ex.content_disposition(f"partyfacts-series-{ex.slug(filters.unit) or 'unit'}.{fmt}")}
    if fmt == "json":
        body = {"unit": filters.unit, "query": q, "filters": filters.to_args(), "series": key_ or None,
                "columns": list(COLUMNS), "rows": rows, "undated": sum(undated.values())}
        return Response(json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8",
                        headers=headers)
    return Response("".join(ex.iter_csv(rows, COLUMNS)), content_type=ex.MIME["csv"], headers=headers)
