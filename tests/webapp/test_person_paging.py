"""The person page pages its stories and role rows (articles_page, roles_page: strict ASCII page
numbers, a pager on the HTML page) and serves the same page twice from its cache."""
from __future__ import annotations

from pathlib import Path

import pytest

from partyfacts.corpus import pages
from partyfacts.webapp.app import create_app
from kbcorpus import build_kb


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """The knowledge-base corpus (kbcorpus.py): persons named in several stories."""
    db_file: Path = build_kb(tmp_path_factory.mktemp("paging"))
    app = create_app({"DATABASE": str(db_file), "TESTING": True, "SECRET_KEY": "test"})
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()


@pytest.fixture
def busiest(client):
    items = client.get("/api/persons", query_string={"per_page": 200}).get_json()["items"]
    top = max(items, key=lambda i: (i["articles"], -i["id"]))
    assert top["articles"] >= 2
    return top


def test_person_stories_and_roles_come_in_pages_without_overlap(client, busiest, monkeypatch):
    monkeypatch.setattr(pages, "ARTICLES_PER_PAGE", 1)
    pages.PAGE_CACHE.clear()
    url = f"/api/persons/{busiest['id']}"
    first = client.get(url).get_json()
    second = client.get(url, query_string={"articles_page": "2"}).get_json()
    assert first["articles_page"] == {"page": 1, "per_page": 1, "total": busiest["articles"],
                                      "pages": busiest["articles"]}
    assert second["articles_page"]["page"] == 2
    assert first["articles"][0]["id"] != second["articles"][0]["id"]
    html = client.get(f"/persons/{busiest['id']}").get_data(as_text=True)
    assert f'href="/persons/{busiest["id"]}?articles_page=2" rel="next"' in html


@pytest.mark.parametrize("bad", ["²", "-1", "1e3", "x", "99999999"])
def test_bad_page_numbers_of_a_person_page_are_400s(client, busiest, bad):
    for name in ("articles_page", "roles_page"):
        r = client.get(f"/api/persons/{busiest['id']}", query_string={name: bad})
        assert r.status_code == 400, (name, bad)


def test_a_person_page_served_twice_is_the_same(client, busiest):
    pages.PAGE_CACHE.clear()
    url = f"/api/persons/{busiest['id']}"
    assert client.get(url).get_json() == client.get(url).get_json()


def test_a_long_career_shows_the_latest_tenures_and_counts_them_all(client, monkeypatch):
    items = client.get("/api/persons", query_string={"per_page": 200}).get_json()["items"]
    pages.PAGE_CACHE.clear()
    full = max((client.get(f"/api/persons/{i['id']}").get_json() for i in items), key=lambda p: len(p["career"]))
    assert len(full["career"]) >= 2 and full["career_total"] == len(full["career"])
    monkeypatch.setattr(pages, "MAX_TENURES_LISTED", 1)
    pages.PAGE_CACHE.clear()
    short = client.get(f"/api/persons/{full['id']}").get_json()
    def latest(t):
        return max(t["start"] or "", t["last_seen"] or "", t["end"] or "")
    assert short["career_total"] == full["career_total"] and len(short["career"]) == 1
    assert short["career"][0] in full["career"] and latest(short["career"][0]) == max(map(latest, full["career"]))
    html = client.get(f"/persons/{full['id']}").get_data(as_text=True)
    assert f"newest 1 of {full['career_total']}" in html or f"1 dòng mới nhất trong {full['career_total']}" in html
