"""Figures: each case pins one behaviour of nlp.figures on a sentence written for the test in the
genre of provincial party/government news (other provinces, other names than the dev gold)."""
from __future__ import annotations

import unicodedata

import pytest

from partyfacts.nlp import dates as dates_mod
from partyfacts.nlp import figures as figures_mod
from partyfacts.nlp.doc import Document
from partyfacts.nlp.text import Text


def figures_of(text: str):
    doc = Document(Text.of(text))
    return figures_mod.find_figures(doc, dates_mod.find_dates(doc))


def pairs(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in figures_of(text)]


def one(text: str):
    fs = figures_of(text)
    assert len(fs) == 1, [(f.value, f.unit) for f in fs]
    return fs[0]


# --- value formats ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Toàn tỉnh có 1.245 tổ chức cơ sở đảng.", [(1245, "tổ chức cơ sở đảng")]),
    ("Tỷ lệ bao phủ bảo hiểm y tế đạt 95,5%.", [(95.5, "%")]),
    ("Tổng kinh phí là 3 tỷ đồng.", [(3_000_000_000, "đồng")]),
    ("Mỗi hộ được hỗ trợ 2,5 triệu đồng.", [(2_500_000, "đồng")]),
    ("Sản lượng đạt 12 nghìn tấn.", [(12_000, "tấn")]),
    ("Sản lượng đạt 12 ngàn tấn.", [(12_000, "tấn")]),
    ("Tổng vốn là 153 tỷ 900 triệu đồng.", [(153_900_000_000, "đồng")]),
    ("Thu ngân sách đạt 1.245,6 tỷ đồng.", [(1_245_600_000_000, "đồng")]),
    ("Kim ngạch xuất khẩu đạt 682,3 triệu USD.", [(682_300_000, "usd")]),
    ("Khu du lịch đón hơn 1,2 triệu du khách.", [(1_200_000, "du khách")]),
])
def test_value_is_normalised_from_dots_commas_and_scale_words(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chi bộ đã kết nạp hai quần chúng ưu tú.", [(2, "quần chúng")]),
    ("Sáu tháng qua, xã đã làm tốt công tác dân vận.", [(6, "tháng")]),
    ("Đảng bộ có mười lăm chi bộ trực thuộc.", [(15, "chi bộ")]),
    ("Mười hai thôn đã có nhà văn hóa.", [(12, "thôn")]),
    ("Sau ba năm thực hiện, xã về đích.", [(3, "năm")]),
    ("Huyện có hai mươi lăm xã.", [(25, "xã")]),
])
def test_number_words_are_read(text, expected):
    assert pairs(text) == expected


def test_number_word_without_a_known_head_is_not_a_figure():
    assert pairs("Hai bên đã ký kết quy chế phối hợp.") == []


def test_enumerations_in_words_are_not_figures():
    assert pairs("Một là, tăng cường tuyên truyền; Hai là, đổi mới phương thức lãnh đạo.") == []


def test_indefinite_mot_is_not_a_figure():
    assert pairs("Chương trình còn có một số hoạt động khác.") == []


def test_mot_counts_inside_an_enumeration_of_the_same_unit():
    got = pairs("Đã khiển trách 5 trường hợp, cảnh cáo 3 trường hợp và cách chức một trường hợp.")
    assert got == [(5, "trường hợp"), (3, "trường hợp"), (1, "trường hợp")]


def test_a_number_word_that_is_part_of_a_name_is_not_a_figure():
    assert pairs("Bà Nguyễn Thị Út Sáu cảm ơn các cấp ủy.") == []


