"""knowledge_base: persons are resolved entities (the name key no longer unique), person occurrences
and researchers' resolution decisions, organisations with their place, canonical role titles, sites
with their province

Revision ID: 0007_knowledge_base
Revises: 0006_crawl_requests
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0007_knowledge_base"
down_revision = "0006_crawl_requests"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # the initial schema's unique constraint on persons.key has no name: name it to drop it
        with op.batch_alter_table("persons", naming_convention={"uq": "uq_%(table_name)s_%(column_0_name)s"},
                                  reflect_args=[sa.Column("key", sa.String(255), unique=True)]) as batch:
            batch.drop_constraint("uq_persons_key", type_="unique")
            batch.create_index("ix_persons_key", ["key"])
    else:
        op.drop_constraint("persons_key_key", "persons", type_="unique")
        op.create_index("ix_persons_key", "persons", ["key"])
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("province", sa.String(128), nullable=False, server_default=""))
    with op.batch_alter_table("organizations") as batch:
        batch.add_column(sa.Column("level", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("place_name", sa.String(255), nullable=False, server_default=""))
        batch.add_column(sa.Column("province", sa.String(128), nullable=False, server_default=""))
        batch.add_column(sa.Column("place_id", sa.Integer(), sa.ForeignKey("places.id", name="fk_organizations_place"),
                                   nullable=True))
        batch.create_index("ix_organizations_province", ["province"])
    _restore_search_triggers("fts_persons", "persons", ("name", "variants"))
    _restore_search_triggers("fts_organizations", "organizations", ("name",))
    with op.batch_alter_table("roles") as batch:
        batch.add_column(sa.Column("title_canonical", sa.String(512), nullable=False, server_default=""))
        batch.add_column(sa.Column("title_key", sa.String(512), nullable=False, server_default=""))
        batch.add_column(sa.Column("org_resolution", sa.String(16), nullable=False, server_default=""))
        batch.add_column(sa.Column("event", sa.String(16), nullable=False, server_default="in_office"))
        batch.add_column(sa.Column("event_date", sa.String(10), nullable=False, server_default=""))
        batch.create_index("ix_roles_title_key", ["title_key"])
    op.create_table(
        "person_occurrences",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("persons.id"), nullable=True),
        sa.Column("mention_key", sa.String(1024), nullable=False, unique=True),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("name_key", sa.String(255), nullable=False),
        sa.Column("province", sa.String(128), nullable=False, server_default=""),
        sa.Column("district", sa.String(128), nullable=False, server_default=""),
        sa.Column("context", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("explanation", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("pipeline_version", sa.String(64), nullable=False),
    )
    op.create_index("ix_person_occurrences_article_id", "person_occurrences", ["article_id"])
    op.create_index("ix_person_occurrences_person_id", "person_occurrences", ["person_id"])
    op.create_index("ix_person_occurrences_name_key", "person_occurrences", ["name_key"])
    op.create_table(
        "resolution_decisions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("key_a", sa.String(1024), nullable=False),
        sa.Column("key_b", sa.String(1024), nullable=False),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("created_by", sa.String(64), nullable=False, server_default="admin"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("kind", "key_a", "key_b"),
    )
    op.create_index("ix_resolution_decisions_key_a", "resolution_decisions", ["key_a"])
    op.create_index("ix_resolution_decisions_key_b", "resolution_decisions", ["key_b"])


def _restore_search_triggers(index: str, table: str, cols: tuple[str, ...]) -> None:
    """SQLite rebuilds a table for some alterations, which drops its triggers: put back those that keep
    its full-text index (0003_search) in step, and rebuild the index from the table."""
    if op.get_bind().dialect.name != "sqlite":
        return
    exists = op.get_bind().exec_driver_sql(
        f"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '{index}'").first()
    if not exists:
        return

    def folded(prefix: str) -> str:
        return ", ".join(f"replace(replace({prefix}{c}, 'đ', 'd'), 'Đ', 'D')" for c in cols)
    collist = ", ".join(cols)
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {index}_{suffix}")
    op.execute(f"CREATE TRIGGER {index}_ai AFTER INSERT ON {table} BEGIN "
               f"INSERT INTO {index}(rowid, {collist}) VALUES (new.id, {folded('new.')}); END")
    op.execute(f"CREATE TRIGGER {index}_ad AFTER DELETE ON {table} BEGIN "
               f"INSERT INTO {index}({index}, rowid, {collist}) VALUES ('delete', old.id, {folded('old.')}); END")
    op.execute(f"CREATE TRIGGER {index}_au AFTER UPDATE OF {collist} ON {table} BEGIN "
               f"INSERT INTO {index}({index}, rowid, {collist}) VALUES ('delete', old.id, {folded('old.')}); "
               f"INSERT INTO {index}(rowid, {collist}) VALUES (new.id, {folded('new.')}); END")
    op.execute(f"INSERT INTO {index}({index}) VALUES ('delete-all')")
    op.execute(f"INSERT INTO {index}(rowid, {collist}) SELECT id, {folded('')} FROM {table}")


def downgrade() -> None:
    op.drop_table("resolution_decisions")
    op.drop_table("person_occurrences")
    with op.batch_alter_table("roles") as batch:
        batch.drop_index("ix_roles_title_key")
        for col in ("event_date", "event", "org_resolution", "title_key", "title_canonical"):
            batch.drop_column(col)
    with op.batch_alter_table("organizations") as batch:
        batch.drop_index("ix_organizations_province")
        for col in ("place_id", "province", "place_name", "level"):
            batch.drop_column(col)
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("province")
    with op.batch_alter_table("persons") as batch:
        batch.drop_index("ix_persons_key")
        batch.create_unique_constraint("uq_persons_key", ["key"])
