"""The fact-type registry (corpus.facts) drives the lists the web shows and the store writes; the URLs
come from webapp/urls.py; one view answers a page as HTML or as JSON."""
from __future__ import annotations

import json
import re

import pytest
import yaml
from sqlalchemy import select

from partyfacts import nlp
from partyfacts.corpus import facts, pages, store
from partyfacts.corpus import models as m
from partyfacts.corpus.queries import SPECS, TABLES, export_rows
from partyfacts.webapp import highlight, i18n, urls
from partyfacts.webapp import views


def _first_id(client, table):
    return client.get(f"/api/{table}", query_string={"per_page": 1}).get_json()["items"][0]["id"]


# -- the registry drives the lists -----------------------------------------------------------------------------

def test_legend_lists_the_registry_fact_types_with_their_highlight_class_and_label(client):
    html = client.get(f"/articles/{_first_id(client, 'articles')}", query_string={"lang": "en"}).get_data(as_text=True)
    legend = html[html.index('<fieldset class="legend"'):html.index("</fieldset>")]
    found = re.findall(r'<label class="([^"]+)"><input type="checkbox" data-toggle="([^"]+)" checked> ([^<]+)</label>',
                       legend)
    expected = [(ft.css, ft.name, i18n.messages()[ft.label]["en"]) for ft in facts.FACT_TYPES]
    assert found == expected and len(found) == 5


def test_search_tabs_and_menu_list_the_registry_tables_in_order(client):
    html = client.get("/search", query_string={"q": "vinh yen", "lang": "en"}).get_data(as_text=True)
    assert re.findall(r'data-type="([a-z]+)"', html) == list(facts.TABLES)
    menu = html[html.index("<nav class=\"main\""):] if '<nav class="main"' in html else html
    for ft in facts.REGISTRY:
        assert f'href="/{ft.table}"' in menu and i18n.messages()[ft.table_label]["en"] in menu


def test_table_pages_offer_the_registry_facets_of_their_table(client):
    names = {"site": 'name="site"', "province": 'name="province"', "title": 'name="title"', "unit": 'name="unit"',
             "date": 'name="from"'}
    for ft in facts.REGISTRY:
        html = client.get(f"/{ft.table}").get_data(as_text=True)
        start = html.index('<form class="filters"')
        form = html[start:html.index("</form>", start)]
        assert {k for k, marker in names.items() if marker in form} == set(ft.facets), ft.table


def test_export_tables_queries_and_api_tables_are_the_registry_tables(client):
    assert facts.EXPORT_TABLES == facts.TABLES == TABLES == tuple(SPECS)
    for ft in facts.REGISTRY:
        assert SPECS[ft.table].columns == ft.columns and SPECS[ft.table].model is ft.model
        r = client.get(f"/export/{ft.table}.csv")
        assert r.status_code == 200
        assert r.get_data(as_text=True).lstrip("\ufeff").splitlines()[0].split(",") == list(ft.columns)
    assert client.get("/export/dates.csv").status_code == 404


def test_openapi_table_enums_are_the_registry_tables(client):
    spec = yaml.safe_load(client.get("/openapi.yaml").get_data(as_text=True))
    assert spec["components"]["parameters"]["table"]["schema"]["enum"] == list(facts.TABLES)
    search_type = next(p for p in spec["paths"]["/api/search"]["get"]["parameters"] if p.get("name") == "type")
    assert search_type["schema"]["enum"] == list(facts.TABLES)


def test_highlight_classes_are_the_registry_classes():
    assert highlight.TYPES == facts.HIGHLIGHT_TYPES == tuple(ft.name for ft in facts.FACT_TYPES)
    text = "abcdefghij"
    spans = [{"type": ft.name, "start": i, "end": i + 1, "label": ft.name, "href": "", "anchor": ""}
             for i, ft in enumerate(facts.FACT_TYPES)]
    html = str(highlight.highlight(text, spans))
    assert re.findall(r'class="hl ([^"]+)"', html) == [ft.css for ft in facts.FACT_TYPES]


