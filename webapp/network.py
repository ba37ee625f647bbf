"""The co-mention network pages: who is named with whom around a person or a place over a period
(?from=YYYY[-MM[-DD]]&to=…&top=N), drawn server-side as SVG (charts.network_svg) above the table of
its edges, each edge with the articles that name both; the JSON twin under /api/ for researchers."""
from __future__ import annotations

from flask import abort, request

from partyfacts.corpus.network import NetworkError, co_mentions
from partyfacts.corpus.queries import Filters, QueryError

from . import charts, urls
from .dbsession import db_session
from .i18n import t
from .views import Page, _detail, _int_arg, page

DEFAULT_TOP = 15


def _period() -> Filters:
    try:
        return Filters.from_args({k: request.args.get(k, "") for k in ("from", "to")})
    except QueryError as exc:
        abort(400, description=str(exc))


def _network(center_type: str, center_id: int) -> Page:
    period = _period()
    top = _int_arg("top", DEFAULT_TOP, lo=1, hi=50)
    try:
        net = co_mentions(db_session(), center_type, center_id, period.date_from, period.date_to, top)
    except NetworkError as exc:
        abort(400, description=str(exc))
    net = _detail(net)
    names = {n["id"]: n["name"] for n in net["nodes"]}
    for e in net["edges"]:
        e["source_name"], e["target_name"] = names.get(e["source"], ""), names.get(e["target"], "")
        e["anchor"] = f"edge-{e['source']}-{e['target']}"
    args = {"from": net["from"], "to": net["to"], "top": top if top != DEFAULT_TOP else None}

    def html() -> dict:
        title = t("network_of", name=net["center"]["name"])
        return {"net": net, "svg": charts.network_svg(net, title), "title": title, "top": top,
                "json_href": urls.api_network(center_type, center_id, args)}
    return Page("network.html", html, lambda: net)


@page("person_network", "api_person_network")
def person_network(person_id) -> Page:
    return _network("person", person_id)


@page("place_network", "api_place_network")
def place_network(place_id) -> Page:
    return _network("place", place_id)
