"""Word and punctuation tokens of a document for the people extractor, with ``norm`` offsets.

Newlines are kept as tokens (a byline is a line; a name never runs over a line break) and "đ/c"
is one token.
"""
from __future__ import annotations

from functools import lru_cache
from unicodedata import normalize

from ..doc import Document
from ..lexicon import rows
from ..tokens import is_word, phrase_keys, scan, word_key
from .lexicon import lexicons, name_syllables
from .records import Token

_VOWEL = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_DOTTED_CENTRAL = ("Ư", "W")   # the second letter of "T.Ư" / "T.W" (Trung ương)


@lru_cache(maxsize=65536)
def _has_vowel(s: str) -> bool:
    return any(c in _VOWEL for c in normalize("NFD", s))


def tokenize(doc: Document) -> list[Token]:
    """Tokens of ``doc.norm``: the "people.tokens" stage (assigns ``doc.people_tokens`` and
    ``doc.all_capitals``; a second call returns the tokens already assigned)."""
    if doc.people_tokens is not None:
        return doc.people_tokens
    s = doc.norm
    raw = [m.span() for m in scan(s, layout=True)]   # a tab separates table cells
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
        elif (i + 2 < len(raw) and s[a:b] == "T" and s[raw[i + 1][0]:raw[i + 1][1]] == "."
              and raw[i + 1][0] == b and raw[i + 2][0] == raw[i + 1][1]
              and s[raw[i + 2][0]:raw[i + 2][1]] in _DOTTED_CENTRAL):
            # "T.Ư", "T.W": "Trung ương" abbreviated with a dot is one word, read like "TƯ"/"TW"
            b = raw[i + 2][1]
            i += 3
        elif (i + 2 < len(raw) and s[raw[i + 1][0]:raw[i + 1][1]] == "-" and raw[i + 1][0] == b
              and raw[i + 2][0] == raw[i + 1][1] and _latin_name_part(s[a:b]) and _latin_name_second(s[raw[i + 2][0]:raw[i + 2][1]])):
            # "Diaz-Canel", "Jean-Pierre", "Jong-un": a hyphenated Western or Korean name is one word
            # (Latin letters only, so "NN-PTNT" and Vietnamese compounds stay apart)
            b = raw[i + 2][1]
            i += 3
        else:
            i += 1
        glued = _glued_credit(s[a:b])
        if glued:
            # "Minh PhươngTheo Reuters": a byline run into the source line is two words
            out.append(_token(s, a, a + glued))
            a += glued
        out.append(_token(s, a, b))
    caps = all_capitals(out)
    if caps:
        _lower_common_words(out)
    doc.all_capitals = caps
    doc.people_tokens = out
    return out


_CREDIT_WORDS = ("Theo", "Nguồn", "Ảnh")


def _glued_credit(t: str) -> int:
    """Length of the word before a credit word glued to it ("PhươngTheo" → 6), else 0."""
    for c in _CREDIT_WORDS:
        if len(t) > len(c) + 1 and t.endswith(c) and t[-len(c) - 1].islower() and t[0].isupper():
            return len(t) - len(c)
    return 0


def _token(s: str, a: int, b: int) -> Token:
    t = s[a:b]
    w = is_word(t)
    # str.isupper(): every cased letter upper case, at least one; "2+ letters" rules out "A", "Y"
    upper = w and len(t) >= 2 and t.isupper() and sum(c.isalpha() for c in t) >= 2
    k = word_key(t.replace(" ", "").replace(".", "")) if "." in t else word_key(t.replace(" ", ""))
    return Token(a, b, t, k, w, w and t[0].isupper(), upper)


def _lower_common_words(toks: list[Token]) -> None:
    """In a text written wholly in capitals, a common two-syllable word none of whose syllables names
    people, places or bodies ("CHO BIẾT", "ĐỀ NGHỊ", "TIẾP TỤC") reads as lower case, so that names
    of bodies and persons end before it as they do in ordinary text."""
    from ..figures import _in_dict   # the Viet74K list of common Vietnamese words
    keep = _name_or_body_syllables()
    lx = lexicons()
    keys = [t.key for t in toks]
    for i, t in enumerate(toks):
        # the words that end an organization name in ordinary text ("ĐÃ", "ĐƯỢC", "VỀ", "GIỮ CHỨC")
        m = lx.org_stop.match(keys, i) or lx.triggers.match(keys, i)
        if m and t.upper and keys[i] not in name_syllables():
            for x in toks[i:m[0]]:
                x.cap = x.upper = False
    for a, b in zip(toks, toks[1:]):
        if a.upper and b.upper and a.end + 1 == b.start and a.key not in keep and b.key not in keep \
                and _in_dict(a.key + " " + b.key):
            a.cap = a.upper = b.cap = b.upper = False


@lru_cache(maxsize=1)
def _name_or_body_syllables() -> frozenset[str]:
    lx = lexicons()
    out = set(name_syllables())
    for name in lx.admin_names:
        out.update(name.split())
    for fn in ("org_heads.tsv", "titles.tsv", "commissions.txt", "admin_units.tsv", "honorifics.txt",
               "ranks.txt", "abbreviations.tsv", "org_vocab.txt", "org_words.txt"):
        for r in rows("people", fn):
            out.update(phrase_keys(r[0]))
    return frozenset(out)


def _latin_name_part(w: str) -> bool:
    """A capitalised word of plain Latin letters, not an acronym ("Diaz", "Canel"; not "NN", "Hà")."""
    return len(w) >= 2 and w.isascii() and w.isalpha() and w[0].isupper() and not w.isupper()


def _latin_name_second(w: str) -> bool:
    """The part after the hyphen: capitalised ("Canel") or, in a Korean given name, lower case
    ("Jong-un", "Jae-myung", "Suk-yeol")."""
    return _latin_name_part(w) or (2 <= len(w) <= 6 and w.isascii() and w.isalpha() and w.islower())


def is_syllable(t: Token) -> bool:
    """A token that can be part of a personal name: letters (and an apostrophe), with a vowel."""
    txt = t.text.replace("’", "'").replace("-", "") if "-" in t.text else t.text.replace("’", "'")
    core = txt.replace("'", "").replace(" ", "")
    return t.is_word and core.isalpha() and (_has_vowel(core) or len(core) == 1)


def all_capitals(toks: list[Token]) -> bool:
    """A text written wholly in capitals: capital letters no longer mark names."""
    words = [t for t in toks if t.is_word and any(c.isalpha() for c in t.text)]
    return len(words) >= 12 and sum(t.upper or (len(t.text) == 1 and t.text.isupper()) for t in words) >= 0.9 * len(words)
