"""Long texts (issue 13): the indexes that keep extraction linear in the text's length give the same
answers as the plain scans they replace. No timing here (benchmarks/extract_speed.py times 1 and 4 MB)."""
import json
import random
from pathlib import Path

from partyfacts import nlp
from partyfacts.nlp.figures import _Blocked
from partyfacts.nlp.people.orgs import EarlierOrgs

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


def test_blocked_span_index_agrees_with_a_scan_over_every_span():
    rnd = random.Random(13)
    spans = [(a, a + rnd.randint(1, 30)) for a in (rnd.randint(0, 2000) for _ in range(300))]
    blocked = _Blocked(spans)
    for _ in range(2000):
        a = rnd.randint(0, 2100)
        b = a + rnd.randint(1, 12)
        assert blocked.overlaps(a, b) == any(a < y and x < b for x, y in spans)


def test_earlier_organization_is_the_last_one_written_before_the_position():
    orgs = [(("trung", "tâm", "y", "tế", "huyện"), "Trung tâm Y tế huyện", 5),
            (("trung", "tâm", "y", "tế", "hà", "tĩnh"), "Trung tâm Y tế Hà Tĩnh", 40),
            (("trung", "tâm", "văn", "hóa"), "TRUNG TÂM VĂN HÓA", 60)]
    earlier = EarlierOrgs(orgs)
    assert earlier.last_before(("trung", "tâm"), 41) == "Trung tâm Y tế Hà Tĩnh"
    assert earlier.last_before(("trung", "tâm"), 40) == "Trung tâm Y tế huyện"
    assert earlier.last_before(("trung", "tâm"), 5) is None
    assert earlier.last_before(("trung", "tâm"), 100) == "Trung tâm Y tế Hà Tĩnh"   # never a headline in capitals


def test_an_article_repeated_three_times_gives_the_facts_of_one_copy():
    text = json.loads(sorted(GOLD.glob("*.json"))[0].read_text(encoding="utf-8"))["text"]
    one = nlp.extract(text)
    three = nlp.extract("\n\n".join([text] * 3))
    assert {p.name for p in three.persons} == {p.name for p in one.persons}
    assert {(r.person, r.title, r.organization) for r in three.roles} == \
        {(r.person, r.title, r.organization) for r in one.roles}
    assert {p.name for p in three.places} == {p.name for p in one.places}
