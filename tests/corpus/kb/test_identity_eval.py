"""The identity benchmark's report on a tiny invented set (a homonym pair in two provinces, a career
over two posts, a generic "Tỉnh ủy" on two provincial sites, a copy on a national site): the scores
are computed from what the database holds as the truth defines them, and the baselines differ as they
must ("name" merges the homonyms and every "Tỉnh ủy")."""
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from partyfacts.corpus.identity import IdentitySetError, evaluate_identity
from partyfacts.corpus.kb.identity import is_generic
from partyfacts.corpus.kb.metrics import pairwise
from partyfacts.nlp.text import key
from partyfacts.webapp.cli import main

SITES = """
[[site]]
name = "Báo Nghệ An"
slug = "baonghean"
host = "baonghean.vn"
province = "Nghệ An"

[[site]]
name = "Báo Thanh Hóa"
slug = "baothanhhoa"
host = "baothanhhoa.vn"
province = "Thanh Hóa"

[[site]]
name = "Báo Tin tức Đảng"
slug = "tintucdang"
host = "tintucdang.vn"
province = ""
"""

A1 = """Huyện Nam Đàn tổng kết công tác xây dựng nông thôn mới
12/03/2020

Sáng 11/3, UBND huyện Nam Đàn tổ chức hội nghị tổng kết công tác xây dựng nông thôn mới. Dự hội nghị có đồng chí Nguyễn Văn Thắng, Chủ tịch UBND huyện Nam Đàn, và đại diện Ban Thường vụ Tỉnh ủy.

Phát biểu tại hội nghị, đồng chí Thắng đề nghị các xã tiếp tục thực hiện nghị quyết của Tỉnh ủy về phát triển nông nghiệp.
"""

A2_BODY = """Chiều 19/8, Ban Chấp hành Đảng bộ huyện Nam Đàn tổ chức hội nghị kiện toàn nhân sự. Đồng chí Nguyễn Văn Thắng, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện, được bầu giữ chức Bí thư Huyện ủy Nam Đàn với số phiếu tuyệt đối.

Phát biểu chỉ đạo, đồng chí Lê Hồng Sơn, Ủy viên Ban Thường vụ Tỉnh ủy Nghệ An, Trưởng Ban Tổ chức Tỉnh ủy, đề nghị Huyện ủy khẩn trương triển khai chương trình công tác.
"""

A2 = "Đồng chí Nguyễn Văn Thắng được bầu giữ chức Bí thư Huyện ủy Nam Đàn\n20/08/2023\n\n" + A2_BODY
# the same story republished the next day on the national site, under a new title
A4 = "Nam Đàn có tân Bí thư Huyện ủy\n21/08/2023\n\n" + A2_BODY

A3 = """Xã Nga Thủy ra mắt mô hình dân vận khéo
05/05/2021

Sáng 4/5, UBND xã Nga Thủy, huyện Nga Sơn tổ chức ra mắt mô hình dân vận khéo. Ông Nguyễn Văn Thắng, Chủ tịch UBND xã Nga Thủy, cho biết mô hình đã giúp người dân hiến đất làm đường.

Đồng chí Trịnh Văn Lộc, Phó Trưởng Ban Dân vận Tỉnh ủy, ghi nhận kết quả mà Tỉnh ủy giao cho xã.
"""

