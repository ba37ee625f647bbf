"""The administrative-unit gazetteer: lookups across spellings and eras, successors, site hints."""
import unicodedata

import pytest

from partyfacts.nlp import gazetteer as gz
from partyfacts.nlp.types import AdminUnitRef


def test_lookup_finds_a_commune_by_name_and_province():
    units = gz.lookup("Vũ Lễ", type="xã", province="Thái Bình")
    assert [(u.name, u.type, u.district, u.era, u.code) for u in units] == [
        ("Vũ Lễ", "xã", "Kiến Xương", "legacy", "13111")]


def test_lookup_accepts_a_leading_unit_word():
    assert gz.lookup("xã Vũ Lễ", province="Thái Bình") == gz.lookup("Vũ Lễ", type="xã", province="Thái Bình")


def test_lookup_ignores_tone_placement_case_and_unicode_form():
    a = gz.lookup("Thủy Nguyên", type="thành phố")
    assert a
    assert gz.lookup("Thuỷ Nguyên", type="thành phố") == a
    assert gz.lookup("THỦY NGUYÊN", type="thành phố") == a
    assert gz.lookup(unicodedata.normalize("NFD", "Thủy Nguyên"), type="thành phố") == a


def test_same_commune_name_in_many_provinces_is_filtered_by_province():
    all_units = gz.lookup("Tân Lập", type="xã")
    assert len({u.province for u in all_units}) > 5
    assert {u.province for u in gz.lookup("Tân Lập", type="xã", province="Bắc Giang")} == {"Bắc Giang"}


def test_legacy_commune_has_its_2025_successor():
    ref = gz.successor_of("Thanh Trù", type="xã", province="Vĩnh Phúc")
    assert ref == AdminUnitRef(name="Vĩnh Yên", type="phường", province="Phú Thọ", code="08707")


def test_ambiguous_name_without_province_has_no_successor():
    assert gz.successor_of("Tân Lập", type="xã") is None


def test_legacy_province_successor_is_the_merged_province():
    (hg,) = gz.lookup("Hà Giang", type="tỉnh", era="legacy")
    assert hg.successor.name == "Tuyên Quang"
    assert gz.successor_of(hg).type == "tỉnh"


def test_legacy_district_successor_is_its_2025_province():
    (d,) = gz.lookup("Kiến Xương", type="huyện")
    assert d.level == "district" and d.successor.name == "Hưng Yên"


def test_island_district_becomes_special_zone():
    ref = gz.successor_of("Côn Đảo", type="huyện")
    assert (ref.name, ref.type, ref.province) == ("Côn Đảo", "đặc khu", "Hồ Chí Minh")


def test_2025_unit_lists_its_predecessors():
    (ward,) = gz.lookup("Vĩnh Phúc", type="phường", era="2025")
    assert ward.province == "Phú Thọ"
    olds = {u.name for u in gz.predecessors_of(ward)}
    assert {"Đống Đa", "Liên Bảo"} <= olds


def test_numbered_ward_is_looked_up_whole():
    (u,) = gz.lookup("Phường 5", province="Sóc Trăng")
    assert u.district == "Sóc Trăng" and u.type == "phường"


def test_tphcm_abbreviation_is_ho_chi_minh_city():
    units = gz.lookup("TP.HCM")
    assert {u.name for u in units} == {"Hồ Chí Minh"} and all(u.level == "province" for u in units)


def test_province_counts_per_era():
    assert len(gz.provinces("legacy")) == 63
    assert len(gz.provinces("2025")) == 34


def test_unknown_type_is_an_error_naming_the_value():
    with pytest.raises(ValueError, match="làng xã"):
        gz.lookup("Vũ Lễ", type="làng xã")


def test_site_host_names_its_province():
    assert gz.provinces_in_host("vinhphuc.gov.vn") == ("Vĩnh Phúc",)
    assert gz.provinces_in_host("tamduong.vinhphuc.gov.vn") == ("Vĩnh Phúc",)
    assert gz.provinces_in_host("example.org") == ()


def test_data_file_states_its_source_and_licence():
    head = gz.DATA.read_text(encoding="utf-8").splitlines()[:3]
    assert any("vietnamadminunits" in line and "MIT" in line for line in head)


def test_gazetteer_holds_every_unit_of_both_eras():
    # its load and lookup times are measured by benchmarks/extract_speed.py, not asserted here
    gz._INSTANCE = None
    g = gz.gazetteer()
    assert 13000 < len(g.units) < 16000


def test_site_host_with_a_province_alias():
    assert gz.provinces_in_host("thanhuytphcm.vn") == ("Hồ Chí Minh",)


def test_unit_by_code_and_era():
    u = gz.unit_by_code("13111", "legacy")
    assert (u.name, u.type, u.province) == ("Vũ Lễ", "xã", "Thái Bình")
    assert gz.unit_by_code("26", "legacy").name == "Vĩnh Phúc"
    assert gz.unit_by_code("26", "2025") is None
    assert gz.unit_by_code("x", "legacy") is None


def test_place_code_names_a_gazetteer_unit():
    from partyfacts.nlp.doc import Document
    from partyfacts.nlp.places import find_places
    from partyfacts.nlp.text import Text
    doc = Document(Text.of("Đảng ủy xã Thanh Trù, thành phố Vĩnh Yên, tỉnh Vĩnh Phúc tổ chức hội nghị."))
    for p in find_places(doc):
        u = gz.unit_by_code(p.code, p.era)
        assert u is not None and u.name == p.name and u.successor == p.successor


def test_new_province_predecessors_are_the_merged_provinces():
    (tq,) = gz.lookup("Tuyên Quang", type="tỉnh", era="2025")
    assert {u.name for u in gz.predecessors_of(tq)} == {"Tuyên Quang", "Hà Giang"}
