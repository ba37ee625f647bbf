"""Places, pass 2: parents written after a unit (", huyện X, tỉnh Y", "(Vĩnh Yên)")."""
from __future__ import annotations

from .lexicon import COMMUNE, COUNTRY, DISTRICT, ERA_NEW, ERA_OLD, LEVEL_ORDER, PROVINCE, REGION
from .mentions import FinderBase, Mention


class ParentsPass(FinderBase):
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
