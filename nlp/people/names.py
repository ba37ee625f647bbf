"""Personal-name mentions: runs of capitalised syllables, cut from the titles, honorifics, places
and organization names glued to them, and kept when a cue says they name a person (a surname, a
comrade/address word, a rank, a title, an apposition with a title, a byline line).
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import rows
from ..spelling import foreign_word
from ..lexicon import words as word_set
from .lexicon import lexicons, name_syllables
from .records import Mention, Token
from .tokens import is_syllable

_SEP = {",", "–", "-", "—", "(", ":"}
_CLAUSE = {",", ";", ":", ".", "(", ")", "\n", "!", "?", "…", "\"", "“", "”"}
_GENDER_MIDDLE = {"văn", "thị", "mí", "seo"}
_SCHOOL_WORDS = word_set("people", "school_words.txt")
_BYLINE_PREFIX = tuple(r[0] for r in rows("people", "byline_prefixes.txt"))


def _name_token(t: Token) -> bool:
    if not (t.is_word and (t.cap or t.upper) and is_syllable(t)):
        return False
    if t.upper and (t.text in lexicons().abbreviations or len(t.text) > 7):
        return False
    return True


def _title_starts(keys: list[str], i: int) -> bool:
    lx = lexicons()
    k = i + 1 if keys[i] == "phó" else i
    m = lx.titles.match(keys, k)
    if not m:
        return False
    if m[1][1] == "chief":
        return m[0] < len(keys) and keys[m[0]] in lx.chief_units
    return True


def _runs(toks: list[Token], keys: list[str]) -> list[list[int]]:
    """Runs of capitalised syllables; a title opening inside a run ends it
    ("đồng chí Nguyễn Văn An Bí thư Huyện ủy")."""
    runs, cur = [], []
    for i, t in enumerate(toks):
        if _name_token(t) and not (cur and _title_starts(keys, i)):
            cur.append(i)
        elif _name_token(t):
            runs.append(cur)
            cur = [i]
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _two_syllable_token(t: Token) -> bool:
    """"H'Nhương", "K'Mák": a minority name written as one token of two syllables."""
    txt = t.text.replace("’", "'")
    return "'" in txt and 1 <= len(txt.split("'")[0]) <= 2 and len(txt.split("'")[1]) >= 2


def _surname_strength(keys: list[str], i: int) -> int:
    """2 = strong surname or minority name opener, 1 = weak surname, 0 = none."""
    lx = lexicons()
    if keys[i] in lx.surnames or lx.ethnic.match(keys, i):
        return 2 if not (keys[i] in lx.weak_surnames and not lx.ethnic.match(keys, i)) else 1
    if keys[i] in lx.weak_surnames:
        return 1
    if keys[i].startswith("h'") or keys[i].startswith("k'"):
        return 2
    return 0


def _is_place(text_key: str, known: set[str]) -> bool:
    return text_key in known or text_key in lexicons().admin_names


def _title_before(toks, keys, i: int, window: int = 16) -> tuple[bool, bool]:
    """(a title opens in this clause before token i, that title ends right at i)."""
    lx = lexicons()
    j = i - 1
    found = adjacent = False
    while j >= 0 and i - j <= window and toks[j].text not in _CLAUSE:
        m = lx.titles.match(keys, j)
        if m:
            found = True
            if m[0] == i:
                adjacent = True
        j -= 1
    return found, adjacent


def _inside_agency_name(toks, keys, i: int) -> str | None:
    """Token i continues an agency name that opened a few words before ("Công ty Cổ phần Đầu tư Xây
    dựng Hoàng Long", "Sở Tài chính Danh Út"): only capitalised or agency words in between."""
    lx = lexicons()
    k = i - 1
    while k >= 0 and i - k <= 10 and toks[k].is_word:
        # a head may span words ("Công ty", "Hợp tác xã"): look for one that starts here or covers k
        for h in (k, k - 1, k - 2):
            o = lx.org_heads.match(keys, h) if h >= 0 else None
            if o and o[1] == "agency" and toks[h].cap and k < o[0] < i:
                # a school or fund is named after a person: that name is never its holder's
                return keys[h] if lx.name_contexts.match(keys, h) else "org"
        if not (toks[k].cap or toks[k].upper or toks[k].key in lx.org_vocab):
            break
        k -= 1
    return None


def _context_before(toks, keys, i: int, depth: int = 0) -> str | None:
    """The name-bearing context ("trường", "đường", "xã" …) right before token i, if any; an item of
    a list ("các xã Hoàng Đan, Hoàng Lâu") takes the context of the list's first item."""
    lx = lexicons()
    if depth < 6 and i >= 2 and toks[i - 1].key in (",", "và"):
        k = i - 2
        while k >= 0 and _name_token(toks[k]) and i - k < 7:
            k -= 1
        if k < i - 2:
            ctx = _context_before(toks, keys, k + 1, depth + 1)
            if ctx is not None:
                return ctx
    if i >= 2 and toks[i - 1].text == "." and toks[i - 2].text in ("TP", "TX", "Tp", "Q", "P", "H", "X"):
        return "unit"   # "TP. Hồ Chí Minh"
    inside = _inside_agency_name(toks, keys, i)
    if inside:
        return inside
    for ts in range(max(0, i - 4), i):
        t = lx.titles.match(keys, ts)
        if t and t[0] == i:
            # "Khu tưởng niệm Tổng Bí thư Lê Duẩn": the title and name name a memorial
            for cs in range(max(0, ts - 3), ts):
                c = lx.name_contexts.match(keys, cs)
                if c and c[0] == ts and " ".join(keys[cs:ts]) in _MEMORIALS:
                    return " ".join(keys[cs:ts])
    for back in range(1, 5):
        k = i - back
        if k < 0 or toks[k].text in _CLAUSE or not toks[k].is_word:
            return None
        o = lx.org_heads.match(keys, k)
        if o and o[1] == "agency" and toks[k].cap and o[0] <= i \
                and all(t.cap or t.upper for t in toks[o[0]:i]):
            return "org"   # "Công ty TNHH Nguyễn Kim": a name inside an organization's name
        m = lx.name_contexts.match(keys, k)
        if m and not _context_word_ok(toks, keys, k, m[0]):
            m = None
        if m and any((lm := lx.name_contexts.match(keys, k - d)) and lm[0] == m[0]
                     for d in (1, 2) if k - d >= 0 and toks[k - d].is_word):
            continue   # "phố" is the end of "thành phố" / "tổ dân phố": read the longer word
        if m and m[0] >= i - 3 and m[0] <= i:
            between = toks[m[0]:i]
            lower = [t for t in between if not (t.cap or t.upper or t.key in _SCHOOL_WORDS)]
            # "Trường Tiểu học Lê Văn Tám", "đường bao biển Lê Thánh Tông": a few describing words
            if not lower or (len(lower) <= 2 and " ".join(keys[k:m[0]]) in _THING_CONTEXTS
                             and not any(lx.titles.match(keys, x) or lx.honorifics.match(keys, x)
                                         for x in range(m[0], i))):
                return " ".join(keys[k:m[0]])
    return None


# the second half of common compounds is not a name-bearing noun: "môi trường", "yêu cầu", "hòa giải"
_COMPOUND_FIRST = {"trường": {"môi", "thị", "chiến", "nhà", "lập", "hiện", "công"},
                   "cầu": {"yêu", "nhu", "toàn", "khẩn", "cầu"},
                   "giải": {"hòa", "hoà", "lý", "tháo", "phân", "lời"},
                   "đường": {"con", "lên", "đi"},
                   "khu": {"các"}}


def _context_word_ok(toks, keys, k: int, end: int) -> bool:
    if end - k != 1:
        return True
    prev = keys[k - 1] if k > 0 else ""
    return prev not in _COMPOUND_FIRST.get(keys[k], ())


def _cue_before(toks, keys, i: int) -> str | None:
    """comrade/address/rank cue ending right before token i ("đồng chí", "ông", "Thượng tá")."""
    lx = lexicons()
    for back in range(1, 5):
        k = i - back
        if k < 0:
            return None
        m = lx.honorifics.match(keys, k)
        if m and m[0] == i:
            return m[1]
        m = lx.ranks.match(keys, k)
        if m and (m[0] == i or (m[0] + 1 == i and toks[m[0]].text == ".")):
            return "rank"
    return None


def _apposition_after(toks, keys, j: int) -> bool:
    lx = lexicons()
    if j >= len(toks) or toks[j].text not in _SEP:
        return False
    k = j + 1
    if k < len(toks) and keys[k] == "nguyên":
        k += 1
    if k < len(toks) and keys[k] in ("phó", "quyền"):
        k += 1
    return k < len(toks) and (lx.titles.match(keys, k) is not None)


def _trigger_after(keys, j: int) -> bool:
    lx = lexicons()
    k = j
    if k < len(keys) and keys[k] in ("được", "đã", "vừa", "tiếp", "tục"):
        k += 1
    m = lx.triggers.match(keys, k)
    return bool(m) and keys[k] != "làm"


# verbs of saying right after a name: only people speak ("Hoàng Sơn cho biết", "Lê Hoa chia sẻ")
_SPEECH_AFTER = (("cho", "biết"), ("chia", "sẻ"), ("cho", "rằng"), ("bày", "tỏ"), ("nhấn", "mạnh"),
                 ("khẳng", "định"), ("tâm", "sự"), ("kể",), ("nói",), ("phát", "biểu"), ("tuyên", "bố"),
                 ("cảnh", "báo"), ("nhận", "định"), ("kêu", "gọi"), ("thừa", "nhận"), ("tiết", "lộ"),
                 ("giải", "thích"), ("trả", "lời"), ("cam", "kết"), ("có", "bài", "phát", "biểu"),
                 ("chia", "sẻ"), ("cho", "hay"), ("viết",), ("hỏi",), ("đáp",))


def _speech_after(keys, j: int) -> bool:
    k = j
    while k < len(keys) and k - j < 2 and keys[k] in ("đã", "vừa", "cũng", "từng", "sẽ", "đang", "còn"):
        k += 1
    return any(tuple(keys[k:k + len(v)]) == v for v in _SPEECH_AFTER)


def _strip_front(toks, keys, run: list[int]) -> tuple[list[int], str | None, bool, bool]:
    """Drop honorifics, ranks, titles, unit words and clause openers from the front of a run.
    Returns (rest, cue, org_led, unit_led)."""
    lx = lexicons()
    cue = None
    org_led = unit_led = False
    changed = True
    while run and changed:
        changed = False
        i = run[0]
        for trie, kind in ((lx.honorifics, "address"), (lx.ranks, "rank"), (lx.titles, "title"),
                           (lx.function_words, None)):
            m = trie.match(keys, i)
            if not m and trie is lx.titles and keys[i] in ("phó", "quyền"):
                m = trie.match(keys, i + 1)
            if m and trie is lx.function_words and len(run) > 2 and keys[run[1]] in _GENDER_MIDDLE:
                m = None   # "Vì Văn Toản": a surname, not "vì" (because)
            if m and trie is lx.function_words and cue in ("comrade", "address", "rank"):
                m = None   # "Cụ Thông Thanh Nhàn": after an honorific comes the name
            if m:
                end = m[0]
                if trie is lx.honorifics:
                    kind = m[1]
                if kind:
                    cue = kind
                run = [x for x in run if x >= end]
                changed = True
                break
        if changed:
            continue
        u = lx.admin_units.match(keys, i)
        if u:
            run = [x for x in run if x >= u[0]]
            unit_led = True
            changed = True
            continue
        if lx.org_heads.match(keys, i):
            org_led = True
            break
        c = lx.name_contexts.match(keys, i)
        if c and c[0] < run[-1] + 1 and cue is None:
            org_led = True   # "Cầu Hoàng Long", "Đền Hùng": a thing named like a person
            break
    return run, cue, org_led, unit_led


def _split_place_prefix(toks, keys, run: list[int], known: set[str]) -> int:
    """Index into run where a personal name starts after a place/organization name, or 0."""
    n = len(run)
    opener = _surname_strength(keys, run[0]) > 0
    for k in range(1, n - 1):
        # "Lô Lô Chải Sình Văn Dìn" splits; "A Lăng Thị Bốn" (a Cơ Tu clan name) does not
        if keys[run[k + 1]] in _GENDER_MIDDLE and n - k in (3, 4) and _surname_strength(keys, run[k]) \
                and not opener:
            return k
    for k in range(1, n - 1):
        prefix = " ".join(keys[x] for x in run[:k])
        if _is_place(prefix, known) and 2 <= n - k <= 4 and _surname_strength(keys, run[k]) == 2:
            return k
    return 0


def find_mentions(toks: list[Token], keys: list[str], known_places: set[str], model=None,
                  global_places: set[str] | None = None, countries: frozenset[str] = frozenset()) -> list[Mention]:
    """Person-name mentions (token spans) in reading order. ``known_places`` are names the article
    writes after a unit word (used to cut a place glued before a name), ``global_places`` names
    known to be places anywhere (a whole candidate equal to one is not a person without a cue)."""
    places = global_places or set()
    repeated_places = _repeated_after_units(toks, keys)
    lx = lexicons()
    out: list[Mention] = []
    honoured = _honoured_words(toks, keys)
    for run in _runs(toks, keys):
        if len(run) > 4 and all(toks[x].upper for x in run):
            m = _caps_heading_name(toks, keys, run) or _caps_title_name(toks, keys, run, places)
            if m is not None:
                out.append(m)
            continue
        if _context_before(toks, keys, run[0]) is not None and lx.honorifics.match(keys, run[0]):
            continue   # "huyện Cô Tô", "xã Ông Đình": a place whose name opens like an honorific
        run, cue, org_led, unit_led = _strip_front(toks, keys, run)
        if not run or org_led:
            continue
        start = run[0]
        outer_cue = _cue_before(toks, keys, start)
        cue = cue or outer_cue
        ctx = None if cue in ("comrade", "address", "rank") else _context_before(toks, keys, start)
        if unit_led:
            ctx = ctx or "unit"
        k = _split_place_prefix(toks, keys, run, known_places) if len(run) >= 3 else 0
        if k:
            run = run[k:]
            ctx = None
            start = run[0]
        elif len(run) >= 3 and countries:
            f = _foreign_holder(toks, keys, run, countries, places)
            if f:
                out.append(f)
                continue
        title_found, title_adjacent = _title_before(toks, keys, start)
        if len(run) == 5 and (keys[start] == "y" or keys[start].startswith("h'")) and ctx is None:
            pass   # Ê Đê names run long: "Y Giang Gry Niê Kđăm"
        elif len(run) > 4:
            # a long capitalised stretch (a heading): keep only a surname-led tail of 2-4 syllables
            tail = [x for x in range(len(run) - 4, len(run) - 1) if _surname_strength(keys, run[x]) == 2]
            if not tail:
                continue
            run = run[tail[0]:]
            start = run[0]
        if len(run) >= 3 and all(toks[x].upper for x in run):
            # a heading in capitals: the name ends at its verb ("TÔ LÂM THĂM VÀ LÀM VIỆC …")
            cut = next((q for q in range(2, len(run)) if keys[run[q]] in _CAPS_VERBS or keys[run[q]] in _AFTER_NAME),
                       None)
            if cut is not None:
                run = run[:cut]
        if len(run) == 2 and keys[start] in _all_countries() and foreign_word(toks[run[1]].text):
            continue   # "Tổng thống Ukraine Zelensky": a country, then a one-word name
        if len(run) >= 3 and keys[start] in _all_countries() and foreign_word(toks[run[1]].text) \
                and not any(_surname_strength(keys, x) for x in run[1:2]):
            run = run[1:]   # "Ngoại trưởng Nga Sergei Lavrov": the country before the name
            start = run[0]
        end = run[-1] + 1
        if _after_legal_form(keys, start) or _ends_in_common_word(toks, keys, run):
            continue
        if keys[start] in ("phó", "quyền") and len(run) >= 2 and lx.commissions.match(keys, run[1]):
            continue   # "tân Phó Ban Tuyên giáo Trung ương": a post, not "Phó" the surname
        if len(run) == 4 and cue is None and all(_is_place(" ".join(keys[x] for x in half), places)
                                                  for half in (run[:2], run[2:])):
            continue   # "các huyện Quảng Xương, Nông Cống Như Thanh": two places, a comma missing
        name_key = " ".join(keys[x] for x in run)
        is_place = _is_place(name_key, places)
        sur = _surname_strength(keys, start)
        middle = len(run) >= 3 and keys[run[1]] in lx.middle
        gender_middle = len(run) >= 3 and keys[run[1]] in _GENDER_MIDDLE
        all_upper = all(toks[x].upper for x in run)
        if len(run) == 1:
            if _two_syllable_token(toks[start]) and (cue in ("comrade", "address", "rank") or title_found or _apposition_after(toks, keys, end)):
                out.append(Mention(start, end, cue or "apposition"))   # "K'Mák": K' + a syllable
            elif cue in ("comrade", "address", "rank") or title_adjacent:
                out.append(Mention(start, end, "short", single=True))
            continue
        if ctx is not None:
            # a name after "xã", "trường", "đường" … is a place or a thing, unless a title before it
            # says it is the holder ("Chủ tịch UBND xã Kpă Thuyên")
            # a two-syllable Kinh-looking name there is usually the place itself ("xã Hoàng Hoa")
            ethnic = bool(lx.ethnic.match(keys, start)) or keys[start].startswith(("h'", "k'"))
            # a weak surname with Văn/Thị after it is a name too ("Sở Xây dựng tỉnh Hà Văn Kiên")
            if title_found and (sur == 2 or (sur == 1 and gender_middle)) \
                    and (ctx not in _THING_CONTEXTS or ctx == "org") \
                    and not _is_place(name_key, set()) \
                    and (len(run) >= 3 or ethnic) and name_key not in repeated_places:
                out.append(Mention(start, end, "title"))
            continue
        if cue in ("comrade", "address", "rank"):
            if name_key in _country_names() or (len(run) > 2 and not sur and " ".join(keys[x] for x in run[-2:]) in _country_names()):
                continue   # "diễn viên Hàn Quốc", "Hoa hậu Hoàn Vũ Việt Nam": a nationality, a pageant
            out.append(Mention(start, end, cue))
            continue
        if all_upper:
            # a heading in capitals names nobody unless a title follows the name ("NGUYỄN VĂN A, Bí thư …")
            if sur and 2 <= len(run) <= 4 and _apposition_after(toks, keys, end) and not is_place:
                out.append(Mention(start, end, "apposition"))
            continue
        if title_adjacent or (title_found and (sur or middle)):
            # right after a title a surname-led name is a person even if a place bears it
            # ("Chủ tịch Hồ Chí Minh"); other names must not be places ("Đại sứ Nhật Bản …")
            ok = (sur == 2 and title_adjacent and len(run) >= 3) or not is_place or gender_middle
            if ok:
                out.append(Mention(start, end, "title"))
                continue
        if not sur and not is_place and _foreign_name(toks, keys, run, honoured) \
                and not any(keys[x] in places or keys[x] in _all_countries() for x in run) \
                and (_title_near(toks, keys, start) or _apposition_after(toks, keys, end)
                     or _described_after(toks, keys, end)
                     or _speech_after(keys, end) or keys[run[-1]] in honoured):
            # "Tổng thống đương nhiệm Donald Trump", "Saurav Srivastava … Srivastava nói", "ông Biden"
            out.append(Mention(start, end, "foreign"))
            continue
        if _apposition_after(toks, keys, end) and not is_place:
            # without a surname the model must agree ("Tết Độc Lập, Chủ tịch …" is no person)
            prob = model(toks, run) if (model is not None and not sur and not middle) else 1.0
            if prob >= 0.5:
                out.append(Mention(start, end, "apposition", prob=prob))
            continue
        if _trigger_after(keys, end) and (sur or middle):
            out.append(Mention(start, end, "trigger"))
            continue
        if sur == 2 or (sur == 1 and middle):
            if (is_place or name_key in known_places) and not gender_middle:
                continue   # also a name this article writes after a unit word ("xã Vũ Lễ … Vũ Lễ có")
            if len(run) > 5:
                continue
            # the model decides only two-syllable candidates ("Vũ Lễ" the commune, "Lê Hoa" the person);
            # longer surname-led runs are names by their shape (its scores there are not better)
            kinh = keys[start] in lx.surnames or keys[start] in lx.weak_surnames
            minority = bool(lx.ethnic.match(keys, start)) and not kinh
            prob = model(toks, run) if (model is not None and len(run) == 2 and not minority) else 1.0
            if prob >= 0.5 or (len(run) == 2 and sur == 2
                               and (_speech_after(keys, end) or _described_after(toks, keys, end))):
                out.append(Mention(start, end, "surname", prob=prob))
            continue
        if len(run) in (3, 4) and keys[run[1]] in ("văn", "thị") and not is_place:
            out.append(Mention(start, end, "middle"))   # "Chẻo Văn Dền": an unlisted family name
            continue
        if model is not None and 3 <= len(run) <= 4 and not is_place:
            prob = model(toks, run)
            if prob >= 0.9:
                out.append(Mention(start, end, "model", prob=prob))
    out = _coordinated(toks, keys, out, places)
    return _drop_cut_forms(toks, keys, out)


def _drop_cut_forms(toks, keys, mentions: list[Mention]) -> list[Mention]:
    """Drop a mention that is another's name cut short by a typo or a hyphen: "Phạm Minh chính"
    (the last word typed in lower case) beside "Phạm Minh Chính", "Miguel Diaz" beside "Miguel
    Diaz-Canel"."""
    full = {tuple(keys[m.start:m.end]) for m in mentions if m.end - m.start >= 2}
    if not full:
        return mentions
    heads = {k[:-1] + (k[-1].split("-")[0],) for k in full if "-" in k[-1]}
    out = []
    for m in mentions:
        k = tuple(keys[m.start:m.end])
        if len(k) >= 2 and m.end < len(toks) and toks[m.end].is_word and not toks[m.end].cap \
                and k + (keys[m.end],) in full:
            continue
        if len(k) >= 2 and k in heads and not any("-" in w for w in k):
            continue
        out.append(m)
    return out


# legal-form words that end a company's type and start its name ("Công ty TNHH Trần Liên Hưng",
# "Cty TNHH một thành viên Lê Quang Lộc", "Công ty Cổ phần Nguyễn Kim"): the name after them is the firm's
_LEGAL_FORMS = (("tnhh",), ("cổ", "phần"), ("cp",), ("mtv",), ("một", "thành", "viên"), ("jsc",),
                ("tư", "nhân"), ("dntn",), ("hợp", "danh"))


def _after_legal_form(keys: list[str], i: int) -> bool:
    return any(tuple(keys[i - len(f):i]) == f for f in _LEGAL_FORMS if i >= len(f))


def _ends_in_common_word(toks, keys, run: list[int]) -> bool:
    """A two-word run whose last word opens a common word with the lower-case word after it is not
    a name ("Đoàn Luật sư", "Hội Luật gia"): the capital belongs to the body's name."""
    from ..figures import _in_dict   # the Viet74K list of common Vietnamese words
    e = run[-1] + 1
    if len(run) != 2 or e >= len(toks) or not toks[e].is_word or toks[e].cap or toks[e].upper:
        return False
    last = keys[run[-1]]
    return last not in name_syllables() and _in_dict(last + " " + keys[e])


_NOT_NAME_BEFORE = {"tại", "ở", "đến", "tới", "từ", "thăm", "bang", "vùng", "sang", "về", "qua", "khỏi"}


def _foreign_name(toks, keys, run: list[int], honoured: set[str]) -> bool:
    """Two to four capitalised words, one of them foreign-shaped, none an acronym, and not a
    destination ("đến Noida"): the shape of a foreign personal name."""
    if not 2 <= len(run) <= 4 or any(toks[x].upper or len(toks[x].text) < 2 or not toks[x].text[1:].islower()
                                     and "-" not in toks[x].text for x in run):
        return False   # acronyms, initials and "NashTech", "iPhone" are not personal names
    if run[0] > 0 and toks[run[0] - 1].text in ("&", "/"):
        return False
    if run[0] > 0 and keys[run[0] - 1] in _NOT_NAME_BEFORE:
        return False
    lx = lexicons()
    for k in range(max(0, run[0] - 3), run[0]):
        for trie in (lx.org_heads, lx.admin_units):
            m = trie.match(keys, k)
            if m and m[0] == run[0]:
                return False   # "Tỉnh ủy Villa Clara", "bang Tamil Nadu": a place, not a holder
    if any(keys[x] in _FOREIGN_ORG_WORDS for x in run):
        return False   # "Goodwood Ship Management", "Economic Times": a firm, a paper
    return any(foreign_word(toks[x].text) for x in run)


_FOREIGN_ORG_WORDS = frozenset(r[0].lower() for r in rows("people", "foreign_org_words.txt"))


_FOREIGN_POSTS = frozenset(tuple(r[0].lower().split()) for r in rows("people", "foreign_posts.txt"))


def _title_near(toks, keys, i: int) -> bool:
    """A title, a form of address or a post of foreign politics within six words before token i,
    in the same clause."""
    lx = lexicons()
    for j in range(i - 1, max(-1, i - 7), -1):
        if toks[j].text in _CLAUSE or keys[j] in ("và", "với", "cùng", "của") or keys[j] in _NOT_NAME_BEFORE:
            return False
        if lx.titles.match(keys, j) or lx.honorifics.match(keys, j) \
                or any(tuple(keys[j:j + n]) in _FOREIGN_POSTS for n in (1, 2, 3, 4)):
            return True
    return False


def _described_after(toks, keys, j: int) -> bool:
    """", người dân ở …", ", phó giáo sư …", ", 60 tuổi": a description of a person after the name."""
    lx = lexicons()
    if j + 1 >= len(toks) or toks[j].text not in (",", "("):
        return False
    k = j + 1
    if toks[k].text.isdigit() and k + 1 < len(toks) and keys[k + 1] == "tuổi":
        return True
    if keys[k] == "sn" or tuple(keys[k:k + 2]) == ("sinh", "năm"):
        return True   # "(SN 1990, trú tại …)", "(sinh năm 1962)"
    return bool(lx.honorifics.match(keys, k) or lx.statuses.match(keys, k)
                or any(tuple(keys[k:k + n]) in _FOREIGN_POSTS for n in (1, 2, 3, 4))
                or (keys[k] == "phó" and lx.honorifics.match(keys, k + 1)))


def _honoured_words(toks, keys) -> set[str]:
    """Words that stand alone after "ông", "bà", "ngài" or before a verb of saying somewhere in the
    text ("ông Biden", "Srivastava nói"): the surnames of foreigners the article names in full."""
    out = set()
    for i in range(1, len(toks)):
        if toks[i].cap and keys[i - 1] in ("ông", "bà", "ngài") and (i + 1 >= len(toks) or not toks[i + 1].cap):
            out.add(keys[i])
        elif toks[i].cap and _speech_after(keys, i + 1) and (i == 0 or not toks[i - 1].cap) \
                and foreign_word(toks[i].text):
            out.add(keys[i])
    return out


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Country names of the places lexicon of two or more words, as keys ("hàn quốc", "việt nam")."""
    from ..tokens import word_key
    return frozenset(" ".join(word_key(w) for w in r[0].split()) for r in rows("places", "countries.tsv")
                     if r and " " in r[0])


@lru_cache(maxsize=1)
def _all_countries() -> frozenset[str]:
    """One-word country names of the places lexicon, as keys ("nga", "mỹ", "indonesia")."""
    from ..tokens import word_key
    return frozenset(word_key(r[0]) for r in rows("places", "countries.tsv") if r and " " not in r[0])


def _foreign_holder(toks, keys, run: list[int], countries: frozenset[str], places: set[str]) -> Mention | None:
    """ "Chủ tịch Thượng viện Campuchia Hun Sen", "Thủ tướng Lào Sonexay Siphandone": a title naming a
    country, then a foreign name of two to four words right after it (no Vietnamese surname needed)."""
    for k in (1, 2):
        if len(run) - k < 2 or len(run) - k > 4:
            continue
        if " ".join(keys[x] for x in run[:k]) not in countries:
            continue
        if any(" ".join(keys[x] for x in run[:q]) in places or _is_place(" ".join(keys[x] for x in run[:q]), set())
               for q in range(k + 1, len(run) + 1)):
            return None      # "Lào Cai …": the country word begins a longer place name
        if not _title_before(toks, keys, run[0])[0]:
            return None
        rest = run[k:]
        if any(toks[x].upper for x in rest) or lexicons().titles.match(keys, rest[0]) \
                or lexicons().org_heads.match(keys, rest[0]):
            return None
        return Mention(rest[0], rest[-1] + 1, "title")
    return None


def _caps_heading_name(toks, keys, run: list[int]) -> Mention | None:
    """A name inside a heading in capitals: "ĐỒNG CHÍ NGUYỄN VĂN LỘC THĂM …" (after a comrade or
    address word, up to the first verb, title, body or unit word)."""
    lx = lexicons()
    for p in range(len(run) - 2):
        m = lx.honorifics.match(keys, run[p])
        if not m or m[1] not in ("comrade", "address"):
            continue
        k = m[0]
        e = k
        while e <= run[-1] and e - k < 4 and not (lx.org_stop.match(keys, e) or lx.titles.match(keys, e)
                                                  or lx.org_heads.match(keys, e) or lx.admin_units.match(keys, e)
                                                  or lx.triggers.match(keys, e) or keys[e] in _CAPS_VERBS):
            e += 1
        if e - k >= 2 and _surname_strength(keys, k):
            return Mention(k, e, m[1])
    return None


def _caps_title_name(toks, keys, run: list[int], places: set[str]) -> Mention | None:
    """ "BÍ THƯ TỈNH ỦY HÀ GIANG NGUYỄN MẠNH DŨNG THĂM …": in a heading in capitals, after a title, a
    surname-led name of three or four words that ends at a verb of the heading (or the heading's end),
    or of two words right before the verb ("TỔNG BÍ THƯ TÔ LÂM THĂM …")."""
    lx = lexicons()
    if not any(lx.titles.match(keys, x) for x in run[:3]) and not _title_before(toks, keys, run[0], window=5)[0]:
        return None
    last = run[-1]
    for p in run[1:]:
        if _surname_strength(keys, p) != 2:
            continue
        for e in (p + 3, p + 4, p + 2):
            if e - 1 > last:
                continue
            if any(keys[x] in _CAPS_VERBS or keys[x] in _AFTER_NAME for x in range(p + 1, e)):
                continue   # "TÔ LÂM THĂM VÀ": the verb ends the name
            # two words only before the heading's verb ("TỔNG BÍ THƯ TÔ LÂM THĂM …")
            stop_ok = (e > last and e - p > 2) or (e <= last and keys[e] in _CAPS_VERBS)
            name = " ".join(keys[p:e])
            if stop_ok and not _is_place(name, places) and not _is_place(" ".join(keys[p:p + 2]), places) \
                    and not any(lx.titles.match(keys, x) or lx.org_heads.match(keys, x) or lx.admin_units.match(keys, x)
                                for x in range(p, e)):
                return Mention(p, e, "title")
    return None


_CAPS_VERBS = word_set("people", "caps_verbs.txt")


def _repeated_after_units(toks, keys) -> set[str]:
    """Names written twice or more right after a unit word: places, whatever they look like."""
    lx = lexicons()
    seen: dict[str, int] = {}
    for i in range(len(toks) - 1):
        u = lx.admin_units.match(keys, i)
        if u and not toks[i].upper:
            e = u[0]
            f = e
            while f < len(toks) and _name_token(toks[f]) and f - e < 4:
                f += 1
            if f > e:
                k = " ".join(keys[e:f])
                if keys[i] == "tỉnh" and f - e >= 3 and k not in _province_keys():
                    continue   # provinces are a closed list: "UBND tỉnh Trần Quốc Hòa" names the holder
                seen[k] = seen.get(k, 0) + 1
    return {k for k, c in seen.items() if c >= 2}


@lru_cache(maxsize=1)
def _province_keys() -> frozenset[str]:
    """Every province name of both eras (the gazetteer's closed list), as token keys."""
    from ..gazetteer import PROVINCE, gazetteer
    from ..text import key as text_key
    return frozenset(text_key(u.name) for u in gazetteer().units if u.level == PROVINCE)


_MEMORIALS = word_set("people", "memorials.txt")
_THING_CONTEXTS = _MEMORIALS | {"org", "trường", "đường", "phố", "tuyến đường", "đại lộ", "quỹ", "học bổng", "giải thưởng",
                   "tư tưởng", "phong cách", "đạo đức", "tấm gương", "huân chương", "huy chương",
                   "bảo tàng", "khu di tích", "di tích", "đền", "đền thờ", "lăng", "tượng đài", "cầu",
                   "chợ", "mang tên", "công viên", "quảng trường"}


def _coordinated(toks, keys, mentions: list[Mention], known: set[str]) -> list[Mention]:
    """"các đồng chí A và B": a run joined by "và"/"," to a person with a cue is a person too."""
    have = {m.start for m in mentions}
    covered = {x for m in mentions for x in range(m.start, m.end)}
    extra = []
    for m in mentions:
        if m.single or m.cue not in ("comrade", "address", "title", "apposition", "list", "surname", "trigger",
                                     "foreign"):
            continue
        # "Dương Mịch, Lý Băng Băng và …", "Vương Phi và Tạ Đình Phong": the item before a person too
        j = m.start - 1
        while j >= 2 and toks[j].key in ("và", ",") and m.cue != "foreign":
            e = j
            k = e
            while k - 1 >= 0 and _name_token(toks[k - 1]) and e - k < 4:
                k -= 1
            if e - k < 2 or k in have or any(x in covered for x in range(k, e)) \
                    or _surname_strength(keys, k) != 2 or (k > 0 and (toks[k - 1].cap or toks[k - 1].upper)):
                break
            rest, _c, org_led, unit_led = _strip_front(toks, keys, list(range(k, e)))
            if org_led or unit_led or not rest or rest[0] != k or _is_place(" ".join(keys[k:e]), known) \
                    or _context_before(toks, keys, k) is not None:
                break
            extra.append(Mention(k, e, "list"))
            have.add(k)
            j = k - 1
        j = m.end
        while j + 1 < len(toks) and toks[j].key in ("và", ","):
            k = j + 1
            e = k
            while e < len(toks) and _name_token(toks[e]) and e - k < 4:
                e += 1
            if e - k < 2 or k in have or _surname_strength(keys, k) != 2:
                break
            rest, _c, org_led, unit_led = _strip_front(toks, keys, list(range(k, e)))
            if org_led or unit_led or not rest or rest[0] != k:
                break
            if _is_place(" ".join(keys[k:e]), known):
                break
            extra.append(Mention(k, e, "list"))
            have.add(k)
            j = e
    return sorted(mentions + extra, key=lambda m: m.start)


def find_bylines(toks: list[Token], keys: list[str]) -> list[Mention]:
    """The author line(s) at the end of an article ("Kim Anh", "NGỌC THANH", "Quốc Sự - Ủy viên …")."""
    lines: list[tuple[int, int]] = []
    a = 0
    for i, t in enumerate(toks + [Token(0, 0, "\n", "\n", False, False, False)]):
        if t.text == "\n":
            if i > a:
                lines.append((a, i))
            a = i + 1
    out = []
    # "Tin, ảnh: Minh Hà" / "Tác giả: …" on a line of its own anywhere (some portals put it first)
    for a, b in lines[:-3]:
        for p in sorted(_BYLINE_PREFIX, key=len, reverse=True):
            pk = p.replace(",", " ,").split()
            k = a + len(pk)
            if keys[a:k] == pk and k < b and toks[k].text == ":":
                e = k + 1
                while e < b and _name_token(toks[e]) and e - k <= 4:
                    e += 1
                if 2 <= e - k - 1 <= 4 and (e == b or toks[e].text in ("-", "–", "(", ";", ",")):
                    out.append(Mention(k + 1, e, "byline"))
                break
    for a, b in reversed(lines[-3:]):
        words = [i for i in range(a, b) if toks[i].is_word]
        if not words:
            continue
        line_keys = " ".join(keys[a:b])
        if line_keys.startswith("theo ") and a + 1 < b:
            out.extend(_credited_authors(toks, keys, a + 1, b))
            continue
        if any(toks[i].text in ("|",) for i in range(a, b)) or line_keys.startswith("nguồn"):
            continue
        if (a, b) == lines[-1]:
            tail = _caps_signature(toks, keys, a, b)
            if tail is not None:
                out.append(tail)
                continue
        i = a
        for p in sorted(_BYLINE_PREFIX, key=len, reverse=True):
            pk = p.replace(",", " ,").split()
            if keys[i:i + len(pk)] == pk and i + len(pk) < b and toks[i + len(pk)].text == ":":
                i += len(pk) + 1
                break
        e = i
        while e < b and _name_token(toks[e]) and e - i < 5 and not (e > i and keys[e] in _SOURCE_WORDS):
            e += 1
        if e - i == 1 and _two_syllable_token(toks[i]):
            e_len = 2   # "H'Nhương": one token, two syllables
        else:
            e_len = e - i
        rest = [t for t in toks[e:b]]
        ok_end = not rest or rest[0].text in ("–", "-", "—", "(", ";") or rest[0].key in _SOURCE_WORDS
        if not _credit_name_ok(toks, keys, list(range(i, e))):
            ok_end = False   # "Ông Nguyễn Văn Tư, …" is a sentence, not a byline
        if 2 <= e_len <= 4 and ok_end and (b - a) <= 25 and not lexicons().titles.match(keys, i) \
                and not lexicons().org_heads.match(keys, i):
            out.append(Mention(i, e, "byline"))
            # "Trần Quang - Ngọc Lan", "Minh Anh, Thu Hà": co-authors on the same line
            while e < b and toks[e].text in ("-", "–", "—", ",", "và", "&"):
                k = e + 1
                f = k
                while f < b and _name_token(toks[f]) and f - k < 5:
                    f += 1
                if not (2 <= f - k <= 4) or (f < b and toks[f].text not in ("-", "–", "—", ",", "và", "&", "(")) \
                        or lexicons().titles.match(keys, k):
                    break
                out.append(Mention(k, f, "byline"))
                e = f
        elif e_len < 2 and len(words) > 6:
            break   # the last line is body text: no byline
    return out


_SOURCE_WORDS = ("theo", "nguồn")


def _credited_authors(toks, keys, a: int, b: int) -> list[Mention]:
    """ "Theo Vân Thiêng - Đặng Thùy": after "Theo" on a closing line, two or more names of two to
    four words joined by dashes, commas or "và" are the reporters (one name alone may be a
    newspaper: "Theo Thanh Niên")."""
    names, k = [], a
    while k < b:
        e = k
        while e < b and _name_token(toks[e]) and e - k < 5:
            e += 1
        if not 2 <= e - k <= 4 or lexicons().titles.match(keys, k) or lexicons().org_heads.match(keys, k):
            return []
        names.append(Mention(k, e, "byline"))
        if e == b or toks[e].text in ("(", "/"):
            break
        if toks[e].text not in ("-", "–", "—", ",", "và", "&"):
            return []
        k = e + 1
    return names if len(names) >= 2 else []


def _caps_signature(toks, keys, a: int, b: int) -> Mention | None:
    """ "… về Hải Phòng công tác. ĐOÀN CHÂU": a signature in capitals run onto the last line after
    the closing sentence (two to four capitalised name words, a surname first, nothing after)."""
    e = b
    k = e
    while k > a and toks[k - 1].upper and _name_token(toks[k - 1]) and e - k < 4:
        k -= 1
    if not 2 <= e - k <= 4 or k == a or toks[k - 1].text not in (".", "!", "?", "…", "\"", "”"):
        return None
    if any(toks[x].upper for x in range(a, k - 1) if toks[x].is_word and len(toks[x].text) > 1) \
            and sum(toks[x].upper for x in range(a, k)) * 2 > k - a:
        return None   # a line in capitals is a heading, not a body line with a signature
    if _surname_strength(keys, k) == 0 or lexicons().titles.match(keys, k) or lexicons().org_heads.match(keys, k):
        return None
    return Mention(k, e, "byline")


def _credit_name_ok(toks, keys, run: list[int]) -> bool:
    """Nothing a sentence opens with stands at the front of a credited name, except a surname that is
    also a common word ("Ảnh: Bế Thảo": Bế is a Tày surname, "Bế mạc" a closing ceremony)."""
    rest, cue, _org, _unit = _strip_front(toks, keys, run)
    if rest == run:
        return True
    return cue is None and rest == run[1:] and keys[run[0]] in lexicons().surnames


def find_photo_credits(toks: list[Token], keys: list[str]) -> list[Mention]:
    """"(Ảnh: Minh Trí)", "Ảnh: THU HÀ" anywhere in the text: the photographer is a person."""
    out = []
    for i in range(len(toks) - 3):
        if keys[i] in ("ảnh", "video", "clip") and toks[i + 1].text == ":" and (i == 0 or toks[i - 1].text in ("(", "\n", ".", ";", ",")):
            k = i + 2
            e = k
            while e < len(toks) and _name_token(toks[e]) and e - k < 5:
                e += 1
            # "Ảnh: Minh Đức/TTXVN": a slash before the agency closes the name too
            closed = e >= len(toks) or toks[e].text in (")", "\n", ".", ";", ",", "-", "–", "/", "|")
            if 2 <= e - k <= 4 and closed and _credit_name_ok(toks, keys, list(range(k, e))):
                out.append(Mention(k, e, "byline"))
    return out


# words that follow a name in a sentence and are never part of it ("NGUYỄN VĂN A VÀ …", "… ĐÃ PHÁT BIỂU")
_AFTER_NAME = word_set("people", "after_name.txt")


def caps_text_mentions(toks: list[Token], keys: list[str], mentions: list[Mention]) -> list[Mention]:
    """In an all-capitals text keep only names shaped like names: a surname or minority opener first,
    no common two-syllable word inside ("CAO TUỔI", "NÔNG NGHIỆP", "Y TẾ" are words, "VĂN HẢI" after a
    middle name is not), and no function word at the end ("NGUYỄN ĐỨC LƯƠNG VÀ" → "NGUYỄN ĐỨC LƯƠNG")."""
    from ..figures import _in_dict   # the Viet74K list of common Vietnamese words
    out = []
    for m in mentions:
        end = m.end
        while end - m.start > 2 and keys[end - 1] in _AFTER_NAME:
            end -= 1
        if keys[end - 1] in _AFTER_NAME:
            continue
        if m.cue == "byline":
            out.append(m)   # a signature line stands alone: "THANH TÂM"
            continue
        if _surname_strength(keys, m.start) == 0:
            continue
        names = name_syllables()
        if any(_in_dict(keys[k] + " " + keys[k + 1]) and not (keys[k] in names and keys[k + 1] in names)
               for k in range(m.start, end - 1)):
            continue
        m.end = end
        out.append(m)
    return out
