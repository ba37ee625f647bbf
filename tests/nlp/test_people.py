"""Persons, roles and organizations: one behaviour per test, on sentences written in the genre
(other provinces, other names than the dev gold)."""
import unicodedata

from partyfacts import nlp
from partyfacts.nlp import people
from partyfacts.nlp.doc import Document
from partyfacts.nlp.people.model import person_scorer
from partyfacts.nlp.text import Text


def run(text, scorer=None):
    # these tests pin the rules (no scorer); the model has its own tests
    return people.find_people(Document(Text.of(text)), [], scorer=scorer)


def names(text):
    return [p.name for p in run(text)[0]]


def roles(text):
    return [(r.person, r.title, r.organization) for r in run(text)[1]]


def role_titles(text):
    return [(r.person, r.title) for r in run(text)[1]]


# --- persons -----------------------------------------------------------------------------------

def test_name_after_dong_chi_is_a_person():
    assert names("Dự hội nghị có đồng chí Lê Quang Tùng và đại diện các sở.") == ["Lê Quang Tùng"]


def test_name_after_abbreviated_dc_is_a_person():
    assert names("Đ/c Hà Văn Khoa phát biểu.") == ["Hà Văn Khoa"]


def test_name_after_ong_ba_anh_chi_is_a_person():
    assert names("Ông Tống Văn Bảy, bà Ngô Thị Lựu và chị Triệu Thị Mây cùng tham gia.") == [
        "Tống Văn Bảy", "Ngô Thị Lựu", "Triệu Thị Mây"]


def test_thai_and_hmong_names_are_persons():
    assert names("Đồng chí Lò Văn Puốn và anh Giàng A Tủa đã đến thăm bản.") == ["Lò Văn Puốn", "Giàng A Tủa"]


def test_central_highlands_names_are_persons():
    got = names("Cùng đi có đồng chí Ksor Phước Hà, đồng chí Rơ Mah Tuân và chị H'Lan Niê.")
    assert got == ["Ksor Phước Hà", "Rơ Mah Tuân", "H'Lan Niê"]


def test_y_prefixed_ede_name_is_a_person():
    assert names("Đồng chí Y Jut Buôn Krông, Bí thư Huyện ủy Lắk chủ trì.") == ["Y Jut Buôn Krông"]


def test_khmer_two_syllable_name_after_title_and_agency_is_a_person():
    assert names("Trả lời chất vấn, Giám đốc Sở Tài chính Thạch Hoàng phát biểu.") == ["Thạch Hoàng"]


def test_surname_led_name_without_cue_is_a_person():
    assert names("Nguyễn Thị Mơ cho biết gia đình đã thoát nghèo.") == ["Nguyễn Thị Mơ"]


def test_name_in_capitals_is_a_person():
    assert names("Tin, ảnh: HOÀNG HÀ") == ["HOÀNG HÀ"]


def test_school_named_after_a_person_is_not_a_person():
    assert names("Học sinh Trường THCS Lý Tự Trọng và Trường Tiểu học Nguyễn Văn Trỗi dự lễ.") == []


def test_street_and_city_named_after_a_person_are_not_persons():
    assert names("Trụ sở mới trên đường Phan Đình Phùng, Thành phố Hồ Chí Minh.") == []


def test_ideology_and_award_names_are_not_persons():
    text = ("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; trao Giải thưởng "
            "Võ Trường Toản và Huân chương Hồ Chí Minh.")
    assert names(text) == []


def test_historical_person_referred_to_as_person_counts():
    assert names("Chủ tịch Hồ Chí Minh đã dạy cán bộ phải gần dân.") == ["Hồ Chí Minh"]


def test_commune_named_with_a_surname_is_not_a_person():
    assert names("Giải phóng mặt bằng ở các xã Hoàng Tiến, Lê Lợi và Trần Hưng Đạo.") == []


def test_commune_after_title_and_body_is_not_a_person():
    text = "Đồng chí Vũ Thị Nhàn giữ chức Bí thư Đảng ủy xã Hoàng Tân; Đảng ủy xã Hoàng Tân có 300 đảng viên."
    assert names(text) == ["Vũ Thị Nhàn"]


