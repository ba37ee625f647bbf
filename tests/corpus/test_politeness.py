import threading

from partyfacts.corpus.politeness import DbPoliteness


class Clock:
    def __init__(self, t=1000.0):
        self.t = t

    def __call__(self):
        return self.t


def test_first_request_to_a_host_waits_nothing_then_slots_are_spaced(db):
    clock = Clock()
    p = DbPoliteness(db, clock)
    assert p.reserve("a.gov.vn", 2.0) == 0.0
    assert p.reserve("a.gov.vn", 2.0) == 2.0
    assert p.reserve("a.gov.vn", 2.0) == 4.0
    assert p.reserve("b.gov.vn", 2.0) == 0.0   # hosts are independent


def test_two_processes_sharing_the_database_keep_the_delay_together(db, tmp_path):
    from partyfacts.corpus import open_db
    clock = Clock()
    other = open_db(db.url)  # a second connection pool, as a second worker would have
    a, b = DbPoliteness(db, clock), DbPoliteness(other, clock)
    waits = []
    lock = threading.Lock()

    def book(p):
        w = p.reserve("h.vn", 1.0)
        with lock:
            waits.append(w)

    threads = [threading.Thread(target=book, args=(p,)) for p in (a, b, a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(waits) == [0.0, 1.0, 2.0, 3.0]
    other.dispose()


def test_a_slot_in_the_past_does_not_make_later_requests_wait(db):
    clock = Clock()
    p = DbPoliteness(db, clock)
    p.reserve("a.vn", 1.0)
    clock.t += 60
    assert p.reserve("a.vn", 1.0) == 0.0
