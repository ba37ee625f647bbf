"""Places, pass 1: a unit word and the capitalised name after it ("xã Thanh Trù", "TP. Buôn Ma
Thuột", "Phường 5"), lists after a plural unit word ("các xã A, B và C") and bracketed parents."""
from __future__ import annotations

from .. import gazetteer as gz
from ..spelling import foreign_word
from .lexicon import (COMMUNE, COUNT_NOUNS, COUNTRY, DISTRICT, LEVEL_ORDER, LIST_INTRO, PLURAL, PROVINCE,
                      REGION, VILLAGE, wkey)
from .mentions import FinderBase, Mention
from .tokens import adjacent


class AnchoredPass(FinderBase):
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
            if j < len(toks) and toks[j].text == "." and toks[i].k in ("tp", "tx", "tt", "p", "q", "h", "x"):
                j += 1
            start_j = j
            plural = self._plural_before(i)
            intro = False
            strict = False
            if kind == "admin" and toks[i].k in ("p", "q", "h", "x") and j < len(toks) and not toks[j].num:
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
        if j > 0 and "\n" in self.s[toks[j - 1].end:first.start]:
            return None          # "… ĐẠI SỨ NHẬT BẢN\nChiều 5/6": a name never follows its unit word over a line break
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
        latin = 0
        while latin < min(len(run), 3) and self.toks[run[latin]].text.isascii() \
                and self.toks[run[latin]].text[:1].isupper() and self.toks[run[latin]].text.isalpha():
            latin += 1
        if latin and any(foreign_word(self.toks[x].text) for x in run[:latin]) \
                and (latin == len(run) or not self.toks[run[latin]].text[:1].isupper()) \
                and (self._foreign_context(j) or self._foreign_in_text()):
            return latin                   # "thành phố Placetas", "Tỉnh ủy Villa Clara" in a story on Cuba
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