# --- units --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, unit", [
    ("Năm nay kết nạp 113 đảng viên mới.", "đảng viên"),
    ("Hội trại thu hút hơn 130 trại sinh tham gia.", "trại sinh"),
    ("Đảng bộ có 58 tổ chức cơ sở đảng.", "tổ chức cơ sở đảng"),
    ("Ban Thường vụ đã điều động 4 cán bộ về cơ sở.", "cán bộ"),
    ("Hội nghị cử 2 đồng chí dự lớp bồi dưỡng.", "đồng chí"),
    ("Xã đã xóa 12 thôn trắng đảng viên.", "thôn"),
    ("Đã hỗ trợ 1.200 hộ chuyển đổi cây trồng.", "hộ"),
    ("Hợp tác xã thu mua 35 tấn chè búp tươi.", "tấn"),
    ("Đoàn đã trao 250 suất quà cho hộ nghèo.", "suất quà"),
    ("Hội tặng 40 bộ quần áo ấm cho học sinh.", "bộ quần áo"),
    ("Tỉnh có 1.268 người có công với cách mạng.", "người có công"),
    ("Trên địa bàn có 7 Bà mẹ Việt Nam anh hùng.", "bà mẹ việt nam anh hùng"),
    ("Xã xây mới 18 nhà tình nghĩa.", "nhà tình nghĩa"),
    ("Toàn huyện có 56 trường học.", "trường học"),
    ("Công an đã triệu tập 3 đối tượng.", "đối tượng"),
])
def test_unit_is_the_head_noun_after_the_number(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize("text, expected", [
    ("Huyện trồng mới 250 ha rừng.", [(250, "ha")]),
    ("Nhân dân hiến 4.520 m2 đất.", [(4520, "m2")]),
    ("Tuyến đường dài 12,5 km.", [(12.5, "km")]),
    ("Khu di tích rộng 5ha.", [(5, "ha")]),
    ("Tổng diện tích tự nhiên 1.234,56 km2.", [(1234.56, "km2")]),
    ("Doanh thu gấp 2,1 lần năm trước.", [(2.1, "lần")]),
    ("Cụ năm nay 95 tuổi.", [(95, "tuổi")]),
])
def test_measure_units(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, unit", [
    ("Thu nhập bình quân 65,2 triệu đồng/người/năm.", "đồng/người/năm"),
    ("Tăng trưởng bình quân 8,5%/năm.", "%/năm"),
    ("Giá vải tăng 4.000 đồng/kg.", "đồng/kg"),
    ("Năng suất lúa đạt 6,5 tấn/ha.", "tấn/ha"),
])
def test_per_unit_compounds_stay_whole(text, unit):
    assert one(text).unit == unit


def test_rate_written_with_moi_keeps_the_head_unit():
    f = one("Tỉnh hỗ trợ 60 triệu đồng mỗi nhà.")
    assert (f.value, f.unit) == (60_000_000, "đồng")


@pytest.mark.parametrize("text, value, unit", [
    ("Sáu tháng đầu năm 2024, huyện thu ngân sách khá.", 6, "tháng"),
    ("Kỷ niệm 70 năm Ngày truyền thống ngành Kiểm tra Đảng.", 70, "năm"),
    ("Đồng chí được trao Huy hiệu 55 năm tuổi Đảng.", 55, "năm"),
    ("Kỳ họp diễn ra trong 3 ngày.", 3, "ngày"),
    ("Thời hạn bổ nhiệm là 5 năm.", 5, "năm"),
])
def test_durations_and_anniversaries_are_figures(text, value, unit):
    f = one(text)
    assert (f.value, f.unit) == (value, unit)


# --- ranges, fractions, elided nouns ------------------------------------------------------------

def test_fraction_gives_both_numbers():
    assert pairs("Có 543/545 chi bộ hoàn thành kiểm điểm.") == [(543, "chi bộ"), (545, "chi bộ")]


def test_dash_range_gives_both_numbers():
    assert pairs("Xã đạt 13-16 tiêu chí nông thôn mới.") == [(13, "tiêu chí"), (16, "tiêu chí")]


def test_range_with_spaced_dash_and_per_unit():
    assert pairs("Phấn đấu tăng trưởng 10 - 11%/năm.") == [(10, "%/năm"), (11, "%/năm")]


def test_scale_word_after_a_range_applies_to_both_bounds():
    assert pairs("Mỗi vườn cho thu nhập từ 150 đến 200 triệu đồng.") == [(150_000_000, "đồng"), (200_000_000, "đồng")]


def test_tu_den_range_in_words_and_durations():
    assert pairs("Quần chúng được thử thách từ 6 đến 12 tháng.") == [(6, "tháng"), (12, "tháng")]


