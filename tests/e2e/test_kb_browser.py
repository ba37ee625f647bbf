"""End-to-end: the person, organisation and post pages in a real headless Chromium, on the small
knowledge base of tests/webapp/kbcorpus.py (invented stories ingested and processed). A researcher
opens a person, reads the career and why the articles are one person, follows a post, asks who held
it on a date, and reads the page on a phone-sized screen."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))
from serving import SHOTS, new_page, serve_database  # noqa: E402  (shared by the browser tests)
from kbcorpus import build_kb  # noqa: E402  (the knowledge-base pages' corpus builder)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve_database(build_kb(tmp_path_factory.mktemp("e2e-kb"))) as url:
        yield url



def test_person_page_shows_career_tenures_and_why_the_articles_are_one_person(browser, server):
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    page.goto(server + "/search?q=tran+minh+hai&type=persons")
    page.click("table.data tbody a >> nth=0")
    page.wait_for_selector("table.career")
    assert page.inner_text("h1") == "Trần Minh Hải"
    career = page.inner_text("table.career")
    assert "Bí thư" in career and "Tỉnh ủy Nghệ An" in career and "2020-10-15" in career and "2024-02-02" in career
    assert page.locator("svg.timeline circle").count() >= 1
    resolution = page.locator("#resolution")
    assert "Vì sao các bài này là cùng một người" in resolution.locator("h2").inner_text()
    assert resolution.locator("table.resolution tbody tr").count() == 4
    assert "gộp" in resolution.inner_text()
    page.screenshot(path=str(SHOTS / "10-person-kb.png"), full_page=True)
    # the post of the career row, then who held it on a date
    page.click("table.career a[href^='/posts'] >> nth=0")
    page.wait_for_selector("table.holders")
    holders = page.locator("table.holders tbody tr td:first-child").all_inner_texts()
    assert holders == ["Lê Quang Huy", "Trần Minh Hải"]
    page.fill("input[name=on]", "2022-01-01")
    page.click("form.inline-search button")
    page.wait_for_selector("#holders-on")
    assert "Trần Minh Hải" in page.inner_text("#holders-on") and "Lê Quang Huy" not in page.inner_text("#holders-on")
    page.screenshot(path=str(SHOTS / "11-post.png"), full_page=True)
    page.click("h1 a[href^='/organizations/']")
    page.wait_for_selector("#posts")
    assert "Bí thư" in page.inner_text("#posts") and "Nghệ An" in page.inner_text("dl.facts")
    page.screenshot(path=str(SHOTS / "12-organization.png"), full_page=True)
    assert not page.errors, page.errors


def test_person_page_fits_a_phone_screen(browser, server):
    page = new_page(browser, viewport={"width": 390, "height": 844})
    page.goto(server + "/search?q=tran+minh+hai&type=persons")
    page.click("table.data tbody a >> nth=0")
    page.wait_for_selector("#resolution")
    # wide tables (and the timeline) scroll inside their box: nothing else of the page runs off the screen
    outside = page.evaluate("""[...document.querySelectorAll('main *')]
        .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) {
                         if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return false; }
                       return e.getBoundingClientRect().right > window.innerWidth + 1; })
        .map(e => e.tagName + '.' + e.className)""")
    assert outside == []
    assert page.locator(".tablewrap").count() >= 2
    page.screenshot(path=str(SHOTS / "13-person-phone.png"), full_page=True)
    assert not page.errors, page.errors
