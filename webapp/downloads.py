"""Exports over HTTP without pinning a database connection for a slow download, and a bound on how
many run at once.

- A producer thread reads the rows in its own short-lived session and writes the file into a spool
  (corpus.export_stream.Spool, a temporary file with a disk bound, setting export_max_bytes); the
  response follows the spool. The pool connection is back as soon as the rows are written, however
  slowly the client reads; a client that goes away stops the producer.
- Slots bound the exports in progress, in total (export_max_concurrent) and per client address
  (export_max_per_client), over every worker process of the machine: a slot is an exclusive
  ``flock`` on one of N files in a folder of the temp directory (the lock goes with the process,
  so a killed worker frees its slots). A request beyond either bound gets 429 with Retry-After.
- XLSX is bounded to Excel's 1,048,576 rows and to the disk bound; a cut file says so in its last row.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from flask import Response, copy_current_request_context, current_app, jsonify, request

from partyfacts.corpus import export as ex
from partyfacts.corpus import export_stream as es

from .i18n import t

log = logging.getLogger(__name__)

RETRY_AFTER = 30          # seconds a refused client is asked to wait
CLIENT_BUCKETS = 4096     # client addresses hash into this many per-client slot groups


class Slots:
    """At most ``total`` holders at once, at most ``per_client`` of them for one client key; shared
    by every process that uses the same ``folder``."""

    def __init__(self, folder: Path, total: int, per_client: int):
        self.folder, self.total, self.per_client = Path(folder), total, per_client
        self.folder.mkdir(parents=True, exist_ok=True)

    def _take(self, names: list[str]) -> int | None:
        for name in names:
            fd = os.open(self.folder / name, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            return fd
        return None

    def acquire(self, client: str) -> "Lease | None":
        """A lease (release it when the download ends), or None when a bound is reached."""
        # one of CLIENT_BUCKETS files per client (a bounded folder; two clients rarely share one)
        key = int.from_bytes(hashlib.sha256(client.encode("utf-8", "surrogatepass")).digest()[:8], "big") % CLIENT_BUCKETS
        mine = self._take([f"client-{key}-{i}" for i in range(self.per_client)])
        if mine is None:
            return None
        shared = self._take([f"total-{i}" for i in range(self.total)])
        if shared is None:
            os.close(mine)
            return None
        return Lease((mine, shared))


@dataclass
class Lease:
    fds: tuple[int, ...]

    def release(self) -> None:
        fds, self.fds = self.fds, ()
        for fd in fds:
            os.close(fd)            # closing the descriptor drops its flock


def slots_for(app) -> Slots:
    ext = app.extensions
    if "partyfacts_export_slots" not in ext:
        settings = ext["partyfacts_settings"]
        folder = app.config.get("EXPORT_SLOTS_DIR") or os.path.join(
            tempfile.gettempdir(),
            "partyfacts-export-slots-" + hashlib.sha256(app.config["DATABASE"].encode()).hexdigest()[:12])
        ext["partyfacts_export_slots"] = Slots(Path(folder), settings.export_max_concurrent,
                                               settings.export_max_per_client)
    return ext["partyfacts_export_slots"]


def too_many() -> Response:
    resp = jsonify({"error": t("error_export_busy", seconds=RETRY_AFTER), "status": 429})
    resp.status_code = 429
    resp.headers["Retry-After"] = str(RETRY_AFTER)
    return resp


def _note_row(fmt: str, columns: tuple[str, ...], limit: int):
    def note(reason: str, n: int) -> dict:
        text = es.note_text(reason, n, limit)
        if fmt in ("json", "jsonl"):
            return {"truncated": True, "rows": n, "message": text}
        return {columns[0]: text}
    return note


def send_export(table: str, fmt: str, columns: tuple[str, ...], make_rows, headers: dict) -> Response:
    """The export response: 429 when the slots are taken, else the file streamed from a spool that a
    producer thread fills. ``make_rows(session)`` gives the rows (run in the producer's own session)."""
    app = current_app._get_current_object()
    lease = slots_for(app).acquire(request.remote_addr or "?")
    if lease is None:
        log.info("export refused for %s: the export slots are taken", request.remote_addr)
        return too_many()
    settings = app.extensions["partyfacts_settings"]
    limit = app.config.get("EXPORT_MAX_BYTES") or settings.export_max_bytes
    database = app.extensions["partyfacts_db"]
    spool = es.Spool(limit, follow=fmt != "xlsx")
    note = _note_row(fmt, columns, limit)

    @copy_current_request_context
    def produce():
        started = time.monotonic()
        error = None
        # the pages answered meanwhile come first: this thread is nicer to the scheduler and pauses
        # now and then (es.Pacer) so the requests of its process get the GIL between its rows
        es.lower_thread_priority()
        pacer = es.Pacer()
        try:
            with database.session() as s:
                if fmt == "xlsx":
                    es.write_xlsx_bounded(pacer.rows(make_rows(s)), columns, spool.file_writer(), sheet=table,
                                          max_bytes=limit, note=note, cancelled=lambda: spool.cancelled)
                else:
                    rows = es.bounded(pacer.rows(make_rows(s)), max_rows=None, full=lambda: spool.full, note=note)
                    it = {"csv": lambda: ex.iter_csv(rows, columns), "json": lambda: ex.iter_json(rows),
                          "jsonl": lambda: ex.iter_jsonl(rows)}[fmt]()
                    for chunk in it:
                        spool.write(chunk.encode("utf-8"))
        except es.ExportCancelled:
            log.info("export of %s cancelled: the client went away", table)
        except Exception as exc:        # logged here; the reader ends the download short
            log.exception("export of %s failed", table)
            error = exc
        finally:
            spool.finish(error)
            log.info("export of %s (%s) read in %.1f s; %d bytes", table, fmt, time.monotonic() - started, spool.size)

    def done():
        spool.close_reader()
        lease.release()

    try:
        threading.Thread(target=produce, name=f"export-{table}", daemon=True).start()
    except BaseException:
        done()
        spool.finish()
        raise
    def body():
        try:
            yield b""      # the status and headers go out now (an XLSX is sent once it is complete)
            yield from spool.chunks()
        finally:
            done()

    resp = Response(body(), content_type=ex.MIME[fmt], headers=headers)
    resp.call_on_close(done)     # the download ended, or the client went away before it began
    return resp
