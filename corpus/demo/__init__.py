"""The bundled demo: a sample portal (the development articles rendered in the provincial party
newspaper CMS style) served on 127.0.0.1, crawled, processed and shown in the web UI."""
from __future__ import annotations

import html
import json
import logging
import re
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from partyfacts.nlp.text import fold

log = logging.getLogger(__name__)
ARTICLES_DIR = Path(__file__).with_name("articles")
PER_PAGE = 6


def load_articles(folder: Path = ARTICLES_DIR) -> list[dict]:
    arts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    for a in arts:
        a["slug"] = re.sub(r"[^a-z0-9]+", "-", fold(a["title"])).strip("-")[:80] + "-" + a["id"].replace("_", "")
    arts.sort(key=lambda a: (a["published"], a["id"]), reverse=True)
    return arts


def _layout(title: str, body: str) -> str:
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)} - Báo Đảng bộ mẫu</title></head>
<body>
<nav class="main-menu"><a href="/">Trang chủ</a> <a href="/chinh-tri/">Chính trị</a> <a href="/xa-hoi/">Xã hội</a></nav>
{body}
<footer class="site-footer">Cơ quan chủ quản: Ban Tuyên giáo mẫu. Bản quyền thuộc về Báo Đảng bộ mẫu (ví dụ).</footer>
</body></html>"""


def render_article(a: dict, others: list[dict]) -> str:
    paras = [p.strip() for p in a["text"].split("\n\n") if p.strip()]
    d = a["published"].split("-")
    date_vi = f"{d[2]}/{d[1]}/{d[0]} 07:30"
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    related = "".join(f'<li><a href="/chinh-tri/{o["slug"]}.html">{html.escape(o["title"])}</a></li>' for o in others[:3])
    return _layout(a["title"], f"""
<article class="article">
<h1 class="article__title cms-title">{html.escape(a["title"])}</h1>
<div class="article__meta"><time class="cms-date">{date_vi}</time></div>
<div class="article__body cms-body">
{body}
</div>
<div class="article__share">Chia sẻ: Facebook · In bài</div>
</article>
<aside class="article__related"><h3>Tin liên quan</h3><ul>{related}</ul></aside>""")


def render_listing(arts: list[dict], page: int) -> str:
    pages = max(1, (len(arts) + PER_PAGE - 1) // PER_PAGE)
    chunk = arts[(page - 1) * PER_PAGE: page * PER_PAGE]
    items = "".join(
        f'<div class="story"><h2 class="story__heading"><a href="/chinh-tri/{a["slug"]}.html">{html.escape(a["title"])}</a></h2></div>'
        for a in chunk)
    nav = f'<a class="next" href="/chinh-tri/?page={page + 1}">Xem tiếp</a>' if page < pages else ""
    return _layout("Chính trị", f'<section class="cate-list">{items}</section><div class="pagination">{nav}</div>')


class _PortalServer(ThreadingHTTPServer):
    """A crawler that gives up on a page (timeout, size limit, Ctrl-C) closes its connection: that is
    not the portal's error, so it is not printed; anything else goes to the log with its traceback."""

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError):
            log.debug("client %s closed the connection: %s", client_address, exc)
            return
        log.error("sample portal: request from %s failed", client_address, exc_info=True)


@dataclass
class Portal:
    """A running sample portal; `url` is its home page."""
    server: ThreadingHTTPServer
    thread: threading.Thread
    url: str

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def serve_portal(articles: list[dict] | None = None, host: str = "127.0.0.1", port: int = 0) -> Portal:
    arts = articles if articles is not None else load_articles()
    by_slug = {a["slug"]: a for a in arts}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # the demo prints its own summary
            pass

        def _send(self, code: int, body: str, ctype: str = "text/html; charset=utf-8") -> None:
            data = body.encode("utf-8")
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802
            parts = urlsplit(self.path)
            path = parts.path
            base = f"http://{self.headers.get('Host')}"
            if path == "/robots.txt":
                return self._send(200, f"User-agent: *\nDisallow: /tim-kiem\nSitemap: {base}/sitemap.xml\n", "text/plain")
            if path == "/sitemap.xml":
                urls = "".join(f"<url><loc>{base}/chinh-tri/{a['slug']}.html</loc><lastmod>{a['published']}</lastmod></url>" for a in arts)
                return self._send(200, f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', "application/xml")
            if path in ("/", "/chinh-tri/", "/xa-hoi/"):
                try:
                    page = int(parse_qs(parts.query).get("page", ["1"])[0])
                except ValueError:
                    page = 1
                return self._send(200, render_listing(arts if path != "/xa-hoi/" else [], max(1, page)))
            m = re.fullmatch(r"/chinh-tri/([a-z0-9-]+)\.html", path)
            if m and m.group(1) in by_slug:
                a = by_slug[m.group(1)]
                return self._send(200, render_article(a, [o for o in arts if o is not a]))
            return self._send(404, _layout("Không tìm thấy", "<p>Không tìm thấy trang.</p>"))

    server = _PortalServer((host, port), Handler)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    return Portal(server, t, f"http://{host}:{server.server_address[1]}/")


def run_demo(db, *, process=None, crawl=None, echo: Callable[[str], None] = print) -> str:
    """Serve the sample portal, crawl it into ``db`` (with the ``crawl`` config, a
    corpus.jobs.CrawlConfig that allows private targets: the portal is on 127.0.0.1), process the new
    articles (with the ``process`` config, a corpus.jobs.ProcessConfig); returns a summary."""
    from partyfacts.corpus.jobs import InlineRunner
    from partyfacts.corpus.pipeline import table_counts

    runner = InlineRunner(db)
    portal = serve_portal()
    try:
        echo(f"sample portal on {portal.url}")
        for s in runner.run("crawl", urls=[portal.url], config=crawl, delay=0.0, max_pages=200):
            echo(s.line())
    finally:
        portal.close()
    res = runner.run("process", config=process)
    counts = table_counts(db)
    summary = ", ".join(f"{counts[k]} {k}" for k in ("articles", "persons", "roles", "places", "organizations", "figures"))
    echo(f"processed {res.processed} articles ({res.failed} failed): {summary}")
    return summary
