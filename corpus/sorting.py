"""Sorting of the lists: which columns each list sorts by (``sort=col`` / ``sort=-col`` in the URL,
the page, its API twin and its export alike), and Vietnamese collation for names.

Vietnamese dictionary order (CLDR's ``vi`` tailoring, which ICU and PostgreSQL's ``vi-x-icu``
collation implement): letters first, in the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s
t u ư v x y (f j w z where Latin puts them); only when the letters of two strings are all equal do
the tones decide, left to right: none < huyền (à) < hỏi (ả) < ngã (ã) < sắc (á) < nặng (ạ); then
lower case before upper case. So "Bội" < "Bùi" (ô < u), "Ma" < "Mà" < "Mả" < "Mã" < "Má" < "Mạ"
< "Mai". Python's code-point order puts "Bùi" (ù U+00F9) before "Bội" (ộ U+1ED9).

SQLite gets the order as the function ``pf_vi_key`` (a sort key, one Python call per row) and the
collation ``vi`` (corpus.db registers both on every connection); PostgreSQL as ICU's ``vi-x-icu`` collation (Debian's PostgreSQL is built with ICU).
No ICU binding for Python installs here as a wheel (PyICU builds against libicu; icu4py has no
collator), so the key below implements the tailoring; tests pin it against dictionary order."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

__all__ = ["vi_key", "vi_compare", "vi_collate", "Sort", "SortError", "SORTABLE", "DEFAULT_SORT", "parse_sort",
           "sort_choices"]

# -- the collation key -------------------------------------------------------------------------------

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {ch: i for i, ch in enumerate(_ALPHABET)}
_TONE = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}   # huyền hỏi ngã sắc nặng
_QUALITY = {"\u0306", "\u0302", "\u031b"}   # breve (ă), circumflex (â ê ô), horn (ơ ư): other letters
_SPACE, _PUNCT, _DIGIT, _LETTERS, _OTHER = 0, 1, 100, 200, 1000


def _groups(s: str):
    """(base character, combining marks) of NFD text, the tone marks placed by one rule first
    (nlp.text.canon: "hoà" and "hòa" are one spelling)."""
    from partyfacts.nlp.text import canon
    base, marks = None, []
    for ch in unicodedata.normalize("NFD", canon(unicodedata.normalize("NFC", s))):
        if unicodedata.combining(ch) and base is not None:
            marks.append(ch)
            continue
        if base is not None:
            yield base, marks
        base, marks = ch, []
    if base is not None:
        yield base, marks


@lru_cache(maxsize=200_000)
def vi_key(s: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Sort key of ``s`` in Vietnamese dictionary order: (letters, tones, case), each compared whole
    before the next (see the module doc). Both tone placements ("hoà"/"hòa") give one key (NFD)."""
    primary: list[int] = []
    secondary: list[int] = []
    tertiary: list[int] = []
    for base, marks in _groups(s or ""):
        lower = base.lower()
        tone = 0
        letter = lower
        for mk in marks:
            if mk in _TONE:
                tone = _TONE[mk]
            elif mk in _QUALITY:
                letter = unicodedata.normalize("NFC", letter + mk)
        if letter in _LETTER:
            w = _LETTERS + _LETTER[letter]
        elif base.isspace():
            w = _SPACE
        elif base.isdigit() and base.isascii():
            w = _DIGIT + int(base)
        elif base.isalpha():
            w = _OTHER + ord(letter)
        else:
            w = _PUNCT
        primary.append(w)
        secondary.append(tone)
        tertiary.append(1 if base != lower else 0)
    return tuple(primary), tuple(secondary), tuple(tertiary)


def _weight_char(w: int) -> str:
    c = w + 0x20
    return chr(c + 0x800 if c >= 0xD800 else c)   # no surrogate code points: the key is valid UTF-8


@lru_cache(maxsize=200_000)
def vi_sort_key(s: str | None) -> str | None:
    """vi_key as one string whose code-point (and UTF-8 byte) order is the Vietnamese order: the
    letters', tones' and cases' weights, each part ended by a separator below every weight. SQLite
    sorts by it (``pf_vi_key``) with one Python call per row instead of one per comparison."""
    if s is None:
        return None
    primary, secondary, tertiary = vi_key(s)
    return "\x01".join("".join(_weight_char(w) for w in part) for part in (primary, secondary, tertiary))


