"""article_scope_index: a covering index articles(id, published_date, site_id) for searches with a
wide site/date filter (corpus.queries._tier_select seeks it per full-text match instead of building a
lookup set of tens of thousands of article ids; the wide article rows with their text are not read)

Revision ID: 0005_article_scope_index
Revises: 0004_host_slots
Create Date: 2026-11-25
"""
from alembic import op

revision = "0005_article_scope_index"
down_revision = "0004_host_slots"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_id_scope", "articles", ["id", "published_date", "site_id"])


def downgrade() -> None:
    op.drop_index("ix_articles_id_scope", table_name="articles")
