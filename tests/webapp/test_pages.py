"""Every HTML page and its JSON twin answer, with the content a researcher expects."""
from __future__ import annotations

import re

import pytest



def _person_id(client, name):
    items = client.get("/api/persons", query_string={"q": name}).get_json()["items"]
    return next(i["id"] for i in items if i["name"] == name)


def test_home_page_shows_table_counts_and_search_box(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'action="/search"' in html and 'name="q"' in html
    counts = client.get("/api/").get_json()["counts"]
    assert counts["articles"] == 16 and counts["persons"] > 5 and counts["figures"] > 10


@pytest.mark.parametrize("table", ["articles", "persons", "roles", "places", "organizations", "figures"])
def test_every_table_has_a_list_page_and_a_paginated_api_with_id_and_href(client, table):
    assert client.get(f"/{table}").status_code == 200
    data = client.get(f"/api/{table}", query_string={"per_page": 3}).get_json()
    assert data["page"] == 1 and data["per_page"] == 3 and data["total"] >= len(data["items"]) > 0
    for it in data["items"]:
        assert isinstance(it["id"], int) and it["href"].startswith("/")
        assert client.get(it["href"].split("#")[0]).status_code == 200
    if data["total"] > 3:
        assert data["next"] and "page=2" in data["next"]
        second = client.get(data["next"].replace(f"/{table}", f"/api/{table}", 1)
                            if not data["next"].startswith("/api/") else data["next"]).get_json()
        assert {i["id"] for i in second["items"]}.isdisjoint({i["id"] for i in data["items"]})


def test_person_page_has_career_table_timeline_variants_and_co_mentions(client):
    pid = _person_id(client, "Đỗ Trung Hiếu")
    html = client.get(f"/persons/{pid}").get_data(as_text=True)
    assert "<svg" in html and 'class="chart timeline"' in html
    assert "Trưởng Ban Tổ chức" in html and "2019-06-03" in html
    data = client.get(f"/api/persons/{pid}").get_json()
    assert data["id"] == pid and data["href"] == f"/persons/{pid}"
    # the career is one tenure per post, dated and resting on its evidence articles
    tenure = next(c for c in data["career"] if c["title"] == "Trưởng Ban Tổ chức")
    assert tenure["start"] and tenure["last_seen"] and tenure["start_kind"]
    assert tenure["evidence"] and all(e["article_href"].startswith("/articles/") for e in tenure["evidence"])
    assert data["roles"][0]["title"] == "Trưởng Ban Tổ chức"
    assert data["roles"][0]["article_href"].startswith("/articles/")
    for group in ("roles", "co_mentioned", "places", "articles"):  # every item: its id and its page
        assert all(isinstance(i["id"], int) and i["href"].startswith("/") for i in data[group]), group
    assert {c["name"] for c in data["co_mentioned"]} >= {"Nguyễn Thanh Hà", "Phùng Văn Khoa"}
    assert any(p["name"] == "Vĩnh Yên" for p in data["places"])


def test_place_page_shows_unit_successor_people_and_figures_chart(client):
    pl = next(i for i in client.get("/api/places", query_string={"q": "vinh yen"}).get_json()["items"]
              if i["name"] == "Vĩnh Yên")
    data = client.get(pl["href"].replace("/places/", "/api/places/")).get_json()
    assert data["type"] == "thành phố" and data["code"] == "243"
    assert data["successor"] == {"name": "Vĩnh Phúc", "type": "phường", "province": "Phú Thọ", "code": "8970"}
    html = client.get(pl["href"]).get_data(as_text=True)
    assert "Phú Thọ" in html and "8970" in html


def test_organization_page_lists_people_with_roles_in_it(client):
    org = client.get("/api/organizations", query_string={"q": "thanh uy vinh yen"}).get_json()["items"][0]
    data = client.get(f"/api/organizations/{org['id']}").get_json()
    assert any(p["name"] == "Đỗ Trung Hiếu" for p in data["people"])
    assert client.get(org["href"]).status_code == 200


def test_article_page_highlights_each_fact_type_from_stored_spans(client):
    pid = _person_id(client, "Phùng Văn Khoa")
    art = client.get(f"/api/persons/{pid}").get_json()["articles"][0]
    html = client.get(art["href"]).get_data(as_text=True)
    for cls in ("hl-person", "hl-role", "hl-place", "hl-organization", "hl-figure"):
        assert cls in html, cls
    assert re.search(r'<a class="hl hl-person[^"]*" href="/persons/\d+"[^>]*>Phùng Văn Khoa</a>', html)
    assert 'id="legend"' in html and 'data-toggle="figure"' in html
    data = client.get(art["href"].replace("/articles/", "/api/articles/")).get_json()
    for s in data["spans"]:
        assert 0 <= s["start"] < s["end"] <= len(data["text"])
    assert data["figures"] and data["roles"]


def test_hostile_article_text_is_escaped_everywhere(client):
    aid = client.get("/api/articles", query_string={"site": "evil.example"}).get_json()["items"][0]["id"]
    for url in (f"/articles/{aid}", "/search?q=script", "/articles?site=evil.example"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html, url
        assert "&lt;script&gt;" in html, url
    assert 'href="javascript:' not in client.get(f"/articles/{aid}").get_data(as_text=True)


def test_archived_copy_is_sanitised_and_sandboxed(client):
    aid = client.get("/api/articles", query_string={"site": "evil.example"}).get_json()["items"][0]["id"]
    r = client.get(f"/articles/{aid}/archived")
    body = r.get_data(as_text=True)
    assert r.status_code == 200 and "Tin gốc" in body and "Việt Nam" in body
    assert "<script" not in body and "onload" not in body and "<iframe" not in body and "<style" not in body
    assert "sandbox" in r.headers["Content-Security-Policy"] and "default-src 'none'" in r.headers["Content-Security-Policy"]
    src = client.get(f"/articles/{aid}/source")
    assert src.mimetype == "text/plain" and "<script>alert(1)</script>" in src.get_data(as_text=True)
    page = client.get(f"/articles/{aid}").get_data(as_text=True)
    assert re.search(r'<iframe class="archived" src="/articles/\d+/archived" sandbox', page)
    other = client.get("/api/articles", query_string={"site": "gold-portal", "per_page": 1}).get_json()["items"][0]
    assert client.get(f"/articles/{other['id']}/archived").status_code == 404  # .txt ingest: nothing archived


def test_figures_page_draws_a_chart_for_one_unit(client):
    html = client.get("/figures", query_string={"unit": "đảng viên"}).get_data(as_text=True)
    assert 'class="chart series"' in html and html.count("<circle") >= 5
    series = client.get("/api/figures/series", query_string={"unit": "đảng viên"}).get_json()
    assert series["items"] and series["points"] >= 5
    for sr in series["items"]:  # one series per (counted thing, place), its points oldest first
        dates = [p["date"] for p in sr["points"]]
        assert sr["unit"] == "đảng viên" and sr["key"] and sr["label"]
        assert dates == sorted(dates) and all(p["href"].startswith("/articles/") for p in sr["points"])
    assert client.get("/api/figures/series").status_code == 400


def test_missing_ids_give_friendly_404_pages_and_json_errors(client):
    for url in ("/articles/999999", "/persons/999999", "/places/999999", "/organizations/999999", "/nope"):
        r = client.get(url)
        assert r.status_code == 404 and "<h1>404" in r.get_data(as_text=True), url
    r = client.get("/api/persons/999999")
    assert r.status_code == 404 and r.get_json()["status"] == 404


def test_openapi_file_documents_every_api_route(app, client):
    import yaml
    spec = yaml.safe_load(client.get("/openapi.yaml").get_data(as_text=True))
    documented = {re.sub(r"\{\w+\}", "{}", p) for p in spec["paths"]}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith(("/api/", "/export/")):
            path = re.sub(r"<[^>]+>", "{}", rule.rule)
            if "any(" in rule.rule:
                continue
            assert path in documented, path
