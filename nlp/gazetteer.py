"""The Vietnamese administrative-unit gazetteer: every province, district and commune before the
1 July 2025 reform ("legacy") and after it ("2025"), with GSO codes and old → new successors.

Data: ``nlp/data/places/admin_units.tsv``, built from the ``vietnamadminunits`` package (MIT) by
``scripts/build_gazetteer.py``. It is read once, on first use (about 0.2 s, 17 MB), into dicts keyed by
``nlp.text.key`` of the unit's name, so "Thuỷ Nguyên", "Thủy Nguyên", "THỦY NGUYÊN" and NFD input
find the same units.

Public API (used by the extractor and by the web app's place pages)::

    lookup("Vũ Lễ", type="xã", province="Thái Bình")
        -> [AdminUnit(name="Vũ Lễ", type="xã", province="Thái Bình", district="Kiến Xương", code="13111", …)]
    lookup("xã Vũ Lễ", province="Thái Bình")   -> the same (a leading unit word acts as ``type``)
    lookup("Vũ Lễ")                             -> also the two Vũ Lễ of Lạng Sơn (legacy and 2025)
    successor_of("Vũ Lễ", type="xã", province="Thái Bình")
        -> AdminUnitRef(name="Quang Lịch", type="xã", province="Hưng Yên", code="13132")
    predecessors_of(unit)                       -> the legacy units merged into a 2025 unit
    unit_by_code("13111", "legacy")             -> the unit a ``Place.code`` names
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .lexicon import data_path, read_rows
from .text import fold, key
from .types import AdminUnitRef

DATA = data_path("places", "admin_units.tsv")

LEGACY = "legacy"
NEW = "2025"

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"
_LEVEL_OF_ROW = {"P": PROVINCE, "D": DISTRICT, "C": COMMUNE}
_CODE_LEVEL = {2: PROVINCE, 3: DISTRICT, 5: COMMUNE}

# unit word (lower case, as key()) → the levels it can name; "thành phố" is both a province-level
# city (Hà Nội, Huế …) and a district-level one (Vĩnh Yên …)
TYPE_LEVELS: dict[str, tuple[str, ...]] = {
    "tỉnh": (PROVINCE,),
    "thành phố": (PROVINCE, DISTRICT),
    "huyện": (DISTRICT,),
    "quận": (DISTRICT,),
    "thị xã": (DISTRICT,),
    "xã": (COMMUNE,),
    "phường": (COMMUNE,),
    "thị trấn": (COMMUNE,),
    "đặc khu": (COMMUNE,),
}
LEVEL_RANK = {PROVINCE: 0, DISTRICT: 1, COMMUNE: 2}


@dataclass(frozen=True)
class AdminUnit:
    """One administrative unit of one era."""
    name: str                     # short name without its unit word ("Vũ Lễ", "Phường 5")
    type: str                     # unit word, lower case ("xã", "thành phố", "đặc khu")
    province: str                 # province short name ("Thái Bình"); the unit itself for provinces
    code: str                     # GSO code (province codes differ between eras)
    era: str                      # "legacy" (to 30 June 2025) or "2025"
    level: str                    # "province", "district" or "commune"
    district: str = ""            # legacy communes: their district's short name
    successor: AdminUnitRef | None = None   # legacy units: the 2025 unit they became part of
    province_code: str = ""
    district_code: str = ""

    def ref(self) -> AdminUnitRef:
        return AdminUnitRef(name=self.name, type=self.type, province=self.province, code=self.code)


class Gazetteer:
    """All units of both eras, indexed by code, by name key and by accent-less former name."""

    def __init__(self, path: Path = DATA):
        self.units: list[AdminUnit] = []
        self.by_code: dict[tuple[str, str, str], AdminUnit] = {}    # (era, level, code)
        self.by_key: dict[str, list[AdminUnit]] = {}
        self.by_alias: dict[str, list[AdminUnit]] = {}             # accent-less former names
        self.predecessors: dict[str, list[AdminUnit]] = {}          # "level:code" of a 2025 unit
        _load(self, path)

    def find(self, name: str, levels: tuple[str, ...] | None = None, province: str | None = None,
             era: str | None = None, district: str | None = None) -> list[AdminUnit]:
        out = self.by_key.get(key(name), [])
        if levels:
            out = [u for u in out if u.level in levels]
        if province:
            pk = key(province)
            out = [u for u in out if key(u.province) == pk]
        if district:
            dk = key(district)
            out = [u for u in out if key(u.district) == dk]
        if era:
            out = [u for u in out if u.era == era]
        return out

    def find_alias(self, unit_word: str, name: str) -> list[AdminUnit]:
        """Former names the source lists for merged units, matched accent-less ("huyenhoalu")."""
        k = _nospace_fold(unit_word + name)
        return self.by_alias.get(k, []) or self.by_alias.get(_nospace_fold(name), [])


def _nospace_fold(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(s))


_INSTANCE: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first use."""
    global _INSTANCE
    if _INSTANCE is None:
        _INSTANCE = Gazetteer()
    return _INSTANCE


