import csv
import io
import json

from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus.export import iter_csv, iter_json, write_xlsx
from partyfacts.corpus.jobs import ingest_files, process_articles
from partyfacts.corpus.pipeline import table_counts
from partyfacts.corpus.queries import export_rows, list_items, spec


def test_ingest_then_process_fills_every_fact_table(db, gold_txt):
    res = ingest_files(db, gold_txt[:4], site="dev")
    assert len(res.added) == 4 and not res.errors
    out = process_articles(db)
    assert out.processed == 4 and out.failed == 0
    counts = table_counts(db)
    for table in ("articles", "persons", "roles", "places", "organizations", "figures", "mentions"):
        assert counts[table] > 0, table


def test_reingesting_the_same_file_adds_nothing(db, gold_txt):
    ingest_files(db, gold_txt[:2])
    again = ingest_files(db, gold_txt[:2])
    assert again.added == [] and len(again.unchanged) == 2


def test_process_skips_articles_done_by_this_pipeline_version_unless_all(db, gold_txt):
    ingest_files(db, gold_txt[:2])
    assert process_articles(db).processed == 2
    assert process_articles(db).processed == 0
    assert process_articles(db, all_articles=True).processed == 2
    with db.session() as s:  # re-processing replaces facts, it does not duplicate them
        n_roles = len(s.execute(select(m.Role)).all())
    process_articles(db, all_articles=True)
    with db.session() as s:
        assert len(s.execute(select(m.Role)).all()) == n_roles


def test_fact_spans_point_at_their_surface_in_the_article(db, gold_txt):
    ingest_files(db, gold_txt[:3])
    process_articles(db)
    with db.session() as s:
        for mention, text in s.execute(select(m.Mention, m.Article.text).join(m.Article)):
            assert text[mention.start:mention.end] == mention.surface
        for fig, text in s.execute(select(m.Figure, m.Article.text).join(m.Article)):
            assert text[fig.start:fig.end] == fig.text


def test_a_failing_article_is_recorded_and_the_batch_goes_on(db, gold_txt):
    ingest_files(db, gold_txt[:3])
    calls = []

    def flaky(text, **kw):
        from partyfacts import nlp
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return nlp.extract(text, **kw)

    res = process_articles(db, extract=flaky, version="test-v")
    assert res.processed == 2 and res.failed == 1 and "boom" in res.errors[0]
    with db.session() as s:
        statuses = sorted(p.status for p in s.execute(select(m.Processing)).scalars())
    assert statuses == ["error", "ok", "ok"]


def test_ingest_reports_non_utf8_and_missing_files_by_name(db, tmp_path):
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Bí thư".encode("cp1258"))     # UTF-16 with a byte-order mark is decoded; this is refused
    res = ingest_files(db, [bad, tmp_path / "missing.txt"])
    assert res.added == []
    assert any("latin.txt" in e and "UTF-8" in e for e in res.errors)
    assert any("missing.txt" in e for e in res.errors)


def test_export_rows_carry_article_url_and_published_date(db, gold_txt):
    ingest_files(db, gold_txt[-1:])
    process_articles(db)
    with db.session() as s:
        arts = list(export_rows(s, "articles"))
        assert arts[0]["published"].startswith("2019-06-03") and arts[0]["url"].startswith("file://")
        for table in ("roles", "figures"):
            rows = list(export_rows(s, table))
            assert rows, table
            assert all(r["article_url"] == arts[0]["url"] and r["published"] == arts[0]["published"] for r in rows)
        for table in ("persons", "places", "organizations"):   # one row per entity, as the list pages
            rows = list(export_rows(s, table))
            page = list_items(s, table, "", 1, 200)["items"]
            assert rows and [r["id"] for r in rows] == [i["id"] for i in page], table
            assert [r["articles"] for r in rows] == [i["articles"] for i in page], table


def test_csv_export_starts_with_bom_and_round_trips(db, gold_txt):
    ingest_files(db, gold_txt[:2])
    process_articles(db)
    with db.session() as s:
        text = "".join(iter_csv(export_rows(s, "roles"), spec("roles").columns))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert rows and set(spec("roles").columns) == set(rows[0])


def test_json_and_xlsx_exports_are_valid(db, gold_txt, tmp_path):
    ingest_files(db, gold_txt[:2])
    process_articles(db)
    with db.session() as s:
        data = json.loads("".join(iter_json(export_rows(s, "figures"))))
        assert data and {"value", "unit", "article_url"} <= set(data[0])
        out = tmp_path / "p.xlsx"
        with open(out, "wb") as fh:
            write_xlsx(export_rows(s, "persons"), spec("persons").columns, fh)
    import openpyxl
    ws = openpyxl.load_workbook(out, read_only=True).active
    header = next(ws.iter_rows(values_only=True))
    assert header[:2] == ("id", "name")


def test_list_items_matches_without_diacritics(db, gold_txt):
    ingest_files(db, gold_txt[-1:])
    process_articles(db)
    with db.session() as s:
        res = list_items(s, "articles", "vinh yen")
        assert res["total"] == 1 and res["items"][0]["title"] == "seed_vinhyen_2019"  # found by its text
        assert list_items(s, "articles", "khong co gi")["total"] == 0


def test_a_figure_is_filed_under_the_place_its_sentence_names_before_it(db, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kết nạp đảng viên\n\nNăm 2023, Đảng bộ huyện Lục Ngạn kết nạp 86 đảng viên mới. "
                 "Toàn tỉnh có 1.250 đảng viên mới.\n", encoding="utf-8")
    ingest_files(db, [f])
    process_articles(db)
    with db.session() as s:
        figs = {fig.value: fig for fig in s.execute(select(m.Figure)).scalars()}
        assert s.get(m.Place, figs[86].place_id).name == "Lục Ngạn"
        assert figs[1250].place_id is None


def test_a_text_file_title_is_its_headline_line_or_else_its_file_name(db, tmp_path):
    a = tmp_path / "tin-dai-hoi.txt"
    a.write_text("12/05/2024\nĐại hội Đảng bộ xã Tân Lập\n\nSáng 12/5, …", encoding="utf-8")
    b = tmp_path / "bai-dai.txt"
    b.write_text("Sáng 12/5, " + "Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng " * 6 + ".", encoding="utf-8")
    ingest_files(db, [a, b])
    with db.session() as s:
        arts = {x.title: x for x in s.execute(select(m.Article)).scalars()}
    assert set(arts) == {"Đại hội Đảng bộ xã Tân Lập", "bai-dai"}
    assert arts["Đại hội Đảng bộ xã Tân Lập"].published == "2024-05-12"
