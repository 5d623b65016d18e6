"""Hosts and cookie domains: which hosts a cookie domain covers, and the site a person gives.
What site a host is on comes from the Public Suffix List (``inventory/sites.py``)."""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

from ..inventory.sites import normal_host, site_of


def host_in_domain(host: str, domain: str) -> bool:
    """Whether ``host`` is ``domain`` or under it (leading dots are ignored)."""
    host = normal_host(host)
    domain = normal_host(domain)
    return host == domain or host.endswith("." + domain)


def site_domain(text: str) -> str:
    """A site as a person gives it (``--site``): a domain (``example.com``, ``.example.com``),
    taken as written, or an address, whose site is the site of its host."""
    text = text.strip()
    if "://" in text:
        with contextlib.suppress(ValueError):
            host = urlsplit(text).hostname
            if host:
                return site_of(host)
    return normal_host(text)
