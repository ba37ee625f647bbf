"""Atom feeds of a person, place, organisation, post and search (issue 15, "follow changes"):
well-formed Atom, newest first, the sentence and absolute links in each entry, ids that survive
re-processing, hostile scraped text escaped, and the link from each page."""
from __future__ import annotations

import re
import shutil
from xml.etree import ElementTree as ET

import pytest

from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import process_articles
from partyfacts.webapp import feeds
from partyfacts.webapp.app import create_app
from chartcorpus import build_chart_corpus

NS = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def chart_db(tmp_path_factory):
    return build_chart_corpus(tmp_path_factory.mktemp("feeds"))


def _client(db_file):
    app = create_app({"DATABASE": str(db_file), "TESTING": True, "SECRET_KEY": "t"})
    return app, app.test_client()


@pytest.fixture
def client(chart_db):
    app, c = _client(chart_db)
    yield c
    app.extensions["partyfacts_db"].dispose()


def _feed(client, url, **args) -> ET.Element:
    r = client.get(url, query_string=args)
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    assert r.content_type.startswith("application/atom+xml")
    return ET.fromstring(r.data)      # raises on XML that is not well-formed


def _entries(root) -> list[dict]:
    return [{"id": e.findtext("a:id", namespaces=NS), "title": e.findtext("a:title", namespaces=NS),
             "updated": e.findtext("a:updated", namespaces=NS), "content": e.findtext("a:content", namespaces=NS),
             "links": [ln.get("href") for ln in e.findall("a:link", NS)]} for e in root.findall("a:entry", NS)]


