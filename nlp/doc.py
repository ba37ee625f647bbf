"""One article being read: its Text, sentence spans, what the caller knows about its source, and
the typed results the pipeline's components assign to it (``nlp.pipeline``).

Each result field is ``None`` until the component that assigns it has run; a component reads only
the fields its registration ``requires`` (or, for an optional input such as ``person_scorer``,
checks for ``None``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Callable

from .text import Text

if TYPE_CHECKING:   # annotations only: the component modules import this one
    from .people.records import Mention, Token
    from .types import DateMention, Figure, Organization, Person, Place, Role

# A sentence ends at . ! ? … ; followed by space and an upper-case letter / digit / quote, or at a
# blank line. Abbreviations such as "TP." or "Q." before a capital are kept inside the sentence.
_SENT_END = re.compile(r"(?<![A-ZĐ]\.)(?<!\bTP\.)(?<!\bTT\.)(?<!\bTX\.)(?<!\bThS\.)(?<!\bTS\.)(?<!\bPGS\.)(?<!\bGS\.)(?<!\bBS\.)(?<=[.!?…])[\"”»)]?\s+(?=[\"“«(]?[A-ZĐÀ-Ỹ0-9])|\n\s*\n|\n")


@dataclass(eq=False)
class Document:
    text: Text
    site: str | None = None
    url: str | None = None
    # --- assigned by the pipeline's components (see nlp.pipeline.components()) ---
    places: list[Place] | None = None                       # "places", refined by "places.not_persons"
    dates: list[DateMention] | None = None                  # "dates"
    figures: list[Figure] | None = None                     # "figures"
    # why each number that is not a figure was turned down ((span, reason), for debugging and the UI)
    figure_rejections: list[tuple[tuple[int, int], str]] | None = None   # "figures"
    people_tokens: list[Token] | None = None                # "people.tokens"
    all_capitals: bool | None = None                        # "people.tokens": the text is written in capitals
    person_scorer: Callable | None = None                   # "people.model": (tokens, run) -> P(person)
    person_mentions: list[Mention] | None = None            # "people.names": every name mention, clustered
    person_of: dict[int, str] | None = None                 # "people.names": mention's first token → person name
    persons: list[Person] | None = None                     # "people.names"
    roles: list[Role] | None = None                         # "people.roles"
    organizations: list[Organization] | None = None         # "people.roles"

    @property
    def norm(self) -> str:
        return self.text.norm

    @property
    def canon(self) -> str:
        return self.text.canon

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """[start, end) spans of sentences in ``norm`` (whitespace trimmed)."""
        s = self.norm
        out: list[tuple[int, int]] = []
        pos = 0
        for m in _SENT_END.finditer(s):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, len(s)))
        res = []
        for a, b in out:
            while a < b and s[a].isspace():
                a += 1
            while b > a and s[b - 1].isspace():
                b -= 1
            if b > a:
                res.append((a, b))
        return res

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (a bisection: the sentences are sorted and disjoint), or the
        whole text when ``pos`` falls between sentences."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i >= 0:
            a, b = self.sentences[i]
            if pos < b:
                return a, b
        return 0, len(self.norm)
