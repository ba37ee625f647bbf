"""Per-host politeness shared by every crawler of a database: several `partyfacts crawl` processes at
once on one site (SQLite and a throwaway PostgreSQL) never hit the host faster than the delay, the
robots.txt Crawl-delay, or a Retry-After one of them received. The gaps are measured between the
request arrival times the fixture server records (its own clock), not on the crawlers' speed."""
from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from partyfacts.corpus import open_db
from conftest import serve_site   # noqa: E402  (tests/jobs/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from pg import running_postgres  # noqa: E402

sitekit = sys.modules["scraper_sitekit"]
CRAWLERS = 3
_n = itertools.count()


@pytest.fixture(scope="module")
def pg():
    yield from running_postgres()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'p.db'}"
    return request.getfixturevalue("pg").createdb(f"polite{next(_n)}")


@pytest.fixture
def site():
    s, httpd = serve_site("party_newspaper")
    yield s
    httpd.shutdown()
    httpd.server_close()


def _crawl_at_once(db_url, site, delay: float) -> None:
    """CRAWLERS crawl processes of the site at once on one database (created before, once)."""
    env = dict(os.environ, PARTYFACTS_BROKER="", PYTHONUNBUFFERED="1",
               PARTYFACTS_ALLOW_PRIVATE_TARGETS="1")   # the fixture site is on 127.0.0.1
    env.pop("PARTYFACTS_DB", None)
    open_db(db_url).dispose()     # created and migrated once, before (read commands refuse a missing database)
    procs = [subprocess.Popen([sys.executable, "-m", "partyfacts.webapp.cli", "--db", db_url, "crawl", site.url("/"),
                               "--delay", str(delay)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env)
             for _ in range(CRAWLERS)]
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, (out, err[-3000:])


def _arrivals(site) -> list[float]:
    return sorted(t for t, _path, _h in site.log)


def _gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in zip(times, times[1:])]


# the server's clock is monotonic, the crawlers book on the wall clock: 20 ms covers the two clocks'
# slew over a test, not any slack in the politeness itself (a request starts only after the previous
# one was answered plus the delay)
CLOCKS = 0.02


def test_several_crawlers_of_one_host_keep_the_delay_between_all_their_requests(db_url, site):
    delay = 0.4
    _crawl_at_once(db_url, site, delay)
    times = _arrivals(site)
    article_paths = {a["path"] for a in site.expected["articles"]}
    assert article_paths <= {p for _t, p, _h in site.log} and len(times) > 10    # the crawl did its work
    assert min(_gaps(times)) >= delay - CLOCKS, _gaps(times)


def test_a_robots_crawl_delay_longer_than_the_delay_is_kept_by_all_crawlers(db_url, site):
    site.robots = "User-agent: *\nAllow: /\nCrawl-delay: 0.7\n"
    _crawl_at_once(db_url, site, 0.05)
    times = _arrivals(site)
    # the first robots.txt requests go out at --delay (the rule is not known before robots.txt is read)
    after_robots = [t for t, p, _h in sorted(site.log, key=lambda x: x[0]) if p != "/robots.txt"]
    assert len(after_robots) > 10
    assert min(_gaps(after_robots)) >= 0.7 - CLOCKS, _gaps(after_robots)
    assert len(times) > len(after_robots)


def test_a_retry_after_one_crawler_receives_holds_back_every_crawler_of_the_host(db_url, site):
    article = site.expected["articles"][0]["path"]
    site.faults[article] = sitekit.Fault(status=503, times=1, retry_after="2")
    _crawl_at_once(db_url, site, 0.05)
    log = sorted(site.log, key=lambda x: x[0])
    [refused] = [t for t, p, _h in log if p == article][:1]
    nxt = [t for t, _p, _h in log if t > refused]
    assert nxt and nxt[0] - refused >= 2.0 - CLOCKS, (refused, nxt[:3])    # nobody asked within Retry-After
    assert [p for _t, p, _h in log].count(article) == 2                  # refused once, fetched once after
