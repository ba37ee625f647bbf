"""The extraction pipeline: text in, ``Extraction`` out, spans true to the input text."""
from __future__ import annotations

from dataclasses import replace

from . import dates as dates_mod
from . import figures as figures_mod
from . import people as people_mod
from . import places as places_mod
from .doc import Document
from .text import Text
from .types import Extraction

PIPELINE_VERSION = "rules-0.1"


def extract(text: str, *, site: str | None = None, url: str | None = None) -> Extraction:
    """Extract persons, roles, places, organizations, figures and dates from one article text.

    ``text`` may be in any Unicode normal form; every span in the result indexes ``text`` itself.
    ``site``/``url`` help resolve ambiguous place names (they never add words to an organization).
    """
    t = Text.of(text)
    doc = Document(t, site=site, url=url)
    places = places_mod.find_places(doc)
    dates = dates_mod.find_dates(doc)
    figures = figures_mod.find_figures(doc, dates)
    persons, roles, organizations = people_mod.find_people(doc, places)
    places = _not_persons(places, persons)
    ex = Extraction(
        persons=tuple(persons), roles=tuple(roles), places=tuple(places),
        organizations=tuple(organizations), figures=tuple(figures), dates=tuple(dates),
        meta={"pipeline_version": PIPELINE_VERSION},
    )
    return _to_input_offsets(ex, t)


def _not_persons(places: list, persons: list) -> list:
    """A place every mention of which is exactly a person's mention is that person, not a place: the
    people component saw the place list and still read a name there ("Thanh Tâm - Chí Linh", a
    byline; "Ảnh: Kim Anh")."""
    person_spans = {span for p in persons for span in p.mentions}
    return [p for p in places if not (p.mentions and all(m in person_spans for m in p.mentions))]


def _to_input_offsets(ex: Extraction, t: Text) -> Extraction:
    """Components work on NFC text; map every span back to the caller's string."""
    if t.norm is t.original:
        return ex
    m = t.to_input_span

    def ms(spans):
        return tuple(m(a, b) for a, b in spans)

    return replace(
        ex,
        persons=tuple(replace(p, mentions=ms(p.mentions)) for p in ex.persons),
        roles=tuple(replace(r, span=m(*r.span), person_span=m(*r.person_span) if r.person_span else None) for r in ex.roles),
        places=tuple(replace(p, mentions=ms(p.mentions)) for p in ex.places),
        organizations=tuple(replace(o, mentions=ms(o.mentions)) for o in ex.organizations),
        figures=tuple(replace(f, span=m(*f.span), mentions=ms(f.mentions)) for f in ex.figures),
        dates=tuple(replace(d, span=m(*d.span)) for d in ex.dates),
    )
