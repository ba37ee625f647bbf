"""Places: admin-unit gazetteer matching (placeholder until the places work lands)."""
from __future__ import annotations

from .doc import Document
from .types import Place


def find_places(doc: Document) -> list[Place]:
    return []  # TODO(issue 3): gazetteer matching
