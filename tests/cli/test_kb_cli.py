"""Knowledge-base commands: export ftm (FollowTheMoney entities, validated, references resolved),
resolve, persons merge/split, a site's province (ingest --province, site add/set, the sites file,
inferred from the name) and syndicated copies linked on ingest and reparse."""
from __future__ import annotations

import json
import re
import sqlite3
import sys

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.webapp.cli import main

STORY = ("Sáng 12/5, Huyện ủy Tam Nông tổ chức hội nghị sơ kết công tác xây dựng Đảng. Đồng chí Hà Văn Long, "
         "Bí thư Huyện ủy Tam Nông chủ trì hội nghị. Trong 6 tháng đầu năm, toàn huyện kết nạp 86 đảng viên mới, "
         "đạt 57% kế hoạch năm. Hội nghị đề ra nhiệm vụ trọng tâm 6 tháng cuối năm, trong đó chú trọng công tác "
         "phát triển đảng viên ở khu dân cư và doanh nghiệp.")
FILES = {
    ("Báo Nghệ An", "na1.txt"): "Hội nghị Huyện ủy Nam Đàn\n12/03/2021\nĐồng chí Nguyễn Văn Thắng, Bí thư Huyện ủy Nam "
                                "Đàn chủ trì hội nghị. Đồng chí Lê Thị Hoa, Phó Chủ tịch UBND huyện Nam Đàn báo cáo.\n",
    ("Báo Nghệ An", "na2.txt"): "Tỉnh ủy Nghệ An họp\n05/01/2023\nĐồng chí Nguyễn Văn Thắng, nguyên Bí thư Huyện ủy Nam "
                                "Đàn, được bầu làm Phó Bí thư Tỉnh ủy Nghệ An.\n",
    ("Báo Hà Giang", "hg.txt"): "Sở Y tế Hà Giang sơ kết\n15/07/2015\nÔng Trần Văn Thắng, Giám đốc Sở Y tế tỉnh Hà Giang "
                                "chủ trì hội nghị sơ kết.\n",
}


@pytest.fixture
def runner():
    return CliRunner()


def _run(runner, *args, code=0):
    res = runner.invoke(main, list(args))
    assert res.exit_code == code, res.output
    return res


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kbcli")
    db = str(folder / "kb.db")
    r = CliRunner()
    for site in ("Báo Nghệ An", "Báo Hà Giang"):
        paths = []
        for (s, name), text in FILES.items():
            if s == site:
                (folder / name).write_text(text, encoding="utf-8")
                paths.append(str(folder / name))
        _run(r, "--db", db, "ingest", *paths, "--site", site)
    _run(r, "--db", db, "process")
    return folder


@pytest.fixture
def kb(template, tmp_path):
    # the SQLite backup API reads through the write-ahead log a plain file copy would miss
    src, dst = sqlite3.connect(template / "kb.db"), sqlite3.connect(tmp_path / "kb.db")
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return str(tmp_path / "kb.db"), template


def _key(folder, name, person):
    return f"{(folder / name).resolve().as_uri()}#{person}"


def _person(db, mention_key) -> int:
    d = open_db(db)
    try:
        with d.session() as s:
            return s.execute(select(m.PersonOccurrence.person_id).where(
                m.PersonOccurrence.mention_key == mention_key)).scalar_one()
    finally:
        d.dispose()


ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REFS = {"Occupancy": ("holder", "post"), "Position": ("organization",), "Organization": ("addressEntity",)}


def test_export_ftm_writes_valid_entities_whose_references_all_resolve(runner, kb, tmp_path):
    from followthemoney import model
    db, _ = kb
    out = tmp_path / "kb.ftm.json"
    res = _run(runner, "--db", db, "export", "ftm", "-o", str(out))
    assert "FollowTheMoney entities" in res.output
    lines = out.read_text(encoding="utf-8").splitlines()
    proxies = [model.get_proxy(json.loads(line)) for line in lines]
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies)
    schemas = {p.schema.name for p in proxies}
    assert {"Person", "Organization", "Position", "Occupancy", "Address"} <= schemas
    for p in proxies:
        assert not p.schema.validate(p.to_dict()), p.to_dict()
        for prop in REFS.get(p.schema.name, ()):
            for ref in p.get(prop):
                assert ref in by_id, (p.id, prop, ref)
        for prop in ("startDate", "endDate"):
            for v in p.get(prop, quiet=True):
                assert ISO.match(v), (p.id, prop, v)
    names = {n for p in proxies if p.schema.name == "Person" for n in p.get("name")}
    assert {"Nguyễn Văn Thắng", "Trần Văn Thắng"} <= names
    occupancies = [p for p in proxies if p.schema.name == "Occupancy"]
    assert occupancies and all(p.get("holder") and p.get("post") for p in occupancies)
    assert any(p.get("startDate") for p in occupancies)
    # to stdout: the same entities
    assert _run(runner, "--db", db, "export", "ftm").output.splitlines() == lines


