"""Crawl-side commands: crawl, site (add, list, set, profile), schedule, stats, reparse, worker, and copy-db.

With a broker configured (--broker / PARTYFACTS_BROKER / `broker` in partyfacts.toml) crawl,
process, reparse and schedule enqueue their jobs for `partyfacts worker` (corpus.jobs.queue);
--wait blocks until the jobs have finished and prints what the inline command prints."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_support import UserError, _db, _open, _runner, _settings, _with_flags

WAIT_HELP = "With a broker: block until the queued jobs have finished and print their summary (as inline)."


def _queue(ctx: click.Context, settings=None):
    """The QueueRunner when a broker is configured (one per command line), else None (inline)."""
    obj = ctx.find_root().obj
    config = (settings or _settings(ctx)).queue_config()
    if config is None:
        return None
    if obj.get("queue") is None:
        from partyfacts.corpus.jobs import QueueRunner
        obj["queue"] = QueueRunner(config)
    return obj["queue"]


def _wait_all(queue, tickets):
    from partyfacts.corpus.jobs.queue import wait_all
    try:
        return wait_all(queue, tickets)
    except Exception as exc:   # the broker or result backend went away: one line, not a traceback
        raise UserError(f"error: waiting for the queued jobs failed: {type(exc).__name__}: {exc}") from None


def _queued(tickets) -> None:
    for t in tickets:
        what = f"{t.job} of {', '.join(map(str, t.key))}" if t.job == "crawl" else t.job
        click.echo(f"queued {what} as job {t.id}")


def echo_crawl_report(reports: list[dict]) -> bool:
    """Print one line per crawled site; True if a site could not be fetched at all."""
    failed = False
    for s in reports:
        click.echo(s["line"])
        failed = failed or s["fatal"]
    return failed


def echo_process_report(rep: dict) -> None:
    """Print what `partyfacts process` prints for a process report (corpus.jobs.queue.report)."""
    for err in rep["errors"][:20]:
        click.echo(f"error: {err}", err=True)
    facts = ", ".join(f"{v} {k}" for k, v in sorted(rep["facts"].items())) or "no facts"
    click.echo(f"processed {rep['processed']} articles with pipeline {rep['version']} ({facts}); {rep['failed']} failed")
    for gone in rep.get("given_up", ())[:20]:
        click.echo(f"given up (failed too often, not retried): {gone}", err=True)


def queued_process(ctx, queue, config, *, all_articles=False, ids=None, wait=False) -> dict | None:
    """Queue the processing (all new articles, or ``ids``) in batches; with ``wait`` the merged report."""
    from partyfacts.corpus.jobs.process import pipeline_version
    from partyfacts.corpus.jobs.queue import PROCESS_BATCH, merge_process_reports
    if ids is None:
        tickets = queue.submit_process(_db(ctx), config=config, all_articles=all_articles)
    else:
        tickets = [queue.submit("process", config=config, ids=ids[i:i + PROCESS_BATCH])
                   for i in range(0, len(ids), PROCESS_BATCH)]
    if not wait:
        click.echo(f"queued {len(tickets)} process job(s) of at most {PROCESS_BATCH} articles")
        return None
    reports, errors, dead_articles = [], [], 0
    for t, rep, err in _wait_all(queue, tickets):
        if err:
            errors.append(err)
            dead_articles += len(t.key[0])     # the batch's ids: recorded as errors in the processing table
        else:
            reports.append(rep)
    merged = merge_process_reports(reports)
    merged["version"] = merged["version"] or pipeline_version(config.disable)
    merged["errors"] += errors
    merged["failed"] += dead_articles
    merged["dead_jobs"] = len(errors)
    return merged

PROVINCE_HELP = ("The site's province (e.g. \"Nghệ An\"; default: inferred from the host or name). Generic bodies "
                 "(\"Tỉnh ủy\", \"UBND tỉnh\") of its stories resolve to that province's.")


class ProvinceValueError(UserError):
    """A --province (or sites-file province) that is not a province: one line, exit status 2."""
    exit_code = 2


def province_option(value: str | None) -> str | None:
    """The gazetteer's spelling of a --province value (None = not given); ProvinceValueError else."""
    from partyfacts.corpus.schedule import ProvinceError, province_name
    if value is None:
        return None
    try:
        return province_name(value)
    except ProvinceError as exc:
        raise ProvinceValueError(f"error: --province: {exc}") from None


