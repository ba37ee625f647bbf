"""Places: each case pins one behaviour of nlp.places on a sentence written for the test in the genre
of provincial party/government news (other provinces and names than the dev gold)."""
from __future__ import annotations

import unicodedata

import pytest

from partyfacts import nlp
from partyfacts.nlp.doc import Document
from partyfacts.nlp.places import find_places
from partyfacts.nlp.text import Text


def found(text: str, site: str | None = None, url: str | None = None):
    return find_places(Document(Text.of(text), site=site, url=url))


def names(text: str, **kw) -> list[str]:
    return [p.name for p in found(text, **kw)]


def one(text: str, name: str, **kw):
    ps = [p for p in found(text, **kw) if p.name == name]
    assert len(ps) == 1, [(p.name, p.type) for p in found(text, **kw)]
    return ps[0]


# --- unit word + name -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Đoàn công tác thăm xã Quỳnh Thạch, huyện Quỳnh Lưu.", ["Quỳnh Thạch", "Quỳnh Lưu"]),
    ("Hội nghị do UBND tỉnh Gia Lai tổ chức.", ["Gia Lai"]),
    ("Đảng bộ thị trấn Cầu Giát tổ chức đại hội.", ["Cầu Giát"]),
    ("Người dân phường Tân Phong rất phấn khởi.", ["Tân Phong"]),
    ("Đồng bào ở thôn Khuổi Khỏ đã có điện lưới.", ["Khuổi Khỏ"]),
    ("Nhiều hộ ở bản Hua Tát trồng mận hậu.", ["Hua Tát"]),
    ("Chi bộ buôn Ko Tam có 25 đảng viên.", ["Ko Tam"]),
    ("Ấp Prey Chóp A có 300 hộ đồng bào Khmer.", ["Prey Chóp A"]),
    ("Tổ dân phố Tân Tiến được công nhận khu dân cư kiểu mẫu.", ["Tân Tiến"]),
    ("Đại biểu đến từ Thủ đô Hà Nội.", ["Hà Nội"]),
])
def test_unit_word_then_name_gives_the_name_without_unit_word(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, name, typ", [
    ("Huyện ủy Quỳnh Lưu tổ chức hội nghị.", "Quỳnh Lưu", "huyện"),
    ("Thị ủy Ba Đồn tổ chức hội nghị.", "Ba Đồn", "thị xã"),
    ("Quận ủy Hoàn Kiếm kết nạp đảng viên.", "Hoàn Kiếm", "quận"),
    ("Thành uỷ Buôn Ma Thuột trao Huy hiệu Đảng.", "Buôn Ma Thuột", "thành phố"),
    ("Tỉnh ủy Nghệ An ban hành nghị quyết.", "Nghệ An", "tỉnh"),
    ("Ủy ban MTTQ Việt Nam xã Phúc Sen tổ chức ngày hội.", "Phúc Sen", "xã"),
    ("Đảng bộ phường Tân Phong tổ chức đại hội.", "Tân Phong", "phường"),
])
def test_place_inside_an_organization_name(text, name, typ):
    assert one(text, name).type == typ


def test_party_committee_of_province_level_city_is_the_city():
    p = one("Thành ủy Đà Nẵng chỉ đạo rà soát.", "Đà Nẵng")
    assert (p.type, p.province, p.code) == ("thành phố", "Đà Nẵng", "48")


# --- lists, chains and brackets --------------------------------------------------------------------

def test_list_after_plural_unit_word():
    assert names("UBND thành phố Hà Tĩnh làm việc với các phường Bắc Hà, Nam Hà, Tân Giang.") == [
        "Hà Tĩnh", "Bắc Hà", "Nam Hà", "Tân Giang"]


def test_list_introduced_by_nhu_and_closed_by_va():
    assert names("Một số xã như Hòa Phú, Hòa Tiến và Hòa Khương của huyện Hòa Vang.") == [
        "Hòa Phú", "Hòa Tiến", "Hòa Khương", "Hòa Vang"]


def test_list_of_villages_after_cac_thon():
    assert names("Chi bộ các thôn Nà Hẩu, Khau Vai đã được kiện toàn.") == ["Nà Hẩu", "Khau Vai"]


def test_list_ends_at_a_lowercase_word():
    assert names("Đoàn thăm các xã Pà Cò, Hang Kia và thăm gia đình chính sách.") == ["Pà Cò", "Hang Kia"]


