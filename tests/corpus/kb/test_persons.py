"""Person resolution: same name in different provinces with unrelated posts → different people; one
career across posts → one person; researchers' merges and splits win; every decision explained."""
import pytest

from partyfacts.corpus.kb.persons import Decision, Occurrence, resolve_persons


def occ(key, name="Nguyễn Văn Thắng", province="", **kw):
    return Occurrence(key=key, name=name, name_key=name.lower(), province=province, **kw)


def corpus():
    """Forty people in two provinces, one homonym pair, one career; enough context to weigh."""
    out = []
    for i in range(40):
        p = "Nghệ An" if i % 2 else "Thanh Hóa"
        out.append(occ(f"x{i}#p{i}", name=f"Người Thứ {i}", province=p, site=p, bodies=(f"b{i}",)))
    out += [
        occ("na1#t", province="Nghệ An", district="Nam Đàn", bodies=("huyện ủy nam đàn",), titles=("bí thư",),
            comentions=("lê văn a",), site="nghean", date="2020-05-01"),
        occ("na2#t", province="Nghệ An", bodies=("tỉnh ủy nghệ an",), titles=("phó bí thư",),
            comentions=("lê văn a", "hồ thị b"), site="nghean", date="2023-05-01"),
        occ("na3#t", province="Nghệ An", bodies=("tỉnh ủy nghệ an",), titles=("phó bí thư",),
            comentions=("hồ thị b",), site="baonghean", date="2023-09-01"),
        occ("th1#t", province="Thanh Hóa", district="Nga Sơn", bodies=("ubnd xã nga thủy",),
            titles=("chủ tịch",), site="thanhhoa", date="2021-02-01"),
        occ("th2#t", province="Thanh Hóa", district="Nga Sơn", bodies=("ubnd xã nga thủy",),
            titles=("chủ tịch",), site="thanhhoa", date="2022-03-01"),
    ]
    return out


def cluster_of(res, key):
    return next(c for c in res.clusters if key in c)


@pytest.fixture(scope="module")
def resolved():
    return resolve_persons(corpus())


def test_same_name_in_two_provinces_with_unrelated_posts_is_two_people(resolved):
    assert "th1#t" not in cluster_of(resolved, "na1#t")


def test_a_career_from_district_to_province_is_one_person(resolved):
    assert cluster_of(resolved, "na1#t") == ["na1#t", "na2#t", "na3#t"]
    assert cluster_of(resolved, "th1#t") == ["th1#t", "th2#t"]


def test_every_occurrence_has_an_explanation_with_evidence(resolved):
    e = resolved.explanations["na2#t"]
    assert e.decision == "merged" and e.partner in ("na1#t", "na3#t") and e.probability >= 0.5
    assert e.evidence["province"] == "agree"
    sep = resolved.explanations["th1#t"]
    assert sep.decision == "merged" and sep.partner == "th2#t"
    assert resolved.explanations["x0#p0"].decision == "alone"


def test_researchers_split_is_never_joined_again():
    res = resolve_persons(corpus(), [Decision("split", "na1#t", "na2#t")])
    assert "na2#t" not in cluster_of(res, "na1#t")
    assert res.explanations["na1#t"].by == "researcher" or res.explanations["na2#t"].by == "researcher"


def test_researchers_merge_joins_what_the_model_kept_apart():
    res = resolve_persons(corpus(), [Decision("merge", "na1#t", "th1#t")])
    assert "th1#t" in cluster_of(res, "na1#t")
    assert res.explanations["th1#t"].by == "researcher"


def test_rules_baseline_merges_same_name_in_same_province():
    res = resolve_persons(corpus(), method="rules")
    assert cluster_of(res, "na1#t") == ["na1#t", "na2#t", "na3#t"] and "th1#t" not in cluster_of(res, "na1#t")


def test_unknown_method_and_duplicate_keys_are_refused():
    with pytest.raises(ValueError, match="unknown resolution method"):
        resolve_persons(corpus(), method="magic")
    with pytest.raises(ValueError, match="unique"):
        resolve_persons([occ("a#t"), occ("a#t")])


def test_a_small_corpus_keeps_homonyms_of_two_provinces_apart():
    """Six occurrences only: the prior must not let the shared name outweigh province, body and site."""
    small = [
        occ("th1#t", province="Thanh Hóa", bodies=("ubnd xã nga thủy",), titles=("chủ tịch",), site="thanhhoa"),
        occ("na1#t", province="Nghệ An", bodies=("huyện ủy nam đàn",), titles=("bí thư",), site="nghean"),
        occ("na2#t", province="Nghệ An", bodies=("huyện ủy nam đàn",), titles=("bí thư",), site="nghean"),
        occ("x1#a", name="Lê Văn A", province="Nghệ An"), occ("x2#b", name="Hồ Thị B", province="Thanh Hóa"),
        occ("x3#c", name="Trần C", province="Nghệ An"),
    ]
    res = resolve_persons(small)
    assert cluster_of(res, "na1#t") == ["na1#t", "na2#t"]
    assert cluster_of(res, "th1#t") == ["th1#t"]
    assert res.explanations["th1#t"].decision == "separate"
