"""Positions: parse a title ("Phó Trưởng Ban Pháp chế HĐND", "UVBTV", "nguyên Bí thư") with the
organization after it, chains of titles ("A, B, C"), and attach them to a person: in apposition after
the name, right before the name, or after "giữ chức"/"được bầu" (appointed, elected, relieved).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import words as word_set
from .lexicon import lexicons
from .orgs import OrgSpan, compound_words, parse_org
from .records import Token

_BODY_KINDS = ("people", "council", "front", "delegation", "committee")
_CADRES_BODIES = {("ban", "cán", "sự", "đảng"), ("đảng", "đoàn")}
_FILLER = word_set("people", "appointment_fillers.txt")


@dataclass
class TitleItem:
    start: int                 # token index of the title (after "nguyên")
    title_end: int             # token index after the title words
    end: int                   # token index after the title and its organization
    kind: str
    former: bool
    org: OrgSpan | None
    implied_org: str = ""      # "Tỉnh ủy" for "Tỉnh ủy viên"
    back_ref: tuple[str, ...] = ()   # "nhà trường" after the post: head keys of the body it refers to
    borrow_next: bool = False  # "Bí thư Ban cán sự đảng, Bộ trưởng Bộ X": the body of the next post


def _dash_inside(toks: list[Token], k: int) -> bool:
    return toks[k].text in ("-", "–") and k > 0 and toks[k - 1].is_word and k + 1 < len(toks) \
        and toks[k + 1].is_word and toks[k + 1].cap


def _inside_body_line(toks: list[Token], d: int) -> bool:
    """A "phòng" name that ends its line or cell with nothing after it ("Trưởng phòng Tài chính - Kế
    toán" in a staff table): a department of the body the table is about, not a district office."""
    return d >= len(toks) or toks[d].text in ("\n", "\t")


def _dept_end(toks: list[Token], keys: list[str], j: int, stops) -> int:
    """End of a department name ("Phòng Tổ chức cán bộ") starting at the department noun j."""
    lx = lexicons()
    k = j + 1
    n = len(toks)
    while k < n and k not in stops and (toks[k].is_word or _dash_inside(toks, k)) and k - j < 8:
        if not toks[k].is_word:
            k += 1   # "Phòng Tài chính - Kế toán"
            continue
        if toks[k].key == "và" and k + 1 < n and toks[k + 1].cap:
            k += 1
            continue
        w = lx.org_words.match(keys, k)
        if w and not toks[k].cap:
            k = w[0]     # "Phòng Cảnh sát quản lý hành chính về trật tự xã hội"
            continue
        if toks[k].cap:
            if lx.org_heads.match(keys, k) and k > j + 1:
                break
            k += 1
            continue
        if lx.org_stop.match(keys, k) or lx.admin_units.match(keys, k):
            break
        k += 1
    return k


_TEAM_WORDS = frozenset({"đoàn", "tổ"})
_OWN_BODY_HEADS = frozenset({"cục", "viện", "vụ", "trường", "chi"})   # "Cục trưởng Cục thi hành án …"


def _numbered_team_end(toks: list[Token], keys: list[str], j: int, stops) -> int:
    """End of a numbered team after "Trưởng" ("đoàn kiểm tra số 3", "Đoàn công tác số 5", "Tổ công tác
    số 2"): the team word, at most three lower-case words saying what it does, "số" and a number; else 0."""
    n = len(toks)
    if keys[j] not in _TEAM_WORDS:
        return 0
    k = j + 1
    while k < n and k - j <= 3 and toks[k].is_word and keys[k] != "số" and k not in stops \
            and not toks[k].text.isdigit():
        k += 1
    if k + 1 < n and keys[k] == "số" and toks[k + 1].text.isdigit() and k > j + 1:
        return k + 2
    return 0


def _dept_comma(toks: list[Token], keys: list[str], d: int, stops) -> int:
    """A department name that goes on in lower case ("Trưởng phòng Người có công, Sở Nội vụ tỉnh X"):
    the comma that closes it when its agency follows the comma; else ``d`` unchanged."""
    n = len(toks)
    k = d
    while k < n and k - d < 6 and toks[k].is_word and k not in stops and not toks[k].upper \
            and not lexicons().titles.match(keys, k):
        k += 1
    if k > d and k + 1 < n and toks[k].text == "," and toks[k + 1].cap:
        o = parse_org(toks, keys, k + 1, stops)
        if o is not None and o.kind == "agency" and o.end > o.head_end:
            return k
    return d


def parse_title(toks: list[Token], keys: list[str], i: int, stops) -> TitleItem | None:
    lx = lexicons()
    n = len(toks)
    j = i
    former = False
    if j < n and keys[j] == "nguyên":
        former = True
        j += 1
    ts = j
    if j < n and keys[j] == "quyền":
        j += 1
    if j < n and keys[j] == "phó":
        j += 1
    if j >= n or j in stops:
        return None
    m = lx.titles.match(keys, j)
    if not m:
        return None
    j, (form, kind, extra) = m
    org: OrgSpan | None = None
    title_end = j
    if kind == "chief":
        if j >= n or (keys[j] not in lx.chief_units and " ".join(keys[j:j + 2]) not in lx.chief_units):
            return None
        unit_len = 1 if keys[j] in lx.chief_units else 2
        team = _numbered_team_end(toks, keys, j, stops)
        cm = lx.commissions.match(keys, j)
        if keys[j + 1:j + 3] == ["phụ", "trách"] and j + 3 < n and toks[j + 3].cap:
            o = parse_org(toks, keys, j + 3, stops)
            if o is not None and o.end > o.head_end:
                # "Phó Trưởng phòng phụ trách Phòng Giáo dục và Đào tạo huyện X": the office it is in charge of
                return TitleItem(ts, j + unit_len, o.end, kind, former, o)
        if team:
            # "Trưởng đoàn kiểm tra số 3 (của Ban Thường vụ Tỉnh ủy)": a numbered team named right after
            # the post stays in the title and is the organization, with the body it belongs to
            end = team
            if end + 1 < n and keys[end] == "của" and toks[end + 1].cap:
                o = parse_org(toks, keys, end + 1, stops)
                if o is not None:
                    end = o.end
            return TitleItem(ts, team, end, kind, former, OrgSpan(j, end, "committee", j + 1))
        if cm:
            title_end = j = cm[0]
            # "Phó Trưởng ban Thường trực Ban Dân vận": a commission after "ban Thường trực"
            cm2 = lx.commissions.match(keys, j) if j < n and toks[j].cap else None
            if cm2:
                title_end = j = cm2[0]
        elif keys[j] in lx.dept_units and j + 1 < n and toks[j + 1].cap:
            d = _dept_end(toks, keys, j, stops)
            d = _dept_comma(toks, keys, d, stops)
            nxt = d + 1 if d < n and toks[d].text == "," else d
            o = parse_org(toks, keys, nxt, stops) if nxt < n else None
            if d > j + 1 and o is not None and o.kind == "agency":
                return TitleItem(ts, d, o.end, kind, former, o)
            if d > j + 1 and not (d < n and lx.admin_units.match(keys, d)) \
                    and (keys[j] != "phòng" or _inside_body_line(toks, d)):
                # "Trưởng khoa Hồi sức tích cực": a department of a body the text does not name here
                return TitleItem(ts, d, d, kind, former, None)
            title_end = j + 1
            o = parse_org(toks, keys, j, stops, allow_lower=True)
            if o and o.end > o.head_end:
                return TitleItem(ts, title_end, o.end, kind, former, o)
            return TitleItem(ts, title_end, title_end, kind, former, None)
        else:
            if keys[j] == "ban" and j + 1 < n and toks[j + 1].cap and (lx.org_heads.match(keys, j) or (0,))[0] <= j + 1:
                d = _dept_comma(toks, keys, _dept_end(toks, keys, j, stops), stops)
                if d < n and toks[d].text == ",":
                    # "Phó trưởng Ban Xây dựng tổ chức hội, Hội Liên hiệp phụ nữ tỉnh X": a board of the
                    # association named after the comma stays in the title
                    o = parse_org(toks, keys, d + 1, stops)
                    return TitleItem(ts, d, o.end, kind, former, o)
            o = parse_org(toks, keys, j, stops, allow_lower=True)
            if o and o.kind in _BODY_KINDS:
                return TitleItem(ts, _committee_name_end(toks, keys, o), o.end, kind, former, o)
            if o and o.kind == "agency" and keys[j] == "ban":
                inner = _inner_agency(toks, keys, o, stops)
                if inner is not None:
                    # "Trưởng ban Khoa học Trường Đại học X": a board inside the school stays in the title
                    return TitleItem(ts, inner.start, inner.end, kind, former, inner)
            title_end = j + unit_len
            if keys[title_end:title_end + 2] in (["chuyên", "trách"], ["thường", "trực"]):
                title_end += 2   # "Phó Trưởng Đoàn chuyên trách", "Phó Trưởng ban Thường trực"
                o = parse_org(toks, keys, title_end, stops)
                if o and o.kind in _BODY_KINDS:
                    # "Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh X": the delegation named after the
                    # qualifier stays in the title, as it does right after the post
                    return TitleItem(ts, _committee_name_end(toks, keys, o), o.end, kind, former, o)
            if o and o.end > o.head_end:
                return TitleItem(ts, title_end, o.end, kind, former, o)
            return TitleItem(ts, title_end, title_end, kind, former, None)
    else:
        if j + 1 < n and keys[j] == "thường" and keys[j + 1] == "trực" and form.lower() != "thường trực":
            j += 2
        elif j + 1 < n and keys[j] == "chuyên" and keys[j + 1] == "trách":
            j += 2   # "Phó Trưởng Đoàn chuyên trách"
        elif j + 1 < n and keys[j] == "dự" and keys[j + 1] == "khuyết" and form.lower() in ("ủy viên", "uỷ viên", "uv"):
            j += 2   # "Ủy viên dự khuyết Trung ương Đảng": an alternate member
        elif j + 1 < n and keys[j] == "thứ" and keys[j + 1] == "nhất":
            j += 2   # "Bí thư Thứ nhất", "Phó Chủ tịch Thứ nhất": the rank of the post is part of it
        cm = lx.commissions.match(keys, j)
        if cm and j not in stops:
            cend = cm[0]
            is_office = keys[j] == "văn" and keys[j + 1] == "phòng" if j + 1 < n else False
            nxt = lx.org_heads.match(keys, cend) if cend < n else None
            if not (is_office and nxt and nxt[1] in _BODY_KINDS):
                j = cend
        elif j < n and keys[j] in lx.dept_units and toks[j].cap:
            d = _dept_end(toks, keys, j, stops)
            nxt = d + 1 if d < n and toks[d].text == "," else d
            o = parse_org(toks, keys, nxt, stops) if nxt < n else None
            if d > j + 1 and o is not None and o.kind == "agency":
                return TitleItem(ts, d, o.end, kind, former, o)
        title_end = j
        if kind == "delegate" and j + 1 < n and keys[j] == "quốc" and keys[j + 1] == "hội":
            title_end = j = j + 2
            if keys[j:j + 2] == ["chuyên", "trách"]:
                title_end = j = j + 2   # "Đại biểu Quốc hội chuyên trách (thuộc Đoàn ĐBQH tỉnh X)"
    if j + 1 < n and keys[j] in ("thuộc", "của") and toks[j + 1].cap and j not in stops:
        o = parse_org(toks, keys, j + 1, stops)
        if o is not None and (o.end > o.head_end or o.kind != "agency"):
            # "Đại biểu Quốc hội chuyên trách thuộc Đoàn đại biểu Quốc hội tỉnh X", "Trưởng Ban Kinh tế -
            # Ngân sách của HĐND thành phố X": the body the post belongs to
            return TitleItem(ts, title_end, o.end, kind, former, o)
    if j + 1 < n and keys[j] == "phụ" and keys[j + 1] == "trách":
        j += 2   # "Phó Giám đốc phụ trách Sở …"
    if j + 2 < n and toks[j].text == "(" and toks[j + 1].upper and toks[j + 2].text == ")":
        j += 3   # "Chủ nhiệm Ủy ban Kiểm tra (UBKT) Tỉnh ủy": the abbreviation in brackets
    if j < n and j not in stops:
        # "Cục trưởng Cục thi hành án dân sự tỉnh X": the body of a "… trưởng" post may be written in lower case
        lower_ok = keys[title_end - 1] == "trưởng" and keys[j] in _OWN_BODY_HEADS
        if not lower_ok and toks[j].is_word and not toks[j].cap and kind in ("head", "chief"):
            h = lx.org_heads.match(keys, j)
            # "Giám đốc điều hành công ty TNHH nhôm X", "Giám đốc trung tâm dạy nghề Y": a named body whose
            # head the press writes in lower case (a bare "công ty" refers back instead)
            lower_ok = bool(h) and h[1] == "agency" and h[0] < n and h[0] not in stops and toks[h[0]].is_word
        o = parse_org(toks, keys, j, stops, allow_lower=lower_ok) if lower_ok or toks[j].cap or toks[j].upper \
            else parse_org(toks, keys, j, stops)
        if lower_ok and o is not None and o.end == o.head_end:
            o = None
        if o is not None and tuple(keys[o.start:o.head_end]) in _CADRES_BODIES:
            # a Party cadres' committee or Party delegation stays in the title; the body it serves is
            # the organization: written right after it ("Đảng đoàn HĐND tỉnh") or by the next post
            title_end = o.head_end
            rest = parse_org(toks, keys, o.head_end, stops) if o.head_end < n and o.head_end not in stops else None
            if rest is None:
                return TitleItem(ts, title_end, o.head_end, kind, former, None, borrow_next=True)
            return TitleItem(ts, title_end, rest.end, kind, former, rest)
        if o is not None:
            org = o
            if o.kind in _BODY_KINDS:
                title_end = _committee_name_end(toks, keys, o)
        elif toks[j].is_word and toks[j].cap and not lx.titles.match(keys, j) and not lx.honorifics.match(keys, j) \
                and not lx.ranks.match(keys, j):      # "Bác sĩ CKII X": a degree, not a body
            # a body the lexicon does not know: its capitalised words ("Bí thư Đoàn Khối …")
            e = j
            fields = 0
            while e < n and e not in stops and toks[e].is_word and e - j < 8:
                if not (toks[e].cap or toks[e].upper):
                    if not (toks[e - 1].cap and f"{keys[e - 1]} {keys[e]}" in compound_words()):
                        break
                    fields += 1   # "Bộ trưởng Quốc phòng Trung Quốc X": a ministry's field, then the country
                e += 1
            if e < n and toks[e].text in (",", ";", ".", ")", "\n") or e >= n or (e in stops and e - j <= 3 + 2 * fields):
                org = OrgSpan(j, e, "other", j)   # … also right before the holder's name ("Thủ tướng Lào X")
    if org is None and j < n and j not in stops and not toks[j].cap and kind in ("head", "member"):
        from .orgs import match_unit, place_run_end
        u = match_unit(toks, keys, j)
        if u and u[2] in ("xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh"):
            pend = place_run_end(toks, u[0], stops)
            if pend > u[0] and (pend >= n or not toks[pend].is_word):
                # "Bí thư phường Bắc Sơn", "Chủ tịch xã Ia Púch": the unit stands for its committee
                org = OrgSpan(j, pend, "other", j, (u[2], " ".join(t.text for t in toks[u[0]:pend])))
            elif pend == u[0] and u[0] in stops and u[0] - j == 1:
                # "Phó Chủ tịch tỉnh Nguyễn Văn A": the unit's committee, the holder's name right after
                org = OrgSpan(j, u[0], "other", j, (u[2], ""))
    if org is None and j < n and j not in stops:
        ref = _back_references().match(keys, j)
        if ref and toks[j].is_word and not toks[j].cap:
            # "Hiệu trưởng nhà trường", "Giám đốc công ty, ông A": the body the article named before
            return TitleItem(ts, title_end, ref[0], kind, former, None, back_ref=ref[1])
    if org is None:
        if kind == "job":
            return None
        if kind == "delegate" and title_end == m[0] and (j >= n or j not in stops):
            return None   # a bare "đại biểu" is a position only right before a name
        if kind == "head" and title_end == m[0] and form.lower() in ("ủy viên", "uỷ viên", "thường trực", "uv"):
            return None
    implied = extra if kind == "member" else _implied_by_abbr(extra) if kind == "abbr" else ""
    if implied and org is not None and org.kind == "other" and keys[org.start:org.end] == ["đảng"]:
        org = None   # "UVTƯ Đảng": the abbreviation already names the Party's Central Committee
        return TitleItem(ts, title_end, j + 1, kind, former, None, implied_org=implied)
    return TitleItem(ts, title_end, org.end if org else title_end, kind, former, org, implied_org=implied)


@lru_cache(maxsize=1)
def _back_references():
    from ..lexicon import rows
    from ..tokens import phrase_keys
    from .lexicon import Trie
    t = Trie()
    for r in rows("people", "back_references.tsv"):
        t.add(phrase_keys(r[0]), phrase_keys(r[1]))
    return t


def _inner_agency(toks: list[Token], keys: list[str], o: OrgSpan, stops) -> OrgSpan | None:
    """A capitalised agency head inside ``o`` after its own name ("ban Khoa học | Trường Đại học …")."""
    lx = lexicons()
    for k in range(o.head_end + 1, o.end):
        m = lx.org_heads.match(keys, k)
        if toks[k].cap and m and m[1] == "agency" and not lx.commissions.match(keys, k):
            inner = parse_org(toks, keys, k, stops)
            if inner is not None and inner.end > inner.head_end:
                return inner
    return None


def _implied_by_abbr(spelled: str) -> str:
    """The committee an abbreviated membership implies: "TUV" = "Tỉnh ủy viên" → "Tỉnh ủy"."""
    lx = lexicons()
    from ..tokens import phrase_keys
    ks = list(phrase_keys(spelled))
    m = lx.titles.match(ks, 0) if ks else None
    if m and m[0] == len(ks) and m[1][1] == "member":
        return m[1][2]
    if m and m[0] < len(ks):
        # "UVTW" = "Ủy viên Trung ương Đảng": the body spelled after the post
        h = lx.org_heads.match(ks, m[0])
        if h and h[0] == len(ks):
            return " ".join(spelled.split()[m[0]:])
    return ""


def _committee_name_end(toks: list[Token], keys: list[str], o: OrgSpan) -> int:
    """Where the title ends inside a council or committee name: after the head for People's
    Committees and Councils ("Chủ tịch UBND" · "UBND tỉnh X"); a steering or election committee keeps
    its whole name up to the unit word ("Trưởng Ban Chỉ đạo phòng, chống tham nhũng" · "… tỉnh")."""
    if o.kind != "committee":
        return o.head_end
    from .orgs import match_unit
    for k in range(o.head_end, o.end):
        if match_unit(toks, keys, k) or (toks[k].cap and lexicons().org_heads.match(keys, k)):
            return k
    return o.end


def parse_chain(toks: list[Token], keys: list[str], i: int, stops) -> list[TitleItem]:
    """Titles separated by commas or "kiêm" starting at token i ("UVBTV, Trưởng Ban Tổ chức Tỉnh ủy")."""
    items: list[TitleItem] = []
    j = i
    n = len(toks)
    while j < n:
        it = parse_title(toks, keys, j, stops)
        if it is None:
            break
        items.append(it)
        j = it.end
        if j < n and toks[j].text == "," and j + 1 < n:
            r = lexicons().ranks.match(keys, j + 1)
            if r and r[0] + 1 < n and toks[r[0]].text == "," and parse_title(toks, keys, r[0] + 1, stops):
                j = r[0]   # "Ủy viên Bộ Chính trị, Đại tướng, Chủ nhiệm …": a rank between two posts
            t_end = _term_end(toks, keys, j + 1)
            if t_end and t_end + 1 < n and toks[t_end].text == "," and parse_title(toks, keys, t_end + 1, stops):
                j = t_end  # "Ủy viên Ủy ban X, nhiệm kỳ 2014-2019, Ủy viên Ban Thường vụ …": the term of the post
            nxt = parse_title(toks, keys, j + 1, stops)
            if nxt is not None:
                j += 1
                continue
            if it.org is None:
                o = parse_org(toks, keys, j + 1, stops)
                if o is not None:
                    it.org = o
                    it.end = o.end
            break
        if j < n and keys[j] in ("kiêm", "và") and j + 1 < n and parse_title(toks, keys, j + 1, stops):
            j += 1
            continue
        c_end = _connector_end(toks, keys, j)
        if c_end and toks[c_end - 1].text == "," and (it.org is None or it.kind == "delegate"):
            c_end = 0    # "trong đợt bầu cử đại biểu Quốc hội khóa XV, Tổng Bí thư A": an election, not a post
        if c_end and parse_title(toks, keys, c_end, stops):
            j = c_end    # "Phó Bí thư Đảng ủy nhiệm kỳ 2015-2020 và hiện là Hiệu trưởng Trường X"
            continue
        if j + 1 < n and toks[j].text in ("-", "–") and it.org is None and parse_title(toks, keys, j + 1, stops):
            it.borrow_next = True   # "Phó Chủ tịch - Tổng Thư ký Ủy ban X": both posts of that body
            j += 1
            continue
        if j + 1 < n and toks[j].text in ("-", "–") and it.org is not None and parse_title(toks, keys, j + 1, stops):
            j += 1      # "Phó Bí thư Tỉnh ủy – Chủ tịch UBND tỉnh", "Chủ tịch Hội đồng Trường -Ủy viên BTV Đảng ủy"
            continue
        break
    return items


_CONNECTORS = (("và", "hiện", "là"), ("và", "nay", "là"), ("hiện", "là"), ("nay", "là"), ("đồng", "thời", "là"),
               ("và", "là"), ("đồng", "thời"), ("hiện", "nay", "là"))


def _connector_end(toks: list[Token], keys: list[str], j: int) -> int:
    """After a post (and its term, "nhiệm kỳ 2015-2020"), the end of a phrase that adds another post
    of the same person ("và hiện là", "nay là", "đồng thời là"), or 0."""
    term = _term_end(toks, keys, j)
    k = term or j
    if k < len(toks) and toks[k].text == ",":
        k += 1
    for c in _CONNECTORS:
        if tuple(keys[k:k + len(c)]) == c:
            return k + len(c)
    if term and k > term:
        return k     # "Ủy viên dự khuyết Trung ương Đảng khóa XI, Ủy viên Trung ương Đảng khóa XII"
    return 0


def chain_before(toks: list[Token], keys: list[str], start: int, stops) -> list[TitleItem]:
    """The title chain that ends right before the name at ``start`` ("Chủ tịch UBND huyện X <name>"),
    allowing ", đồng chí" or a colon between them."""
    lx = lexicons()
    target = {start}
    k = start - 1
    while k >= 0 and k > start - 5:
        m = lx.honorifics.match(keys, k) or lx.ranks.match(keys, k)
        if m and m[0] in target:
            target.add(k)
            if k > 0 and toks[k - 1].text == ",":
                target.add(k - 1)
        k -= 1
    if start > 0 and toks[start - 1].text == ":":
        target.add(start - 1)   # "hai đồng chí Phó Chủ tịch UBND tỉnh: A và B"
    caption_dash = start > 1 and toks[start - 1].text in ("-", "–")
    if caption_dash:
        target.add(start - 1)   # "Bí thư Tỉnh ủy Nghệ An - Nguyễn Văn A phát biểu" (a caption, checked below)
    best: list[TitleItem] = []
    j = start - 1
    if start > 0 and toks[start - 1].text in (":", "-", "–"):
        j -= 1
    first = min(target)
    if first > 1 and toks[first - 1].text == "(":
        # the holder named in brackets after the post: "Chủ tịch UBND xã (ông Trần Văn A) cho biết"
        target.add(first - 1)
        j = first - 2
    inner_stops = _StopsPlus(stops, start)
    while j >= 0 and start - j <= 24 and (toks[j].text not in (";", ".", ":", "\n", "(", ")", "!", "?")
                                          or _abbreviation_dot(toks, j)):
        if keys[j] in ("nguyên", "phó", "quyền") or lx.titles.match(keys, j):
            if j == 0 or keys[j - 1] not in ("phó", "quyền", "nguyên"):
                chain = parse_chain(toks, keys, j, inner_stops)
                if chain and chain[-1].end in target and toks[chain[-1].end].text == "," \
                        and j > 0 and toks[j - 1].text not in (",", ";", ":", ".", "\n", "(", "–", "-"):
                    chain = []   # "câu hỏi của phóng viên Báo X, ông Y": not Y's title
                if chain and caption_dash and chain[-1].end == start - 1 and not (
                        j == 0 or toks[j - 1].text in ("\n", ".", ":") or lx.honorifics.match(keys, j - 1)
                        or (j > 1 and lx.honorifics.match(keys, j - 2))):
                    chain = []   # "A - Bí thư Huyện ủy X - B": the post between two names is A's
                if chain and chain[-1].end in target:
                    if chain[-1].end != start and chain[-1].kind == "delegate" and chain[-1].org is None:
                        chain = chain[:-1]
                    if chain:
                        best = chain
        j -= 1
    return best


def _term_end(toks: list[Token], keys: list[str], k: int) -> int:
    """End of a term written after a post ("nhiệm kỳ 2014-2019", "khóa XII", "khoá 15"), or 0."""
    n = len(toks)
    if k + 1 < n and keys[k] == "nhiệm" and keys[k + 1] == "kỳ":
        k += 2
    elif k < n and keys[k] in ("khóa", "khoá"):
        k += 1
    else:
        return 0
    start = k
    while k < n and k - start < 5 and (toks[k].text.isdigit() or toks[k].text in ("-", "–")
                                       or (toks[k].upper and set(toks[k].text) <= set("IVXLC"))):
        k += 1
    return k if k > start else 0


class _StopsPlus:
    """``stops`` with one more position, without copying the set (once per name: a long text's set
    of names would make that quadratic)."""
    __slots__ = ("stops", "extra")

    def __init__(self, stops, extra: int):
        self.stops, self.extra = stops, extra

    def __contains__(self, k: int) -> bool:
        return k == self.extra or k in self.stops


def _abbreviation_dot(toks: list[Token], j: int) -> bool:
    """The dot of "TP.", "TX.", "Q.", "P." inside a name, not a sentence end."""
    return toks[j].text == "." and j > 0 and toks[j - 1].text in ("TP", "TX", "Tp", "Q", "P", "H", "X") \
        and toks[j - 1].end == toks[j].start and j + 1 < len(toks) and (toks[j + 1].cap or toks[j + 1].text.isdigit())


def trigger_chain(toks: list[Token], keys: list[str], j: int, stops) -> tuple[list[TitleItem], int]:
    """After a person (and his apposition) ending at j: "được bầu giữ chức X" → (chain, trigger pos)."""
    lx = lexicons()
    k = j
    n = len(toks)
    while k < n and k - j < 10 and k not in stops:
        m = lx.triggers.match(keys, k)
        # "làm" is a post only before a capitalised title ("làm Phó Trưởng Ban …", not "làm trưởng đoàn")
        if m and (keys[k] != "làm" or (k + 1 < n and toks[k + 1].cap)):
            chain = parse_chain(toks, keys, m[0], stops)
            if chain:
                if _FORMER_CUES & set(keys[j:k]) or (k > 0 and keys[k - 1] == "còn") or _RELIEVED & set(keys[k:m[0]]):
                    for it in chain:
                        it.former = True   # "từng giữ chức …", "khi còn là …", "thôi giữ chức …" (relieved)
                return chain, k
            k = m[0]   # "được điều động, chỉ định giữ chức …": the post comes after the last verb
            continue
        if toks[k].is_word and (toks[k].cap or toks[k].upper):
            # the appointing body may stand in between: "được Bộ Chính trị chỉ định giữ chức"
            o = parse_org(toks, keys, k, stops)
            k = o.end if o is not None and o.end > k else k + 1
            continue
        if keys[k] not in _FILLER:
            break
        k += 1
    return [], -1


_SPEECH = word_set("people", "speech_verbs.txt")
_FORMER_CUES = frozenset({"từng", "nguyên"})
_RELIEVED = frozenset({"thôi", "miễn", "bãi", "không"})   # "thôi giữ chức", "miễn nhiệm", "không tiếp tục tham gia


def later_trigger_chains(toks: list[Token], keys: list[str], j: int, stops) -> list[list[TitleItem]]:
    """Posts in coordinated predicates of the same subject further on in the clause: "A, Bí thư X thôi
    tham gia Ban Chấp hành và thôi giữ chức Bí thư X, đến nhận công tác và giữ chức Phó Trưởng Ban Y".
    Only explicit appointment verbs ("giữ chức", "được bầu", "bổ nhiệm", "đắc cử") with a capitalised
    post count; the scan stops at the next person, the end of the sentence or reported speech."""
    lx = lexicons()
    out: list[list[TitleItem]] = []
    n = len(toks)
    k = j
    while k < n and k - j < 40 and k not in stops and toks[k].text not in (".", ";", ":", "\n", "\"", "“", "?", "!"):
        if keys[k] in _SPEECH:
            break
        if keys[k] in ("quyết", "nghị", "trao", "công", "tờ", "đề") and k + 1 < n and keys[k + 1] in ("định", "quyết", "bố", "trình", "xuất", "nghị"):
            break   # "trao quyết định bổ nhiệm X cho bà Y": the subject hands over someone else's post
        m = lx.triggers.match(keys, k)
        if m:
            words = set(keys[k:m[0]])
            p = m[0]
            if p < n and keys[p] == "chức":
                p += 2 if p + 1 < n and keys[p + 1] == "vụ" else 1    # "tái đắc cử chức Bí thư"
            if (words & {"chức", "bầu", "đắc", "nhiệm"} or {"tham", "gia"} <= words) and p < n and toks[p].cap:
                chain = parse_chain(toks, keys, p, stops)
                if chain and words & _RELIEVED:
                    for it in chain:
                        it.former = True   # "… và không tiếp tục tham gia Ủy viên Đoàn Chủ tịch": relieved of it
                if chain:
                    e = chain[-1].end
                    tail = keys[e:e + 4]
                    if "cho" in tail[:2] or tail[:2] == ["đối", "với"]:
                        break   # "… giữ chức X đối với đồng chí Y": Y's post
                    out.append(chain)
                    k = e
                    continue
            k = m[0]
            continue
        k += 1
    return out
