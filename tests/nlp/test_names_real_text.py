"""Persons and places of real news text outside the Kinh naming pattern and the usual layout
(issue 13): foreign names, firms named after people, credit lines, text without diacritics."""
from __future__ import annotations

import pytest

from partyfacts.nlp.extract import extract


def persons(text: str) -> list[str]:
    return [p.name for p in extract(text).persons]


def places(text: str) -> list[str]:
    return [p.name for p in extract(text).places]


@pytest.mark.parametrize("text,name", [
    ("Bộ trưởng Ngoại giao Hàn Quốc Cho Tae-yul hội đàm với ông Bùi Thanh Sơn.", "Cho Tae-yul"),
    ("Chủ tịch Triều Tiên Kim Jong-un tiếp đoàn.", "Kim Jong-un"),
    ("Tổng thống Hàn Quốc Yoon Suk-yeol thăm Hà Nội.", "Yoon Suk-yeol"),
])
def test_korean_given_name_with_lower_case_after_its_hyphen_is_one_name(text, name):
    assert name in persons(text)


def test_hyphenated_acronyms_and_vietnamese_words_are_not_joined_into_names():
    ex = extract("Bộ NN-PTNT và ông Nguyễn Văn An-nhiên họp.")
    assert "Nguyễn Văn An" in [p.name for p in ex.persons]


@pytest.mark.parametrize("text", [
    "Ông Trần Khắc Tâm - Tổng Giám đốc Công ty TNHH Trần Liên Hưng, tự ứng cử tại Sóc Trăng.",
    "Giám đốc Cty TNHH một thành viên Lê Quang Lộc cho biết sẽ mở rộng sản xuất.",
    "Ông Hải làm việc tại Công ty Cổ phần Nguyễn Kim từ năm 2010.",
])
def test_name_after_a_legal_form_word_is_the_firm_not_a_person(text):
    ps = persons(text)
    assert not any(n in ps for n in ("Trần Liên Hưng", "Lê Quang Lộc", "Nguyễn Kim"))


def test_body_word_that_opens_a_common_word_is_not_a_name():
    ps = persons("Ông Trương Trọng Nghĩa, Phó chủ nhiệm Đoàn Luật sư TPHCM, phát biểu.")
    assert ps == ["Trương Trọng Nghĩa"]


def test_reporters_after_theo_on_the_closing_line_are_persons():
    text = "Lào vừa lập thêm bệnh viện dã chiến.\n\nTheo Vân Thiêng- Đặng Thùy\n\nVOV"
    assert persons(text) == ["Vân Thiêng", "Đặng Thùy"]


def test_a_single_newspaper_after_theo_is_not_a_person():
    assert persons("Bài viết về hội nghị.\nTheo Thanh Niên") == []


def test_signature_in_capitals_run_onto_the_last_line_is_a_byline():
    text = "Ông Nguyễn Xuân Bình được điều động về Hải Phòng công tác. ĐOÀN CHÂU"
    assert "ĐOÀN CHÂU" in persons(text)


def test_byline_glued_to_the_source_line_is_split():
    ex = extract("Đảng Cộng sản Cuba họp đại hội.\n\nMinh PhươngTheo Reuters")
    assert [p.name for p in ex.persons] == ["Minh Phương"]
    text = "Đảng Cộng sản Cuba họp đại hội.\n\nMinh PhươngTheo Reuters"
    (a, b), = ex.persons[0].mentions
    assert text[a:b] == "Minh Phương"


@pytest.mark.parametrize("text,name", [
    ("Đoàn công tác đến thành phố Graz, Cộng hòa Áo.", "Graz"),
    ("Thị trấn Động Trung thuộc thành phố Phòng Thành, Quảng Tây.", "Phòng Thành"),
    ("Các nước châu Á và khu vực Caribe.", "Caribe"),
    ("Hợp tác với Ai Cập, Nigeria và Kenya.", "Nigeria"),
    ("Đoàn đến thăm Sài Gòn, Bắc Kinh, Seoul, Viêng Chăn và Phnom Penh.", "Sài Gòn"),
])
def test_foreign_cities_regions_countries_and_old_names_are_places(text, name):
    assert name in places(text)


FOLDED = ("Sang nay, ong Le Van Hai, Chu tich UBND tinh da lam viec voi doan cong tac cua Lao tai Sai Gon. "
          "Doan den tu Viet Nam, Trung Quoc va Campuchia, cac nuoc chau A. Lao dong o Lao Cai tang.")


