"""crawl_requests: sites.crawl_requested_at, a crawl asked for in the web UI and not yet run (the web
process queues it; `partyfacts schedule` runs it as due, so the web layer starts no job threads)

Revision ID: 0006_crawl_requests
Revises: 0005_article_scope_index
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0006_crawl_requests"
down_revision = "0005_article_scope_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("crawl_requested_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("crawl_requested_at")
