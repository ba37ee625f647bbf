"""Bytes → text: charset from the BOM, the Content-Type header, <meta>, then detection; Unicode NFC.

Vietnamese pages come in UTF-8, windows-1258 (whose tone marks are *combining* characters, so the
decoded text must be NFC-composed) and, from old editors, NFD UTF-8; all leave here as NFC.
"""
from __future__ import annotations

import codecs
import html
import re
import unicodedata

from charset_normalizer import from_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_ENTITY = re.compile(r"&(#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _codec(name: str | bytes | None) -> str | None:
    """Python's codec name for a declared charset, or None when Python has no such codec."""
    if not name:
        return None
    if isinstance(name, bytes):
        name = name.decode("ascii", "ignore")
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    m = _HEADER_CHARSET.search(content_type or "")
    return _codec(m.group(1)) if m else None


def meta_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:16384])
    return _codec(m.group(1)) if m else None


def _decodes(raw: bytes, codec: str) -> bool:
    try:
        raw.decode(codec)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def _is_utf8(raw: bytes) -> bool:
    """Valid UTF-8, allowing a character cut off at the very end (a truncated transfer)."""
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        return exc.reason == "unexpected end of data" and exc.start >= len(raw) - 3


def sniff_encoding(raw: bytes, content_type: str | None = None) -> str:
    """The codec to decode `raw` with. Valid UTF-8 with non-ASCII bytes wins over any single-byte
    declaration (servers and old templates declare ISO-8859-1 or windows-1258 for UTF-8 pages, while
    single-byte Vietnamese text is practically never valid UTF-8); otherwise header, then meta, then
    charset-normalizer's guess."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return "utf-8-sig" if name == "utf-8" else name
    declared = [c for c in (header_charset(content_type), meta_charset(raw)) if c]
    is_utf8 = _is_utf8(raw)
    for codec in declared:
        if is_utf8 and not raw.isascii() and not codec.startswith("utf"):
            continue
        if codec == "utf-8" and not is_utf8:
            continue  # declared UTF-8 but is not: fall through to the next clue
        if _decodes(raw, codec):
            return codec
    if is_utf8:
        return "utf-8"
    best = from_bytes(raw[:200000]).best()
    if best is not None and best.encoding:
        return _codec(best.encoding) or "utf-8"
    return "utf-8"


def normalize_text(s: str) -> str:
    """NFC, leftover HTML entities decoded (pages that escape twice), invisible characters removed."""
    if "&" in s and _ENTITY.search(s):
        s = html.unescape(s)
    s = _INVISIBLE.sub("", s)
    return unicodedata.normalize("NFC", s)


def decode_html(raw: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, codec): the page decoded (undecodable bytes replaced) and composed to NFC.
    The markup is kept, so entities are left to the HTML parser."""
    codec = sniff_encoding(raw, content_type)
    text = raw.decode(codec, errors="replace")
    return unicodedata.normalize("NFC", text), codec


class TextEncodingError(ValueError):
    """Bytes of a text file that are neither UTF-8 nor text with a byte-order mark; the message
    says where decoding failed and, when charset-normalizer recognises the bytes, the iconv line
    that converts them."""

    def __init__(self, position: int, guess: str | None):
        hint = (f"it looks like {guess}: convert it with iconv -f {guess} -t utf-8" if guess
                else "convert it with iconv -f <encoding> -t utf-8")
        super().__init__(f"not UTF-8 text (byte {position}); {hint}")
        self.position = position
        self.guess = guess


_TEXT_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
              (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))   # UTF-32 LE starts like UTF-16 LE


def decode_text(raw: bytes) -> str:
    """A plain-text file's bytes as NFC text: the encoding its byte-order mark names (UTF-8,
    UTF-16 or UTF-32), else strict UTF-8. Anything else raises TextEncodingError (with
    charset-normalizer's guess of the encoding for the way out) instead of decoding to garbage."""
    for bom, codec in _TEXT_BOMS:
        if raw.startswith(bom):
            try:
                return unicodedata.normalize("NFC", raw.decode(codec))
            except UnicodeDecodeError as exc:
                raise TextEncodingError(exc.start, None) from None
    try:
        return unicodedata.normalize("NFC", raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        best = from_bytes(raw[:200000]).best()
        guess = _codec(best.encoding) if best is not None and best.encoding else None
        raise TextEncodingError(exc.start, guess if guess not in (None, "utf-8") else None) from None