def test_name_inside_company_name_is_not_a_person():
    assert names("Công ty TNHH Trần Anh tài trợ 50 suất quà.") == []


def test_fund_named_after_a_person_is_not_a_person():
    assert names("Sinh viên nhận học bổng của Quỹ học bổng Vừ A Dính.") == []


def test_initials_and_pen_names_are_not_persons():
    assert names("Nội dung bài viết.\n\nT.Hà") == []
    assert names("Nội dung bài viết.\n\nP.V") == []


def test_byline_of_two_syllables_is_a_person():
    assert names("Huyện đã kết nạp 120 đảng viên mới.\n\nThanh Hải") == ["Thanh Hải"]


def test_byline_with_title_gives_person_and_role():
    text = "Huyện đã kết nạp 120 đảng viên mới.\n\nMinh Tâm - Ủy viên UBKT Huyện ủy"
    assert names(text) == ["Minh Tâm"]
    assert role_titles(text) == [("Minh Tâm", "Ủy viên UBKT")]


def test_source_line_is_not_a_byline():
    assert names("Huyện đã kết nạp 120 đảng viên mới.\n\nNguồn: BGĐT") == []


def test_given_name_only_links_to_the_full_name():
    persons = run("Đồng chí Khúc Văn Lượng phát biểu. Đồng chí Lượng đề nghị các xã quan tâm.")[0]
    assert [p.name for p in persons] == ["Khúc Văn Lượng"]
    assert len(persons[0].mentions) == 2


def test_surname_plus_given_name_is_a_variant_of_the_full_name():
    persons = run("Đồng chí Hứa Minh Đạt phát biểu. Thay mặt tập thể, đồng chí Hứa Đạt cảm ơn.")[0]
    assert [p.name for p in persons] == ["Hứa Minh Đạt"]
    assert persons[0].variants == ("Hứa Đạt",)


def test_full_name_is_kept_when_the_short_form_comes_first():
    persons = run("Bà Thu Hà cho biết. Bà Lê Thị Thu Hà là hội viên tiêu biểu.")[0]
    assert [p.name for p in persons] == ["Lê Thị Thu Hà"]


def test_nfd_input_gives_spans_into_the_input():
    text = unicodedata.normalize("NFD", "Dự có đồng chí Nguyễn Thị Lựu, Bí thư Huyện ủy Quế Phong.")
    ex = nlp.extract(text, disable=["people.model"])
    p = [p for p in ex.persons if p.name == "Nguyễn Thị Lựu"][0]
    a, b = p.mentions[0]
    assert unicodedata.normalize("NFC", text[a:b]) == "Nguyễn Thị Lựu"
    r = [r for r in ex.roles if r.person == "Nguyễn Thị Lựu"][0]
    assert unicodedata.normalize("NFC", text[r.span[0]:r.span[1]]) == "Bí thư Huyện ủy Quế Phong"


# --- roles -------------------------------------------------------------------------------------

def test_title_after_name_with_comma():
    assert roles("Đồng chí Lê Văn Hòa, Bí thư Huyện ủy Yên Thành phát biểu.") == [
        ("Lê Văn Hòa", "Bí thư", "Huyện ủy Yên Thành")]


def test_title_after_name_with_dash():
    assert roles("Đồng chí Đậu Thị Hằng – Phó Chủ tịch UBND huyện Quỳnh Lưu dự.") == [
        ("Đậu Thị Hằng", "Phó Chủ tịch UBND", "UBND huyện Quỳnh Lưu")]


def test_title_in_brackets():
    assert roles("Ông Lục Văn Thắng (Giám đốc Hợp tác xã Chè Tân Hương) chia sẻ.") == [
        ("Lục Văn Thắng", "Giám đốc", "Hợp tác xã Chè Tân Hương")]


def test_title_before_name_with_organization_and_place():
    assert roles("Chủ tịch UBND huyện Bảo Lạc Nông Văn Tuấn trao quà.") == [
        ("Nông Văn Tuấn", "Chủ tịch UBND", "UBND huyện Bảo Lạc")]


