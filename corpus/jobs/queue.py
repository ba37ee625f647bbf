"""Jobs on Celery with a Redis broker: the `QueueRunner` and the one task every worker runs.

The task ``partyfacts.run_job`` runs a registered job (`JOBS`) by name with JSON arguments (ids,
paths, strings, `CrawlConfig`/`ProcessConfig` as tagged dicts) against the worker's database —
the URL in the worker's `QueueConfig`, built by whoever starts the worker from its settings; this
module never reads the environment. A message names the database it was submitted for, and a
worker opened on another database refuses it (no job silently lands in the wrong corpus).

- acks late and rejected back to the queue when the worker process dies (``task_acks_late``,
  ``task_reject_on_worker_lost``): a job is acknowledged only when it has finished, so a killed
  worker's job is delivered again — at once when a pool child dies; after the broker's
  ``visibility_timeout`` when the whole worker is killed (SIGKILL; its pool children die with it,
  PR_SET_PDEATHSIG). A running job renews its delivery in the broker's unacked index every quarter
  of that timeout, so a long crawl is never delivered to a second worker while its worker lives.
  Safe because every job is idempotent by its natural key;
- deduplicated by the natural key while queued or running: a Redis key
  ``partyfacts:job:<digest of database, job, key>`` (SET NX with an expiry) holds the task id, and a
  second submit of the same job answers the first one's ticket instead of queueing it again;
- retried on errors with exponential backoff (``backoff`` × 2^attempt, at most ``backoff_max``,
  ``max_retries`` times); a job that cannot start (`CrawlError`: a start URL that is not http(s))
  is not retried;
- a dead job (retries exhausted, or not retryable) is recorded with its error: every job kind as a
  ``dead_jobs`` row (job, natural key, arguments, attempts, error; `dead_jobs` lists them for
  `partyfacts stats`), and where the other results are: a crawl as a ``crawl_runs`` row (status
  "failed", ``error_log``) for each of its sites, a process batch as ``processing`` rows (status
  "error") for its articles not processed.

The task returns a JSON report of the job's summary (`report`): what ``--wait`` prints, the same
lines the inline command prints.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import threading
import time
import traceback
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable

from sqlalchemy import select

from partyfacts.scraper.urls import canonical_url, host_of

from .. import models as m
from ..db import Database, open_db
from ..schedule import due_at, due_sites
from .config import CrawlConfig, ProcessConfig
from .registry import Ticket, get_job

log = logging.getLogger(__name__)

TASK_NAME = "partyfacts.run_job"
DEFAULT_QUEUE = "partyfacts"
# crawls (network-bound) and processing (CPU-bound) have queues of their own, so that a machine can
# run workers for one kind only (`partyfacts worker --queues crawl --pool threads --concurrency 16`)
JOB_QUEUES = {"crawl": "crawl", "process": "process"}
KEY_PREFIX = "partyfacts:job:"
SCHEDULER_LOCK = "partyfacts:scheduler"
PROCESS_BATCH = 50           # articles per process job when a run is split over workers
_CONFIGS = {"CrawlConfig": CrawlConfig, "ProcessConfig": ProcessConfig}


class JobFailed(RuntimeError):
    """A queued job that ended in failure (dead after its retries); the message is its error."""


class WrongDatabase(RuntimeError):
    """A job submitted for another database than the worker's."""


@dataclass(frozen=True)
class QueueConfig:
    """Where the queue is and how jobs are retried; built from the settings by the caller."""
    broker: str                              # redis://host:port/db (also the result backend)
    db: str                                  # the database URL jobs run against (the worker's; the submitter's)
    queue: str = DEFAULT_QUEUE               # the queue of every job but crawl and process (JOB_QUEUES)
    max_retries: int = 4                     # a job runs at most max_retries + 1 times
    backoff: float = 30.0                    # first retry after this many seconds, doubling
    backoff_max: float = 1800.0
    dedup_ttl: float = 24 * 3600.0           # a natural key stays claimed at most this long
    visibility_timeout: float = 120.0        # a killed worker's job is delivered again after this (running jobs renew it)


