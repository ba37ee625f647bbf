"""Organisation resolution: a generic body takes the place of its article or site; every spelling of
one body shares a key; other provinces' bodies do not."""
import pytest

from partyfacts.corpus.kb.bodies import BodyContext, PlaceRef, resolve_body, site_province

NGHE_AN = PlaceRef("Nghệ An", "tỉnh", "Nghệ An", spans=((100, 107),))
ARTICLE = BodyContext(places=(NGHE_AN,))


def test_generic_provincial_committee_takes_the_province_named_in_the_article():
    r = resolve_body("Tỉnh ủy", ARTICLE)
    assert (r.name, r.province, r.how) == ("Tỉnh ủy Nghệ An", "Nghệ An", "article")


@pytest.mark.parametrize("generic, explicit", [
    ("Tỉnh ủy", "Tỉnh ủy Nghệ An"),
    ("Tỉnh uỷ", "TỈNH ỦY NGHỆ AN"),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh Nghệ An"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh Nghệ An"),
    ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy Nghệ An"),
])
def test_generic_body_and_its_explicit_spelling_share_one_key(generic, explicit):
    assert resolve_body(generic, ARTICLE).key == resolve_body(explicit, BodyContext()).key


def test_same_generic_body_on_another_provinces_site_is_another_organisation():
    nghe_an = resolve_body("Tỉnh ủy", BodyContext(site_province="Nghệ An"))
    thanh_hoa = resolve_body("Tỉnh ủy", BodyContext(site_province="Thanh Hóa"))
    assert nghe_an.how == thanh_hoa.how == "site"
    assert nghe_an.key != thanh_hoa.key and thanh_hoa.name == "Tỉnh ủy Thanh Hóa"


def test_article_places_outrank_the_site_province():
    ctx = BodyContext(places=(PlaceRef("Thanh Hóa", "tỉnh", "Thanh Hóa", spans=((0, 9),)),), site_province="Nghệ An")
    assert resolve_body("Tỉnh ủy", ctx).province == "Thanh Hóa"


def test_provincial_body_takes_the_one_province_of_the_articles_district():
    ctx = BodyContext(places=(PlaceRef("Nam Đàn", "huyện", "Nghệ An", spans=((0, 7),)),))
    r = resolve_body("UBND tỉnh", ctx)
    assert (r.name, r.how) == ("UBND tỉnh Nghệ An", "article-province")


def test_district_committee_takes_the_district_named_last_before_it():
    ctx = BodyContext(places=(PlaceRef("Nam Đàn", "huyện", "Nghệ An", spans=((0, 7),)),
                              PlaceRef("Hưng Nguyên", "huyện", "Nghệ An", spans=((50, 61),))))
    assert resolve_body("Huyện ủy", ctx, at=40).place == "Nam Đàn"
    assert resolve_body("Huyện ủy", ctx, at=80).place == "Hưng Nguyên"


def test_unresolvable_district_committee_stays_generic_and_scoped_to_its_article():
    a = resolve_body("Huyện ủy", BodyContext(site_province="Nghệ An"), scope="article 1")
    b = resolve_body("Huyện ủy", BodyContext(site_province="Nghệ An"), scope="article 2")
    assert a.how == "unresolved" and a.name == "Huyện ủy" and a.key != b.key


def test_explicit_district_is_placed_in_its_province_by_the_gazetteer():
    r = resolve_body("UBND H. Xuân Lộc", BodyContext())
    assert (r.level, r.place, r.province) == ("district", "Xuân Lộc", "Đồng Nai")
    assert r.key == resolve_body("Ủy ban nhân dân huyện Xuân Lộc", BodyContext()).key


def test_city_committee_on_a_centrally_run_city_site_is_that_citys():
    r = resolve_body("Thành ủy", BodyContext(site_province="Hà Nội"))
    assert (r.name, r.level) == ("Thành ủy Hà Nội", "province")


@pytest.mark.parametrize("surface", ["Bộ Công thương", "Ban Chấp hành Trung ương", "Bộ Chính trị"])
def test_central_bodies_have_no_place(surface):
    r = resolve_body(surface, ARTICLE)
    assert (r.level, r.place, r.name) == ("national", "", surface)


def test_body_without_a_level_word_keeps_its_name():
    r = resolve_body("Chi bộ thôn Lô Lô Chải", ARTICLE)
    assert (r.how, r.name) == ("named", "Chi bộ thôn Lô Lô Chải")


def test_the_bo_of_dang_bo_is_not_a_ministry():
    r = resolve_body("Đảng bộ tỉnh", ARTICLE)
    assert (r.level, r.name) == ("province", "Đảng bộ tỉnh Nghệ An")


@pytest.mark.parametrize("name, host, province", [
    ("Cổng TTĐT tỉnh Nghệ An", "", "Nghệ An"),
    ("", "thanhhoa.gov.vn", "Thanh Hóa"),
    ("Báo Nhân Dân", "nhandan.vn", ""),
])
def test_site_province_is_inferred_from_host_or_name_only_when_it_is_obvious(name, host, province):
    assert site_province(name, host) == province


def test_explicit_unit_is_looked_up_in_the_era_of_the_article():
    # a phường Ba Đình of Thanh Hóa before the 2025 reform; the 2025 phường Ba Đình is Hà Nội's
    before = resolve_body("Đảng ủy phường Ba Đình", BodyContext(date="2024-05-01"))
    after = resolve_body("Đảng ủy phường Ba Đình", BodyContext(date="2025-09-01"))
    assert (before.province, after.province) == ("Thanh Hóa", "Hà Nội")
    assert before.key != after.key


@pytest.mark.parametrize("organ, committee", [("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy"), ("BTV Tỉnh ủy", "Tỉnh ủy"),
                                              ("Thường trực Tỉnh ủy", "Tỉnh ủy"),
                                              ("Ban Chấp hành Đảng bộ tỉnh", "Đảng bộ tỉnh")])
def test_a_committees_standing_organ_is_the_committee(organ, committee):
    r = resolve_body(organ, ARTICLE)
    assert r.key == resolve_body(committee, ARTICLE).key
    assert r.name == f"{committee} Nghệ An"