def test_export_ftm_without_followthemoney_is_a_one_line_error_naming_the_extra(runner, kb, monkeypatch):
    db, _ = kb
    monkeypatch.setitem(sys.modules, "followthemoney", None)
    res = _run(runner, "--db", db, "export", "ftm", code=1)
    assert "pip install 'partyfacts[ftm]'" in res.output and len(res.output.strip().splitlines()) == 1


def test_export_ftm_refuses_filters_and_other_formats(runner, kb):
    db, _ = kb
    assert "leave out --site" in _run(runner, "--db", db, "export", "ftm", "--site", "x", code=1).output
    assert "leave out --format" in _run(runner, "--db", db, "export", "ftm", "--format", "csv", code=1).output


def test_persons_merge_and_split_from_the_command_line(runner, kb):
    db, folder = kb
    na1 = _key(folder, "na1.txt", "nguyễn văn thắng")
    hg = _key(folder, "hg.txt", "trần văn thắng")
    a, b = _person(db, na1), _person(db, hg)
    assert a != b
    res = _run(runner, "--db", db, "persons", "merge", str(a), str(b), "--note", "same man")
    assert _person(db, na1) == _person(db, hg) and f"are person {_person(db, na1)}" in res.output
    listed = _run(runner, "--db", db, "persons", "occurrences", str(_person(db, na1))).output
    assert hg in listed and na1 in listed and "by researcher" in listed
    res = _run(runner, "--db", db, "persons", "split", str(_person(db, na1)), hg)
    assert _person(db, na1) != _person(db, hg) and f"moved to person {_person(db, hg)}" in res.output
    res = _run(runner, "--db", db, "persons", "merge", str(a), str(a), code=1)
    assert "itself" in res.output
    res = _run(runner, "--db", db, "persons", "split", "987654", hg, code=1)
    assert "does not exist" in res.output


def test_resolve_all_with_either_method_keeps_researchers_decisions(runner, kb):
    db, folder = kb
    na1 = _key(folder, "na1.txt", "nguyễn văn thắng")
    hg = _key(folder, "hg.txt", "trần văn thắng")
    _run(runner, "--db", db, "persons", "merge", str(_person(db, na1)), str(_person(db, hg)))
    assert "no occurrence waits" in _run(runner, "--db", db, "resolve").output
    for method in ("rules", "splink"):
        res = _run(runner, "--db", db, "resolve", "--all", "--method", method)
        assert "name blocks" in res.output and (method in res.output)
        assert _person(db, na1) == _person(db, hg)


def _site_province(db, name):
    d = open_db(db)
    try:
        with d.session() as s:
            return s.execute(select(m.Site.province).where(m.Site.name == name)).scalar_one()
    finally:
        d.dispose()


def test_a_site_province_is_inferred_given_on_ingest_or_set_and_checked(runner, tmp_path):
    db = str(tmp_path / "p.db")
    f = tmp_path / "a.txt"
    f.write_text("Tin\n01/02/2024\nUBND tỉnh họp.\n", encoding="utf-8")
    _run(runner, "--db", db, "ingest", str(f), "--site", "Báo Nghệ An")
    assert _site_province(db, "Báo Nghệ An") == "Nghệ An"
    _run(runner, "--db", db, "ingest", str(f), "--site", "tinhuy", "--province", "thanh hoa")
    assert _site_province(db, "tinhuy") == "Thanh Hóa"
    res = _run(runner, "--db", db, "ingest", str(f), "--site", "x", "--province", "Nam Đàn", code=2)
    assert "'Nam Đàn' is not a province name" in res.output and len(res.output.strip().splitlines()) == 1
    _run(runner, "--db", db, "site", "set", "tinhuy", "--province", "Hà Giang")
    assert _site_province(db, "tinhuy") == "Hà Giang"
    assert "not a province" in _run(runner, "--db", db, "site", "set", "tinhuy", "--province", "Mars", code=2).output
    assert "no site called" in _run(runner, "--db", db, "site", "set", "nope", "--province", "Huế", code=1).output
    res = _run(runner, "--db", db, "site", "add", "https://tuoitrethudo.example.vn/", "--province", "Hà Nội")
    assert _site_province(db, "tuoitrethudo.example.vn") == "Hà Nội" and "province Hà Nội" in res.output
    _run(runner, "--db", db, "site", "add", "https://x.example.vn/", "--province", "Paris", code=2)
    _run(runner, "--db", db, "site", "add", "https://baothanhhoa.vn/")
    assert _site_province(db, "baothanhhoa.vn") == "Thanh Hóa"
    assert "province Thanh Hóa" in _run(runner, "--db", db, "site", "list").output


