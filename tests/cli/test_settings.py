import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from partyfacts.webapp.cli import main
from partyfacts.webapp.settings import SETTINGS, SettingsError, apply, load_file

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for s in SETTINGS:
        assert s.env in text and f"`{s.name}`" in text, s.name


def test_settings_file_fills_the_environment_but_does_not_override_it(tmp_path, monkeypatch):
    f = tmp_path / "p.toml"
    f.write_text('[partyfacts]\ndb = "from-file.db"\ncontact = "mailto:lab@example.org"\n', encoding="utf-8")
    monkeypatch.delenv("PARTYFACTS_DB", raising=False)
    monkeypatch.setenv("PARTYFACTS_CONTACT", "mailto:env@example.org")
    apply(f)
    assert os.environ["PARTYFACTS_DB"] == "from-file.db"
    assert os.environ["PARTYFACTS_CONTACT"] == "mailto:env@example.org"
    monkeypatch.delenv("PARTYFACTS_DB")


def test_unknown_setting_and_bad_toml_are_named(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text("[partyfacts]\ndatabase = 'x'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="unknown setting.*database"):
        load_file(f)
    f.write_text("[partyfacts\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="not valid TOML"):
        load_file(f)


def test_command_line_db_overrides_the_settings_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARTYFACTS_DB", raising=False)
    (tmp_path / "partyfacts.toml").write_text('db = "file.db"\n', encoding="utf-8")
    res = CliRunner().invoke(main, ["--db", "cli.db", "stats"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "cli.db").exists() and not (tmp_path / "file.db").exists()
    monkeypatch.delenv("PARTYFACTS_DB", raising=False)


def test_missing_explicit_settings_file_is_a_one_line_error(tmp_path):
    res = CliRunner().invoke(main, ["--config", str(tmp_path / "none.toml"), "stats"])
    assert res.exit_code == 1 and "none.toml does not exist" in res.output
