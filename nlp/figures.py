"""Figures: stated quantities with a normalised value and the counted or measured unit
(docs/FACTS.md, "figures"), each with its sentence, what it counts, its actor, period and qualifier.

How a number becomes a figure, per sentence:
1. a numeral is read ("1.812 tỷ", "153 tỷ 900 triệu", "mười hai", "2,5 triệu");
2. it is rejected when it is part of a date/year/term, an identifier or ordinal (the word before it
   is a label: "thứ", "số", "Điều", "Phường", "khóa", "Quốc lộ" …), a document number or code
   ("392-QĐ/QU", "ST25"), a phone number, or a time of day;
3. a second bound is read for ranges and fractions ("13-16", "từ 150 đến 200 triệu", "543/545");
4. the unit is read after it: "%" or a measure word (lexicon; per-unit forms "đồng/kg" kept whole),
   else the head of the noun phrase: a multi-word head from the lexicon, a classifier with its noun
   ("suất quà"), a dictionary word (Viet74K) or one noun syllable, stopping at verbs, prepositions
   and modifiers; a number with no noun before a "," or "và" borrows the next number's unit;
5. the same (value, unit) stated again is one figure (later mentions kept in ``mentions``).
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
import importlib.util
from pathlib import Path

from .doc import Document
from .lexicon import words as word_set
from .numbers import SCALES, Numeral, Token, lexicon, number_words, read_numeral, table, tidy, tokenize
from .text import canon
from .types import DateMention, Figure

_DASHES = {"-", "–", "—"}
_TOD_AFTER = word_set("figures", "time_of_day_after.txt")
_TIME_BEFORE = word_set("figures", "time_before.txt")
_DURATION_BEFORE = word_set("figures", "duration_before.txt")
_Y_TO_I = str.maketrans({"y": "i", "ý": "í", "ỳ": "ì", "ỷ": "ỉ", "ỹ": "ĩ", "ỵ": "ị"})
# "tổng số 300 đại biểu", "trong vòng 15 ngày", "dân số 28.000 người" (a population), "quân số":
# the label word is part of another expression here
_NOT_LABELS = word_set("figures", "not_labels.txt")
# a number these words link to the next one shares its unit ("98, giám sát 46 đảng viên",
# "từ 6.500 lên 7.200 đồng/kg", "giảm từ 21 xuống còn 15 hộ")
_BORROW_LINKS = word_set("figures", "borrow_links.txt")
# a counted noun phrase ends before these ("5 dự án trọng điểm | với tổng vốn …")
_NP_END = word_set("figures", "np_end.txt")
# verbs that introduce a measure ("đạt 95%", "chiếm 31,4%", "trị giá 500.000 đồng") and the words
# that open the clause subject before it ("tỉnh đã vận động | hơn 156 tỷ đồng")
_MEASURE_VERBS = word_set("figures", "measure_verbs.txt")
_SUBJECT_START = word_set("figures", "subject_start.txt")
# syllables that make a person noun of a verb ("hòa giải viên", "thực tập sinh", "tình nguyện viên")
_AGENT_SUFFIX = word_set("figures", "agent_suffixes.txt")
# "năm" after these is "year", not the numeral 5
_YEAR_BEFORE = word_set("figures", "year_before.txt")
_TONE_PLACEMENT_VARIES = re.compile("[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ]", re.IGNORECASE)
_CLAUSE_END = {";", ":", "(", ")", "?", "!", "\"", "“", "”"}


def viet74k_path() -> Path | None:
    """underthesea's Viet74K word list (found without importing underthesea: its package import
    costs a quarter second), or None when underthesea is not installed."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"


@lru_cache(maxsize=None)
def _dictionary() -> frozenset[str]:
    """Two- and three-syllable words of underthesea's Viet74K list (canonical, lower case)."""
    path = viet74k_path()
    if path is None:
        raise ModuleNotFoundError("underthesea is required (its Viet74K word list finds head nouns)")
    words = set()
    for line in unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).splitlines():
        w = line.strip()
        if 1 <= w.count(" ") <= 2:
            # only "oa/oe/uy" + tone can be spelled two ways; canon() on the rest is a slow no-op
            words.add((canon(w) if _TONE_PLACEMENT_VARIES.search(w) else w).lower())
    return frozenset(words)


