"""Sortable lists: sort=col / sort=-col on every list (page, API, search tab, export), Vietnamese
dictionary order for names, newest first by default for roles and figures, undated last."""
from __future__ import annotations

import re
import random

import pytest
from sqlalchemy import text

from partyfacts.corpus.sorting import SORTABLE, parse_sort, vi_key

TABLES = tuple(SORTABLE)


# -- the collation ----------------------------------------------------------------------------------

def test_vietnamese_order_puts_letters_before_tones_and_boi_before_bui():
    # ô < u in the alphabet, whatever the tones: Bội before Bùi (code points say the opposite)
    assert sorted(["Bùi", "Bội"], key=vi_key) == ["Bội", "Bùi"]
    assert sorted(["Bùi", "Bội"]) == ["Bùi", "Bội"]   # what the issue saw: code-point order


def test_vietnamese_alphabet_order_of_the_modified_letters():
    alphabet = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
                "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]
    shuffled = alphabet[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=vi_key) == alphabet
    assert sorted(["Đào", "Giáp", "Dương", "Danh"], key=vi_key) == ["Danh", "Dương", "Đào", "Giáp"]


def test_tones_order_ngang_huyen_hoi_nga_sac_nang_and_only_after_the_letters():
    words = ["ma", "mà", "mả", "mã", "má", "mạ", "mai", "mắc", "mâm"]
    assert sorted(reversed(words), key=vi_key) == words
    # the letters of the whole string decide first (l < n), the tones only between equal letters
    assert sorted(["Hà Nội", "Hạ Long"], key=vi_key) == ["Hạ Long", "Hà Nội"]
    assert sorted(["Hạ Nam", "Hà Nam"], key=vi_key) == ["Hà Nam", "Hạ Nam"]


def test_both_tone_placements_and_nfd_input_give_one_key():
    import unicodedata
    assert vi_key("Hoà Bình") == vi_key("Hòa Bình") == vi_key(unicodedata.normalize("NFD", "Hoà Bình"))
    assert vi_key("thuỷ") == vi_key("thủy")


def test_lower_case_sorts_before_upper_case_only_when_all_else_is_equal():
    assert sorted(["An", "an", "Ân"], key=vi_key) == ["an", "An", "Ân"]


def test_sqlite_connections_sort_with_the_vi_collation(db):
    with db.session() as s:
        got = s.execute(text("SELECT x FROM (SELECT 'Bùi' AS x UNION ALL SELECT 'Bội' UNION ALL SELECT 'Đào' "
                             "UNION ALL SELECT 'Dương') ORDER BY x COLLATE vi")).scalars().all()
    assert got == ["Bội", "Bùi", "Dương", "Đào"]


# -- the sort argument ------------------------------------------------------------------------------

def test_parse_sort_reads_ascending_descending_and_refuses_unknown_columns():
    assert parse_sort("roles", "-date").descending and parse_sort("roles", "person").column == "person"
    assert parse_sort("roles", "") is None
    with pytest.raises(ValueError, match="person, title"):
        parse_sort("roles", "salary")


def test_an_unknown_sort_column_is_a_400_in_the_interface_language(client):
    vi = client.get("/roles", query_string={"sort": "salary"})
    en = client.get("/roles", query_string={"sort": "salary", "lang": "en"})
    assert vi.status_code == en.status_code == 400
    assert "Không sắp xếp được" in vi.get_data(as_text=True) and "salary" in vi.get_data(as_text=True)
    assert "cannot be sorted by salary" in en.get_data(as_text=True)
    api = client.get("/api/persons", query_string={"sort": "-date"})
    assert api.status_code == 400 and "name, role" in api.get_json()["error"]


# -- lists ---------------------------------------------------------------------------------------------

def _items(client, table, **args):
    return client.get(f"/api/{table}", query_string={"per_page": 200, **args}).get_json()["items"]


def test_person_list_is_in_vietnamese_name_order_by_default_and_reverses(client):
    names = [i["name"] for i in _items(client, "persons")]
    assert len(names) > 20 and names == sorted(names, key=vi_key) != sorted(names)
    assert [i["name"] for i in _items(client, "persons", sort="-name")] == names[::-1]


@pytest.mark.parametrize("table", ["places", "organizations"])
def test_entity_lists_sort_names_the_vietnamese_way(client, table):
    names = [i["name"] for i in _items(client, table, sort="name")]
    assert names == sorted(names, key=vi_key)


def test_roles_and_figures_are_newest_first_by_default_undated_last(client):
    for table in ("roles", "figures"):
        dates = [i["published"][:10] for i in _items(client, table)]
        dated = [d for d in dates if d]
        assert dated and dated == sorted(dated, reverse=True), table
        assert dates == dated + [""] * (len(dates) - len(dated)), table
        asc = [i["published"][:10] for i in _items(client, table, sort="date")]
        assert [d for d in asc if d] == sorted(dated), table
        assert asc[len(dated):] == [""] * (len(dates) - len(dated)), table


