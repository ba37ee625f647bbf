"""Crawl-side commands: crawl, stats."""
from __future__ import annotations

import sys

import click

from .cli import UserError, _db, main


@main.command()
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
    from corpus.crawl import CrawlError, crawl_urls
    db = _db(ctx)
    if delay is not None and delay < 0:
        raise UserError("error: --delay must be >= 0 seconds")
    try:
        summaries = crawl_urls(db, list(urls), delay=delay, max_pages=max_pages)
    except CrawlError as exc:
        raise UserError(f"error: {exc}") from None
    failed = False
    for s in summaries:
        click.echo(s.line())
        failed = failed or s.fatal
    if then_process:
        from corpus.pipeline import process_articles
        res = process_articles(db)
        click.echo(f"processed {res.processed} articles; {res.failed} failed")
    if failed:
        sys.exit(1)
