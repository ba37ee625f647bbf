"""session_versions: the admin session version, bumped on logout and password change (issue 12)

A session remembers the version of its login; the web app refuses admin rights to a session whose
version is not the current one, so a cookie copied before a logout is not admin after it.

Revision ID: 0012_session_version
Revises: 0009_concurrency
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_session_version"
down_revision = "0011_entity_aggregates"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "session_versions",
        sa.Column("account", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False, server_default="1"),
    )
    op.bulk_insert(table, [{"account": "admin", "version": 1}])


def downgrade() -> None:
    op.drop_table("session_versions")
