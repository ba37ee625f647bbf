"""Every part of an article that carries facts is stored and processed (issue 14): title, lead, body,
captions, byline, source line as one text with field offsets; facts found in a caption or a byline
keep spans true to the stored text; reparse fills the parts of rows stored body-only."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from partyfacts.corpus import models as m
from partyfacts.corpus.jobs import CrawlConfig, crawl_urls, ingest_files, process_articles, reparse_articles
from partyfacts.corpus.store import field_at, text_fields
from partyfacts.scraper.urls import canonical_url

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scraper"))
from sitekit import start_server  # noqa: E402

UNSEEN3_DEV = Path(__file__).resolve().parents[1] / "data" / "sites_unseen3" / "dev"

CAPTIONED = "Đồng chí Lê Thị Thu Trang, Phó Chủ tịch UBND tỉnh phát biểu chỉ đạo hội nghị. Ảnh: Minh Hà"
PAGE = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Hội nghị sơ kết công tác xây dựng Đảng - Cổng TTĐT tỉnh</title></head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul></nav>
<div class="main"><article class="news-detail">
<h1 class="title">Hội nghị sơ kết công tác xây dựng Đảng</h1>
<div class="date">Thứ Hai, 12/08/2024 - 09:15</div>
<div class="sapo"><b>Sáng 12/8, Huyện ủy Tam Nông tổ chức hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm.</b></div>
<div class="content">
<p>Đồng chí Hà Văn Long, Bí thư Huyện ủy chủ trì hội nghị. Trong 6 tháng đầu năm, toàn huyện kết nạp 86 đảng viên
mới, đạt 57% kế hoạch năm; 98% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.</p>
<figure class="image"><img src="/a.jpg" alt=""><figcaption>{CAPTIONED}</figcaption></figure>
<p>Hội nghị đề ra nhiệm vụ trọng tâm 6 tháng cuối năm, trong đó chú trọng công tác phát triển đảng viên ở khu dân cư
và doanh nghiệp ngoài nhà nước, nâng cao chất lượng sinh hoạt chi bộ &lt;script&gt;alert(1)&lt;/script&gt;.</p>
<p>Các đại biểu thảo luận, đóng góp nhiều ý kiến tâm huyết về công tác kiểm tra, giám sát và công tác dân vận.</p>
<p class="author"><strong>Bài, ảnh: Minh Hà</strong></p>
<p class="source">Nguồn: Báo Phú Thọ</p>
</div></article>
<div class="related"><h3>Tin liên quan</h3><ul><li><a href="/tin-1">Đồng chí Nguyễn Văn Bảy, Chủ tịch UBND huyện
thăm hộ nghèo</a> (14/10)</li></ul></div>
</div><footer>Bản quyền thuộc Cổng TTĐT tỉnh. Địa chỉ: số 1 đường Trần Phú</footer></body></html>"""


@pytest.fixture
def page_article(db, tmp_path):
    """The page above ingested as an HTML file (parsed like a crawled page): its article id."""
    p = tmp_path / "hoi-nghi-so-ket.html"
    p.write_text(PAGE, encoding="utf-8")
    res = ingest_files(db, [p], site="tamnong.phutho.gov.vn")
    assert not res.errors, res.errors
    return res.added[0]


def _fields(art) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in text_fields(art.text, art.fields):
        out.setdefault(f.field, []).append(art.text[f.start:f.end])
    return out


def test_stored_text_holds_title_lead_body_caption_byline_and_source_at_their_offsets(db, page_article):
    with db.session() as s:
        art = s.get(m.Article, page_article)
        parts = _fields(art)
    assert parts["title"] == ["Hội nghị sơ kết công tác xây dựng Đảng"]
    assert parts["lead"][0].startswith("Sáng 12/8, Huyện ủy Tam Nông")
    assert parts["body"][0].startswith("Đồng chí Hà Văn Long") and "sinh hoạt chi bộ" in parts["body"][0]
    assert parts["caption"] == [CAPTIONED]
    assert parts["byline"] == ["Bài, ảnh: Minh Hà"] and parts["source"] == ["Nguồn: Báo Phú Thọ"]
    # menus, related lists and footers stay out
    for chrome in ("Trang chủ", "Nguyễn Văn Bảy", "Bản quyền", "Tin liên quan"):
        assert chrome not in art.text


