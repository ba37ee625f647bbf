"""Polite HTTP fetching: robots.txt (with Crawl-delay and Sitemap lines), one request at a time per
host with a delay, a User-Agent that names partyfacts and a contact, timeouts, retries with
exponential backoff on timeouts / connection errors / 5xx honouring Retry-After (never on 4xx),
conditional GET, and redirects followed only on the start host.

Politeness state (when may this host next be asked?) sits behind `PolitenessStore`, so workers on
several machines can share one store (a database row, Redis) instead of `LocalPoliteness`.
"""
from __future__ import annotations

import email.utils
import logging
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Protocol
from urllib.parse import urljoin, urlsplit

import requests
import requests.adapters
import urllib3
from protego import Protego

from .targets import TargetRefused, check_target
from .urls import host_of

log = logging.getLogger(__name__)

VERSION = "0.1.0"
DEFAULT_CONTACT = "https://github.com/partyfacts/partyfacts"
DEFAULT_DELAY = 1.0


def user_agent(contact: str | None = None) -> str:
    """"partyfacts/<version> (+<contact>; research crawler)"; `contact` is a URL or an e-mail address a
    site admin can write to (DEFAULT_CONTACT when not given). The caller passes it (FetchConfig.contact);
    the library reads no environment variable."""
    contact = contact or DEFAULT_CONTACT
    return f"partyfacts/{VERSION} (+{contact}; research crawler)"


class FetchError(Exception):
    """A page that could not be fetched; str() is one line naming the URL and the problem."""

    def __init__(self, url: str, problem: str, status: int | None = None):
        super().__init__(f"{url}: {problem}")
        self.url, self.problem, self.status = url, problem, status


class RobotsDisallowed(FetchError):
    """robots.txt forbids the URL, or could not be read at all (`unreachable`: the server is down)."""

    def __init__(self, url: str, problem: str, status: int | None = None, *, unreachable: bool = False):
        super().__init__(url, problem, status)
        self.unreachable = unreachable


@dataclass(frozen=True)
class FetchedPage:
    url: str                    # the URL asked for
    final_url: str              # after redirects
    status: int                 # 200, or 304 when not modified
    headers: dict[str, str]
    content: bytes
    fetched_at: datetime
    elapsed: float = 0.0
    truncated: bool = False     # the transfer broke off on every try; content is what arrived

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def etag(self) -> str:
        return self.headers.get("etag", "")

    @property
    def last_modified(self) -> str:
        return self.headers.get("last-modified", "")


class PolitenessStore(Protocol):
    """When may a host next be asked? Shared by every fetcher that crawls the same hosts."""

    def reserve(self, host: str, interval: float) -> float:
        """Book the next request slot for `host`, at least `interval` s after the previous one;
        return how many seconds the caller must sleep before sending it."""
        ...

    def hold(self, host: str, seconds: float) -> None:
        """No request to `host` for `seconds` from now (a Retry-After), by any fetcher sharing the store."""
        ...

    # optional: sent(host, interval), called once the reserved request was answered (or failed); a
    # store shared by processes uses it to start the next request `interval` after that answer


