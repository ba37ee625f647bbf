"""What the command-line modules share: one-line user errors, the settings built by the group
callback, the database opened once per command line, the job runner, and the boundary where any
exception that escapes a command becomes one `Error: ` line (a traceback only with --verbose)."""
from __future__ import annotations

import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from partyfacts.corpus import DatabaseError, open_db

from .settings import InvalidSetting, Settings

DB_WAY_OUT = "check --db (or PARTYFACTS_DB / the db setting)"


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of blanks folded into single spaces (libraries such
    as libpq end their messages with a second, indented line)."""
    return " ".join(str(text).split())


class UserError(click.ClickException):
    """One-line error: what happened and what to do."""

    def format_message(self) -> str:
        # click prints "Error: " before it; a message written as "error: …" is not said twice
        msg = self.message[len("error: "):] if self.message.startswith("error: ") else self.message
        return one_line(msg)


class SettingValueError(click.ClickException):
    """A setting with a value that cannot be used (from the file, the environment or a flag):
    one line naming the setting, the value and where it came from; exit status 2, like a bad option."""
    exit_code = 2


def _settings(ctx: click.Context) -> Settings:
    """The settings built once by the group callback."""
    return ctx.find_root().obj["settings"]


def _with_flags(ctx: click.Context, **flags) -> Settings:
    """The settings with a command's own options on top (None = not given), validated."""
    try:
        return _settings(ctx).with_flags(**flags)
    except InvalidSetting as exc:
        raise SettingValueError(str(exc)) from None


def _sqlite_file(db: str) -> Path | None:
    """The file of a SQLite database given as a path or sqlite:/// URL (None: another database, or in memory)."""
    from sqlalchemy.engine import make_url

    from partyfacts.corpus.db import resolve_url
    url = make_url(resolve_url(db))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:") \
            or url.database.startswith("file:"):
        return None
    return Path(url.database)


def _open(db: str, *, create: bool = True):
    """Open (and migrate) the database ``db``. ``create=False`` (the commands that only read or
    change what is stored) refuses a SQLite file that does not exist instead of creating an empty
    database under a mistyped name."""
    from sqlalchemy.exc import SQLAlchemyError
    try:
        file = _sqlite_file(db) if db else None
    except (ValueError, SQLAlchemyError) as exc:   # make_url: a port that is not a number, an unknown form
        raise UserError(f"cannot use database URL {db!r}: {one_line(str(exc))}; give --db a file path or a "
                        "SQLAlchemy URL such as sqlite:///corpus.db or postgresql+psycopg://user@host:5432/db") from None
    if not create and file is not None and not file.exists():
        raise UserError(f"database {str(file)!r} does not exist; {DB_WAY_OUT}, or create it with "
                        "`partyfacts ingest` or `partyfacts crawl`")
    try:
        return open_db(db)
    except DatabaseError as exc:
        raise UserError(one_line(str(exc))) from None
    except SQLAlchemyError as exc:          # e.g. "file is not a database": a file that is not SQLite
        reason = one_line(str(getattr(exc, "orig", None) or exc))
        raise UserError(f"cannot open database {db!r}: {reason}; {DB_WAY_OUT}: it must name a partyfacts "
                        "database (a SQLite file partyfacts created, or a new file) or a SQLAlchemy URL") from None


def _db(ctx: click.Context, *, create: bool = False):
    """The database of the settings, opened once per command line. Only the commands that store
    new articles (ingest, crawl, site add, schedule, worker) pass ``create=True``; the others
    refuse a database file that does not exist."""
    obj = ctx.find_root().obj
    if obj.get("database") is None:
        obj["database"] = _open(obj["settings"].db, create=create)
    return obj["database"]


def _runner(ctx: click.Context, *, create: bool = False):
    from partyfacts.corpus.jobs import InlineRunner
    return InlineRunner(_db(ctx, create=create))


# -- the boundary ---------------------------------------------------------------------------------

class _OwnMessages(logging.Filter):
    """Without --verbose only partyfacts' own warnings reach stderr; libraries (trafilatura,
    htmldate, charset-normalizer, urllib3, …) log their internal trouble at WARNING/ERROR for
    input that partyfacts already reports in its own words."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name == "partyfacts" or record.name.startswith("partyfacts.")


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a record is emitted (a command line run in-process,
    as the tests and `CliRunner` do, swaps it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def configure_logging(verbose: bool) -> None:
    """Logging of one command line: everything at DEBUG with --verbose, else partyfacts' own
    warnings only (the handler of an earlier command line in the same process is replaced)."""
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not verbose:
        handler.addFilter(_OwnMessages())
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.captureWarnings(True)     # warnings.warn from libraries go through the same filter


def _module_of(exc: BaseException) -> str:
    return type(exc).__module__.split(".")[0]


def boundary_error(exc: Exception, ctx: click.Context) -> click.ClickException:
    """The one-line error for an exception no command turned into a UserError."""
    from sqlalchemy.exc import SQLAlchemyError
    what = one_line(str(exc)) or type(exc).__name__
    if _module_of(exc) in ("redis", "kombu", "celery", "amqp"):
        broker = (ctx.obj or {}).get("settings")
        where = f" at {broker.broker}" if broker is not None and getattr(broker, "broker", "") else ""
        return UserError(f"the job broker{where} failed ({what.rstrip('.')}); start Redis there, give "
                         "--broker (or PARTYFACTS_BROKER) a working redis:// URL, or none to run the jobs inline")
    if isinstance(exc, SQLAlchemyError):
        reason = one_line(str(getattr(exc, "orig", None) or exc))
        return UserError(f"the database failed ({reason.rstrip('.')}); {DB_WAY_OUT} and that the database server is running")
    if isinstance(exc, OSError) and exc.strerror:
        name = f"{exc.filename}: " if exc.filename else ""
        return UserError(f"{name}{exc.strerror}; check the path and its permissions")
    return UserError(f"unexpected {type(exc).__name__}: {what}. This is a bug in partyfacts: run the command "
                     "again with --verbose for the traceback and report it")


class BoundaryGroup(click.Group):
    """The `partyfacts` group: an exception that escapes a command is printed as one `Error: `
    line with exit status 1 (the traceback too with --verbose), never as a bare traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if ctx.params.get("verbose"):
                raise
            logging.getLogger("partyfacts.cli").debug("command failed", exc_info=True)
            raise boundary_error(exc, ctx) from None


class IdType(click.ParamType):
    """A database id on the command line, by the web app's rule (webapp.params): ASCII digits,
    1 … 2^63-1 — "²" or a 30-digit number is a usage error, not an overflow deep in the driver."""
    name = "ID"

    def convert(self, value, param, ctx):
        from .params import ParamError, parse_id
        if isinstance(value, int):
            return value
        try:
            return parse_id(str(value))
        except ParamError:
            self.fail(f"{str(value)[:30]!r} is not an id: a whole number from 1 to {2**63 - 1} written with "
                      "the digits 0-9", param, ctx)


ID = IdType()


@contextmanager
def written_atomically(output: Path, *, binary: bool = False, newline: str = ""):
    """A file handle on ``output``'s ``.part`` twin: when the block ends without error the twin
    replaces ``output``; on any error it is removed, so a file that was already there stays whole."""
    tmp = output.with_name(output.name + ".part")
    try:
        with (open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline=newline)) as fh:
            yield fh
        os.replace(tmp, output)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