def test_every_sortable_column_orders_the_list_and_reverses(client):
    from partyfacts.corpus.sorting import sort_expressions  # noqa: F401 (the columns exist)
    for table, cols in SORTABLE.items():
        for col in cols:
            up = [i["id"] for i in _items(client, table, sort=col)]
            down = [i["id"] for i in _items(client, table, sort="-" + col)]
            assert up and sorted(up) == sorted(down), (table, col)


def test_roles_sort_by_person_title_and_organization_in_vietnamese_order(client):
    roles = _items(client, "roles", sort="person")
    assert [r["person"] for r in roles] == sorted((r["person"] for r in roles), key=vi_key)
    orgs = [r["organization_resolved"] or r["organization"] for r in _items(client, "roles", sort="-organization")]
    filled = [o for o in orgs if o]
    assert filled == sorted(filled, key=vi_key, reverse=True) and orgs[:len(filled)] == filled


def test_figures_sort_by_value_numerically(client):
    values = [i["value"] for i in _items(client, "figures", sort="-value")]
    assert values == sorted(values, reverse=True) and len(set(values)) > 5


def test_entity_lists_sort_by_article_count_most_first(client):
    spread = 0
    for table in ("persons", "places", "organizations"):
        counts = [i["articles"] for i in _items(client, table, sort="-articles")]
        assert counts == sorted(counts, reverse=True), table
        assert [i["articles"] for i in _items(client, table, sort="articles")] == counts[::-1], table
        spread += counts[0] > counts[-1]
    assert spread   # some list has entities in more than one story


def test_people_list_shows_each_persons_latest_role_and_province(client):
    people = _items(client, "persons")
    with_role = [p for p in people if p["role"]]
    assert len(with_role) > len(people) // 2
    p = with_role[0]
    roles = client.get("/api/roles", query_string={"person": p["id"], "per_page": 200}).get_json()["items"]
    latest = roles[0]   # the roles list is newest first
    assert p["role"] == latest["title_canonical"] and p["province"] == latest["province"]
    html = client.get("/persons").get_data(as_text=True)
    assert p["role"] in html


def test_search_tabs_sort_by_a_column_too(client):
    roles = client.get("/api/search", query_string={"q": "bi thu", "type": "roles", "sort": "person",
                                                    "per_page": 200}).get_json()["items"]
    assert len(roles) > 3 and [r["person"] for r in roles] == sorted((r["person"] for r in roles), key=vi_key)
    arts = client.get("/api/search", query_string={"q": "dang bo", "type": "articles", "sort": "-date",
                                                   "per_page": 200}).get_json()["items"]
    dates = [a["published"] for a in arts if a["published"]]
    assert len(dates) > 1 and dates == sorted(dates, reverse=True)


def test_headers_are_links_with_aria_sort_that_toggle_the_direction(client):
    html = client.get("/roles").get_data(as_text=True)
    assert re.search(r'<th scope="col" aria-sort="descending"><a class="sort" href="/roles\?sort=date"', html)
    assert re.search(r'<th scope="col" aria-sort="none"><a class="sort" href="/roles\?sort=person"', html)
    html = client.get("/persons", query_string={"sort": "name", "province": "Vĩnh Phúc"}).get_data(as_text=True)
    assert re.search(r'aria-sort="ascending"><a class="sort" href="/persons\?[^"]*sort=-name', html)
    assert 'name="sort" value="name"' in html          # the filter form keeps the sort
    assert "sort=name" in re.search(r'data-export="csv"[^>]*>|href="([^"]*)" data-export="csv"', html).group(0)


def test_search_headers_show_relevance_order_until_a_column_is_chosen(client):
    html = client.get("/search", query_string={"q": "vinh", "type": "persons"}).get_data(as_text=True)
    assert 'aria-sort="ascending"' not in html and 'aria-sort="none"' in html
    # the tabs drop the sort: a column of one list is no column of another
    assert "type=articles" in html and not re.search(r'href="[^"]*sort=[^"]*type=articles', html)


def test_the_sqlite_sort_key_orders_like_the_collation_key():
    from partyfacts.corpus.sorting import vi_sort_key
    words = ["Bùi", "Bội", "Đào", "Dương", "ma", "mà", "mả", "mã", "má", "mạ", "mai", "Ma", "Hà Nam", "Hạ Nam",
             "Hạ Long", "Nguyễn Văn A", "Nguyễn Văn Anh", "Nguyễn Văn", "H'Rin", "Y Wơn", "Đắk Lắk", "ấp 3", "10"]
    assert sorted(words, key=vi_sort_key) == sorted(words, key=vi_key)
    assert all(vi_sort_key(w).encode("utf-8") for w in words)   # valid UTF-8 (SQLite compares its bytes)


def test_sqlite_sorts_names_by_the_key_function(db):
    with db.session() as s:
        got = s.execute(text("SELECT x FROM (SELECT 'Bùi' AS x UNION ALL SELECT 'Bội' UNION ALL SELECT 'Đào' "
                             "UNION ALL SELECT 'Dương') ORDER BY pf_vi_key(x)")).scalars().all()
    assert got == ["Bội", "Bùi", "Dương", "Đào"]
