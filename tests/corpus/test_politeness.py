from partyfacts.corpus.politeness import DbPoliteness


class Clock:
    """A fake clock whose sleep advances it (and runs a hook, e.g. another crawler's turn)."""

    def __init__(self, t=1000.0):
        self.t = t
        self.slept = []
        self.on_sleep = None

    def __call__(self):
        return self.t

    def sleep(self, s):
        self.slept.append(s)
        self.t += s
        if self.on_sleep:
            self.on_sleep()


def test_first_request_to_a_host_waits_nothing_then_the_next_waits_the_delay_after_the_answer(db):
    clock = Clock()
    p = DbPoliteness(db, clock, clock.sleep)
    assert p.reserve("a.gov.vn", 2.0) == 0.0
    clock.t += 0.5                                  # the request took half a second
    p.sent("a.gov.vn", 2.0)
    assert p.reserve("a.gov.vn", 2.0) == 2.0        # 2 s after the answer, not after the booking
    assert p.reserve("b.gov.vn", 2.0) == 0.0        # hosts are independent
    assert clock.slept == []


def test_a_second_crawler_waits_while_the_host_is_busy_then_keeps_the_delay(db):
    from partyfacts.corpus import open_db
    clock = Clock()
    other = open_db(db.url)  # a second connection pool, as a second worker would have
    a, b = DbPoliteness(db, clock, clock.sleep), DbPoliteness(other, clock, clock.sleep)
    assert a.reserve("h.vn", 1.0) == 0.0            # a. is sending
    clock.on_sleep = lambda: (a.sent("h.vn", 1.0), setattr(clock, "on_sleep", None))   # answered while b. waits
    assert b.reserve("h.vn", 1.0) == 1.0            # b. polled once, then got the slot 1 s after a.'s answer
    assert len(clock.slept) == 1
    other.dispose()


def test_a_crawler_that_dies_while_sending_holds_the_host_only_for_the_busy_lease(db):
    clock = Clock()
    a, b = DbPoliteness(db, clock, clock.sleep, busy=5.0), DbPoliteness(db, clock, clock.sleep, busy=5.0)
    a.reserve("h.vn", 1.0)                          # a. never calls sent: it died
    assert b.reserve("h.vn", 1.0) == 0.0
    assert 5.0 <= sum(clock.slept) < 5.2


def test_a_slot_in_the_past_does_not_make_later_requests_wait(db):
    clock = Clock()
    p = DbPoliteness(db, clock, clock.sleep)
    p.reserve("a.vn", 1.0)
    p.sent("a.vn", 1.0)
    clock.t += 60
    assert p.reserve("a.vn", 1.0) == 0.0


def test_a_retry_after_holds_the_host_for_every_crawler(db):
    clock = Clock()
    a, b = DbPoliteness(db, clock, clock.sleep), DbPoliteness(db, clock, clock.sleep)
    a.reserve("h.vn", 1.0)
    a.sent("h.vn", 1.0)
    a.hold("h.vn", 30.0)
    assert b.reserve("h.vn", 1.0) == 30.0
    b.hold("new.vn", 10.0)                          # a host never asked yet
    assert a.reserve("new.vn", 1.0) == 10.0
