"""The database: URL resolution, engine and session lifecycle, migrations to the head on open.

`open_db` takes the database it is given: a SQLAlchemy URL ("postgresql+psycopg://…",
"sqlite:///x.db") or a file path ("corpus.db"). Which database that is (--db, PARTYFACTS_DB, a
settings file, or the default partyfacts.db in the current directory) is the caller's settings'
business; this module reads no environment.
"""
from __future__ import annotations

import functools
import logging
import os
import socket
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import create_engine, event, inspect, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "partyfacts.db"
CLAIM_LEASE = 30.0      # seconds a claim (frontier URL, article being processed) lives without a heartbeat

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(RuntimeError):
    """A database that cannot be opened or migrated; the message says what to do."""


def resolve_url(db: str) -> str:
    """A SQLAlchemy URL for a URL or a file path."""
    if not db:
        raise DatabaseError("no database given; give --db a file path or a SQLAlchemy URL")
    if "://" in db:
        return db
    return "sqlite:///" + str(Path(db).expanduser().resolve())


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
    from partyfacts.nlp.text import fold
    dbapi_conn.create_function("pf_fold", 1, lambda s: fold(s) if s is not None else None, deterministic=True)
    from .sorting import vi_compare   # Vietnamese order for names (corpus.sorting)
    dbapi_conn.create_collation("vi", vi_compare)
    dbapi_conn.create_function("pf_vi_key", 1, _vi_sort_key_cached, deterministic=True)


@functools.lru_cache(maxsize=65536)
def _vi_sort_key_cached(s):
    """corpus.sorting.vi_sort_key, remembered: a list sorted by name computes it for every row it
    sorts (a search's persons: thousands), and the same names come back on every page."""
    from .sorting import vi_sort_key
    return vi_sort_key(s)


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot use database {url!r}: {exc}; give --db a file path or a "
                            "SQLAlchemy URL such as sqlite:///corpus.db or postgresql+psycopg://user@host/db") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


MIGRATION_LOCK = 0x70667900    # the PostgreSQL advisory-lock key held around migrations ("pfy")


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent), under a lock: two processes opening a
    new database at once migrate it once (the second waits, then finds it at the head). PostgreSQL:
    a transaction-level advisory lock; SQLite: the database's write lock (BEGIN IMMEDIATE)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        elif conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")   # pysqlite has not begun one yet: nothing was written
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def insert_for(session_or_conn, model):
    """The dialect's INSERT for ``model`` (it has on_conflict_do_nothing / on_conflict_do_update)."""
    bind = session_or_conn.get_bind() if isinstance(session_or_conn, Session) else session_or_conn
    if bind.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(model)


def try_lock(db: "Database", name: str, holder: str, ttl: float) -> str:
    """Take (or renew) the named lease for ``holder`` for ``ttl`` seconds; returns "" when held,
    else who holds it (and until when). Atomic on both databases: an insert that does nothing when
    the row exists, then an update that only takes a lease that is free, expired or the holder's.
    On PostgreSQL (read committed) the holder can release the lease between that update and the
    read of who holds it: a lease found free (or expired) there is tried for again."""
    from . import models as m
    for _attempt in range(5):
        now = _now()
        until = now + timedelta(seconds=ttl)
        with db.engine.begin() as conn:
            conn.execute(insert_for(conn, m.Lock).values(name=name, holder="", expires_at=None)
                         .on_conflict_do_nothing(index_elements=["name"]))
            taken = conn.execute(update(m.Lock).where(
                m.Lock.name == name,
                (m.Lock.holder == "") | (m.Lock.holder == holder) | (m.Lock.expires_at < now))
                .values(holder=holder, expires_at=until)).rowcount
            if taken == 1:
                return ""
            row = conn.execute(select(m.Lock.holder, m.Lock.expires_at).where(m.Lock.name == name)).first()
        if row is not None and row[0] and row[0] != holder and row[1] is not None and row[1] >= now:
            return f"{row[0]} until {row[1]:%Y-%m-%d %H:%M:%S} UTC"
    # freed and taken again by others at every try: report the last holder seen
    who = row[0] if row is not None and row[0] else "another process"
    until_s = f" until {row[1]:%Y-%m-%d %H:%M:%S} UTC" if row is not None and row[1] is not None else ""
    return f"{who}{until_s}"


def release_lock(db: "Database", name: str, holder: str) -> None:
    """Give the named lease up (a no-op when another holder has taken it since)."""
    from . import models as m
    with db.engine.begin() as conn:
        conn.execute(update(m.Lock).where(m.Lock.name == name, m.Lock.holder == holder)
                     .values(holder="", expires_at=None))


def serialize(session: Session, name: str) -> None:
    """Make the session's transaction the only one past this point for ``name`` until it ends:
    PostgreSQL, a transaction-level advisory lock; SQLite, the database's write lock (taken by
    writing the lock row). For read-modify-write work such as person resolution."""
    from . import models as m
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": zlib.crc32(name.encode()) & 0x7FFFFFFF})
        return
    session.execute(insert_for(session, m.Lock).values(name=name, holder="", expires_at=None)
                    .on_conflict_do_update(index_elements=["name"], set_={"expires_at": None}))


class Heartbeat:
    """One thread that calls ``renew()`` every ``every`` seconds until ``stop()``: a crawl session or a
    process run renews all its claims' leases in one statement per beat, so a live but slow worker
    never loses a claim and a killed one's claims run out within one lease. A failing renewal (the
    database away for a moment) is logged and tried again at the next beat.

        beat = Heartbeat(lambda: renew_my_claims(), every=lease / 3).start()
        ...
        beat.stop()
    """

    def __init__(self, renew: Callable[[], object], every: float, name: str = "partyfacts-heartbeat"):
        self.renew, self.every, self.name = renew, max(0.05, every), name
        self.beats = 0                      # renewals done (tests watch it)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> "Heartbeat":
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
            self._thread.start()
        return self

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.renew()
                self.beats += 1
            except Exception:   # logged with its traceback; the next beat tries again
                log.exception("%s: renewing the leases failed", self.name)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def holder_id() -> str:
    """This process, as a lock or claim holder: host and pid."""
    return f"{socket.gethostname()}:{os.getpid()}"[:128]


@dataclass
class Database:
    url: str
    engine: Engine
    sessionmaker: sessionmaker

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success, rolled back on error."""
        s = self.sessionmaker()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def dispose(self) -> None:
        self.engine.dispose()


def open_db(db: str, *, migrate: bool = True) -> Database:
    """Open (and by default migrate) the database at ``db`` (a SQLAlchemy URL or a file path)."""
    url = resolve_url(db)
    if url.startswith("sqlite:///"):
        parent = Path(url[len("sqlite:///"):]).parent
        if not parent.exists():
            raise DatabaseError(f"cannot create database in {str(parent)!r}: the folder does not exist; "
                                "create it or give --db another path")
    engine = make_engine(url)
    try:
        if migrate:
            upgrade(engine)
        else:
            inspect(engine).get_table_names()
    except OperationalError as exc:
        raise DatabaseError(f"cannot open database {engine.url.render_as_string(hide_password=True)!r}: "
                            f"{exc.orig}; check the path or URL given to --db / PARTYFACTS_DB / the db setting") from exc
    return Database(url, engine, sessionmaker(engine, expire_on_commit=False))
