"""Search: folding (đ → d), exact-diacritic ranking, phrases, facets as filters, snippets, bounds."""
from __future__ import annotations

import pytest

from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files
from partyfacts.corpus.queries import Filters, list_items
from partyfacts.corpus.search import QueryError, parse_query, snippet


def test_search_without_diacritics_finds_accented_articles_and_people(client):
    d = client.get("/api/search", query_string={"q": "vinh yen"}).get_json()
    assert d["type"] == "articles" and d["total"] >= 2
    assert d["counts"]["places"] >= 1 and d["counts"]["roles"] >= 1
    persons = client.get("/api/search", query_string={"q": "do trung hieu", "type": "persons"}).get_json()
    assert [i["name"] for i in persons["items"]] == ["Đỗ Trung Hiếu"]


def test_d_with_stroke_folds_to_d(client):
    folded = client.get("/api/articles", query_string={"q": "dang bo"}).get_json()["total"]
    accented = client.get("/api/articles", query_string={"q": "Đảng bộ"}).get_json()["total"]
    assert folded == accented >= 10


def test_snippet_marks_the_matched_words_in_the_original_spelling(client):
    it = client.get("/api/search", query_string={"q": "vinh yen"}).get_json()["items"][0]
    sn = it["snippet"]
    marked = [sn["text"][a:b] for a, b in sn["highlights"]]
    assert "Vĩnh Yên" in marked


def test_snippet_of_text_with_a_match_is_a_window_around_it():
    body = "x " * 400 + "Đảng bộ tỉnh Vĩnh Phúc" + " y" * 400
    sn = snippet(body, parse_query('"dang bo tinh"'))
    a, b = sn.highlights[0]
    assert sn.text[a:b] == "Đảng bộ tỉnh" and sn.text.startswith("…") and len(sn.text) < 300


@pytest.fixture
def rank_db(tmp_path):
    """Three articles whose words fold alike: bí thư / bị thu / bi thu, and a scattered one."""
    texts = {"a.txt": "Tin tức\nÔng A được bầu làm bí thư chi bộ.", "b.txt": "Tin khác\nKhoản tiền bị thu hồi.",
             "c.txt": "Ban tin\nbi thu khong dau.", "d.txt": "Tin rời\nthu hoạch lúa, bi kịch."}
    paths = []
    for name, t in texts.items():
        (tmp_path / name).write_text(t, encoding="utf-8")
        paths.append(tmp_path / name)
    db = open_db(str(tmp_path / "rank.db"))
    ingest_files(db, paths, site="s")
    yield db
    db.dispose()


def _titles(db, q):
    with db.session() as s:
        return [i["url"].rsplit("/", 1)[1] for i in list_items(s, "articles", q)["items"]]


def test_exact_diacritic_matches_rank_first(rank_db):
    assert _titles(rank_db, "bí thư")[0] == "a.txt"
    assert _titles(rank_db, "bị thu")[0] == "b.txt"
    assert set(_titles(rank_db, "bi thu")) == {"a.txt", "b.txt", "c.txt", "d.txt"}


def test_words_next_to_each_other_rank_before_scattered_words(rank_db):
    assert _titles(rank_db, "bi thu")[-1] == "d.txt"


def test_quoted_phrase_needs_the_words_adjacent(rank_db):
    assert set(_titles(rank_db, '"bi thu"')) == {"a.txt", "b.txt", "c.txt"}


def test_fts_index_follows_updates_and_deletes(rank_db):
    from partyfacts.corpus import models as m
    with rank_db.session() as s:
        a = s.query(m.Article).filter(m.Article.url.like("%a.txt")).one()
        a.text = "Đổi nội dung: Thành ủy"
    assert "a.txt" not in _titles(rank_db, "bi thu chi bo")
    assert _titles(rank_db, "thanh uy") == ["a.txt"]


def test_like_fallback_without_fts_still_answers(rank_db, monkeypatch):
    """The portable path PostgreSQL takes (LIKE over folded columns), exercised on SQLite."""
    import partyfacts.corpus.queries as q
    monkeypatch.setattr(q, "search_index", lambda session: "")
    assert _titles(rank_db, "tin khac") == ["b.txt"]
    assert _titles(rank_db, "Tin tức")[0] == "a.txt"


