"""End-to-end: the web UI in a real headless Chromium (Debian's chromium driven by Playwright).
A researcher searches without diacritics, opens a person, opens an article, toggles a fact type and
exports a table. Screenshots go to screenshots/ (gitignored) for a human look."""
from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))
from serving import SHOTS, new_page, serve_database  # noqa: E402  (shared by the browser tests)
from webcorpus import build_corpus  # noqa: E402  (the web tests' corpus builder)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve_database(build_corpus(tmp_path_factory.mktemp("e2e"))) as url:
        yield url


@pytest.fixture(scope="module")
def page(server, browser):
    """One page for the whole walk (the tests follow each other as a researcher's session)."""
    return new_page(browser, viewport={"width": 1280, "height": 900}, accept_downloads=True)


def test_home_then_search_without_diacritics_finds_accented_articles(page, server):
    page.goto(server + "/")
    page.screenshot(path=str(SHOTS / "01-home.png"), full_page=True)
    page.fill(".bigsearch input[name=q]", "vinh yen")
    page.click(".bigsearch button")
    page.wait_for_selector("ol.hits li")
    marks = page.locator("ol.hits mark").all_inner_texts()
    assert any(mk in ("Vĩnh", "Yên") for mk in marks), marks
    page.screenshot(path=str(SHOTS / "02-search.png"), full_page=True)
    assert not page.errors, page.errors  # no CSP violations or script errors


def test_open_a_person_shows_career_table_and_timeline_picture(page, server):
    page.goto(server + "/search?q=do+trung+hieu&type=persons")
    page.click("table.data tbody a >> nth=0")
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Đỗ Trung Hiếu"
    assert page.locator("svg.timeline circle").count() >= 1
    assert "Trưởng Ban Tổ chức" in page.inner_text("table.data")
    page.screenshot(path=str(SHOTS / "03-person.png"), full_page=True)
    page.click("table.data a[href^='/places/'] >> nth=0")
    page.wait_for_selector("dl.facts")
    assert "Phú Thọ" in page.inner_text("dl.facts")  # the post-2025 successor
    page.screenshot(path=str(SHOTS / "03b-place.png"), full_page=True)


def test_open_an_article_highlights_facts_and_toggle_hides_a_type(page, server):
    page.goto(server + "/search?q=do+trung+hieu&type=persons")
    page.click("table.data tbody a >> nth=0")
    page.click("table.data td:last-child a >> nth=0")
    page.wait_for_selector("#doctext")
    person = page.locator("#doctext .hl-person").first
    before = person.evaluate("e => getComputedStyle(e).backgroundColor")
    page.screenshot(path=str(SHOTS / "04-article.png"), full_page=False)
    page.uncheck("#legend input[data-toggle=person]")
    after = person.evaluate("e => getComputedStyle(e).backgroundColor")
    assert before != after and after in ("rgba(0, 0, 0, 0)", "transparent")
    assert not page.errors, page.errors


def test_export_from_a_list_downloads_a_csv_with_bom_and_the_filter_applied(page, server):
    page.goto(server + "/figures?unit=" + "đảng viên")
    assert page.locator("svg.series circle").count() >= 1
    page.screenshot(path=str(SHOTS / "05-figures.png"), full_page=True)
    with page.expect_download() as dl:
        page.click("a[data-export=csv]")
    data = Path(dl.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows and {r["unit"] for r in rows} == {"đảng viên"}


def test_english_interface_and_hostile_article_stays_inert(page, server):
    page.goto(server + "/search?q=script&lang=en")
    assert "Search" in page.inner_text("header.top")
    page.click("ol.hits a >> nth=0")
    page.wait_for_selector("#doctext")
    assert page.locator("#doctext script, #doctext img, #doctext b").count() == 0
    assert "<script>" in page.inner_text("h1")
    page.screenshot(path=str(SHOTS / "06-hostile-en.png"), full_page=True)
    assert not page.errors, page.errors


def test_crawls_page_reads_without_login_and_try_it_highlights_pasted_text(page, server):
    page.goto(server + "/crawls?lang=vi")
    assert "gold-portal" in page.inner_text("table.data")
    page.screenshot(path=str(SHOTS / "07-crawls.png"), full_page=True)
    page.goto(server + "/try")
    page.fill("textarea[name=text]", "Đồng chí Nguyễn Văn Nam, Bí thư Tỉnh ủy Vĩnh Phúc, dự hội nghị với 1.200 đảng viên.")
    page.click(".tryform button")
    page.wait_for_selector("#doctext")
    assert "Nguyễn Văn Nam" in page.inner_text("#doctext")
    page.screenshot(path=str(SHOTS / "08-try.png"), full_page=True)
    assert not page.errors, page.errors
