"""Fixture sites served over real HTTP on 127.0.0.1 (port 0), with faults a test can inject.

A plain module (not conftest) so tests of other packages can import it by path."""
from __future__ import annotations

import gzip
import hashlib
import json
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

SITES = Path(__file__).resolve().parents[1] / "data" / "sites"
UNSEEN_SITES = Path(__file__).resolve().parents[1] / "data" / "sites_unseen"
FAMILIES = ["tandan", "sharepoint", "liferay", "party_newspaper", "wordpress", "generic"]


@dataclass
class Fault:
    status: int | None = None        # answer with this status …
    times: int = 10 ** 9             # … for this many requests, then normally
    retry_after: str | None = None
    delay: float = 0.0               # sleep before answering (slow page)
    truncate: bool = False           # promise more bytes than are sent, then close
    redirect: str | None = None      # Location to redirect to
    body: bytes | None = None        # replace the page body


@dataclass
class SiteServer:
    family: str
    base: str = ""
    faults: dict[str, Fault] = field(default_factory=dict)
    log: list[tuple[float, str, dict]] = field(default_factory=list)   # (time, path, request headers)
    etags: bool = True
    robots: str | None = None        # override robots.txt text
    root: Path = SITES               # directory holding the family directories

    def __post_init__(self):
        d = self.root / self.family
        self.dir = d
        self.routes = json.loads((d / "routes.json").read_text("utf-8"))
        self.expected = json.loads((d / "expected.json").read_text("utf-8"))

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for _, p, _ in self.log if p == path)

    def body_for(self, path: str) -> tuple[bytes, dict] | None:
        r = self.routes
        if path == "/robots.txt":
            text = self.robots if self.robots is not None else r["robots"]
            return text.replace("{base}", self.base).encode(), {"Content-Type": "text/plain"}
        name = r["routes"].get(path)
        if name is None and "?" in path:
            # a portal serves the page whatever navigation parameters ride along (Liferay's redirect=…)
            base, query = path.split("?", 1)
            kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k not in ("redirect", "inheritRedirect")]
            name = r["routes"].get(base + ("?" + urlencode(kept) if kept else ""))
        if name is None:
            return None
        data = (self.dir / name).read_bytes()
        if name.endswith((".xml", ".rss")):
            data = data.replace(b"{base}", self.base.encode())
        if path in r["gzip"]:
            data = gzip.compress(data)
        headers = {"Content-Type": "text/html"}
        headers.update(r["headers"].get(path, {}))
        return data, headers


def _handler(site: SiteServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body leave at once, no 40 ms delayed-ACK stall

        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body: bytes = b"", headers: dict | None = None, length: int | None = None):
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self):  # noqa: N802
            path = self.path
            site.log.append((time.monotonic(), path, dict(self.headers)))
            fault = site.faults.get(path)
            if fault is not None and fault.times > 0:
                fault.times -= 1
                if fault.delay:
                    time.sleep(fault.delay)
                if fault.redirect:
                    return self._send(fault.status or 302, headers={"Location": fault.redirect})
                if fault.status:
                    h = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                    return self._send(fault.status, b"<html><body>error</body></html>", h)
                if fault.truncate:
                    found = site.body_for(path)
                    body = found[0] if found else b"x" * 2000
                    self._send(200, body[: len(body) // 2], {"Content-Type": "text/html"}, length=len(body))
                    self.close_connection = True
                    return
            target = site.routes["redirects"].get(path)
            if target:
                return self._send(301, headers={"Location": target})
            found = site.body_for(path)
            if found is None:
                return self._send(404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"})
            body, headers = found
            if fault is not None and fault.body is not None:
                body = fault.body
            if site.etags and path != "/robots.txt":
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                headers = dict(headers, ETag=etag)
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, headers={"ETag": etag})
            self._send(200, body, headers)

    return Handler


class ManualClock:
    """A clock that moves only when slept on: pass `clock` to LocalPoliteness and `clock.sleep` to
    Fetcher(sleep=...), then assert on `sleeps` (what the fetcher waited) instead of on wall time."""

    def __init__(self, start: float = 1000.0):
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def manual_fetcher(config, clock: "ManualClock"):
    """A Fetcher whose politeness delays and retry pauses go to `clock` (no real sleeping)."""
    from partyfacts.scraper.fetch import Fetcher, LocalPoliteness
    return Fetcher(config, politeness=LocalPoliteness(clock=clock), sleep=clock.sleep)


def fast_config(**kw):
    """A FetchConfig for tests: tiny delays and backoffs, short timeouts."""
    from partyfacts.scraper.fetch import FetchConfig
    base = dict(delay=0.0, timeout=2.0, retries=2, backoff=0.01, max_backoff=0.05, max_retry_after=5.0)
    base.update(kw)
    return FetchConfig(**base)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that hung up (a test's short timeout on a slow page) is expected, not an error to
        print; anything else is reported as usual."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def start_server(family: str, **kw) -> tuple[SiteServer, ThreadingHTTPServer]:
    """A running server for tests/data/sites/<family> (or `root=`…/<family>); the caller shuts it down."""
    site = SiteServer(family, **kw)
    httpd = _Server(("127.0.0.1", 0), _handler(site))
    httpd.daemon_threads = True
    site.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return site, httpd
