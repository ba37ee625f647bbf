"""Atom feeds that follow a page: a person's new roles, a post's and a body's new holders, a place's
new roles and figures, and the roles and figures of any search (its query and filters), newest first.
Each entry: the fact's sentence, the article it is in (absolute link to the fact on this site and to
the source), ISO dates and an id stable across re-processing (corpus.changes). Written with the
standard library's ElementTree, which escapes every text and attribute (feedgen 1.0 writes no rel or
type on entry links, so an entry with a source link would carry two "alternate" links); characters
XML 1.0 cannot carry are dropped first, since scraped text is hostile. Pages link their feed in <head> (rel=alternate) and visibly (templates _feed_head.html,
_feed_link.html, through ``feed_href``)."""
from __future__ import annotations

import re
import uuid
from xml.etree import ElementTree as ET
from datetime import date, datetime, time, timedelta, timezone

from flask import Response, abort, request

from partyfacts.corpus.changes import Scope, changes, scope_name
from partyfacts.corpus.export import INVISIBLE
from partyfacts.corpus.queries import Filters, QueryError, check_query

from . import i18n, urls
from .charts import format_value
from .dbsession import db_session
from .i18n import t
from .params import ParamError, parse_id
from .views import _int_arg, bp, route

MIME = "application/atom+xml; charset=utf-8"
ATOM = "http://www.w3.org/2005/Atom"
EPOCH = datetime(2000, 1, 1, tzinfo=timezone.utc)    # "updated" of an empty feed or an undated fact
VIETNAM = timezone(timedelta(hours=7))
# characters an XML 1.0 document cannot hold (C0 controls but tab/newline/return, lone surrogates,
# U+FFFE/U+FFFF): lxml refuses them, a scraped title may carry them
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FEED_NAMESPACE = uuid.UUID("6f1c3a4e-8f0b-5d2e-9a41-70a7b2f3c915")   # entry ids: uuid5(this, fact key)


def xml_text(s) -> str:
    """``s`` as text an XML document can carry: no XML-invalid or invisible (bidi, zero-width) characters."""
    return _NOT_XML.sub("", str(s or "")).translate(INVISIBLE)


def _stamp(iso: str) -> datetime:
    """An ISO date as a datetime at midnight in Vietnam (Atom wants date-times with a zone)."""
    return datetime.combine(date.fromisoformat(iso[:10]), time(0, 0), VIETNAM)


def post_name(title: str, organization: str) -> str:
    """A title and its body without the words they share at the seam: "Chủ tịch UBND" + "UBND tỉnh
    Nghệ An" → "Chủ tịch UBND tỉnh Nghệ An" (not "UBND UBND")."""
    tw, ow = title.split(), organization.split()
    k = next((k for k in range(min(len(tw), len(ow)), 0, -1)
              if [w.casefold() for w in tw[-k:]] == [w.casefold() for w in ow[:k]]), 0)
    return " ".join(tw + ow[k:])


def entry_title(e: dict, lang: str) -> str:
    if e["kind"] == "role":
        title = f"{t('former')} {e['title']}" if e["former"] else e["title"]
        return f"{e['person']}: {post_name(title, e['organization'])}".strip()
    what = " · ".join(x for x in (e["counted"], e["place"]) if x)
    return f"{format_value(float(e['value']), e['unit'], lang)}" + (f" · {what}" if what else "")


def _el(parent, tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items() if v})
    if text is not None:
        el.text = xml_text(text)
    return el