def test_filters_restrict_every_table(client):
    site_only = client.get("/api/articles", query_string={"site": "evil.example"}).get_json()
    assert site_only["total"] == 1
    dated = client.get("/api/articles", query_string={"from": "2024-01-01", "to": "2024-12-31"}).get_json()
    assert dated["items"] and all(i["published"].startswith("2024") for i in dated["items"])
    titled = client.get("/api/roles", query_string={"title": "Trưởng Ban Tổ chức"}).get_json()
    assert titled["items"] and {i["title"] for i in titled["items"]} == {"Trưởng Ban Tổ chức"}
    holders = client.get("/api/persons", query_string={"title": "Trưởng Ban Tổ chức"}).get_json()
    assert "Đỗ Trung Hiếu" in {i["name"] for i in holders["items"]}
    unit = client.get("/api/figures", query_string={"unit": "%"}).get_json()
    assert unit["items"] and {i["unit"] for i in unit["items"]} == {"%"}
    prov = client.get("/api/places", query_string={"province": "Vĩnh Phúc"}).get_json()
    assert prov["total"] == client.get("/api/places").get_json()["total"]  # the fixture's places are all there
    assert client.get("/api/places", query_string={"province": "Cà Mau"}).get_json()["total"] == 0


def test_search_page_shows_type_tabs_with_counts_and_facet_selects(client):
    html = client.get("/search", query_string={"q": "vinh yen"}).get_data(as_text=True)
    for t in ("articles", "persons", "roles", "places", "organizations", "figures"):
        assert f'data-type="{t}"' in html
    assert 'name="site"' in html and 'name="province"' in html and 'name="title"' in html and 'name="from"' in html
    assert "<mark class=\"m-" in html


def test_bounds_reject_long_queries_bad_numbers_and_deep_pages(client):
    assert client.get("/api/search", query_string={"q": "x" * 201}).status_code == 400
    assert client.get("/api/articles", query_string={"q": " ".join(["a"] * 13)}).status_code == 400
    assert client.get("/api/articles", query_string={"page": "abc"}).status_code == 400
    assert client.get("/api/articles", query_string={"page": "6000"}).status_code == 400
    assert client.get("/api/articles", query_string={"from": "2024-13-01"}).status_code == 400
    assert client.get("/api/articles", query_string={"place": "1; drop"}).status_code == 400
    assert client.get("/api/search", query_string={"type": "users"}).status_code == 400
    r = client.get("/search", query_string={"q": "x" * 500})
    assert r.status_code == 400 and "200" in r.get_data(as_text=True)
    assert client.get("/api/articles", query_string={"per_page": 10_000}).get_json()["per_page"] == 200


def test_fts_operators_in_the_query_are_plain_words(client):
    for q in ('NEAR(a b)', 'a OR b', '"unbalanced', 'title:x', '*', '-', '^a'):
        assert client.get("/api/search", query_string={"q": q}).status_code == 200, q


def test_filters_round_trip_through_query_string_names():
    f = Filters.from_args({"site": "s", "from": "2024", "to": "2024-02", "title": "Bí thư", "place": "3"})
    assert f.to_args() == {"site": "s", "from": "2024-01-01", "to": "2024-02-29", "title": "Bí thư", "place": "3"}
    with pytest.raises(QueryError):
        Filters.from_args({"from": "yesterday"})


@pytest.mark.parametrize("table", ["articles", "persons", "roles", "places", "organizations", "figures"])
def test_every_query_compiles_for_postgresql_without_fts(table):
    """PostgreSQL takes the LIKE path; every list/export query with every filter must compile there."""
    from sqlalchemy.dialects import postgresql

    from partyfacts.corpus.queries import SPECS, Ctx
    f = Filters.from_args({"site": "s", "province": "Vĩnh Phúc", "from": "2020", "to": "2021", "title": "Bí thư",
                           "unit": "%", "place": "1", "person": "2", "organization": "3", "article": "4"})
    for q in ("", 'vinh yen "bi thu"'):
        ctx = Ctx(parse_query(q), f, fts=False)
        for export in (False, True):
            sql = str(SPECS[table].query(ctx, export).compile(dialect=postgresql.dialect()))
            assert "MATCH" not in sql and "fts_" not in sql
        if SPECS[table].ids and SPECS[table].ids(ctx) is not None:
            str(SPECS[table].ids(ctx).compile(dialect=postgresql.dialect()))


def test_search_facets_count_the_sites_and_provinces_of_the_matches(client):
    d = client.get("/api/search", query_string={"q": "vinh yen", "facets": "1"}).get_json()
    f = d["facets"]
    assert f["articles_counted"] == d["counts"]["articles"] and not f["sampled"]
    assert f["site"] == [{"value": "gold-portal", "count": d["counts"]["articles"]}]
    assert {"value": "Vĩnh Phúc", "count": d["counts"]["articles"]} in f["province"]
    html = client.get("/search", query_string={"q": "script"}).get_data(as_text=True)
    assert "evil.example (1)" in html and "gold-portal (" not in html


