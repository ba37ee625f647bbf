"""Roles on real party/state writing (issue 13, second pass): organisation names whose field words are
capitalised only on their first syllable, units and schools known by a number, the Government as an
organisation, "Thứ nhất" posts, posts joined by "và hiện là". Every sentence is written for these
tests; none is copied from an annotated article."""
from partyfacts import nlp


def _roles(text: str) -> set[tuple[str, str, str]]:
    return {(r.person, r.title, r.organization) for r in nlp.extract(text).roles}


def _org_of(text: str, person: str, title: str) -> str:
    got = [r.organization for r in nlp.extract(text).roles if r.person == person and r.title == title]
    assert got, f"no {title!r} for {person!r} in {sorted(_roles(text))}"
    return got[0]


# --- organisation names ----------------------------------------------------------------------------

def test_agency_name_with_lower_case_second_syllables_runs_to_its_last_capitalised_word():
    text = "Đại tá Trần Văn Quế - Giám đốc Bảo tàng Lịch sử Quân sự Việt Nam; ông Lý Văn Sáu phát biểu."
    assert _org_of(text, "Trần Văn Quế", "Giám đốc") == "Bảo tàng Lịch sử Quân sự Việt Nam"


def test_company_name_with_a_lower_case_field_keeps_its_brand_before_a_bracket():
    text = "Bà Đỗ Thị Hạnh, Tổng giám đốc Công ty Cổ phần Vật tư nông nghiệp Hưng Phát (HPA), trao quà."
    assert _org_of(text, "Đỗ Thị Hạnh", "Tổng giám đốc") == "Công ty Cổ phần Vật tư nông nghiệp Hưng Phát"


def test_a_lower_case_clause_after_an_agency_is_not_taken_into_its_name():
    text = "Ông Vũ Văn Lực, Giám đốc Sở Y tế cho biết Hà Nội."
    assert _org_of(text, "Vũ Văn Lực", "Giám đốc") == "Sở Y tế"
    text = "Ông Vũ Văn Lực, Giám đốc Sở Y tế, tổ chức gặp mặt Ban Giám hiệu."
    assert _org_of(text, "Vũ Văn Lực", "Giám đốc") == "Sở Y tế"


def test_a_military_unit_known_by_its_number_keeps_the_number():
    text = "Thiếu tướng Hồ Văn Lâm - Tư lệnh Quân đoàn 4; Đại tá Đào Văn Mạnh - Chính ủy Sư đoàn 9."
    assert _org_of(text, "Hồ Văn Lâm", "Tư lệnh") == "Quân đoàn 4"
    assert _org_of(text, "Đào Văn Mạnh", "Chính ủy") == "Sư đoàn 9"


def test_a_school_known_by_its_number_keeps_it_but_a_count_after_a_name_is_not_part_of_it():
    assert _org_of("Bà Lê Thị Na, giáo viên Trường THCS Yên Định 2.", "Lê Thị Na", "giáo viên") \
        == "Trường THCS Yên Định 2"
    assert _org_of("Ông Mai Văn Tư, Hiệu trưởng Trường THCS Yên Định 3 năm liền đạt chuẩn.",
                   "Mai Văn Tư", "Hiệu trưởng") == "Trường THCS Yên Định"


def test_a_foreign_communist_party_keeps_its_lower_case_syllable_and_the_next_post_follows():
    roles = _roles("Ông Nguyễn Mạnh Hào đón đồng chí Pedro Alvarez, Bí thư Thứ nhất Tỉnh ủy Matanzas của "
                   "Đảng Cộng sản Cuba, Chủ tịch Hội đồng tỉnh Matanzas.")
    assert ("Pedro Alvarez", "Bí thư Thứ nhất", "Tỉnh ủy Matanzas") in roles
    roles = _roles("Đồng chí Ramon Lopez, Ủy viên Bộ Chính trị Đảng Cộng sản Cuba, Chủ tịch nước Cuba.")
    assert ("Ramon Lopez", "Chủ tịch nước", "Cuba") in roles


# --- national bodies -------------------------------------------------------------------------------

def test_the_government_is_the_organisation_of_a_deputy_prime_minister_not_part_of_the_title():
    roles = _roles("Ông Trịnh Văn Cường, Phó Thủ tướng Chính phủ, Trưởng Ban Chỉ đạo, phát biểu.")
    assert ("Trịnh Văn Cường", "Phó Thủ tướng", "Chính phủ") in roles
    assert not any(t.endswith("Chính phủ") for _, t, _ in roles)


# --- chains --------------------------------------------------------------------------------------

def test_a_post_joined_by_va_hien_la_after_a_term_is_a_second_post_of_the_same_person():
    text = ("Kỷ luật ông Chu Văn Khải - Phó Bí thư Đảng ủy nhiệm kỳ 2015-2020 và hiện là Hiệu trưởng "
            "Trường Cao đẳng Sư phạm Hòa Bình, bằng hình thức cảnh cáo.")
    roles = _roles(text)
    assert ("Chu Văn Khải", "Hiệu trưởng", "Trường Cao đẳng Sư phạm Hòa Bình") in roles
    assert ("Chu Văn Khải", "Phó Bí thư", "Đảng ủy Trường Cao đẳng Sư phạm Hòa Bình") in roles


