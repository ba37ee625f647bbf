"""`partyfacts serve`: the web app under gunicorn (worker processes × threads, the gthread worker),
the Werkzeug development server only on request (--dev).

Each gunicorn worker builds its own app and database engine after the fork (no connection crosses a
fork). A worker that stays silent for ``timeout`` seconds is restarted; on SIGTERM workers get the same
time to finish their requests (graceful timeout). Put a reverse proxy in front (README, "Deployment")
and set the ``proxies`` setting to the number of proxies whose X-Forwarded-* headers are trusted."""
from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Callable

from flask import Flask


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    threads: int = 8
    timeout: float = 60.0

    @property
    def bind(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


class CannotListen(OSError):
    """The address is taken or not ours; the message names it."""


def check_bind(host: str, port: int) -> None:
    """Fail early, in one line, when host:port cannot be bound (gunicorn would retry and log instead)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise CannotListen(f"cannot listen on {host}:{port}: {exc.strerror}; choose another --port") from None


def gunicorn_options(opts: ServeOptions) -> dict:
    """gunicorn's settings for ``opts``: gthread workers, timeouts, access log on stderr."""
    return {
        "bind": [opts.bind],
        "workers": opts.workers,
        "threads": opts.threads,
        "worker_class": "gthread",
        "timeout": int(round(opts.timeout)),
        "graceful_timeout": int(round(opts.timeout)),
        "keepalive": 5,
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": "info",
        "proc_name": "partyfacts",
        "preload_app": False,            # each worker opens the database itself, after the fork
        "control_socket_disable": True,  # gunicorn >= 24's control socket: one per user, not per server
        # X-Forwarded-* are trusted by ProxyFix alone, as the `proxies` setting says (create_app)
        "secure_scheme_headers": {},
        "forwarded_allow_ips": "",
    }


def run_gunicorn(make_app: Callable[[], Flask], opts: ServeOptions) -> None:
    """Serve the app ``make_app`` builds (called once in each worker) until SIGINT/SIGTERM."""
    from gunicorn.app.base import BaseApplication

    class _App(BaseApplication):
        def load_config(self):
            for key, value in gunicorn_options(opts).items():
                if key in self.cfg.settings:     # a setting an older gunicorn lacks is left out
                    self.cfg.set(key, value)

        def load(self):
            return make_app()

    _App().run()


def run_dev(app: Flask, host: str, port: int) -> None:
    """The Werkzeug development server (one process, a thread per request): `serve --dev` and the demo."""
    from werkzeug.serving import run_simple
    run_simple(host, port, app, threaded=True, use_reloader=False)
