"""Issue 13: `process` marks an article longer than max_text_chars failed with a one-line reason and
goes on (the article is kept), and shows plain progress lines when stderr is not a terminal."""
import io

from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus.jobs import ProcessConfig, ingest_files, process_articles
from partyfacts.corpus.pipeline import ProgressLines


def test_an_article_over_the_limit_is_marked_failed_with_the_limit_and_the_setting_and_is_kept(db, gold_txt):
    ingest_files(db, gold_txt[:3])
    with db.session() as s:
        lengths = {a.id: len(a.text) for a in s.execute(select(m.Article)).scalars()}
    longest = max(lengths, key=lengths.get)
    limit = lengths[longest] - 1
    calls = []

    def counting(text, **kw):
        from partyfacts import nlp
        calls.append(len(text))
        return nlp.extract(text, **kw)

    out = process_articles(db, config=ProcessConfig(max_text_chars=limit), extract=counting)
    assert (out.processed, out.failed) == (2, 1)
    assert len(calls) == 2 and max(calls) <= limit           # the long one was never extracted
    assert out.errors == [f"article {longest}: the text has {lengths[longest]:,} characters, over the limit of "
                          f"{limit:,} (setting max_text_chars, env PARTYFACTS_MAX_TEXT_CHARS: raise it to "
                          f"extract longer texts)"]
    with db.session() as s:
        row = s.execute(select(m.Processing).where(m.Processing.article_id == longest)).scalar_one()
        assert row.status == "error" and "max_text_chars" in row.error and "\n" not in row.error
        assert len(s.get(m.Article, longest).text) == lengths[longest]   # nothing lost
    again = process_articles(db, all_articles=True, config=ProcessConfig(max_text_chars=lengths[longest]))
    assert (again.processed, again.failed) == (3, 0)           # raised: it goes through


def test_progress_lines_come_every_n_items_and_every_few_seconds_with_rate_and_errors():
    now = [100.0]
    out = io.StringIO()
    p = ProgressLines(10, out, every=4, seconds=10.0, clock=lambda: now[0])
    for done in range(1, 4):
        now[0] += 1.0
        p.update(done, 0)
    assert out.getvalue() == ""                                 # 3 items in 3 s: not yet
    now[0] += 1.0
    p.update(4, 1)                                              # the 4th item
    now[0] += 20.0
    p.update(5, 1)                                              # 20 s later, one item only
    now[0] += 1.0
    p.close(10, 2)
    assert out.getvalue().splitlines() == [
        "process: 4/10 articles (40.0%), 1.0/s, 1 error, about 0m06s left",
        "process: 5/10 articles (50.0%), 0.2/s, 1 error, about 0m24s left",
        "process: 10/10 articles (100.0%), 0.4/s, 2 errors",
    ]


def test_process_prints_plain_progress_lines_when_stderr_is_not_a_terminal(db, gold_txt, capsys):
    ingest_files(db, gold_txt[:3])
    out = process_articles(db, progress="lines")                # what the `process` command asks for
    assert out.processed == 3
    err = capsys.readouterr().err
    assert "process: 3/3 articles (100.0%)" in err and "0 errors" in err


def test_process_run_by_another_job_prints_no_progress_lines(db, gold_txt, capsys):
    ingest_files(db, gold_txt[:3])
    process_articles(db)                                        # e.g. inside `evaluate --identity`, a demo
    process_articles(db, all_articles=True, progress=False)
    assert "process:" not in capsys.readouterr().err


def test_the_process_command_prints_progress_lines_on_a_captured_stderr(tmp_path, gold_txt):
    from click.testing import CliRunner

    from partyfacts.webapp.cli import main
    db = str(tmp_path / "c.db")
    assert CliRunner().invoke(main, ["--db", db, "ingest", *map(str, gold_txt[:3])]).exit_code == 0
    res = CliRunner().invoke(main, ["--db", db, "process"])
    assert res.exit_code == 0, res.output
    assert res.stderr.startswith("process: 3/3 articles (100.0%), ") and res.stdout.startswith("processed 3 ")
