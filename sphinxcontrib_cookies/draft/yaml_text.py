"""Writing a drafted inventory as YAML text, with comments, in the inventory format."""

from __future__ import annotations

import json
import re

from ..captures import printable
from .inventory_draft import CATEGORIES, DraftEntry, DraftInventory

#: Text written without quotes; anything else is written as a double-quoted string.
_PLAIN = re.compile(r"[A-Za-z0-9_.][A-Za-z0-9_.,()'/:?&=%+ -]*[A-Za-z0-9_.)/]|[A-Za-z]")
#: Plain text that some YAML readers would take for a number, a date or a time.
_NUMBER_LIKE = re.compile(r"[-+]?[0-9_.:eE]+|\d{4}-\d\d?-\d\d?.*")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def yaml_text(value: str) -> str:
    """A YAML scalar that reads back as exactly ``value``."""
    if (
        _PLAIN.fullmatch(value)
        and not _NUMBER_LIKE.fullmatch(value)
        and value.lower() not in _YAML_WORDS
        and ": " not in value
    ):
        return value
    quoted = json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted ones
    return _NOT_PRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def _comment(text: str) -> str:
    """A YAML comment on one line: text from a capture may hold line breaks, escape sequences
    or characters YAML refuses, which are written as escapes."""
    return "# " + " ".join(printable(text).split())


def _entry_lines(entry: DraftEntry) -> list[str]:
    lines = [f"  {_comment(comment)}" for comment in entry.comments]
    lines.append(f"  - name: {yaml_text(entry.name)}")
    fields: list[tuple[str, str | None]] = [
        ("category", entry.category),
        ("provider", entry.provider),
        ("purpose", entry.purpose),
        ("duration", entry.duration),
        ("party", entry.party),
        ("type", entry.storage if entry.storage != "cookie" else None),
        ("domain", entry.domain),
    ]
    lines.extend(f"    {key}: {yaml_text(value)}" for key, value in fields if value is not None)
    return lines


def write_draft(draft: DraftInventory) -> str:
    lines = [
        _comment(
            f"A draft cookie inventory, written by `sphinx-cookies init` from {draft.source}."
        ),
        "# Purposes, providers and durations of well-known cookies come from the Open Cookie",
        "# Database (https://github.com/jkwakman/Open-Cookie-Database, Apache-2.0); durations",
        "# of cookies seen in a capture are the ones observed. Review every entry: a value that",
        "# starts with TODO is still to be written, and `sphinx-cookies check` lists them all.",
        "# The categories are standard ones: their titles and descriptions are built in, in every",
        "# language the extension knows; add `title` and `description` to word them yourself.",
        "version: 1",
        "",
        "categories:" if draft.categories else "categories: {}",
    ]
    for category_id in draft.categories:
        lines.append(f"  {category_id}:")
        requires_consent = CATEGORIES[category_id]
        if requires_consent is not None:
            lines.append(f"    requires_consent: {str(requires_consent).lower()}")
    if draft.providers:
        lines += ["", "providers:"]
        for provider_id, provider in draft.providers.items():
            lines.append(f"  {provider_id}:")
            lines.append(f"    name: {yaml_text(provider.name)}")
            if provider.privacy_policy:
                lines.append(f"    privacy_policy: {yaml_text(provider.privacy_policy)}")
    lines += ["", "cookies:" if draft.entries else "cookies: []"]
    for entry in draft.entries:
        lines.extend(_entry_lines(entry))
    return "\n".join(lines) + "\n"
