"""The search cache (webapp.search_cache): a search asked again while the data is unchanged is answered
from the cache (one statement: the data stamp), and any write to what a search reads — a newly
processed article, a renamed person — is in the very next search, on SQLite (the counter of
0014_search_speed) and on PostgreSQL (the transaction snapshot)."""
from __future__ import annotations

import os
import shutil
import sys

import pytest
from sqlalchemy import event, select, text, update

from partyfacts import nlp
from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files, process_articles
from partyfacts.corpus.search import data_stamp
from partyfacts.webapp.app import create_app
from partyfacts.webapp.search_cache import SearchCache

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from pg import start_or_skip  # noqa: E402

NEW_TEXT = "12/3/2025\nĐồng chí Ksor Phướk Dlei, Bí thư Huyện ủy Krông Pắc, dự hội nghị tổng kết."
NEW_PERSON = "Ksor Phướk Dlei"


def _extract(text, site=None, url=None):
    at = text.find(NEW_PERSON)
    if at < 0:
        return nlp.Extraction()
    return nlp.Extraction(persons=(nlp.Person(name=NEW_PERSON, mentions=((at, at + len(NEW_PERSON)),)),))


@pytest.fixture
def corpus(corpus_file, tmp_path):
    path = tmp_path / "cache.db"
    shutil.copy(corpus_file, path)
    return path


def _app(db_url, **config):
    return create_app({"DATABASE": str(db_url), "TESTING": True, "SECRET_KEY": "t", "RATELIMIT_ENABLED": False,
                       **config})


def _statements(app) -> list[str]:
    seen: list[str] = []
    event.listen(app.extensions["partyfacts_db"].engine, "before_cursor_execute",
                 lambda conn, cur, st, *a: seen.append(st))
    return seen


def test_the_same_search_asked_again_is_answered_from_the_cache_with_only_the_stamp_read(corpus):
    app = _app(corpus)
    c = app.test_client()
    first = c.get("/api/search", query_string={"q": "bí thư", "per_page": 5}).get_json()
    seen = _statements(app)
    again = c.get("/api/search", query_string={"q": "  bí   thư ", "per_page": 5}).get_json()   # same once normalized
    app.extensions["partyfacts_db"].dispose()
    first.pop("next"), again.pop("next")        # the next page's link keeps the request's own spelling
    assert first["total"] > 0 and again == first
    assert seen == ["SELECT n FROM data_stamp WHERE id = 1"]


def test_a_newly_processed_article_and_its_person_are_in_the_next_search(corpus, tmp_path):
    app = _app(corpus)
    c = app.test_client()
    before = c.get("/api/search", query_string={"q": "krong pac"}).get_json()
    persons_before = c.get("/api/search", query_string={"q": "ksor phuok", "type": "persons"}).get_json()
    html_before = c.get("/search", query_string={"q": "krong pac"}).get_data(as_text=True)
    assert before["counts"]["articles"] == 0 and persons_before["total"] == 0
    txt = tmp_path / "new.txt"
    txt.write_text(NEW_TEXT, encoding="utf-8")
    db = open_db(str(corpus))               # another process's connection: the crawler, `process`
    ingest_files(db, [txt], site="gold-portal")
    process_articles(db, extract=_extract, progress=False)
    db.dispose()
    after = c.get("/api/search", query_string={"q": "krong pac"}).get_json()
    persons_after = c.get("/api/search", query_string={"q": "ksor phuok", "type": "persons"}).get_json()
    html_after = c.get("/search", query_string={"q": "krong pac"}).get_data(as_text=True)
    app.extensions["partyfacts_db"].dispose()
    assert after["counts"]["articles"] == 1 and after["items"][0]["url"].endswith("new.txt")
    assert [i["name"] for i in persons_after["items"]] == [NEW_PERSON]
    assert "Krông Pắc" not in html_before and "<mark" in html_after and "Krông Pắc" in html_after


def test_a_person_renamed_by_an_update_is_found_under_the_new_name_at_once(corpus):
    app = _app(corpus)
    c = app.test_client()
    got = c.get("/api/search", query_string={"q": "Đỗ Trung Hiếu", "type": "persons"}).get_json()
    assert got["total"] >= 1
    pid = got["items"][0]["id"]
    db = open_db(str(corpus))
    with db.session() as s:                 # an UPDATE only: no row added, the stamp still moves
        s.execute(update(m.Person).where(m.Person.id == pid).values(name="Đỗ Trung Hiếu Minh"))
    db.dispose()
    again = c.get("/api/search", query_string={"q": "Đỗ Trung Hiếu", "type": "persons"}).get_json()
    app.extensions["partyfacts_db"].dispose()
    assert [i["name"] for i in again["items"] if i["id"] == pid] == ["Đỗ Trung Hiếu Minh"]


def test_with_the_cache_off_every_search_runs_its_statements(corpus):
    app = _app(corpus, SEARCH_CACHE_ENTRIES=0)
    c = app.test_client()
    c.get("/api/search", query_string={"q": "bí thư"})
    seen = _statements(app)
    c.get("/api/search", query_string={"q": "bí thư"})
    app.extensions["partyfacts_db"].dispose()
    assert len(seen) > 3 and "data_stamp" not in " ".join(seen)


def test_the_cache_keeps_its_newest_entries_and_does_not_store_a_failed_answer():
    cache = SearchCache(2)
    calls = []

    def compute(v):
        calls.append(v)
        return v
    for k in ("a", "b", "a", "c"):        # "b" is the least recently used when "c" comes
        cache.get("s1", k, lambda k=k: compute(k))
    cache.get("s1", "a", lambda: compute("a!"))
    cache.get("s1", "b", lambda: compute("b!"))
    assert calls == ["a", "b", "c", "b!"]
    assert cache.get("s2", "a", lambda: compute("a2")) == "a2"     # another stamp: computed again

    def fail():
        raise RuntimeError("database went away")
    with pytest.raises(RuntimeError):
        cache.get("s2", "x", fail)
    assert cache.get("s2", "x", lambda: "ok") == "ok"


def test_the_postgresql_stamp_moves_with_a_committed_write_and_not_with_reads(tmp_path):
    server = start_or_skip("for the PostgreSQL data stamp")
    try:
        db = open_db(server.createdb("stamp"))
        with db.session() as s:
            first = data_stamp(s)
            s.execute(select(m.Article.id)).all()
        with db.session() as s:
            unchanged = data_stamp(s)
        with db.session() as s:
            s.add(m.Site(name="new-portal", base_url="https://new.example/"))
        with db.session() as s:
            moved = data_stamp(s)
        db.dispose()
    finally:
        server.stop()
    assert first.startswith("pg:") and unchanged == first and moved != first