def test_nay_la_after_a_former_post_adds_the_current_post():
    roles = _roles("Ông Tạ Văn Hưng, nguyên Chủ tịch UBND huyện Kỳ Sơn, nay là Giám đốc Sở Nội vụ tỉnh Nghệ An.")
    assert ("Tạ Văn Hưng", "Giám đốc", "Sở Nội vụ tỉnh Nghệ An") in roles
    former = {r.title: r.former for r in nlp.extract(
        "Ông Tạ Văn Hưng, nguyên Chủ tịch UBND huyện Kỳ Sơn, nay là Giám đốc Sở Nội vụ tỉnh Nghệ An.").roles}
    assert former == {"Chủ tịch UBND": True, "Giám đốc": False}


# --- Party and state abbreviations -----------------------------------------------------------------

def _places(text: str) -> set[str]:
    return {p.name for p in nlp.extract(text).places}


def test_uvtw_implies_the_party_central_committee_and_does_not_borrow_the_next_body():
    roles = _roles("Đồng chí Hồ Văn Niên, UVTW, Bí thư Tỉnh ủy Bình Định dự hội nghị.")
    assert ("Hồ Văn Niên", "UVTW", "Trung ương Đảng") in roles
    assert ("Hồ Văn Niên", "Bí thư", "Tỉnh ủy Bình Định") in roles


def test_uvtu_followed_by_dang_is_one_post_of_the_central_committee():
    roles = _roles("Ông Đặng Quốc Khánh, UVTƯ Đảng, Bộ trưởng Bộ Tài nguyên và Môi trường, phát biểu.")
    assert ("Đặng Quốc Khánh", "UVTƯ", "Trung ương Đảng") in roles


def test_provincial_and_district_committees_abbreviated_in_capitals_are_organisations_and_places():
    text = "Đồng chí Trần Thị Nga, Ủy viên BCH TW Đảng, Bí thư TU Quảng Ngãi; ông Đoàn Văn Hòa, Phó Bí thư HU Sơn Hà."
    roles = _roles(text)
    assert ("Trần Thị Nga", "Bí thư", "TU Quảng Ngãi") in roles
    assert ("Đoàn Văn Hòa", "Phó Bí thư", "HU Sơn Hà") in roles
    assert {"Quảng Ngãi", "Sơn Hà"} <= _places(text)


def test_commission_of_an_abbreviated_committee_takes_it_as_organisation():
    roles = _roles("Đồng chí Võ Thị Hồng, UV BTV TU, Trưởng Ban Tổ chức TU chủ trì.")
    assert ("Võ Thị Hồng", "UV BTV", "TU") in roles
    assert ("Võ Thị Hồng", "Trưởng Ban Tổ chức", "TU") in roles


def test_tu_and_hu_written_as_syllables_are_neither_committees_nor_places():
    text = "Tu Mơ Rông là huyện vùng cao. Tu bổ Di tích đình làng. Ông Lê Văn Hu phát biểu."
    assert _roles(text) == set()
    assert "Mơ Rông" not in _places(text) and "Di tích" not in _places(text)


def test_commune_abbreviated_x_dot_after_a_party_committee_stays_in_the_organisation_and_is_a_place():
    text = "Bà Lương Thị Bích, Bí thư Đảng ủy X. Nghĩa Đàn, huyện Nghĩa Hưng."
    assert ("Lương Thị Bích", "Bí thư", "Đảng ủy X. Nghĩa Đàn") in _roles(text)
    assert "Nghĩa Đàn" in _places(text)


def test_town_and_city_abbreviations_inside_a_peoples_committee():
    text = "Ông Phan Văn Tâm, Chủ tịch UBND TX. Hồng Lĩnh; bà Đào Thị Mai, Phó Chủ tịch UBND TP. Hà Tĩnh."
    roles = _roles(text)
    assert ("Phan Văn Tâm", "Chủ tịch UBND", "UBND TX. Hồng Lĩnh") in roles
    assert ("Đào Thị Mai", "Phó Chủ tịch UBND", "UBND TP. Hà Tĩnh") in roles
    assert {"Hồng Lĩnh", "Hà Tĩnh"} <= _places(text)


def test_an_ampersand_inside_an_abbreviated_ministry_name_keeps_the_name_whole():
    roles = _roles("Bộ trưởng Bộ VH-TT&DL Hoàng Văn Đạo tặng hoa chúc mừng.")
    assert ("Hoàng Văn Đạo", "Bộ trưởng", "Bộ VH-TT&DL") in roles


# --- organisations completed from the article -------------------------------------------------------

def test_a_post_of_one_kind_of_body_takes_the_school_the_article_names_before_it():
    text = ("Trường Đại học Tây Bắc tổ chức lễ khai giảng. PGS.TS Hoàng Văn Thái, Hiệu trưởng, phát biểu. "
            "TS Lò Thị Xuân, Phó Hiệu trưởng, trao thưởng.")
    roles = _roles(text)
    assert ("Hoàng Văn Thái", "Hiệu trưởng", "Trường Đại học Tây Bắc") in roles
    assert ("Lò Thị Xuân", "Phó Hiệu trưởng", "Trường Đại học Tây Bắc") in roles


def test_the_body_named_inside_a_longer_name_counts_for_the_post():
    text = ("Hội đồng Trường CĐ Y tế Hà Giang gồm 11 thành viên:\n"
            "Ông Vàng Seo Dìn\nPhó Hiệu trưởng\n")
    assert ("Vàng Seo Dìn", "Phó Hiệu trưởng", "Trường CĐ Y tế Hà Giang") in _roles(text)


