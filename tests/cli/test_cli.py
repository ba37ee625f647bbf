import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from partyfacts.webapp.cli import main

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
COMMANDS = ["crawl", "ingest", "process", "extract", "evaluate", "export", "serve", "demo"]


@pytest.fixture
def runner():
    return CliRunner()


def test_help_lists_every_command(runner):
    out = runner.invoke(main, ["--help"]).output
    for c in COMMANDS:
        assert f"  {c}" in out, c


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_an_example(runner, command):
    res = runner.invoke(main, [command, "--help"])
    assert res.exit_code == 0 and "Example" in res.output


def test_extract_prints_the_facts_contract_for_a_text_file(runner, tmp_path):
    d = json.loads((GOLD / "seed_vinhyen_2019.json").read_text(encoding="utf-8"))
    f = tmp_path / "seed.txt"
    f.write_text(d["text"], encoding="utf-8")
    res = runner.invoke(main, ["extract", "--format", "jsonl", str(f)])
    assert res.exit_code == 0, res.output
    obj = json.loads(res.output.splitlines()[0])
    assert obj["file"] == "seed.txt"
    for k in ("persons", "roles", "places", "organizations", "figures"):
        assert k in obj
    for p in obj["persons"]:
        for a, b in p["mentions"]:
            assert unicodedata.normalize("NFC", d["text"][a:b])


def test_extract_reads_stdin(runner):
    res = runner.invoke(main, ["extract", "--format", "jsonl", "-"], input="Đồng chí Nguyễn Văn An, Bí thư Huyện ủy.")
    assert res.exit_code == 0 and json.loads(res.output)["file"] == "-"


def test_extract_of_a_missing_file_is_a_one_line_error(runner, tmp_path):
    res = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code != 0 and "nope.txt: no such file" in res.output


def test_bad_db_path_is_a_one_line_error(runner, tmp_path):
    res = runner.invoke(main, ["--db", str(tmp_path / "no" / "dir.db"), "crawl", "http://127.0.0.1:9/"],
                        env={"PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"})   # past the target check, to the database
    assert res.exit_code == 1
    assert "folder does not exist" in res.output and "Traceback" not in res.output


