import pytest
from sitekit import Fault, ManualClock, fast_config, manual_fetcher

from partyfacts.scraper.fetch import (DEFAULT_CONTACT, VERSION, FetchConfig, FetchError, Fetcher, LocalPoliteness,
                                      RobotsDisallowed, user_agent)

ART = "/chinh-tri/tinh-uy-so-ket-cong-tac-xay-dung-dang-6-thang-dau-nam-12345.html"


def test_user_agent_names_partyfacts_and_a_configurable_contact(serve):
    site = serve("party_newspaper")
    Fetcher(fast_config(contact="mailto:lab@example.edu")).fetch(site.url(ART))
    ua = site.log[-1][2]["User-Agent"]
    assert ua.startswith("partyfacts/") and "mailto:lab@example.edu" in ua and "research crawler" in ua
    assert "https://lab.example.edu/crawler" in user_agent("https://lab.example.edu/crawler")


def test_contact_comes_only_from_the_config_not_the_environment(monkeypatch):
    monkeypatch.setenv("PARTYFACTS_CONTACT", "https://env.example.edu/crawler")
    assert user_agent() == f"partyfacts/{VERSION} (+{DEFAULT_CONTACT}; research crawler)"
    assert Fetcher(FetchConfig()).user_agent == user_agent()
    assert "mailto:x@example.edu" in Fetcher(FetchConfig(contact="mailto:x@example.edu")).user_agent


