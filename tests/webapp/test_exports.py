"""Exports: every table as CSV (BOM), XLSX, JSON, JSON Lines with the page's filters, streamed."""
from __future__ import annotations

import csv
import io
import json

import pytest

from partyfacts.corpus.export import write_xlsx
from partyfacts.corpus.queries import SPECS, Filters, export_rows


@pytest.mark.parametrize("table", list(SPECS))
def test_csv_export_starts_with_bom_and_has_the_table_columns(client, table):
    r = client.get(f"/export/{table}.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    assert "attachment" in r.headers["Content-Disposition"]
    data = r.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert tuple(rows[0]) == SPECS[table].columns and len(rows) > 1


def test_export_applies_the_same_query_and_filters_as_the_page(client):
    page = client.get("/api/roles", query_string={"q": "vinh yen", "title": "Trưởng Ban Tổ chức", "per_page": 200}).get_json()
    r = client.get("/export/roles.json", query_string={"q": "vinh yen", "title": "Trưởng Ban Tổ chức"})
    exported = json.loads(r.get_data(as_text=True))
    assert sorted(x["id"] for x in exported) == sorted(x["id"] for x in page["items"]) != []
    lines = client.get("/export/figures.jsonl", query_string={"unit": "%"}).get_data(as_text=True).splitlines()
    assert lines and all(json.loads(x)["unit"] == "%" for x in lines)


def test_persons_export_has_one_row_per_person_like_the_page_with_latest_role_and_province(client):
    page = client.get("/api/persons", query_string={"q": "Đỗ Trung Hiếu", "per_page": 200}).get_json()["items"]
    rows = json.loads(client.get("/export/persons.json", query_string={"q": "Đỗ Trung Hiếu"}).get_data(as_text=True))
    assert [r["id"] for r in rows] == [i["id"] for i in page] != []
    assert len({r["id"] for r in rows}) == len(rows)
    for r, i in zip(rows, page):
        assert (r["role"], r["province"], r["articles"]) == (i["role"], i["province"], i["articles"])
    assert rows[0]["role"] and rows[0]["province"]


def test_every_list_exports_the_rows_of_its_page_in_the_page_order(client):
    for table, args in (("roles", {"sort": "person"}), ("persons", {"sort": "-articles"}), ("figures", {}),
                        ("places", {"province": "Vĩnh Phúc", "sort": "name"}), ("organizations", {"sort": "kind"}),
                        ("articles", {"sort": "title"}), ("roles", {"q": "bi thu"})):
        page = client.get(f"/api/{table}", query_string={**args, "per_page": 200}).get_json()
        rows = json.loads(client.get(f"/export/{table}.json", query_string=args).get_data(as_text=True))
        assert page["total"] <= 200, table
        assert [r["id"] for r in rows] == [i["id"] for i in page["items"]] != [], (table, args)


def test_export_links_are_absolute_and_dates_iso_8601(client):
    import re
    rows = json.loads(client.get("/export/roles.json").get_data(as_text=True))
    assert rows and all(r["href"].startswith("http://localhost/persons/") for r in rows)
    iso = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?")
    assert all(iso.fullmatch(r["published"]) for r in rows if r["published"])
    text = client.get("/export/persons.csv").get_data(as_text=True)
    hrefs = [row[-1] for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))][1:]
    assert hrefs and all(h.startswith("http://localhost/persons/") for h in hrefs)


def test_export_file_name_carries_the_filter_and_sort_in_ascii(client):
    r = client.get("/export/roles.csv", query_string={"province": "Vĩnh Phúc", "title": "Bí thư", "sort": "-date"})
    cd = r.headers["Content-Disposition"]
    name = cd.split('filename="')[1].split('"')[0]
    assert name.isascii() and name.startswith("partyfacts-roles-province-vinh-phuc-title-bi-thu-sort-date-desc-")
    assert name.endswith(".csv") and "filename*=UTF-8''" + name in cd
    from partyfacts.corpus.export import export_filename
    from datetime import date
    assert export_filename("roles", "csv", {"province": "Quảng Ninh"}, date(2026, 12, 7)) == \
        "partyfacts-roles-province-quang-ninh-2026-12-07.csv"
    assert export_filename("persons", "xlsx", {"q": '"Đỗ/Trung" Hiếu'}, date(2026, 1, 2)) == \
        "partyfacts-persons-q-do-trung-hieu-2026-01-02.xlsx"


def test_export_refuses_a_sort_column_the_list_does_not_have(client):
    r = client.get("/export/roles.csv", query_string={"sort": "salary"})
    assert r.status_code == 400 and "salary" in r.get_json()["error"]


def test_xlsx_export_has_a_frozen_header_an_autofilter_and_column_widths(client):
    import openpyxl
    r = client.get("/export/roles.xlsx", query_string={"province": "Vĩnh Phúc"})
    ws = openpyxl.load_workbook(io.BytesIO(r.get_data())).active
    assert ws.freeze_panes == "A2"
    n_cols = len(SPECS["roles"].columns)
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(n_cols)}{ws.max_row}"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width   # person wider than id
    assert ws.max_row - 1 == client.get("/api/roles", query_string={"province": "Vĩnh Phúc"}).get_json()["total"]


def test_xlsx_export_opens_in_a_spreadsheet_reader(client):
    import openpyxl
    r = client.get("/export/places.xlsx", query_string={"province": "Vĩnh Phúc"})
    wb = openpyxl.load_workbook(io.BytesIO(r.get_data()), read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("id", "name", "type") and len(rows) > 1
    assert all(row[3] == "Vĩnh Phúc" for row in rows[1:])


def test_export_errors_are_json_with_a_reason(client):
    r = client.get("/export/roles.csv", query_string={"from": "someday"})
    assert r.status_code == 400 and "someday" in r.get_json()["error"]
    assert client.get("/export/users.csv").status_code == 404
    assert client.get("/export/roles.pdf").status_code == 404


def test_export_rows_streams_from_a_cursor_not_a_list(db):
    with db.session() as s:
        it = export_rows(s, "figures", "", Filters(), batch=2)
        first = next(it)
        assert first["unit"] and not isinstance(it, list)
        assert sum(1 for _ in it) >= 5


def test_xlsx_writer_refuses_more_rows_than_a_sheet_holds(tmp_path):
    rows = ({"a": i} for i in range(1_048_577))
    with pytest.raises(ValueError, match="1,048,575"):
        with open(tmp_path / "x.xlsx", "wb") as out:
            write_xlsx(rows, ("a",), out)


@pytest.mark.parametrize("table", ["persons", "places", "organizations"])
def test_entity_exports_take_site_and_date_filters(client, table):
    args = {"site": "gold-portal", "from": "2024"}
    rows = json.loads(client.get(f"/export/{table}.json", query_string=args).get_data(as_text=True))
    page = client.get(f"/api/{table}", query_string={**args, "per_page": 200}).get_json()["items"]
    assert [r["id"] for r in rows] == [i["id"] for i in page] != []
    none = json.loads(client.get(f"/export/{table}.json", query_string={"site": "no-such-site"}).get_data(as_text=True))
    assert none == []


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused():
    from partyfacts.corpus.export import iter_csv
    text = "".join(iter_csv([{"a": '=HYPERLINK("http://evil","x")', "b": -5, "c": "@SUM(A1)", "d": "Bí thư"}],
                            ("a", "b", "c", "d")))
    row = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1]
    assert row == ["'=HYPERLINK(\"http://evil\",\"x\")", "-5", "'@SUM(A1)", "Bí thư"]
