"""``sphinx-build -b linkcheck``: a link from the inventory is checked only when it leads to the
public internet.

The loader refuses addresses written as this machine or a private network (see
``inventory/addresses.py``); a name can still resolve to one (``127.0.0.1.nip.io``, a name of
the build machine's network). Before Sphinx collects the links to check, each host of a link in
a cookie table is resolved: one that resolves to an address that is not public is warned about
and left out of the check, so that the build never sends it a request.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any
from urllib.parse import urlsplit

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from ..inventory.addresses import ip_is_public, private_host
from ..translations import __
from .store import file_location
from .transforms import cookie_tables

logger = logging.getLogger(__name__)


def resolves_privately(host: str) -> str | None:
    """An address ``host`` resolves to that is not public, if any (None when it does not
    resolve: the link check reports that itself, without a request)."""
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError):
        return None
    for *_, address in found:
        text = str(address[0]).split("%")[0]
        try:
            if not ip_is_public(ipaddress.ip_address(text)):
                return text
        except ValueError:
            continue
    return None


class CheckOnlyPublicLinks(SphinxPostTransform):
    """Take the links of cookie tables that lead to this machine or a private network out of
    the link check, with a warning located at the provider in the inventory."""

    builders = ("linkcheck",)
    default_priority = 700  # Sphinx collects the links to check at 800

    def run(self, **kwargs: Any) -> None:
        private: dict[str, str | None] = {}
        for table in cookie_tables(self.document):
            for reference in list(table.findall(nodes.reference)):
                uri = reference.get("refuri", "")
                if uri not in private:
                    private[uri] = self.private_address(uri)
                    if private[uri] is not None:
                        self.warn(reference, uri, private[uri] or "")
                if private[uri] is not None:
                    reference.replace_self(nodes.Text(reference.astext()))

    @staticmethod
    def private_address(uri: str) -> str | None:
        try:
            host = urlsplit(uri).hostname
        except ValueError:
            return None
        if not host:
            return None
        return private_host(uri) or resolves_privately(host)

    def warn(self, reference: nodes.reference, uri: str, address: str) -> None:
        marked = reference.parent
        source = getattr(marked, "source", None) or self.env.doc2path(self.env.docname)
        line = getattr(marked, "line", None)
        logger.warning(
            __(
                "the provider's address %s leads to %s, this machine or a private network: it "
                "is not checked. Give the provider's public address"
            ),
            uri,
            address,
            type="cookies",
            subtype="value",
            location=file_location(str(source), line),
        )


def setup_links(app: Sphinx) -> None:
    app.add_post_transform(CheckOnlyPublicLinks)
