"""Text typed without diacritics ("Bi thu Tinh uy Nghe An Nguyen Van Thong lam viec voi huyen Quynh
Luu"): the other components read Vietnamese words by their tones and find almost nothing there.

``is_folded(text)`` tells such a text (its letters are ASCII and its common words are Vietnamese
function words written without marks). ``find_folded(doc)`` then finds, by accent-folded matching,

* places of the gazetteer after a unit word or a party committee ("tinh Nghe An", "Huyen uy Quynh
  Luu", "xa Dien Hoa") and province names standing alone ("Ha Tinh"), spelled as written;
* persons cued like in marked text: a capitalised name of two to four syllables that opens with a
  family name, right after a form of address ("ong", "ba", "dong chi") or a post ("Bi thu", "Chu tich",
  possibly with its body: "Bi thu Tinh uy Nghe An Nguyen Van Thong"), or right before ", <post>".

Names keep the text's own spelling; spans are in ``doc.norm`` coordinates like every component's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import gazetteer as gz
from .doc import Document
from .lexicon import rows
from .text import fold
from .types import Person, Place

_WORD = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[^\W\d_]")

# frequent Vietnamese words, folded: a folded text has many of them
_FUNCTION = frozenset("cua va cac nhung duoc trong cho voi nguoi nay da dang tai theo khong mot la "
                      "nam thang ngay tinh huyen xa dong chi ong ba".split())
# unit words and party committees, folded, with the unit type they name and the gazetteer level
_UNITS = {
    ("tinh",): ("tỉnh", "province"), ("thanh", "pho"): ("thành phố", None), ("tp",): ("thành phố", None),
    ("huyen",): ("huyện", "district"), ("quan",): ("quận", "district"), ("thi", "xa"): ("thị xã", "district"),
    ("xa",): ("xã", "commune"), ("phuong",): ("phường", "commune"), ("thi", "tran"): ("thị trấn", "commune"),
    ("tinh", "uy"): ("tỉnh", "province"), ("thanh", "uy"): ("thành phố", None),
    ("huyen", "uy"): ("huyện", "district"), ("quan", "uy"): ("quận", "district"),
    ("thi", "uy"): ("thị xã", "district"),
}
_ADDRESS = frozenset({("ong",), ("ba",), ("dong", "chi"), ("d/c",), ("anh",), ("chi",)})


def is_folded(text: str) -> bool:
    """Most letters ASCII (≥ 99.5 %), at least 40 letters, and at least three distinct Vietnamese
    function words among the words."""
    letters = _LETTER.findall(text)
    if len(letters) < 40:
        return False
    ascii_letters = sum(c.isascii() for c in letters)
    if ascii_letters < 0.995 * len(letters):
        return False
    words = {w.lower() for w in _WORD.findall(text)}
    return len(words & _FUNCTION) >= 3


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Vietnamese family names, folded ("nguyen", "tran", "le")."""
    return frozenset(fold(r[0]).lower() for r in rows("people", "surnames.txt") if r and " " not in r[0])


@lru_cache(maxsize=1)
def _titles() -> frozenset[tuple[str, ...]]:
    """Folded post words ("bi thu", "chu tich", "pho chu tich", "giam doc")."""
    out = set()
    for r in rows("people", "titles.tsv"):
        if r and len(r) >= 2 and r[1] in ("head", "chief"):
            ws = tuple(fold(r[0]).lower().split())
            out.add(ws)
            out.add(("pho",) + ws)
    return frozenset(out)


@lru_cache(maxsize=1)
def _places_by_fold() -> dict[tuple[str, str], list[gz.AdminUnit]]:
    """(level, folded name) → units of the gazetteer (both eras)."""
    out: dict[tuple[str, str], list[gz.AdminUnit]] = {}
    for u in gz.gazetteer().units:
        out.setdefault((u.level, fold(u.name).lower()), []).append(u)
    return out


