"""What the browser tests share: the web app on a database served on a free local port, and Debian's
chromium launched headless by Playwright (it cannot download its own browser here)."""
from __future__ import annotations

import os
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


@contextmanager
def serve_database(db_file: Path) -> Iterator[str]:
    """The partyfacts app on ``db_file`` at http://127.0.0.1:<free port> while the block runs."""
    from werkzeug.serving import make_server

    from partyfacts.webapp.app import create_app
    app = create_app({"DATABASE": str(db_file), "SECRET_KEY": "e2e"})
    srv = make_server("127.0.0.1", 0, app, threaded=True)
    th = threading.Thread(target=srv.serve_forever, daemon=True)
    th.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()
        app.extensions["partyfacts_db"].dispose()


@contextmanager
def chromium():
    """A headless Chromium browser (Playwright over Debian's package)."""
    if not CHROMIUM.exists():
        missing = "Debian's chromium is not installed (apt-get install -y chromium; `make test` does it)"
        if os.environ.get("CI"):
            pytest.fail(missing)    # CI installs it: a browser test never skips there
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright
    SHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM),
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield b
        finally:
            b.close()


def new_page(browser, *, locale: str = "vi-VN", ignore: str = "", page_errors: bool = False, **ctx):
    """A page in a fresh browser context whose console errors (and, with ``page_errors``, uncaught
    script errors) collect in ``page.errors``; a console message containing ``ignore`` is no error."""
    pg = browser.new_context(locale=locale, **ctx).new_page()
    errors: list[str] = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error"
          and not (ignore and ignore in msg.text) else None)
    if page_errors:
        pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    return pg