def _lex(name: str) -> frozenset[str]:
    return lexicon(name)


def _measure() -> dict[str, tuple[str, ...]]:
    return table("measure_units.tsv")


def _in_dict(phrase: str) -> bool:
    d = _dictionary()
    if phrase in d:
        return True
    return phrase.translate(_Y_TO_I) in d


@dataclass
class _Unit:
    unit: str
    kind: str              # "percent", "money", "area", …, "count"
    first: int             # token indices [first, last]
    last: int


@dataclass
class _Cand:
    value: float | int
    unit: str
    kind: str
    start: int
    end: int
    qualifier: str
    counted: str
    weak: bool             # "một": kept only when the sentence counts the same unit elsewhere
    sent: tuple[int, int]
    mentions: list[tuple[int, int]] = field(default_factory=list)


def find_figures(doc: Document, dates: list[DateMention]) -> list[Figure]:
    """Every figure in ``doc.norm`` (spans in NFC coordinates), in text order, one per (value, unit).

    ``dates`` are the document's date mentions (``dates.find_dates``): numbers that belong to a date,
    a year or a term are not figures; a period's own duration ("6 tháng đầu năm") is."""
    blocked = _Blocked(_blocked_spans(doc.norm, dates))
    cands: list[_Cand] = []
    rejected: list[tuple[tuple[int, int], str]] = []
    for sa, sb in doc.sentences:
        toks = tokenize(doc.norm, doc.canon, sa, sb)
        cands.extend(_sentence_figures(toks, blocked, (sa, sb), rejected))
    # why each number that is not a figure was turned down, for debugging and the UI
    doc.figure_rejections = rejected
    return _finish(doc, cands, dates)


def _blocked_spans(norm: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    """Spans whose numbers are dates: whole dates, years and terms; inside a period, only its years
    and day/month numbers (its duration "6 tháng" stays a figure)."""
    out = []
    for d in dates:
        a, b = d.span
        if d.kind != "period":
            out.append((a, b))
            continue
        for m in re.finditer(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,])|\d{1,2}/\d{1,2}(?:/\d{4})?", norm[a:b]):
            out.append((a + m.start(), a + m.end()))
    return out


