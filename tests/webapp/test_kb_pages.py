"""Person, organisation and post pages on a knowledge base built the way researchers build one (kbcorpus.py):
invented short stories ingested as .txt files from three sites and processed by the real pipeline
(extraction, body resolution, person resolution), one story republished on a national site.

The stories: two "Nguyễn Văn Thắng" (a Nghệ An district secretary, a Thanh Hóa commune chairman);
Trần Minh Hải elected Bí thư of the Nghệ An Tỉnh ủy in 2020, seen in office in 2022 (the generic
"Tỉnh ủy" on a Nghệ An story), "nguyên" Bí thư in 2024; Lê Quang Huy elected to the post in January
2024; colleagues named in two more stories."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.webapp.app import create_app
from kbcorpus import build_kb

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def kb_file(tmp_path_factory) -> Path:
    return build_kb(tmp_path_factory.mktemp("kbpages"))


def _app(db_file: Path):
    return create_app({"DATABASE": str(db_file), "TESTING": True, "SECRET_KEY": "test"})


@pytest.fixture(scope="module")
def kb(kb_file):
    app = _app(kb_file)
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()


def _persons(kb, q: str) -> list[dict]:
    return kb.get("/api/persons", query_string={"q": q}).get_json()["items"]


def _person(kb, q: str) -> dict:
    (item,) = _persons(kb, q)
    return kb.get(f"/api/persons/{item['id']}").get_json()


def _org_id(kb, name: str) -> int:
    items = kb.get("/api/organizations", query_string={"q": name}).get_json()["items"]
    return next(i["id"] for i in items if i["name"] == name)


def test_same_name_in_two_provinces_on_two_sites_is_two_person_pages(kb):
    items = _persons(kb, "nguyen van thang")
    assert len(items) == 2
    provinces = []
    for it in items:
        data = kb.get(f"/api/persons/{it['id']}").get_json()
        provinces.append({o["province"] for o in data["resolution"]})
        assert len(data["career"]) >= 1 and data["articles_total"] == 1
    assert sorted(map(sorted, provinces)) == [["Nghệ An"], ["Thanh Hóa"]]


def test_career_is_one_tenure_per_post_started_by_election_and_closed_by_nguyen(kb):
    p = _person(kb, "tran minh hai")
    (tenure,) = p["career"]
    assert tenure["title"] == "Bí thư" and tenure["organization"] == "Tỉnh ủy Nghệ An"
    assert tenure["organization_id"] == _org_id(kb, "Tỉnh ủy Nghệ An")
    assert tenure["organization_href"] == f"/organizations/{tenure['organization_id']}"
    assert (tenure["start"], tenure["start_kind"]) == ("2020-10-15", "elected")
    assert tenure["last_seen"] == "2022-05-15" and tenure["end"] == "2024-02-02"
    # evidence: each story once (the republished copy adds none), with its date, kind and article
    assert [(e["date"], e["kind"]) for e in tenure["evidence"]] == [
        ("2020-10-15", "elected"), ("2022-05-15", "in_office"), ("2024-02-02", "former")]
    assert all(e["article_href"] == f"/articles/{e['article_id']}" for e in tenure["evidence"])
    assert tenure["post"]["href"].startswith("/posts?") and f"organization={tenure['organization_id']}" in tenure["post"]["href"]
    # the per-article role rows stay, newest first, each story's once (the copy's rows are not repeated)
    assert p["roles_total"] == 3 and len({r["article_id"] for r in p["roles"]}) == 3 and [r["date"] for r in p["roles"]] == sorted((r["date"] for r in p["roles"]), reverse=True)
    html = kb.get(p["href"]).get_data(as_text=True)
    career = html[html.index('id="career"'):html.index('id="resolution"')]
    assert 'class="data career"' in career and 'class="chart timeline"' in career
    assert f'href="{tenure["post"]["href"].replace("&", "&amp;")}">Bí thư</a>' in career
    assert "2020-10-15" in career and "2024-02-02" in career and "Tỉnh ủy Nghệ An" in career


def test_a_long_tenure_lists_the_evidence_that_dates_it_and_counts_the_rest(kb, monkeypatch):
    from partyfacts.corpus import pages
    monkeypatch.setattr(pages, "MAX_EVIDENCE", 2)
    (tenure,) = _person(kb, "tran minh hai")["career"]
    assert tenure["evidence_total"] == 3
    assert [(e["date"], e["kind"]) for e in tenure["evidence"]] == [("2020-10-15", "elected"), ("2024-02-02", "former")]
    assert (tenure["start"], tenure["last_seen"], tenure["end"]) == ("2020-10-15", "2022-05-15", "2024-02-02")


def test_generic_tinh_uy_and_its_explicit_spelling_are_one_organization_other_provinces_not(kb):
    hai = _person(kb, "tran minh hai")
    roles = kb.get("/api/roles", query_string={"person": hai["id"]}).get_json()["items"]
    assert len({r["organization_id"] for r in roles}) == 1           # "Tỉnh ủy" and "Tỉnh ủy Nghệ An"
    long_ = _person(kb, "pham duc long")                               # "Phó Bí thư Thường trực Tỉnh ủy"
    assert {c["organization_id"] for c in long_["career"]} == {hai["career"][0]["organization_id"]}
    assert _org_id(kb, "Tỉnh ủy Thanh Hóa") != hai["career"][0]["organization_id"]


def test_organization_page_has_level_place_and_post_holders_newest_first(kb):
    oid = _org_id(kb, "Tỉnh ủy Nghệ An")
    o = kb.get(f"/api/organizations/{oid}").get_json()
    assert o["level"] == "province" and o["province"] == "Nghệ An"
    assert o["place"]["name"] == "Nghệ An" and o["place"]["href"] == f"/places/{o['place']['id']}"
    secretary = next(p for p in o["posts"] if p["title"] == "Bí thư")
    assert [h["person"] for h in secretary["holders"]] == ["Lê Quang Huy", "Trần Minh Hải"] and secretary["holders_total"] == 2
    assert all(h["person_href"] == f"/persons/{h['person_id']}" for h in secretary["holders"])
    assert {p["title"] for p in o["posts"]} >= {"Bí thư", "Ủy viên Ban Thường vụ", "Phó Bí thư Thường trực"}
    html = kb.get(f"/organizations/{oid}").get_data(as_text=True)
    posts = html[html.index('id="posts"'):]
    assert f'href="{secretary["post"]["href"].replace("&", "&amp;")}">Bí thư</a>' in posts
    assert posts.index("Lê Quang Huy") < posts.index("Trần Minh Hải")
    assert f'href="/places/{o["place"]["id"]}"' in html


def test_post_api_answers_who_held_the_post_on_a_date(kb):
    oid = _org_id(kb, "Tỉnh ủy Nghệ An")

    def on(date, title="Bí thư"):
        r = kb.get("/api/posts", query_string={"title": title, "organization": oid, "on": date})
        assert r.status_code == 200, r.get_data(as_text=True)
        return [h["person"] for h in r.get_json()["holders_on"]]
    assert on("2022-01-01") == ["Trần Minh Hải"]
    assert on("2021-03-01", title="bí thư") == ["Trần Minh Hải"]        # the title's key works too
    assert on("2024-06-01") == ["Lê Quang Huy"]
    assert on("2019-01-01") == []
    d = kb.get("/api/posts", query_string={"title": "Bí thư", "organization": oid}).get_json()
    assert d["holders_total"] == 2 and [h["person"] for h in d["holders"]] == ["Lê Quang Huy", "Trần Minh Hải"]
    assert d["organization"]["href"] == f"/organizations/{oid}" and d["holders_on"] is None
    html = kb.get("/posts", query_string={"title": "Bí thư", "organization": oid, "on": "2022-01-01"}).get_data(as_text=True)
    held = html[html.index('id="holders-on"'):html.index('id="holders"')]
    assert "Trần Minh Hải" in held and "Lê Quang Huy" not in held


@pytest.mark.parametrize("args, status", [
    ({"title": "Bí thư"}, 400),
    ({"title": "Bí thư", "organization": "x"}, 400),
    ({"title": "Bí thư", "organization": "1", "on": "2022-13-01"}, 400),
    ({"title": "Bí thư", "organization": "1", "on": "01/02/2022"}, 400),
    ({"title": "Tổng Bí thư", "organization": "1"}, 404),
    ({"title": "Bí thư", "organization": "999999"}, 404),
])
def test_post_api_refuses_bad_arguments_and_unknown_posts(kb, args, status):
    r = kb.get("/api/posts", query_string=args)
    assert r.status_code == status and r.get_json()["status"] == status


def test_articles_total_counts_a_republished_story_once_and_lists_its_copies(kb):
    p = _person(kb, "tran minh hai")
    assert p["articles_total"] == 3 and len(p["articles"]) == 3      # 4 articles, 3 stories
    (story,) = [a for a in p["articles"] if a["also_published"]]
    (copy,) = story["also_published"]
    assert copy["site"] == "dantri.com.vn" and copy["href"] == f"/articles/{copy['id']}" and copy["id"] != story["id"]
    assert {a["id"] for a in p["articles"]}.isdisjoint({copy["id"]})
    html = kb.get(p["href"]).get_data(as_text=True)
    assert f'<a href="/articles/{copy["id"]}">dantri.com.vn</a>' in html
    o = kb.get(f"/api/organizations/{_org_id(kb, 'Tỉnh ủy Nghệ An')}").get_json()
    assert o["articles_total"] == len(o["articles"]) == 6                # 7 Nghệ An articles, 6 stories


def test_resolution_explains_why_merged_and_why_kept_apart(kb):
    hai = _person(kb, "tran minh hai")
    assert len(hai["resolution"]) == 4                                   # the copy's occurrence too
    for o in hai["resolution"]:
        assert o["decision"] == "merged" and o["by"] in ("model", "rules", "researcher")
        assert o["name"] == "Trần Minh Hải" and o["mention_key"].endswith("#trần minh hải")
        assert 0.5 <= o["probability"] <= 1 and o["evidence"]["name"] == "agree"
        assert o["partner"]["person_id"] == hai["id"] and o["partner"]["article_href"].startswith("/articles/")
    thang = [kb.get(f"/api/persons/{i['id']}").get_json() for i in _persons(kb, "nguyen van thang")]
    for p, other in (thang, thang[::-1]):
        (o,) = p["resolution"]
        assert o["decision"] == "separate" and o["probability"] < 0.5
        assert o["partner"]["person_id"] == other["id"] and o["evidence"]["province"] == "disagree"
        html = kb.get(p["href"]).get_data(as_text=True)
        section = html[html.index('id="resolution"'):]
        assert f'href="/persons/{other["id"]}"' in section and "decision-separate" in section


def test_resolution_section_in_both_languages(kb):
    pid = _persons(kb, "tran minh hai")[0]["id"]
    en = kb.get(f"/persons/{pid}", query_string={"lang": "en"}).get_data(as_text=True)
    vi = kb.get(f"/persons/{pid}", query_string={"lang": "vi"}).get_data(as_text=True)
    assert "Why these articles are one person" in en and ">merged<" in en and "3 stories" in en
    assert "Vì sao các bài này là cùng một người" in vi and ">gộp<" in vi and "3 tin bài" in vi


def test_merge_and_split_forms_only_for_the_admin_with_csrf_tokens(kb_file):
    app = _app(kb_file)
    app.config["WTF_CSRF_ENABLED"] = True
    try:
        client = app.test_client()
        pid = _persons(client, "tran minh hai")[0]["id"]
        html = client.get(f"/persons/{pid}").get_data(as_text=True)
        assert "/merge" not in html and 'name="occurrence"' not in html
        from werkzeug.security import generate_password_hash
        app.config["ADMIN_PASSWORD_HASH"] = generate_password_hash("kb admin")   # a real login (session version)
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True)).group(1)
        assert client.post("/login", data={"password": "kb admin", "csrf_token": token}).status_code == 302
        html = client.get(f"/persons/{pid}").get_data(as_text=True)
        merge = re.search(rf'<form method="post" action="/persons/{pid}/merge"[^>]*>(.*?)</form>', html, re.S)
        split = re.search(rf'<form method="post" action="/persons/{pid}/split"[^>]*>(.*?)</form>', html, re.S)
        assert merge and split
        for form in (merge.group(1), split.group(1)):
            assert re.search(r'name="csrf_token" value="[^"]{20,}"', form)
        assert 'name="other"' in merge.group(1)
        keys = re.findall(r'name="occurrence" value="([^"]+)"', split.group(1))
        assert len(keys) == 4 and all(k.endswith("#trần minh hải") for k in keys)
    finally:
        app.extensions["partyfacts_db"].dispose()


def test_hostile_names_are_escaped_on_person_organization_and_post_pages(kb_file, tmp_path):
    hostile_file = tmp_path / "hostile.db"
    shutil.copy(kb_file, hostile_file)
    db = open_db(str(hostile_file))
    with db.session() as s:
        org = s.query(m.Organization).filter_by(name="Tỉnh ủy Nghệ An").one()
        org.name, org.place_name = "Tỉnh ủy " + HOSTILE, HOSTILE
        person = s.query(m.Person).filter_by(name="Trần Minh Hải").one()
        person.name = "Hải " + HOSTILE
        for occ in s.query(m.PersonOccurrence).filter_by(person_id=person.id):
            occ.name, occ.province = HOSTILE, HOSTILE
        for r in s.query(m.Role).filter_by(person_id=person.id):
            r.title_canonical = "Bí thư " + HOSTILE
        oid, pid = org.id, person.id
    db.dispose()
    app = _app(hostile_file)
    try:
        client = app.test_client()
        for url in (f"/persons/{pid}", f"/organizations/{oid}", f"/posts?title=bí+thư&organization={oid}"):
            r = client.get(url)
            html = r.get_data(as_text=True)
            assert r.status_code == 200, url
            assert "<script>alert" not in html and "<img src=x" not in html, url
            assert "&lt;script&gt;" in html, url
    finally:
        app.extensions["partyfacts_db"].dispose()