def test_try_it_spans_cover_every_extracted_type_of_the_registry():
    ex = nlp.Extraction(
        persons=(nlp.Person(name="Đỗ Trung Hiếu", mentions=((0, 13),)),),
        places=(nlp.Place(name="Vĩnh Yên", type="thành phố", province="Vĩnh Phúc", mentions=((20, 28),)),),
        organizations=(nlp.Organization(name="Thành ủy Vĩnh Yên", mentions=((30, 47),)),),
        roles=(nlp.Role(person="Đỗ Trung Hiếu", title="Bí thư", organization="Thành ủy Vĩnh Yên", span=(0, 47)),),
        figures=(nlp.Figure(value=812, unit="đảng viên", text="812 đảng viên", span=(50, 63)),),
    )
    spans = highlight.spans_from_extraction(ex)
    assert [s["type"] for s in spans] == ["person", "place", "organization", "role", "figure"]
    assert {s["type"] for s in spans} == {ft.name for ft in facts.FACT_TYPES}


def test_every_registry_entry_has_its_labels_in_both_languages():
    catalogue = i18n.messages()
    for ft in facts.REGISTRY:
        for key in (ft.label, ft.table_label):
            assert key in catalogue, key
            assert all(catalogue[key].get(lang, "").strip() for lang in i18n.LANGS), key


def test_every_extracted_type_names_an_extraction_attribute_and_a_store_writer():
    for ft in facts.FACT_TYPES:
        assert ft.attribute in nlp.Extraction.__dataclass_fields__, ft.name
        assert callable(store.writer(ft)), ft.name
        assert all(r in {f.name for f in facts.FACT_TYPES} for r in ft.requires), ft.name
    order = [ft.name for ft in facts.write_order()]
    assert order == ["person", "place", "organization", "role", "figure"]
    for ft in facts.FACT_TYPES:
        assert all(order.index(r) < order.index(ft.name) for r in ft.requires), ft.name


def test_write_order_refuses_a_circle_of_requirements(monkeypatch):
    a = facts.FactType("a", "as", m.Role, ("id",), (), ("article", "id", ""), attribute="roles", requires=("b",))
    b = facts.FactType("b", "bs", m.Figure, ("id",), (), ("article", "id", ""), attribute="figures", requires=("a",))
    monkeypatch.setattr(facts, "FACT_TYPES", (a, b))
    with pytest.raises(ValueError, match="circle"):
        facts.write_order()


def test_store_counts_each_registry_table_it_wrote(db):
    with db.session() as s:
        article = s.execute(select(m.Article).where(m.Article.text.like("%Đỗ Trung Hiếu%"))).scalars().first()
        start = article.text.index("Đỗ Trung Hiếu")
        ex = nlp.Extraction(persons=(nlp.Person(name="Đỗ Trung Hiếu", mentions=((start, start + 13),)),),
                            roles=(nlp.Role(person="Đỗ Trung Hiếu", title="Bí thư", organization="",
                                            span=(start, start + 13)),))
        counts = store.store_extraction(s, article, ex, "test")
        assert counts == {"persons": 1, "roles": 1, "places": 0, "organizations": 0, "figures": 0}
        assert list(counts) == [ft.table for ft in facts.FACT_TYPES]
        s.rollback()


# -- URLs in one module -------------------------------------------------------------------------------------

def test_every_rule_of_urls_is_the_rule_the_app_routes(app):
    routed = {r.endpoint: r.rule for r in app.url_map.iter_rules()}
    for endpoint, rule in urls.RULES.items():
        assert routed[f"{urls.BLUEPRINT}.{endpoint}"] == rule, endpoint
    for endpoint, rule in urls.OTHER.items():
        assert routed[endpoint] == rule, endpoint


