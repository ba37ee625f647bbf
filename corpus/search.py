"""Search primitives shared by the list, search and export queries: query parsing (terms, quoted
phrases, folded and exact forms), page filters (site, province, dates, role title, unit, place,
person), the full-text match (SQLite FTS5 over folded text; on PostgreSQL the folded tsvector columns
of migration 0008_pg_search, same tokens, columns and bm25; LIKE over folded columns on a database
with neither) and highlighted snippets.

Folding is nlp.text.fold (accent-less, lower case, đ → d, one character per character), so an offset
in the folded text is the same offset in the stored NFC text.
"""
from __future__ import annotations

import functools
import math
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

from partyfacts.nlp.text import fold, fold_char, key

from . import facts

MAX_QUERY_LEN = 200
MAX_TERMS = 12
MAX_FILTER_LEN = 200


class QueryError(ValueError):
    """A query the database should not run (unknown table, over-long text, bad date); message says why.
    ``key`` and ``params`` name the problem for an interface that words it in its own language."""

    def __init__(self, message: str, key: str = "", **params):
        super().__init__(message)
        self.key, self.params = key, params


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


# -- PostgreSQL: the FTS5 indexes as tsvector columns (migration 0008_pg_search) ----------------------
#
# Each table searched through an FTS5 index on SQLite gets, on PostgreSQL, a stored generated column
# ``search_fold`` (articles also ``search_exact`` and ``search_len``) over the same columns, with a GIN
# index: text folded by pf_fold() (the SQL twin of nlp.text.fold), cut into tokens like FTS5's
# unicode61 tokenizer (letters, digits, private-use and combining marks are token characters,
# everything else separates), then to_tsvector('simple', …) over tokens joined by single spaces.

def _is_token_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat[0] in "LN" or cat in ("Co", "Mn")


def _separator_ranges() -> list[tuple[int, int]]:
    out, start = [], None
    for cp in range(0x10000):
        sep = not (0xD800 <= cp <= 0xDFFF) and not _is_token_char(chr(cp))
        if sep and start is None:
            start = cp
        elif not sep and start is not None:
            out.append((start, cp - 1))
            start = None
    if start is not None:
        out.append((start, 0xFFFF))
    return out


def pg_separator_regex() -> str:
    """A PostgreSQL ARE matching a run of separator characters (the complement of FTS5 token chars)."""
    parts = []
    for a, b in _separator_ranges():
        parts.append(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}")
    return "[" + "".join(parts) + "]+"


def _lower_map() -> tuple[str, str]:
    """Upper-case Latin letters (Vietnamese ranges) and their lower case, for a locale-free lower()."""
    src, dst = [], []
    for r in ((0x41, 0x5B), (0xC0, 0x250), (0x1E00, 0x1F00)):
        for cp in range(*r):
            ch = chr(cp)
            lo = ch.lower()
            if len(lo) == 1 and lo != ch and unicodedata.normalize("NFC", ch) == ch:
                src.append(ch)
                dst.append(lo)
    return "".join(src), "".join(dst)


PG_LOWER_SRC, PG_LOWER_DST = _lower_map()
PG_FOLD_SRC, PG_FOLD_DST = _SQL_FOLD_SRC, _SQL_FOLD_DST


def tokens(s: str) -> list[str]:
    """Split like FTS5 unicode61 (and the PostgreSQL tsvector columns): runs of token characters."""
    out, cur = [], []
    for ch in s:
        if _is_token_char(ch):
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def pg_tsquery(phrases: tuple[tuple[str, ...], ...]) -> str:
    """A tsquery (text form) matching every phrase, tokens adjacent (<->), like the FTS5 MATCH of
    SearchQuery.fts(); each token re-cut like the index (\\w keeps "_", unicode61 does not)."""
    out = []
    for p in phrases:
        toks = [t for w in p for t in tokens(w)]
        if toks:
            out.append("(" + " <-> ".join("'" + t.replace("'", "''") + "'" for t in toks) + ")")
    return " & ".join(out)


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
        raise QueryError(f"query is {len(q)} characters long; the limit is {MAX_QUERY_LEN}",
                         "query_long", n=len(q), limit=MAX_QUERY_LEN)
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
        n = sum(len(p) for p in phrases)
        raise QueryError(f"query has {n} words; the limit is {MAX_TERMS}", "query_terms", n=n, limit=MAX_TERMS)
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
                raise QueryError(f"filter {name} is {len(raw)} characters long; the limit is {MAX_FILTER_LEN}",
                                 "filter_long", name=name, n=len(raw), limit=MAX_FILTER_LEN)
            if f.name in ("date_from", "date_to"):
                vals[f.name] = _parse_date(name, raw, end=f.name == "date_to")
            elif f.name in ("place", "person", "organization", "article"):
                if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:   # "²" is a digit to isdigit()
                    raise QueryError(f"filter {name}={raw!r} must be a numeric id", "filter_id", name=name, value=raw)
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
        raise QueryError(f"filter {name}={raw!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD",
                         "filter_date", name=name, value=raw) from None


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


