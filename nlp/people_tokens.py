"""Word and punctuation tokens of a document for the people extractor, with ``norm`` offsets.

Newlines are kept as tokens (a byline is a line; a name never runs over a line break) and "đ/c"
is one token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import Document
from .people_lexicon import word_key

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\n|[^\w\s]")
_VOWEL = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str        # NFC surface
    key: str         # canonical lower case
    is_word: bool
    cap: bool        # starts with an upper-case letter
    upper: bool      # all letters upper case (2+ letters)


def _has_vowel(s: str) -> bool:
    from unicodedata import normalize
    return any(c in _VOWEL for c in normalize("NFD", s))


def tokenize(doc: Document) -> list[Token]:
    """Tokens of ``doc.norm`` (cached in ``doc.cache``)."""
    cached = doc.cache.get("people.tokens")
    if cached is not None:
        return cached
    s = doc.norm
    raw = [(m.start(), m.end()) for m in _TOKEN.finditer(s)]
    out: list[Token] = []
    i = 0
    while i < len(raw):
        a, b = raw[i]
        if (i + 2 < len(raw) and s[a:b] in ("đ", "Đ") and s[raw[i + 1][0]:raw[i + 1][1]] == "/"
                and s[raw[i + 2][0]:raw[i + 2][1]] in ("c", "C") and raw[i + 2][0] == b + 1):
            b = raw[i + 2][1]
            i += 3
        else:
            i += 1
        t = s[a:b]
        w = t[0].isalnum() or t[0] == "_"
        letters = [c for c in t if c.isalpha()]
        out.append(Token(
            a, b, t, word_key(t), w,
            cap=w and t[0].isupper(),
            upper=w and len(letters) >= 2 and all(c.isupper() for c in letters),
        ))
    doc.cache["people.tokens"] = out
    return out


def is_syllable(t: Token) -> bool:
    """A token that can be part of a personal name: letters (and an apostrophe), with a vowel."""
    txt = t.text.replace("’", "'")
    core = txt.replace("'", "")
    return t.is_word and core.isalpha() and (_has_vowel(core) or len(core) == 1)
