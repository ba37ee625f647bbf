"""The job queue (Celery on a real redis-server): jobs submitted by name run on a real worker,
once per natural key, retried with backoff, recorded when dead; the CLI's one switch."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import JOBS, CrawlConfig, InlineRunner, Job, JobFailed, ProcessConfig, QueueConfig, QueueRunner
from partyfacts.corpus.jobs.queue import decode, encode
from partyfacts.corpus.jobs.registry import job
from partyfacts.webapp.cli import main
from partyfacts.webapp.settings import Settings

from conftest import thread_worker   # noqa: E402  (tests/jobs/conftest.py)


# -- test jobs: registered once, they write what they did to a file -----------------------------------
def _lines(path) -> list[str]:
    p = Path(path)
    return p.read_text().splitlines() if p.exists() else []


@job("test-append", key=lambda path, word, **_: (path, word))
def _append(db, path: str, word: str) -> dict:
    with open(path, "a") as f:
        f.write(word + "\n")
    return {"lines": len(_lines(path))}


@job("test-flaky", key=lambda path, fail_times, **_: (path,))
def _flaky(db, path: str, fail_times: int) -> dict:
    tries = len(_lines(path)) + 1
    with open(path, "a") as f:
        f.write(f"try {tries}\n")
    if tries <= fail_times:
        raise RuntimeError(f"attempt {tries} fails")
    return {"tries": tries}


def _config(broker, db_path, **kw) -> QueueConfig:
    return QueueConfig(broker=broker, db=str(db_path), backoff=0.05, backoff_max=0.2, **kw)


# -- no broker: inline ---------------------------------------------------------------------------------
def test_without_a_broker_the_settings_give_no_queue_and_commands_run_inline(tmp_path):
    assert Settings.build(env={}).queue_config() is None
    db = tmp_path / "c.db"
    open_db(str(db)).dispose()      # process reads an existing database (it refuses a missing one)
    res = CliRunner().invoke(main, ["--db", str(db), "process"], env={"PARTYFACTS_BROKER": ""})
    assert res.exit_code == 0, res.output
    assert res.output.startswith("processed 0 articles with pipeline ")


def test_worker_without_a_broker_is_a_one_line_error(tmp_path):
    res = CliRunner().invoke(main, ["--db", str(tmp_path / "c.db"), "worker"], env={"PARTYFACTS_BROKER": ""})
    assert res.exit_code == 1 and "no broker configured" in res.output


def test_a_broker_setting_gives_a_queue_config_with_the_database_url(tmp_path):
    s = Settings.build(env={"PARTYFACTS_BROKER": "redis://127.0.0.1:6390/3"}, flags={"db": "x.db"})
    assert s.queue_config() == QueueConfig(broker="redis://127.0.0.1:6390/3", db="x.db")


def test_job_arguments_travel_as_json_and_come_back_as_the_same_config_objects(tmp_path):
    args = {"urls": ["http://a.example/"], "config": CrawlConfig(delay=0.5, contact="mailto:x@y.z",
                                                               profile_dirs=(tmp_path,)),
            "process": ProcessConfig(disable=("people.model",)), "ids": (1, 2), "path": tmp_path}
    wire = json.loads(json.dumps(encode(args)))
    back = decode(wire)
    assert back["config"] == args["config"] and back["process"] == args["process"]
    assert back["ids"] == [1, 2] and back["path"] == tmp_path
    with pytest.raises(TypeError):
        encode({"echo": print})


# -- a real worker ---------------------------------------------------------------------------------------
def test_a_submitted_job_runs_on_a_worker_and_its_report_comes_back(broker, tmp_path):
    config = _config(broker, tmp_path / "q.db")
    out = tmp_path / "out.txt"
    with thread_worker(config) as app:
        runner = QueueRunner(config, app=app)
        ticket = runner.submit("test-append", path=str(out), word="hello")
        assert not ticket.done and ticket.key == (str(out), "hello") and ticket.id
        assert runner.wait(ticket, timeout=60) == {"lines": 1}
    assert _lines(out) == ["hello"]


def test_a_job_submitted_twice_while_queued_runs_once(broker, tmp_path):
    config = _config(broker, tmp_path / "q.db")
    out = tmp_path / "out.txt"
    runner = QueueRunner(config)
    first = runner.submit("test-append", path=str(out), word="once")
    second = runner.submit("test-append", path=str(out), word="once")
    other = runner.submit("test-append", path=str(out), word="other")
    assert second.id == first.id and other.id != first.id
    with thread_worker(config, concurrency=1) as app:
        worker_side = QueueRunner(config, app=app)
        worker_side.wait(first, timeout=60)
        worker_side.wait(other, timeout=60)
    assert sorted(_lines(out)) == ["once", "other"]
    # finished: the natural key is free again, a new submit runs again
    with thread_worker(config, concurrency=1) as app:
        again = QueueRunner(config, app=app)
        t = again.submit("test-append", path=str(out), word="once")
        assert t.id != first.id
        again.wait(t, timeout=60)
    assert sorted(_lines(out)) == ["once", "once", "other"]


def test_a_failing_job_is_retried_with_backoff_until_it_succeeds(broker, tmp_path):
    config = _config(broker, tmp_path / "q.db", max_retries=3)
    out = tmp_path / "tries.txt"
    with thread_worker(config) as app:
        runner = QueueRunner(config, app=app)
        assert runner.run("test-flaky", path=str(out), fail_times=2) == {"tries": 3}
    assert _lines(out) == ["try 1", "try 2", "try 3"]


def test_a_job_failing_every_retry_is_dead_and_not_run_again(broker, tmp_path):
    config = _config(broker, tmp_path / "q.db", max_retries=2)
    out = tmp_path / "tries.txt"
    with thread_worker(config) as app:
        runner = QueueRunner(config, app=app)
        with pytest.raises(JobFailed, match="attempt 3 fails"):
            runner.run("test-flaky", path=str(out), fail_times=10)
    assert _lines(out) == ["try 1", "try 2", "try 3"]


def test_a_dead_crawl_is_recorded_as_a_failed_crawl_run_with_its_error(broker, tmp_path, monkeypatch):
    real = JOBS["crawl"]

    def broken(db, urls, **_):
        raise ConnectionError("the portal's database is down")
    monkeypatch.setitem(JOBS, "crawl", Job("crawl", broken, real.key))
    config = _config(broker, tmp_path / "q.db", max_retries=1)
    with thread_worker(config) as app:
        runner = QueueRunner(config, app=app)
        [ticket] = runner.submit_crawls(["http://portal.example.vn/tin-tuc/"], config=CrawlConfig(delay=0.1))
        with pytest.raises(JobFailed, match="database is down"):
            runner.wait(ticket, timeout=60)
    db = open_db(str(tmp_path / "q.db"))
    with db.session() as s:
        runs = s.execute(select(m.CrawlRun, m.Site.name).join(m.Site)).all()
    db.dispose()
    assert [(name, run.status) for run, name in runs] == [("portal.example.vn", "failed")]
    assert "dead after 2 attempt(s): ConnectionError: the portal's database is down" in runs[0][0].error_log
    assert json.loads(runs[0][0].start_urls) == ["http://portal.example.vn/tin-tuc/"]


def test_a_dead_process_batch_marks_its_articles_as_errors_in_the_processing_table(broker, tmp_path, monkeypatch):
    db_path = tmp_path / "q.db"
    db = open_db(str(db_path))
    files = []
    for i in range(3):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Bài {i}\n\nĐồng chí Nguyễn Văn A{i}, Bí thư Tỉnh ủy, dự hội nghị.", encoding="utf-8")
        files.append(p)
    assert len(InlineRunner(db).run("ingest", paths=files).added) == 3
    with db.session() as s:
        ids = sorted(s.execute(select(m.Article.id)).scalars())
    real = JOBS["process"]

    def broken(db, **_):
        raise MemoryError("the extractor ran out of memory")
    monkeypatch.setitem(JOBS, "process", Job("process", broken, real.key))
    config = _config(broker, db_path, max_retries=1)
    with thread_worker(config) as app:
        runner = QueueRunner(config, app=app)
        [ticket] = runner.submit_process(db, config=ProcessConfig())
        with pytest.raises(JobFailed, match="out of memory"):
            runner.wait(ticket, timeout=60)
    with db.session() as s:
        rows = s.execute(select(m.Processing.article_id, m.Processing.status, m.Processing.error)
                         .order_by(m.Processing.article_id)).all()
    db.dispose()
    assert [(r[0], r[1]) for r in rows] == [(i, "error") for i in ids] and len(ids) == 3
    assert all("MemoryError: the extractor ran out of memory" in r[2] for r in rows)


def test_a_worker_refuses_a_job_submitted_for_another_database(broker, tmp_path):
    worker_config = _config(broker, tmp_path / "worker.db", max_retries=0)
    with thread_worker(worker_config) as app:
        runner = QueueRunner(_config(broker, tmp_path / "other.db"), app=app)
        first = runner.submit("test-append", path=str(tmp_path / "x.txt"), word="no")
        with pytest.raises(JobFailed, match="submitted for database"):
            runner.wait(first, timeout=60)
        second = runner.submit("test-append", path=str(tmp_path / "x.txt"), word="no")
        assert second.id != first.id             # refused: the natural key was freed, a new job is queued
        with pytest.raises(JobFailed, match="submitted for database"):
            runner.wait(second, timeout=60)
    assert not (tmp_path / "x.txt").exists()


# -- the CLI with a broker ---------------------------------------------------------------------------------
def _cli(args, db, broker=None):
    env = {"PARTYFACTS_BROKER": broker or "", "PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}   # the sites are on 127.0.0.1
    return CliRunner().invoke(main, ["--db", str(db), *args], env=env, catch_exceptions=False)


def test_crawl_and_process_with_wait_print_what_the_inline_commands_print(broker, tmp_path, site):
    inline_db, queued_db = tmp_path / "inline.db", tmp_path / "queued.db"
    inline_crawl = _cli(["crawl", site.url("/"), "--delay", "0.01"], inline_db)
    inline_process = _cli(["process"], inline_db)
    assert inline_crawl.exit_code == 0 and inline_process.exit_code == 0
    with thread_worker(_config(broker, queued_db)):
        queued_crawl = _cli(["crawl", site.url("/"), "--delay", "0.01", "--wait"], queued_db, broker)
        queued_process = _cli(["process", "--wait"], queued_db, broker)
    assert queued_crawl.exit_code == 0, queued_crawl.output
    assert queued_crawl.output == inline_crawl.output and "new articles" in inline_crawl.output
    # the summary is the same; the progress lines on stderr (non-tty) carry each run's own rate
    summary = [_without_progress(r.output) for r in (queued_process, inline_process)]
    assert summary[0] == summary[1] and " 0 failed" in summary[1]
    assert not summary[0].startswith("processed 0 ")


def _without_progress(output: str) -> str:
    return "".join(ln for ln in output.splitlines(keepends=True) if not ln.startswith("process: "))


def test_crawl_with_a_broker_and_no_wait_only_queues(broker, tmp_path, site):
    res = _cli(["crawl", site.url("/"), "--delay", "0.01"], tmp_path / "q.db", broker)
    assert res.exit_code == 0 and res.output.startswith("queued crawl of 127.0.0.1 as job ")
    db = open_db(str(tmp_path / "q.db"))
    with db.session() as s:
        assert s.execute(select(m.Article.id)).first() is None     # nothing ran in the command's process
    db.dispose()


def test_schedule_once_with_a_broker_queues_the_due_crawls_and_wait_prints_them(broker, tmp_path, site):
    db_path = tmp_path / "q.db"
    assert _cli(["site", "add", site.url("/"), "--every", "6h", "--delay", "0.01"], db_path).exit_code == 0
    with thread_worker(_config(broker, db_path)):
        res = _cli(["schedule", "--once", "--wait"], db_path, broker)
        again = _cli(["schedule", "--once"], db_path, broker)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert lines[0].startswith("queued crawl of 127.0.0.1 (due ") and lines[-1] == "1 sites were due"
    assert any(l.startswith("127.0.0.1: ") and "new articles" in l for l in lines)
    assert any(l.startswith("processed ") and l.endswith(" 0 failed") for l in lines)
    assert again.output.splitlines()[-1] == "0 sites were due"     # crawled: not due again


def test_a_second_scheduler_on_the_same_broker_does_not_queue(broker, tmp_path):
    config = _config(broker, tmp_path / "q.db")
    runner = QueueRunner(config)
    assert runner.scheduler_lock("host-a:1", 60)
    assert runner.scheduler_lock("host-a:1", 60)         # renewing its own lock
    assert not runner.scheduler_lock("host-b:2", 60)
    res = _cli(["schedule", "--once"], tmp_path / "q.db", broker)
    assert res.exit_code == 1 and "holds the scheduler lock" in res.output


# -- the web UI's "Crawl now" --------------------------------------------------------------------------
def test_crawl_now_in_the_web_ui_with_a_broker_queues_the_crawl_for_a_worker(broker, tmp_path, site):
    import re
    import time

    import redis
    from werkzeug.security import generate_password_hash

    from partyfacts.webapp.app import create_app
    db_path = tmp_path / "web.db"
    db = open_db(str(db_path))
    with db.session() as s:
        s.add(m.Site(name="127.0.0.1", base_url=site.url("/"), delay=0.01))
    settings = Settings.build(env={"PARTYFACTS_BROKER": broker, "PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"},  # site on 127.0.0.1
                              flags={"db": str(db_path)})
    app = create_app({"TESTING": True, "SECRET_KEY": "k", "ADMIN_PASSWORD_HASH": generate_password_hash("pw")},
                     settings=settings, database=db)
    client = app.test_client()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/login").get_data(as_text=True)).group(1)
    client.post("/login", data={"password": "pw", "csrf_token": token})
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get("/crawls").get_data(as_text=True)).group(1)
    sid = next(x["id"] for x in client.get("/api/crawls").get_json()["sites"] if x["name"] == "127.0.0.1")
    r = client.post(f"/crawls/sites/{sid}/start", data={"csrf_token": token}, headers={"Accept-Language": "en"},
                    follow_redirects=True)
    assert r.status_code == 200 and "Crawl of 127.0.0.1 started" in r.get_data(as_text=True)
    assert redis.Redis.from_url(broker).llen("crawl") == 1               # one message for the crawl workers
    with db.session() as s:
        assert s.get(m.Site, sid).crawl_requested_at is None              # not left for `schedule`
        assert s.execute(select(m.CrawlRun.id)).first() is None           # the web process ran nothing
    with thread_worker(_config(broker, db_path)):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with db.session() as s:
                done = s.execute(select(m.CrawlRun.status)).scalars().all() == ["done"]
                articles = len(s.execute(select(m.Article.id)).all())
                processed = len(s.execute(select(m.Processing.id)).all())
            if done and processed == articles > 0:
                break
            time.sleep(0.2)
    with db.session() as s:
        assert s.execute(select(m.CrawlRun.status)).scalars().all() == ["done"]
        n_articles = len(s.execute(select(m.Article.id)).all())
        n_processed = len(s.execute(select(m.Processing.id).where(m.Processing.status == "ok")).all())
    db.dispose()
    assert n_articles > 0 and n_processed == n_articles                  # crawled, then processed by the worker
