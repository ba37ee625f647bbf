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


def test_text_of_line_by_line_gives_the_text_and_offsets_of_the_character_by_character_rebuild():
    import unicodedata
    from array import array

    from partyfacts.nlp.text import _DEBRIS, Text, _rebuild
    alphabet = ["a", "o", "Đ", "ệ", "\u0301", "\u0300", "\u0323", "\u0302", "\n", "\n", "\r\n", "\u2028", " ",
                "&nbsp;", "&amp;", "&#7889;", "&bogus;", "&", "\u00a0", "\u200b", "\u00ad"]
    rnd = random.Random(13)
    for _ in range(3000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        t = Text.of(s)
        if unicodedata.is_normalized("NFC", s) and not _DEBRIS.search(s):   # nothing to clean: identity
            assert t.norm is s and list(t._starts) == list(range(len(s) + 1))
            continue
        pieces, starts = [], array("q")
        _rebuild(s, 0, len(s), pieces, starts)      # the whole text, one character and its marks at a time
        starts.append(len(s))
        assert t.norm == "".join(pieces), repr(s)
        assert list(t._starts) == list(starts), repr(s)


def test_sentence_at_is_the_sentence_holding_the_position_or_the_whole_text_between_sentences():
    from partyfacts.nlp.doc import Document
    from partyfacts.nlp.text import Text
    text = json.loads(sorted(GOLD.glob("*.json"))[0].read_text(encoding="utf-8"))["text"]
    doc = Document(Text.of(text))
    for pos in range(len(doc.norm) + 1):
        scan = next(((a, b) for a, b in doc.sentences if a <= pos < b), (0, len(doc.norm)))
        assert doc.sentence_at(pos) == scan


def test_last_organization_before_a_position_is_the_last_written_with_that_head():
    from partyfacts.nlp.people.article import _last_org_before
    orgs = [(("đoàn", "đại", "biểu"), "Đoàn đại biểu Quốc hội tỉnh", 3),
            (("trường", "thpt"), "Trường THPT Lê Lợi", 10),
            (("đoàn", "công", "tác"), "Đoàn công tác", 20)]
    main = {"_orgs": orgs}
    assert _last_org_before(main, ("đoàn",), 3) is None
    assert _last_org_before(main, ("đoàn",), 4) == (3, "Đoàn đại biểu Quốc hội tỉnh")
    assert _last_org_before(main, ("đoàn",), 21) == (20, "Đoàn công tác")
    assert _last_org_before(main, ("trường", "thpt"), 99) == (10, "Trường THPT Lê Lợi")
    assert _last_org_before(main, ("sở",), 99) is None


def test_a_text_over_max_chars_is_refused_before_any_work_with_its_length_and_the_limit():
    import pytest
    with pytest.raises(nlp.TextTooLong, match=r"^the text has 1,001 characters, over the limit of 1,000$"):
        nlp.extract("a" * 1001, max_chars=1000)
    assert nlp.extract("Đồng chí Nguyễn Văn An phát biểu.", max_chars=1000).persons


def test_spans_of_a_long_decomposed_text_with_entities_point_at_their_surface_in_the_input():
    import unicodedata
    texts = [json.loads(p.read_text(encoding="utf-8"))["text"] for p in sorted(GOLD.glob("*.json"))[:4]]
    text = "\n\n".join(unicodedata.normalize("NFD", t).replace(", ", ",&nbsp;") if i % 2 else t
                       for i, t in enumerate(texts * 3))
    ex = nlp.extract(text)
    assert ex.persons
    for p in ex.persons:
        for a, b in p.mentions:
            surface = unicodedata.normalize("NFC", text[a:b])
            assert surface.replace("&nbsp;", " ") in (p.name, *p.variants)
