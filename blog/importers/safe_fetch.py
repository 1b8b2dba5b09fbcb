"""Downloading an old site's image without letting an address in the export reach inside the network.

An export is data from outside: an ``<img src>`` may name the cloud metadata
service, a database port on localhost or a router's admin page. A download is
therefore only made to an address that is public on the internet, checked
after DNS resolution (and the connection is made to that very address, so a
second resolution cannot swap it) and again at every redirect. It is bounded
in size and in total time, and only an image type is accepted.
``IMPORT_FETCH_ALLOWED_NETWORKS`` lists networks that may be reached anyway
(an old site on the clinic's own network).
"""

import http.client
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 5
IMAGE_CONTENT_TYPES = frozenset({"image/avif", "image/gif", "image/jpeg", "image/png", "image/webp"})
CHUNK_BYTES = 64 * 1024


class FetchRefused(Exception):
    """The address may not be fetched, or its answer is not an acceptable image; the message says why."""


@dataclass(frozen=True)
class FetchedImage:
    """An image's bytes, its declared type and the address it finally came from."""

    data: bytes
    content_type: str
    url: str


def fetch_image(url: str, *, max_bytes: int, timeout: float) -> FetchedImage:
    """The image at ``url`` (following up to ``MAX_REDIRECTS`` redirects), or :class:`FetchRefused`.

    Refused: any address other than http(s); a host resolving to a non-public
    address; more than ``max_bytes``; more than ``timeout`` seconds in all; a
    type other than JPEG, PNG, GIF, WebP or AVIF; an HTTP error.
    """
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        response, connection = _get(url, deadline)
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchRefused(f"HTTP {response.status} without a Location")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchRefused(f"HTTP Error {response.status} {response.reason}")
            content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
            if content_type not in IMAGE_CONTENT_TYPES:
                raise FetchRefused(f"not an image (Content-Type “{content_type or 'none'}”)")
            declared = response.getheader("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchRefused(f"larger than {max_bytes // (1024 * 1024)} MB")
            return FetchedImage(_read(response, max_bytes, deadline), content_type, url)
        finally:
            connection.close()
    raise FetchRefused(f"more than {MAX_REDIRECTS} redirects")


def _get(url: str, deadline: float) -> tuple[http.client.HTTPResponse, http.client.HTTPConnection]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused(f"only http and https addresses are fetched, not “{url[:80]}”")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchRefused(f"bad port ({error})") from error
    address = public_address(parts.hostname, port)
    remaining = _remaining(deadline)
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    # The Host header and the TLS certificate check use the name; the socket goes to the checked address.
    connection = connection_class(parts.hostname, port, timeout=remaining)
    connection._create_connection = lambda _address, timeout, source: socket.create_connection(
        (address, port), timeout, source
    )
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers={"User-Agent": "clinic-cms-importer", "Accept": "image/*"})
        return connection.getresponse(), connection
    except (OSError, http.client.HTTPException) as error:
        connection.close()
        raise FetchRefused(f"could not connect ({error})") from error


def public_address(host: str, port: int) -> str:
    """The address ``host`` resolves to, if every address it resolves to may be reached; else FetchRefused."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        raise FetchRefused(f"the host name does not resolve ({error})") from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        if not _reachable(address):
            raise FetchRefused(f"{host} is a non-public address ({address}); not fetched")
    return str(addresses[0])


def _reachable(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    allowed = settings.IMPORT_FETCH_ALLOWED_NETWORKS
    if any(address in ipaddress.ip_network(network) for network in allowed):
        return True
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:
        return _reachable(mapped)
    return address.is_global and not address.is_multicast


def _read(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    chunks, size = [], 0
    while True:
        # read1 returns whatever has arrived, so a server that trickles bytes meets the deadline check.
        _remaining(deadline)
        try:
            chunk = response.read1(CHUNK_BYTES)
        except (OSError, http.client.HTTPException) as error:
            raise FetchRefused(f"the download failed ({error})") from error
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchRefused(f"larger than {max_bytes // (1024 * 1024)} MB")
        chunks.append(chunk)


def _remaining(deadline: float) -> float:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchRefused("took too long")
    return remaining
