"""The crawls page lists dead jobs (queued jobs that failed on every retry) as /api/crawls and
`stats` do: job, site, natural key, attempts, time and error, the error escaped (it may quote a
hostile page), headings in Vietnamese and English."""
from __future__ import annotations

import json
import shutil
from datetime import datetime

from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus import open_db
from partyfacts.webapp.app import create_app

HOSTILE = '<script>alert("dead")</script> RuntimeError: fetch failed'


def _app_with_dead_job(corpus_file, tmp_path):
    path = tmp_path / "dead.db"
    shutil.copy(corpus_file, path)
    db = open_db(str(path))
    with db.session() as s:
        site = s.execute(select(m.Site).order_by(m.Site.id)).scalars().first()
        s.add(m.DeadJob(job="crawl", task_id="t-1", natural_key=json.dumps([site.name]), args="{}",
                        site_id=site.id, attempts=4, error=HOSTILE, failed_at=datetime(2026, 3, 1, 8, 30)))
        s.commit()
        name = site.name
    db.dispose()
    app = create_app({"DATABASE": str(path), "TESTING": True, "SECRET_KEY": "t"})
    return app, name


def test_crawls_page_lists_a_dead_job_with_its_site_attempts_and_escaped_error(corpus_file, tmp_path):
    app, site = _app_with_dead_job(corpus_file, tmp_path)
    c = app.test_client()
    html = c.get("/crawls?lang=en").get_data(as_text=True)
    api = c.get("/api/crawls").get_json()["dead_jobs"]
    app.extensions["partyfacts_db"].dispose()
    assert "Dead jobs (failed on every retry)" in html
    row = html.split(f'id="dead-job-{api[0]["id"]}"', 1)[1].split("</tr>", 1)[0]
    assert ">crawl<" in row and f">{site}<" in row and '<td class="num">4</td>' in row and "2026-03-01T08:30:00" in row
    assert "<script>" not in html.split('id="dead-jobs"', 1)[1]
    assert "&lt;script&gt;alert(&#34;dead&#34;)&lt;/script&gt; RuntimeError: fetch failed" in row


def test_crawls_page_says_no_job_died_in_vietnamese_when_there_is_none(client):
    html = client.get("/crawls?lang=vi").get_data(as_text=True)
    assert "Tác vụ hỏng (thất bại sau mọi lần thử lại)" in html and "Không có tác vụ nào hỏng." in html
