"""Facet counts follow the list: each value counts the rows the query and the other filters select,
so choosing it gives exactly that many rows; a nonsense query counts nothing; "show more" lists more."""
from __future__ import annotations

import re

import pytest

from partyfacts.corpus import facts
from partyfacts.corpus.facets import FIELD, list_facets
from partyfacts.corpus.queries import Filters

PARAM = {"site": "site", "province": "province", "title": "title", "unit": "unit"}


def _facets(client, table, **args):
    return client.get(f"/api/{table}", query_string={**args, "facets": "1", "per_page": 1}).get_json()


@pytest.mark.parametrize("table", [ft.table for ft in facts.REGISTRY])
@pytest.mark.parametrize("base", [{}, {"q": "vinh"}, {"title": "Bí thư"}, {"province": "Vĩnh Phúc", "q": "dang"}])
def test_each_facet_count_is_the_number_of_rows_choosing_it_gives(client, table, base):
    d = _facets(client, table, **base)
    checked = 0
    for facet in facts.by_table(table).facets:
        if facet not in PARAM:
            continue
        for v in d["facets"][facet][:3]:
            args = {**base, PARAM[facet]: v["value"]}
            total = client.get(f"/api/{table}", query_string={**args, "per_page": 1}).get_json()["total"]
            assert v["count"] == total, (table, base, facet, v)
            checked += 1
    if not base:
        assert checked, table


@pytest.mark.parametrize("table", [ft.table for ft in facts.REGISTRY])
def test_a_nonsense_query_counts_nothing(client, table):
    d = _facets(client, table, q="zzqxw")
    assert d["total"] == 0
    assert all(d["facets"][f] == [] for f in facts.by_table(table).facets if f in PARAM)


def test_a_nonsense_search_shows_no_title_counts_on_the_page(client):
    every = client.get("/search", query_string={"q": "bi thu", "type": "roles"}).get_data(as_text=True)
    assert re.search(r">Bí thư \(\d+\)</option>", every)
    none = client.get("/search", query_string={"q": "zzqxw", "type": "roles"}).get_data(as_text=True)
    assert not re.search(r"\(\d+\)</option>", none)
    assert not re.search(r"\(\d+\)</option>", client.get("/roles", query_string={"q": "zzqxw"}).get_data(as_text=True))


def test_province_options_on_list_pages_have_counts_that_change_with_the_filters(client):
    html = client.get("/persons").get_data(as_text=True)
    all_n = int(re.search(r'<option value="Vĩnh Phúc" >Vĩnh Phúc \((\d+)\)</option>', html).group(1))
    html = client.get("/persons", query_string={"title": "Bí thư"}).get_data(as_text=True)
    bt_n = int(re.search(r'<option value="Vĩnh Phúc" >Vĩnh Phúc \((\d+)\)</option>', html).group(1))
    assert 0 < bt_n < all_n
    assert "Số đếm theo tìm kiếm và bộ lọc" in html


def test_a_selected_value_stays_in_its_facet_with_the_lists_count(client):
    d = _facets(client, "roles", site="gold-portal", q="zzqxw")
    assert d["facets"]["site"] == [{"value": "gold-portal", "count": 0}]


def test_show_more_lists_values_past_the_limit(client, db):
    with db.session() as s:
        few = list_facets(s, "roles", filters=Filters(), limit=2)
        many = list_facets(s, "roles", filters=Filters(), limit=500)
    assert len(few["title"]) == 2 and few["more"]["title"]
    assert len(many["title"]) > 2 and not many["more"]["title"]
    assert many["title"][:2] == few["title"]
    html = client.get("/roles", query_string={"facet_limit": 2}).get_data(as_text=True)
    link = re.search(r'<a class="show-more" href="([^"]+)"', html)
    assert link and "facet_limit=500" in link.group(1)
    assert len(re.findall(r"\(\d+\)</option>", client.get(link.group(1).replace("&amp;", "&")).get_data(as_text=True))) \
        > len(re.findall(r"\(\d+\)</option>", html))


def test_facet_limit_must_be_a_number(client):
    assert client.get("/roles", query_string={"facet_limit": "lots"}).status_code == 400


def test_facets_are_counted_with_the_other_filters_not_their_own(db):
    with db.session() as s:
        one = list_facets(s, "roles", filters=Filters(province="Vĩnh Phúc"))
        none = list_facets(s, "roles", filters=Filters())
    assert one["province"] == none["province"]            # its own filter does not narrow it
    assert one["site"] != none["site"] or one["title"] != none["title"]
    assert set(FIELD) >= {"site", "province", "title", "unit"}
