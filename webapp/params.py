"""Strict parsing of what a request carries: numbers are ASCII digits only (a Unicode digit such as
"²" passes str.isdigit() and fails int()), ids fit a 63-bit database integer (a larger id is a page
that does not exist: 404, not an overflow), and JSON bodies are bounded in depth and size. Every
refusal is a 400 or 404 with the reason; input never causes a 500."""
from __future__ import annotations

import json
import re

from werkzeug.routing import BaseConverter, ValidationError

MAX_ID = 2**63 - 1
MAX_JSON_DEPTH = 20
_DIGITS = re.compile(r"[0-9]{1,19}")


class ParamError(ValueError):
    """A parameter that cannot be used; ``status`` is the HTTP answer (400 or 404)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


def ascii_int(raw: str, *, lo: int = 0, hi: int = MAX_ID) -> int:
    """``raw`` as an integer when it is 1–19 ASCII digits within [lo, hi]; ParamError otherwise."""
    if not isinstance(raw, str) or not _DIGITS.fullmatch(raw):
        raise ParamError(f"{raw[:20]!r} is not a whole number written with the digits 0-9")
    value = int(raw)
    if not lo <= value <= hi:
        raise ParamError(f"{value} is outside {lo}–{hi}")
    return value


def parse_id(raw: str) -> int:
    """A database id: ASCII digits, 1 … 2^63-1; anything else names no row (status 404)."""
    try:
        return ascii_int(raw, lo=1, hi=MAX_ID)
    except ParamError as exc:
        raise ParamError(str(exc), status=404) from None


class IdConverter(BaseConverter):
    """The URL converter for ids (registered as ``int``): ASCII digits within 63 bits, else 404."""
    regex = r"[0-9]{1,30}"

    def to_python(self, value: str) -> int:
        try:
            return parse_id(value)
        except ParamError:
            raise ValidationError() from None

    def to_url(self, value) -> str:
        return str(int(value))


def json_body(data: bytes, *, max_depth: int = MAX_JSON_DEPTH) -> object:
    """A JSON document from request bytes: valid UTF-8 JSON nested at most ``max_depth`` deep."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ParamError("the body is not UTF-8 JSON") from None
    depth = 0
    in_string = escaped = False
    for ch in text:               # depth first: json.loads recurses and a deep document exhausts the stack
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                raise ParamError(f"the JSON body is nested deeper than {max_depth} levels")
        elif ch in "]}":
            depth -= 1
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ParamError(f"the body is not valid JSON ({exc.msg} at character {exc.pos})") from None


def sort_arg(table: str, raw: str | None):
    """The ``sort`` argument of a list ("col" or "-col", corpus.sorting.SORTABLE), None for the
    list's default; ParamError (400) naming the choices for a column the list does not sort by."""
    from partyfacts.corpus.sorting import SortError, parse_sort
    try:
        return parse_sort(table, raw)
    except SortError as exc:
        raise ParamError(str(exc)) from None
