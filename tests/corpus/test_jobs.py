"""corpus.jobs: the registry, the inline runner, and that running a job twice changes nothing."""
import ast
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from partyfacts.corpus import models as m
from partyfacts.corpus.jobs import (JOBS, InlineRunner, ProcessConfig, get_job, pipeline_version,
                                    schedule_tick)
from partyfacts.corpus.pipeline import table_counts
from partyfacts.corpus.schedule import add_site, queued_sites, request_crawl

ROOT = Path(__file__).resolve().parents[2]


def _snapshot(db) -> dict:
    """Every table's row count plus the processing marks and article hashes."""
    counts = dict(table_counts(db))
    with db.session() as s:
        counts["processing"] = sorted(s.execute(select(m.Processing.article_id, m.Processing.pipeline_version,
                                                       m.Processing.status)).all())
        counts["hashes"] = sorted(s.execute(select(m.Article.id, m.Article.content_hash)).all())
        counts["mention_rows"] = s.execute(select(func.count()).select_from(m.Mention)).scalar_one()
    return counts


def test_every_pipeline_job_is_registered_by_name():
    assert {"ingest", "process", "crawl", "reparse", "schedule-tick", "link-syndicated"} <= set(JOBS)
    with pytest.raises(KeyError, match="unknown job 'fetch-everything'"):
        get_job("fetch-everything")


def test_running_ingest_twice_changes_nothing(db, gold_txt):
    runner = InlineRunner(db)
    first = runner.submit("ingest", paths=gold_txt[:3], site="dev")
    after_first = _snapshot(db)
    second = runner.submit("ingest", paths=gold_txt[:3], site="dev")
    assert first.done and len(first.result.added) == 3
    assert second.result.added == [] and len(second.result.unchanged) == 3
    assert first.key == second.key == tuple(p.resolve().as_uri() for p in gold_txt[:3])
    assert _snapshot(db) == after_first


def test_running_process_twice_changes_nothing(db, gold_txt):
    runner = InlineRunner(db)
    runner.run("ingest", paths=gold_txt[:3])
    first = runner.submit("process", config=ProcessConfig())
    after_first = _snapshot(db)
    second = runner.submit("process", config=ProcessConfig())
    assert first.result.processed == 3 and first.result.facts
    assert second.result.processed == 0 and second.result.failed == 0
    assert first.key == second.key == ("new", pipeline_version())
    assert _snapshot(db) == after_first


def test_reprocessing_all_articles_keeps_the_same_facts(db, gold_txt):
    runner = InlineRunner(db)
    runner.run("ingest", paths=gold_txt[:2])
    runner.run("process")
    before = _snapshot(db)
    assert runner.run("process", all_articles=True).processed == 2
    assert _snapshot(db) == before


def test_process_records_the_version_of_the_pipeline_it_ran(db, gold_txt):
    runner = InlineRunner(db)
    runner.run("ingest", paths=gold_txt[:1])
    res = runner.run("process", config=ProcessConfig())
    with db.session() as s:
        assert s.execute(select(m.Processing.pipeline_version)).scalars().all() == [res.version]
    assert res.version == pipeline_version(())


def test_a_schedule_tick_crawls_nothing_when_nothing_is_due_or_queued(db):
    row = add_site(db, "https://example.org/", "every 6h")
    with db.session() as s:
        s.get(m.Site, row.id).last_crawl_at = datetime(2026, 1, 1, 0, 0)
    res = schedule_tick(db, now=datetime(2026, 1, 1, 5, 0), echo=lambda line: None)
    assert res.due == 0 and res.processed is None
    assert get_job("schedule-tick").key(now=datetime(2026, 1, 1, 5, 0)) == ("tick", datetime(2026, 1, 1, 5, 0))


def test_a_crawl_request_is_queued_once_and_keeps_its_first_time(db):
    row = add_site(db, "https://example.org/", "every 6h")
    t1, t2 = datetime(2026, 1, 1, 8, 0), datetime(2026, 1, 1, 9, 0)
    with db.session() as s:
        site = s.get(m.Site, row.id)
        assert request_crawl(s, site, t1) is True
        assert request_crawl(s, site, t2) is False
    with db.session() as s:
        assert s.get(m.Site, row.id).crawl_requested_at == t1
        assert queued_sites(s) == ["example.org"]


def _environ_reads(path: Path) -> list[str]:
    """Lines of a module that read os.environ / os.getenv / os.putenv (attribute or imported name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv", "environb"):
            hits.append(f"{path}:{node.lineno}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os" and \
                any(a.name in ("environ", "getenv", "putenv", "environb") for a in node.names):
            hits.append(f"{path}:{node.lineno}")
    return hits


def test_corpus_reads_no_environment_variables():
    files = sorted((ROOT / "corpus").rglob("*.py"))
    assert len(files) > 10
    assert [hit for f in files for hit in _environ_reads(f)] == []


def test_the_web_layer_reads_the_environment_only_in_its_settings():
    files = sorted(f for f in (ROOT / "webapp").rglob("*.py") if f.name != "settings.py")
    assert [hit for f in files for hit in _environ_reads(f)] == []
    assert _environ_reads(ROOT / "webapp" / "settings.py")


def test_the_environment_check_finds_a_read(tmp_path):
    f = tmp_path / "m.py"
    f.write_text("import os\nfrom os import getenv\nx = os.environ.get('A')\n", encoding="utf-8")
    assert _environ_reads(f) == [f"{f}:2", f"{f}:3"]

