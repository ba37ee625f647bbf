"""Persons, roles and organizations (placeholder until the people work lands)."""
from __future__ import annotations

from .doc import Document
from .types import Organization, Person, Place, Role


def find_people(doc: Document, places: list[Place]) -> tuple[list[Person], list[Role], list[Organization]]:
    return [], [], []  # TODO(issue 3)
