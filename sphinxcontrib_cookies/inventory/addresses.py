"""Whether a web address points inside the machine or its private network.

An inventory may name a provider's website and privacy policy; the page links to them, and
``sphinx-build -b linkcheck`` sends them requests. An address whose host is this machine
(``localhost``, ``127.0.0.1``) or a private network (``10.0.0.0/8``, ``fd00::/8``...) has no
place in a public cookie policy, and a request to it would reach what the build machine can
reach and the public cannot. Here the host is only read, never looked up: names that resolve
privately are checked where requests are made (``extension/links.py``).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

#: What ``inet_aton`` (and so browsers and HTTP libraries) may read as an IPv4 address: also
#: ``127.1``, ``0x7f000001`` or ``2130706433``.
_IPV4_LIKE = re.compile(r"[0-9a-fA-FxX.]+")


def ip_is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is reachable on the public internet (not loopback, private,
    link-local, reserved, unspecified...); an IPv4 address mapped into IPv6 as itself."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host written as one stands for, in any form a client reads."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        pass
    if _IPV4_LIKE.fullmatch(host) and any(char.isdigit() for char in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except (OSError, ValueError):
            return None
    return None


def private_host(url: str) -> str | None:
    """The host of ``url`` when it is this machine or a private network, as written; else
    None (a name is not looked up here)."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):  # always this machine (RFC 6761)
        return host
    address = literal_address(host)
    return host if address is not None and not ip_is_public(address) else None
