"""Flask application factory: one Database per app, a session per request."""
from __future__ import annotations

import os

from flask import Flask, g, jsonify, render_template, request

from corpus import open_db


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        DATABASE=os.environ.get("PARTYFACTS_DB"),
        SECRET_KEY=os.environ.get("PARTYFACTS_SECRET_KEY") or os.urandom(32).hex(),
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        JSON_AS_ASCII=False,
    )
    if test_config:
        app.config.update(test_config)
    app.json.ensure_ascii = False
    app.extensions["partyfacts_db"] = open_db(app.config["DATABASE"])

    from . import views
    app.register_blueprint(views.bp)

    @app.teardown_appcontext
    def _close_session(exc):
        s = g.pop("db_session", None)
        if s is not None:
            if exc is None:
                s.commit()
            else:
                s.rollback()
            s.close()

    @app.after_request
    def _security_headers(resp):
        resp.headers.setdefault("Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                "frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        return resp

    def _error(code: int, message: str):
        if request.path.startswith("/api/") or request.path.startswith("/export/"):
            return jsonify({"error": message, "status": code}), code
        return render_template("error.html", code=code, message=message), code

    app.register_error_handler(400, lambda e: _error(400, getattr(e, "description", "bad request")))
    app.register_error_handler(404, lambda e: _error(404, "not found"))
    app.register_error_handler(500, lambda e: _error(500, "internal error; the server log has the details"))
    return app


def db_session():
    if "db_session" not in g:
        from flask import current_app
        g.db_session = current_app.extensions["partyfacts_db"].sessionmaker()
    return g.db_session
