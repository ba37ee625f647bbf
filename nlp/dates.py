"""Dates, years, periods and terms in Vietnamese news text, with ISO 8601 values where known.

kinds: "date" ("15/3/2022", "ngày 15 tháng 3 năm 2022", "Sáng ngày 15/3", "tháng 9/2023",
"quý III/2023"), "year" ("năm 2023"), "period" ("Từ năm 2015 đến nay", "6 tháng đầu năm 2024",
"giai đoạn 2021-2025", "(27/7/1947 – 27/7/2023)") and "term" ("nhiệm kỳ 2020 - 2025", "khóa XX",
"năm học 2024 - 2025"). Values: "2022-03-15", "2023-09", "2023", "2015/.." (open end),
"2020/2025", "2024-01/2024-06"; "" when the text does not say the year.
"""
from __future__ import annotations

import bisect
import heapq

import re

from .lexicon import words as word_set
from .doc import Document
from .numbers import lexicon, table
from .text import canon
from .types import DateMention

_D = r"(?P<d>[0-3]?\d)"
_M = r"(?P<m>[01]?\d)"
_Y = r"(?P<y>(?:1[89]|20)\d\d)"
_DASH = r"\s*[-–—]\s*"
_ROMAN = r"[IVXLC]+"
_TOD = r"(?:(?:rạng\s+)?sáng|trưa|chiều|tối|đêm|hôm)"

# each entry: (kind, compiled pattern, value builder, left context, left context required); tried in
# this order, earlier matches win. Patterns start at their digits (fast); the words before a date
# ("Sáng ngày", "đợt", "từ") are matched by the left-context pattern on the few characters before it.
_PATTERNS: list[tuple[str, re.Pattern, str, re.Pattern | None, bool]] = []


def _p(kind: str, rx: str, how: str, left: str | None = None, required: bool = False) -> None:
    _PATTERNS.append((kind, re.compile(rx, re.IGNORECASE), how,
                      re.compile(rf"(?:{left})$", re.IGNORECASE) if left else None, required))


_YEAR_RANGE = rf"(?P<y1>(?:1[89]|20)\d\d){_DASH}(?P<y2>(?:1[89]|20)\d\d)\b"
# terms (a period that opens with a term first: "Từ đầu nhiệm kỳ 2020 - 2025 đến nay")
_p("period", rf"\b[Tt]ừ\s+đầu\s+nhiệm\s+kỳ(?:\s+{_YEAR_RANGE})?\s+(?:đến\s+nay|tới\s+nay)", "yrange_opt")
_p("term", rf"\b(?:nhiệm\s+kỳ|năm\s+học|niên\s+khóa|niên\s+khoá|khóa\s+học|khoá\s+học)\s+{_YEAR_RANGE}", "yrange")
_p("term", rf"\b(?:khóa|khoá)\s+(?:{_ROMAN}|\d{{1,2}})\b(?!\s*[-–]\s*\d)", "empty")
# periods
_p("period", rf"\b(?:giai\s+đoạn|thời\s+kỳ|thời\s+gian)\s+{_YEAR_RANGE}", "yrange")
_p("period", r"\b[Tt]ừ\s+(?:đầu\s+|cuối\s+|giữa\s+)?năm\s+(?P<y1>(?:1[89]|20)\d\d)\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+(?P<y2>(?:1[89]|20)\d\d)", "yrange")
_p("period", rf"\b[Tt]ừ\s+(?:đầu\s+|cuối\s+|giữa\s+)?năm\s+{_Y}\s+(?:đến\s+nay|tới\s+nay|đến\s+hiện\s+nay|trở\s+lại\s+đây)", "yopen")
_p("period", rf"\b(?P<n>\d{{1,2}}|sáu|chín|ba)\s+tháng\s+(?P<half>đầu|cuối)\s+năm(?:\s+{_Y})?", "months")
_p("period", rf"\b(?:[Nn]ửa|[Qq]uý)\s+(?P<half>đầu|cuối)\s+năm(?:\s+{_Y})?", "half")
_p("period", rf"\b[Qq]uý\s+(?P<q>{_ROMAN}|[1-4])\s*(?:/|năm\s+){_Y}", "quarter")
_p("period", r"\b[Qq]uý\s+(?P<q>IV|I{1,3})\b(?!\s*/)", "quarter_noyear")
_p("period", rf"\(\s*{_D}/{_M}/{_Y}{_DASH}(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)/(?P<y2>(?:1[89]|20)\d\d)\s*\)", "drange")
_p("period", rf"(?<![\d/.,]){_D}\s*[-–]\s*(?P<d2>[0-3]?\d)/{_M}(?:/{_Y})?(?![\d/.,]*\d)", "ddrange",
   rf"\b(?:{_TOD}\s+)?(?:ngày|từ|trong)\s+(?:ngày\s+)?", True)
