"""Which site a host is on, by the Public Suffix List: the rule browsers use to scope cookies
and to tell one site from another.

``www.example.co.uk`` is on the site ``example.co.uk``; ``acme-docs.readthedocs.io`` is a site
of its own, because ``readthedocs.io`` is a suffix under which anyone may register a name (the
list's private section, which is used here as browsers use it). IP addresses and one-label hosts
(``localhost``) are their own site.

The list comes from the ``publicsuffixlist`` package, which ships it: nothing is fetched at run
time. A new release of the package follows each update of the list; ``suffix_list_version()``
says which list decides.
"""

from __future__ import annotations

import ipaddress
from functools import cache, lru_cache

from publicsuffixlist import PSLFILE, PublicSuffixList
from publicsuffixlist import __version__ as PACKAGE_VERSION

__all__ = ["is_public_suffix", "normal_host", "site_of", "suffix_list_version"]

#: How far into the list's file its ``// VERSION:`` line is looked for.
_HEADER_LINES = 30


@cache
def _suffix_list() -> PublicSuffixList:
    """The list shipped with the package, read once per process: it never changes while the
    process runs (an upgrade of the package takes effect in the next one). Its rules are kept
    as written, in Unicode: adding the punycode form of each took two thirds of reading the
    list, and ``_as_listed`` turns the few punycode hosts into Unicode instead."""
    return PublicSuffixList(accept_unknown=False, accept_encoded_idn=False)


def _as_listed(host: str) -> str:
    """``host`` as the list writes its rules: punycode labels (``xn--p1ai``) in Unicode
    (``рф``); a label that is not valid punycode is kept as it is, and matches no rule."""
    if "xn--" not in host:
        return host
    labels = []
    for label in host.split("."):
        try:
            labels.append(
                label.encode("ascii").decode("idna") if label.startswith("xn--") else label
            )
        except UnicodeError:
            labels.append(label)
    return ".".join(labels)


def normal_host(host: str) -> str:
    """A host or cookie domain as compared: lower case, no leading or trailing dot."""
    return host.strip().strip(".").lower()


def _is_address(host: str) -> bool:
    if ":" not in host and not host.replace(".", "").isdigit():
        return False  # no IPv6 colon, and not all digits and dots: a name (asked of every domain)
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def site_of(host: str) -> str:
    """The site ``host`` is on: its registrable domain (the public suffix and one label more).

    ``www.example.com`` -> ``example.com``; ``shop.example.co.uk`` -> ``example.co.uk``;
    ``acme-docs.readthedocs.io`` -> itself. An IP address, a one-label host and a host that is
    itself a public suffix (``github.io``) are their own site.
    """
    host = normal_host(host)
    if "." not in host or _is_address(host):
        return host
    suffixes, listed = _suffix_list(), _as_listed(host)
    registrable = suffixes.privatesuffix(listed)
    if registrable is not None:  # its labels, as ``host`` writes them
        return ".".join(host.split(".")[-(str(registrable).count(".") + 1) :])
    if suffixes.is_public(listed):
        return host
    # A top-level domain the list does not know (``docs.intranet.corp``): the list's default
    # rule makes the last label the suffix.
    return ".".join(host.rsplit(".", 2)[-2:])


@lru_cache(maxsize=4096)  # many cookies share a domain; the list does not change in a process
def is_public_suffix(domain: str) -> bool:
    """Whether ``domain`` (``.co.uk``, ``readthedocs.io``, ``com``) is a public suffix: browsers
    refuse a cookie set for it, since it would reach every site under it. A name the list does
    not know (``localhost``) is not one."""
    host = normal_host(domain)
    return bool(host) and not _is_address(host) and bool(_suffix_list().is_public(_as_listed(host)))


@cache
def suffix_list_version() -> str:
    """The version of the list that decides, as the list's own header gives it
    (``2026-10-22_08-36-41_UTC``), else the package's version."""
    try:
        with open(PSLFILE, encoding="utf-8", errors="replace") as stream:
            for _, line in zip(range(_HEADER_LINES), stream, strict=False):
                if line.startswith("// VERSION:"):
                    return line.removeprefix("// VERSION:").strip()
    except OSError:
        pass
    return f"publicsuffixlist {PACKAGE_VERSION}"