def vi_compare(a: str | None, b: str | None) -> int:
    """-1, 0 or 1: ``a`` against ``b`` in Vietnamese order (the SQLite collation ``vi``)."""
    ka, kb = vi_key(a or ""), vi_key(b or "")
    return (ka > kb) - (ka < kb)


class vi_collate(FunctionElement):
    """``col`` in Vietnamese order: ``pf_vi_key(col)`` on SQLite (vi_sort_key, registered by
    corpus.db), ``col COLLATE "vi-x-icu"`` on PostgreSQL."""
    type = Text()
    inherit_cache = True
    name = "vi_collate"


@compiles(vi_collate)
def _vi_collate_default(element, compiler, **kw):
    return "(%s) COLLATE \"vi-x-icu\"" % compiler.process(element.clauses, **kw)


@compiles(vi_collate, "sqlite")
def _vi_collate_sqlite(element, compiler, **kw):
    return "pf_vi_key(%s)" % compiler.process(element.clauses, **kw)


# -- which columns each list sorts by ------------------------------------------------------------------

class SortError(ValueError):
    """A sort the list does not offer; the message names the column and the choices."""

    def __init__(self, table: str, raw: str):
        self.table, self.raw = table, raw
        super().__init__(f"sort={raw!r}: the {table} list sorts by {', '.join(sort_choices(table))} "
                         f"(a leading - for descending)")


# the columns a list's headers sort by, in the page's order; the first is the header's name
SORTABLE: dict[str, tuple[str, ...]] = {
    "articles": ("date", "title", "site"),
    "persons": ("name", "role", "province", "articles"),
    "places": ("name", "type", "province", "articles"),
    "organizations": ("name", "kind", "province", "articles"),
    "roles": ("person", "title", "organization", "province", "date"),
    "figures": ("value", "unit", "place", "date"),
}
# the order of a list without ``sort`` (search results: relevance first, then this)
DEFAULT_SORT: dict[str, str] = {"articles": "-date", "persons": "name", "places": "name", "organizations": "name",
                                "roles": "-date", "figures": "-date"}
# columns whose first click sorts descending (newest, largest, most mentioned first)
DESCENDING_FIRST = frozenset({"date", "value", "articles"})


@dataclass(frozen=True)
class Sort:
    column: str
    descending: bool = False

    def arg(self) -> str:
        return ("-" if self.descending else "") + self.column

    def toggled(self) -> "Sort":
        return Sort(self.column, not self.descending)


def sort_choices(table: str) -> tuple[str, ...]:
    return SORTABLE.get(table, ())


def parse_sort(table: str, raw: str | None) -> Sort | None:
    """The ``sort`` argument of a list: "col" ascending, "-col" descending, "" or None: the list's
    default (None). Raises SortError for a column the list does not sort by."""
    raw = (raw or "").strip()
    if not raw:
        return None
    col = raw[1:] if raw.startswith("-") else raw
    if col not in sort_choices(table):
        raise SortError(table, raw[:40])
    return Sort(col, raw.startswith("-"))


def default_sort(table: str) -> Sort:
    return parse_sort(table, DEFAULT_SORT[table])


def header_sort(table: str, current: Sort | None, column: str, relevance: bool = False) -> tuple[Sort, str]:
    """What clicking a column's header asks for, and its aria-sort now ("ascending", "descending"
    or "none"). ``relevance``: the list is a search in relevance order (no column sorts it)."""
    shown = current or (None if relevance else default_sort(table))
    if shown is not None and shown.column == column:
        return shown.toggled(), ("descending" if shown.descending else "ascending")
    return Sort(column, column in DESCENDING_FIRST), "none"


# -- the SQL of each sortable column ---------------------------------------------------------------------

