"""Re-processing an existing database with a new pipeline version gives the knowledge base a fresh
database gives: the same persons (by their occurrences), organisations and canonical titles."""
from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import process_articles

from tests.webapp.kbcorpus import build_kb


def knowledge_base(db) -> tuple:
    with db.session() as s:
        persons: dict[int, set[str]] = {}
        for pid, key in s.execute(select(m.PersonOccurrence.person_id, m.PersonOccurrence.mention_key)):
            persons.setdefault(pid, set()).add(key)
        orgs = {(o.key, o.name, o.level, o.province) for o in s.execute(select(m.Organization)).scalars()}
        roles = {(r.title_key, r.title_canonical, r.event, r.event_date, s.get(m.Organization, r.organization_id).key
                  if r.organization_id else None) for r in s.execute(select(m.Role)).scalars()}
    return frozenset(frozenset(v) for v in persons.values()), orgs, roles


def test_reprocessing_with_a_new_version_gives_what_a_fresh_database_gives(tmp_path: Path):
    (tmp_path / "fresh").mkdir()
    fresh_file = build_kb(tmp_path / "fresh")
    again = tmp_path / "again"
    again.mkdir()
    shutil.copy(fresh_file, again / "kb.db")
    fresh, reprocessed = open_db(str(fresh_file)), open_db(str(again / "kb.db"))
    try:
        res = process_articles(reprocessed, all_articles=True, version="next-version")
        assert res.processed > 0 and not res.errors
        assert knowledge_base(reprocessed) == knowledge_base(fresh)
        persons, orgs, _ = knowledge_base(fresh)
        assert len(persons) > 5 and any(level == "province" for _, _, level, _ in orgs)
    finally:
        fresh.dispose()
        reprocessed.dispose()