def test_each_unit_word_of_a_mixed_list():
    ps = found("Các xã Lập Lễ, xã Kỳ Sơn và thị trấn Minh Đức ra quân làm thủy lợi.")
    assert [(p.name, p.type) for p in ps] == [("Lập Lễ", "xã"), ("Kỳ Sơn", "xã"), ("Minh Đức", "thị trấn")]


def test_bracketed_district_after_a_commune_is_a_place_and_its_parent():
    p = one("Đảng ủy xã Hợp Châu (Tam Đảo) kết nạp 5 đảng viên.", "Hợp Châu")
    assert p.province == "Vĩnh Phúc"
    assert "Tam Đảo" in names("Đảng ủy xã Hợp Châu (Tam Đảo) kết nạp 5 đảng viên.")


def test_comma_chain_resolves_an_ambiguous_commune():
    p = one("Ấp Tân Lập, xã Tân Thạnh, thị xã Giá Rai, tỉnh Bạc Liêu có 500 hộ.", "Tân Thạnh")
    assert (p.province, p.type, p.era) == ("Bạc Liêu", "xã", "legacy")
    assert p.code


# --- what is not a place -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Trường THCS Lê Quý Đôn và Bệnh viện Đa khoa tỉnh khai giảng năm học mới.",
    "Khu công nghiệp Bá Thiện nằm trên đường Lê Lợi, gần sông Hồng.",
    "Hợp tác xã Nông nghiệp Thành Công có 30 thành viên.",
    "Sở Lao động - Thương binh và Xã hội tỉnh cho biết.",
    "Lãnh đạo tỉnh, huyện và xã cùng dự.",
    "Già làng A Thút kể chuyện truyền thống.",
    "Giám đốc Sở Nông nghiệp và Phát triển nông thôn Danh Út trả lời chất vấn.",
    "Phó Chủ tịch UBND tỉnh Bùi Khắc Phiên dự hội nghị.",
    "Chị Hà Giang và anh Thái Bình đều là đảng viên trẻ.",
    "Đồng chí Nguyễn Thị Thanh Xuân phát biểu.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Ý kiến của cử tri được tiếp thu đầy đủ.",
    "Anh cho biết, gia đình đã thoát nghèo.",
    "Bản sắc văn hóa các dân tộc được gìn giữ.",
])
def test_not_places(text):
    assert names(text) == []


def test_name_after_a_unit_word_stops_before_a_person():
    assert names("Chủ tịch UBND xã Mường Phăng Lò Văn Pọm cho biết.") == ["Mường Phăng"]
    assert names("Bí thư Chi bộ thôn Phìn Hồ Thầu Sình Văn Páo cho biết.") == ["Phìn Hồ Thầu"]
    assert names("Bí thư Chi bộ buôn Ko Tam Y Ngông Niê cho biết.") == ["Ko Tam"]


def test_head_of_village_title_keeps_the_village():
    assert names("Trưởng bản Pá Khoang Lò Văn Pọm cho biết.") == ["Pá Khoang"]


def test_sentence_words_inside_names_are_not_unit_words():
    ps = found("Đài Phát thanh và Truyền hình Sóc Trăng; TP. Buôn Ma Thuột; Nhật Bản.")
    assert [p.name for p in ps] == ["Sóc Trăng", "Buôn Ma Thuột", "Nhật Bản"]


# --- bare names --------------------------------------------------------------------------------------

def test_bare_name_seen_with_unit_word_counts_every_mention():
    text = "Xã Hòa Tiến có 12 thôn. Năm nay, Hòa Tiến đạt chuẩn nông thôn mới."
    p = one(text, "Hòa Tiến")
    assert len(p.mentions) == 2


def test_bare_province_counts():
    assert names("Đoàn đã đến thăm Hà Nội, Huế, Đà Nẵng và Cần Thơ.") == ["Hà Nội", "Huế", "Đà Nẵng", "Cần Thơ"]


def test_bare_district_unique_in_the_country_counts_in_a_headline():
    p = one("Lục Ngạn: Kinh tế tăng trưởng khá nhờ vụ vải thiều", "Lục Ngạn")
    assert (p.type, p.province) == ("huyện", "Bắc Giang")


def test_bare_district_of_the_articles_province_counts():
    assert "Mộc Châu" in names("Tỉnh Sơn La có nhiều điểm du lịch; ở Mộc Châu du lịch cộng đồng phát triển.")