def test_attendee_list_gives_each_person_their_titles():
    text = ("Dự có các đồng chí: Hầu A Lềnh, Bí thư Tỉnh ủy; Giàng Thị Hoa, Phó Trưởng Ban Dân vận "
            "Trung ương; Lê Minh Ngân, Phó Chủ tịch UBND tỉnh Lào Cai.")
    assert role_titles(text) == [("Hầu A Lềnh", "Bí thư"), ("Giàng Thị Hoa", "Phó Trưởng Ban Dân vận"),
                                 ("Lê Minh Ngân", "Phó Chủ tịch UBND")]


def test_two_titles_in_one_apposition_give_two_roles_sharing_the_committee():
    got = roles("Đồng chí Phan Thị Hạnh, UVBTV, Trưởng Ban Tổ chức Đảng ủy Khối cơ quan tỉnh dự.")
    assert got == [("Phan Thị Hạnh", "UVBTV", "Đảng ủy Khối cơ quan tỉnh"),
                   ("Phan Thị Hạnh", "Trưởng Ban Tổ chức", "Đảng ủy Khối cơ quan tỉnh")]


def test_abbreviated_title_gets_expanded_form():
    r = run("Đồng chí Lý Văn Hưng, UVBTV Tỉnh ủy dự.")[1][0]
    assert (r.title, r.title_expanded) == ("UVBTV", "Ủy viên Ban Thường vụ")


def test_former_post_is_marked_and_title_drops_nguyen():
    r = run("Ông Tô Văn Thành, nguyên Chủ tịch UBND tỉnh Cao Bằng, về thăm trường.")[1][0]
    assert (r.title, r.former, r.organization) == ("Chủ tịch UBND", True, "UBND tỉnh Cao Bằng")


def test_elected_post_after_duoc_bau_giu_chuc():
    text = "Đồng chí Mạc Văn Tiến được bầu giữ chức Chủ tịch HĐND huyện Thạch An."
    assert roles(text) == [("Mạc Văn Tiến", "Chủ tịch HĐND", "HĐND huyện Thạch An")]


def test_appointed_post_after_apposition_gives_both_posts():
    text = ("Bổ nhiệm đồng chí Chu Thị Yến, Phó Giám đốc Trung tâm Y tế huyện Hòa An giữ chức "
            "Giám đốc Trung tâm Y tế huyện Hòa An.")
    assert role_titles(text) == [("Chu Thị Yến", "Phó Giám đốc"), ("Chu Thị Yến", "Giám đốc")]


def test_coordinated_persons_share_the_elected_post():
    text = "Các đồng chí Hoàng Văn Sơn và Bế Thị Lan được bầu giữ chức Phó Bí thư Huyện ủy Hà Quảng."
    assert role_titles(text) == [("Hoàng Văn Sơn", "Phó Bí thư"), ("Bế Thị Lan", "Phó Bí thư")]


def test_bare_committee_is_completed_from_the_article_place():
    text = ("Huyện ủy Nguyên Bình tổ chức hội nghị. Đồng chí Đàm Văn Quý, Phó Bí thư Thường trực "
            "Huyện ủy phát biểu.")
    assert roles(text) == [("Đàm Văn Quý", "Phó Bí thư Thường trực", "Huyện ủy Nguyên Bình")]


def test_bare_dang_uy_is_completed_with_the_commune_of_the_article():
    text = ("Đảng bộ xã Minh Tâm tổng kết năm. Đồng chí Lưu Thị Nga, Phó Bí thư Thường trực Đảng ủy "
            "cho biết xã Minh Tâm có 12 chi bộ.")
    assert roles(text) == [("Lưu Thị Nga", "Phó Bí thư Thường trực", "Đảng ủy xã Minh Tâm")]


def test_bare_unit_in_body_is_completed_from_the_article():
    text = "UBND huyện Trùng Khánh tổ chức lễ. Ông Đinh Văn Lộc, Phó Chủ tịch UBND huyện phát biểu."
    assert roles(text) == [("Đinh Văn Lộc", "Phó Chủ tịch UBND", "UBND huyện Trùng Khánh")]