@lru_cache(maxsize=1)
def _named_places() -> dict[tuple[str, ...], tuple[str, bool]]:
    """Folded words of countries, regions, foreign provinces and cities and other names of places
    ("Sai Gon", "Trung Quoc", "chau A") → (type, needs a cue when it is one word)."""
    out: dict[tuple[str, ...], tuple[str, bool]] = {}
    for r in rows("places", "countries.tsv"):
        out.setdefault(tuple(fold(r[0]).lower().replace("-", " - ").split()), ("quốc gia", len(r) > 1 and r[1] == "1"))
    for r in rows("places", "regions.tsv"):
        out.setdefault(tuple(fold(r[0]).lower().split()), ("vùng", True))
    for r in rows("places", "foreign_places.tsv"):
        out.setdefault(tuple(fold(r[0]).lower().split()), (r[1] if len(r) > 1 else "", True))
    for r in rows("places", "name_variants.tsv"):
        out.setdefault(tuple(fold(r[0]).lower().split()), ("", True))
    return out


# first words of posts and bodies that follow a name in a list ("Dang uy vien", "Pho Chu tich", "Tong
# Giam doc", "Truong khoa", "Uy vien"): a name ends before them
_POST_STARTS = frozenset({"dang", "pho", "tong", "truong", "chu", "bi", "uy", "giam", "thu", "nguyen",
                          "dai", "ong", "ba"})
# capitalised words of bodies that fold like a family name ("Ban" ← Bàn, "So" ← Sở): never a name's start
_BODY_WORDS = frozenset({"ban", "so", "bo", "cuc", "hoi", "uy", "khoi", "phong", "vien", "chi"})


@lru_cache(maxsize=1)
def _folded_words() -> frozenset[str]:
    """Two-syllable common words of the Viet74K list, folded ("dai hoc", "luat su", "cong ty")."""
    from .figures import _dictionary   # the Viet74K list of common Vietnamese words
    return frozenset(fold(w).lower() for w in _dictionary() if w.count(" ") == 1)


@lru_cache(maxsize=1)
def _ranks() -> frozenset[tuple[str, ...]]:
    """Folded military ranks and degrees ("dai ta", "thuong ta", "ts")."""
    return frozenset(tuple(fold(r[0]).lower().split()) for r in rows("people", "ranks.txt") if r)


@lru_cache(maxsize=1)
def _middles() -> frozenset[str]:
    """Folded middle names ("van", "thi", "duc", "minh")."""
    return frozenset(fold(r[0]).lower() for r in rows("people", "middle_names.txt") if r and " " not in r[0])


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Folded names of the gazetteer's provinces and districts ("le thuy", "ho chi minh")."""
    return frozenset(name for (level, name) in _places_by_fold() if level in ("province", "district"))