@click.command()
@click.argument("urls", nargs=-1, required=True)
@click.option("--delay", type=float, default=None, help="Seconds between requests to a host (default 1.0, or robots.txt Crawl-delay if larger).")
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Stop after fetching this many pages.")
@click.option("--process/--no-process", "then_process", default=False, help="Extract facts from the new articles afterwards.")
@click.option("--wait", is_flag=True, help=WAIT_HELP)
@click.pass_context
def crawl(ctx, urls, delay, max_pages, then_process, wait):
    """Crawl portal sites from start URLs (home, category, sitemap or RSS), storing new articles.

    Obeys robots.txt, waits between requests, resumes where a killed crawl stopped.

    \b
    Example:
      partyfacts crawl https://www.vinhphuc.gov.vn/ --max-pages 500
      partyfacts crawl https://baovinhphuc.com.vn/rss/chinh-tri --delay 2 --process
      partyfacts --broker redis://127.0.0.1:6379/0 crawl https://www.vinhphuc.gov.vn/ --wait
    """
    from partyfacts.corpus.jobs import CrawlError
    from partyfacts.corpus.jobs.queue import report
    settings = _with_flags(ctx, delay=delay)
    from partyfacts.scraper.targets import TargetRefused, check_target
    try:
        for u in urls:
            check_target(u, allow_private=settings.allow_private_targets)
    except TargetRefused as exc:
        raise UserError(f"error: {exc}") from None
    queue = _queue(ctx, settings)
    if queue is not None:
        _crawl_queued(ctx, queue, settings, list(urls), max_pages, then_process, wait)
        return
    runner = _runner(ctx, create=True)
    try:
        summaries = runner.run("crawl", urls=list(urls), config=settings.crawl_config(), max_pages=max_pages)
    except CrawlError as exc:
        raise UserError(f"error: {exc}") from None
    failed = echo_crawl_report(report("crawl", summaries))
    if then_process:
        res = runner.run("process", config=settings.process_config())
        click.echo(f"processed {res.processed} articles; {res.failed} failed")
    if failed:
        sys.exit(1)


def _crawl_queued(ctx, queue, settings, urls, max_pages, then_process, wait) -> None:
    """crawl with a broker: one job per host; with --wait the inline lines (and the processing)."""
    from partyfacts.corpus.jobs import CrawlError
    try:
        tickets = queue.submit_crawls(urls, config=settings.crawl_config(), max_pages=max_pages,
                                      then_process=settings.process_config() if then_process and not wait else None)
    except CrawlError as exc:
        raise UserError(f"error: {exc}") from None
    if not wait:
        _queued(tickets)
        return
    failed = False
    for _t, rep, err in _wait_all(queue, tickets):
        if err:
            click.echo(f"error: {err}", err=True)
            failed = True
            continue
        failed = echo_crawl_report(rep) or failed
    if then_process:     # as inline: every article this pipeline has not processed
        res = queued_process(ctx, queue, settings.process_config(), wait=True)
        click.echo(f"processed {res['processed']} articles; {res['failed']} failed")
        failed = failed or bool(res["dead_jobs"])
    if failed:
        sys.exit(1)


@click.group()
def site():
    """Configure sites to crawl on a schedule.

    \b
    Example:
      partyfacts site add https://www.vinhphuc.gov.vn/ --every 6h
      partyfacts site list
    """


