"""Text typed without diacritics (issue 13): cued persons and gazetteer places by folded matching."""
from partyfacts import nlp
from partyfacts.nlp.folded import is_folded

FOLDED = ("Bi thu Tinh uy Nghe An Nguyen Van Thong da lam viec voi huyen Quynh Luu. Ong Tran Van Hai, "
          "Chu tich UBND tinh Ha Tinh, du hop cung dong chi Le Thi Mai va cac dai bieu cua xa Dien Hoa.")


def test_a_text_without_marks_is_told_from_a_marked_one():
    assert is_folded(FOLDED)
    assert not is_folded("Bí thư Tỉnh ủy Nghệ An Nguyễn Văn Thông đã làm việc với huyện Quỳnh Lưu và các xã.")
    assert not is_folded("The delegation met the minister of foreign affairs in the capital city today.")


def test_cued_persons_are_found_in_folded_text_as_written():
    names = {p.name for p in nlp.extract(FOLDED).persons}
    assert names == {"Nguyen Van Thong", "Tran Van Hai", "Le Thi Mai"}


def test_gazetteer_places_after_unit_words_and_committees_are_found_in_folded_text():
    places = {p.name: p for p in nlp.extract(FOLDED).places}
    assert {"Nghe An", "Quynh Luu", "Ha Tinh", "Dien Hoa"} <= set(places)
    assert places["Ha Tinh"].province == "Hà Tĩnh"


def test_folded_spans_index_the_input_text():
    ex = nlp.extract(FOLDED)
    for p in ex.persons:
        assert all(FOLDED[a:b] == p.name for a, b in p.mentions)


def test_marked_text_is_left_to_the_other_components():
    text = "Bí thư Tỉnh ủy Nghệ An Nguyễn Văn Thông đã làm việc với huyện Quỳnh Lưu."
    assert nlp.extract(text).persons == nlp.extract(text, disable=["folded"]).persons
