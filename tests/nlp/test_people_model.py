"""The person-name model: shipped weights load, separate names from places, and are switchable."""
import json
from pathlib import Path

from partyfacts.nlp import people, people_model
from partyfacts.nlp.doc import Document
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


def _f1(use_model, monkeypatch):
    monkeypatch.setattr(people, "USE_MODEL", use_model)
    tp = npred = ngold = 0
    for line in ABLATION.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        pred = {key(p.name) for p in people.find_people(Document(Text.of(d["text"])), [])[0]}
        gold = {key(x) for x in d["persons"]}
        tp, npred, ngold = tp + len(pred & gold), npred + len(pred), ngold + len(gold)
    p, r = tp / npred, tp / ngold
    return 2 * p * r / (p + r)


def test_model_improves_persons_on_written_sentences_without_cues(monkeypatch):
    assert _f1(True, monkeypatch) > _f1(False, monkeypatch) + 0.05


def test_env_switch_turns_the_model_off(monkeypatch):
    monkeypatch.setenv("PARTYFACTS_NO_MODEL", "1")
    text = "Nhiều hộ ở Vũ Lễ chuyển đổi cây trồng."
    names = [p.name for p in people.find_people(Document(Text.of(text)), [])[0]]
    assert names == ["Vũ Lễ"]   # the rules alone take the surname-led place for a person
    monkeypatch.delenv("PARTYFACTS_NO_MODEL")
    names = [p.name for p in people.find_people(Document(Text.of(text)), [])[0]]
    assert names == []