def test_urls_build_the_same_paths_inside_and_outside_a_request(app):
    outside = [urls.person(7), urls.article(3, "f9"), urls.table("roles"), urls.export("roles", "csv", {"q": "bí thư"}),
               urls.crawls_run(4), urls.archived(2)]
    assert outside == ["/persons/7", "/articles/3#f9", "/roles", "/export/roles.csv?q=b%C3%AD+th%C6%B0",
                       "/crawls#run-4", "/articles/2/archived"]
    with app.test_request_context("/"):
        assert [urls.person(7), urls.article(3, "f9"), urls.table("roles"),
                urls.export("roles", "csv", {"q": "bí thư"}), urls.crawls_run(4), urls.archived(2)] == outside


def test_corpus_read_models_carry_links_not_hrefs(db):
    with db.session() as s:
        pid = s.execute(select(m.Person.id).order_by(m.Person.id)).scalar()
        aid = s.execute(select(m.Article.id).order_by(m.Article.id)).scalar()
        for model in (pages.person_detail(s, pid), pages.article_detail(s, aid)):
            dumped = json.dumps(model, ensure_ascii=False, default=str)
            assert '"href"' not in dumped and "/persons/" not in dumped and "/articles/" not in dumped
            assert model["link"] == facts.Link("person", pid) or model["link"] == facts.Link("article", aid)
        rows = list(export_rows(s, "figures", batch=10))
        assert rows and all("href" not in r for r in rows)


def test_export_rows_get_the_href_of_their_registry_link_in_the_column_place(db):
    with db.session() as s:
        rows = list(views.table_rows(s, "persons"))
        roles = list(views.table_rows(s, "roles"))
    assert rows and list(rows[0]) == [c for c in facts.by_table("persons").columns]
    assert all(r["href"] == f"/persons/{r['id']}" for r in rows)
    assert roles and all(r["href"] == f"/persons/{r['person_id']}" for r in roles)


# -- one view per page: HTML or JSON ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/search?q=vinh+yen", "/roles?title=B%C3%AD+th%C6%B0", "/figures?unit=%25",
                                  "/persons/{person}", "/places/{place}", "/organizations/{organization}",
                                  "/articles/{article}"])
def test_format_json_answers_the_same_json_as_the_api_twin(client, path):
    ids = {"person": _first_id(client, "persons"), "place": _first_id(client, "places"),
           "organization": _first_id(client, "organizations"), "article": _first_id(client, "articles")}
    path = path.format(**ids)
    api = "/api/" if path == "/" else "/api" + path
    twin = client.get(api)
    sep = "&" if "?" in path else "?"
    as_json = client.get(path + sep + "format=json")
    assert twin.status_code == as_json.status_code == 200
    assert as_json.mimetype == "application/json"
    body, expected = as_json.get_json(), twin.get_json()
    if expected.get("next"):  # the next page keeps the asking URL (the page's, with format=json)
        assert body["next"].startswith(path.split("?")[0] + "?") and "format=json" in body["next"]
        body.pop("next"), expected.pop("next")
    assert body == expected


def test_format_json_errors_are_json_like_the_api_errors(client):
    r = client.get("/persons/999999", query_string={"format": "json"})
    assert r.status_code == 404 and r.get_json()["status"] == 404
    assert r.get_json() == client.get("/api/persons/999999").get_json()
    bad = client.get("/roles", query_string={"from": "someday", "format": "json"})
    assert bad.status_code == 400 and bad.get_json() == client.get("/api/roles", query_string={"from": "someday"}).get_json()


def test_every_registry_search_index_exists_in_a_migrated_database(db):
    from sqlalchemy import text
    with db.session() as s:
        tables = set(s.execute(text("SELECT name FROM sqlite_master WHERE type='table'")).scalars())
    for ft in facts.REGISTRY:
        assert ft.search in tables, ft.table
    assert "fts_articles_exact" in tables  # the articles' exact-diacritics tier (queries._article_tiers)
