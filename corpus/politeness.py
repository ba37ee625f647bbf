"""Politeness shared through the database: every crawler process (or worker on another machine using
the same PostgreSQL) books its next request to a host in one row, so together they keep the delay."""
from __future__ import annotations

import time
from typing import Callable

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from .db import Database

_BOOK = text("UPDATE host_slots SET next_at = (CASE WHEN next_at > :now THEN next_at ELSE :now END) + :interval "
             "WHERE host = :host RETURNING next_at")


class DbPoliteness:
    """scraper's PolitenessStore on the `host_slots` table (an atomic UPDATE … RETURNING per booking)."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time):
        self.db, self.clock = db, clock

    def reserve(self, host: str, interval: float) -> float:
        for _ in range(3):
            now = self.clock()
            with self.db.engine.begin() as conn:
                row = conn.execute(_BOOK, {"now": now, "interval": interval, "host": host}).first()
                if row is not None:
                    return max(0.0, row[0] - interval - now)
            try:
                with self.db.engine.begin() as conn:
                    conn.execute(text("INSERT INTO host_slots (host, next_at) VALUES (:host, :next)"),
                                 {"host": host, "next": now + interval})
                return 0.0
            except IntegrityError:  # another process booked the first slot at the same moment
                continue
        raise RuntimeError(f"could not book a request slot for {host} in host_slots; is the database writable?")


def shared_politeness(db: Database):
    """The politeness store crawls on ``db`` use: the shared table, on every database, so several
    crawler processes (or workers) of one host keep its delay together."""
    return DbPoliteness(db)
