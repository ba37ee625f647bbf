"""Crawl speed: pages per second fetched, parsed and stored from a generated local site, no delay.

    .venv/bin/python benchmarks/crawl_speed.py [--articles 300] [--db sqlite:///tmp/bench.db]

The site (party-newspaper layout: listing pages of 20 teasers with /trang-N pagination, article pages
with sapo, body, related links and boilerplate) is generated in memory and served on 127.0.0.1.
With --db the database-backed CrawlState (corpus.crawlstate) is used, else scraper.MemoryState.
Prints one line and writes benchmarks/out/crawl_speed.json.
"""
from __future__ import annotations

import argparse
import html
import json
import platform
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from partyfacts.scraper import FetchConfig, Fetcher, MemoryState, crawl  # noqa: E402

PER_PAGE = 20
WORDS = ("Ban Thường vụ Tỉnh ủy chỉ đạo các cấp ủy tập trung lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội, "
         "bảo đảm quốc phòng, an ninh và xây dựng hệ thống chính trị trong sạch, vững mạnh.")


def article_html(i: int, n: int) -> str:
    related = "".join(f'<li><a class="cms-link" href="/chinh-tri/bai-viet-so-{j}-{10000 + j}.html">Bài viết số {j} về '
                      f'công tác xây dựng Đảng</a></li>' for j in ((i + k) % n for k in (1, 2, 3)))
    paras = "".join(f"<p>Đoạn {k} của bài {i}. {WORDS}</p>" for k in range(6))
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Bài viết số {i}</title></head><body>'
            f'<nav><a href="/">Trang chủ</a><a href="/chinh-tri/">Chính trị</a></nav><article>'
            f'<h1 class="article__title cms-title">Bài viết số {i} về công tác xây dựng Đảng</h1>'
            f'<div class="article__meta"><time>Thứ Hai, {1 + i % 28:02d}/06/2019 07:{i % 60:02d}</time></div>'
            f'<div class="article__sapo cms-desc">Sapo của bài {i}: {html.escape(WORDS)}</div>'
            f'<div class="article__body cms-body">{paras}<div class="article__related"><h3>Tin liên quan</h3>'
            f'<ul>{related}</ul></div><p><strong>Phóng viên {i}</strong></p></div></article>'
            f'<footer>Bản quyền thuộc Báo tỉnh</footer></body></html>')


def listing_html(page: int, n: int) -> str:
    pages = (n + PER_PAGE - 1) // PER_PAGE
    start = (page - 1) * PER_PAGE
    items = "".join(f'<div class="story"><h2 class="story__heading"><a class="cms-link" '
                    f'href="/chinh-tri/bai-viet-so-{i}-{10000 + i}.html">Bài viết số {i} về công tác xây dựng Đảng</a>'
                    f'</h2></div>' for i in range(start, min(n, start + PER_PAGE)))
    nxt = f'<a class="next" href="/chinh-tri/trang-{page + 1}.html">Xem tiếp</a>' if page < pages else ""
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Chính trị</title></head><body>{items}{nxt}</body></html>'


def make_site(n: int) -> dict[str, bytes]:
    pages = {"/": b'<html><body><a href="/chinh-tri/">Ch\xc3\xadnh tr\xe1\xbb\x8b</a></body></html>',
             "/robots.txt": b"User-agent: *\nDisallow:\n", "/chinh-tri/": listing_html(1, n).encode()}
    for p in range(2, (n + PER_PAGE - 1) // PER_PAGE + 1):
        pages[f"/chinh-tri/trang-{p}.html"] = listing_html(p, n).encode()
    for i in range(n):
        pages[f"/chinh-tri/bai-viet-so-{i}-{10000 + i}.html"] = article_html(i, n).encode()
    return pages


def serve(pages: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body leave at once, no 40 ms delayed-ACK stall

        def log_message(self, *a):
            pass

        def do_GET(self):  # noqa: N802
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            body = body if body is not None else b"not found"
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--db", help="SQLAlchemy URL: measure with the database-backed CrawlState")
    ap.add_argument("--out", default=str(Path(__file__).with_name("out") / "crawl_speed.json"))
    args = ap.parse_args(argv)
    pages = make_site(args.articles)
    httpd, base = serve(pages)
    if args.db:
        from partyfacts.corpus.crawlstate import open_crawl_state
        state = open_crawl_state(args.db, base + "/")
        state_name = "corpus.crawlstate"
    else:
        state, state_name = MemoryState(), "MemoryState"
    fetcher = Fetcher(FetchConfig(delay=0.0, timeout=10, retries=1))
    t0 = time.perf_counter()
    stats = crawl([base + "/"], state, fetcher=fetcher, progress=False)
    elapsed = time.perf_counter() - t0
    httpd.shutdown()
    result = {"benchmark": "crawl_speed", "state": state_name, "site_pages": len(pages) - 1,
              "pages_fetched": stats.pages_fetched, "articles_stored": stats.new_articles,
              "seconds": round(elapsed, 3), "pages_per_second": round(stats.pages_fetched / elapsed, 1),
              "python": platform.python_version(), "machine": platform.machine()}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print(f"crawl_speed: {result['pages_fetched']} pages ({result['articles_stored']} articles) in "
          f"{result['seconds']} s = {result['pages_per_second']} pages/s with {state_name} -> {out}")
    return 0 if stats.new_articles == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())