_p("period", rf"\(\s*{_YEAR_RANGE}\s*\)", "yrange")
_p("period", rf"(?<![\d/.,])\b{_YEAR_RANGE}(?![\d/]|[.,]\d)", "yrange")
# dates
_p("date", rf"(?<![\d/.,]){_D}\s+tháng\s+{_M}\s+năm\s+{_Y}", "dmy", rf"\b(?:{_TOD}\s+)?(?:ngày\s+)?|\bngày\s+")
_p("date", rf"(?<![\d/.,]){_D}[/.-]{_M}[/.-]{_Y}(?![\d/.,]*\d)", "dmy", rf"\b{_TOD}\s+(?:ngày\s+)?|\bngày\s+")
_p("date", rf"(?<![\d/.,]){_D}\s+tháng\s+{_M}\b", "dm", rf"\b(?:{_TOD}\s+)?ngày\s+", True)
_p("date", rf"\btháng\s+{_M}\s*(?:/|năm\s+){_Y}\b", "my")
_p("date", rf"(?<![\d/.,])(?P<dm>{_D}/{_M})(?![\d/.,]*\d)", "dm",
   rf"\b(?:{_TOD}\s+)?(?:ngày|{_TOD}|đợt|dịp|từ|đến|tới|trước|sau|vào)\s+", True)
_p("date", rf"\(\s*(?P<dm>{_D}/{_M})\s*\)", "dm")   # "Sáng nay (15/3)", "Thứ Hai (2/12)"
_p("date", r"\btháng\s+(?P<m>1[0-2]|0?[1-9])\b(?!\s*/\s*\d)(?![.,]\d)", "m")
# bare years
_p("year", rf"\bnăm\s+{_Y}\b(?![.,]\d)", "y")
_p("year", rf"(?<![\d.,/]){_Y}(?![\d/]|[.,]\d)", "y_bare")

_ROMAN_VAL = {"I": 1, "II": 2, "III": 3, "IV": 4}


def find_dates(doc: Document) -> list[DateMention]:
    """Every date, year, period and term in ``doc.norm`` (spans in NFC coordinates), in text order,
    without overlaps (the longest, earliest-listed pattern wins)."""
    s = doc.norm
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for kind, rx, how, left, required in _PATTERNS:
        new: list[tuple[int, int]] = []   # this pattern's spans, in text order: merged into taken after
        for m in rx.finditer(s):
            a, b = m.span()
            if left is not None:
                lm = left.search(s, max(0, a - 24), a)
                if lm is not None and lm.end() == a and lm.start() < a:
                    a = lm.start()
                elif required:
                    continue
            k = bisect.bisect_left(taken, (b,))      # taken spans are disjoint: only the last one
            if k > 0 and taken[k - 1][1] > a:         # starting before b can reach into [a, b)
                continue
            if new and new[-1][1] > a:                # and of this pattern's, the last one
                continue
            value = _value(m, how)
            if value is None:
                continue
            if how == "y_bare" and _bare_year_is_count(s, b):
                continue
            new.append((a, b))
            out.append(DateMention(text=s[a:b], span=(a, b), value=value, kind=kind))
        if new:   # one merge per pattern, not an insertion per date (linear in the text's length)
            taken = list(heapq.merge(taken, new))
    out.sort(key=lambda d: d.span)
    out = _years_from_sentence(doc, out)
    return out


_NO_YEAR = re.compile(rf"(?P<n>\d{{1,2}}|sáu|chín|ba)?\s*(?:tháng|(?P<nua>nửa))\s+(?P<half>đầu|cuối)\s+năm$"
                      rf"|quý\s+(?P<q>{_ROMAN}|[1-4])$", re.IGNORECASE)