def test_ingest_process_export_round_trip(runner, tmp_path):
    db = str(tmp_path / "c.db")
    files = []
    for f in sorted(GOLD.glob("dev_0[1-3].json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        p = tmp_path / f"{d['id']}.txt"
        p.write_text(d["text"], encoding="utf-8")
        files.append(str(p))
    res = runner.invoke(main, ["--db", db, "ingest", *files, "--site", "dev"])
    assert res.exit_code == 0 and "ingested 3 new articles" in res.output
    res = runner.invoke(main, ["--db", db, "process"])
    assert res.exit_code == 0 and "processed 3 articles" in res.output
    for table in ("articles", "persons", "roles", "places", "organizations", "figures"):
        out = tmp_path / f"{table}.csv"
        res = runner.invoke(main, ["--db", db, "export", table, "--format", "csv", "-o", str(out)])
        assert res.exit_code == 0, res.output
        lines = out.read_text(encoding="utf-8-sig").splitlines()
        assert len(lines) > 1, table
    res = runner.invoke(main, ["--db", db, "export", "roles", "--format", "xlsx"])
    assert res.exit_code != 0 and "give -o" in res.output


def test_evaluate_on_gold_prints_scores_per_type(runner):
    res = runner.invoke(main, ["evaluate", str(GOLD)])
    for k in ("persons", "roles", "places", "figures"):
        assert k in res.output


def test_console_script_is_installed():
    exe = Path(sys.executable).with_name("partyfacts")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    assert "crawl" in out


def test_export_takes_the_pages_filters(runner, tmp_path):
    db = str(tmp_path / "f.db")
    d = json.loads((GOLD / "seed_vinhyen_2019.json").read_text(encoding="utf-8"))
    p = tmp_path / "seed.txt"
    p.write_text(d["text"], encoding="utf-8")
    runner.invoke(main, ["--db", db, "ingest", str(p)])
    runner.invoke(main, ["--db", db, "process"])
    res = runner.invoke(main, ["--db", db, "export", "figures", "--format", "jsonl", "--unit", "đảng viên"])
    rows = [json.loads(x) for x in res.output.splitlines()]
    assert rows and all(r["unit"] == "đảng viên" for r in rows)
    res = runner.invoke(main, ["--db", db, "export", "figures", "--format", "jsonl", "--from", "2020"])
    assert res.exit_code == 0 and res.output.strip() == ""
    res = runner.invoke(main, ["--db", db, "export", "roles", "--from", "not-a-date"])
    assert res.exit_code == 1 and "not-a-date" in res.output and "Traceback" not in res.output


def test_evaluate_min_f1_fails_the_command_below_the_floor(runner):
    res = runner.invoke(main, ["evaluate", str(GOLD), "--min-f1", "persons=1.01"])
    assert res.exit_code == 1 and "below minimum" in res.output
    res = runner.invoke(main, ["evaluate", str(GOLD), "--min-f1", "persons=0.5"])
    assert res.exit_code == 0


def test_serve_dev_opens_the_database_once_and_hands_the_app_the_settings(runner, tmp_path, monkeypatch):
    import partyfacts.webapp.app as app_module
    import partyfacts.webapp.cli as cli_module
    import partyfacts.webapp.cli_support as support_module
    opened, served = [], []
    real_open = support_module.open_db
    real_open(str(tmp_path / "s.db")).dispose()     # serve reads a database: it refuses one that does not exist

    def counting_open(db, **kw):
        opened.append(db)
        return real_open(db, **kw)
    monkeypatch.setattr(support_module, "open_db", counting_open)
    monkeypatch.setattr(app_module, "open_db", counting_open)
    monkeypatch.setattr(cli_module, "_run_server", lambda app, host, port: served.append(app))
    monkeypatch.setenv("PARTYFACTS_SECRET_KEY", "env-secret")
    res = runner.invoke(main, ["--db", str(tmp_path / "s.db"), "serve", "--dev", "--port", "8123"])
    assert res.exit_code == 0, res.output
    assert opened == [str(tmp_path / "s.db")] and len(served) == 1
    app = served[0]
    assert app.config["SECRET_KEY"] == "env-secret"
    assert app.extensions["partyfacts_db"].url == f"sqlite:///{tmp_path / 's.db'}"
    assert app.extensions["partyfacts_settings"].source("secret_key") == "env"
    app.extensions["partyfacts_db"].dispose()


def test_create_app_builds_its_settings_from_the_environment_when_not_given(tmp_path, monkeypatch):
    from partyfacts.webapp.app import create_app
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PARTYFACTS_DB", str(tmp_path / "env.db"))
    monkeypatch.setenv("PARTYFACTS_ADMIN_PASSWORD_HASH", "scrypt:1$salt$hash")
    app = create_app()
    assert app.config["DATABASE"] == str(tmp_path / "env.db") and (tmp_path / "env.db").exists()
    assert app.config["ADMIN_PASSWORD_HASH"] == "scrypt:1$salt$hash" and len(app.config["SECRET_KEY"]) == 64
    app.extensions["partyfacts_db"].dispose()


def test_process_without_the_model_disables_the_model_component(runner, tmp_path, monkeypatch):
    import partyfacts.corpus.jobs.process as process_module
    calls = []

    def fake_extract(text, **kw):
        calls.append(kw.get("disable"))
        from partyfacts.nlp import Extraction
        return Extraction()
    monkeypatch.setattr(process_module.nlp, "extract", fake_extract)
    monkeypatch.setattr(process_module, "pipeline_version", lambda disable=(): "v-" + "+".join(disable))
    f = tmp_path / "a.txt"
    f.write_text("Tin tức\n01/02/2024\nĐồng chí Nguyễn Văn An dự hội nghị.\n", encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert runner.invoke(main, ["--db", db, "ingest", str(f)]).exit_code == 0
    monkeypatch.setenv("PARTYFACTS_NO_MODEL", "1")
    res = runner.invoke(main, ["--db", db, "process"])
    assert res.exit_code == 0, res.output
    assert calls == [("people.model",)] and "with pipeline v-people.model" in res.output


def test_user_errors_say_error_once(runner, tmp_path):
    res = runner.invoke(main, ["evaluate", str(tmp_path / "missing")])
    assert res.exit_code != 0
    assert res.output.count("rror:") == 1 and res.output.startswith("Error: ")