def test_province_name_inside_a_person_name_is_not_a_place():
    assert names("Phó Trưởng Ban Tổ chức Tỉnh ủy Trần Thái Bình dự hội nghị.") == []


def test_byline_alone_on_its_line_is_not_a_place():
    assert names("Hội nghị kết thúc tốt đẹp.\n\nMai Châu") == []


# --- countries and regions ---------------------------------------------------------------------------

def test_countries_in_a_list():
    ps = found("Vải thiều được xuất khẩu sang Trung Quốc, Nhật Bản, Hoa Kỳ, Úc và Thái Lan.")
    assert [(p.name, p.type) for p in ps] == [("Trung Quốc", "quốc gia"), ("Nhật Bản", "quốc gia"),
                                             ("Hoa Kỳ", "quốc gia"), ("Úc", "quốc gia"), ("Thái Lan", "quốc gia")]


def test_country_inside_an_organization_name():
    assert names("Ủy ban MTTQ Việt Nam tỉnh tổ chức hội nghị.") == ["Việt Nam"]


def test_one_word_country_needs_a_cue():
    assert names("Đoàn sang thăm nước Anh và Đức.") == ["Anh", "Đức"]
    assert names("Anh Nguyễn Văn Đức cho biết.") == []


def test_kingdom_prefix_is_dropped():
    assert names("Xã có đường biên giới giáp Vương quốc Campuchia.") == ["Campuchia"]


def test_regions_with_lowercase_common_words():
    ps = found("Tăng trưởng đứng thứ 4 vùng đồng bằng sông Cửu Long, trên cả Tây Nguyên và Tây Bắc.")
    assert [(p.name, p.type) for p in ps] == [("đồng bằng sông Cửu Long", "vùng"), ("Tây Nguyên", "vùng"),
                                             ("Tây Bắc", "vùng")]


def test_foreign_province_after_tinh():
    assert names("Giao lưu với tỉnh Hủa Phăn của nước bạn Lào.") == ["Hủa Phăn", "Lào"]


# --- Hồ Chí Minh City and numbered units ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Thành ủy TP.HCM chỉ đạo.", "Các đại biểu đến từ TP. Hồ Chí Minh.", "Đoàn công tác TPHCM.",
    "Thành phố Hồ Chí Minh có 168 phường, xã, đặc khu.", "Ban Tổ chức Thành ủy TP HCM.",
])
def test_ho_chi_minh_city_spellings(text):
    p = one(text, "Hồ Chí Minh")
    assert (p.type, p.code) == ("thành phố", "79")


def test_numbered_units_keep_their_unit_word():
    ps = found("Phường 5, Quận 3, TP. Hồ Chí Minh tổ chức lễ ra mắt tổ dân phố số 7 và khu phố 2.")
    assert [p.name for p in ps] == ["Phường 5", "Quận 3", "Hồ Chí Minh", "tổ dân phố số 7", "khu phố 2"]
    assert ps[0].province == "Hồ Chí Minh" and ps[0].code


def test_percent_after_unit_word_is_not_a_numbered_unit():
    assert names("Đến nay 100% thôn có nhà văn hóa, các thôn 100% hộ dùng điện.") == []


# --- resolution: type, province, code, successor, era ---------------------------------------------------

def test_resolved_commune_carries_code_province_and_successor():
    p = one("Đảng ủy xã Thanh Trù, thành phố Vĩnh Yên tổ chức hội nghị.", "Thanh Trù")
    assert (p.type, p.province, p.code, p.era) == ("xã", "Vĩnh Phúc", "08731", "legacy")
    assert (p.successor.name, p.successor.type, p.successor.province) == ("Vĩnh Yên", "phường", "Phú Thọ")


def test_ambiguous_commune_resolved_by_the_articles_province():
    text = "Tỉnh ủy Bắc Giang chỉ đạo. Nhiều hộ trồng vải ở xã Tân Lập đã áp dụng VietGAP."
    p = one(text, "Tân Lập")
    assert p.province == "Bắc Giang" and p.code


def test_ambiguous_commune_resolved_by_site_host():
    text = "Đảng ủy xã Ngọc Thanh tổ chức hội nghị sơ kết."
    assert one(text, "Ngọc Thanh").province == ""
    assert one(text, "Ngọc Thanh", site="vinhphuc.gov.vn").province == "Vĩnh Phúc"
    assert one(text, "Ngọc Thanh", url="https://vinhphuc.gov.vn/tin-tuc/123").province == "Vĩnh Phúc"


