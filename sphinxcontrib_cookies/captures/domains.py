"""Hosts and cookie domains: which hosts a cookie domain covers, and what counts as one site."""

from __future__ import annotations

import contextlib
import ipaddress
from urllib.parse import urlsplit

#: Second-level labels under which a country's domains are registered (``example.co.uk``,
#: ``example.com.au``): a short list instead of the whole Public Suffix List, which is
#: enough to tell one site from another in an audit. ``--site`` overrides the guess.
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "ltd", "ne", "net", "or", "org"})


def host_in_domain(host: str, domain: str) -> bool:
    """Whether ``host`` is ``domain`` or under it (leading dots are ignored)."""
    host = host.strip(".").lower()
    domain = domain.strip(".").lower()
    return host == domain or host.endswith("." + domain)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def site_of(host: str) -> str:
    """The domain a host's site is registered under: ``www.example.com`` -> ``example.com``,
    ``shop.example.co.uk`` -> ``example.co.uk``; addresses and one-label hosts stay as they are."""
    host = host.strip(".").lower()
    labels = host.split(".")
    if _is_address(host) or len(labels) <= 2:
        return host
    if len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def site_domain(text: str) -> str:
    """A site as a person gives it: a domain (``example.com``, ``.example.com``), taken as
    written, or an address, whose site is guessed as for a first page."""
    text = text.strip()
    if "://" in text:
        with contextlib.suppress(ValueError):
            host = urlsplit(text).hostname
            if host:
                return site_of(host)
    return text.strip(".").lower()