class _Blocked:
    """Spans sorted by start with the running maximum of their ends: whether a span overlaps one of
    them is a binary search, so a long text with many dates costs O(log n) per number, not O(n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [x for x, _ in spans]
        self.max_end: list[int] = []
        top = -1
        for _, y in spans:
            top = max(top, y)
            self.max_end.append(top)

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.starts, b)     # spans starting before b
        return k > 0 and self.max_end[k - 1] > a


def _overlaps(span: tuple[int, int], spans: _Blocked) -> bool:
    return spans.overlaps(*span)


def _prev_words(toks: list[Token], i: int, n: int) -> list[str]:
    """Up to ``n`` lower-case words right before token ``i`` (nearest last), stopping at punctuation."""
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < n and toks[j].kind == "word":
        out.insert(0, toks[j].low)
        j -= 1
    return out


def _rejection(toks: list[Token], i: int, num: Numeral, blocked) -> str:
    """Why the numeral at token ``i`` is not a quantity ("" when it may be one)."""
    t = toks[i]
    if _overlaps((t.start, toks[num.last].end), blocked):
        return "date"
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[num.last + 1] if num.last + 1 < len(toks) else None
    if t.kind == "num":
        if prev is not None and not t.space_before and (prev.kind == "word" or prev.text in _DASHES | {"/", "."}):
            return "code or document number"
        if nxt is not None and not nxt.space_before:
            if nxt.text in _DASHES | {"/"} and num.last + 2 < len(toks) and toks[num.last + 2].kind == "word" \
                    and not toks[num.last + 2].space_before and toks[num.last + 2].text[:1].isupper():
                return "document number"
            if nxt.kind == "word" and nxt.low not in _measure() and nxt.low not in SCALES and nxt.low != "h":
                return "code"
            if nxt.kind == "word" and nxt.low == "h":
                return "time of day"
        digits = t.text.replace(".", "").replace(",", "")
        if len(digits) >= 4 and digits.startswith("0") and "," not in t.text:
            return "phone number or code"
    words = _prev_words(toks, i, 3)
    labels = table("id_labels.txt")
    for k in (3, 2, 1):
        phrase = " ".join(words[-k:])
        if len(words) < k or phrase not in labels or " ".join(words[-2:]) in _NOT_LABELS:
            continue
        if k == 1 and len(words) >= 2 and phrase not in ("thứ", "số") and _in_dict(" ".join(words[-2:])):
            continue   # "giải quyết dứt điểm 49 đơn": the label syllable ends another word
        if len(words) > k and words[-k - 1] in ("mỗi", "từng"):
            continue   # "mỗi nhà 60 triệu đồng": an amount for each house, not house number 60
        if labels[phrase][:1] == ("cap",):
            if not toks[i - k].text[:1].isupper():
                continue   # "đã kết luận 7 tổ chức": the verb, not the document "Kết luận 7"
            u = _read_unit(toks, num.last + 1, words=num.words)
            dated = u is not None and u.unit == "ngày" and u.last + 1 < len(toks) and toks[u.last + 1].kind == "num"
            if u is not None and not dated:
                continue   # "Kế hoạch 5 năm": a plan's length, not "Kế hoạch 47" ("… 1234 ngày 5/6" is)
        return f"identifier after '{phrase}'"
    if num.words and t.text[:1].isupper() and prev is not None and prev.kind == "word" \
            and prev.text[:1].isupper():
        return "part of a name ('Bé Sáu', 'Hai Bà Trưng')"
    if t.kind == "num" and i >= 2 and _titled(prev) and toks[i - 2].kind == "word" and toks[i - 2].text[:1].isupper() \
            and not (nxt is not None and (nxt.text == "%" or nxt.low in _measure())):
        return "part of a name ('SEA Games 31', 'bản Nà Hẩu 2')"
    if prev is not None and prev.low in ("giờ", "h") and prev.end == t.start - (0 if not t.space_before else 1):
        return "time of day ('8 giờ 30', '19h30')"
    if words and words[-1] in ("hàng", "vài", "mấy", "dăm"):
        return "vague quantity"
    if words[-2:] == ["điện", "thoại"] or (words and words[-1] in ("hotline", "fax", "sđt", "đt")):
        return "phone number"
    if prev is not None and prev.text == ":" and i >= 2 and toks[i - 2].low in ("nóng", "thoại", "hotline", "fax"):
        return "phone number"
    return ""


def _titled(t: Token | None) -> bool:
    """A capitalised word that is not an acronym ("Games", "Hẩu"; not "UBND")."""
    return t is not None and t.kind == "word" and t.text[:1].isupper() and any(c.islower() for c in t.text)


def _sentence_figures(toks: list[Token], blocked, sent: tuple[int, int],
                      rejected: list[tuple[tuple[int, int], str]]) -> list[_Cand]:
    """Figure candidates of one sentence's tokens; turned-down numbers go to ``rejected``."""
    out: list[_Cand] = []
    i = 0
    n = len(toks)
    while i < n:
        num = read_numeral(toks, i) if toks[i].kind in ("num", "word") else None
        if num is None and toks[i].low == "năm":
            num = _nam_as_five(toks, i)
        if num is None:
            if toks[i].kind == "num":
                rejected.append(((toks[i].start, toks[i].end), "irregular digit groups (phone number or code)"))
            i += 1
            continue
        why = _rejection(toks, i, num, blocked)
        if why:
            total = _ordinal_total(toks, i, num, why, blocked)
            if total is not None:
                out.append(_Cand(total[0].value, total[1].unit, total[1].kind, toks[total[0].first].start,
                                 toks[total[1].last].end, "", _counted(toks, total[0].first, total[1], total[1].last),
                                 False, sent))
                i = total[1].last + 1
                continue
            rejected.append(((toks[i].start, toks[num.last].end), why))
            i = num.last + 1
            continue
        nums = [num]
        j = num.last + 1
        # a range or a fraction: "13-16", "10 - 11%", "từ 150 đến 200", "543/545"
        second = None
        fraction = False
        if j + 1 < n:
            sep = toks[j]
            if sep.text in _DASHES or sep.low in ("đến", "tới") or (sep.text == "/" and not sep.space_before):
                cand2 = read_numeral(toks, j + 1)
                if cand2 is not None and cand2.words == num.words and not _rejection(toks, j + 1, cand2, blocked).startswith("date"):
                    if sep.text == "/" and toks[j + 1].space_before:
                        cand2 = None
                    if cand2 is not None:
                        second = cand2
                        fraction = sep.text == "/"
                        j = cand2.last + 1
        if second is not None:
            nums.append(second)
            if second.scaled and not num.scaled:
                nums[0] = Numeral(tidy(num.value * second.scale), num.first, num.last, num.words, True, second.scale)
        unit = _read_unit(toks, j, words=num.words)
        if unit is None and nums[-1].scaled and j + 1 < n and toks[j].text == "/" and toks[j + 1].kind == "word":
            # "1,5 triệu/người/tháng": a scaled amount per unit is money in this genre
            unit = _per_unit(toks, _Unit("đồng", "money", j, j - 1))
        if unit is not None and unit.kind == "duration" and unit.unit == "giờ" and _time_of_day(toks, i, unit):
            rejected.append(((toks[i].start, toks[unit.last].end), "time of day"))
            i = unit.last + 1
            continue
        if unit is None:
            if fraction:
                rejected.append(((toks[i].start, toks[j - 1].end), "fraction or day/month without a counted noun"))
                i = j
                continue
            unit = _borrowed_unit(toks, j, blocked) or _unit_from_before(toks, i, j, out)
            if unit is None:
                rejected.append(((toks[i].start, toks[j - 1].end), "no counted or measured noun after the number"))
                i = j
                continue
            end_tok = j - 1
        else:
            end_tok = unit.last
        qual = _qualifier(toks, i) or _bound_after(toks, end_tok)
        counted = _counted(toks, i, unit, end_tok)
        if not counted and out and out[-1].sent == sent and unit.kind in ("percent", "multiplier", "money"):
            # "… đạt 98.650 tỷ đồng, tăng 11,7%": the change of the thing the sentence just measured
            verb = _prev_words(toks, i, 1)
            if verb and verb[0] in ("tăng", "giảm") and out[-1].counted:
                counted = f"mức {verb[0]} của {out[-1].counted}"
        start = toks[i].start
        if qual and not qual.startswith("trở"):   # the surface keeps its qualifier: "hơn 130 trại sinh"
            start = toks[i - len(qual.split()) - (1 if toks[i - 1].low == "từ" else 0)].start
        end = toks[end_tok].end
        weak = num.words and toks[i].low == "một" and num.value == 1 and not (qual and unit.kind == "duration")
        # ("hơn một năm nay" states a duration; a bare "một" is mostly the article "a")
        for nm in nums:
            out.append(_Cand(nm.value, unit.unit, unit.kind, start, end, qual, counted, weak, sent))
        i = end_tok + 1 if end_tok >= i else num.last + 1
    return out


