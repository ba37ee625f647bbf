"""Every URL of the site, spelled once (like Datasette's url_builder): the route rules the views are
registered under and the functions that build paths to them. Pages, API answers, exports and
templates build their links here; the corpus layer returns ids (and ``corpus.facts`` says which page
an item links to), never URLs.

Paths are built with Flask's ``url_for`` inside a request (so a prefix the app is mounted under is
kept) and with the same rules through a werkzeug ``Map`` outside one (``partyfacts export`` writes
the href column without a web app).
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Iterator, Mapping
from urllib.parse import urlencode

from flask import has_request_context, request, url_for
from werkzeug.routing import Map, Rule

from partyfacts.corpus import facts

BLUEPRINT = "main"
_TABLE_ANY = "any(" + ", ".join(facts.TABLES) + ")"

# endpoint -> rule; the views are registered from this table (views.bp) and nowhere else
RULES: dict[str, str] = {
    "index": "/",
    "api_index": "/api/",
    "openapi": "/openapi.yaml",
    "search": "/search",
    "api_search": "/api/search",
    "table_page": f"/<{_TABLE_ANY}:table>",
    "api_table": f"/api/<{_TABLE_ANY}:table>",
    "api_figure_series": "/api/figures/series",
    "export": "/export/<table>.<fmt>",
    "export_series": "/export/figure-series.<any(csv, json):fmt>",
    "feed_organization": "/organizations/<int:org_id>/feed.atom",
    "feed_person": "/persons/<int:person_id>/feed.atom",
    "feed_place": "/places/<int:place_id>/feed.atom",
    "feed_post": "/posts/feed.atom",
    "feed_search": "/search/feed.atom",
    "article": "/articles/<int:article_id>",
    "api_article": "/api/articles/<int:article_id>",
    "archived": "/articles/<int:article_id>/archived",
    "archived_source": "/articles/<int:article_id>/source",
    "person": "/persons/<int:person_id>",
    "api_person": "/api/persons/<int:person_id>",
    "person_network": "/persons/<int:person_id>/network",
    "api_person_network": "/api/persons/<int:person_id>/network",
    "place": "/places/<int:place_id>",
    "api_place": "/api/places/<int:place_id>",
    "place_network": "/places/<int:place_id>/network",
    "api_place_network": "/api/places/<int:place_id>/network",
    "organization": "/organizations/<int:org_id>",
    "api_organization": "/api/organizations/<int:org_id>",
    "post": "/posts",
    "api_post": "/api/posts",
    "try_it": "/try",
    "api_extract": "/api/extract",
}
# pages of other blueprints (admin.py registers them; linked to from here)
OTHER = {"admin.crawls": "/crawls", "admin.api_crawls": "/api/crawls", "admin.login": "/login"}
# researchers' corrections of person resolution (admin.py, POST with a CSRF token): their paths are
# built from these rules, so the forms that post to them do not depend on the views being registered
POST_RULES = {"admin.person_merge": "/persons/<int:person_id>/merge",
              "admin.person_split": "/persons/<int:person_id>/split"}

_MAP = Map([Rule(rule, endpoint=f"{BLUEPRINT}.{ep}") for ep, rule in RULES.items()]
           + [Rule(rule, endpoint=ep) for ep, rule in OTHER.items()]
           + [Rule(rule, endpoint=ep, methods=["POST"]) for ep, rule in POST_RULES.items()])
_ADAPTER = _MAP.bind("localhost")


def build(endpoint: str, _anchor: str = "", **values) -> str:
    """The path of ``endpoint`` ("person", or "admin.crawls" for another blueprint) with ``values``."""
    full = endpoint if "." in endpoint else f"{BLUEPRINT}.{endpoint}"
    if has_request_context():
        return url_for(full, _anchor=_anchor or None, **values)
    path = _ADAPTER.build(full, values)
    return f"{path}#{_anchor}" if _anchor else path


def _with_query(path: str, args: Mapping[str, Any] | None) -> str:
    args = {k: v for k, v in (args or {}).items() if v not in (None, "")}
    return path + ("?" + urlencode(args) if args else "")


# -- pages and their JSON twins ---------------------------------------------------------------------------

def home() -> str:
    return build("index")


def api_home() -> str:
    return build("api_index")


def openapi() -> str:
    return build("openapi")


def search(**args) -> str:
    return _with_query(build("search"), args)


def api_search() -> str:
    return build("api_search")


def table(name: str) -> str:
    """The list page of a table: /persons."""
    return build("table_page", table=name)


def api_table(name: str) -> str:
    return build("api_table", table=name)


def export(table_name: str, fmt: str, args: Mapping[str, Any] | None = None) -> str:
    """/export/roles.csv with the page's query and filters."""
    return _with_query(build("export", table=table_name, fmt=fmt), args)