def test_the_sites_file_sets_provinces_and_refuses_a_bad_one(runner, tmp_path, monkeypatch):
    from partyfacts.corpus.schedule import load_sites_file
    db = str(tmp_path / "s.db")
    good = tmp_path / "sites.toml"
    good.write_text('[[site]]\nurl = "https://tin.example.vn/"\nevery = "6h"\nprovince = "Nghệ An"\n', encoding="utf-8")
    assert load_sites_file(good)[0].province == "Nghệ An"
    bad = tmp_path / "bad.toml"
    bad.write_text('[[site]]\nurl = "https://tin.example.vn/"\nprovince = "Atlantis"\n', encoding="utf-8")
    res = _run(runner, "--db", db, "schedule", "--sites", str(bad), "--once", code=2)
    assert "[[site]] number 1" in res.output and "'Atlantis' is not a province name" in res.output


def test_help_of_the_new_commands_has_examples_and_says_what_a_province_change_needs(runner):
    for cmd in (["resolve"], ["persons"], ["persons", "merge"], ["persons", "split"], ["persons", "occurrences"],
                ["site", "set"]):
        assert "Example" in _run(runner, *cmd, "--help").output, cmd
    text = " ".join(_run(runner, "site", "set", "--help").output.split())
    assert "re-processes nothing by itself" in text and "process --all" in text and "resolve --all" in text


def test_ingested_copies_of_a_story_on_another_site_are_linked(runner, tmp_path):
    db = str(tmp_path / "c.db")
    first, copy = tmp_path / "first.txt", tmp_path / "copy.txt"
    first.write_text("Tam Nông sơ kết\n12/05/2024\n" + STORY + "\n", encoding="utf-8")
    copy.write_text("Tam Nông sơ kết 6 tháng\n12/05/2024\nNguồn: Cổng TTĐT huyện. " + STORY + "\n", encoding="utf-8")
    _run(runner, "--db", db, "ingest", str(first), "--site", "a.gov.vn")
    res = _run(runner, "--db", db, "ingest", str(copy), "--site", "b.vn")
    assert "1 linked to another copy" in res.output
    d = open_db(db)
    try:
        with d.session() as s:
            arts = {a.url.rsplit("/", 1)[-1]: a for a in s.execute(select(m.Article)).scalars()}
            assert arts["copy.txt"].syndicated_of_id == arts["first.txt"].id and arts["copy.txt"].similarity >= 0.8
            assert arts["first.txt"].syndicated_of_id is None
    finally:
        d.dispose()


def test_reparsed_articles_whose_text_changed_are_linked_again(runner, tmp_path):
    db = str(tmp_path / "r.db")
    html = ("<html><head><title>Tam Nông sơ kết</title></head><body><article><h1>Tam Nông sơ kết</h1>"
            "<p>12/05/2024</p><p>{}</p></article></body></html>")
    first, copy = tmp_path / "first.html", tmp_path / "copy.html"
    first.write_text(html.format(STORY), encoding="utf-8")
    copy.write_text(html.format("Nguồn: Cổng TTĐT huyện. " + STORY), encoding="utf-8")
    _run(runner, "--db", db, "ingest", str(first), "--site", "a.gov.vn")
    _run(runner, "--db", db, "ingest", str(copy), "--site", "b.vn")
    d = open_db(db)
    try:
        with d.session() as s:
            art = s.execute(select(m.Article).where(m.Article.url.endswith("copy.html"))).scalar_one()
            assert art.syndicated_of_id is not None
            # as if an older scraper had extracted it badly, so it was never linked
            art.text, art.syndicated_of_id, art.similarity = "hỏng", None, None
            aid = art.id
        res = _run(runner, "--db", db, "reparse", "--site", "b.vn")
        assert "1 updated" in res.output and "1 linked to another copy" in res.output
        with d.session() as s:
            assert s.get(m.Article, aid).syndicated_of_id is not None
    finally:
        d.dispose()
