"""Convert the Open Cookie Database CSV into a sphinxcontrib-cookies inventory (YAML, version 1).

The benchmarks need a large, real inventory; the Open Cookie Database (shipped in
``sphinxcontrib_cookies/data/``) is one. ``--scale N`` repeats it N times with suffixed names,
to measure how a build grows with the size of an inventory.

Usage::

    python -m benchmarks.convert_ocd [--scale N] [--output PATH] [--check]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import re
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

DEFAULT_CSV = (
    Path(__file__).resolve().parent.parent
    / "sphinxcontrib_cookies"
    / "data"
    / "open-cookie-database.csv"
)

# Open Cookie Database category -> (id, title, description, requires_consent).
KNOWN_CATEGORIES: Mapping[str, tuple[str, str, str, bool]] = MappingProxyType(
    {
        "Necessary": (
            "necessary",
            "Strictly necessary",
            "Needed for the site to work at all; they cannot be switched off.",
            False,
        ),
        "Security": (
            "security",
            "Security",
            "Protect the site and its visitors, for example against forged requests and bots.",
            False,
        ),
        "Functional": (
            "functional",
            "Functional",
            "Remember choices such as language or consent, and keep features like logins working.",
            True,
        ),
        "Personalization": (
            "personalization",
            "Personalisation",
            "Adapt the content and layout of the site to the visitor.",
            True,
        ),
        "Analytics": (
            "analytics",
            "Analytics",
            "Count visits and measure how the site is used, so that it can be improved.",
            True,
        ),
        "Marketing": (
            "marketing",
            "Marketing",
            "Track visitors across sites to show and measure advertising.",
            True,
        ),
    }
)

DURATION_UNITS: Mapping[str, str] = MappingProxyType(
    {
        "second": "second",
        "sec": "second",
        "secs": "second",
        "minute": "minute",
        "min": "minute",
        "mins": "minute",
        "hour": "hour",
        "day": "day",
        "week": "week",
        "month": "month",
        "year": "year",
    }
)
DURATION_PATTERN = re.compile(r"^(\d+)\s*([a-z]+?)s?$")
SESSION_TEXTS = frozenset({"session", "sessions", "session cookie", "end of session (browser)"})
UNKNOWN_RETENTION_TEXTS = frozenset({"", "unknown", "undefined"})
LOCAL_STORAGE_RETENTION = "local storage"
THIRD_PARTY_MARKER = re.compile(r"\s*\(3rd party\)", re.IGNORECASE)


def slugify(text: str) -> str:
    """Make an id of letters, digits and ``-`` (the inventory's id syntax), ASCII only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def convert_retention(text: str) -> str | dict[str, str] | None:
    """Turn an OCD retention text into an inventory duration, or None when it says nothing."""
    cleaned = " ".join(text.split())
    lowered = cleaned.lower()
    if lowered in UNKNOWN_RETENTION_TEXTS:
        return None
    if lowered in SESSION_TEXTS:
        return "session"
    if lowered == "persistent":
        return "persistent"
    match = DURATION_PATTERN.match(lowered)
    if match and match.group(2) in DURATION_UNITS:
        count = int(match.group(1))
        unit = DURATION_UNITS[match.group(2)]
        return f"{count} {unit}" if count == 1 else f"{count} {unit}s"
    return {"en": cleaned}


def convert_domain(text: str) -> tuple[str | None, bool]:
    """Return the cleaned domain (None when empty) and whether OCD marked it third-party.

    A domain is one host name; of OCD's "a.com (3rd party) or b.com (3rd party)" the first is kept.
    Invisible characters (two rows end their domain with a zero-width space) are dropped.
    """
    third_party = bool(THIRD_PARTY_MARKER.search(text))
    visible = "".join(char for char in text if char.isprintable() or char.isspace())
    parts = [part.strip() for part in THIRD_PARTY_MARKER.sub("", visible).split(" or ")]
    hosts = [part for part in parts if part]
    return (hosts[0] if hosts else None), third_party


def suffixed(name: str, copy: int | None) -> str:
    """Suffix a name for copy N of a scaled inventory, keeping a trailing wildcard last."""
    if copy is None:
        return name
    if name.endswith("*"):
        return f"{name[:-1]}_{copy}*"
    return f"{name}_{copy}"


def read_rows(csv_path: Path) -> list[dict[str, str]]:
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclasses.dataclass
class _Conversion:
    """The inventory being built from OCD rows, in the order the rows name things."""

    categories: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    category_ids: dict[str, str] = dataclasses.field(default_factory=dict)
    providers: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    provider_ids: dict[str, str] = dataclasses.field(default_factory=dict)
    entries: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    seen: set[tuple[str, str | None, str]] = dataclasses.field(default_factory=set)

    def category(self, ocd_category: str) -> str:
        """The id of an OCD category, declared on first sight."""
        if ocd_category not in self.category_ids:
            category_id, title, description, requires_consent = KNOWN_CATEGORIES.get(
                ocd_category,
                (
                    slugify(ocd_category) or "uncategorised",
                    ocd_category or "Uncategorised",
                    "Cookies that the Open Cookie Database puts in this category.",
                    True,
                ),
            )
            self.category_ids[ocd_category] = category_id
            self.categories[category_id] = {
                "title": title,
                "description": description,
                "requires_consent": requires_consent,
            }
        return self.category_ids[ocd_category]

    def provider(self, row: dict[str, str]) -> str | None:
        """The id of the row's data controller, declared on first sight; None when it has none."""
        controller = row["Data Controller"].strip()
        if not controller:
            return None
        provider_id = self.provider_ids.get(controller)
        if provider_id is None:
            provider_id = slugify(controller) or f"provider-{len(self.providers) + 1}"
            self.provider_ids[controller] = provider_id
            self.providers.setdefault(provider_id, {"name": controller})
        portal = row["User Privacy & GDPR Rights Portals"].strip()
        if portal.startswith(("https://", "http://")):
            self.providers[provider_id].setdefault("privacy_policy", portal)
        return provider_id

    def add(self, row: dict[str, str]) -> None:
        """Add the row's cookie, unless it has no name or repeats one in its category and domain."""
        category_id = self.category(row["Category"].strip())
        name = row["Cookie / Data Key name"].strip()
        if not name:
            return
        if row["Wildcard match"].strip() == "1" and not name.endswith("*"):
            name += "*"
        domain, third_party = convert_domain(row["Domain"])
        key = (category_id, domain, name)
        if key in self.seen:
            return
        self.seen.add(key)
        entry: dict[str, Any] = {
            "name": name,
            "category": category_id,
            "purpose": " ".join(row["Description"].split()) or "Not described.",
        }
        provider_id = self.provider(row)
        if provider_id is not None:
            entry["provider"] = provider_id
        platform = row["Platform"].strip()
        if platform:
            entry["function"] = platform
        entry.update(convert_retention_fields(row["Retention period"]))
        if third_party:
            entry["party"] = "third"
        if domain:
            entry["domain"] = domain
        self.entries.append(entry)


def convert_retention_fields(retention: str) -> dict[str, Any]:
    """The entry's ``type`` or ``duration`` from an OCD retention text (neither when unknown)."""
    if " ".join(retention.split()).lower() == LOCAL_STORAGE_RETENTION:
        return {"type": "local-storage"}
    duration = convert_retention(retention)
    return {} if duration is None else {"duration": duration}


def scaled(entries: list[dict[str, Any]], scale: int) -> list[dict[str, Any]]:
    """The entries, ``scale`` times over with suffixed names (as they are when scale is 1)."""
    cookies: list[dict[str, Any]] = []
    for copy in range(1, scale + 1) if scale > 1 else [None]:
        for entry in entries:
            clone = dict(entry)
            if isinstance(clone.get("duration"), dict):
                clone["duration"] = dict(clone["duration"])
            clone["name"] = suffixed(entry["name"], copy)
            cookies.append(clone)
    return cookies


def build_inventory(rows: list[dict[str, str]], scale: int = 1) -> dict[str, Any]:
    """Build the inventory document (plain dicts and lists) from OCD rows."""
    if scale < 1:
        raise ValueError(f"scale must be at least 1, not {scale}")
    conversion = _Conversion()
    for row in rows:
        conversion.add(row)
    return {
        "categories": conversion.categories,
        "providers": conversion.providers,
        "cookies": scaled(conversion.entries, scale),
    }


# libyaml's emitter when PyYAML has it: ten times faster on the 10x inventory.
_SafeDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliasDumper(_SafeDumper):  # type: ignore[valid-type,misc]
    """A safe dumper that never writes anchors or aliases (the inventory must not use them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_inventory(document: dict[str, Any]) -> str:
    return yaml.dump(
        document,
        Dumper=_NoAliasDumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


def convert(csv_path: str | Path = DEFAULT_CSV, scale: int = 1) -> str:
    """Convert the Open Cookie Database CSV at ``csv_path`` into inventory YAML text."""
    return dump_inventory(build_inventory(read_rows(Path(csv_path)), scale))


def check_inventory(document: Any) -> list[str]:
    """The problems the extension's own loader finds in ``document`` (one validator, not two)."""
    from sphinxcontrib_cookies.inventory import InventoryError, InventoryLimits, parse_inventory

    text = dump_inventory(document)
    try:
        # Scaled copies hold more entries than the default limit (which the builds raise too).
        limits = InventoryLimits(entries=1_000_000)
        inventory = parse_inventory(text.encode("utf-8"), "<converted>", limits=limits)
    except InventoryError as error:
        return [str(error.problem)]
    return [str(problem) for problem in inventory.problems]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="Open Cookie Database CSV")
    parser.add_argument("--scale", type=int, default=1, help="repeat the data N times")
    parser.add_argument("--output", type=Path, help="write here instead of standard output")
    parser.add_argument(
        "--check", action="store_true", help="reload the YAML and check it against the spec"
    )
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be at least 1")
    text = convert(args.csv, args.scale)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.check:
        document = yaml.safe_load(text)
        problems = check_inventory(document)
        for problem in problems[:50]:
            print(f"invalid: {problem}", file=sys.stderr)
        print(
            f"{len(document['cookies'])} cookies, {len(document['categories'])} categories, "
            f"{len(document['providers'])} providers; "
            f"{'valid' if not problems else f'{len(problems)} problems'}",
            file=sys.stderr,
        )
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
