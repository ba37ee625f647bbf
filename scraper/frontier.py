"""Frontier transition rules, written once for every CrawlState (scraper.state.MemoryState,
corpus.crawlstate.DbCrawlState): which state may follow which, how failures are counted and retried,
and what a later crawl pass does with a page handled before.

A frontier entry is `pending` (queued) or carries the status of its last handling (STATUSES). Pure
functions of the entry's status, kind and attempts; the states only store what these return.

    (new) ──add / begin──▶ pending ──mark_done──▶ article | rejected | duplicate | not_modified
                                                  | done | failed | gone | disallowed
    a handled page ──▶ pending again when REQUEUE says so (a later pass, a start URL, a retry)

A page never queued can be marked done directly (a redirect target), and a page can be marked again
(its newest outcome wins): `mark_done` accepts any status from any state.
"""
from __future__ import annotations

from dataclasses import dataclass

PENDING = "pending"
# frontier kinds, in the order the crawler fetches them (lower first)
PRIORITY = {"start": 0, "sitemap": 0, "feed": 0, "article": 1, "listing": 2, "page": 3}
DEFAULT_KIND = "page"
ARTICLE_KIND = "article"          # a page stored (or found a duplicate) as an article: never fetched again
# statuses after a page is handled; `failed` pages are tried again by a later pass
STATUSES = ("article", "rejected", "duplicate", "not_modified", "done", "failed", "gone", "disallowed")
MAX_ATTEMPTS = 3                  # a page that failed this many times in a row is not tried again

# When a handled page is queued again by `add` in a later pass (never twice in one pass):
#   retry    while it has failed fewer than MAX_ATTEMPTS times in a row (timeouts, 5xx)
#   revisit  unless it is an article page (listings and section pages change; articles do not)
#   never    articles, duplicates, pages gone (404/410) or disallowed by robots.txt
REQUEUE = {"failed": "retry", "rejected": "revisit", "done": "revisit", "not_modified": "revisit",
           "article": "never", "duplicate": "never", "gone": "never", "disallowed": "never"}
REVISITED = tuple(s for s, rule in REQUEUE.items() if rule == "revisit")
RETRIED = tuple(s for s, rule in REQUEUE.items() if rule == "retry")


@dataclass(frozen=True)
class Entry:
    """What the rules read of a stored frontier entry."""
    status: str
    kind: str = DEFAULT_KIND
    attempts: int = 0
    this_pass: bool = False       # queued or handled in the current pass


def priority(kind: str) -> int:
    """Fetch order of a kind (lower first); unknown kinds come last."""
    return PRIORITY.get(kind, PRIORITY[DEFAULT_KIND])


def check_status(status: str) -> None:
    """Raise ValueError for a status `mark_done` does not know."""
    if status not in STATUSES:
        raise ValueError(f"unknown frontier status {status!r}; one of {STATUSES}")


def retryable(status: str, attempts: int) -> bool:
    """A failed page with attempts left: queued again by `add` in a later pass and by `requeue_failed`."""
    return REQUEUE.get(status) == "retry" and attempts < MAX_ATTEMPTS


def queue_on_add(entry: Entry | None) -> bool:
    """Does `add` queue this URL? A new URL yes; one pending, or queued or handled in this pass, no; a
    page handled in an earlier pass by its REQUEUE rule."""
    if entry is None:
        return True
    if entry.status == PENDING or entry.this_pass:
        return False
    rule = REQUEUE.get(entry.status, "never")
    if rule == "retry":
        return retryable(entry.status, entry.attempts)
    return rule == "revisit" and entry.kind != ARTICLE_KIND


def queue_on_begin(entry: Entry | None) -> bool:
    """Does `begin` queue this start URL? Always, unless it is already pending: start pages (home,
    sitemaps, feeds) are read again by every pass, whatever happened to them before."""
    return entry is None or entry.status != PENDING


def kind_when_queued(old_kind: str, new_kind: str) -> str:
    """The kind of a known page queued again: the new one when it says more than "page"."""
    return new_kind if new_kind != DEFAULT_KIND else old_kind


def after_done(kind: str, status: str, attempts: int) -> tuple[str, int]:
    """(kind, attempts) of an entry marked `status`: an article or duplicate becomes kind article (never
    fetched again); a rejected guess of kind article becomes a page (revisited by later passes);
    failures count up, any other outcome resets the count. Raises ValueError for an unknown status."""
    check_status(status)
    if status in ("article", "duplicate"):
        kind = ARTICLE_KIND
    elif status == "rejected" and kind == ARTICLE_KIND:
        kind = DEFAULT_KIND
    return kind, ((attempts or 0) + 1 if status == "failed" else 0)
