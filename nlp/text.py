"""Vietnamese text at the boundary: NFC with an offset map back to the input, tone-mark placement
folded to one convention, and diacritic folding for accent-less search.

Every extractor works on ``Text.norm`` (NFC, same length as ``Text.canon``) and reports spans
through ``Text.to_input_span`` so that ``input[start:end]`` is always the surface form.
"""
from __future__ import annotations

import html
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

_TONES = {"\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
# vowels carrying a shape diacritic: the tone goes on them whatever the convention
_SHAPED = set("ăâêôơưĂÂÊÔƠƯ")
_VOWELS = set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
_SYLLABLE = re.compile(r"\w+")
# scraped-text debris cleaned by Text.of: entities, zero-width marks, exotic spaces
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                 "\u200a\u202f\u205f\u3000"), " ")
_DEBRIS = re.compile("[&\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def _clean_piece(piece: str) -> str:
    return piece.translate(_ZERO_WIDTH).translate(_SPACES)


def _split_tone(ch: str) -> tuple[str, str]:
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
    return base, tone


@lru_cache(maxsize=65536)
def canon_syllable(syl: str) -> str:
    """Place the tone mark of one syllable by a fixed rule ("thuỷ" and "thủy" give the same
    string, of the same length). Non-Vietnamese tokens come back unchanged."""
    parts = [_split_tone(c) for c in syl]
    tones = [t for _, t in parts if t]
    if len(tones) != 1:
        return syl
    bases = [b for b, _ in parts]
    low = "".join(bases).lower()
    start = 0
    if low.startswith("qu") or (low.startswith("gi") and len(low) > 2 and low[2] in "aăâeêoôơuưy"):
        start = 2
    idx = [i for i in range(start, len(bases)) if bases[i] in _VOWELS]
    if not idx:
        idx = [i for i in range(len(bases)) if bases[i] in _VOWELS]
    if not idx:
        return syl
    # the vowel cluster is the first run of consecutive vowels
    cluster = [idx[0]]
    for i in idx[1:]:
        if i == cluster[-1] + 1:
            cluster.append(i)
        else:
            break
    shaped = [i for i in cluster if bases[i] in _SHAPED]
    final_consonant = cluster[-1] < len(bases) - 1
    if shaped:
        pos = shaped[-1]
    elif final_consonant:
        pos = cluster[-1]
    elif len(cluster) >= 3:
        pos = cluster[1]
    else:
        pos = cluster[0]
    tone = tones[0]
    out = []
    for i, b in enumerate(bases):
        out.append(unicodedata.normalize("NFC", b + tone) if i == pos else b)
    res = "".join(out)
    return res if len(res) == len(syl) else syl


def canon(s: str) -> str:
    """NFC text with every syllable's tone mark placed by one rule; same length as the input NFC."""
    return _SYLLABLE.sub(lambda m: canon_syllable(m.group(0)), s)


def fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    d = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in d if not unicodedata.combining(c))
    return (base or ch).lower()[:1] or ch


def fold(s: str) -> str:
    """Accent-less, lower-case form of NFC text, one char per char ("Đảng bộ" → "dang bo")."""
    return "".join(fold_char(c) for c in unicodedata.normalize("NFC", s))


def key(s: str) -> str:
    """Comparison key: NFC, tone placement folded, lower case, whitespace collapsed."""
    return " ".join(canon(unicodedata.normalize("NFC", s)).lower().split())


@dataclass(frozen=True)
class Text:
    """An input string with its NFC form and the offset map between them."""
    original: str
    norm: str                    # NFC
    canon: str                   # NFC, tone placement folded; len(canon) == len(norm)
    _starts: Sequence[int]       # _starts[i] = input offset of norm[i]; one sentinel at the end

    @classmethod
    def of(cls, original: str) -> "Text":
        """NFC of ``original``; scraped-text debris is cleaned at the same time, with offsets kept:
        HTML entities left in the text ("&nbsp;", "&amp;", "&#7889;") become the character they
        stand for, zero-width characters and soft hyphens are dropped, and no-break or other
        exotic spaces become a plain space (so that "Nguyễn&nbsp;Văn Hải" is one name).

        Line by line: a line already clean (NFC, no debris, no combining mark) is taken whole, only the others are
        rebuilt character by character; the offset map is a ``range`` when nothing changed and an
        ``array`` of machine integers otherwise (8 bytes a character, never a tuple of objects)."""
        if unicodedata.is_normalized("NFC", original) and not _DEBRIS.search(original):
            return cls(original, original, canon(original), range(len(original) + 1))
        pieces: list[str] = []
        starts = array("q")
        for a, b in _segments(original):
            seg = original[a:b]
            if (unicodedata.is_normalized("NFC", seg) and not _DEBRIS.search(seg)
                    and not any(map(unicodedata.combining, seg))):   # a mark maps to its letter's offset
                pieces.append(seg)
                starts.extend(range(a, b))
            else:
                _rebuild(original, a, b, pieces, starts)
        starts.append(len(original))
        n = "".join(pieces)
        return cls(original, n, canon(n), starts)

    def to_input_span(self, start: int, end: int) -> tuple[int, int]:
        """[start, end) in ``norm`` → [start, end) in ``original``."""
        return self._starts[start], self._starts[end]

    def surface(self, start: int, end: int) -> str:
        """NFC surface of a ``norm`` span (what output strings carry)."""
        return self.norm[start:end]


def _segments(s: str):
    """[a, b) spans covering ``s``, each ending after a line break that no combining mark follows
    (so a character and its marks never straddle two segments)."""
    a, L = 0, len(s)
    while a < L:
        b = s.find("\n", a)
        while b >= 0 and b + 1 < L and unicodedata.combining(s[b + 1]):
            b = s.find("\n", b + 1)
        b = L if b < 0 else b + 1
        yield a, b
        a = b


def _rebuild(original: str, i: int, end: int, pieces: list[str], starts: array) -> None:
    """NFC and cleaned text of ``original[i:end]``, a character and its combining marks at a time,
    appended to ``pieces`` with the input offset of each output character in ``starts``."""
    while i < end:
        ch = original[i]
        if ch == "&":
            m = _ENTITY.match(original, i)
            if m:
                dec = _clean_piece(html.unescape(m.group(0)))
                if dec != m.group(0):
                    dec = unicodedata.normalize("NFC", dec)
                    starts.extend(i for _ in dec)
                    pieces.append(dec)
                    i = m.end()
                    continue
        j = i + 1
        while j < end and unicodedata.combining(original[j]):
            j += 1
        piece = _clean_piece(unicodedata.normalize("NFC", original[i:j]))
        starts.extend(i for _ in piece)
        pieces.append(piece)
        i = j
