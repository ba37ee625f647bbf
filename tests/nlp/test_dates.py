"""Dates, years, periods and terms: kinds, spans and ISO values (nlp.dates)."""
from __future__ import annotations

import unicodedata

import pytest

from partyfacts.nlp import dates as dates_mod
from partyfacts.nlp.doc import Document
from partyfacts.nlp.text import Text


def dates_of(text: str):
    return dates_mod.find_dates(Document(Text.of(text)))


def triples(text: str):
    return [(d.text, d.kind, d.value) for d in dates_of(text)]


@pytest.mark.parametrize("text, expected", [
    ("Ngày 15/3/2022, hội nghị diễn ra.", [("Ngày 15/3/2022", "date", "2022-03-15")]),
    ("Ngày 20-5-2024, Ban Tổ chức tổng kết.", [("Ngày 20-5-2024", "date", "2024-05-20")]),
    ("Sáng 9/7/2024, Huyện ủy họp.", [("Sáng 9/7/2024", "date", "2024-07-09")]),
    ("ngày 15 tháng 3 năm 2022 tại Hội trường", [("ngày 15 tháng 3 năm 2022", "date", "2022-03-15")]),
    ("Sáng ngày 15/3, đoàn làm việc tại xã.", [("Sáng ngày 15/3", "date", "")]),
    ("Đến tháng 9/2023, công trình hoàn thành.", [("tháng 9/2023", "date", "2023-09")]),
])
def test_dates_with_iso_values(text, expected):
    assert triples(text) == expected


def test_year():
    assert triples("Năm 2023, kinh tế tăng trưởng khá.") == [("Năm 2023", "year", "2023")]


@pytest.mark.parametrize("text, expected", [
    ("Từ năm 2015 đến nay, Đảng bộ kết nạp nhiều đảng viên.", ("Từ năm 2015 đến nay", "period", "2015/..")),
    ("6 tháng đầu năm 2024, thu ngân sách đạt khá.", ("6 tháng đầu năm 2024", "period", "2024-01/2024-06")),
    ("Sáu tháng cuối năm 2024, huyện tập trung.", ("Sáu tháng cuối năm 2024", "period", "2024-07/2024-12")),
    ("Giai đoạn 2021-2025, tỉnh đầu tư mạnh.", ("Giai đoạn 2021-2025", "period", "2021/2025")),
    ("Hội nghị giao ban quý III/2023.", ("quý III/2023", "period", "2023-07/2023-09")),
    ("Kỷ niệm (27/7/1947 – 27/7/2023).", ("(27/7/1947 – 27/7/2023)", "period", "1947-07-27/2023-07-27")),
])
def test_periods(text, expected):
    assert triples(text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    ("Đại hội nhiệm kỳ 2020 - 2025 thành công.", ("nhiệm kỳ 2020 - 2025", "term", "2020/2025")),
    ("HĐND huyện khóa XX họp phiên bế mạc.", ("khóa XX", "term", "")),
    ("Năm học 2024 - 2025 khép lại.", ("Năm học 2024 - 2025", "term", "2024/2025")),
])
def test_terms(text, expected):
    assert triples(text)[0] == expected


def test_impossible_day_or_month_is_not_a_date():
    assert triples("Mã hồ sơ 45/13/2022 không hợp lệ.") == []


def test_quantity_that_looks_like_a_year_is_not_a_year():
    assert triples("Toàn xã có 2000 hộ dân.") == []


def test_fraction_without_date_context_is_not_a_date():
    assert triples("Đã hoàn thành 14/17 chỉ tiêu.") == []


def test_mentions_do_not_overlap_and_are_in_text_order():
    ds = dates_of("Ngày 22/7/2020, Đại hội nhiệm kỳ 2020 - 2025 khai mạc; năm 2019 thu ngân sách tăng.")
    spans = [d.span for d in ds]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert [d.kind for d in ds] == ["date", "term", "year"]


def test_nfd_input_spans_are_norm_offsets():
    text = unicodedata.normalize("NFD", "Từ năm 2015 đến nay, huyện phát triển.")
    t = Text.of(text)
    d = dates_mod.find_dates(Document(t))[0]
    a, b = t.to_input_span(*d.span)
    assert unicodedata.normalize("NFC", text[a:b]) == d.text == "Từ năm 2015 đến nay"


def test_day_range_within_a_month_is_a_period():
    assert triples("Ngày 15-16/5/2025, Ban Tổ chức tổ chức hội nghị.")[0] == (
        "Ngày 15-16/5/2025", "period", "2025-05-15/2025-05-16")


def test_number_range_without_date_context_is_not_a_date():
    assert triples("Xã đạt 13-16 tiêu chí.") == []


def test_year_followed_by_punctuation_is_still_a_year():
    assert triples("Theo Luật Đất đai 2024.") == [("2024", "year", "2024")]
    assert triples("Giai đoạn 2023 - 2024, huyện phát triển.")[0][1:] == ("period", "2023/2024")


def test_day_month_in_brackets_is_a_date():
    assert triples("Sáng nay (15/3), đoàn công tác đến thăm xã.") == [("(15/3)", "date", "")]


def test_period_from_the_start_of_a_term_until_now():
    assert triples("Từ đầu nhiệm kỳ 2020 - 2025 đến nay, huyện kết nạp nhiều đảng viên.")[0] == (
        "Từ đầu nhiệm kỳ 2020 - 2025 đến nay", "period", "2020/..")


def test_period_without_a_year_takes_the_year_of_its_sentence():
    got = triples("Hội nghị đánh giá 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2024.")
    assert got[0] == ("6 tháng đầu năm", "period", "2024-01/2024-06")


def test_period_without_a_year_in_a_sentence_without_one_stays_unknown():
    assert triples("Sáu tháng cuối năm, huyện tập trung thu ngân sách.")[0][2] == ""
