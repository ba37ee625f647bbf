"""partyfacts.webapp: the Flask application (factory, blueprints, templates, JSON API, exports)
and the `partyfacts` command line."""
from .app import create_app

__all__ = ["create_app"]