TRUTH = {
    "persons": [
        {"id": "P1", "canonical": "Nguyễn Văn Thắng", "province": "Nghệ An",
         "mentions": [{"article": "baonghean/a1", "name": "Nguyễn Văn Thắng"},
                      {"article": "baonghean/a2", "name": "Nguyễn Văn Thắng"},
                      {"article": "tintucdang/a4", "name": "Nguyễn Văn Thắng"}]},
        {"id": "P2", "canonical": "Nguyễn Văn Thắng", "province": "Thanh Hóa",
         "mentions": [{"article": "baothanhhoa/a3", "name": "Nguyễn Văn Thắng"}]},
        {"id": "P3", "canonical": "Lê Hồng Sơn", "province": "Nghệ An",
         "mentions": [{"article": "baonghean/a2", "name": "Lê Hồng Sơn"},
                      {"article": "tintucdang/a4", "name": "Lê Hồng Sơn"}]},
        {"id": "P4", "canonical": "Trịnh Văn Lộc", "province": "Thanh Hóa",
         "mentions": [{"article": "baothanhhoa/a3", "name": "Trịnh Văn Lộc"}]},
        # named in the truth but not written in the text: the extractor cannot find it
        {"id": "P5", "canonical": "Hoàng Thị Vắng", "province": "Thanh Hóa",
         "mentions": [{"article": "baothanhhoa/a3", "name": "Hoàng Thị Vắng"}]},
    ],
    "organizations": [
        {"id": "O1", "canonical": "Tỉnh ủy Nghệ An", "province": "Nghệ An",
         "mentions": [{"article": "baonghean/a1", "surface": "Tỉnh ủy"},
                      {"article": "baonghean/a2", "surface": "Tỉnh ủy Nghệ An"}]},
        {"id": "O2", "canonical": "Tỉnh ủy Thanh Hóa", "province": "Thanh Hóa",
         "mentions": [{"article": "baothanhhoa/a3", "surface": "Tỉnh ủy"}]},
    ],
    "stories": [{"id": "S1", "copies": ["baonghean/a2", "tintucdang/a4"]}],
    "posts": [],
}


def write_set(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "sites.toml").write_text(SITES, encoding="utf-8")
    (root / "truth.json").write_text(json.dumps(TRUTH, ensure_ascii=False), encoding="utf-8")
    for rel, text in (("baonghean/a1", A1), ("baonghean/a2", A2), ("baothanhhoa/a3", A3), ("tintucdang/a4", A4)):
        p = root / "articles" / f"{rel}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    root = write_set(tmp_path_factory.mktemp("identity"))
    db_file = root.parent / "kb.db"
    return root, db_file, evaluate_identity(root, db_url=str(db_file))


def test_every_score_is_a_share_between_zero_and_one(mini):
    d = mini[2].to_dict()
    assert set(d["methods"]) == {"splink", "rules", "name"}
    for scores in d["methods"].values():
        for part in ("persons", "organizations"):
            for measure in ("pairwise", "bcubed"):
                assert all(0.0 <= v <= 1.0 for v in scores[part][measure].values())
        gen = scores["organizations"]["generic_right_province"]
        assert 0.0 <= gen <= 1.0
    assert 0.0 <= d["stories"]["pairwise"]["precision"] <= 1.0


def test_name_baseline_merges_the_homonyms_and_loses_pairwise_precision(mini):
    name = mini[2].methods["name"]
    # pairs of truth mentions: Thắng ×4 (3 true + 3 homonym pairs), Sơn ×2 (1 true); Vắng is missing
    assert name.persons_pairwise.precision == pytest.approx(4 / 7)
    assert name.persons_pairwise.recall == 1.0
    # B-cubed: the three P1 mentions 3/4 each, P2's 1/4, Sơn's two, Lộc and the missing Vắng 1 → 6.5 / 8
    assert name.persons_bcubed.precision == pytest.approx(6.5 / 8)
    assert name.predicted_persons == 3
    # the rules keep the two provinces apart: what resolution adds over one person per name
    assert mini[2].methods["rules"].persons_pairwise.precision == 1.0


def test_a_mention_the_extractor_did_not_find_is_listed_and_counts_as_a_singleton(mini):
    report = mini[2]
    assert report.persons_not_extracted == [{"article": "baothanhhoa/a3", "name": "Hoàng Thị Vắng"}]
    assert report.truth_person_mentions == 8
    # a singleton is always right about itself: B-cubed recall stays 1 under the name baseline
    assert report.methods["name"].persons_bcubed.recall == 1.0
    # and its person is counted in no story
    assert {"person": "P5", "name": "Hoàng Thị Vắng", "true_stories": 1, "predicted_stories": 0} in \
        report.methods["name"].per_person


