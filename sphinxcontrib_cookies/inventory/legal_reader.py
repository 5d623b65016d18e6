"""The values the legal fields of the format add to the reader: e-mail addresses, ISO 3166
country codes, and mappings read by a nested section of the declaration (the controller, its
DPO and representative, each entry of ``changes``)."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from .countries import COUNTRY_CODES
from .declaration import Section
from .problems import shown
from .reader import kind_of
from .texts import TextReader
from .yamltree import Node, Scalar, Sequence

#: An e-mail address: a local part, '@', and a domain of dotted labels; none of them holds
#: spaces, quotes, angle brackets, braces, parentheses, backslashes or a second '@'.
_NOT_IN_EMAIL = r"\s@\"<>\\^`{|}()\[\],;:/?#"
_EMAIL = re.compile(rf"[^{_NOT_IN_EMAIL}]+@[^{_NOT_IN_EMAIL}.]+(?:\.[^{_NOT_IN_EMAIL}.]+)+")


class LegalValuesReader(TextReader):
    """The readers of the legal fields' kinds; the inventory reader gives the two methods that
    read a section's fields."""

    def read_fields(
        self,
        section: Section[Any],
        found: dict[str, tuple[Scalar, Node]],
        entry: str,
        skip: tuple[str, ...] = (),
        flagged: list[str] | None = None,
    ) -> dict[str, Any]:
        raise NotImplementedError

    def lacks_required(self, section: Section[Any], values: dict[str, Any]) -> bool:
        raise NotImplementedError

    def email(self, node: Node, what: str) -> str | None:
        value = self.value(node, what)
        if value is None:
            return None
        value = value.strip()
        if not _EMAIL.fullmatch(value) or not value.isprintable():
            self.report(
                node.line,
                "value",
                f"{what} must be an e-mail address such as privacy@example.com (without "
                f"'mailto:', spaces or quotes), not '{shown(value)}'",
            )
            return None
        return value

    def country(self, node: Node, what: str) -> str | None:
        """An ISO 3166-1 alpha-2 code, in capitals as the standard writes it."""
        value = self.value(node, what)
        if value is None:
            return None
        code = value
        if code in COUNTRY_CODES:
            return code
        hint = (
            f"write '{code.upper()}'"
            if code.upper() in COUNTRY_CODES
            else "use a code such as US, IE or DE"
        )
        self.report(
            node.line,
            "value",
            f"{what} must be an ISO 3166-1 alpha-2 country code, not '{shown(value)}'; {hint}",
        )
        return None

    def nested_entry(self, node: Node, section: Section[Any]) -> object | None:
        """One mapping read by a nested section (the controller, its DPO). Nothing is lost: an
        entry with a problem is kept with what can be shown; one without its required fields
        (a controller's name, a change's date) is left out."""
        found = self.fields(node, section.what, section.keys, section.required_keys)
        values = self.read_fields(section, found, section.what)
        if not self.failed and section.any_of and not any(key in found for key in section.any_of):
            self.report(
                node.line,
                "missing-field",
                f"{section.what} has no {' or '.join(map(repr, section.any_of))}; add one, so "
                "that visitors can reach them",
            )
        if self.lacks_required(section, values):
            return None
        entry: object = section.model(line=node.line, **values)
        return entry

    def entry_list(self, node: Node, what: str, section: Section[Any]) -> tuple[object, ...]:
        """Each mapping of a list read by ``section``; one with a problem is left out."""
        self.refuse(node)
        if not isinstance(node, Sequence):
            self.report(
                node.line,
                "structure",
                f"{what} must be a list of entries (each starting with '- '), not {kind_of(node)}",
            )
            return ()
        entries = [self.entry(partial(self.nested_entry, item, section)) for item in node.items]
        self.failed = False  # an entry's problems are its own
        return tuple(entry for entry in entries if entry is not None)
