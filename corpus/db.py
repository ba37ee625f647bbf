"""The database: URL resolution, engine and session lifecycle, migrations to the head on open.

`open_db` takes the database it is given: a SQLAlchemy URL ("postgresql+psycopg://…",
"sqlite:///x.db") or a file path ("corpus.db"). Which database that is (--db, PARTYFACTS_DB, a
settings file, or the default partyfacts.db in the current directory) is the caller's settings'
business; this module reads no environment.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_DB = "partyfacts.db"
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


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise DatabaseError(f"cannot use database {url!r}: {exc}; give --db a file path or a "
                            "SQLAlchemy URL such as sqlite:///corpus.db or postgresql+psycopg://user@host/db") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest migration (idempotent)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


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
