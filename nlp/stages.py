"""The standard pipeline: each stage of extraction registered as a named component, in run order.

    places              admin units, regions and countries named in the text (gazetteer-resolved)
    dates               dates, years, periods and terms
    figures             stated quantities (numbers that are not dates), needs the dates
    people.tokens       the people tokenizer (and whether the text is written in capitals)
    people.model        the learned person-name classifier (optional: disable for rules only)
    people.names        personal names, short forms grouped under the fullest name
    people.roles        positions of those persons and the named organizations
    places.not_persons  drops a "place" each mention of which is a person's name
    folded              text typed without diacritics: cued persons and gazetteer places by folded matching

Bump a component's ``version`` whenever its code changes what it extracts (see ``pipeline``).
"""
from __future__ import annotations

from . import dates as dates_mod
from . import folded as folded_mod
from . import figures as figures_mod
from . import people as people_mod
from . import places as places_mod
from .doc import Document
from .people import model as people_model
from .pipeline import component

_PEOPLE_LISTS = ("people/*.txt", "people/*.tsv")


@component("places", version="5", assigns=("places",), data=("places/*.tsv", "places/*.txt"))
def _places(doc: Document) -> None:
    doc.places = places_mod.find_places(doc)


@component("dates", version="1", assigns=("dates",),
           data=("dates/*.txt", "figures/count_heads.txt", "figures/measure_units.tsv", "figures/number_words.tsv"))
def _dates(doc: Document) -> None:
    doc.dates = dates_mod.find_dates(doc)


@component("figures", version="1", requires=("dates",), assigns=("figures", "figure_rejections"),
           data=("figures/*.txt", "figures/*.tsv", figures_mod.viet74k_path))
def _figures(doc: Document) -> None:
    doc.figures = figures_mod.find_figures(doc, doc.dates)


@component("people.tokens", version="4", assigns=("people_tokens", "all_capitals"),
           data=_PEOPLE_LISTS + (figures_mod.viet74k_path,))
def _people_tokens(doc: Document) -> None:
    people_mod.tokenize(doc)


@component("people.model", version="1", assigns=("person_scorer",), data=("people/person_model.json",))
def _people_model(doc: Document) -> None:
    doc.person_scorer = people_model.person_scorer()


@component("people.names", version="5", requires=("places", "people_tokens", "all_capitals"),
           uses=("person_scorer",), assigns=("persons", "person_mentions", "person_of"),
           data=_PEOPLE_LISTS + ("places/admin_units.tsv", figures_mod.viet74k_path))
def _people_names(doc: Document) -> None:
    people_mod.find_names(doc)


@component("people.roles", version="9", requires=("places", "people_tokens", "person_mentions", "person_of"),
           assigns=("roles", "organizations"), data=_PEOPLE_LISTS)
def _people_roles(doc: Document) -> None:
    people_mod.find_roles(doc)


@component("places.not_persons", version="1", requires=("places", "persons"), assigns=("places",))
def _places_not_persons(doc: Document) -> None:
    """A place every mention of which is exactly a person's mention is that person, not a place: the
    people components saw the place list and still read a name there ("Thanh Tâm - Chí Linh", a
    byline; "Ảnh: Kim Anh")."""
    person_spans = {span for p in doc.persons for span in p.mentions}
    doc.places = [p for p in doc.places if not (p.mentions and all(m in person_spans for m in p.mentions))]


@component("folded", version="2", requires=("places", "persons"), assigns=("persons", "places", "roles"),
           data=("people/surnames.txt", "people/titles.tsv", "places/admin_units.tsv", "places/countries.tsv",
                 "places/regions.tsv", "places/foreign_places.tsv", "places/name_variants.tsv"))
def _folded(doc: Document) -> None:
    """A text typed without diacritics: the persons and places found by folded matching join those the
    other components found, one entry per name; a "person" of theirs that overlaps one of these or
    does not open with a family name ("Ong Tran Van Hai", "Van Hai") is dropped with its roles."""
    persons, places = folded_mod.find_folded(doc)
    if not persons and not places:
        return
    from .text import fold
    mine = [m for p in persons for m in p.mentions] + [m for p in places for m in p.mentions]
    surnames = folded_mod.surnames()

    def keep(p) -> bool:
        first = fold(p.name.split()[0]) if p.name.split() else ""
        return first in surnames and not any(a < y and x < b for a, b in p.mentions for x, y in mine)

    kept = [p for p in doc.persons if keep(p)]
    names = {p.name for p in kept}
    have_p = {fold(p.name) for p in kept}
    have_l = {fold(p.name) for p in doc.places}
    doc.persons = kept + [p for p in persons if fold(p.name) not in have_p]
    doc.places = list(doc.places) + [p for p in places if fold(p.name) not in have_l]
    doc.roles = [r for r in (doc.roles or []) if r.person in names]
