"""Places, stage 3: mentions grouped per place and resolved against the gazetteer."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .. import gazetteer as gz
from ..doc import Document
from ..text import fold, key
from ..types import Place
from .finder import Finder, Mention
from .lexicon import (ARTICLE_2025, COMMUNE, COUNTRY, DISTRICT, LEGACY_ONLY_TYPES, LEVEL_ORDER, PROVINCE,
                      REGION, VILLAGE, lexicon, today_province, wkey)


# ------------------------------------------------------------------------------------------- resolution

@dataclass
class _Group:
    wkey: str
    level: str
    mentions: list[Mention]


def _site_hints(doc: Document) -> tuple[set[str], set[str]]:
    """Province and district keys named by the site or URL ("vinhphuc.gov.vn" → Vĩnh Phúc;
    "tamduong.vinhphuc.gov.vn" → also huyện Tam Dương). They weigh like one mention each."""
    provinces: set[str] = set()
    districts: set[str] = set()
    for hint in (doc.site, doc.url):
        if not hint:
            continue
        h = hint.strip()
        is_host = "://" in h or ("." in h and " " not in h)
        host = re.sub(r"^[a-z]+://", "", h.lower()).split("/")[0] if is_host else h
        found = gz.provinces_in_host(host)
        provinces.update(wkey(p) for p in found)
        if is_host and found:
            labels = {re.sub(r"[^a-z0-9]", "", fold(x)) for x in host.split(".")}
            for u in gz.gazetteer().units:
                if u.level == gz.DISTRICT and u.province in found \
                        and re.sub(r"[^a-z0-9]", "", fold(u.name)) in labels:
                    districts.add(wkey(u.name))
    return provinces, districts


def _groups(mentions: list[Mention]) -> list[_Group]:
    """One group per (name, level); bare mentions join the group of the same name that has a unit word
    (the highest level when several), else they form a group of their own."""
    typed: dict[tuple[str, str], _Group] = {}
    for m in mentions:
        if m.level:
            g = typed.setdefault((m.wkey, m.level), _Group(m.wkey, m.level, []))
            g.mentions.append(m)
    by_name: dict[str, list[_Group]] = defaultdict(list)
    for g in typed.values():
        by_name[g.wkey].append(g)
    lex = lexicon()
    for m in mentions:
        if m.level:
            continue
        gs = by_name.get(m.wkey)
        if gs:
            unit_groups = [g for g in gs if any(not x.bare for x in g.mentions)] or gs
            g = min(unit_groups, key=lambda g: LEVEL_ORDER[g.level])
            g.mentions.append(m)
            continue
        level = PROVINCE if m.wkey in lex.provinces else DISTRICT if m.wkey in lex.districts else COMMUNE
        g = typed.setdefault((m.wkey, level), _Group(m.wkey, level, []))
        g.mentions.append(m)
        by_name[m.wkey].append(g)
    return sorted(typed.values(), key=lambda g: min(x.span[0] for x in g.mentions))


def find_places(doc: Document) -> list[Place]:
    """Every distinct named place of the article (one record per name and level), with mentions."""
    f = Finder(doc)
    f.anchored()
    f.parents()
    site, site_districts = _site_hints(doc)
    ctx = {m.wkey for m in f.mentions if m.level == PROVINCE} | site
    f.bare(ctx, {m.wkey for m in f.mentions if m.level == DISTRICT} | site_districts)
    f.parents()           # again, for parents written bare (", Lục Ngạn", ", Lai Châu")
    groups = _groups(f.mentions)
    after_reform = (ARTICLE_2025.search(doc.norm) or _lede_after_reform(doc.norm)
                    or any(m.type == "đặc khu" for m in f.mentions))
    article_era = gz.NEW if after_reform else ""
    return _resolve(f, groups, site, site_districts, article_era)


_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def _lede_after_reform(s: str) -> bool:
    """The article's first full date (its lede: "Ngày 16/8/2025, …") is on or after 1 July 2025."""
    m = _DATE.search(s, 0, 800)
    if not m:
        return False
    day, month, year = (int(x) for x in m.groups())
    return 1 <= month <= 12 and (year, month) >= (2025, 7)


