"""Web speed benchmark: a synthetic corpus of 100k articles and 1.3M facts (300k roles, 1M figures,
plus entity mentions), then search API latency (p50/p95), person page latency and a full 1M-row CSV
export (time, peak memory), each measured in a fresh process through the Flask app.

    .venv/bin/python benchmarks/web_speed.py                 # generate (if missing) and measure
    .venv/bin/python benchmarks/web_speed.py --articles 10000 --figures 100000   # a quick run
    .venv/bin/python benchmarks/web_speed.py --runs 2        # reuse the corpus, measure the pages twice
    .venv/bin/python benchmarks/web_speed.py --articles 10000 --figures 100000 --roles 30000 \
        --db benchmarks/out/web10k.db --db postgresql+psycopg://user@127.0.0.1/bench   # both, one run

    .venv/bin/python benchmarks/web_speed.py --search-only --db corpus100k.db \
        --db postgresql+psycopg://user@127.0.0.1/bench100k          # issue 10: the searches on both, side by side

Every search is computed (the web app's search cache is off here: each search is asked once).

``--db`` is a SQLite file or a SQLAlchemy URL (PostgreSQL: an existing, empty database; --regenerate
drops its schema first); given several times, the same corpus is built in each and measured side by
side (``by_db`` in the output, the first database's numbers at the top level).

An existing corpus file is reused (no --regenerate); opening it brings its schema to the newest
migration first, as the web app does.

Targets (issue 5): search p95 <= 100 ms, person page <= 200 ms, 1M-row CSV export <= 60 s with
peak memory < 300 MB. Results are printed and written to benchmarks/out/web_speed.json.

The text is generated from Vietnamese sentence templates with spans recorded as they are built; it
is not real news, only realistically sized and shaped (long-tailed person frequencies, 60 sites,
ten years of dates, one article in 33 a republished copy of the one before, roles with canonical titles).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "benchmarks" / "out"

FAMILIES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Lương Trịnh".split()
MIDDLES = "Văn Thị Hữu Đức Minh Quang Thanh Ngọc Xuân Hồng Công Đình Thế Kim Bá".split()
GIVENS = ("An Bình Cường Dũng Đông Giang Hà Hải Hiếu Hoa Hùng Hương Khoa Lan Linh Long Mai Minh Nam Nga Phong "
          "Phúc Quân Sơn Tâm Thắng Thảo Thủy Trang Trung Tuấn Việt Vinh Yến Huệ Khánh Lộc Nhung Oanh").split()
PROVINCES = ("Vĩnh Phúc;Phú Thọ;Hà Giang;Tuyên Quang;Thái Nguyên;Bắc Ninh;Hải Dương;Nghệ An;Thanh Hóa;Quảng Nam;"
             "Đắk Lắk;Cà Mau;Lào Cai;Yên Bái;Sơn La;Hòa Bình;Nam Định;Thái Bình;Ninh Bình;Quảng Ninh").split(";")
SYLLABLES = ("Vĩnh Yên Tam Dương Lạc Bình Xuyên Phúc Thanh Trù Đồng Văn Mê Linh Sơn Hà Tây Đông An Hòa Tân "
             "Phú Long Thịnh Hưng Quang Trung Mỹ Lộc Kim Hải Cẩm Đức Thái Nghĩa Xuân Thuận").split()
PLACE_TYPES = ["xã", "phường", "huyện", "thị trấn", "thành phố"]
TITLES = ["Bí thư", "Phó Bí thư", "Chủ tịch UBND", "Phó Chủ tịch UBND", "Trưởng Ban Tổ chức", "Ủy viên Ban Thường vụ",
          "Chủ tịch HĐND", "Trưởng Ban Tuyên giáo", "Chủ nhiệm Ủy ban Kiểm tra", "Giám đốc Sở Nội vụ"]
ORG_KINDS = [("Tỉnh ủy", "party_committee"), ("Huyện ủy", "party_committee"), ("UBND huyện", "people_committee"),
             ("Đảng ủy xã", "party_committee"), ("HĐND tỉnh", "council")]
SYNDICATED = 33   # every 33rd article is a republished copy (syndicated_of_id): stories counted once
UNITS = [("đảng viên", 50, 20000), ("%", 1, 100), ("tỷ đồng", 1, 5000), ("hộ", 10, 5000), ("người", 10, 100000),
         ("chi bộ", 5, 300), ("ha", 10, 10000), ("tấn", 100, 90000), ("km", 1, 300), ("dự án", 1, 80)]
FILLER = ["Hội nghị đã thảo luận, đánh giá kết quả thực hiện nhiệm vụ chính trị trong năm.",
          "Các đại biểu tập trung phân tích những hạn chế, nguyên nhân và đề ra giải pháp khắc phục.",
          "Công tác xây dựng Đảng, xây dựng hệ thống chính trị được chú trọng.",
          "Tình hình an ninh chính trị, trật tự an toàn xã hội được giữ vững.",
          "Phong trào thi đua yêu nước được triển khai sâu rộng trong cán bộ, đảng viên và nhân dân.",
          "Đảng bộ tiếp tục đổi mới phương thức lãnh đạo, nâng cao năng lực cầm quyền.",
          "Công tác kiểm tra, giám sát được thực hiện nghiêm túc, đúng quy định.",
          "Chương trình xây dựng nông thôn mới đạt nhiều kết quả quan trọng."]


def vn_number(v: float) -> str:
    if float(v).is_integer():
        return f"{int(v):,}".replace(",", ".")
    return f"{v:.1f}".replace(".", ",")


def _is_url(db: str) -> bool:
    return "://" in db


def _exists(db: str) -> bool:
    """A corpus is there: the SQLite file, or articles in the database at the URL."""
    if not _is_url(db):
        return Path(db).exists()
    import sqlalchemy as sa
    eng = sa.create_engine(db)
    try:
        with eng.connect() as c:
            if not sa.inspect(c).has_table("articles"):
                return False
            return c.execute(sa.text("SELECT count(*) FROM articles")).scalar_one() > 0
    finally:
        eng.dispose()


def _reset(db: str) -> None:
    """An empty database to generate into: the SQLite file removed, the PostgreSQL schema dropped."""
    if not _is_url(db):
        if Path(db).exists():
            Path(db).unlink()
        return
    import sqlalchemy as sa
    eng = sa.create_engine(db)
    with eng.begin() as c:
        c.execute(sa.text("DROP SCHEMA public CASCADE"))
        c.execute(sa.text("CREATE SCHEMA public"))
    eng.dispose()


def generate(db: str, n_articles: int, n_figures: int, n_roles: int, seed: int = 7) -> dict:
    """Bulk-insert the synthetic corpus (SQLite: the FTS triggers of migration 0003 fire as in
    production; PostgreSQL: the generated search columns of 0008 are computed as in production)."""
    from partyfacts.corpus import open_db
    from partyfacts.corpus.kb.titles import canonical_title, title_key
    from partyfacts.corpus.search import fast_fold
    from partyfacts.nlp.text import key

    rnd = random.Random(seed)
    t0 = time.perf_counter()
    _reset(db)
    database = open_db(db)
    pg = database.engine.dialect.name == "postgresql"
    raw = database.engine.raw_connection()
    cur = _Cursor(raw.cursor(), pg)
    if not pg:
        cur.execute("PRAGMA synchronous=OFF")
    now = datetime(2026, 1, 1).isoformat(sep=" ")
    ver = "bench"

    sites = [(f"portal{i:02d}.{rnd.choice(PROVINCES).lower().replace(' ', '')}.gov.vn",) for i in range(60)]
    cur.executemany("INSERT INTO sites(name, base_url, profile, schedule, enabled, created_at) "
                    "VALUES (?, 'https://' || ?, '', 'every 6h', TRUE, ?)", [(s[0], s[0], now) for s in sites])

    names = set()
    while len(names) < 20000:
        parts = [rnd.choice(FAMILIES), rnd.choice(MIDDLES)]
        if rnd.random() < 0.5:
            parts.append(rnd.choice(MIDDLES))
        parts.append(rnd.choice(GIVENS))
        names.add(" ".join(parts))
    persons = sorted(names)
    cur.executemany("INSERT INTO persons(id, name, key, folded, variants) VALUES (?, ?, ?, ?, '[]')",
                    [(i + 1, n, key(n), fast_fold(n)) for i, n in enumerate(persons)])
    places = []
    seen = set()
    while len(places) < 3000:
        n = f"{rnd.choice(SYLLABLES)} {rnd.choice(SYLLABLES)}"
        prov = rnd.choice(PROVINCES)
        ty = rnd.choice(PLACE_TYPES)
        if (n, ty, prov) in seen:
            continue
        seen.add((n, ty, prov))
        places.append((len(places) + 1, n, key(n), fast_fold(n), ty, prov, f"{rnd.randint(1, 32000):05d}",
                       "legacy", f"{rnd.choice(SYLLABLES)} {rnd.choice(SYLLABLES)}", "xã", prov, ""))
    cur.executemany("INSERT INTO places(id, name, key, folded, type, province, code, era, successor_name, "
                    "successor_type, successor_province, successor_code) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    orgs, org_ids = [], {}
    for pl in places[:2500]:
        kind, k = ORG_KINDS[pl[0] % len(ORG_KINDS)]
        n = f"{kind} {pl[1]}"
        if key(n) in org_ids:
            continue
        org_ids[key(n)] = len(orgs) + 1
        orgs.append((len(orgs) + 1, n, key(n), fast_fold(n), k, pl[0]))
    cur.executemany("INSERT INTO organizations(id, name, key, folded, kind) VALUES (?,?,?,?,?)",
                    [o[:5] for o in orgs])

    title_forms = {t: (canonical_title(t), title_key(t)) for t in TITLES}
    # long-tailed person frequency: a few officials appear in thousands of articles
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(persons))]
    cum = list(_accumulate(weights))
    start, span_days = date(2015, 1, 1), 3650
    art_rows, men_rows, role_rows, fig_rows = [], [], [], []
    roles_per = n_roles / n_articles
    figs_per = n_figures / n_articles
    n_roles_made = n_figs_made = 0
    for aid in range(1, n_articles + 1):
        pub = start + timedelta(days=rnd.randrange(span_days))
        site = rnd.randrange(60) + 1
        pl = places[rnd.randrange(len(places))]
        org = orgs[rnd.randrange(len(orgs))]
        people = {rnd.choices(range(len(persons)), cum_weights=cum)[0] for _ in range(3)}
        parts, pos = [], 0

        def add(s: str) -> int:
            nonlocal pos
            at = pos
            parts.append(s)
            pos += len(s)
            return at

        title = f"{org[1]} tổ chức hội nghị sơ kết công tác xây dựng Đảng năm {pub.year}"
        add(title + "\n\n")
        want_roles = int(roles_per) + (rnd.random() < roles_per - int(roles_per))
        for j, pi in enumerate(sorted(people)):
            name = persons[pi]
            add("Đồng chí ")
            p0 = add(name)
            men_rows.append((aid, "person", pi + 1, p0, p0 + len(name), name, ver))
            add(", ")
            t = TITLES[(pi + j) % len(TITLES)]
            r0 = add(f"{t} {org[1]}")
            if j < want_roles and n_roles_made < n_roles:
                role_rows.append((aid, pi + 1, org[0], pl[0], t, fast_fold(t), org[1], "", False, r0,
                                  r0 + len(t) + 1 + len(org[1]), ver) + title_forms[t])
                n_roles_made += 1
            add(" phát biểu chỉ đạo hội nghị. ")
        p0 = add("Đảng bộ ")
        placename = f"{pl[4]} {pl[1]}"
        q0 = add(placename)
        men_rows.append((aid, "place", pl[0], q0 + len(pl[4]) + 1, q0 + len(placename), pl[1], ver))
        men_rows.append((aid, "organization", org[0], 0, len(org[1]), org[1], ver))
        add(". ")
        want_figs = int(figs_per) + (rnd.random() < figs_per - int(figs_per))
        for _ in range(want_figs):
            if n_figs_made >= n_figures:
                break
            unit, lo, hi = UNITS[rnd.randrange(len(UNITS))]
            v = rnd.randint(lo, hi) if unit != "%" else round(rnd.uniform(lo, hi), 1)
            sent_start = pos
            add("Năm " + str(pub.year) + ", toàn đơn vị có ")
            f0 = add(f"{vn_number(v)} {unit}")
            add(" theo báo cáo. ")
            fig_rows.append((aid, pl[0], float(v), unit, f"{vn_number(v)} {unit}", f0,
                             f0 + len(vn_number(v)) + 1 + len(unit), "".join(parts)[sent_start:].strip(),
                             unit, placename, f"năm {pub.year}", "", ver))
            n_figs_made += 1
        add(" ".join(rnd.sample(FILLER, 3)))
        text = "".join(parts)
        art_rows.append((aid, site, f"https://{sites[site - 1][0]}/tin/{aid}.html", f"https://{sites[site - 1][0]}/tin/{aid}.html",
                         title, fast_fold(title), pub.isoformat(), pub.isoformat(), "", "", text, f"{aid:064x}", "bench", now))
        if len(art_rows) >= 5000:
            _flush(cur, art_rows, men_rows, role_rows, fig_rows)
    _flush(cur, art_rows, men_rows, role_rows, fig_rows)
    # one article in SYNDICATED republishes the one before it (another site's copy of the story)
    cur.execute("UPDATE articles SET syndicated_of_id = id - 1, similarity = 0.9 WHERE id % ? = 0", (SYNDICATED,))
    if pg:  # explicit ids: move the id sequences past them
        for t in ("persons", "places", "organizations", "articles"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t}))")
    raw.commit()
    if pg:
        raw.driver_connection.autocommit = True
        cur.execute("VACUUM ANALYZE")
        cur.execute("SELECT pg_database_size(current_database())")
        size = cur.fetchone()[0]
    else:
        cur.execute("ANALYZE")
        raw.commit()
        size = Path(database.engine.url.database).stat().st_size
    raw.close()
    database.dispose()
    return {"articles": n_articles, "roles": n_roles_made, "figures": n_figs_made, "facts": n_roles_made + n_figs_made,
            "persons": len(persons), "places": len(places), "organizations": len(orgs),
            "generate_seconds": round(time.perf_counter() - t0, 1),
            "db_megabytes": round(size / 1e6, 1)}


def refresh_aggregates(db: str) -> dict:
    """Compute the person aggregates the bulk load marked (as the process job does after a batch):
    the time it took and how many persons."""
    from partyfacts.corpus import aggregates, open_db
    database = open_db(db)
    t0 = time.perf_counter()
    with database.session() as s:
        n = aggregates.refresh(s)
    database.dispose()
    return {"aggregates_refreshed": n, "aggregates_refresh_seconds": round(time.perf_counter() - t0, 1)}


class _Cursor:
    """The DB-API cursor with SQLite's ``?`` placeholders, spelled ``%s`` for psycopg."""

    def __init__(self, cur, pg: bool):
        self.cur, self.pg = cur, pg

    def _q(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s") if self.pg else sql

    def execute(self, sql: str, params=()):
        return self.cur.execute(self._q(sql), params)

    def executemany(self, sql: str, rows):
        return self.cur.executemany(self._q(sql), rows)

    def fetchone(self):
        return self.cur.fetchone()


def _accumulate(xs):
    s = 0.0
    for x in xs:
        s += x
        yield s


def _flush(cur, art_rows, men_rows, role_rows, fig_rows) -> None:
    cur.executemany("INSERT INTO articles(id, site_id, url, canonical_url, title, title_folded, published, "
                    "published_date, author, source, text, content_hash, profile, created_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", art_rows)
    cur.executemany("INSERT INTO mentions(article_id, entity_type, entity_id, start, \"end\", surface, "
                    "pipeline_version) VALUES (?,?,?,?,?,?,?)", men_rows)
    cur.executemany("INSERT INTO roles(article_id, person_id, organization_id, place_id, title, title_folded, "
                    "organization, title_expanded, former, start, \"end\", pipeline_version, title_canonical, "
                    "title_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", role_rows)
    cur.executemany("INSERT INTO figures(article_id, place_id, value, unit, text, start, \"end\", sentence, counted, "
                    "actor, period, qualifier, pipeline_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", fig_rows)
    for rows in (art_rows, men_rows, role_rows, fig_rows):
        rows.clear()


# -- measurements (each in a fresh process) ---------------------------------------------------------------

SEARCHES = ["vinh yen", "Vĩnh Phúc", "dang bo", "đảng viên", "nguyen van hung", "Trần Thị Lan", '"bi thu tinh uy"',
            "chu tich ubnd", "phó bí thư", "tam duong", "hoi nghi so ket", "xay dung dang", "ty dong", "Hoàng Minh",
            "thanh hoa", "le quang", "nong thon moi", "giam doc so noi vu", "huyen uy", "kiem tra giam sat"]


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))], 1)