def test_elided_noun_is_taken_from_the_next_number():
    assert pairs("Đã kiểm tra 98, giám sát 46 đảng viên.") == [(98, "đảng viên"), (46, "đảng viên")]


def test_elided_noun_in_a_list_of_badge_years():
    got = pairs("Trao Huy hiệu 30, 40 năm tuổi Đảng cho 12 đảng viên.")
    assert got == [(30, "năm"), (40, "năm"), (12, "đảng viên")]


def test_elided_unit_across_len_xuong():
    assert pairs("Giá chè tăng từ 6.500 lên 7.200 đồng/kg.") == [(6500, "đồng/kg"), (7200, "đồng/kg")]


def test_rank_is_rejected_but_the_total_counts():
    assert pairs("Chỉ số PCI của tỉnh xếp thứ 9/63 tỉnh, thành phố.") == [(63, "tỉnh")]


# --- rejections ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ngày 15/3/2022, Huyện ủy tổ chức hội nghị.",
    "Ngày 15 tháng 3 năm 2022, Huyện ủy tổ chức hội nghị.",
    "Sáng ngày 15/3, đoàn công tác làm việc tại xã.",
    "Năm 2023, tình hình kinh tế ổn định.",
    "Đến tháng 9/2023, công trình hoàn thành.",
    "Hội nghị giao ban quý III/2023 của Huyện ủy.",
])
def test_dates_and_years_are_not_figures(text):
    assert pairs(text) == []


@pytest.mark.parametrize("text", [
    "Đại hội Đảng bộ tỉnh lần thứ XX thành công tốt đẹp.",
    "Kỳ họp thứ 7 HĐND tỉnh khóa XVII bế mạc.",
    "Ban Chấp hành Trung ương Đảng khóa XIII đã ban hành quy định.",
    "Đội tuyển của huyện đứng thứ 9 toàn đoàn.",
    "Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ tỉnh.",
    "Huân chương Lao động hạng Ba được trao tặng.",
])
def test_ordinals_and_numbered_sessions_are_not_figures(text):
    assert pairs(text) == []


@pytest.mark.parametrize("text", [
    "Thực hiện Quyết định số 392-QĐ/QU của Ban Thường vụ Quận ủy.",
    "Theo Điều 32 Luật Cán bộ, công chức.",
    "Quán triệt Nghị quyết 18-NQ/TW của Trung ương.",
    "Thực hiện Nghị định 100/2019/NĐ-CP của Chính phủ.",
    "UBND huyện ban hành Quyết định số 1187/QĐ-UBND.",
    "Kế hoạch số 47-KH/HU của Huyện ủy được triển khai.",
])
def test_document_and_article_numbers_are_not_figures(text):
    assert pairs(text) == []


def test_document_verb_in_lower_case_is_not_a_document_number():
    assert pairs("Qua kiểm tra, đã kết luận 7 tổ chức đảng có vi phạm.") == [(7, "tổ chức đảng")]


@pytest.mark.parametrize("text", [
    "Nhiệm kỳ 2025 - 2030, Đảng bộ đặt nhiều mục tiêu.",
    "Giai đoạn 2021-2025 tỉnh tập trung đầu tư hạ tầng.",
    "Năm học 2024 - 2025 đã khép lại.",
])
def test_terms_and_periods_are_not_figures(text):
    assert pairs(text) == []


@pytest.mark.parametrize("text", [
    "Mọi ý kiến xin gửi qua số điện thoại 0225.3874.162.",
    "Đường dây nóng của UBKT Huyện ủy: 0212.3847.215.",
])
def test_phone_numbers_are_not_figures(text):
    assert pairs(text) == []


@pytest.mark.parametrize("text", [
    "Chương trình bắt đầu lúc 20 giờ tại quảng trường.",
    "Hội nghị khai mạc lúc 8 giờ 30 phút.",
    "Khoảng 3 giờ chiều cùng ngày, đoàn đến xã.",
    "Lễ khai mạc diễn ra lúc 19h30 tại sân vận động.",
])
def test_times_of_day_are_not_figures(text):
    assert pairs(text) == []


def test_a_duration_in_hours_is_a_figure():
    assert pairs("Buổi làm việc kéo dài trong 2 giờ.") == [(2, "giờ")]


