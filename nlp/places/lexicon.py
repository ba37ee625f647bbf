"""Places, stage 0: the word lists of nlp/data/places/ and the gazetteer, keyed for matching."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .. import gazetteer as gz
from ..lexicon import rows
from ..lexicon import words as word_set
from ..tokens import word_key, words


PROVINCE, DISTRICT, COMMUNE = gz.PROVINCE, gz.DISTRICT, gz.COMMUNE
VILLAGE, COUNTRY, REGION, FOREIGN = "village", "country", "region", "foreign"
LEVEL_ORDER = {COUNTRY: -2, REGION: -1, FOREIGN: -1, PROVINCE: 0, DISTRICT: 1, COMMUNE: 2, VILLAGE: 3}

MAX_RUN = 6
# the word lists below are data files (one entry a line), compared with token keys as written
PLURAL = word_set("places", "plural_words.txt")
LIST_INTRO = word_set("places", "list_intro_words.txt")
COUNTRY_CUES = word_set("places", "country_cues.txt")
COUNT_NOUNS = word_set("places", "count_nouns.txt")
FACILITY_WORDS = word_set("places", "facility_words.txt")
CREDIT = re.compile(r"(?:ảnh|bài|tin|video|clip|thực hiện)\s*:\s*$", re.IGNORECASE)
LEGACY_ONLY_TYPES = {"thị trấn", "huyện", "quận", "thị xã"}
STRONG_MIDDLES = {"văn", "thị"}
ERA_OLD = {"cũ"}
ERA_NEW = {"mới"}
# an article written after the 1 July 2025 reform says so ("tỉnh Hà Giang (cũ)", "sau sắp xếp")
ARTICLE_2025 = re.compile(r"\(cũ\)|\bcũ\)|sau (?:khi )?(?:sắp xếp|sáp nhập|hợp nhất)|"
                           r"\b1/7/2025|\b01/0?7/2025|chính quyền (?:địa phương )?(?:hai|2) cấp", re.IGNORECASE)


# ------------------------------------------------------------------------------------------- lexicons

# Spellings of one syllable that place names use interchangeably ("Đăk Glei" / "Đắk Glei")
SYLLABLE_VARIANTS = {"đắk": "đăk", "đác": "đăk", "đắc": "đăk"}


def _syl(k: str) -> str:
    return SYLLABLE_VARIANTS.get(k, k)


def wkey(s: str) -> str:
    """Word-only key: case, tone placement, hyphens, apostrophe shapes and a few spelling variants
    folded ("Bà Rịa - Vũng Tàu" → "bà rịa vũng tàu")."""
    return " ".join(_syl(word_key(w)) for w in words(unicodedata.normalize("NFC", s)))


@dataclass
class Lexicon:
    units: dict[tuple[str, ...], tuple[str, str]]          # word keys → (type, kind)
    max_unit_len: int
    not_before: dict[str, set[tuple[str, ...]]]              # unit word → preceding word seqs
    not_after: dict[str, set[str]]
    countries: dict[str, bool]                               # wkey → needs cue
    regions: dict[str, str]                                  # wkey → canonical name
    surnames: set[str]
    middles: set[str]
    prefixes: set[str]
    address: set[tuple[str, ...]]
    thought: set[tuple[str, ...]]
    admin: dict[str, list[gz.AdminUnit]]                     # wkey → units
    provinces: set[str]
    districts: set[str]
    max_name_len: int
    unit_first: frozenset[str] = frozenset()
    region_first: frozenset[str] = frozenset()
    not_places: frozenset[str] = frozenset()
    modifiers: frozenset[tuple[str, ...]] = frozenset()
    foreign: dict[str, str] = field(default_factory=dict)    # wkey → type ("tỉnh", "thành phố")
    not_name_starts: frozenset[str] = frozenset()
    streets: frozenset[tuple[str, ...]] = frozenset()
    former_provinces: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    units = {}
    for word, typ, kind in rows("places", "unit_words.tsv"):
        units[tuple(wkey(word).split())] = (typ, kind)
    not_before: dict[str, set] = defaultdict(set)
    not_after: dict[str, set] = defaultdict(set)
    for context, unit, side in rows("places", "not_unit_contexts.tsv"):
        if side == "before":
            not_before[wkey(unit)].add(tuple(wkey(context).split()))
        else:
            not_after[wkey(unit)].add(wkey(context))
    countries = {wkey(n): flag == "1" for n, flag in rows("places", "countries.tsv")}
    regions = {wkey(r[0]): r[0] for r in rows("places", "regions.tsv")}
    cues: dict[str, set] = defaultdict(set)
    for word, kind in rows("places", "person_cues.tsv"):
        cues[kind].add(wkey(word) if kind in ("surname", "middle", "prefix") else tuple(wkey(word).split()))
    g = gz.gazetteer()
    admin: dict[str, list[gz.AdminUnit]] = defaultdict(list)
    for k, us in g.by_key.items():
        admin[" ".join(_syl(w) for w in words(k.replace("’", "'")))].extend(us)
    for variant, name, level in rows("places", "name_variants.tsv"):
        same = [u for u in admin.get(wkey(name), []) if u.level == level]
        if not same:
            raise ValueError(f"name_variants.tsv: {name!r} is not a {level} in the gazetteer")
        admin[wkey(variant)].extend(u for u in same if u not in admin[wkey(variant)])
    for k in [k for k in admin if " " in k]:
        # names written as one word ("Đakrông" for "Đa Krông", "Eakar" for "Ea Kar")
        joined = k.replace(" ", "")
        admin.setdefault(joined, [])
        admin[joined].extend(u for u in admin[k] if u not in admin[joined])
    provinces = {k for k, us in admin.items() if any(u.level == PROVINCE for u in us)}
    districts = {k for k, us in admin.items() if any(u.level == DISTRICT for u in us)}
    max_name = max(len(k.split()) for k in list(admin) + list(countries) + list(regions))
    return Lexicon(units, max(len(k) for k in units), dict(not_before), dict(not_after), countries, regions,
                    cues["surname"], cues["middle"], cues["prefix"], cues["address"], cues["thought"],
                    dict(admin), provinces, districts, max_name,
                    unit_first=frozenset(k[0] for k in units),
                    region_first=frozenset(k.split()[0] for k in list(regions) + [c for c in countries if " " in c]),
                    not_places=frozenset(wkey(r[0]) for r in rows("places", "not_places.tsv")),
                    streets=frozenset(tuple(wkey(r[0]).split()) for r in rows("places", "street_words.tsv")),
                    modifiers=frozenset(tuple(wkey(r[0]).split()) for r in rows("places", "unit_modifiers.tsv")),
                    foreign={wkey(r[0]): r[1] for r in rows("places", "foreign_places.tsv")},
                    not_name_starts=frozenset(wkey(r[0]) for r in rows("places", "not_name_starts.tsv")),
                    former_provinces=frozenset(wkey(r[0]) for r in rows("places", "former_provinces.tsv")))


def today_province(u: gz.AdminUnit) -> str:
    """The 2025 province a unit lies in (legacy units through their successor)."""
    if u.era == gz.LEGACY and u.successor is not None:
        return u.successor.province
    return u.province
