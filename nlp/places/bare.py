"""Places, pass 3: bare names (no unit word), unless the words around make them part of a
person's name, a byline, a street or a facility; regions and countries."""
from __future__ import annotations

from .. import gazetteer as gz
from ..lexicon import rows
from .lexicon import (COMMUNE, COUNTRY, COUNTRY_CUES, CREDIT, DISTRICT, FACILITY_WORDS, FOREIGN, PROVINCE,
                      REGION, today_province, wkey)
from ..spelling import foreign_word
from .mentions import FinderBase, Mention
from .tokens import adjacent


# words after which a foreign-shaped name is a place ("ở Vladikavkaz", "tại Philadelphia", "gần Donbass")
_LOCATIVES = frozenset({"ở", "tại", "gần", "quanh", "thuộc"})
# English words of firms, clubs, contests and schools ("Champions League", "Selwyn College")
_ORG_WORDS = frozenset(r[0].lower() for r in rows("people", "foreign_org_words.txt"))


# one-word countries that are also given names: they do not by themselves make a story foreign
_NAME_COUNTRIES = frozenset({"anh", "đức", "ý"})


class BarePass(FinderBase):
    _foreign_ends: set[int]

    # -- pass 3: bare names
    def bare(self, context_provinces: set[str], context_districts: set[str] = frozenset()) -> None:
        toks = self.toks
        lex = self.lex
        seen = {m.wkey for m in self.mentions}
        self._foreign_ends = set()
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
                i = self._foreign_after_locative(i, run) or i + 1
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

    def _foreign_after_locative(self, i: int, run: list[int]) -> int:
        """A foreign-shaped name right after "ở", "tại", "gần" … ("căn cứ ở Vladikavkaz và Novosibirsk")
        in a story that names another country: a foreign place. Next token index, or 0."""
        toks = self.toks
        prev = self._word(i - 1)
        if prev is None or not adjacent(self.s, prev, toks[i]):
            return 0
        if prev.k in _LOCATIVES:
            work = self._word(i - 2)
            if work is not None and work.k in ("việc", "tác", "chức", "tập"):
                return 0   # "làm việc tại Microsoft", "học tập tại Harvard": a firm, a school
        else:
            # the next item of a list that began with such a place ("ở Vladikavkaz và Novosibirsk")
            before = toks[i - 2] if i >= 2 else None
            if not (prev.k == "và" and before is not None and before.end in self._foreign_ends):
                return 0
        names = [k for k in run[:3] if toks[k].text.isascii() and toks[k].text.isalpha() and not toks[k].upper]
        if not names or len(names) < len(run) or not any(foreign_word(toks[k].text) for k in names) \
                or any(toks[k].k in _ORG_WORDS for k in names):
            return 0
        if not self._foreign_story():
            return 0
        a, b, surface = self._name_from(names)
        self._add(Mention((a, b), surface, self._run_wkey(names), FOREIGN, "", bare=True, tok_end=names[-1] + 1),
                  range(names[0], names[-1] + 1))
        self._foreign_ends.add(b)
        return names[-1] + 1

    def _foreign_story(self) -> bool:
        """The text names another country; a one-word name that is also a common word counts when it
        stands alone ("Nga rút quân", "(Mỹ)"), except those that are also given names (Anh, Đức, Ý)."""
        got = getattr(self, "_foreign_story_memo", None)
        if got is None:
            got = self._foreign_in_text()
            toks = self.toks
            for q, t in enumerate(toks):
                if got:
                    break
                if t.word and t.cap and self.lex.countries.get(t.k) and t.k not in _NAME_COUNTRIES:
                    prev, nxt = self._word(q - 1), self._word(q + 1)
                    got = not (prev is not None and prev.cap and adjacent(self.s, prev, t)) \
                        and not (nxt is not None and nxt.cap and adjacent(self.s, t, nxt))
            self._foreign_story_memo = got
        return got

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
        toks = self.toks
        if 1 < i < len(toks) - 1 and toks[i - 1].text == "(" and toks[i + 1].text == ")" \
                and any(m.span[1] == toks[i - 2].end for m in self.mentions):
            return True   # "Philadelphia (Mỹ)": a country in brackets after a place
        for j in (i - 2, i + 2):
            t = self._word(j)
            if t is not None and t.k in self.lex.countries:
                return True
        starts, ends = self._country_edges()
        a, b = self.toks[i].start, self.toks[i].end
        return any(b + d in starts or a + d in ends for d in range(-3, 4))

    def _country_edges(self) -> tuple[set[int], set[int]]:
        """Start and end offsets of the country mentions found so far (kept up to date as mentions
        are added, so that each cue check is constant time on a long text)."""
        cache = self.__dict__.setdefault("_country_edge_cache", [0, set(), set()])
        for m in self.mentions[cache[0]:]:
            if m.level == COUNTRY:
                cache[1].add(m.span[0])
                cache[2].add(m.span[1])
        cache[0] = len(self.mentions)
        return cache[1], cache[2]

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
                # "Đông Nam bộ", "Tây Nam bộ": the proper noun before a lower-case "bộ" is capitalised
                proper = seq[-1].cap or (seq[-1].k == "bộ" and n >= 3 and seq[-2].cap and wk in lex.regions)
                if (wk in lex.regions or wk in lex.countries) and proper \
                        and not any(j in self.covered for j in range(i, i + n)):
                    a, b = seq[0].start, seq[-1].end
                    level, typ = (REGION, "vùng") if wk in lex.regions else (COUNTRY, "quốc gia")
                    self._add(Mention((a, b), self.s[a:b], wk, level, typ, bare=True, tok_end=i + n),
                              range(i, i + n))
                    break