def test_database_method_reads_persons_by_mention_key(mini):
    root, db_file, report = mini
    con = sqlite3.connect(db_file)
    try:
        occ = dict(con.execute("select mention_key, person_id from person_occurrences"))
        url = dict(con.execute("select canonical_url, id from articles"))
    finally:
        con.close()
    gold, pred = {}, {}
    for p in TRUTH["persons"]:
        for mn in p["mentions"]:
            item = (mn["article"], mn["name"])
            gold[item] = p["id"]
            mk = f"{(root / 'articles' / (mn['article'] + '.txt')).resolve().as_uri()}#{key(mn['name'])}"
            if mk in occ:
                pred[item] = occ[mk]
    assert len(url) == 4 and len(pred) == 7
    assert report.methods["splink"].persons_pairwise == pairwise(pred, gold)


def test_copies_are_linked_and_counted_once(mini):
    report = mini[2]
    assert report.stories == [{"id": "S1", "copies": ["baonghean/a2", "tintucdang/a4"], "linked": True,
                               "predicted_stories": 1}]
    counts = report.methods["name"].counts
    # P1: its name's articles a1, a2 (= a4) and the homonym's a3 → 3 stories for 2; P2: 3 for 1;
    # P3 (a2 = a4) and P4 exact; P5 not extracted → 0 for 1
    assert (counts.exact, counts.over, counts.under) == (2, 2, 1)
    assert counts.copies_counted == 3


def test_organisations_by_spelling_merge_two_provinces_tinh_uy(mini):
    report = mini[2]
    assert report.generic_org_mentions == 2
    name = report.methods["name"]
    # by spelling, a1's and a3's "Tỉnh ủy" are one body and "Tỉnh ủy Nghệ An" another: no right pair
    assert name.orgs_pairwise.precision == 0.0 and name.orgs_pairwise.recall == 0.0
    assert name.generic_right_province == 0.0
    assert report.orgs_not_extracted == []


def test_site_provinces_are_inferred_not_given(mini):
    assert {s["name"]: s["inferred"] for s in mini[2].sites} == {
        "Báo Nghệ An": "Nghệ An", "Báo Thanh Hóa": "Thanh Hóa", "Báo Tin tức Đảng": ""}


def test_generic_surface_is_one_without_its_place():
    assert is_generic("Tỉnh ủy", "Tỉnh ủy Nghệ An")
    assert is_generic("UBND huyện", "UBND huyện Nghi Lộc")
    assert not is_generic("Tỉnh uỷ Nghệ An", "Tỉnh ủy Nghệ An")
    assert not is_generic("Sở Y tế Hà Tĩnh", "Sở Y tế tỉnh Hà Tĩnh")


def test_evaluate_refuses_a_database_that_holds_articles(mini):
    root, db_file, _ = mini
    with pytest.raises(ValueError, match="already holds articles"):
        evaluate_identity(root, db_url=str(db_file))


def test_evaluate_names_the_missing_file_of_a_directory_that_is_no_set(tmp_path):
    with pytest.raises(IdentitySetError, match="sites.toml: missing"):
        evaluate_identity(tmp_path)


def test_cli_prints_the_table_and_the_json(tmp_path):
    root = write_set(tmp_path / "set")
    runner = CliRunner()
    res = runner.invoke(main, ["evaluate", "--identity", str(root), "--method", "rules", "--json"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["method"] == "rules" and d["truth"]["person_mentions"] == 8
    assert d["methods"]["rules"]["double_counts"]["api_articles_total_exact"] is not None
    res = runner.invoke(main, ["evaluate", "--identity", str(root)])
    assert res.exit_code == 0, res.output
    assert "splink (db)" in res.output and "persons pairwise precision" in res.output
    res = runner.invoke(main, ["evaluate", "--identity", str(tmp_path / "nothing")])
    assert res.exit_code == 1 and "sites.toml: missing" in res.output
