"""Issue 13: Try it and /api/extract take at most the smaller of 20,000 characters and the setting
max_text_chars, and say which limit a refused text is over."""
from partyfacts.webapp.app import create_app
from partyfacts.webapp.settings import Settings

TEXT = "Đồng chí Nguyễn Văn An, Bí thư Huyện ủy Tam Dương, phát biểu. " * 40   # 2,480 characters


def _client(corpus_file, **settings):
    app = create_app({"DATABASE": str(corpus_file), "TESTING": True, "SECRET_KEY": "test"},
                     settings=Settings(**settings))
    return app, app.test_client()


def test_api_extract_stops_at_max_text_chars_when_it_is_below_the_web_limit(corpus_file):
    app, client = _client(corpus_file, max_text_chars=2000)
    try:
        r = client.post("/api/extract", json={"text": TEXT})
        assert r.status_code == 400 and "2480" in r.get_data(as_text=True) and "2000" in r.get_data(as_text=True)
        assert client.post("/api/extract", json={"text": TEXT[:2000]}).status_code == 200
        assert 'maxlength="2000"' in client.get("/try").get_data(as_text=True)
    finally:
        app.extensions["partyfacts_db"].dispose()


def test_api_extract_keeps_its_own_limit_of_20000_under_the_default_setting(corpus_file):
    app, client = _client(corpus_file)
    try:
        assert client.post("/api/extract", json={"text": "x" * 20_001}).status_code == 400
        assert 'maxlength="20000"' in client.get("/try").get_data(as_text=True)
    finally:
        app.extensions["partyfacts_db"].dispose()