class LocalPoliteness:
    """In-process politeness state: the booked time of the next request per host."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._clock = clock

    def reserve(self, host: str, interval: float) -> float:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + interval
            return slot - now

    def hold(self, host: str, seconds: float) -> None:
        with self._lock:
            now = self._clock()
            self._next[host] = max(self._next.get(host, now), now + seconds)


@dataclass
class FetchConfig:
    """Fetcher settings; every default is the polite one."""
    delay: float = DEFAULT_DELAY          # seconds between requests to one host (robots Crawl-delay if larger)
    timeout: float = 20.0                 # seconds to wait for each read of the response
    page_deadline: float = 60.0           # seconds one response may take in all, headers to last byte (a
                                          # server dripping bytes slower than this loses the page, not the crawl)
    connect_timeout: float = 10.0         # seconds to wait for the connection (at most `timeout`)
    retries: int = 3                      # extra attempts on timeouts, connection errors, 5xx, 429
    backoff: float = 1.0                  # first retry waits this long, then doubles
    max_backoff: float = 60.0
    max_retry_after: float = 300.0        # a longer Retry-After gives up instead of waiting
    max_redirects: int = 10
    max_bytes: int = 20 * 1024 * 1024     # larger bodies are refused
    contact: str | None = None           # in the User-Agent, for site admins (None = DEFAULT_CONTACT)
    obey_robots: bool = True
    keep_truncated: bool = True           # a page cut off on every try is kept (and flagged) rather than lost
    max_crawl_delay: float = 60.0         # cap on a robots.txt Crawl-delay
    refuse_private: bool = False          # True: each fetch re-resolves the host and refuses loopback/private/
                                          # link-local addresses (scraper.targets; against DNS rebinding)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


@dataclass
class Robots:
    parser: Protego | None          # None = no robots.txt (everything allowed)
    problem: str = ""               # why everything is disallowed, when robots.txt was unreachable

    def allowed(self, url: str, agent: str) -> bool:
        if self.problem:
            return False
        return self.parser is None or self.parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        return self.parser.crawl_delay(agent) if self.parser else None

    def sitemaps(self) -> list[str]:
        return list(self.parser.sitemaps) if self.parser else []


class Fetcher:
    """Fetch pages politely. One instance per crawl; thread-safe for different hosts."""

    def __init__(self, config: FetchConfig | None = None, *, politeness: PolitenessStore | None = None,
                 session: requests.Session | None = None, sleep: Callable[[float], None] = time.sleep):
        self.config = config or FetchConfig()
        self.politeness = politeness or LocalPoliteness()
        if session is None:
            session = requests.Session()
            adapter = _TrackingAdapter()
            session.mount("http://", adapter)
            session.mount("https://", adapter)
        self.session = session
        self.user_agent = user_agent(self.config.contact)
        self.session.headers.update({"User-Agent": self.user_agent,
                                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                                     "Accept-Language": "vi,en;q=0.5"})
        self._robots: dict[str, Robots] = {}
        self._sleep = sleep
        self.requests_sent = 0

    # -- robots.txt ---------------------------------------------------------------------------
    def robots(self, url: str) -> Robots:
        """robots.txt of the URL's origin, fetched once. 4xx = no rules; 5xx or unreachable after
        retries = everything disallowed (RFC 9309 §2.3.1.4), with the problem kept as the reason."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self._robots:
            return self._robots[origin]
        robots_url = origin + "/robots.txt"
        try:
            page = self._get(robots_url, {}, interval=self.config.delay, check_robots=False)
            if 200 <= page.status < 300:
                body = page.content.decode("utf-8", errors="replace")
                rb = Robots(Protego.parse(body))
            else:
                rb = Robots(None)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                rb = Robots(None)
            else:
                rb = Robots(None, problem=f"robots.txt unreachable ({exc.problem}), so nothing is fetched")
                log.warning("%s", exc)
        self._robots[origin] = rb
        return rb

    def interval(self, url: str) -> float:
        """Seconds between requests to this URL's host: --delay or robots Crawl-delay, the larger."""
        delay = self.config.delay
        if self.config.obey_robots:
            cd = self.robots(url).crawl_delay(self.user_agent)
            if cd:
                delay = max(delay, min(float(cd), self.config.max_crawl_delay))
        return delay

    def allowed(self, url: str) -> bool:
        return not self.config.obey_robots or self.robots(url).allowed(url, self.user_agent)

    # -- fetching -----------------------------------------------------------------------------
    def fetch(self, url: str, *, etag: str = "", last_modified: str = "") -> FetchedPage:
        """GET `url` politely. Returns the page (status 304 when the validators still hold).
        Raises RobotsDisallowed, or FetchError for 4xx, exhausted retries, off-host redirects, a
        private address (refuse_private)."""
        if self.config.refuse_private:
            try:
                check_target(url)
            except TargetRefused as exc:
                raise FetchError(url, str(exc)) from None
        if self.config.obey_robots:
            rb = self.robots(url)
            if not rb.allowed(url, self.user_agent):
                raise RobotsDisallowed(url, rb.problem or "disallowed by robots.txt", unreachable=bool(rb.problem))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, interval=self.interval(url), check_robots=self.config.obey_robots)

    def _get(self, url: str, headers: dict, *, interval: float, check_robots: bool) -> FetchedPage:
        start_host = host_of(url)
        current = url
        for _hop in range(self.config.max_redirects + 1):
            resp, elapsed = self._attempts(current, headers, interval)
            if resp.is_redirect or resp.status_code in (301, 302, 303, 307, 308):
                loc = resp.headers.get("location")
                resp.close()
                if not loc:
                    raise FetchError(current, f"HTTP {resp.status_code} redirect without a Location header",
                                     resp.status_code)
                target = urljoin(current, loc)
                if host_of(target) != start_host:
                    raise FetchError(url, f"redirects off the start host to {target}", resp.status_code)
                if check_robots and not self.robots(target).allowed(target, self.user_agent):
                    raise RobotsDisallowed(url, f"redirects to {target}, disallowed by robots.txt")
                current = target
                continue
            content, broke = self._read(current, resp, elapsed)
            hdrs = {k.lower(): v for k, v in resp.headers.items()}
            tries = 0
            while broke and resp.status_code == 200 and tries < self.config.retries:
                tries += 1
                log.info("%s: %s, retry %d/%d", current, broke, tries, self.config.retries)
                self._sleep(min(self.config.backoff * (2 ** (tries - 1)), self.config.max_backoff))
                resp, elapsed = self._attempts(current, headers, interval)
                if resp.status_code != 200:
                    resp.close()
                    break
                again, broke = self._read(current, resp, elapsed)
                if len(again) >= len(content):
                    content, hdrs = again, {k.lower(): v for k, v in resp.headers.items()}
            if broke:
                if not (self.config.keep_truncated and content and resp.status_code == 200):
                    raise FetchError(current, broke)
                log.warning("%s: %s every time; keeping the %d bytes received", current, broke, len(content))
                return FetchedPage(url, current, 200, hdrs, content, datetime.now(timezone.utc), elapsed,
                                   truncated=True)
            if resp.status_code == 304:
                return FetchedPage(url, current, 304, hdrs, b"", datetime.now(timezone.utc), elapsed)
            if resp.status_code >= 400:
                raise FetchError(current, f"HTTP {resp.status_code} {resp.reason or ''}".rstrip(), resp.status_code)
            return FetchedPage(url, current, resp.status_code, hdrs, content, datetime.now(timezone.utc), elapsed)
        raise FetchError(url, f"more than {self.config.max_redirects} redirects")

    def _read(self, url: str, resp: requests.Response, spent: float = 0.0) -> tuple[bytes, str]:
        """(body, "") or, when the transfer broke off, (the bytes received, why). The whole response must
        arrive within `page_deadline` seconds (`spent` of them went on the headers): every socket read is
        bounded by what is left, so a server dripping bytes cannot hold the crawl. Raises FetchError past
        the deadline or the size limit."""
        chunks, size = [], 0
        raw = resp.raw
        cfg = self.config
        deadline = time.monotonic() + max(0.0, cfg.page_deadline - spent)
        if hasattr(raw, "enforce_content_length"):
            raw.enforce_content_length = False  # keep what arrived; the length is checked below
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise FetchError(url, f"page not received within the {cfg.page_deadline:g} s page deadline "
                                          f"({size} bytes arrived); the server is too slow")
                _bound_socket_timeout(raw, min(cfg.timeout, left))
                # read1: whatever has arrived (a bounded wait), so the deadline is checked between reads
                chunk = raw.read1(65536, decode_content=True) if hasattr(raw, "read1") else raw.read(65536)
                if not chunk:
                    break
                size += len(chunk)
                if size > cfg.max_bytes:
                    raise FetchError(url, f"page larger than {cfg.max_bytes} bytes, not read")
                chunks.append(chunk)
            expected = resp.headers.get("content-length", "")
            wire = raw.tell() if hasattr(raw, "tell") else size
            if expected.isdigit() and wire < int(expected):
                return b"".join(chunks), f"transfer broke off after {wire} of {expected} bytes"
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            if time.monotonic() >= deadline:
                raise FetchError(url, f"page not received within the {cfg.page_deadline:g} s page deadline "
                                      f"({size} bytes arrived); the server is too slow") from None
            return b"".join(chunks), f"transfer broke off after {size} bytes ({type(exc).__name__})"
        finally:
            resp.close()
        return b"".join(chunks), ""

    def _sent(self, host: str, interval: float) -> None:
        """Tell a store that takes turns (``sent``) that the reserved request was answered or failed."""
        sent = getattr(self.politeness, "sent", None)
        if sent is not None:
            sent(host, interval)

    def _attempts(self, url: str, headers: dict, interval: float) -> tuple[requests.Response, float]:
        """Send with retries. Returns the first response that is not 5xx/429; raises FetchError."""
        host = host_of(url)
        cfg = self.config
        problem = ""
        for attempt in range(cfg.retries + 1):
            wait = self.politeness.reserve(host, interval)
            if wait > 0:
                self._sleep(wait)
            t0 = time.monotonic()
            retry_after = None
            # a server dripping its headers would hold a read timeout forever: cut the socket at the deadline
            watchdog = _HeaderWatchdog(cfg.page_deadline)
            try:
                self.requests_sent += 1
                read_timeout = min(cfg.timeout, cfg.page_deadline)
                with watchdog:
                    try:
                        resp = self.session.get(url, headers=headers,
                                                timeout=(min(cfg.connect_timeout, read_timeout), read_timeout),
                                                allow_redirects=False, stream=True)
                    except BaseException:
                        self._sent(host, interval)
                        raise
            except requests.RequestException as exc:
                if watchdog.fired:
                    raise FetchError(url, f"headers not received within the {cfg.page_deadline:g} s page deadline; "
                                          f"the server is too slow") from None
                if isinstance(exc, requests.Timeout):
                    problem = f"timed out after {cfg.timeout:g} s"
                elif isinstance(exc, requests.ConnectionError):
                    problem = f"cannot connect ({_root_cause(exc)})"
                else:
                    raise FetchError(url, f"request failed ({_root_cause(exc)})") from None
            else:
                if resp.status_code < 500 and resp.status_code != 429:
                    self._sent(host, interval)
                    return resp, time.monotonic() - t0
                problem = f"HTTP {resp.status_code} {resp.reason or ''}".rstrip()
                retry_after = _retry_after(resp.headers.get("retry-after"))
                hold = getattr(self.politeness, "hold", None)
                if retry_after is not None and hold is not None:
                    # every fetcher of the host waits it out (held before the host is freed: no one slips in)
                    hold(host, min(retry_after, cfg.max_retry_after))
                self._sent(host, interval)
                resp.close()
                if attempt == cfg.retries:
                    raise FetchError(url, f"{problem} after {cfg.retries + 1} attempts", resp.status_code)
            if attempt == cfg.retries:
                break
            pause = min(cfg.backoff * (2 ** attempt), cfg.max_backoff)
            if retry_after is not None:
                if retry_after > cfg.max_retry_after:
                    raise FetchError(url, f"{problem}; Retry-After {retry_after:g} s is longer than "
                                          f"{cfg.max_retry_after:g} s, giving up")
                pause = max(pause, retry_after)
            log.info("%s: %s, retry %d/%d in %.1f s", url, problem, attempt + 1, cfg.retries, pause)
            self._sleep(pause)
        raise FetchError(url, f"{problem} after {cfg.retries + 1} attempts")


