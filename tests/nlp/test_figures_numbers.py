"""nlp.numbers: written numerals (digits with Vietnamese separators, scale words, number words)."""
from __future__ import annotations

import pytest

from partyfacts.nlp.numbers import parse_digits, read_numeral, tokenize


@pytest.mark.parametrize("s, value", [
    ("1.234", 1234), ("95,5", 95.5), ("1.245,6", 1245.6), ("1.000.000", 1_000_000), ("05", 5),
    ("1.5", 1.5),
])
def test_parse_digits(s, value):
    assert parse_digits(s) == value


@pytest.mark.parametrize("s", ["0225.3874.162", "1,2,3", "12.34.56"])
def test_irregular_digit_groups_are_not_quantities(s):
    assert parse_digits(s) is None


@pytest.mark.parametrize("text, value", [
    ("mười hai", 12), ("hai mươi lăm", 25), ("hai mươi mốt", 21), ("hai mươi tư", 24),
    ("một trăm linh năm", 105), ("ba trăm lẻ tư", 304), ("năm mươi", 50), ("Sáu", 6),
    ("hai nghìn", 2000), ("mười", 10),
])
def test_number_words(text, value):
    toks = tokenize(text + " hộ")
    num = read_numeral(toks, 0)
    assert num is not None and num.value == value and num.words


@pytest.mark.parametrize("text, value", [
    ("mười năm", 10), ("hai mươi năm", 20),
])
def test_nam_after_a_numeral_is_the_unit_year(text, value):
    toks = tokenize(text)
    num = read_numeral(toks, 0)
    assert num.value == value and toks[num.last + 1].low == "năm"


@pytest.mark.parametrize("text", ["năm", "tư", "lăm", "hai ba"])
def test_words_that_are_not_a_numeral_alone(text):
    num = read_numeral(tokenize(text), 0)
    assert num is None or num.value == 2   # "hai ba" reads only "hai"


@pytest.mark.parametrize("text, value", [
    ("2,5 triệu", 2_500_000), ("153 tỷ 900 triệu", 153_900_000_000), ("1 nghìn tỷ", 10**12),
    ("12 ngàn", 12_000), ("3 tỉ", 3_000_000_000),
])
def test_scale_words(text, value):
    assert read_numeral(tokenize(text), 0).value == value


def test_tokens_keep_offsets_and_fold_tone_placement():
    toks = tokenize("Thành uỷ có 12 hộ")
    assert [t.text for t in toks] == ["Thành", "uỷ", "có", "12", "hộ"]
    assert toks[1].low == "ủy"
    assert toks[3].start == 12 and toks[3].end == 14


def test_chuc_counts_tens_in_words():
    toks = tokenize("ba chục hộ")
    assert read_numeral(toks, 0).value == 30
    assert read_numeral(tokenize("chục hộ"), 0) is None   # "hàng chục": no numeral alone
