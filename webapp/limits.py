"""Rate limits of the expensive endpoints per client address (Flask-Limiter): extraction (/api/extract
and Try it's POST, one budget), search (the page and /api/search, one budget) and exports. Limits are
settings (rate_limit_extract, rate_limit_search, rate_limit_export; "" = none). The counters live in
Redis when a broker is configured (shared by every worker process and machine), else in the process's
memory (and in memory for as long as Redis does not answer: a Redis outage is logged, not a 500).
Beyond a limit: 429 with Retry-After and a message in the page's language."""
from __future__ import annotations

import time

from flask import Flask, current_app, make_response
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from . import i18n
from .settings import Settings

# (setting, shared scope, endpoints, methods counted)
LIMITED = (
    ("rate_limit_extract", "extract", ("main.api_extract", "main.try_it"), ["POST"]),
    ("rate_limit_search", "search", ("main.search", "main.api_search"), None),
    ("rate_limit_export", "export", ("main.export",), None),
)


def init_app(app: Flask, settings: Settings) -> Limiter:
    """A limiter for ``app`` with the settings' limits on the endpoints of LIMITED."""
    limiter = Limiter(get_remote_address, app=app, storage_uri=app.config.get("RATELIMIT_STORAGE_URI")
                      or settings.broker or "memory://", headers_enabled=True, default_limits=[],
                      key_prefix="partyfacts", swallow_errors=True, in_memory_fallback_enabled=True)
    for name, scope, endpoints, methods in LIMITED:
        rate = getattr(settings, name)
        if not rate:
            continue
        shared = limiter.shared_limit(rate, scope=scope, methods=methods)
        for endpoint in endpoints:
            app.view_functions[endpoint] = shared(app.view_functions[endpoint])
    app.extensions["partyfacts_limiter"] = limiter
    return limiter


def retry_after() -> int:
    """Seconds until the limit that refused this request lets it through again."""
    limiter: Limiter = current_app.extensions["partyfacts_limiter"]
    current = limiter.current_limit
    if current is None:
        return 60
    return max(1, int(current.reset_at - time.time()))     # as Flask-Limiter writes Retry-After


def too_many(error_page):
    """The 429 answer: the app's error page (JSON under /api/ and /export/) with Retry-After."""
    wait = retry_after()
    # the error page takes the answer's extra headers (as the 405's Allow) and returns (body, code, headers)
    return make_response(error_page(429, i18n.t("error_429", seconds=wait), {"Retry-After": str(wait)}))