def atom(feed_id: str, title: str, page_url: str, self_url: str, entries: list[dict], lang: str) -> bytes:
    """The Atom document (RFC 4287, bytes, UTF-8) of ``entries`` (corpus.changes dicts with hrefs
    resolved), newest first: per entry an id, title, updated (and published when the article is
    dated), the fact on this site (rel=alternate), the source page (rel=related, web URLs only), the
    sentence as summary and the sentence with the article's title, site, date and links as content.
    ElementTree escapes every text and attribute; xml_text drops what XML cannot carry."""
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": lang})
    _el(feed, "id", feed_id)
    _el(feed, "title", title)
    stamps = [_stamp(e["date"]) for e in entries if e["date"]]
    _el(feed, "updated", (max(stamps) if stamps else EPOCH).isoformat())
    _el(_el(feed, "author"), "name", "partyfacts")
    _el(feed, "link", href=page_url, rel="alternate", type="text/html")
    _el(feed, "link", href=self_url, rel="self", type="application/atom+xml")
    _el(feed, "generator", "partyfacts")
    for e in entries:
        entry = _el(feed, "entry")
        _el(entry, "id", uuid.uuid5(FEED_NAMESPACE, e["key"]).urn)
        _el(entry, "title", entry_title(e, lang))
        when = _stamp(e["date"]) if e["date"] else EPOCH
        _el(entry, "updated", when.isoformat())
        if e["dated"]:
            _el(entry, "published", when.isoformat())
        _el(entry, "link", href=urls.absolute(e["href"]), rel="alternate", type="text/html")
        art, src = e["article"], e["article"]["url"] or ""
        web = src.lower().startswith(("http://", "https://"))
        if web:
            _el(entry, "link", href=src, rel="related", type="text/html")
        _el(entry, "summary", e["sentence"])
        lines = [e["sentence"], "", f"{art['title']} — {art['site']}, {e['date'] if e['dated'] else t('undated')}",
                 urls.absolute(art["href"])] + ([src] if web else [])
        _el(entry, "content", "\n".join(lines), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _feed(scope: Scope, page_url: str):
    s = db_session()
    try:
        name = scope_name(s, scope)
    except QueryError as exc:
        abort(400, description=str(exc))
    if name is None:
        abort(404)
    try:
        entries = urls.resolve_links(changes(s, scope, _int_arg("limit", 50, hi=200)))
    except QueryError as exc:
        abort(400, description=str(exc))
    lang = i18n.current()
    title = t("feed_title_" + scope.kind, name=name) if name else t("feed_title_all")
    body = atom(urls.absolute(page_url), f"partyfacts · {title}", urls.absolute(page_url),
                urls.absolute(request.full_path.rstrip("?")), entries, lang)
    return Response(body, mimetype="application/atom+xml", content_type=MIME)


@route("feed_person")
def feed_person(person_id):
    return _feed(Scope("person", person_id), urls.person(person_id))


@route("feed_place")
def feed_place(place_id):
    return _feed(Scope("place", place_id), urls.place(place_id))


@route("feed_organization")
def feed_organization(org_id):
    return _feed(Scope("organization", org_id), urls.organization(org_id))


@route("feed_post")
def feed_post():
    title = request.args.get("title", "").strip()[:255]
    try:
        org_id = parse_id(request.args.get("organization", ""))
    except ParamError:
        org_id = None
    if not title or org_id is None:
        abort(400, description=t("error_post_args"))
    return _feed(Scope("post", org_id, title=title), urls.post(title, org_id))


def _search_args() -> tuple[str, Filters]:
    try:
        return check_query(request.args.get("q", "")), Filters.from_args(request.args)
    except QueryError as exc:
        abort(400, description=str(exc))


@route("feed_search")
def feed_search():
    q, filters = _search_args()
    args = {"q": q, **filters.to_args()}
    return _feed(Scope("search", q=q, filters=filters), urls.search(**args))


# -- the link from a page to its feed ------------------------------------------------------------------

_SEARCH_LIKE = ("main.search", "main.table_page")


def feed_href() -> str:
    """The feed of the page being rendered ("" when it has none): person, place, organisation, post,
    search, and the roles and figures lists with their query and filters."""
    ep, va = request.endpoint or "", request.view_args or {}
    try:
        if ep == "main.person":
            return urls.feed_person(va["person_id"])
        if ep == "main.place":
            return urls.feed_place(va["place_id"])
        if ep == "main.organization":
            return urls.feed_organization(va["org_id"])
        if ep == "main.post" and request.args.get("title") and request.args.get("organization"):
            return urls.feed_post(request.args["title"], int(parse_id(request.args["organization"])))
        if ep in _SEARCH_LIKE and (ep == "main.search" or va.get("table") in ("roles", "figures")):
            filters = Filters.from_args(request.args)
            return urls.feed_search(q=request.args.get("q", ""), **filters.to_args())
    except (QueryError, ParamError, KeyError, ValueError):
        return ""       # a page answering 400 for its arguments has no feed to offer
    return ""


@bp.app_context_processor
def _feed_helpers():
    return {"feed_href": feed_href}
