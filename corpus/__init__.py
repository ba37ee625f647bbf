"""partyfacts.corpus: the database (SQLAlchemy + Alembic), the pipeline jobs that connect
scraper → store → nlp → store, entity resolution, and the search and export queries."""
from .db import Database, DatabaseError, open_db, resolve_url

__all__ = ["Database", "DatabaseError", "open_db", "resolve_url"]
