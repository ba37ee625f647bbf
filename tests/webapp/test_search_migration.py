"""Migration 0003_search: indexes rows that existed before it, and its triggers follow later writes."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from partyfacts.corpus.db import MIGRATIONS, open_db
from partyfacts.corpus.queries import list_items


def _alembic(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


def test_upgrade_indexes_existing_rows_and_downgrade_removes_the_index(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    command.upgrade(_alembic(url), "0001_initial")
    eng = create_engine(url)
    with eng.begin() as c:
        c.execute(text("INSERT INTO sites(id, name, base_url, profile, schedule, enabled, created_at) "
                       "VALUES (1, 's', '', '', '', 1, '2024-01-01')"))
        c.execute(text("INSERT INTO articles(id, site_id, url, canonical_url, title, title_folded, published, "
                       "author, source, text, content_hash, profile, created_at) VALUES (1, 1, 'u', 'u', "
                       "'Đại hội Đảng bộ', 'dai hoi dang bo', '', '', '', 'Đảng bộ huyện Đồng Văn', 'h', '', '2024-01-01')"))
        c.execute(text("INSERT INTO persons(id, name, key, folded, variants) VALUES (1, 'Đỗ Trung Hiếu', "
                       "'đỗ trung hiếu', 'do trung hieu', '[]')"))
    eng.dispose()
    command.upgrade(_alembic(url), "head")
    db = open_db(url)
    with db.session() as s:
        assert [i["id"] for i in list_items(s, "articles", "dong van")["items"]] == [1]
        assert [i["name"] for i in list_items(s, "persons", "do trung hieu")["items"]] == ["Đỗ Trung Hiếu"]
        s.execute(text("DELETE FROM articles WHERE id = 1"))
    with db.session() as s:
        assert list_items(s, "articles", "dong van")["total"] == 0
    db.dispose()
    command.downgrade(_alembic(url), "0001_initial")
    eng = create_engine(url)
    with eng.connect() as c:
        assert c.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'fts_%'")).scalar_one() == 0
    eng.dispose()
