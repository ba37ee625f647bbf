"""What the scraper hands over: small immutable records."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Article:
    url: str                         # the URL fetched (after redirects)
    canonical_url: str               # canonical form: fragment, tracking and session parameters dropped
    site: str                        # host name ("vinhphuc.gov.vn") or configured site name
    title: str
    published: datetime | date | None  # tz Asia/Ho_Chi_Minh when a time is known
    text: str                        # clean body, lead/sapo first, paragraphs separated by blank lines
    author: str = ""
    source: str = ""                 # the "Nguồn: …" line
    html: bytes = b""                # raw page bytes as fetched
    encoding: str = ""               # charset the page was decoded with
    fetched_at: datetime | None = None
    content_hash: str = ""           # sha256 of the normalised text
    profile: str = ""                # CMS profile that parsed it ("tandan", "liferay", …, "generic")
