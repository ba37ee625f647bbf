"""entity aggregates: precomputed person summaries and the triggers that invalidate them (issue 12)

- entity_aggregates(entity_type, entity_id, stamp, data, computed_at): a person's summary (stories,
  role rows, career, timeline, co-mentions) as JSON, written by corpus.aggregates.refresh;
- entity_dirty(id, entity_type, entity_id): an append-only log of the persons whose rows changed,
  filled by triggers on mentions, roles and articles (both SQLite and PostgreSQL), consumed by
  refresh. Every existing person is marked: the next process run (or refresh) computes them, and
  pages compute a stale one live meanwhile.

Revision ID: 0011_entity_aggregates
Revises: 0009_concurrency
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_entity_aggregates"
down_revision = "0010_dead_jobs"
branch_labels = None
depends_on = None

# what marks a person: (trigger name, table, event, condition, the person ids to mark as a SELECT over
# NEW/OLD). An UPDATE of a mention (resolution repointing it) marks every person of its article:
# their co-mentions changed. An article re-dated, re-titled or linked as a copy marks its persons.
_ARTICLE_PERSONS = ("SELECT entity_id AS pid FROM mentions WHERE article_id = NEW.id AND entity_type = 'person' "
                    "UNION SELECT person_id AS pid FROM roles WHERE article_id = NEW.id")
_MARKS = [
    ("trg_agg_mention_ins", "mentions", "INSERT", "NEW.entity_type = 'person'", ["SELECT NEW.entity_id AS pid"]),
    ("trg_agg_mention_del", "mentions", "DELETE", "OLD.entity_type = 'person'", ["SELECT OLD.entity_id AS pid"]),
    ("trg_agg_mention_upd", "mentions", "UPDATE",
     "OLD.entity_type = 'person' OR NEW.entity_type = 'person'",
     ["SELECT OLD.entity_id AS pid WHERE OLD.entity_type = 'person'",
      "SELECT entity_id AS pid FROM mentions WHERE article_id IN (OLD.article_id, NEW.article_id) "
      "AND entity_type = 'person'"]),
    ("trg_agg_role_ins", "roles", "INSERT", "", ["SELECT NEW.person_id AS pid"]),
    ("trg_agg_role_del", "roles", "DELETE", "", ["SELECT OLD.person_id AS pid"]),
    ("trg_agg_role_upd", "roles", "UPDATE", "", ["SELECT OLD.person_id AS pid", "SELECT NEW.person_id AS pid"]),
    ("trg_agg_article_upd", "articles", "UPDATE",
     "OLD.syndicated_of_id IS DISTINCT FROM NEW.syndicated_of_id OR OLD.title IS DISTINCT FROM NEW.title "
     "OR OLD.published IS DISTINCT FROM NEW.published OR OLD.published_date IS DISTINCT FROM NEW.published_date "
     "OR OLD.url IS DISTINCT FROM NEW.url",
     [_ARTICLE_PERSONS]),
]


def _body(selects: list[str]) -> str:
    """The trigger's statements: each SELECT's person ids appended to entity_dirty."""
    return " ".join(f"INSERT INTO entity_dirty(entity_type, entity_id) SELECT 'person', x.pid FROM ({s}) AS x;"
                    for s in selects)


def upgrade() -> None:
    op.create_table(
        "entity_aggregates",
        sa.Column("entity_type", sa.String(16), primary_key=True),
        sa.Column("entity_id", sa.Integer(), primary_key=True),
        sa.Column("stamp", sa.String(32), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "entity_dirty",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("entity_type", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
    )
    op.create_index("ix_entity_dirty_entity", "entity_dirty", ["entity_type", "entity_id"])
    pg = op.get_bind().dialect.name == "postgresql"
    for name, table, event, cond, selects in _MARKS:
        body = _body(selects)
        if pg:
            op.execute(f"CREATE FUNCTION {name}_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       f"{body} RETURN NULL; END $$")
            when = f" WHEN ({cond})" if cond else ""
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} "
                       f"EXECUTE FUNCTION {name}_fn()")
        else:
            when = f" WHEN {cond.replace('IS DISTINCT FROM', 'IS NOT')}" if cond else ""
            op.execute(f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW{when} BEGIN {body} END")
    op.execute("INSERT INTO entity_dirty(entity_type, entity_id) SELECT 'person', id FROM persons")


def downgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for name, table, *_ in _MARKS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if pg else ""))
        if pg:
            op.execute(f"DROP FUNCTION IF EXISTS {name}_fn()")
    op.drop_index("ix_entity_dirty_entity", table_name="entity_dirty")
    op.drop_table("entity_dirty")
    op.drop_table("entity_aggregates")
