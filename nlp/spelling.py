"""Vietnamese spelling: whether a capitalised word can be a Vietnamese syllable at all.

A word of plain Latin letters that no Vietnamese syllable spells ("Trump", "Biden", "Placetas",
"Srivastava"; not "Minh", "Kim", "Lan", "Tuan") is a foreign name: of a person or of a place.
Pure function, no data files.
"""
from __future__ import annotations

import re
from functools import lru_cache

# a syllable Vietnamese spelling allows (also written without its marks): onset, vowel nucleus, final
_VI_SYLLABLE = re.compile(r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
                          r"(uyê|uye|uya|ươ|ưa|iê|ie|ia|yê|ye|ya|uô|uo|ua|oa|oă|oe|uê|ue|uy|[aăâeêioôơuưy])"
                          r"(ch|ng|nh|[cmnpt]|[iyou])?$")


@lru_cache(maxsize=65536)
def foreign_word(text: str) -> bool:
    """A capitalised word of plain Latin letters (two or more, not all capitals) that Vietnamese
    spelling does not allow; for a hyphenated word ("Diaz-Canel") its first part decides."""
    t = text.split("-")[0]
    if not (t.isascii() and t.isalpha() and t[:1].isupper() and len(t) >= 2) or t.isupper():
        return False
    low = t.lower()
    if any(c in low for c in "fjwz"):
        return True
    return _VI_SYLLABLE.match(low) is None
