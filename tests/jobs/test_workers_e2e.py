"""End to end: `partyfacts worker` processes on a real redis-server crawl three local fixture sites
(distinct loopback hosts) while one worker is SIGKILLed mid-crawl and another started; every article
ends stored once and processed once, with the facts a single inline run stores."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.facts import EXPORT_TABLES

from conftest import serve_site   # noqa: E402  (tests/jobs/conftest.py)

pytestmark = pytest.mark.slow
PARTYFACTS = [sys.executable, "-c", "from partyfacts.webapp.cli import main; main()"]
FAMILIES = {"127.0.0.1": "party_newspaper", "127.0.0.2": "wordpress", "127.0.0.3": "tandan"}
DELAY = "0.6"          # seconds between requests to one host: a site's crawl lasts a few seconds
VISIBILITY = "4"       # a killed worker's job is delivered again after this many seconds
LOCAL = {**os.environ, "PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}   # the fixture sites are on 127.0.0.x


@pytest.fixture
def three_sites():
    served = {host: serve_site(family, host) for host, family in FAMILIES.items()}
    yield {host: s for host, (s, _h) in served.items()}
    for _s, httpd in served.values():
        httpd.shutdown()
        httpd.server_close()


def _worker(db, broker, name, log):
    return subprocess.Popen(PARTYFACTS + ["--db", str(db), "--broker", broker, "worker", "--concurrency", "1",
                                          "--visibility-timeout", VISIBILITY, "--retry-backoff", "0.5", "--name", name],
                            stdout=log, stderr=subprocess.STDOUT, env=LOCAL)


def _stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _article_pages(site) -> list[str]:
    return [a["path"] for a in site.expected["articles"]]


def _snapshot(db_path):
    """Articles (canonical URL → count), processing rows per article, and the rows of every fact table."""
    db = open_db(str(db_path))
    with db.session() as s:
        urls = Counter(s.execute(select(m.Article.canonical_url)).scalars())
        processing = Counter(s.execute(select(m.Processing.article_id).where(m.Processing.status == "ok")).scalars())
        n_articles = s.execute(select(func.count(m.Article.id))).scalar()
        facts = {}
        for name, table in _fact_models().items():
            facts[name] = s.execute(select(func.count()).select_from(table)).scalar()
    db.dispose()
    return urls, processing, n_articles, facts


def _fact_models():
    out = {}
    for mapper in m.Base.registry.mappers:
        table = mapper.local_table
        if "article_id" in table.c and table.name not in ("processing",):
            out[table.name] = table
    return out


def test_two_workers_one_killed_mid_crawl_store_and_process_every_article_once(broker, tmp_path, three_sites):
    db_path = tmp_path / "w.db"
    open_db(str(db_path)).dispose()          # created and migrated once before the workers start
    logs = {n: open(tmp_path / f"{n}.log", "w") for n in ("a", "b", "c")}
    workers = {"a": _worker(db_path, broker, "a@%h", logs["a"]), "b": _worker(db_path, broker, "b@%h", logs["b"])}
    urls = [s.url("/") for s in three_sites.values()]
    try:
        crawl = subprocess.Popen(PARTYFACTS + ["--db", str(db_path), "--broker", broker, "crawl", *urls,
                                               "--delay", DELAY, "--wait", "--process"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=LOCAL)
        # wait until both workers are crawling (two sites have been hit), then SIGKILL worker a
        deadline = time.monotonic() + 120
        while sum(1 for s in three_sites.values() if len(s.log) >= 2) < 2:
            assert time.monotonic() < deadline, "the workers never started crawling"
            assert crawl.poll() is None, crawl.communicate()
            time.sleep(0.05)
        workers["a"].send_signal(signal.SIGKILL)
        workers["a"].wait(30)
        workers["c"] = _worker(db_path, broker, "c@%h", logs["c"])
        out, err = crawl.communicate(timeout=300)
    finally:
        for w in workers.values():
            _stop(w)
        for f in logs.values():
            f.close()
    assert crawl.returncode == 0, (out, err, (tmp_path / "a.log").read_text()[-3000:])
    lines = out.splitlines()
    assert sorted(l.split(":")[0] for l in lines if "pages fetched" in l) == sorted(FAMILIES)
    assert lines[-1].startswith("processed ") and lines[-1].endswith("; 0 failed")
    hits = {(h, p): s.hits(p) for h, s in three_sites.items() for p in _article_pages(s)}   # before the reference

    # the same three sites crawled and processed inline, in one process: the reference
    ref_path = tmp_path / "ref.db"
    ref = subprocess.run(PARTYFACTS + ["--db", str(ref_path), "crawl", *urls, "--delay", "0.01", "--process"],
                         capture_output=True, text=True, timeout=300, env={**LOCAL, "PARTYFACTS_BROKER": ""})
    assert ref.returncode == 0, ref.stderr

    urls_w, processing_w, n_w, facts_w = _snapshot(db_path)
    urls_r, _processing_r, n_r, facts_r = _snapshot(ref_path)
    want = {f"{s.base}{p}" for s in three_sites.values() for p in _article_pages(s)}
    assert n_w == n_r == len(want) == 9
    assert all(n == 1 for n in urls_w.values()) and set(urls_w) == set(urls_r)      # every article stored once
    assert sorted(processing_w.values()) == [1] * n_w                                # every article processed once
    assert facts_w == facts_r and sum(facts_w.values()) > 0                          # every fact once

    # no article page was fetched twice, except the one in flight when worker a was killed
    assert all(1 <= n <= 2 for n in hits.values()), hits
    assert sum(n - 1 for n in hits.values()) <= 1, hits
