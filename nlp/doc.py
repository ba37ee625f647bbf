"""One article being read: its Text, sentence spans, and what the caller knows about its source."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .text import Text

# A sentence ends at . ! ? … ; followed by space and an upper-case letter / digit / quote, or at a
# blank line. Abbreviations such as "TP." or "Q." before a capital are kept inside the sentence.
_SENT_END = re.compile(r"(?<![A-ZĐ]\.)(?<!\bTP\.)(?<!\bTT\.)(?<!\bTX\.)(?<!\bThS\.)(?<!\bTS\.)(?<!\bPGS\.)(?<!\bGS\.)(?<!\bBS\.)(?<=[.!?…])[\"”»)]?\s+(?=[\"“«(]?[A-ZĐÀ-Ỹ0-9])|\n\s*\n|\n")


@dataclass
class Document:
    text: Text
    site: str | None = None
    url: str | None = None
    cache: dict = field(default_factory=dict)   # components may share intermediate results here

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

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for a, b in self.sentences:
            if a <= pos < b:
                return a, b
        return 0, len(self.norm)
