"""The JSON Schema of the inventory format, shipped for editors that check YAML as it is typed.

The loader (``inventory/loader.py``) remains the authority; ``tests/test_docs_schema.py`` checks
that the two agree on every test inventory.
"""

from __future__ import annotations

from pathlib import Path

#: The schema file, for an editor's settings or a ``# yaml-language-server: $schema=`` line.
SCHEMA_PATH = Path(__file__).with_name("cookie-inventory.schema.json")

__all__ = ["SCHEMA_PATH"]
