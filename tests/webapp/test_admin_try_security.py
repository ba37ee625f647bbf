"""Crawls page and admin actions (login, CSRF), Try it, languages, security headers and error pages."""
from __future__ import annotations

import re


from webcorpus import ADMIN_PASSWORD
from partyfacts.webapp.app import create_app
from partyfacts.webapp.settings import Settings


def _csrf(client, url):
    html = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _login(client):
    token = _csrf(client, "/login")
    r = client.post("/login", data={"password": ADMIN_PASSWORD, "csrf_token": token})
    assert r.status_code == 302


def _site_id(client):
    return next(s["id"] for s in client.get("/api/crawls").get_json()["sites"] if s["name"] == "gold-portal")


def test_crawls_page_shows_sites_runs_and_errors_without_login(client):
    html = client.get("/crawls").get_data(as_text=True)
    assert "gold-portal" in html and "every 6h" in html and "connection refused &lt;b&gt;" in html
    assert "/schedule" not in html  # no admin forms for a reader
    data = client.get("/api/crawls").get_json()
    run = data["runs"][0]
    assert run["status"] == "failed" and run["errors"] == 1 and run["rejected"] == {"not an article": 2}
    assert all(s["href"].startswith("/crawls#site-") for s in data["sites"])


def test_schedule_change_needs_admin_login(client):
    sid = _site_id(client)
    r = client.post(f"/crawls/sites/{sid}/schedule", data={"schedule": "every 1h", "csrf_token": _csrf(client, "/login")})
    assert r.status_code == 403


def test_wrong_password_is_refused(client):
    r = client.post("/login", data={"password": "guess", "csrf_token": _csrf(client, "/login")})
    assert r.status_code == 401 and "crawls" not in r.headers.get("Location", "")


def test_post_without_csrf_token_is_refused_even_when_logged_in(client):
    _login(client)
    r = client.post(f"/crawls/sites/{_site_id(client)}/schedule", data={"schedule": "every 2h"})
    assert r.status_code == 400


def test_admin_changes_a_schedule_and_invalid_ones_are_explained(client):
    _login(client)
    sid = _site_id(client)
    token = _csrf(client, "/crawls")
    r = client.post(f"/crawls/sites/{sid}/schedule", data={"schedule": "0 */3 * * *", "csrf_token": token},
                    follow_redirects=True)
    assert r.status_code == 200
    assert next(s for s in client.get("/api/crawls").get_json()["sites"] if s["id"] == sid)["schedule"] == "0 */3 * * *"
    r = client.post(f"/crawls/sites/{sid}/schedule", data={"schedule": "often", "csrf_token": token},
                    follow_redirects=True)
    assert "often" in r.get_data(as_text=True)
    assert next(s for s in client.get("/api/crawls").get_json()["sites"] if s["id"] == sid)["schedule"] == "0 */3 * * *"
    client.post(f"/crawls/sites/{sid}/schedule", data={"schedule": "every 6h", "csrf_token": token})


