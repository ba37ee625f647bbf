"""pg_search: on PostgreSQL, the FTS5 indexes of 0003_search as folded tsvector columns with GIN indexes

Each table SQLite indexes with FTS5 gets a stored generated column ``search_fold``: its FTS5 columns
folded like nlp.text.fold (pf_fold: accents off, đ→d, lower case), cut into tokens like FTS5's
unicode61 tokenizer (pf_tokens), as a tsvector ('simple' configuration: no stemming, no stop words).
Articles also get ``search_exact`` (lower case, diacritics kept: the exact tier) and ``search_len``
(tokens of title and text: bm25's document length). The database computes them on every write, so
no writer changes; a GIN index answers the search box. SQLite: nothing (FTS5 does this there).

Revision ID: 0008_pg_search
Revises: 0007_knowledge_base
Create Date: 2026-12-07
"""
from alembic import op

from partyfacts.corpus.search import (PG_FOLD_DST, PG_FOLD_SRC, PG_LOWER_DST, PG_LOWER_SRC,
                                      pg_separator_regex)

revision = "0008_pg_search"
down_revision = "0007_knowledge_base"
branch_labels = None
depends_on = None

# table -> its FTS5 columns (0003_search INDEXES)
COLUMNS = {
    "articles": ("title", "text"),
    "persons": ("name", "variants"),
    "places": ("name", "province"),
    "organizations": ("name",),
    "roles": ("title", "organization", "title_expanded"),
    "figures": ("text", "unit", "counted", "actor"),
}


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


COLUMN_GAP = "pfcolumngap"   # joins a row's columns, then deleted: no phrase spans two columns (as in FTS5)


def _tsv(cols, fn: str) -> str:
    if len(cols) == 1:
        return f"pf_tsv({fn}({cols[0]}))"
    joined = f" || ' {COLUMN_GAP} ' || ".join(f"pf_tokens({fn}({c}))" for c in cols)
    return f"ts_delete(to_tsvector('simple'::regconfig, {joined}), '{COLUMN_GAP}'::text)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE OR REPLACE FUNCTION pf_fold(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
               f"AS $$ SELECT lower(translate(coalesce(s, ''), {_lit(PG_FOLD_SRC)}, {_lit(PG_FOLD_DST)})) $$")
    op.execute(f"CREATE OR REPLACE FUNCTION pf_lower(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
               f"AS $$ SELECT lower(translate(coalesce(s, ''), {_lit(PG_LOWER_SRC)}, {_lit(PG_LOWER_DST)})) $$")
    op.execute(f"CREATE OR REPLACE FUNCTION pf_tokens(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
               f"AS $$ SELECT btrim(regexp_replace(coalesce(s, ''), {_lit(pg_separator_regex())}, ' ', 'g')) $$")
    op.execute("CREATE OR REPLACE FUNCTION pf_tsv(s text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE "
               "AS $$ SELECT to_tsvector('simple'::regconfig, pf_tokens(s)) $$")
    op.execute("CREATE OR REPLACE FUNCTION pf_ntok(s text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE "
               "AS $$ SELECT coalesce(array_length(string_to_array(nullif(pf_tokens(s), ''), ' '), 1), 0) $$")
    # occurrences of a phrase (lexemes at consecutive positions) in a tsvector: bm25's term frequency
    op.execute("""CREATE OR REPLACE FUNCTION pf_phrase_freq(v tsvector, toks text[]) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        WITH f AS (SELECT lexeme, positions FROM unnest(ts_filter(setweight(v, 'A', toks), '{a}')))
        SELECT count(*)::integer FROM f, unnest(f.positions) AS p
        WHERE f.lexeme = toks[1] AND NOT EXISTS (
            SELECT 1 FROM generate_subscripts(toks, 1) AS k
            WHERE k > 1 AND NOT EXISTS (SELECT 1 FROM f AS g WHERE g.lexeme = toks[k]
                                        AND (p + k - 1) = ANY (g.positions))) $$""")
    for table, cols in COLUMNS.items():
        op.execute(f"ALTER TABLE {table} ADD COLUMN search_fold tsvector "
                   f"GENERATED ALWAYS AS ({_tsv(cols, 'pf_fold')}) STORED")
        op.execute(f"CREATE INDEX ix_{table}_search_fold ON {table} USING gin (search_fold)")
    op.execute(f"ALTER TABLE articles ADD COLUMN search_exact tsvector "
               f"GENERATED ALWAYS AS ({_tsv(COLUMNS['articles'], 'pf_lower')}) STORED")
    op.execute("CREATE INDEX ix_articles_search_exact ON articles USING gin (search_exact)")
    op.execute("ALTER TABLE articles ADD COLUMN search_len integer "
               "GENERATED ALWAYS AS (pf_ntok(title) + pf_ntok(text)) STORED")
    op.execute("CREATE INDEX ix_articles_search_len ON articles (search_len)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_len")
    op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_exact")
    for table in COLUMNS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_fold")
    for fn in ("pf_phrase_freq(tsvector, text[])", "pf_ntok(text)", "pf_tsv(text)", "pf_tokens(text)",
               "pf_lower(text)", "pf_fold(text)"):
        op.execute(f"DROP FUNCTION IF EXISTS {fn}")