def test_province_known_only_from_nothing_is_not_added():
    assert roles("Đồng chí Trương Văn Mười, Ủy viên Ban Thường vụ Tỉnh ủy dự.") == [
        ("Trương Văn Mười", "Ủy viên Ban Thường vụ", "Tỉnh ủy")]


def test_department_inside_an_agency_stays_in_the_title():
    text = "Bác sĩ Lâm Thị Kiều, Trưởng Khoa Nhi, Bệnh viện Đa khoa tỉnh Trà Vinh cho biết."
    assert roles(text) == [("Lâm Thị Kiều", "Trưởng Khoa Nhi", "Bệnh viện Đa khoa tỉnh Trà Vinh")]


def test_council_commission_keeps_the_council_in_the_title():
    assert roles("Đồng chí Kiều Văn Lâm, Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh Hà Nam dự.") == [
        ("Kiều Văn Lâm", "Trưởng Ban Kinh tế - Ngân sách HĐND", "HĐND tỉnh Hà Nam")]


def test_front_committee_is_title_and_organization():
    assert roles("Bà Vi Thị Hương, Chủ tịch Ủy ban MTTQ Việt Nam huyện Lộc Bình phát biểu.") == [
        ("Vi Thị Hương", "Chủ tịch Ủy ban MTTQ Việt Nam", "Ủy ban MTTQ Việt Nam huyện Lộc Bình")]


