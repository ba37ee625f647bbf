"""The frontier transition rules (scraper.frontier), pinned once; tests/corpus/test_crawlstate_db.py runs
the same rules through MemoryState and DbCrawlState."""
import pytest

from partyfacts.scraper import frontier
from partyfacts.scraper.frontier import MAX_ATTEMPTS, PENDING, STATUSES, Entry


def test_every_status_has_exactly_one_requeue_rule():
    assert set(frontier.REQUEUE) == set(STATUSES)
    assert set(frontier.REQUEUE.values()) == {"retry", "revisit", "never"}
    assert frontier.RETRIED == ("failed",)
    assert set(frontier.REVISITED) == {"rejected", "done", "not_modified"}


def test_new_url_is_queued_and_a_pending_one_is_not():
    assert frontier.queue_on_add(None) is True
    assert frontier.queue_on_add(Entry(PENDING)) is False
    assert frontier.queue_on_add(Entry(PENDING, this_pass=True)) is False


@pytest.mark.parametrize("status", STATUSES)
def test_nothing_handled_in_this_pass_is_queued_again_by_add(status):
    assert frontier.queue_on_add(Entry(status, "listing", 0, this_pass=True)) is False


@pytest.mark.parametrize("status,kind,attempts,queued", [
    ("rejected", "page", 0, True), ("done", "listing", 0, True), ("not_modified", "page", 0, True),
    ("rejected", "article", 0, False), ("done", "article", 0, False), ("not_modified", "article", 0, False),
    ("failed", "article", 0, True), ("failed", "page", MAX_ATTEMPTS - 1, True), ("failed", "page", MAX_ATTEMPTS, False),
    ("article", "article", 0, False), ("duplicate", "article", 0, False), ("gone", "page", 0, False),
    ("disallowed", "page", 0, False),
])
def test_later_pass_requeues_by_the_status_rule(status, kind, attempts, queued):
    assert frontier.queue_on_add(Entry(status, kind, attempts, this_pass=False)) is queued


@pytest.mark.parametrize("status", STATUSES)
def test_start_urls_are_queued_by_every_begin_unless_pending(status):
    assert frontier.queue_on_begin(Entry(status, "start", MAX_ATTEMPTS, this_pass=True)) is True
    assert frontier.queue_on_begin(None) is True
    assert frontier.queue_on_begin(Entry(PENDING, "start")) is False


def test_failures_count_up_and_any_other_outcome_resets_the_count():
    kind, attempts = "page", 0
    for n in range(1, MAX_ATTEMPTS + 1):
        kind, attempts = frontier.after_done(kind, "failed", attempts)
        assert attempts == n and frontier.retryable("failed", attempts) is (n < MAX_ATTEMPTS)
    assert frontier.after_done("page", "done", attempts) == ("page", 0)
    assert frontier.after_done("page", "failed", None) == ("page", 1)  # a database NULL counts as 0


def test_article_and_duplicate_become_kind_article_and_a_rejected_guess_becomes_a_page():
    assert frontier.after_done("page", "article", 0) == ("article", 0)
    assert frontier.after_done("listing", "duplicate", 2) == ("article", 0)
    assert frontier.after_done("article", "rejected", 0) == ("page", 0)
    assert frontier.after_done("listing", "rejected", 0) == ("listing", 0)
    assert frontier.after_done("article", "failed", 1) == ("article", 2)


def test_unknown_status_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="unknown frontier status 'fetched'.*'article'"):
        frontier.after_done("page", "fetched", 0)
    with pytest.raises(ValueError, match="unknown frontier status"):
        frontier.check_status(PENDING)  # pending is where pages wait, not an outcome


def test_only_failed_pages_with_attempts_left_are_retried():
    assert frontier.retryable("failed", MAX_ATTEMPTS - 1) is True
    assert frontier.retryable("failed", MAX_ATTEMPTS) is False
    assert not any(frontier.retryable(s, 0) for s in STATUSES if s != "failed")


def test_a_requeued_page_keeps_its_kind_unless_the_new_link_says_more():
    assert frontier.kind_when_queued("listing", "page") == "listing"
    assert frontier.kind_when_queued("page", "article") == "article"
    assert frontier.kind_when_queued("article", "sitemap") == "sitemap"


def test_priority_orders_start_pages_then_articles_then_listings_then_other_pages():
    kinds = ["page", "listing", "article", "feed", "sitemap", "start", "unknown"]
    assert sorted(kinds, key=frontier.priority)[:3] == ["feed", "sitemap", "start"]
    assert [frontier.priority(k) for k in ("article", "listing", "page", "unknown")] == [1, 2, 3, 3]