def measure_pages(db_path: str, search_only: bool = False) -> dict:
    from partyfacts.webapp.app import create_app
    # the search cache off: each search is asked once here, and what is measured is what it costs
    app = create_app({"DATABASE": db_path, "TESTING": True, "SEARCH_CACHE_ENTRIES": 0})
    c = app.test_client()
    c.get("/")  # warm the facet cache and the connection as a running server would have
    lat, per_query = [], {}
    variants = [{}, {"type": "persons"}, {"from": "2020-01-01", "to": "2021-12-31"}, {"site": "portal03"}]
    site = c.get("/api/crawls").get_json()["sites"][3]["name"]
    for q in SEARCHES:
        for v in variants:
            args = dict(v, q=q)
            if "site" in args:
                args["site"] = site
            t = time.perf_counter()
            r = c.get("/api/search", query_string=args)
            ms = (time.perf_counter() - t) * 1000
            assert r.status_code == 200, (args, r.status_code, r.get_data(as_text=True)[:200])
            lat.append(ms)
            per_query[f"{q} {v}"] = round(ms, 1)
    slowest = sorted(per_query.items(), key=lambda kv: -kv[1])[:5]
    out = {"search_requests": len(lat), "search_p50_ms": _pct(lat, 50), "search_p95_ms": _pct(lat, 95),
           "search_max_ms": round(max(lat), 1), "search_slowest": dict(slowest)}
    if search_only:
        return out
    rnd = random.Random(3)
    ids = [1, 2, 3, 5, 10, 50] + [rnd.randrange(1, 20001) for _ in range(44)]
    plat = []
    for pid in ids:
        t = time.perf_counter()
        r = c.get(f"/persons/{pid}")
        plat.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200
    top_articles = c.get("/api/persons/1").get_json()["articles_total"]
    out.update({"person_requests": len(plat), "person_p50_ms": _pct(plat, 50), "person_p95_ms": _pct(plat, 95),
           "person_max_ms": round(max(plat), 1), "busiest_person_articles": top_articles})
    # the two slow pages: the busiest person's HTML page (person 1: the generator's most
    # frequent name) and the search page's HTML, alone and with 8 clients at once (threads of one
    # process, as a threaded server serves them)
    for name, url in (("busiest_person", "/persons/1"), ("busiest_person_page2", "/persons/1?articles_page=2"),
                      ("search_html", "/search?q=bi+thu")):
        alone = _timed(c, url, 20)
        out.update({f"{name}_p50_ms": _pct(alone, 50), f"{name}_p95_ms": _pct(alone, 95)})
        loaded = _under_load(app, url, clients=8, each=5)
        out.update({f"{name}_8clients_p50_ms": _pct(loaded, 50), f"{name}_8clients_p95_ms": _pct(loaded, 95)})
    return out


