"""The command line never answers input with a traceback: a sweep of bad inputs over every kind of
command, each answered by exactly one `Error: ` line that names the problem and the way out, a
non-zero exit status, no "Error: error:" and no library log lines on stderr."""
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from partyfacts.webapp.cli import main

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"
TEXT = "Tin tức\n01/02/2024\nĐồng chí Nguyễn Văn An, Bí thư Huyện ủy, dự hội nghị.\n"


def closed_port() -> int:
    """A local TCP port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("inputs")
    (d / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    (d / "notsqlite.db").write_text("this is a text file, not a SQLite database\n" * 20, encoding="utf-8")
    (d / "latin.txt").write_bytes("Đồng chí Nguyễn Văn An".encode("utf-8") + b" \xff\xfe\xfa bad bytes")
    (d / "article.txt").write_text(TEXT, encoding="utf-8")
    (d / "badsites.toml").write_text("[[site]\nurl = \n", encoding="utf-8")
    (d / "badconfig.toml").write_text("db = [\n", encoding="utf-8")
    (d / "badgold").mkdir()
    (d / "badgold" / "a.json").write_text("{not json", encoding="utf-8")
    db = d / "corpus.db"
    res = CliRunner().invoke(main, ["--db", str(db), "ingest", str(d / "article.txt")])
    assert res.exit_code == 0, res.output
    return d


# (name, argv with {d} = the inputs folder and {port} = a closed port, words the Error line must hold)
SWEEP = [
    ("non-article html", ["extract", "{d}/empty.html"], ["empty.html", "not an article", ".txt"]),
    ("db not sqlite", ["--db", "{d}/notsqlite.db", "stats"], ["notsqlite.db", "not a database", "--db"]),
    ("db not sqlite on export", ["--db", "{d}/notsqlite.db", "export", "persons"], ["not a database", "--db"]),
    ("postgres port not a number", ["--db", "postgresql+psycopg://u@localhost:abc/db", "stats"],
     ["'abc'", "postgresql+psycopg://user@host:5432/db"]),
    ("non-utf8 text file", ["extract", "{d}/latin.txt"], ["latin.txt", "not UTF-8", "iconv"]),
    ("missing db for export", ["--db", "{d}/typo.db", "export", "persons"], ["typo.db", "does not exist", "--db"]),
    ("missing db for stats", ["--db", "{d}/typo.db", "stats"], ["typo.db", "does not exist", "--db"]),
    ("missing db for process", ["--db", "{d}/typo.db", "process"], ["typo.db", "does not exist"]),
    ("missing db for site list", ["--db", "{d}/typo.db", "site", "list"], ["typo.db", "does not exist"]),
    ("missing db for persons", ["--db", "{d}/typo.db", "persons", "occurrences", "1"], ["typo.db", "does not exist"]),
    ("missing db for resolve", ["--db", "{d}/typo.db", "resolve"], ["typo.db", "does not exist"]),
    ("missing db for serve", ["--db", "{d}/typo.db", "serve", "--port", "{port}"], ["typo.db", "does not exist"]),
    ("dead postgres", ["--db", "postgresql+psycopg://u@127.0.0.1:{port}/db", "stats"],
     ["cannot open database", "refused", "--db"]),
    ("malformed settings file", ["--config", "{d}/badconfig.toml", "stats"], ["badconfig.toml", "not valid TOML"]),
    ("malformed sites file", ["--db", "{d}/corpus.db", "schedule", "--sites", "{d}/badsites.toml", "--once"],
     ["badsites.toml", "not valid TOML"]),
    ("dead redis broker", ["--db", "{d}/corpus.db", "--broker", "redis://127.0.0.1:{port}/0", "process"],
     ["broker", "refused", "--broker"]),
    ("redis port not a number", ["--broker", "redis://127.0.0.1:abc/0", "process"], ["broker", "port", "redis://"]),
    ("person id past 63 bits", ["--db", "{d}/corpus.db", "persons", "occurrences", "99999999999999999999999"],
     ["PERSON_ID", "digits 0-9"]),
    ("person id a unicode digit", ["--db", "{d}/corpus.db", "persons", "merge", "²", "1"], ["PERSON_A", "digits 0-9"]),
    ("not a province", ["--db", "{d}/corpus.db", "site", "set", "local", "--province", "Atlantis"],
     ["Atlantis", "not a province", "give one"]),
    ("export filter id not a number", ["--db", "{d}/corpus.db", "export", "persons", "--person", "²"],
     ["person", "numeric id"]),
    ("export to a missing folder", ["--db", "{d}/corpus.db", "export", "persons", "-o", "{d}/no/x.csv"],
     ["cannot write", "No such file"]),
    ("negative max pages", ["--db", "{d}/corpus.db", "crawl", "http://127.0.0.1:{port}/", "--max-pages", "-3"],
     ["--max-pages", "x>=1"]),
    ("demo port out of range", ["demo", "--port", "99999"], ["--port", "65535"]),
    ("person that does not exist", ["--db", "{d}/corpus.db", "persons", "merge", "98765", "98766"],
     ["98765", "export persons"]),
    ("evaluate min-f1 not a number", ["evaluate", "{gold}", "--min-f1", "persons=abc"], ["persons=abc", "TYPE=F"]),
    ("evaluate min-f1 unknown type", ["evaluate", "{gold}", "--min-f1", "x"], ["'x'", "TYPE=F"]),
    ("evaluate a broken gold file", ["evaluate", "{d}/badgold"], ["a.json", "not a gold file", "move it out"]),
    ("ingest of only non-articles", ["--db", "{d}/new.db", "ingest", "{d}/empty.html"],
     ["empty.html", "not an article", "nothing was ingested"]),
]


def check_one_error_line(exit_code: int, stderr: str, words) -> str:
    assert exit_code not in (0, None), stderr
    assert "Traceback" not in stderr, stderr
    assert "rror: error" not in stderr.lower(), stderr
    errors = [ln for ln in stderr.splitlines() if ln.startswith("Error: ")]
    assert len(errors) == 1, stderr
    for w in words:
        assert w in errors[0], (w, errors[0])
    for noisy in ("WARNING", "trafilatura", "htmldate", "urllib3"):     # no library log line
        assert noisy not in stderr, stderr
    return errors[0]


@pytest.mark.parametrize("name,argv,words", SWEEP, ids=[s[0] for s in SWEEP])
def test_bad_input_is_answered_by_one_error_line_with_the_way_out(files, name, argv, words):
    port = str(closed_port())
    args = [a.replace("{d}", str(files)).replace("{port}", port).replace("{gold}", str(GOLD)) for a in argv]
    words = [w.replace("{port}", port) for w in words]
    res = CliRunner().invoke(main, args)
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    check_one_error_line(res.exit_code, res.stderr, words)


def test_a_mistyped_database_is_not_created_by_a_read_command(files):
    res = CliRunner().invoke(main, ["--db", str(files / "typo2.db"), "export", "persons"])
    assert res.exit_code == 1 and not (files / "typo2.db").exists()


def test_write_commands_still_create_a_new_database(tmp_path):
    db = tmp_path / "fresh.db"
    f = tmp_path / "a.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(main, ["--db", str(db), "ingest", str(f)])
    assert res.exit_code == 0 and db.exists() and "ingested 1 new articles" in res.output


def test_stdin_that_is_not_utf8_is_refused_like_a_file_with_the_same_bytes(files):
    data = (files / "latin.txt").read_bytes()
    res = CliRunner().invoke(main, ["extract", "-"], input=data)
    line = check_one_error_line(res.exit_code, res.stderr, ["standard input", "not UTF-8"])
    from_file = CliRunner().invoke(main, ["extract", str(files / "latin.txt")])
    assert line.split(": ", 2)[2] == check_one_error_line(from_file.exit_code, from_file.stderr, []).split(": ", 2)[2]
    assert res.stdout == ""


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_text_with_a_byte_order_mark_is_decoded_not_refused(tmp_path, codec):
    f = tmp_path / "bom.txt"
    body = TEXT.encode(codec)
    if codec == "utf-16-be":
        body = b"\xfe\xff" + body
    f.write_bytes(body)
    plain = tmp_path / "plain.txt"
    plain.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(f), str(plain)])
    assert res.exit_code == 0, res.output
    bom, utf8 = (json.loads(ln) for ln in res.stdout.splitlines())
    assert bom["persons"] and {k: v for k, v in bom.items() if k != "file"} == \
        {k: v for k, v in utf8.items() if k != "file"}
    stdin = CliRunner().invoke(main, ["extract", "--format", "jsonl", "-"], input=body)
    assert stdin.exit_code == 0 and json.loads(stdin.stdout)["persons"] == utf8["persons"]


def test_ingest_decodes_a_utf16_text_with_a_byte_order_mark(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(TEXT.encode("utf-16"))
    db = tmp_path / "c.db"
    res = CliRunner().invoke(main, ["--db", str(db), "ingest", str(f)])
    assert res.exit_code == 0 and "ingested 1 new articles" in res.output, res.output
    out = CliRunner().invoke(main, ["--db", str(db), "export", "articles", "--format", "jsonl"])
    assert json.loads(out.stdout.splitlines()[0])["title"] == "Tin tức"


def test_ingest_of_several_failing_files_lists_each_and_ends_in_one_error(files):
    res = CliRunner().invoke(main, ["--db", str(files / "many.db"), "ingest", str(files / "empty.html"),
                                    str(files / "latin.txt")])
    check_one_error_line(res.exit_code, res.stderr, ["none of the 2 files", ".txt"])
    assert sum(ln.startswith("failed: ") for ln in res.stderr.splitlines()) == 2


def test_library_log_lines_show_only_with_verbose(files):
    html = str(files / "empty.html")
    quiet = CliRunner().invoke(main, ["extract", html])
    assert "trafilatura" not in quiet.stderr
    loud = CliRunner().invoke(main, ["-v", "extract", html])
    assert "trafilatura" in loud.stderr and loud.exit_code == 1
    CliRunner().invoke(main, ["extract", html])     # back to quiet for the tests after this one


def test_an_unexpected_exception_is_one_line_naming_the_bug_and_verbose_shows_the_traceback(files, monkeypatch):
    import partyfacts.webapp.cli_crawl as cli_crawl

    def broken(*a, **k):
        raise KeyError("boom")
    monkeypatch.setattr(cli_crawl, "echo_crawl_report", broken)
    monkeypatch.setattr("partyfacts.corpus.jobs.InlineRunner.run", lambda self, job, **kw: [])
    args = ["--db", str(files / "corpus.db"), "crawl", "http://127.0.0.1:9/"]
    local = {"PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}   # past the target check, to the broken report
    res = CliRunner().invoke(main, args, env=local)
    check_one_error_line(res.exit_code, res.stderr, ["unexpected KeyError", "boom", "--verbose", "report"])
    loud = CliRunner().invoke(main, ["-v", *args], env=local)
    assert isinstance(loud.exception, KeyError)      # --verbose lets the traceback through


@pytest.mark.parametrize("argv,words", [
    (["extract", "{d}/empty.html"], ["not an article"]),
    (["--db", "{d}/notsqlite.db", "stats"], ["not a database"]),
    (["--db", "postgresql+psycopg://u@localhost:abc/db", "stats"], ["'abc'"]),
], ids=["non-article html", "db not sqlite", "postgres port"])
def test_the_installed_command_prints_no_traceback(files, argv, words):
    args = [a.replace("{d}", str(files)) for a in argv]
    exe = Path(sys.executable).with_name("partyfacts")
    res = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=120)
    check_one_error_line(res.returncode, res.stderr, words)
