"""The search page counts its filters' values over the first SEARCH_FACET_SAMPLE matches of a search
(corpus.facets.list_facets(sample=…)): the cost does not grow with the corpus, and the page says
when the counts are sampled."""
from __future__ import annotations

from partyfacts.corpus.facets import list_facets
from partyfacts.webapp import views


def test_counts_over_a_sample_larger_than_the_matches_are_the_exact_counts(db):
    with db.session() as s:
        exact = list_facets(s, "articles", "dang bo")
        sampled = list_facets(s, "articles", "dang bo", sample=10_000)
    assert sampled["sampled"] is False
    assert {f: sampled[f] for f in ("site", "province", "title", "unit")} == \
        {f: exact[f] for f in ("site", "province", "title", "unit")}
    assert sum(v["count"] for v in exact["site"]) > 2


def test_counts_over_a_small_sample_count_that_many_matches_and_say_they_are_sampled(db):
    with db.session() as s:
        sampled = list_facets(s, "articles", "dang bo", sample=2)
    assert sampled["sampled"] is True and sampled["sample"] == 2
    assert 0 < sum(v["count"] for v in sampled["site"]) <= 2     # each article is on one site


def test_the_search_page_says_its_filter_counts_are_sampled_only_when_they_are(client, monkeypatch):
    whole = client.get("/search?q=dang+bo&lang=en").get_data(as_text=True)
    monkeypatch.setattr(views, "SEARCH_FACET_SAMPLE", 2)
    cut = client.get("/search?q=dang+bo&lang=en").get_data(as_text=True)
    assert 'id="facets-sampled"' not in whole
    assert "The filters\u2019 counts are taken over the first 2 matches." in cut
