"""webapp.urls.resolve_links builds a new read model: the cached one (corpus.pages.PAGE_CACHE hands
out the stored object itself) is never changed by a request."""
import copy

from partyfacts.corpus.facts import Link
from partyfacts.webapp.app import create_app
from partyfacts.webapp import urls


def test_resolve_links_returns_hrefs_and_leaves_the_read_model_unchanged(tmp_path):
    app = create_app({"DATABASE": f"sqlite:///{tmp_path / 'c.db'}", "TESTING": True})
    model = {"id": 7, "link": Link("person", 7), "articles": [
        {"id": 3, "link": Link("article", 3, "r12"), "site_link": None, "tags": ["a", "b"]}],
        "nested": {"place_link": Link("place", 5)}}
    before = copy.deepcopy(model)
    with app.test_request_context("/"):
        out = urls.resolve_links(model)
        assert out["href"] == urls.link(Link("person", 7))
        assert out["articles"][0]["href"] == urls.link(Link("article", 3, "r12"))
        assert out["articles"][0]["href"].endswith("#r12")
        assert out["articles"][0]["site_href"] == ""
        assert out["nested"]["place_href"] == urls.link(Link("place", 5))
    assert model == before
    assert "link" not in out and "href" not in model