def test_folded_text_finds_countries_regions_and_old_names_with_true_offsets():
    ex = extract(FOLDED)
    got = {p.name: p.mentions for p in ex.places}
    for name in ("Lao", "Sai Gon", "Viet Nam", "Trung Quoc", "Campuchia", "chau A", "Lao Cai"):
        assert name in got, name
        for a, b in got[name]:
            assert FOLDED[a:b] == name
    assert "Le Van Hai" in [p.name for p in ex.persons]


def test_folded_one_word_country_needs_a_cue_word_before_it():
    # "cua Lao" is Laos; "Lao dong" opening a sentence is labour; "Lao Cai" is the province
    lao = [m for p in extract(FOLDED).places if p.name == "Lao" for m in p.mentions]
    assert [FOLDED[a - 4:b] for a, b in lao] == ["cua Lao"]


@pytest.mark.parametrize("text,name", [
    ("Cuộc đua giữa Tổng thống đương nhiệm Donald Trump và đối thủ diễn ra quyết liệt.", "Donald Trump"),
    ("Saurav Srivastava có 5 giờ để tìm ôxy cho cha. Srivastava nói anh đã đi 60 km.", "Saurav Srivastava"),
    ("Ứng viên Joe Biden dẫn trước. Ông Biden tuyên bố sẽ cứng rắn hơn.", "Joe Biden"),
    ("Ngoại trưởng Nga Sergei Lavrov hội đàm với người đồng cấp.", "Sergei Lavrov"),
])
def test_foreign_name_with_a_title_a_speech_verb_or_an_address_elsewhere_is_a_person(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Thủ tướng đến New York và Tamil Nadu.",
    "Ông được bầu làm Bí thư Thứ nhất Tỉnh ủy Villa Clara.",
    "Tập đoàn T&T Group và UBND TP Cần Thơ ký kết. T&T Group cho biết sẽ đầu tư.",
    "Ông Nguyễn Thuận Thành, Giám đốc Nhân sự - NashTech Việt Nam chia sẻ.",
])
def test_foreign_places_firms_and_acronyms_are_not_foreign_persons(text):
    ps = persons(text)
    assert not any(n in ps for n in ("Tamil Nadu", "Villa Clara", "T Group", "NashTech Việt Nam"))


@pytest.mark.parametrize("text,name", [
    ("HLV Park Hang-seo gọi tiền đạo Công Phượng lên tuyển.", "Công Phượng"),
    ("Đối tượng Nguyễn Văn Tâm bị bắt giữ.", "Nguyễn Văn Tâm"),
    ("Giáo sư Ngô Bảo Châu trao giải.", "Ngô Bảo Châu"),
    ("Nạn nhân Lê Hoa được đưa đi cấp cứu.", "Lê Hoa"),
])
def test_general_news_descriptions_before_a_name_cue_a_person(text, name):
    assert name in persons(text)


def test_a_nationality_or_pageant_after_such_a_description_is_no_person():
    assert persons("Các diễn viên Hàn Quốc dự. Hoa hậu Hoàn Vũ Việt Nam năm nay.") == []


def test_foreign_shaped_unit_names_in_a_story_on_another_country_are_places():
    text = ("Ông sinh tại thành phố Placetas ở Villa Clara, rồi làm Bí thư Thứ nhất Tỉnh ủy Holguin. "
            "Đảng Cộng sản Cuba bầu ông làm Bí thư Thứ nhất.")
    assert {"Placetas", "Holguin", "Cuba"} <= set(places(text))


def test_foreign_shaped_unit_name_without_any_foreign_country_stays_unknown():
    assert places("Đoàn làm việc với tỉnh Kampong Thom.") == []


@pytest.mark.parametrize("word,foreign", [
    ("Trump", True), ("Placetas", True), ("Srivastava", True), ("Lee", True),
    ("Minh", False), ("Nguyen", False), ("Truong", False), ("Khuong", False), ("Kim", False),
])
def test_foreign_spelling_is_a_word_no_vietnamese_syllable_spells(word, foreign):
    from partyfacts.nlp.spelling import foreign_word
    assert foreign_word(word) is foreign


def test_two_district_names_missing_their_comma_are_places_not_a_person():
    text = "Đơn vị bầu cử số 3 (Thị xã Nghi Sơn và các huyện: Quảng Xương, Nông Cống Như Thanh và Như Xuân)."
    assert persons(text) == []
    assert {"Nông Cống", "Như Thanh"} <= set(places(text))


def test_deputy_of_a_commission_is_a_post_not_the_surname_pho():
    text = "Bộ trưởng chúc mừng tân Phó Ban Tuyên giáo Trung ương Phùng Xuân Nhạ."
    assert persons(text) == ["Phùng Xuân Nhạ"]
    assert persons("Ông Phó Đức Nam phát biểu.") == ["Phó Đức Nam"]


