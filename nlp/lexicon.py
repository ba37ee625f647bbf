"""The one reader of nlp's data files (``nlp/data/<component>/*.txt|tsv``).

A data file is UTF-8 text: lines that are blank or start with ``#`` (a header saying what the file
is and where it comes from) are skipped; every other line is one entry, its columns separated by
TAB, each column stripped. Components turn the rows into their own structures (tries, sets, maps)
with their own comparison keys; this module only reads.
"""
from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


def data_path(component: str, name: str) -> Path:
    """``nlp/data/<component>/<name>``."""
    return DATA_DIR / component / name


def read_rows(path: Path) -> list[list[str]]:
    """The entries of one data file as lists of stripped columns (comments and blank lines skipped)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


def rows(component: str, name: str) -> list[list[str]]:
    """The entries of ``nlp/data/<component>/<name>`` (read on each call: the components build their
    tries and sets from them once and cache those, not the rows)."""
    return read_rows(data_path(component, name))


def words(component: str, name: str) -> frozenset[str]:
    """The first column of a data file as a set (a word list)."""
    return frozenset(r[0] for r in rows(component, name))
