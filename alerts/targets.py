"""Reaching a webhook target safely: parse the URL, resolve it once, refuse private addresses,
and connect to the very address that was checked.

Checking the name and then letting an HTTP library resolve it again would leave a gap: a DNS
answer that changes between the two lookups (DNS rebinding) would send the request to an
internal host. So the socket is opened here, to a validated IP, and the HTTP layer only writes
on it; TLS still verifies the certificate against the host *name* (SNI and hostname check).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from netpolicy import IPAddress, is_public


class TargetRefused(Exception):
    """The URL is not one we send to (malformed, wrong scheme, private address): never retry."""


class TargetUnreachable(Exception):
    """The target could not be reached this time (DNS, refused, timeout, TLS): retry later."""


@dataclass(frozen=True)
class Target:
    scheme: str  # http | https
    host: str  # ASCII (IDNA) host name or IP literal, without brackets
    port: int
    path: str  # path and query, at least "/"


def parse_target(url: str) -> Target:
    """The parts of an http(s) URL needed to send to it; TargetRefused says what is wrong."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise TargetRefused(f"not a valid URL ({exc})") from None
    if parts.scheme not in {"http", "https"}:
        raise TargetRefused("not an http:// or https:// URL")
    if not parts.hostname:
        raise TargetRefused("the URL names no host")
    if parts.username is not None or parts.password is not None:
        raise TargetRefused("URL carries credentials; receivers authenticate by the signature")
    if port == 0:
        raise TargetRefused("port 0 is not a port")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise TargetRefused(f"host name {parts.hostname!r} is not valid") from None
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return Target(parts.scheme, host, port or (443 if parts.scheme == "https" else 80), path)


def resolve(target: Target, *, allow_private: bool, deadline: float) -> list[IPAddress]:
    """Every address of the target's host, all checked; refused if any one is private.

    Refusing when *any* address is private (not only the first) means a name cannot mix a public
    and a private address and hope the connection falls through to the private one.
    """
    try:
        addresses: list[IPAddress] = [ipaddress.ip_address(target.host)]
    except ValueError:
        addresses = _lookup(target, deadline)
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                named = "is" if str(address) == target.host else f"resolves to {address},"
                raise TargetRefused(
                    f"{target.host} {named} a private or reserved address; "
                    "private targets are refused"
                )
    return addresses


def _lookup(target: Target, deadline: float) -> list[IPAddress]:
    # getaddrinfo has no timeout of its own; the resolver's timeouts bound it in practice.
    try:
        infos = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise TargetUnreachable(f"cannot resolve {target.host}: {exc.strerror}") from None
    except (UnicodeError, OSError) as exc:
        raise TargetUnreachable(f"cannot resolve {target.host}: {exc}") from None
    if time.monotonic() > deadline:
        raise TargetUnreachable(f"timed out resolving {target.host}")
    found: list[IPAddress] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in found:
            found.append(address)
    if not found:
        raise TargetUnreachable(f"cannot resolve {target.host}: no addresses")
    return found


def connect(
    target: Target,
    *,
    allow_private: bool,
    timeout: float,
    ssl_context: ssl.SSLContext | None = None,
) -> socket.socket:
    """A connected socket (TLS-wrapped for https) to a checked address of `target`.

    `timeout` bounds resolving plus connecting plus the TLS handshake, and is left set on the
    socket for the request that follows. Addresses are tried in resolver order.
    """
    deadline = time.monotonic() + timeout
    addresses = resolve(target, allow_private=allow_private, deadline=deadline)
    last_error = f"cannot connect to {target.host}:{target.port}"
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TargetUnreachable(f"timed out after {timeout:g} s connecting to {target.host}")
        try:
            sock = _open(address, target.port, remaining)
        except TimeoutError:
            last_error = f"timed out after {timeout:g} s connecting to {address}:{target.port}"
            continue
        except ConnectionRefusedError:
            last_error = f"connection refused by {address}:{target.port}"
            continue
        except OSError as exc:
            last_error = f"cannot connect to {address}:{target.port}: {exc.strerror or exc}"
            continue
        if target.scheme == "https":
            return _wrap_tls(sock, target, ssl_context)
        return sock
    raise TargetUnreachable(last_error)


def _open(address: IPAddress, port: int, timeout: float) -> socket.socket:
    # Not socket.create_connection: it would hand the address to the resolver once more.
    family = socket.AF_INET6 if address.version == 6 else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.connect((str(address), port))
    except BaseException:
        sock.close()
        raise
    return sock


def _wrap_tls(sock: socket.socket, target: Target, context: ssl.SSLContext | None) -> socket.socket:
    context = context or ssl.create_default_context()
    try:
        # server_hostname is the *name*: it sets SNI and is what the certificate must match.
        return context.wrap_socket(sock, server_hostname=target.host)
    except ssl.SSLCertVerificationError as exc:
        sock.close()
        raise TargetUnreachable(
            f"TLS certificate of {target.host} rejected: {exc.verify_message}"
        ) from None
    except (ssl.SSLError, OSError) as exc:
        sock.close()
        reason = getattr(exc, "reason", None) or exc.strerror or str(exc) or type(exc).__name__
        raise TargetUnreachable(f"TLS handshake with {target.host} failed: {reason}") from None
