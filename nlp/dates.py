"""Dates and periods (placeholder until the figures/dates work lands)."""
from __future__ import annotations

from .doc import Document
from .types import DateMention


def find_dates(doc: Document) -> list[DateMention]:
    return []  # TODO(issue 3)
