"""search_speed: a data stamp for the web's search cache (issue 12)

SQLite: a one-row table ``data_stamp`` whose counter triggers bump on every insert, update and delete
of the tables a search reads (sites, articles, persons, places, organizations, roles, figures,
mentions); the web keys its cache of search results by it, so a processed article, a merge or a
reparse is in the very next search. PostgreSQL needs no table: the stamp there is the transaction
snapshot (corpus.search.data_stamp), which every committed write changes, without a row every
writer would have to lock.

A later migration that rebuilds one of these tables on SQLite (a batch copy) drops its triggers and
must create them again (STAMPED_TABLES, _create_triggers).

Revision ID: 0014_search_speed
Revises: 0013_article_parts
Create Date: 2026-12-07
"""

from alembic import op

revision = "0014_search_speed"
down_revision = "0013_article_parts"
branch_labels = None
depends_on = None

STAMPED_TABLES = ("sites", "articles", "persons", "places", "organizations", "roles", "figures", "mentions")
EVENTS = ("INSERT", "UPDATE", "DELETE")


def _create_triggers() -> None:
    for table in STAMPED_TABLES:
        for event in EVENTS:
            op.execute(f"CREATE TRIGGER data_stamp_{table}_{event.lower()} AFTER {event} ON {table} "
                       "BEGIN UPDATE data_stamp SET n = n + 1 WHERE id = 1; END")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE data_stamp (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
    op.execute("INSERT INTO data_stamp (id, n) VALUES (1, 0)")
    _create_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in STAMPED_TABLES:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS data_stamp_{table}_{event.lower()}")
    op.execute("DROP TABLE IF EXISTS data_stamp")
