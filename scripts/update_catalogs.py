"""Keep the extension's message catalogs in step with its code.

Extracts every translatable string from the package with Babel (``_`` for document text, ``__``
for console messages, ``plural_form`` for the duration units), merges them into the ``.po`` file
of each language, and compiles each into the ``.mo`` file that ships in the wheel::

    python scripts/update_catalogs.py           # extract, update every .po, compile every .mo
    python scripts/update_catalogs.py --check   # exit 1 if a .po or .mo is out of date

Run it after changing a translatable string, then translate the new empty entries in
``sphinxcontrib_cookies/locales/<language>/LC_MESSAGES/sphinxcontrib-cookies.po`` and run it
again to compile them. Every message is translated, console messages too (Sphinx shows them in
the language of the user's locale, as it does its own).

A regional variant's catalog (``pt_BR``) gives only the messages that read differently there;
gettext reads its base language's catalog (``pt``) for the rest.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sphinxcontrib_cookies"
LOCALE_DIR = PACKAGE / "locales"
DOMAIN = "sphinxcontrib-cookies"
#: The 24 official languages of the European Union.
LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip
#: Regional variants, each with its base language: their catalogs give only the messages
#: that differ, and gettext falls back to the base language's catalog for the others.
VARIANTS = {"pt_BR": "pt"}
#: Every catalog the package ships.
CATALOGS = LANGUAGES + tuple(VARIANTS)
#: Document text; console messages (``__``) are extracted too, and translated as well.
DOCUMENT_KEYWORDS = {"_": None, "plural_form": (1, 2)}
KEYWORDS = {**DOCUMENT_KEYWORDS, "__": None}
HEADER = """\
# Translations of sphinxcontrib-cookies.
# This file is distributed under the same license as the sphinxcontrib-cookies project.
#"""


def extract(keywords: dict[str, object] = KEYWORDS) -> Catalog:
    """The template: every string the package marks with one of ``keywords``."""
    template = Catalog(
        project="sphinxcontrib-cookies",
        header_comment=HEADER,
        msgid_bugs_address="",
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        PACKAGE,
        keywords=keywords,  # type: ignore[arg-type]
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        location = (f"sphinxcontrib_cookies/{filename}", lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    return template


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def updated(language: str, template: Catalog) -> Catalog:
    """The language's catalog with the template's messages (new ones empty, gone ones dropped)."""
    if po_path(language).exists():
        catalog = read_catalog(language)
    else:
        catalog = Catalog(
            locale=language,
            domain=DOMAIN,
            header_comment=HEADER,
            project="sphinxcontrib-cookies",
            msgid_bugs_address="",
            fuzzy=False,
        )
    catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, ignore_obsolete=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def message_ids(catalog: Catalog) -> set[object]:
    return {message.id for message in catalog if message.id}


def check(languages: Iterable[str]) -> list[str]:
    """What is out of date, in words; empty when everything is."""
    template = extract()
    problems = []
    for language in languages:
        if not po_path(language).exists():
            problems.append(f"{language}: no catalog")
            continue
        catalog = read_catalog(language)
        missing = message_ids(template) - message_ids(catalog)
        stale = message_ids(catalog) - message_ids(template)
        if missing or stale:
            problems.append(f"{language}: {len(missing)} new and {len(stale)} removed messages")
        compiled = po_path(language).with_suffix(".mo")
        if not compiled.exists() or compiled.read_bytes() != mo_bytes(catalog):
            problems.append(f"{language}: the .mo file is not compiled from the .po file")
    return problems


def write_unless_only_dated(path: Path, content: bytes) -> None:
    """Write ``content``, unless the file differs from it by its creation date only."""

    def undated(data: bytes) -> bytes:
        return re.sub(rb'"POT-Creation-Date: [^"]*"', b"", data)

    if not path.exists() or undated(path.read_bytes()) != undated(content):
        path.write_bytes(content)


def update(languages: Iterable[str]) -> None:
    template = extract()
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    write_unless_only_dated(LOCALE_DIR / f"{DOMAIN}.pot", po_bytes(template))
    for language in languages:
        catalog = updated(language, template)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(catalog))
        path.with_suffix(".mo").write_bytes(mo_bytes(read_catalog(language)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is out of date")
    parser.add_argument(
        "languages", nargs="*", default=CATALOGS, help="default: all 24, and the variants"
    )
    arguments = parser.parse_args(argv)
    if arguments.check:
        problems = check(arguments.languages)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    update(arguments.languages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