def _timed(client, url: str, n: int) -> list[float]:
    lat = []
    for _ in range(n):
        t = time.perf_counter()
        r = client.get(url)
        lat.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, (url, r.status_code)
    return lat


def _under_load(app, url: str, clients: int, each: int) -> list[float]:
    """Latencies of ``clients`` threads each requesting ``url`` ``each`` times at once."""
    import threading
    lat: list[float] = []
    lock = threading.Lock()

    def run():
        got = _timed(app.test_client(), url, each)
        with lock:
            lat.extend(got)
    threads = [threading.Thread(target=run) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat


def measure_export(db_path: str) -> dict:
    from partyfacts.webapp.app import create_app
    app = create_app({"DATABASE": db_path, "TESTING": True})
    c = app.test_client()
    t = time.perf_counter()
    r = c.get("/export/figures.csv")
    n_bytes = lines = 0
    for chunk in r.response:
        n_bytes += len(chunk)
        lines += chunk.count(b"\n")
    r.close()
    secs = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"export_rows": lines - 1, "export_seconds": round(secs, 1), "export_megabytes": round(n_bytes / 1e6, 1),
            "export_peak_rss_mb": round(peak, 1)}


def _in_subprocess(fn: str, db_path: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", fn, "--db", db_path], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _label(db: str) -> str:
    """A database's name in the output, without credentials."""
    if not _is_url(db):
        return "sqlite:" + db
    import sqlalchemy as sa
    u = sa.engine.make_url(db)
    return f"{u.get_backend_name()}://{u.host}:{u.port}/{u.database}"


def _measure_db(db: str, a) -> dict:
    result: dict = {"db": _label(db)}
    if a.regenerate or not _exists(db):
        print(f"generating {a.articles} articles, {a.roles} roles, {a.figures} figures in {_label(db)} …",
              file=sys.stderr)
        result["corpus"] = generate(db, a.articles, a.figures, a.roles)
        print(json.dumps(result["corpus"]), file=sys.stderr)
    if not a.no_aggregates:
        result.update(refresh_aggregates(db))
    runs = [_in_subprocess("search" if a.search_only else "pages", db) for _ in range(max(1, a.runs))]
    result.update(runs[-1])
    if len(runs) > 1:
        result["page_runs"] = [{k: r[k] for k in ("search_p50_ms", "search_p95_ms", "search_max_ms", "person_p50_ms",
                                                  "person_p95_ms", "person_max_ms") if k in r} for r in runs]
    targets = {"search_p95_ms<=100": result["search_p95_ms"] <= 100}
    if not a.search_only:
        targets["person_p95_ms<=200"] = result["person_p95_ms"] <= 200
    if _is_url(db):
        targets["postgresql_search_p95_ms<=150"] = result["search_p95_ms"] <= 150
    if not a.no_export and not a.search_only:
        result.update(_in_subprocess("export", db))
        targets.update({"export_seconds<=60": result["export_seconds"] <= 60,
                        "export_peak_rss_mb<300": result["export_peak_rss_mb"] < 300})
    result["targets"] = targets
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", action="append",
                    help="SQLite file or database URL (postgresql+psycopg://…); repeat to measure several "
                         f"side by side (default {OUT / 'web_speed.db'})")
    ap.add_argument("--no-export", action="store_true", help="Skip the full CSV export measurement.")
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--figures", type=int, default=1_000_000)
    ap.add_argument("--roles", type=int, default=300_000)
    ap.add_argument("--regenerate", action="store_true", help="Rebuild the corpus even if the file exists.")
    ap.add_argument("--runs", type=int, default=1,
                    help="Measure the pages this many times, each in a fresh process (a shared machine is noisy); "
                         "the last run is reported, every run's search/person p50/p95 under page_runs.")
    ap.add_argument("--no-aggregates", action="store_true",
                    help="Leave the person aggregates as they are (pending ones are computed live by the pages: "
                         "the numbers before corpus.aggregates).")
    ap.add_argument("--search-only", action="store_true",
                    help="Measure the 80 searches only (no person pages, HTML pages or export): the PostgreSQL/SQLite "
                         "search comparison of issue 10 in minutes.")
    ap.add_argument("--measure", choices=["pages", "search", "export"], help=argparse.SUPPRESS)
    a = ap.parse_args()
    dbs = a.db or [str(OUT / "web_speed.db")]
    if a.measure:
        print(json.dumps(measure_export(dbs[0]) if a.measure == "export" else
                         measure_pages(dbs[0], search_only=a.measure == "search")))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    by_db = {name: _measure_db(name, a) for name in dbs}
    result = {"when": datetime.now().isoformat(timespec="seconds"), "cpu_count": os.cpu_count()}
    result.update(by_db[dbs[0]])
    if len(dbs) > 1:
        result["by_db"] = {_label(name): r for name, r in by_db.items()}
        result["search_side_by_side"] = {_label(name): {k: r[k] for k in ("search_p50_ms", "search_p95_ms",
                                                                         "search_max_ms")}
                                         for name, r in by_db.items()}
    (OUT / "web_speed.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
