"""The `partyfacts` command line: one entry point, global --db, every command with --help and an
example. Errors a user can meet end in one line on stderr and a non-zero exit."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from partyfacts.corpus.facts import EXPORT_TABLES

from . import cli_crawl
from .cli_support import (ID, BoundaryGroup, SettingValueError, UserError, _db, _open, _runner, _settings, _with_flags,
                          configure_logging, written_atomically)
from .settings import InvalidSetting, Settings, SettingsError

FTM = "ftm"   # `export ftm`: not a table of the fact-type registry but the whole knowledge base (corpus.kb.ftm)


@click.group(cls=BoundaryGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="URL",
              help="SQLAlchemy URL or SQLite file path (default: ./partyfacts.db; env PARTYFACTS_DB).")
@click.option("--broker", metavar="URL",
              help="Redis URL of the job queue: crawl/process/reparse/schedule enqueue for workers (env PARTYFACTS_BROKER; default: run inline).")
@click.option("--config", metavar="FILE", help="Settings file (TOML; default ./partyfacts.toml if present; env PARTYFACTS_CONFIG).")
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages.")
@click.version_option(package_name="partyfacts")
@click.pass_context
def main(ctx: click.Context, db: str | None, broker: str | None, config: str | None, verbose: bool) -> None:
    """partyfacts: persons, roles, places, organizations and figures from Vietnamese party and
    government news, with provenance.

    \b
    Example session:
      partyfacts crawl https://www.vinhphuc.gov.vn/ --max-pages 200
      partyfacts process
      partyfacts serve --port 8000
      partyfacts export roles --format xlsx -o roles.xlsx
    """
    configure_logging(verbose)
    ctx.ensure_object(dict)
    try:
        ctx.obj["settings"] = Settings.build(config=config, flags={"db": db, "broker": broker})
    except InvalidSetting as exc:
        raise SettingValueError(str(exc)) from None
    except SettingsError as exc:
        raise UserError(f"error: {exc}") from None


@main.command("settings")
@click.pass_context
def settings_cmd(ctx):
    """List every setting with its value (secrets masked) and where it came from (default, file,
    env or flag).

    \b
    Example:
      partyfacts settings
      PARTYFACTS_DELAY=2 partyfacts --db corpus.db settings
    """
    settings = _settings(ctx)
    rows = settings.describe()
    width = max(len(name) for name, _, _ in rows)
    vwidth = max(len(value) for _, value, _ in rows)
    for name, value, source in rows:
        click.echo(f"{name:<{width}}  {value:<{vwidth}}  {source}")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--site", default="local", show_default=True, help="Site name to file the articles under.")
@click.option("--province", default=None, help=cli_crawl.PROVINCE_HELP)
@click.pass_context
def ingest(ctx, files, site, province):
    """Store local .txt / .html files as articles.

    A .txt file is UTF-8 text (first line = title, a dd/mm/yyyy date in the first lines = published);
    a .html file goes through the article-body extractor. New articles that republish a story of
    another site are linked to it (counted once).

    \b
    Example:
      partyfacts ingest articles/*.txt --site "Cổng TTĐT tỉnh Vĩnh Phúc"
      partyfacts ingest baonghean/*.html --site baonghean.vn --province "Nghệ An"
    """
    province = cli_crawl.province_option(province)
    res = _runner(ctx, create=True).run("ingest", paths=list(files), site=site, province=province)
    fatal = res.errors and not res.added and not res.unchanged
    if fatal and len(res.errors) == 1:
        raise UserError(f"{res.errors[0]}; nothing was ingested: give a UTF-8 .txt file or a saved article page (.html)")
    for err in res.errors:
        click.echo(f"failed: {err}", err=True)
    if fatal:
        raise UserError(f"none of the {len(res.errors)} files could be ingested (the reasons are above); "
                        "give UTF-8 .txt files or saved article pages (.html)")
    click.echo(f"ingested {len(res.added)} new articles, {len(res.unchanged)} already stored, {len(res.errors)} failed"
               + (f"; {res.syndicated} linked to another copy of their story" if res.syndicated else ""))


@main.command()
@click.option("--all", "all_articles", is_flag=True, help="Re-process every article, not only new ones.")
@click.option("--wait", is_flag=True, help=cli_crawl.WAIT_HELP)
@click.pass_context
def process(ctx, all_articles, wait):
    """Extract facts for articles not yet processed by this pipeline version.

    \b
    Example:
      partyfacts process          # new articles only
      partyfacts process --all    # after upgrading partyfacts
      partyfacts --broker redis://127.0.0.1:6379/0 process --wait   # in batches on the workers
    """
    from partyfacts.corpus.jobs.queue import report
    queue = cli_crawl._queue(ctx)
    if queue is None:
        rep = report("process", _runner(ctx).run("process", config=_settings(ctx).process_config(),
                                                 all_articles=all_articles, progress="lines"))
    else:
        rep = cli_crawl.queued_process(ctx, queue, _settings(ctx).process_config(), all_articles=all_articles,
                                       wait=wait)
        if rep is None:
            return
    cli_crawl.echo_process_report(rep)
    if rep["failed"] and not rep["processed"]:
        sys.exit(1)


@main.command()
@click.option("--all", "all_blocks", is_flag=True,
              help="Re-resolve every person, not only the occurrences never resolved yet.")
@click.option("--method", type=click.Choice(["splink", "rules"]), default="splink", show_default=True,
              help="splink: the Fellegi–Sunter model; rules: same name and same province or body (the baseline).")
@click.pass_context
def resolve(ctx, all_blocks, method):
    """Join person occurrences into persons (person resolution), keeping researchers' merges and
    splits.

    `process` already resolves the persons of the articles it processes; without --all this
    resolves the name blocks of occurrences never resolved (a process that stopped before its
    end). Run it with --all after changing a site's province (`partyfacts site set`: occurrences
    with no province of their own take their site's) or to compare the rules baseline.

    \b
    Example:
      partyfacts resolve
      partyfacts resolve --all --method rules
    """
    from sqlalchemy import select

    from partyfacts.corpus import models as m
    ids = None
    if not all_blocks:
        with _db(ctx).session() as s:
            ids = sorted(set(s.execute(select(m.PersonOccurrence.article_id).where(
                (m.PersonOccurrence.explanation == "{}") | m.PersonOccurrence.person_id.is_(None))).scalars()))
        if not ids:
            click.echo("no occurrence waits for resolution; use --all to resolve every person again")
            return
    res = _runner(ctx).run("resolve", article_ids=ids, method=method)
    click.echo(f"resolved {res.occurrences} occurrences in {res.blocks} name blocks into {res.persons} persons "
               f"({res.changed} changed person; method {res.method or method})")


@main.group()
def persons():
    """Researchers' corrections to persons, for scripts (the person page has the same forms).

    Decisions are kept by mention key and survive `process --all` and re-ingesting.

    \b
    Example:
      partyfacts persons occurrences 12
      partyfacts persons merge 12 40 --note "same man, moved to the province"
      partyfacts persons split 12 "file:///data/a3.txt#nguyễn văn thắng"
    """


@persons.command("occurrences")
@click.argument("person_id", type=ID)
@click.pass_context
def persons_occurrences(ctx, person_id):
    """List a person's occurrences: mention key, name, province, and why resolution joined it
    (tab-separated; the keys are what `persons split` takes).

    \b
    Example:
      partyfacts persons occurrences 12
    """
    from partyfacts.corpus.kb.decisions import occurrences_of

    def show(s):
        for o in occurrences_of(s, person_id):
            why = json.loads(o.explanation or "{}")
            click.echo("\t".join([o.mention_key, o.name, o.province or "-",
                                  f"{why.get('decision', '-')} by {why.get('by', '-')}"]))
    _correction(ctx, show)


def _correction(ctx, do):
    from partyfacts.corpus.aggregates import refresh as refresh_aggregates
    from partyfacts.corpus.kb.decisions import DecisionError
    db = _db(ctx)
    try:
        with db.session() as s:
            out = do(s)
            refresh_aggregates(s)   # the persons a merge or split changed (corpus.aggregates)
            return out
    except DecisionError as exc:
        raise UserError(f"error: {exc}; `partyfacts export persons` lists the persons with their ids, "
                        "`partyfacts persons occurrences ID` a person's mention keys") from None


@persons.command("merge")
@click.argument("person_a", type=ID)
@click.argument("person_b", type=ID)
@click.option("--note", default="", help="Why (kept with the decision).")
@click.option("--by", default="cli", show_default=True, help="Who decided (kept with the decision).")
@click.pass_context
def persons_merge(ctx, person_a, person_b, note, by):
    """Record that persons A and B are one person and re-resolve their names.

    \b
    Example:
      partyfacts persons merge 12 40 --note "same man, moved to the province"
    """
    from partyfacts.corpus.kb.decisions import merge_persons
    res = _correction(ctx, lambda s: merge_persons(s, person_a, person_b, note=note, by=by))
    click.echo(f"persons {person_a} and {person_b} are person {res.person_id}")


@persons.command("split")
@click.argument("person_id", type=ID)
@click.argument("keys", nargs=-1, required=True)
@click.option("--note", default="", help="Why (kept with the decision).")
@click.option("--by", default="cli", show_default=True, help="Who decided (kept with the decision).")
@click.pass_context
def persons_split(ctx, person_id, keys, note, by):
    """Move occurrences (mention keys "<article canonical URL>#<name key>", as `partyfacts persons
    occurrences ID` lists them) off person ID into a person of their own, and re-resolve.

    \b
    Example:
      partyfacts persons split 12 "file:///data/a3.txt#nguyễn văn thắng"
    """
    from partyfacts.corpus.kb.decisions import split_person
    res = _correction(ctx, lambda s: split_person(s, person_id, list(keys), note=note, by=by))
    click.echo(f"person {person_id}: {len(set(keys))} occurrence(s) moved to person {res.new_person_id}; "
               f"the rest is person {res.person_id}")


def _read_input(path: str, profile_dirs=()) -> tuple[str, str]:
    """(name, text) of an extract input: '-' = stdin, .html through the body extractor, else text:
    UTF-8, or UTF-16/UTF-32 with a byte-order mark (standard input is read as bytes and decoded
    by the same rule as a file, so bytes refused in a file are refused on stdin too)."""
    from partyfacts.scraper.encoding import TextEncodingError, decode_text
    if path == "-":
        name, data = "-", sys.stdin.buffer.read()
        shown = "standard input"
    else:
        p = Path(path)
        if not p.is_file():
            raise UserError(f"error: {path}: no such file")
        name, shown = p.name, path
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise UserError(f"error: {path}: cannot read it ({exc.strerror}); check its permissions") from None
        if p.suffix.lower() in (".html", ".htm"):
            from partyfacts.scraper.parse import ArticleRejected, parse_html_file
            try:
                return name, parse_html_file(p.resolve().as_uri(), data, profile_dirs=profile_dirs).text
            except ArticleRejected as exc:
                raise UserError(f"error: {path}: not an article ({exc.rejection.reason}); give extract a saved "
                                "article page, or the article's text as a .txt file") from None
    try:
        return name, decode_text(data)
    except TextEncodingError as exc:
        raise UserError(f"error: {shown}: {exc}") from None


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.pass_context
def extract(ctx, files, fmt):
    """Extract facts from files without storing anything ('-' reads standard input).

    Prints one JSON object per file in the contract of docs/FACTS.md.

    \b
    Example:
      partyfacts extract --format jsonl article1.txt article2.html
      echo "Đồng chí Nguyễn Văn A, Bí thư Huyện ủy …" | partyfacts extract -
    """
    from partyfacts.corpus.jobs import extractor
    from partyfacts.corpus.jobs.process import too_long
    settings = _settings(ctx)
    extract_text = extractor(settings.nlp_disable)
    limit = settings.max_text_chars
    for f in files:
        name, text = _read_input(f, settings.profiles)
        if len(text) > limit:   # refused before any work: the cost is linear in the length
            raise UserError(f"error: {'standard input' if f == '-' else f}: {too_long(len(text), limit)}")
        obj = {"file": name, **extract_text(text).to_dict()}
        if fmt == "jsonl":
            click.echo(json.dumps(obj, ensure_ascii=False))
        else:
            click.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@main.command()
@click.argument("gold_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--ablation", is_flag=True, help="Also score without the learned model (rules only).")
@click.option("--per-article", is_flag=True, help="Also list each article's misses and false positives.")
@click.option("--min-f1", multiple=True, metavar="TYPE=F", help="Exit 1 when a type's F1 is below F (repeatable).")
@click.option("--identity", "identity_dir", type=click.Path(file_okay=False, path_type=Path), metavar="DIR",
              help="Score the knowledge base instead: ingest, process and link this identity set (sites.toml, "
                   "articles/, truth.json) in a temporary database and score persons, organisations and stories.")
@click.option("--method", type=click.Choice(["splink", "rules"]), default="splink", show_default=True,
              help="With --identity: how the database's persons are resolved (the other methods are scored too).")
def evaluate(gold_dir, as_json, ablation, per_article, min_f1, identity_dir, method):
    """Score extraction against gold articles: P/R/F1 per fact type (same rules as score.py); or, with
    --identity, score the knowledge base: person clustering (pairwise and B-cubed), organisation
    resolution, linked copies and double counts, for the model and the rules and name baselines.

    \b
    Example:
      partyfacts evaluate tests/data/gold
      partyfacts evaluate my_gold/ --per-article --min-f1 persons=0.9
      partyfacts evaluate --identity tests/data/identity
      partyfacts evaluate --identity tests/data/identity --method rules --json
    """
    if identity_dir is not None:
        if gold_dir is not None or ablation or per_article or min_f1:
            raise UserError("error: --identity scores the knowledge base; give no GOLD_DIR, --ablation, "
                            "--per-article or --min-f1 with it")
        from partyfacts.corpus.identity import IdentitySetError, evaluate_identity
        try:
            report = evaluate_identity(identity_dir, method=method)
        except IdentitySetError as exc:
            raise UserError(f"error: {exc}") from None
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json else report.table())
        return
    if gold_dir is None:
        raise UserError("error: give GOLD_DIR (a directory of gold .json files) or --identity DIR")
    if not gold_dir.is_dir():
        raise UserError(f"error: {gold_dir}: not a directory of gold .json files")
    from partyfacts.nlp import evaluate as ev
    for item in min_f1:
        kind, _, floor = item.partition("=")
        try:
            ok = kind in ev.TYPES and float(floor) == float(floor)     # a number, not nan
        except ValueError:
            ok = False
        if not ok:
            raise UserError(f"--min-f1 {item!r}: write TYPE=F with TYPE one of {', '.join(ev.TYPES)} and F "
                            "a number (an F1 from 0 to 1), e.g. --min-f1 persons=0.9")
    for f in sorted(gold_dir.glob("*.json")):
        try:
            json.loads(f.read_text(encoding="utf-8"))["id"]
        except (ValueError, KeyError, TypeError) as exc:
            why = "no \"id\"" if isinstance(exc, (KeyError, TypeError)) else str(exc)
            raise UserError(f"{f}: not a gold file ({why}); fix it or move it out of {gold_dir}") from None
    argv = [str(gold_dir)] + (["--json"] if as_json else []) + (["--ablation"] if ablation else [])
    argv += (["--per-article"] if per_article else []) + [x for m in min_f1 for x in ("--min-f1", m)]
    sys.exit(ev.main(argv))


@main.command()
@click.argument("table", type=click.Choice(list(EXPORT_TABLES) + [FTM]))
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json", "jsonl"]), default="csv", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@click.option("-q", "--query", default="", help="Only rows matching this text (with or without diacritics; \"quotes\" for a phrase).")
@click.option("--site", default="", help="Only articles of this site (its name, e.g. the host).")
@click.option("--province", default="", help="Only facts about places in this province.")
@click.option("--from", "date_from", default="", metavar="DATE", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--to", "date_to", default="", metavar="DATE", help="Published on or before (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--title", default="", help="Only roles with this title (e.g. \"Bí thư\").")
@click.option("--unit", default="", help="Only figures in this unit (e.g. \"đảng viên\", \"%\").")
@click.option("--place", default="", metavar="ID", help="Only facts of the place with this id.")
@click.option("--person", default="", metavar="ID", help="Only facts of the person with this id.")
@click.option("--organization", default="", metavar="ID", help="Only facts of the organization with this id.")
@click.option("--article", default="", metavar="ID", help="Only facts of the article with this id.")
@click.pass_context
def export(ctx, table, fmt, output, query, **filter_args):
    """Export a table: articles, persons, roles, places, organizations or figures; or the whole
    knowledge base as FollowTheMoney entities (`ftm`).

    Fact tables carry each occurrence's article URL and published date. The filters are the web
    pages' filters, so an export reproduces what a page shows.

    `ftm` writes Person, Organization, Position (a post), Occupancy (a tenure, with start and end
    dates) and Address entities, one JSON object a line, each validated with the followthemoney
    package (pip install 'partyfacts[ftm]'), for Aleph, OpenSanctions and the FtM tools; it takes
    no --format and no filters.

    \b
    Example:
      partyfacts export roles --format xlsx -o roles.xlsx
      partyfacts export persons -q "nguyen van" --format csv > persons.csv
      partyfacts export figures --unit "đảng viên" --province "Phú Thọ" --from 2024 -o dv.csv
      partyfacts export ftm -o partyfacts.ftm.json
    """
    if table == FTM:
        return _export_ftm(ctx, fmt, output, query, filter_args)
    from partyfacts.corpus import export as ex
    from partyfacts.corpus.queries import Filters, QueryError, spec
    from partyfacts.webapp.views import table_rows as export_rows
    db = _db(ctx)
    if fmt == "xlsx" and output is None:
        raise UserError("error: XLSX is binary; give -o FILE.xlsx")
    try:
        params = {{"date_from": "from", "date_to": "to"}.get(k, k): v for k, v in filter_args.items()}
        filters = Filters.from_args(params)
        with db.session() as s:
            rows = export_rows(s, table, query, filters)
            cols = spec(table).columns
            if output is None:
                ex.write(fmt, rows, cols, out_text=sys.stdout)
            else:
                binary = fmt == "xlsx"
                with written_atomically(output, binary=binary) as fh:
                    ex.write(fmt, rows, cols, **({"out_bytes": fh} if binary else {"out_text": fh}))
                click.echo(f"wrote {output}", err=True)
    except QueryError as exc:
        raise UserError(f"error: {exc}") from None
    except OSError as exc:
        raise UserError(f"error: cannot write {output}: {exc.strerror}") from None


def _export_ftm(ctx, fmt, output, query, filter_args) -> None:
    """`export ftm`: FollowTheMoney entities, one JSON object a line, to ``output`` or stdout."""
    given = [f"--{k.replace('date_', '').replace('_', '-')}" for k, v in filter_args.items() if v] + (["-q"] if query else [])
    if ctx.get_parameter_source("fmt") != click.core.ParameterSource.DEFAULT and fmt != "jsonl":
        raise UserError("error: export ftm writes JSON lines; leave out --format")
    if given:
        raise UserError(f"error: export ftm exports the whole knowledge base; leave out {', '.join(given)}")
    try:
        import followthemoney  # noqa: F401
    except ImportError:
        raise UserError("error: export ftm needs the followthemoney package: pip install 'partyfacts[ftm]'") from None
    from partyfacts.corpus.kb.ftm import FtmError, write_jsonl
    db = _db(ctx)
    try:
        with db.session() as s:
            if output is None:
                write_jsonl(s, sys.stdout)
                return
            with written_atomically(output, newline="\n") as fh:
                n = write_jsonl(s, fh)
            click.echo(f"wrote {n} FollowTheMoney entities to {output}", err=True)
    except FtmError as exc:
        raise UserError(f"error: export ftm: {exc}") from None
    except OSError as exc:
        raise UserError(f"error: cannot write {output}: {exc.strerror}") from None


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", type=int, default=None, help="gunicorn worker processes (setting serve_workers; default 2).")
@click.option("--threads", type=int, default=None, help="Threads per worker (setting serve_threads; default 8).")
@click.option("--timeout", type=float, default=None,
              help="Seconds before a silent worker is restarted, and the graceful-stop time (setting serve_timeout; default 60).")
@click.option("--dev", is_flag=True, help="Werkzeug's development server (one process) instead of gunicorn.")
@click.pass_context
def serve(ctx, host, port, workers, threads, timeout, dev):
    """Serve the web UI and JSON API with gunicorn (worker processes x threads); put a reverse proxy
    in front (README, "Deployment").

    \b
    Example:
      partyfacts --db corpus.db serve --port 8000    # then open http://127.0.0.1:8000/
      partyfacts --db corpus.db serve --workers 4 --threads 8
    """
    from partyfacts.webapp import create_app

    from .server import CannotListen, ServeOptions, check_bind, run_gunicorn
    settings = _with_flags(ctx, serve_workers=workers, serve_threads=threads, serve_timeout=timeout)
    db = _db(ctx)
    if dev:
        app = create_app(settings=settings, database=db)
        click.echo(f"partyfacts web UI (development server) on http://{host}:{port}/ (database {db.url}); Ctrl-C stops it")
        _run_server(app, host, port)
        return
    try:
        check_bind(host, port)
    except CannotListen as exc:
        raise UserError(f"error: {exc}") from None
    url = db.url
    db.engine.dispose()          # each worker opens its own engine after the fork
    if not settings.secret_key:  # one key for every worker, or a session signed by one is void in another
        import secrets
        settings = settings.with_flags(secret_key=secrets.token_hex(32))
    opts = ServeOptions(host=host, port=port, workers=settings.serve_workers, threads=settings.serve_threads,
                        timeout=settings.serve_timeout)
    click.echo(f"partyfacts web UI on http://{opts.bind}/ (database {url}; {opts.workers} workers x "
               f"{opts.threads} threads); Ctrl-C stops it")
    run_gunicorn(lambda: create_app(settings=settings.with_flags(db=url)), opts)


def _run_server(app, host: str, port: int) -> None:
    from .server import run_dev
    try:
        run_dev(app, host, port)
    except OSError as exc:
        raise UserError(f"error: cannot listen on {host}:{port}: {exc.strerror}; choose another --port") from None


@main.command()
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port of the web UI.")
@click.option("--no-serve", is_flag=True, help="Crawl and process, then exit without serving.")
@click.pass_context
def demo(ctx, port, no_serve):
    """Serve the bundled sample portal on 127.0.0.1, crawl it, extract the facts and serve the UI.

    Uses ./partyfacts-demo.db unless --db is given.

    \b
    Example:
      partyfacts demo --port 8000
    """
    from partyfacts.corpus.demo import run_demo
    root = ctx.find_root().obj
    settings = root["settings"]
    if settings.source("db") == "default":
        settings = settings.with_flags(db="partyfacts-demo.db")
    if settings.source("allow_private_targets") == "default":
        settings = settings.with_flags(allow_private_targets=True)   # the demo crawls its own portal on 127.0.0.1
    db = root["database"] = _open(settings.db)
    summary = run_demo(db, process=settings.process_config(), crawl=settings.crawl_config(), echo=click.echo)
    if no_serve:
        return
    from partyfacts.webapp import create_app
    app = create_app(settings=settings, database=db)
    click.echo(f"partyfacts demo: open http://127.0.0.1:{port}/  ({summary})")
    _run_server(app, "127.0.0.1", port)


for _command in cli_crawl.COMMANDS:   # crawl, site, schedule, stats, reparse
    main.add_command(_command)

if __name__ == "__main__":
    main()
