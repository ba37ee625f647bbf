"""Crawler traps: URLs a crawl should not fetch although a page links to them — generated calendars and
listings (a URL template that only changes a date or a page number) past what the site's listings
reach, dates in the future, pages too deep below the start, and more pages of one template than a run
may spend on it. `TrapGuard` answers, for each URL before it is queued or fetched, why not ("" = fetch).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, urlsplit

_DIGITS = re.compile(r"\d+")
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_.](\d{1,2})(?:[-/_.](\d{1,2}))?(?!\d)")
_URL_DAY_VN = re.compile(r"(?<!\d)(\d{1,2})[-/_.](\d{1,2})[-/_.]((?:19|20)\d\d)(?!\d)")
_YEAR_PARAM = re.compile(r"(^|&)(year|nam|y)=((?:19|20)\d\d)(&|$)", re.I)

DEFAULT_TEMPLATE_BUDGET = 1000   # pages of one URL template (articles aside) fetched in one run
DEFAULT_BARREN_LIMIT = 25        # pages of one template in a row that bring no article: a generated trap


def url_template(canon: str) -> str:
    """The URL with every run of digits in its path and query values replaced by `{n}`: the pages of a
    calendar (`/lich/2024/5/12`), a pagination (`?PageIndex=7`) or a numbered list share one template."""
    parts = urlsplit(canon)
    path = _DIGITS.sub("{n}", parts.path)
    query = "&".join(f"{k}={_DIGITS.sub('{n}', v)}" for k, v in sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{parts.netloc}{path}" + (f"?{query}" if query else "")


def date_named(canon: str) -> date | None:
    """The latest day (or first day of the month, or of the year) a URL names, if any."""
    parts = urlsplit(canon)
    text = parts.path + "?" + parts.query
    found: list[date] = []
    for m in _URL_DAY.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.append(_safe_date(y, mo, d))
    for m in _URL_DAY_VN.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            found.append(_safe_date(y, mo, d))
    for m in _YEAR_PARAM.finditer(parts.query):
        found.append(date(int(m.group(3)), 1, 1))
    return max(found) if found else None


def _safe_date(y: int, mo: int, d: int) -> date:
    try:
        return date(y, mo, d)
    except ValueError:  # 31 of a short month: the month is what counts
        return date(y, mo, 1)


@dataclass
class TrapGuard:
    """Per crawl run: which URLs not to fetch, and why.

    - a URL naming a day after `today` (calendars link to the months to come; no article is dated then);
    - a "page" link deeper than `max_depth` links below a start URL;
    - a template (`url_template`) whose last `barren_limit` fetched pages in a row brought neither a new
      article link nor an article: a generated calendar or a pagination past the last listing page;
    - more than `template_budget` fetched pages of one template of kind listing or page.
    """
    today: date
    max_depth: int = 30
    template_budget: int = DEFAULT_TEMPLATE_BUDGET
    barren_limit: int = DEFAULT_BARREN_LIMIT
    fetched: Counter = field(default_factory=Counter)     # template → pages fetched this run
    barren: Counter = field(default_factory=Counter)      # template → pages in a row that brought nothing
    trapped: dict[str, str] = field(default_factory=dict)  # template → why it is not fetched any more

    def refuse(self, canon: str, kind: str, depth: int) -> str:
        """Why this URL is not to be fetched ("" when it may be)."""
        if kind in ("start", "sitemap", "feed"):
            return ""
        day = date_named(canon)
        if day is not None and day > self.today:
            return f"crawler trap: URL names a day in the future ({day.isoformat()})"
        if kind == "page" and depth > self.max_depth:
            return f"depth limit: more than {self.max_depth} links below the start"
        tpl = url_template(canon)
        if tpl in self.trapped:
            return self.trapped[tpl]
        if kind != "article" and self.fetched[tpl] >= self.template_budget:
            return f"template budget: {self.template_budget} pages of {tpl} fetched in this run"
        return ""

    def record(self, canon: str, kind: str, productive: bool) -> None:
        """A page was fetched; `productive` = it was an article or queued a new article link."""
        if kind in ("start", "sitemap", "feed"):
            return
        tpl = url_template(canon)
        self.fetched[tpl] += 1
        if productive:
            self.barren[tpl] = 0
            return
        self.barren[tpl] += 1
        if self.barren[tpl] >= self.barren_limit and tpl not in self.trapped:
            self.trapped[tpl] = (f"crawler trap: {self.barren[tpl]} pages of {tpl} in a row brought no article "
                                 f"(a generated calendar or listing past the site's articles)")
