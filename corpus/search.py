"""Search primitives shared by the list, search and export queries: query parsing (terms, quoted
phrases, folded and exact forms), page filters (site, province, dates, role title, unit, place,
person), the full-text match (SQLite FTS5 over folded text, LIKE over folded columns elsewhere) and
highlighted snippets.

Folding is nlp.text.fold (accent-less, lower case, đ → d, one character per character), so an offset
in the folded text is the same offset in the stored NFC text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Mapping

from sqlalchemy import Float, Integer, text
from sqlalchemy import Text as SAText
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.orm import Session

from partyfacts.nlp.text import fold, fold_char

from . import facts

MAX_QUERY_LEN = 200
MAX_TERMS = 12
MAX_FILTER_LEN = 200


class QueryError(ValueError):
    """A query the database should not run (unknown table, over-long text, bad date); message says why."""


# -- fast folding for snippets: str.translate over the Latin ranges Vietnamese uses -----------------

_FOLD_TABLE = {cp: fold_char(chr(cp)) for r in ((0x41, 0x5B), (0xC0, 0x250), (0x1E00, 0x1F00))
               for cp in range(*r) if len(fold_char(chr(cp))) == 1}


def _sql_fold_map() -> tuple[str, str]:
    """Every precomposed Latin letter Vietnamese uses (both cases) and its accent-less ASCII letter."""
    src, dst = [], []
    for cp in range(0x00C0, 0x1EFA):
        ch = chr(cp)
        if not ch.isalpha() or unicodedata.normalize("NFC", ch) != ch:
            continue
        f = fold_char(ch)
        if len(f) == 1 and f.isascii() and f != ch:
            src.append(ch)
            dst.append(f)
    return "".join(src), "".join(dst)


_SQL_FOLD_SRC, _SQL_FOLD_DST = _sql_fold_map()


class sql_fold(FunctionElement):
    """SQL expression folding a text column like nlp.text.fold (accents off, đ→d, lower case), for
    databases without the FTS index: translate() (per character, no extension) on PostgreSQL and
    others, the Python fold registered as pf_fold() on SQLite connections (corpus.db)."""
    type = SAText()
    inherit_cache = True
    name = "sql_fold"


@compiles(sql_fold)
def _sql_fold_default(element, compiler, **kw):
    return "lower(translate(%s, %s, %s))" % (compiler.process(element.clauses, **kw),
                                             compiler.render_literal_value(_SQL_FOLD_SRC, SAText()),
                                             compiler.render_literal_value(_SQL_FOLD_DST, SAText()))


@compiles(sql_fold, "sqlite")
def _sql_fold_sqlite(element, compiler, **kw):
    return "pf_fold(%s)" % compiler.process(element.clauses, **kw)


def fast_fold(s: str) -> str:
    """fold() of NFC text via one translate call (same length as ``s``)."""
    return s.translate(_FOLD_TABLE)


# -- the query --------------------------------------------------------------------------------------

_PIECE = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search box: each phrase is a tuple of tokens that must appear in a row, in order.
    Bare words are one-token phrases; "quoted words" are one phrase."""
    raw: str
    phrases: tuple[tuple[str, ...], ...]          # folded tokens
    exact_phrases: tuple[tuple[str, ...], ...]    # NFC lower-case tokens, diacritics kept

    @property
    def empty(self) -> bool:
        return not self.phrases

    def fts(self) -> str:
        """FTS5 MATCH expression over the folded index (every token quoted: no operator injection)."""
        return " ".join('"' + " ".join(p) + '"' for p in self.phrases)

    def fts_exact(self) -> str:
        return " ".join('"' + " ".join(p) + '"' for p in self.exact_phrases)

    def has_diacritics(self) -> bool:
        return self.phrases != self.exact_phrases

    def as_phrase(self) -> "SearchQuery | None":
        """The whole query as one phrase ("vinh yen" → "vinh yen" adjacent), or None for one phrase:
        Vietnamese words are several syllables, so adjacent matches rank first."""
        if len(self.phrases) < 2:
            return None
        return SearchQuery(self.raw, (tuple(t for p in self.phrases for t in p),),
                           (tuple(t for p in self.exact_phrases for t in p),))

    def like_patterns(self) -> list[str]:
        """One LIKE pattern per phrase over a folded column (tokens separated by one space)."""
        return ["%" + _like_escape(" ".join(p)) + "%" for p in self.phrases]

    def exact_like(self) -> str:
        return "%" + _like_escape(" ".join(" ".join(p) for p in self.exact_phrases)) + "%"

    def regex(self) -> re.Pattern | None:
        """Matches every phrase in folded text, tokens separated by any non-word run."""
        if not self.phrases:
            return None
        whole = self.as_phrase()
        phrases = self.phrases + (whole.phrases if whole else ())
        alts = sorted((r"\W+".join(map(re.escape, p)) for p in phrases), key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")


def _like_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def parse_query(q: str | None) -> SearchQuery:
    """Parse the search box; raises QueryError past MAX_QUERY_LEN characters or MAX_TERMS terms."""
    q = unicodedata.normalize("NFC", (q or "").strip())
    if len(q) > MAX_QUERY_LEN:
        raise QueryError(f"query is {len(q)} characters long; the limit is {MAX_QUERY_LEN}")
    phrases, exact = [], []
    for m in _PIECE.finditer(q):
        piece = m.group(1) if m.group(1) is not None else m.group(2)
        toks = tuple(_WORD.findall(piece.lower()))
        if not toks:
            continue
        if m.group(1) is not None:
            exact.append(toks)
            phrases.append(tuple(fold(t) for t in toks))
        else:
            for t in toks:
                exact.append((t,))
                phrases.append((fold(t),))
    if sum(len(p) for p in phrases) > MAX_TERMS:
        raise QueryError(f"query has {sum(len(p) for p in phrases)} words; the limit is {MAX_TERMS}")
    return SearchQuery(q, tuple(phrases), tuple(exact))


# -- filters ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    """The filters a list page, a search and an export share (all optional)."""
    site: str = ""
    province: str = ""
    date_from: date | None = None
    date_to: date | None = None
    role_title: str = ""
    unit: str = ""
    place: int | None = None
    person: int | None = None
    organization: int | None = None
    article: int | None = None

    # query-string names (the page, the API, the export and `partyfacts export` use the same)
    PARAMS = {"site": "site", "province": "province", "date_from": "from", "date_to": "to",
              "role_title": "title", "unit": "unit", "place": "place", "person": "person",
              "organization": "organization", "article": "article"}

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> "Filters":
        """Filters from query-string arguments; raises QueryError naming a bad value."""
        vals = {}
        for f in fields(cls):
            name = cls.PARAMS[f.name]
            raw = (args.get(name) or "").strip()
            if not raw:
                continue
            if len(raw) > MAX_FILTER_LEN:
                raise QueryError(f"filter {name} is {len(raw)} characters long; the limit is {MAX_FILTER_LEN}")
            if f.name in ("date_from", "date_to"):
                vals[f.name] = _parse_date(name, raw, end=f.name == "date_to")
            elif f.name in ("place", "person", "organization", "article"):
                if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:   # "²" is a digit to isdigit()
                    raise QueryError(f"filter {name}={raw!r} must be a numeric id")
                vals[f.name] = int(raw)
            else:
                vals[f.name] = unicodedata.normalize("NFC", raw)
        return cls(**vals)

    def to_args(self) -> dict[str, str]:
        out = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v not in (None, ""):
                out[self.PARAMS[f.name]] = v.isoformat() if isinstance(v, date) else str(v)
        return out

    def active(self) -> bool:
        return bool(self.to_args())


def _parse_date(name: str, raw: str, end: bool) -> date:
    try:
        if re.fullmatch(r"\d{4}", raw):
            return date(int(raw), 12, 31) if end else date(int(raw), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", raw):
            y, mth = map(int, raw.split("-"))
            if end:
                nxt = date(y + (mth == 12), mth % 12 + 1, 1)
                return date.fromordinal(nxt.toordinal() - 1)
            return date(y, mth, 1)
        return date.fromisoformat(raw)
    except ValueError:
        raise QueryError(f"filter {name}={raw!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None


# -- full-text matching ---------------------------------------------------------------------------------

FTS_INDEX = {ft.table: ft.search for ft in facts.REGISTRY if ft.search}   # table -> its FTS5 index
_fts_present: dict[str, bool] = {}


def has_fts(session: Session) -> bool:
    """True when the database is SQLite with the 0003_search FTS5 indexes (checked once per URL)."""
    bind = session.get_bind()
    url = str(bind.url)
    if url not in _fts_present:
        ok = False
        if bind.dialect.name == "sqlite":
            ok = session.execute(text("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='fts_articles'")
                                 ).scalar_one() > 0
        _fts_present[url] = ok
    return _fts_present[url]


def fts_matches(table: str, sq: SearchQuery, exact: bool = False, tag: str = "m"):
    """A subquery (id, score) of rows whose FTS5 index matches (the folded index, or the exact one);
    lower score = better (bm25). ``tag`` keeps names apart when one statement matches an index twice."""
    index = FTS_INDEX[table] + ("_exact" if exact else "")
    param = f"{tag}_{index}"
    return (text(f"SELECT rowid AS id, rank AS score FROM {index} WHERE {index} MATCH :{param}")
            .bindparams(**{param: sq.fts_exact() if exact else sq.fts()})
            .columns(id=Integer, score=Float).subquery(f"{index}_{tag}"))


# -- snippets ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: tuple[tuple[int, int], ...] = field(default=())

    def segments(self) -> list[tuple[str, bool]]:
        out, pos = [], 0
        for a, b in self.highlights:
            if a > pos:
                out.append((self.text[pos:a], False))
            out.append((self.text[a:b], True))
            pos = b
        if pos < len(self.text):
            out.append((self.text[pos:], False))
        return out

    def to_dict(self) -> dict:
        return {"text": self.text, "highlights": [list(h) for h in self.highlights]}


def snippet(body: str, sq: SearchQuery | None, width: int = 240) -> Snippet:
    """A window of ``body`` around the first match of the query, matches marked ([start, end) in the
    snippet). Without a match (or a query) the start of the text."""
    body = body or ""
    rx = sq.regex() if sq else None
    folded = fast_fold(body)
    whole = sq.as_phrase() if sq else None
    first = whole.regex().search(folded) if whole else None  # the words together, where they are
    if first is None and rx is not None:
        first = rx.search(folded)
    if first is None:
        cut = body[:width]
        return Snippet(cut + ("…" if len(body) > width else ""))
    start = max(0, first.start() - width // 3)
    if start:
        sp = body.rfind(" ", 0, start)
        start = sp + 1 if sp >= 0 and start - sp < 30 else start
    end = min(len(body), start + width)
    window = body[start:end]
    marks = tuple((m.start(), m.end()) for m in rx.finditer(fast_fold(window)))
    prefix = "…" if start else ""
    suffix = "…" if end < len(body) else ""
    off = len(prefix)
    return Snippet(prefix + window.replace("\n", " ") + suffix, tuple((a + off, b + off) for a, b in marks))
