"""The quick readers (``inventory/quick_values.py``) give what the full readers give, or leave
the value to them.

A quick reader must never accept a value that the full reader would report, nor read one
differently: each test holds every quick reader to the full one, on generated values, on every
value of the Open Cookie Database, and on whole inventories (every file of the test corpus,
the test roots and the docs) read with and without the quick readers.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_cookies.inventory import (
    CookieInventory,
    InventoryError,
    format_reader,
    parse_inventory,
)
from sphinxcontrib_cookies.inventory.declaration import Field, Kind
from sphinxcontrib_cookies.inventory.fields import FORMAT
from sphinxcontrib_cookies.inventory.format_reader import _KIND_READERS, InventoryReader
from sphinxcontrib_cookies.inventory.quick_values import QUICK_READERS, SLOW
from sphinxcontrib_cookies.inventory.yamltree import Scalar

from fuzzing import fuzz_settings

HERE = Path(__file__).parent
OPEN_COOKIE_DATABASE = HERE.parent / "sphinxcontrib_cookies" / "data" / "open-cookie-database.csv"

#: The categories and providers the references may name.
DECLARED = """\
categories:
  necessary:
  analytics:
    title: Analytics
    description: Counting visits.
    requires_consent: true
providers:
  google:
    name: Google
cookies: []
"""


def fields_of_kind(kind: Kind) -> list[Field]:
    return [
        field
        for section in FORMAT.sections
        for field in section.fields
        if field.kind is kind and field.attribute is not None
    ]


#: One field of each kind that has a quick reader; for a choice, every choice field.
QUICK_FIELDS = [
    field
    for kind in QUICK_READERS
    for field in (fields_of_kind(kind) if kind is Kind.CHOICE else fields_of_kind(kind)[:1])
]


@functools.cache
def declared() -> CookieInventory:
    return parse_inventory(DECLARED.encode(), "cookies.yaml")


def reader() -> InventoryReader:
    """A reader with nothing read yet, but the categories and providers of ``DECLARED``."""
    fresh = InventoryReader("cookies.yaml")
    fresh.categories = dict(declared().categories)
    fresh.declared_categories = set(declared().categories)
    fresh.providers = dict(declared().providers)
    return fresh


def read_in_full(field: Field, node: Scalar) -> tuple[object, InventoryReader]:
    """What the full reader gives for ``node``, and the reader (with its problems)."""
    full_reader = reader()
    value = full_reader.read_kind(_KIND_READERS[field.kind], None, field, node, "an entry")
    return value, full_reader


def compare(field: Field, node: Scalar) -> object:
    """What the quick reader gives for ``node``; when it gives a value, the full reader must
    give the same with no problem reported."""
    quick = QUICK_READERS[field.kind](reader(), node, field)
    if quick is SLOW:
        return SLOW
    full, full_reader = read_in_full(field, node)
    assert full_reader.problems == [], (field.key, node)
    assert not full_reader.failed, (field.key, node)
    assert full == quick, (field.key, node)
    return quick


#: Characters that a full reader looks at: blanks and line breaks of every kind, control and
#: invisible characters, the wildcard, a dot and a semicolon (domains), letters that spell the
#: TODO mark, a null's spelling and a choice's.
_ALPHABET = st.sampled_from(
    [
        *"aTODOnul~*.;-_ 19",
        "\t",
        "\n",
        "\r",
        "\x00",
        "\x1b",
        "\x7f",
        "\x85",
        "\xa0",
        "\u2028",
        "\u200b",
        "é",
    ]
)
_SPECIAL = st.sampled_from(
    [
        "",
        " ",
        "~",
        "null",
        "NULL",
        "TODO",
        "TODO: write it",
        "  TODO",
        "session",
        "persistent",
        "13 months",
        "13 monts",
        "1.5 years",
        "P1Y2M",
        "P",
        "86400",
        "necessary",
        "analytics",
        "unknown",
        "google",
        "goggle",
        "first",
        "third",
        "3rd",
        "http",
        "javascript",
        ".example.com",
        "example.com.",
        "co.uk",
        ".co.uk",
        "readthedocs.io",
        "a;b.com",
        "_ga_*",
        "a*b*c*d*e*f*g*h*i*j*k*l",
        "x" * 300,
    ]
)
_VALUES = st.one_of(
    _SPECIAL, st.text(_ALPHABET, max_size=12), st.tuples(_SPECIAL, _SPECIAL).map("".join)
)


@fuzz_settings(600)
@given(field=st.sampled_from(QUICK_FIELDS), value=_VALUES, plain=st.booleans())
def test_a_quick_reader_agrees_with_the_full_reader(field: Field, value: str, plain: bool) -> None:
    compare(field, Scalar(value, 3, plain))


def database_values() -> Iterator[tuple[Kind, str]]:
    """Every value of the Open Cookie Database, with the kind of field it goes to."""
    columns = {
        "Cookie / Data Key name": Kind.NAME,
        "Platform": Kind.ONE_LINE_TEXT,
        "Description": Kind.TEXT,
        "Retention period": Kind.DURATION,
        "Domain": Kind.DOMAIN,
    }
    with open(OPEN_COOKIE_DATABASE, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            for column, kind in columns.items():
                if row[column]:
                    yield kind, row[column]


def test_the_quick_readers_read_most_real_values_as_the_full_readers_do() -> None:
    """Every value of the database: a quick reader gives what the full one does, and it takes
    nearly all of those the full one reads without a problem (else it saves nothing: a value it
    leaves costs both readers)."""
    taken: dict[Kind, list[bool]] = {}
    for kind, value in database_values():
        field = fields_of_kind(kind)[0]
        node = Scalar(value, 3, True)
        quick = compare(field, node) is not SLOW
        if quick or not read_in_full(field, node)[1].problems:
            taken.setdefault(kind, []).append(quick)
    shares = {kind.name: sum(found) / len(found) for kind, found in taken.items()}
    assert set(shares) == {"NAME", "ONE_LINE_TEXT", "TEXT", "DURATION", "DOMAIN"}
    assert all(share > 0.99 for share in shares.values()), shares


def inventory_files() -> list[Path]:
    root = HERE.parent
    found = [
        *sorted((root / "tests" / "corpus").glob("*.yaml")),
        *sorted((root / "tests" / "roots").rglob("*.yaml")),
        *sorted((root / "docs").rglob("*.yaml")),
    ]
    return [path for path in found if path.stat().st_size < 1_000_000]


def read(path: Path) -> object:
    try:
        return parse_inventory(path.read_bytes(), str(path))
    except InventoryError as error:
        return error.problem


def test_inventories_read_the_same_without_the_quick_readers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each file of the corpus, the test roots and the docs, read in full twice: with the quick
    readers, then with none; the inventories and the problems are equal."""
    files = inventory_files()
    assert len(files) > 100
    with_quick = [read(path) for path in files]
    monkeypatch.setattr(format_reader, "QUICK_READERS", {})
    for path, quick in zip(files, with_quick, strict=True):
        assert read(path) == quick, path
