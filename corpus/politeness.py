"""Politeness shared through the database: every crawler process (or worker on another machine using
the same database) takes its turn at a host through one row of `host_slots`, so together they never
ask a host faster than the delay (--delay, or robots.txt Crawl-delay when larger):

- ``reserve`` waits until no other crawler is sending to the host, then marks the host busy and
  answers how long to wait until its next slot (``next_at``);
- ``sent`` (the fetcher calls it once the response's headers are in, or the request failed) frees the
  host and sets its next slot ``delay`` after now — so the next request of any crawler starts at
  least ``delay`` after the previous one was answered, whatever either crawler's scheduling jitter;
- ``hold`` pushes the next slot past a Retry-After one crawler received, for all of them.

A crawler that dies between ``reserve`` and ``sent`` holds the host for at most ``busy`` seconds.
Atomic on both databases: single UPDATE statements with conditions, and an INSERT for a new host."""
from __future__ import annotations

import time
from typing import Callable

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from .db import Database

BUSY_SECONDS = 20.0     # how long a crawler may hold a host between reserve and sent (it died, or hung)
POLL_SECONDS = 0.05     # how often a crawler waiting for a busy host looks again

_TAKE = text("UPDATE host_slots SET busy_until = (CASE WHEN next_at > :now THEN next_at ELSE :now END) + :busy "
             "WHERE host = :host AND (busy_until IS NULL OR busy_until <= :now) RETURNING next_at")
_SENT = text("UPDATE host_slots SET next_at = (CASE WHEN next_at > :next THEN next_at ELSE :next END), "
             "busy_until = NULL WHERE host = :host")
_HOLD = text("UPDATE host_slots SET next_at = (CASE WHEN next_at > :until THEN next_at ELSE :until END) "
             "WHERE host = :host")
_NEW = text("INSERT INTO host_slots (host, next_at, busy_until) VALUES (:host, :next, :busy)")


class DbPoliteness:
    """scraper's PolitenessStore on the `host_slots` table."""

    def __init__(self, db: Database, clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep, busy: float = BUSY_SECONDS):
        self.db, self.clock, self.sleep, self.busy = db, clock, sleep, busy

    def reserve(self, host: str, interval: float) -> float:
        """Wait while another crawler is sending to ``host``; then take the host and answer the
        seconds until its next slot (the caller sleeps them, sends, and calls `sent`)."""
        while True:
            now = self.clock()
            with self.db.engine.begin() as conn:
                row = conn.execute(_TAKE, {"now": now, "busy": self.busy, "host": host}).first()
                if row is None:
                    known = conn.execute(text("SELECT 1 FROM host_slots WHERE host = :host"), {"host": host}).first()
            if row is not None:
                return max(0.0, row[0] - now)
            if known is None:
                try:
                    with self.db.engine.begin() as conn:
                        conn.execute(_NEW, {"host": host, "next": now, "busy": now + self.busy})
                    return 0.0
                except IntegrityError:  # another crawler asked for the host's first slot at the same moment
                    continue
            self.sleep(POLL_SECONDS)

    def sent(self, host: str, interval: float) -> None:
        """The request taken by `reserve` has been answered (or failed): free the host; its next
        request not before ``interval`` from now."""
        with self.db.engine.begin() as conn:
            conn.execute(_SENT, {"next": self.clock() + interval, "host": host})

    def hold(self, host: str, seconds: float) -> None:
        """No slot for ``host`` before ``seconds`` from now (a Retry-After), for every crawler."""
        until = self.clock() + seconds
        with self.db.engine.begin() as conn:
            if conn.execute(_HOLD, {"until": until, "host": host}).rowcount:
                return
        try:
            with self.db.engine.begin() as conn:
                conn.execute(_NEW, {"host": host, "next": until, "busy": None})
        except IntegrityError:   # booked by another crawler meanwhile: push that row
            with self.db.engine.begin() as conn:
                conn.execute(_HOLD, {"until": until, "host": host})


def shared_politeness(db: Database):
    """The politeness store crawls on ``db`` use: the shared table, on every database, so several
    crawler processes (or workers) of one host keep its delay together."""
    return DbPoliteness(db)