_IN_FLIGHT: dict[int, object] = {}     # thread id → the urllib3 connection it is sending on
_IN_FLIGHT_LOCK = threading.Lock()


class _TrackingAdapter(requests.adapters.HTTPAdapter):
    """An HTTPAdapter that notes which connection each thread is using, so `_HeaderWatchdog` can cut it."""

    def get_connection_with_tls_context(self, *args, **kw):
        pool = super().get_connection_with_tls_context(*args, **kw)
        if not getattr(pool, "_partyfacts_tracked", False):
            get_conn = pool._get_conn

            def tracked_get_conn(timeout=None):
                conn = get_conn(timeout)
                with _IN_FLIGHT_LOCK:
                    _IN_FLIGHT[threading.get_ident()] = conn
                return conn

            pool._get_conn = tracked_get_conn
            pool._partyfacts_tracked = True
        return pool


class _HeaderWatchdog:
    """While entered, shuts down the calling thread's connection once `seconds` have passed (the
    blocked read then fails, and `fired` tells the caller why)."""

    def __init__(self, seconds: float):
        self.seconds, self.fired = seconds, False
        self._thread = threading.get_ident()
        self._timer: threading.Timer | None = None

    def _fire(self) -> None:
        with _IN_FLIGHT_LOCK:
            conn = _IN_FLIGHT.get(self._thread)
        sock = getattr(conn, "sock", None)
        if sock is not None:
            self.fired = True
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass  # already closed: the read is over anyway

    def __enter__(self):
        self._thread = threading.get_ident()
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with _IN_FLIGHT_LOCK:
            _IN_FLIGHT.pop(self._thread, None)


def _bound_socket_timeout(raw, seconds: float) -> None:
    """Let the next socket read of a streamed response wait at most `seconds` (urllib3 keeps the
    timeout of the request otherwise)."""
    sock = getattr(getattr(raw, "_connection", None), "sock", None)
    if sock is None:
        fp = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(fp, "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(0.05, seconds))


def _root_cause(exc: BaseException) -> str:
    """The innermost error message (urllib3 wraps several layers)."""
    seen = exc
    while seen.__context__ is not None and seen.__context__ is not seen:
        seen = seen.__context__
    msg = str(seen) or type(seen).__name__
    if "Connection refused" in msg or "Errno 111" in msg:
        return "connection refused: is the server up?"
    if "Name or service not known" in msg or "nodename nor servname" in msg or "getaddrinfo" in msg:
        return "host name not found"
    return msg.splitlines()[0][:200]
