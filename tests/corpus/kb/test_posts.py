"""Posts and tenures: holders over time from dated evidence; "who held post X on date D"."""
from partyfacts.corpus.kb.posts import Evidence, holders_on, tenures


def ev(pid, date, kind="in_office", article=1, title_key="bí thư", org=7):
    return Evidence(pid, title_key, "Bí thư", org, "Huyện ủy Nam Đàn", date, kind, article)


def test_tenure_starts_at_election_and_is_last_seen_at_latest_sighting():
    (t,) = tenures([ev(1, "2020-06-01"), ev(1, "2015-10-20", "elected"), ev(1, "2018-01-01")])
    assert (t.start, t.start_kind, t.first_seen, t.last_seen, t.end) == (
        "2015-10-20", "elected", "2015-10-20", "2020-06-01", "")


def test_former_mark_after_last_sighting_closes_the_tenure():
    (t,) = tenures([ev(1, "2016-01-01"), ev(1, "2021-03-01", "former")])
    assert t.end == "2021-03-01"


def test_post_holders_on_a_date_follow_the_succession():
    ts = tenures([ev(1, "2015-10-20", "elected"), ev(1, "2019-05-01"),
                  ev(2, "2020-10-15", "elected"), ev(2, "2024-01-01"), ev(1, "2022-01-01", "former")])
    assert [t.person_id for t in holders_on(ts, "2017-01-01")] == [1]
    assert [t.person_id for t in holders_on(ts, "2020-01-01")] == [1]      # not closed, no successor yet
    assert [t.person_id for t in holders_on(ts, "2021-06-01")] == [2]      # successor started since
    assert holders_on(ts, "2010-01-01") == []


def test_different_bodies_are_different_posts():
    ts = tenures([ev(1, "2020-01-01", org=7), ev(1, "2023-01-01", org=8)])
    assert sorted(t.organization_id for t in ts) == [7, 8]
