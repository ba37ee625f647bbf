""""Copy as citation" (issue 15): the article's and each fact's citation made on the server (site,
title, date, links, accessed date; a fact's sentence first), readable without JS, markup escaped."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from partyfacts.webapp import cite
from partyfacts.webapp.app import create_app
from chartcorpus import build_chart_corpus


@pytest.fixture(scope="module")
def chart_db(tmp_path_factory):
    return build_chart_corpus(tmp_path_factory.mktemp("cite"))


@pytest.fixture
def client(chart_db):
    app = create_app({"DATABASE": str(chart_db), "TESTING": True, "SECRET_KEY": "t"})
    yield app.test_client()
    app.extensions["partyfacts_db"].dispose()


def _citations(page: str) -> list[str]:
    return [htmllib.unescape(t) for t in re.findall(r'<details class="cite">.*?<textarea[^>]*>([^<]*)</textarea>', page, re.S)]


def test_article_and_fact_citations_carry_site_title_date_links_and_accessed_date(client):
    page = client.get("/articles/2", query_string={"lang": "en"}).get_data(as_text=True)
    found = _citations(page)
    assert len(found) == 1 + 3 + 1           # the article, its three roles, its figure
    article = found[0]
    assert re.fullmatch(r"baonghean\.vn\. “Nghệ An tổng kết thu ngân sách năm 2021”\. 2022-01-14\. "
                        r"partyfacts: http://localhost/articles/2\. Accessed \d{4}-\d\d-\d\d\.", article)
    role = next(c for c in found[1:] if "Thái Thanh Quý" in c)
    assert role.startswith("“đồng chí Thái Thanh Quý, Phó Bí thư Tỉnh ủy” — baonghean.vn. ")
    assert re.search(r"Sentence in the article: http://localhost/articles/2#r\d+\.$", role)
    figure = found[-1]
    assert figure.startswith("“Năm 2021, tỉnh Nghệ An thu ngân sách nhà nước đạt 18.600 tỷ đồng” — ")
    assert re.search(r"#f\d+\.$", figure)


def test_citation_is_readable_without_js_and_the_copy_button_waits_for_it(client):
    page = client.get("/articles/2").get_data(as_text=True)
    assert page.count('src="/static/cite.js"') == 1
    assert '<button type="button" class="cite-copy" hidden' in page     # cite.js reveals it
    assert "Chọn đoạn văn trên để chép." in page and "Truy cập ngày" in page


def test_hostile_title_and_sentence_stay_text_in_the_citation(client):
    page = client.get("/articles/5").get_data(as_text=True)
    box = page[page.index('<details class="cite">'):]
    box = box[:box.index("</details>")]
    assert "<script>" not in box and "&lt;script&gt;" in box


def test_a_non_web_source_url_is_left_out_and_the_undated_article_says_so():
    with create_app({"DATABASE": "sqlite://", "TESTING": True, "SECRET_KEY": "t"}).test_request_context("/?lang=en"):
        text = cite.article_citation({"site": "s", "title": "T", "published": "", "url": "javascript:alert(1)",
                                      "href": "/articles/9"}, "2026-01-02")
    assert text == "s. “T”. undated. partyfacts: http://localhost/articles/9. Accessed 2026-01-02."