def export_series(fmt: str, args: Mapping[str, Any] | None = None) -> str:
    """/export/figure-series.csv?unit=…&series=…: the points of the figure series the chart draws."""
    return _with_query(build("export_series", fmt=fmt), args)


def absolute(path: str) -> str:
    """``path`` (a site path) as an absolute URL on the host the request came to (feeds, exports and
    citations leave the site); unchanged outside a request or when already absolute."""
    if not path or "://" in path or not has_request_context():
        return path
    return request.host_url.rstrip("/") + path


def feed_person(person_id: int) -> str:
    """The Atom feed of a person's new roles."""
    return build("feed_person", person_id=person_id)


def feed_place(place_id: int) -> str:
    """The Atom feed of a place's new roles and figures."""
    return build("feed_place", place_id=place_id)


def feed_organization(org_id: int) -> str:
    """The Atom feed of a body's new holders."""
    return build("feed_organization", org_id=org_id)


def feed_post(title: str, organization_id: int) -> str:
    """The Atom feed of a post's new holders."""
    return _with_query(build("feed_post"), {"title": title, "organization": organization_id})


def feed_search(**args) -> str:
    """The Atom feed of the roles and figures a search (query and filters) finds."""
    return _with_query(build("feed_search"), args)


def article(article_id: int, anchor: str = "") -> str:
    return build("article", _anchor=anchor, article_id=article_id)


def api_article(article_id: int) -> str:
    return build("api_article", article_id=article_id)


def archived(article_id: int) -> str:
    return build("archived", article_id=article_id)


def archived_source(article_id: int) -> str:
    return build("archived_source", article_id=article_id)


def person(person_id: int) -> str:
    return build("person", person_id=person_id)


def network(center_type: str, center_id: int, args: Mapping[str, Any] | None = None) -> str:
    """The co-mention network page around a person or a place (?from=&to=&top=)."""
    key = {"person": "person_id", "place": "place_id"}[center_type]
    return _with_query(build(f"{center_type}_network", **{key: center_id}), args)


def api_network(center_type: str, center_id: int, args: Mapping[str, Any] | None = None) -> str:
    key = {"person": "person_id", "place": "place_id"}[center_type]
    return _with_query(build(f"api_{center_type}_network", **{key: center_id}), args)


def place(place_id: int) -> str:
    return build("place", place_id=place_id)


def organization(org_id: int) -> str:
    return build("organization", org_id=org_id)


def post(title: str, organization_id: int | None, on: str = "") -> str:
    """The page of a post: /posts?title=bí thư&organization=12 (holders over time; ``on``: on that date)."""
    return _with_query(build("post"), {"title": title, "organization": organization_id, "on": on})


def api_post(title: str, organization_id: int | None, on: str = "") -> str:
    return _with_query(build("api_post"), {"title": title, "organization": organization_id, "on": on})


def _post_rule(endpoint: str, **values) -> str:
    """The path of a POST rule of POST_RULES, built from the rule (under the app's mount prefix)."""
    path = _ADAPTER.build(endpoint, values, method="POST")
    return (request.script_root + path) if has_request_context() else path


def person_merge(person_id: int) -> str:
    """Where the "merge with person #ID" form posts (field ``other``)."""
    return _post_rule("admin.person_merge", person_id=person_id)


def person_split(person_id: int) -> str:
    """Where the "split these articles out" form posts (fields ``occurrence``: mention keys)."""
    return _post_rule("admin.person_split", person_id=person_id)


def try_it() -> str:
    return build("try_it")


def crawls(anchor: str = "") -> str:
    return build("admin.crawls", _anchor=anchor)


