"""Writers for exports: CSV (UTF-8 with BOM, opens in Excel), XLSX (xlsxwriter, constant memory),
JSON (a streamed array) and JSON Lines. Each takes an iterator of dicts and never holds it whole.

Scraped text is hostile input: a CSV cell that a spreadsheet would run as a formula ("=HYPERLINK(…)",
"+…", "-…", "@…") gets a leading apostrophe; XLSX cells are written as plain strings."""
from __future__ import annotations

import csv
import io
import json
import shutil
import re
import tempfile
from datetime import date
from typing import IO, Iterable, Iterator, Mapping
from urllib.parse import quote

from partyfacts.nlp.text import fold

FORMATS = ("csv", "xlsx", "json", "jsonl")
MIME = {"csv": "text/csv; charset=utf-8", "json": "application/json", "jsonl": "application/x-ndjson",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


# characters that reorder or hide text (bidi embeddings, overrides and isolates, zero-width marks):
# scraped text may carry them to disguise a name; shown and exported without them (the archived
# source keeps them)
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202a\u202b\u202c"
                                     "\u202d\u202e\u2066\u2067\u2068\u2069"), None)


def visible(s: str) -> str:
    """``s`` without the characters of INVISIBLE."""
    return s.translate(INVISIBLE)


def _cell(v):
    if isinstance(v, (list, tuple)):
        return visible("; ".join(str(x) for x in v))
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, str):
        return visible(v)
    return "" if v is None else v


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(v):
    v = _cell(v)
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def iter_csv(rows: Iterable[dict], columns: tuple[str, ...]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf)
    yield "\ufeff"
    w.writerow(columns)
    n = 0
    for row in rows:
        w.writerow([_csv_cell(row.get(c)) for c in columns])
        n += 1
        if n % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def iter_json(rows: Iterable[dict]) -> Iterator[str]:
    yield "["
    first = True
    for row in rows:
        yield ("" if first else ",\n") + visible(json.dumps(row, ensure_ascii=False, default=str))
        first = False
    yield "]\n"


def iter_jsonl(rows: Iterable[dict]) -> Iterator[str]:
    for row in rows:
        yield visible(json.dumps(row, ensure_ascii=False, default=str)) + "\n"


# XLSX column widths (characters) by column name; others WIDTH_DEFAULT
WIDTHS = {"id": 8, "url": 40, "article_url": 40, "href": 40, "title": 50, "text": 60, "sentence": 60,
          "name": 28, "person": 28, "role": 30, "title_canonical": 30, "title_expanded": 30, "organization": 30,
          "organization_resolved": 30, "role_organization": 30, "published": 26, "also_published": 40,
          "variants": 30, "value": 14, "articles": 10}
WIDTH_DEFAULT = 16


def xlsx_sheet(wb, columns: tuple[str, ...], sheet: str):
    """A new worksheet of an xlsxwriter workbook: column widths by column name (set before the first row,
    as constant_memory needs), a bold header row, frozen."""
    ws = wb.add_worksheet(sheet[:31])
    bold = wb.add_format({"bold": True})
    for c, name in enumerate(columns):
        ws.set_column(c, c, WIDTHS.get(name, WIDTH_DEFAULT))
    ws.freeze_panes(1, 0)
    for c, name in enumerate(columns):
        ws.write_string(0, c, name, bold)
    return ws


def xlsx_filter(ws, columns: tuple[str, ...], last_row: int) -> None:
    """An autofilter over every column of the header and the ``last_row`` rows under it."""
    if columns:
        ws.autofilter(0, 0, max(last_row, 1), len(columns) - 1)


def write_xlsx(rows: Iterable[dict], columns: tuple[str, ...], out: IO[bytes], sheet: str = "data",
               tmpdir: str | None = None) -> int:
    """Write an XLSX workbook to a binary stream; xlsxwriter's constant_memory keeps one row in memory
    (its worksheet temp files go to ``tmpdir``, the caller's to watch and remove, else a private one).
    The header row is bold and frozen, with an autofilter over every column and widths by column.
    Returns the number of data rows."""
    import xlsxwriter
    own = tmpdir is None
    tmpdir = tempfile.mkdtemp(prefix="partyfacts-xlsx-") if own else tmpdir
    try:
        wb = xlsxwriter.Workbook(out, {"constant_memory": True, "tmpdir": tmpdir, "strings_to_urls": False,
                                       "strings_to_formulas": False, "strings_to_numbers": False})
        ws = xlsx_sheet(wb, columns, sheet)
        r = 0
        for r, row in enumerate(rows, start=1):
            if r > 1_048_575:
                raise ValueError("more than 1,048,575 rows do not fit an XLSX sheet; export CSV or JSON Lines instead")
            for c, name in enumerate(columns):
                v = _cell(row.get(name))
                if isinstance(v, (int, float)):
                    ws.write_number(r, c, v)
                else:
                    ws.write_string(r, c, str(v)[:32767])
        xlsx_filter(ws, columns, r)
        wb.close()
        return r
    finally:
        if own:
            shutil.rmtree(tmpdir, ignore_errors=True)


def write(fmt: str, rows: Iterable[dict], columns: tuple[str, ...], out_text: IO[str] | None = None,
          out_bytes: IO[bytes] | None = None) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "xlsx":
        write_xlsx(rows, columns, out_bytes)
        return
    it = {"csv": lambda: iter_csv(rows, columns), "json": lambda: iter_json(rows), "jsonl": lambda: iter_jsonl(rows)}[fmt]()
    for chunk in it:
        out_text.write(chunk)


# -- file names that say what was exported ---------------------------------------------------------------

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MAX_NAME = 180


def slug(value: str, limit: int = 40) -> str:
    """``value`` as an ASCII file-name part: diacritics folded (đ → d), lower case, runs of anything
    else one hyphen ("Quảng Ninh" → "quang-ninh")."""
    return _NOT_SLUG.sub("-", fold(value or "").lower()).strip("-")[:limit].strip("-")


def export_filename(table: str, fmt: str, args: Mapping[str, str], day: date) -> str:
    """partyfacts-<table>[-<name>-<value>…]-<YYYY-MM-DD>.<fmt>: the query ("q"), the filters and
    the sort as they appear in the URL, ASCII only ("partyfacts-roles-province-quang-ninh-2026-12-07.csv")."""
    parts = ["partyfacts", table]
    for name, value in args.items():
        if name == "sort":
            v = str(value)
            part = "sort-" + slug(v.lstrip("-")) + ("-desc" if v.startswith("-") else "")
        else:
            part = slug(str(name), 20) + "-" + slug(str(value))
        if part.strip("-") and len("-".join(parts + [part])) <= MAX_NAME:
            parts.append(part.strip("-"))
    return "-".join(parts) + f"-{day.isoformat()}.{fmt}"


def content_disposition(filename: str) -> str:
    """An attachment header with the plain ``filename`` and its RFC 5987 ``filename*`` twin."""
    ascii_name = filename.encode("ascii", "replace").decode("ascii").replace('"', "")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
