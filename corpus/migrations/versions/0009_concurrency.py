"""concurrency: claims and leases for several processes on one database (issue 10)

- frontier.claimed_by / frontier.lease_until: a crawler claims a pending URL (status "claimed") until
  its lease runs out, so N crawlers of one site never fetch a page twice and a killed one's claims
  are taken over when their lease expires;
- processing.attempts / processing.lease_until: a process run claims an article by inserting its
  processing row ("running" with a lease); failed rows are retried until `attempts` reaches the limit;
- locks: named leases (the scheduler's leader lock, the person-resolution lock on SQLite);
- host_slots.busy_until: one request to a host at a time across all crawlers (the next one starts
  `delay` after the previous one's response, not after its booked slot).

Revision ID: 0009_concurrency
Revises: 0008_pg_search (0007_knowledge_base on a tree without it)
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_concurrency"
down_revision = "0008_pg_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("frontier") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(128), nullable=False, server_default=""))
        batch.add_column(sa.Column("lease_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("processing") as batch:
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("lease_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("host_slots") as batch:
        batch.add_column(sa.Column("busy_until", sa.Float(), nullable=True))
    op.create_table(
        "locks",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("holder", sa.String(128), nullable=False, server_default=""),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("locks")
    with op.batch_alter_table("host_slots") as batch:
        batch.drop_column("busy_until")
    with op.batch_alter_table("processing") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("attempts")
    with op.batch_alter_table("frontier") as batch:
        batch.drop_column("lease_until")
        batch.drop_column("claimed_by")
