"""The partyfacts database schema (SQLAlchemy 2 declarative). Changes go through Alembic
migrations in corpus/migrations; `corpus.db.open_db` upgrades a database to the head on open.

Provenance: every fact row (mention, role, figure) points to its article, its [start, end) span in
the article text and the pipeline version that produced it.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary,
                        String, Text, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Site(Base):
    """A portal that is crawled (or a named source of ingested files)."""
    __tablename__ = "sites"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)       # host or user-given name
    base_url: Mapped[str] = mapped_column(String(2048), default="")
    profile: Mapped[str] = mapped_column(String(64), default="")       # CMS profile, "" = auto-detect
    schedule: Mapped[str] = mapped_column(String(128), default="")     # cron expression or "every 6h"
    delay: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow)
    last_crawl_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # a crawl asked for (from the web UI) and not yet run; `partyfacts schedule` runs it as due
    crawl_requested_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    province: Mapped[str] = mapped_column(String(128), default="")    # the site's province ("" national/unknown)


class CrawlRun(Base):
    __tablename__ = "crawl_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="running")  # running|done|failed|interrupted
    start_urls: Mapped[str] = mapped_column(Text, default="[]")         # JSON list
    pages_fetched: Mapped[int] = mapped_column(Integer, default=0)
    pages_not_modified: Mapped[int] = mapped_column(Integer, default=0)
    new_articles: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[str] = mapped_column(Text, default="{}")           # JSON {reason: count}
    error_log: Mapped[str] = mapped_column(Text, default="")            # last errors, one per line
    site: Mapped[Site] = relationship()


class FrontierEntry(Base):
    """A URL the crawler knows of, with its state: the crawl frontier and the seen set in one."""
    __tablename__ = "frontier"
    __table_args__ = (UniqueConstraint("site_id", "canonical_url"),
                      Index("ix_frontier_site_status", "site_id", "status", "priority"))
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"))
    url: Mapped[str] = mapped_column(String(2048))
    canonical_url: Mapped[str] = mapped_column(String(2048))
    kind: Mapped[str] = mapped_column(String(16), default="unknown")    # article|listing|sitemap|feed|start|unknown
    depth: Mapped[int] = mapped_column(Integer, default=0)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|done|rejected|failed
    reason: Mapped[str] = mapped_column(String(255), default="")        # why rejected / failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    etag: Mapped[str] = mapped_column(String(255), default="")
    last_modified: Mapped[str] = mapped_column(String(64), default="")
    discovered_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow)
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"), nullable=True)
    # a crawler's claim on a pending URL (status "claimed"): who, and until when (0009)
    claimed_by: Mapped[str] = mapped_column(String(128), default="", server_default="")
    lease_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class RawPage(Base):
    """A fetched page, kept compressed so articles can be re-parsed without fetching."""
    __tablename__ = "raw_pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), nullable=True, index=True)
    url: Mapped[str] = mapped_column(String(2048))
    canonical_url: Mapped[str] = mapped_column(String(2048), index=True)
    http_status: Mapped[int] = mapped_column(Integer, default=200)
    content_type: Mapped[str] = mapped_column(String(255), default="")
    encoding: Mapped[str] = mapped_column(String(64), default="")
    headers: Mapped[str] = mapped_column(Text, default="{}")            # JSON
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    html_gz: Mapped[bytes] = mapped_column(LargeBinary)                 # gzip of the raw bytes
    size: Mapped[int] = mapped_column(Integer, default=0)
    fetched_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("crawl_runs.id"), nullable=True)


class Article(Base):
    __tablename__ = "articles"
    # covering (id, published_date, site_id): a search's site/date filter checked per match (0005)
    __table_args__ = (Index("ix_articles_id_scope", "id", "published_date", "site_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id"), index=True)
    url: Mapped[str] = mapped_column(String(2048))
    canonical_url: Mapped[str] = mapped_column(String(2048), unique=True)
    title: Mapped[str] = mapped_column(Text, default="")
    title_folded: Mapped[str] = mapped_column(Text, default="")        # accent-less, for search
    published: Mapped[str] = mapped_column(String(40), default="")     # ISO 8601, tz +07:00 when a time is known
    published_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    author: Mapped[str] = mapped_column(String(255), default="")
    source: Mapped[str] = mapped_column(String(255), default="")
    # every part of the article that carries facts, joined with blank lines (title, dateline, lead, body,
    # captions, byline, source line: scraper.Article.full_text); facts' spans point into it
    text: Mapped[str] = mapped_column(Text, default="")
    # where each part sits in `text`: JSON [[field, start, end, index], …] (scraper.types.FIELDS);
    # "" for a text stored without parts (ingested files, rows from before 0012): all body
    fields: Mapped[str] = mapped_column(Text, default="", server_default="")
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    profile: Mapped[str] = mapped_column(String(64), default="")
    raw_page_id: Mapped[int | None] = mapped_column(ForeignKey("raw_pages.id"), nullable=True)
    syndicated_of_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), nullable=True, index=True)
    similarity: Mapped[float | None] = mapped_column(Float, nullable=True)  # to syndicated_of
    fetched_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow, index=True)
    site: Mapped[Site] = relationship()


class Processing(Base):
    """One (article, pipeline version) extraction job: its natural key makes re-runs idempotent."""
    __tablename__ = "processing"
    __table_args__ = (UniqueConstraint("article_id", "pipeline_version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    pipeline_version: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="ok")       # ok|error|running|given_up
    error: Mapped[str] = mapped_column(Text, default="")
    processed_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")   # runs started (0009)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # a running claim's expiry


class DeadJob(Base):
    """A queued job that exhausted its retries (or could not start), with its error (0010); a dead
    crawl also leaves a failed crawl_runs row per site."""
    __tablename__ = "dead_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(64))
    task_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    natural_key: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")   # JSON
    args: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")          # JSON, as queued
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id"), nullable=True)  # a crawl's site
    attempts: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    error: Mapped[str] = mapped_column(Text, default="", server_default="")
    failed_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow, index=True)


class Lock(Base):
    """A named lease held by one process until it expires or is released: the scheduler's leader
    lock, the person-resolution lock (0009)."""
    __tablename__ = "locks"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128), default="", server_default="")
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Person(Base):
    """A person entity: the occurrences (one name in one article) that person resolution joined
    (corpus.kb.persons). Homonyms are several rows with one key."""
    __tablename__ = "persons"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(String(255), index=True)          # nlp.text.key(name)
    folded: Mapped[str] = mapped_column(String(255), index=True)       # accent-less
    variants: Mapped[str] = mapped_column(Text, default="[]")          # JSON list of other spellings


class Place(Base):
    __tablename__ = "places"
    __table_args__ = (UniqueConstraint("key", "type", "province"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(255))
    key: Mapped[str] = mapped_column(String(255), index=True)
    folded: Mapped[str] = mapped_column(String(255), index=True)
    type: Mapped[str] = mapped_column(String(32), default="")
    province: Mapped[str] = mapped_column(String(128), default="")
    code: Mapped[str] = mapped_column(String(16), default="")
    era: Mapped[str] = mapped_column(String(16), default="")
    successor_name: Mapped[str] = mapped_column(String(255), default="")
    successor_type: Mapped[str] = mapped_column(String(32), default="")
    successor_province: Mapped[str] = mapped_column(String(128), default="")
    successor_code: Mapped[str] = mapped_column(String(16), default="")


class Organization(Base):
    """A body resolved to its place (corpus.kb.bodies): "Tỉnh ủy" on a Nghệ An story and "Tỉnh ủy
    Nghệ An" are one row; ``key`` is the resolution key, ``name`` the completed name."""
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(512))
    key: Mapped[str] = mapped_column(String(512), unique=True)
    folded: Mapped[str] = mapped_column(String(512), index=True)
    kind: Mapped[str] = mapped_column(String(32), default="")
    level: Mapped[str] = mapped_column(String(16), default="")          # province|district|commune|national|""
    place_name: Mapped[str] = mapped_column(String(255), default="")
    province: Mapped[str] = mapped_column(String(128), default="", index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), nullable=True)


