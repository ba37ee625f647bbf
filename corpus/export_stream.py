"""How an export's rows are read and sent when the reader may be slow (the web's /export/…):

- the rows are written by a producer into a ``Spool`` (an unnamed temporary file) as fast as the
  database gives them; the connection is released when the last row is written, however slowly the
  client then reads. A reader follows the file as it grows (text formats) or waits for it to be
  complete (XLSX, a zip that is finished only at its end);
- ``bounded`` ends the rows at a row limit (XLSX: Excel's 1,048,576 rows a sheet, header included) or
  when the spool passes its disk bound, and then adds one last row that says so (in the file);
- ``write_xlsx_bounded`` writes the workbook with xlsxwriter's constant_memory in a temporary folder it
  watches, so the worksheet XML it spools is within the disk bound too.

The formats themselves (columns, cells, CSV/JSON/JSONL writers) are corpus.export's."""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from typing import IO, Callable, Iterable, Iterator

from . import export as ex

XLSX_MAX_ROWS = 1_048_576            # rows of one Excel sheet, the header row included
CHUNK = 64 * 1024


class ExportCancelled(Exception):
    """The reader went away: the producer stops."""


class Spool:
    """One producer writes bytes, one reader follows them; both by position (os.pwrite/os.pread on one
    unnamed temporary file), so neither needs the other's file offset."""

    def __init__(self, max_bytes: int, *, follow: bool = True, dir: str | None = None):
        self.max_bytes = max_bytes
        self.follow = follow                     # False: the reader waits until the file is complete
        self._file = tempfile.TemporaryFile(prefix="partyfacts-export-", dir=dir)
        self._fd = self._file.fileno()
        self._cond = threading.Condition()
        self.size = 0
        self.done = False
        self.cancelled = False
        self.error: BaseException | None = None
        self._users = 2                          # the producer and the reader; the file closes after both
        self._reader_closed = False

    # -- producer side ------------------------------------------------------------------------------
    @property
    def full(self) -> bool:
        return self.size >= self.max_bytes

    def write(self, data: bytes) -> None:
        if self.cancelled:
            raise ExportCancelled()
        if not data:
            return
        os.pwrite(self._fd, data, self.size)
        with self._cond:
            self.size += len(data)
            self._cond.notify_all()

    def file_writer(self) -> IO[bytes]:
        """A binary file object on the spool for writers that need one (xlsxwriter); the reader sees
        nothing of it until finish() (set follow=False)."""
        spool = self

        class _Writer:
            def __init__(self):
                self.pos = 0

            def write(self, data):
                if not spool.cancelled:       # nobody reads any more: dropped (a zip closing late must not fail)
                    os.pwrite(spool._fd, bytes(data), self.pos)
                self.pos += len(data)
                return len(data)

            def seek(self, pos, whence=0):
                self.pos = pos if whence == 0 else (self.pos + pos if whence == 1 else os.fstat(spool._fd).st_size + pos)
                return self.pos

            def tell(self):
                return self.pos

            def flush(self):
                pass

            def seekable(self):
                return True

            def writable(self):
                return True

            def close(self):
                pass
        return _Writer()

    def finish(self, error: BaseException | None = None) -> None:
        with self._cond:
            if not self.follow and error is None:
                self.size = os.fstat(self._fd).st_size
            self.error = error
            self.done = True
            self._cond.notify_all()
        self._release()

    # -- reader side --------------------------------------------------------------------------------
    def chunks(self, poll: float = 1.0) -> Iterator[bytes]:
        """The bytes as they are written (or, follow=False, once complete). Closing the iterator early
        (the client went away) cancels the producer."""
        offset = 0
        try:
            while True:
                with self._cond:
                    while not self.done and (not self.follow or offset >= self.size):
                        self._cond.wait(poll)
                    if self.error is not None:
                        raise self.error
                    size, done = self.size, self.done
                if offset < size:
                    block = os.pread(self._fd, min(CHUNK, size - offset), offset)
                    offset += len(block)
                    yield block
                elif done:
                    return
        finally:
            self.close_reader()

    def close_reader(self) -> None:
        """The reader is done (or gone): the producer stops at its next write. Idempotent."""
        with self._cond:
            if self._reader_closed:
                return
            self._reader_closed = True
            self.cancelled = True
            self._cond.notify_all()
        self._release()

    def _release(self) -> None:
        with self._cond:
            self._users -= 1
            last = self._users == 0
        if last:
            self._file.close()


