"""Organization names in running text: where a name that opens with an organization head
("Huyện ủy", "UBND", "Sở", "Bệnh viện" …) ends, the places an article is about, and completing a bare
body ("Huyện ủy", "UBND huyện") from those places with words the text itself contains.
"""
from __future__ import annotations

import bisect

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import lexicons
from .records import Token

# the administrative level a bare party/youth committee belongs to
COMMITTEE_UNIT = {
    "tỉnh ủy": "tỉnh", "tỉnh đoàn": "tỉnh",
    "thành ủy": "thành phố", "thành đoàn": "thành phố",
    "huyện ủy": "huyện", "huyện đoàn": "huyện",
    "quận ủy": "quận", "quận đoàn": "quận",
    "thị ủy": "thị xã", "thị đoàn": "thị xã",
}
# "TU Hà Tĩnh", "HU Quế Phong", "ĐU xã X": committees abbreviated in capitals (a capitalised "Tu" opens
# "Tu Mơ Rông" or "Tu bổ", so only the all-capital spelling is a committee)
COMMITTEE_UNIT.update({"tu": "tỉnh", "hu": "huyện"})
CAPS_ONLY_HEADS = frozenset({"tu", "hu", "đu", "tư", "tw"})   # "Sở Tư pháp": a syllable
COMMUNE_UNITS = ("xã", "phường", "thị trấn", "đặc khu")


def caps_only_head_ok(toks: list[Token], i: int, end: int) -> bool:
    """False for "Tu"/"Hu"/"Đu" written otherwise than in capitals (a syllable, not a committee)."""
    return not (end == i + 1 and toks[i].key in CAPS_ONLY_HEADS and not toks[i].upper)
_DASHES = {"-", "–", "—"}


def _canon_committee(key: str) -> str:
    return key.replace("uỷ", "ủy")


@dataclass(frozen=True)
class OrgSpan:
    start: int        # token index
    end: int          # token index (exclusive)
    kind: str         # party, youth, people, council, front, delegation, agency
    head_end: int     # token index after the head words
    place: tuple[str, str] | None = None   # (unit, name) named inside the organization


def place_run_end(toks: list[Token], i: int, stops: frozenset[int] | set[int], maxlen: int = 5) -> int:
    """End of a run of capitalised words (or a number) naming a place, starting at ``i``."""
    j = i
    n = len(toks)
    while j < n and j - i < maxlen and j not in stops:
        t = toks[j]
        if not t.is_word:
            break
        if not (t.cap or t.upper or (j == i and t.text.isdigit())):
            break
        if j > i and _rank_at(toks, j):
            break      # "Công an huyện Mường La Thượng tá Lường Văn Ân": a rank opens the holder
        j += 1
    if i < j < n and j - i < maxlen and j not in stops and toks[j].text.isdigit() and len(toks[j].text) <= 2 \
            and toks[j - 1].start < toks[j].start \
            and not (j + 1 < n and (toks[j + 1].key in _count_nouns() or toks[j + 1].key in _MORE_COUNTS)):
        j += 1         # "xã Sơn Kim 2": a commune known by a name and a number ("… 2 hộ" is a count)
    return j


def _rank_at(toks: list[Token], j: int) -> bool:
    ks = [t.key for t in toks[j:j + 3]]
    return bool(lexicons().ranks.match(ks, 0))


