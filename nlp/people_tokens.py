"""Word and punctuation tokens of a document for the people extractor, with ``norm`` offsets.

Newlines are kept as tokens (a byline is a line; a name never runs over a line break) and "đ/c"
is one token.
"""
from __future__ import annotations

import re
from functools import lru_cache
from unicodedata import normalize

from .doc import Document
from .people_lexicon import word_key

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\n|\t|[^\w\s]")   # a tab separates table cells
_VOWEL = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")


class Token:
    """One token: [start, end) in ``norm``, its NFC text, comparison key and case flags."""
    __slots__ = ("start", "end", "text", "key", "is_word", "cap", "upper")

    def __init__(self, start: int, end: int, text: str, key: str, is_word: bool, cap: bool, upper: bool):
        self.start = start
        self.end = end
        self.text = text        # NFC surface
        self.key = key          # canonical lower case
        self.is_word = is_word
        self.cap = cap          # starts with an upper-case letter
        self.upper = upper      # all letters upper case (2+ letters)


@lru_cache(maxsize=65536)
def _has_vowel(s: str) -> bool:
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
        elif (i + 2 < len(raw) and s[a:b] in ("K", "H") and s[raw[i + 1][0]:raw[i + 1][1]] in ("'", "’")
              and raw[i + 1][0] == b and raw[i + 2][0] == raw[i + 1][1] + 1
              and s[raw[i + 1][1]] == " " and s[raw[i + 2][0]].isupper()):
            # "K' Brèo", "H' Yim": a K'Ho/Ê Đê name prefix written with a space is one syllable
            b = raw[i + 2][1]
            i += 3
        else:
            i += 1
        t = s[a:b]
        w = t[0].isalnum() or t[0] == "_"
        # str.isupper(): every cased letter upper case, at least one; "2+ letters" rules out "A", "Y"
        upper = w and len(t) >= 2 and t.isupper() and sum(c.isalpha() for c in t) >= 2
        out.append(Token(a, b, t, word_key(t.replace(" ", "")), w, w and t[0].isupper(), upper))
    doc.cache["people.tokens"] = out
    return out


def is_syllable(t: Token) -> bool:
    """A token that can be part of a personal name: letters (and an apostrophe), with a vowel."""
    txt = t.text.replace("’", "'")
    core = txt.replace("'", "").replace(" ", "")
    return t.is_word and core.isalpha() and (_has_vowel(core) or len(core) == 1)
