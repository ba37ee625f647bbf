"""Fixtures of the scraper tests: fixture sites served on 127.0.0.1 (see sitekit.py)."""
import pytest
from sitekit import start_server


@pytest.fixture
def serve():
    """serve(family, **options) → a running SiteServer for tests/data/sites/<family>; stopped after the test."""
    servers = []

    def start(family: str, **kw):
        site, httpd = start_server(family, **kw)
        servers.append(httpd)
        return site

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()
