"""full-text search: FTS5 indexes over accent-folded text (SQLite only), kept in sync by triggers

On SQLite, each searchable table gets an external-content FTS5 index whose tokens are folded
(unicode61 remove_diacritics 2 strips tone and vowel marks; đ/Đ, which Unicode does not decompose, is
replaced by d in the trigger, one character for one so token positions match the stored text).
Articles also get an exact (diacritics kept) index so exact-diacritic matches can be ranked first.
Other databases get nothing here (PostgreSQL gets its tsvector columns in 0008_pg_search).

Revision ID: 0003_search
Revises: 0001_initial
Create Date: 2026-11-25
"""
from alembic import op

revision = "0003_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

FOLD_TOKENIZER = "unicode61 remove_diacritics 2"
EXACT_TOKENIZER = "unicode61 remove_diacritics 0"

# index name -> (content table, columns, tokenizer, fold đ?)
INDEXES = {
    "fts_articles": ("articles", ("title", "text"), FOLD_TOKENIZER, True),
    "fts_articles_exact": ("articles", ("title", "text"), EXACT_TOKENIZER, False),
    "fts_persons": ("persons", ("name", "variants"), FOLD_TOKENIZER, True),
    "fts_places": ("places", ("name", "province"), FOLD_TOKENIZER, True),
    "fts_organizations": ("organizations", ("name",), FOLD_TOKENIZER, True),
    "fts_roles": ("roles", ("title", "organization", "title_expanded"), FOLD_TOKENIZER, True),
    "fts_figures": ("figures", ("text", "unit", "counted", "actor"), FOLD_TOKENIZER, True),
}


def _expr(prefix: str, col: str, fold_d: bool) -> str:
    v = f"{prefix}.{col}" if prefix else col
    return f"replace(replace({v}, 'đ', 'd'), 'Đ', 'D')" if fold_d else v


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name, (table, cols, tok, fold_d) in INDEXES.items():
        collist = ", ".join(cols)
        op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5({collist}, content='{table}', "
                   f"content_rowid='id', tokenize='{tok}')")
        new = ", ".join(_expr("new", c, fold_d) for c in cols)
        old = ", ".join(_expr("old", c, fold_d) for c in cols)
        op.execute(f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {name}(rowid, {collist}) VALUES (new.id, {new}); END")
        op.execute(f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.id, {old}); END")
        op.execute(f"CREATE TRIGGER {name}_au AFTER UPDATE OF {collist} ON {table} BEGIN "
                   f"INSERT INTO {name}({name}, rowid, {collist}) VALUES ('delete', old.id, {old}); "
                   f"INSERT INTO {name}(rowid, {collist}) VALUES (new.id, {new}); END")
        plain = ", ".join(_expr("", c, fold_d) for c in cols)
        op.execute(f"INSERT INTO {name}(rowid, {collist}) SELECT id, {plain} FROM {table}")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in INDEXES:
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}_{suffix}")
        op.execute(f"DROP TABLE IF EXISTS {name}")
