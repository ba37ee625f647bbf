"""What the command-line modules share: one-line user errors, the settings built by the group
callback, the database opened once per command line, and the job runner."""
from __future__ import annotations

import click

from partyfacts.corpus import DatabaseError, open_db

from .settings import InvalidSetting, Settings


class UserError(click.ClickException):
    """One-line error: what happened and what to do."""

    def format_message(self) -> str:
        # click prints "Error: " before it; a message written as "error: …" is not said twice
        return self.message[len("error: "):] if self.message.startswith("error: ") else self.message


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


def _open(db: str):
    try:
        return open_db(db)
    except DatabaseError as exc:
        raise UserError(str(exc)) from None


def _db(ctx: click.Context):
    """The database of the settings, opened once per command line."""
    obj = ctx.find_root().obj
    if obj.get("database") is None:
        obj["database"] = _open(obj["settings"].db)
    return obj["database"]


def _runner(ctx: click.Context):
    from partyfacts.corpus.jobs import InlineRunner
    return InlineRunner(_db(ctx))