def _resolve(f: Finder, groups: list[_Group], site: set[str], site_districts: set[str],
             article_era: str) -> list[Place]:
    lex = f.lex
    group_of: dict[int, _Group] = {}
    for g in groups:
        for m in g.mentions:
            group_of[id(m)] = g
    chosen: dict[int, gz.AdminUnit | None] = {}
    province_weight: Counter = Counter()
    for p in site:
        province_weight[p] += 1
    district_weight: Counter = Counter(site_districts)
    for g in groups:
        if g.level == PROVINCE and any(u.level == PROVINCE for u in lex.admin.get(g.wkey, [])):
            province_weight[g.wkey] += len(g.mentions)
    results: dict[int, tuple[str, str, list[gz.AdminUnit]]] = {}

    for level in (PROVINCE, DISTRICT, COMMUNE):     # higher levels first: they are the context
        for g in [g for g in groups if g.level == level]:
            cands = [u for u in lex.admin.get(g.wkey, []) if u.level == level]
            types = Counter(m.type for m in g.mentions if m.type)
            # explicit parents (", huyện X, tỉnh Y", "(Vĩnh Yên)")
            parent_names = [(f.mentions[pi].wkey, f.mentions[pi].level) for m in g.mentions for pi in m.parents]
            by_parent = False
            for pw, pl in parent_names:
                if pl == PROVINCE:
                    sub = [u for u in cands if wkey(u.province) == pw]
                elif pl == DISTRICT:
                    sub = [u for u in cands if wkey(u.district) == pw]
                else:
                    sub = []
                if sub:
                    cands, by_parent = sub, True
            if level == COMMUNE and not by_parent and +province_weight \
                    and not any(_province_score(u, province_weight) for u in cands):
                # the article is about other provinces: a same-named unit elsewhere is not this one
                # (the unit may be one merged away before the gazetteer's date)
                cands = []
            # era markers
            eras = {m.era for m in g.mentions if m.era}
            if len(eras) == 1:
                sub = [u for u in cands if u.era in eras]
                cands = sub or cands
            if len({(u.province, u.district, u.era) for u in cands}) > 1:
                cands = _by_context(cands, province_weight, district_weight)
            if types and len(cands) > 1:
                # the unit word written ("xã"/"phường", "thành phố"/"huyện") breaks ties
                exact = [u for u in cands if u.type in types]
                cands = exact or cands
            if len(cands) == 2 and _same_unit(*cands):
                # one unit in both eras (a province, a commune kept whole): the article's era decides,
                # unless the unit word exists only before 2025 ("thị trấn")
                want = article_era or gz.LEGACY
                if types and all(t in LEGACY_ONLY_TYPES for t in types):
                    want = gz.LEGACY
                cands = [u for u in cands if u.era == want]
            unit = cands[0] if len(cands) == 1 else None
            chosen[id(g)] = unit
            province = cands[0].province if cands and len({u.province for u in cands}) == 1 else ""
            if not cands and types:
                # a unit merged away before the gazetteer's date, listed under its former name
                # ("thị xã Cửa Lò" → part of Vinh): its province is known, its code is not
                former = [u for t in types for u in f.lex_alias(t, g.wkey)]
                if former and +province_weight:
                    former = [u for u in _by_context(former, province_weight, district_weight)
                              if _province_score(u, province_weight)]
                provinces_ = {u.province for u in former}
                province = provinces_.pop() if len(provinces_) == 1 else ""
            results[id(g)] = (province, unit.code if unit else "", cands)
            if level == DISTRICT and province:
                province_weight[wkey(province)] += 1
                district_weight[g.wkey] += len(g.mentions)
            if level == DISTRICT and unit:
                district_weight[g.wkey] += 1

    _provinces_from_lists(f, groups, group_of, results)
    places: list[Place] = []
    for g in groups:
        surface = _surface(g)
        typ = _type_of(g, chosen.get(id(g)))
        unit = chosen.get(id(g))
        province, code, _ = results.get(id(g), ("", "", []))
        if g.level == VILLAGE:
            province = _village_province(f, g, group_of, results, province_weight)
        era = unit.era if unit else ""
        successor = unit.successor if unit is not None and unit.era == gz.LEGACY else None
        spans = tuple(sorted({m.span for m in g.mentions}))
        places.append(Place(name=surface, type=typ, province=province if g.level != COUNTRY else "",
                            mentions=spans, code=code, successor=successor, era=era))
    return places


