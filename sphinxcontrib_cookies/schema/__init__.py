"""The JSON Schema of the inventory format, shipped for editors that check YAML as it is typed.

The file is generated from the format's declaration (``inventory/fields.py``) by
``scripts/generate_schema.py`` with ``build.py``; the loader, which reads files by the same
declaration, remains the authority, and ``tests/test_docs_schema.py`` checks that the two agree
on every test inventory.
"""

from __future__ import annotations

from pathlib import Path

#: The schema file, for an editor's settings or a ``# yaml-language-server: $schema=`` line.
SCHEMA_PATH = Path(__file__).with_name("cookie-inventory.schema.json")

__all__ = ["SCHEMA_PATH"]
