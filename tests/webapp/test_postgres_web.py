"""The web app on PostgreSQL (no FTS5 there: LIKE over folded columns): search folds diacritics,
filters, detail pages and exports answer as on SQLite. Skipped where PostgreSQL is not installed."""
from __future__ import annotations

import json
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from pg import TempPostgres  # noqa: E402

from partyfacts.webapp.app import create_app  # noqa: E402
from webcorpus import build_corpus  # noqa: E402

pytest.importorskip("psycopg")


@pytest.fixture(scope="module")
def pg_client(tmp_path_factory):
    try:
        server = TempPostgres()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    url = build_corpus(tmp_path_factory.mktemp("pgweb"), server.createdb("web"))
    app = create_app({"DATABASE": url, "TESTING": True, "SECRET_KEY": "k"})
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()
    server.stop()


def test_postgres_search_folds_diacritics_and_ranks_exact_first(pg_client):
    d = pg_client.get("/api/search", query_string={"q": "vinh yen"}).get_json()
    assert d["counts"]["articles"] >= 2 and d["counts"]["places"] >= 1
    persons = pg_client.get("/api/persons", query_string={"q": "do trung hieu"}).get_json()["items"]
    assert [p["name"] for p in persons] == ["Đỗ Trung Hiếu"]
    assert pg_client.get("/api/articles", query_string={"q": "Đảng bộ"}).get_json()["total"] >= 10


def test_postgres_filters_pages_and_exports(pg_client):
    roles = pg_client.get("/api/roles", query_string={"title": "Trưởng Ban Tổ chức", "from": "2019"}).get_json()
    assert roles["items"] and {r["title"] for r in roles["items"]} == {"Trưởng Ban Tổ chức"}
    pid = pg_client.get("/api/persons", query_string={"q": "Đỗ Trung Hiếu"}).get_json()["items"][0]["id"]
    assert pg_client.get(f"/persons/{pid}").status_code == 200
    assert pg_client.get("/search", query_string={"q": "bi thu", "site": "gold-portal", "from": "2020"}).status_code == 200
    assert pg_client.get("/figures", query_string={"unit": "đảng viên"}).status_code == 200
    rows = json.loads(pg_client.get("/export/persons.json", query_string={"site": "gold-portal"}).get_data(as_text=True))
    assert rows
    csv = pg_client.get("/export/figures.csv", query_string={"unit": "%"}).get_data()
    assert csv.startswith(b"\xef\xbb\xbf") and csv.count(b"\n") > 2
    aid = pg_client.get("/api/articles", query_string={"per_page": 1}).get_json()["items"][0]["id"]
    assert pg_client.get(f"/articles/{aid}").status_code == 200


def test_postgres_every_page_and_twin_answers(pg_client):
    ids = {t: pg_client.get(f"/api/{t}", query_string={"per_page": 1}).get_json()["items"][0]["id"]
           for t in ("articles", "persons", "places", "organizations")}
    urls = ["/", "/api/", "/search?q=%22bi+thu%22&type=roles", "/crawls", "/api/crawls", "/try",
            "/api/figures/series?unit=%25", "/places?province=V%C4%A9nh+Ph%C3%BAc&from=2019"]
    for t, i in ids.items():
        urls += [f"/{t}/{i}", f"/api/{t}/{i}", f"/{t}?q=a&from=2019&site=gold-portal", f"/export/{t}.xlsx?q=a"]
    for url in urls:
        assert pg_client.get(url).status_code == 200, url
