"""Names the interface gives stored codes and refused queries, and labels that say shared words once."""
from __future__ import annotations

import pytest

from partyfacts.corpus.kb.titles import post_label, title_before
from partyfacts.corpus.search import QueryError, parse_query
from partyfacts.webapp.app import create_app
from partyfacts.webapp.charts import _wrap, timeline_svg
from partyfacts.webapp.i18n import error_text, label, messages


@pytest.fixture
def ctx(tmp_path):
    app = create_app({"DATABASE": str(tmp_path / "empty.db"), "TESTING": True, "SECRET_KEY": "t"})
    yield app
    app.extensions["partyfacts_db"].dispose()


@pytest.mark.parametrize("lang, expected", [("vi", "Cấp ủy Đảng"), ("en", "Party committee")])
def test_an_organisation_kind_is_named_in_the_interface_language(ctx, lang, expected):
    with ctx.test_request_context(f"/?lang={lang}"):
        assert label("party_committee", "org_kind") == expected


def test_a_code_the_catalogue_lacks_reads_as_words_not_as_a_code(ctx):
    with ctx.test_request_context("/?lang=vi"):
        assert label("ethnic_council", "org_kind") == "ethnic council"
        assert label("", "org_kind") == "" and label(None, "org_kind") == ""


def test_every_organisation_kind_the_extractor_makes_has_a_label_in_both_languages():
    from partyfacts.nlp.people import article
    import inspect
    src = inspect.getsource(article)
    kinds = {"party_committee", "youth_union", "people_committee", "people_council", "fatherland_front",
             "na_delegation", "agency"}
    assert all(f'"{k}"' in src for k in kinds)   # the codes the extractor writes
    for k in kinds | {"committee"}:
        entry = messages()[f"org_kind_{k}"]
        assert entry["vi"] and entry["en"] and entry["vi"] != k


@pytest.mark.parametrize("lang, expected", [("vi", "Câu tìm dài 250 ký tự; giới hạn là 200"),
                                            ("en", "The query is 250 characters long; the limit is 200")])
def test_a_refused_query_is_worded_in_the_interface_language(ctx, lang, expected):
    with pytest.raises(QueryError) as exc:
        parse_query("a" * 250)
    with ctx.test_request_context(f"/?lang={lang}"):
        assert error_text(exc.value).startswith(expected)


def test_a_query_error_without_a_key_keeps_its_own_text(ctx):
    with ctx.test_request_context("/?lang=vi"):
        assert error_text(QueryError("something else")) == "something else"


@pytest.mark.parametrize("title, org, expected", [
    ("Chủ tịch UBND", "UBND tỉnh Nghệ An", "Chủ tịch UBND tỉnh Nghệ An"),
    ("Chủ tịch Ủy ban nhân dân", "UBND huyện Nam Đàn", "Chủ tịch UBND huyện Nam Đàn"),
    ("Phó Chủ tịch UBND huyện", "UBND huyện Nam Đàn", "Phó Chủ tịch UBND huyện Nam Đàn"),
    ("Bí thư Huyện uỷ", "Huyện ủy Nam Đàn", "Bí thư Huyện ủy Nam Đàn"),      # tone placement folded
    ("Bí thư", "Tỉnh ủy Nghệ An", "Bí thư Tỉnh ủy Nghệ An"),
    ("Giám đốc", "", "Giám đốc"),
])
def test_a_post_label_says_the_words_title_and_organisation_share_once(title, org, expected):
    assert post_label(title, org) == expected


def test_title_before_keeps_a_title_that_shares_nothing():
    assert title_before("Trưởng Ban Tổ chức", "Tỉnh ủy Nghệ An") == "Trưởng Ban Tổ chức"


def test_a_long_timeline_label_wraps_onto_two_lines_instead_of_being_cut():
    label_text = "Phó Trưởng Ban Thường trực Ban Chỉ đạo phòng chống tham nhũng tiêu cực tỉnh Nghệ An"
    lines = _wrap(label_text, 46, 2)
    assert len(lines) == 2 and " ".join(lines) == label_text
    svg = str(timeline_svg([{"title": "Chủ tịch UBND", "organization": "UBND tỉnh Nghệ An",
                             "label": post_label("Chủ tịch UBND", "UBND tỉnh Nghệ An"),
                             "dates": ["2020-01-05"], "former": False, "undated": 0}]))
    assert "UBND UBND" not in svg and "Chủ tịch UBND tỉnh Nghệ An" in svg and "…" not in svg