def test_person_named_only_in_a_caption_is_a_fact_with_its_span_in_the_caption(db, page_article):
    res = process_articles(db, progress=False)
    assert res.processed == 1 and not res.errors
    with db.session() as s:
        art = s.get(m.Article, page_article)
        fields = text_fields(art.text, art.fields)
        person = s.execute(select(m.Person).where(m.Person.name == "Lê Thị Thu Trang")).scalar_one()
        spans = s.execute(select(m.Mention.start, m.Mention.end).where(
            m.Mention.article_id == art.id, m.Mention.entity_type == "person", m.Mention.entity_id == person.id)).all()
        assert spans and all(art.text[a:b] == "Lê Thị Thu Trang" for a, b in spans)
        assert {field_at(fields, a).field for a, _ in spans} == {"caption"}
        role = s.execute(select(m.Role).where(m.Role.person_id == person.id)).scalar_one()
        assert role.title.startswith("Phó Chủ tịch") and field_at(fields, role.start).field == "caption"
        assert art.text[role.start:role.end]  # a role span inside the stored text


def test_reparse_fills_the_parts_of_a_body_only_row_and_process_makes_its_facts_again(db, page_article):
    with db.session() as s:   # as a row stored before migration 0012: the body alone, no fields
        art = s.get(m.Article, page_article)
        art.text, art.fields = "\n\n".join(_fields(art)["lead"] + _fields(art)["body"]), ""
    process_articles(db, progress=False)
    with db.session() as s:
        assert not s.execute(select(m.Person).where(m.Person.name == "Lê Thị Thu Trang")).first()
        assert text_fields(s.get(m.Article, page_article).text, "")[0].field == "body"
    res = reparse_articles(db)
    assert res.updated == 1 and res.changed_ids == [page_article]
    with db.session() as s:
        art = s.get(m.Article, page_article)
        assert _fields(art)["caption"] == [CAPTIONED]
        assert not s.execute(select(m.Processing).where(m.Processing.article_id == page_article)).first()
    assert process_articles(db, progress=False).processed == 1
    with db.session() as s:
        assert s.execute(select(m.Person).where(m.Person.name == "Lê Thị Thu Trang")).first()
    assert reparse_articles(db).unchanged == 1     # the parts stored: a second reparse changes nothing


def test_fields_that_do_not_fit_the_text_are_an_error_naming_the_way_out():
    with pytest.raises(ValueError, match="outside the text.*reparse"):
        text_fields("kurz", json.dumps([["body", 0, 99, 0]]))
    with pytest.raises(ValueError, match="not a JSON list"):
        text_fields("kurz", "{oops")
    assert text_fields("", "") == []


def test_crawled_fixture_articles_store_their_captions_bylines_and_source_lines(db):
    site, httpd = start_server("sonnguyen", root=UNSEEN3_DEV / "tandan")
    try:
        crawl_urls(db, [site.url(site.expected["start"])], delay=0.0, max_pages=200, progress=False,
                   config=CrawlConfig(allow_private_targets=True))   # the fixture site is on 127.0.0.1
    finally:
        httpd.shutdown()
        httpd.server_close()
    by_url = {canonical_url(site.url(x)): a for a in site.expected["articles"] for x in [a["path"], *a.get("aliases", [])]}
    with db.session() as s:
        arts = s.execute(select(m.Article)).scalars().all()
        assert len(arts) == len(site.expected["articles"])
        for art in arts:
            want = by_url[art.canonical_url]
            parts = _fields(art)
            assert parts.get("caption", []) == want["captions"], art.url
            assert parts.get("byline", [""]) == [want["byline"]], art.url
            if want["source_line"]:
                assert parts["source"] == [want["source_line"]], art.url
            for s_ in site.expected["boilerplate"]:
                assert s_ not in art.text, (art.url, s_)


def test_article_page_shows_each_part_escaped_with_its_facts_highlighted(db, page_article, tmp_path):
    from partyfacts.webapp.app import create_app

    process_articles(db, progress=False)
    app = create_app({"DATABASE": db.url, "TESTING": True,
                      "SECRET_KEY": "test"})
    try:
        html = app.test_client().get(f"/articles/{page_article}").get_data(as_text=True)
        api = app.test_client().get(f"/api/articles/{page_article}").get_json()
    finally:
        app.extensions["partyfacts_db"].dispose()
    assert [p["field"] for p in api["parts"]] == ["title", "lead", "body", "caption", "byline", "source"]
    assert 'class="part part-caption"' in html and 'class="part part-byline"' in html
    caption = html.split('class="part part-caption"', 1)[1].split("</div>", 1)[0]
    assert "Lê Thị Thu Trang</a>" in caption and 'class="hl' in caption
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