def match_unit(toks: list[Token], keys: list[str], i: int):
    """(end, level, unit word) of an administrative unit word at ``i`` ("TP." counts)."""
    m = lexicons().admin_units.match(keys, i)
    if not m:
        return None
    end, (level, unit) = m
    if toks[i].text in ("Q", "P", "H", "X") and not (end < len(toks) and toks[end].text == "." and toks[end].start == toks[i].end
                                                     and end + 1 < len(toks) and (toks[end + 1].cap or toks[end + 1].text.isdigit())):
        return None   # "Q.1", "P.Tân Định" only: a lone capital letter is an initial
    if toks[i].text in ("H", "X") and not (i > 0 and toks[i - 1].is_word and (toks[i - 1].upper or toks[i - 1].cap
                                                                            or keys[i - 1] in ("ủy", "uỷ"))):
        return None   # "UBND H. Quỳnh Lưu", "Đảng ủy X. Diễn Hoa": only inside a body's name ("H. Minh" is a byline)
    if unit == "thôn" and i > 0 and keys[i - 1] == "nông":
        return None   # "nông thôn" (countryside)
    if unit == "xã" and end < len(keys) and keys[end] == "hội" and not toks[end].cap:
        return None   # "xã hội" (society): "Ngân hàng Chính sách xã hội"
    if end < len(keys) and keys[end] in ("ủy", "đoàn", "đội"):
        # "Huyện ủy", "Tỉnh đoàn": a committee, not a unit word; but a lower-case unit word before a
        # capitalised Đoàn/Đội and another capitalised word is a unit and a surname ("tỉnh Đoàn Văn A")
        surname_after = (keys[end] != "ủy" and not toks[i].cap and not toks[i].upper and toks[end].cap
                         and end + 1 < len(toks) and toks[end + 1].cap)
        if not surname_after:
            return None
    if end < len(toks) and toks[end].text == "." and toks[end - 1].text in ("TP", "TX", "Q", "P", "H", "X"):
        end += 1
    if toks[i].upper and toks[i].text not in ("TP", "TX"):
        return None
    if toks[i].cap and toks[i].text not in ("TP", "TX", "Q", "P", "H", "X") and i > 0 and toks[i - 1].text not in (".", "\n", ":", ";", "(", "\"", "“") \
            and not (end < len(toks) and toks[end].text.isdigit()):   # "Phường 5", "Quận 1" are units
        return None   # "Xã hội" inside a name: a capitalised unit word opens a sentence
    return end, level, unit


_LOWER_COMMITTEES = frozenset({"tỉnh", "huyện", "thành", "quận", "thị"})


