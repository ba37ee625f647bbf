"""Strict input: ASCII digits only, ids within 63 bits (else 404), bounded JSON bodies — never a 500."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partyfacts.webapp.params import MAX_ID, ParamError, ascii_int, json_body, parse_id


@settings(derandomize=True, max_examples=300)   # deterministic: the same examples every run
@given(st.text(max_size=25))
def test_ascii_int_accepts_exactly_ascii_digit_strings_and_never_raises_anything_else(raw):
    try:
        value = ascii_int(raw)
    except ParamError:
        assert not (raw.isascii() and raw.isdigit() and 0 < len(raw) <= 19 and int(raw) <= MAX_ID)
    else:
        assert raw.isascii() and raw.isdigit() and value == int(raw) <= MAX_ID


@settings(derandomize=True)
@given(st.integers(min_value=MAX_ID + 1, max_value=10**40))
def test_ids_beyond_63_bits_name_no_row(n):
    with pytest.raises(ParamError) as e:
        parse_id(str(n))
    assert e.value.status == 404


@pytest.mark.parametrize("raw", ["²", "١٢", "１２", "-1", "0", "1e3", " 1", ""])
def test_unicode_digits_signs_zero_and_blanks_are_not_ids(raw):
    with pytest.raises(ParamError):
        parse_id(raw)


def test_deeply_nested_json_is_refused_before_parsing():
    with pytest.raises(ParamError, match="nested deeper"):
        json_body(b"[" * 100_000 + b"]" * 100_000)
    assert json_body(json.dumps({"text": "a [ { b"}).encode()) == {"text": "a [ { b"}
    with pytest.raises(ParamError, match="not UTF-8"):
        json_body(b"\xff\xfe{}")


@pytest.mark.parametrize("url, status", [
    ("/persons/99999999999999999999999999", 404), ("/api/persons/99999999999999999999999999", 404),
    ("/persons/%C2%B2", 404), ("/api/persons?page=%C2%B2", 400), ("/api/persons?per_page=%C2%B2", 400),
    ("/api/persons?person=%C2%B2", 400), ("/api/roles?person=99999999999999999999999", 400),
    ("/api/posts?title=B%C3%AD+th%C6%B0&organization=%C2%B2", 400),
])
def test_hostile_numbers_in_urls_answer_400_or_404(client, url, status):
    assert client.get(url).status_code == status


def test_nested_json_posted_to_extract_is_a_400(client):
    r = client.post("/api/extract", data="[" * 50_000 + "]" * 50_000, content_type="application/json")
    assert r.status_code == 400 and r.get_json()["status"] == 400


def test_csv_export_says_its_charset_once(client):
    r = client.get("/export/persons.csv")
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"


def test_bidi_overrides_and_zero_width_marks_are_not_shown_or_exported():
    from flask import render_template_string

    from partyfacts.corpus.export import iter_csv, iter_json
    hostile = "Nguy\u200bễn \u202eVăn\u202c A\u2066"
    assert "".join(iter_csv([{"name": hostile}], ("name",))).splitlines()[-1].strip("\ufeff") == "Nguyễn Văn A"
    assert json.loads("".join(iter_json([{"name": hostile}])))[0]["name"] == "Nguyễn Văn A"
    from partyfacts.webapp.app import create_app
    app = create_app({"DATABASE": "sqlite://", "SECRET_KEY": "t"})
    with app.test_request_context("/"):
        assert render_template_string("{{ n }}", n=hostile) == "Nguyễn Văn A"


@pytest.mark.parametrize("path", ["/%5Cevil.example", "/%5C%5Cevil.example/x", "/persons/%5Cevil"])
def test_language_links_stay_on_this_site(client, path):
    import re
    html = client.get(path).get_data(as_text=True)
    links = re.findall(r'href="([^"]*lang=(?:vi|en))"', html)
    assert links and all(h.startswith("/") and not h.startswith(("//", "/\\")) and "\\" not in h for h in links)
