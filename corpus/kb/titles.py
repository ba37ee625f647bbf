"""Canonical titles: one spelling per post title, for facets, filters, grouping and exports.

A title's canonical form is its expanded form (abbreviations spelled out by the extractor:
"UVBTV" → "Ủy viên Ban Thường vụ"), with tone marks placed by one rule ("Uỷ" → "Ủy"), spacing
collapsed and the first letter upper case; its key also folds case, so "Phó chủ tịch" and "Phó Chủ
tịch" are one title. The surface form stays in the role row.
"""
from __future__ import annotations

import unicodedata

from partyfacts.nlp.people.lexicon import lexicons
from partyfacts.nlp.text import canon, key


def canonical_title(title: str, expanded: str = "") -> str:
    """"Uỷ viên BTV" (expanded "Uỷ viên Ban Thường vụ") → "Ủy viên Ban Thường vụ"."""
    base = expanded or expand_abbreviations(title)
    s = " ".join(canon(unicodedata.normalize("NFC", base)).split())
    return s[:1].upper() + s[1:]


def title_key(title: str, expanded: str = "") -> str:
    """The comparison key of a title: canonical form, case folded."""
    return key(canonical_title(title, expanded))


def expand_abbreviations(title: str) -> str:
    """Abbreviations spelled out as the extractor spells them in ``title_expanded`` ("UVBTV",
    "uvbtv" → "Ủy viên Ban Thường vụ"); a typed filter gets the same key as the stored titles."""
    abbr = lexicons().abbreviations
    words = unicodedata.normalize("NFC", title).split()
    return " ".join(abbr.get(w) or (abbr.get(w.upper()) if len(w) > 2 and w.isascii() else None) or w
                    for w in words)


def title_before(title: str, organization: str) -> str:
    """The title without the last words that the organisation's name starts with, so the two read as one
    post: "Chủ tịch UBND" (or "Chủ tịch Ủy ban nhân dân") before "UBND tỉnh Nghệ An" → "Chủ tịch", not
    "Chủ tịch UBND UBND tỉnh …". Words compare by key (case and tone placement folded), abbreviations
    spelled out on both sides."""
    tw = title.split()
    org = [key(w) for w in expand_abbreviations(organization).split()]
    for k in range(len(tw), 0, -1):
        tail = [key(w) for w in expand_abbreviations(" ".join(tw[-k:])).split()]
        if tail and tail == org[:len(tail)]:
            return " ".join(tw[:-k])
    return title


def post_label(title: str, organization: str) -> str:
    """A title and its organisation as one label, the words they share said once."""
    return " ".join(p for p in (title_before(title, organization), organization.strip()) if p) or title.strip()