def test_military_region_number_is_not_a_place():
    assert places("Thiếu tướng Du Trường Giang - Phó Tư lệnh Quân khu 7 dự lễ.") == []


@pytest.mark.parametrize("heading,name", [
    ("TỔNG BÍ THƯ TÔ LÂM THĂM VÀ LÀM VIỆC TẠI TỈNH NGHỆ AN\nNội dung bài.", "TÔ LÂM"),
    ("CHỦ TỊCH NƯỚC LƯƠNG CƯỜNG DỰ LỄ KỶ NIỆM TẠI THÀNH PHỐ HUẾ\nBài viết.", "LƯƠNG CƯỜNG"),
    ("BÍ THƯ TỈNH ỦY HÀ GIANG NGUYỄN MẠNH DŨNG THĂM HUYỆN ĐỒNG VĂN\nBài.", "NGUYỄN MẠNH DŨNG"),
])
def test_name_in_a_capitals_heading_ends_at_the_headings_verb(heading, name):
    assert persons(heading) == [name]


def test_capitals_heading_with_a_place_and_no_name_has_no_person():
    assert persons("BÍ THƯ TỈNH ỦY HÀ GIANG THĂM HUYỆN ĐỒNG VĂN\nBài.") == []


def test_a_unit_word_ending_a_line_takes_no_name_from_the_next_line():
    assert places("THỦ TƯỚNG TIẾP ĐẠI SỨ NHẬT BẢN\nChiều 5/6, tại Hà Nội.") == ["NHẬT BẢN", "Hà Nội"]


@pytest.mark.parametrize("text,name", [
    ("Chia sẻ với Sputnik, Aditya Kapoor, người dân ở Haridwar cho biết.", "Aditya Kapoor"),
    ("Tỷ phú Mark Zuckerberg còn sở hữu một ngôi nhà.", "Mark Zuckerberg"),
    ("David Enard, phó giáo sư sinh thái học tại Đại học Arizona, cho biết.", "David Enard"),
    ("Ông Miguel Diaz-Canel, 60 tuổi, làm Bí thư Thứ nhất.", "Miguel Diaz-Canel"),
    ("Thị trưởng Sadiq Khan công bố kế hoạch.", "Sadiq Khan"),
])
def test_foreign_name_described_by_a_post_a_description_or_an_age_is_a_person(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Hôm qua, người đứng đầu Real Madrid khẳng định sẽ kiện.",
    "Một phát ngôn viên của Goodwood Ship Management cho biết.",
])
def test_foreign_club_or_firm_after_a_post_is_no_person(text):
    assert persons(text) == []


def test_name_cut_short_by_a_lower_case_typo_or_a_hyphen_is_not_another_person():
    assert persons("Thủ tướng Phạm Minh chính gặp người đồng cấp. Thủ tướng Phạm Minh Chính khẳng định.") \
        == ["Phạm Minh Chính"]
    assert persons("Ông Miguel Diaz (trái) kế nhiệm ông Raul Castro. Đảng bầu ông Miguel Diaz-Canel.") \
        == ["Raul Castro", "Miguel Diaz-Canel"]


def test_historical_and_latin_spelt_city_names_are_places():
    assert places("Chiến dịch giải phóng Sài Gòn - Gia Định năm 1975.") == ["Sài Gòn", "Gia Định"]
    assert places("Hanoi và Saigon là hai thành phố lớn.") == ["Hanoi", "Saigon"]


FOLDED_POSTS = ("Hom nay, Giam doc So Noi vu Tran Van Minh va Truong ban To chuc Tinh uy Le Thi Thu Ha da lam "
                "viec voi Uy vien Ban Thuong vu Nguyen Van Hung. Dai ta Pham Van Long, Thuong ta Do Duc Anh "
                "cung tham du tai xa Tan Lap. Ong Vu Van Yem Dang uy vien, Truong Dai hoc Bach khoa, va "
                "Doan Luat su thanh pho cung du.")


def test_folded_text_finds_names_after_posts_bodies_and_ranks_and_ends_them_before_a_post():
    ex = extract(FOLDED_POSTS)
    names = [p.name for p in ex.persons]
    assert names == ["Tran Van Minh", "Le Thi Thu Ha", "Nguyen Van Hung", "Pham Van Long", "Do Duc Anh",
                     "Vu Van Yem"]
    for p in ex.persons:
        for a, b in p.mentions:
            assert FOLDED_POSTS[a:b] == p.name


