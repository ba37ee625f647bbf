"""The ingest job: local .txt / .html files → articles. Natural key: the file (its file:// URL is
the article's canonical URL), so ingesting a file again adds nothing. The site the files are filed
under gets the province given (else, when it has none, the one its name says), and the new
articles are linked to earlier copies of the same story on other sites, as crawls do."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable

from sqlalchemy import select

from partyfacts.nlp.text import fold
from partyfacts.scraper.encoding import TextEncodingError, decode_text
from partyfacts.scraper.parse import content_hash

from .. import models as m
from ..db import Database
from ..pipeline import published_fields, site_row, store_raw_page
from ..schedule import infer_province, province_name
from ..store import article_text
from .registry import job
from .syndication import link_syndicated_articles

MAX_TITLE_CHARS = 200


class IngestError(ValueError):
    """A file that cannot become an article; the message names the file and the problem."""


@dataclass
class IngestResult:
    added: list[int] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    syndicated: int = 0        # new articles linked to an earlier copy of their story


def _read_text_file(path: Path) -> str:
    try:
        return decode_text(path.read_bytes())     # UTF-8, or UTF-16/32 with a byte-order mark
    except TextEncodingError as exc:
        raise IngestError(f"{path}: {exc} (or save it as .html with a charset)") from None


# a date as news sites write it on a line of its own: 08/01/2024, 2024-01-08, "ngày 8 tháng 1 năm 2024"
_DATES = re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b"
                    r"|\b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b"
                    r"|\bngày\s+(?P<vd>\d{1,2})\s+tháng\s+(?P<vm>\d{1,2})\s+năm\s+(?P<vy>\d{4})\b", re.IGNORECASE)
# what else a dateline holds: a weekday, a time, a time zone, "ngày", "cập nhật", separators
_DATELINE_REST = re.compile(r"\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])\b|\bchủ\s+nhật\b|\b\d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?\b"
                            r"|\(?\s*gmt\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?|\b(?:ngày|cập nhật|đăng|đăng lúc|lúc|giờ|sáng|chiều"
                            r"|tối|am|pm|updated|posted)\b|[\s,;|·•:()\[\]/–—-]+", re.IGNORECASE)


def _first_date(line: str) -> date | None:
    for mt in _DATES.finditer(line):
        g = mt.groupdict()
        y, mth, d = ((g["y"], g["m"], g["d"]) if g["y"] else (g["iy"], g["im"], g["id"]) if g["iy"]
                     else (g["vy"], g["vm"], g["vd"]))
        try:
            return date(int(y), int(mth), int(d))
        except ValueError:
            continue
    return None


def is_dateline(line: str) -> bool:
    """True when the line is only a date (with a weekday, a time, "ngày", "Cập nhật" …), as sites print
    above or below a headline: "Thứ Hai, 08/01/2024 10:30 (GMT+7)"."""
    line = unicodedata.normalize("NFC", line)
    rest = _DATES.sub(" ", line)
    return rest != line and not _DATELINE_REST.sub("", rest)


def text_article_fields(path: Path, text: str) -> dict:
    """Title = the first non-empty line that is not a dateline (is_dateline), when it is short enough to
    be a headline (else the file name); published = the first date in the first lines."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    published = None
    title = ""
    for ln in lines[:5]:
        if published is None:
            published = _first_date(ln)
        if not title and not is_dateline(ln):
            title = ln if len(ln) <= MAX_TITLE_CHARS else path.stem
    return {"title": title or path.stem, "published": published, "text": text}


def _ingest_key(paths: Iterable[Path], site: str = "local", **_ignored) -> tuple:
    return tuple(Path(p).resolve().as_uri() for p in paths)


@job("ingest", key=_ingest_key)
def ingest_files(db: Database, paths: Iterable[Path], site: str = "local", *,
                 province: str | None = None) -> IngestResult:
    """Store local .txt / .html files as articles (URL file://…) of the site ``site`` and link
    syndicated copies among the new ones. ``province`` sets the site's province (a ProvinceError
    when it is not one, before anything is stored). Re-ingesting is a no-op."""
    res = IngestResult()
    if province is not None:
        province = province_name(province)
    with db.session() as s:
        srow = site_row(s, site)
        if province is not None:
            srow.province = province
        elif not srow.province:
            srow.province = infer_province(srow)
    for path in paths:
        path = Path(path)
        try:
            if not path.is_file():
                raise IngestError(f"{path}: no such file")
            url = path.resolve().as_uri()
            if path.suffix.lower() in (".html", ".htm"):
                from partyfacts.scraper.parse import parse_html_file
                art = parse_html_file(url, path.read_bytes())
                text, parts = article_text(art)   # every part that carries facts, as a crawl stores it
                fields = {"title": art.title, "published": art.published, "text": text, "fields": parts,
                          "author": art.author, "source": art.source, "profile": art.profile}
                raw = path.read_bytes()
            else:
                text = _read_text_file(path)
                fields = text_article_fields(path, text)
                raw = None
            if not fields["text"].strip():
                raise IngestError(f"{path}: no article text found; is it empty or not an article page?")
            with db.session() as s:
                srow = site_row(s, site)
                if s.execute(select(m.Article.id).where(m.Article.canonical_url == url)).first():
                    res.unchanged.append(str(path))
                    continue
                raw_id = None
                if raw is not None:
                    raw_id = store_raw_page(s, srow.id, url, raw, "text/html").id
                pub_iso, pub_date = published_fields(fields["published"])
                text = unicodedata.normalize("NFC", fields["text"])
                art = m.Article(site_id=srow.id, url=url, canonical_url=url, title=fields["title"],
                                title_folded=fold(fields["title"]), published=pub_iso, published_date=pub_date,
                                author=fields.get("author", ""), source=fields.get("source", ""), text=text,
                                fields=fields.get("fields", ""),
                                content_hash=content_hash(text), profile=fields.get("profile", "text"),
                                raw_page_id=raw_id, fetched_at=datetime.utcnow())
                s.add(art)
                s.flush()
                res.added.append(art.id)
        except (IngestError, OSError, ValueError) as exc:
            res.errors.append(str(exc) if isinstance(exc, IngestError) else f"{path}: {exc}")
    if res.added:
        res.syndicated = link_syndicated_articles(db, res.added).links
    return res
