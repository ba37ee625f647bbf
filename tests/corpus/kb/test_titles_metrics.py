"""Canonical titles (abbreviations, tone placement and case unified) and clustering metrics."""
import pytest

from partyfacts.corpus.kb.metrics import bcubed, pairwise
from partyfacts.corpus.kb.titles import canonical_title, title_key


@pytest.mark.parametrize("title, expanded", [("UVBTV", "Ủy viên Ban Thường vụ"), ("Uỷ viên BTV", ""),
                                             ("Ủy viên Ban Thường vụ", ""), ("ủy viên ban thường vụ", "")])
def test_standing_committee_spellings_have_one_title_key(title, expanded):
    assert title_key(title, expanded) == "ủy viên ban thường vụ"


def test_canonical_title_places_tones_by_one_rule_and_capitalises():
    assert canonical_title("uỷ viên BTV") == "Ủy viên Ban Thường vụ"


def test_perfect_clustering_scores_one():
    gold = {"a": 1, "b": 1, "c": 2}
    assert bcubed({"a": "x", "b": "x", "c": "y"}, gold).f1 == 1.0
    assert pairwise({"a": "x", "b": "x", "c": "y"}, gold).f1 == 1.0


def test_merging_two_homonyms_costs_precision_not_recall():
    gold = {"a": 1, "b": 1, "c": 2}
    s = bcubed({"a": 0, "b": 0, "c": 0}, gold)
    assert s.recall == 1.0 and s.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    p = pairwise({"a": 0, "b": 0, "c": 0}, gold)
    assert (p.precision, p.recall) == (pytest.approx(1 / 3), 1.0)


def test_items_missing_from_the_prediction_are_singletons():
    s = bcubed({}, {"a": 1, "b": 1})
    assert (s.precision, s.recall) == (1.0, 0.5)


def test_processing_version_joins_the_nlp_and_knowledge_base_digests():
    from partyfacts import nlp
    from partyfacts.corpus.jobs import pipeline_version
    from partyfacts.corpus.kb import kb_version
    assert pipeline_version() == f"{nlp.PIPELINE_VERSION}+{kb_version()}"
    assert pipeline_version(("people.model",)).startswith(nlp.pipeline_version(disable=["people.model"]) + "+kb-")


@pytest.mark.parametrize("period, kind", [("6 tháng đầu năm 2024", "half-year"), ("Sáu tháng đầu năm", "half-year"),
                                          ("năm 2023", "year"), ("Năm 2024", "year"), ("quý I/2024", "quarter"),
                                          ("nhiệm kỳ 2020 - 2025", "term"), ("9 tháng năm 2024", "9 months"),
                                          ("", "")])
def test_figure_series_tell_periods_of_different_length_apart(period, kind):
    from partyfacts.corpus.pages import period_kind, series_key
    assert period_kind(period) == kind
    assert series_key("đảng viên", "đảng viên mới", 3, "6 tháng đầu năm 2024") != series_key(
        "đảng viên", "đảng viên mới", 3, "năm 2024")