def search_index(session: Session) -> str:
    """Which index answers the search box: "fts5" (SQLite, 0003_search), "tsvector" (PostgreSQL,
    0008_pg_search) or "" (neither: LIKE over folded columns). Checked once per URL."""
    bind = session.get_bind()
    url = str(bind.url)
    if url not in _index_kind:
        kind = ""
        if has_fts(session):
            kind = "fts5"
        elif bind.dialect.name == "postgresql":
            n = session.execute(text("SELECT count(*) FROM information_schema.columns WHERE table_schema = "
                                     "current_schema() AND table_name = 'articles' AND column_name = 'search_fold'")
                                ).scalar_one()
            kind = "tsvector" if n else ""
        _index_kind[url] = kind
    return _index_kind[url]


_index_kind: dict[str, str] = {}


def pg_matches(table: str, sq: SearchQuery, exact: bool = False, tag: str = "m", scope: Filters | None = None):
    """fts_matches on PostgreSQL: (id, score) of the rows whose tsvector column (search_fold, or
    search_exact) holds every phrase; score 0 (bm25 comes from pg_bm25_scores where a tier is ranked).
    For articles, ``scope``'s site and dates are checked in the same statement, so the planner can
    AND the GIN index with the date/site indexes instead of reading every matching row (the callers
    check every filter again)."""
    col = "search_exact" if exact else "search_fold"
    param = f"{tag}_{table}_{col}"
    params = {param: pg_tsquery(sq.exact_phrases if exact else sq.phrases)}
    where = [f"{col} @@ CAST(:{param} AS tsquery)"]
    if table == "articles" and scope is not None:
        if scope.site:
            where.append(f"site_id = (SELECT id FROM sites WHERE name = :{param}_site)")
            params[f"{param}_site"] = scope.site
        if scope.date_from:
            where.append(f"published_date >= :{param}_from")
            params[f"{param}_from"] = scope.date_from
        if scope.date_to:
            where.append(f"published_date <= :{param}_to")
            params[f"{param}_to"] = scope.date_to
    return (text(f"SELECT id, 0.0 AS score FROM {table} WHERE " + " AND ".join(where))
            .bindparams(**params).columns(id=Integer, score=Float).subquery(f"{table}_{col}_{tag}"))


BM25_K1, BM25_B = 1.2, 0.75   # FTS5's bm25() constants
# (database URL, data stamp) -> the corpus's bm25 statistics (rows, tokens; rows holding a phrase):
# counting them reads every article's length or a phrase's whole posting list, per search otherwise
_BM25_STATS: dict[tuple[str, str | None], dict] = {}


def transaction_memo(session: Session) -> dict:
    """A dict that lives as long as the session's current transaction: what one request's queries
    would otherwise ask the database again (settings made, the corpus's bm25 statistics, how narrow
    a filter is) is asked once, and never outlives the snapshot it was read in."""
    session.connection()          # begin the transaction the memo belongs to
    tx = session.get_transaction()
    got = session.info.get("pf_tx_memo")
    if got is None or got[0] is not tx:
        got = (tx, {})
        session.info["pf_tx_memo"] = got
    return got[1]


