"""End-to-end, the lists as a researcher uses them in Chromium: sort a list by clicking a column
header, filter and watch the facet counts follow, export what is on screen and compare the rows;
screenshots at desktop (1280 px) and phone (390 px) width into screenshots/."""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))
from serving import SHOTS, new_page, serve_database  # noqa: E402  (shared by the browser tests)
from webcorpus import build_corpus  # noqa: E402  (the web tests' corpus builder)

from partyfacts.corpus.sorting import vi_key  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve_database(build_corpus(tmp_path_factory.mktemp("e2e_lists"))) as url:
        yield url



@pytest.fixture
def page(browser):
    pg = new_page(browser, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield pg
    pg.context.close()


def _column(page, n: int) -> list[str]:
    return page.locator(f"table.data tbody tr td:nth-child({n})").all_inner_texts()


def test_click_a_header_to_sort_the_people_by_name_both_ways(page, server):
    page.goto(server + "/persons?per_page=200")
    names = _column(page, 1)
    assert len(names) > 20 and names == sorted(names, key=vi_key)     # Vietnamese order by default
    name_th = page.locator("table.data thead th").nth(0)
    assert name_th.get_attribute("aria-sort") == "ascending"
    name_th.locator("a.sort").click()
    page.wait_for_url(re.compile(r"sort=-name"))
    assert page.locator("table.data thead th").nth(0).get_attribute("aria-sort") == "descending"
    assert _column(page, 1) == names[::-1]
    page.locator("table.data thead th").nth(3).locator("a.sort").click()   # province
    page.wait_for_url(re.compile(r"sort=province"))
    provinces = [p for p in _column(page, 4) if p]
    assert provinces == sorted(provinces, key=vi_key)
    page.screenshot(path=str(SHOTS / "lists-01-persons-sorted-1280.png"))
    assert not page.errors, page.errors


def test_filter_and_the_facet_counts_follow(page, server):
    page.goto(server + "/roles")
    before = page.locator("select[name=province] option").all_inner_texts()
    page.select_option("select[name=title]", "Bí thư")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"title="))
    after = page.locator("select[name=province] option").all_inner_texts()
    assert before != after
    # each province option says how many rows choosing it gives: choose one and count
    option = next(o for o in after if re.search(r"\(\d+\)$", o))
    value, n = re.match(r"(.+) \((\d+)\)$", option).groups()
    page.select_option("select[name=province]", value)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"province="))
    assert page.locator("table.data tbody tr").count() == int(n)
    assert re.search(rf"\b{n}\b", page.inner_text(".resultbar"))
    page.screenshot(path=str(SHOTS / "lists-02-roles-filtered-1280.png"))
    page.goto(server + "/roles?q=zzqxw")
    assert not [o for o in page.locator("select[name=title] option").all_inner_texts() if re.search(r"\(\d+\)$", o)]


def test_export_what_is_on_screen_gives_the_same_rows_in_the_same_order(page, server):
    page.goto(server + "/roles?province=V%C4%A9nh+Ph%C3%BAc&sort=person&per_page=200")
    persons = _column(page, 1)
    assert len(persons) > 10 and persons == sorted(persons, key=vi_key)
    with page.expect_download() as dl:
        page.click("a[data-export=csv]")
    name = dl.value.suggested_filename
    assert name.startswith("partyfacts-roles-province-vinh-phuc-sort-person-") and name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_bytes().decode("utf-8-sig"))))
    assert [r["person"] for r in rows] == persons
    assert [r["province"] for r in rows] == _column(page, 4)
    assert all(r["href"].startswith(server + "/persons/") for r in rows)
    with page.expect_download() as dl:
        page.click("a[data-export=xlsx]")
    import openpyxl
    ws = openpyxl.load_workbook(io.BytesIO(Path(dl.value.path()).read_bytes())).active
    got = [row[1] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert got == persons and ws.freeze_panes == "A2" and ws.auto_filter.ref


def test_search_results_highlight_by_how_they_matched(page, server):
    page.goto(server + "/search?q=V%C4%A9nh+Y%C3%AAn")
    page.wait_for_selector("ol.hits mark")
    assert page.locator("ol.hits mark.m-exact").count() >= 1
    assert page.locator(".match-legend mark.m-exact").count() == 1
    page.goto(server + "/search?q=bi+thu+huyen+uy&type=persons")
    assert page.locator("table.data tbody tr").count() > 0
    page.screenshot(path=str(SHOTS / "lists-03-search-persons-1280.png"))


@pytest.mark.parametrize("path,shot", [("/persons", "lists-04-persons-390.png"),
                                       ("/roles?sort=-date", "lists-05-roles-390.png")])
def test_lists_at_phone_width_keep_sortable_headers(browser, server, path, shot):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, locale="vi-VN")
    pg = ctx.new_page()
    pg.goto(server + path)
    assert pg.locator("table.data thead th[aria-sort] a.sort").count() >= 3
    pg.screenshot(path=str(SHOTS / shot))
    ctx.close()
