"""The fact types, one description each: what the rest of the code reads instead of listing the types.

One ``FactType`` per extracted fact type (person, role, place, organization, figure) and one for the
articles, which are an exportable, browsable table without being extracted. An entry names

- ``name`` and ``attribute``: the fact type and its ``nlp.Extraction`` attribute (None for articles);
- ``table`` and ``model``: the API/export table name and its SQLAlchemy model;
- ``columns``: the export columns (also the keys of an API item, which may carry more);
- ``search``: the SQLite FTS5 index the search box matches (migration 0003_search; ``<index>_exact``
  keeps the diacritics), or None;
- ``facets``: the filters offered on the table's page (site, province, title, unit, date);
- ``writer`` and ``requires``: the function in ``corpus.store`` that writes the type's rows for one
  Extraction, and the types whose rows it needs written first (a role needs its person and
  organization rows, a figure the places of its article);
- ``mention``: the ``mentions.entity_type`` of an entity type (None for facts without an entity page);
- ``link``: which page an item links to, as (page, id field, anchor prefix) — ids only, the web layer
  (``webapp.urls``) turns them into URLs;
- ``css`` and ``span_label``: the highlight class of its spans and their title (from an Extraction
  item); ``label`` and ``table_label``: its i18n message ids.

Adding a fact type is an entry here, its Extraction attribute (nlp), its model and migration, its
writer in corpus.store, its query in corpus.queries, its labels in webapp/data/messages.json and its
colour in webapp/static/style.css; the lists (store order, highlight classes, legend, tabs, export
tables, CLI choices, entity counts) follow from the entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

from . import models as m

__all__ = ["Link", "FactType", "REGISTRY", "FACT_TYPES", "TABLES", "EXPORT_TABLES", "HIGHLIGHT_TYPES", "ENTITY_TYPES",
           "by_table", "by_name", "write_order"]

class Link(NamedTuple):
    """Which page a read model links to, by ids: page "article", "person", "place", "organization",
    "archived" or "crawls_run", the id, and an anchor on that page ("f12": figure 12). The web layer
    (webapp.urls) spells the URL."""
    page: str
    id: int
    anchor: str = ""


@dataclass(frozen=True)
class FactType:
    name: str                                   # "person"; "article" for the articles table
    table: str                                  # API/export table name: "persons"
    model: type                                 # SQLAlchemy model of the table
    columns: tuple[str, ...]                    # export column order: the page's columns, one row per row
    facets: tuple[str, ...]                     # filters shown on the table page
    link: tuple[str, str, str]                  # (page, id field of an item, anchor prefix)
    attribute: str | None = None                # nlp.Extraction attribute; None: not extracted
    writer: str | None = None                   # name of the writer function in corpus.store
    requires: tuple[str, ...] = ()              # fact types whose rows the writer needs first
    mention: str | None = None                  # mentions.entity_type of an entity (has its own page)
    search: str | None = None                   # FTS5 index of the search box
    css: str | None = None                      # highlight class of its spans
    span_label: Callable[[Any], str] | None = None  # the title of a highlighted span, from an Extraction item

    @property
    def label(self) -> str:
        """i18n message id of the singular label (legend, span titles)."""
        return f"type_{self.name}"

    @property
    def table_label(self) -> str:
        """i18n message id of the table's name (tabs, menus, headings)."""
        return f"table_{self.table}"

    @property
    def extracted(self) -> bool:
        return self.attribute is not None


REGISTRY: tuple[FactType, ...] = (
    FactType("article", "articles", m.Article,
             ("id", "url", "site", "title", "published", "author", "source", "text", "copies", "also_published",
              "href"),
             facets=("site", "province", "title", "unit", "date"), link=("article", "id", ""), search="fts_articles"),
    FactType("person", "persons", m.Person, ("id", "name", "variants", "role", "role_organization", "role_organization_id", "province",
                                                 "articles", "href"),
             facets=("site", "province", "title", "date"), link=("person", "id", ""), attribute="persons",
             writer="write_persons", mention="person", search="fts_persons", css="hl-person",
             span_label=lambda p: p.name),
    FactType("role", "roles", m.Role,
             ("id", "person", "person_id", "title", "organization", "title_expanded", "title_canonical", "former",
              "organization_id", "organization_resolved", "place", "province", "article_id", "article_url",
              "published", "start", "end", "href"),
             facets=("site", "province", "title", "date"), link=("person", "person_id", ""), attribute="roles",
             writer="write_roles", requires=("person", "organization", "place"), search="fts_roles", css="hl-role",
             span_label=lambda r: f"{r.person}: {r.title} {r.organization}".strip()),
    FactType("place", "places", m.Place,
             ("id", "name", "type", "province", "code", "era", "successor_name", "successor_type",
              "successor_province", "successor_code", "articles", "href"),
             facets=("site", "province", "unit", "date"), link=("place", "id", ""), attribute="places",
             writer="write_places", mention="place", search="fts_places", css="hl-place",
             span_label=lambda p: f"{p.type} {p.name}".strip()),
    FactType("organization", "organizations", m.Organization, ("id", "name", "kind", "province", "articles", "href"),
             facets=("site", "title", "date"), link=("organization", "id", ""), attribute="organizations",
             writer="write_organizations", mention="organization", search="fts_organizations", css="hl-organization",
             span_label=lambda o: o.name),
    FactType("figure", "figures", m.Figure,
             ("id", "value", "unit", "text", "counted", "actor", "period", "qualifier", "sentence", "place",
              "province", "article_id", "article_url", "published", "start", "end", "href"),
             facets=("site", "province", "unit", "date"), link=("article", "article_id", "f"), attribute="figures",
             writer="write_figures", requires=("place",), search="fts_figures", css="hl-figure",
             span_label=lambda f: f"{f.value:g} {f.unit}"),
)

TABLES: tuple[str, ...] = tuple(ft.table for ft in REGISTRY)
EXPORT_TABLES: tuple[str, ...] = TABLES      # the choices of `partyfacts export TABLE` and /export/<table>.<fmt>
FACT_TYPES: tuple[FactType, ...] = tuple(ft for ft in REGISTRY if ft.extracted)
HIGHLIGHT_TYPES: tuple[str, ...] = tuple(ft.name for ft in FACT_TYPES if ft.css)
ENTITY_TYPES: tuple[FactType, ...] = tuple(ft for ft in FACT_TYPES if ft.mention)

_BY_TABLE = {ft.table: ft for ft in REGISTRY}
_BY_NAME = {ft.name: ft for ft in REGISTRY}


def by_table(table: str) -> FactType:
    """The entry of an API/export table name (KeyError for an unknown one)."""
    return _BY_TABLE[table]


def by_name(name: str) -> FactType:
    """The entry of a fact type name ("person"; KeyError for an unknown one)."""
    return _BY_NAME[name]


def write_order() -> tuple[FactType, ...]:
    """The extracted types in the order their writers run: registry order, each after the types it
    requires (person, place, organization, role, figure)."""
    done: list[FactType] = []
    pending = list(FACT_TYPES)
    while pending:
        ready = next((ft for ft in pending if all(r in {d.name for d in done} for r in ft.requires)), None)
        if ready is None:
            raise ValueError("fact types require each other in a circle: " + ", ".join(ft.name for ft in pending))
        done.append(ready)
        pending.remove(ready)
    return tuple(done)
