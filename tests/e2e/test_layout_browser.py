"""End-to-end: every page fits a phone and passes axe-core, in a real headless Chromium.

On the web corpus (figures, search hits, places with 2025 successors) and the knowledge-base corpus
(organisations, posts): no page scrolls sideways at 360 and 390 px, the search button and the language
switch stay on screen, filters fold behind a button on a phone, axe-core (axe-playwright-python, which
bundles axe.min.js) finds no violation at 1280 and 390 px — every rule axe runs by default, of every
impact, none excluded — and a keyboard user reaches the first result right after the skip link.
Screenshots of each page at both widths go to screenshots/layout-*.png for a human look."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "webapp"))
from serving import CHROMIUM, SHOTS, new_page, serve_database  # noqa: E402  (shared by the browser tests)
from kbcorpus import build_kb  # noqa: E402
from webcorpus import build_corpus  # noqa: E402

pytestmark = pytest.mark.browser

if os.environ.get("CI") and not CHROMIUM.exists():   # CI must run these, never skip them
    raise RuntimeError(f"{CHROMIUM} is missing: apt-get install -y chromium")
try:
    from axe_playwright_python.sync_playwright import Axe
except ImportError:
    if os.environ.get("CI"):
        raise
    Axe = None

PHONE, NARROW, DESKTOP = 390, 360, 1280


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    with serve_database(build_corpus(tmp_path_factory.mktemp("layout-web"))) as web, \
            serve_database(build_kb(tmp_path_factory.mktemp("layout-kb"))) as kb:
        yield {"web": web, "kb": kb}



def _api(page, base: str, path: str):
    return page.request.get(base + path).json()


def page_list(page, servers) -> list[tuple[str, str]]:
    """(name, URL) of every kind of page, the rows found through the API: home, search with results,
    the six lists, figures of one unit, a person, a place, an organisation, a post, an article, Try it,
    Crawls, Login and the 400 / 404 error pages."""
    web, kb = servers["web"], servers["kb"]
    out = [("home", web + "/"), ("search", web + "/search?q=vinh+yen"), ("search-roles", kb + "/search?q=bi+thu&type=roles"),
           ("try", web + "/try"), ("crawls", web + "/crawls"), ("login", web + "/login"),
           ("error-404", web + "/nope"), ("error-400", web + "/search?q=" + "x" * 300)]
    for table in ("articles", "persons", "places", "organizations", "roles", "figures"):
        out.append((f"list-{table}", web + "/" + table))
    unit = _api(page, web, "/api/figures")["items"][0]["unit"]
    out.append(("figures-unit", f"{web}/figures?unit={unit}"))
    for table, base in (("persons", web), ("places", web), ("articles", web), ("organizations", kb)):
        out.append((table[:-1], base + _api(page, base, f"/api/{table}")["items"][0]["href"]))
    nam_dan = next(p for p in _api(page, kb, "/api/places")["items"] if p["name"] == "Nam Đàn")
    out.append(("place-kb", kb + nam_dan["href"]))
    person = next(p for p in _api(page, kb, "/api/persons")["items"] if p["name"] == "Trần Minh Hải")
    out.append(("person-kb", kb + person["href"]))
    orgs = {o["name"]: o["href"] for o in _api(page, kb, "/api/organizations")["items"]}   # listed by name
    out.append(("organization-kb", kb + orgs["Tỉnh ủy Nghệ An"]))                               # the one with most posts
    org = _api(page, kb, orgs["Huyện ủy Nam Đàn"].replace("/organizations", "/api/organizations"))
    out.append(("post", kb + org["posts"][0]["post"]["href"]))
    return out


def _new_page(browser, width: int, **ctx):
    # script and CSP errors; the error pages' own 400/404 status is no error of the page
    return new_page(browser, viewport={"width": width, "height": 900},
                    ignore="the server responded with a status of 40", **ctx)


def _shot(page, name: str, width: int) -> None:
    height = min(page.evaluate("document.documentElement.scrollHeight"), 1400)
    page.screenshot(path=str(SHOTS / f"layout-{name}-{width}.png"), full_page=True,
                    clip={"x": 0, "y": 0, "width": width, "height": height})


@pytest.mark.parametrize("width", [NARROW, PHONE])
def test_no_page_scrolls_sideways_on_a_phone_and_the_search_button_and_languages_stay_on_screen(browser, servers, width):
    page = _new_page(browser, width)
    wide = []
    for name, url in page_list(page, servers):
        page.goto(url)
        scroll_width, inner = page.evaluate("[document.scrollingElement.scrollWidth, innerWidth]")
        if scroll_width > inner:
            wide.append((name, scroll_width))
        for sel in ("header .searchbox button", "header .lang a[hreflang=en]", "header .lang a[hreflang=vi]"):
            box = page.locator(sel).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= inner, (name, sel, box)
        if width == PHONE:
            _shot(page, name, width)
    assert wide == []
    assert not page.errors, page.errors


def test_wide_tables_scroll_inside_their_own_box_on_a_phone(browser, servers):
    page = _new_page(browser, PHONE)
    page.goto(servers["web"] + "/figures")
    table = page.locator("table.data").first
    sizes = table.evaluate("t => [t.scrollWidth, t.clientWidth, getComputedStyle(t).overflowX]")
    assert sizes[0] > sizes[1] and sizes[2] == "auto"        # wider than the screen, scrolls in place
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE


@pytest.mark.skipif(Axe is None, reason="axe-playwright-python is not installed (pip install -e '.[test]')")
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_every_page_has_no_axe_violation(browser, servers, width):
    axe = Axe()
    page = _new_page(browser, width)
    found = []
    for name, url in page_list(page, servers):
        page.goto(url)
        for v in axe.run(page).response["violations"]:
            found.append((name, v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]))
        if width == DESKTOP:
            _shot(page, name, width)
    for lang_url in (servers["kb"] + "/search?q=bi+thu&lang=en", servers["kb"] + "/persons?lang=en"):
        page.goto(lang_url)
        found += [("en " + lang_url, v["id"], v["impact"]) for v in axe.run(page).response["violations"]]
    assert found == []


def test_filters_fold_behind_a_button_on_a_phone_and_stay_open_on_a_desktop(browser, servers):
    url = servers["kb"] + "/search?q=bi+thu"
    phone = _new_page(browser, PHONE)
    phone.goto(url)
    form = phone.locator("form.filters")
    assert not form.is_visible()
    assert phone.locator("#filterbox > summary").is_visible()
    # the first screen shows results, not filters
    assert phone.locator("#results").bounding_box()["y"] < 900
    phone.click("#filterbox > summary")
    assert form.is_visible() and phone.locator("form.filters select[name=site]").is_visible()
    desktop = _new_page(browser, DESKTOP)
    desktop.goto(url)
    assert desktop.locator("form.filters").is_visible()
    assert not desktop.locator("#filterbox > summary").is_visible()


def test_filters_open_without_javascript(browser, servers):
    page = _new_page(browser, PHONE, java_script_enabled=False)
    page.goto(servers["kb"] + "/search?q=bi+thu")
    assert not page.locator("form.filters").is_visible()
    page.click("#filterbox > summary")
    assert page.locator("form.filters").is_visible()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_one_tab_reaches_the_skip_link_and_enter_then_a_few_tabs_the_first_result(browser, servers, width):
    page = _new_page(browser, width)
    page.goto(servers["kb"] + "/search?q=bi+thu")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("document.activeElement.textContent") == "Bỏ qua đến nội dung chính"
    assert page.locator("a.skip").is_visible()                  # shown when focused
    page.keyboard.press("Enter")
    first_result = page.locator("ol.hits a.hit-title").first.get_attribute("href")
    tabs = 0
    while tabs < 10:
        page.keyboard.press("Tab")
        tabs += 1
        if page.evaluate("document.activeElement.getAttribute('href')") == first_result:
            break
    assert tabs <= 4, tabs              # the result count's export links (3), then the first result
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"             # the focus is visible
    for path in ("/", "/persons", "/try", "/nope"):       # no autofocus steals the first Tab anywhere
        page.goto(servers["web"] + path)
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip", path


def test_a_too_long_query_keeps_the_box_filled_with_a_vietnamese_error(browser, servers):
    page = _new_page(browser, PHONE)
    q = "bí thư tỉnh ủy nghệ an " * 10
    page.goto(servers["kb"] + "/")
    page.fill("#top-q", q)
    page.click("header .searchbox button")
    page.wait_for_selector("section.error")
    assert page.input_value("#top-q") == q.strip() or page.input_value("#top-q") == q
    assert "Câu tìm dài" in page.inner_text("section.error")
    _shot(page, "error-too-long", PHONE)