# -- JSON arguments ---------------------------------------------------------------------------------
def encode(value: Any) -> Any:
    """Job arguments → JSON: config dataclasses as tagged dicts, paths as tagged strings, tuples as lists."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (CrawlConfig, ProcessConfig)):
        return {"__config__": type(value).__name__,
                **{f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Path):
        return {"__path__": str(value)}
    if isinstance(value, datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: encode(v) for k, v in value.items()}
    raise TypeError(f"a queued job's argument must be ids, paths, strings or config objects, not {type(value).__name__}")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "__path__" in value:
            return Path(value["__path__"])
        if "__datetime__" in value:
            return datetime.fromisoformat(value["__datetime__"])
        if "__config__" in value:
            cls = _CONFIGS[value["__config__"]]
            fields = {k: decode(v) for k, v in value.items() if k != "__config__"}
            return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})
        return {k: decode(v) for k, v in value.items()}
    return value


# -- reports: a job's summary as JSON (what --wait prints) --------------------------------------------
def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def report(name: str, result: Any) -> Any:
    """The JSON report of a job's summary: crawl → [{site, line, fatal, new_article_ids}];
    process → {processed, failed, facts, errors, version}; schedule-tick → {crawled, lines, processed};
    others → their summary dataclass as a dict."""
    if name == "crawl":
        return [{"site": s.site, "line": s.line(), "fatal": s.fatal, "new_article_ids": list(s.crawl.new_article_ids)}
                for s in result]
    if name == "process":
        return {"processed": result.processed, "failed": result.failed, "facts": dict(result.facts),
                "errors": list(result.errors), "version": result.version, "given_up": list(result.given_up)}
    if name == "schedule-tick":
        return {"crawled": [[site, due.isoformat()] for site, due in result.crawled], "lines": list(result.lines),
                "processed": report("process", result.processed) if result.processed else None}
    return _plain(result)


def merge_process_reports(reports: Iterable[dict]) -> dict:
    """One process report of several batches (processed, failed and facts summed, errors in order)."""
    out = {"processed": 0, "failed": 0, "facts": {}, "errors": [], "version": "", "given_up": []}
    for r in reports:
        out["given_up"] += [g for g in r.get("given_up", ()) if g not in out["given_up"]]
        out["processed"] += r["processed"]
        out["failed"] += r["failed"]
        out["errors"] += r["errors"]
        out["version"] = out["version"] or r["version"]
        for k, v in r["facts"].items():
            out["facts"][k] = out["facts"].get(k, 0) + v
    return out


# -- natural keys ------------------------------------------------------------------------------------
def _same_db(url: str) -> str:
    """A database URL as submitter and worker compare it (SQLite paths made absolute)."""
    if "://" not in url:
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////"):
        return "sqlite:///" + str(Path(url[len("sqlite:///"):]).expanduser().resolve())
    return url


def dedup_key(db: str, name: str, key: tuple) -> str:
    digest = hashlib.sha256(json.dumps([_same_db(db), name, _plain(key)], sort_keys=True, default=str).encode())
    return KEY_PREFIX + digest.hexdigest()[:40]


def _crawl_hosts(args: dict) -> list[str]:
    return sorted({host_of(u) for u in args.get("urls") or []})


# -- the Celery app, the task ------------------------------------------------------------------------
_databases: dict[str, Database] = {}


def _database(url: str) -> Database:
    """The worker process's database (opened once per process, after the pool has forked)."""
    if url not in _databases:
        _databases[url] = open_db(url)
    return _databases[url]