def _nam_as_five(toks: list[Token], i: int) -> Numeral | None:
    """"Năm thôn, bốn bản": "năm" is the numeral 5 (not "year") before a countable head."""
    if i > 0 and (toks[i - 1].low in _YEAR_BEFORE or toks[i - 1].low in number_words()):
        return None   # "trong năm hộ nghèo giảm": the year
    heads = _lex("count_heads.txt")
    for size in range(4, 0, -1):
        seg = toks[i + 1:i + 1 + size]
        if len(seg) == size and all(x.kind == "word" for x in seg) and " ".join(x.low for x in seg) in heads:
            after = toks[i + 1 + size] if i + 1 + size < len(toks) else None
            if after is not None and after.kind == "num":
                return None   # "từ năm lớp 3": the year of a numbered grade, not five classes
            return Numeral(5, i, i, True, False)
    return None


def _ordinal_total(toks: list[Token], i: int, num: Numeral, why: str, blocked):
    """"xếp thứ 9/63 tỉnh": the rank is no figure, the total after the slash is."""
    j = num.last + 1
    if not why.startswith("identifier after 'thứ'") or j + 1 >= len(toks) or toks[j].text != "/":
        return None
    total = read_numeral(toks, j + 1)
    if total is None or toks[j + 1].kind != "num":
        return None
    unit = _read_unit(toks, total.last + 1)
    if unit is None:
        return None
    return total, unit