def parse_org(toks: list[Token], keys: list[str], i: int, stops, maxlen: int = 16,
              allow_lower: bool = False) -> OrgSpan | None:
    """The organization name that opens at token ``i``, or None when no head is there
    (a lower-case head only with ``allow_lower``: "Trưởng phòng Văn hóa - Thông tin huyện X")."""
    lx = lexicons()
    t = toks[i]
    if not t.is_word:
        return None
    if not (t.cap or t.upper or allow_lower):
        # "Trưởng ban Tổ chức huyện ủy Chư Sê": a committee written in lower case before its place
        if not (keys[i] in _LOWER_COMMITTEES and i + 2 < len(toks) and keys[i + 1] in ("ủy", "uỷ")
                and toks[i + 2].is_word and toks[i + 2].cap and i + 2 not in stops):
            return None
    m = lx.org_heads.match(keys, i)
    if not m or not caps_only_head_ok(toks, i, m[0]):
        return None
    head_end, kind = m
    j = head_end
    n = len(toks)
    place = None
    if kind == "agency" and head_end - i == 1 and not allow_lower and not toks[i].upper and \
            (head_end >= n or not (toks[head_end].cap or toks[head_end].upper)):
        return None   # "Hội nghị", "Ban hành", "Bộ máy": a common word, not a named body
    while j < n and j - i < maxlen and (j not in stops or (kind == "agency" and keys[j - 1] in _LEGAL_FORMS)):
        # "Công ty TNHH Trần Liên Hưng": after its legal form a company's name may look like a person's
        t = toks[j]
        if not t.is_word:
            if t.text == "," and kind in ("agency", "committee") and j > head_end:
                e = _comma_list_end(toks, keys, j, stops)
                if e:
                    j = e      # "Sở Văn hóa, Thể thao và Du lịch": the name lists its fields
                    continue
                if kind == "committee" and keys[j - 1] == "phòng" and j + 1 < n and keys[j + 1] == "chống":
                    j += 1     # "Ban Chỉ đạo phòng, chống tham nhũng"
                    continue
            if t.text == "&" and j > head_end and j + 1 < n and toks[j - 1].upper and toks[j + 1].upper \
                    and toks[j - 1].end == t.start and t.end == toks[j + 1].start:
                j += 1     # "Bộ GD&ĐT", "Sở VH-TT&DL": an ampersand inside an abbreviated name
                continue
            if t.text in _DASHES and j + 1 < n and toks[j + 1].cap and j > head_end \
                    and toks[j - 1].is_word and not lx.titles.match(keys, j + 1) and (j + 1) not in stops:
                j += 1
                continue
            break
        u = match_unit(toks, keys, j)
        if u:
            uend, _level, unit = u
            if uend < n and toks[uend].text == "." and toks[uend - 1].text in ("TP", "TX", "Q", "P", "H", "X"):
                uend += 1
            pend = place_run_end(toks, uend, stops)
            if pend > uend:
                place = (unit, " ".join(x.text for x in toks[uend:pend]))
                j = pend
            else:
                place = (unit, "")
                j = uend
            break
        if t.cap or t.upper:
            if j > head_end and (lx.honorifics.match(keys, j) or lx.ranks.match(keys, j)) and not lx.org_heads.match(keys, j):
                break
            sub = lx.org_heads.match(keys, j) if j > i else None
            if sub and (sub[1] in ("party", "youth") or kind == "party"):
                # "… Huyện ủy Đồng Văn" closes "Ban Thường vụ …"; "Chi bộ Văn phòng Đoàn đại biểu Quốc hội
                # tỉnh X", "Đảng ủy Công an tỉnh": the body a party organization belongs to closes it too
                # "Ban Thường vụ Huyện ủy Đồng Văn": the committee closes the name
                inner = parse_org(toks, keys, j, stops, maxlen=maxlen)
                if inner is not None and (sub[1] in ("party", "youth") or inner.end > inner.head_end):
                    j = inner.end
                    place = inner.place
                    break
            j += 1
            continue
        # lower-case word
        if j == head_end and t.text.isdigit() and (kind == "committee" or lx.admin_units.match(keys, i)):
            # "Ban Chỉ đạo 35": a committee numbered after its resolution; "Tổ dân phố 3", "Khu phố 2":
            # a residential unit known by its number
            j += 1
            continue
        if t.key == "sản" and keys[j - 1] == "cộng":
            j += 1     # "Đảng Cộng sản Cuba": the party's name goes on after its lower-case syllable
            continue
        if t.key == "và":
            # "Sở Lao động – Thương binh và Xã hội", "Văn phòng HĐND và UBND": only inside an agency name,
            # and the party committee of a bloc ("Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh")
            if (kind == "agency" or (kind == "party" and "khối" in keys[i:j])) and j + 1 < n and toks[j + 1].is_word and (toks[j + 1].cap or toks[j + 1].upper) \
                    and (j + 1) not in stops:
                j += 1
                continue
            break
        w = lx.org_words.match(keys, j)
        if w:
            j = w[0]
            continue
        w = lx.org_words.match(keys, j - 1) if j - 1 >= head_end else None
        if w and w[0] > j:
            j = w[0]   # "Sở Tài nguyên …": the word began capitalised one token before
            continue
        if kind == "committee" and t.key in ("các", "về") and j + 1 < n and toks[j + 1].cap:
            j += 1     # "Ban Chỉ đạo các Chương trình mục tiêu quốc gia", "Ban Chỉ đạo Nhà nước về Du lịch"
            continue
        if t.text.isdigit() and kind == "agency" and (j == head_end or toks[j - 1].cap or toks[j - 1].upper) \
                and (j + 1 >= n or not toks[j + 1].is_word):
            # "Quân đoàn 2", "Quân khu 7", "Trường THPT Thạch Thành 1": a unit or school known by its
            # number, which closes the name ("Trường X 3 năm liền" is a count, not a name)
            j += 1
            break
        if kind not in ("agency", "committee"):
            break   # a committee's name is its head, capitalised words and a place: "Tỉnh ủy Hà Giang"
        if t.key not in lx.org_vocab and toks[j - 1].cap and not toks[j - 1].upper and j - 1 >= head_end \
                and _proper_run_before(toks, lx, j, head_end) < 2 and f"{keys[j - 1]} {t.key}" in compound_words():
            j += 1     # "Sở Tư pháp", "Viện Huyết học": the second syllable of a capitalised field word
            continue
        if t.key not in lx.org_vocab:
            if kind == "committee" or (allow_lower and kind == "agency" and j == head_end):
                e = _lower_bridge_end(toks, keys, j, stops, True)
            else:
                e = _lower_bridge_end(toks, keys, j, stops) if j > head_end and toks[j - 1].cap \
                    and _proper_run_before(toks, lx, j, head_end) < 2 else 0
            if e:
                j = e      # "Viện Lịch sử Quân sự Việt Nam": the rest of a field name up to the name's end
                if match_unit(toks, keys, e):
                    continue   # … or up to the unit word and place that close a committee's name
                break
            break   # "Đồn Biên phòng Ia Púch vận động …": a verb ends the name
        if _proper_run_before(toks, lx, j, head_end) >= 2:
            break   # … and so does any lower-case word after a proper name ("… Ia Púch vận động")
        if t.key in lx.org_vocab and not lx.org_stop.match(keys, j):
            j += 1
            continue
        if lx.org_stop.match(keys, j) or lx.titles.match(keys, j) or lx.triggers.match(keys, j):
            break
        j += 1
    while j > head_end and (toks[j - 1].key == "và" or toks[j - 1].text in _DASHES):
        j -= 1
    if j == head_end and kind == "agency" and head_end - i == 1:
        return None   # a bare "Sở", "Hội", "Ban" names nothing
    if place is None and kind in ("party", "youth") and j > head_end:
        # "Huyện ủy Tam Dương": the place follows the committee directly
        committee = _canon_committee(" ".join(keys[i:head_end]))
        if committee in COMMITTEE_UNIT and toks[head_end].cap:
            place = (COMMITTEE_UNIT[committee], " ".join(x.text for x in toks[head_end:j]))
    return OrgSpan(i, j, kind, head_end, place)


