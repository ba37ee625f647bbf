"""Per-person aggregates (corpus.aggregates, migration 0010) stay equal to a from-scratch recomputation
whatever changes the person's rows — processing, re-processing, a merge, a split, a republished copy
linked — the person page serves them, pages its long lists, and its cache misses after new facts."""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from partyfacts.corpus import aggregates, open_db, pages
from partyfacts.corpus import models as m
from partyfacts.corpus.jobs import ingest_files, link_syndicated_articles, process_articles
from partyfacts.corpus.kb.decisions import merge_persons, split_person

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
NEW = ("a5.txt", "Nam Đàn sơ kết quý I\n02/04/2023\nSáng 2/4, đồng chí Lê Thị Hoa, Phó Chủ tịch UBND huyện Nam "
                 "Đàn, dự hội nghị sơ kết quý I.\n")


def _ingest(db, folder: Path, site: str, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in files.items():
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    assert not ingest_files(db, paths, site=site).errors


@pytest.fixture(scope="module")
def pg_server():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pg import running_postgres
    yield from running_postgres('for the aggregate triggers')


@pytest.fixture(params=["sqlite", "postgresql"])
def corpus(request, tmp_path):
    if request.param == "sqlite":
        db = open_db(str(tmp_path / "agg.db"))
    else:
        server = request.getfixturevalue("pg_server")
        db = open_db(server.createdb(f"agg_{uuid.uuid4().hex[:12]}"))
    for site, files in ARTICLES.items():
        _ingest(db, tmp_path / "files", site, files)
    assert process_articles(db, version="v1").processed == 4
    pages.PAGE_CACHE.clear()
    yield db, tmp_path / "files"
    db.dispose()


def _person(db, name: str) -> int:
    with db.session() as s:
        return s.execute(select(m.Person.id).where(m.Person.name == name)).scalar_one()


def _person_of(db, folder, file: str, person: str = "nguyễn văn thắng") -> int:
    with db.session() as s:
        return s.execute(select(m.PersonOccurrence.person_id).where(
            m.PersonOccurrence.mention_key == f"{(folder / file).resolve().as_uri()}#{person}")).scalar_one()


def assert_fresh_and_equal(db) -> None:
    """Every person has a stored aggregate, nothing is pending, and each equals a recomputation."""
    with db.session() as s:
        assert aggregates.pending(s) == 0
        ids = list(s.execute(select(m.Person.id).order_by(m.Person.id)).scalars())
        assert ids
        stored_ids = set(s.execute(select(aggregates.AGGREGATES.c.entity_id)).scalars())
        assert stored_ids == set(ids)   # none missing, none left for a person that is gone
        for pid in ids:
            got = aggregates.stored(s, pid)
            assert got is not None, pid
            assert got[1] == aggregates.compute_person(s, pid), pid


def test_processing_stores_every_persons_aggregate_equal_to_a_recomputation(corpus):
    db, _ = corpus
    assert_fresh_and_equal(db)
    with db.session() as s:
        hoa = aggregates.stored(s, _person(db, "Lê Thị Hoa"))[1]
    assert hoa["articles_total"] == 2 and hoa["co_mention_window"] == 2
    assert [n for _, n in hoa["co_mentioned"]] == [2]       # the Nam Đàn secretary, in both stories


def test_reprocessing_and_new_articles_keep_aggregates_equal(corpus, tmp_path):
    db, folder = corpus
    hoa = _person(db, "Lê Thị Hoa")
    _ingest(db, folder, "Báo Nghệ An", dict([NEW]))
    assert process_articles(db, version="v1").processed == 1
    assert_fresh_and_equal(db)
    with db.session() as s:
        assert aggregates.stored(s, hoa)[1]["articles_total"] == 3
    assert process_articles(db, version="v2", all_articles=True).processed == 5
    assert_fresh_and_equal(db)


def test_merge_and_split_keep_aggregates_equal(corpus):
    db, folder = corpus
    a1, a3 = _person_of(db, folder, "a1.txt"), _person_of(db, folder, "a3.txt")
    with db.session() as s:
        merged = merge_persons(s, a1, a3, note="same man", by="tester")
        aggregates.refresh(s)
    assert_fresh_and_equal(db)
    with db.session() as s:
        assert aggregates.stored(s, merged.person_id)[1]["articles_total"] == 3
        key3 = f"{(folder / 'a3.txt').resolve().as_uri()}#nguyễn văn thắng"
        res = split_person(s, merged.person_id, [key3], note="another man", by="tester")
        aggregates.refresh(s)
    assert_fresh_and_equal(db)
    with db.session() as s:
        assert aggregates.stored(s, res.person_id)[1]["articles_total"] == 2
        assert aggregates.stored(s, res.new_person_id)[1]["articles_total"] == 1


def test_a_linked_copy_counts_its_story_once_after_link_syndicated(corpus):
    db, _ = corpus
    hoa = _person(db, "Lê Thị Hoa")
    with db.session() as s:
        a1, a2 = s.execute(select(m.Article.id).order_by(m.Article.id).limit(2)).scalars()
        s.execute(update(m.Article).where(m.Article.id == a2).values(syndicated_of_id=a1))
    with db.session() as s:     # a pending change: the stale aggregate is not served, the page is right
        assert aggregates.stored(s, hoa) is None
        assert pages.person_detail(s, hoa)["articles_total"] == 1
    link_syndicated_articles(db, [a1])   # the job refreshes what is marked
    assert_fresh_and_equal(db)
    with db.session() as s:
        assert aggregates.stored(s, hoa)[1]["articles_total"] == 1


def test_a_migrated_database_marks_every_person_and_the_next_process_run_computes_them(corpus):
    db, _ = corpus
    with db.session() as s:
        s.execute(aggregates.AGGREGATES.delete())
        assert aggregates.mark_all(s) == s.execute(select(func.count()).select_from(m.Person)).scalar_one()
    assert process_articles(db, version="v1").processed == 0
    assert_fresh_and_equal(db)


def test_person_page_lists_are_paged_without_overlap(corpus, monkeypatch):
    db, folder = corpus
    monkeypatch.setattr(pages, "ARTICLES_PER_PAGE", 1)
    monkeypatch.setattr(pages, "ROLES_PER_PAGE", 1)
    thang = _person_of(db, folder, "a1.txt")
    with db.session() as s:
        first = pages.person_detail(s, thang)
        second = pages.person_detail(s, thang, articles_page=2, roles_page=2)
        past = pages.person_detail(s, thang, articles_page=3, roles_page=3)
    assert first["articles_total"] == 2 and first["articles_page"] == {"page": 1, "per_page": 1, "total": 2,
                                                                      "pages": 2}
    assert len(first["articles"]) == len(second["articles"]) == 1
    assert first["articles"][0]["id"] != second["articles"][0]["id"]
    assert first["articles"][0]["published"] >= second["articles"][0]["published"]   # newest first
    assert first["roles_total"] == 2 and first["roles"][0]["id"] != second["roles"][0]["id"]
    assert past["articles"] == [] and past["roles"] == []
    with pytest.raises(ValueError):
        pages.person_detail(db.sessionmaker(), thang, articles_page=0)


def test_a_cached_person_page_is_recomputed_after_new_facts(corpus):
    db, folder = corpus
    hoa = _person(db, "Lê Thị Hoa")
    with db.session() as s:
        before = pages.person_detail(s, hoa)
        again = pages.person_detail(s, hoa)
        stamp = aggregates.stamp_of(s, hoa)
    assert again == before and before["articles_total"] == 2
    with db.session() as s:
        assert pages.PAGE_CACHE.get(pages.person_cache_key(s, hoa), stamp) is not None
    _ingest(db, folder, "Báo Nghệ An", dict([NEW]))
    assert process_articles(db, version="v1").processed == 1
    with db.session() as s:
        after = pages.person_detail(s, hoa)
        assert aggregates.stamp_of(s, hoa) != stamp
    assert after["articles_total"] == 3 and len(after["articles"]) == 3
    assert after["articles"][0]["title"].startswith("Nam Đàn sơ kết quý I")


def test_a_cached_page_is_a_copy_the_caller_may_change(corpus):
    db, _ = corpus
    hoa = _person(db, "Lê Thị Hoa")
    with db.session() as s:
        first = pages.person_detail(s, hoa)
        first["articles"].clear()
        assert len(pages.person_detail(s, hoa)["articles"]) == 2