def test_a_generic_post_without_its_body_is_not_completed_from_an_unrelated_school():
    text = "Trường THCS Lê Lợi khai giảng. Ông Đào Văn Vũ, Giám đốc, phát biểu."
    assert not any(o.startswith("Trường") for p, t, o in _roles(text) if t == "Giám đốc")


def test_a_bare_party_committee_takes_the_school_of_a_later_post_in_the_same_apposition():
    text = ("Sai phạm tại Trường Cao đẳng Kỹ thuật Lào Cai: cảnh cáo ông Giàng A Páo - nguyên Bí thư Đảng ủy, "
            "nguyên Phó Hiệu trưởng.")
    roles = {(p, t, o) for p, t, o in _roles(text)}
    assert ("Giàng A Páo", "Bí thư", "Đảng ủy Trường Cao đẳng Kỹ thuật Lào Cai") in roles
    assert ("Giàng A Páo", "Phó Hiệu trưởng", "Trường Cao đẳng Kỹ thuật Lào Cai") in roles
    assert all(r.former for r in nlp.extract(text).roles if r.person == "Giàng A Páo")


def test_a_bare_party_committee_takes_the_largest_agency_of_the_apposition():
    text = ("Bà Lê Thị Thu, Ủy viên Ban Thường vụ Đảng ủy, Bí thư Chi bộ, Trưởng phòng Người có công, "
            "Sở Nội vụ tỉnh Hà Tĩnh.")
    assert ("Lê Thị Thu", "Ủy viên Ban Thường vụ", "Đảng ủy Sở Nội vụ tỉnh Hà Tĩnh") in _roles(text)


def test_a_title_naming_the_national_assembly_has_it_as_organisation():
    roles = _roles("Ông Trần Văn Khải, đại biểu Quốc hội, và ông Lê Minh Hoan, Chủ tịch Quốc hội, dự phiên họp.")
    assert ("Trần Văn Khải", "đại biểu Quốc hội", "Quốc hội") in roles
    assert ("Lê Minh Hoan", "Chủ tịch Quốc hội", "Quốc hội") in roles


def test_committees_of_a_town_and_a_district_are_completed_from_the_places_the_article_names():
    text = ("Thị trấn Phố Châu tổ chức đại hội. Đồng chí Nguyễn Văn Hùng, Phó Bí thư Thường trực Đảng ủy thị trấn "
            "phát biểu. Huyện Hương Sơn chỉ đạo; đồng chí Lê Văn Sinh, Bí thư Huyện ủy dự.")
    roles = _roles(text)
    assert ("Nguyễn Văn Hùng", "Phó Bí thư Thường trực", "Đảng ủy thị trấn Phố Châu") in roles
    assert ("Lê Văn Sinh", "Bí thư", "Huyện ủy Hương Sơn") in roles


# --- teams, lists, brackets ------------------------------------------------------------------------

def test_head_of_a_numbered_team_keeps_the_team_in_the_title_and_as_organisation():
    roles = _roles("Đồng chí Bế Văn Hưng, Phó Chủ tịch UBND tỉnh, Trưởng Đoàn công tác số 5 của Ban Chỉ đạo "
                   "tỉnh, kiểm tra tại huyện.")
    assert ("Bế Văn Hưng", "Trưởng Đoàn công tác số 5", "Đoàn công tác số 5 của Ban Chỉ đạo tỉnh") in roles
    assert ("Bế Văn Hưng", "Phó Chủ tịch UBND", "UBND tỉnh") in roles


def test_a_team_without_a_number_is_not_taken_into_the_title():
    roles = _roles("Đồng chí Bế Văn Hưng, Trưởng đoàn công tác làm việc tại huyện.")
    assert not any("công tác" in t for _, t, _ in roles)


def test_the_person_a_team_is_led_by_after_do_gets_the_lead_post_of_that_team():
    text = ("Ngày 5/3, Ban Thường vụ Tỉnh ủy thành lập Đoàn kiểm tra số 2 do đồng chí Nông Văn Tài, Ủy viên "
            "Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy làm trưởng đoàn.")
    roles = _roles(text)
    assert ("Nông Văn Tài", "trưởng đoàn", "Đoàn kiểm tra số 2") in roles
    assert ("Nông Văn Tài", "Chủ nhiệm Ủy ban Kiểm tra", "Tỉnh ủy") in roles
    assert ("Hà Thị Lan", "tổ trưởng", "Tổ công tác") in _roles("Tổ công tác do bà Hà Thị Lan làm tổ trưởng.")


def test_lam_truong_doan_without_a_team_named_before_gives_no_role():
    assert _roles("Ông Lê Văn Hòa làm trưởng đoàn trong chuyến đi.") == set()


def test_a_post_before_a_list_of_names_after_cac_dong_chi_heads_every_name_without_a_post():
    text = "Dự hội nghị có các đồng chí Phó Bí thư Tỉnh ủy Lầu Văn Xá, Hầu A Lềnh và Giàng Thị Dợ."
    roles = _roles(text)
    for name in ("Lầu Văn Xá", "Hầu A Lềnh", "Giàng Thị Dợ"):
        assert (name, "Phó Bí thư", "Tỉnh ủy") in roles