def test_ambiguous_commune_without_context_stays_unresolved():
    p = one("Đảng ủy xã Tân Lập tổ chức hội nghị.", "Tân Lập")
    assert (p.province, p.code, p.successor) == ("", "", None)


def test_commune_merged_before_the_gazetteer_date_is_not_placed_elsewhere():
    # xã Hợp Thịnh (Tam Dương) was merged before 2025; a namesake in Bắc Giang must not be chosen,
    # the former-name list of the gazetteer places it in Vĩnh Phúc without a code
    p = one("Huyện ủy Tam Dương, tỉnh Vĩnh Phúc điều động cán bộ về xã Hợp Thịnh.", "Hợp Thịnh")
    assert (p.province, p.code) == ("Vĩnh Phúc", "")


def test_commune_of_another_province_than_the_article_stays_unresolved():
    p = one("Tỉnh ủy Cà Mau chỉ đạo; đoàn học tập mô hình ở xã Hiệp Hòa.", "Hiệp Hòa")
    assert (p.province, p.code) == ("", "")


def test_post_2025_ward_with_new_province_marker():
    p = one("Đảng bộ phường Vĩnh Phúc, tỉnh Phú Thọ (mới) tổ chức đại hội lần thứ I.", "Vĩnh Phúc")
    assert (p.type, p.province, p.era, p.successor) == ("phường", "Phú Thọ", "2025", None)


def test_old_unit_marker_gives_legacy_era():
    ps = found("Phường Thủ Dầu Một được thành lập trên cơ sở các phường của thành phố Thủ Dầu Một, "
               "tỉnh Bình Dương (cũ).")
    by = {(p.name, p.type): p for p in ps}
    assert by[("Bình Dương", "tỉnh")].era == "legacy"
    assert by[("Thủ Dầu Một", "thành phố")].era == "legacy"
    assert by[("Thủ Dầu Một", "phường")].era == "2025"


def test_special_zone_is_a_2025_unit():
    p = one("Cán bộ được điều động đến đặc khu Côn Đảo sau sắp xếp.", "Côn Đảo")
    assert (p.type, p.province, p.era) == ("đặc khu", "Hồ Chí Minh", "2025")


def test_city_and_province_of_the_same_name_are_two_places():
    ps = found("Hội trường UBND tỉnh, Phường 5, TP. Sóc Trăng; HĐND tỉnh Sóc Trăng khai mạc kỳ họp.")
    assert {(p.name, p.type) for p in ps} >= {("Sóc Trăng", "thành phố"), ("Sóc Trăng", "tỉnh")}


def test_village_takes_its_communes_province():
    p = one("Bản Hua Tát, xã Vân Hồ, huyện Vân Hồ, tỉnh Sơn La.", "Hua Tát")
    assert (p.type, p.province, p.code) == ("bản", "Sơn La", "")


def test_spelling_variants_of_dak():
    p = one("Huyện Đăk Glei và huyện Kon Plông giảm nghèo nhanh.", "Đăk Glei")
    assert p.province == "Kon Tum" and p.code


# --- spelling, Unicode, capitals, spans ------------------------------------------------------------------

def test_both_tone_placements_are_one_place():
    p = one("Huyện uỷ Thuỷ Nguyên và UBND huyện Thủy Nguyên.", "Thuỷ Nguyên")
    assert len(p.mentions) == 2 and p.province == "Hải Phòng"


def test_headline_in_capitals():
    text = "XÃ THANH TRÙ ĐÓN BẰNG CÔNG NHẬN ĐẠT CHUẨN NÔNG THÔN MỚI"
    assert names(text) == ["THANH TRÙ"]


def test_capitals_name_prefers_a_mixed_case_spelling():
    text = "XÃ THANH TRÙ ĐÓN BẰNG CÔNG NHẬN\n\nNgày 5/1, xã Thanh Trù tổ chức lễ đón bằng."
    p = one(text, "Thanh Trù")
    assert len(p.mentions) == 2


def test_spans_are_the_name_in_norm_text():
    text = "Đảng bộ huyện Đồng Văn (tỉnh Hà Giang) kết nạp 1.046 đảng viên."
    doc = Document(Text.of(text))
    for p in find_places(doc):
        for a, b in p.mentions:
            assert doc.norm[a:b] == p.name