def _pg_bm25_stats(session: Session, phrases, col: str) -> tuple[float, list[tuple[list[str], float]]]:
    """avgdl and (tokens, IDF) per phrase as FTS5 computes them: rows, tokens, rows holding the phrase
    (each read once per transaction: a search page ranks up to three tiers)."""
    memo = transaction_memo(session)
    if "bm25_stamp" not in memo:   # the corpus statistics are kept across requests while the data is unchanged
        memo["bm25_stamp"] = (str(session.get_bind().url), data_stamp(session))
    kept = _BM25_STATS.setdefault(memo["bm25_stamp"], {})
    if len(_BM25_STATS) > 4:       # older stamps' statistics: never asked for again
        for k in [k for k in _BM25_STATS if k != memo["bm25_stamp"]]:
            _BM25_STATS.pop(k, None)
    if "bm25_rows" not in memo:
        if "rows" not in kept:
            kept["rows"] = tuple(session.execute(
                text("SELECT count(*), coalesce(sum(search_len), 0) FROM articles")).one())
        memo["bm25_rows"] = kept["rows"]
    n_row, n_tok = memo["bm25_rows"]
    avgdl = (n_tok / n_row) if n_row else 1.0
    out = []
    phrases = [(p, [t for w in p for t in tokens(w)]) for p in phrases]
    phrases = [(p, toks) for p, toks in phrases if toks]
    if len(phrases) == 1:  # one phrase: its IDF multiplies every row's score alike, the order is the same
        return avgdl, [(phrases[0][1], 1.0)]
    # the rows holding each phrase, read from the GIN index (the search's transaction has sequential
    # scans off: a scan would read every row's tsvector)
    for p, toks in phrases:
        k = ("bm25_hits", col, pg_tsquery((p,)))
        if k not in kept:
            if len(kept) > 4096:
                kept.clear()
            kept[k] = session.execute(text(f"SELECT count(*) FROM articles WHERE {col} @@ CAST(:q AS tsquery)"),
                                      {"q": k[2]}).scalar_one()
        n_hit = kept[k]
        idf = math.log((n_row - n_hit + 0.5) / (n_hit + 0.5))
        out.append((toks, idf if idf > 0.0 else 1e-6))
    return avgdl, out


_TSV_ITEM = re.compile(r"'((?:[^']|'')*)':([0-9A-D,]+)")


def _positions(tsv: str) -> dict[str, set[int]]:
    """Lexeme -> positions of a tsvector's text form ("'bo':2A,50A 'dang':1A")."""
    return {m.group(1).replace("''", "'"): {int(x.rstrip("ABCD")) for x in m.group(2).split(",")}
            for m in _TSV_ITEM.finditer(tsv or "")}


def _phrase_freq(pos: dict[str, set[int]], toks: list[str]) -> int:
    first = pos.get(toks[0], ())
    return sum(1 for p in first if all(p + k in pos.get(t, ()) for k, t in enumerate(toks[1:], 1)))


def bm25(freqs: list[int], idfs: list[float], length: int, avgdl: float) -> float:
    """FTS5's bm25() of one row (fts5_aux.c): lower is better."""
    score = 0.0
    for f, idf in zip(freqs, idfs):
        score += idf * (f * (BM25_K1 + 1.0)) / (f + BM25_K1 * (1 - BM25_B + BM25_B * length / avgdl))
    return -1.0 * score


def pg_bm25_scores(session: Session, sq: SearchQuery, exact: bool, ids: list[int]) -> dict[int, float]:
    """FTS5's bm25() of the given article ids over the tsvector columns: the rows' positions of the
    query's lexemes only (setweight + ts_filter, done by the database), phrases counted here."""
    if not ids:
        return {}
    col = "search_exact" if exact else "search_fold"
    avgdl, terms = _pg_bm25_stats(session, sq.exact_phrases if exact else sq.phrases, col)
    lexemes = sorted({t for toks, _ in terms for t in toks})
    rows = session.execute(text(f"SELECT id, search_len, ts_filter(setweight({col}, 'A', CAST(:lx AS text[])), "
                                f"'{{a}}')::text AS tsv FROM articles WHERE id = ANY(:ids)"),
                           {"lx": lexemes, "ids": list(ids)})
    idfs = [idf for _, idf in terms]
    out = {}
    for r in rows:
        pos = _positions(r.tsv)
        out[r.id] = bm25([_phrase_freq(pos, toks) for toks, _ in terms], idfs, r.search_len, avgdl)
    return out