def _lower_bridge_end(toks: list[Token], keys: list[str], j: int, stops, unit_end: bool = False) -> int:
    """Inside an agency name only the first syllable of each field word is capitalised ("Viện Lịch sử
    Quân sự Việt Nam", "Hội Huyết học truyền máu Việt Nam", "Công ty Cổ phần Vật liệu xây dựng
    Secoin"): from the lower-case syllable at ``j``, the end of the name when the words up to the next
    punctuation mark are such a name, i.e. no function word, verb of the clause, title or person among
    them, and the run ends on a capitalised word (or, with ``unit_end``, for a steering or election
    committee, right before a unit word); else 0."""
    lx = lexicons()
    n = len(toks)
    k = j
    last_cap = 0
    while k < n and k - j < (12 if unit_end else 8) and toks[k].is_word:
        if k in stops or lx.titles.match(keys, k) or lx.honorifics.match(keys, k) or lx.ranks.match(keys, k):
            return 0
        if toks[k].cap or toks[k].upper:
            last_cap = k + 1
        elif unit_end and k > j and match_unit(toks, keys, k):
            return k   # "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở | tỉnh": the unit closes a committee
        elif lx.org_stop.match(keys, k) or lx.triggers.match(keys, k) or match_unit(toks, keys, k) \
                or keys[k] in _BRIDGE_STOP or toks[k].text.isdigit():
            return 0
        k += 1
    if k < n and toks[k].is_word:
        return 0   # no punctuation mark closes the run: a clause goes on
    return k if last_cap == k and last_cap > j else 0


# lower-case words that never sit inside an agency name between its capitalised fields
_BRIDGE_STOP = frozenset({"và", "của", "theo", "thì", "mà", "nên", "nhưng", "hay", "hoặc", "như", "biết",
                          "tổ", "chức", "phối", "hợp", "thăm", "gặp", "gửi", "nhận", "tiếp", "mời", "vận",
                          "kiểm", "họp", "ký", "khen", "báo", "cáo", "đi", "đến"})


def _proper_run_before(toks: list[Token], lx, j: int, head_end: int) -> int:
    """How many capitalised words outside the organization vocabulary stand right before ``j``."""
    k = j - 1
    while k >= head_end and toks[k].is_word and toks[k].cap and not toks[k].upper and toks[k].key not in lx.org_vocab:
        k -= 1
    return j - 1 - k


def _comma_list_end(toks: list[Token], keys: list[str], j: int, stops) -> int:
    """After the comma at ``j`` inside an agency name: the end of a list of capitalised fields closed
    by "và" (", Thể thao và Du lịch", ", Thông tin và Thể thao"), or 0 when the comma ends the name."""
    lx = lexicons()
    n = len(toks)

    def field_end(k: int) -> int:
        if k >= n or k in stops or not toks[k].is_word or not toks[k].cap or toks[k].upper \
                or lx.titles.match(keys, k) or lx.org_heads.match(keys, k) or lx.honorifics.match(keys, k) \
                or match_unit(toks, keys, k):
            return 0
        e = k + 1
        while e < n and e - k < 3 and e not in stops and toks[e].is_word and not toks[e].upper \
                and keys[e] != "và" and (toks[e].cap or keys[e] in lx.org_vocab) and not match_unit(toks, keys, e):
            e += 1
        return e

    k = j
    for _ in range(4):
        if k >= n or toks[k].text != ",":
            return 0
        e = field_end(k + 1)
        if not e:
            return 0
        if e < n and keys[e] == "và":
            last = field_end(e + 1)
            return last or 0
        k = e
    return 0


