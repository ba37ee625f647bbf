"""Crawls page and admin actions (login, CSRF), Try it, languages, security headers and error pages."""
from __future__ import annotations

import re


from webcorpus import ADMIN_PASSWORD
from partyfacts.webapp.app import create_app


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


def test_admin_starts_a_crawl_in_the_background(client, monkeypatch):
    import partyfacts.webapp.admin as admin
    started = []

    class FakeThread:
        def __init__(self, target, args, name, daemon):
            started.append(args[1:3])

        def start(self):
            pass
    monkeypatch.setattr(admin.threading, "Thread", FakeThread)
    _login(client)
    r = client.post(f"/crawls/sites/{_site_id(client)}/start", data={"csrf_token": _csrf(client, "/crawls")})
    assert r.status_code == 302 and started == [("http://127.0.0.1:9/", "gold-portal")]


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


def test_background_crawl_fetches_the_site_and_clears_its_running_mark(tmp_path):
    """The job a 'Crawl now' button starts, run inline against the bundled sample portal."""
    from partyfacts.corpus import open_db
    from partyfacts.corpus.demo import load_articles, serve_portal
    from partyfacts.webapp.admin import _crawl_in_background
    portal = serve_portal(load_articles()[:3])
    db = open_db(str(tmp_path / "crawl.db"))
    try:
        running = {"portal"}
        _crawl_in_background(db, portal.url, "portal", 0.0, 10, running)
        assert running == set()
        with db.session() as s:
            from partyfacts.corpus import models as m
            assert s.query(m.Article).count() >= 1 and s.query(m.CrawlRun).count() >= 1
    finally:
        portal.close()
        db.dispose()


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
