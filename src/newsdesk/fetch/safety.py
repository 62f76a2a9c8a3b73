"""Address safety: refuse private, loopback, link-local and other non-public targets.

Every hop of every fetch resolves its host and checks every address it resolves to, so
a public name that points at 127.0.0.1 or 169.254.169.254 is refused as well.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore

from newsdesk.errors import FetchError

Resolver = Callable[[str, int], list[str]]
"""``resolver(host, port)`` -> the IP addresses the host resolves to."""


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def split_http_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL; FetchError for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"{url!r} is not a valid URL: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url!r} is not an http(s) URL")
    if parts.username or parts.password:
        raise FetchError(f"{url!r}: URLs with credentials are refused")
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


def check_address(url: str, allow_private: bool, resolver: Resolver = system_resolver) -> None:
    """FetchError unless every address ``url``'s host resolves to is public."""
    _, host, port = split_http_url(url)
    if allow_private:
        return
    addresses = resolver(host, port)
    if not addresses:
        raise FetchError(f"{url}: host {host!r} resolves to no address")
    bad = [a for a in addresses if not is_public(a)]
    if bad:
        raise FetchError(
            f"{url}: host {host!r} resolves to non-public address {bad[0]} (private, loopback or "
            "link-local targets are refused; pass --allow-private to fetch from your own network)"
        )


class PeerCheckingBackend(httpcore.SyncBackend):
    """httpcore's socket backend, plus a check of the address each connection actually
    reached, before a byte of the request is sent.

    ``check_address`` judges what DNS said when the URL was checked; a host can answer
    differently a moment later (DNS rebinding). Checking the connected peer closes that
    gap: the address judged is the address used.
    """

    def __init__(self, allowed: Callable[[str], bool]) -> None:
        self.allowed = allowed

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        stream = super().connect_tcp(host, port, timeout=timeout, local_address=local_address,
                                     socket_options=socket_options)
        peer = stream.get_extra_info("server_addr")
        address = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        if not address or not self.allowed(address):
            stream.close()
            raise FetchError(
                f"host {host!r} connected to non-public address {address or '(unknown)'} (DNS changed "
                "after the address check, or the check was bypassed); refused: pass --allow-private "
                "to fetch from your own network"
            )
        return stream
