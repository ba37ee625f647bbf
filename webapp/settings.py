"""Settings, built once and handed down.

Each setting has a name, a default (in the code next to what it configures), an environment
variable and a help line. Values come in four layers, later ones winning, like Scrapy's settings
priorities: the defaults < a user file (TOML, `partyfacts.toml` in the current directory, or
--config / PARTYFACTS_CONFIG) < PARTYFACTS_* environment variables < command-line options.

`Settings.build()` reads the layers once (the CLI's group callback, or `create_app`) and returns a
frozen, validated `Settings` that records where each value came from. Nothing else reads the
environment: the libraries get the small config objects they need (`crawl_config()`,
`process_config()`, the database URL).

    settings = Settings.build(config="lab.toml", env=os.environ, flags={"db": "corpus.db"})
    settings.delay, settings.source("delay")      # 2.0, "file"
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from partyfacts.corpus.db import DEFAULT_DB
from partyfacts.corpus.jobs.config import DEFAULT_CONTACT, DEFAULT_DELAY, CrawlConfig, ProcessConfig
from partyfacts.corpus.jobs.queue import QueueConfig

CONFIG_ENV = "PARTYFACTS_CONFIG"
DEFAULT_CONFIG = "partyfacts.toml"
SOURCES = ("default", "file", "env", "flag")     # lowest to highest priority
NO_MODEL = ("people.model",)                     # the nlp components the no_model switch disables


class SettingsError(ValueError):
    """A settings file that cannot be used; the message names the file and the fix."""


class InvalidSetting(SettingsError):
    """A setting whose value cannot be used; the one-line message names the setting, the value and
    the layer it came from."""

    def __init__(self, name: str, value: Any, source: str, problem: str, file: Path | None = None):
        where = {"env": f"environment {_by_name()[name].env}", "flag": "command line",
                 "file": f"file {file}"}.get(source, source)
        super().__init__(f"setting {name} = {value!r} (from {where}): {problem}")
        self.name, self.value, self.source = name, value, source


# -- parsers: a raw value (a string from the environment or a flag, or a TOML value) → typed ----------
def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be text")
    return value.strip()


def _nonempty(value: Any) -> str:
    text = _text(value)
    if not text:
        raise ValueError("must not be empty")
    return text


def _seconds(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError("must be a number of seconds greater than 0")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ValueError("must be a number of seconds greater than 0") from None
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError("must be a number of seconds greater than 0")
    return seconds


def _folders(value: Any) -> tuple[Path, ...]:
    if isinstance(value, str):
        parts = [p for p in value.split(os.pathsep) if p.strip()]
    elif isinstance(value, (list, tuple)) and all(isinstance(p, (str, Path)) for p in value):
        parts = [str(p) for p in value]
    else:
        raise ValueError(f"must be folder paths separated by {os.pathsep!r} (or a TOML list of paths)")
    out = tuple(Path(p.strip()).expanduser() for p in parts)
    for p in out:
        if not p.is_dir():
            raise ValueError(f"profile folder {str(p)!r} does not exist")
    return out


def _password_hash(value: Any) -> str:
    text = _text(value)
    if text and text.count("$") < 2:
        raise ValueError("is not a werkzeug.security password hash (method$salt$hash); "
                         "make one with werkzeug.security.generate_password_hash")
    return text


def _broker(value: Any) -> str:
    text = _text(value)
    if text and not text.startswith(("redis://", "rediss://", "unix://")):
        raise ValueError("must be a Redis URL such as redis://127.0.0.1:6379/0 (or empty: run jobs inline)")
    if text.startswith(("redis://", "rediss://")):
        try:
            urlsplit(text).port               # a port that is not a number 0-65535 raises here
        except ValueError:
            raise ValueError("has a port that is not a number 0-65535; write it like redis://127.0.0.1:6379/0") from None
    return text


def _count(lo: int, hi: int) -> Callable[[Any], int]:
    """A whole number in [lo, hi] (ASCII digits in text)."""
    def parse(value: Any) -> int:
        problem = f"must be a whole number from {lo} to {hi}"
        if isinstance(value, bool):
            raise ValueError(problem)
        if isinstance(value, str):
            text = value.strip()
            if not (text.isascii() and text.isdigit()):
                raise ValueError(problem)
            value = int(text)
        if not isinstance(value, int) or not lo <= value <= hi:
            raise ValueError(problem)
        return value
    return parse


def _rate(value: Any) -> str:
    """A Flask-Limiter rate such as "20/minute" or "5 per second;100/hour" ("" = no limit)."""
    text = _text(value)
    if text:
        from limits import parse_many
        try:
            parse_many(text)
        except ValueError:
            raise ValueError('must be a rate such as "20/minute" or "5/second;100/hour" (or empty: no limit)') from None
    return text


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("", "0", "false", "no", "off")


def _switch(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError("must be 1/true/yes/on or 0/false/no/off")


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str          # as the documentation shows it
    help: str
    parse: Callable[[Any], Any] = _text
    secret: bool = False


SETTINGS = (
    Setting("db", "PARTYFACTS_DB", DEFAULT_DB, "database: SQLAlchemy URL or SQLite file path (--db)", _nonempty),
    Setting("contact", "PARTYFACTS_CONTACT", DEFAULT_CONTACT,
            "URL or e-mail in the crawler's User-Agent, for site administrators", _nonempty),
    Setting("delay", "PARTYFACTS_DELAY", str(DEFAULT_DELAY),
            "seconds between requests to one host (--delay; robots Crawl-delay if larger)", _seconds),
    Setting("profiles", "PARTYFACTS_PROFILES", "", "extra CMS profile folders (os.pathsep-separated), overriding built-ins",
            _folders),
    Setting("secret_key", "PARTYFACTS_SECRET_KEY", "(random per process)", "web session signing key", _text, secret=True),
    Setting("admin_password_hash", "PARTYFACTS_ADMIN_PASSWORD_HASH", "(admin login off)",
            "werkzeug.security hash of the admin password (queueing crawls, editing schedules)", _password_hash,
            secret=True),
    Setting("no_model", "PARTYFACTS_NO_MODEL", "", "1 = rules only, without the learned person-name model", _switch),
    Setting("max_text_chars", "PARTYFACTS_MAX_TEXT_CHARS", "500000",
            "longest text extracted, in characters; extraction is linear in the length (about 6 CPU s and "
            "170 MB per million characters, benchmarks/extract_speed.py), so the default bounds one text to "
            "about 3 s and 120 MB, far above a portal article (3-6 K); a longer text is refused by `extract`, "
            "marked failed (kept) by `process`, and Try it and /api/extract stop at the smaller of this and 20000",
            _count(1000, 10 ** 9)),
    Setting("broker", "PARTYFACTS_BROKER", "(none: jobs run inline)",
            "Redis URL of the job queue (--broker); set, crawl/process/reparse/schedule enqueue for `partyfacts worker`",
            _broker),
    # -- serving (partyfacts serve; see the README's deployment section) --
    Setting("serve_workers", "PARTYFACTS_SERVE_WORKERS", "2", "gunicorn worker processes of `serve` (--workers)",
            _count(1, 64)),
    Setting("serve_threads", "PARTYFACTS_SERVE_THREADS", "8", "threads per worker process of `serve` (--threads)",
            _count(1, 256)),
    Setting("serve_timeout", "PARTYFACTS_SERVE_TIMEOUT", "60",
            "seconds a worker may be silent before gunicorn restarts it; also the graceful-stop time (--timeout)",
            _seconds),
    Setting("proxies", "PARTYFACTS_PROXIES", "0",
            "reverse proxies in front of the app whose X-Forwarded-For/-Proto/-Host/-Port are trusted (0 = none)",
            _count(0, 10)),
    Setting("session_cookie_secure", "PARTYFACTS_SESSION_COOKIE_SECURE", "",
            "1 = the session cookie is sent over HTTPS only (set it when served over HTTPS)", _switch),
    Setting("export_max_concurrent", "PARTYFACTS_EXPORT_MAX_CONCURRENT", "4",
            "web exports built at once, over all clients and worker processes (more get 429)", _count(1, 1000)),
    Setting("export_max_per_client", "PARTYFACTS_EXPORT_MAX_PER_CLIENT", "2",
            "web exports at once from one client address (more get 429)", _count(1, 1000)),
    Setting("export_max_bytes", "PARTYFACTS_EXPORT_MAX_BYTES", str(2 * 1024 ** 3),
            "disk bound of one web export's spool file in bytes; past it the file ends with a truncation note",
            _count(1024, 1024 ** 4)),
    Setting("rate_limit_extract", "PARTYFACTS_RATE_LIMIT_EXTRACT", "20/minute;200/hour",
            "per-client rate of /api/extract and Try it (Flask-Limiter syntax; empty = no limit)", _rate),
    Setting("rate_limit_search", "PARTYFACTS_RATE_LIMIT_SEARCH", "120/minute",
            "per-client rate of search (page and API)", _rate),
    Setting("rate_limit_export", "PARTYFACTS_RATE_LIMIT_EXPORT", "10/minute;60/hour",
            "per-client rate of /export/ downloads", _rate),
    Setting("search_cache", "PARTYFACTS_SEARCH_CACHE", "512",
            "search answers kept per web worker process, reused until the data changes (0 = off)", _count(0, 100_000)),
    Setting("allow_private_targets", "PARTYFACTS_ALLOW_PRIVATE_TARGETS", "",
            "1 = crawl targets may be loopback, private or link-local addresses (local tests, the demo)", _switch),
)


def _by_name() -> dict[str, Setting]:
    return {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Every setting, typed and validated; `sources` says which layer gave each value."""
    db: str = DEFAULT_DB
    contact: str = DEFAULT_CONTACT
    delay: float = DEFAULT_DELAY
    profiles: tuple[Path, ...] = ()
    secret_key: str = ""                 # "" = the web app makes a random one per process
    admin_password_hash: str = ""        # "" = admin login off
    no_model: bool = False
    max_text_chars: int = 500_000
    broker: str = ""                     # "" = every job runs inline, in the command's process
    serve_workers: int = 2
    serve_threads: int = 8
    serve_timeout: float = 60.0
    proxies: int = 0
    session_cookie_secure: bool = False
    export_max_concurrent: int = 4
    export_max_per_client: int = 2
    export_max_bytes: int = 2 * 1024 ** 3
    rate_limit_extract: str = "20/minute;200/hour"
    rate_limit_search: str = "120/minute"
    rate_limit_export: str = "10/minute;60/hour"
    search_cache: int = 512
    allow_private_targets: bool = False
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({s.name: "default" for s in SETTINGS}),
                                       compare=False)
    config_file: Path | None = field(default=None, compare=False)

    # -- building --------------------------------------------------------------------------------
    @classmethod
    def build(cls, *, config: str | os.PathLike | None = None, env: Mapping[str, str] | None = None,
              flags: Mapping[str, Any] | None = None) -> "Settings":
        """Defaults < file (``config``, else ``env[PARTYFACTS_CONFIG]``, else ./partyfacts.toml if present)
        < environment < ``flags`` (None values are "not given"). ``env`` defaults to os.environ."""
        env = os.environ if env is None else env
        path, file_values = load_file(config or env.get(CONFIG_ENV) or None)
        layers = [("file", file_values),
                  ("env", {s.name: env[s.env] for s in SETTINGS if s.env in env}),
                  ("flag", dict(flags or {}))]
        return cls()._with(layers, config_file=path)

    def with_flags(self, **flags: Any) -> "Settings":
        """These settings with command-line values on top (None = not given), validated."""
        return self._with([("flag", flags)], config_file=self.config_file)

    def _with(self, layers, *, config_file) -> "Settings":
        by_name = _by_name()
        values: dict[str, Any] = {}
        sources = dict(self.sources)
        for source, raw in layers:
            for name, value in raw.items():
                if name not in by_name:
                    raise SettingsError(f"unknown setting {name!r}; known: {', '.join(sorted(by_name))}")
                if value is None:
                    continue
                try:
                    values[name] = by_name[name].parse(value)
                except ValueError as exc:
                    raise InvalidSetting(name, value, source, str(exc), config_file) from None
                sources[name] = source
        return replace(self, **values, sources=MappingProxyType(sources), config_file=config_file)

    # -- reading ---------------------------------------------------------------------------------
    def source(self, name: str) -> str:
        """Where the value of ``name`` came from: default, file, env or flag."""
        return self.sources[name]

    def describe(self) -> list[tuple[str, str, str]]:
        """(name, value as shown, source) for each setting; secrets are masked."""
        out = []
        for s in SETTINGS:
            value = getattr(self, s.name)
            if s.secret:
                shown = "********" if value else s.default
            elif isinstance(value, tuple):
                shown = os.pathsep.join(str(p) for p in value) or "(none)"
            elif isinstance(value, bool):
                shown = "on" if value else "off"
            elif value == "":
                shown = "(no limit)" if s.parse is _rate else s.default
            else:
                shown = str(value)
            source = self.sources[s.name]
            if source == "env":
                source = f"env {s.env}"
            elif source == "file" and self.config_file is not None:
                source = f"file {self.config_file}"
            out.append((s.name, shown, source))
        return out

    @property
    def nlp_disable(self) -> tuple[str, ...]:
        """The nlp components to leave out (the learned name model when no_model is on)."""
        return NO_MODEL if self.no_model else ()

    def crawl_config(self) -> CrawlConfig:
        """What a crawl needs: delay, the User-Agent contact, extra profile folders, whether private
        addresses may be crawled."""
        return CrawlConfig(delay=self.delay, contact=self.contact, profile_dirs=self.profiles,
                           allow_private_targets=self.allow_private_targets)

    def process_config(self) -> ProcessConfig:
        """What processing needs: the nlp components to disable, the longest text extracted."""
        return ProcessConfig(disable=self.nlp_disable, max_text_chars=self.max_text_chars)

    def queue_config(self, **overrides: Any) -> QueueConfig | None:
        """Where the job queue is and the database its jobs run on; None without a broker (inline)."""
        if not self.broker:
            return None
        return QueueConfig(**{"broker": self.broker, "db": self.db, **overrides})


def load_file(path: str | os.PathLike | None = None) -> tuple[Path | None, dict[str, Any]]:
    """(path, values) of the settings file: the explicit path, or ./partyfacts.toml if present
    ((None, {}) when there is none). Values are the TOML values, unparsed."""
    p = Path(path or DEFAULT_CONFIG)
    if not p.exists():
        if path:
            raise SettingsError(f"settings file {p} does not exist; create it or drop --config / {CONFIG_ENV}")
        return None, {}
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"settings file {p} is not valid TOML: {exc}") from None
    table = data.get("partyfacts", data)
    known = {s.name for s in SETTINGS}
    unknown = sorted(k for k in table if k not in known and not isinstance(table[k], dict))
    if unknown:
        raise SettingsError(f"settings file {p}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return p, {k: v for k, v in table.items() if k in known}