@pytest.mark.parametrize("text", [
    "Hội nghị tổ chức tại Hội trường UBND tỉnh, Phường 5, TP. Sóc Trăng.",
    "Trụ sở đặt tại số 12 đường Lê Lợi, Quận 3.",
    "Bí thư Chi bộ thôn 3 phát biểu.",
    "Tuyến Quốc lộ 6 đi qua địa bàn.",
    "Tiểu đoàn 3, Trung đoàn 742 tổ chức diễn tập.",
    "Học sinh lớp 12 tham gia ngày hội.",
])
def test_unit_names_addresses_and_identifiers_are_not_figures(text):
    assert pairs(text) == []


@pytest.mark.parametrize("text", [
    "Giống lúa ST25 được nhân rộng.",
    "Phòng chống dịch Covid-19 được triển khai.",
    "Thích ứng với cách mạng công nghiệp 4.0.",
])
def test_codes_are_not_figures(text):
    assert pairs(text) == []


def test_vague_hang_tram_is_not_a_figure():
    assert pairs("Hàng trăm người dân đã tham gia.") == []


# --- dedupe, context fields ---------------------------------------------------------------------

def test_same_value_and_unit_twice_is_one_figure_with_both_mentions():
    text = "Chi bộ có 9 đảng viên là nữ. Năm nay có 9 đảng viên được tặng Huy hiệu."
    fs = figures_of(text)
    assert [(f.value, f.unit) for f in fs] == [(9, "đảng viên")]
    assert len(fs[0].mentions) == 2
    assert fs[0].span == fs[0].mentions[0]


def test_same_value_different_unit_stays_two_figures():
    assert pairs("Tặng quà cho 5 thôn và 5 cá nhân.") == [(5, "thôn"), (5, "cá nhân")]


@pytest.mark.parametrize("text, qualifier", [
    ("Dự đại hội có hơn 300 đại biểu.", "hơn"),
    ("Có gần 2.000 đoàn viên tham gia.", "gần"),
    ("Sản lượng đạt khoảng 650 nghìn tấn.", "khoảng"),
    ("Toàn huyện có trên 3.000 hội viên.", "trên"),
    ("Dự đại hội có 300 đại biểu.", ""),
])
def test_qualifier(text, qualifier):
    assert one(text).qualifier == qualifier


def test_figure_context_sentence_counted_actor_period():
    text = ("Báo cáo tại hội nghị. Từ năm 2015 đến nay, Đảng bộ thành phố Pleiku đã kết nạp "
            "1.046 đảng viên mới; tỷ lệ hộ nghèo còn 2,1%.")
    fs = figures_of(text)
    f = fs[0]
    assert (f.value, f.unit) == (1046, "đảng viên")
    assert f.sentence.startswith("Từ năm 2015 đến nay")
    assert f.counted.startswith("đảng viên mới")
    assert f.actor == "Đảng bộ thành phố Pleiku"
    assert f.period == "Từ năm 2015 đến nay"
    assert f.text == "1.046 đảng viên"
    assert fs[1].counted == "tỷ lệ hộ nghèo"


def test_period_of_a_duration_figure_is_its_own_period():
    f = figures_of("Sáu tháng đầu năm 2024, toàn tỉnh đón 2,3 triệu lượt khách.")[0]
    assert (f.value, f.unit) == (6, "tháng")
    assert f.period == "Sáu tháng đầu năm 2024"


def test_spans_index_the_text_and_surface_is_the_number_and_unit():
    text = "Tỉnh có 125 xã, phường, thị trấn."
    f = one(text)
    a, b = f.span
    assert text[a:b] == f.text == "125 xã"


def test_nfd_input_spans_map_back_to_the_input():
    text = unicodedata.normalize("NFD", "Huyện đã hỗ trợ 1.742 hộ dân và 286,5 ha mặt bằng.")
    t = Text.of(text)
    doc = Document(t)
    fs = figures_mod.find_figures(doc, dates_mod.find_dates(doc))
    assert [(f.value, f.unit) for f in fs] == [(1742, "hộ"), (286.5, "ha")]
    for f in fs:
        a, b = t.to_input_span(*f.span)
        assert unicodedata.normalize("NFC", text[a:b]) == f.text
        assert unicodedata.is_normalized("NFC", f.unit)