def test_folded_list_after_a_plural_unit_word_gives_every_known_unit():
    text = ("Don vi bau cu so 3 gom thi xa Nghi Son va cac huyen: Quang Xuong, Nong Cong, Nhu Thanh va Nhu Xuan. "
            "Ong Le Van Hai, Chu tich UBND tinh Thanh Hoa cung du.")
    assert places(text) == ["Nghi Son", "Quang Xuong", "Nong Cong", "Nhu Thanh", "Nhu Xuan", "Thanh Hoa"]


def test_folded_address_word_is_no_country_without_a_cue():
    text = ("Sang nay, ba Lan va anh Hung da den tham gia dinh cua chi Mai tai xa Tan Lap. Ba Lan cho biet "
            "gia dinh rat vui. Cac dai bieu cung chuc mung.")
    assert "Ba Lan" not in places(text)


def test_states_and_islands_are_places_and_their_names_no_persons():
    assert places("Ấn Độ: bang Haryana, bang Tamil Nadu và thủ đô New Delhi.") == \
        ["Ấn Độ", "Haryana", "Tamil Nadu", "New Delhi"]
    assert places("Cù lao Gò Gia thuộc TPHCM.") == ["Gò Gia", "Hồ Chí Minh"]
    assert persons("Đảo Phú Quý có nhiều tiềm năng.") == []


def test_foreign_name_after_a_locative_in_a_foreign_story_is_a_place():
    assert places("Quân đội Nga rút về căn cứ ở Vladikavkaz và Novosibirsk.") == ["Nga", "Vladikavkaz", "Novosibirsk"]
    assert places("Tại Philadelphia (Mỹ), cảnh sát đã chuẩn bị.") == ["Philadelphia", "Mỹ"]


@pytest.mark.parametrize("text", [
    "Ông John Smith làm việc tại Microsoft, Mỹ.",
    "Trận đấu ở Champions League tại Mỹ diễn ra sôi động.",
    "Ông Nguyễn Văn An đến thăm Hà Nội ở Vladikavkaz.",   # no other country: nothing foreign to go by
])
def test_firm_contest_or_story_without_another_country_gives_no_foreign_place(text):
    assert not {"Microsoft", "Champions League", "Vladikavkaz"} & set(places(text))


def test_country_before_a_one_word_foreign_name_is_no_person():
    assert persons("Tổng thống Ukraine Zelensky ở Kiev.") == []


@pytest.mark.parametrize("text,names", [
    ("Các nữ diễn viên cùng Dương Mịch, Lý Băng Băng và Phạm Băng Băng.",
     ["Dương Mịch", "Lý Băng Băng", "Phạm Băng Băng"]),
    ("Vương Phi và Tạ Đình Phong tái hợp.", ["Vương Phi", "Tạ Đình Phong"]),
])
def test_a_surname_led_item_joined_to_a_person_in_a_list_is_a_person(text, names):
    assert persons(text) == names


def test_places_listed_before_a_person_stay_places():
    assert persons("Tại Quảng Ninh, Lạng Sơn và ông Trần Văn Hùng phát biểu.") == ["Trần Văn Hùng"]


@pytest.mark.parametrize("name", ["Tập Cận Bình", "Mao Trạch Đông", "Barack Obama", "Shinzo Abe", "Nguyễn Du"])
def test_a_name_before_a_verb_of_speech_needs_no_other_cue(name):
    assert persons(f"Hôm qua, {name} đã có bài phát biểu quan trọng về tình hình khu vực.") == [name]


def test_folded_name_after_an_acronym_is_found():
    text = ("Chu tich UBND TPHCM Nguyen Thanh Phong nhan manh: day la su kien quan trong cua thanh pho va "
            "cua nhan dan.")
    assert "Nguyen Thanh Phong" in persons(text)


def test_a_one_word_country_after_a_group_noun_is_a_place():
    assert places("Chính phủ Nga phản đối. Lực lượng Mỹ rút. Giới chức Úc cho biết. Du khách Pháp đến.") == \
        ["Nga", "Mỹ", "Úc", "Pháp"]
    assert places("Ông Trần Văn Mỹ phát biểu.") == []


@pytest.mark.parametrize("text,name", [
    ("Hoàng Sơn (SN 1990, trú tại xã Tân Lập) bị bắt.", "Hoàng Sơn"),
    ("Lê Hoa (45 tuổi) cho biết sẽ đi học.", "Lê Hoa"),
])
def test_a_birth_year_or_age_after_a_two_word_name_makes_it_a_person(text, name):
    assert persons(text) == [name]
