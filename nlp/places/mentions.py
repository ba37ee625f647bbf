"""Places, stage 2 (mentions): the mention record and the token helpers the three passes share.

The passes are mixins of ``Finder`` (``finder.py``), one module each: ``anchored`` (a unit word and
the name after it, lists, brackets), ``parents`` (", huyện X, tỉnh Y" after a unit) and ``bare``
(names without a unit word, regions, countries)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .. import gazetteer as gz
from ..doc import Document
from .lexicon import COMMUNE, COUNTRY, ERA_NEW, ERA_OLD, MAX_RUN, REGION, STRONG_MIDDLES, VILLAGE, lexicon
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


class FinderBase:
    """One article's tokens, the mentions found so far and the helpers of every pass."""

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
            if ks in (("tu",), ("hu",)) and first.text not in ("TU", "HU"):
                return None      # "TU Hà Tĩnh" is the Provincial Committee; "Tu Mơ Rông" is a name
            if ks in (("h",), ("x",)) and not (first.text in ("H", "X") and i > 0
                                               and (self.toks[i - 1].cap or self.toks[i - 1].k in ("ủy", "uỷ"))
                                               and i + 2 < len(self.toks) and self.toks[i + 1].text == "."
                                               and self.toks[i + 1].start == first.end and self.toks[i + 2].cap):
                return None      # "UBND H. Quỳnh Lưu": after a body's name only (a known name only)
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
        starts = self.__dict__.get("_tok_starts") or self.__dict__.setdefault("_tok_starts", [t.start for t in self.toks])
        words = [t for t in self.toks[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] if t.word and t.cap]
        keys = [t.k for t in words]
        for n in (1, 2, 3):
            for q in range(len(keys) - n + 1):
                wk = " ".join(keys[q:q + n])
                if wk in self.lex.countries and wk != "việt nam" and not self.lex.countries[wk]:
                    return True
        return False

    def _foreign_in_text(self) -> bool:
        """A country other than Việt Nam, not also a common word, is named anywhere in the text."""
        got = getattr(self, "_foreign_text_memo", None)
        if got is None:
            keys = [t.k for t in self.toks if t.word and t.cap]
            got = any(" ".join(keys[q:q + n]) in self.lex.countries and " ".join(keys[q:q + n]) != "việt nam"
                      and not self.lex.countries[" ".join(keys[q:q + n])]
                      for n in (1, 2, 3) for q in range(len(keys) - n + 1))
            self._foreign_text_memo = got
        return got

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