def test_a_singular_address_does_not_spread_a_post_over_the_next_name():
    roles = _roles("Đồng chí Phó Bí thư Tỉnh ủy Lầu Văn Xá và Hầu A Lềnh cùng dự.")
    assert not any(p == "Hầu A Lềnh" for p, _, _ in roles)


def test_a_post_written_right_before_the_next_name_in_a_list_is_that_persons():
    roles = _roles("Dự có các đồng chí Phó Chủ tịch UBND tỉnh Sùng A Hồ, Giám đốc Sở Y tế Vừ Thị Mai.")
    assert ("Vừ Thị Mai", "Giám đốc", "Sở Y tế") in roles
    assert not any(p == "Sùng A Hồ" and t == "Giám đốc" for p, t, _ in roles)


def test_posts_in_a_bracket_after_the_name_and_the_post_elected_to_after_it():
    text = ("HĐND tỉnh đã bầu ông Đào Văn Nhất (51 tuổi, Giám đốc Sở Nội vụ) và ông Phùng Văn Nhị "
            "(48 tuổi, Giám đốc Sở Tài chính) giữ chức Phó Chủ tịch UBND tỉnh Yên Bái.")
    roles = {(p, t) for p, t, _ in _roles(text)}
    assert {("Đào Văn Nhất", "Giám đốc"), ("Phùng Văn Nhị", "Giám đốc"),
            ("Đào Văn Nhất", "Phó Chủ tịch UBND"), ("Phùng Văn Nhị", "Phó Chủ tịch UBND")} <= roles
    assert ("Phùng Văn Nhị", "Giám đốc", "Sở Tài chính tỉnh Yên Bái") in _roles(text)


def test_a_field_word_of_two_syllables_continues_an_agency_name_before_its_unit():
    roles = _roles("Bà Hà Thị Nguyệt, Tỉnh ủy viên, Giám đốc Sở Tư pháp tỉnh dự và trao quyết định.")
    assert ("Hà Thị Nguyệt", "Giám đốc", "Sở Tư pháp tỉnh") in roles


def test_a_place_after_a_school_name_is_not_read_as_a_field_word():
    roles = _roles("Ông Lê Văn Sáng, Hiệu trưởng Trường Hòa Bình an toàn giao thông.")
    assert ("Lê Văn Sáng", "Hiệu trưởng", "Trường Hòa Bình") in roles


def test_central_committee_abbreviations_with_and_without_the_dot():
    roles = _roles("Đồng chí Mạc Văn Chiến, Bí thư T.Ư Đảng, Trưởng Ban Tổ chức T.Ư; "
                   "bà Lục Thị Minh, Trưởng Ban Dân vận TƯ.")
    assert ("Mạc Văn Chiến", "Bí thư", "T.Ư Đảng") in roles
    assert ("Mạc Văn Chiến", "Trưởng Ban Tổ chức", "T.Ư") in roles
    assert ("Lục Thị Minh", "Trưởng Ban Dân vận", "TƯ") in roles


def test_the_party_committee_of_a_bloc_keeps_its_two_fields():
    roles = _roles("Đồng chí Vi Văn Ba, Ủy viên BCH Đảng bộ tỉnh, Bí thư Đảng ủy Khối Cơ quan và Doanh nghiệp "
                   "tỉnh phát biểu.")
    assert ("Vi Văn Ba", "Bí thư", "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh") in roles
    assert ("Vi Văn Ba", "Ủy viên BCH", "Đảng bộ tỉnh") in roles


def test_two_provincial_committees_joined_by_va_stay_two_organisations():
    roles = _roles("Ông Lê Văn Hòa, Bí thư Tỉnh ủy Nghệ An và Tỉnh ủy Hà Tĩnh dự.")
    assert ("Lê Văn Hòa", "Bí thư", "Tỉnh ủy Nghệ An") in roles


def test_a_bare_head_of_a_board_takes_the_board_named_earlier_in_the_sentence():
    roles = _roles("Bộ Chính trị điều động đồng chí Mai Văn Chính, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Long An "
                   "đến nhận công tác tại Ban Dân vận Trung ương, giữ chức Phó Trưởng Ban.")
    assert ("Mai Văn Chính", "Phó Trưởng Ban", "Ban Dân vận Trung ương") in roles



def test_a_steering_committee_name_in_lower_case_runs_to_its_unit_and_place():
    roles = _roles("Ông Lê Văn Tùng, Trưởng Ban Chỉ đạo phòng chống thiên tai huyện Kỳ Anh, kiểm tra đê.")
    assert ("Lê Văn Tùng", "Trưởng Ban Chỉ đạo phòng chống thiên tai",
            "Ban Chỉ đạo phòng chống thiên tai huyện Kỳ Anh") in roles


def test_a_steering_committee_followed_by_a_verb_keeps_only_its_head():
    roles = _roles("Ông Lê Văn Tùng, Trưởng Ban Chỉ đạo họp bàn với huyện Kỳ Anh.")
    assert ("Lê Văn Tùng", "Trưởng Ban Chỉ đạo", "Ban Chỉ đạo") in roles


