"""Fetching URLs: an overall deadline, a size cap while streaming, a bounded number of redirects,
and no private, loopback, link-local or reserved address unless ``settings.allow_private``.

Before every connection (the first and each redirect hop) the host name is resolved and every
address it resolves to is checked; the connection then goes to the checked address (the name is
kept for the Host header and TLS), so a DNS answer that changes between check and connect
cannot send the request somewhere else.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit, urlunsplit

from claimledger.errors import FetchError, InputTooLarge
from claimledger.settings import Settings

if TYPE_CHECKING:
    import httpx

USER_AGENT = "claimledger/0.1 (+https://github.com/claimledger)"
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body with what the server said about it."""

    url: str  # the final URL after redirects
    data: bytes
    content_type: str


def is_url(text: str) -> bool:
    """True for http:// and https:// addresses (other schemes are not fetched)."""
    return text.lower().startswith(("http://", "https://"))


def is_public(address: IPAddress) -> bool:
    """True when the address is globally routable (not private, loopback, link-local, reserved...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return not (
        address.is_private or address.is_loopback or address.is_link_local or address.is_reserved
        or address.is_multicast or address.is_unspecified or not address.is_global
    )


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (raises FetchError when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from exc
    addresses: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def checked_address(host: str, port: int, settings: Settings) -> IPAddress:
    """The address to connect to, after refusing non-public ones unless allowed."""
    addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"cannot resolve host {host!r}")
    if not settings.allow_private:
        for address in addresses:
            if not is_public(address):
                raise FetchError(
                    f"refused: {host} resolves to the private or reserved address {address}; "
                    "use --allow-private (CLAIMLEDGER_ALLOW_PRIVATE=1) to fetch it"
                )
    return addresses[0]


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url`` with every limit applied; raises FetchError or InputTooLarge."""
    import httpx

    deadline = time.monotonic() + settings.fetch_timeout
    timeout = httpx.Timeout(settings.fetch_timeout)
    current = url
    with httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False,
                      headers={"User-Agent": USER_AGENT}) as client:
        for _hop in range(settings.fetch_max_redirects + 1):
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"refused: only http and https URLs are fetched, not {current!r}")
            port = parts.port or (443 if parts.scheme == "https" else 80)
            address = checked_address(parts.hostname, port, settings)
            host = f"[{address}]" if address.version == 6 else str(address)
            pinned = urlunsplit((parts.scheme, f"{host}:{port}", parts.path or "/", parts.query, ""))
            host_header = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
            extensions = {"sni_hostname": parts.hostname} if parts.scheme == "https" else {}
            try:
                with client.stream("GET", pinned, headers={"Host": host_header},
                                   extensions=extensions) as response:
                    if response.is_redirect:
                        location = response.headers.get("Location")
                        if not location:
                            raise FetchError(f"HTTP {response.status_code} redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase} for {current}")
                    return Fetched(current, _body(response, settings, deadline),
                                   response.headers.get("Content-Type", ""))
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out after {settings.fetch_timeout:g} s fetching {current}") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"cannot fetch {current}: {type(exc).__name__}: {exc}") from exc
    raise FetchError(f"too many redirects (more than {settings.fetch_max_redirects}) from {url}")


def _body(response: httpx.Response, settings: Settings, deadline: float) -> bytes:
    limit = settings.max_bytes
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise InputTooLarge(f"too large: the server announces {int(declared):,} bytes, over the "
                            f"{limit:,}-byte cap (raise CLAIMLEDGER_MAX_BYTES to read it)")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # decoded (gzip, br): the cap applies after decompression
        size += len(chunk)
        if size > limit:
            raise InputTooLarge(f"too large: the body is over the {limit:,}-byte cap "
                                "(raise CLAIMLEDGER_MAX_BYTES to read it)")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out: the body took longer than {settings.fetch_timeout:g} s")
        chunks.append(chunk)
    return b"".join(chunks)
