"""The cache of search answers: the search page's and /api/search's data and the lists' facet counts,
kept per web worker process (an LRU of ``search_cache`` entries), keyed by what was asked (the
normalized query, the filters, page, sort …) and the database's data stamp
(corpus.search.data_stamp), read at the start of the request: every write to the tables a search
reads changes the stamp, so an answer is only reused while the data it came from is unchanged — a
newly processed article is in the very next search. Requests asking the same thing at the same time
compute it once: the others wait for the first one's answer."""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable

WAIT_SECONDS = 30.0     # how long a request waits for an identical one being computed before computing itself


class SearchCache:
    def __init__(self, entries: int):
        self.entries = entries
        self._lru: OrderedDict[Hashable, Any] = OrderedDict()
        self._computing: dict[Hashable, threading.Event] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.entries > 0

    def get(self, stamp: str | None, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for (stamp, key), else ``compute()`` stored under it. Without a stamp (a
        database that has none) or with the cache off, always computed. An exception is not cached."""
        if not self.enabled or stamp is None:
            return compute()
        k = (stamp, key)
        with self._lock:
            if k in self._lru:
                return self._hit(k)
            running = self._computing.get(k)
            first = running is None
            if first:
                running = self._computing[k] = threading.Event()
        if not first:   # the same answer is being computed: wait for it
            running.wait(WAIT_SECONDS)
            with self._lock:
                if k in self._lru:
                    return self._hit(k)
            return compute()     # it failed (nothing stored) or is stuck: answer this request anyway
        try:
            value = compute()
            with self._lock:
                self.misses += 1
                self._lru[k] = value
                while len(self._lru) > self.entries:
                    self._lru.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._computing.pop(k, None)
            running.set()

    def _hit(self, k: Hashable) -> Any:
        self._lru.move_to_end(k)
        self.hits += 1
        return self._lru[k]

    def clear(self) -> None:
        with self._lock:
            self._lru.clear()
