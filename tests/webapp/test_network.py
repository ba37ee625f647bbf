"""The co-mention network around a person or a place (issue 15): stories counted once, a period
from/to, top-N by weight, every edge linked to the stories naming both, a JSON twin, an escaped SVG."""
from __future__ import annotations

import os
import re
import sys

import pytest

from partyfacts.webapp import charts
from partyfacts.webapp.app import create_app
from chartcorpus import build_chart_corpus


@pytest.fixture(scope="module")
def chart_db(tmp_path_factory):
    return build_chart_corpus(tmp_path_factory.mktemp("network"))


@pytest.fixture
def client(chart_db):
    app = create_app({"DATABASE": str(chart_db), "TESTING": True, "SECRET_KEY": "t"})
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()


def _ids(client, name_to_id=None):
    persons = client.get("/api/persons", query_string={"per_page": 50}).get_json()["items"]
    return {p["name"]: p["id"] for p in persons}


def _edges(net) -> dict[frozenset, int]:
    names = {n["id"]: n["name"] for n in net["nodes"]}
    return {frozenset((names[e["source"]], names[e["target"]])): e["weight"] for e in net["edges"]}


def test_person_network_counts_each_story_once(client):
    ids = _ids(client)
    net = client.get(f"/api/persons/{ids['Nguyễn Đức Trung']}/network").get_json()
    assert net["stories"] == 4                      # four stories, the republished copy not again
    assert [n["name"] for n in net["nodes"]] == ["Nguyễn Đức Trung", "Lê Hồng Vinh", "Thái Thanh Quý"]
    assert _edges(net) == {frozenset({"Nguyễn Đức Trung", "Lê Hồng Vinh"}): 3,
                           frozenset({"Nguyễn Đức Trung", "Thái Thanh Quý"}): 2,
                           frozenset({"Lê Hồng Vinh", "Thái Thanh Quý"}): 2}


def test_every_edge_lists_the_stories_naming_both_newest_first(client):
    ids = _ids(client)
    net = client.get(f"/api/persons/{ids['Nguyễn Đức Trung']}/network").get_json()
    edge = next(e for e in net["edges"] if e["weight"] == 3)
    assert [a["published"] for a in edge["articles"]] == ["2023-01-16", "2022-01-14", "2021-01-15"]
    assert all(a["href"].startswith("/articles/") for a in edge["articles"])
    html = client.get(f"/persons/{ids['Nguyễn Đức Trung']}/network").get_data(as_text=True)
    for e in net["edges"]:       # each line of the drawing links to its row, the row to its stories
        anchor = f"edge-{e['source']}-{e['target']}"
        assert f'href="#{anchor}"' in html and f'<tr id="{anchor}">' in html
    row = html[html.index(f'<tr id="edge-{edge["source"]}-{edge["target"]}">'):]
    row = row[:row.index("</tr>")]
    assert sorted(re.findall(r'href="(/articles/\d+)"', row)) == sorted(a["href"] for a in edge["articles"])


def test_the_period_narrows_the_network(client):
    ids = _ids(client)
    net = client.get(f"/api/persons/{ids['Nguyễn Đức Trung']}/network",
                     query_string={"from": "2022", "to": "2022"}).get_json()
    assert (net["from"], net["to"], net["stories"]) == ("2022-01-01", "2022-12-31", 1)
    assert _edges(net)[frozenset({"Nguyễn Đức Trung", "Thái Thanh Quý"})] == 1
    late = client.get(f"/api/persons/{ids['Nguyễn Đức Trung']}/network", query_string={"from": "2024-01-01"}).get_json()
    assert late["stories"] == 1 and late["edges"] == [] and len(late["nodes"]) == 1


def test_top_keeps_the_heaviest_people(client):
    ids = _ids(client)
    net = client.get(f"/api/persons/{ids['Nguyễn Đức Trung']}/network", query_string={"top": 1}).get_json()
    assert [n["name"] for n in net["nodes"]] == ["Nguyễn Đức Trung", "Lê Hồng Vinh"]
    assert list(_edges(net).values()) == [3]


