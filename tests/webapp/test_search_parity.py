"""SQLite (FTS5) and PostgreSQL (folded tsvector columns, migration 0008_pg_search) answer the search
box alike: the same corpus built in both, then the web suite's searches and exports (with and without
diacritics, phrases, filters, every table) must give the same totals, the same rows and the same order
of the first page. Skipped only where PostgreSQL is not installed and CI is not set."""
from __future__ import annotations

import json
import os
import re
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from pg import start_or_skip  # noqa: E402

from partyfacts.webapp.app import create_app  # noqa: E402
from webcorpus import build_corpus  # noqa: E402

pytest.importorskip("psycopg")

TABLES = ("articles", "persons", "roles", "places", "organizations", "figures")
QUERIES = ("vinh yen", "Vĩnh Yên", "dang bo", "Đảng bộ", "đảng viên", '"bi thu"', "bí thư tỉnh ủy", "an",
           "do trung hieu", "Đỗ Trung Hiếu", "chu tich", "script", "120", "vinh phuc", "truong ban to chuc",
           '"ban thuong vu" tinh', "hieu", "xã",
           '"vinhyen 2019 3 6"')   # the end of a title and the start of its text: no phrase across columns
FILTERS = ({}, {"site": "gold-portal"}, {"from": "2020"}, {"site": "gold-portal", "from": "2019", "to": "2024"},
           {"title": "Trưởng Ban Tổ chức"}, {"province": "Vĩnh Phúc"})


@pytest.fixture(scope="module")
def clients(tmp_path_factory):
    server = start_or_skip("for the parity test")
    apps = [create_app({"DATABASE": str(build_corpus(tmp_path_factory.mktemp("parity_sqlite"))),
                        "TESTING": True, "SECRET_KEY": "k", "RATELIMIT_ENABLED": False}),   # dozens of exports
            create_app({"DATABASE": build_corpus(tmp_path_factory.mktemp("parity_pg"), server.createdb("parity")),
                        "TESTING": True, "SECRET_KEY": "k", "RATELIMIT_ENABLED": False})]
    yield [a.test_client() for a in apps]
    for a in apps:
        a.extensions["partyfacts_db"].dispose()
    server.stop()


def _both(clients, url: str, **args) -> list:
    """The JSON answers of both databases, the corpora's directories (in article URLs) made one."""
    out = []
    for c in clients:
        r = c.get(url, query_string=args)
        assert r.status_code == 200, (url, args, r.status_code)
        out.append(json.loads(re.sub(r"parity_(?:sqlite|pg)\d*", "parity", r.get_data(as_text=True))))
    return out


def test_the_corpus_is_the_same_on_both_databases(clients):
    for table in TABLES:
        lite, pg = _both(clients, f"/api/{table}", per_page=200)
        assert lite["total"] == pg["total"] > 0, table
        assert [i["id"] for i in lite["items"]] == [i["id"] for i in pg["items"]], table


@pytest.mark.parametrize("table", TABLES)
def test_search_gives_the_same_totals_rows_and_order_on_both(clients, table):
    found = 0
    for q in QUERIES:
        lite, pg = _both(clients, f"/api/{table}", q=q, per_page=50)
        assert (lite["total"], lite["total_capped"]) == (pg["total"], pg["total_capped"]), (table, q)
        assert lite["items"] == pg["items"], (table, q)
        found += lite["total"]
    assert found > 0, table


@pytest.mark.parametrize("table", TABLES)
def test_filtered_search_gives_the_same_first_page_on_both(clients, table):
    for q in ("vinh yen", "Đảng bộ", '"bi thu"', "an", ""):
        for f in FILTERS:
            lite, pg = _both(clients, f"/api/{table}", q=q, per_page=20, **f)
            assert lite["total"] == pg["total"], (table, q, f)
            assert lite["items"] == pg["items"], (table, q, f)


def test_combined_search_and_second_pages_agree(clients):
    for q in QUERIES:
        lite, pg = _both(clients, "/api/search", q=q, facets="1")
        assert lite == pg, q
        for page in (2, 3):
            lite, pg = _both(clients, "/api/articles", q=q, per_page=5, page=page)
            assert lite == pg, (q, page)


@pytest.mark.parametrize("table", TABLES)
def test_exports_of_a_search_are_the_same_on_both(clients, table):
    for q in ("vinh yen", "Đỗ Trung Hiếu", "đảng viên", '"bi thu"', "an"):
        for f in ({}, {"site": "gold-portal", "from": "2019"}):
            lite, pg = _both(clients, f"/export/{table}.json", q=q, **f)
            assert lite == pg, (table, q, f)


def test_issue_cases_fold_diacritics_and_match_whole_tokens_on_postgresql(clients):
    """Figures fold diacritics (đảng viên finds the same figures as dang vien); a two-letter word
    matches tokens, not the inside of words, on both."""
    lite_pg = _both(clients, "/api/figures", q="đảng viên")
    folded = _both(clients, "/api/figures", q="dang vien")
    assert lite_pg[0]["total"] == lite_pg[1]["total"] == folded[1]["total"] > 0
    an = _both(clients, "/api/persons", q="an")
    assert an[0]["total"] == an[1]["total"]
    substr = [d["total"] for d in _both(clients, "/api/persons", q="trung")]
    within = [d["total"] for d in _both(clients, "/api/persons", q="trun")]
    assert substr[0] == substr[1] > 0 and within == [0, 0]


def test_person_pages_from_the_aggregates_are_the_same_on_both(clients):
    """The person pages (their summaries read from corpus.aggregates, computed by the process job on
    each database) agree field for field, every person."""
    lite, pg = _both(clients, "/api/persons", per_page=200)
    assert [i["id"] for i in lite["items"]] == [i["id"] for i in pg["items"]]
    for item in lite["items"]:
        one, two = _both(clients, f"/api/persons/{item['id']}")
        assert one == two, item["name"]
        assert one["articles_total"] == item["articles"] > 0
@pytest.mark.parametrize("table", TABLES)
def test_every_sort_gives_the_same_order_on_both(clients, table):
    """Vietnamese collation: SQLite's ``vi`` collation (corpus.sorting) and PostgreSQL's ICU
    ``vi-x-icu`` put the same rows in the same order; so do dates, numbers and counts."""
    from partyfacts.corpus.sorting import SORTABLE
    for col in SORTABLE[table]:
        for sort in (col, "-" + col):
            for q in ("", "bi thu"):
                lite, pg = _both(clients, f"/api/{table}", sort=sort, q=q, per_page=200)
                assert [i["id"] for i in lite["items"]] == [i["id"] for i in pg["items"]], (table, sort, q)
    lite, pg = _both(clients, f"/export/{table}.json", sort="-" + SORTABLE[table][0], province="Vĩnh Phúc")
    assert lite == pg, table


@pytest.mark.parametrize("table", TABLES)
def test_list_facets_and_title_searches_agree_on_both(clients, table):
    for args in ({}, {"q": "bi thu huyen uy"}, {"q": '"bí thư huyện ủy"'}, {"title": "Bí thư", "q": "dang"},
                 {"province": "Vĩnh Phúc"}):
        lite, pg = _both(clients, f"/api/{table}", facets="1", per_page=50, **args)
        assert lite == pg, (table, args)