def test_person_feed_lists_new_roles_newest_first_with_sentence_and_absolute_article_link(client):
    root = _feed(client, "/persons/1/feed.atom", lang="en")
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.findtext("a:title", namespaces=NS) == "partyfacts · New roles of Nguyễn Đức Trung"
    entries = _entries(root)
    # four stories name him; the republished copy of the 2023 story adds no entry
    assert [e["updated"][:10] for e in entries] == ["2024-02-20", "2023-01-16", "2022-01-14", "2021-01-15"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00\+07:00", e["updated"]) for e in entries)
    first = entries[1]
    assert first["title"] == "Nguyễn Đức Trung: Bí thư Tỉnh ủy Nghệ An"
    assert "Dự hội nghị có đồng chí Nguyễn Đức Trung, Bí thư Tỉnh ủy Nghệ An" in first["content"]
    assert first["links"][0].startswith("http://localhost/articles/") and "#r" in first["links"][0]
    assert len({e["id"] for e in entries}) == 4 and all(e["id"].startswith("urn:uuid:") for e in entries)


def test_place_feed_has_roles_and_figures_search_feed_follows_the_query(client):
    entries = _entries(_feed(client, "/places/1/feed.atom", lang="en", limit=50))
    titles = [e["title"] for e in entries]
    assert "21,500 billion đồng · tỉnh Nghệ An thu ngân sách nhà nước · Nghệ An" in titles
    assert any(t.startswith("Lê Hồng Vinh: Chủ tịch UBND") for t in titles)
    search = _entries(_feed(client, "/search/feed.atom", q="pho bi thu"))
    assert search and all(e["title"].startswith("Thái Thanh Quý: Phó Bí thư") for e in search)
    figures = _entries(_feed(client, "/search/feed.atom", q="ngan sach", unit="đồng", lang="en"))
    # the undated article's figure comes last, dated when it was recorded, and says it is undated
    assert len(figures) == 4 and "9,800 billion đồng" in figures[-1]["title"]
    assert "baonghean.vn, undated" in figures[-1]["content"]


def test_post_and_organization_feeds_list_new_holders(client):
    post = _entries(_feed(client, "/posts/feed.atom", title="Bí thư", organization=1))
    org = _entries(_feed(client, "/organizations/1/feed.atom"))
    assert len(post) == 4 and len(org) == 6     # the secretary four times, the deputy twice
    assert {e["id"] for e in post} <= {e["id"] for e in org}


def test_feed_errors_are_404_for_unknown_ids_and_400_for_missing_post_args(client):
    assert client.get("/persons/999999/feed.atom").status_code == 404
    r = client.get("/posts/feed.atom", query_string={"lang": "en"})
    assert r.status_code == 400
    assert client.get("/search/feed.atom", query_string={"from": "soon"}).status_code == 400


def test_hostile_scraped_text_is_escaped_and_xml_invalid_characters_dropped(client):
    raw = client.get("/persons/1/feed.atom").get_data(as_text=True)
    assert "<script>" not in raw and "<b>" not in raw
    assert "&lt;script&gt;" in raw and "]]&gt;" in raw
    entry = {"kind": "role", "key": "k", "date": "2024-01-02", "dated": True, "former": False,
             "sentence": "a\x00b\x0bc <i>\u202e", "person": "X\x1f", "title": "Bí thư", "organization": "",
             "href": "/articles/1#r1", "article": {"title": "T\ufffe", "site": "s", "url": "javascript:alert(1)",
                                                   "href": "/articles/1"}}
    with create_app({"DATABASE": "sqlite://", "TESTING": True, "SECRET_KEY": "t"}).test_request_context("/"):
        doc = feeds.atom("urn:x", "t\x07", "http://h/", "http://h/f", [entry], "vi")
    root = ET.fromstring(doc)
    e = root.find("a:entry", NS)
    assert e.findtext("a:summary", namespaces=NS) == "abc <i>"
    assert "javascript:" not in doc.decode()          # a non-web source is not linked


def test_entry_ids_survive_reprocessing_though_row_ids_change(chart_db, tmp_path):
    copy = tmp_path / "again.db"
    shutil.copy(chart_db, copy)
    app, c = _client(copy)
    before = _entries(_feed(c, "/places/1/feed.atom", limit=100))
    db = open_db(str(copy))
    assert process_articles(db, all_articles=True, progress=False).processed == 6
    db.dispose()
    after = _entries(_feed(c, "/places/1/feed.atom", limit=100))
    app.extensions["partyfacts_db"].dispose()
    assert [e["links"][0] for e in before] != [e["links"][0] for e in after]    # new rows, new anchors
    assert [e["id"] for e in before] == [e["id"] for e in after]


@pytest.mark.parametrize("page, feed", [
    ("/persons/1", "/persons/1/feed.atom"), ("/places/1", "/places/1/feed.atom"),
    ("/organizations/1", "/organizations/1/feed.atom"),
    ("/posts?title=B%C3%AD+th%C6%B0&organization=1", "/posts/feed.atom?title=B%C3%AD+th%C6%B0&amp;organization=1"),
    ("/search?q=bi+thu", "/search/feed.atom?q=bi+thu"), ("/roles?province=Ngh%E1%BB%87+An", "/search/feed.atom?province=Ngh%E1%BB%87+An")])
def test_each_page_links_its_feed_in_head_and_visibly(client, page, feed):
    html = client.get(page).get_data(as_text=True)
    head = html[:html.index("</head>")]
    assert f'<link rel="alternate" type="application/atom+xml" title="Theo dõi (Atom)" href="{feed}">' in head
    assert f'<p class="feed-link"><a href="{feed}"' in html


def test_pages_without_a_feed_link_none(client):
    html = client.get("/articles/1").get_data(as_text=True)
    assert "application/atom+xml" not in html


def test_a_web_source_is_linked_as_related_beside_the_fact_on_this_site():
    entry = {"kind": "figure", "key": "k2", "date": "2024-01-02", "dated": True, "sentence": "s", "value": 1.5e9,
             "unit": "đồng", "counted": "thu", "place": "", "href": "/articles/3#f7",
             "article": {"title": "T", "site": "s", "url": "https://baonghean.vn/a-1.html", "href": "/articles/3"}}
    with create_app({"DATABASE": "sqlite://", "TESTING": True, "SECRET_KEY": "t"}).test_request_context("/?lang=vi"):
        root = ET.fromstring(feeds.atom("urn:x", "t", "http://h/", "http://h/f", [entry], "vi"))
    e = root.find("a:entry", NS)
    links = {(ln.get("rel") or "alternate"): ln.get("href") for ln in e.findall("a:link", NS)}
    assert links == {"alternate": "http://localhost/articles/3#f7", "related": "https://baonghean.vn/a-1.html"}
    assert e.findtext("a:title", namespaces=NS) == "1,5 tỷ đồng · thu"
    assert e.findtext("a:published", namespaces=NS) == "2024-01-02T00:00:00+07:00"


@pytest.mark.parametrize("title, org, name", [
    ("Chủ tịch UBND", "UBND tỉnh Nghệ An", "Chủ tịch UBND tỉnh Nghệ An"),
    ("Bí thư", "Tỉnh ủy Nghệ An", "Bí thư Tỉnh ủy Nghệ An"),
    ("Phó Chủ tịch HĐND tỉnh", "HĐND tỉnh Thanh Hóa", "Phó Chủ tịch HĐND tỉnh Thanh Hóa"),
    ("Giám đốc", "", "Giám đốc")])
def test_entry_titles_do_not_repeat_the_words_title_and_body_share(title, org, name):
    assert feeds.post_name(title, org) == name