def test_nfd_input_spans_point_into_the_input():
    text = unicodedata.normalize("NFD", "Ủy ban Kiểm tra Huyện ủy Thuận Châu, tỉnh Sơn La kiểm tra xã Phổng Lái.")
    ex = nlp.extract(text)
    got = {p.name: [unicodedata.normalize("NFC", text[a:b]) for a, b in p.mentions] for p in ex.places}
    assert got == {"Thuận Châu": ["Thuận Châu"], "Sơn La": ["Sơn La"], "Phổng Lái": ["Phổng Lái"]}


# --- more of the genre ---------------------------------------------------------------------------------

def test_youth_union_committees_name_their_unit():
    assert names("Tỉnh Đoàn Gia Lai và Thành Đoàn Hà Nội phối hợp; Huyện Đoàn Mai Châu tham gia.") == [
        "Gia Lai", "Hà Nội", "Mai Châu"]


def test_island_district():
    p = one("Tỉnh ủy làm việc với huyện đảo Cô Tô.", "Cô Tô")
    assert (p.type, p.province) == ("huyện", "Quảng Ninh")


def test_streets_and_oceans_named_after_places_are_not_places():
    assert names("Cửa hàng ở phố Huế, đường Lạng Sơn; tàu cá ra Thái Bình Dương.") == []


def test_foreign_capital_after_thu_do():
    assert names("Đoàn thăm Thủ đô Viêng Chăn (Lào).") == ["Viêng Chăn", "Lào"]


def test_one_word_village_that_is_a_name_syllable_is_not_a_village():
    assert names("Làng Văn hóa - Du lịch các dân tộc Việt Nam đón khách.") == ["Việt Nam"]


def test_province_before_a_persons_name_in_a_byline():
    assert names("Rơ Châm H'Nga – Phóng viên Báo Gia Lai") == ["Gia Lai"]


def test_headline_in_capitals_names_a_province():
    assert names("TUYÊN QUANG KỶ NIỆM 80 NĂM QUỐC DÂN ĐẠI HỘI") == ["TUYÊN QUANG"]


def test_former_town_gets_its_province_from_the_gazetteers_former_names():
    p = one("Thị ủy Cửa Lò tổ chức hội nghị; TX. Cửa Lò có 7 phường.", "Cửa Lò")
    assert (p.type, p.province, p.code) == ("thị xã", "Nghệ An", "")


def test_bare_commune_of_a_district_the_article_names():
    text = "Huyện ủy Bát Xát chỉ đạo các chi bộ. Nhiều hộ ở Trịnh Tường đã thoát nghèo."
    p = one(text, "Trịnh Tường")
    assert (p.type, p.province) == ("xã", "Lào Cai")


def test_bare_commune_name_without_its_district_is_not_a_place():
    assert names("Nhiều hộ ở Trịnh Tường đã thoát nghèo.") == []


def test_2025_commune_of_a_province_merged_into_the_new_one():
    text = ("Xã Nam Dong được thành lập trên cơ sở sáp nhập các xã của huyện Cư Jút, tỉnh Đắk Nông (cũ); "
            "Đảng bộ xã Nam Dong, tỉnh Lâm Đồng tổ chức đại hội.")
    p = one(text, "Nam Dong")
    assert (p.province, p.era) == ("Lâm Đồng", "2025")


def test_older_province_names_and_spellings_resolve():
    p = one("Tỉnh ủy Thừa Thiên Huế làm việc với UBND tỉnh Bắc Cạn.", "Thừa Thiên Huế")
    assert (p.type, p.province, p.code) == ("tỉnh", "Huế", "46")
    assert one("Tỉnh ủy Thừa Thiên Huế làm việc với UBND tỉnh Bắc Cạn.", "Bắc Cạn").province == "Bắc Kạn"


def test_countries_in_resistance_war_phrases():
    assert names("Kháng chiến chống thực dân Pháp và đế quốc Mỹ thắng lợi.") == ["Pháp", "Mỹ"]


@pytest.mark.parametrize("text", [
    "Chị Nguyễn Thị Huế cho biết.", "Mô hình ở xã Tân Lập, huyện Mỹ Đức.", "Học sinh học tiếng Anh.",
])
def test_one_word_names_inside_longer_names_or_phrases(text):
    assert "Huế" not in names(text) and "Mỹ" not in names(text) and "Anh" not in names(text)


@pytest.mark.parametrize("text", ["Ảnh: Thái Bình", "Bài, ảnh: Hà Giang"])
def test_photo_credit_is_a_person(text):
    assert names(text) == []


