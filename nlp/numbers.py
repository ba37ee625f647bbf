"""Numbers in Vietnamese news text: a light tokenizer and the parsers for written numerals
("1.234", "95,5", "2,5 triệu", "153 tỷ 900 triệu", "mười hai", "Sáu") shared by dates and figures.

Tokens carry [start, end) offsets into ``Document.norm`` (NFC) and a comparison form ``low``
(tone placement folded, lower case) so that "Thành uỷ" and "Thành ủy" read the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import rows
from .text import canon

# number: digits with inner thousands dots / decimal commas; word: letters (a "m2"/"km²" unit glued
# to its exponent stays one word, "héc-ta" keeps its hyphen); anything else one punctuation char.
_TOKEN = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>(?:[kc]?m[23²³](?![^\W_]))|[^\W\d_]+(?:-[^\W\d_]+)*)"
    r"|(?P<punct>\S)"
)


@dataclass(frozen=True)
class Token:
    kind: str      # "num", "word" or "punct"
    start: int
    end: int
    text: str      # NFC surface
    low: str       # canon, lower case
    space_before: bool  # whitespace (or text start) right before the token


def tokenize(norm: str, canon_text: str | None = None, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``norm[start:end]`` with offsets into ``norm``."""
    if end is None:
        end = len(norm)
    ct = canon_text if canon_text is not None else canon(norm)
    out: list[Token] = []
    for m in _TOKEN.finditer(norm, start, end):
        a, b = m.span()
        low = ct[a:b].lower()
        if len(low) != b - a:   # a rare char whose lower case changes length
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in ct[a:b])
        out.append(Token(m.lastgroup or "punct", a, b, norm[a:b], low, a == 0 or norm[a - 1].isspace()))
    return out


def _data_lines(name: str) -> list[str]:
    """Non-comment lines of a figures data file, NFC, tone placement folded, lower case."""
    return ["\t".join(canon(c).lower() for c in r) for r in rows("figures", name)]


@lru_cache(maxsize=None)
def lexicon(name: str) -> frozenset[str]:
    """A one-column data file as a set of canonical lower-case entries."""
    return frozenset(_data_lines(name))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, tuple[str, ...]]:
    """A TAB-separated data file as {first column: other columns}."""
    return {cols[0]: tuple(cols[1:]) for cols in (ln.split("\t") for ln in _data_lines(name))}


@lru_cache(maxsize=None)
def number_words() -> dict[str, tuple[int, str]]:
    return {w: (int(v), role) for w, (v, role) in table("number_words.tsv").items()}


SCALES = {canon(w).lower(): v for w, v in (("nghìn", 1000), ("ngàn", 1000), ("vạn", 10000),
                                            ("triệu", 10**6), ("tỷ", 10**9), ("tỉ", 10**9))}


def parse_digits(s: str) -> float | int | None:
    """Value of a written number: thousands dots, decimal comma ("1.245,6" → 1245.6).
    Returns None for shapes that are not a quantity (irregular dot groups such as phone numbers)."""
    if "," in s and "." in s:
        intpart, _, frac = s.rpartition(",")
        groups = intpart.split(".")
        if not all(len(g) == 3 for g in groups[1:]) or "," in intpart:
            return None
        return _num(intpart.replace(".", "") + "." + frac)
    if "," in s:
        parts = s.split(",")
        if len(parts) != 2:
            return None
        return _num(parts[0] + "." + parts[1])
    if "." in s:
        parts = s.split(".")
        if all(len(g) == 3 for g in parts[1:]) and len(parts[0]) <= 3:
            return _num("".join(parts))
        if len(parts) == 2 and len(parts[1]) <= 2 and len(parts[0]) <= 3:
            return _num(s)      # a decimal point as some sites write it ("1.5 tỷ")
        return None
    return _num(s)


def _num(s: str) -> float | int:
    v = float(s)
    return int(v) if v.is_integer() and "." not in s else v


def tidy(v: float | int) -> float | int:
    """Integral floats become ints; others are rounded to cancel binary noise (2.5 * 10**6)."""
    if isinstance(v, float):
        r = round(v, 6)
        return int(r) if r.is_integer() else r
    return v


