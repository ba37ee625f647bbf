"""partyfacts.webapp: the Flask application (factory, blueprints, templates, JSON API, exports)
and the `partyfacts` command line.

``create_app`` is imported on first use: the command line imports this package for every command,
and `partyfacts extract` or `ingest` need neither Flask's app nor its rate limiter and gunicorn."""

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app
        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