@site.command("add")
@click.argument("url")
@click.option("--every", "every", default=None, help='Interval such as "6h", "30m", "1d".')
@click.option("--cron", default=None, help='Cron expression such as "0 */6 * * *" (instead of --every).')
@click.option("--delay", type=float, default=None, help="Seconds between requests for this site.")
@click.option("--max-pages", type=click.IntRange(min=1), default=None, help="Pages per crawl at most.")
@click.option("--province", default=None, help=PROVINCE_HELP)
@click.pass_context
def site_add(ctx, url, every, cron, delay, max_pages, province):
    """Add or update a site with its crawl schedule and province.

    \b
    Example:
      partyfacts site add https://www.vinhphuc.gov.vn/ --every 6h
      partyfacts site add https://baophutho.vn/ --cron "30 */4 * * *" --delay 2
      partyfacts site add https://tinhuy.example.vn/ --province "Nghệ An"
    """
    from partyfacts.corpus.schedule import ScheduleError, add_site
    if every and cron:
        raise UserError("error: give --every or --cron, not both")
    province = province_option(province)
    schedule = cron or ("every " + (every or "6h"))
    try:
        row = add_site(_db(ctx, create=True), url, schedule, delay=delay, max_pages=max_pages, province=province,
                       allow_private=_settings(ctx).allow_private_targets)
    except ScheduleError as exc:
        raise UserError(f"error: {exc}") from None
    click.echo(f"site {row.name}: {row.base_url} ({row.schedule}; province {row.province or '-'})")


@site.command("set")
@click.argument("name")
@click.option("--province", required=True, help=PROVINCE_HELP + ' "" clears it (inferred again when processing).')
@click.pass_context
def site_set(ctx, name, province):
    """Change a site's province.

    This re-processes nothing by itself: `partyfacts process --all` resolves the site's generic
    bodies and persons with the new province, and `partyfacts resolve --all` re-joins persons with it
    (for occurrences that have no province of their own).

    \b
    Example:
      partyfacts site set baonghean.vn --province "Nghệ An"
      partyfacts process --all
    """
    from partyfacts.corpus.schedule import ScheduleError, set_site_province
    province = province_option(province)
    try:
        row = set_site_province(_db(ctx), name, province)
    except ScheduleError as exc:
        raise UserError(f"error: {exc}") from None
    click.echo(f"site {row.name}: province {row.province or '-'} (run `partyfacts process --all` to use it)")


@site.command("profile")
@click.argument("url")
@click.option("--pages", type=click.IntRange(min=1, max=50), default=5, show_default=True,
              help="Article pages to learn from.")
@click.option("--max-pages", type=click.IntRange(min=1), default=40, show_default=True,
              help="Pages to fetch at most while looking for them.")
@click.option("--delay", type=click.FloatRange(min=0.0, min_open=True), default=None,
              help="Seconds between requests (default: the delay setting).")
@click.pass_context
def site_profile(ctx, url, pages, max_pages, delay):
    """Print a candidate profile file for a site, learnt from a few of its article pages.

    Fetches politely (robots.txt, the delay) from URL until PAGES article pages are read, locates the
    title, date, lead and body the page signals agree on, and prints a profile (the format of
    scraper/profiles/*.toml) whose selectors name them, with the detected profile and the generic
    extraction compared page by page as comments. Nothing is stored.

    \b
    Example:
      partyfacts site profile https://www.vinhphuc.gov.vn/ > profiles/vinhphuc.toml
    """
    from partyfacts.scraper.fetch import FetchConfig, FetchError, Fetcher, RobotsDisallowed
    from partyfacts.scraper.siteprofile import candidate_profile, render_toml
    from partyfacts.scraper.targets import TargetRefused, check_target

    settings = _settings(ctx)
    try:
        check_target(url, allow_private=settings.allow_private_targets)
    except TargetRefused as exc:
        raise UserError(f"error: {exc}") from None
    fetcher = Fetcher(FetchConfig(delay=settings.delay if delay is None else delay, contact=settings.contact,
                                  refuse_private=not settings.allow_private_targets))
    try:
        fetcher.fetch(url)
    except RobotsDisallowed as exc:
        if getattr(exc, "unreachable", False):
            raise UserError(f"error: cannot fetch {exc}; check the address and that the site is up") from None
        raise UserError(f"error: {url} is disallowed by the site's robots.txt; nothing to learn from") from None
    except FetchError as exc:
        raise UserError(f"error: cannot fetch {exc}; check the address and that the site is up") from None
    sp = candidate_profile(url, fetcher, pages=pages, max_fetch=max_pages, profile_dirs=settings.profiles)
    if not sp.pages:
        raise UserError(f"error: no article page found within {max_pages} pages of {url}; "
                        f"give a category or article URL, or raise --max-pages")
    click.echo(render_toml(sp), nl=False)


