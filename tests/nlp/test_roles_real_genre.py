"""Roles as real portal news writes them (issue 13): candidate lists with a bracket between the name
and its posts, Party cadres' committees and Party delegations (FACTS.md: the committee stays in the
title, the body it serves is the organization), a bare "Đảng ủy" completed by the next post's agency,
a military rank between two posts, and central posts. The sentences are written for these tests."""
import pytest

from partyfacts import nlp
from partyfacts.nlp.text import key


def _roles(text: str) -> set[tuple[str, str, str]]:
    return {(r.person, r.title, r.organization) for r in nlp.extract(text).roles}


def test_posts_after_a_birth_year_bracket_are_attributed_to_the_candidate():
    roles = _roles("Ông Hà Minh Tuấn (Sinh năm 1975), Phó Chủ tịch UBND tỉnh Nghệ An.")
    assert ("Hà Minh Tuấn", "Phó Chủ tịch UBND", "UBND tỉnh Nghệ An") in roles


def test_posts_after_a_bracket_with_the_short_name_are_attributed_too():
    roles = _roles("Ông Lê Văn Phúc (Lê Phúc - Sinh năm 1966), Bí thư Huyện ủy Quỳnh Lưu.")
    assert ("Lê Văn Phúc", "Bí thư", "Huyện ủy Quỳnh Lưu") in roles


def test_a_bracket_not_followed_by_a_post_gives_no_role():
    assert _roles("Ông Hà Minh Tuấn (Sinh năm 1975), quê ở xã Diễn Châu, đã phát biểu.") == set()


def test_party_cadres_committee_stays_in_the_title_and_takes_the_ministry_of_the_next_post():
    roles = _roles("Bà Trần Thu Hà, Bí thư Ban cán sự đảng, Bộ trưởng Bộ Tài nguyên và Môi trường, dự họp.")
    assert ("Trần Thu Hà", "Bí thư Ban cán sự đảng", "Bộ Tài nguyên và Môi trường") in roles
    assert ("Trần Thu Hà", "Bộ trưởng", "Bộ Tài nguyên và Môi trường") in roles


def test_party_delegation_takes_the_association_of_the_next_post():
    roles = _roles("Ông Nguyễn Đức Long, Phó Bí thư Đảng đoàn, Phó Chủ tịch Hội Nông dân tỉnh Hà Tĩnh, phát biểu.")
    assert ("Nguyễn Đức Long", "Phó Bí thư Đảng đoàn", "Hội Nông dân tỉnh Hà Tĩnh") in roles


def test_party_delegation_of_a_council_named_right_after_it_is_its_organization():
    roles = _roles("Ông Lò Văn Tiến, Bí thư Đảng đoàn HĐND tỉnh Sơn La, chủ trì buổi làm việc.")
    assert ("Lò Văn Tiến", "Bí thư Đảng đoàn", "HĐND tỉnh Sơn La") in roles


def test_bare_party_committee_is_completed_by_the_agency_of_the_next_post():
    roles = _roles("Ông Đinh Quang Vinh, Bí thư Đảng ủy, Giám đốc Sở Xây dựng tỉnh Quảng Bình, báo cáo.")
    assert ("Đinh Quang Vinh", "Bí thư", "Đảng ủy Sở Xây dựng tỉnh Quảng Bình") in roles
    assert ("Đinh Quang Vinh", "Giám đốc", "Sở Xây dựng tỉnh Quảng Bình") in roles


def test_a_military_rank_between_two_posts_does_not_end_the_apposition():
    roles = _roles("Ông Phạm Quốc Bảo, Ủy viên Thường vụ Quân ủy Trung ương, Thượng tướng, "
                   "Chủ nhiệm Tổng cục Hậu cần, thăm đơn vị.")
    titles = {(t, o) for p, t, o in roles if p == "Phạm Quốc Bảo"}
    assert ("Ủy viên Thường vụ", "Quân ủy Trung ương") in titles
    assert any(t == "Chủ nhiệm" for t, _ in titles)
    assert not any(key(t) == key("Thượng tướng") for t, _ in titles)


