"""Stories, not copies; canonical titles; figure series like with like (issue 9, the counting side).

A small corpus built through the real jobs: invented .txt articles ingested per site, processed by
the nlp pipeline, and a republished copy (same story on another site) linked by link-syndicated."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from markupsafe import escape
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files, link_syndicated_articles, process_articles
from partyfacts.corpus.queries import title_facet
from partyfacts.webapp import charts
from partyfacts.webapp.app import create_app
from partyfacts.webapp.cli import main

STORY = ("Nghệ An tổng kết công tác xây dựng Đảng năm 2023\n{date}\n"
         "Ngày 12/3/2024, Ban Thường vụ Tỉnh ủy{where} tổ chức hội nghị tổng kết công tác xây dựng Đảng. "
         "Đồng chí Nguyễn Văn Thắng, UVBTV, Trưởng Ban Tổ chức Tỉnh ủy chủ trì hội nghị. Trong năm 2023, toàn "
         "Đảng bộ tỉnh đã kết nạp 812 đảng viên. Đến nay, Đảng bộ tỉnh có 145.000 đảng viên. Hội nghị đã thảo "
         "luận, đánh giá kết quả thực hiện nhiệm vụ chính trị trong năm và đề ra giải pháp cho năm 2024.\n")
ARTICLES = {
    # site -> {file name: text}
    "baonghean.vn": {
        "original.txt": STORY.format(date="12/03/2024", where=""),
        "hung.txt": "Hội nghị Ban Chấp hành Đảng bộ tỉnh Nghệ An\n20/06/2024\nSáng 20/6/2024, đồng chí Trần Văn "
                    "Hùng, Uỷ viên BTV Tỉnh ủy, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy phát biểu tại hội nghị. Sáu "
                    "tháng đầu năm, toàn tỉnh kết nạp 410 đảng viên.\n",
        "minh.txt": "Làm việc với cơ sở\n25/06/2024\nChiều 25/6/2024, đồng chí Phạm Quang Minh, Phó Bí thư Tỉnh "
                    "ủy, làm việc với cán bộ cơ sở về công tác cải cách hành chính.\n",
    },
    "tintuc.vn": {"copy.txt": STORY.format(date="13/03/2024", where=" Nghệ An")},
    "baothanhhoa.vn": {
        "hoa.txt": "Thanh Hóa sơ kết công tác kiểm tra\n21/06/2024\nNgày 21/6/2024, đồng chí Lê Thị Hoa, Ủy viên "
                   "Ban Thường vụ Tỉnh ủy Thanh Hóa, Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì hội nghị sơ kết. Đảng "
                   "bộ tỉnh Thanh Hóa hiện có 220.000 đảng viên.\n",
    },
}
STANDING = {"Nguyễn Văn Thắng", "Trần Văn Hùng", "Lê Thị Hoa"}   # UVBTV, Uỷ viên BTV, Ủy viên Ban Thường vụ


@pytest.fixture(scope="module")
def kb_file(tmp_path_factory):
    root = tmp_path_factory.mktemp("kbcounts")
    db_file = root / "kb.db"
    db = open_db(str(db_file))
    ids = []
    for site, files in ARTICLES.items():
        paths = []
        for name, text in files.items():
            (root / name).write_text(text, encoding="utf-8")
            paths.append(root / name)
        res = ingest_files(db, paths, site=site)
        assert not res.errors
        ids += res.added
    assert process_articles(db, progress=False).failed == 0
    link_syndicated_articles(db, ids)  # (ingest may have linked the copy already: then it links nothing)
    with db.session() as s:
        linked = s.execute(select(m.Article.canonical_url).where(m.Article.syndicated_of_id.is_not(None))).scalars().all()
    assert [u.rsplit("/", 1)[-1] for u in linked] == ["copy.txt"]
    db.dispose()
    return db_file


@pytest.fixture(scope="module")
def kb(kb_file):
    app = create_app({"DATABASE": str(kb_file), "TESTING": True, "SECRET_KEY": "test"})
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()


def _items(client, path, **args):
    return client.get(path, query_string={"per_page": 200, **args}).get_json()["items"]


def test_articles_list_counts_a_story_once_and_says_where_else_it_was_published(kb):
    page = kb.get("/api/articles").get_json()
    assert page["total"] == 4 == len(page["items"])          # five files, one of them a republished copy
    story = next(i for i in page["items"] if i["title"].startswith("Nghệ An tổng kết"))
    assert story["site"] == "baonghean.vn" and story["copies"] == 1
    assert [o["site"] for o in story["also_published"]] == ["tintuc.vn"]
    assert all(i["copies"] == 0 and i["also_published"] == [] for i in page["items"] if i is not story)
    html = kb.get("/articles").get_data(as_text=True)
    assert html.count("Nghệ An tổng kết") == 1 and 'class="also-on"' in html and ">tintuc.vn</a>" in html
    found = kb.get("/api/search", query_string={"q": "812 đảng viên", "type": "articles"}).get_json()
    assert found["total"] == 1 and found["items"][0]["also_published"][0]["site"] == "tintuc.vn"
    rows = list(csv.DictReader(io.StringIO(kb.get("/export/articles.csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 4 and "tintuc.vn" in next(r for r in rows if r["id"] == str(story["id"]))["also_published"]
    # the copy's own site still finds the story, through its copy
    alone = kb.get("/api/articles", query_string={"site": "tintuc.vn"}).get_json()
    assert alone["total"] == 1 and alone["items"][0]["also_published"][0]["site"] == "baonghean.vn"


def test_entity_article_counts_roles_and_figures_count_a_story_once(kb):
    thang = next(p for p in _items(kb, "/api/persons") if p["name"] == "Nguyễn Văn Thắng")
    assert thang["articles"] == 1                               # named in the story and in its copy
    roles = _items(kb, "/api/roles", person=thang["id"])
    assert len(roles) == 2 and {r["title"] for r in roles} == {"UVBTV", "Trưởng Ban Tổ chức"}
    assert kb.get("/api/roles").get_json()["total"] == len(_items(kb, "/api/roles"))
    figures = _items(kb, "/api/figures", unit="đảng viên")
    assert sorted(f["value"] for f in figures) == [410, 812, 145000, 220000]
    assert kb.get("/api/figures").get_json()["total"] == len(_items(kb, "/api/figures"))
    nghe_an = next(p for p in _items(kb, "/api/places") if p["name"] == "Nghệ An")
    pl = kb.get(f"/api/places/{nghe_an['id']}").get_json()
    assert pl["articles_total"] == len(pl["articles"]) == nghe_an["articles"]
    assert len({a["title"] for a in pl["articles"]}) == len(pl["articles"])
    export = kb.get("/export/persons.json", query_string={"q": "Nguyễn Văn Thắng"}).get_json()
    assert len(export) == 1                                      # one occurrence row: the story, not the copy


def test_role_title_facet_merges_abbreviated_and_full_spellings(kb_file):
    db = open_db(str(kb_file))
    try:
        with db.session() as s:
            facet = title_facet(s)
    finally:
        db.dispose()
    standing = [f for f in facet if "thường vụ" in f["value"].lower() or "BTV" in f["value"]]
    assert standing == [{"value": "Ủy viên Ban Thường vụ", "count": 3}]


@pytest.mark.parametrize("spelling", ["UVBTV", "Uỷ viên BTV", "Ủy viên Ban Thường vụ", "ủy viên ban thường vụ"])
def test_title_filter_finds_every_spelling_of_a_title(kb, kb_file, spelling):
    roles = _items(kb, "/api/roles", title=spelling)
    assert {r["person"] for r in roles} == STANDING and len(roles) == 3
    assert {r["title_canonical"] for r in roles} == {"Ủy viên Ban Thường vụ"}
    assert {p["name"] for p in _items(kb, "/api/persons", title=spelling)} == STANDING
    rows = list(csv.DictReader(io.StringIO(
        kb.get("/export/roles.csv", query_string={"title": spelling}).get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 3 and {r["title"] for r in rows} == {"UVBTV", "Uỷ viên BTV", "Ủy viên Ban Thường vụ"}
    out = CliRunner().invoke(main, ["--db", str(kb_file), "export", "roles", "--format", "jsonl", "--title", spelling])
    assert out.exit_code == 0, out.output
    assert {json.loads(ln)["person"] for ln in out.output.splitlines() if ln.strip()} == STANDING


def test_role_exports_carry_canonical_title_and_resolved_organisation(kb):
    rows = json.loads(kb.get("/export/roles.json", query_string={"title": "UVBTV"}).get_data(as_text=True))
    hung = next(r for r in rows if r["person"] == "Trần Văn Hùng")
    assert hung["organization"].startswith("Tỉnh ủy") and hung["organization_resolved"] == "Tỉnh ủy Nghệ An"
    assert hung["title_canonical"] == "Ủy viên Ban Thường vụ" and hung["province"] == "Nghệ An"
    assert isinstance(hung["organization_id"], int)
    hoa = next(r for r in rows if r["person"] == "Lê Thị Hoa")
    assert hoa["organization_id"] != hung["organization_id"] and hoa["province"] == "Thanh Hóa"


def test_province_filter_finds_a_generic_tinh_uy_role_on_a_province_site(kb):
    minh = [r for r in _items(kb, "/api/roles") if r["person"] == "Phạm Quang Minh"]
    assert minh and all(r["place_id"] is None for r in minh)     # no place named: only the body says where
    assert minh[0]["organization"] == "Tỉnh ủy" and minh[0]["organization_resolved"] == "Tỉnh ủy Nghệ An"
    assert "Phạm Quang Minh" in {r["person"] for r in _items(kb, "/api/roles", province="Nghệ An")}
    assert "Phạm Quang Minh" not in {r["person"] for r in _items(kb, "/api/roles", province="Thanh Hóa")}
    assert "Phạm Quang Minh" in {p["name"] for p in _items(kb, "/api/persons", province="Nghệ An")}
    assert "Làm việc với cơ sở" in {a["title"] for a in _items(kb, "/api/articles", province="Nghệ An")}
    assert "Làm việc với cơ sở" not in {a["title"] for a in _items(kb, "/api/articles", province="Thanh Hóa")}


def test_figure_series_split_unlike_things_places_and_periods(kb):
    res = kb.get("/api/figures/series", query_string={"unit": "đảng viên"}).get_json()
    by_values = {frozenset(p["value"] for p in s["points"]): s for s in res["items"]}
    assert len(res["items"]) == len({s["key"] for s in res["items"]}) == 4
    # new members over a year and over six months: two series (the copy adds no point to the year's)
    year, half = by_values[frozenset({812})], by_values[frozenset({410})]
    assert year["counted"] == half["counted"] == "đảng viên được kết nạp"
    assert (year["period"], half["period"], len(year["points"])) == ("year", "half-year", 1)
    assert year["label"] != half["label"]
    totals = [s for s in res["items"] if s["counted"] != "đảng viên được kết nạp"]
    assert {frozenset(p["value"] for p in s["points"]) for s in totals} == {frozenset({145000}), frozenset({220000})}
    thanh_hoa = by_values[frozenset({220000})]
    assert thanh_hoa["place"] == "Thanh Hóa" and thanh_hoa["label"] != by_values[frozenset({145000})]["label"]
    one = kb.get("/api/figures/series", query_string={"unit": "đảng viên", "series": year["key"]}).get_json()
    assert [s["key"] for s in one["items"]] == [year["key"]]
    html = kb.get("/figures", query_string={"unit": "đảng viên"}).get_data(as_text=True)
    assert html.count('class="chart series"') == 4 and "đảng viên được kết nạp" in html
    place = kb.get(f"/places/{thanh_hoa['place_id']}").get_data(as_text=True)
    assert place.count('class="chart series"') == 1


def test_series_charts_escape_their_labels():
    hostile = '<script>alert(1)</script>'
    multiples = charts.series_multiples([{"key": "k", "label": hostile, "unit": "%", "place": "",
                                          "points": [{"date": "2024-01-02", "value": 3, "text": hostile,
                                                      "href": "/articles/1#f1"}]}])
    svg = str(multiples[0]["svg"])
    assert "<script>" not in svg and str(escape(hostile)) in svg