@pytest.mark.parametrize("text", [
    "Xã Anh hùng Lực lượng vũ trang nhân dân đón bằng.", "Xây dựng xã Nông thôn mới kiểu mẫu.",
])
def test_capitalised_common_words_after_a_unit_word_are_not_names(text):
    assert names(text) == []


def test_name_written_as_one_word():
    p = one("Đoàn viên các huyện Gio Linh, Đakrông và tỉnh Quảng Trị.", "Đakrông")
    assert (p.type, p.province) == ("huyện", "Quảng Trị")


def test_foreign_province_written_as_one_long_word():
    assert names("Kết nghĩa với tỉnh Savannakhet (Lào).") == ["Savannakhet", "Lào"]


def test_town_unit_word_keeps_the_legacy_era_in_a_2025_article():
    text = "Xã Lục Ngạn (mới) được thành lập trên cơ sở nhập thị trấn Chũ, tỉnh Bắc Giang (cũ) từ 1/7/2025."
    p = one(text, "Chũ")
    assert (p.type, p.era, p.province) == ("thị trấn", "legacy", "Bắc Giang")


def test_modifier_between_unit_word_and_name():
    assert names("Đoàn thăm xã biên giới Ia Púch và huyện vùng cao Đồng Văn.") == ["Ia Púch", "Đồng Văn"]
    assert names("Các xã đặc biệt khó khăn Nậm Ty, Nậm Khòa được hỗ trợ.") == ["Nậm Ty", "Nậm Khòa"]


def test_modifier_without_a_known_name_gives_nothing():
    assert names("Xã nghèo Nhất định vươn lên.") == []


def test_village_name_with_a_number():
    assert names("Thôn Tân Lập 1 và thôn Tân Lập 2 có 120 hộ.") == ["Tân Lập 1", "Tân Lập 2"]


def test_count_after_a_village_name_is_not_part_of_it():
    assert names("Thôn Nà Hẩu 12 hộ đã thoát nghèo; tổ 3 người trực chốt.") == ["Nà Hẩu"]


@pytest.mark.parametrize("text", [
    "Chủ tịch UBND tỉnh Rah Lan Chung dự hội nghị.",
    "Chủ tịch UBND xã Kpuih Hiếu báo cáo.",
    "Phó Chủ tịch UBND tỉnh Đinh Văn Hiếu phát biểu.",
    "Bí thư Đảng ủy xã Hà Văn Quân cho biết.",
])
def test_person_after_a_unit_word_is_not_a_unit(text):
    assert names(text) == []


def test_unknown_province_needs_a_foreign_country_in_its_sentence():
    assert names("Đoàn làm việc với tỉnh Kampong Thom (Campuchia).") == ["Kampong Thom", "Campuchia"]
    assert names("Đoàn làm việc với tỉnh Kampong Thom.") == []


def test_known_foreign_provinces_and_cities():
    ps = found("Hàng hóa qua cửa khẩu sang Vân Nam; đoàn thăm thủ đô Viêng Chăn và tỉnh Hủa Phăn.")
    assert [(p.name, p.type, p.province) for p in ps] == [
        ("Vân Nam", "tỉnh", ""), ("Viêng Chăn", "thành phố", ""), ("Hủa Phăn", "tỉnh", "")]


def test_foreign_name_that_is_also_a_vietnamese_unit_stays_vietnamese():
    p = one("Huyện ủy Đông Hưng tổ chức hội nghị; đoàn thăm Đông Hưng.", "Đông Hưng")
    assert (p.type, p.province) == ("huyện", "Thái Bình")


def test_lede_date_after_the_reform_gives_2025_units():
    p = one("Ngày 16/8/2025, Tỉnh ủy Tuyên Quang tổ chức lễ kỷ niệm.", "Tuyên Quang")
    assert (p.era, p.code) == ("2025", "08")
    q = one("Ngày 16/8/2023, Tỉnh ủy Tuyên Quang tổ chức lễ kỷ niệm.", "Tuyên Quang")
    assert q.era == "legacy"


def test_bare_district_after_a_comma_is_the_communes_parent():
    p = one("Nhiều hộ ở xã Tân Lập, Lục Ngạn đã áp dụng VietGAP.", "Tân Lập")
    assert (p.province, p.code) == ("Bắc Giang", "07594")


