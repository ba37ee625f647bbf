"""partyfacts.scraper: portal URL → Article. A pure library (no database, no web app)."""
from .types import Article

__all__ = ["Article"]
