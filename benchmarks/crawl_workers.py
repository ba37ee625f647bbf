"""Crawl throughput with 1, 2 and 4 `partyfacts worker` processes against local sites with a
per-host delay, beside the bound that politeness sets (hosts × 1/delay pages per second).

    .venv/bin/python benchmarks/crawl_workers.py [--hosts 4] [--articles 40] [--delay 0.2] [--workers 1,2,4]
                                                 [--broker redis://127.0.0.1:6379/0] [--db sqlite|postgresql+psycopg://…]

Each site (the party-newspaper layout of benchmarks/crawl_speed.py) is served on its own loopback
address (127.0.0.1, 127.0.0.2, …: distinct hosts, so distinct sites with their own politeness).
For each worker count: a fresh database, that many `partyfacts worker --concurrency 1`
processes, then `partyfacts crawl URL… --delay D --wait` timed from submit to the last summary.
A crawl job is one site, so throughput grows with workers up to min(workers, hosts) × 1/delay.
Without --broker a throwaway redis-server (Debian's redis-server) is started on a free port.
The database is a throwaway PostgreSQL (tests/pg.py, Debian's postgresql) unless --db says
`sqlite` (one file per run: a crawl holds SQLite's write lock, so crawls of several sites
take turns there and workers add little) or gives a PostgreSQL server URL (one database per run
is created next to it: the URL's user needs CREATEDB).
Prints one line per worker count and writes benchmarks/out/crawl_workers.json.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
PARTYFACTS = [sys.executable, "-c", "from partyfacts.webapp.cli import main; main()"]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def serve(pages: dict[str, bytes], host: str, hits: list[int]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, *a):
            pass

        def do_GET(self):  # noqa: N802
            body = pages.get(self.path)
            if self.path != "/robots.txt":
                hits[0] += 1
            self.send_response(200 if body is not None else 404)
            body = body if body is not None else b"not found"
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer((host, 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://{host}:{httpd.server_address[1]}"


def _wait_ready(log: Path, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while " ready." not in (log.read_text(errors="replace") if log.exists() else ""):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"worker did not start: {log.read_text(errors='replace')[-2000:]}")
        time.sleep(0.1)


def run(workers: int, urls: list[str], delay: float, broker: str, db: str, hits: list[list[int]]) -> dict:
    env = {**os.environ, "PARTYFACTS_BROKER": broker, "PARTYFACTS_DB": str(db),
           "PARTYFACTS_ALLOW_PRIVATE_TARGETS": "1"}     # the benchmark sites are on 127.0.0.1
    subprocess.run(PARTYFACTS + ["stats"], env=env, check=True, capture_output=True)    # create + migrate once
    procs, logs = [], []
    try:
        for i in range(workers):
            log = Path(tempfile.gettempdir()) / f"partyfacts-bench-worker-{os.getpid()}-{workers}-{i}.log"
            procs.append(subprocess.Popen(PARTYFACTS + ["worker", "--concurrency", "1", "--name", f"w{i}@%h"], env=env,
                                          stdout=open(log, "w"), stderr=subprocess.STDOUT))
            logs.append(log)
        for p, log in zip(procs, logs):
            _wait_ready(log, p)
        for h in hits:
            h[0] = 0
        t0 = time.perf_counter()
        res = subprocess.run(PARTYFACTS + ["crawl", *urls, "--delay", str(delay), "--wait"], env=env,
                             capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        if res.returncode != 0:
            raise RuntimeError(f"crawl failed: {res.stdout}{res.stderr}")
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(60)
    pages = sum(h[0] for h in hits)
    return {"workers": workers, "pages": pages, "seconds": round(elapsed, 2),
            "pages_per_second": round(pages / elapsed, 2)}


def _own(pages: dict[str, bytes], site: int) -> dict[str, bytes]:
    """The generated site made this site's own: its stories say which site they are on (distinct
    pages and texts, as distinct portals have)."""
    mark, own = "Sapo của bài".encode(), f"Sapo của trang {site + 1}, bài".encode()
    return {path: body.replace(mark, own) for path, body in pages.items()}


def _createdb(url: str, name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=int, default=4, help="local sites, one per loopback address")
    ap.add_argument("--articles", type=int, default=40, help="articles per site")
    ap.add_argument("--delay", type=float, default=0.2, help="seconds between requests to one host")
    ap.add_argument("--workers", default="1,2,4", help="worker counts to measure")
    ap.add_argument("--broker", help="Redis URL (default: a throwaway redis-server on a free port)")
    ap.add_argument("--db", default=None,
                    help="sqlite, or a PostgreSQL URL (default: a throwaway PostgreSQL server)")
    ap.add_argument("--out", default=str(HERE / "out" / "crawl_workers.json"))
    args = ap.parse_args(argv)
    make_site = _load("crawl_speed", HERE / "crawl_speed.py").make_site
    hits = [[0] for _ in range(args.hosts)]
    servers = [serve(_own(make_site(args.articles), i), f"127.0.0.{i + 1}", hits[i]) for i in range(args.hosts)]
    urls = [base + "/" for _h, base in servers]
    redis = None
    broker = args.broker
    if broker is None:
        redis = _load("redis_server", ROOT / "tests" / "redis_server.py").TempRedis()
        broker = redis.url()
    bound = args.hosts / args.delay
    rows = []
    pg = None
    try:
        with tempfile.TemporaryDirectory(prefix="partyfacts-bench-") as tmp:
            if args.db is None:
                pg = _load("pg", ROOT / "tests" / "pg.py").TempPostgres()
            for w in [int(x) for x in args.workers.split(",")]:
                if args.db == "sqlite":
                    db = str(Path(tmp) / f"bench-{w}.db")
                elif pg is not None:
                    db = pg.createdb(f"bench{w}")
                else:
                    db = _createdb(args.db, f"partyfacts_bench_{os.getpid()}_{w}")
                row = run(w, urls, args.delay, broker, db, hits)
                row["bound"] = round(min(w, args.hosts) / args.delay, 2)
                row["load_average"] = round(os.getloadavg()[0], 1)   # other work on the machine meanwhile
                rows.append(row)
                print(f"crawl_workers: {w} worker(s): {row['pages']} pages in {row['seconds']} s = "
                      f"{row['pages_per_second']} pages/s (bound {args.hosts} hosts × 1/{args.delay} s = {bound:g} pages/s; "
                      f"{min(w, args.hosts)} site(s) at once: {row['bound']:g}; load average "
                      f"{row['load_average']:g} on {os.cpu_count()} CPUs)", flush=True)
    finally:
        for httpd, _b in servers:
            httpd.shutdown()
        if redis is not None:
            redis.stop()
        if pg is not None:
            pg.stop()
    result = {"benchmark": "crawl_workers", "database": "sqlite" if args.db == "sqlite" else "postgresql",
              "hosts": args.hosts, "articles_per_site": args.articles,
              "delay": args.delay, "bound_pages_per_second": bound, "runs": rows,
              "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