class Mention(Base):
    """One occurrence of a person, place or organization in an article."""
    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_entity", "entity_type", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    entity_type: Mapped[str] = mapped_column(String(16))               # person|place|organization
    entity_id: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    surface: Mapped[str] = mapped_column(String(512), default="")
    pipeline_version: Mapped[str] = mapped_column(String(64))


class Role(Base):
    __tablename__ = "roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organizations.id"), nullable=True, index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), nullable=True, index=True)
    title: Mapped[str] = mapped_column(String(255))
    title_folded: Mapped[str] = mapped_column(String(255), index=True)
    organization: Mapped[str] = mapped_column(String(512), default="")
    title_expanded: Mapped[str] = mapped_column(String(512), default="")
    title_canonical: Mapped[str] = mapped_column(String(512), default="")   # corpus.kb.titles
    title_key: Mapped[str] = mapped_column(String(512), default="", index=True)
    org_resolution: Mapped[str] = mapped_column(String(16), default="")      # how the body was resolved
    event: Mapped[str] = mapped_column(String(16), default="in_office")      # in_office|elected|appointed|former
    event_date: Mapped[str] = mapped_column(String(10), default="")          # ISO date the sentence gives
    former: Mapped[bool] = mapped_column(Boolean, default=False)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    pipeline_version: Mapped[str] = mapped_column(String(64))


