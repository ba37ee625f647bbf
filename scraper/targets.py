"""Which crawl targets are allowed: http(s) URLs whose host is on the public internet.

A crawl target given by a person (``site add``, ``crawl``, the crawls page) must not make the crawler
fetch from inside the machine's network: the host is parsed with urllib.parse (IPv6 literals in
brackets included), resolved, and refused when any of its addresses is loopback, private, link-local
(169.254.169.254, the cloud metadata address), unspecified, multicast or otherwise not global —
unless the caller allows private targets (the setting allow_private_targets: local test fixtures, the
demo's own portal). A host that does not resolve (yet) is not refused here; its fetch fails."""
from __future__ import annotations

import ipaddress
import socket
from typing import Callable
from urllib.parse import urlsplit

SETTING_HINT = "set allow_private_targets (env PARTYFACTS_ALLOW_PRIVATE_TARGETS=1) to crawl it anyway"

Resolver = Callable[[str, int], list[str]]


class TargetRefused(ValueError):
    """A crawl target that is not allowed; the one-line message names the URL, the problem and the setting."""


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        return []
    return [info[4][0] for info in infos]


def _why_not_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, name in (("is_loopback", "a loopback address"), ("is_unspecified", "the unspecified address"),
                       ("is_link_local", "a link-local address"), ("is_private", "a private address"),
                       ("is_multicast", "a multicast address"), ("is_reserved", "a reserved address")):
        if getattr(ip, test):
            return name
    if not ip.is_global:
        return "not a public address"
    return None


def check_target(url: str, *, allow_private: bool = False, resolve: Resolver = _resolve) -> None:
    """Raise TargetRefused unless ``url`` is http(s) with a host whose every address is public (or
    ``allow_private``)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise TargetRefused(f"crawl target {url!r} is not a valid URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise TargetRefused(f"crawl target {url!r} is not an http(s) URL; give an http:// or https:// address")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise TargetRefused(f"crawl target {url!r} has no host")
    if allow_private:
        return
    try:
        addresses = [host]
        ipaddress.ip_address(host)
    except ValueError:
        addresses = resolve(host, port or (443 if parts.scheme.lower() == "https" else 80))
    for addr in addresses:
        try:
            ip = ipaddress.ip_address(addr.split("%", 1)[0])
        except ValueError:
            continue
        why = _why_not_public(ip)
        if why:
            shown = host if host == addr else f"{host} ({addr})"
            raise TargetRefused(f"crawl target {url!r}: {shown} is {why}; {SETTING_HINT}")
