"""A web export's producer gives way to the pages answered by the same process: it pauses after every
``run`` seconds of work (corpus.export_stream.Pacer) and runs with a lower scheduling priority than the
threads answering requests (lower_thread_priority)."""
from __future__ import annotations

import os
import sys
import threading

import pytest

from partyfacts.corpus.export_stream import Pacer, lower_thread_priority


def test_the_pacer_pauses_once_per_run_of_work_and_passes_every_row_through():
    now = [0.0]
    slept: list[float] = []

    def sleep(s):
        slept.append(s)
        now[0] += s
    pacer = Pacer(run=0.02, pause=0.002, clock=lambda: now[0], sleep=sleep)
    out = []
    for row in pacer.rows(range(10)):
        out.append(row)
        now[0] += 0.005            # each row costs 5 ms of work
    assert out == list(range(10))
    assert slept == [0.002, 0.002]  # 50 ms of work: a pause after each 20 ms (checked before rows 5 and 9)


def test_the_pacer_never_pauses_a_producer_that_works_less_than_one_run():
    now = [0.0]
    slept: list[float] = []
    pacer = Pacer(run=0.02, pause=0.002, clock=lambda: now[0], sleep=slept.append)
    for _ in pacer.rows(range(3)):
        now[0] += 0.001
    assert slept == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_a_producer_thread_is_made_nicer_than_the_threads_answering_pages():
    got = {}

    def producer():
        tid = threading.get_native_id()
        before = os.getpriority(os.PRIO_PROCESS, tid)
        got["lowered"] = lower_thread_priority(10)
        got["nice"] = (before, os.getpriority(os.PRIO_PROCESS, tid))
    th = threading.Thread(target=producer)
    th.start()
    th.join()
    here = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    before, after = got["nice"]
    assert got["lowered"] and after == min(19, before + 10)
    assert here == before            # the calling (page-answering) thread keeps its priority