def _time_of_day(toks: list[Token], i: int, unit: _Unit) -> bool:
    """"lúc 20 giờ", "8 giờ 30 phút", "7 giờ sáng": a clock time, not a duration."""
    if unit.last + 2 < len(toks) and toks[unit.last + 1].low == "đồng" and toks[unit.last + 2].low == "hồ":
        return False     # "khoảng ba giờ đồng hồ": hours on the clock face are a duration
    words = _prev_words(toks, i, 2)
    if words and words[-1] in _DURATION_BEFORE and words[-1] not in _TIME_BEFORE:
        nxt = toks[unit.last + 1] if unit.last + 1 < len(toks) else None
        return nxt is not None and nxt.low in _TOD_AFTER
    if words and words[-1] in _TIME_BEFORE:
        return True
    nxt = toks[unit.last + 1] if unit.last + 1 < len(toks) else None
    return nxt is not None and (nxt.kind == "num" or nxt.low in _TOD_AFTER)


def _read_unit(toks: list[Token], k: int, words: bool = False) -> _Unit | None:
    """The unit written at token ``k`` (right after the numeral), or None."""
    n = len(toks)
    if k >= n:
        return None
    t = toks[k]
    measure = _measure()
    if t.text == "%":
        return _per_unit(toks, _Unit("%", "percent", k, k))
    if t.kind != "word":
        return None
    # a multi-word countable head that starts like a measure word ("đồng chí", "ngày công")
    heads = _lex("count_heads.txt")
    for size in range(6, 1, -1):
        if k + size <= n and all(x.kind == "word" for x in toks[k:k + size]) \
                and " ".join(x.low for x in toks[k:k + size]) in heads:
            return _count_unit(toks, k, k + size - 1)
    # a measure word, longest first ("đô la mỹ", "mét vuông", "ngày đêm")
    for size in (3, 2, 1):
        if k + size > n or any(x.kind != "word" for x in toks[k:k + size]):
            continue
        phrase = " ".join(x.low for x in toks[k:k + size])
        if phrase in measure:
            unit, kind = measure[phrase][0], measure[phrase][1]
            if unit == "tháng" and size == 1 and k + 1 < n and toks[k + 1].kind == "num":
                return None   # "ngày 5, 6 tháng 7": a day of a month, not a duration
            return _per_unit(toks, _Unit(unit, kind, k, k + size - 1))
    return _count_head(toks, k, words)


def _per_unit(toks: list[Token], u: _Unit) -> _Unit:
    """"đồng/người/năm", "%/năm", "đồng/kg": per-unit forms stay whole."""
    j = u.last + 1
    unit = u.unit
    while j + 1 < len(toks) and toks[j].text == "/" and toks[j + 1].kind == "word" and not toks[j + 1].space_before:
        m = _measure().get(toks[j + 1].low)
        unit += "/" + (m[0] if m else toks[j + 1].text.lower())
        j += 2
        # "bác sĩ/vạn dân", "ca/100.000 dân": a counted base after a number word
        if toks[j - 1].low in number_words() and j < len(toks) and toks[j].kind == "word":
            unit += " " + toks[j].text.lower()
            j += 1
    return _Unit(unit, u.kind, u.first, j - 1)


def _is_noun_start(t: Token) -> bool:
    if t.kind != "word":
        return False
    stop = _lex("np_stop.txt")
    return t.low not in stop


