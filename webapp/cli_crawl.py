"""Crawl-side commands: crawl, site (add, list, set), schedule, stats, reparse."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_support import UserError, _db, _runner, _settings, _with_flags

PROVINCE_HELP = ("The site's province (e.g. \"Nghệ An\"; default: inferred from the host or name). Generic bodies "
                 "(\"Tỉnh ủy\", \"UBND tỉnh\") of its stories resolve to that province's.")


class ProvinceValueError(click.ClickException):
    """A --province (or sites-file province) that is not a province: one line, exit status 2."""
    exit_code = 2

    def format_message(self) -> str:
        return self.message


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
@click.option("--max-pages", type=int, default=None, help="Stop after fetching this many pages.")
@click.option("--process/--no-process", "then_process", default=False, help="Extract facts from the new articles afterwards.")
@click.pass_context
def crawl(ctx, urls, delay, max_pages, then_process):
    """Crawl portal sites from start URLs (home, category, sitemap or RSS), storing new articles.

    Obeys robots.txt, waits between requests, resumes where a killed crawl stopped.

    \b
    Example:
      partyfacts crawl https://www.vinhphuc.gov.vn/ --max-pages 500
      partyfacts crawl https://baovinhphuc.com.vn/rss/chinh-tri --delay 2 --process
    """
    from partyfacts.corpus.jobs import CrawlError
    settings = _with_flags(ctx, delay=delay)
    runner = _runner(ctx)
    try:
        summaries = runner.run("crawl", urls=list(urls), config=settings.crawl_config(), max_pages=max_pages)
    except CrawlError as exc:
        raise UserError(f"error: {exc}") from None
    failed = False
    for s in summaries:
        click.echo(s.line())
        failed = failed or s.fatal
    if then_process:
        res = runner.run("process", config=settings.process_config())
        click.echo(f"processed {res.processed} articles; {res.failed} failed")
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
@click.option("--max-pages", type=int, default=None, help="Pages per crawl at most.")
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
        row = add_site(_db(ctx), url, schedule, delay=delay, max_pages=max_pages, province=province)
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
@click.pass_context
def schedule(ctx, sites_file, once):
    """Run every configured site's crawl on its interval, and the crawls queued from the web UI's
    Crawls page, and process the new articles.

    \b
    Example:
      partyfacts site add https://www.vinhphuc.gov.vn/ --every 6h
      partyfacts schedule                 # runs until stopped (systemd)
      partyfacts schedule --once          # from cron: crawls what is due, then exits
      partyfacts schedule --sites sites.toml
    """
    from partyfacts.corpus.jobs import run_forever
    from partyfacts.corpus.schedule import ProvinceError, ScheduleError, add_site, load_sites_file
    db = _db(ctx)
    settings = _settings(ctx)
    try:
        if sites_file:
            for sc in load_sites_file(sites_file):
                add_site(db, sc.url, sc.schedule, delay=sc.delay, max_pages=sc.max_pages, province=sc.province)
        if once:
            res = _runner(ctx).run("schedule-tick", crawl=settings.crawl_config(), process=settings.process_config(),
                                   echo=click.echo)
            click.echo(f"{res.due} sites were due")
        else:
            run_forever(db, crawl=settings.crawl_config(), process=settings.process_config(), echo=click.echo)
    except ProvinceError as exc:
        raise ProvinceValueError(f"error: {exc}") from None
    except ScheduleError as exc:
        raise UserError(f"error: {exc}") from None


@click.command()
@click.option("--runs", default=10, show_default=True, help="How many recent crawl runs to show.")
@click.pass_context
def stats(ctx, runs):
    """Show sites, recent crawl runs (pages, new articles, errors, why pages were rejected) and counts.

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


@click.command()
@click.option("--site", default=None, help="Only this site's articles (its host name).")
@click.pass_context
def reparse(ctx, site):
    """Re-extract articles from their archived raw pages without fetching.

    Use after upgrading partyfacts or adding a site profile; articles whose text changed are
    processed again by the next `partyfacts process`.

    \b
    Example:
      partyfacts reparse --site vinhphuc.gov.vn && partyfacts process
    """
    res = _runner(ctx).run("reparse", site=site, profile_dirs=_settings(ctx).profiles)
    for err in res.errors[:20]:
        click.echo(f"error: {err}", err=True)
    click.echo(f"reparsed: {res.updated} updated, {res.unchanged} unchanged, {res.failed} failed; "
               f"{res.syndicated} linked to another copy of their story")


COMMANDS = (crawl, site, schedule, stats, reparse)
