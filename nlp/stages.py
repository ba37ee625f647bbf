"""The standard pipeline: each stage of extraction registered as a named component, in run order.

    places              admin units, regions and countries named in the text (gazetteer-resolved)
    dates               dates, years, periods and terms
    figures             stated quantities (numbers that are not dates), needs the dates
    people.tokens       the people tokenizer (and whether the text is written in capitals)
    people.model        the learned person-name classifier (optional: disable for rules only)
    people.names        personal names, short forms grouped under the fullest name
    people.roles        positions of those persons and the named organizations
    places.not_persons  drops a "place" each mention of which is a person's name

Bump a component's ``version`` whenever its code changes what it extracts (see ``pipeline``).
"""
from __future__ import annotations

from . import dates as dates_mod
from . import figures as figures_mod
from . import people as people_mod
from . import places as places_mod
from .doc import Document
from .people import model as people_model
from .pipeline import component

_PEOPLE_LISTS = ("people/*.txt", "people/*.tsv")


@component("places", version="2", assigns=("places",), data=("places/*.tsv", "places/*.txt"))
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


@component("people.tokens", version="2", assigns=("people_tokens", "all_capitals"),
           data=_PEOPLE_LISTS + (figures_mod.viet74k_path,))
def _people_tokens(doc: Document) -> None:
    people_mod.tokenize(doc)


@component("people.model", version="1", assigns=("person_scorer",), data=("people/person_model.json",))
def _people_model(doc: Document) -> None:
    doc.person_scorer = people_model.person_scorer()


@component("people.names", version="1", requires=("places", "people_tokens", "all_capitals"),
           uses=("person_scorer",), assigns=("persons", "person_mentions", "person_of"),
           data=_PEOPLE_LISTS + ("places/admin_units.tsv", figures_mod.viet74k_path))
def _people_names(doc: Document) -> None:
    people_mod.find_names(doc)


@component("people.roles", version="5", requires=("places", "people_tokens", "person_mentions", "person_of"),
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