def test_title_case_headline_takes_only_known_names():
    text = ("Huyện Ủy Tam Dương Công Bố Quyết Định Về Công Tác Cán Bộ\n"
            "Thôn Khuổi Khỏ Đón Nhận Danh Hiệu Thôn Văn Hóa")
    assert names(text) == ["Tam Dương"]


def test_saigon_is_the_city_unless_written_as_the_2025_ward():
    p = one("Ngày 30/4/1975, quân ta giải phóng Sài Gòn.", "Sài Gòn")
    assert (p.type, p.province) == ("thành phố", "Hồ Chí Minh")
    q = one("Ngày 11/8/2025, phường Sài Gòn tổ chức hội nghị; người dân Sài Gòn phấn khởi.", "Sài Gòn")
    assert (q.type, q.era, len(q.mentions)) == ("phường", "2025", 2)


def test_district_portal_host_resolves_a_commune_named_twice_in_its_province():
    text = "Đảng ủy xã Đồng Tiến tổ chức hội nghị."
    p = one(text, "Đồng Tiến", url="https://bacgiang.gov.vn/a")
    assert (p.province, p.code) == ("Bắc Giang", "")
    p = one(text, "Đồng Tiến", url="https://yenthe.bacgiang.gov.vn/a")
    assert p.province == "Bắc Giang" and p.code
    assert p.code != one(text, "Đồng Tiến", url="https://hiephoa.bacgiang.gov.vn/a").code


def test_unit_word_inside_a_communes_own_name():
    assert names("Hai đồng chí được phân công về các xã Hoàng Đan, Tân Xã.") == ["Hoàng Đan", "Tân Xã"]


def test_list_item_that_begins_with_a_village_word():
    assert names("Các xã Ea Bar, Buôn Choáh, Nam Dong có nhiều hộ đồng bào.") == ["Ea Bar", "Buôn Choáh", "Nam Dong"]


def test_village_shaped_like_a_person_only_under_a_known_name():
    assert names("Gia đình ông A ở bản Y Tịch có 5 người.") == ["Y Tịch"]
    assert names("Trưởng bản Y Thuận Niê cho biết.") == []


def test_capitalised_hoi_after_xa_is_a_commune_name():
    assert names("Các xã Hội Xuân, Cẩm Thủy và Bảo hiểm xã hội huyện.") == ["Hội Xuân", "Cẩm Thủy"]


def test_list_item_that_begins_with_nuoc():
    assert names("Thăm các xã An Dân, Nước Hai, Tân Châu.") == ["An Dân", "Nước Hai", "Tân Châu"]


def test_school_named_after_a_person_is_not_a_bare_commune():
    text = "Thành ủy Móng Cái chỉ đạo. Bí thư Chi bộ Trường THPT Trần Phú phát biểu."
    assert "Trần Phú" not in names(text)


def test_capitalised_nhu_is_part_of_a_name_not_a_list_intro():
    assert names("Bí thư Chi bộ thôn Như Cố Sình Văn Dìn cho biết.") == ["Như Cố"]


def test_country_after_federation_or_republic_words():
    assert names("Đoàn thăm Cộng hòa Liên bang Đức, Cộng hòa Séc, Liên bang Nga và Vương quốc Anh.") == [
        "Đức", "Séc", "Nga", "Anh"]


@pytest.mark.parametrize("text", [
    "Huyện Hội Nông dân tổ chức đại hội.", "Tỉnh Hội Phụ nữ phát động phong trào.",
    "Bản Kế hoạch được ban hành.",
])
def test_organisation_or_document_words_after_a_unit_word(text):
    assert names(text) == []


def test_village_names_that_begin_like_organisations_are_kept():
    assert names("Thôn Đoàn Kết và thôn Trung Tâm được công nhận khu dân cư kiểu mẫu.") == ["Đoàn Kết", "Trung Tâm"]


def test_news_agency_is_not_a_commune():
    ps = found("Theo Thông tấn xã Việt Nam, Chính phủ đã phê duyệt đề án.")
    assert [(p.name, p.type) for p in ps] == [("Việt Nam", "quốc gia")]


def test_unknown_commune_in_a_list_takes_its_neighbours_province():
    p = one("Giải phóng mặt bằng tại thị trấn Minh Đức và các xã Lập Lễ, Phả Lễ của huyện Thuỷ Nguyên.", "Phả Lễ")
    assert (p.province, p.code) == ("Hải Phòng", "")