@pytest.mark.parametrize("body", ["Trung ương Đảng", "T.Ư Đảng"])
def test_central_committee_membership_keeps_the_commission_in_the_title(body):
    roles = _roles(f"Ông Vũ Đình Khang, Ủy viên Ban Chấp hành {body}, Bí thư Tỉnh ủy Hòa Bình, dự lễ.")
    assert ("Vũ Đình Khang", "Ủy viên Ban Chấp hành", body) in roles
    assert ("Vũ Đình Khang", "Bí thư", "Tỉnh ủy Hòa Bình") in roles


def test_dotted_central_abbreviation_is_one_word_of_the_organization():
    roles = _roles("Đồng chí Lê Minh Quang, Phó Trưởng Ban Tổ chức T.Ư, dự hội nghị.")
    assert ("Lê Minh Quang", "Phó Trưởng Ban Tổ chức", "T.Ư") in roles


def test_front_central_committee_written_with_t_u_keeps_its_whole_name():
    roles = _roles("Ông Đặng Văn Hòa, Chủ tịch Ủy ban T.Ư MTTQ Việt Nam, phát biểu.")
    assert ("Đặng Văn Hòa", "Chủ tịch Ủy ban T.Ư MTTQ Việt Nam", "Ủy ban T.Ư MTTQ Việt Nam") in roles


def test_post_before_a_list_heads_every_entry_after_a_semicolon():
    roles = _roles("Dự lễ có các đồng chí Ủy viên Bộ Chính trị: Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An; "
                   "Trần Văn Bình, Trưởng Ban Dân vận T.Ư; các đồng chí Ủy viên T.Ư Đảng: Lê Văn Cường, "
                   "Bí thư Tỉnh ủy Hà Tĩnh; Hà Văn Dũng, Chủ tịch UBND tỉnh Thanh Hóa.")
    assert ("Trần Văn Bình", "Ủy viên", "Bộ Chính trị") in roles
    assert ("Hà Văn Dũng", "Ủy viên", "T.Ư Đảng") in roles
    assert ("Hà Văn Dũng", "Ủy viên", "Bộ Chính trị") not in roles   # a new header starts a new list


def test_two_posts_joined_by_a_dash_share_the_body_named_after_the_second():
    roles = _roles("Ông Trần Văn Mẫn, Phó Chủ tịch - Tổng Thư ký Ủy ban T.Ư MTTQ Việt Nam, phát biểu.")
    assert ("Trần Văn Mẫn", "Phó Chủ tịch", "Ủy ban T.Ư MTTQ Việt Nam") in roles


def test_staff_table_flattened_into_lines_gives_the_posts_on_the_lines_after_the_name():
    text = ("Danh sách Ban giám hiệu như sau:\nTT\nHọ tên\nChức vụ\n1\nTS. Hoàng Văn Lâm\n"
            "Bí thư Đảng ủy, Hiệu trưởng\n2\nThS. Đỗ Thị Mai\nTrưởng phòng Đào tạo - Khảo thí\n")
    roles = {(p, t) for p, t, _ in _roles(text)}
    assert ("Hoàng Văn Lâm", "Bí thư") in roles
    assert ("Hoàng Văn Lâm", "Hiệu trưởng") in roles
    assert ("Đỗ Thị Mai", "Trưởng phòng Đào tạo - Khảo thí") in roles


def test_name_inside_a_sentence_line_does_not_take_the_next_line_as_its_posts():
    text = "Buổi lễ do ông Hoàng Văn Lâm\nBí thư Đảng ủy chủ trì."
    assert not any(p == "Hoàng Văn Lâm" for p, _, _ in _roles(text))


def test_lower_case_district_committee_before_its_place_is_the_organization():
    roles = _roles("Quyết định kỷ luật Trưởng ban Tổ chức huyện ủy Krông Pa Lê Văn Khải.")
    assert ("Lê Văn Khải", "Trưởng ban Tổ chức", "huyện ủy Krông Pa") in roles


def test_national_assembly_committee_abbreviated_ub_stays_in_the_title():
    roles = _roles("Ông Võ Văn Trọng, Chủ nhiệm UB Quốc phòng và An ninh của Quốc hội, phát biểu.")
    assert ("Võ Văn Trọng", "Chủ nhiệm UB Quốc phòng và An ninh", "UB Quốc phòng và An ninh") in roles