def article_places(toks: list[Token], keys: list[str], stops) -> dict[str, str]:
    """The place the article is about at each unit level ("huyện" → "Tam Dương"): the name most
    often written with that unit word (or inside a committee name), the first one on ties."""
    counts: dict[str, Counter] = {}
    first: dict[tuple[str, str], int] = {}
    i, n = 0, len(toks)
    lx = lexicons()
    while i < n:
        u = match_unit(toks, keys, i)
        if u:
            uend, _level, unit = u
            if i > 0 and keys[i] == "xã" and keys[i - 1] == "tác":
                i = uend
                continue   # "Hợp tác xã" is a cooperative
            pend = place_run_end(toks, uend, stops, maxlen=4)
            if pend > uend and not lx.org_heads.match(keys, uend):
                name = " ".join(x.text for x in toks[uend:pend])
                counts.setdefault(unit, Counter())[name] += 1
                first.setdefault((unit, name), i)
            i = max(uend, pend)
            continue
        m = lx.org_heads.match(keys, i)
        if m and toks[i].cap and caps_only_head_ok(toks, i, m[0]):
            committee = _canon_committee(" ".join(keys[i:m[0]]))
            if committee in COMMITTEE_UNIT and m[0] < n and toks[m[0]].cap and m[0] not in stops:
                pend = place_run_end(toks, m[0], stops, maxlen=4)
                name = " ".join(x.text for x in toks[m[0]:pend])
                unit = COMMITTEE_UNIT[committee]
                counts.setdefault(unit, Counter())[name] += 1
                first.setdefault((unit, name), i)
                i = pend
                continue
        i += 1
    out = {}
    best_commune = None
    for unit, c in counts.items():
        best = sorted(c.items(), key=lambda kv: (-kv[1], first[(unit, kv[0])]))
        out[unit] = best[0][0]
        if unit in COMMUNE_UNITS:
            cand = (best[0][1], -first[(unit, best[0][0])], unit)
            if best_commune is None or cand > best_commune:
                best_commune = cand
    if best_commune is not None:
        out["_commune"] = best_commune[2]
    return out


def complete_org(text: str, keys: list[str], span: OrgSpan | None, main: dict[str, str],
                 chain_place: tuple[str, str] | None = None,
                 earlier: "EarlierOrgs | None" = None) -> str:
    """Complete a bare organization from the article's places (only words the text contains)."""
    if span is None or not text:
        return text
    body = keys[span.start:span.end]
    last = body[-1] if body else ""
    # ends with a bare unit word: "UBND huyện", "Hội Liên hiệp Phụ nữ tỉnh"
    for unit in sorted({u for lv, u in _unit_words() if lv != "village"}, key=len, reverse=True):
        uk = tuple(unit.split())
        if tuple(body[-len(uk):]) == uk and span.end - span.start > len(uk):
            if chain_place and chain_place[0] == unit and chain_place[1]:
                return f"{text} {chain_place[1]}"
            near = earlier.last_near(tuple(body), span.start, keys) if earlier is not None else None
            if near is not None:
                return near   # "Bí thư Đảng ủy xã Tam Đường …; giao đồng chí B – Phó Bí thư Đảng ủy xã": that xã
            if unit in main:
                return f"{text} {main[unit]}"
            return text
    if last in ("tp", "tx"):
        return text
    if span.kind == "other" and span.place is not None and not span.place[1] and span.end - span.start == 1:
        unit = span.place[0]
        if chain_place and chain_place[0] == unit and chain_place[1]:
            return f"{text} {chain_place[1]}"
        return f"{text} {main[unit]}" if unit in main else text   # "Phó Chủ tịch tỉnh A": "tỉnh X"
    if span.kind in ("people", "council", "front") and span.end == span.head_end and chain_place \
            and chain_place[1] and chain_place[0] != "thôn":
        # "Chủ tịch HĐND, Chủ tịch UBND huyện Can Lộc": a bare council or committee of the apposition
        # whose later post names the unit
        return f"{text} {chain_place[0]} {chain_place[1]}"
    committee = _canon_committee(" ".join(body))
    if committee in COMMITTEE_UNIT:
        unit = COMMITTEE_UNIT[committee]
        if chain_place and chain_place[0] == unit and chain_place[1]:
            return f"{text} {chain_place[1]}"
        if unit in main:
            return f"{text} {main[unit]}"
        return text
    if committee == "đảng ủy":
        if chain_place and chain_place[0] in COMMUNE_UNITS:
            if chain_place[1]:
                return f"{text} {chain_place[0]} {chain_place[1]}"
            if chain_place[0] in main:
                return f"{text} {chain_place[0]} {main[chain_place[0]]}"
        unit = main.get("_commune")
        if unit:
            return f"{text} {unit} {main[unit]}"
        return text
    if span.kind == "agency" and span.place is None and body and body[0] == "sở":
        if "tỉnh" in main:
            return f"{text} tỉnh {main['tỉnh']}"
        city = main.get("thành phố")
        if city and city in _central_cities():
            return f"{text} thành phố {city}"
    if earlier is not None and not (span.place and span.place[1]):
        # "giữ chức Giám đốc Trung tâm", "Bí thư Đảng ủy Khối": the body the article named in full before
        # (not when the text names the place itself, and never from a headline in capitals)
        name = earlier.last_before(tuple(body), span.start)
        if name is not None:
            return name
    return text


