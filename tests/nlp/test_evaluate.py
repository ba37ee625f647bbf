"""nlp.evaluate: the scorer port gives the reference scorer's numbers; the report, floors and CLI."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from partyfacts.nlp import evaluate as ev
from partyfacts.nlp.types import Extraction, Figure, Person

DATA = Path(__file__).resolve().parents[1] / "data"
GOLD = DATA / "gold"


def test_port_matches_reference_scorer_output_on_perturbed_predictions():
    preds = {}
    for line in (DATA / "evaluate" / "perturbed_pred.jsonl").read_text(encoding="utf-8").splitlines():
        o = json.loads(line)
        preds[o["file"].rsplit(".", 1)[0]] = o
    expected = json.loads((DATA / "evaluate" / "perturbed_expected.json").read_text(encoding="utf-8"))
    assert ev.score(ev.load_gold(GOLD), preds) == expected


def test_norm_folds_case_tone_placement_and_punctuation():
    assert ev.norm("Thành Uỷ") == ev.norm("thành ủy")
    assert ev.norm("Sản – Nhi") == ev.norm("sản - nhi")


def test_place_key_drops_unit_words_and_joins_hcm():
    assert ev.place_key("thành phố Vĩnh Yên") == ev.place_key("Vĩnh Yên")
    assert ev.place_key("TP.HCM") == ev.place_key("Thành phố Hồ Chí Minh")


def test_unit_match_accepts_word_prefix_only():
    assert ev.unit_match("đảng viên", "đảng viên mới")
    assert not ev.unit_match("đảng", "đảngviên")


def test_value_match_tolerates_half_a_percent():
    assert ev.value_match(1000, 1004)
    assert not ev.value_match(1000, 1006)


def test_title_core_ignores_body_word_at_title_end():
    assert ev.title_core("Chủ tịch UBND") == ev.title_core("Chủ tịch")


def test_repeated_value_unit_prediction_counts_once():
    gold = {"figures": [{"value": 9, "unit": "đảng viên"}]}
    pred = {"figures": [{"value": 9, "unit": "đảng viên"}, {"value": 9, "unit": "đảng viên"}]}
    assert ev.score_article(gold, pred)["figures"] == (1, 1, 1)


def test_prf_conventions_for_empty_sides():
    assert ev.prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert ev.prf(0, 0, 3) == (0.0, 0.0, 0.0)


def _gold_dir(tmp_path: Path) -> Path:
    d = tmp_path / "gold"
    d.mkdir()
    art = {"id": "a1", "text": "Xã có 12 thôn. Ông Lò Văn Pụ phát biểu.",
           "gold": {"persons": ["Lò Văn Pụ"], "roles": [], "places": [],
                    "figures": [{"value": 12, "unit": "thôn"}]}}
    (d / "a1.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    return d


def test_evaluate_runs_the_given_extractor_and_scores_it(tmp_path):
    def fake_extract(text):
        return Extraction(persons=(Person("Lò Văn Pụ", ((19, 28),)),),
                          figures=(Figure(12, "thôn", "12 thôn", (6, 13)),))
    rep = ev.evaluate(_gold_dir(tmp_path), extract_fn=fake_extract)
    assert rep["persons"]["f1"] == 1.0 and rep["figures"]["f1"] == 1.0
    assert rep["_errors"] == {}


def test_evaluate_reports_a_failing_extraction_instead_of_hiding_it(tmp_path):
    def broken(text):
        raise ValueError("boom")
    rep = ev.evaluate(_gold_dir(tmp_path), extract_fn=broken)
    assert rep["_errors"] == {"a1": "ValueError: boom"}
    assert rep["_missing_predictions"] == 1
    assert "extraction failed on a1: ValueError: boom" in ev.format_report(rep)


def test_format_report_has_the_scorer_table_rows():
    rep = ev.score(ev.load_gold(GOLD), {})
    text = ev.format_report(rep)
    for k in ev.TYPES:
        assert any(line.startswith(k + " ") for line in text.splitlines())
    assert text.splitlines()[0].split() == ["type", "P", "R", "F1", "tp", "pred", "gold"]


def test_below_floor_names_the_type_and_numbers():
    rep = {"figures": {"f1": 0.5}}
    assert ev.below_floor(rep, {"figures": 0.6}) == ["figures F1 0.5 < 0.6"]
    assert ev.below_floor(rep, {"figures": 0.4}) == []


def test_main_rejects_an_unknown_type_in_min_f1(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        ev.main([str(_gold_dir(tmp_path)), "--min-f1", "nonsense=0.5"])
    assert e.value.code == 2


def test_load_gold_missing_dir_says_which(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope"):
        ev.load_gold(tmp_path / "nope")


def test_ablation_runs_with_and_without_the_model_switch(tmp_path, capsys):
    assert ev.main([str(_gold_dir(tmp_path)), "--ablation", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(out) == {"with model", "rules only"}
    for rep in out.values():
        assert rep["_articles"] == 1 and rep["_errors"] == {}
        assert rep["figures"]["gold"] == 1


def test_evaluate_passes_disable_on_to_the_extractor(tmp_path):
    seen = []

    def fake_extract(text, disable=()):
        seen.append(tuple(disable))
        return Extraction()
    gold = _gold_dir(tmp_path)
    ev.evaluate(gold, extract_fn=fake_extract, disable=["people.model"])
    ev.evaluate(gold, extract_fn=fake_extract)
    assert seen == [("people.model",), ()]


def test_evaluate_rejects_an_unknown_component_before_extracting(tmp_path):
    with pytest.raises(ValueError, match="unknown pipeline component"):
        ev.evaluate(_gold_dir(tmp_path), disable=["people.modle"])


def test_main_prints_the_table_and_fails_under_min_f1(tmp_path, capsys, monkeypatch):
    def nothing(text):
        return Extraction()
    monkeypatch.setattr(ev, "evaluate", lambda gold_dir: ev.score(ev.load_gold(gold_dir), {"a1": nothing("").to_dict()}))
    assert ev.main([str(_gold_dir(tmp_path)), "--min-f1", "figures=0.5"]) == 1
    out = capsys.readouterr().out
    assert "figures" in out and "below minimum: figures F1 0.0 < 0.5" in out


def test_per_article_lines_name_each_article_and_type(tmp_path):
    def fake_extract(text):
        return Extraction(figures=(Figure(12, "thôn", "12 thôn", (6, 13)),))
    rep = ev.evaluate(_gold_dir(tmp_path), extract_fn=fake_extract)
    text = ev.format_per_article(rep)
    assert text.startswith("a1 ")
    assert "figures 1.00 (1/1/1)" in text and "persons 0.00 (0/0/1)" in text
