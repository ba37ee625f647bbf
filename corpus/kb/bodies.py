"""Organisation resolution: a body as written ("Tỉnh ủy", "UBND huyện", "Ban Tuyên giáo Tỉnh ủy",
"Huyện ủy Tam Dương") → the specific body of its place, with an identity key shared by every
spelling of that body.

A generic body (its level word with no place name after it) takes its place from, in order:
the article's own places of that level (the one named last before the body, else the one named most),
for a province-level body the one province of the article's other places, then the site's province.
An explicit body resolves its place name against the article's places, then the gazetteer (with the
site's province as a hint). Central bodies ("Trung ương", "Bộ Chính trị", "Bộ Công thương") have no
place. The surface form is never changed: resolution adds a canonical name and a key beside it.

    ctx = BodyContext(places=(PlaceRef("Nghệ An", "tỉnh", "Nghệ An", spans=((10, 17),)),))
    resolve_body("Tỉnh ủy", ctx).name          -> "Tỉnh ủy Nghệ An"
    resolve_body("Tỉnh ủy Nghệ An", ctx).key == resolve_body("Tỉnh ủy", ctx).key

The words that carry a level live in ``kb/data/bodies.tsv``; keys compare abbreviations spelled out
("UBND" = "Ủy ban nhân dân"), tone placement, case and spacing folded (``nlp.text.key``).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from partyfacts.nlp import gazetteer as gz
from partyfacts.nlp.text import key

DATA = Path(__file__).with_name("data") / "bodies.tsv"

PROVINCE, CITY, DISTRICT, COMMUNE, NATIONAL = "province", "city", "district", "commune", "national"

# the unit word a committee is named after: "Huyện ủy" is the party committee of a huyện
_COMMITTEE_UNIT = {"tỉnh ủy": "tỉnh", "thành ủy": "thành phố", "huyện ủy": "huyện", "quận ủy": "quận",
                   "thị ủy": "thị xã"}
_UNIT_WORD = {"tp.": "thành phố", "tp": "thành phố", "h.": "huyện", "q.": "quận", "tx.": "thị xã",
              "tx": "thị xã", "x.": "xã", "p.": "phường", "tt.": "thị trấn"}
_LEVEL_TYPES = {PROVINCE: ("tỉnh", "thành phố"), CITY: ("thành phố",), DISTRICT: ("huyện", "quận", "thị xã", "thành phố"),
                COMMUNE: ("xã", "phường", "thị trấn", "đặc khu")}
_GLUED = re.compile(r"^(TP|TX|TT|H|Q|P|X)\.(\S+)$")


@dataclass(frozen=True)
class PlaceRef:
    """A place as the article names it (from the extraction or the database)."""
    name: str
    type: str = ""
    province: str = ""
    code: str = ""
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def is_province(self) -> bool:
        return self.type in ("tỉnh", "thành phố") and bool(self.province) and key(self.name) == key(self.province)


MERGER = "2025-07-01"   # the administrative units of the 2025 reform took effect on this day


@dataclass(frozen=True)
class BodyContext:
    """What an article says about where it is: its places, its site's province and its date (an
    explicit unit name is looked up among the units of the article's era: before 1 July 2025 the
    legacy units, from then on the 2025 ones)."""
    places: tuple[PlaceRef, ...] = ()
    site_province: str = ""
    date: str = ""           # ISO date of the article, "" unknown (the 2025 units are preferred)


@dataclass(frozen=True)
class ResolvedBody:
    surface: str               # as written
    name: str                  # canonical display name: the surface completed with its place
    key: str                   # identity: equal keys = one organisation
    level: str                 # province | district | commune | national | "" (not territorial)
    place: str                 # the place's name ("" when none)
    place_type: str
    province: str
    how: str                   # explicit | article | article-province | site | unresolved | national | named

    @property
    def generic(self) -> bool:
        return self.how in ("article", "article-province", "site", "unresolved")


@dataclass(frozen=True)
class _Lexicon:
    forms: dict[tuple[str, ...], tuple[str, str]]    # key tokens → (role, value)
    longest: int
    abbreviations: dict[str, str]                      # key(form) → full form


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    abbr: dict[str, str] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        form, role, value = line.split("\t")
        if role == "abbreviation":
            abbr[key(form)] = value
        else:
            forms[tuple(key(form).split())] = (role, value)
    return _Lexicon(forms, max(len(k) for k in forms), abbr)


def lexicon_digest() -> str:
    """The data file's bytes as a short digest (part of the knowledge-base version)."""
    import hashlib
    return hashlib.sha256(DATA.read_bytes()).hexdigest()[:12]


