"""The interface language (Vietnamese or English): a small message catalogue (data/messages.json),
chosen by ?lang=, then the `lang` cookie, then the browser's Accept-Language; Vietnamese by default."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from flask import Flask, g, request

LANGS = ("vi", "en")
DEFAULT = "vi"
CATALOGUE = Path(__file__).with_name("data") / "messages.json"


@lru_cache(maxsize=1)
def messages() -> dict[str, dict[str, str]]:
    """{key: {"vi": ..., "en": ...}} from the catalogue file."""
    data = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    data.pop("_source", None)
    return data


def current() -> str:
    lang = getattr(g, "lang", None)
    if lang:
        return lang
    asked = request.args.get("lang", "")
    if asked in LANGS:
        lang = asked
    elif request.cookies.get("lang") in LANGS:
        lang = request.cookies["lang"]
    else:
        lang = request.accept_languages.best_match(LANGS, default=DEFAULT)
    g.lang = lang
    return lang


def t(key: str, **kw) -> str:
    """The message ``key`` in the current language (the key itself when the catalogue lacks it)."""
    entry = messages().get(key)
    text = entry.get(current(), entry.get(DEFAULT, key)) if entry else key
    return text.format(**kw) if kw else text


def label(code, prefix: str) -> str:
    """The interface's name of a stored code (an organisation kind, a level, a run status): the message
    ``prefix_code``; a code the catalogue does not know yet is shown as words, never as "party_committee"."""
    if code is None or code == "":
        return ""
    key = f"{prefix}_{code}"
    return t(key) if key in messages() else str(code).replace("_", " ")


def error_text(exc: Exception) -> str:
    """The message of a refused query (corpus QueryError) in the interface language: its ``key`` names an
    ``error_<key>`` message filled with its ``params``; an error without a known key keeps its own text."""
    key = f"error_{getattr(exc, 'key', '')}"
    if getattr(exc, "key", "") and key in messages():
        return t(key, **getattr(exc, "params", {}))
    return str(exc)


def number(v) -> str:
    """A number as the interface language writes it: 3.415 and 116,2 in Vietnamese, 3,415 and 116.2 in English."""
    if v is None or v == "":
        return ""
    s = f"{v:,.10g}" if isinstance(v, float) and not float(v).is_integer() else f"{int(v):,}"
    if current() == "vi":
        s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return s


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(_=t, LANGS=LANGS)
    app.jinja_env.filters["num"] = number
    app.jinja_env.filters["label"] = label
    app.context_processor(lambda: {"lang": current()})

    @app.after_request
    def _remember(resp):
        asked = request.args.get("lang", "")
        if asked in LANGS and request.cookies.get("lang") != asked:
            resp.set_cookie("lang", asked, max_age=365 * 86400, samesite="Lax", httponly=True)
        return resp
