"""Fixtures of the job-queue tests: a throwaway redis-server, fixture sites on distinct loopback
hosts, a Celery worker in a thread."""
from __future__ import annotations

import contextlib
import importlib.util
import os
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str, path: Path):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


redis_server = _load("tests_redis_server", ROOT / "tests" / "redis_server.py")
sitekit = _load("scraper_sitekit", ROOT / "tests" / "scraper" / "sitekit.py")


@pytest.fixture(scope="session")
def redis_url():
    """A redis-server on a free local port for the session (skipped only when redis-server is not
    installed and CI is not set: under CI a missing server fails)."""
    if redis_server.REDIS_SERVER is None and not os.environ.get("CI"):
        pytest.skip("redis-server is not installed (Debian package redis-server; `make test` installs it)")
    server = redis_server.TempRedis()
    yield server.url()
    server.stop()


@pytest.fixture
def broker(redis_url):
    """The session's Redis, emptied before the test."""
    import redis
    redis.Redis.from_url(redis_url).flushall()
    return redis_url


def serve_site(family: str, host: str = "127.0.0.1", **kw):
    """A fixture site on ``host`` (any 127.x.y.z: distinct hosts are distinct sites), port 0."""
    site = sitekit.SiteServer(family, **kw)
    httpd = sitekit._Server((host, 0), sitekit._handler(site))
    httpd.daemon_threads = True
    site.base = f"http://{host}:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return site, httpd


@pytest.fixture
def site():
    s, httpd = serve_site("party_newspaper")
    yield s
    httpd.shutdown()
    httpd.server_close()


@contextlib.contextmanager
def thread_worker(config, pool: str = "threads", concurrency: int = 2):
    """A real Celery worker for ``config`` in a thread of this process (celery.contrib.testing)."""
    from celery.contrib.testing.worker import start_worker

    from partyfacts.corpus.jobs.queue import all_queues, make_app
    app = make_app(config)
    with start_worker(app, pool=pool, concurrency=concurrency, perform_ping_check=False, loglevel="WARNING",
                      shutdown_timeout=30, queues=all_queues(config)):
        yield app
