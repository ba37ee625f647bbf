"""Web load benchmark (issue 12): `partyfacts serve` (gunicorn) on the web_speed corpus (100k articles,
1M figures), driven by 1, 8 and 32 concurrent clients for API search and person pages (a normal one
and the busiest), then 16 slow readers of an export (one byte at a time) while searches go on.
Prints p50/p95/p99 latency, errors (any status but 200; 429 counted apart) and the servers' RSS.

    .venv/bin/python benchmarks/web_load.py                              # the corpus of web_speed.py
    .venv/bin/python benchmarks/web_load.py --db benchmarks/out/web10k.db --seconds 5 --levels 1 8

Only addresses on this machine are contacted (127.0.0.1). Each level runs for --seconds, bounded.
Targets at 32 clients on a 2-core machine: 0 errors; API search p95 <= 500 ms; a normal person page
p95 <= 300 ms; the busiest person page p95 <= 1 s; 16 slow export readers leave other pages under 1 s.
The rate limits are switched off for the run (they would answer 429 to a load generator); the export
slots stay on. Results are also written to benchmarks/out/web_load.json.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
QUERIES = ["bi thu", "chu tich", "huyen uy", "ủy ban nhân dân", "đại hội", "tỉnh ủy", "phó chủ tịch", "kinh te"]


def _pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(root_pid: int) -> float:
    """Resident memory of the server and its children (gunicorn workers), from /proc."""
    total, pids = 0, [root_pid]
    try:
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(root_pid)], capture_output=True, text=True).stdout
        pids += [int(x) for x in out.split()]
    except OSError:
        pass
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _persons(db: str) -> tuple[int, int]:
    """(a normal person id, the busiest person id) by mentions."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT entity_id, count(*) n FROM mentions WHERE entity_type='person' "
                           "GROUP BY entity_id ORDER BY n DESC").fetchall()
    finally:
        con.close()
    return rows[len(rows) // 2][0], rows[0][0]


def _drive(port: int, paths: list[str], clients: int, seconds: float) -> dict:
    lat: list[float] = []
    errors = limited = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(i: int):
        nonlocal errors, limited
        rnd = random.Random(i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            path = rnd.choice(paths)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            dt = time.perf_counter() - t0
            with lock:
                if status == 200:
                    lat.append(dt)
                elif status == 429:
                    limited += 1
                else:
                    errors += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"requests": len(lat) + errors + limited, "errors": errors, "429": limited,
            "p50_ms": round(_pct(lat, 50) * 1000, 1), "p95_ms": round(_pct(lat, 95) * 1000, 1),
            "p99_ms": round(_pct(lat, 99) * 1000, 1)}


def _slow_readers(port: int, n: int, seconds: float) -> dict:
    socks, statuses = [], []
    for _ in range(n):
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        s.settimeout(60)
        s.connect(("127.0.0.1", port))
        s.sendall(b"GET /export/figures.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        line = b""
        while not line.endswith(b"\r\n"):
            b = s.recv(1)
            if not b:
                break
            line += b
        statuses.append(line.split(b" ")[1].decode() if b" " in line else "?")
        socks.append(s)
    try:
        others = _drive(port, [f"/api/search?q={quote_plus(QUERIES[0])}"], 4, seconds)
    finally:
        for s in socks:
            s.close()
    return {"readers": n, "export_status": {k: statuses.count(k) for k in set(statuses)}, "search_meanwhile": others}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(OUT / "web_speed.db"), help="a SQLite corpus (benchmarks/web_speed.py builds it)")
    ap.add_argument("--levels", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--seconds", type=float, default=15.0, help="per scenario and level")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=16)
    a = ap.parse_args()
    if not Path(a.db).exists():
        sys.exit(f"no corpus at {a.db}; build it with: .venv/bin/python benchmarks/web_speed.py")
    normal, busiest = _persons(a.db)
    port = _free_port()
    env = {**os.environ, "PARTYFACTS_RATE_LIMIT_SEARCH": "", "PARTYFACTS_RATE_LIMIT_EXPORT": "",
           "PARTYFACTS_RATE_LIMIT_EXTRACT": ""}
    server = subprocess.Popen([sys.executable, "-m", "partyfacts.webapp.cli", "--db", a.db, "serve", "--port", str(port),
                               "--workers", str(a.workers), "--threads", str(a.threads)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results: dict = {"db": a.db, "workers": a.workers, "threads": a.threads, "levels": {}}
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit("the server did not start")
                time.sleep(0.1)
        scenarios = {
            "api_search": [f"/api/search?q={quote_plus(q)}" for q in QUERIES],
            "person_normal": [f"/persons/{normal}"],
            "person_busiest": [f"/persons/{busiest}"],
        }
        for level in a.levels:
            row = {name: _drive(port, paths, level, a.seconds) for name, paths in scenarios.items()}
            row["rss_mb"] = round(_rss_mb(server.pid), 1)
            results["levels"][level] = row
            print(f"{level:>3} clients: " + "; ".join(
                f"{n} p50 {r['p50_ms']} / p95 {r['p95_ms']} / p99 {r['p99_ms']} ms, {r['errors']} errors, {r['429']} 429"
                for n, r in row.items() if isinstance(r, dict)) + f"; RSS {row['rss_mb']} MB", flush=True)
        results["slow_readers"] = _slow_readers(port, 16, a.seconds)
        sr = results["slow_readers"]
        print(f"16 slow export readers: {sr['export_status']}; search meanwhile p95 {sr['search_meanwhile']['p95_ms']} ms, "
              f"{sr['search_meanwhile']['errors']} errors", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=120)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "web_load.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