def test_tone_placement_variants_give_one_unit_key():
    fs = figures_of("Có 12 hoà giải viên. Năm nay thêm 12 hòa giải viên.")
    assert len(fs) == 1


def test_stacked_scale_words_multiply():
    assert pairs("Tổng vốn đầu tư 1 nghìn tỷ đồng.") == [(1_000_000_000_000, "đồng")]


def test_scaled_amount_per_unit_is_money():
    assert pairs("Mức hỗ trợ 1,5 triệu/người/tháng.") == [(1_500_000, "đồng/người/tháng")]


def test_nam_is_five_before_a_countable_head_but_year_elsewhere():
    assert pairs("Năm thôn, bốn bản đã hoàn thành sáp nhập.") == [(5, "thôn"), (4, "bản")]
    assert pairs("Trong năm hộ nghèo giảm mạnh.") == []


def test_a_count_that_looks_like_a_year_is_a_figure():
    assert pairs("Toàn huyện có 2000 hộ và 1990 đảng viên.") == [(2000, "hộ"), (1990, "đảng viên")]


def test_a_verb_after_a_number_is_not_a_unit():
    assert pairs("Đại diện 3 cảm ơn sự quan tâm của tỉnh.") == []


def test_agentive_compound_stays_whole():
    assert pairs("Xã có 12 tuyên truyền viên.") == [(12, "tuyên truyền viên")]


def test_leading_zero_counts_of_official_style():
    assert pairs("Tặng Giấy khen cho 05 tập thể và 02 cá nhân.") == [(5, "tập thể"), (2, "cá nhân")]


def test_extract_maps_figure_spans_and_mentions_back_to_nfd_input():
    from partyfacts import nlp
    text = unicodedata.normalize("NFD", "Xã Tân Lập có 9 đảng viên nữ. Năm nay thêm 9 đảng viên được kết nạp.")
    ex = nlp.extract(text)
    fig = [f for f in ex.figures if f.unit == "đảng viên"]
    assert len(fig) == 1 and len(fig[0].mentions) == 2
    for a, b in fig[0].mentions:
        assert unicodedata.normalize("NFC", text[a:b]) == "9 đảng viên"
    d = ex.to_dict()["figures"][0]
    assert d["value"] == 9 and d["unit"] == "đảng viên" and d["mentions"]


def test_period_in_brackets_right_after_a_figure_belongs_to_it():
    fs = figures_of("Tỷ lệ hộ nghèo giảm từ 4,12% (năm 2021) xuống còn 1,05% (năm 2024).")
    assert [(f.value, f.period) for f in fs] == [(4.12, "năm 2021"), (1.05, "năm 2024")]


def test_a_later_year_in_the_sentence_is_not_the_period():
    f = figures_of("Xã huy động 25 tỷ đồng để làm đường, cao hơn năm 2021.")[0]
    assert f.period == ""


def test_generic_lower_case_body_is_not_an_actor():
    fs = figures_of("Đảng bộ có 21 chi bộ trực thuộc với 486 đảng viên.")
    assert fs[1].actor == "Đảng bộ"


def test_rejected_numbers_are_recorded_with_a_reason():
    doc = Document(Text.of("Kỳ họp thứ 7 thông qua 12 nghị quyết; liên hệ 0912.345.678."))
    figures_mod.find_figures(doc, dates_mod.find_dates(doc))
    reasons = [r for _, r in doc.figure_rejections]
    assert any("thứ" in r for r in reasons)
    assert any("phone" in r or "code" in r for r in reasons)


def test_duration_before_a_year_range_is_a_figure_and_the_years_are_not():
    assert pairs("Trong 2 năm 2023 - 2024, huyện xây 5 cầu.") == [(2, "năm"), (5, "cầu")]


def test_numbered_quarter_is_not_a_duration():
    assert pairs("Quý 2 năm 2024 thu ngân sách tăng.") == []