class Figure(Base):
    __tablename__ = "figures"
    __table_args__ = (Index("ix_figures_unit_value", "unit", "value"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id"), nullable=True, index=True)
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(String(512), default="")
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text, default="")
    counted: Mapped[str] = mapped_column(String(512), default="")
    actor: Mapped[str] = mapped_column(String(512), default="")
    period: Mapped[str] = mapped_column(String(255), default="")
    qualifier: Mapped[str] = mapped_column(String(32), default="")
    pipeline_version: Mapped[str] = mapped_column(String(64))


class PersonOccurrence(Base):
    """One person named in one article: the unit person resolution clusters. ``mention_key``
    ("<article canonical URL>#<name key>") is stable across re-processing, so decisions keep."""
    __tablename__ = "person_occurrences"
    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"), nullable=True, index=True)
    mention_key: Mapped[str] = mapped_column(String(1024), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    name_key: Mapped[str] = mapped_column(String(255), index=True)
    province: Mapped[str] = mapped_column(String(128), default="")
    district: Mapped[str] = mapped_column(String(128), default="")
    context: Mapped[str] = mapped_column(Text, default="{}")           # JSON: bodies, titles, comentions, site, date
    explanation: Mapped[str] = mapped_column(Text, default="{}")       # JSON: why joined / kept apart
    pipeline_version: Mapped[str] = mapped_column(String(64))


class ResolutionDecision(Base):
    """A researcher's correction: two occurrences (by mention key) are one person ("merge") or two
    ("split"). Stored apart from derived rows so it survives re-processing."""
    __tablename__ = "resolution_decisions"
    __table_args__ = (UniqueConstraint("kind", "key_a", "key_b"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))                        # merge|split
    key_a: Mapped[str] = mapped_column(String(1024), index=True)
    key_b: Mapped[str] = mapped_column(String(1024), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(64), default="admin")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=datetime.utcnow)


class HostSlot(Base):
    """When a host may next be asked (epoch seconds): politeness shared by crawler processes."""
    __tablename__ = "host_slots"
    host: Mapped[str] = mapped_column(String(255), primary_key=True)
    next_at: Mapped[float] = mapped_column(Float)
    # a request to the host is being sent by one crawler until it reports it sent (or until then, 0009)
    busy_until: Mapped[float | None] = mapped_column(Float, nullable=True)
