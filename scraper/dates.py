"""Publication dates as Vietnamese portals print them → datetime in Asia/Ho_Chi_Minh (or a date).

Handles "Đăng ngày 03/06/2019", "03/06/2019 | 07:15 PM", "Thứ Hai, 03/06/2019 07:15",
"15:30 - 3/6/2019", "7:15:00 SA" (SA/CH = AM/PM), "ngày 3 tháng 6 năm 2019" and ISO 8601 meta values.
Day first, always: Vietnamese writes d/m/y.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_DMY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)")
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})(?!\d)")
_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,)\s*(\d{4})", re.I)
_TIME = re.compile(r"(?<![\d/.])(\d{1,2})\s*(?::|h|g|giờ)\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)(?:\s*(AM|PM|SA|CH|sáng|chiều|tối|trưa)\b)?",
                   re.I)
_UPDATED = re.compile(r"cập nhật|sửa đổi|updated|modified", re.I)
_PM = {"pm", "ch", "chiều", "tối"}


def _mk(y: int, mo: int, d: int, hh: int | None = None, mi: int = 0, ss: int = 0,
        ampm: str | None = None) -> datetime | date | None:
    if not (1990 <= y <= 2100):
        return None
    if hh is not None and ampm:
        a = ampm.lower()
        if a in _PM and hh < 12:
            hh += 12
        elif a in ("am", "sa") and hh == 12:
            hh = 0
    try:
        if hh is None:
            return date(y, mo, d)
        return datetime(y, mo, d, hh, mi, ss, tzinfo=VN_TZ)
    except ValueError:
        return None


def parse_iso(value: str) -> datetime | date | None:
    """An ISO 8601 value (meta article:published_time, <time datetime>) in Asia/Ho_Chi_Minh."""
    m = _ISO.search(value or "")
    if not m:
        return None
    y, mo, d, hh, mi, ss, tz = m.groups()
    if hh is None:
        return _mk(int(y), int(mo), int(d))
    dt = _mk(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0))
    if dt is None or not tz:
        return dt
    sign = 1 if tz == "Z" or tz[0] == "+" else -1
    off = 0 if tz == "Z" else int(tz[1:3]) * 60 + int(tz[-2:])
    from datetime import timedelta, timezone
    aware = dt.replace(tzinfo=timezone(timedelta(minutes=sign * off)))
    return aware.astimezone(VN_TZ)


def parse_vn_date(text: str, formats: list[str] | tuple[str, ...] = ()) -> datetime | date | None:
    """The first publication date in `text` (a date line of a page). `formats` are strptime
    formats from a profile, tried first on the text with labels stripped. None when there is none."""
    if not text:
        return None
    text = " ".join(text.split())
    for fmt in formats:
        for candidate in _candidates(text):
            try:
                dt = datetime.strptime(candidate, fmt)
            except ValueError:
                continue
            has_time = any(c in fmt for c in ("%H", "%I", "%M"))
            return dt.replace(tzinfo=VN_TZ) if has_time else dt.date()
    # a page may print "Cập nhật …" before the publication date: skip dates that follow such a label
    matches = []
    for rx in (_DMY, _WORDS):
        for m in rx.finditer(text):
            matches.append((m.start(), m.end(), int(m.group(3)), int(m.group(2)), int(m.group(1))))
    for m in _YMD.finditer(text):
        matches.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    if not matches:
        iso = parse_iso(text)
        return iso
    matches.sort()
    chosen = matches[0]
    if len(matches) > 1 and _UPDATED.search(text[max(0, chosen[0] - 20):chosen[0]]):
        chosen = matches[1]
    start, end, y, mo, d = chosen
    # the time printed next to the date, before or after it
    best = None
    for t in _TIME.finditer(text):
        gap = t.start() - end if t.start() >= end else start - t.end()
        if gap < 0 or gap > 12:
            continue
        if best is None or gap < best[0]:
            best = (gap, t)
    if best:
        t = best[1]
        hh, mi = int(t.group(1)), int(t.group(2))
        if hh < 24 and mi < 60:
            return _mk(y, mo, d, hh, mi, int(t.group(3) or 0), t.group(4))
    return _mk(y, mo, d)


_LABEL = re.compile(r"^(?:đăng ngày|ngày đăng|ngày|cập nhật|thời gian|posted on|published)\s*:?\s*", re.I)
_WEEKDAY = re.compile(r"^(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|chủ nhật)\s*,?\s*", re.I)


def _candidates(text: str) -> list[str]:
    out = [text]
    t = _LABEL.sub("", text)
    t2 = _WEEKDAY.sub("", t)
    for c in (t, t2):
        if c not in out:
            out.append(c)
    return out
