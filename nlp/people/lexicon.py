"""The people lexicons (titles, organization heads, surnames, cues …) loaded once from
``nlp/data/people/*`` into token tries keyed on canonical lower-case syllables.

Every data file states its source in its header; this module only parses them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import data_path, rows
from ..tokens import phrase_keys, word_key


class Trie:
    """Longest match of lexicon phrases over a token key sequence."""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, keys: tuple[str, ...], value) -> None:
        node = self.root
        for k in keys:
            node = node.setdefault(k, {})
        node.setdefault(None, value)

    def match(self, keys: list[str], i: int) -> tuple[int, object] | None:
        """(end, value) of the longest phrase starting at keys[i], or None."""
        n = len(keys)
        if i >= n or keys[i] not in self.root:
            return None
        node = self.root
        best = None
        j = i
        while j < n:
            node = node.get(keys[j])
            if node is None:
                break
            j += 1
            if None in node:
                best = (j, node[None])
        return best


def _trie(rows, value=lambda r: r) -> Trie:
    t = Trie()
    for r in rows:
        t.add(phrase_keys(r[0]), value(r))
    return t


@dataclass(frozen=True)
class Lexicons:
    surnames: frozenset[str]          # strong surnames (keys)
    weak_surnames: frozenset[str]     # surnames that are also common place/common words
    ethnic: Trie                      # ethnic-minority name openers
    middle: frozenset[str]
    honorifics: Trie                  # value: kind
    ranks: Trie
    statuses: Trie
    titles: Trie                      # value: (form, kind, extra)
    chief_units: frozenset[str]
    dept_units: frozenset[str]
    commissions: Trie
    abbreviations: dict[str, str]
    org_heads: Trie                   # value: kind
    name_contexts: Trie
    admin_units: Trie                 # value: (level, canonical unit word)
    triggers: Trie
    org_stop: Trie
    admin_names: frozenset[str]       # province/district names (key strings)
    function_words: Trie              # clause openers that never start a name
    org_words: Trie                   # lower-case phrases that continue an organization name
    org_vocab: frozenset[str]         # lower-case words inside agency names


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    strong, weak = set(), set()
    for r in rows("people", "surnames.txt"):
        (weak if len(r) > 1 and r[1] == "weak" else strong).add(word_key(r[0]))
    weak -= strong
    admin_names: set[str] = set()
    p = data_path("people", "admin_names.txt")
    if p.exists():
        admin_names = {" ".join(phrase_keys(r[0])) for r in rows("people", "admin_names.txt")}
    return Lexicons(
        surnames=frozenset(strong),
        weak_surnames=frozenset(weak),
        ethnic=_trie(rows("people", "ethnic_prefixes.txt")),
        middle=frozenset(word_key(r[0]) for r in rows("people", "middle_names.txt")),
        honorifics=_trie(rows("people", "honorifics.txt"), lambda r: r[1] if len(r) > 1 else "address"),
        ranks=_trie(rows("people", "ranks.txt")),
        statuses=_trie(rows("people", "statuses.txt")),
        titles=_trie(rows("people", "titles.tsv"), lambda r: (r[0], r[1], r[2] if len(r) > 2 else "")),
        chief_units=frozenset(word_key(r[0]) for r in rows("people", "units.tsv") if r[1] == "chief"),
        dept_units=frozenset(word_key(r[0]) for r in rows("people", "units.tsv") if r[1] == "dept"),
        commissions=_trie(rows("people", "commissions.txt")),
        abbreviations={r[0]: r[1] for r in rows("people", "abbreviations.tsv")},
        org_heads=_trie(rows("people", "org_heads.tsv"), lambda r: r[1]),
        name_contexts=_trie(rows("people", "name_contexts.txt")),
        admin_units=_trie(rows("people", "admin_units.tsv"), lambda r: (r[1], r[2])),
        triggers=_trie(rows("people", "appointment_triggers.txt")),
        org_stop=_trie(rows("people", "org_stopwords.txt")),
        admin_names=frozenset(admin_names),
        function_words=_trie(rows("people", "function_words.txt")),
        org_words=_trie(rows("people", "org_words.txt")),
        org_vocab=frozenset(word_key(r[0]) for r in rows("people", "org_vocab.txt")),
    )


@lru_cache(maxsize=1)
def name_syllables() -> frozenset[str]:
    """Syllables personal names are made of: surnames, middle names, frequent given names."""
    lx = lexicons()
    return frozenset(lx.surnames | lx.weak_surnames | lx.middle | {word_key(r[0]) for r in rows("people", "given_names.txt")})