def _count_head(toks: list[Token], k: int, words: bool) -> _Unit | None:
    """The counted head noun at token ``k`` ("đảng viên" from "đảng viên mới được kết nạp")."""
    n = len(toks)
    t = toks[k]
    if not _is_noun_start(t) or not t.space_before:
        return None
    heads = _lex("count_heads.txt")
    # a multi-word head from the lexicon, longest first ("tổ chức cơ sở đảng", "người có công")
    for size in range(6, 1, -1):
        if k + size > n or any(x.kind != "word" for x in toks[k:k + size]):
            continue
        if " ".join(x.low for x in toks[k:k + size]) in heads:
            return _count_unit(toks, k, k + size - 1)
    if t.text[:1].isupper() and t.low not in heads:
        return None   # "Phường 5 Quận 3", a name or a title, not a counted noun
    # a classifier takes its noun: "suất quà", "bộ quần áo", "căn nhà"
    if t.low in _lex("classifiers.txt") and k + 1 < n and _is_noun_start(toks[k + 1]) \
            and not toks[k + 1].text[:1].isupper():
        end = _dict_word_end(toks, k + 1) or k + 1
        return _count_unit(toks, k, end)
    # a dictionary word of two or three syllables ("trường học", "du khách"), else one syllable
    non_nouns = _lex("non_nouns.txt")
    end = _dict_word_end(toks, k)
    if end is not None:
        if end + 1 < len(toks) and toks[end + 1].low in _AGENT_SUFFIX and toks[end + 1].kind == "word":
            return _count_unit(toks, k, end + 1)   # "hòa giải viên", "tuyên truyền viên"
        word = " ".join(x.low for x in toks[k:end + 1])
        if word in non_nouns or word in _lex("np_stop.txt"):
            return None   # "3 cảm ơn", "2 sẵn sàng": a verb or adjective is not a counted noun
        return _count_unit(toks, k, end)
    if t.low in heads:
        return _count_unit(toks, k, k)
    if words:
        return None   # "hai bên": a numeral in words needs a known head
    if t.low in number_words() or len(t.low) < 2 or t.low in non_nouns:
        return None
    return _count_unit(toks, k, k)


def _count_unit(toks: list[Token], a: int, b: int) -> _Unit:
    """The unit as the text spells it, lower case ("đảng viên", "nhà tình nghĩa"); a per-unit
    form stays whole ("bác sĩ/vạn dân")."""
    return _per_unit(toks, _Unit(" ".join(x.text.lower() for x in toks[a:b + 1]), "count", a, b))


def _dict_word_end(toks: list[Token], k: int) -> int | None:
    """Last token index of the longest 2-3 syllable dictionary word starting at ``k``."""
    stop = _lex("np_stop.txt")
    for size in (3, 2):
        if k + size > len(toks):
            continue
        seg = toks[k:k + size]
        if any(x.kind != "word" or x.text[:1].isupper() for x in seg):
            continue
        if any(x.low in stop for x in seg[1:]):
            continue
        if _in_dict(" ".join(x.low for x in seg)):
            return k + size - 1
    return None


def _borrowed_unit(toks: list[Token], j: int, blocked) -> _Unit | None:
    """"kiểm tra 98, giám sát 46 đảng viên", "Huy hiệu 30, 40 năm": a number followed by "," or
    "và" takes the unit of the next number in the same clause."""
    n = len(toks)
    if j >= n or not (toks[j].text == "," or toks[j].low in _BORROW_LINKS):
        return None
    k = j + 1
    steps = 0
    while k < n and steps < 6:
        t = toks[k]
        if t.text in _CLAUSE_END or t.text == ".":
            return None
        num = read_numeral(toks, k) if t.kind in ("num", "word") else None
        if num is not None and t.kind == "num":
            if _rejection(toks, k, num, blocked):
                return None
            u = _read_unit(toks, num.last + 1)
            if u is None:
                nxt = num.last + 1
                return _borrowed_unit(toks, nxt, blocked)
            return _Unit(u.unit, u.kind, j, j - 1)
        k += 1
        steps += 1
    return None


def _bound_after(toks: list[Token], end_tok: int) -> str:
    """"từ 14% trở lên", "150 đảng viên trở lên": an open bound written after the figure."""
    for k in range(end_tok + 1, min(end_tok + 4, len(toks) - 1)):
        if toks[k].kind != "word":
            return ""
        if toks[k].low == "trở" and toks[k + 1].low in ("lên", "xuống"):
            return f"trở {toks[k + 1].text.lower()}"
    return ""


def _unit_from_before(toks: list[Token], i: int, j: int, found: list[_Cand]) -> _Unit | None:
    """"khiển trách 12 trường hợp, cảnh cáo 4, cách chức 1": a bare number closing a list item
    takes the unit of the count just before it in the same enumeration."""
    if j < len(toks) and not (toks[j].text in {",", ";", ".", ")"} or toks[j].low in ("và", "hoặc")):
        return None
    if not found or found[-1].kind != "count":
        return None
    prev = found[-1]
    k = i - 1
    while k >= 0 and toks[k].end > prev.end:
        if toks[k].kind == "num":
            return None
        # a bracket may open the enumeration right after the total ("47 đảng viên (khiển trách 25, …)")
        if toks[k].text in _CLAUSE_END - {";"} and not (toks[k].text == "(" and k > 0 and toks[k - 1].end == prev.end):
            return None
        k -= 1
    if i - k > 8 or not any(t.text in {",", ";", "("} for t in toks[k + 1:i]):
        return None
    return _Unit(prev.unit, prev.kind, j, j - 1)