def test_crawl_button_queues_a_request_and_starts_no_thread(tmp_path, monkeypatch):
    """"Crawl now" records the request in the database; the web process starts no job thread."""
    import threading

    from werkzeug.security import generate_password_hash

    from partyfacts.corpus import models as m
    from partyfacts.corpus import open_db

    start = threading.Thread.start

    def no_thread(self, *a, **kw):
        if isinstance(self, threading.Timer):   # the rate limiter's in-memory expiry timer, not a job
            return start(self, *a, **kw)
        raise AssertionError("the web layer started a thread")
    monkeypatch.setattr(threading.Thread, "start", no_thread)
    db = open_db(str(tmp_path / "q.db"))
    with db.session() as s:
        s.add(m.Site(name="example.org", base_url="https://example.org/"))
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "ADMIN_PASSWORD_HASH": generate_password_hash(ADMIN_PASSWORD)},
                     database=db)
    client = app.test_client()
    _login(client)
    sid = next(s["id"] for s in client.get("/api/crawls").get_json()["sites"] if s["name"] == "example.org")
    token = _csrf(client, "/crawls")
    en = {"Accept-Language": "en"}
    r = client.post(f"/crawls/sites/{sid}/start", data={"csrf_token": token}, headers=en, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "Crawl of example.org queued" in html and 'class="tag queued"' in html
    assert client.get("/api/crawls").get_json()["queued"] == ["example.org"]
    again = client.post(f"/crawls/sites/{sid}/start", data={"csrf_token": token}, headers=en, follow_redirects=True)
    assert "A crawl of example.org is already queued" in again.get_data(as_text=True)
    with db.session() as s:
        assert s.get(m.Site, sid).crawl_requested_at is not None
    db.dispose()


def test_queued_crawl_is_run_by_the_schedule_tick_and_leaves_the_queue(tmp_path):
    """The crawl queued from the web UI, run by `partyfacts schedule --once` against the sample portal."""
    from click.testing import CliRunner
    from werkzeug.security import generate_password_hash

    from partyfacts.corpus import models as m
    from partyfacts.corpus import open_db
    from partyfacts.corpus.demo import load_articles, serve_portal
    from partyfacts.corpus.schedule import add_site
    from partyfacts.webapp.cli import main

    portal = serve_portal(load_articles()[:3])
    path = tmp_path / "crawl.db"
    db = open_db(str(path))
    try:
        row = add_site(db, portal.url, "every 6h", delay=0.0, max_pages=10, allow_private=True)   # the portal is on 127.0.0.1
        with db.session() as s:
            site = s.get(m.Site, row.id)
            site.schedule, site.last_crawl_at = "", None     # not scheduled: only the request makes it due
        app = create_app({"TESTING": True, "SECRET_KEY": "k",
                          "ADMIN_PASSWORD_HASH": generate_password_hash(ADMIN_PASSWORD)}, database=db,
                         settings=Settings.build(env={"PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}))
        client = app.test_client()
        private = {"PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}
        assert CliRunner().invoke(main, ["--db", str(path), "schedule", "--once"], env=private).output.endswith("0 sites were due\n")
        _login(client)
        client.post(f"/crawls/sites/{row.id}/start", data={"csrf_token": _csrf(client, "/crawls")})
        res = CliRunner().invoke(main, ["--db", str(path), "schedule", "--once"], env=private)
        assert res.exit_code == 0, res.output
        assert "1 sites were due" in res.output and "processed" in res.output
        with db.session() as s:
            site = s.get(m.Site, row.id)
            assert site.crawl_requested_at is None and site.last_crawl_at is not None
            assert s.query(m.Article).count() >= 1 and s.query(m.CrawlRun).count() == 1
        assert client.get("/api/crawls").get_json()["queued"] == []
        again = CliRunner().invoke(main, ["--db", str(path), "schedule", "--once"], env=private)
        assert again.output.endswith("0 sites were due\n")
    finally:
        portal.close()
        db.dispose()


def test_login_is_off_without_a_configured_hash(corpus_file):
    app = create_app({"DATABASE": str(corpus_file), "ADMIN_PASSWORD_HASH": "", "SECRET_KEY": "k"})
    c = app.test_client()
    assert 'name="password"' not in c.get("/login").get_data(as_text=True)
    app.extensions["partyfacts_db"].dispose()


def test_try_it_extracts_pasted_text_escapes_it_and_stores_nothing(client):
    before = client.get("/api/").get_json()["counts"]
    text = "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy Vĩnh Phúc, dự hội nghị. <script>alert(1)</script>"
    r = client.post("/try", data={"text": text, "csrf_token": _csrf(client, "/try")})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and 'id="doctext"' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert client.get("/api/").get_json()["counts"] == before
    assert client.post("/try", data={"text": text}).status_code == 400  # no CSRF token


def test_api_extract_answers_the_facts_contract_and_bounds_the_text(client):
    r = client.post("/api/extract", json={"text": "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy Vĩnh Phúc."})
    assert r.status_code == 200
    assert set(r.get_json()) >= {"persons", "roles", "places", "organizations", "figures", "dates"}
    assert client.post("/api/extract", json={"text": "x" * 20_001}).status_code == 400
    assert client.post("/api/extract", data="nope").status_code == 400


def test_interface_switches_between_vietnamese_and_english(client):
    assert "Tìm" in client.get("/").get_data(as_text=True)
    r = client.get("/", query_string={"lang": "en"})
    assert ">Search<" in r.get_data(as_text=True) and "lang=en" in r.headers["Set-Cookie"]
    assert ">Search<" in client.get("/persons").get_data(as_text=True)  # the cookie keeps it
    assert ">Tìm<" in client.get("/persons", query_string={"lang": "vi"}).get_data(as_text=True)


def test_english_browser_gets_english_by_default(app):
    c = app.test_client()
    assert ">Search<" in c.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).get_data(as_text=True)


def test_numbers_are_written_the_way_each_language_writes_them(client):
    html = client.get("/figures", query_string={"unit": "đảng viên", "lang": "vi"}).get_data(as_text=True)
    assert re.search(r">\d{1,3}\.\d{3}<", html)
    html = client.get("/figures", query_string={"unit": "đảng viên", "lang": "en"}).get_data(as_text=True)
    assert re.search(r">\d{1,3},\d{3}<", html)


def test_every_message_key_used_by_templates_exists_in_both_languages(app):
    from pathlib import Path

    from partyfacts.webapp.i18n import messages
    cat = messages()
    used = set()
    for f in Path(app.root_path, "templates").glob("*.html"):
        used |= set(re.findall(r"_\('([a-z0-9_]+)'", f.read_text(encoding="utf-8")))
    for f in Path(app.root_path).glob("*.py"):
        used |= set(re.findall(r"\bt\(\"([a-z0-9_]+)\"", f.read_text(encoding="utf-8")))
    dynamic = {f"table_{t}" for t in ("articles", "persons", "roles", "places", "organizations", "figures")} | \
              {f"type_{t}" for t in ("person", "role", "place", "organization", "figure")} | \
              {f"error_title_{c}" for c in (400, 403, 404, 405, 413, 500)} | {"era_legacy", "era_2025"}
    for k in {k for k in used if not k.endswith("_")} | dynamic:  # "table_" ~ t: prefixes of the dynamic keys
        assert k in cat and cat[k].get("vi") and cat[k].get("en"), k


def test_security_headers_forbid_inline_script_and_framing(client):
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    script = re.search(r"script-src ([^;]+)", csp).group(1)
    assert "'self'" in script and "unsafe-inline" not in script and "unsafe-eval" not in script
    assert "frame-ancestors 'none'" in csp and r.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in r.get_data(as_text=True)  # every script is a static file
    assert "style=" not in r.get_data(as_text=True)


def test_error_pages_are_friendly_html_or_json(corpus_file):
    app = create_app({"DATABASE": str(corpus_file), "SECRET_KEY": "k"})

    @app.get("/boom")
    def boom():
        raise RuntimeError("kaput")
    c = app.test_client()
    r = c.get("/boom")
    html = r.get_data(as_text=True)
    assert r.status_code == 500 and "<h1>500" in html and "kaput" not in html
    assert c.post("/persons").status_code == 405
    r = c.get("/api/articles", query_string={"q": "x" * 300})
    assert r.status_code == 400 and r.is_json and "200" in r.get_json()["error"]
    big = c.post("/api/extract", data=b"x" * (3 * 1024 * 1024), content_type="application/json")
    assert big.status_code == 413
    app.extensions["partyfacts_db"].dispose()


def test_repeated_wrong_passwords_are_throttled_per_address(client):
    for _ in range(5):
        r = client.post("/login", data={"password": "guess", "csrf_token": _csrf(client, "/login")})
        assert r.status_code == 401
    r = client.post("/login", data={"password": ADMIN_PASSWORD, "csrf_token": _csrf(client, "/login")})
    assert r.status_code == 429  # even the right password waits out the window
    assert "try again" in r.get_data(as_text=True) or "thử lại" in r.get_data(as_text=True)


def test_login_throttle_window_expires():
    from partyfacts.webapp.admin import LoginThrottle
    now = [0.0]
    th = LoginThrottle(limit=2, window=60, clock=lambda: now[0])
    th.fail("1.2.3.4")
    th.fail("1.2.3.4")
    assert th.retry_after("1.2.3.4") == 61 and th.retry_after("5.6.7.8") == 0
    now[0] = 61.0
    assert th.retry_after("1.2.3.4") == 0
