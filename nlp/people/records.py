"""The records the people stages pass along (and ``Document`` holds): tokens and name mentions."""
from __future__ import annotations

from dataclasses import dataclass


class Token:
    """One token: [start, end) in ``norm``, its NFC text, comparison key and case flags."""
    __slots__ = ("start", "end", "text", "key", "is_word", "cap", "upper")

    def __init__(self, start: int, end: int, text: str, key: str, is_word: bool, cap: bool, upper: bool):
        self.start = start
        self.end = end
        self.text = text        # NFC surface
        self.key = key          # canonical lower case
        self.is_word = is_word
        self.cap = cap          # starts with an upper-case letter
        self.upper = upper      # all letters upper case (2+ letters)


@dataclass
class Mention:
    start: int            # token index
    end: int              # token index, exclusive
    cue: str              # comrade, address, rank, title, apposition, trigger, surname, byline, list, short
    single: bool = False  # one syllable: only a short form of a fuller name
    prob: float = 1.0     # person probability from the model (1.0 when rules decided)
