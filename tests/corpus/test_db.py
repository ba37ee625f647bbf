import pytest

from partyfacts.corpus.db import DatabaseError, open_db, resolve_url


def test_resolve_url_takes_urls_and_paths_relative_to_the_current_folder(monkeypatch, tmp_path):
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "a.db")) == f"sqlite:///{tmp_path / 'a.db'}"
    monkeypatch.chdir(tmp_path)
    assert resolve_url("partyfacts.db") == f"sqlite:///{tmp_path / 'partyfacts.db'}"


def test_resolve_url_ignores_the_environment_and_needs_a_database(monkeypatch, tmp_path):
    monkeypatch.setenv("PARTYFACTS_DB", str(tmp_path / "env.db"))
    assert resolve_url(str(tmp_path / "given.db")).endswith("given.db")
    with pytest.raises(DatabaseError, match="no database given"):
        resolve_url("")


def test_open_db_migrates_and_is_idempotent(tmp_path):
    from sqlalchemy import inspect
    path = str(tmp_path / "x.db")
    open_db(path).dispose()
    db = open_db(path)
    names = set(inspect(db.engine).get_table_names())
    assert {"sites", "crawl_runs", "frontier", "raw_pages", "articles", "persons", "roles", "places",
            "organizations", "figures", "mentions", "processing", "alembic_version"} <= names
    db.dispose()


def test_open_db_in_missing_folder_says_what_to_do(tmp_path):
    with pytest.raises(DatabaseError, match="folder does not exist"):
        open_db(str(tmp_path / "nope" / "x.db"))


def test_open_db_with_unknown_driver_names_the_url():
    with pytest.raises(DatabaseError, match="nosuchdb"):
        open_db("nosuchdb://x/y")
