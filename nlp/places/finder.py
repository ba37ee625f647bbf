"""Places, stage 2: mentions of places in the text (unit-word anchored, lists, parents, bare names)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import gazetteer as gz
from ..doc import Document
from .lexicon import (COMMUNE, COUNT_NOUNS, COUNTRY, COUNTRY_CUES, CREDIT, DISTRICT, ERA_NEW, ERA_OLD,
                      FACILITY_WORDS, FOREIGN, LEVEL_ORDER, LIST_INTRO, MAX_RUN, PLURAL, PROVINCE, REGION,
                      STRONG_MIDDLES, VILLAGE, lexicon, today_province, wkey)
from .tokens import Tok, adjacent, tokenize


# ------------------------------------------------------------------------------------------- matches

@dataclass
class Mention:
    span: tuple[int, int]          # the name (or "Phường 5" whole) in doc.norm
    name: str                      # surface name (NFC slice; "Hồ Chí Minh" for TP.HCM)
    wkey: str
    level: str                     # province/district/commune/village/country/region ("" = by gazetteer)
    type: str                      # unit word type as written ("xã", "thành phố") or ""
    bare: bool = False
    era: str = ""                  # "legacy" / "2025" from a marker right after the name
    parents: list[int] = field(default_factory=list)   # indexes of parent mentions
    list_head: int = -1            # index of the first mention of the list this one continues
    tok_end: int = 0               # token index after the mention (for lists and brackets)
    upper: bool = False


def levels_for_type(typ: str, kind: str) -> tuple[str, ...]:
    if kind == "country":
        return (COUNTRY,)
    if kind in ("village", "numbered"):
        return (VILLAGE,)
    if kind == "region":
        return (REGION,)
    return gz.TYPE_LEVELS.get(typ, (COMMUNE,))


class Finder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.s = doc.norm
        self.lex = lexicon()
        self.toks = tokenize(doc)
        self.mentions: list[Mention] = []
        self.covered: set[int] = set()       # token indexes inside a found name or unit word
        self._unit_cache: dict[int, tuple[int, str, str] | None] = {}

    # -- helpers
    def _word(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) and self.toks[i].word else None

    def _unit_at(self, i: int) -> tuple[int, str, str] | None:
        """(length in tokens, type, kind) of a unit word starting at token i."""
        if i in self._unit_cache:
            return self._unit_cache[i]
        r = self._unit_at_uncached(i)
        self._unit_cache[i] = r
        return r

    def _unit_at_uncached(self, i: int) -> tuple[int, str, str] | None:
        lex = self.lex
        t = self.toks[i]
        if not t.word or t.k not in lex.unit_first:
            return None
        for n in range(min(lex.max_unit_len, len(self.toks) - i), 0, -1):
            seq = self.toks[i:i + n]
            if not all(x.word for x in seq):
                continue
            if n > 1 and not all(adjacent(self.s, seq[j], seq[j + 1]) for j in range(n - 1)):
                continue
            ks = tuple(x.k for x in seq)
            hit = lex.units.get(ks)
            if hit is None:
                continue
            first = seq[0]
            # an abbreviation (TP, TX, TT) is written in capitals
            if ks in (("tp",), ("tx",), ("tt",)) and first.text not in ("TP", "Tp", "TX", "Tx", "TT"):
                return None
            if ks in (("p",), ("q",)) and not (first.text in ("P", "Q") and i + 2 < len(self.toks)
                                               and self.toks[i + 1].text == "." and self.toks[i + 1].start == first.end
                                               and (self.toks[i + 2].num
                                                    or (self.toks[i + 2].cap and len(self.toks[i + 2].text) > 1))):
                return None      # "P.5", "Q.1", "Q.Bình Thạnh" (a known name only): nothing else

            return n, hit[0], hit[1]
        return None

    def _blocked(self, i: int, n: int) -> bool:
        """The unit word at token i is part of another expression ("Hợp tác xã", "già làng")."""
        lex = self.lex
        uk = " ".join(t.k for t in self.toks[i:i + n])
        for seq in lex.not_before.get(uk, ()):
            m = len(seq)
            prev = self.toks[i - m:i] if i - m >= 0 else []
            if len(prev) == m and all(p.word for p in prev) and tuple(p.k for p in prev) == seq:
                return True
        after = lex.not_after.get(uk, ())
        nxt = self._word(i + n)
        for seq in after:
            words = seq.split()
            if len(words) > 1:
                # "bản Tuyên ngôn độc lập": a two-word noun after the classifier, whatever its case
                ts = [self._word(i + n + q) for q in range(len(words))]
                if all(ts) and [x.k for x in ts] == words:
                    return True
        # "xã hội" is society, "xã Hội Xuân" a commune: a capitalised word is a name (but not in capitals)
        return bool(nxt and nxt.k in after and (not nxt.cap or nxt.upper))

    def _run(self, i: int, allow_upper: bool) -> list[int]:
        """Token indexes of the capitalised name run starting at token i (hyphens inside kept)."""
        out: list[int] = []
        j = i
        while j < len(self.toks) and len(out) < MAX_RUN:
            t = self.toks[j]
            if not t.word or not t.cap or t.num:
                break
            if t.upper and not allow_upper and len(t.text) > 1 and out:
                break
            if out and not adjacent(self.s, self.toks[out[-1]], t):
                # "Bà Rịa - Vũng Tàu", "Ia-Tiêm": a hyphen between two capitalised words
                gap_toks = self.toks[out[-1] + 1:j]
                if not (len(gap_toks) == 0 or (len(gap_toks) == 1 and gap_toks[0].text in "-–")):
                    break
                if self.s[self.toks[out[-1]].end:t.start].count("\n"):
                    break
            if out and self._unit_at(j) and self._unit_at(j)[2] in ("admin", "party"):
                nxt = self._word(j + self._unit_at(j)[0])
                if nxt is not None and nxt.cap:
                    break            # "… Xã Hồng Giang": a new unit starts; "Tân Xã" is one name
            out.append(j)
            j += 1
            # skip a hyphen joining two capitalised words
            if j + 1 < len(self.toks) and self.toks[j].text in "-–" and self.toks[j + 1].cap \
                    and self.toks[j + 1].word:
                j += 1
        return out

    def _name_from(self, idxs: list[int]) -> tuple[int, int, str]:
        a, b = self.toks[idxs[0]].start, self.toks[idxs[-1]].end
        return a, b, self.s[a:b]

    def _run_wkey(self, idxs: list[int]) -> str:
        return " ".join(self.toks[j].k for j in idxs)

    def _admin_prefix(self, run: list[int], levels: tuple[str, ...]) -> int:
        """Length of the longest prefix of ``run`` that the gazetteer knows at one of ``levels``."""
        for n in range(len(run), 0, -1):
            units = self.lex.admin.get(self._run_wkey(run[:n]))
            if units and any(u.level in levels for u in units):
                return n
        return 0

    def _person_cut(self, run: list[int]) -> int:
        """Where a person's name starts inside a name run (len(run) when none does): a surname or
        name prefix followed by "Văn"/"Thị", or two words into the run with two to four words left."""
        lex = self.lex
        L = len(run)
        for p in range(1, L - 1):
            t = self.toks[run[p]]
            if not (t.k in lex.surnames or t.k in lex.prefixes):
                continue
            if self.toks[run[p + 1]].k in STRONG_MIDDLES or (p >= 2 and 2 <= L - p <= 4):
                return p
        return L

    def _looks_like_person(self, run: list[int]) -> bool:
        lex = self.lex
        if len(run) >= 2 and self.toks[run[0]].k in lex.surnames and self.toks[run[1]].k in lex.middles:
            return True
        if len(run) >= 3 and self.toks[run[1]].k in STRONG_MIDDLES:
            return True           # "… Văn …", "… Thị …": a personal name whatever its surname
        return len(run) >= 2 and self.toks[run[0]].k in lex.prefixes

    def _foreign_context(self, i: int) -> bool:
        """A country other than Việt Nam is named in the sentence of token i (a foreign province may
        follow "tỉnh": "tỉnh Hủa Phăn của nước bạn Lào")."""
        a, b = self.doc.sentence_at(self.toks[i].start)
        words = [t for t in self.toks if a <= t.start < b and t.word and t.cap]
        keys = [t.k for t in words]
        for n in (1, 2, 3):
            for q in range(len(keys) - n + 1):
                wk = " ".join(keys[q:q + n])
                if wk in self.lex.countries and wk != "việt nam" and not self.lex.countries[wk]:
                    return True
        return False

    def _era_after(self, j: int) -> str:
        """ "(cũ)", "cũ", "(mới)" right after a name."""
        t = self._word(j)
        if t is None and j < len(self.toks) and self.toks[j].text == "(":
            t = self._word(j + 1)
        if t is None:
            return ""
        if t.k in ERA_OLD:
            return gz.LEGACY
        if t.k in ERA_NEW and j < len(self.toks) and self.toks[j].text == "(":
            return gz.NEW
        return ""

    def _add(self, m: Mention, toks: range) -> int:
        self.mentions.append(m)
        self.covered.update(toks)
        return len(self.mentions) - 1

    # -- pass 1: unit word + name
    def anchored(self) -> None:
        toks = self.toks
        i = 0
        while i < len(toks):
            t = toks[i]
            if not t.word:
                i += 1
                continue
            hcm = self._hcm_at(i)
            if hcm:
                i = hcm
                continue
            u = self._unit_at(i)
            if u is None or self._blocked(i, u[0]):
                i += 1
                continue
            n, typ, kind = u
            if kind == "village" and t.cap and self._known_name_at(i):
                i += 1           # "Sóc Trăng", "Buôn Ma Thuột": the word begins a known name
                continue
            if kind == "village" and t.cap and not t.upper and self._inside_person_name(i):
                i += 1           # "Chau Sóc Khonl", "Lâm Thị Sóc Tha": a syllable of a person's name
                continue
            j = i + n
            # "TP." / "TX." abbreviations take their dot
            if j < len(toks) and toks[j].text == "." and toks[i].k in ("tp", "tx", "tt", "p", "q"):
                j += 1
            start_j = j
            plural = self._plural_before(i)
            intro = False
            strict = False
            if kind == "admin" and toks[i].k in ("p", "q") and j < len(toks) and not toks[j].num:
                strict = True          # "Q.Bình Thạnh": only a name the gazetteer knows ("P. Nguyễn" is no ward)
            if kind == "village":
                skip = self._modifier_at(j)
                after = toks[j + skip] if skip and j + skip < len(toks) else None
                if after is not None and (after.k in LIST_INTRO or after.text == ":"):
                    j += skip          # "các bản vùng cao như Sín Chải, Tả Phìn"
            if kind == "admin":
                skip = self._modifier_at(j)
                if skip and self._word(j + skip) and toks[j + skip].cap:
                    j += skip          # "xã biên giới Ia Púch": only a name the gazetteer knows
                    strict = True
            if j < len(toks) and ((toks[j].k in LIST_INTRO and not toks[j].cap) or toks[j].text == ":") \
                    and kind in ("admin", "village"):
                # "các xã như Phượng Sơn, …", "Một số xã như …"
                nxt = self._word(j + 1)
                if nxt and nxt.cap:
                    j += 1
                    intro = True
                    plural = True
            first = self._word(j)
            if first is None or (j > start_j and not intro and not strict
                                 and not adjacent(self.s, toks[j - 1], first)):
                i = max(i + 1, j)
                continue
            if kind == "numbered" and not first.num:
                i += 1
                continue
            # a unit word in capitals marks a headline, unless it is an abbreviation ("TX.", "TP")
            got = self._one(i, j, typ, kind, unit_upper=toks[i].upper and toks[i].k not in ("tp", "tx", "tt"),
                            strict=strict)
            if got is None:
                i += 1
                continue
            idx, nxt = got
            self.covered.update(range(i, start_j))
            if kind in ("admin", "village", "party") and not toks[i].upper:
                nxt = self._list(idx, nxt, typ, kind, plural)
            i = max(nxt, i + 1)

    def _inside_person_name(self, i: int) -> bool:
        """The capitalised word at token i continues a name begun by a surname, middle name or name
        prefix right before it."""
        prev = self._word(i - 1)
        if prev is None or not prev.cap or prev.upper or not adjacent(self.s, prev, self.toks[i]):
            return False
        lex = self.lex
        return prev.k in lex.surnames or prev.k in lex.middles or prev.k in lex.prefixes

    def _known_name_at(self, i: int) -> bool:
        run = self._run(i, allow_upper=self.toks[i].upper)
        lex = self.lex
        for n in range(len(run), 1, -1):
            wk = self._run_wkey(run[:n])
            if wk in lex.admin or wk in lex.countries or wk in lex.regions:
                return True
        return False

    def _plural_before(self, i: int) -> bool:
        p = self._word(i - 1)
        if p is None:
            return False
        if p.k in PLURAL or p.num:
            return True
        p2 = self._word(i - 2)
        return bool(p2 and f"{p2.k} {p.k}" in PLURAL)

    def _modifier_at(self, j: int) -> int:
        """Length of a modifier ("biên giới", "vùng cao") starting at token j, 0 when none."""
        for seq in self.lex.modifiers:
            n = len(seq)
            ts = self.toks[j:j + n]
            if len(ts) == n and all(t.word and not t.cap for t in ts) and tuple(t.k for t in ts) == seq \
                    and all(adjacent(self.s, ts[q], ts[q + 1]) for q in range(n - 1)):
                return n
        return 0

    def _one(self, ui: int, j: int, typ: str, kind: str, unit_upper: bool,
             strict: bool = False) -> tuple[int, int] | None:
        """The name at token j after the unit word at ui → (mention index, next token index)."""
        toks = self.toks
        lex = self.lex
        first = toks[j]
        if first.num or (first.k == "số" and self._word(j + 1) and toks[j + 1].num):
            # "Phường 5", "thôn 3", "tổ dân phố số 7": the number is the name, unit word kept
            if kind == "admin" and typ not in ("phường", "quận"):
                return None
            if kind in ("party", "capital", "country"):
                return None
            nj = j + 1 if first.num else j + 2
            after = toks[nj] if nj < len(toks) else None
            if after is not None and (after.text in ("%", ",", ".") and nj + 1 < len(toks) and toks[nj + 1].num
                                      or after.text == "%" or after.text == "/"):
                return None
            if kind == "numbered" and after is not None and after.word and not after.cap \
                    and adjacent(self.s, toks[nj - 1], after) and not self._unit_at(nj):
                return None      # "tổ 3 người", "khu 2 tầng": a count, not a numbered unit
            a, b = toks[ui].start, toks[nj - 1].end
            surface = self.s[a:b]
            if toks[ui].k in ("p", "q"):
                surface = f"{typ.capitalize()} {toks[nj - 1].text}"      # "P.5" → "Phường 5"
            level = COMMUNE if typ == "phường" else DISTRICT if typ == "quận" else VILLAGE
            m = Mention((a, b), surface, wkey(surface), level, typ, tok_end=nj, era=self._era_after(nj))
            return self._add(m, range(ui, nj)), nj
        if not first.cap:
            return None
        run = self._run(j, allow_upper=unit_upper or first.upper)
        if not run:
            return None
        if kind == "country":
            n = max((k for k in range(len(run), 0, -1) if self._run_wkey(run[:k]) in lex.countries), default=0)
            if not n:
                return None
            level = COUNTRY
        elif kind in ("admin", "party", "capital"):
            levels = gz.TYPE_LEVELS.get(typ, (COMMUNE,))
            n = self._admin_prefix(run, levels)
            if 0 < n < len(run):
                # a longer name known at another level ("phường Hồ Chí Minh" is not "phường Hồ") is the
                # name, unless what follows the shorter one starts a person's name
                longer = self._admin_prefix(run, (PROVINCE, DISTRICT, COMMUNE))
                tail = self.toks[run[n]]
                if longer > n and (len(run) - n == 1 or not (tail.k in lex.surnames or tail.k in lex.prefixes)):
                    n = longer
            if not n and (first.upper or unit_upper or strict):
                return None            # a headline in capitals: only names the gazetteer knows
            if not n:
                n = self._unknown_unit_name(run, typ, kind, j)
                if not n:
                    return None
            level = ""
            if kind == "party" or typ == "thành phố":
                level = self._city_level(self._run_wkey(run[:n]), typ)
            else:
                level = levels[0]
        else:   # village, region
            if first.upper:
                return None
            if kind == "region":
                return self._region_name(ui, run)
            known = 0
            if self._looks_like_person(run):
                # "bản Y Tịch": a run shaped like a person's name is a village only under a known name
                known = self._admin_prefix(run, (COMMUNE, DISTRICT))
                if not known:
                    return None
            n = known or min(self._person_cut(run), 5)
            if n == 1 and not known and (first.k in lex.middles or first.k in lex.surnames
                                         or first.k in lex.not_name_starts):
                return None      # "Làng Văn hóa …": a one-word name that is a name syllable
            level = VILLAGE
            after = self._word(run[n - 1] + 1)
            if n == len(run) and after is not None and after.num and adjacent(self.s, toks[run[-1]], after):
                nxt2 = toks[after_i] if (after_i := run[-1] + 2) < len(toks) else None
                if len(after.text) <= 2 and (nxt2 is None or not nxt2.word or nxt2.cap
                                             or nxt2.k not in COUNT_NOUNS):
                    run = run + [run[-1] + 1]      # "thôn Tân Lập 1", "bản Co Líu 2"
                    n += 1
        idxs = run[:n]
        nxt = self._word(idxs[-1] + 1)
        if kind == "admin" and n == len(run) and nxt is not None and nxt.num \
                and adjacent(self.s, toks[idxs[-1]], nxt) \
                and f"{self._run_wkey(idxs)} {nxt.k}" in lex.admin:
            idxs = idxs + [idxs[-1] + 1]          # "phường Mỹ Đình 1"
        a, b, surface = self._name_from(idxs)
        nj = idxs[-1] + 1
        m = Mention((a, b), surface, self._run_wkey(idxs), level, typ, tok_end=nj, era=self._era_after(nj),
                     upper=first.upper)
        return self._add(m, range(ui, nj)), nj

    def _region_name(self, ui: int, run: list[int]) -> tuple[int, int] | None:
        """ "vùng Bảy Núi", "vùng Tây Bắc": a region is named by a whole capitalised run, not by the
        first word of a capitalised common noun ("vùng Đồng bằng sông Hồng" is left to the region list)."""
        nxt = self._word(run[-1] + 1)
        if self._looks_like_person(run) or self.toks[run[0]].k in self.lex.not_name_starts:
            return None
        if nxt is not None and not nxt.cap and adjacent(self.s, self.toks[run[-1]], nxt) and len(run) < 2:
            return None
        a, b, surface = self._name_from(run)
        nj = run[-1] + 1
        m = Mention((a, b), surface, self._run_wkey(run), REGION, "vùng", tok_end=nj)
        return self._add(m, range(ui, nj)), nj

    def _unknown_unit_name(self, run: list[int], typ: str, kind: str, j: int) -> int:
        """Length of the name of a unit the gazetteer does not know (a foreign province, a unit
        renamed or merged before the gazetteer's date, a misspelling); 0 when the run is not one."""
        lex = self.lex
        first = self.toks[run[0]]
        foreign = max((q for q in range(len(run), 0, -1) if self._run_wkey(run[:q]) in lex.foreign), default=0)
        if foreign:
            return foreign                 # "tỉnh Vân Nam", "thành phố Viêng Chăn"
        if typ == "tỉnh":
            former = max((q for q in range(len(run), 0, -1) if self._run_wkey(run[:q]) in lex.former_provinces),
                         default=0)
            if former:
                return former              # "tỉnh Nghệ Tĩnh" (1976-1991): a province of its time
        if self._looks_like_person(run) or (len(run) >= 2 and (first.k in lex.surnames or first.k in lex.prefixes)):
            return 0
        if first.k in lex.not_name_starts:
            return 0                       # "huyện Hội Nông dân …": an organisation, not a unit
        if any(self._run_wkey(run[:q]) in lex.countries for q in range(1, len(run) + 1)):
            return 0                       # "… xã Việt Nam" (Thông tấn xã): a country is no commune
        n = min(self._person_cut(run), 4)  # up to a person's name, at most four words
        if n >= 3 and len(run) > n:
            return 0
        if n == 1 and not (typ == "tỉnh" and len(run) == 1 and len(first.text) >= 8):
            # "xã Anh hùng …", "xã Nông thôn mới": one-word names must be known, except a foreign
            # province written as one long word ("tỉnh Savannakhet")
            return 0
        if (typ == "tỉnh" or kind == "capital") and (n < len(run) or n > 3 or not self._foreign_context(j)):
            return 0                       # another country's province, written whole, beside its country
        return n

    def _city_level(self, wkey: str, typ: str) -> str:
        """"thành phố X" / "Thành ủy X": a province-level city or a district-level one."""
        units = self.lex.admin.get(wkey, [])
        if any(u.level == PROVINCE and u.type == "thành phố" for u in units):
            return PROVINCE
        if typ == "tỉnh":
            return PROVINCE
        return DISTRICT

    def _hcm_at(self, i: int) -> int:
        """ "TP.HCM", "TPHCM", "TP HCM", "Tp. HCM" → a mention of Hồ Chí Minh; next token index or 0."""
        toks = self.toks
        t = toks[i]
        if t.k == "tphcm" and t.text[0].isupper():
            end = i + 1
        elif t.k == "tp" and t.text in ("TP", "Tp"):
            j = i + 1
            if j < len(toks) and toks[j].text == ".":
                j += 1
            if j < len(toks) and toks[j].k == "hcm" and toks[j].text.isupper():
                end = j + 1
            else:
                return 0
        else:
            return 0
        a, b = toks[i].start, toks[end - 1].end
        m = Mention((a, b), "Hồ Chí Minh", wkey("Hồ Chí Minh"), PROVINCE, "thành phố", tok_end=end)
        self._add(m, range(i, end))
        return end

    def _list(self, idx: int, j: int, typ: str, kind: str, plural: bool) -> int:
        """Names listed after a first one: "các xã Hoàng Đan, Hoàng Lâu", "xã A, B và C"."""
        toks = self.toks
        base = self.mentions[idx]
        levels = (base.level,) if base.level else gz.TYPE_LEVELS.get(typ, (COMMUNE,))
        if kind == "village" and not plural and self._closed_list_at(j):
            plural = True        # "thôn Khe Mạ, Tà Lài và Phú Lâm": an enumeration closed by "và"
        while j < len(toks):
            k = j
            if toks[k].text in (",", ";"):
                k += 1
                if self._word(k) and toks[k].k == "và":
                    k += 1
            elif toks[k].word and toks[k].k in ("và", "cùng", "hoặc"):
                k += 1
            else:
                break
            first = self._word(k)
            if first is None or not first.cap or first.num:
                break
            unit_here = self._unit_at(k)
            if unit_here and not self._known_name_at(k):
                break                # a unit word starts a new mention ("xã A, xã B"); "Buôn Choáh" does not
            run = self._run(k, allow_upper=False)
            if kind == "village":
                if not plural or self._looks_like_person(run):
                    break
                n = min(self._person_cut(run), 4)
            else:
                n = self._admin_prefix(run, levels)
                if not n:
                    if not plural or self._looks_like_person(run) or len(run) > 3:
                        break
                    n = len(run)
                elif not plural and n < len(run):
                    break
            if n < len(run) and kind == "village":
                break
            after = self._word(run[n - 1] + 1)
            if n == 1 and after is not None and not after.cap and after.k not in ("và", "cùng", "hoặc") \
                    and adjacent(self.s, self.toks[run[0]], after):
                break            # "… và Bảo hiểm xã hội": a one-word item glued to a lower-case word
            idxs = run[:n]
            # a name that is a higher unit the list item belongs to ("xã Vũ Lễ, Kiến Xương") is a parent
            wk = self._run_wkey(idxs)
            if not plural and base.level in (COMMUNE, DISTRICT) and self._is_parent_name(wk, base):
                break
            a, b, surface = self._name_from(idxs)
            nj = idxs[-1] + 1
            m = Mention((a, b), surface, wk, base.level, typ, tok_end=nj, era=self._era_after(nj), list_head=idx)
            self._add(m, range(k, nj))
            j = nj
        return j

    def _closed_list_at(self, j: int) -> bool:
        """From token j: ", Name, Name và Name" (short capitalised names, the last one after "và")
        and then no capitalised word."""
        toks = self.toks
        items = 0
        k = j
        while k < len(toks) and items < 8:
            sep_va = toks[k].word and toks[k].k == "và"
            if not (toks[k].text == "," or sep_va):
                return False
            k += 1
            first = self._word(k)
            if first is None or not first.cap or first.upper or first.num or self._unit_at(k):
                return False
            run = self._run(k, allow_upper=False)
            if len(run) > 3 or self._looks_like_person(run):
                return False
            k = run[-1] + 1
            items += 1
            if sep_va:
                return True
        return False

    def _is_parent_name(self, wk: str, child: Mention) -> bool:
        rank = LEVEL_ORDER[child.level] if child.level else 2
        return any(LEVEL_ORDER[u.level] < rank for u in self.lex.admin.get(wk, []))

    # -- pass 2: parents written after a unit (", huyện X, tỉnh Y", "(Vĩnh Yên)")
    def parents(self) -> None:
        toks = self.toks
        ordered = sorted(range(len(self.mentions)), key=lambda x: self.mentions[x].span[0])
        for pos, idx in enumerate(ordered):
            m = self.mentions[idx]
            if m.parents:
                continue          # linked by an earlier call
            j = m.tok_end
            if j < len(toks) and toks[j].text == "(" and self._word(j + 1) and toks[j + 1].k in ERA_OLD | ERA_NEW:
                j += 3 if j + 2 < len(toks) and toks[j + 2].text == ")" else 2
            if j >= len(toks) or toks[j].text not in (",", "(", "-", "–") and toks[j].k not in ("thuộc",):
                continue
            bracket = toks[j].text == "("
            k = j + 1
            # the next mention starting right here, of a higher level, is a parent
            if k >= len(toks):
                continue
            nxt = next((o for o in ordered[pos + 1:pos + 3] if self.mentions[o].span[0] >= toks[k].start), None)
            if nxt is not None:
                cand = self.mentions[nxt]
                unit_tok = self._unit_at(k)
                starts_here = (unit_tok and k + unit_tok[0] < len(toks)
                               and cand.span[0] in (toks[k + unit_tok[0]].start,
                                                    toks[min(k + unit_tok[0] + 1, len(toks) - 1)].start)) \
                    or cand.span[0] == toks[k].start
                if starts_here and self._higher(cand, m):
                    m.parents.append(nxt)
                    continue
            if bracket and self._word(k) and toks[k].cap:
                run = self._run(k, allow_upper=False)
                n = self._admin_prefix(run, (PROVINCE, DISTRICT, COMMUNE))
                if n and n == len(run) and k + n < len(toks) and toks[k + n].text in (")", ",", ";"):
                    wk = self._run_wkey(run)
                    levels = sorted({u.level for u in self.lex.admin[wk]}, key=LEVEL_ORDER.get)
                    own = LEVEL_ORDER.get(m.level, 3)
                    higher = [lv for lv in levels if LEVEL_ORDER[lv] < own]
                    if not higher:
                        continue
                    a, b, surface = self._name_from(run)
                    pm = Mention((a, b), surface, wk, higher[-1], "", bare=True, tok_end=k + n)
                    m.parents.append(self._add(pm, range(k, k + n)))

    def _higher(self, parent: Mention, child: Mention) -> bool:
        if not parent.level or parent.level in (COUNTRY, REGION):
            return False
        return LEVEL_ORDER[parent.level] < LEVEL_ORDER.get(child.level or COMMUNE, 3)

    # -- pass 3: bare names
    def bare(self, context_provinces: set[str], context_districts: set[str] = frozenset()) -> None:
        toks = self.toks
        lex = self.lex
        seen = {m.wkey for m in self.mentions}
        i = 0
        while i < len(toks):
            t = toks[i]
            if i in self.covered or not t.word or not t.cap or t.num:
                i += 1
                continue
            run = self._run(i, allow_upper=t.upper)
            best = None
            for n in range(min(len(run), lex.max_name_len), 0, -1):
                wk = self._run_wkey(run[:n])
                if wk in lex.not_places:
                    best = (n, wk, "")
                    break
                kind = self._bare_kind(wk, seen, context_provinces, context_districts)
                if kind:
                    best = (n, wk, kind)
                    break
            if best is None:
                i += 1
                continue
            n, wk, kind = best
            idxs = run[:n]
            if not kind or self._person_context(idxs, run, kind, wk) or self._street_before(idxs[0]) \
                    or (kind == "commune" and self._facility_before(idxs[0])):
                i = idxs[-1] + 1
                continue
            a, b, surface = self._name_from(idxs)
            level = {"country": COUNTRY, "region": REGION, "province": PROVINCE, "district": DISTRICT,
                     "commune": COMMUNE, "foreign": FOREIGN}.get(kind, "")
            typ = lex.foreign.get(wk, "") if kind == "foreign" else ""
            self._add(Mention((a, b), surface, wk, level, typ, bare=True, tok_end=idxs[-1] + 1,
                               era=self._era_after(idxs[-1] + 1), upper=t.upper), range(idxs[0], idxs[-1] + 1))
            i = idxs[-1] + 1
        self._regions()

    def _bare_kind(self, wk: str, seen: set[str], context_provinces: set[str],
                   context_districts: set[str] = frozenset()) -> str:
        lex = self.lex
        if wk in seen:
            return "seen"
        if context_districts and " " in wk and wk in lex.admin:
            # a commune of a district the article names with its unit word ("ở Y Tý" in an
            # article about huyện Bát Xát)
            if any(u.level == COMMUNE and u.district and wkey(u.district) in context_districts
                   for u in lex.admin[wk]):
                return "commune"
        if wk in lex.provinces:
            return "province"
        if wk in lex.countries:
            return "country"
        if wk in lex.regions:
            return "region"
        if wk in lex.foreign and wk not in lex.admin:
            return "foreign"
        if wk in lex.districts:
            units = [u for u in lex.admin[wk] if u.level == DISTRICT]
            if any(wkey(u.province) in context_provinces for u in units):
                return "district"
            # a district name found in one province only ("Lục Ngạn: Kinh tế …") needs no context
            if len(wk.split()) >= 2 and len({today_province(u) for u in lex.admin[wk]}) == 1:
                return "district"
        return ""

    def _person_context(self, idxs: list[int], run: list[int], kind: str, wk: str) -> bool:
        """The bare name is part of a person's name, a byline, or an idea named after a person."""
        toks, lex, s = self.toks, self.lex, self.s
        first, last = toks[idxs[0]], toks[idxs[-1]]
        prev = self._word(idxs[0] - 1)
        if prev is not None and adjacent(s, prev, first):
            if prev.cap and (prev.k in lex.surnames or prev.k in lex.middles or prev.k in lex.prefixes):
                return True
            p2 = self._word(idxs[0] - 2)
            pk2 = (p2.k, prev.k) if p2 is not None and adjacent(s, p2, prev) else None
            if (prev.k,) in lex.address or (pk2 and pk2 in lex.address):
                return True
            if (prev.k,) in lex.thought or (pk2 and pk2 in lex.thought):
                return True
        # followed by more capitalised words that are not part of it: "Thái Bình Dương", a full name
        nxt = self._word(idxs[-1] + 1)
        if nxt is not None and nxt.cap and adjacent(s, last, nxt) and not nxt.upper and kind != "country":
            # … unless a person's name starts there ("Báo Gia Lai Rơ Châm H'Nga")
            if not self._unit_at(idxs[-1] + 1) and nxt.k not in lex.surnames and nxt.k not in lex.prefixes:
                return True
        # a name that is itself shaped like a person's name (surname + two more words) counts only
        # when the article also names it with a unit word
        if kind != "seen" and len(idxs) >= 3 and first.k in lex.surnames:
            return True
        # a byline: the name alone on its line, or opening a line followed by " – title"
        line_a = s.rfind("\n", 0, first.start) + 1
        line_b = s.find("\n", last.end)
        line_b = len(s) if line_b < 0 else line_b
        if kind != "country" and s[line_a:first.start].strip() == "" and s[last.end:line_b].strip(" .") == "":
            return True
        if len(idxs) == 1 and kind in ("country", "province"):
            # one-word names ("Huế", "Nga", "Mỹ") glued to other capitalised words are name parts
            if prev is not None and prev.cap and adjacent(s, prev, first) and not prev.upper:
                return True
            if nxt is not None and nxt.cap and adjacent(s, last, nxt) and not nxt.upper \
                    and not (kind == "country" and not lex.countries.get(wk) and prev is not None and not prev.cap):
                return True      # … but "Thượng viện Campuchia Hun Sen": a country, then its official
            if kind == "country" and lex.countries.get(wk) and not self._country_cue(idxs[0]):
                return True
        # a photo or text credit: "Ảnh: Thái Bình", "Bài, ảnh: Hà Giang"
        if kind != "country" and CREDIT.search(s, max(0, first.start - 20), first.start):
            return True
        return False

    def lex_alias(self, unit_word: str, wkey: str) -> list[gz.AdminUnit]:
        return gz.gazetteer().find_alias(unit_word, wkey)

    def _facility_before(self, i: int) -> bool:
        """A bare commune name right after a school or facility word ("Trường THPT Trần Phú") names
        the facility after a person or a place the article does not name as a unit."""
        prev = self._word(i - 1)
        if prev is None or not adjacent(self.s, prev, self.toks[i]):
            return False
        return prev.upper or prev.k in FACILITY_WORDS

    def _street_before(self, i: int) -> bool:
        """"phố Huế", "đường Lạng Sơn": the name is a street's."""
        for seq in self.lex.streets:
            m = len(seq)
            prev = [self._word(j) for j in range(i - m, i)]
            if all(p is not None for p in prev) and tuple(p.k for p in prev) == seq \
                    and adjacent(self.s, prev[-1], self.toks[i]):
                return True
        return False

    def _country_cue(self, i: int) -> bool:
        """A one-word country that is also a common word needs a cue: "nước Anh", "sang Úc", or a
        neighbour in a list of countries."""
        prev = self._word(i - 1)
        if prev is not None and prev.k in COUNTRY_CUES:
            return True
        for j in (i - 2, i + 2):
            t = self._word(j)
            if t is not None and t.k in self.lex.countries:
                return True
        for m in self.mentions:
            if m.level == COUNTRY and abs(m.span[0] - self.toks[i].end) <= 3 or \
                    m.level == COUNTRY and abs(self.toks[i].start - m.span[1]) <= 3:
                return True
        return False

    def _regions(self) -> None:
        """Regions and countries written with lower-case common words ("đồng bằng sông Cửu Long",
        "Liên bang Đức"): the last word must be capitalised."""
        lex = self.lex
        toks = self.toks
        for i, t in enumerate(toks):
            if not t.word or i in self.covered or t.k not in lex.region_first:
                continue
            for n in range(min(6, len(toks) - i), 1, -1):
                seq = toks[i:i + n]
                if not all(x.word for x in seq) or not all(adjacent(self.s, seq[q], seq[q + 1]) for q in range(n - 1)):
                    continue
                wk = " ".join(x.k for x in seq)
                if (wk in lex.regions or wk in lex.countries) and seq[-1].cap \
                        and not any(j in self.covered for j in range(i, i + n)):
                    a, b = seq[0].start, seq[-1].end
                    level, typ = (REGION, "vùng") if wk in lex.regions else (COUNTRY, "quốc gia")
                    self._add(Mention((a, b), self.s[a:b], wk, level, typ, bare=True, tok_end=i + n),
                              range(i, i + n))
                    break