def make_app(config: QueueConfig):
    """The Celery app of this queue config, with the job task registered."""
    from celery import Celery
    app = Celery("partyfacts", broker=config.broker, backend=config.broker, set_as_current=False)
    app.conf.update(
        task_serializer="json", result_serializer="json", accept_content=["json"],
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_default_queue=config.queue, task_track_started=True, result_expires=7 * 24 * 3600,
        broker_transport_options={"visibility_timeout": config.visibility_timeout,
                                  # look for the jobs of killed workers every tenth of the timeout
                                  "unacked_restore_interval": max(1.0, config.visibility_timeout / 10),
                                  "unacked_restore_throttle": 1},
        result_backend_transport_options={"visibility_timeout": config.visibility_timeout},
        broker_connection_retry_on_startup=True, worker_hijack_root_logger=False,
        worker_cancel_long_running_tasks_on_connection_loss=False,
    )
    app.partyfacts_config = config
    _die_with_the_worker()

    @app.task(name=TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True, shared=False)
    def run_job(task, name: str, args: dict, db: str, then_process: dict | None = None):
        return _run_task(task, app.partyfacts_config, name, args, db, then_process)

    app.run_job = run_job
    return app


def _run_task(task, config: QueueConfig, name: str, args: dict, db: str, then_process: dict | None) -> Any:
    from .crawl import CrawlError
    spec = get_job(name)
    kwargs = decode(args)
    attempt = task.request.retries
    key = dedup_key(db, name, spec.key(**kwargs))
    if _same_db(db) != _same_db(config.db):
        _release(task.app, key, task.request.id)     # refused, not queued any more: the key is free
        raise WrongDatabase(f"job {name} was submitted for database {_masked(db)}, this worker runs on "
                            f"{_masked(config.db)}; start the worker with --db {_masked(db)}")
    database = _database(config.db)
    lease = _Lease(task.app, (task.request.delivery_info or {}).get("delivery_tag"), config.visibility_timeout)
    try:
        with lease:
            result = spec.func(database, **kwargs)
    except CrawlError as exc:       # cannot start: retrying changes nothing
        _record_dead(database, name, kwargs, task.request.id, attempt + 1, exc, spec.key(**kwargs), args)
        _release(task.app, key, task.request.id)
        raise
    except Exception as exc:
        if attempt < config.max_retries:
            countdown = min(config.backoff_max, config.backoff * 2 ** attempt)
            log.warning("job %s (%s) failed on attempt %d, retrying in %.0f s: %s", name, task.request.id,
                        attempt + 1, countdown, exc)
            raise task.retry(exc=exc, countdown=countdown, max_retries=config.max_retries)
        _record_dead(database, name, kwargs, task.request.id, attempt + 1, exc, spec.key(**kwargs), args)
        _release(task.app, key, task.request.id)
        raise
    out = report(name, result)
    _release(task.app, key, task.request.id)
    if name == "crawl" and then_process is not None:
        # the site's articles this pipeline has not processed: the new ones, and those a killed
        # run of this crawl stored before it died (crawls of one site never run at once: natural key)
        pc = decode(then_process)
        ids = _unprocessed_of_sites(database, [s["site"] for s in out], pc)
        runner = QueueRunner(config, app=task.app)
        for i in range(0, len(ids), PROCESS_BATCH):
            runner.submit("process", config=pc, ids=ids[i:i + PROCESS_BATCH])
    return out


def _unprocessed_of_sites(db: Database, sites: list[str], config: ProcessConfig) -> list[int]:
    from sqlalchemy import exists

    from .process import pipeline_version
    version = pipeline_version(config.disable)
    with db.session() as s:
        done = exists().where((m.Processing.article_id == m.Article.id) & (m.Processing.pipeline_version == version)
                              & (m.Processing.status == "ok"))
        q = (select(m.Article.id).join(m.Site, m.Article.site_id == m.Site.id)
             .where(m.Site.name.in_(sites), ~done).order_by(m.Article.id))
        return list(s.execute(q).scalars())


