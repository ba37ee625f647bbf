"""URL canonical form and host scope: one page, one key, whatever tracking or session noise rode along."""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

_DATA = Path(__file__).with_name("data")
_PATH_SESSION = re.compile(r";(jsessionid|phpsessid|sessionid)=[^/?#]*", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=1)
def _params() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    with open(_DATA / "url_params.toml", "rb") as fh:
        d = tomllib.load(fh)
    return (frozenset(p.lower() for p in d["drop"]), tuple(p.lower() for p in d["drop_prefixes"]),
            tuple(p.lower() for p in d["drop_suffixes"]))


def _dropped(name: str) -> bool:
    exact, prefixes, suffixes = _params()
    n = name.lower()
    return n in exact or n.startswith(prefixes) or n.endswith(suffixes)


def canonical_url(url: str, base: str | None = None) -> str:
    """The canonical form of `url` (resolved against `base`): lower-case scheme and host, default port,
    fragment, tracking and session parameters dropped, the query sorted, the path's %-escapes normalised.
    Raises ValueError for a URL that is not http(s)."""
    if base:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise ValueError(f"URL without a host: {url!r}")
    netloc = f"[{host}]" if ":" in host else host    # an IPv6 literal keeps its brackets
    if parts.port and parts.port != _DEFAULT_PORTS[scheme]:
        netloc = f"{netloc}:{parts.port}"
    path = _PATH_SESSION.sub("", parts.path) or "/"
    path = quote(unquote(path), safe="/:@!$&'()*+,;=-._~")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _dropped(k)]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def host_of(url: str) -> str:
    """Host name without a leading "www." (the unit of politeness and of crawl scope)."""
    h = (urlsplit(url).hostname or "").lower()
    return h[4:] if h.startswith("www.") else h


def same_site(url: str, host: str) -> bool:
    """True when `url` is on `host` (www. and bare host count as one)."""
    return host_of(url) == host