def test_military_rank_is_not_part_of_the_title():
    assert roles("Đại tá Hà Văn Tuấn, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Bắc Kạn dự.") == [
        ("Hà Văn Tuấn", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Bắc Kạn")]


def test_statuses_and_forms_of_address_are_not_positions():
    text = ("Chị Đinh Thị Nụ, đảng viên mới ở thôn Đông, và già làng A Thút, người có uy tín, "
            "cùng cô giáo Trần Thị Mận dự lễ.")
    assert roles(text) == []


def test_job_inside_a_named_body_is_a_position():
    assert roles("Bài viết của Đoàn Minh Quân – Phóng viên Đài PT-TH Bình Phước") == [
        ("Đoàn Minh Quân", "Phóng viên", "Đài PT-TH Bình Phước")]


def test_same_post_written_twice_is_one_role():
    text = ("Đồng chí Âu Văn Lành, Bí thư Huyện ủy Tràng Định phát biểu. Bí thư Huyện ủy Tràng Định "
            "Âu Văn Lành nhấn mạnh.")
    assert roles(text) == [("Âu Văn Lành", "Bí thư", "Huyện ủy Tràng Định")]


def test_tone_mark_variants_of_committees_are_both_read():
    a = roles("Đồng chí Tạ Văn Long, Bí thư Thành uỷ Thái Nguyên dự.")
    b = roles("Đồng chí Tạ Văn Long, Bí thư Thành ủy Thái Nguyên dự.")
    assert a == [("Tạ Văn Long", "Bí thư", "Thành uỷ Thái Nguyên")]
    assert b == [("Tạ Văn Long", "Bí thư", "Thành ủy Thái Nguyên")]


def test_member_title_implies_its_committee():
    text = "Tỉnh ủy Yên Bái họp. Đồng chí Hoàng Thị Vạn, Tỉnh ủy viên, Giám đốc Sở Nội vụ dự."
    got = roles(text)
    assert ("Hoàng Thị Vạn", "Tỉnh ủy viên", "Tỉnh ủy Yên Bái") in got


def test_title_before_name_through_comma_and_dong_chi():
    assert role_titles("Phát biểu tại hội nghị, Bí thư Huyện ủy Văn Chấn, đồng chí Nông Văn Hùng nêu rõ.") == [
        ("Nông Văn Hùng", "Bí thư")]


# --- organizations -----------------------------------------------------------------------------

def test_organizations_are_listed_with_their_mentions():
    orgs = run("Huyện ủy Cô Tô và UBND huyện Cô Tô phối hợp với Sở Y tế tỉnh Quảng Ninh. Huyện ủy Cô Tô chỉ đạo.")[2]
    by_name = {o.name: len(o.mentions) for o in orgs}
    assert by_name["Huyện ủy Cô Tô"] == 2
    assert by_name["UBND huyện Cô Tô"] == 1
    assert by_name["Sở Y tế tỉnh Quảng Ninh"] == 1



def test_name_in_a_capitals_heading_after_dong_chi():
    assert names("ĐỒNG CHÍ TRIỆU VĂN QUÂN THĂM VÀ LÀM VIỆC TẠI HUYỆN BA BỂ") == ["TRIỆU VĂN QUÂN"]


def test_photo_credit_in_brackets_is_a_person():
    assert names("Lãnh đạo tỉnh trao quà cho các hộ nghèo. (Ảnh: Văn Toàn)") == ["Văn Toàn"]


def test_co_authors_on_the_byline_are_two_persons():
    assert names("Hội nghị kết thúc tốt đẹp.\n\nMinh Đức - Hải Yến") == ["Minh Đức", "Hải Yến"]


def test_byline_is_not_merged_into_a_person_of_the_story():
    text = "Đồng chí Quách Công Bình, Bí thư Huyện ủy phát biểu.\n\nQuách Bình"
    assert names(text) == ["Quách Công Bình", "Quách Bình"]


def test_one_token_k_apostrophe_name_is_a_person():
    assert role_titles("Đồng chí K'Bình, Phó Chủ tịch UBND huyện Lạc Dương dự.") == [("K'Bình", "Phó Chủ tịch UBND")]


def test_unlisted_family_name_with_van_or_thi_is_a_person():
    assert names("Chẻo Văn Dền cho biết cả bản đã có điện.") == ["Chẻo Văn Dền"]


def test_earlier_post_after_truoc_do_la():
    text = "Bổ nhiệm ông Lã Văn Tới giữ chức Phó Giám đốc Sở Xây dựng. Ông Lã Văn Tới trước đó là Trưởng phòng Quản lý nhà, Sở Xây dựng."
    assert role_titles(text) == [("Lã Văn Tới", "Phó Giám đốc"), ("Lã Văn Tới", "Trưởng phòng Quản lý nhà")]


def test_preposition_keeps_someone_elses_job_off_the_name():
    text = "Trả lời câu hỏi của phóng viên Báo Lào Cai, ông Hoàng Quốc Khánh cho biết tỉnh đã có kế hoạch."
    assert roles(text) == []


def test_post_before_doi_voi_belongs_to_the_person_after_it():
    text = "HĐND tỉnh miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026 đối với ông Ngô Đức Vượng."
    assert role_titles(text) == [("Ngô Đức Vượng", "Phó Chủ tịch UBND")]


def test_moi_truong_is_not_a_school_before_a_name():
    text = "Bộ trưởng Bộ Tài nguyên và Môi trường Trần Hồng Hà thăm mô hình."
    assert names(text) == ["Trần Hồng Hà"]


def test_capitalised_holiday_before_a_title_is_not_a_person():
    text = "Nhân dịp Tết Độc Lập, Chủ tịch UBND tỉnh đến thăm các gia đình chính sách."
    assert [p.name for p in run(text, scorer=person_scorer())[0]] == []


def test_same_title_in_two_bodies_gives_two_roles():
    text = ("Đồng chí Mai Văn Huỳnh, Bí thư Huyện ủy Lạng Giang. Trước đây, đồng chí Mai Văn Huỳnh, "
            "nguyên Bí thư Thành ủy Bắc Giang, đã có nhiều đóng góp.")
    assert roles(text) == [("Mai Văn Huỳnh", "Bí thư", "Huyện ủy Lạng Giang"),
                           ("Mai Văn Huỳnh", "Bí thư", "Thành ủy Bắc Giang")]


def test_name_at_the_end_of_a_long_company_name_is_not_a_person():
    assert names("Công ty Cổ phần Đầu tư Xây dựng Hoàng Long tài trợ 200 triệu đồng.") == []


def test_holder_named_after_a_long_company_name_is_a_person():
    text = "Giám đốc Công ty Cổ phần Sông Đà Nguyễn Văn Bình phát biểu."
    assert roles(text) == [("Nguyễn Văn Bình", "Giám đốc", "Công ty Cổ phần Sông Đà")]


def test_memorial_named_with_a_title_and_name_is_not_a_person():
    assert names("Đoàn dâng hương tại Khu tưởng niệm Tổng Bí thư Trần Phú ở Đức Thọ.") == []


def test_department_without_its_body_stays_in_the_title():
    assert role_titles("Bác sĩ Lý Văn Tú, Trưởng khoa Hồi sức tích cực cho biết.") == [
        ("Lý Văn Tú", "Trưởng khoa Hồi sức tích cực")]


def test_place_repeated_without_its_unit_word_is_not_a_person():
    text = "Xã Hoàng Châu có 5 thôn. Sau 3 năm, Hoàng Châu đã về đích nông thôn mới."
    assert names(text) == []


def test_post_after_lam_with_a_capitalised_title_and_an_appointing_body_in_between():
    text = ("Bộ Chính trị phân công đồng chí Hầu A Lềnh, Bí thư Tỉnh ủy làm Phó Trưởng Ban Dân vận Trung ương. "
            "Đồng chí Giàng Páo Mỷ được Bộ Chính trị chỉ định giữ chức Bí thư Tỉnh ủy Lai Châu.")
    assert role_titles(text) == [("Hầu A Lềnh", "Bí thư"), ("Hầu A Lềnh", "Phó Trưởng Ban Dân vận"),
                                 ("Giàng Páo Mỷ", "Bí thư")]


def test_credit_line_at_the_top_is_a_byline():
    assert names("Tin, ảnh: Minh Khuê\n\nHuyện đã kết nạp 120 đảng viên mới.\n\nCác tin khác") == ["Minh Khuê"]


def test_numbered_ward_inside_a_committee_name():
    orgs = run("UBND Phường 5 tổ chức hội nghị.")[2]
    assert [o.name for o in orgs] == ["UBND Phường 5"]


def test_city_after_tp_dot_is_not_a_person():
    assert names("Sản phẩm được bán tại Hà Nội, TP. Hồ Chí Minh và các tỉnh phía Nam.") == []


def test_bridge_or_temple_named_like_a_person_is_not_a_person():
    assert names("Cầu Hoàng Văn Thụ và Đền Trần Hưng Đạo được tu bổ.") == []


def test_title_before_a_colon_list_heads_every_name():
    text = "Dự có hai đồng chí Phó Chủ tịch UBND tỉnh: Vi Văn Ngọ và Đinh Thị Mai."
    assert role_titles(text) == [("Vi Văn Ngọ", "Phó Chủ tịch UBND"), ("Đinh Thị Mai", "Phó Chủ tịch UBND")]


def test_name_in_capitals_followed_by_a_title_is_a_person():
    assert role_titles("LÒ VĂN MƯỜI, Bí thư Đảng ủy xã Mường So, chia sẻ.") == [("LÒ VĂN MƯỜI", "Bí thư")]


def test_department_of_a_central_city_is_completed_with_the_city():
    text = "UBND thành phố Đà Nẵng họp báo. Ông Trần Văn Sơn, Giám đốc Sở Du lịch cho biết."
    assert roles(text) == [("Trần Văn Sơn", "Giám đốc", "Sở Du lịch thành phố Đà Nẵng")]


def test_delegate_at_a_council_session_belongs_to_that_council():
    text = ("HĐND tỉnh Bạc Liêu khai mạc Kỳ họp thứ 15. Tại phiên chất vấn, đại biểu Lâm Thị Mỹ Hạnh "
            "đề nghị làm rõ giải pháp chống sạt lở.")
    assert roles(text) == [("Lâm Thị Mỹ Hạnh", "đại biểu", "HĐND tỉnh Bạc Liêu")]


def test_country_after_a_title_is_not_a_person_when_places_know_it():
    from partyfacts.nlp.types import Place
    text = "Thủ tướng tiếp Đại sứ Hàn Quốc tại Việt Nam Choi Young Sam."
    places = [Place(name="Hàn Quốc", type="quốc gia", province="", mentions=((23, 31),))]
    got = [p.name for p in people.find_people(Document(Text.of(text)), places)[0]]
    assert "Hàn Quốc" not in got
