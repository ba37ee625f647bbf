"""Web load benchmark: the server started as the README says (`partyfacts --db DB serve --port P`),
driven over real HTTP by 1, 8 and 32 concurrent clients (threads), then 16 slow export readers
while other clients browse. Prints p50/p95/p99, errors and the server's peak RSS per scenario,
with the targets of issue 12 beside them.

    .venv/bin/python benchmarks/web_load.py                       # 100k articles / 1M figures (built once)
    .venv/bin/python benchmarks/web_load.py --articles 10000 --figures 100000 --roles 30000 \
        --db benchmarks/out/web_load_10k.db                       # a quick run
    .venv/bin/python benchmarks/web_load.py --db corpus.db --server-args "--workers 4 --threads 8"

The corpus is the one of benchmarks/web_speed.py (same builder, same seed); an existing --db is
reused. ``--server-args`` is passed after `serve` unchanged (gunicorn workers/threads once `serve`
has them; the dev server takes none). Scenarios, each for --seconds at every concurrency:

    api_search       GET /api/search?q=…        (20 queries of web_speed.py, in turn)
    html_search      GET /search?q=…
    person_normal    GET /persons/<id>          (persons at the median of articles per person)
    person_busiest   GET /persons/<id>          (the person in the most articles)
    export           GET /export/roles.csv?q=…  (a filtered export read to the end at full speed)
    slow_exports     16 clients download /export/figures.csv at --slow-rate bytes/s while 8 others
                     browse (search, person pages); the browsing latencies are what is reported

An error is a connection failure, a timeout (--timeout) or a 5xx; 429 (rate limited) answers are
counted apart as "limited" (the lead runs it with the limits raised for the benchmark). RSS is the
server process plus its children (gunicorn workers), sampled every 0.2 s: psutil when installed,
else /proc. Results also go to benchmarks/out/web_load.json.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shlex
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime
from pathlib import Path

from web_speed import OUT, ROOT, SEARCHES, _exists, _label, generate

TARGETS = {   # issue 12, at 32 clients on the 2-core machine
    "errors": "0 errors at 32 clients",
    "api_search": "p95 <= 500 ms at 32 clients",
    "person_normal": "p95 <= 300 ms at 32 clients",
    "person_busiest": "p95 <= 1000 ms at 32 clients",
    "slow_exports": "other pages < 1000 ms (max) while the slow export readers download",
}


# -- the server -----------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, server_args: str, log: Path, search_cache: str = "") -> subprocess.Popen:
    exe = Path(sys.executable).with_name("partyfacts")
    cmd = [str(exe), "--db", db, "serve", "--port", str(port), *shlex.split(server_args)]
    print("starting:", " ".join(shlex.quote(c) for c in cmd), file=sys.stderr)
    # the rate limits are off for the run (they would answer 429 to a load generator); export slots stay on
    env = {**os.environ, "PARTYFACTS_RATE_LIMIT_SEARCH": "", "PARTYFACTS_RATE_LIMIT_EXPORT": "",
           "PARTYFACTS_RATE_LIMIT_EXTRACT": ""}
    if search_cache:    # --search-cache 0: every search computed (what a search costs, not its reuse)
        env["PARTYFACTS_SEARCH_CACHE"] = search_cache
    proc = subprocess.Popen(cmd, stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=ROOT,
                            start_new_session=True, env=env)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}; see {log}")
        try:
            status, _ = request("127.0.0.1", port, "/", timeout=5)
            if status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.5)
    stop_server(proc)
    raise SystemExit(f"the server did not answer within 180 s; see {log}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, 15)      # its own session: the server and its workers, nothing else
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def tree_rss_mb(pid: int) -> float:
    """Resident memory of the process and all its descendants, in MB."""
    try:
        import psutil
    except ImportError:
        psutil = None
    if psutil is not None:
        try:
            root = psutil.Process(pid)
            procs = [root, *root.children(recursive=True)]
            return sum(p.memory_info().rss for p in procs if p.is_running()) / 1e6
        except psutil.Error:
            return 0.0
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
        todo += _children(p)
    return total / 1e6


class RssSampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.pid))
            self.stop.wait(0.2)


# -- clients ---------------------------------------------------------------------------------------------------

def request(host: str, port: int, path: str, timeout: float) -> tuple[int, int]:
    """GET ``path`` on a new connection, body read to the end: (status, bytes)."""
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Accept-Language": "vi"})
        resp = conn.getresponse()
        n = 0
        while chunk := resp.read(65536):
            n += len(chunk)
        return resp.status, n
    finally:
        conn.close()


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.lat: list[float] = []
        self.errors = self.limited = 0
        self.examples: list[str] = []
        self.started = time.monotonic()
        self.slowest: list[tuple[float, float, str]] = []    # (ms, seconds into the scenario, path)

    def add(self, ms: float | None, status: int | None, what: str) -> None:
        with self.lock:
            if status == 429:
                self.limited += 1
            elif status is None or status >= 500:
                self.errors += 1
                if len(self.examples) < 3:
                    self.examples.append(what)
            else:
                self.lat.append(ms)
                began = round(time.monotonic() - self.started - ms / 1000, 1)
                self.slowest = sorted(self.slowest + [(round(ms, 1), began, what.split(": HTTP")[0])], reverse=True)[:5]

    def summary(self) -> dict:
        lat = sorted(self.lat)
        pct = (lambda p: round(lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))], 1) if lat else None)
        return {"requests": len(lat) + self.errors + self.limited, "ok": len(lat), "errors": self.errors,
                "limited": self.limited, "p50_ms": pct(50), "p95_ms": pct(95), "p99_ms": pct(99),
                "max_ms": round(lat[-1], 1) if lat else None, "error_examples": self.examples,
                "slowest": [{"ms": ms, "at_s": at, "path": path} for ms, at, path in self.slowest]}


def drive(port: int, paths, clients: int, seconds: float, timeout: float, tally: Tally,
          stop: threading.Event | None = None) -> None:
    """``clients`` threads each GET the next of ``paths`` until ``seconds`` have passed (or ``stop``)."""
    end = time.monotonic() + seconds
    counter = iter(range(10**9))
    lock = threading.Lock()

    def client():
        while time.monotonic() < end and not (stop and stop.is_set()):
            with lock:
                path = paths[next(counter) % len(paths)]
            t = time.perf_counter()
            try:
                status, _ = request("127.0.0.1", port, path, timeout)
            except (OSError, http.client.HTTPException) as exc:
                tally.add(None, None, f"{path}: {type(exc).__name__}: {exc}")
                continue
            tally.add((time.perf_counter() - t) * 1000, status, f"{path}: HTTP {status}")

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


def slow_reader(port: int, path: str, rate: int, seconds: float, timeout: float, out: dict, lock) -> None:
    """Download ``path`` reading ``rate`` bytes a second, for at most ``seconds`` (then hang up)."""
    end = time.monotonic() + seconds
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    key = "completed"
    try:
        conn.connect()
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 16384)   # a slow link: little buffered here
        conn.request("GET", path)
        resp = conn.getresponse()
        if resp.status != 200:
            key = f"status_{resp.status}"
        else:
            while time.monotonic() < end:
                chunk = resp.read(max(1, rate // 4))
                if not chunk:
                    break
                time.sleep(0.25)
            else:
                key = "still_reading_at_end"
    except (OSError, http.client.HTTPException) as exc:
        key = f"failed_{type(exc).__name__}"
    finally:
        conn.close()
    with lock:
        out[key] = out.get(key, 0) + 1


# -- the corpus's ids ----------------------------------------------------------------------------------------

def person_ids(db: str) -> tuple[int, list[int], int]:
    """(busiest person id, 20 persons at the median of articles per person, the busiest's article count)."""
    import sqlalchemy as sa

    from partyfacts.corpus.db import resolve_url
    eng = sa.create_engine(resolve_url(db))
    with eng.connect() as c:
        rows = c.execute(sa.text("SELECT entity_id, count(DISTINCT article_id) AS n FROM mentions "
                                 "WHERE entity_type = 'person' GROUP BY entity_id ORDER BY n DESC, entity_id")).all()
    eng.dispose()
    if not rows:
        raise SystemExit(f"no person mentions in {db}: not a corpus of benchmarks/web_speed.py?")
    mid = len(rows) // 2
    return rows[0][0], [r[0] for r in rows[max(0, mid - 10):mid + 10]], rows[0][1]


def scenario_paths(busiest: int, normal: list[int]) -> dict[str, list[str]]:
    q = lambda s: urllib.parse.quote(s)
    return {
        "api_search": [f"/api/search?q={q(s)}" for s in SEARCHES],
        "html_search": [f"/search?q={q(s)}" for s in SEARCHES],
        "person_normal": [f"/persons/{i}" for i in normal],
        "person_busiest": [f"/persons/{busiest}"],
        "export": [f"/export/roles.csv?q={q(s)}" for s in ("bi thu", "chu tich ubnd", "truong ban to chuc")],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default=str(OUT / "web_load.db"),
                    help="SQLite file or SQLAlchemy URL; built with web_speed.py's generator when missing.")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--figures", type=int, default=1_000_000)
    ap.add_argument("--roles", type=int, default=300_000)
    ap.add_argument("--port", type=int, default=0, help="Port for the server (default: a free one).")
    ap.add_argument("--server-args", default="", help='Extra arguments after `serve`, e.g. "--workers 4 --threads 8".')
    ap.add_argument("--clients", default="1,8,32", help="Concurrency levels (comma-separated).")
    ap.add_argument("--seconds", type=float, default=10.0, help="Duration of each scenario at each level.")
    ap.add_argument("--timeout", type=float, default=30.0, help="A request slower than this is an error.")
    ap.add_argument("--scenarios", default="api_search,html_search,person_normal,person_busiest,export,slow_exports")
    ap.add_argument("--slow-readers", type=int, default=16)
    ap.add_argument("--slow-rate", type=int, default=2048, help="Bytes a second each slow reader takes.")
    ap.add_argument("--browsers", type=int, default=8, help="Clients browsing while the slow readers download.")
    ap.add_argument("--slow-seconds", type=float, default=30.0)
    ap.add_argument("--search-cache", default="",
                    help="The server's search_cache setting (entries per worker; 0 = off: every search computed). "
                         "Default: the server's own setting.")
    a = ap.parse_args()

    if not _exists(a.db):
        if "://" not in a.db:
            Path(a.db).parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {a.articles} articles, {a.roles} roles, {a.figures} figures in {_label(a.db)} …",
              file=sys.stderr)
        print(json.dumps(generate(a.db, a.articles, a.figures, a.roles)), file=sys.stderr)
    busiest, normal, busiest_articles = person_ids(a.db)
    paths = scenario_paths(busiest, normal)
    wanted = a.scenarios.split(",")
    levels = [int(x) for x in a.clients.split(",")]
    port = a.port or free_port()
    OUT.mkdir(parents=True, exist_ok=True)
    proc = start_server(a.db, port, a.server_args, OUT / "web_load_server.log", a.search_cache)
    result = {"when": datetime.now().isoformat(timespec="seconds"), "cpu_count": os.cpu_count(),
              "db": _label(a.db), "server_args": a.server_args,
              "search_cache": a.search_cache or "(setting)", "busiest_person": busiest,
              "busiest_person_articles": busiest_articles, "normal_persons": normal, "seconds": a.seconds,
              "scenarios": {}}
    try:
        for name in [s for s in wanted if s in paths]:
            for c in levels:
                tally, rss = Tally(), RssSampler(proc.pid)
                rss.start()
                drive(port, paths[name], c, a.seconds, a.timeout, tally)
                rss.stop.set()
                rss.join()
                row = {**tally.summary(), "server_rss_peak_mb": round(rss.peak, 1)}
                result["scenarios"][f"{name}@{c}"] = row
                print(f"{name:>15} @{c:>2}: {json.dumps(row)}", file=sys.stderr)
        if "slow_exports" in wanted:
            result["scenarios"]["slow_exports"] = slow_exports(port, proc.pid, paths, a)
            print(f"   slow_exports: {json.dumps(result['scenarios']['slow_exports'])}", file=sys.stderr)
    finally:
        stop_server(proc)
    result["targets"] = check_targets(result["scenarios"], levels)
    (OUT / "web_load.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print_table(result)


def slow_exports(port: int, pid: int, paths: dict, a) -> dict:
    """--slow-readers downloads of the whole figures table at --slow-rate while --browsers clients browse."""
    readers_out, lock = {}, threading.Lock()
    rss = RssSampler(pid)
    rss.start()
    readers = [threading.Thread(target=slow_reader, args=(port, "/export/figures.csv", a.slow_rate,
                                                         a.slow_seconds, a.timeout, readers_out, lock))
               for _ in range(a.slow_readers)]
    for th in readers:
        th.start()
    time.sleep(2)                      # the readers are connected and their downloads have begun
    browse = [p for name in ("api_search", "person_normal", "html_search") for p in paths[name]]
    random.Random(5).shuffle(browse)
    tally = Tally()
    drive(port, browse, a.browsers, max(1.0, a.slow_seconds - 4), a.timeout, tally)
    for th in readers:
        th.join()
    rss.stop.set()
    rss.join()
    return {**tally.summary(), "slow_readers": a.slow_readers, "slow_rate_bytes_s": a.slow_rate,
            "browsers": a.browsers, "readers": readers_out, "server_rss_peak_mb": round(rss.peak, 1)}


def check_targets(sc: dict, levels: list[int]) -> dict:
    top = max(levels)
    out = {}
    if top == 32:
        errs = sum(v["errors"] for k, v in sc.items() if k.endswith("@32"))
        out["0 errors at 32 clients"] = {"measured": errs, "met": errs == 0}
        for name, limit in (("api_search", 500), ("person_normal", 300), ("person_busiest", 1000)):
            row = sc.get(f"{name}@32")
            if row:
                met = row["p95_ms"] is not None and row["p95_ms"] <= limit and row["errors"] == 0
                out[f"{name} p95 <= {limit} ms at 32 clients"] = {"measured": row["p95_ms"], "met": met}
    row = sc.get("slow_exports")
    if row:
        met = row["max_ms"] is not None and row["max_ms"] < 1000 and row["errors"] == 0
        out[f"pages < 1 s during {row['slow_readers']} slow export readers"] = {"measured": row["max_ms"], "met": met}
    return out


def print_table(result: dict) -> None:
    print(f"web_load on {result['db']} (server args: {result['server_args'] or 'none'}; "
          f"search cache: {result['search_cache']}; busiest person {result['busiest_person']} in "
          f"{result['busiest_person_articles']} articles)")
    print(f"{'scenario':<22}{'reqs':>6}{'errors':>7}{'429':>5}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
          f"{'max ms':>9}{'RSS MB':>8}  target")
    for key, row in result["scenarios"].items():
        name = key.split("@")[0]
        target = TARGETS.get(name, "") if key.endswith("@32") or name == "slow_exports" else ""
        print(f"{key:<22}{row['requests']:>6}{row['errors']:>7}{row['limited']:>5}{str(row['p50_ms']):>9}"
              f"{str(row['p95_ms']):>9}{str(row['p99_ms']):>9}{str(row['max_ms']):>9}"
              f"{row['server_rss_peak_mb']:>8}  {target}")
    for name, t in result["targets"].items():
        print(f"target {'MET ' if t['met'] else 'MISSED'} {name}: measured {t['measured']}")


if __name__ == "__main__":
    main()
