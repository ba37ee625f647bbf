"""Settings: each has a name, a default (in the code next to what it configures), an environment
variable and a help line. A user file (TOML, `partyfacts.toml` in the current directory, or
--config / PARTYFACTS_CONFIG) sets them; environment variables override the file; command-line
options override both."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONFIG_ENV = "PARTYFACTS_CONFIG"
DEFAULT_CONFIG = "partyfacts.toml"


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    help: str


SETTINGS = (
    Setting("db", "PARTYFACTS_DB", "partyfacts.db", "database: SQLAlchemy URL or SQLite file path (--db)"),
    Setting("contact", "PARTYFACTS_CONTACT", "https://github.com/partyfacts/partyfacts",
            "URL or e-mail in the crawler's User-Agent, for site administrators"),
    Setting("delay", "PARTYFACTS_DELAY", "1.0", "seconds between requests to one host (--delay; robots Crawl-delay if larger)"),
    Setting("profiles", "PARTYFACTS_PROFILES", "", "extra CMS profile folders (os.pathsep-separated), overriding built-ins"),
    Setting("secret_key", "PARTYFACTS_SECRET_KEY", "(random per process)", "web session signing key"),
    Setting("admin_password_hash", "PARTYFACTS_ADMIN_PASSWORD_HASH", "(admin login off)",
            "werkzeug.security hash of the admin password (starting crawls, editing schedules)"),
    Setting("no_model", "PARTYFACTS_NO_MODEL", "", "1 = rules only, without the learned person-name model"),
)


class SettingsError(ValueError):
    """A settings file that cannot be used; the message names the file and the fix."""


def load_file(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Read the settings file (explicit path, PARTYFACTS_CONFIG, or ./partyfacts.toml if present)."""
    explicit = path or os.environ.get(CONFIG_ENV)
    p = Path(explicit or DEFAULT_CONFIG)
    if not p.exists():
        if explicit:
            raise SettingsError(f"settings file {p} does not exist; create it or drop --config / {CONFIG_ENV}")
        return {}
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SettingsError(f"settings file {p} is not valid TOML: {exc}") from None
    table = data.get("partyfacts", data)
    known = {s.name for s in SETTINGS}
    unknown = sorted(k for k in table if k not in known and not isinstance(table[k], dict))
    if unknown:
        raise SettingsError(f"settings file {p}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return {k: str(v) for k, v in table.items() if k in known}


def apply(path: str | os.PathLike | None = None) -> dict[str, str]:
    """Export the file's settings as PARTYFACTS_* variables where the environment does not set them."""
    values = load_file(path)
    by_name = {s.name: s for s in SETTINGS}
    for name, value in values.items():
        os.environ.setdefault(by_name[name].env, value)
    return values
