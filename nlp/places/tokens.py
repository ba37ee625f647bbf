"""Places, stage 1: the tokens of an article, keyed like the lexicon."""
from __future__ import annotations

from dataclasses import dataclass

from ..doc import Document
from ..tokens import canon_key, is_word, scan
from .lexicon import SYLLABLE_VARIANTS


# ------------------------------------------------------------------------------------------- tokens

@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    k: str            # key (lower case, tone placement folded)
    word: bool
    cap: bool         # starts with an upper-case letter
    upper: bool       # all capitals (a headline word), at least two letters
    num: bool


def tokenize(doc: Document) -> list[Tok]:
    """The tokens of ``doc.norm`` (nlp.tokens.scan) with their keys and case flags."""
    out = []
    s = doc.norm
    c = doc.canon          # same length as norm, tone placement folded: its slices are token keys
    variants = SYLLABLE_VARIANTS
    for m in scan(s):
        t = m.group(0)
        a, b = m.span()
        if is_word(t):
            k = canon_key(c[a:b])
            k = variants.get(k, k)
            out.append(Tok(a, b, t, k, True, t[0].isupper(), len(t) >= 2 and t.isupper(), t.isdigit()))
        else:
            out.append(Tok(a, b, t, t, False, False, False, False))
    _mark_title_case_lines(s, out)
    return out


def _mark_title_case_lines(s: str, toks: list[Tok]) -> None:
    """A headline In Title Case ("Huyện Ủy Tam Dương Công Bố Quyết Định") is read like one in
    capitals: only names the gazetteer knows are taken from it."""
    i = 0
    while i < len(toks):
        line_end = s.find("\n", toks[i].start)
        line_end = len(s) if line_end < 0 else line_end
        j = i
        while j < len(toks) and toks[j].start < line_end:
            j += 1
        words = [t for t in toks[i:j] if t.word and not t.num]
        if len(words) >= 5 and sum(t.cap for t in words) >= 0.85 * len(words):
            for t in words:
                t.upper = True
        i = j


def adjacent(s: str, a: Tok, b: Tok) -> bool:
    """Two tokens separated by spaces only (no punctuation, no line break)."""
    gap = s[a.end:b.start]
    return gap == "" or (gap.strip(" \t\u00a0") == "" and len(gap) <= 3)