def _tokens(s: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\w+|[^\w\s]", s)]


def find_folded(doc: Document) -> tuple[list[Person], list[Place]]:
    """Persons and places of a folded text (see the module doc); ([], []) for any other text."""
    s = doc.norm
    if not is_folded(s):
        return [], []
    toks = _tokens(s)
    low = [t[2].lower() for t in toks]
    cap = [t[2][:1].isupper() for t in toks]
    n = len(toks)
    index = _places_by_fold()
    places: dict[str, dict] = {}
    place_end: dict[int, int] = {}        # token after a place → token where the place starts

    def add_place(a: int, b: int, typ: str, unit: gz.AdminUnit) -> None:
        name = s[toks[a][0]:toks[b - 1][1]]
        p = places.setdefault(fold(name).lower(), {"name": name, "type": typ, "unit": unit, "mentions": []})
        p["mentions"].append((toks[a][0], toks[b - 1][1]))
        place_end[b] = a

    def name_run(i: int, maxlen: int) -> int:
        """End of the run of capitalised words starting at i (at most maxlen)."""
        j = i
        while j < n and j - i < maxlen and cap[j] and toks[j][2].isalpha():
            j += 1
        return j

    def person_run(i: int) -> int:
        """End of a personal name starting at i: at most four capitalised words, ending before a
        post or a body that follows the name ("Vu Van Yem Dang uy vien" → "Vu Van Yem")."""
        j = i
        while j < n and j - i < 4 and cap[j] and toks[j][2].isalpha():
            if j - i >= 2 and any(tuple(low[j:j + ln]) in titles for ln in (2, 3, 4)):
                break   # "… Pho Chu tich", "… Bi thu": a post of two or more words
            if j - i >= 3 and (low[j] in _POST_STARTS or low[j] in _BODY_WORDS):
                break   # a fourth word that opens a post or a body ("Vu Van Yem Dang uy vien")
            j += 1
        return j

    i = 0
    while i < n:
        hit = None
        plural = i > 0 and low[i - 1] in ("cac", "hai", "ba", "bon", "nam")
        for ln in (2, 1):   # "Tinh uy", "thi xa" before "tinh", "xa"
            unit = _UNITS.get(tuple(low[i:i + ln]))
            colon = plural and i + ln + 1 < n and toks[i + ln][2] == ":"
            if unit and i + ln + colon < n and cap[i + ln + colon]:
                hit = (ln + colon, unit)
                break
        if hit:
            ln, (typ, level) = hit
            levels = (level,) if level else ("province", "district")

            def known_at(a: int) -> int:
                """End of the longest run at a that the gazetteer knows at this level, or 0."""
                for b in range(name_run(a, 4), a, -1):
                    units = [u for lv in levels for u in index.get((lv, fold(" ".join(low[a:b]))), [])]
                    if units:
                        add_place(a, b, typ, units[0])
                        return b
                return 0

            end = known_at(i + ln)
            # "cac huyen: Quang Xuong, Nong Cong, Nhu Thanh va Nhu Xuan": every item of the list
            while end and plural and end + 1 < n and (toks[end][2] == "," or low[end] == "va") and cap[end + 1]:
                nxt = known_at(end + 1)
                if not nxt:
                    break
                end = nxt
            i = end or i + 1
            continue
        named = _named_place_at(toks, low, cap, i)
        if named:
            b, typ = named
            name = s[toks[i][0]:toks[b - 1][1]]
            p = places.setdefault(fold(name).lower(), {"name": name, "type": typ, "unit": None, "mentions": []})
            p["mentions"].append((toks[i][0], toks[b - 1][1]))
            place_end[b] = i
            i = b
            continue
        if cap[i] and i + 1 < n and cap[i + 1]:
            key = fold(toks[i][2] + " " + toks[i + 1][2]).lower()
            units = index.get(("province", key))
            if units and not (i + 2 < n and cap[i + 2] and low[i] in surnames()):
                add_place(i, i + 2, "tỉnh", units[0])   # "Ha Tinh", "Nghe An" standing alone
                i += 2
                continue
        i += 1

    persons: dict[str, dict] = {}
    family = surnames() - _BODY_WORDS
    titles = _titles()
    cues = _ADDRESS | titles | _ranks()
    middles = _middles()
    taken = 0
    for i in range(n):
        if not (cap[i] and low[i] in family) or (i in place_end.values()) or i < taken or (low[i],) in _ADDRESS:
            continue   # "Ong Tran Van Hai": the form of address opens the sentence, the name follows
        if i > 0 and cap[i - 1] and toks[i - 1][2].isalpha() and i not in place_end \
                and (low[i - 1],) not in _ADDRESS and not toks[i - 1][2].isupper():
            continue   # inside a longer capitalised run (an acronym before it is no part: "UBND TPHCM Nguyen …")
        e = person_run(i)
        if e - i < 2 or low[e - 2:e] == ["viet", "nam"]:
            continue   # "Me Viet Nam anh hung": an honour, not a name
        if e - i == 2 and e < n and not cap[e] and f"{low[e - 1]} {low[e]}" in _folded_words():
            continue   # "Truong Dai hoc", "Doan Luat su", "Tong Cong ty": a body, not a name
        cue = False
        for ln in (2, 1):
            if i - ln >= 0 and tuple(low[i - ln:i]) in cues:
                cue = True
        if not cue and i in place_end:
            # "Bi thu Tinh uy Nghe An Nguyen Van Thong": a post, its body and place, then the name
            a = place_end[i]
            k = a - 1
            while k >= 0 and a - k <= 5 and not any(tuple(low[k:k + ln]) in titles for ln in (1, 2, 3)):
                k -= 1
            cue = k >= 0 and a - k <= 5
        if not cue and e + 1 < n and toks[e][2] == ",":
            cue = any(tuple(low[e + 1:e + 1 + ln]) in titles for ln in (1, 2, 3))
        if not cue and e - i >= 3 and low[i + 1] in middles and " ".join(low[i:e]) not in _place_names():
            # "Giam doc So Noi vu Tran Van Minh", "… Nguyen Van Hung": a family name, a middle name and
            # a given name are a person's by their shape
            cue = True
        if not cue:
            continue
        name = s[toks[i][0]:toks[e - 1][1]]
        p = persons.setdefault(fold(name).lower(), {"name": name, "mentions": []})
        p["mentions"].append((toks[i][0], toks[e - 1][1]))
        taken = e
    return ([Person(name=p["name"], mentions=tuple(p["mentions"])) for p in persons.values()],
            [Place(name=p["name"], type=p["type"], province=p["unit"].province if p["unit"] else "",
                   mentions=tuple(p["mentions"]), code=p["unit"].code if p["unit"] else "",
                   era=p["unit"].era if p["unit"] else "") for p in places.values()])


_ADDRESS_WORDS = frozenset({"anh", "ba", "chi", "ong", "em", "co", "bac", "chu"})

# folded words before a one-word country that make it one ("sang Lao", "tai Nhat", "nuoc Phap")
_COUNTRY_CUES = frozenset("nuoc sang tai o tu voi den va giua cua tham ban chong dan quoc giac quan".split())


def _named_place_at(toks, low: list[str], cap: list[bool], i: int) -> tuple[int, str] | None:
    """(end, type) of a country, region, foreign place or other place name starting at token i, the
    longest the lexicons know; a one-word name only after a cue word and not before another
    capitalised word ("sang Lao", not "Lao dong" at a sentence start or "Lao Cai")."""
    named = _named_places()
    n = len(toks)
    inside = i > 0 and cap[i - 1] and toks[i - 1][2].isalpha() and low[i - 1] not in _COUNTRY_CUES
    if low[i] in _ADDRESS_WORDS and (i == 0 or low[i - 1] not in ("nuoc", "sang", "tai", "o")):
        return None   # "Ba Lan" may be "bà Lan", "Anh" "anh": only after "nuoc", "sang", "tai", "o"
    for ln in (4, 3, 2, 1):
        if i + ln > n:
            continue
        hit = named.get(tuple(low[i:i + ln]))
        if not hit:
            continue
        alpha = [k for k in range(i, i + ln) if toks[k][2].isalpha()]
        # a region may open with a common word ("chau A", "mien Trung"); other names are capitalised
        if not (any(cap[k] for k in alpha) if hit[0] == "vùng" else all(cap[k] for k in alpha)):
            continue
        if i + ln < n and cap[i + ln] and toks[i + ln][2].isalpha():
            return None   # the start of a longer name ("Lao Cai", "Nam Dinh")
        if inside and not (hit[0] == "quốc gia" and ln >= 2):
            return None   # inside a longer capitalised run: "Anh Nguyen Van Nam" is no "Van Nam";
            #               a country may end a body's name ("Mat tran To quoc Viet Nam")
        if ln == 1 and (hit[1] or i == 0 or low[i - 1] not in _COUNTRY_CUES):
            return None
        return i + ln, hit[0]
    return None
