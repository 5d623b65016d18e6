"""The slice of an inventory a page shows, and its digest, without Sphinx; and the ids rows get.

A digest must change when what the page shows changes, and only then: these tests edit one
thing in a small inventory and compare the digests of a few slices before and after.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from docutils import nodes
from hypothesis import given
from hypothesis import strategies as st

from sphinxcontrib_cookies.extension.ids import identifier
from sphinxcontrib_cookies.inventory import CookieInventory, parse_inventory
from sphinxcontrib_cookies.inventory.slices import LINE_FIELDS, InventorySlice, _Plain

from conftest import ROOTS

INVENTORY = """\
updated: 2026-11-29
categories:
  necessary:
    title: Necessary
  statistics:
    title: Statistics
providers:
  acme: {name: Acme, url: https://acme.example/}
cookies:
  - name: sessionid
    category: necessary
    purpose: Keeps you signed in
  - name: _ga
    category: statistics
    provider: acme
    purpose: Counts visits
    domain: .example.com
  - name: csrftoken
    category: necessary
    purpose: Protects forms
"""

NECESSARY = InventorySlice(categories=("necessary",), cookies=True)
STATISTICS = InventorySlice(categories=("statistics",), cookies=True)
BOTH = InventorySlice(categories=("necessary", "statistics"), cookies=True)
TITLES = InventorySlice(categories=("necessary", "statistics"))
UPDATED = InventorySlice(categories=(), top_level=("updated",))
SLICES = {
    "necessary": NECESSARY,
    "statistics": STATISTICS,
    "both": BOTH,
    "titles": TITLES,
    "updated": UPDATED,
}


def inventory(text: str = INVENTORY) -> CookieInventory:
    loaded = parse_inventory(text.encode(), "cookies.yaml")
    assert loaded.problems == ()
    return loaded


def changed_slices(old: str, new: str) -> list[str]:
    """The slices whose digest an edit of ``old`` into ``new`` changes."""
    assert old in INVENTORY
    before, after = inventory(), inventory(INVENTORY.replace(old, new))
    return [name for name, part in SLICES.items() if part.digest(before) != part.digest(after)]


@pytest.mark.parametrize(
    ("old", "new", "changed"),
    [
        ("Keeps you signed in", "Keeps you logged in", ["necessary", "both"]),
        ("domain: .example.com", "domain: .example.org", ["statistics", "both"]),  # any field
        ("{name: Acme,", "{name: Acme Inc.,", ["statistics", "both"]),  # through the provider
        ("title: Statistics", "title: Counting", ["statistics", "both", "titles"]),
        ("updated: 2026-11-29", "updated: 2026-12-01", ["updated"]),
        ("updated: 2026-11-29\n", "updated: 2026-11-29\n# a comment\n", []),
    ],
)
def test_a_digest_changes_with_what_its_slice_shows(old: str, new: str, changed: list[str]) -> None:
    assert changed_slices(old, new) == changed


def test_the_order_of_entries_counts_across_categories() -> None:
    """``:group-by: none`` shows the entries of its categories in the file's order: moving an
    entry of one category past one of another changes the mixed slice, not the single ones."""
    ga = INVENTORY[INVENTORY.index("  - name: _ga") : INVENTORY.index("  - name: csrftoken")]
    moved = INVENTORY.replace(ga, "") + ga
    before, after = inventory(), inventory(moved)
    assert BOTH.digest(before) != BOTH.digest(after)
    assert NECESSARY.digest(before) == NECESSARY.digest(after)
    assert STATISTICS.digest(before) == STATISTICS.digest(after)


def test_source_lines_count_only_when_asked() -> None:
    shifted = INVENTORY.replace("updated: 2026-11-29\n", "updated: 2026-11-29\n\n\n")
    before, after = inventory(), inventory(shifted)
    assert NECESSARY.digest(before) == NECESSARY.digest(after)
    with_lines = InventorySlice(categories=("necessary",), cookies=True, lines=True)
    assert with_lines.digest(before) != with_lines.digest(after)


def test_a_category_the_inventory_lacks_counts() -> None:
    wanted = InventorySlice(categories=("marketing",), cookies=True)
    added = INVENTORY.replace("providers:", "  marketing:\n    title: Marketing\nproviders:")
    assert wanted.digest(inventory()) != wanted.digest(inventory(added))


@pytest.mark.parametrize("part", list(SLICES.values()))
def test_a_slice_is_recorded_as_a_key_and_read_back(part: InventorySlice) -> None:
    assert InventorySlice.from_key(part.key()) == part


@pytest.mark.parametrize("key", ["", "{}", '{"categories": 3}', "[1, 2]", '{"colour": 1}'])
def test_a_key_this_version_does_not_know_is_none(key: str) -> None:
    assert InventorySlice.from_key(key) is None


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ids_of_ascii_names_are_what_docutils_makes(name: str) -> None:
    assert identifier(f"cookie-{name}") == nodes.make_id(f"cookie-{name}")


@pytest.mark.parametrize("name", ["Größe", "café_id", "ß", "øre", "名前", "İstanbul"])
def test_ids_of_other_names_are_what_docutils_makes(name: str) -> None:
    assert identifier(f"cookie-{name}") == nodes.make_id(f"cookie-{name}")


def _described_field_by_field(value: Any, lines: bool) -> str:
    """A value described as a digest describes it, the slow way: every field of every
    dataclass in turn, with ``repr`` for everything else, without the line fields unless
    asked."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = ",".join(
            _described_field_by_field(getattr(value, field.name), lines)
            for field in dataclasses.fields(value)
            if field.init and (lines or field.name not in LINE_FIELDS)
        )
        return f"{type(value).__name__}({fields})"
    if isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
        return "[" + ",".join(_described_field_by_field(item, lines) for item in value) + "]"
    return repr(value)


@pytest.mark.parametrize("root", ["legal-policy", "i18n-policy", "columns", "nothing-lost"])
@pytest.mark.parametrize("lines", [False, True])
def test_the_written_describers_describe_every_field_as_before(root: str, lines: bool) -> None:
    """Each dataclass's describer takes the fields its types call plain as they are: were a
    type wrong, a digest would miss a change of that field (or every digest would change)."""
    inventory = parse_inventory(
        (ROOTS / f"test-{root}" / "cookies.yaml").read_bytes(), "cookies.yaml"
    )
    plain = _Plain(lines)
    values: list[Any] = [*inventory.cookies, *inventory.categories.values()]
    values += [*inventory.providers.values(), inventory.controller, inventory.updated]
    for value in values:
        assert plain.of(value) == _described_field_by_field(value, lines)
