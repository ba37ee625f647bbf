"""article_parts: articles.fields, where each part of the stored text sits (issue 14)

The stored text of a crawled article becomes every part that carries facts (title, lead, body,
captions, byline, source line, dateline, joined with blank lines) and `fields` records their
[start, end) offsets as JSON; facts' spans stay offsets into the one text. Rows from before keep a
body-only text and fields "" until `partyfacts reparse` fills the parts from their archived pages
(their facts are then made again by `process`).

Revision ID: 0013_article_parts
Revises: 0009_concurrency
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_article_parts"
down_revision = "0012_session_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (no batch copy of the table: the SQLite full-text triggers stay as they are)
    op.add_column("articles", sa.Column("fields", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("fields")
