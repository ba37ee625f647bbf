"""Dead jobs: a queued job that fails on every retry is recorded with its error in the dead_jobs
table (every job kind; a crawl also as a failed crawl run of its site) and shown by `partyfacts stats`
(real redis-server, a real Celery worker in a thread of the test process)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import JOBS, CrawlConfig, Job, JobFailed, QueueConfig, QueueRunner
from partyfacts.corpus.jobs.queue import dead_jobs
from partyfacts.scraper.fetch import Fetcher
from partyfacts.webapp.cli import main

from conftest import thread_worker   # noqa: E402  (tests/jobs/conftest.py)


def _config(broker, db_path, **kw) -> QueueConfig:
    return QueueConfig(broker=broker, db=str(db_path), backoff=0.05, backoff_max=0.2, **kw)


def test_a_crawl_whose_fetch_always_raises_is_dead_with_its_error_in_dead_jobs_crawl_runs_and_stats(
        broker, tmp_path, site, monkeypatch):
    def fetch_raises(self, url, **_):
        raise RuntimeError(f"the TLS library crashed on {url}")
    monkeypatch.setattr(Fetcher, "fetch", fetch_raises)
    db_path = tmp_path / "q.db"
    config = _config(broker, db_path, max_retries=2)
    with thread_worker(config) as app:
        runner = QueueRunner(config, app=app)
        [ticket] = runner.submit_crawls([site.url("/")], config=CrawlConfig(delay=0.01, allow_private_targets=True))
        with pytest.raises(JobFailed, match="TLS library crashed"):
            runner.wait(ticket, timeout=120)
    db = open_db(str(db_path))
    dead = dead_jobs(db)
    with db.session() as s:
        site_row = s.execute(select(m.Site).where(m.Site.name == "127.0.0.1")).scalar_one()
        runs = s.execute(select(m.CrawlRun.status, m.CrawlRun.error_log).where(m.CrawlRun.site_id == site_row.id)).all()
    db.dispose()
    assert [(d.job, d.site_id, d.attempts, d.task_id) for d in dead] == [("crawl", site_row.id, 3, ticket.id)]
    assert "dead after 3 attempt(s): RuntimeError: the TLS library crashed on http://127.0.0.1:" in dead[0].error
    assert json.loads(dead[0].natural_key) == ["127.0.0.1"]
    assert json.loads(dead[0].args)["urls"] == [site.url("/")]
    assert [log for status, log in runs if status == "failed"] == [dead[0].error]
    out = CliRunner().invoke(main, ["--db", str(db_path), "stats"], env={"PARTYFACTS_BROKER": ""})
    assert out.exit_code == 0, out.output
    [line] = [l for l in out.output.splitlines() if l.startswith("dead job ")]
    assert line.startswith(f"dead job {dead[0].id} crawl ") and "after 3 attempt(s)" in line
    assert "RuntimeError: the TLS library crashed" in line
    [shown] = _api_crawls(db_path)["dead_jobs"]                       # the crawls page's data
    assert (shown["id"], shown["job"], shown["site_id"], shown["attempts"]) == (dead[0].id, "crawl", site_row.id, 3)
    assert shown["error"] == dead[0].error and shown["natural_key"] == ["127.0.0.1"]


def _api_crawls(db_path) -> dict:
    import re

    from werkzeug.security import generate_password_hash

    from partyfacts.webapp.app import create_app
    from partyfacts.webapp.settings import Settings
    db = open_db(str(db_path))
    settings = Settings.build(env={"PARTYFACTS_BROKER": ""}, flags={"db": str(db_path)})
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "ADMIN_PASSWORD_HASH": generate_password_hash("pw")},
                     settings=settings, database=db)
    client = app.test_client()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"password": "pw", "csrf_token": token})
    data = client.get("/api/crawls").get_json()
    db.dispose()
    return data


def test_a_dead_reparse_job_is_recorded_in_dead_jobs_with_its_key_and_error(broker, tmp_path, monkeypatch):
    real = JOBS["reparse"]

    def broken(db, **_):
        raise OSError("the raw-page archive is unreadable")
    monkeypatch.setitem(JOBS, "reparse", Job("reparse", broken, real.key))
    db_path = tmp_path / "q.db"
    config = _config(broker, db_path, max_retries=1)
    with thread_worker(config) as app:
        runner = QueueRunner(config, app=app)
        ticket = runner.submit("reparse", site="vinhphuc.gov.vn")
        with pytest.raises(JobFailed, match="archive is unreadable"):
            runner.wait(ticket, timeout=60)
    db = open_db(str(db_path))
    dead = dead_jobs(db)
    with db.session() as s:
        assert s.execute(select(m.CrawlRun.id)).first() is None      # not a crawl: no crawl run
    db.dispose()
    assert [(d.job, d.site_id, d.attempts) for d in dead] == [("reparse", None, 2)]
    assert "OSError: the raw-page archive is unreadable" in dead[0].error
    assert json.loads(dead[0].natural_key) == json.loads(json.dumps(list(real.key(site="vinhphuc.gov.vn"))))


def test_stats_without_dead_jobs_prints_no_dead_job_section(tmp_path):
    open_db(str(tmp_path / "e.db")).dispose()     # a new, empty corpus (stats refuses a missing database)
    out = CliRunner().invoke(main, ["--db", str(tmp_path / "e.db"), "stats"], env={"PARTYFACTS_BROKER": ""})
    assert out.exit_code == 0 and "dead job" not in out.output