def test_commission_of_the_standing_committee_is_part_of_the_title():
    roles = {(p, t) for p, t, _ in _roles("Bà Nguyễn Thị Thủy, Trưởng ban Công tác đại biểu, dự họp.")}
    assert ("Nguyễn Thị Thủy", "Trưởng ban Công tác đại biểu") in roles


def _places(text: str) -> set[str]:
    return {p.name for p in nlp.extract(text).places}


def test_foreign_capitals_in_latin_spelling_are_places():
    assert {"Vientiane", "Kuala Lumpur"} <= _places("Đoàn công tác đã đến Vientiane, sau đó sang Kuala Lumpur.")


def test_region_written_with_lower_case_bo_is_a_place():
    assert {"Đông Nam bộ", "Tây Nam bộ"} <= _places("Các tỉnh Đông Nam bộ và Tây Nam bộ tăng trưởng khá.")


def test_uv_bct_abbreviation_is_a_post_in_the_politburo():
    roles = _roles("Đồng chí Đinh Văn Hào, UV BCT, Bí thư Tỉnh ủy Nam Định, phát biểu.")
    assert ("Đinh Văn Hào", "UV", "BCT") in roles
    assert ("Đinh Văn Hào", "Bí thư", "Tỉnh ủy Nam Định") in roles


def test_steering_committee_name_goes_on_after_ve():
    roles = _roles("Ông Vũ Đức Thành, Trưởng Ban Chỉ đạo Nhà nước về Du lịch, dự lễ.")
    assert ("Vũ Đức Thành", "Trưởng Ban Chỉ đạo Nhà nước về Du lịch", "Ban Chỉ đạo Nhà nước về Du lịch") in roles


def test_foreign_leader_after_a_title_and_a_common_word_country_is_one_person_with_that_country():
    ex = nlp.extract("Tổng thống Mỹ Joe Biden mời lãnh đạo các nước dự hội nghị.")
    assert {p.name for p in ex.persons} == {"Joe Biden"}
    assert ("Joe Biden", "Tổng thống", "Mỹ") in {(r.person, r.title, r.organization) for r in ex.roles}


def test_a_monarch_is_named_after_quoc_vuong_and_the_country():
    roles = _roles("Quốc vương Brunei Haji Hassanal Bolkiah chúc mừng Thủ tướng.")
    assert ("Haji Hassanal Bolkiah", "Quốc vương", "Brunei") in roles


def test_hyphenated_western_name_is_one_name():
    ex = nlp.extract("Chủ tịch Cuba Miguel Diaz-Canel tiếp đoàn. Giám đốc Sở NN-PTNT Trần Văn An tháp tùng.")
    names = {p.name for p in ex.persons}
    assert {"Miguel Diaz-Canel", "Trần Văn An"} <= names


def test_district_abbreviated_h_dot_inside_a_body_gives_the_place_and_the_organization():
    ex = nlp.extract("Ông Trần Văn An, Chủ tịch UBND H. Quỳnh Lưu, cho biết.")
    assert ("Quỳnh Lưu", "huyện") in {(p.name, p.type) for p in ex.places}
    assert ("Trần Văn An", "Chủ tịch UBND", "UBND H. Quỳnh Lưu") in \
        {(r.person, r.title, r.organization) for r in ex.roles}


def test_a_lone_initial_h_dot_in_a_byline_is_no_district():
    assert _places("Bài: H. Minh. Ảnh: X. Lan") == set()


def test_a_term_between_two_posts_does_not_end_the_apposition():
    roles = _roles("Bổ sung đồng chí Hồ Văn Nam, Ủy viên Ủy ban T.Ư MTTQ Việt Nam, nhiệm kỳ 2014-2019, "
                   "Ủy viên Ban Thường vụ Tỉnh ủy Quảng Bình, Bí thư Đảng đoàn, Chủ tịch Ủy ban MTTQ Việt Nam "
                   "tỉnh Quảng Bình giữ chức Phó Chủ tịch.")
    assert ("Hồ Văn Nam", "Ủy viên Ban Thường vụ", "Tỉnh ủy Quảng Bình") in roles
    assert ("Hồ Văn Nam", "Bí thư Đảng đoàn", "Ủy ban MTTQ Việt Nam tỉnh Quảng Bình") in roles