def pg_bm25(session: Session, sq: SearchQuery, exact: bool = False) -> tuple[str, dict]:
    """FTS5's bm25() as a SQL expression on ``articles`` (for an export's ORDER BY over the whole match
    set), with its parameters: per phrase its IDF, its occurrences in the row (pf_phrase_freq) and the
    row's token count (search_len) against the average."""
    col = "search_exact" if exact else "search_fold"
    avgdl, stats = _pg_bm25_stats(session, sq.exact_phrases if exact else sq.phrases, col)
    terms, params = [], {}
    for i, (toks, idf) in enumerate(stats):
        params[f"bm_toks_{i}"] = toks
        freq = f"pf_phrase_freq(articles.{col}, CAST(:bm_toks_{i} AS text[]))"
        terms.append(f"{idf!r} * ({freq} * {BM25_K1 + 1.0!r}) / ({freq} + {BM25_K1!r} * "
                     f"(1 - {BM25_B!r} + {BM25_B!r} * articles.search_len / {avgdl!r}))")
    return "-(" + (" + ".join(terms) or "0") + ")", params


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
    kinds: tuple[str, ...] = field(default=())   # per highlight: "exact" or "folded" (match_kind)

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
        return {"text": self.text, "highlights": [list(h) for h in self.highlights], "kinds": list(self.kinds)}


_fold_word = functools.lru_cache(maxsize=65536)(fold)   # snippets fold the same words again and again
_key_word = functools.lru_cache(maxsize=65536)(key)


def match_kind(found: str, sq: SearchQuery) -> str | None:
    """How a highlighted stretch of text matched the query: "exact" when every word is spelled as
    typed (case and tone placement aside: "hoà" = "hòa"), "folded" when it matched with the
    diacritics set aside, None when a word the user typed *with* diacritics stands in the text with
    other diacritics ("thư" typed, "thứ" found): not the word asked for, so not highlighted. A word
    typed without diacritics matches every spelling ("thu": thu, thư, thứ) as folded."""
    words = _WORD.findall(found.lower())
    folded = tuple(_fold_word(w) for w in words)
    whole = sq.as_phrase()
    pairs = list(zip(sq.phrases, sq.exact_phrases)) + (list(zip(whole.phrases, whole.exact_phrases)) if whole else [])
    typed = next((ex for ph, ex in pairs if ph == folded), None)
    if typed is None:
        return "folded"
    kind = "exact"
    for w, t in zip(words, typed):
        if _key_word(w) == _key_word(t):
            continue
        if _fold_word(t) != t and _fold_word(w) != w:   # both carry diacritics, and not the same ones
            return None
        kind = "folded"
    return kind


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
    marks, kinds = [], []
    for m in rx.finditer(fast_fold(window)):
        kind = match_kind(window[m.start():m.end()], sq)
        if kind is not None:
            marks.append((m.start(), m.end()))
            kinds.append(kind)
    prefix = "…" if start else ""
    suffix = "…" if end < len(body) else ""
    off = len(prefix)
    return Snippet(prefix + window.replace("\n", " ") + suffix, tuple((a + off, b + off) for a, b in marks),
                   tuple(kinds))


# -- the data stamp: what a cache of search results is keyed by ------------------------------------------

def data_stamp(session: Session) -> str | None:
    """A value that changes whenever a row a search reads is written and committed: on SQLite the
    counter of 0014_search_speed (bumped by triggers on every insert/update/delete of sites, articles,
    entities, roles, figures and mentions), on PostgreSQL the transaction snapshot (xmin:xmax:in
    progress; any committed write changes it, nothing is locked to keep it). None on a database with
    neither (no caching there).

    Read it before the statements whose results are cached under it: they then see this state or a
    newer one, never an older one, so a cached answer is never older than its stamp."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return "pg:" + session.execute(text("SELECT CAST(txid_current_snapshot() AS text)")).scalar_one()
    if dialect == "sqlite":
        n = session.execute(text("SELECT n FROM data_stamp WHERE id = 1")).scalar_one_or_none()
        return None if n is None else f"sqlite:{n}"
    return None
