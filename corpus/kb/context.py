"""What one article says around its people and bodies: the resolution context built from an
Extraction, its site's province and its date. Pure functions; the store writes what they return."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from partyfacts.nlp import Extraction
from partyfacts.nlp.text import key

from .bodies import BodyContext, PlaceRef, ResolvedBody, resolve_body
from .titles import canonical_title, title_key

MAX_COMENTIONS = 20
EVENTS = Path(__file__).with_name("data") / "role_events.tsv"
_SENTENCE_END = re.compile(r"[.!?;…](?=\s)|\n")


def body_context(ex: Extraction, site_province: str = "", date: str = "") -> BodyContext:
    return BodyContext(places=tuple(PlaceRef(p.name, p.type or "", p.province or "", p.code or "", tuple(p.mentions))
                                    for p in ex.places),
                       site_province=site_province, date=date)


def story_province(ex: Extraction, site_province: str = "") -> str:
    """The province the story is about: the one its places name most (a province counts its own
    mentions and its units'), else the site's."""
    votes: Counter[str] = Counter()
    for p in ex.places:
        if p.province:
            votes[p.province] += len(p.mentions)
    if votes:
        (top, n), *rest = votes.most_common(2) + [(None, 0)]
        if not rest or rest[0][1] < n:
            return top
    return site_province


@dataclass(frozen=True)
class RoleResolution:
    body: ResolvedBody | None
    title_canonical: str
    title_key: str
    event: str = "in_office"      # in_office | elected | appointed | former (corpus.kb.posts)
    event_date: str = ""          # the date the sentence gives ("" = the article's date)


@lru_cache(maxsize=1)
def _events() -> list[tuple[str, str]]:
    rows = []
    for line in EVENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            phrase, kind = line.split("\t")
            rows.append((key(phrase), kind))
    return sorted(rows, key=lambda r: -len(r[0]))


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end): from after the last end mark before it to the next one."""
    a = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    m = _SENTENCE_END.search(text, end)
    return a, (m.start() if m else len(text))


def role_event(ex: Extraction, text: str, role) -> tuple[str, str]:
    """(kind, date) of a role from its sentence: "former" from the extractor's mark, else an election,
    appointment or release word in the sentence; the date is a full date the sentence gives."""
    a, b = sentence_of(text, role.span[0], role.span[1])
    words = f" {key(text[a:b])} "
    kind = "former" if role.former else "in_office"
    if not role.former:
        for phrase, k in _events():
            if f" {phrase} " in words:
                kind = k
                break
    dates = [d.value for d in ex.dates if a <= d.span[0] < b and len(d.value or "") == 10]
    return kind, (dates[0] if dates else "")


def resolve_roles(ex: Extraction, text: str, ctx: BodyContext, scope: str) -> list[RoleResolution]:
    """One RoleResolution per ``ex.roles`` item, in order (``text`` is the text ``ex`` indexes)."""
    out = []
    for r in ex.roles:
        body = resolve_body(r.organization, ctx, at=r.span[0], scope=scope) if r.organization else None
        kind, date = role_event(ex, text, r)
        out.append(RoleResolution(body, canonical_title(r.title, r.title_expanded),
                                  title_key(r.title, r.title_expanded), kind, date))
    return out


@dataclass(frozen=True)
class PersonContext:
    name: str
    name_key: str
    province: str
    district: str
    bodies: tuple[str, ...]
    titles: tuple[str, ...]
    comentions: tuple[str, ...]


def person_contexts(ex: Extraction, roles: list[RoleResolution], story: str) -> list[PersonContext]:
    """One PersonContext per ``ex.persons`` item: the places and posts the article gives the person
    (a post's body decides the province; else the story's province)."""
    by_person: dict[str, list[RoleResolution]] = {}
    for r, rr in zip(ex.roles, roles):
        by_person.setdefault(r.person, []).append(rr)
    names = [key(p.name) for p in ex.persons]
    out = []
    for p, nk in zip(ex.persons, names):
        rrs = by_person.get(p.name, [])
        bodies = [rr.body for rr in rrs if rr.body is not None]
        provinces = Counter(b.province for b in bodies if b.province)
        districts = Counter(b.place for b in bodies if b.level == "district" and b.place)
        province = provinces.most_common(1)[0][0] if provinces else story
        district = districts.most_common(1)[0][0] if districts else ""
        others = tuple(sorted({n for n in names if n != nk}))[:MAX_COMENTIONS]
        out.append(PersonContext(p.name, nk, province, district,
                                 tuple(sorted({b.key for b in bodies})), tuple(sorted({rr.title_key for rr in rrs})),
                                 others))
    return out