def _provinces_from_lists(f: Finder, groups: list[_Group], group_of: dict, results: dict) -> None:
    """A unit the gazetteer cannot place, listed with units it places in one province ("các xã Lập
    Lễ, Phả Lễ"), is in that province (its code stays unknown)."""
    members: dict[int, list[_Group]] = defaultdict(list)
    for g in groups:
        for m in g.mentions:
            if m.list_head >= 0:
                members[m.list_head].append(g)
    for head, gs in members.items():
        head_group = group_of.get(id(f.mentions[head]))
        listed = ([head_group] if head_group is not None else []) + gs
        known = {results[id(g)][0] for g in listed if id(g) in results and results[id(g)][0]}
        if len(known) != 1:
            continue
        province = known.pop()
        for g in listed:
            if id(g) in results and not results[id(g)][0]:
                _, code, cands = results[id(g)]
                results[id(g)] = (province, code, cands)


def _same_unit(a: gz.AdminUnit, b: gz.AdminUnit) -> bool:
    old, new = (a, b) if a.era == gz.LEGACY else (b, a)
    return old.era == gz.LEGACY and new.era == gz.NEW and old.successor is not None \
        and old.successor.code == new.code and key(old.name) == key(new.name)


@lru_cache(maxsize=1)
def _merged_into() -> dict[str, str]:
    """Legacy province key → key of the 2025 province it became part of."""
    out = {}
    for u in gz.provinces(gz.LEGACY):
        if u.successor is not None:
            out[wkey(u.name)] = wkey(u.successor.name)
    return out


def _province_score(u: gz.AdminUnit, pw: Counter) -> int:
    """How much the article is about the unit's province, counted over its lineage: the province
    itself, the 2025 province it became part of, and the old provinces merged into that one, so that
    one unit in its two eras scores the same ("tỉnh Bình Dương (cũ)" → phường of Hồ Chí Minh)."""
    today = wkey(today_province(u))
    merged = _merged_into()
    return sum(w for p, w in pw.items() if p == today or merged.get(p) == today)


def _by_context(cands: list[gz.AdminUnit], pw: Counter, dw: Counter) -> list[gz.AdminUnit]:
    """Keep the candidates the article's districts and provinces point to (all when none does)."""
    def district_score(u: gz.AdminUnit) -> int:
        if u.district:
            return dw.get(wkey(u.district), 0)
        # a 2025 commune has no district: it scores as its legacy self, if that is a candidate too
        return max((dw.get(wkey(o.district), 0) for o in cands if o.district and _same_unit(o, u)), default=0)

    def score(u: gz.AdminUnit) -> tuple[int, int]:
        return (district_score(u), _province_score(u, pw))
    best = max(score(u) for u in cands)
    if best == (0, 0):
        return cands
    out = [u for u in cands if score(u) == best]
    if len(out) > 1 and not (len(out) == 2 and _same_unit(*out)):
        # same lineage, different units: the province named itself wins ("tỉnh Bắc Giang" → its xã)
        own = max(pw.get(wkey(u.province), 0) for u in out)
        out = [u for u in out if pw.get(wkey(u.province), 0) == own] if own else out
    return out


def _surface(g: _Group) -> str:
    ms = sorted(g.mentions, key=lambda m: (m.upper, m.bare, m.span[0]))
    return ms[0].name


def _type_of(g: _Group, unit: gz.AdminUnit | None) -> str:
    if g.level == COUNTRY:
        return "quốc gia"
    if g.level == REGION:
        return "vùng"
    types = Counter(m.type for m in g.mentions if m.type)
    if types:
        return types.most_common(1)[0][0]
    if unit is not None:
        return unit.type
    units = {u.type for u in lexicon().admin.get(g.wkey, []) if u.level == g.level}
    return units.pop() if len(units) == 1 else ""


def _village_province(f: Finder, g: _Group, group_of: dict, results: dict, pw: Counter) -> str:
    for m in g.mentions:
        for pi in m.parents:
            pg = group_of.get(id(f.mentions[pi]))
            if pg is not None and results.get(id(pg), ("",))[0]:
                return results[id(pg)][0]
    provinces = {p for p, w in pw.items() if w > 0}
    if len(provinces) == 1:
        name = provinces.pop()
        units = [u for u in lexicon().admin.get(name, []) if u.level == PROVINCE]
        return units[0].name if units else ""
    return ""
