from pathlib import Path

import pytest
from click.testing import CliRunner

from partyfacts.webapp.cli import main
from partyfacts.webapp.settings import SETTINGS, InvalidSetting, Settings, SettingsError, load_file

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text(encoding="utf-8")
    for s in SETTINGS:
        assert s.env in text and f"`{s.name}`" in text, s.name


def test_every_setting_is_a_typed_field_of_settings():
    assert all(hasattr(Settings(), s.name) for s in SETTINGS)
    assert Settings().sources == {s.name: "default" for s in SETTINGS}


def test_settings_file_values_yield_to_the_environment(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text('[partyfacts]\ndb = "from-file.db"\ncontact = "mailto:lab@example.org"\n', encoding="utf-8")
    s = Settings.build(config=f, env={"PARTYFACTS_CONTACT": "mailto:env@example.org"})
    assert (s.db, s.source("db")) == ("from-file.db", "file")
    assert (s.contact, s.source("contact")) == ("mailto:env@example.org", "env")
    assert s.source("delay") == "default" and s.config_file == f


def test_settings_file_is_found_through_partyfacts_config(tmp_path):
    f = tmp_path / "p.toml"
    f.write_text("delay = 3\n", encoding="utf-8")
    s = Settings.build(env={"PARTYFACTS_CONFIG": str(f)})
    assert (s.delay, s.source("delay")) == (3.0, "file")


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
    res = CliRunner().invoke(main, ["--db", "cli.db", "site", "add", "https://a.example.vn/", "--every", "6h"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "cli.db").exists() and not (tmp_path / "file.db").exists()


def test_missing_explicit_settings_file_is_a_one_line_error(tmp_path):
    res = CliRunner().invoke(main, ["--config", str(tmp_path / "none.toml"), "stats"])
    assert res.exit_code == 1 and "none.toml does not exist" in res.output


# one value per layer for each setting: (file value, env value, flag value, typed flag value)
LAYERS = {
    "db": ("file.db", "env.db", "flag.db", "flag.db"),
    "contact": ("mailto:file@x.org", "mailto:env@x.org", "mailto:flag@x.org", "mailto:flag@x.org"),
    "delay": (2.5, "3", "4.5", 4.5),
    "profiles": ("{a}", "{b}", "{a}{sep}{b}", ("{a}", "{b}")),
    "secret_key": ("file-key", "env-key", "flag-key", "flag-key"),
    "admin_password_hash": ("scrypt:1$f$h", "scrypt:1$e$h", "scrypt:1$c$h", "scrypt:1$c$h"),
    "no_model": (False, "1", "no", False),
    "max_text_chars": (2000, "3000", "4000", 4000),
    "broker": ("redis://file:6379/0", "redis://env:6379/1", "redis://flag:6379/2", "redis://flag:6379/2"),
    "serve_workers": (3, "4", "5", 5),
    "serve_threads": (3, "4", "5", 5),
    "serve_timeout": (10, "20", "30.5", 30.5),
    "proxies": (1, "2", "0", 0),
    "session_cookie_secure": (True, "0", "yes", True),
    "export_max_concurrent": (3, "4", "5", 5),
    "export_max_per_client": (3, "4", "5", 5),
    "export_max_bytes": (2048, "4096", "8192", 8192),
    "rate_limit_extract": ("1/minute", "2/minute", "3/hour;9/day", "3/hour;9/day"),
    "rate_limit_search": ("1/minute", "2/minute", "3/hour", "3/hour"),
    "rate_limit_export": ("1/minute", "2/minute", "3/hour", "3/hour"),
    "search_cache": (0, "64", "128", 128),
    "allow_private_targets": (True, "0", "on", True),
}


def _layers(name, tmp_path):
    import os
    a, b = tmp_path / "prof_a", tmp_path / "prof_b"
    a.mkdir(exist_ok=True)
    b.mkdir(exist_ok=True)

    def fill(v):
        if isinstance(v, tuple):
            return tuple(Path(fill(x)) for x in v)
        return v.format(a=a, b=b, sep=os.pathsep) if isinstance(v, str) else v
    return tuple(fill(v) for v in LAYERS[name])


def _toml(name, value) -> str:
    import json
    return f"{name} = {json.dumps(value) if not isinstance(value, bool) else str(value).lower()}\n"


def test_every_setting_has_values_for_the_priority_test():
    assert set(LAYERS) == {s.name for s in SETTINGS}


@pytest.mark.parametrize("setting", [s for s in SETTINGS], ids=lambda s: s.name)
def test_priority_is_default_then_file_then_env_then_flag_with_the_source_recorded(setting, tmp_path):
    file_v, env_v, flag_v, flag_typed = _layers(setting.name, tmp_path)
    f = tmp_path / "p.toml"
    f.write_text(_toml(setting.name, file_v), encoding="utf-8")
    by_file = Settings.build(config=f, env={})
    by_env = Settings.build(config=f, env={setting.env: env_v})
    by_flag = Settings.build(config=f, env={setting.env: env_v}, flags={setting.name: flag_v})
    assert [by_file.source(setting.name), by_env.source(setting.name), by_flag.source(setting.name)] == \
        ["file", "env", "flag"]
    values = [getattr(x, setting.name) for x in (by_file, by_env, by_flag)]
    assert values[0] != values[1] != values[2] == flag_typed   # each layer changed the value
    later = by_env.with_flags(**{setting.name: flag_v})
    assert getattr(later, setting.name) == flag_typed and later.source(setting.name) == "flag"
    assert Settings.build(config=f, env={setting.env: env_v}, flags={setting.name: None}) == by_env


def test_settings_command_lists_values_and_sources_and_masks_secrets(tmp_path, monkeypatch):
    f = tmp_path / "p.toml"
    f.write_text('delay = 2.0\nsecret_key = "file-secret"\n', encoding="utf-8")
    monkeypatch.setenv("PARTYFACTS_CONTACT", "mailto:env@example.org")
    monkeypatch.setenv("PARTYFACTS_ADMIN_PASSWORD_HASH", "scrypt:32768:8:1$salt$hash")
    monkeypatch.delenv("PARTYFACTS_DB", raising=False)
    res = CliRunner().invoke(main, ["--config", str(f), "--db", str(tmp_path / "c.db"), "settings"])
    assert res.exit_code == 0, res.output
    rows = {line.split()[0]: line.split(None, 2)[1:] for line in res.output.splitlines()}
    assert rows["db"] == [str(tmp_path / "c.db"), "flag"]
    assert rows["delay"] == ["2.0", f"file {f}"]
    assert rows["contact"] == ["mailto:env@example.org", "env PARTYFACTS_CONTACT"]
    assert rows["secret_key"] == ["********", f"file {f}"]
    assert rows["admin_password_hash"] == ["********", "env PARTYFACTS_ADMIN_PASSWORD_HASH"]
    assert rows["no_model"] == ["off", "default"]
    assert "file-secret" not in res.output and "salt" not in res.output
    assert set(rows) == {s.name for s in SETTINGS}


BAD = {"delay": ("-1", "delay", "greater than 0"), "no_model": ("maybe", "no_model", "1/true/yes/on"),
       "profiles": ("/no/such/folder", "profiles", "does not exist"),
       "admin_password_hash": ("plaintext", "admin_password_hash", "not a werkzeug"),
       "broker": ("http://127.0.0.1:6379", "broker", "Redis URL"),
       "serve_workers": ("²", "serve_workers", "whole number"),
       "rate_limit_extract": ("often", "rate_limit_extract", "20/minute"),
       "proxies": ("-1", "proxies", "from 0 to 10")}


@pytest.mark.parametrize("name", sorted(BAD))
@pytest.mark.parametrize("layer", ["file", "env"])
def test_a_bad_value_in_the_file_or_environment_is_a_one_line_error_with_exit_2(name, layer, tmp_path, monkeypatch):
    value, setting, problem = BAD[name]
    env = next(s.env for s in SETTINGS if s.name == name)
    monkeypatch.delenv(env, raising=False)
    args = ["--db", str(tmp_path / "c.db")]
    if layer == "file":
        f = tmp_path / "p.toml"
        f.write_text(_toml(name, value), encoding="utf-8")
        args = ["--config", str(f)] + args
        where = f"from file {f}"
    else:
        monkeypatch.setenv(env, value)
        where = f"from environment {env}"
    res = CliRunner().invoke(main, args + ["stats"])
    assert res.exit_code == 2
    assert res.output == f"Error: setting {setting} = {value!r} ({where}): " + res.output.split("): ", 1)[1]
    assert problem in res.output and len(res.output.strip().splitlines()) == 1


@pytest.mark.parametrize("args, setting, value", [
    (["--db", "", "stats"], "db", ""),
    (["crawl", "--delay", "0", "http://127.0.0.1:9/"], "delay", 0.0),
    (["crawl", "--delay", "-2", "http://127.0.0.1:9/"], "delay", -2.0),
])
def test_a_bad_flag_is_a_one_line_error_with_exit_2(args, setting, value, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2
    assert res.output.startswith(f"Error: setting {setting} = {value!r} (from command line): ")
    assert len(res.output.strip().splitlines()) == 1


def test_flags_layer_rejects_unknown_settings():
    with pytest.raises(SettingsError, match="unknown setting 'colour'"):
        Settings().with_flags(colour="red")


def test_invalid_setting_names_the_setting_value_and_layer():
    with pytest.raises(InvalidSetting) as err:
        Settings.build(env={"PARTYFACTS_DELAY": "soon"})
    assert (err.value.name, err.value.value, err.value.source) == ("delay", "soon", "env")


def test_libraries_get_small_configs_from_the_settings(tmp_path):
    from partyfacts.corpus.jobs import CrawlConfig, ProcessConfig
    s = Settings.build(env={"PARTYFACTS_CONTACT": "mailto:a@b.org", "PARTYFACTS_DELAY": "2",
                            "PARTYFACTS_PROFILES": str(tmp_path), "PARTYFACTS_NO_MODEL": "yes"})
    assert s.crawl_config() == CrawlConfig(delay=2.0, contact="mailto:a@b.org", profile_dirs=(tmp_path,))
    assert s.process_config() == ProcessConfig(disable=("people.model",), max_text_chars=500_000)
    assert Settings().process_config() == ProcessConfig(disable=(), max_text_chars=500_000)
    assert Settings.build(env={"PARTYFACTS_MAX_TEXT_CHARS": "5000"}).process_config().max_text_chars == 5000


@pytest.mark.parametrize("setting", [s for s in SETTINGS], ids=lambda s: s.name)
def test_settings_command_shows_file_then_env_taking_over_each_setting(setting, tmp_path, monkeypatch):
    file_v, env_v, _, _ = _layers(setting.name, tmp_path)
    for s in SETTINGS:
        monkeypatch.delenv(s.env, raising=False)
    f = tmp_path / "p.toml"
    f.write_text(_toml(setting.name, file_v), encoding="utf-8")

    def source_of(res):
        assert res.exit_code == 0, res.output
        line = next(ln for ln in res.output.splitlines() if ln.split()[0] == setting.name)
        return line.rsplit("  ", 1)[1].strip()
    assert source_of(CliRunner().invoke(main, ["--config", str(f), "settings"])) == f"file {f}"
    monkeypatch.setenv(setting.env, str(env_v))
    assert source_of(CliRunner().invoke(main, ["--config", str(f), "settings"])) == f"env {setting.env}"
    if setting.name == "db":
        res = CliRunner().invoke(main, ["--config", str(f), "--db", "flag.db", "settings"])
        assert source_of(res) == "flag"


@pytest.mark.parametrize("file_delay, env_delay, flag_delay, used", [
    (3.0, None, None, 3.0), (3.0, "4", None, 4.0), (3.0, "4", "2.5", 2.5), (None, None, None, 1.0)])
def test_crawl_hands_the_crawler_delay_contact_and_profiles_from_the_settings(
        file_delay, env_delay, flag_delay, used, tmp_path, monkeypatch):
    import partyfacts.corpus.jobs.crawl as crawl_job
    seen = []
    monkeypatch.setattr(crawl_job, "crawl_sites", lambda db, urls, **kw: seen.append(kw) or [])
    for s in SETTINGS:
        monkeypatch.delenv(s.env, raising=False)
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    f = tmp_path / "p.toml"
    f.write_text(f'contact = "mailto:lab@example.org"\nprofiles = ["{profiles}"]\n'
                 + (f"delay = {file_delay}\n" if file_delay else ""), encoding="utf-8")
    if env_delay:
        monkeypatch.setenv("PARTYFACTS_DELAY", env_delay)
    args = ["--config", str(f), "--db", str(tmp_path / "c.db"), "crawl", "https://example.org/"]
    res = CliRunner().invoke(main, args + (["--delay", flag_delay] if flag_delay else []))
    assert res.exit_code == 0, res.output
    assert seen == [{"delay": used, "max_pages": None, "progress": None, "contact": "mailto:lab@example.org",
                     "profile_dirs": (profiles,), "lease": 30.0, "allow_private": False}]   # the default 30 s claim lease