class _Lease:
    """While a job runs, renew its delivery's time in kombu's Redis unacked index (``unacked_index``,
    scored by delivery time) so that the broker re-delivers it only when its worker has died."""

    INDEX = "unacked_index"

    def __init__(self, app, delivery_tag: str | None, visibility_timeout: float):
        self.app, self.tag, self.every = app, delivery_tag, max(0.5, visibility_timeout / 4)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _renew(self) -> None:
        client = _redis(self.app)
        while not self._stop.wait(self.every):
            try:
                client.zadd(self.INDEX, {self.tag: time.time()}, xx=True)
            except Exception:  # broker away for a moment: the next renewal tries again
                log.warning("could not renew the delivery of %s", self.tag, exc_info=True)

    def __enter__(self):
        if self.tag:
            self._thread = threading.Thread(target=self._renew, name="partyfacts-lease", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


_DEATH_SIGNAL_CONNECTED = False


def _die_with_the_worker() -> None:
    """Pool processes get SIGKILL when their worker dies (Linux PR_SET_PDEATHSIG): a SIGKILLed worker
    leaves no orphan still running its job while the broker delivers that job again."""
    global _DEATH_SIGNAL_CONNECTED
    if _DEATH_SIGNAL_CONNECTED:
        return
    from celery.signals import worker_process_init

    @worker_process_init.connect(weak=False)
    def _set_pdeathsig(**_):
        import ctypes
        import signal
        import sys
        if sys.platform.startswith("linux"):
            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, int(signal.SIGKILL), 0, 0, 0) != 0:
                log.warning("prctl(PR_SET_PDEATHSIG) failed: errno %s", ctypes.get_errno())
    _DEATH_SIGNAL_CONNECTED = True


def _masked(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError
    try:
        return make_url(url).render_as_string(hide_password=True) if "://" in url else url
    except ArgumentError:  # not a SQLAlchemy URL: shown as given
        return url


def _redis(app):
    import redis
    client = getattr(app, "_partyfacts_redis", None)
    if client is None:
        client = app._partyfacts_redis = redis.Redis.from_url(app.partyfacts_config.broker)
    return client


def _release(app, key: str, task_id: str) -> None:
    """Free the natural key if this task still holds it (compare-and-delete in one step)."""
    _redis(app).eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
                     1, key, task_id)


def _record_dead(db: Database, name: str, kwargs: dict, task_id: str, attempts: int, exc: BaseException,
                 key: tuple = (), args: dict | None = None) -> None:
    """Record a dead job with its error: a dead_jobs row for every job; besides, crawl → a failed
    crawl_runs row per site; process → an error processing row per article of the batch not processed."""
    error = f"job {name} {task_id} dead after {attempts} attempt(s): {type(exc).__name__}: {exc}"
    log.error("%s\n%s", error, "".join(traceback.format_exception(exc))[-4000:])
    now = datetime.utcnow()
    sites: list[int | None] = []
    with db.session() as s:
        for host in _crawl_hosts(kwargs) if name == "crawl" else ():
            site = s.execute(select(m.Site).where(m.Site.name == host)).scalar_one_or_none()
            if site is None:
                url = next(u for u in kwargs["urls"] if host_of(u) == host)
                site = m.Site(name=host, base_url=url)
                s.add(site)
                s.flush()
            sites.append(site.id)
            s.add(m.CrawlRun(site_id=site.id, started_at=now, finished_at=now, status="failed",
                             start_urls=json.dumps([u for u in kwargs["urls"] if host_of(u) == host]),
                             error_log=error[:4000]))
        for site_id in sites or [None]:
            s.add(m.DeadJob(job=name[:64], task_id=(task_id or "")[:64], site_id=site_id, attempts=attempts,
                            natural_key=json.dumps(_plain(key), ensure_ascii=False, default=str),
                            args=json.dumps(args if args is not None else encode(kwargs), ensure_ascii=False,
                                            default=str),
                            error=error[:4000], failed_at=now))
    if name == "process" and kwargs.get("ids"):
        from .process import pipeline_version
        config = kwargs.get("config") or ProcessConfig()
        version = kwargs.get("version") or pipeline_version(config.disable)
        with db.session() as s:
            done = {r.article_id: r for r in s.execute(select(m.Processing).where(
                m.Processing.article_id.in_(kwargs["ids"]), m.Processing.pipeline_version == version)).scalars()}
            existing = set(s.execute(select(m.Article.id).where(m.Article.id.in_(kwargs["ids"]))).scalars())
            for aid in kwargs["ids"]:
                if aid not in existing or (aid in done and done[aid].status == "ok"):
                    continue
                row = done.get(aid) or m.Processing(article_id=aid, pipeline_version=version)
                row.status, row.error, row.processed_at = "error", error[:2000], now
                s.add(row)


