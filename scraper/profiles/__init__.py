"""CMS-family profiles: data files (TOML) that say how to recognise a family and where its article
parts are. Built-in ones live beside this module; directories the caller names (`profile_dirs`) add or
override them by name. No environment variable is read: the CLI passes its `profiles` setting."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BUILTIN_DIR = Path(__file__).parent


class ProfileError(ValueError):
    """A profile file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Profile:
    name: str
    description: str = ""
    detect_selectors: tuple[str, ...] = ()
    detect_html: tuple[str, ...] = ()
    detect_urls: tuple[re.Pattern, ...] = ()
    article_urls: tuple[re.Pattern, ...] = ()
    not_article_urls: tuple[re.Pattern, ...] = ()
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    date_formats: tuple[str, ...] = ()
    listing_links: tuple[str, ...] = ()
    listing_next: tuple[str, ...] = ()
    path: str = ""

    def is_article_url(self, url: str) -> bool:
        return any(p.search(url) for p in self.article_urls)

    def not_article_match(self, url: str) -> str:
        for p in self.not_article_urls:
            if p.search(url):
                return p.pattern
        return ""


def _strs(d: dict, key: str, path: Path) -> tuple[str, ...]:
    v = d.get(key, [])
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ProfileError(f"{path}: {key!r} must be a list of strings")
    return tuple(v)


def _regexes(d: dict, key: str, path: Path) -> tuple[re.Pattern, ...]:
    out = []
    for s in _strs(d, key, path):
        try:
            out.append(re.compile(s, re.I))
        except re.error as exc:
            raise ProfileError(f"{path}: {key!r} pattern {s!r} is not a regular expression: {exc}") from None
    return tuple(out)


def load_profile(path: Path) -> Profile:
    """One profile file → Profile. Raises ProfileError naming the file."""
    try:
        with open(path, "rb") as fh:
            d = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read profile: {exc}") from None
    if not isinstance(d.get("name"), str) or not d["name"]:
        raise ProfileError(f"{path}: a profile needs a name = \"...\" line")
    det, urls, art, lst = (d.get(k, {}) for k in ("detect", "urls", "article", "listing"))
    return Profile(
        name=d["name"], description=d.get("description", ""),
        detect_selectors=_strs(det, "selectors", path), detect_html=_strs(det, "html", path),
        detect_urls=_regexes(det, "urls", path),
        article_urls=_regexes(urls, "article", path), not_article_urls=_regexes(urls, "not_article", path),
        title=_strs(art, "title", path), date=_strs(art, "date", path), lead=_strs(art, "lead", path),
        body=_strs(art, "body", path), author=_strs(art, "author", path), source=_strs(art, "source", path),
        drop=_strs(art, "drop", path), reject=_strs(art, "reject", path), date_formats=_strs(art, "date_formats", path),
        listing_links=_strs(lst, "links", path), listing_next=_strs(lst, "next", path), path=str(path))


def profile_dirs(extra: list[str | Path] | tuple = ()) -> tuple[Path, ...]:
    """The built-in directory, then the `extra` directories in order (later ones override)."""
    return (BUILTIN_DIR, *(Path(p) for p in extra))


@lru_cache(maxsize=32)
def _load_dirs(dirs: tuple[Path, ...]) -> tuple[Profile, ...]:
    by_name: dict[str, Profile] = {}
    for d in dirs:
        if not d.is_dir():
            raise ProfileError(f"{d}: profile directory does not exist")
        for f in sorted(d.glob("*.toml")):
            p = load_profile(f)
            by_name[p.name] = p
    return tuple(by_name.values())


def load_profiles(extra: list[str | Path] | tuple = ()) -> tuple[Profile, ...]:
    """All profiles, built-in ones overridden or extended by user directories."""
    return _load_dirs(profile_dirs(tuple(extra)))