def test_lan_luot_gives_each_person_the_post_in_the_same_position():
    text = "Các ông Tạ Văn Hòa, Đinh Văn Bình lần lượt giữ chức Chủ tịch, Phó Chủ tịch UBND huyện Can Lộc."
    roles = _roles(text)
    assert ("Tạ Văn Hòa", "Chủ tịch", "UBND huyện Can Lộc") in roles
    assert ("Đinh Văn Bình", "Phó Chủ tịch UBND", "UBND huyện Can Lộc") in roles
    assert len(roles) == 2


def test_a_bare_council_in_an_apposition_takes_the_unit_a_later_post_names():
    roles = _roles("Đồng chí Mông Văn Sơn, Phó Bí thư Huyện ủy, Chủ tịch HĐND, Chủ tịch UBND huyện Hương Khê.")
    assert ("Mông Văn Sơn", "Chủ tịch HĐND", "HĐND huyện Hương Khê") in roles


def test_a_post_after_a_plural_list_of_names_belongs_to_all_of_them():
    roles = _roles("Dự có các đồng chí Ninh Văn An và Quách Văn Bình, Phó Chủ tịch UBND tỉnh.")
    assert ("Ninh Văn An", "Phó Chủ tịch UBND", "UBND tỉnh") in roles
    assert ("Quách Văn Bình", "Phó Chủ tịch UBND", "UBND tỉnh") in roles


def test_a_post_after_a_singular_pair_of_names_is_only_the_nearest_ones():
    roles = _roles("Dự có đồng chí Ninh Văn An và Quách Văn Bình, Phó Chủ tịch UBND tỉnh.")
    assert not any(p == "Ninh Văn An" for p, _, _ in roles)


def test_a_full_time_deputy_of_a_delegation_thuoc_takes_the_delegation():
    text = ("Bà Cầm Thị Mận, Bí thư Chi bộ Văn phòng Đoàn đại biểu Quốc hội tỉnh Sơn La, Đại biểu Quốc hội "
            "chuyên trách thuộc Đoàn đại biểu Quốc hội tỉnh Sơn La.")
    roles = _roles(text)
    assert ("Cầm Thị Mận", "Đại biểu Quốc hội chuyên trách", "Đoàn đại biểu Quốc hội tỉnh Sơn La") in roles
    assert any(p == "Cầm Thị Mận" and t == "Bí thư" and o.startswith("Chi bộ Văn") for p, t, o in roles)


def test_the_body_a_party_committee_belongs_to_closes_its_name():
    roles = _roles("Ông Lò Văn Hùng, Bí thư Đảng ủy Công an tỉnh, Giám đốc Công an tỉnh Sơn La.")
    assert ("Lò Văn Hùng", "Bí thư", "Đảng ủy Công an tỉnh Sơn La") in roles
    assert ("Lò Văn Hùng", "Giám đốc", "Công an tỉnh Sơn La") in roles


def test_a_board_of_an_association_named_after_a_comma_stays_in_the_title():
    roles = _roles("Bà Lương Thị Nga, Phó trưởng Ban Xây dựng tổ chức hội, Hội Liên hiệp phụ nữ tỉnh Hòa Bình.")
    assert ("Lương Thị Nga", "Phó trưởng Ban Xây dựng tổ chức hội", "Hội Liên hiệp phụ nữ tỉnh Hòa Bình") in roles


def test_a_commune_after_a_post_stands_for_its_committee():
    roles = _roles("Ngày 29/4, ông Đỗ Duy Phương, Bí thư phường Ba Đình (thị xã Bỉm Sơn) xác nhận.")
    assert ("Đỗ Duy Phương", "Bí thư", "phường Ba Đình") in roles


def test_named_councils_keep_their_whole_name_in_the_title():
    roles = _roles("GS.TS Đào Anh Tú, Chủ tịch Hội đồng trường Trường Đại học Vinh phát biểu. "
                   "Ông Lê Văn Hai, nguyên Phó Chủ tịch Hội đồng Nhà nước.")
    assert ("Đào Anh Tú", "Chủ tịch Hội đồng trường", "Hội đồng trường Trường Đại học Vinh") in roles
    assert ("Lê Văn Hai", "Phó Chủ tịch Hội đồng Nhà nước", "Hội đồng Nhà nước") in roles


def test_a_delegation_led_by_a_general_after_do_gets_its_head():
    text = ("Đoàn đại biểu Bộ Quốc phòng Lào do Đại tướng Chansamone Chanyalath, Bộ trưởng Bộ Quốc phòng Lào "
            "làm Trưởng đoàn.")
    assert ("Chansamone Chanyalath", "Trưởng đoàn", "Đoàn đại biểu Bộ Quốc phòng Lào") in _roles(text)


# --- former posts ----------------------------------------------------------------------------------

def _former(text: str) -> dict[tuple[str, str], bool]:
    return {(r.person, r.title): r.former for r in nlp.extract(text).roles}


def test_khi_con_la_and_nguyen_la_open_a_former_post():
    assert _former("Ông Viên Văn An, khi còn là Chủ tịch UBND huyện Kỳ Sơn, đã ký 32 quyết định.") \
        == {("Viên Văn An", "Chủ tịch UBND"): True}
    assert _former("Ông Viên Văn An, nguyên là Giám đốc Sở Xây dựng tỉnh Nghệ An, bị khởi tố.") \
        == {("Viên Văn An", "Giám đốc"): True}