def _load(g: Gazetteer, path: Path) -> None:
    """Read the TSV once and build every index."""
    if not path.exists():
        raise FileNotFoundError(f"gazetteer data missing: {path}; run scripts/build_gazetteer.py")
    rows = read_rows(path)[1:]   # the first entry is the column header
    provinces = {(r[0], r[2]): r[4] for r in rows if r[1] == "P"}
    districts = {r[2]: r[4] for r in rows if r[1] == "D"}
    new_units: dict[tuple[str, str], AdminUnit] = {}
    for r in rows:
        if r[0] != NEW:
            continue
        u = _unit(r, provinces, districts, None)
        new_units[(u.level, u.code)] = u
    for r in rows:
        if r[0] == NEW:
            u = new_units[(_LEVEL_OF_ROW[r[1]], r[2])]
        else:
            # the successor code's length says its level: 2 digits a province, 5 a commune
            target = new_units.get((_CODE_LEVEL.get(len(r[7]), ""), r[7])) if r[7] else None
            u = _unit(r, provinces, districts, target.ref() if target else None)
            if target is not None and (target.level == u.level or u.level == DISTRICT and target.level == COMMUNE):
                # a 2025 unit's predecessors: communes for a commune, provinces for a province, and
                # the island districts that became special zones
                g.predecessors.setdefault(f"{target.level}:{target.code}", []).append(u)
        g.units.append(u)
        g.by_code[(u.era, u.level, u.code)] = u
        g.by_key.setdefault(key(u.name), []).append(u)
        for alias in filter(None, r[8].split("|")):
            g.by_alias.setdefault(alias, []).append(u)


def _unit(r: list[str], provinces: dict, districts: dict, succ: AdminUnitRef | None) -> AdminUnit:
    era, lvl, code, typ, name, pcode, dcode = r[:7]
    level = _LEVEL_OF_ROW[lvl]
    return AdminUnit(
        name=name, type=typ.lower(), code=code, era=era, level=level,
        province=name if level == PROVINCE else provinces.get((era, pcode), ""),
        district=districts.get(dcode, "") if dcode else "",
        successor=succ, province_code=code if level == PROVINCE else pcode, district_code=dcode)


# ---------------------------------------------------------------------------------------- public API

_UNIT_PREFIX = re.compile(
    r"^\s*(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?|xã|phường|thị trấn|tt\.?|đặc khu)\s+(.+)$",
    re.IGNORECASE)
_ABBREV = {"tp": "thành phố", "tx": "thị xã", "tt": "thị trấn"}
_HCM = {"hcm", "tphcm", "tp.hcm", "tp hcm", "tp. hcm"}


def split_unit_word(name: str) -> tuple[str, str]:
    """("xã Vũ Lễ") → ("xã", "Vũ Lễ"); a name without a unit word → ("", name)."""
    s = unicodedata.normalize("NFC", name).strip()
    if key(s) in _HCM:
        return "thành phố", "Hồ Chí Minh"
    m = _UNIT_PREFIX.match(s)
    if not m:
        return "", s
    word = key(m.group(1)).rstrip(".")
    rest = m.group(2).strip()
    if re.fullmatch(r"\d+", rest):          # "Phường 5": the number is the name
        return key(m.group(1)), s
    return _ABBREV.get(word, word), rest


def levels_of(type_: str | None) -> tuple[str, ...] | None:
    """Unit word or level name → levels; None for no filter."""
    if not type_:
        return None
    t = key(type_)
    if t in (PROVINCE, DISTRICT, COMMUNE):
        return (t,)
    t = _ABBREV.get(t.rstrip("."), t)
    if t not in TYPE_LEVELS:
        raise ValueError(f"unknown administrative unit type {type_!r}: use one of {sorted(TYPE_LEVELS)}")
    return TYPE_LEVELS[t]