def _qualifier(toks: list[Token], i: int) -> str:
    """"hơn", "gần", "khoảng", "ít nhất" … written before the number (skipping a range's "từ"),
    lower case as the text spells it; "" for an exact figure."""
    end = i - 1 if i > 0 and toks[i - 1].low == "từ" else i
    words = _prev_words(toks, end, 2)
    quals = _lex("qualifiers.txt")
    for k in (2, 1):
        if len(words) >= k and " ".join(words[-k:]) in quals:
            return " ".join(t.text.lower() for t in toks[end - k:end])
    return ""


def _counted(toks: list[Token], i: int, unit: _Unit, end_tok: int) -> str:
    """What the number counts, in the sentence's words: the noun phrase from the unit on for a
    count ("đảng viên mới được kết nạp"), the clause's subject before it for a measure
    ("tổng thu ngân sách nhà nước")."""
    if unit.kind == "count" and unit.first <= end_tok:
        j = unit.first
        k = j
        while k + 1 < len(toks) and k - j < 8 and toks[k + 1].kind == "word" and toks[k + 1].low not in _NP_END:
            k += 1
        np_ = _join(toks, j, k)
        verb = _verb_before(toks, i)
        # "đã kết nạp 812 đảng viên" → "đảng viên được kết nạp"
        return f"{np_} được {verb}" if verb and k == unit.last else np_
    # measure: the noun phrase after the unit ("100% xã", "50 triệu đồng vốn ưu đãi") or the clause
    # subject before the number; a duration counts what follows it ("3 năm thực hiện Chỉ thị 05")
    k = end_tok + 1
    stop = _lex("np_stop.txt")
    if unit.kind in ("duration", "age"):
        e = k - 1
        while e + 1 < len(toks) and e + 1 - k < 8 and toks[e + 1].kind == "word" and toks[e + 1].low not in _NP_END:
            e += 1
        return _join(toks, k, e) if e >= k and toks[k].low not in stop else ""
    if k < len(toks) and toks[k].kind == "word" and toks[k].low not in stop and toks[k].low not in _lex("non_nouns.txt") \
            and unit.kind in ("percent", "money", "area", "mass", "volume", "length") and not toks[k].text[:1].isupper():
        e = k
        while e + 1 < len(toks) and e - k < 6 and toks[e + 1].kind == "word" and toks[e + 1].low not in stop:
            e += 1
        return _join(toks, k, e)
    b = i - 1
    while b >= 0 and toks[b].kind == "word" and (toks[b].low in _lex("qualifiers.txt") or toks[b].low in _MEASURE_VERBS):
        b -= 1
    if b < 0 or toks[b].kind != "word":
        return ""   # "…, tăng 17,5%": the subject is in an earlier clause
    a = b
    while a - 1 >= 0 and toks[a - 1].kind == "word" and toks[a - 1].low not in _SUBJECT_START and b - a < 10:
        a -= 1
    return _join(toks, a, b)


def _verb_before(toks: list[Token], i: int) -> str:
    """The action verb right before a count ("kết nạp", "điều động", "kiểm tra"), skipping
    qualifiers; "" when the word there is not a known verb."""
    j = i - 1
    quals = _lex("qualifiers.txt")
    while j >= 0 and toks[j].kind == "word" and (toks[j].low in quals or toks[j].low == "từ"):
        j -= 1
    if j < 0 or toks[j].kind != "word" or toks[j].text[:1].isupper():
        return ""
    actions = _lex("action_verbs.txt")
    stop = _lex("np_stop.txt")

    def is_verb(w: str) -> bool:
        return w in actions or (w in _lex("non_nouns.txt") and w not in stop)

    if j >= 1 and toks[j - 1].kind == "word" and not toks[j - 1].text[:1].isupper():
        two = f"{toks[j - 1].low} {toks[j].low}"
        if is_verb(two):
            return _join(toks, j - 1, j).lower()
        if _in_dict(two):
            return ""   # "giám sát chuyên đề 95": the last syllable belongs to a noun
    return toks[j].text.lower() if is_verb(toks[j].low) else ""


