"""dead_jobs: a queued job that exhausted its retries (or could not start), with its error

Every job kind (crawl, process, reparse, link-syndicated, resolve, schedule-tick, ingest) is recorded
here when it dies on a worker; a dead crawl also leaves a failed crawl_runs row per site and a dead
process batch error rows in processing, where the results of those jobs are looked for.

Revision ID: 0010_dead_jobs
Revises: 0009_concurrency
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = "0010_dead_jobs"
down_revision = "0009_concurrency"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dead_jobs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("job", sa.String(64), nullable=False),
        sa.Column("task_id", sa.String(64), nullable=False, server_default=""),
        sa.Column("natural_key", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("args", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("site_id", sa.Integer(), sa.ForeignKey("sites.id"), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="1"),
        sa.Column("error", sa.Text(), nullable=False, server_default=""),
        sa.Column("failed_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_dead_jobs_failed_at", "dead_jobs", ["failed_at"])


def downgrade() -> None:
    op.drop_index("ix_dead_jobs_failed_at", table_name="dead_jobs")
    op.drop_table("dead_jobs")