@dataclass(frozen=True)
class Numeral:
    value: float | int
    first: int          # index of the first token
    last: int           # index of the last token (inclusive)
    words: bool         # written in words ("mười hai")
    scaled: bool        # a scale word (nghìn, triệu, tỷ) was applied
    scale: int = 1      # the first scale word's multiplier (a range's first bound borrows it)


def read_numeral(toks: list[Token], i: int) -> Numeral | None:
    """The numeral starting at token ``i`` ("1.812 tỷ", "153 tỷ 900 triệu", "hai mươi lăm"),
    or None when token ``i`` does not start one."""
    t = toks[i]
    if t.kind == "num":
        v = parse_digits(t.text)
        if v is None:
            return None
        j = i
        scaled = False
        first_scale = 1
        if j + 1 < len(toks) and toks[j + 1].low in SCALES:
            sc = SCALES[toks[j + 1].low]
            v = v * sc
            j += 1
            scaled = True
            # "nghìn tỷ": stacked scale words multiply
            while j + 1 < len(toks) and toks[j + 1].low in SCALES and SCALES[toks[j + 1].low] > sc:
                sc = sc * SCALES[toks[j + 1].low]
                v = v * SCALES[toks[j + 1].low]
                j += 1
            first_scale = sc
            # "153 tỷ 900 triệu", "1 triệu 200 nghìn": a smaller scaled part is added
            while (j + 2 < len(toks) and toks[j + 1].kind == "num" and toks[j + 2].low in SCALES
                   and SCALES[toks[j + 2].low] < sc):
                w = parse_digits(toks[j + 1].text)
                if w is None:
                    break
                sc = SCALES[toks[j + 2].low]
                v += w * sc
                j += 2
        return Numeral(tidy(v), i, j, False, scaled, first_scale)
    if t.kind != "word":
        return None
    return _read_number_words(toks, i)


def _read_number_words(toks: list[Token], i: int) -> Numeral | None:
    nw = number_words()
    seq: list[tuple[int, str]] = []
    j = i
    while j < len(toks) and toks[j].kind == "word" and toks[j].low in nw:
        seq.append(nw[toks[j].low])
        j += 1
    if not seq:
        return None
    # trim a trailing word that is not part of the numeral ("mười năm" = ten years)
    roles = [r for _, r in seq]
    while seq and roles[-1] == "digit_ambiguous" and not (len(roles) > 1 and roles[-2] == "zero"):
        seq.pop()
        roles.pop()   # but "một trăm linh năm" is 105
    if not seq:
        return None
    if roles[0] in ("unit_variant", "tens_suffix", "zero", "scale"):
        return None
    total = 0
    group = 0
    pending = 0
    prev = ""
    for k, (val, role) in enumerate(seq):
        if role in ("digit", "digit_ambiguous"):
            if prev in ("digit", "digit_ambiguous"):
                return _trimmed(toks, i, k)   # "hai ba" is not one numeral
            pending = val
        elif role == "ten":
            if prev in ("digit", "digit_ambiguous"):
                return _trimmed(toks, i, k)
            group += 10
        elif role == "tens_suffix":
            if prev not in ("digit", "digit_ambiguous"):
                return None
            group += pending * 10
            pending = 0
        elif role == "unit_variant":
            if prev not in ("ten", "tens_suffix", "zero"):
                return _trimmed(toks, i, k)
            group += val
        elif role == "hundred":
            group += (pending or 1) * 100
            pending = 0
        elif role == "zero":
            if prev != "hundred":
                return _trimmed(toks, i, k)
        elif role == "scale":
            total += (group + pending or 1) * val
            group = pending = 0
        prev = role
    total += group + pending
    scaled = any(r == "scale" for r in roles)
    return Numeral(total, i, i + len(seq) - 1, True, scaled)


def _trimmed(toks: list[Token], i: int, k: int) -> Numeral | None:
    """The numeral made of the first ``k`` words only."""
    if k <= 0:
        return None
    sub = toks[: i + k]
    return _read_number_words(sub, i)
