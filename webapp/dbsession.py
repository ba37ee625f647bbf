"""The request's database session: opened on first use in a request, committed (or rolled back on
an error) and closed when the request ends. Pages and the admin views share it."""
from __future__ import annotations

from flask import current_app, g


def db_session():
    """The request's SQLAlchemy session (committed or rolled back at teardown)."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["partyfacts_db"].sessionmaker()
    return g.db_session


def close_db_session(exc: BaseException | None) -> None:
    s = g.pop("db_session", None)
    if s is not None:
        if exc is None:
            s.commit()
        else:
            s.rollback()
        s.close()