def test_place_network_has_no_centre_person_and_pairs_from_its_stories(client):
    net = client.get("/api/places/1/network").get_json()
    assert net["center"]["name"].endswith("Nghệ An") and not any(n["center"] for n in net["nodes"])
    assert net["nodes"][0]["name"] == "Nguyễn Đức Trung" and net["nodes"][0]["weight"] == 4
    assert _edges(net)[frozenset({"Lê Hồng Vinh", "Thái Thanh Quý"})] == 2


def test_bad_period_or_unknown_centre_answers_clearly(client):
    ids = _ids(client)
    r = client.get(f"/api/persons/{ids['Nguyễn Đức Trung']}/network", query_string={"from": "2024", "to": "2023"})
    assert r.status_code == 400 and "swap them" in r.get_json()["error"]
    r = client.get(f"/api/persons/{ids['Nguyễn Đức Trung']}/network", query_string={"from": "yesterday"})
    assert r.status_code == 400
    assert client.get("/api/persons/999999/network").status_code == 404


def test_person_and_place_pages_link_their_network(client):
    ids = _ids(client)
    assert f'href="/persons/{ids["Nguyễn Đức Trung"]}/network"' in client.get(f"/persons/{ids['Nguyễn Đức Trung']}").get_data(as_text=True)
    assert 'href="/places/1/network"' in client.get("/places/1").get_data(as_text=True)


def test_network_svg_escapes_names_and_puts_every_node_on_the_circle():
    hostile = '<script>alert(1)</script>'
    net = {"nodes": [{"id": 1, "name": hostile, "weight": 2, "center": True, "href": "/persons/1"},
                     {"id": 2, "name": "B", "weight": 1, "center": False, "href": "/persons/2"},
                     {"id": 3, "name": "C", "weight": 1, "center": False, "href": "/persons/3"}],
           "edges": [{"source": 1, "target": 2, "weight": 2}, {"source": 2, "target": 3, "weight": 1}]}
    svg = str(charts.network_svg(net, hostile))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    centres = {(float(x), float(y)) for x, y in re.findall(r'<circle class="node[^"]*" cx="([\d.]+)" cy="([\d.]+)"', svg)}
    assert len(centres) == 3 and all(abs(((x - 380) ** 2 + (y - 380) ** 2) ** .5 - 230) < 0.5 for x, y in centres)


def test_network_feeds_and_series_answer_alike_on_postgresql(tmp_path, client):
    """The same corpus on PostgreSQL: the same network, feed entries and series as on SQLite."""
    pytest.importorskip("psycopg")
    sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
    from pg import start_or_skip
    server = start_or_skip()
    try:
        app = create_app({"DATABASE": build_chart_corpus(tmp_path, server.createdb("charts")), "TESTING": True,
                          "SECRET_KEY": "t"})
        pg = app.test_client()
        for url, args in (("/api/persons/{}/network", {}), ("/api/persons/{}/network", {"from": "2022", "to": "2022"}),
                          ("/api/places/1/network", {})):
            sq_id, pg_id = _ids(client)["Nguyễn Đức Trung"], _ids(pg)["Nguyễn Đức Trung"]
            on_sqlite = client.get(url.format(sq_id), query_string=args).get_json()
            on_pg = pg.get(url.format(pg_id), query_string=args).get_json()
            assert (on_pg["stories"], _edges(on_pg)) == (on_sqlite["stories"], _edges(on_sqlite))
        assert pg.get("/places/1/feed.atom").data.count(b"<entry>") == client.get("/places/1/feed.atom").data.count(b"<entry>")
        series = pg.get("/api/figures/series", query_string={"unit": "đồng", "q": "ngan sach"}).get_json()
        assert (series["points"], series["undated"]) == (3, 1)
        app.extensions["partyfacts_db"].dispose()
    finally:
        server.stop()
