"""partyfacts.corpus.jobs: every unit of pipeline work in one place.

Each job is a function ``job(db, **args) -> summary`` that is idempotent and has a natural key
(running it twice with the same key changes nothing the second time; a crashed job is simply run
again):

| job                | function                     | natural key                     | summary            |
|--------------------|------------------------------|---------------------------------|--------------------|
| `ingest`           | `ingest_files`               | the files (file:// URL = canonical URL) | `IngestResult` |
| `process`          | `process_articles`           | (article id, pipeline version)  | `ProcessResult`    |
| `crawl`            | `crawl_urls`                 | the site (host of the start URLs) | `[CrawlSummary]` |
| `reparse`          | `reparse_articles`           | raw page hash (sha256)          | `ReparseResult`    |
| `schedule-tick`    | `schedule_tick`              | (site, due time) per crawl      | `TickResult`       |
| `link-syndicated`  | `link_syndicated_articles`   | the article ids                 | `SyndicationResult`|
| `resolve`          | `resolve_persons_job`        | the article ids (or all)        | `ResolveStats`     |

Jobs take the `Database` and small frozen config objects (`CrawlConfig`, `ProcessConfig`, ids,
paths, strings), never the whole settings and never the environment: whoever starts a job builds
the config from its settings (`webapp.settings.Settings.crawl_config()`).

The seam for workers: jobs are registered by name (`JOBS`), and callers go through a `Runner`:

    runner = InlineRunner(db)                       # runs now, in this process (the default)
    runner.run("process", config=ProcessConfig())   # → ProcessResult
    ticket = runner.submit("crawl", urls=[url])     # → Ticket(job, natural key, done, result)

`InlineRunner.submit` runs the job at once and returns a done ticket. `QueueRunner` (queue.py:
Celery with a Redis broker, used when a broker is configured) implements the same two methods:
`submit` sends (name, JSON args) to the queue, deduplicated by the natural key, and answers a
ticket that is not done (with the task id); `run` submits and waits for the job's JSON report; a
worker (`run_worker`) runs the one task that calls the registered job by name. The web layer never runs jobs itself: it records a request (a crawl asked for
from the Crawls page is `sites.crawl_requested_at`), which the `schedule-tick` job runs as due.
"""
from .config import CrawlConfig, ProcessConfig
from .registry import JOBS, InlineRunner, Job, Runner, Ticket, get_job, job
from .ingest import IngestError, IngestResult, ingest_files
from .process import ProcessResult, articles_to_process, extractor, pipeline_version, process_articles
from .syndication import SyndicationResult, link_syndicated_articles
from .crawl import CrawlError, CrawlSummary, crawl_urls
from .reparse import ReparseResult, reparse_articles
from .schedule import TickResult, run_forever, schedule_tick
from .resolve import resolve_persons_job
from .queue import JobFailed, QueueConfig, QueueRunner, run_worker

__all__ = ["JOBS", "CrawlConfig", "CrawlError", "CrawlSummary", "IngestError", "IngestResult", "InlineRunner", "Job",
           "JobFailed", "QueueConfig", "QueueRunner", "run_worker",
           "ProcessConfig", "ProcessResult", "ReparseResult", "Runner", "SyndicationResult", "Ticket", "TickResult",
           "articles_to_process", "crawl_urls", "extractor", "get_job", "ingest_files", "job",
           "link_syndicated_articles", "pipeline_version", "process_articles", "resolve_persons_job", "reparse_articles", "run_forever",
           "schedule_tick"]
