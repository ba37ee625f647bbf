"""corpus.crawlstate.DbCrawlState: the crawler's memory in the database survives SIGKILL and restarts."""
import importlib.util
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partyfacts.corpus import models as m
from partyfacts.corpus.crawlstate import DbCrawlState
from partyfacts.scraper import Fetcher, crawl
from partyfacts.scraper.urls import canonical_url

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("scraper_sitekit", ROOT / "tests" / "scraper" / "sitekit.py")
sites = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = sites
_spec.loader.exec_module(sites)


@pytest.fixture
def site():
    """The party-newspaper fixture site on 127.0.0.1."""
    s, httpd = sites.start_server("party_newspaper")
    yield s
    httpd.shutdown()
    httpd.server_close()


def _articles(db):
    with db.session() as s:
        return s.execute(select(m.Article.canonical_url)).scalars().all()


def _want(site):
    return sorted(canonical_url(site.url(a["path"])) for a in site.expected["articles"])


def test_db_crawl_stores_each_article_once_and_records_the_run(db, site):
    state = DbCrawlState(db, "baotinh.example.vn", base_url=site.url("/"))
    stats = crawl([site.url("/")], state, fetcher=Fetcher(sites.fast_config()), progress=False)
    assert sorted(_articles(db)) == _want(site) and stats.new_articles == 3
    with db.session() as s:
        run = s.execute(select(m.CrawlRun)).scalar_one()
        assert run.status == "done" and run.new_articles == 3 and run.finished_at is not None
        assert "home page" in run.rejected and run.errors == 4  # the menu's four 404 links
        raw = s.execute(select(func.count(m.RawPage.id))).scalar()
        assert raw == stats.pages_fetched
        art = s.execute(select(m.Article).where(m.Article.author == "Minh Anh")).scalar_one()
        assert art.raw_page_id is not None and art.published.startswith("2019-06-03T07:15")


def test_second_crawl_is_a_new_pass_that_fetches_no_old_article(db, site):
    state = DbCrawlState(db, "baotinh.example.vn")
    crawl([site.url("/")], state, fetcher=Fetcher(sites.fast_config()), progress=False)
    before = len(site.log)
    state2 = DbCrawlState(db, "baotinh.example.vn")
    stats = crawl([site.url("/")], state2, fetcher=Fetcher(sites.fast_config()), progress=False)
    fetched = [p for _, p, _ in site.log[before:]]
    assert stats.new_articles == 0 and stats.not_modified >= 1
    assert not any(a["path"] in fetched for a in site.expected["articles"])
    with db.session() as s:
        assert s.execute(select(func.count(m.CrawlRun.id))).scalar() == 2


def test_stopped_crawl_is_resumed_by_the_next_one(db, site):
    state = DbCrawlState(db, "baotinh.example.vn")
    stats = crawl([site.url("/")], state, fetcher=Fetcher(sites.fast_config()), progress=False, max_pages=2)
    state.suspend(stats.as_dict())
    state2 = DbCrawlState(db, "baotinh.example.vn")
    crawl([site.url("/")], state2, fetcher=Fetcher(sites.fast_config()), progress=False)
    assert sorted(_articles(db)) == _want(site)
    with db.session() as s:
        runs = s.execute(select(m.CrawlRun)).scalars().all()
        assert len(runs) == 1 and runs[0].status == "done" and runs[0].new_articles == 3
    for a in site.expected["articles"]:
        assert site.hits(a["path"]) == 1


# the child crawls until its first article is committed, then stops dead (before marking that page done)
# until the parent kills it: a kill at a known point, whatever the speed of the machine
CHILD = """
import sys, threading
from partyfacts.corpus import open_db
from partyfacts.corpus.crawlstate import DbCrawlState
from partyfacts.scraper import FetchConfig, Fetcher, crawl

class StopAfterFirstArticle(DbCrawlState):
    def store_article(self, article):
        why = super().store_article(article)
        if not why:
            threading.Event().wait()  # committed; SIGKILL arrives here
        return why

db = open_db(sys.argv[1])
state = StopAfterFirstArticle(db, "baotinh.example.vn")
crawl([sys.argv[2]], state, fetcher=Fetcher(FetchConfig(delay=0.0, timeout=5, retries=0)), progress=False)
"""


def test_sigkill_mid_crawl_then_restart_loses_and_duplicates_nothing(tmp_path, site):
    from partyfacts.corpus import open_db

    path = str(tmp_path / "kill.db")
    open_db(path).dispose()
    child = subprocess.Popen([sys.executable, "-c", CHILD, path, site.url("/")], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = open_db(path)
    try:
        deadline = time.monotonic() + 60   # a bound on waiting for the child, not a timing assertion
        while time.monotonic() < deadline and not _articles(db) and child.poll() is None:
            time.sleep(0.05)
        assert len(_articles(db)) == 1, "the child stops after its first article, mid-crawl"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    state = DbCrawlState(db, "baotinh.example.vn")
    crawl([site.url("/")], state, fetcher=Fetcher(sites.fast_config()), progress=False)
    assert sorted(_articles(db)) == _want(site)
    with db.session() as s:
        run = s.execute(select(m.CrawlRun)).scalar_one()  # the killed run was resumed, not restarted
        assert run.status == "done" and run.new_articles == 3
        pending = s.execute(select(func.count()).where(m.FrontierEntry.status == "pending")).scalar()
        assert pending == 0
    db.dispose()


def test_crawl_sites_groups_urls_by_host_and_returns_new_article_ids(db, site):
    from partyfacts.corpus.crawlstate import crawl_sites

    results = crawl_sites(db, [site.url("/")], delay=0.0, max_pages=2, progress=False)
    assert len(results) == 1 and results[0].stats.stopped == "max_pages=2"
    with db.session() as s:
        assert s.get(m.CrawlRun, results[0].run_id).status == "interrupted"
    again = crawl_sites(db, [site.url("/")], delay=0.0, progress=False)
    assert again[0].run_id == results[0].run_id  # resumed, not a new run
    assert len(results[0].new_article_ids) + len(again[0].new_article_ids) == 3
    with pytest.raises(ValueError, match="not an http"):
        crawl_sites(db, ["ftp://x.vn/"])
