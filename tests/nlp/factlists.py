"""Short views of nlp.extract for tests: the persons, roles, places and figures of a text as plain lists."""
from __future__ import annotations

from partyfacts import nlp
def persons(text: str) -> list[str]:
    return [p.name for p in nlp.extract(text).persons]


def roles(text: str) -> list[tuple[str, str, str]]:
    return [(r.person, r.title, r.organization) for r in nlp.extract(text).roles]


def places(text: str) -> list[str]:
    return [p.name for p in nlp.extract(text).places]


def figures(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in nlp.extract(text).figures]
