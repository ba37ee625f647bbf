"""Two of each command at once, as real processes, on SQLite and on a throwaway PostgreSQL: the
database ends as one run leaves it (ids and times aside), every page fetched once, every article and
fact stored once, no processing errors (issue 10: "two processes at once break things")."""
import importlib.util
import json
import itertools
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from pg import running_postgres  # noqa: E402

_spec = importlib.util.spec_from_file_location("scraper_sitekit_conc", ROOT / "tests" / "scraper" / "sitekit.py")
sites = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = sites
_spec.loader.exec_module(sites)

_n = itertools.count()
# what differs between two runs that store the same things: row ids, the ids rows point to, times,
# the claim bookkeeping and which process held what; a fetched page's Date header and gzip time stamp
# (its bytes are compared through their sha256), and a frontier URL's depth (the link path it was
# first found by depends on which crawler read which page first); a person aggregate's stamp (new on
# every recompute) and data (it holds row ids; tests/corpus/test_aggregates.py checks it equals a
# recomputation)
SKIP = {"lease_until", "claimed_by", "holder", "expires_at", "explanation", "error_log", "headers", "html_gz", "depth",
        "stamp", "data"}


@pytest.fixture(scope="module")
def pg():
    yield from running_postgres()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request, tmp_path):
    """A function giving the URL of a new, empty database of the parametrized kind."""
    if request.param == "sqlite":
        return lambda: f"sqlite:///{tmp_path / f'c{next(_n)}.db'}"
    server = request.getfixturevalue("pg")
    return lambda: server.createdb(f"c{next(_n)}")


@pytest.fixture
def site():
    s, httpd = sites.start_server("party_newspaper")
    yield s
    httpd.shutdown()
    httpd.server_close()


def _cli(url, *args):
    env = dict(os.environ, PYTHONUNBUFFERED="1", PARTYFACTS_ALLOW_PRIVATE_TARGETS="1")   # the sites are on 127.0.0.1
    env.pop("PARTYFACTS_DB", None)
    return subprocess.Popen([sys.executable, "-m", "partyfacts.webapp.cli", "--db", url, *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def _run_at_once(url, *args, n=2):
    procs = [_cli(url, *args) for _ in range(n)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, f"{args}: exit {p.returncode}\n{out}\n{err[-3000:]}"
    return [o for o, _ in outs]


def _content(url) -> dict[str, Counter]:
    """Every table's rows without ids, foreign ids and times, as a multiset per table."""
    db = open_db(url, migrate=False)
    out = {}
    try:
        with db.engine.connect() as conn:
            for table in m.Base.metadata.sorted_tables:
                cols = [c for c in table.columns if not (c.name == "id" or c.name.endswith("_id") or c.name in SKIP
                                                         or str(c.type) in ("DATETIME", "TIMESTAMP WITHOUT TIME ZONE")
                                                         or c.name.endswith("_at"))]
                # a run's rejection counts are one JSON object whatever order its keys were counted in
                norm = [(lambda v: json.dumps(json.loads(v), sort_keys=True)) if c.name == "rejected" else (lambda v: v)
                        for c in cols]
                out[table.name] = Counter(tuple(f(v) for f, v in zip(norm, r)) for r in conn.execute(select(*cols)))
    finally:
        db.dispose()
    return out


def _assert_same(one, two):
    for table in one:
        assert one[table] == two[table], f"table {table} differs: only one run {str(one[table] - two[table])[:1500]}, " \
                                         f"only two runs {str(two[table] - one[table])[:1500]}"


def test_two_first_opens_of_a_new_database_migrate_it_once(new_url):
    url = new_url()
    _run_at_once(url, "schedule", "--once")    # two cron runs on a new database (read commands refuse a missing one)
    db = open_db(url, migrate=False)
    try:
        with db.engine.connect() as conn:
            from sqlalchemy import text
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        db.dispose()


def test_two_process_runs_at_once_store_every_fact_once(new_url, gold_txt):
    one, two = new_url(), new_url()
    for url in (one, two):
        db = open_db(url)
        assert len(ingest_files(db, gold_txt, site="dev").added) == len(gold_txt)
        db.dispose()
    _run_at_once(one, "process", n=1)
    outs = _run_at_once(two, "process")
    assert all("0 failed" in o for o in outs)
    a, b = _content(one), _content(two)
    assert sum(a["processing"].values()) == len(gold_txt) and all(r[1] == "ok" for r in a["processing"])
    _assert_same(a, b)


def test_two_crawls_of_one_site_at_once_fetch_each_page_once(new_url, site):
    one, two = new_url(), new_url()
    _run_at_once(one, "crawl", site.url("/"), "--delay", "0.05", n=1)
    single = Counter(p for _, p, _ in site.log)
    site.log.clear()
    _run_at_once(two, "crawl", site.url("/"), "--delay", "0.05")
    double = Counter(p for _, p, _ in site.log)
    assert double.pop("/robots.txt") <= 2 and single.pop("/robots.txt") == 1   # read by each crawler
    assert double == single
    a, b = _content(one), _content(two)
    assert sum(a["articles"].values()) == 3
    _assert_same(a, b)


def test_two_schedulers_at_once_crawl_a_due_site_once(new_url, site):
    one, two = new_url(), new_url()
    for url in (one, two):
        _run_at_once(url, "site", "add", site.url("/"), "--every", "6h", "--delay", "0.05", n=1)
    _run_at_once(one, "schedule", "--once", n=1)
    single = Counter(p for _, p, _ in site.log)
    site.log.clear()
    outs = _run_at_once(two, "schedule", "--once")
    assert Counter(p for _, p, _ in site.log) == single       # robots.txt too: one crawler ran
    assert sum("1 sites were due" in o for o in outs) == 1
    a, b = _content(one), _content(two)
    assert sum(a["crawl_runs"].values()) == 1 and sum(a["articles"].values()) == 3
    _assert_same(a, b)