def bounded(rows: Iterable[dict], *, max_rows: int | None, full: Callable[[], bool],
            note: Callable[[str, int], dict]) -> Iterator[dict]:
    """The rows, ending at ``max_rows`` or as soon as ``full()`` says the disk bound is reached; then
    one row ``note(reason, n)`` that says the export was cut and how to get the rest."""
    n = 0
    for row in rows:
        if max_rows is not None and n >= max_rows:
            yield note("rows", n)
            return
        if full():
            yield note("bytes", n)
            return
        yield row
        n += 1


class Pacer:
    """Gives the other threads of the process their turn while a producer writes an export: after
    every ``run`` seconds of producing it sleeps ``pause`` seconds, so the pages answered by the same
    process meanwhile get the interpreter (the GIL) and the CPU within milliseconds instead of
    waiting behind a thread that converts rows as fast as it can. At most pause / (run + pause) of
    the export's speed is given away (about 9 % with the defaults)."""

    def __init__(self, run: float = 0.02, pause: float = 0.002, clock: Callable[[], float] = time.perf_counter,
                 sleep: Callable[[float], None] = time.sleep):
        self.run, self.pause, self._clock, self._sleep = run, pause, clock, sleep
        self._since = clock()

    def __call__(self) -> None:
        if self._clock() - self._since >= self.run:
            self._sleep(self.pause)
            self._since = self._clock()

    def rows(self, rows: Iterable[dict]) -> Iterator[dict]:
        """The rows, pacing between them."""
        for row in rows:
            self()
            yield row


def lower_thread_priority(step: int = 10) -> bool:
    """Make the calling thread ``step`` nicer to the scheduler (Linux: a thread has its own nice
    value), so the CPU goes first to the threads answering pages. False where the platform cannot."""
    get_id = getattr(threading, "get_native_id", None)
    if get_id is None or not hasattr(os, "setpriority") or not sys.platform.startswith("linux"):
        return False
    tid = get_id()
    try:
        os.setpriority(os.PRIO_PROCESS, tid, min(19, os.getpriority(os.PRIO_PROCESS, tid) + step))
    except OSError:
        return False
    return True


def note_text(reason: str, n: int, limit: int) -> str:
    if reason == "rows":
        return (f"partyfacts: export truncated after {n:,} rows (an Excel sheet holds {XLSX_MAX_ROWS:,} rows); "
                "narrow the filters or export CSV or JSON Lines")
    return (f"partyfacts: export truncated after {n:,} rows (the server's disk bound of {limit:,} bytes, "
            "setting export_max_bytes); narrow the filters or run `partyfacts export`")


def _dir_size(path: str) -> int:
    total = 0
    for entry in os.scandir(path):
        try:
            total += entry.stat().st_size
        except FileNotFoundError:
            pass
    return total


def write_xlsx_bounded(rows: Iterable[dict], columns: tuple[str, ...], out: IO[bytes], *, sheet: str,
                       max_bytes: int, note: Callable[[str, int], dict], check_every: int = 2000,
                       cancelled: Callable[[], bool] = lambda: False) -> int:
    """An XLSX workbook (xlsxwriter, constant_memory) of at most XLSX_MAX_ROWS rows whose temporary
    worksheet files stay within ``max_bytes``; past either bound the last row is ``note(…)``. Returns
    the number of data rows written (the note included). ExportCancelled as soon as ``cancelled()``."""
    tmpdir = tempfile.mkdtemp(prefix="partyfacts-xlsx-")
    state = {"n": 0, "size": 0}

    def full() -> bool:
        state["n"] += 1
        if state["n"] % check_every == 0:
            if cancelled():
                raise ExportCancelled()
            state["size"] = _dir_size(tmpdir)
        return state["size"] >= max_bytes

    try:   # the workbook of corpus.export, fed the bounded rows, its temp files in the watched folder
        return ex.write_xlsx(bounded(rows, max_rows=XLSX_MAX_ROWS - 2, full=full, note=note), columns, out,
                             sheet=sheet, tmpdir=tmpdir)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
