"""End-to-end in Chromium (issue 15): a researcher charts one figure series and filters it from the
table, switches the axis, exports the series; follows a person in a feed reader; reads a co-mention
network and opens the stories behind an edge; copies an article's and a fact's citation with the
keyboard, and reads the citation without JS. Desktop (1280 px) and phone (390 px), screenshots into
screenshots/ (viewport-sized, small)."""
from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))
from serving import SHOTS, new_page, serve_database  # noqa: E402  (shared by the browser tests)
from chartcorpus import build_chart_corpus  # noqa: E402  (the charts/feeds/network corpus)

pytestmark = pytest.mark.browser
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve_database(build_chart_corpus(tmp_path_factory.mktemp("e2e-charts"))) as url:
        yield url



def _page(browser, viewport, locale="en-US", **ctx):
    return new_page(browser, locale=locale, viewport=viewport, page_errors=True, **ctx)


def _axe_violations(page, include: list[str]) -> list[str]:
    """axe-core violations (id and target) inside the elements of ``include`` (CSS selectors): this
    helper's parts of the page (the page's frame is checked by the layout tests)."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("axe-playwright-python is not installed (pip install axe-playwright-python)")
    res = Axe().run(page, context={"include": [[sel] for sel in include]})
    return [f"{v['id']}: {n['target']}" for v in res.response["violations"] for n in v["nodes"]]


def _overflowing(page, selector: str) -> list[str]:
    """Elements matching ``selector`` whose right edge runs past the viewport."""
    return page.evaluate("""sel => [...document.querySelectorAll(sel)]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className.baseVal)""",
                         selector)


def test_one_series_chart_follows_the_tables_filter_and_exports(browser, server):
    page = _page(browser, DESKTOP)
    page.goto(server + "/figures?unit=%C4%91%E1%BB%93ng&lang=en")
    chart = page.locator("svg.chart.series")
    assert chart.count() == 1 and chart.locator("circle").count() == 3
    assert page.locator("svg.chart.series .axis-title").text_content() == "billion đồng"
    ticks = page.locator("svg.chart.series text.tick").all_text_contents()
    assert "25,000" in ticks and not any(t.endswith(("B", "M", "k")) for t in ticks)
    assert "1 figures have no date and are not drawn" in page.inner_text(".series-undated")
    page.screenshot(path=str(SHOTS / "40-figure-series.png"))
    assert _axe_violations(page, [".series-grid", ".feed-link"]) == []
    # the table's search box filters the chart too
    box = page.locator("form.inline-search input[name=q]")
    box.fill("khong co chu nay")
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("svg.chart.series").count() == 0
    box = page.locator("form.inline-search input[name=q]")
    box.fill("ngan sach")
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("svg.chart.series circle").count() == 3
    assert "matching “ngan sach”" in page.inner_text(".series-grid")
    page.click(".series-tools a:has-text('Logarithmic')")
    page.wait_for_selector("svg.chart.series.log")
    assert "q=ngan+sach" in page.url and "scale=log" in page.url
    with page.expect_download() as dl:
        page.click(".series-tools a:has-text('CSV')")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8-sig"))))
    assert [r["date"] for r in rows] == ["2021-01-15", "2022-01-14", "2023-01-16"]
    assert all(r["href"].startswith(server + "/articles/") for r in rows)
    assert not page.errors, page.errors


def test_series_chart_fits_a_phone_in_vietnamese(browser, server):
    page = _page(browser, PHONE, locale="vi-VN")
    page.goto(server + "/figures?unit=%C4%91%E1%BB%93ng&lang=vi")
    page.locator("svg.chart.series").scroll_into_view_if_needed()
    assert page.locator("svg.chart.series .axis-title").text_content() == "tỷ đồng"
    assert "không có ngày" in page.inner_text(".series-undated")
    assert _overflowing(page, "svg.chart, .series-tools, .series-undated") == []
    page.locator(".series-grid").screenshot(path=str(SHOTS / "41-figure-series-phone.png"))


def test_person_page_offers_its_feed_and_the_feed_is_atom(browser, server):
    page = _page(browser, DESKTOP)
    page.goto(server + "/search?q=nguyen+duc+trung&type=persons&lang=en")
    page.click("table.data tbody a >> nth=0")
    page.wait_for_selector(".feed-link a")
    head = page.locator("head link[rel=alternate][type='application/atom+xml']")
    href = page.locator(".feed-link a").get_attribute("href")
    assert head.count() == 1 and head.get_attribute("href") == href and href.endswith("/feed.atom")
    page.screenshot(path=str(SHOTS / "42-person-feed-link.png"))
    resp = page.request.get(server + href)
    assert resp.ok and resp.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(resp.body())
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 4
    first = entries[0].findtext("{http://www.w3.org/2005/Atom}updated")
    assert first.startswith("2024-02-20")
    assert not page.errors, page.errors


def test_network_edge_leads_to_the_stories_naming_both(browser, server):
    page = _page(browser, DESKTOP)
    page.goto(server + "/search?q=nguyen+duc+trung&type=persons&lang=en")
    page.click("table.data tbody a >> nth=0")
    page.click(".network-link a")
    page.wait_for_selector("svg.network")
    assert page.locator("svg.network circle.node").count() == 3
    assert page.locator("svg.network line.edge").count() == 3
    page.screenshot(path=str(SHOTS / "43-network.png"))
    assert _axe_violations(page, ["header.doc-head", ".network-form", "figure.chartbox", "table.network-edges"]) == []
    heaviest = page.locator("table.network-edges tbody tr").first
    anchor = heaviest.get_attribute("id")
    page.locator(f"svg.network a[href='#{anchor}']").click()
    assert page.url.endswith("#" + anchor)
    assert heaviest.locator("a[href^='/articles/']").count() == 3
    # a period: 2022 only
    page.fill("input[name=from]", "2022-01-01")
    page.fill("input[name=to]", "2022-12-31")
    page.click(".network-form button")
    page.wait_for_selector("svg.network")
    assert "1 stories" in page.inner_text("header.doc-head")
    assert page.locator("table.network-edges tbody tr").count() == 3
    assert not page.errors, page.errors


def test_network_fits_a_phone(browser, server):
    page = _page(browser, PHONE, locale="vi-VN")
    page.goto(server + "/places/1/network?lang=vi")
    page.wait_for_selector("svg.network")
    assert _overflowing(page, "svg.network, .network-form") == []
    assert "Mạng đồng xuất hiện" in page.inner_text("h1")
    page.screenshot(path=str(SHOTS / "44-network-phone.png"))


def test_citation_is_copied_with_the_keyboard(browser, server):
    page = _page(browser, DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page.goto(server + "/articles/2?lang=en")
    summary = page.locator("header.doc-head details.cite summary")
    summary.focus()
    page.keyboard.press("Enter")                 # opens the box
    box = page.locator("header.doc-head details.cite")
    assert box.get_attribute("open") is not None
    page.keyboard.press("Tab")                   # the citation text
    page.keyboard.press("Tab")                   # the copy button
    assert page.evaluate("document.activeElement.className") == "cite-copy"
    page.keyboard.press("Enter")
    page.wait_for_selector("header.doc-head .cite-status:has-text('Citation copied.')")
    text = box.locator("textarea").input_value()
    assert page.evaluate("navigator.clipboard.readText()") == text
    assert text.startswith("baonghean.vn. “Nghệ An tổng kết thu ngân sách năm 2021”. 2022-01-14. ")
    page.screenshot(path=str(SHOTS / "45-citation.png"))
    assert _axe_violations(page, ["details.cite"]) == []
    # a fact's citation starts with its sentence
    fact = page.locator("table.data details.cite").last
    fact.locator("summary").click()
    fact.locator(".cite-copy").click()
    assert page.evaluate("navigator.clipboard.readText()").startswith("“Năm 2021, tỉnh Nghệ An thu ngân sách")
    assert not page.errors, page.errors


def test_citation_reads_without_js_on_a_phone(browser, server):
    page = _page(browser, PHONE, locale="vi-VN", java_script_enabled=False)
    page.goto(server + "/articles/2?lang=vi")
    box = page.locator("header.doc-head details.cite")
    box.locator("summary").click()
    assert box.locator("textarea").is_visible() and not box.locator(".cite-copy").is_visible()
    assert "Truy cập ngày" in box.locator("textarea").input_value()
    assert "Chọn đoạn văn trên để chép." in box.inner_text()
    assert _overflowing(page, "header.doc-head details.cite textarea") == []
    page.screenshot(path=str(SHOTS / "46-citation-nojs-phone.png"))