def test_hien_la_opens_a_current_post():
    assert _former("Ông Viên Văn An, hiện là Trưởng Ban Tổ chức Tỉnh ủy Nghệ An, phát biểu.") \
        == {("Viên Văn An", "Trưởng Ban Tổ chức"): False}


def test_tung_giu_chuc_is_a_former_post_and_duoc_bau_a_current_one():
    assert _former("Ông Viên Văn An từng giữ chức Bí thư Huyện ủy Kỳ Sơn.") == {("Viên Văn An", "Bí thư"): True}
    assert _former("Ông Viên Văn An được bầu giữ chức Bí thư Huyện ủy Kỳ Sơn.") == {("Viên Văn An", "Bí thư"): False}


def test_alternate_and_full_members_of_two_terms_are_two_posts():
    roles = _roles("Ông Khổng Văn Nhạ là Ủy viên dự khuyết Trung ương Đảng khóa XI, Ủy viên Trung ương Đảng khóa XII.")
    assert ("Khổng Văn Nhạ", "Ủy viên dự khuyết", "Trung ương Đảng") in roles
    assert ("Khổng Văn Nhạ", "Ủy viên", "Trung ương Đảng") in roles


def test_an_election_named_before_a_post_is_not_a_post():
    roles = _roles("Trong đợt bầu cử đại biểu Quốc hội khóa XV, Tổng Bí thư Nông Văn Trọng ứng cử ở Hà Nội.")
    assert roles == {("Nông Văn Trọng", "Tổng Bí thư", "")}


def test_a_bare_party_post_takes_the_committee_of_the_unit_its_peoples_committee_serves():
    text = ("Dự hội nghị có đồng chí Ninh Văn Hà, Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện và "
            "đồng chí Lê Văn Tý, Phó Bí thư, Chủ tịch UBND huyện Quỳ Châu.")
    assert ("Lê Văn Tý", "Phó Bí thư", "Huyện ủy Quỳ Châu") in _roles(text)


def test_a_bare_party_post_is_not_given_a_committee_word_the_article_never_writes():
    roles = _roles("Đồng chí Lê Văn Tý, Phó Bí thư, Chủ tịch UBND xã Châu Bình, báo cáo.")
    assert ("Lê Văn Tý", "Phó Bí thư", "") in roles


def test_a_counted_post_before_gom_heads_every_name_of_the_list_with_the_subject_as_body():
    text = "Hiện nay, UBND tỉnh Hà Giang có 4 phó chủ tịch, gồm các ông: Lò Văn Một, Vàng Văn Hai, Sùng Văn Ba."
    roles = _roles(text)
    for name in ("Lò Văn Một", "Vàng Văn Hai", "Sùng Văn Ba"):
        assert (name, "phó chủ tịch", "UBND tỉnh Hà Giang") in roles


def test_a_counted_post_of_a_standing_committee_takes_the_party_committee():
    roles = _roles("Ban Thường vụ Tỉnh ủy có 3 phó bí thư gồm: Lò Văn Một, Vàng Văn Hai.")
    assert ("Lò Văn Một", "phó bí thư", "Tỉnh ủy") in roles


def test_a_counted_list_of_people_without_a_post_gives_no_role():
    assert _roles("Đoàn có 5 người, gồm: Lò Văn Một, Vàng Văn Hai.") == set()


def test_the_deputy_named_right_after_a_team_head_is_in_the_same_team():
    text = ("Ban Thường vụ Huyện ủy thành lập Đoàn kiểm tra số 1 do đồng chí Hồ Văn Lương, Phó Bí thư Thường trực "
            "Huyện ủy làm trưởng đoàn, đồng chí Võ Thị Hằng, Chủ nhiệm UBKT Huyện ủy làm phó trưởng đoàn.")
    roles = _roles(text)
    assert ("Hồ Văn Lương", "trưởng đoàn", "Đoàn kiểm tra số 1") in roles
    assert ("Võ Thị Hằng", "phó trưởng đoàn", "Đoàn kiểm tra số 1") in roles
    assert ("Võ Thị Hằng", "Chủ nhiệm UBKT", "Huyện ủy") in roles


def test_a_commune_known_by_a_name_and_a_number_keeps_the_number_in_its_committee():
    text = ("Ngày 20/5, Đảng bộ xã Sơn Kim 2 tổ chức Đại hội. Đồng chí Lê Văn Quý, Bí thư Đảng ủy, "
            "Chủ tịch HĐND xã cho biết xã Sơn Kim 2 có 3 lần đạt chuẩn.")
    roles = _roles(text)
    assert ("Lê Văn Quý", "Bí thư", "Đảng ủy xã Sơn Kim 2") in roles
    assert ("Lê Văn Quý", "Chủ tịch HĐND", "HĐND xã Sơn Kim 2") in roles


def test_a_count_after_a_commune_is_not_part_of_its_name():
    roles = _roles("Ông Lê Văn Quý, Chủ tịch UBND xã Tân Hợp 3 lần được khen thưởng.")
    assert ("Lê Văn Quý", "Chủ tịch UBND", "UBND xã Tân Hợp") in roles


def test_a_foreign_minister_written_with_the_field_and_the_country_before_the_name():
    roles = _roles("Bộ trưởng Ngoại giao Lào Saleumxay Kommasith hội đàm với Bộ trưởng Bùi Thanh Sơn.")
    assert ("Saleumxay Kommasith", "Bộ trưởng", "Ngoại giao Lào") in roles
    assert ("Bùi Thanh Sơn", "Bộ trưởng", "") in roles


