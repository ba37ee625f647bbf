"""The corpus on PostgreSQL: migrations, the pipeline, search/list queries and exports run there too.

Needs Debian's postgresql package (make test installs it) and psycopg; skipped where neither is there."""
import itertools
import os
import sys

import pytest
from sqlalchemy import func, select

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))
from pg import running_postgres  # noqa: E402

from partyfacts.corpus import models as m  # noqa: E402
from partyfacts.corpus import open_db  # noqa: E402
from partyfacts.corpus.jobs import ingest_files, process_articles
from partyfacts.corpus.pipeline import table_counts  # noqa: E402
from partyfacts.corpus.queries import export_rows, list_items  # noqa: E402

pytest.importorskip("psycopg")
_n = itertools.count()


@pytest.fixture(scope="module")
def pg():
    yield from running_postgres()


@pytest.fixture
def pgdb(pg):
    db = open_db(pg.createdb(f"t{next(_n)}"))
    yield db
    db.dispose()


def test_postgres_migrates_ingests_processes_and_lists(pgdb, gold_txt):
    res = ingest_files(pgdb, gold_txt[:3], site="dev")
    assert len(res.added) == 3
    assert process_articles(pgdb).processed == 3
    counts = table_counts(pgdb)
    assert all(counts[t] > 0 for t in ("persons", "roles", "places", "organizations", "figures"))
    with pgdb.session() as s:
        for table in ("articles", "persons", "roles", "places", "organizations", "figures"):
            page = list_items(s, table, "", 1, 5)
            assert page["total"] > 0 and page["items"], table
            first = next(iter(export_rows(s, table)))
            assert first["published"] if table in ("articles", "roles", "figures") else first["name"], table


def test_postgres_search_folds_diacritics(pgdb, gold_txt):
    ingest_files(pgdb, gold_txt[-1:])
    process_articles(pgdb)
    with pgdb.session() as s:
        assert list_items(s, "articles", "vinh yen")["total"] == 1
        assert list_items(s, "persons", "do trung hieu")["total"] == 1


def test_postgres_reprocessing_is_idempotent(pgdb, gold_txt):
    ingest_files(pgdb, gold_txt[:1])
    process_articles(pgdb)
    with pgdb.session() as s:
        n = s.execute(select(func.count()).select_from(m.Mention)).scalar_one()
    process_articles(pgdb, all_articles=True)
    with pgdb.session() as s:
        assert s.execute(select(func.count()).select_from(m.Mention)).scalar_one() == n


def test_postgres_politeness_slots_are_shared_between_connections(pg):
    from partyfacts.corpus.politeness import DbPoliteness, shared_politeness
    url = pg.createdb(f"t{next(_n)}")
    a, b = open_db(url), open_db(url)
    assert isinstance(shared_politeness(a), DbPoliteness)
    clock = lambda: 5000.0  # noqa: E731
    pa, pb = DbPoliteness(a, clock), DbPoliteness(b, clock)
    assert pa.reserve("x.vn", 1.5) == 0.0
    pa.sent("x.vn", 1.5)
    assert pb.reserve("x.vn", 1.5) == 1.5          # b. sees a.'s answer: 1.5 s after it
    pb.sent("x.vn", 1.5)
    pa.hold("x.vn", 10.0)
    assert pa.reserve("x.vn", 1.5) == 10.0
    a.dispose()
    b.dispose()