class EarlierOrgs:
    """The organizations an article writes in full, indexed by their first words: ``last_before(head,
    pos)`` is the last one written before token ``pos`` that begins with ``head`` and goes on with a
    capitalised word ("Trung tâm" → "Trung tâm Y tế huyện X"). A binary search per lookup, so that
    completing every title of a long text stays linear."""

    def __init__(self, orgs: list[tuple[tuple[str, ...], str, int]]):
        self._by_head: dict[tuple[str, ...], tuple[list[int], list[str]]] = {}
        for name_keys, name, at in orgs:       # in text order
            if name.isupper():
                continue   # never from a headline in capitals
            words = name.split()
            for h in range(1, len(name_keys)):
                if any(w[:1].isupper() for w in words[h:]):
                    at_list, names = self._by_head.setdefault(tuple(name_keys[:h]), ([], []))
                    at_list.append(at)
                    names.append(name)

    def last_near(self, head: tuple[str, ...], pos: int, keys: list[str], reach: int = 80) -> str | None:
        """``last_before`` written at most ``reach`` tokens before ``pos`` in the same paragraph."""
        hit = self._by_head.get(head)
        if hit is None:
            return None
        k = bisect.bisect_left(hit[0], pos)
        if k == 0 or pos - hit[0][k - 1] > reach or "\n" in keys[hit[0][k - 1]:pos]:
            return None
        return hit[1][k - 1]

    def last_before(self, head: tuple[str, ...], pos: int) -> str | None:
        hit = self._by_head.get(head)
        if hit is None:
            return None
        k = bisect.bisect_left(hit[0], pos)
        return hit[1][k - 1] if k > 0 else None


_LEGAL_FORMS = frozenset({"tnhh", "mtv", "phần", "viên"})   # "TNHH", "MTV", "Cổ phần", "một thành viên"
_MORE_COUNTS = frozenset({"lần", "đợt", "vòng", "giờ", "phút", "tuần", "quý", "cuộc", "lượt", "ý", "tiêu", "đơn"})


@lru_cache(maxsize=1)
def _count_nouns() -> frozenset[str]:
    from ..lexicon import words
    return words("places", "count_nouns.txt")


@lru_cache(maxsize=1)
def compound_words() -> frozenset[str]:
    """Two- and three-syllable words of underthesea's Viet74K list (the figures module loads it)."""
    from ..figures import _dictionary
    return _dictionary()


@lru_cache(maxsize=1)
def _central_cities() -> frozenset[str]:
    from ..lexicon import rows
    return frozenset(r[0] for r in rows("people", "central_cities.txt"))


@lru_cache(maxsize=1)
def _unit_words() -> list[tuple[str, str]]:
    """(level, unit word) of every spelled-out administrative unit word."""
    from ..lexicon import rows
    return [(r[1], r[2]) for r in rows("people", "admin_units.tsv") if not r[0].endswith(".") and r[0] not in ("TP", "TX")]
