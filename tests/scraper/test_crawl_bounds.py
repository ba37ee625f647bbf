"""A crawl is bounded: a page that drips in loses its page at the page deadline, a site spends at most its
page budget per run and a host at most its deadline, generated calendars and listings (crawler traps) are not followed, rejected pages
are archived as their reason and links, not their body, and every stop says why."""
from __future__ import annotations

import json
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sitekit import fast_config

from partyfacts.scraper import MemoryState, crawl
from partyfacts.scraper.crawl import DEFAULT_HOST_DEADLINE, DEFAULT_PAGE_BUDGET, LINKS_RECORD_TYPE
from partyfacts.scraper.fetch import FetchError, Fetcher
from partyfacts.scraper.traps import TrapGuard, date_named, url_template
from partyfacts.scraper.urls import canonical_url

ARTICLE = ("<html><head><title>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12</title></head><body>"
           "<h1>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12</h1><p>Ngày 12/3/2024</p>"
           + "<p>Sáng 12/3, Ban Chấp hành Đảng bộ tỉnh tổ chức hội nghị lần thứ 12 để thảo luận về tình hình "
             "kinh tế - xã hội quý I và nhiệm vụ trọng tâm quý II năm 2024 của tỉnh.</p>" * 3 + "</body></html>")


class _Dynamic(BaseHTTPRequestHandler):
    """Pages made up per request: `routes` maps a path to a function returning (status, body) or a
    drip marker; `log` records the paths asked for."""
    protocol_version = "HTTP/1.1"
    routes: dict = {}
    log: list = []

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        self.log.append(self.path)
        make = self.routes.get(self.path) or next((f for p, f in self.routes.items() if p.endswith("*")
                                                  and self.path.startswith(p[:-1])), None)
        if make is None:
            body = b"not found"
            self.send_response(404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        out = make(self.path)
        if out == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            try:
                for _ in range(5000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.05)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        body = out.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hung up on a dripping page: expected


@pytest.fixture
def dynamic():
    servers = []

    def start(routes: dict):
        handler = type("H", (_Dynamic,), {"routes": routes, "log": []})
        httpd = _Quiet(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}", handler.log

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def test_a_page_dripping_one_byte_at_a_time_fails_at_the_page_deadline_though_every_read_is_quick(dynamic):
    base, log = dynamic({"/slow": lambda p: "drip"})
    # every byte arrives well within the read timeout; only the total deadline can stop it
    fetcher = Fetcher(fast_config(timeout=2.0, page_deadline=0.5, retries=0))
    with pytest.raises(FetchError) as err:
        fetcher.fetch(base + "/slow")
    assert "page deadline" in str(err.value) and "bytes arrived" in str(err.value)
    received = int(str(err.value).split("(")[1].split(" bytes")[0])
    assert received < 5000


def test_a_dripping_page_costs_the_crawl_one_error_and_the_other_pages_are_still_crawled(dynamic):
    links = '<a href="/slow">Trang chậm</a> <a href="/bai-viet/hoi-nghi-ban-chap-hanh-lan-thu-12.html">Hội nghị</a>'
    base, log = dynamic({"/": lambda p: f"<html><body>{links}</body></html>", "/slow": lambda p: "drip",
                         "/bai-viet/hoi-nghi-ban-chap-hanh-lan-thu-12.html": lambda p: ARTICLE})
    state = MemoryState()
    stats = crawl([base + "/"], state, fetcher=Fetcher(fast_config(timeout=2.0, page_deadline=0.5, retries=0)),
                  progress=False)
    assert len(state.articles) == 1
    assert any("page deadline" in line and "/slow" in line for line in stats.error_lines)
    assert state.status_of(canonical_url(base + "/slow"))[0] == "failed"


def test_crawl_stops_at_the_page_budget_of_the_site_says_so_and_the_next_run_resumes(serve):
    site = serve("tandan")
    state = MemoryState()
    start = [site.url(site.expected["start"])]
    first = crawl(start, state, fetcher=Fetcher(fast_config()), progress=False, page_budget=4)
    assert first.stopped.startswith("page budget: 4 pages") and first.pages_fetched == 4
    assert not state.finished  # the run is not over: the next one resumes it
    crawl(start, state, fetcher=Fetcher(fast_config()), progress=False)
    want = {canonical_url(site.url(a["path"])) for a in site.expected["articles"]}
    assert set(state.articles) == want
    for a in site.expected["articles"]:
        assert site.hits(a["path"]) == 1


def test_crawl_has_a_page_budget_by_default():
    assert crawl.__kwdefaults__["page_budget"] == DEFAULT_PAGE_BUDGET == 5000


def test_a_host_that_held_the_run_for_its_deadline_stops_says_so_and_the_next_run_resumes(serve):
    site = serve("tandan")
    state = MemoryState()
    start = [site.url(site.expected["start"])]
    ticks = iter(range(0, 10 ** 6, 10))          # a clock: every reading 10 s after the last (a page = 10 s)
    first = crawl(start, state, fetcher=Fetcher(fast_config()), progress=False, host_deadline=35.0,
                  clock=lambda: next(ticks))
    assert first.stopped == "host deadline: 35 s per host and run" and first.pages_fetched == 4
    assert "(stopped: host deadline: 35 s per host and run)" in first.line()
    assert first.as_dict()["stopped"] == first.stopped and not state.finished
    crawl(start, state, fetcher=Fetcher(fast_config()), progress=False)
    assert set(state.articles) == {canonical_url(site.url(a["path"])) for a in site.expected["articles"]}


def test_crawl_has_a_host_deadline_by_default():
    assert crawl.__kwdefaults__["host_deadline"] == DEFAULT_HOST_DEADLINE == 4 * 3600.0


def _calendar_site(dynamic, first_day: date):
    """A portal whose calendar links every day to the next (and to 2099): endless generated pages, one
    article linked from the home page."""
    def day_page(path):
        y, m, d = (int(x) for x in path.split("/")[2:5])
        nxt = date.fromordinal(date(y, m, d).toordinal() + 1)
        return (f"<html><body><h2>Lịch ngày {d}/{m}/{y}</h2><a href='/lich/{nxt.year}/{nxt.month}/{nxt.day}'>Ngày sau</a>"
                f"<a href='/lich/2099/1/1'>Năm 2099</a><p>Không có sự kiện.</p></body></html>")
    home = (f"<html><body><a href='/lich/{first_day.year}/{first_day.month}/{first_day.day}'>Lịch</a>"
            "<a href='/bai-viet/hoi-nghi-ban-chap-hanh-lan-thu-12.html'>Hội nghị Ban Chấp hành lần thứ 12</a></body></html>")
    return dynamic({"/": lambda p: home, "/lich/*": day_page,
                    "/bai-viet/hoi-nghi-ban-chap-hanh-lan-thu-12.html": lambda p: ARTICLE})


def test_an_endless_calendar_is_abandoned_after_its_barren_pages_and_the_crawl_ends_by_itself(dynamic):
    base, log = _calendar_site(dynamic, date(2001, 1, 1))
    state = MemoryState()
    stats = crawl([base + "/"], state, fetcher=Fetcher(fast_config()), progress=False, barren_limit=6)
    assert len(state.articles) == 1
    assert not stats.stopped  # ended because nothing was left, not because of a cap
    calendar = [p for p in log if p.startswith("/lich/")]
    assert len(calendar) == 6
    assert stats.skipped["crawler trap"] >= 1
    assert "/lich/2099/1/1" not in log  # a day in the future is never fetched


def test_a_url_naming_a_day_in_the_future_is_a_trap_and_one_in_the_past_is_not():
    guard = TrapGuard(date(2024, 6, 1))
    assert guard.refuse("https://x.gov.vn/lich?ngay=02/06/2024", "page", 1).startswith("crawler trap")
    assert guard.refuse("https://x.gov.vn/Pages/2024-7-1/hoi-nghi.aspx", "article", 1).startswith("crawler trap")
    assert guard.refuse("https://x.gov.vn/Pages/2024-5-31/hoi-nghi.aspx", "article", 1) == ""
    assert date_named("https://x.gov.vn/lich?year=2030") == date(2030, 1, 1)


def test_page_links_deeper_than_the_depth_limit_are_refused_but_pagination_is_not():
    guard = TrapGuard(date(2024, 6, 1), max_depth=3)
    assert guard.refuse("https://x.gov.vn/gioi-thieu", "page", 4).startswith("depth limit")
    assert guard.refuse("https://x.gov.vn/tin-tuc?page=40", "listing", 40) == ""


def test_template_budget_caps_pages_of_one_template_but_not_articles():
    guard = TrapGuard(date(2024, 6, 1), template_budget=2, barren_limit=100)
    for n in (1, 2):
        guard.record(f"https://x.gov.vn/tin-tuc?page={n}", "listing", True)
    assert url_template("https://x.gov.vn/tin-tuc?page=3") == "x.gov.vn/tin-tuc?page={n}"
    assert guard.refuse("https://x.gov.vn/tin-tuc?page=3", "listing", 3).startswith("template budget")
    for n in (1, 2, 3):
        guard.record(f"https://x.gov.vn/View_Detail.aspx?ItemID={n}", "article", True)
    assert guard.refuse("https://x.gov.vn/View_Detail.aspx?ItemID=4", "article", 2) == ""


def test_rejected_pages_are_archived_as_their_reason_and_links_and_articles_in_full(serve):
    site = serve("wordpress")
    state = MemoryState()
    crawl([site.url(site.expected["start"])], state, fetcher=Fetcher(fast_config()), progress=False)
    for path in site.expected["non_articles"]:
        canon = canonical_url(site.url(path))
        if canon not in state.pages:
            continue
        page = state.pages[canon]
        assert page.content_type == LINKS_RECORD_TYPE and b"<html" not in page.content.lower()
        record = json.loads(page.content)
        assert record["rejected"] == state.rejected_pages[canon] == state.status_of(canon)[1]
    home = json.loads(state.pages[canonical_url(site.url("/"))].content)
    assert home["rejected"] == "home page" and home["articles"]
    for a in site.expected["articles"]:
        page = state.pages[canonical_url(site.url(a["path"]))]
        assert b"<html" in page.content.lower() and canonical_url(site.url(a["path"])) not in state.rejected_pages


class _HeaderDrip(BaseHTTPRequestHandler):
    """Answers with a status line and headers one byte at a time."""
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        if self.path == "/robots.txt":
            body = b"User-agent: *\nAllow: /\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Padding: " + b"a" * 400 + b"\r\n"
        try:
            for i in range(len(head)):
                self.wfile.write(head[i:i + 1])
                self.wfile.flush()
                time.sleep(0.05)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        self.close_connection = True


def test_a_server_dripping_its_headers_is_cut_at_the_page_deadline():
    httpd = _Quiet(("127.0.0.1", 0), _HeaderDrip)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        fetcher = Fetcher(fast_config(timeout=2.0, page_deadline=0.5, retries=2))
        with pytest.raises(FetchError) as err:
            fetcher.fetch(f"http://127.0.0.1:{httpd.server_address[1]}/trang")
        assert "headers not received within the 0.5 s page deadline" in str(err.value)
        assert fetcher.requests_sent == 2  # robots.txt, then one try: a deadline is not retried
    finally:
        httpd.shutdown()
        httpd.server_close()
