"""Figures (placeholder until the figures work lands)."""
from __future__ import annotations

from .doc import Document
from .types import DateMention, Figure


def find_figures(doc: Document, dates: list[DateMention]) -> list[Figure]:
    return []  # TODO(issue 3)
