"""The values of a cookie entry that are the format's own: names (with their wildcards and
limits), durations, domains and references; and the ids a category cannot have.
``format_reader.py`` reads entries with them."""

from __future__ import annotations

import re

from .declaration import Format
from .durations import Duration, NearlyADuration, parse_duration
from .hints import listed
from .legal_reader import LegalValuesReader
from .limits import cut
from .model import Category, LocalizedText, Provider
from .names import MAX_WILDCARDS, wildcard_count
from .problems import shown
from .sites import is_public_suffix
from .yamltree import Mapping as MappingNode
from .yamltree import Node, Scalar, Sequence

#: Names every JavaScript object has (``Object.prototype``'s): as a key of the consent banner's
#: configuration, ``__proto__`` would set the object's prototype, and the others would be
#: mistaken for a category that exists. A category id cannot be one of them.
JAVASCRIPT_OBJECT_KEYS = frozenset(
    (
        "__proto__",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
        "constructor",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
    )
)
#: A character of a label of a domain: none of spaces, dots, and the characters that would end
#: or extend a cookie's attributes (``;`` ``,`` ``=``) where the consent banner erases it, or
#: mean something in HTML, JavaScript or a pattern. Python and the JSON Schema's regular
#: expressions (ECMA-262) read it alike; the schema uses it too. Square brackets are let
#: through: the Open Cookie Database writes placeholders such as ``ads-[account].example``.
DOMAIN_LABEL = r"[^\s.,;:=<>\"'`{}()*\\/|^~!$&+?#@%]"
#: A domain: labels separated by dots, with an optional leading dot (``.example.com``) and an
#: optional trailing one (``example.com.``).
DOMAIN_PATTERN = rf"\.?{DOMAIN_LABEL}+(?:\.{DOMAIN_LABEL}+)*\.?"
_DOMAIN = re.compile(DOMAIN_PATTERN)


def is_domain(host: str) -> bool:
    """Whether ``host`` is written as a domain (``DOMAIN_PATTERN``, and nothing invisible)."""
    return bool(_DOMAIN.fullmatch(host)) and host.isprintable()


def cookie_subject(node: Node) -> str:
    """How messages name a cookie entry: by its name (the first of its names), as written,
    before the names are checked; "a cookie entry" when it gives none."""
    if isinstance(node, MappingNode):
        for key, value in node.items:
            if not isinstance(key, Scalar) or key.value not in ("name", "names"):
                continue
            if isinstance(value, Sequence) and value.items:
                value = value.items[0]
            if isinstance(value, Scalar) and not value.is_null and value.value.strip():
                return f"cookie '{shown(value.value.strip())}'"
    return "a cookie entry"


class CookieValuesReader(LegalValuesReader):
    """The readers of cookie names, durations, domains, and references to categories and
    providers (read from what ``InventoryReader`` has read so far)."""

    declaration: Format
    categories: dict[str, Category]
    declared_categories: set[str]
    providers: dict[str, Provider]

    def name(self, node: Node, what: str) -> tuple[str, ...] | None:
        name = self.cookie_name(node, what)
        return (name,) if name else None

    def cookie_name(self, node: Node, what: str) -> str | None:
        """A name, as written when it has a problem (but not when it is empty or a TODO)."""
        before = self.reported
        name = self.nonempty(node, what)
        if name is None:
            written = self.as_written(node) if self.reported > before else None
            return cut(written, self.limits.name_length) if written else None
        if len(name) > self.limits.name_length:
            self.report(
                node.line,
                "limit",
                f"{what} '{shown(name)}' is {len(name):,} characters long, more than "
                f"{self.limits.name_length:,}; it is cut short. Shorten it, or raise "
                "cookies_max_name_length",
            )
            return cut(name, self.limits.name_length)
        wildcards = wildcard_count(name)
        if wildcards > MAX_WILDCARDS:
            self.report(
                node.line,
                "value",
                f"{what} '{shown(name)}' has {wildcards} wildcards ('*'); a name may have at "
                f"most {MAX_WILDCARDS}, and it is read as if it ended at its "
                f"{MAX_WILDCARDS}th: write the parts that tell the cookies apart",
            )
        return name

    def name_list(self, node: Node, what: str) -> tuple[str, ...] | None:
        self.refuse(node)
        if not isinstance(node, Sequence) or not node.items:
            self.report(
                node.line,
                "structure",
                "'names' must be a non-empty list of cookie names; for one name use 'name'",
            )
            return None
        limit = self.limits.names_per_entry
        if len(node.items) > limit:
            self.report(
                node.items[limit].line,
                "limit",
                f"'names' lists {len(node.items):,} names, more than {limit:,}; the rest, from "
                "this line, are left out. Split the entry, or raise cookies_max_names_per_entry",
            )
        names = [name for item in node.items[:limit] if (name := self.cookie_name(item, what))]
        return tuple(dict.fromkeys(names))

    def duration(self, node: Node, what: str) -> Duration | LocalizedText | None:
        if self.refused(node):
            return None
        if isinstance(node, MappingNode):
            return self.text(node, what)
        value = self.value(node, what)
        if value is None:
            return None
        try:
            return parse_duration(value)
        except NearlyADuration as error:
            self.report(node.line, "duration", f"{what}: {error}")
            return None
        except ValueError as error:
            self.report(
                node.line,
                "duration",
                f"{what}: {error}; or give a text per language, "
                "such as {en: 'until you log out'}",
            )
            return None

    def domain(self, node: Node, what: str) -> str | None:
        value = self.value(node, what)
        if value is None:
            return None
        host = value.strip()
        if not is_domain(host):
            self.report(
                node.line,
                "value",
                f"{what} '{shown(value)}' must be a host name such as '.example.com' (labels "
                "separated by dots, without spaces, quotes, brackets or punctuation such as ';')",
            )
            return None
        if is_public_suffix(host):
            self.note(
                node.line,
                "public-suffix",
                f"{what} '{shown(host)}' is a public suffix: browsers refuse a cookie "
                "set for it, since it would reach every site under it; give the site's own "
                "domain, or leave 'domain' out for a cookie of the host that sets it",
            )
        return host

    def category_reference(self, node: Node, what: str) -> str | None:
        category_id = self.value(node, what)
        if category_id is None or category_id in self.categories:
            return category_id
        if category_id in self.declared_categories:  # declared, but its id is refused
            return None
        declared = listed(self.categories) or "none yet"
        self.report(
            node.line,
            "reference",
            f"category '{shown(category_id)}' is not declared under 'categories'; "
            f"{self.suggest(category_id, self.categories)}declared categories: {declared}",
        )
        return None

    def provider_reference(self, node: Node, what: str) -> Provider | None:
        value = self.value(node, what)
        if value is None:
            return None
        if value in self.providers:
            return self.providers[value]
        section = self.declaration.provider
        named = {**section.defaults(), "name": LocalizedText.plain(value)}
        hint = self.suggest(value, self.providers)
        if hint:
            self.report(
                node.line,
                "reference",
                f"provider '{shown(value)}' is not declared under 'providers'; {hint}"
                "(a provider that is not declared is shown as written)",
            )
        return section.model(id=None, line=node.line, **named)
