"""Figure series charts (issue 15): one chart per series, unit-aware axes, log scale, the undated
note, the chart following the table's search box, and the series export with ISO dates."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from partyfacts.webapp import charts
from partyfacts.webapp.app import create_app
from chartcorpus import build_chart_corpus


@pytest.fixture(scope="module")
def chart_db(tmp_path_factory):
    return build_chart_corpus(tmp_path_factory.mktemp("charts"))


@pytest.fixture
def client(chart_db):
    app = create_app({"DATABASE": str(chart_db), "TESTING": True, "SECRET_KEY": "t"})
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()


@pytest.mark.parametrize("value, unit, lang, written", [
    (1.5e9, "đồng", "vi", "1,5 tỷ đồng"), (1.5e9, "đồng", "en", "1.5 billion đồng"),
    (21_500e9, "đồng", "vi", "21.500 tỷ đồng"), (145_000, "đảng viên", "vi", "145 nghìn đảng viên"),
    (2_500_000, "người", "en", "2.5 million người"), (5_000, "người", "vi", "5.000 người"),
    (95.5, "%", "vi", "95,5%"), (0.25, "ha", "en", "0.25 ha")])
def test_values_are_written_with_scale_words_of_the_language(value, unit, lang, written):
    assert charts.format_value(value, unit, lang) == written


def _ticks(svg: str) -> list[str]:
    return re.findall(r'text-anchor="end">([^<]*)</text>', svg)


def test_linear_axis_of_money_is_in_ty_dong_never_an_exponent_or_B():
    pts = [{"date": f"202{i}-01-01", "value": v, "text": "", "href": "/a"} for i, v in enumerate((15.2e12, 21.5e12))]
    svg = str(charts.series_svg(pts, "đồng", "thu ngân sách", "vi", ""))
    assert ">tỷ đồng</text>" in svg and "log" not in svg
    assert _ticks(svg) == ["0", "6.250", "12.500", "18.750", "25.000"]
    assert not re.search(r"\d(B|M|k|e\+)", svg)


def test_values_spanning_three_orders_of_magnitude_get_a_log_axis_unless_linear_is_asked():
    pts = [{"date": f"202{i}-01-01", "value": v, "text": "", "href": "/a"} for i, v in enumerate((5e7, 2e9, 8e10))]
    svg = str(charts.series_svg(pts, "đồng", "", "en", ""))
    assert 'class="chart series log"' in svg and "(log)" in svg
    assert "10 million" in _ticks(svg) and "100 billion" in _ticks(svg)
    assert "log" not in str(charts.series_svg(pts, "đồng", "", "en", "linear")).split(">")[0]
    assert not charts.wants_log([0.0, 5.0, 9000.0])     # a zero cannot be drawn on a log axis


def test_figures_page_draws_one_chart_per_series_and_counts_the_undated_figure(client):
    html = client.get("/figures", query_string={"unit": "đồng", "lang": "en"}).get_data(as_text=True)
    assert html.count('class="chart series') == 1           # the republished copy adds no series and no dot
    svg = html[html.index("<svg class=\"chart series"):]
    assert svg[:svg.index("</svg>")].count("<circle") == 3
    assert "1 figures have no date and are not drawn" in html
    assert ">billion đồng</text>" in html
    vi = client.get("/figures", query_string={"unit": "đồng", "lang": "vi"}).get_data(as_text=True)
    assert "1 số liệu không có ngày nên không được vẽ" in vi and ">tỷ đồng</text>" in vi


def test_the_tables_search_box_filters_the_chart(client):
    res = client.get("/api/figures/series", query_string={"unit": "đồng", "q": "ngan sach"}).get_json()
    assert res["points"] == 3 and res["undated"] == 1
    res = client.get("/api/figures/series", query_string={"unit": "đồng", "q": "không có chữ này"}).get_json()
    assert res["points"] == 0 and res["undated"] == 0
    html = client.get("/figures", query_string={"unit": "đồng", "q": "không có chữ này"}).get_data(as_text=True)
    assert 'class="chart series' not in html


def test_a_date_filter_narrows_the_chart_and_leaves_out_the_undated(client):
    res = client.get("/api/figures/series", query_string={"unit": "đồng", "from": "2022-01-01"}).get_json()
    assert sorted(p["date"] for s in res["items"] for p in s["points"]) == ["2022-01-14", "2023-01-16"]
    assert res["undated"] == 0


def test_series_export_csv_has_iso_dates_absolute_links_and_a_named_file(client):
    r = client.get("/export/figure-series.csv", query_string={"unit": "đồng"})
    assert r.status_code == 200 and 'filename="partyfacts-series-dong.csv"' in r.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff"))))
    assert [row["date"] for row in rows] == ["2021-01-15", "2022-01-14", "2023-01-16"]
    assert [row["value"] for row in rows] == ["15200000000000", "18600000000000", "21500000000000"]
    assert all(row["href"].startswith("http://localhost/articles/") and "#f" in row["href"] for row in rows)


def test_series_export_json_carries_the_series_filter_and_the_undated_count(client):
    key = client.get("/api/figures/series", query_string={"unit": "đồng"}).get_json()["items"][0]["key"]
    body = json.loads(client.get("/export/figure-series.json", query_string={"unit": "đồng", "series": key}).data)
    assert body["series"] == key and len(body["rows"]) == 3 and body["undated"] == 0
    assert {r["series_key"] for r in body["rows"]} == {key}


def test_series_export_without_a_unit_or_with_a_bad_scale_is_a_clear_400(client):
    r = client.get("/export/figure-series.csv")
    assert r.status_code == 400 and "unit=" in r.get_json()["error"]
    r = client.get("/figures", query_string={"unit": "đồng", "scale": "cubic", "lang": "en"})
    assert r.status_code == 400 and "scale=log" in r.get_data(as_text=True)


def test_place_page_draws_its_series_with_the_undated_note(client):
    html = client.get("/places/1", query_string={"lang": "en"}).get_data(as_text=True)
    assert html.count('class="chart series') == 1 and "have no date and are not drawn" in html


def test_series_past_the_drawn_limit_are_counted_not_silently_dropped(chart_db):
    from flask import render_template
    app = create_app({"DATABASE": str(chart_db), "TESTING": True, "SECRET_KEY": "t"})
    one = charts.series_multiples([{"key": "k", "label": "l", "unit": "người", "points": [
        {"date": "2024-01-02", "value": 3, "text": "", "href": "/articles/1#f1"}]}])
    with app.test_request_context("/places/1?lang=en"):
        html = render_template("_series.html", multiples=one, undated=0, series_total=14, unit="người", pl={"id": 1})
    app.extensions["partyfacts_db"].dispose()
    assert "1 of 14 series drawn (most points first)" in html
