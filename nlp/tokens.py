"""The one word tokenizer of nlp and its comparison keys.

A word is a run of letters/digits, with inner apostrophes ("K'Bình", "H’Mông"); every other
non-space character is a token of its own. ``scan(s, layout=True)`` also returns line breaks and
tabs as tokens (a byline is a line, a table cell ends at a tab). A word's key is its NFC form with
the tone mark placed by one rule (``text.canon``), lower case, with ’ written '.

The components build their own token records from these spans (places add syllable variants, the
people tokenizer joins "đ/c"); the numeral lexer in ``numbers`` reads digits with separators
("1.812,5") and hyphenated unit words, which words here do not cover.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

from .text import canon

WORD = r"\w+(?:['’]\w+)*"
_WORD = re.compile(WORD)
_TOKEN = re.compile(WORD + r"|[^\w\s]")
_TOKEN_LAYOUT = re.compile(WORD + r"|\n|\t|[^\w\s]")
_PHRASE = re.compile(r"[đĐ]/[cC]|" + WORD + r"|[^\w\s]")


def scan(s: str, layout: bool = False) -> Iterator[re.Match]:
    """Word and punctuation tokens of ``s`` (as matches: ``.span()``, ``.group(0)``); with
    ``layout`` also each line break and tab."""
    return (_TOKEN_LAYOUT if layout else _TOKEN).finditer(s)


def is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def words(s: str) -> list[str]:
    """The words of ``s`` (punctuation dropped)."""
    return _WORD.findall(s)


@lru_cache(maxsize=65536)
def word_key(w: str) -> str:
    """Comparison form of one token: NFC, tone placement folded, lower case, ’ → '."""
    return canon(unicodedata.normalize("NFC", w)).lower().replace("’", "'")


def canon_key(canon_slice: str) -> str:
    """``word_key`` of a token read from ``Text.canon`` (already NFC and tone-placed)."""
    k = canon_slice.lower()
    return k.replace("’", "'") if "’" in k else k


def phrase_keys(phrase: str) -> tuple[str, ...]:
    """Keys of the tokens of a lexicon phrase ("đ/c" is one token)."""
    return tuple(word_key(w) for w in _PHRASE.findall(phrase))
