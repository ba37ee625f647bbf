"""Serving under load and attack (issue 12): slow export readers, export slots, rate limits, admin
session invalidation, login lock-out, proxies, crawl targets."""
from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from werkzeug.security import generate_password_hash

from partyfacts.webapp.app import create_app
from partyfacts.webapp.settings import Settings
from webcorpus import ADMIN_PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _app(corpus_file, env=None, **config):
    settings = Settings.build(env={**(env or {})})
    return create_app({"DATABASE": str(corpus_file), "TESTING": True, "SECRET_KEY": "test",
                       "ADMIN_PASSWORD_HASH": generate_password_hash(ADMIN_PASSWORD), **config}, settings=settings)


def _csrf(client, url):
    import re
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(url).get_data(as_text=True)).group(1)


def _big_copy(corpus_file, tmp_path, doublings=6) -> Path:
    """The web corpus with its figures table doubled ``doublings`` times: exports larger than any
    socket buffer, so a slow reader really holds its download open."""
    path = tmp_path / "big.db"
    shutil.copy(corpus_file, path)
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute("PRAGMA table_info(figures)") if r[1] != "id"]
    for _ in range(doublings):
        con.execute(f"INSERT INTO figures ({', '.join(cols)}) SELECT {', '.join(cols)} FROM figures")
    con.commit()
    con.close()
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _slow_request(port: int, path: str) -> tuple[socket.socket, str, str]:
    """Send a GET and read the answer one byte at a time up to the end of the headers; the body is
    left unread (a tiny receive buffer). Returns (socket, status line, headers)."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
    s.settimeout(60)
    s.connect(("127.0.0.1", port))
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = b""
    while not head.endswith(b"\r\n\r\n"):
        b = s.recv(1)
        if not b:
            break
        head += b
    text = head.decode("latin-1")
    return s, text.split("\r\n", 1)[0], text


# -- export slots and slow readers ---------------------------------------------------------------------

def test_export_slots_bound_exports_per_client_and_in_total(tmp_path):
    from partyfacts.webapp.downloads import Slots
    slots = Slots(tmp_path, total=3, per_client=2)
    a1, a2 = slots.acquire("10.0.0.1"), slots.acquire("10.0.0.1")
    assert a1 and a2 and slots.acquire("10.0.0.1") is None          # per client
    b1 = slots.acquire("10.0.0.2")
    assert b1 and slots.acquire("10.0.0.3") is None                  # in total
    a1.release()
    assert slots.acquire("10.0.0.3") is not None


def test_an_export_beyond_the_slots_gets_429_with_retry_after(corpus_file, tmp_path):
    from partyfacts.webapp.downloads import Slots
    app = _app(corpus_file, env={"PARTYFACTS_EXPORT_MAX_CONCURRENT": "1", "PARTYFACTS_RATE_LIMIT_EXPORT": ""},
               EXPORT_SLOTS_DIR=str(tmp_path))
    held = Slots(tmp_path, 1, 2).acquire("someone else")        # another process's export holds the slot
    r = app.test_client().get("/export/roles.csv")
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0 and r.get_json()["status"] == 429
    held.release()
    r = app.test_client().get("/export/roles.csv")
    assert r.status_code == 200 and r.get_data().startswith(b"\xef\xbb\xbf")
    app.extensions["partyfacts_db"].dispose()


def test_a_slow_export_reader_does_not_hold_a_database_connection(corpus_file, tmp_path):
    from werkzeug.serving import make_server
    big = _big_copy(corpus_file, tmp_path)
    app = _app(big, env={"PARTYFACTS_RATE_LIMIT_EXPORT": ""}, EXPORT_SLOTS_DIR=str(tmp_path / "slots"))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    pool = app.extensions["partyfacts_db"].engine.pool
    readers = []
    try:
        for _ in range(2):
            s, status, _ = _slow_request(port, "/export/figures.json")
            assert " 200 " in status
            readers.append(s)
        for _ in range(200):                    # the producers finish while nobody reads
            if pool.checkedout() == 0:
                break
            time.sleep(0.05)
        assert pool.checkedout() == 0
        body = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=x", timeout=30)
        assert body.status == 200
    finally:
        for s in readers:
            s.close()
        server.shutdown()
        app.extensions["partyfacts_db"].dispose()


@pytest.mark.slow
def test_sixteen_slow_readers_under_gunicorn_leave_search_answering_and_get_429_beyond_the_slots(corpus_file, tmp_path):
    big = _big_copy(corpus_file, tmp_path)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTYFACTS_")}
    env.update(PARTYFACTS_EXPORT_MAX_CONCURRENT="4", PARTYFACTS_EXPORT_MAX_PER_CLIENT="16",
               PARTYFACTS_RATE_LIMIT_EXPORT="", PARTYFACTS_RATE_LIMIT_SEARCH="", TMPDIR=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-m", "partyfacts.webapp.cli", "--db", str(big), "serve", "--port",
                             str(port), "--workers", "1", "--threads", "8"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    readers = []
    try:
        for _ in range(300):
            try:
                first = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=x", timeout=5)
                assert first.headers["Server"].startswith("gunicorn")        # not the development server
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        statuses = []
        for _ in range(16):
            s, status, head = _slow_request(port, "/export/figures.json")
            statuses.append(status.split()[1])
            if statuses[-1] == "429":
                assert "Retry-After:" in head
            readers.append(s)
        assert statuses.count("200") == 4 and statuses.count("429") == 12
        for _ in range(5):                      # the slow readers hang; other pages answer
            r = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q=x", timeout=30)
            assert r.status == 200
            r = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/persons", timeout=30)
            assert r.status == 200
    finally:
        for s in readers:
            s.close()
        proc.terminate()
        proc.wait(timeout=60)
    assert proc.returncode is not None


def test_a_disk_bound_ends_the_export_with_a_row_that_says_so(corpus_file, tmp_path):
    import csv
    import io
    big = _big_copy(corpus_file, tmp_path)
    app = _app(big, env={"PARTYFACTS_RATE_LIMIT_EXPORT": ""}, EXPORT_SLOTS_DIR=str(tmp_path),
               EXPORT_MAX_BYTES=20000)
    c = app.test_client()
    rows = list(csv.reader(io.StringIO(c.get("/export/figures.csv").get_data().decode("utf-8-sig"))))
    with sqlite3.connect(big) as con:
        total = con.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert len(rows) - 2 < total     # the header and the note besides the rows
    assert "export truncated" in rows[-1][0] and "export_max_bytes" in rows[-1][0]
    lines = c.get("/export/roles.jsonl").get_data(as_text=True).splitlines()
    import json
    assert json.loads(lines[-1])["truncated"] is True
    app.extensions["partyfacts_db"].dispose()


def test_xlsx_ends_at_the_row_bound_with_a_note(tmp_path):
    import openpyxl

    from partyfacts.corpus import export_stream as es
    rows = ({"a": i, "b": "x"} for i in range(50))
    out = tmp_path / "t.xlsx"
    with open(out, "wb") as fh:
        n = es.write_xlsx_bounded(es.bounded(rows, max_rows=10, full=lambda: False,
                                             note=lambda r, n: {"a": es.note_text(r, n, 0)}),
                                  ("a", "b"), fh, sheet="t", max_bytes=10**9,
                                  note=lambda r, n: {"a": es.note_text(r, n, 0)})
    ws = openpyxl.load_workbook(out, read_only=True).active
    values = [r[0] for r in ws.iter_rows(values_only=True)]
    assert n == 11 and values[1:11] == list(range(10)) and "1,048,576" in values[11]


# -- rate limits ---------------------------------------------------------------------------------------

def test_extract_and_try_share_a_rate_limit_with_a_clear_429(corpus_file):
    app = _app(corpus_file, env={"PARTYFACTS_RATE_LIMIT_EXTRACT": "2/minute"}, WTF_CSRF_ENABLED=False)
    c = app.test_client()
    assert c.post("/api/extract", json={"text": "Ông Nguyễn Văn A."}).status_code == 200
    assert c.get("/try").status_code == 200                      # reading the form costs nothing
    assert c.post("/try", data={"text": "Ông Nguyễn Văn A."}).status_code == 200
    r = c.post("/api/extract", json={"text": "x"})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 0
    assert "Too many requests" in r.get_json()["error"] or "Quá nhiều" in r.get_json()["error"]
    vi = c.post("/try", data={"text": "x"}, headers={"Accept-Language": "vi"})
    assert vi.status_code == 429 and "Quá nhiều yêu cầu" in vi.get_data(as_text=True)
    en = c.post("/try?lang=en", data={"text": "x"})
    assert en.status_code == 429 and "Too many requests" in en.get_data(as_text=True)
    other = app.test_client()
    r = other.post("/api/extract", json={"text": "x"}, environ_base={"REMOTE_ADDR": "10.1.1.1"})
    assert r.status_code == 200                                    # per client
    app.extensions["partyfacts_db"].dispose()


def test_search_page_and_api_share_the_search_limit(corpus_file):
    app = _app(corpus_file, env={"PARTYFACTS_RATE_LIMIT_SEARCH": "2/minute"})
    c = app.test_client()
    assert c.get("/search?q=a").status_code == 200 and c.get("/api/search?q=a").status_code == 200
    assert c.get("/api/search?q=a").status_code == 429
    assert c.get("/search?q=a").status_code == 429
    assert c.get("/api/persons").status_code == 200
    app.extensions["partyfacts_db"].dispose()


def test_proxies_setting_decides_whose_address_is_limited(corpus_file):
    fwd = {"X-Forwarded-For": "203.0.113.9"}
    trusted = _app(corpus_file, env={"PARTYFACTS_RATE_LIMIT_SEARCH": "1/minute", "PARTYFACTS_PROXIES": "1"})
    c = trusted.test_client()
    assert c.get("/api/search?q=a", headers=fwd).status_code == 200
    assert c.get("/api/search?q=a", headers={"X-Forwarded-For": "203.0.113.10"}).status_code == 200
    assert c.get("/api/search?q=a", headers=fwd).status_code == 429
    untrusted = _app(corpus_file, env={"PARTYFACTS_RATE_LIMIT_SEARCH": "1/minute"})
    c = untrusted.test_client()
    assert c.get("/api/search?q=a", headers=fwd).status_code == 200
    assert c.get("/api/search?q=a", headers={"X-Forwarded-For": "203.0.113.10"}).status_code == 429
    for a in (trusted, untrusted):
        a.extensions["partyfacts_db"].dispose()


# -- admin sessions and lock-out ------------------------------------------------------------------------

def _login(client, **kw):
    return client.post("/login", data={"password": ADMIN_PASSWORD, "csrf_token": _csrf(client, "/login")}, **kw)


def _is_admin(client) -> bool:
    return "/logout" in client.get("/crawls").get_data(as_text=True)


def test_a_cookie_copied_before_logout_is_not_admin_after_it(corpus_file):
    app = _app(corpus_file)
    c = app.test_client()
    assert _login(c).status_code == 302 and _is_admin(c)
    stolen = c.get_cookie("session").value
    c.post("/logout", data={"csrf_token": _csrf(c, "/crawls")})
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    assert not _is_admin(thief)
    r = thief.post("/crawls/sites/1/schedule", data={"schedule": "every 1h"})
    assert r.status_code in (400, 403)
    app.extensions["partyfacts_db"].dispose()


def test_a_new_password_ends_the_sessions_of_the_old_one(corpus_file):
    app = _app(corpus_file)
    c = app.test_client()
    _login(c)
    cookie = c.get_cookie("session").value
    changed = create_app({"DATABASE": str(corpus_file), "TESTING": True, "SECRET_KEY": "test",
                          "ADMIN_PASSWORD_HASH": generate_password_hash("another password")},
                         settings=Settings.build(env={}))
    replay = changed.test_client()
    replay.set_cookie("session", cookie)
    assert not _is_admin(replay)
    same = app.test_client()
    same.set_cookie("session", cookie)
    assert _is_admin(same)
    for a in (app, changed):
        a.extensions["partyfacts_db"].dispose()


def test_session_cookie_secure_setting_marks_the_cookie_secure(corpus_file):
    app = _app(corpus_file, env={"PARTYFACTS_SESSION_COOKIE_SECURE": "1"})
    c = app.test_client()
    r = c.get("/login", base_url="https://localhost")      # the CSRF token starts the session
    cookies = r.headers.getlist("Set-Cookie")
    assert cookies and all("Secure" in v for v in cookies)
    plain = _app(corpus_file).test_client().get("/login")
    assert plain.headers.getlist("Set-Cookie") and not any("Secure" in v for v in plain.headers.getlist("Set-Cookie"))
    app.extensions["partyfacts_db"].dispose()


def test_failed_logins_lock_the_address_and_briefly_the_account_but_not_a_known_browser(corpus_file):
    from partyfacts.webapp.admin import AccountLock, LoginThrottle
    app = _app(corpus_file)
    frozen = lambda: 1000.0      # noqa: E731 — no time passes during the test
    app.extensions["partyfacts_account_lock"] = AccountLock(clock=frozen)
    app.extensions["partyfacts_login_throttle"] = LoginThrottle(clock=frozen)
    admin = app.test_client()
    assert _login(admin, environ_base={"REMOTE_ADDR": "198.51.100.1"}).status_code == 302   # a known browser
    admin.post("/logout", data={"csrf_token": _csrf(admin, "/crawls")})
    attacker = app.test_client()
    for _ in range(5):
        r = attacker.post("/login", data={"password": "guess", "csrf_token": _csrf(attacker, "/login")},
                          environ_base={"REMOTE_ADDR": "203.0.113.5"})
        assert r.status_code == 401
    r = attacker.post("/login", data={"password": "guess", "csrf_token": _csrf(attacker, "/login")},
                      environ_base={"REMOTE_ADDR": "203.0.113.5"})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) > 60          # the address: minutes
    stranger = app.test_client()                                                  # another address, no cookie
    r = stranger.post("/login", data={"password": ADMIN_PASSWORD, "csrf_token": _csrf(stranger, "/login")},
                      environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert r.status_code == 429 and 0 < int(r.headers["Retry-After"]) <= 60      # the account: seconds
    r = _login(admin, environ_base={"REMOTE_ADDR": "198.51.100.1"})
    assert r.status_code == 302 and _is_admin(admin)                             # the admin's browser gets in
    app.extensions["partyfacts_db"].dispose()


def test_account_backoff_doubles_and_is_capped():
    from partyfacts.webapp.admin import AccountLock
    now = [0.0]
    lock = AccountLock(free=2, max_wait=60, clock=lambda: now[0])
    waits = []
    for _ in range(12):
        lock.fail()
        waits.append(lock.retry_after())
    assert waits[:7] == [0, 1, 2, 4, 8, 16, 32] and waits[7:] == [60] * 5
    lock.clear()
    assert lock.retry_after() == 0


# -- crawl targets ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, problem", [
    ("http://127.0.0.1:8000/", "loopback"), ("http://[::1]/", "loopback"), ("http://localhost/", "loopback"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"), ("http://10.0.0.5/", "private"),
    ("http://192.168.1.1/", "private"), ("http://0.0.0.0/", "unspecified"), ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("ftp://example.org/", "not an http(s) URL"), ("file:///etc/passwd", "not an http(s) URL"),
])
def test_private_and_non_web_crawl_targets_are_refused_naming_the_setting(url, problem):
    from partyfacts.scraper.targets import TargetRefused, check_target
    with pytest.raises(TargetRefused) as err:
        check_target(url)
    assert problem in str(err.value) and len(str(err.value).splitlines()) == 1
    if problem != "not an http(s) URL":
        assert "allow_private_targets" in str(err.value)
        check_target(url, allow_private=True)


def test_a_host_is_refused_when_any_of_its_addresses_is_private():
    from partyfacts.scraper.targets import TargetRefused, check_target
    check_target("https://news.example.vn/", resolve=lambda h, p: ["93.184.216.34"])
    with pytest.raises(TargetRefused, match="news.example.vn .10.1.2.3. is a private address"):
        check_target("https://news.example.vn/", resolve=lambda h, p: ["93.184.216.34", "10.1.2.3"])


def test_cli_refuses_a_private_crawl_target_in_one_line_unless_the_setting_allows_it(tmp_path):
    from click.testing import CliRunner

    from partyfacts.webapp.cli import main
    db = str(tmp_path / "t.db")
    res = CliRunner().invoke(main, ["--db", db, "site", "add", "http://169.254.169.254/"], env={})
    assert res.exit_code == 1 and "link-local" in res.output and "allow_private_targets" in res.output
    assert len(res.output.strip().splitlines()) == 1
    res = CliRunner().invoke(main, ["--db", db, "crawl", "http://127.0.0.1:9/"], env={})
    assert res.exit_code == 1 and "loopback" in res.output and len(res.output.strip().splitlines()) == 1
    res = CliRunner().invoke(main, ["--db", db, "site", "add", "http://[::1]:8080/"],
                             env={"PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"})
    assert res.exit_code == 0 and "http://[::1]:8080/" in res.output


def test_an_ipv6_site_url_keeps_its_brackets():
    from partyfacts.scraper.urls import canonical_url
    assert canonical_url("http://[::1]:8080/a") == "http://[::1]:8080/a"
    assert canonical_url("https://[2001:db8::1]/") == "https://[2001:db8::1]/"


def test_the_fetcher_rechecks_the_address_at_fetch_time_when_told_to():
    from partyfacts.scraper.fetch import FetchConfig, FetchError, Fetcher
    with pytest.raises(FetchError, match="loopback.*allow_private_targets"):
        Fetcher(FetchConfig(refuse_private=True, obey_robots=False, delay=0.01)).fetch("http://127.0.0.1:9/")


def test_a_crawl_job_refuses_a_private_start_url_unless_its_config_allows_it(tmp_path):
    from partyfacts.corpus import open_db
    from partyfacts.corpus.jobs import CrawlConfig, CrawlError, crawl_urls
    db = open_db(str(tmp_path / "c.db"))
    with pytest.raises(CrawlError, match="169.254.169.254 is a link-local address"):
        crawl_urls(db, ["http://169.254.169.254/latest/"], config=CrawlConfig())
    db.dispose()


def test_serve_runs_gunicorn_with_the_flags_and_one_secret_for_every_worker(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import partyfacts.webapp.server as server
    from partyfacts.corpus import open_db
    from partyfacts.webapp.cli import main
    seen = {}

    def fake_gunicorn(make_app, opts):
        seen["opts"], seen["options"] = opts, server.gunicorn_options(opts)
        seen["apps"] = [make_app(), make_app()]          # what two workers would build after the fork
    monkeypatch.setattr(server, "run_gunicorn", fake_gunicorn)
    monkeypatch.delenv("PARTYFACTS_SECRET_KEY", raising=False)
    open_db(str(tmp_path / "s.db")).dispose()        # serve reads an existing database (it refuses a missing one)
    port = _free_port()
    res = CliRunner().invoke(main, ["--db", str(tmp_path / "s.db"), "serve", "--port", str(port), "--workers", "3",
                                    "--threads", "5", "--timeout", "30"], env={"PARTYFACTS_SERVE_THREADS": "9"})
    assert res.exit_code == 0, res.output
    opts, options, apps = seen["opts"], seen["options"], seen["apps"]
    assert (opts.workers, opts.threads, opts.timeout) == (3, 5, 30.0)
    assert options["worker_class"] == "gthread" and options["graceful_timeout"] == 30 and options["bind"] == [f"127.0.0.1:{port}"]
    assert options["secure_scheme_headers"] == {}                 # only ProxyFix (the proxies setting) trusts headers
    assert apps[0].config["SECRET_KEY"] == apps[1].config["SECRET_KEY"] != ""
    assert apps[0].extensions["partyfacts_db"] is not apps[1].extensions["partyfacts_db"]
    for a in apps:
        a.extensions["partyfacts_db"].dispose()


def test_serve_names_a_taken_port_in_one_line(tmp_path):
    from click.testing import CliRunner

    from partyfacts.corpus import open_db
    from partyfacts.webapp.cli import main
    open_db(str(tmp_path / "s.db")).dispose()        # serve reads an existing database (it refuses a missing one)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        res = CliRunner().invoke(main, ["--db", str(tmp_path / "s.db"), "serve", "--port", str(port)])
    assert res.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in res.output
    assert len(res.output.strip().splitlines()) == 1
