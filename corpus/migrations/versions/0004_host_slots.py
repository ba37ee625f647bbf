"""host_slots: per-host politeness booking shared by every crawler process using the database

Revision ID: 0004_host_slots
Revises: 0003_search
Create Date: 2026-11-25
"""
import sqlalchemy as sa
from alembic import op

revision = "0004_host_slots"
down_revision = "0003_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("host_slots",
                    sa.Column("host", sa.String(255), primary_key=True),
                    sa.Column("next_at", sa.Float(), nullable=False))


def downgrade() -> None:
    op.drop_table("host_slots")