def _tokens(surface: str) -> list[str]:
    out = []
    for tok in unicodedata.normalize("NFC", surface).split():
        m = _GLUED.match(tok)
        out.extend([m.group(1) + ".", m.group(2)] if m else [tok])
    return out


def _anchors(tokens: list[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, role, value) of every level word, longest match at each position."""
    lex = _lexicon()
    keys = [key(t) for t in tokens]
    out = []
    i = 0
    while i < len(tokens):
        for n in range(min(lex.longest, len(tokens) - i), 0, -1):
            hit = lex.forms.get(tuple(keys[i:i + n]))
            if hit is None:
                continue
            role, value = hit
            # "Bộ"/"Sở" open a name ("Bộ Công an"); the "bộ" of "Đảng bộ" is not one
            if role in ("national", "provincial_head") and n == 1 and (i != 0 or not tokens[i][:1].isupper()):
                continue
            # an abbreviated unit word stands before a capitalised name ("H. Xuân Lộc")
            if role == "unit" and tokens[i].endswith(".") and not (i + n < len(tokens) and tokens[i + n][:1].isupper()):
                continue
            out.append((i, i + n, role, value))
            i += n - 1
            break
        i += 1
    return out


def _filler(tokens: list[str], anchors) -> int:
    """Words between an organ and its committee that are part of the committee's name ("Ban Chấp
    hành Đảng bộ tỉnh": "Đảng bộ" before the unit word)."""
    gap = tokens[anchors[0][1]:anchors[1][0]]
    return len(gap) if [key(t) for t in gap] in ([], ["đảng", "bộ"], ["đảng", "ủy"]) else -1


def _expand(tokens: list[str]) -> str:
    abbr = _lexicon().abbreviations
    return " ".join(abbr.get(key(t), t) for t in tokens)


def _head_key(tokens: list[str]) -> str:
    words = []
    for t in tokens:
        k = key(t)
        words.append(_UNIT_WORD.get(k, k))
    return key(_expand(words))


def _is_name(tokens: list[str]) -> bool:
    return bool(tokens) and (tokens[0][:1].isupper() or tokens[0][:1].isdigit())


def resolve_body(surface: str, ctx: BodyContext = BodyContext(), at: int | None = None,
                 scope: str = "") -> ResolvedBody:
    """Resolve one body as written. ``at`` is the body's offset in the article (the place named last
    before it wins among several); ``scope`` keys a generic body whose place cannot be found (give
    the article's id, so two unknown "Huyện ủy" of different stories stay apart)."""
    surface = " ".join(unicodedata.normalize("NFC", surface).split())
    tokens = _tokens(surface)
    anchors = [a for a in _anchors(tokens) if a[2] != "abbreviation"]
    if (len(anchors) > 1 and anchors[0][0] == 0 and anchors[0][2] == "organ"
            and anchors[1][2] in ("committee", "unit") and anchors[1][0] == anchors[0][1] + _filler(tokens, anchors)):
        # "Ban Thường vụ Tỉnh ủy X": the committee's standing organ is the committee
        cut = anchors[0][1]
        tokens = tokens[cut:]
        anchors = [(a - cut, b - cut, r, v) for a, b, r, v in anchors[1:]]
        surface = " ".join(tokens)
    anchors = [a for a in anchors if a[2] != "organ"]
    if not anchors:
        return ResolvedBody(surface, surface, "named|" + key(_expand(tokens)), "", "", "", "", "named")
    start, end, role, value = anchors[-1]
    if role == "national":
        return ResolvedBody(surface, surface, "national|" + key(_expand(tokens)), NATIONAL, "", "", "", "national")
    if role == "provincial_head":
        if start != 0 or len(anchors) > 1:
            return ResolvedBody(surface, surface, "named|" + key(_expand(tokens)), "", "", "", "", "named")
        unit, name_tokens, head = "tỉnh", [], tokens
    else:
        unit = _COMMITTEE_UNIT.get(" ".join(key(t) for t in tokens[start:end])) if role == "committee" \
            else _UNIT_WORD.get(key(tokens[start]), " ".join(key(t) for t in tokens[start:end]))
        name_tokens, head = tokens[end:], tokens[:end]
        if name_tokens and not _is_name(name_tokens):
            return ResolvedBody(surface, surface, "named|" + key(_expand(tokens)), "", "", "", "", "named")
    hk = _head_key(head)
    if name_tokens:
        place = _explicit_place(" ".join(name_tokens), unit, ctx)
        how = "explicit"
    else:
        place, how = _generic_place(unit, ctx, at)
    if place is None:
        province = ctx.site_province if unit == "tỉnh" else ""
        return ResolvedBody(surface, surface, f"{hk}|?|{key(scope)}", _level(unit, None), "", unit, province, "unresolved")
    level = _level(unit, place)
    province = place.name if level == PROVINCE else place.province
    name = surface if name_tokens else f"{surface} {place.name}"
    k = f"{hk}|{level}:{key(place.name)}|{key(province)}"
    return ResolvedBody(surface, name, k, level, place.name, place.type or unit, province, how)


def _level(unit: str, place: PlaceRef | None) -> str:
    if unit == "tỉnh":
        return PROVINCE
    if unit == "thành phố":
        return PROVINCE if place is not None and place.is_province else DISTRICT
    if unit in _LEVEL_TYPES[DISTRICT]:
        return DISTRICT
    if unit in _LEVEL_TYPES[COMMUNE]:
        return COMMUNE
    return ""


def _explicit_place(name: str, unit: str, ctx: BodyContext) -> PlaceRef | None:
    k = key(name)
    same = [p for p in ctx.places if key(p.name) == k and (not p.type or p.type == unit
                                                          or (unit == "tỉnh" and p.is_province))]
    if same:
        return same[0]
    hints = [ctx.site_province] if ctx.site_province else []
    hints += sorted({p.province for p in ctx.places if p.province})
    era = gz.LEGACY if ctx.date and ctx.date < MERGER else gz.NEW
    for province in [*hints, None]:
        found = gz.lookup(name, type=unit if unit in gz.TYPE_LEVELS else None, province=province)
        units = [u for u in found if u.era == era] or found
        units = [u for u in units if u.type == unit] or units     # "phường X", not the xã X
        names = {(u.name, u.type, u.province) for u in units}
        if len(names) == 1:
            u = units[0]
            return PlaceRef(u.name, u.type, u.province, u.code)
    return PlaceRef(name, unit, "")


def _generic_place(unit: str, ctx: BodyContext, at: int | None) -> tuple[PlaceRef | None, str]:
    if unit == "tỉnh":
        cands = [p for p in ctx.places if p.is_province or p.type == "tỉnh"]
    else:
        cands = [p for p in ctx.places if p.type == unit]
    if cands:
        return _nearest(cands, at), "article"
    if unit == "tỉnh":
        provinces = sorted({p.province for p in ctx.places if p.province})
        if len(provinces) == 1:
            return _province_ref(provinces[0]), "article-province"
        if ctx.site_province:
            return _province_ref(ctx.site_province), "site"
    if unit == "thành phố" and ctx.site_province:
        ref = _province_ref(ctx.site_province)
        if ref.type == "thành phố":
            return ref, "site"
    return None, "unresolved"


def _province_ref(name: str) -> PlaceRef:
    units = [u for u in gz.lookup(name, type="province") if u.level == gz.PROVINCE]
    if units:
        u = units[0]
        return PlaceRef(u.name, u.type, u.name, u.code)
    return PlaceRef(name, "tỉnh", name)


def _nearest(cands: list[PlaceRef], at: int | None) -> PlaceRef:
    """The place named last before ``at``; else the one named most (first named on a tie)."""
    if at is not None:
        before = [(b, p) for p in cands for a, b in p.spans if b <= at]
        if before:
            return max(before, key=lambda x: x[0])[1]
    return max(cands, key=lambda p: (len(p.spans), -min((a for a, _ in p.spans), default=0)))


def site_province(name: str, host: str = "") -> str:
    """The province a site belongs to when its host or name says so ("nghean.gov.vn",
    "Cổng TTĐT tỉnh Nghệ An", "Báo Thanh Hóa"); "" when none or several."""
    found: set[str] = set()
    for text in (host, name):
        if text:
            found |= set(gz.provinces_in_host(text))
    if len(found) == 1:
        return found.pop()
    # several in the host (e.g. "hanam" inside a longer host): the site name decides
    from_name = set(gz.provinces_in_host(name)) if name else set()
    return from_name.pop() if len(from_name) == 1 else ""
