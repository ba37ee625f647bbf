"""The facts one text yields: small immutable records with [start, end) spans into the input text.

The contract is ../shared/FACTS.md (copied in docs/FACTS.md): ``Extraction.to_dict()`` is exactly
what ``partyfacts extract`` prints for one file.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Person:
    name: str                      # fullest form in the article, NFC, spelled as written
    mentions: tuple[Span, ...]     # every mention, short forms included
    variants: tuple[str, ...] = ()  # other forms seen ("Khổng Thuận" for "Khổng Minh Thuận")


@dataclass(frozen=True)
class Role:
    person: str                    # the Person.name this role belongs to
    title: str                     # as written ("Phó Bí thư Thường trực", "Chủ tịch UBND")
    organization: str              # as written, completed from context, "" when unnamed
    span: Span                     # the title (+ organization) surface
    title_expanded: str = ""       # abbreviations spelled out ("Ủy viên Ban Chấp hành")
    former: bool = False           # "nguyên Bí thư …"
    person_span: Span | None = None


@dataclass(frozen=True)
class AdminUnitRef:
    """A post-2025 successor (or any resolved administrative unit)."""
    name: str
    type: str
    province: str
    code: str = ""


@dataclass(frozen=True)
class Place:
    name: str                      # without its unit word ("Vĩnh Yên"), "Phường 5" kept whole
    type: str                      # "tỉnh", "thành phố", "huyện", "xã", "thôn", "quốc gia", … or ""
    province: str                  # province name it belongs to ("" when unknown / country)
    mentions: tuple[Span, ...]
    code: str = ""                 # GSO code of the unit when resolved in the gazetteer
    successor: AdminUnitRef | None = None  # the unit after the 1 July 2025 merger
    era: str = ""                  # "legacy" (pre-2025 unit), "2025" (post-merger unit) or ""


@dataclass(frozen=True)
class Organization:
    name: str
    mentions: tuple[Span, ...]
    kind: str = ""                 # "party_committee", "people_committee", "agency", …


@dataclass(frozen=True)
class Figure:
    value: float | int
    unit: str                      # counted/measured head noun, lowercase
    text: str                      # surface form ("hơn 130 trại sinh")
    span: Span
    sentence: str = ""
    counted: str = ""              # what the number counts, as the sentence says it
    actor: str = ""                # who did / has it (an organization, place or person)
    period: str = ""               # "6 tháng đầu năm 2024", "năm 2023", …
    qualifier: str = ""            # "hơn", "gần", "trên", "khoảng", … ("" = exact)
    mentions: tuple[Span, ...] = ()  # every statement of this (value, unit), the first one included


@dataclass(frozen=True)
class DateMention:
    text: str
    span: Span
    value: str                     # ISO 8601 date ("2022-03-15"), year ("2022") or ""
    kind: str                      # "date", "year", "period", "term"


@dataclass(frozen=True)
class Extraction:
    persons: tuple[Person, ...] = ()
    roles: tuple[Role, ...] = ()
    places: tuple[Place, ...] = ()
    organizations: tuple[Organization, ...] = ()
    figures: tuple[Figure, ...] = ()
    dates: tuple[DateMention, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The FACTS.md JSON object (without "file")."""
        def clean(obj: Any) -> Any:
            if isinstance(obj, tuple):
                return [clean(x) for x in obj]
            if isinstance(obj, list):
                return [clean(x) for x in obj]
            if isinstance(obj, dict):
                return {k: clean(v) for k, v in obj.items()}
            return obj
        return {
            "persons": [clean(asdict(p)) for p in self.persons],
            "roles": [clean(asdict(r)) for r in self.roles],
            "places": [clean(asdict(p)) for p in self.places],
            "organizations": [clean(asdict(o)) for o in self.organizations],
            "figures": [clean(asdict(f)) for f in self.figures],
            "dates": [clean(asdict(d)) for d in self.dates],
        }
