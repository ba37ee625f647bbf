"""End to end without a browser: a fixture portal on 127.0.0.1 → crawl → process → JSON API over HTTP."""
import json
import threading
import urllib.request

import pytest
from werkzeug.serving import make_server

from partyfacts.corpus import open_db
from partyfacts.corpus.jobs import CrawlConfig, crawl_urls, process_articles
from partyfacts.corpus.demo import load_articles, serve_portal
from partyfacts.webapp import create_app

LOCAL = CrawlConfig(allow_private_targets=True)   # the sample portal is on 127.0.0.1


@pytest.fixture
def portal():
    p = serve_portal()
    yield p
    p.close()


@pytest.fixture
def crawled_db(tmp_path, portal):
    db = open_db(str(tmp_path / "e2e.db"))
    summaries = crawl_urls(db, [portal.url], config=LOCAL, delay=0.0, max_pages=100)
    assert summaries and not summaries[0].fatal
    process_articles(db)
    yield db
    db.dispose()


@pytest.fixture
def api(crawled_db):
    app = create_app({"DATABASE": crawled_db.url, "TESTING": True})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.headers, r.read()


def test_crawl_stores_every_portal_article_once_and_no_listing_page(crawled_db):
    from sqlalchemy import func, select

    from partyfacts.corpus import models as m
    with crawled_db.session() as s:
        titles = sorted(s.execute(select(m.Article.title)).scalars())
        n_urls = s.execute(select(func.count(func.distinct(m.Article.canonical_url)))).scalar_one()
    assert titles == sorted(a["title"] for a in load_articles())
    assert n_urls == len(titles)


def test_recrawl_of_the_same_portal_adds_nothing(crawled_db, portal):
    from sqlalchemy import func, select

    from partyfacts.corpus import models as m
    crawl_urls(crawled_db, [portal.url], config=LOCAL, delay=0.0, max_pages=100)
    with crawled_db.session() as s:
        assert s.execute(select(func.count()).select_from(m.Article)).scalar_one() == len(load_articles())


def test_api_answers_every_table_with_items_total_page(api):
    for table in ("articles", "persons", "roles", "places", "organizations", "figures"):
        status, headers, body = _get(f"{api}/api/{table}?page=1")
        data = json.loads(body)
        assert status == 200 and set(data) >= {"items", "total", "page"}
        assert data["total"] > 0, table
        assert all("id" in it and "href" in it for it in data["items"])


def test_api_search_without_diacritics_finds_the_accented_article(api):
    _, _, body = _get(f"{api}/api/articles?q=vinh%20yen")
    items = json.loads(body)["items"]
    assert any("Vĩnh Yên" in it["title"] for it in items)


def test_csv_export_over_http_is_utf8_with_bom(api):
    status, headers, body = _get(f"{api}/export/persons.csv")
    assert status == 200 and body.startswith("\ufeff".encode("utf-8"))
    assert "attachment" in headers["Content-Disposition"]
