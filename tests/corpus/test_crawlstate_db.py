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


# -- the frontier rules (scraper.frontier) through both crawl states -------------------------------------
HOST = "http://frontier.example.vn"


def _item(path: str, kind: str = "page"):
    from partyfacts.scraper.state import FrontierItem
    return FrontierItem(HOST + path, HOST + path, kind)


@pytest.fixture(params=["memory", "database"])
def state(request, tmp_path):
    """The same CrawlState scenario on MemoryState and on DbCrawlState (SQLite in a temp directory)."""
    if request.param == "memory":
        from partyfacts.scraper import MemoryState
        yield MemoryState()
        return
    from partyfacts.corpus import open_db
    db = open_db(str(tmp_path / "frontier.db"))
    st = DbCrawlState(db, "frontier.example.vn", base_url=HOST + "/")
    yield st
    st.close()
    db.dispose()


def _drain(state) -> list[str]:
    """Pop every queued item, in order, without marking any done."""
    out = []
    while (it := state.pop()) is not None:
        out.append(it.url[len(HOST):])
    return out


def _handle(state, outcomes: dict[str, str]) -> None:
    """Pop every queued item and mark it with its outcome ("done" when not named)."""
    while (it := state.pop()) is not None:
        state.mark_done(it, outcomes.get(it.url[len(HOST):], "done"))


def test_frontier_pops_by_kind_priority_then_queue_order(state):
    state.begin([_item("/", "start")])
    for path, kind in [("/p", "page"), ("/l", "listing"), ("/a1", "article"), ("/s.xml", "sitemap"), ("/a2", "article")]:
        assert state.add(_item(path, kind)) is True
    assert _drain(state) == ["/", "/s.xml", "/a1", "/a2", "/l", "/p"]


def test_frontier_queues_a_url_once_per_pass_even_after_it_is_handled(state):
    state.begin([_item("/", "start")])
    assert state.add(_item("/l", "listing")) is True
    assert state.add(_item("/l", "listing")) is False
    _handle(state, {"/l": "rejected"})
    assert state.add(_item("/l", "listing")) is False and state.add(_item("/", "page")) is False
    assert state.pop() is None


def test_frontier_next_pass_revisits_listings_and_pages_not_articles(state):
    state.begin([_item("/", "start")])
    for path, kind in [("/a", "article"), ("/dup", "article"), ("/l", "listing"), ("/nm", "page"), ("/gone", "page"),
                       ("/robots-no", "page"), ("/a304", "article")]:
        state.add(_item(path, kind))
    _handle(state, {"/a": "article", "/dup": "duplicate", "/l": "done", "/nm": "not_modified", "/gone": "gone",
                    "/robots-no": "disallowed", "/a304": "not_modified"})
    state.finish({})
    state.begin([_item("/", "start")])
    queued = {p: state.add(_item(p)) for p in ("/a", "/dup", "/l", "/nm", "/gone", "/robots-no", "/a304", "/new")}
    assert queued == {"/a": False, "/dup": False, "/l": True, "/nm": True, "/gone": False, "/robots-no": False,
                      "/a304": False, "/new": True}
    assert _drain(state) == ["/", "/l", "/nm", "/new"]  # the listing keeps its kind (and priority)


def test_frontier_failed_page_is_retried_until_max_attempts(state):
    from partyfacts.scraper.frontier import MAX_ATTEMPTS
    state.begin([_item("/", "start")])
    state.add(_item("/flaky"))
    _handle(state, {"/flaky": "failed"})
    failures = 1
    assert state.requeue_failed() == 1          # once the frontier runs dry, in the same pass
    _handle(state, {"/flaky": "failed"})
    failures += 1
    while failures < MAX_ATTEMPTS:
        state.finish({})
        state.begin([])
        assert state.add(_item("/flaky")) is True  # a later pass retries it
        _handle(state, {"/flaky": "failed"})
        failures += 1
    assert state.requeue_failed() == 0
    state.finish({})
    state.begin([])
    assert state.add(_item("/flaky")) is False and state.pop() is None


def test_frontier_success_resets_the_failure_count(state):
    from partyfacts.scraper.frontier import MAX_ATTEMPTS
    state.begin([])
    state.add(_item("/l", "listing"))
    for _ in range(MAX_ATTEMPTS - 1):
        _handle(state, {"/l": "failed"})
        assert state.requeue_failed() == 1
    _handle(state, {"/l": "done"})
    state.finish({})
    state.begin([])
    state.add(_item("/l", "listing"))
    for _ in range(MAX_ATTEMPTS - 1):
        _handle(state, {"/l": "failed"})
        assert state.requeue_failed() == 1  # would be 0 if the earlier failures still counted


def test_frontier_rejected_article_guess_is_revisited_as_a_page(state):
    state.begin([])
    state.add(_item("/guess", "article"))
    _handle(state, {"/guess": "rejected"})
    state.finish({})
    state.begin([])
    assert state.add(_item("/guess")) is True
    state.add(_item("/other"))
    state.add(_item("/listing", "listing"))
    assert _drain(state) == ["/listing", "/guess", "/other"]  # kind page now, after the listing


def test_frontier_start_urls_are_queued_again_by_every_pass(state):
    state.begin([_item("/", "start"), _item("/feed.rss", "feed")])
    _handle(state, {"/feed.rss": "gone"})
    state.finish({})
    state.begin([_item("/", "start"), _item("/feed.rss", "feed")])
    assert _drain(state) == ["/", "/feed.rss"]


def test_frontier_unfinished_pass_is_resumed_with_its_queue(state):
    state.begin([_item("/", "start")])
    state.add(_item("/a", "article"))
    state.add(_item("/l", "listing"))
    it = state.pop()
    state.mark_done(it, "done")
    state.begin([_item("/", "start")])         # no finish(): the same pass goes on, its queue kept
    assert _drain(state) == ["/", "/a", "/l"]   # start pages are read again on resume (queue_on_begin)
    assert state.add(_item("/a")) is False and state.add(_item("/x")) is True


def test_frontier_redirect_target_marked_without_queueing_is_seen_and_handled(state):
    state.begin([])
    assert not state.seen(HOST + "/target")
    state.mark_done(_item("/target", "article"), "article")
    assert state.seen(HOST + "/target")
    assert state.add(_item("/target")) is False and state.pop() is None


def test_frontier_unknown_status_is_refused_by_both_states(state):
    state.begin([_item("/", "start")])
    it = state.pop()
    with pytest.raises(ValueError, match="unknown frontier status 'fetched'"):
        state.mark_done(it, "fetched")