def test_a_current_post_in_a_bracket_after_former_posts():
    text = ("Trách nhiệm thuộc về đồng chí Lò Văn Phúc, nguyên Phó Bí thư Huyện ủy, nguyên Chủ tịch UBND huyện "
            "Tủa Chùa (hiện là Phó Giám đốc Sở Nội vụ tỉnh) và đồng chí Tòng Thị Hoa.")
    got = {(r.title, r.organization, r.former) for r in nlp.extract(text).roles if r.person == "Lò Văn Phúc"}
    assert ("Phó Giám đốc", "Sở Nội vụ tỉnh", False) in got
    assert ("Chủ tịch UBND", "UBND huyện Tủa Chùa", True) in got


def test_command_posts_of_an_armed_unit_share_the_unit_named_after_them():
    roles = _roles("Theo Đại tá Lâm Văn Tám – Phó Chỉ huy trưởng, Tham mưu trưởng BĐBP tỉnh Cà Mau, đơn vị đã bắt giữ.")
    assert ("Lâm Văn Tám", "Phó Chỉ huy trưởng", "BĐBP tỉnh Cà Mau") in roles
    assert ("Lâm Văn Tám", "Tham mưu trưởng", "BĐBP tỉnh Cà Mau") in roles


def test_a_civil_post_does_not_borrow_the_unit_of_a_command_post():
    roles = _roles("Ông Lê Văn Hùng, Phó Giám đốc, Chỉ huy trưởng Ban CHQS huyện Mường Lát, cho biết.")
    assert ("Lê Văn Hùng", "Phó Giám đốc", "") in roles
    assert ("Lê Văn Hùng", "Chỉ huy trưởng", "Ban CHQS huyện Mường Lát") in roles


def test_a_bare_commune_committee_takes_the_commune_named_just_before_not_the_most_frequent():
    text = ("Xã Nậm Tăm, xã Nậm Tăm và xã Nậm Tăm được khen. Nghỉ hưu đối với đồng chí Hoàng Văn Sự, Bí thư Đảng ủy "
            "xã Pa Vây Sử. Ban Thường vụ giao đồng chí Phạm Thị Khuyến – Phó Bí thư Đảng ủy xã điều hành.")
    assert ("Phạm Thị Khuyến", "Phó Bí thư", "Đảng ủy xã Pa Vây Sử") in _roles(text)


def test_a_bare_commune_committee_in_another_paragraph_takes_the_articles_commune():
    text = ("Xã Nậm Tăm, xã Nậm Tăm và xã Nậm Tăm được khen. Ông Hoàng Văn Sự, Bí thư Đảng ủy xã Pa Vây Sử dự.\n"
            "Đồng chí Phạm Thị Khuyến – Phó Bí thư Đảng ủy xã điều hành.")
    assert ("Phạm Thị Khuyến", "Phó Bí thư", "Đảng ủy xã Nậm Tăm") in _roles(text)


def test_a_post_followed_by_a_bare_unit_word_and_the_holders_name():
    roles = _roles("Phó Chủ tịch tỉnh Đinh Văn An dự lễ khánh thành cầu tại tỉnh Nghệ An.")
    assert ("Đinh Văn An", "Phó Chủ tịch", "tỉnh Nghệ An") in roles


def test_cua_after_a_post_introduces_its_body():
    roles = _roles("Ông Tạ Văn Thành, nguyên Trưởng Ban Kinh tế - Ngân sách của HĐND thành phố Hải Phòng, được bổ nhiệm.")
    assert ("Tạ Văn Thành", "Trưởng Ban Kinh tế - Ngân sách", "HĐND thành phố Hải Phòng") in roles


def test_cua_before_a_lower_case_word_adds_no_body():
    assert ("Tạ Văn An", "Giám đốc", "") in _roles("Ông Tạ Văn An, Giám đốc của công ty cho biết.")


def test_the_department_of_a_cuc_truong_written_in_lower_case_runs_to_its_unit():
    roles = _roles("Ông Bùi Mạnh Khôi, Bí thư Đảng ủy, Cục trưởng Cục thi hành án dân sự tỉnh Thanh Hóa.")
    assert ("Bùi Mạnh Khôi", "Cục trưởng", "Cục thi hành án dân sự tỉnh Thanh Hóa") in roles
    assert ("Bùi Mạnh Khôi", "Bí thư", "Đảng ủy Cục thi hành án dân sự tỉnh Thanh Hóa") in roles


def test_posts_in_a_fronted_clause_belong_to_the_subject_after_its_comma():
    text = ("Trong thời gian giữ chức vụ Phó Chủ tịch UBND huyện (từ 7/2014 - 10/2017), sau đó là Chủ tịch UBND "
            "huyện Đắk Mil từ năm 2017 đến nay, ông Ngô Xuân Đức đã vi phạm.")
    got = {(r.title, r.organization, r.former) for r in nlp.extract(text).roles if r.person == "Ngô Xuân Đức"}
    assert ("Phó Chủ tịch UBND", "UBND huyện Đắk Mil", True) in got
    assert ("Chủ tịch UBND", "UBND huyện Đắk Mil", False) in got
    assert _former("Khi còn là Bí thư Huyện ủy Kỳ Sơn, ông Lê Văn Hải đã chỉ đạo.") == {("Lê Văn Hải", "Bí thư"): True}