def _last_if_missing(expr, text_like: bool) -> list:
    """Rows without a value (NULL, or "" for text) after every row with one, in either direction."""
    from sqlalchemy import case, or_
    missing = or_(expr.is_(None), expr == "") if text_like else expr.is_(None)
    return [case((missing, 1), else_=0)]


def sort_expressions(table: str) -> dict:
    """column -> (SQL expression over the list's own query, kind: "text", "date" or "number"). The
    expressions use only the tables the list's query already joins, or correlated subqueries."""
    from sqlalchemy import func, select

    from . import models as m
    A, P, PL, O, R, F, MN, S = m.Article, m.Person, m.Place, m.Organization, m.Role, m.Figure, m.Mention, m.Site

    def story_count(etype: str, id_col):
        return (select(func.count(func.distinct(func.coalesce(A.syndicated_of_id, A.id))))
                .select_from(MN).join(A, A.id == MN.article_id)
                .where(MN.entity_type == etype, MN.entity_id == id_col).scalar_subquery())

    if table == "articles":
        return {"date": (A.published_date, "date"), "title": (A.title, "text"), "site": (S.name, "text")}
    if table == "persons":
        latest = latest_role_select()
        return {"name": (P.name, "text"),
                "role": (latest.with_only_columns(latest_title_expr()).scalar_subquery(), "text"),
                "province": (latest.with_only_columns(latest_province_expr()).scalar_subquery(), "text"),
                "articles": (story_count("person", P.id), "number")}
    if table == "places":
        return {"name": (PL.name, "text"), "type": (PL.type, "text"), "province": (PL.province, "text"),
                "articles": (story_count("place", PL.id), "number")}
    if table == "organizations":
        return {"name": (O.name, "text"), "kind": (O.kind, "text"), "province": (O.province, "text"),
                "articles": (story_count("organization", O.id), "number")}
    if table == "roles":
        return {"person": (P.name, "text"),
                "title": (func.coalesce(func.nullif(R.title_canonical, ""), R.title), "text"),
                "organization": (func.coalesce(O.name, R.organization), "text"),
                "province": (func.coalesce(func.nullif(O.province, ""), PL.province), "text"),
                "date": (A.published_date, "date")}
    if table == "figures":
        return {"value": (F.value, "number"), "unit": (F.unit, "text"), "place": (PL.name, "text"),
                "date": (A.published_date, "date")}
    raise SortError(table, "")


def latest_title_expr():
    from sqlalchemy import func

    from . import models as m
    return func.coalesce(func.nullif(m.Role.title_canonical, ""), m.Role.title)


def latest_province_expr():
    from sqlalchemy import func

    from . import models as m
    return func.coalesce(func.nullif(m.Organization.province, ""), m.Place.province, "")


def latest_role_select(person_id=None):
    """The latest role of a person (correlated with persons.id, or of ``person_id``): newest article
    first, undated last, then the newest row. Joins the role's organisation and place."""
    from sqlalchemy import case, select

    from . import models as m
    A, PL, O, R, P = m.Article, m.Place, m.Organization, m.Role, m.Person
    return (select(R.id).join(A, A.id == R.article_id).outerjoin(O, O.id == R.organization_id)
            .outerjoin(PL, PL.id == R.place_id)
            .where(R.person_id == (P.id if person_id is None else person_id))
            .order_by(case((A.published_date.is_(None), 1), else_=0), A.published_date.desc(), R.id.desc())
            .limit(1))


def order_by(table: str, sort: Sort, id_col) -> list:
    """ORDER BY terms of ``sort`` on ``table``'s list query: missing values last, text in Vietnamese
    order, ties by id in the same direction."""
    from sqlalchemy import func
    expr, kind = sort_expressions(table)[sort.column]
    tie = id_col.desc() if sort.descending else id_col.asc()
    if kind != "text":   # NULLS LAST: SQLite's own order for DESC, so "newest first" can walk the date index
        return [(expr.desc() if sort.descending else expr.asc()).nulls_last(), tie]
    # NULL and "" are one missing value (SQLite sorts NULL first, PostgreSQL last): ties go by id
    val = vi_collate(func.coalesce(expr, ""))
    return _last_if_missing(expr, True) + [val.desc() if sort.descending else val.asc(), tie]