def test_counted_names_the_action_on_a_bare_count():
    f = figures_of("Từ năm 2020 đến nay, Đảng bộ thị xã đã kết nạp 640 đảng viên; chất lượng nâng lên.")[0]
    assert f.counted == "đảng viên được kết nạp"


def test_counted_of_an_area_is_the_noun_after_it():
    f = figures_of("Xã chuyển đổi 85 ha đất trồng mì kém hiệu quả.")[0]
    assert f.counted.startswith("đất trồng mì")


def test_open_bound_after_the_figure_is_its_qualifier():
    assert one("Mỗi năm kết nạp từ 180 đảng viên trở lên.").qualifier == "trở lên"


def test_bare_numbers_closing_list_items_take_the_unit_before():
    got = pairs("Thi hành kỷ luật 19 đảng viên, trong đó khiển trách 12 trường hợp, cảnh cáo 4, cách chức 1.")
    assert got == [(19, "đảng viên"), (12, "trường hợp"), (4, "trường hợp"), (1, "trường hợp")]


def test_a_bare_number_after_a_year_does_not_borrow():
    assert pairs("Có 12 trường hợp vi phạm, năm 2024 là 4.") == [(12, "trường hợp")]


def test_electricity_is_not_a_phone_number():
    assert pairs("Sản lượng điện đạt 200 triệu kWh/năm.") == [(200_000_000, "kwh/năm")]


def test_a_plan_length_after_a_document_word_is_a_figure():
    assert pairs("Kế hoạch 5 năm 2021-2025 được thông qua.") == [(5, "năm")]


@pytest.mark.parametrize("text", [
    "Theo Quyết định 1234 ngày 5/6/2024 của UBND tỉnh.",
    "Thực hiện Kết luận 21, Chỉ thị 05 và Quy định 144.",
])
def test_document_numbers_followed_by_a_date_or_a_list_are_not_figures(text):
    assert pairs(text) == []


def test_a_label_syllable_that_ends_another_word_is_no_label():
    assert pairs("Đã giải quyết dứt điểm 49 đơn thư.") == [(49, "đơn thư")]
    assert pairs("Kết quả được gửi trong vòng 15 ngày.") == [(15, "ngày")]


def test_a_growth_rate_counts_the_change_of_what_was_just_measured():
    fs = figures_of("Năm 2023 giá trị sản xuất ước đạt 98.650 tỷ đồng, tăng 11,7% so với năm 2022.")
    assert fs[0].counted == "giá trị sản xuất"
    assert fs[1].counted == "mức tăng của giá trị sản xuất"


@pytest.mark.parametrize("text, expected", [
    ("Toàn tỉnh có 25 sản phẩm OCOP đạt 3 sao trở lên.", [(25, "sản phẩm ocop")]),
    ("Thành phố được công nhận đô thị loại 1.", []),
    ("Huyện đã phân loại 3 nhóm hộ.", [(3, "nhóm")]),
])
def test_ratings_and_classes_are_not_figures(text, expected):
    assert pairs(text) == expected


def test_a_duration_in_days_before_the_dates_themselves():
    assert pairs("Trong 2 ngày 15 và 16/7/2024, Đại hội diễn ra.") == [(2, "ngày")]


def test_surface_text_keeps_the_qualifier():
    f = one("Hội trại thu hút hơn 130 trại sinh.")
    assert f.text == "hơn 130 trại sinh" and f.qualifier == "hơn"


@pytest.mark.parametrize("text, expected", [
    ("SEA Games 31 tổ chức tại Việt Nam.", []),
    ("Bản Nà Hẩu 2 có 45 hộ.", [(45, "hộ")]),
    ("UBND 3 xã đã ký cam kết.", [(3, "xã")]),
    ("Cụ Lò Văn Pụ 95 tuổi vẫn sinh hoạt đều.", [(95, "tuổi")]),
])
def test_a_number_closing_a_capitalised_name_is_part_of_the_name(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, unit", [
    ("Tỉnh đạt 12 bác sĩ/vạn dân.", "bác sĩ/vạn dân"),
    ("Bình quân 5 người/hộ.", "người/hộ"),
])
def test_per_unit_counts_stay_whole(text, unit):
    assert one(text).unit == unit
