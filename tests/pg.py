"""A throwaway PostgreSQL server for tests (Debian's postgresql package), or None when not installed."""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TempPostgres:
    def __init__(self):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise FileNotFoundError("PostgreSQL is not installed (Debian package postgresql)")
        self.bindir = os.path.dirname(bins[-1])
        self.dir = tempfile.mkdtemp(prefix="partyfacts-pg-")
        self.port = _free_port()
        self.as_user = []
        if os.geteuid() == 0:  # postgres refuses to run as root
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        data = os.path.join(self.dir, "data")
        self._run([f"{self.bindir}/initdb", "-D", data, "-A", "trust", "-U", "partyfacts", "--no-sync", "-E", "UTF8"])
        self._run([f"{self.bindir}/pg_ctl", "-D", data, "-l", os.path.join(self.dir, "log"), "-w", "-o",
                   f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off", "start"])
        self.data = data
        self._run([f"{self.bindir}/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "partyfacts", "partyfacts"])

    def _run(self, cmd):
        subprocess.run(self.as_user + cmd, check=True, capture_output=True, timeout=120)

    def url(self, db: str = "partyfacts") -> str:
        return f"postgresql+psycopg://partyfacts@127.0.0.1:{self.port}/{db}"

    def createdb(self, name: str) -> str:
        self._run([f"{self.bindir}/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "partyfacts", name])
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run([f"{self.bindir}/pg_ctl", "-D", self.data, "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


def start_or_skip(why: str = "") -> TempPostgres:
    """A started TempPostgres; without Debian's postgresql the test is skipped — except under CI
    (env CI set), where it fails: `make test` installs the package, so CI never skips these."""
    import pytest
    try:
        return TempPostgres()
    except FileNotFoundError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs PostgreSQL{' ' + why if why else ''}: {exc}")
        pytest.skip(str(exc))


def running_postgres(why: str = ""):
    """The body of a PostgreSQL fixture: ``yield from running_postgres()`` yields a started server
    (see start_or_skip) and stops it when the fixture ends."""
    server = start_or_skip(why)
    try:
        yield server
    finally:
        server.stop()
