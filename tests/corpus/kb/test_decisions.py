"""Researchers' merges and splits are decisions keyed by mention keys: they re-resolve at once and
the corrected persons come back the same after re-processing everything with a new pipeline
version, and in a fresh database that only has the decisions."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import ingest_files, process_articles
from partyfacts.corpus.kb.decisions import DecisionError, merge_persons, split_person

ARTICLES = {
    "Báo Nghệ An": {
        "a1.txt": "Hội nghị Ban Chấp hành Đảng bộ huyện Nam Đàn\n12/03/2021\nChiều 12/3, Huyện ủy Nam Đàn tổ chức "
                  "hội nghị. Đồng chí Nguyễn Văn Thắng, Bí thư Huyện ủy Nam Đàn chủ trì hội nghị. Dự hội nghị có "
                  "đồng chí Lê Thị Hoa, Phó Chủ tịch UBND huyện.\n",
        "a2.txt": "Nam Đàn triển khai nhiệm vụ năm 2022\n05/01/2022\nSáng 5/1, đồng chí Nguyễn Văn Thắng, Bí thư "
                  "Huyện ủy Nam Đàn, phát biểu chỉ đạo hội nghị triển khai nhiệm vụ. Đồng chí Lê Thị Hoa, Phó Chủ "
                  "tịch UBND huyện Nam Đàn báo cáo kết quả.\n",
    },
    "Báo Thanh Hóa": {
        "a3.txt": "Xã Nga Thủy tổng kết năm\n20/12/2021\nNgày 20/12, UBND xã Nga Thủy, huyện Nga Sơn, tỉnh Thanh "
                  "Hóa tổ chức tổng kết. Ông Nguyễn Văn Thắng, Chủ tịch UBND xã Nga Thủy cho biết xã đã hoàn "
                  "thành các chỉ tiêu.\n",
    },
    "Báo Hà Giang": {
        "a4.txt": "Sở Y tế Hà Giang sơ kết 6 tháng\n15/07/2015\nNgày 15/7, Sở Y tế tỉnh Hà Giang tổ chức sơ kết công "
                  "tác 6 tháng đầu năm. Ông Nguyễn Văn Thắng, Giám đốc Sở Y tế tỉnh Hà Giang chủ trì hội nghị.\n",
    },
}


def build(db, folder):
    folder.mkdir(exist_ok=True)
    for site, files in ARTICLES.items():
        paths = []
        for name, text in files.items():
            p = folder / name
            p.write_text(text, encoding="utf-8")
            paths.append(p)
        assert not ingest_files(db, paths, site=site).errors
    res = process_articles(db, version="v1")
    assert res.processed == 4 and not res.errors


def clusters(db) -> set[frozenset[str]]:
    with db.session() as s:
        by_person: dict[int, set[str]] = {}
        for pid, key in s.execute(select(m.PersonOccurrence.person_id, m.PersonOccurrence.mention_key)):
            by_person.setdefault(pid, set()).add(key)
    return {frozenset(v) for v in by_person.values()}


def key(folder, name, person="nguyễn văn thắng"):
    return f"{(folder / name).resolve().as_uri()}#{person}"


def person_of(db, mention_key) -> int:
    with db.session() as s:
        return s.execute(select(m.PersonOccurrence.person_id).where(
            m.PersonOccurrence.mention_key == mention_key)).scalar_one()


@pytest.fixture
def corpus(tmp_path):
    db = open_db(str(tmp_path / "kb.db"))
    build(db, tmp_path / "files")
    yield db, tmp_path / "files"
    db.dispose()


def test_merge_then_split_give_the_researchers_persons_at_once(corpus):
    db, folder = corpus
    a1, a2, a3, a4 = (key(folder, f"a{i}.txt") for i in range(1, 5))
    # what the model made of it: the Hà Giang director and the Thanh Hóa chairman kept apart from the
    # Nam Đàn secretary
    assert person_of(db, a4) != person_of(db, a1) == person_of(db, a2) != person_of(db, a3)
    with db.session() as s:
        merged = merge_persons(s, person_of(db, a1), person_of(db, a4), note="same man", by="tester")
    with db.session() as s:
        merged = merge_persons(s, merged.person_id, person_of(db, a3), note="same man", by="tester")
    assert person_of(db, a1) == person_of(db, a2) == person_of(db, a3) == person_of(db, a4) == merged.person_id
    with db.session() as s:
        res = split_person(s, merged.person_id, [a3, a4], note="another man", by="tester")
    assert res.person_id == person_of(db, a1) == person_of(db, a2)
    assert res.new_person_id == person_of(db, a3) == person_of(db, a4) != res.person_id
    with db.session() as s:
        kinds = sorted((d.kind, d.created_by, d.note) for d in s.execute(select(m.ResolutionDecision)).scalars())
    # the split withdrew the merge it contradicts; the moved pair is held together
    assert kinds == [("merge", "tester", "another man")] + [("split", "tester", "another man")] * 2


def test_corrections_survive_reprocessing_with_a_new_pipeline_version_and_a_fresh_database(corpus, tmp_path):
    db, folder = corpus
    a1, a3, a4 = key(folder, "a1.txt"), key(folder, "a3.txt"), key(folder, "a4.txt")
    with db.session() as s:
        merge_persons(s, person_of(db, a1), person_of(db, a4), by="tester")
    with db.session() as s:
        merge_persons(s, person_of(db, a1), person_of(db, a3), by="tester")
    with db.session() as s:
        split_person(s, person_of(db, a1), [a3, a4], by="tester")
    corrected = clusters(db)
    assert frozenset({a3, a4}) in corrected
    res = process_articles(db, all_articles=True, version="v2")
    assert res.processed == 4 and res.resolved.occurrences >= 3
    assert clusters(db) == corrected
    # a fresh database with the same files and only the decisions: the same persons
    with db.session() as s:
        decisions = [(d.kind, d.key_a, d.key_b) for d in s.execute(select(m.ResolutionDecision)).scalars()]
    fresh = open_db(str(tmp_path / "fresh.db"))
    try:
        with fresh.session() as s:
            s.add_all(m.ResolutionDecision(kind=k, key_a=a, key_b=b) for k, a, b in decisions)
        build(fresh, folder)
        assert clusters(fresh) == corrected
    finally:
        fresh.dispose()


def test_a_later_merge_withdraws_an_earlier_split_of_the_same_occurrences(corpus):
    db, folder = corpus
    a1, a3 = key(folder, "a1.txt"), key(folder, "a3.txt")
    with db.session() as s:
        merge_persons(s, person_of(db, a1), person_of(db, a3))
    with db.session() as s:
        split_person(s, person_of(db, a1), [a3])
    assert person_of(db, a1) != person_of(db, a3)
    with db.session() as s:
        res = merge_persons(s, person_of(db, a1), person_of(db, a3))
    assert person_of(db, a1) == person_of(db, a3) == res.person_id
    with db.session() as s:
        assert [d.kind for d in s.execute(select(m.ResolutionDecision)).scalars()] == ["merge"]


def test_bad_corrections_are_refused_with_a_reason(corpus):
    db, folder = corpus
    a1, a4 = key(folder, "a1.txt"), key(folder, "a4.txt")
    p1 = person_of(db, a1)
    with db.session() as s:
        with pytest.raises(DecisionError, match="itself") as e:
            merge_persons(s, p1, p1)
        assert e.value.status == 400
        with pytest.raises(DecisionError, match="does not exist") as e:
            merge_persons(s, p1, 99999)
        assert e.value.status == 404
        with pytest.raises(DecisionError, match="not one of person"):
            split_person(s, p1, [a4])
        with pytest.raises(DecisionError, match="at least one"):
            split_person(s, p1, [])
        with pytest.raises(DecisionError, match="leave at least one"):
            split_person(s, p1, [o.mention_key for o in s.execute(select(m.PersonOccurrence).where(
                m.PersonOccurrence.person_id == p1)).scalars()])
        assert s.execute(select(m.ResolutionDecision)).first() is None
