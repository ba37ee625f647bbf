"""Flask application factory: one Database per app, a session per request, the interface language,
CSRF protection for forms, security headers, rate limits of the expensive endpoints (limits.py),
X-Forwarded-* from the configured number of proxies (werkzeug ProxyFix) and friendly error pages
(JSON under /api/ and /export/)."""
from __future__ import annotations

import logging
import secrets

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from markupsafe import Markup
from werkzeug.middleware.proxy_fix import ProxyFix

from partyfacts.corpus import Database, open_db
from partyfacts.corpus.export import INVISIBLE

from . import i18n, limits
from .dbsession import close_db_session
from .params import IdConverter
from .search_cache import SearchCache
from .settings import Settings

log = logging.getLogger(__name__)

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
       "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

csrf = CSRFProtect()


def create_app(test_config: dict | None = None, *, settings: Settings | None = None,
               database: Database | None = None) -> Flask:
    """The web app on the settings' database (or ``database``, already open, as `serve` hands it).

    ``settings`` default to Settings.build() (defaults < file < environment). From them: db,
    secret_key (session signing; random per process when unset) and admin_password_hash (a
    werkzeug.security hash; without it the admin login is off). ``test_config`` overrides the Flask
    config (DATABASE, SECRET_KEY, ADMIN_PASSWORD_HASH, …)."""
    settings = settings if settings is not None else Settings.build()
    app = Flask(__name__)
    app.config.from_mapping(
        DATABASE=database.url if database is not None else settings.db,
        SECRET_KEY=settings.secret_key or secrets.token_hex(32),
        ADMIN_PASSWORD_HASH=settings.admin_password_hash,
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SECURE=settings.session_cookie_secure,
        SESSION_COOKIE_SAMESITE="Lax",
        WTF_CSRF_TIME_LIMIT=None,
        FACET_CACHE_SECONDS=300,
        SEARCH_CACHE_ENTRIES=settings.search_cache,
    )
    if test_config:
        app.config.update(test_config)
    app.json.ensure_ascii = False
    app.extensions["partyfacts_settings"] = settings
    if database is None or app.config["DATABASE"] != database.url:
        database = open_db(app.config["DATABASE"])
    app.extensions["partyfacts_db"] = database
    app.extensions["partyfacts_search_cache"] = SearchCache(app.config["SEARCH_CACHE_ENTRIES"])
    csrf.init_app(app)

    # ids in URLs: ASCII digits within 63 bits, else 404 (not an overflow deep in the database)
    app.url_map.converters["int"] = IdConverter
    # every value a template prints, without characters that reorder or hide text (bidi overrides,
    # zero-width marks) — a scraped name cannot disguise itself; the archived source keeps them
    app.jinja_env.finalize = _visible
    from . import admin, views
    from . import cite, feeds, network, series  # noqa: F401  (their views register on views.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(admin.bp)
    csrf.exempt(views.api_extract)
    i18n.init_app(app)
    limits.init_app(app, settings)
    if settings.proxies:
        # trust X-Forwarded-For/-Proto/-Host/-Port set by this many proxies, no more (README, Deployment)
        n = settings.proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n, x_port=n)

    app.teardown_appcontext(close_db_session)

    @app.after_request
    def _security_headers(resp):
        resp.headers.setdefault("Content-Security-Policy", CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        return resp

    def _error(code: int, message: str, headers=None):
        if request.path.startswith(("/api/", "/export/")):
            return jsonify({"error": message, "status": code}), code, headers or {}
        return render_template("error.html", code=code, message=message), code, headers or {}

    def _server_error(e):
        log.error("server error on %s: %s", request.path, getattr(e, "original_exception", e))
        return _error(500, i18n.t("error_500"))

    app.register_error_handler(400, lambda e: _error(400, getattr(e, "description", None) or i18n.t("error_400")))
    app.register_error_handler(CSRFError, lambda e: _error(400, i18n.t("error_csrf")))
    app.register_error_handler(403, lambda e: _error(403, getattr(e, "description", None) or i18n.t("error_403")))
    app.register_error_handler(404, lambda e: _error(404, i18n.t("error_404")))
    app.register_error_handler(405, lambda e: _error(405, i18n.t("error_405"),   # RFC 9110: a 405 lists what is allowed
                                                     {"Allow": ", ".join(e.valid_methods or ())}))
    app.register_error_handler(413, lambda e: _error(413, i18n.t("error_413")))
    app.register_error_handler(429, lambda e: limits.too_many(_error))
    app.register_error_handler(500, _server_error)
    return app


def _visible(value):
    if isinstance(value, Markup):
        return Markup(str.translate(value, INVISIBLE))
    if isinstance(value, str):
        return value.translate(INVISIBLE)
    return value
