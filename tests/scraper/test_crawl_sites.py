"""Crawls of the fixture sites over HTTP: every article found once, nothing else stored, faults
survived, an interrupted crawl resumed, a later crawl fetching only what changed."""
import pytest
from sitekit import FAMILIES, Fault, fast_config

from partyfacts.scraper import MemoryState, crawl
from partyfacts.scraper.crawl import _Progress, CrawlStats
from partyfacts.scraper.fetch import Fetcher
from partyfacts.scraper.urls import canonical_url


def _want(site):
    return {canonical_url(site.url(a["path"])): a for a in site.expected["articles"]}


def _crawl(site, state, **kw):
    return crawl([site.url(site.expected["start"])], state, fetcher=Fetcher(fast_config()), progress=False, **kw)


@pytest.mark.parametrize("family", FAMILIES)
def test_crawl_from_the_home_page_stores_exactly_the_articles(serve, family):
    site = serve(family)
    state = MemoryState()
    stats = _crawl(site, state)
    want = _want(site)
    assert set(state.articles) == set(want)
    for canon, art in state.articles.items():
        a = want[canon]
        assert art.title == a["title"]
        assert art.published.isoformat() == a["published"]
        assert art.text == "\n\n".join([a["lead"], *a["paragraphs"]])
        for s in site.expected["must_not_contain"]:
            assert s not in art.text
    for path in site.expected["non_articles"]:
        status, reason = state.status_of(canonical_url(site.url(path)))
        assert status == "rejected" and reason, (path, status)
    for path in site.expected["disallowed"]:
        assert site.hits(path) == 0
    assert stats.new_articles == len(want) and stats.duplicates == 0


def test_crawl_survives_503_retry_after_and_404_links(serve):
    site = serve("party_newspaper")
    first = site.expected["articles"][0]["path"]
    site.faults[first] = Fault(status=503, retry_after="1", times=1)
    state = MemoryState()
    stats = _crawl(site, state)
    assert set(state.articles) == set(_want(site))
    status, reason = state.status_of(canonical_url(site.url("/gioi-thieu-1")))
    assert status == "gone" and "HTTP 404" in reason
    assert stats.errors >= 1 and any("404" in line for line in stats.error_lines)


def test_interrupted_crawl_resumes_and_stores_every_article_once(serve):
    site = serve("tandan")
    state = MemoryState()
    first = _crawl(site, state, max_pages=3)
    assert first.stopped == "max_pages=3"
    _crawl(site, state)
    assert set(state.articles) == set(_want(site))
    for a in site.expected["articles"]:
        assert site.hits(a["path"]) == 1  # nothing fetched twice


def test_later_crawl_fetches_only_changed_listings_and_new_articles(serve):
    site = serve("wordpress")
    state = MemoryState()
    _crawl(site, state)
    before = len(site.log)
    # a new article appears on the first listing page
    new_path = "/2021/01/05/hoi-nghi-ban-chap-hanh-dang-bo-mo-rong/"
    page = (site.dir / "article1.html").read_bytes().replace(
        "Thành ủy tổng kết 10 năm thực hiện Chỉ thị về công tác dân vận".encode(),
        "Hội nghị Ban Chấp hành Đảng bộ thành phố mở rộng".encode()).replace(
        "Sáng 8/5".encode(), "Sáng 5/1".encode())
    site.routes["routes"][new_path] = "article1.html"
    site.faults[new_path] = Fault(body=page)
    listing = (site.dir / "list1.html").read_bytes().replace(
        b"</main>", f'<article><h2 class="entry-title"><a href="{new_path}">Tin mới đăng</a></h2></article></main>'.encode())
    site.faults["/category/tin-tuc/"] = Fault(body=listing)
    stats = _crawl(site, state)
    fetched = [p for _, p, _ in site.log[before:]]
    assert canonical_url(site.url(new_path)) in state.articles
    assert stats.new_articles == 1
    for a in site.expected["articles"]:
        assert a["path"] not in fetched  # old articles are never fetched again
    assert stats.not_modified >= 1  # unchanged listing pages answer 304 to the conditional GET
    conditional = [h for _, p, h in site.log[before:] if p == "/"]
    assert conditional and conditional[0].get("If-None-Match")


def test_crawl_from_a_gzipped_sitemap_index_finds_the_articles(serve):
    site = serve("wordpress")
    state = MemoryState()
    crawl([site.url("/sitemap.xml")], state, fetcher=Fetcher(fast_config()), progress=False, max_pages=6)
    assert set(state.articles) == set(_want(site))


def test_crawl_from_an_rss_feed_finds_the_articles(serve):
    site = serve("party_newspaper")
    state = MemoryState()
    crawl([site.url("/rss/chinh-tri.rss")], state, fetcher=Fetcher(fast_config()), progress=False, max_pages=4)
    assert set(state.articles) == set(_want(site))


def test_same_article_under_two_urls_is_fetched_and_stored_once(serve):
    site = serve("liferay")
    state = MemoryState()
    a = site.expected["articles"][0]["path"]
    crawl([site.url(a + "?redirect=%2Fweb%2Fguest"), site.url(a + "?redirect=%2Fkhac&utm_source=zalo")], state,
          fetcher=Fetcher(fast_config()), progress=False, max_pages=1)
    assert list(state.articles) == [canonical_url(site.url(a))]
    assert sum(1 for _, p, _ in site.log if p.startswith(a)) == 1


def test_same_text_at_a_second_url_is_a_duplicate_not_a_second_article(serve):
    site = serve("party_newspaper")
    a = site.expected["articles"][0]
    copy = "/thoi-su/ban-sao-cung-noi-dung-99999.html"
    site.routes["routes"][copy] = site.routes["routes"][a["path"]]
    state = MemoryState()
    stats = crawl([site.url(a["path"]), site.url(copy)], state, fetcher=Fetcher(fast_config()), progress=False,
                  max_pages=2)
    assert len(state.articles) == 1 and stats.duplicates == 1
    status, reason = state.status_of(canonical_url(site.url(copy)))
    assert status == "duplicate" and "same text" in reason


def test_progress_prints_plain_lines_when_not_a_terminal(capsys):
    p = _Progress(None, enabled=False, every=2)
    for i in range(4):
        p.update(CrawlStats(new_articles=i), f"http://x.vn/{i}")
    p.close()
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2 and err[0].startswith("crawl: 2 pages")


def test_crawl_of_a_dead_server_reports_one_error_line_naming_the_url():
    state = MemoryState()
    stats = crawl(["http://127.0.0.1:9/tin-tuc/"], state, fetcher=Fetcher(fast_config(retries=0)), progress=False)
    assert stats.pages_fetched == 0 and stats.errors >= 1 and stats.new_articles == 0
    line = stats.error_lines[0]
    assert line.startswith("http://127.0.0.1:9/tin-tuc/: ") and "cannot connect" in line and "\n" not in line


def test_article_truncated_on_every_try_is_still_stored_from_what_arrived(serve):
    site = serve("party_newspaper")
    a = site.expected["articles"][0]
    site.faults[a["path"]] = Fault(truncate=True)
    state = MemoryState()
    stats = _crawl(site, state)
    art = state.articles[canonical_url(site.url(a["path"]))]
    assert art.title == a["title"] and art.text.startswith(a["lead"])
    assert any("transfer broke off" in line for line in stats.error_lines)