def test_a_fronted_clause_whose_subject_is_not_a_named_person_gives_no_role():
    assert _roles("Trong thời gian làm Giám đốc Sở, nhiều sai phạm xảy ra và ông Lê Văn Hải phải chịu trách nhiệm.") \
        == set()


def test_the_standing_member_of_the_secretariat_is_one_post_of_the_secretariat():
    roles = _roles("Ông Trần Cẩm Tú, Ủy viên Bộ Chính trị, Thường trực Ban Bí thư, dự hội nghị.")
    assert ("Trần Cẩm Tú", "Thường trực Ban Bí thư", "Ban Bí thư") in roles
    assert ("Trần Cẩm Tú", "Ủy viên", "Bộ Chính trị") in roles


def test_a_named_body_whose_head_is_written_in_lower_case():
    roles = _roles("Bà Khổng Thị Mai, Giám đốc điều hành công ty TNHH nhôm Hòa Phát Việt Nam; ông Trịnh Thiện Chức, "
                   "Giám đốc trung tâm dạy nghề Thanh Phúc.")
    assert ("Khổng Thị Mai", "Giám đốc điều hành", "công ty TNHH nhôm Hòa Phát Việt Nam") in roles
    assert ("Trịnh Thiện Chức", "Giám đốc", "trung tâm dạy nghề Thanh Phúc") in roles


def test_a_bare_lower_case_body_after_a_post_is_not_an_organisation():
    roles = _roles("Ông Lò Văn An, Giám đốc công ty cho biết. Ông Lò Văn Bình, Giám đốc trung tâm, phát biểu.")
    assert roles == {("Lò Văn An", "Giám đốc", ""), ("Lò Văn Bình", "Giám đốc", "")}


def test_posts_separated_by_dashes_in_an_apposition():
    roles = _roles("Đồng chí Lý Văn An – Phó Bí thư Tỉnh ủy – Chủ tịch UBND tỉnh Nghệ An phát biểu.")
    assert ("Lý Văn An", "Phó Bí thư", "Tỉnh ủy Nghệ An") in roles
    assert ("Lý Văn An", "Chủ tịch UBND", "UBND tỉnh Nghệ An") in roles
    table = "GS. Lý Văn Tuấn\nChủ tịch Hội đồng trường -Ủy viên Ban thường vụ Đảng ủy\nViện trưởng Viện Cơ khí\n"
    assert ("Lý Văn Tuấn", "Ủy viên Ban thường vụ", "Đảng ủy") in _roles(table)


def test_a_caption_post_then_a_dash_then_the_name():
    assert ("Lý Văn Bình", "Bí thư", "Tỉnh ủy Nghệ An") in _roles("Bí thư Tỉnh ủy Nghệ An - Lý Văn Bình - phát biểu.")


def test_a_post_between_two_names_joined_by_dashes_is_the_first_ones():
    roles = _roles("Ông Trần Văn An - Bí thư Huyện ủy Yên Thành - Lý Văn Bình cùng dự.")
    assert ("Trần Văn An", "Bí thư", "Huyện ủy Yên Thành") in roles
    assert not any(p == "Lý Văn Bình" for p, _, _ in roles)


def test_posts_a_person_is_relieved_of_are_former_ones():
    text = ("Hội nghị đồng ý để đồng chí Lê Văn Nhân thôi giữ chức Chủ tịch Ủy ban MTTQ Việt Nam tỉnh và không "
            "tiếp tục tham gia Ủy viên Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh khóa XV.")
    assert _former(text) == {("Lê Văn Nhân", "Chủ tịch Ủy ban MTTQ Việt Nam"): True,
                             ("Lê Văn Nhân", "Ủy viên Ban Thường trực Ủy ban MTTQ Việt Nam"): True}
    assert _former("Ông Lê Văn Nhân được miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh.") \
        == {("Lê Văn Nhân", "Phó Chủ tịch UBND"): True}


def test_a_company_name_after_its_legal_form_is_not_a_holder_of_the_post():
    roles = _roles("Ông Trần Khắc Tâm, Tổng Giám đốc Công ty TNHH Trần Liên Hưng, phát biểu.")
    assert roles == {("Trần Khắc Tâm", "Tổng Giám đốc", "Công ty TNHH Trần Liên Hưng")}


def test_the_head_of_a_village_branch_of_an_association():
    roles = _roles("Chị Đinh Thị Hoa, Chi hội trưởng Chi hội Phụ nữ thôn 3, xã Ea Kao.")
    assert ("Đinh Thị Hoa", "Chi hội trưởng", "Chi hội Phụ nữ thôn 3") in roles


def test_a_deputy_in_charge_of_an_office_takes_that_office():
    roles = _roles("Bà Nguyễn Thị Hồng, Phó Trưởng phòng phụ trách Phòng Giáo dục và Đào tạo huyện Yên Thành.")
    assert ("Nguyễn Thị Hồng", "Phó Trưởng phòng", "Phòng Giáo dục và Đào tạo huyện Yên Thành") in roles
    roles = _roles("Ông Lê Văn Toàn, Phó Giám đốc phụ trách Sở Tài chính, cho biết.")
    assert ("Lê Văn Toàn", "Phó Giám đốc", "Sở Tài chính") in roles