def lookup(name: str, type: str | None = None, province: str | None = None,
           era: str | None = None, district: str | None = None) -> list[AdminUnit]:
    """Units called ``name`` (tone placement, case and Unicode form do not matter).

    ``name`` may start with its unit word ("xã Vũ Lễ", "TP.HCM"), which then filters like ``type``.
    ``type`` is a unit word ("xã", "thành phố") or a level ("province", "district", "commune"); a
    unit word filters by level, so "thành phố" finds both province-level and district-level cities.
    ``era`` is "legacy" or "2025". Unknown names give []; an unknown ``type`` raises ValueError.
    Numbered units are looked up by their full name ("Phường 5").
    """
    word, bare = split_unit_word(name)
    g = gazetteer()
    levels = levels_of(type) or levels_of(word)
    out = g.find(bare, levels, province, era, district)
    if not out and word and re.fullmatch(r"\S+\s+\d+", bare):
        out = g.find(bare.split()[-1], levels, province, era, district)
    if not out and word:
        alias = [u for u in g.find_alias(word, bare)
                 if (not levels or u.level in levels) and (not era or u.era == era)
                 and (not province or key(u.province) == key(province))]
        out = alias
    if word in ("xã", "phường", "thị trấn", "đặc khu") and not type:
        # the unit word names the commune type exactly: prefer units of that type
        exact = [u for u in out if u.type == word]
        out = exact or out
    return sorted(out, key=lambda u: (u.era != NEW, LEVEL_RANK[u.level], u.province, u.code))


def successor_of(unit: AdminUnit | str, type: str | None = None, province: str | None = None,
                 district: str | None = None) -> AdminUnitRef | None:
    """The 2025 unit a legacy unit became part of (a commune for a commune, the province for a
    district or a province). A 2025 unit is its own successor. A name that matches several legacy
    units with different successors gives None: pass ``province``/``district`` to pick one."""
    if isinstance(unit, AdminUnit):
        return unit.ref() if unit.era == NEW else unit.successor
    units = [u for u in lookup(unit, type=type, province=province, district=district, era=LEGACY)]
    succ = {u.successor for u in units if u.successor is not None}
    if len(succ) == 1:
        return succ.pop()
    if not units:
        new = lookup(unit, type=type, province=province, era=NEW)
        if len(new) == 1:
            return new[0].ref()
    return None


def unit_by_code(code: str, era: str) -> AdminUnit | None:
    """The unit with this GSO code in this era (codes have 2 digits for provinces, 3 for districts,
    5 for communes, so the code says the level); None when there is none (a ``Place.code`` and
    ``Place.era`` always name one)."""
    level = _CODE_LEVEL.get(len(code))
    if level is None:
        return None
    return gazetteer().by_code.get((era, level, code))


def predecessors_of(unit: AdminUnit) -> list[AdminUnit]:
    """Legacy units that became (part of) a 2025 unit; [] for legacy units."""
    if unit.era != NEW:
        return []
    return list(gazetteer().predecessors.get(f"{unit.level}:{unit.code}", []))


def provinces(era: str = NEW) -> list[AdminUnit]:
    """The provinces of one era (63 legacy, 34 from 2025), by code."""
    return sorted((u for u in gazetteer().units if u.level == PROVINCE and u.era == era), key=lambda u: u.code)


@lru_cache(maxsize=1024)
def provinces_in_host(host: str) -> tuple[str, ...]:
    """Province names whose accent-less, space-less form appears in a site host or name
    ("vinhphuc.gov.vn" → ("Vĩnh Phúc",)); the longest matches win, several may come back."""
    h = _nospace_fold(host)
    if not h:
        return ()
    g = gazetteer()
    names = {u.name for u in g.units if u.level == PROVINCE}
    hits = [(n, _nospace_fold(n)) for n in names]
    # the source's province aliases of three letters or more ("hcm", "vungtau")
    hits += [(u.name, alias) for alias, us in g.by_alias.items() if len(alias) >= 3
             for u in us if u.level == PROVINCE]
    hits = [(n, f) for n, f in hits if f and f in h]
    # "hanam" inside "hanamdinh"-like strings: drop a hit contained in a longer hit at the same place
    keep = [n for n, f in hits if not any(f != f2 and f in f2 for _, f2 in hits)]
    return tuple(sorted(set(keep)))
