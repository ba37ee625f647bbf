"""Copy a whole database into another one (SQLite → PostgreSQL to move a corpus past one machine, or
back), table by table, streaming, in batches, with SQLAlchemy Core.

    report = copy_database(open_db("corpus.db"), open_db("postgresql+psycopg://pf@db/pf"), echo=print)

- both databases are opened (and migrated) to the newest schema first, so the tables and columns are
  the models' on both sides; the destination must be empty (every table) unless ``force``, which
  deletes its rows first. Rows a migration seeds (SEEDED_ROWS: the admin session version of
  0012_session_version) are in every new database and are not user data: the emptiness check ignores
  them while they are as seeded, and the copy replaces them with the source's rows;
- tables are copied parents first (the models' foreign-key order) and the tables that triggers write
  (TRIGGER_FILLED: entity_dirty, which 0011_entity_aggregates' triggers append to on every copied
  mention, role and article link) last, after the rows the copy's own inserts made them write are
  deleted, so they hold the source's rows only; rows in primary-key order, read as
  a stream (``yield_per``) and inserted ``batch`` rows per statement and transaction; ids are copied as
  they are, so every reference stays valid. A column pointing into its own table (an article's
  ``syndicated_of_id``) is filled in after the table's rows are all there;
- PostgreSQL: each table's id sequence is set past the largest copied id (new rows get new ids), the
  generated search columns (0008) are computed on insert, and the tables are ANALYZEd. SQLite: the FTS5
  indexes (0003) are filled by their triggers on insert, then checked (FTS5 integrity-check);
- at the end the row count of every table is compared between the two databases; a difference raises
  CopyError naming the tables.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import Table, and_, bindparam, delete, func, or_, select, text, update

from . import models as m
from .db import Database

DEFAULT_BATCH = 2000
FTS_INDEXES = ("fts_articles", "fts_articles_exact", "fts_persons", "fts_places", "fts_organizations", "fts_roles",
               "fts_figures")     # SQLite's search indexes (migration 0003_search)
# tables that triggers write when other tables' rows are inserted (0011_entity_aggregates)
TRIGGER_FILLED = ("entity_dirty",)
# the rows migrations insert into a new database, per table (keep in step with the migrations)
SEEDED_ROWS: dict[str, tuple[dict, ...]] = {
    "session_versions": ({"account": "admin", "version": 1},),      # 0012_session_version
}


class CopyError(RuntimeError):
    """A copy that cannot start or did not come out whole; the message says why and what to do."""


@dataclass
class CopyReport:
    tables: dict[str, int] = field(default_factory=dict)    # table → rows copied, in copy order
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


def tables() -> list[Table]:
    """Every table of the schema, parents before children, the TRIGGER_FILLED ones last."""
    ordered = list(m.Base.metadata.sorted_tables)
    return [t for t in ordered if t.name not in TRIGGER_FILLED] + [t for t in ordered if t.name in TRIGGER_FILLED]


def row_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables()}


def _seeded(t: Table, *, exact: bool):
    """A WHERE clause for the rows of ``t`` a migration seeded: with ``exact``, only while every
    column is as seeded; else by primary key (whatever became of them). None when ``t`` has none."""
    seeds = SEEDED_ROWS.get(t.name)
    if not seeds:
        return None
    keys = [c.name for c in t.primary_key.columns]
    return or_(*(and_(*(t.c[k] == v for k, v in row.items() if exact or k in keys)) for row in seeds))


def user_row_counts(db: Database) -> dict[str, int]:
    """Row counts of every table without the rows migrations seeded (as long as they are as seeded)."""
    with db.engine.connect() as conn:
        out = {}
        for t in tables():
            q = select(func.count()).select_from(t)
            seeded = _seeded(t, exact=True)
            out[t.name] = conn.execute(q if seeded is None else q.where(~seeded)).scalar_one()
        return out


def _self_refs(table: Table) -> list[str]:
    """The columns of ``table`` that reference the table itself."""
    return [c.name for c in table.c for fk in c.foreign_keys if fk.column.table is table]


def _masked(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=True)


def copy_database(src: Database, dst: Database, *, force: bool = False, batch: int = DEFAULT_BATCH,
                  echo: Callable[[str], None] = lambda _line: None) -> CopyReport:
    """Copy every row of ``src`` into ``dst`` (see the module docstring); one ``echo`` line per table
    and one for the final count check. Raises CopyError for a non-empty destination without ``force``,
    the same database on both sides, or counts that differ at the end."""
    if batch < 1:
        raise CopyError(f"--batch must be at least 1, not {batch}")
    if src.engine.url == dst.engine.url:
        raise CopyError(f"source and destination are the same database ({_masked(src)}); give two databases")
    started = time.monotonic()
    full = {name: n for name, n in user_row_counts(dst).items() if n}
    if full and not force:
        listed = ", ".join(f"{n} rows in {name}" for name, n in list(full.items())[:5])
        raise CopyError(f"destination {_masked(dst)} is not empty ({listed}); give --force to delete its rows "
                        "and copy over them, or give an empty database")
    if full:
        with dst.engine.begin() as conn:
            for t in reversed(tables()):
                for col in _self_refs(t):
                    conn.execute(update(t).values({col: None}))
                conn.execute(delete(t))
        echo(f"destination emptied ({sum(full.values())} rows deleted)")
    else:
        with dst.engine.begin() as conn:     # the migrations' seeded rows make way for the source's
            for t in tables():
                seeded = _seeded(t, exact=False)
                if seeded is not None:
                    conn.execute(delete(t).where(seeded))
    report = CopyReport()
    for t in tables():
        t0 = time.monotonic()
        if t.name in TRIGGER_FILLED:     # what the triggers wrote for the rows copied so far
            with dst.engine.begin() as conn:
                conn.execute(delete(t))
        report.tables[t.name] = _copy_table(src, dst, t, batch)
        echo(f"{t.name}: {report.tables[t.name]} rows copied ({time.monotonic() - t0:.1f} s)")
    _after_copy(dst)
    want, got = row_counts(src), row_counts(dst)
    wrong = {name: (want[name], got[name]) for name in want if want[name] != got[name]}
    if wrong:
        listed = ", ".join(f"{name}: {a} in the source, {b} in the destination" for name, (a, b) in wrong.items())
        raise CopyError(f"row counts differ after the copy ({listed}); was the source written to meanwhile? "
                        "Stop the workers and copy again with --force")
    report.seconds = time.monotonic() - started
    echo(f"check: {len(want)} tables, {sum(want.values())} rows, the same counts in source and destination")
    return report


def _copy_table(src: Database, dst: Database, t: Table, batch: int) -> int:
    later = _self_refs(t)            # written once every row of the table is there (a later batch's rows)
    [pk] = t.primary_key.columns if later else [None]
    links: dict[str, list[dict]] = {c: [] for c in later}
    n = 0
    with src.engine.connect() as rconn:
        result = rconn.execution_options(stream_results=True, yield_per=batch).execute(
            select(t).order_by(*t.primary_key.columns))
        for part in result.partitions(batch):
            rows = [dict(r._mapping) for r in part]
            for r in rows:
                for c in later:
                    if r[c] is not None:
                        links[c].append({"b_id": r[pk.name], "b_to": r[c]})
                        r[c] = None
            with dst.engine.begin() as wconn:
                wconn.execute(t.insert(), rows)
            n += len(rows)
    for c, params in links.items():
        for i in range(0, len(params), batch):
            with dst.engine.begin() as wconn:
                wconn.execute(update(t).where(pk == bindparam("b_id")).values({c: bindparam("b_to")}),
                              params[i:i + batch])
    return n


def _after_copy(dst: Database) -> None:
    """PostgreSQL: id sequences past the copied ids, statistics; SQLite: the FTS5 indexes checked."""
    dialect = dst.engine.dialect.name
    with dst.engine.begin() as conn:
        if dialect == "postgresql":
            for t in tables():
                pk = list(t.primary_key.columns)
                if len(pk) == 1 and pk[0].autoincrement is not False and pk[0].type.python_type is int:
                    top = f"(SELECT MAX({pk[0].name}) FROM {t.name})"
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence(:t, :c), COALESCE({top}, 1), "
                                      f"{top} IS NOT NULL)"), {"t": t.name, "c": pk[0].name})
        elif dialect == "sqlite":
            for name in FTS_INDEXES:     # raises when an index and its table disagree
                conn.execute(text(f"INSERT INTO {name}({name}) VALUES ('integrity-check')"))
    if dialect == "postgresql":
        with dst.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))