# -- submitting --------------------------------------------------------------------------------------
class QueueRunner:
    """The `Runner` on Celery with a Redis broker.

    submit(name, **args): queue the job (deduplicated by its natural key while queued or running)
        and answer a ticket that is not done, with the task id; ``then_process`` (a ProcessConfig)
        after a crawl queues the processing of its new articles.
    run(name, **args): submit and wait; returns the job's JSON report (`report`).
    wait(ticket): block until the ticket's job has finished; its report, or JobFailed."""

    def __init__(self, config: QueueConfig, app=None):
        self.config = config
        self.app = app or make_app(config)

    def submit(self, name: str, *, then_process: ProcessConfig | None = None, **args: Any) -> Ticket:
        spec = get_job(name)
        key = spec.key(**args)
        payload = encode(args)
        rkey = dedup_key(self.config.db, name, key)
        task_id = str(uuid.uuid4())
        client = _redis(self.app)
        if not client.set(rkey, task_id, nx=True, ex=int(self.config.dedup_ttl)):
            holder = client.get(rkey)
            if holder is not None:
                return Ticket(name, key, False, id=holder.decode())
            client.set(rkey, task_id, ex=int(self.config.dedup_ttl))    # released in between: ours now
        try:
            self.app.run_job.apply_async(
                args=(name, payload, _same_db(self.config.db), encode(then_process) if then_process else None),
                task_id=task_id, queue=queue_of(name, self.config))
        except BaseException:
            _release(self.app, rkey, task_id)
            raise
        return Ticket(name, key, False, id=task_id)

    def wait(self, ticket: Ticket, timeout: float | None = None) -> Any:
        if ticket.done:
            return ticket.result
        from celery.exceptions import TimeoutError as WaitTimeout
        res = self.app.AsyncResult(ticket.id)
        try:
            return res.get(timeout=timeout, propagate=True, disable_sync_subtasks=False)
        except WaitTimeout:
            raise
        except Exception as exc:     # the job's own error, re-raised by Celery from the result backend
            raise JobFailed(f"job {ticket.job} {ticket.id} failed: {type(exc).__name__}: {exc}") from None

    def run(self, name: str, **args: Any) -> Any:
        return self.wait(self.submit(name, **args))

    def submit_process(self, db: Database, *, config: ProcessConfig, all_articles: bool = False,
                       batch: int = PROCESS_BATCH) -> list[Ticket]:
        """Queue the processing of the articles this pipeline version has not processed (or all), in
        batches of ids so that workers share them."""
        from .process import articles_to_process, pipeline_version
        ids = articles_to_process(db, pipeline_version(config.disable), all_articles)
        return [self.submit("process", config=config, ids=ids[i:i + batch]) for i in range(0, len(ids), batch)]

    def submit_crawls(self, urls: list[str], *, config: CrawlConfig, max_pages: int | None = None,
                      then_process: ProcessConfig | None = None) -> list[Ticket]:
        """Queue one crawl job per host of the start URLs (different sites crawl on different workers).
        Raises CrawlError for a start URL that is not http(s), before anything is queued."""
        from .crawl import CrawlError
        by_host: dict[str, list[str]] = {}
        for u in urls:
            try:
                canonical_url(u)
            except ValueError as exc:
                raise CrawlError(str(exc)) from None
            by_host.setdefault(host_of(u), []).append(u)
        return [self.submit("crawl", urls=host_urls, config=config, max_pages=max_pages, then_process=then_process)
                for host_urls in by_host.values()]

    def enqueue_due(self, db: Database, *, crawl: CrawlConfig, process: ProcessConfig | None,
                    now: datetime | None = None, echo: Callable[[str], None] = log.info) -> list[Ticket]:
        """The scheduler's tick with a broker: queue a crawl (then the processing of its new articles)
        for every site due at ``now`` and mark it crawled at ``now``, so the next tick queues it again
        only when it is due again."""
        now = now or datetime.utcnow()
        out = []
        for site in due_sites(db, now):
            due = due_at(site)
            ticket = self.submit("crawl", urls=[site.base_url], config=crawl, delay=site.delay,
                                 max_pages=site.max_pages, then_process=process)
            with db.session() as s:
                row = s.get(m.Site, site.id)
                row.last_crawl_at = now
                if row.crawl_requested_at is not None and row.crawl_requested_at <= now:
                    row.crawl_requested_at = None
            echo(f"queued crawl of {site.name} (due {due:%Y-%m-%d %H:%M}) as job {ticket.id}")
            out.append(ticket)
        return out

    def scheduler_lock(self, holder: str, ttl: float) -> bool:
        """Take or renew the one-scheduler lock for ``ttl`` seconds; False while another holds it."""
        client = _redis(self.app)
        got = client.eval("local v = redis.call('get', KEYS[1]) "
                          "if v == false or v == ARGV[1] then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end "
                          "return 0", 1, SCHEDULER_LOCK, holder, int(ttl * 1000))
        return bool(got)


