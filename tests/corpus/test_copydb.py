"""`partyfacts copy-db SRC DST`: a whole corpus copied SQLite → PostgreSQL (a throwaway server) and
back comes out row for row the same in every table (ids kept), with working id sequences and search
indexes; a non-empty destination is refused unless --force."""
from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.admin_sessions import bump_version
from partyfacts.corpus.copydb import CopyError, copy_database, tables
from partyfacts.corpus.db import try_lock
from partyfacts.corpus.jobs import InlineRunner
from partyfacts.corpus.jobs.config import CrawlConfig
from partyfacts.corpus.jobs.queue import _record_dead
from partyfacts.corpus.kb.decisions import merge_persons
from partyfacts.corpus.politeness import DbPoliteness
from partyfacts.corpus.queries import list_items
from partyfacts.webapp.cli import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from pg import running_postgres  # noqa: E402

_spec = importlib.util.spec_from_file_location("scraper_sitekit_copydb", ROOT / "tests" / "scraper" / "sitekit.py")
sites = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = sites
_spec.loader.exec_module(sites)

GOLD = ROOT / "tests" / "data" / "gold"
QUERIES = ("bi thu", "tinh uy", "hoi nghi", "nguyen")


@pytest.fixture(scope="module")
def pg():
    yield from running_postgres()


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """A SQLite corpus with rows in every table: gold articles ingested and processed (facts, persons,
    resolution), a copy of one under another site (a syndicated link), a crawled fixture site (runs,
    frontier, raw pages), a merge of two persons (a resolution decision), a dead job, a lock, a
    politeness slot and an admin logout (the session version past the one migration 0012 seeds, so a
    copy must replace the destination's seeded row with the source's)."""
    tmp = tmp_path_factory.mktemp("copydb")
    txt, other = tmp / "txt", tmp / "other"
    txt.mkdir(), other.mkdir()
    files = []
    for f in sorted(GOLD.glob("*.json"))[:6]:
        d = json.loads(f.read_text(encoding="utf-8"))
        files.append(txt / f"{d['id']}.txt")
        files[-1].write_text(d["text"], encoding="utf-8")
    shutil.copy(files[0], other / files[0].name)
    url = f"sqlite:///{tmp / 'src.db'}"
    db = open_db(url)
    runner = InlineRunner(db)
    runner.run("ingest", paths=files)
    runner.run("ingest", paths=[other / files[0].name], site="republisher")
    site, httpd = sites.start_server("party_newspaper")
    try:
        runner.run("crawl", urls=[site.url("/")], delay=0.0,
                   config=CrawlConfig(allow_private_targets=True))   # the fixture site is on 127.0.0.1
    finally:
        httpd.shutdown()
        httpd.server_close()
    runner.run("process")
    with db.session() as s:       # a correction: a resolution decision
        a, b = s.execute(select(m.Person.id).order_by(m.Person.id).limit(2)).scalars().all()
        merge_persons(s, a, b, note="one person", by="test")
    try_lock(db, "scheduler", "host-a:1", 60)
    DbPoliteness(db).reserve("127.0.0.1", 1.0)
    with db.session() as s:
        assert bump_version(s) == 2
    _record_dead(db, "reparse", {"site": "republisher"}, "task-1", 5, OSError("archive unreadable"), ("republisher",))
    db.dispose()
    return url


def _dump(url) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order (bytes as bytes, times as naive datetimes)."""
    db = open_db(url)
    out = {}
    with db.engine.connect() as conn:
        for t in tables():
            out[t.name] = [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r)
                           for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
    db.dispose()
    return out


def _searches(url) -> dict:
    db = open_db(url)
    with db.session() as s:
        out = {(table, q): sorted(i["id"] for i in list_items(s, table, q=q, per_page=200)["items"])
               for q in QUERIES for table in ("articles", "persons")}
    db.dispose()
    return out


def _cli(*args):
    return CliRunner().invoke(main, list(args), env={"PARTYFACTS_BROKER": ""})


def test_copy_db_sqlite_to_postgresql_and_back_keeps_every_row_of_every_table(source, pg, tmp_path):
    want = _dump(source)
    assert all(want[t.name] for t in tables()), [t.name for t in tables() if not want[t.name]]   # every table used
    assert any(r for r in want["articles"] if r[[c.name for c in m.Article.__table__.c].index("syndicated_of_id")])

    to_pg = pg.createdb("copy_there")
    res = _cli("copy-db", source, to_pg, "--batch", "7")          # small batches: several per table
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert [l.split(":")[0] for l in lines[:len(tables())]] == [t.name for t in tables()]   # a line per table
    assert lines[-2].startswith(f"check: {len(tables())} tables, ") and "the same counts" in lines[-2]
    assert _dump(to_pg) == want

    back = f"sqlite:///{tmp_path / 'back.db'}"
    res = _cli("copy-db", to_pg, back)
    assert res.exit_code == 0, res.output
    assert _dump(back) == want
    assert _searches(to_pg) == _searches(back) == _searches(source)      # indexes built on both kinds
    assert any(_searches(source).values())


def test_after_a_copy_into_postgresql_new_rows_get_ids_past_the_copied_ones(source, pg, tmp_path):
    to_pg = pg.createdb("copy_seq")
    assert _cli("copy-db", source, to_pg).exit_code == 0
    db = open_db(to_pg)
    with db.session() as s:
        top = s.execute(select(m.Site.id).order_by(m.Site.id.desc())).scalars().first()
        s.add(m.Site(name="new.example.vn", base_url="https://new.example.vn/"))
        s.flush()
        new = s.execute(select(m.Site.id).where(m.Site.name == "new.example.vn")).scalar_one()
    db.dispose()
    assert new == top + 1


def test_copy_db_refuses_a_non_empty_destination_unless_forced(source, tmp_path):
    dst = f"sqlite:///{tmp_path / 'dst.db'}"
    assert _cli("copy-db", source, dst).exit_code == 0
    again = _cli("copy-db", source, dst)
    assert again.exit_code == 1 and "is not empty" in again.output and "--force" in again.output
    assert len(again.output.strip().splitlines()) == 1
    forced = _cli("copy-db", source, dst, "--force")
    assert forced.exit_code == 0, forced.output
    assert forced.output.startswith("destination emptied (")
    assert _dump(dst) == _dump(source)


def test_copy_database_refuses_the_same_database_on_both_sides(source):
    db = open_db(source)
    with pytest.raises(CopyError, match="the same database"):
        copy_database(db, db)
    db.dispose()


def test_copy_db_with_an_unopenable_destination_is_a_one_line_error(source, tmp_path):
    res = _cli("copy-db", source, str(tmp_path / "no-such-folder" / "x.db"))
    assert res.exit_code == 1 and "folder does not exist" in res.output
