"""An httpx transport that connects only to vetted addresses, keeping the Host header and SNI.

The host of every request (so of every redirect hop) is resolved once; every address it
resolves to must be globally routable (``ipaddress`` ``is_global``) unless private
addresses are allowed, and the connection goes to one of those vetted addresses, so a
second lookup (DNS rebinding) cannot swap in another. TLS still verifies and sends the
original host name, because httpcore starts TLS with the origin's host as server name.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from typing import Any

import httpcore
import httpx

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
Dialer = Callable[[str, int], tuple[str, int]]


class RefusedAddressError(httpcore.ConnectError):
    """A host resolved to an address that may not be contacted."""


def resolve_host(host: str, port: int) -> list[str]:
    """Resolve ``host`` once to every IPv4 and IPv6 address it names."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def direct_dial(ip: str, port: int) -> tuple[str, int]:
    """Connect to the vetted address itself (tests map it to a local server instead)."""
    return ip, port


def refusal_reason(address: Address, *, allow_private: bool) -> str | None:
    """Why ``address`` may not be contacted, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal_reason(address.ipv4_mapped, allow_private=allow_private)
    if address.is_global and not address.is_multicast:
        return None
    if allow_private and not (address.is_multicast or address.is_unspecified):
        return None
    return f"{address} is a {_kind(address)} address"


def _kind(address: Address) -> str:
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local (cloud metadata)"
    if address.is_multicast:
        return "multicast"
    if address.is_unspecified:
        return "unspecified"
    return "private or reserved"


def vetted_addresses(
    host: str, port: int, *, allow_private: bool, resolve: Resolver = resolve_host
) -> list[str]:
    """Every address ``host`` resolves to, each checked; refuse if any one is not allowed."""
    literal = host.strip("[]")
    try:
        addresses = [ipaddress.ip_address(literal)]
    except ValueError:
        try:
            addresses = [ipaddress.ip_address(ip.split("%")[0]) for ip in resolve(host, port)]
        except OSError as e:
            raise httpcore.ConnectError(f"cannot resolve host {host!r}: {e}") from e
    if not addresses:
        raise httpcore.ConnectError(f"host {host!r} resolved to no address")
    for address in addresses:
        reason = refusal_reason(address, allow_private=allow_private)
        if reason is not None:
            raise RefusedAddressError(f"host {host!r} refused: {reason}")
    return [str(address) for address in addresses]


class VettingBackend(httpcore.NetworkBackend):
    """A network backend that vets the resolved addresses and connects to one of them."""

    def __init__(
        self,
        *,
        allow_private: bool,
        resolve: Resolver = resolve_host,
        dial: Dialer = direct_dial,
    ) -> None:
        self._allow_private = allow_private
        self._resolve = resolve
        self._dial = dial
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = vetted_addresses(
            host, port, allow_private=self._allow_private, resolve=self._resolve
        )
        error: Exception | None = None
        for ip in addresses:
            target_ip, target_port = self._dial(ip, port)
            try:
                return self._inner.connect_tcp(
                    target_ip, target_port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as e:
                error = e
        raise httpcore.ConnectError(f"cannot connect to {host!r}: {error}")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise RefusedAddressError("unix sockets are never contacted")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class VettingTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on a :class:`VettingBackend`."""

    def __init__(self, backend: VettingBackend) -> None:
        super().__init__(trust_env=False, retries=0)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=backend,
        )