def test_snippet_opens_where_the_words_stand_together():
    body = "Tỉnh Vĩnh Phúc có tin. " + "x " * 200 + "Thành phố Vĩnh Yên phát triển."
    sn = snippet(body, parse_query("vinh yen"))
    assert "Vĩnh Yên" in [sn.text[a:b] for a, b in sn.highlights]


@pytest.mark.parametrize("table", ["articles", "persons", "roles", "places", "organizations", "figures"])
def test_a_narrow_site_or_date_filter_driving_the_search_finds_the_same_rows(db, monkeypatch, table):
    """A search with a selective site/date filter walks the filter's index first (Ctx.narrow); the
    plan that walks the match set first must give the same page, order and count."""
    import partyfacts.corpus.queries as cq
    cases = [("bi thu", {"site": "gold-portal"}), ("uy vien", {"from": "2020", "to": "2023-06"}),
             ("dang vien", {"site": "gold-portal", "from": "2021"}), ("thi", {"to": "2023"}), ("vinh phuc", {"to": "2022"}),
             ("ban to chuc", {"site": "evil.example"})]
    with db.session() as s:
        for q, args in cases:
            f = Filters.from_args(args)
            monkeypatch.setattr(cq, "NARROW_ARTICLES", 10**9)
            assert cq._ctx(s, q, f).narrow
            narrow = [list_items(s, table, q, page=p, per_page=7, filters=f) for p in (1, 2)]
            monkeypatch.setattr(cq, "NARROW_ARTICLES", -1)
            assert not cq._ctx(s, q, f).narrow
            wide = [list_items(s, table, q, page=p, per_page=7, filters=f) for p in (1, 2)]
            assert narrow == wide, (q, args)
        if table != "organizations":  # the test only means something if some filtered search finds rows
            assert any(list_items(s, table, q, filters=Filters.from_args(a))["total"] for q, a in cases)


# -- how a match matched (corpus.search.match_kind), titles as facts, phrases across columns ----------

def test_match_kind_tells_exact_spelling_from_folded_and_refuses_other_diacritics():
    from partyfacts.corpus.search import match_kind, parse_query
    assert match_kind("Bí thư", parse_query("bí thư")) == "exact"
    assert match_kind("hòa", parse_query("hoà")) == "exact"            # tone placement is one spelling
    assert match_kind("Vinh Yen", parse_query("Vĩnh Yên")) == "folded"   # the text lacks the diacritics
    assert match_kind("thứ", parse_query("thư")) is None                 # typed with others: another word
    assert match_kind("thứ", parse_query("thu")) == "folded"             # typed without: every spelling
    assert match_kind("thu", parse_query("thu")) == "exact"


def test_snippets_mark_each_match_with_its_kind_and_skip_other_diacritics():
    from partyfacts.corpus.search import parse_query, snippet
    sn = snippet("Bí thư Huyện ủy, thứ hai, BI THU chi bộ", parse_query("bí thư"))
    marked = [sn.text[a:b] for a, b in sn.highlights]
    assert marked == ["Bí thư", "BI THU"] and sn.kinds == ("exact", "folded")
    sn = snippet("Bí thư và thứ hai", parse_query("thu"))
    assert [sn.text[a:b] for a, b in sn.highlights] == ["thư", "thứ"] and sn.kinds == ("folded", "folded")


def test_search_page_highlights_by_kind_with_a_legend(client):
    html = client.get("/search", query_string={"q": "Vĩnh Yên"}).get_data(as_text=True)
    assert '<mark class="m-exact"' in html and 'class="match-legend' in html
    html = client.get("/search", query_string={"q": "vinh yen"}).get_data(as_text=True)
    assert '<mark class="m-folded"' in html


def test_a_title_and_body_search_lists_the_people_holding_it(client):
    q = "bi thu huyen uy"
    persons = client.get("/api/search", query_string={"q": q, "type": "persons", "per_page": 200}).get_json()
    roles = client.get("/api/search", query_string={"q": q, "type": "roles", "per_page": 200}).get_json()
    assert persons["total"] > 0 and {p["id"] for p in persons["items"]} == {r["person_id"] for r in roles["items"]}


def test_a_quoted_phrase_across_title_and_organisation_keeps_the_roles_tab(client):
    for q in ('"bí thư huyện ủy"', '"bi thu huyen uy"'):
        counts = client.get("/api/search", query_string={"q": q}).get_json()["counts"]
        assert counts["roles"] > 0 and counts["persons"] > 0, q
    roles = client.get("/api/roles", query_string={"q": '"bi thu huyen uy"', "per_page": 200}).get_json()["items"]
    from partyfacts.nlp.text import fold
    assert all("bi thu huyen uy" in fold(f"{r['title']} {r['organization']}").lower()
               or "bi thu huyen uy" in fold(f"{r['title_expanded']} {r['organization']}").lower() for r in roles)