def test_503_with_retry_after_is_retried_after_the_announced_pause(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(status=503, retry_after="1", times=1)
    clock = ManualClock()
    page = manual_fetcher(fast_config(), clock).fetch(site.url(ART))
    assert page.status == 200 and site.hits(ART) == 2
    assert clock.sleeps == [1.0]  # Retry-After 1 s, longer than the 0.01 s backoff


def test_503_without_retry_after_backs_off_exponentially(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(status=503, times=2)
    clock = ManualClock()
    page = manual_fetcher(fast_config(backoff=0.5, max_backoff=60.0), clock).fetch(site.url(ART))
    assert page.status == 200 and site.hits(ART) == 3
    assert clock.sleeps == [0.5, 1.0]


def test_5xx_gives_up_after_the_retries_with_a_one_line_error(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(status=500)
    with pytest.raises(FetchError) as ei:
        Fetcher(fast_config(retries=2)).fetch(site.url(ART))
    assert site.hits(ART) == 3
    msg = str(ei.value)
    assert "\n" not in msg and site.url(ART) in msg and "HTTP 500" in msg and "3 attempts" in msg


def test_404_is_not_retried(serve):
    site = serve("party_newspaper")
    with pytest.raises(FetchError, match="HTTP 404") as ei:
        Fetcher(fast_config(retries=3)).fetch(site.url("/khong-co-trang-nay.html"))
    assert ei.value.status == 404 and site.hits("/khong-co-trang-nay.html") == 1


def test_slow_page_times_out_then_is_retried(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(delay=0.6, times=1)
    page = Fetcher(fast_config(timeout=0.2)).fetch(site.url(ART))
    assert page.status == 200 and site.hits(ART) == 2


def test_always_slow_page_fails_naming_the_timeout(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(delay=0.4)
    with pytest.raises(FetchError, match="timed out"):
        Fetcher(fast_config(timeout=0.1, retries=1)).fetch(site.url(ART))


def test_truncated_transfer_is_retried_and_succeeds_when_the_server_recovers(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(truncate=True, times=1)
    page = Fetcher(fast_config()).fetch(site.url(ART))
    assert site.hits(ART) == 2 and not page.truncated and page.content.rstrip().endswith(b"</html>")


def test_page_truncated_on_every_try_is_kept_and_flagged(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(truncate=True)
    page = Fetcher(fast_config(retries=2)).fetch(site.url(ART))
    assert site.hits(ART) == 3 and page.truncated and b"article__title" in page.content


def test_page_truncated_on_every_try_is_an_error_when_partial_pages_are_refused(serve):
    site = serve("party_newspaper")
    site.faults[ART] = Fault(truncate=True)
    with pytest.raises(FetchError, match="transfer broke off"):
        Fetcher(fast_config(retries=1, keep_truncated=False)).fetch(site.url(ART))


def test_redirects_are_followed_on_the_start_host(serve):
    site = serve("tandan")
    page = Fetcher(fast_config()).fetch(site.url("/"))
    assert page.final_url == site.url("/portal/Pages/default.aspx") and page.status == 200


def test_redirect_to_another_host_is_refused(serve):
    site = serve("party_newspaper")
    site.faults["/di-cho-khac"] = Fault(status=302, redirect=site.base.replace("127.0.0.1", "localhost") + ART)
    with pytest.raises(FetchError, match="off the start host"):
        Fetcher(fast_config()).fetch(site.url("/di-cho-khac"))


def test_robots_disallow_is_obeyed_without_a_request(serve):
    site = serve("wordpress")
    with pytest.raises(RobotsDisallowed):
        Fetcher(fast_config()).fetch(site.url("/private/ban-nhap-noi-bo/"))
    assert site.hits("/private/ban-nhap-noi-bo/") == 0


def test_robots_crawl_delay_spaces_requests_to_one_host(serve):
    site = serve("party_newspaper", robots="User-agent: *\nCrawl-delay: 0.3\n")
    clock = ManualClock()
    f = manual_fetcher(fast_config(delay=0.0), clock)
    for _ in range(3):
        f.fetch(site.url(ART))
    assert site.hits(ART) == 3
    # robots.txt itself at --delay 0, then the first page at once, then 0.3 s before each later one
    assert clock.sleeps == [pytest.approx(0.3), pytest.approx(0.3)]


def test_robots_crawl_delay_is_capped(serve):
    site = serve("party_newspaper", robots="User-agent: *\nCrawl-delay: 3600\n")
    clock = ManualClock()
    f = manual_fetcher(fast_config(delay=0.0, max_crawl_delay=5.0), clock)
    f.fetch(site.url(ART))
    f.fetch(site.url(ART))
    assert clock.sleeps == [5.0]


def test_delay_is_kept_between_requests_to_one_host(serve):
    site = serve("party_newspaper")
    clock = ManualClock()
    f = manual_fetcher(fast_config(delay=0.2), clock)
    for _ in range(3):
        f.fetch(site.url(ART))
    assert site.hits(ART) == 3 and site.hits("/robots.txt") == 1
    # robots.txt is a request to the host too: each of the three pages waits 0.2 s after the one before
    assert clock.sleeps == [pytest.approx(0.2)] * 3


def test_delay_applies_per_host_not_across_hosts(serve):
    one, two = serve("party_newspaper"), serve("party_newspaper")
    clock = ManualClock()
    f = manual_fetcher(fast_config(delay=0.5, obey_robots=False), clock)
    f.fetch(one.url(ART))
    f.fetch(two.url(ART).replace("127.0.0.1", "localhost"))
    assert clock.sleeps == []
    f.fetch(one.url(ART))
    assert clock.sleeps == [0.5]


def test_local_politeness_books_slots_per_host():
    clock = iter([0.0, 0.0, 0.0]).__next__
    store = LocalPoliteness(clock=clock)
    assert store.reserve("a.gov.vn", 1.0) == 0.0
    assert store.reserve("a.gov.vn", 1.0) == 1.0
    assert store.reserve("b.gov.vn", 1.0) == 0.0


def test_conditional_get_returns_not_modified(serve):
    site = serve("party_newspaper")
    f = Fetcher(fast_config())
    first = f.fetch(site.url(ART))
    assert first.etag
    again = f.fetch(site.url(ART), etag=first.etag)
    assert again.not_modified and again.content == b""


def test_dead_server_error_is_one_line_naming_the_url():
    f = Fetcher(fast_config(retries=1, obey_robots=False))
    with pytest.raises(FetchError) as ei:
        f.fetch("http://127.0.0.1:9/tin-tuc")
    msg = str(ei.value)
    assert msg.startswith("http://127.0.0.1:9/tin-tuc: cannot connect") and "\n" not in msg


def test_unreachable_robots_txt_disallows_everything_with_the_reason(serve):
    site = serve("party_newspaper")
    site.faults["/robots.txt"] = Fault(status=503)
    with pytest.raises(RobotsDisallowed, match="robots.txt unreachable"):
        Fetcher(fast_config(retries=1)).fetch(site.url(ART))
    assert site.hits(ART) == 0
