"""The extraction pipeline: text in, ``Extraction`` out, spans true to the input text.

The stages are the registered components of ``nlp.stages`` (``nlp.pipeline`` holds the
registry); ``extract(text, disable=[...])`` leaves some out, e.g. ``disable=["people.model"]`` for the
rules alone.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .doc import Document
from .pipeline import enabled, pipeline_version, run
from .text import Text
from .types import Extraction


class TextTooLong(ValueError):
    """A text longer than the caller's limit (``extract(max_chars=…)``): refused before any work."""

    def __init__(self, chars: int, limit: int):
        self.chars, self.limit = chars, limit
        super().__init__(f"the text has {chars:,} characters, over the limit of {limit:,}")


def extract(text: str, *, site: str | None = None, url: str | None = None,
            disable: Iterable[str] = (), max_chars: int | None = None) -> Extraction:
    """Extract persons, roles, places, organizations, figures and dates from one article text.

    ``text`` may be in any Unicode normal form; every span in the result indexes ``text`` itself.
    ``site``/``url`` help resolve ambiguous place names (they never add words to an organization).
    ``disable`` names components to leave out (ValueError for an unknown name or for one another
    enabled component requires); a fact type whose component did not run is empty. ``meta`` records
    the pipeline version and each component that ran with its version. ``max_chars``: a text
    longer than that raises ``TextTooLong`` at once (the cost is linear in the length, so the limit
    bounds the time and memory of one call; None = no limit).
    """
    if max_chars is not None and len(text) > max_chars:
        raise TextTooLong(len(text), max_chars)
    disable = frozenset(disable)
    comps = enabled(disable)
    t = Text.of(text)
    doc = run(Document(t, site=site, url=url), comps)
    ex = Extraction(
        persons=tuple(doc.persons or ()), roles=tuple(doc.roles or ()), places=tuple(doc.places or ()),
        organizations=tuple(doc.organizations or ()), figures=tuple(doc.figures or ()),
        dates=tuple(doc.dates or ()),
        meta={"pipeline_version": pipeline_version(disable),
              "components": {c.name: c.version for c in comps}},
    )
    return _to_input_offsets(ex, t)


def __getattr__(name: str) -> str:
    if name == "PIPELINE_VERSION":   # the default pipeline's version, computed on first use
        return pipeline_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