@site.command("list")
@click.pass_context
def site_list(ctx):
    """List configured sites with their schedules.

    \b
    Example:
      partyfacts site list
    """
    from sqlalchemy import select

    from partyfacts.corpus import models as m
    with _db(ctx).session() as s:
        for row in s.execute(select(m.Site).order_by(m.Site.name)).scalars():
            last = f"{row.last_crawl_at:%Y-%m-%d %H:%M}" if row.last_crawl_at else "never"
            click.echo(f"{row.name}\t{row.base_url}\t{row.schedule or '-'}\tprovince {row.province or '-'}"
                       f"\tlast crawl {last}")


@click.command()
@click.option("--sites", "sites_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="TOML file of [[site]] entries (url, every/cron, delay, max_pages, province) to add before running.")
@click.option("--once", is_flag=True, help="Run the sites that are due once and exit (for cron).")
@click.option("--wait", is_flag=True, help="With a broker and --once: " + WAIT_HELP[len("With a broker: "):])
@click.pass_context
def schedule(ctx, sites_file, once, wait):
    """Run every configured site's crawl on its interval, and the crawls queued from the web UI's
    Crawls page, and process the new articles.

    \b
    Example:
      partyfacts site add https://www.vinhphuc.gov.vn/ --every 6h
      partyfacts schedule                 # runs until stopped (systemd)
      partyfacts schedule --once          # from cron: crawls what is due, then exits
      partyfacts schedule --sites sites.toml

    With a broker this is the one scheduler: it queues the due crawls (each followed by the
    processing of its new articles) for the workers instead of running them; a second
    `partyfacts schedule` on the same broker waits as a standby until the first stops (a lock in
    Redis).
    """
    from partyfacts.corpus.jobs import run_forever
    from partyfacts.corpus.schedule import ProvinceError, ScheduleError, add_site, load_sites_file
    db = _db(ctx, create=True)
    settings = _settings(ctx)
    try:
        if sites_file:
            for sc in load_sites_file(sites_file):
                add_site(db, sc.url, sc.schedule, delay=sc.delay, max_pages=sc.max_pages, province=sc.province,
                         allow_private=_settings(ctx).allow_private_targets)
        queue = _queue(ctx)
        if queue is not None:
            _schedule_queued(ctx, queue, settings, once, wait)
        elif once:
            res = _runner(ctx).run("schedule-tick", crawl=settings.crawl_config(), process=settings.process_config(),
                                   echo=click.echo)
            click.echo(f"{res.due} sites were due")
        else:
            run_forever(db, crawl=settings.crawl_config(), process=settings.process_config(), echo=click.echo)
    except ProvinceError as exc:
        raise ProvinceValueError(f"error: {exc}") from None
    except ScheduleError as exc:
        raise UserError(f"error: {exc}") from None


SCHEDULER_LOCK_SECONDS = 180.0    # a scheduler that stopped renewing its lock is replaced after this


def _schedule_queued(ctx, queue, settings, once, wait, sleep=None) -> None:
    """schedule with a broker: queue the due crawls while holding the one-scheduler lock."""
    import os
    import socket
    import time
    from datetime import datetime

    from partyfacts.corpus.jobs.schedule import POLL_SECONDS
    from partyfacts.corpus.schedule import next_due
    db = _db(ctx)
    holder = f"{socket.gethostname()}:{os.getpid()}"
    sleep = sleep or time.sleep
    announced_standby = False
    while True:
        if not queue.scheduler_lock(holder, SCHEDULER_LOCK_SECONDS):
            if once:
                raise UserError("error: another `partyfacts schedule` holds the scheduler lock on this broker; "
                                "it queues the due crawls")
            if not announced_standby:
                click.echo("another scheduler is running on this broker; standing by")
                announced_standby = True
            sleep(POLL_SECONDS)
            continue
        tickets = queue.enqueue_due(db, crawl=settings.crawl_config(),
                                    process=None if (once and wait) else settings.process_config(), echo=click.echo)
        if once:
            if wait:
                for _t, rep, err in _wait_all(queue, tickets):
                    if err:
                        click.echo(f"error: {err}", err=True)
                        continue
                    echo_crawl_report(rep)
                if tickets:    # as the inline tick: every article this pipeline has not processed
                    res = queued_process(ctx, queue, settings.process_config(), wait=True)
                    click.echo(f"processed {res['processed']} new articles; {res['failed']} failed")
            click.echo(f"{len(tickets)} sites were due")
            return
        now = datetime.utcnow()
        nxt = next_due(db, now)
        sleep(min(POLL_SECONDS, max(5.0, (nxt - now).total_seconds())) if nxt else POLL_SECONDS)


@click.command()
@click.option("--runs", default=10, show_default=True, help="How many recent crawl runs to show.")
@click.pass_context
def stats(ctx, runs):
    """Show sites, recent crawl runs (pages, new articles, errors, why pages were rejected), dead jobs
    (queued jobs that exhausted their retries) and counts.

    \b
    Example:
      partyfacts stats --runs 20
    """
    import json

    from sqlalchemy import select

    from partyfacts.corpus import models as m
    from partyfacts.corpus.pipeline import table_counts
    db = _db(ctx)
    counts = table_counts(db)
    click.echo("corpus: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    with db.session() as s:
        rows = s.execute(select(m.CrawlRun, m.Site.name).join(m.Site).order_by(m.CrawlRun.id.desc()).limit(runs)).all()
        for run, name in rows:
            end = f"{run.finished_at:%Y-%m-%d %H:%M:%S}" if run.finished_at else "-"
            click.echo(f"run {run.id} {name} {run.status} {run.started_at:%Y-%m-%d %H:%M:%S} → {end}: "
                       f"{run.pages_fetched} pages, {run.new_articles} new articles, {run.errors} errors")
            rejected = json.loads(run.rejected or "{}")
            for reason, n in sorted(rejected.items(), key=lambda kv: -kv[1]):
                click.echo(f"    rejected {n}: {reason}")
            for line in (run.error_log or "").splitlines()[-5:]:
                click.echo(f"    error: {line}")
    from partyfacts.corpus.jobs.queue import dead_jobs
    dead = dead_jobs(db, runs)
    if dead:
        click.echo(f"dead jobs (retries exhausted; newest {len(dead)}):")
    for d in dead:
        click.echo(f"dead job {d.id} {d.job} {d.failed_at:%Y-%m-%d %H:%M:%S} after {d.attempts} attempt(s), "
                   f"key {d.natural_key}: {d.error.splitlines()[0] if d.error else ''}")


@click.command()
@click.option("--site", default=None, help="Only this site's articles (its host name).")
@click.option("--wait", is_flag=True, help=WAIT_HELP)
@click.pass_context
def reparse(ctx, site, wait):
    """Re-extract articles from their archived raw pages without fetching.

    Use after upgrading partyfacts or adding a site profile; articles whose text changed are
    processed again by the next `partyfacts process`.

    \b
    Example:
      partyfacts reparse --site vinhphuc.gov.vn && partyfacts process
    """
    from partyfacts.corpus.jobs.queue import report
    queue = _queue(ctx)
    if queue is None:
        rep = report("reparse", _runner(ctx).run("reparse", site=site, profile_dirs=_settings(ctx).profiles))
    else:
        ticket = queue.submit("reparse", site=site, profile_dirs=_settings(ctx).profiles)
        if not wait:
            _queued([ticket])
            return
        [(_t, rep, err)] = _wait_all(queue, [ticket])
        if err:
            raise UserError(f"error: {err}")
    for err in rep["errors"][:20]:
        click.echo(f"error: {err}", err=True)
    click.echo(f"reparsed: {rep['updated']} updated, {rep['unchanged']} unchanged, {rep['failed']} failed; "
               f"{rep['syndicated']} linked to another copy of their story")


@click.command()
@click.option("--concurrency", type=int, default=None,
              help="Jobs run at once by this worker (default: the number of CPUs).")
@click.option("--queues", default=None,
              help="Comma-separated queues to take jobs from: crawl, process, partyfacts (the other jobs); default all three.")
@click.option("--pool", type=click.Choice(["prefork", "threads", "solo"]), default="prefork", show_default=True,
              help="prefork: one process per concurrent job (extraction is CPU-bound); threads: one process.")
@click.option("--max-retries", type=int, default=None, help="Retries of a failing job before it is recorded as dead (default 4).")
@click.option("--retry-backoff", type=float, default=None,
              help="Seconds before the first retry, doubling each time (default 30).")
@click.option("--visibility-timeout", type=float, default=None,
              help="Seconds after which a job of a killed worker is delivered again (default 3600).")
@click.option("--name", "hostname", default=None, help="The worker's node name (default celery@HOST).")
@click.pass_context
def worker(ctx, concurrency, queues, pool, max_retries, retry_backoff, visibility_timeout, hostname):
    """Run a worker: take queued jobs (crawl, process, reparse, ...) from the broker and run them
    against the database of the settings (--db), until stopped (Ctrl-C, SIGTERM: the running jobs
    finish first).

    \b
    Example:
      partyfacts --db postgresql+psycopg://pf@127.0.0.1/pf --broker redis://127.0.0.1:6379/0 worker --concurrency 4
    """
    from partyfacts.corpus.jobs import run_worker
    overrides = {k: v for k, v in {"max_retries": max_retries, "backoff": retry_backoff,
                                   "visibility_timeout": visibility_timeout}.items() if v is not None}
    config = _settings(ctx).queue_config(**overrides)
    if config is None:
        raise UserError("error: no broker configured; give --broker redis://HOST:6379/0 (or PARTYFACTS_BROKER, "
                        "or broker in partyfacts.toml)")
    _db(ctx, create=True)   # the database opens (and migrates) once here, before the pool starts
    click.echo(f"partyfacts worker: jobs from {config.broker} on {config.db}")
    run_worker(config, concurrency=concurrency, queues=[q for q in (queues or "").split(",") if q.strip()],
               pool=pool, hostname=hostname)


@click.command("copy-db")
@click.argument("src")
@click.argument("dst")
@click.option("--force", is_flag=True, help="Delete the destination's rows first (it must be empty otherwise).")
@click.option("--batch", type=int, default=2000, show_default=True, help="Rows per insert statement and transaction.")
def copy_db(src, dst, force, batch):
    """Copy database SRC into DST table by table (ids kept), e.g. SQLite into PostgreSQL or back.

    SRC and DST are file paths or SQLAlchemy URLs; both are brought to the newest schema first. Stop
    workers and crawls writing to SRC while it runs. Prints one line per table and a row-count check.

    \b
    Example:
      partyfacts copy-db partyfacts.db postgresql+psycopg://partyfacts@db.internal/partyfacts
    """
    from partyfacts.corpus.copydb import CopyError, copy_database
    source, dest = _open(src), _open(dst)
    try:
        report = copy_database(source, dest, force=force, batch=batch, echo=click.echo)
    except CopyError as exc:
        raise UserError(f"error: {exc}") from None
    finally:
        source.dispose()
        dest.dispose()
    click.echo(f"copied {report.rows} rows in {len(report.tables)} tables in {report.seconds:.1f} s")


COMMANDS = (crawl, site, schedule, stats, reparse, worker, copy_db)