def crawls_site(site_id: int) -> str:
    return crawls(f"site-{site_id}")


def crawls_run(run_id: int) -> str:
    return crawls(f"run-{run_id}")


def api_crawls() -> str:
    return build("admin.api_crawls")


def login() -> str:
    return build("admin.login")


# -- links of items (corpus.facts: which page an item links to) -----------------------------------------------

PAGES: dict[str, Callable[..., str]] = {
    "article": article, "person": person, "place": place, "organization": organization,
    "archived": archived, "crawls_run": crawls_run,
}


def link(ln: facts.Link | None) -> str:
    """The path of a corpus ``Link`` ("" for None: a span that links nowhere)."""
    if ln is None:
        return ""
    path = PAGES[ln.page](ln.id)
    return f"{path}#{ln.anchor}" if ln.anchor else path


def resolve_links(obj):
    """A copy of a corpus read model (nested dicts and lists) with every ``link`` key replaced by its
    ``href`` and every ``<name>_link`` by ``<name>_href``, and every ``post`` (title key, organisation
    id) given the ``href`` of its post page. ``obj`` itself is left unchanged (cached read models are
    shared between requests). Each page's rule is built once per call (a person page holds
    thousands of links)."""
    makers: dict[str, Callable[[int, str], str]] = {}

    def href(ln: facts.Link | None) -> str:
        if ln is None:
            return ""
        if not isinstance(ln.id, int) or isinstance(ln.id, bool):
            return link(ln)
        make = makers.get(ln.page)
        if make is None:
            make = makers[ln.page] = _maker(ln.page)
        return make(ln.id, ln.anchor or "")

    def walk(o):
        if isinstance(o, dict):
            out = {}
            for k, v in o.items():
                if k == "link" or k.endswith("_link"):
                    out[k[:-4] + "href"] = href(v)
                elif isinstance(v, (dict, list)):
                    out[k] = walk(v)
                else:
                    out[k] = v
            post_ = out.get("post")
            if isinstance(post_, dict) and "title_key" in post_ and "href" not in post_:
                post_["href"] = post(post_["title_key"], post_["organization_id"]) if post_["organization_id"] else ""
            return out
        if isinstance(o, list):
            return [walk(v) if isinstance(v, (dict, list)) else v for v in o]
        return o

    return walk(obj)


def entity(mention_type: str, entity_id: int) -> str:
    """The page of an entity by its mentions.entity_type ("person", "place", "organization")."""
    return PAGES[mention_type](entity_id)


def _maker(page: str) -> Callable[[int, str], str]:
    """A fast path builder for many ids of one page: the rule is built once (by url_for / the map)
    with a sentinel id and the id put in its place (an export builds a million hrefs)."""
    sentinel = 987654321987
    prefix, _, suffix = PAGES[page](sentinel).partition(str(sentinel))

    def make(item_id: int, anchor: str = "") -> str:
        return f"{prefix}{item_id}{suffix}" + (f"#{anchor}" if anchor else "")
    return make


def item_href_maker(table_name: str) -> Callable[[Mapping[str, Any]], str]:
    """item -> href for the rows of one table (its registry entry says which page and id)."""
    page, id_field, anchor_prefix = facts.by_table(table_name).link
    make = _maker(page)
    if anchor_prefix:
        return lambda it: make(it[id_field], f"{anchor_prefix}{it['id']}")
    return lambda it: make(it[id_field])


def with_hrefs(table_name: str, items: Iterable[dict]) -> Iterator[dict]:
    """The items (API items or export rows) with their ``href``, placed where the table's export
    columns put it (after the entity's own fields, before an occurrence's article fields)."""
    href = item_href_maker(table_name)
    columns = facts.by_table(table_name).columns
    after = columns[columns.index("href") - 1]
    for it in items:
        if after not in it or next(reversed(it)) == after:   # href closes the row: append it
            it["href"] = href(it)
            yield it
            continue
        out = {}
        for k, v in it.items():
            out[k] = v
            if k == after:
                out["href"] = href(it)
        yield out


def add_hrefs(table_name: str, items: list[dict]) -> list[dict]:
    """with_hrefs for a page of items."""
    return list(with_hrefs(table_name, items))
