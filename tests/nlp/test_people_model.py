"""The person-name model: shipped weights load, separate names from places, and are switchable."""
import json
from pathlib import Path

from partyfacts import nlp
from partyfacts.nlp import people
from partyfacts.nlp.people import model as people_model
from partyfacts.nlp.doc import Document
from partyfacts.nlp.evaluate import prf
from partyfacts.nlp.text import Text, key

ABLATION = Path(__file__).resolve().parents[1] / "data" / "people" / "ablation.jsonl"


def test_shipped_model_loads():
    assert people_model.load_model() is not None


def test_model_scores_personal_names_above_commune_names():
    m = people_model.load_model()
    for name in ("Nguyễn Văn Thành", "Lò Thị Mai", "Ksor Y Tuấn", "Đặng Quốc Khánh"):
        assert m.prob(name) > 0.5, name
    for name in ("Tân Lập", "Phú Mỹ Hưng", "Đồng Tâm", "Vũ Lễ"):
        assert m.prob(name) < 0.5, name


def _f1(use_model):
    scorer = people_model.person_scorer() if use_model else None
    tp = npred = ngold = 0
    for line in ABLATION.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        pred = {key(p.name) for p in people.find_people(Document(Text.of(d["text"])), [], scorer=scorer)[0]}
        gold = {key(x) for x in d["persons"]}
        tp, npred, ngold = tp + len(pred & gold), npred + len(pred), ngold + len(gold)
    return prf(tp, npred, ngold)[2]


def test_model_improves_persons_on_written_sentences_without_cues():
    assert _f1(True) > _f1(False) + 0.05


def test_disabling_the_model_component_leaves_the_rules_alone():
    text = "Nhiều hộ ở Vũ Lễ chuyển đổi cây trồng."
    rules_only = nlp.extract(text, disable=["people.model"])
    assert [p.name for p in rules_only.persons] == ["Vũ Lễ"]   # the rules take the surname-led place for a person
    assert "people.model" not in rules_only.meta["components"]
    with_model = nlp.extract(text)
    assert [p.name for p in with_model.persons] == []
    assert "people.model" in with_model.meta["components"]