def dead_jobs(db: Database, limit: int = 20) -> list[m.DeadJob]:
    """The most recent dead jobs, newest first (what `partyfacts stats` shows)."""
    with db.session() as s:
        return _dead_rows(s, limit)


def _dead_rows(session, limit: int) -> list[m.DeadJob]:
    return list(session.execute(select(m.DeadJob).order_by(m.DeadJob.failed_at.desc(), m.DeadJob.id.desc())
                                .limit(limit)).scalars())


def dead_jobs_data(session, limit: int = 20) -> list[dict]:
    """The most recent dead jobs as JSON-ready dicts (the crawls page's data, /api/crawls)."""
    return [{"id": d.id, "job": d.job, "task_id": d.task_id, "site_id": d.site_id, "attempts": d.attempts,
             "natural_key": json.loads(d.natural_key or "[]"), "error": d.error,
             "failed_at": d.failed_at.isoformat(timespec="seconds")} for d in _dead_rows(session, limit)]


def queue_of(name: str, config: QueueConfig) -> str:
    """The queue a job goes to: its own (JOB_QUEUES) or the config's default."""
    return JOB_QUEUES.get(name, config.queue)


def all_queues(config: QueueConfig) -> list[str]:
    return [config.queue, *sorted(set(JOB_QUEUES.values()))]


def run_worker(config: QueueConfig, *, concurrency: int | None = None, queues: Iterable[str] = (),
               pool: str = "prefork", loglevel: str = "INFO", hostname: str | None = None) -> None:
    """Run a Celery worker for this queue config in this process until it is stopped."""
    app = make_app(config)
    argv = ["worker", f"--pool={pool}", f"--loglevel={loglevel}", "--without-gossip", "--without-mingle"]
    if concurrency:
        argv.append(f"--concurrency={concurrency}")
    argv.append("--queues=" + ",".join(list(queues) or all_queues(config)))
    if hostname:
        argv.append(f"--hostname={hostname}")
    app.worker_main(argv)


def wait_all(runner: QueueRunner, tickets: list[Ticket], poll: float = 0.2) -> list[tuple[Ticket, Any, str | None]]:
    """(ticket, report or None, error or None) for each ticket once all have finished."""
    out = []
    for t in tickets:
        try:
            out.append((t, runner.wait(t), None))
        except JobFailed as exc:
            out.append((t, None, str(exc)))
    return out


__all__ = ["DEFAULT_QUEUE", "JobFailed", "dead_jobs", "dead_jobs_data", "QueueConfig", "QueueRunner", "WrongDatabase", "decode", "encode",
           "make_app", "merge_process_reports", "report", "run_worker", "wait_all"]