def _join(toks: list[Token], a: int, b: int) -> str:
    return " ".join(t.text for t in toks[a:b + 1])


# who the figure belongs to: an organisation head with its name ("Đảng bộ thành phố Vĩnh Yên")
_ADMIN = r"(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|TX\.?|xã|phường|thị trấn|thôn|bản|làng)(?!\s+[uủ]y\b)"
_CAP = "A-ZĐÀÁẢÃẠÂĂÈÉẺẼẸÊÌÍỈĨỊÒÓỎÕỌÔƠÙÚỦŨỤƯỲÝỶỸỴ"
_NAME = rf"(?-i:[{_CAP}][\w'’]*(?:\s+(?:[{_CAP}][\w'’]*|ủy|uỷ))*)"


@lru_cache(maxsize=1)
def _actor_rx() -> re.Pattern:
    heads = sorted(_lex("actor_heads.txt"), key=len, reverse=True)
    alt = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"(?<!\w)(?:{alt})(?:\s+{_ADMIN})?(?:\s+{_NAME})?(?!\w)", re.IGNORECASE)


def _actor(doc: Document, sent: tuple[int, int], pos: int) -> str:
    """The last organisation named in the sentence before the figure ("" when none)."""
    sa, _ = sent
    text = doc.canon[sa:pos]
    best = ""
    for m in _actor_rx().finditer(text):
        surface = doc.norm[sa + m.start(): sa + m.end()].strip()
        if surface[:1].isupper():   # a named body, not a generic "chi bộ" in running text
            best = surface
    return best


def _start(d: DateMention) -> int:
    return d.span[0]


def _period(dates: list[DateMention], sent: tuple[int, int], start: int, end: int, ordered: bool = False) -> str:
    """The period the figure is stated for: the nearest period/year/term in its sentence."""
    sa, sb = sent
    if ordered:   # in text order (as find_dates gives them): the sentence's by bisection
        dates = dates[bisect.bisect_left(dates, sa, key=_start):bisect.bisect_left(dates, sb, key=_start)]
    inside = [d for d in dates if sa <= d.span[0] < sb and d.kind in ("period", "year", "term")]
    if not inside:
        return ""
    own = [d for d in inside if d.span[0] <= start < d.span[1]]
    if own:
        return own[0].text
    # a period right after the figure ("giảm từ 4,12% (năm 2021)") belongs to it; a later one does not
    after = [d for d in inside if 0 <= d.span[0] - end <= 3]
    if after:
        return after[0].text
    before = [d for d in inside if d.span[1] <= start]
    if before:
        periods = [d for d in before if d.kind == "period"]
        return (periods or before)[-1].text
    return ""


def _finish(doc: Document, cands: list[_Cand], dates: list[DateMention]) -> list[Figure]:
    # "một" counts only in an enumeration that counts the same unit with other numbers
    by_sent: dict[tuple[int, int], set[str]] = {}
    for c in cands:
        if not c.weak:
            by_sent.setdefault(c.sent, set()).add(c.unit)
    kept = [c for c in cands if not c.weak or c.unit in by_sent.get(c.sent, set())]
    seen: dict[tuple[str, str], _Cand] = {}
    order: list[_Cand] = []
    for c in kept:
        key = (repr(float(c.value)), canon(c.unit))
        if key in seen:
            seen[key].mentions.append((c.start, c.end))
            continue
        c.mentions.append((c.start, c.end))
        seen[key] = c
        order.append(c)
    ordered = all(a.span[0] < b.span[0] for a, b in zip(dates, dates[1:]))
    out = []
    for c in order:
        sa, sb = c.sent
        out.append(Figure(
            value=c.value, unit=c.unit, text=doc.norm[c.start:c.end], span=(c.start, c.end),
            sentence=doc.norm[sa:sb], counted=c.counted, actor=_actor(doc, c.sent, c.start),
            period=_period(dates, c.sent, c.start, c.end, ordered), qualifier=c.qualifier,
            mentions=tuple(c.mentions),
        ))
    return out