def _years_from_sentence(doc: Document, mentions: list[DateMention]) -> list[DateMention]:
    """"6 tháng đầu năm, … 6 tháng cuối năm 2024": a period without its year takes the year the
    same sentence gives (the nearest one)."""
    out = []
    by_start = sorted(mentions, key=lambda o: o.span[0])   # the sentence's mentions by bisection
    starts = [o.span[0] for o in by_start]
    for d in mentions:
        m = _NO_YEAR.search(d.text) if d.kind == "period" and not d.value else None
        if m is None:
            out.append(d)
            continue
        sa, sb = doc.sentence_at(d.span[0])
        years = [(abs(o.span[0] - d.span[0]), o.value[:4])
                 for o in by_start[bisect.bisect_left(starts, sa):bisect.bisect_left(starts, sb)]
                 if o is not d and re.match(r"\d{4}", o.value)]
        if not years:
            out.append(d)
            continue
        y = min(years)[1]
        g = m.groupdict()
        if g.get("q"):
            q = g["q"].upper()
            qn = _ROMAN_VAL.get(q) or (int(q) if q.isdigit() else 0)
            value = f"{y}-{3 * qn - 2:02d}/{y}-{3 * qn:02d}" if 1 <= qn <= 4 else ""
        else:
            n = 6 if g.get("nua") else ({"sáu": 6, "chín": 9, "ba": 3}.get((g.get("n") or "").lower())
                                          or int(g["n"]) if g.get("n") else 0)
            first = g["half"].lower() == "đầu"
            value = "" if not 1 <= n <= 12 else (f"{y}-01/{y}-{n:02d}" if first else f"{y}-{13 - n:02d}/{y}-12")
        out.append(DateMention(text=d.text, span=d.span, value=value, kind=d.kind))
    return out


_NEXT_WORDS = re.compile(r"\s+(\w+)(?:\s+(\w+))?")
_TIME_UNITS = word_set("dates", "time_units.txt")


def _bare_year_is_count(s: str, end: int) -> bool:
    """"2000 hộ", "1900 đảng viên": a quantity that happens to look like a year (a countable head
    or a measure word other than a time unit follows)."""
    m = _NEXT_WORDS.match(s, end)
    if not m:
        return False
    one = canon(m.group(1)).lower()
    two = f"{one} {canon(m.group(2)).lower()}" if m.group(2) else ""
    heads = lexicon("count_heads.txt")
    measure = table("measure_units.tsv")
    return (one in heads or two in heads or (one in measure and one not in _TIME_UNITS))


def _value(m: re.Match, how: str) -> str | None:
    g = m.groupdict()
    try:
        if how == "dmy":
            d, mo, y = int(g["d"]), int(g["m"]), int(g["y"])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return None
            return f"{y:04d}-{mo:02d}-{d:02d}"
        if how == "dm":
            d, mo = int(g["d"]), int(g["m"])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return None
            return ""
        if how == "my":
            mo, y = int(g["m"]), int(g["y"])
            return f"{y:04d}-{mo:02d}" if 1 <= mo <= 12 else None
        if how == "m":
            return ""
        if how in ("y", "y_bare"):
            return g["y"]
        if how == "yrange":
            y1, y2 = int(g["y1"]), int(g["y2"])
            return f"{y1}/{y2}" if y1 <= y2 <= y1 + 50 else None
        if how == "yrange_opt":
            return f"{g['y1']}/.." if g.get("y1") else ""   # from the term's start until now
        if how == "yopen":
            return f"{g['y']}/.."
        if how == "months":
            n = g["n"].lower()
            n = {"sáu": 6, "chín": 9, "ba": 3}.get(n, None) if not n.isdigit() else int(n)
            if not n or n > 12:
                return None
            y = g.get("y")
            if not y:
                return ""
            if g["half"].lower() == "đầu":
                return f"{y}-01/{y}-{n:02d}"
            return f"{y}-{13 - n:02d}/{y}-12"
        if how == "half":
            y = g.get("y")
            if not y:
                return ""
            return f"{y}-01/{y}-06" if g["half"].lower() == "đầu" else f"{y}-07/{y}-12"
        if how == "quarter":
            q = g["q"].upper()
            qn = _ROMAN_VAL.get(q) or (int(q) if q.isdigit() else 0)
            if not 1 <= qn <= 4:
                return None
            y = g["y"]
            return f"{y}-{3 * qn - 2:02d}/{y}-{3 * qn:02d}"
        if how == "ddrange":
            d1, d2, mo = int(g["d"]), int(g["d2"]), int(g["m"])
            if not (1 <= d1 < d2 <= 31 and 1 <= mo <= 12):
                return None
            y = g.get("y")
            return f"{y}-{mo:02d}-{d1:02d}/{y}-{mo:02d}-{d2:02d}" if y else ""
        if how == "quarter_noyear":
            return ""
        if how == "drange":
            a = f"{int(g['y']):04d}-{int(g['m']):02d}-{int(g['d']):02d}"
            b = f"{int(g['y2']):04d}-{int(g['m2']):02d}-{int(g['d2']):02d}"
            return f"{a}/{b}"
        if how == "empty":
            return ""
    except (TypeError, ValueError):
        return None
    return None
