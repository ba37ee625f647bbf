"""Short, renewable claims: a crawler's frontier claims and a process run's article claim live one
short lease unless the claimant's heartbeat renews them, so a live crawler or run keeps what it claimed
however slow it is, and a dead one's claims are taken over within one lease (SQLite in a temp dir)."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from partyfacts import nlp
from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.crawlstate import CLAIMED, DbCrawlState
from partyfacts.corpus.db import Heartbeat
from partyfacts.corpus.jobs import InlineRunner, ProcessConfig
from partyfacts.corpus.jobs.process import claim, process_articles
from partyfacts.scraper.state import FrontierItem

HOST = "http://lease.example.vn"
SITE = "lease.example.vn"


@pytest.fixture
def db(tmp_path):
    d = open_db(str(tmp_path / "lease.db"))
    yield d
    d.dispose()


def _item(path: str, kind: str = "start") -> FrontierItem:
    return FrontierItem(HOST + path, HOST + path, kind)


def _row(db, path: str) -> m.FrontierEntry:
    with db.session() as s:
        return s.execute(select(m.FrontierEntry).where(m.FrontierEntry.canonical_url == HOST + path)).scalar_one()


def _until(predicate, what: str, timeout: float = 60.0) -> None:
    """Wait for a condition another thread brings about (a generous deadline, not a timing assertion)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.02)


def test_a_live_crawlers_heartbeat_keeps_renewing_its_claim_past_the_first_lease(db):
    a = DbCrawlState(db, SITE, base_url=HOST + "/", lease=0.9)
    a.begin([_item("/")])
    got = a.pop()
    first = _row(db, "/").lease_until
    assert a.heartbeat.alive
    _until(lambda: a.heartbeat.beats >= 3, "three heartbeats")       # > one whole lease has passed
    row = _row(db, "/")
    assert got.url == HOST + "/" and row.status == CLAIMED and row.claimed_by == a.holder
    assert row.lease_until > first                                     # renewed, still this crawler's
    a.finish({})
    assert not a.heartbeat.alive and _row(db, "/").status == "pending"   # claims left are given back
    a.close()


def test_a_dead_crawlers_claim_is_taken_over_by_another_crawler_once_its_lease_runs_out(db):
    a = DbCrawlState(db, SITE, base_url=HOST + "/", lease=0.5)
    a.begin([_item("/")])
    lost = a.pop()
    a.heartbeat.stop()                    # a.'s process "dies": no more beats, its claim stays behind
    b = DbCrawlState(db, SITE, base_url=HOST + "/", lease=30)
    b.begin([_item("/")])                 # joins the run a. left; the claim is not free yet
    taken = b.pop()                       # waits while a.'s claim lives, then takes it over
    row = _row(db, "/")
    assert taken.canonical_url == lost.canonical_url and row.claimed_by == b.holder != a.holder
    b.mark_done(taken, "done")
    assert b.pop() is None
    b.finish({})
    b.close()
    a.session.close()


def test_renewing_claims_touches_only_the_crawlers_own_claims(db):
    a = DbCrawlState(db, SITE, base_url=HOST + "/", lease=30)
    b = DbCrawlState(db, SITE, base_url=HOST + "/", lease=30)
    a.begin([_item("/one"), _item("/two")])
    b.begin([_item("/one"), _item("/two")])
    a.heartbeat.stop(), b.heartbeat.stop()          # beats by hand here
    ia, ib = a.pop(), b.pop()
    before = {p: _row(db, p).lease_until for p in ("/one", "/two")}
    time.sleep(0.01)
    assert a.renew_claims() == 1
    mine, theirs = ia.canonical_url[len(HOST):], ib.canonical_url[len(HOST):]
    assert _row(db, mine).lease_until > before[mine] and _row(db, theirs).lease_until == before[theirs]
    for st in (a, b):
        st.session.close()


def test_a_claim_lease_must_be_positive():
    with pytest.raises(ValueError, match="positive number of seconds"):
        DbCrawlState(None, SITE, lease=0)


def test_a_slow_extraction_keeps_its_article_claim_alive_through_the_runs_heartbeat(db, tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Bài\n\nĐồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, dự hội nghị.", encoding="utf-8")
    [aid] = InlineRunner(db).run("ingest", paths=[p]).added
    seen = []

    def lease_until():
        with db.session() as s:
            return s.execute(select(m.Processing.lease_until).where(m.Processing.article_id == aid)).scalar_one()

    def slow_extract(text, **kw):
        # longer than the 1.5 s lease: the claim must be renewed meanwhile, never taken by another run
        first = lease_until()
        _until(lambda: lease_until() > first, "the run's heartbeat renewing the claim")
        seen.append(claim(db, aid, "v-test"))      # another run trying to take the article now: refused
        return nlp.extract(text, **kw)

    res = process_articles(db, config=ProcessConfig(lease=1.5), ids=[aid], extract=slow_extract, version="v-test")
    assert seen == [False] and (res.processed, res.failed) == (1, 0)
    with db.session() as s:
        row = s.execute(select(m.Processing).where(m.Processing.article_id == aid)).scalar_one()
    assert (row.status, row.attempts, row.lease_until) == ("ok", 1, None)


def test_heartbeat_logs_a_failing_renewal_and_beats_again(caplog):
    calls = []

    def renew():
        calls.append(1)
        if len(calls) == 1:
            raise ConnectionError("database away for a moment")
    beat = Heartbeat(renew, every=0.05, name="test-beat").start()
    _until(lambda: beat.beats >= 1, "a renewal after the failed one")
    beat.stop()
    assert not beat.alive and len(calls) >= 2
    assert "test-beat: renewing the leases failed" in caplog.text and "database away" in caplog.text
