"""The small, frozen config objects jobs take (built from the settings by the caller)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from partyfacts.scraper.fetch import DEFAULT_CONTACT, DEFAULT_DELAY

from ..db import CLAIM_LEASE

__all__ = ["DEFAULT_CONTACT", "DEFAULT_DELAY", "CrawlConfig", "ProcessConfig"]


@dataclass(frozen=True)
class CrawlConfig:
    """What a crawl needs to know beyond its start URLs."""
    delay: float | None = None              # seconds between requests to one host; None = DEFAULT_DELAY
    contact: str | None = None              # URL or e-mail in the User-Agent; None = the project's
    profile_dirs: tuple[Path, ...] = ()     # extra CMS profile folders, overriding the built-in ones
    lease: float = CLAIM_LEASE              # seconds a claimed frontier URL lives without the crawler's heartbeat
    allow_private_targets: bool = False     # True: loopback/private/link-local hosts may be crawled (tests, demo)


@dataclass(frozen=True)
class ProcessConfig:
    """What fact extraction needs: the nlp components to leave out (e.g. ("people.model",)) and the
    longest text extracted (the setting max_text_chars; a longer article is marked failed, kept)."""
    disable: tuple[str, ...] = ()
    max_text_chars: int | None = None       # None = no limit
    lease: float = CLAIM_LEASE              # seconds a claimed article lives without the run's heartbeat
