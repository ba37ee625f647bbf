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


def test_entity_export_has_one_row_per_entity_and_article_with_the_article_url(client):
    rows = json.loads(client.get("/export/persons.json", query_string={"q": "Đỗ Trung Hiếu"}).get_data(as_text=True))
    assert rows and all(r["name"] == "Đỗ Trung Hiếu" and r["article_url"].startswith("file://") for r in rows)
    assert len({r["article_id"] for r in rows}) == len(rows)


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
    rows = json.loads(client.get(f"/export/{table}.json", query_string={"site": "gold-portal", "from": "2024"})
                      .get_data(as_text=True))
    assert rows and all(r["published"] >= "2024" for r in rows)
    none = json.loads(client.get(f"/export/{table}.json", query_string={"site": "no-such-site"}).get_data(as_text=True))
    assert none == []


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused():
    from partyfacts.corpus.export import iter_csv
    text = "".join(iter_csv([{"a": '=HYPERLINK("http://evil","x")', "b": -5, "c": "@SUM(A1)", "d": "Bí thư"}],
                            ("a", "b", "c", "d")))
    row = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1]
    assert row == ["'=HYPERLINK(\"http://evil\",\"x\")", "-5", "'@SUM(A1)", "Bí thư"]
