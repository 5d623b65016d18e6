"""Fuzzing the loader: valid inventories, then broken ones, then bytes that are no YAML at all.

Whatever the input, ``parse_inventory`` returns a CookieInventory or raises InventoryError (the
one error type it documents), and every problem it gives names the file and a line inside it.
Nothing is lost: a broken entry whose name is still there is still published. A real build over
generated broken inventories ends with located ``cookies`` warnings only.

The settings (``tests/fuzzing.py``) use a fixed seed; ``python -m pytest -m fuzz`` searches
twenty times longer with a fresh one. ``tests/test_hardening_fuzz_scale.py`` fuzzes the sizes.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import (
    PARTIES,
    PROBLEM_KINDS,
    STORAGE_TYPES,
    CookieInventory,
    InventoryError,
    InventoryProblem,
    parse_inventory,
)

from conftest import strip_colors
from fuzzing import fuzz_settings

PROFILE = fuzz_settings(150)

PATH = "fuzz/cookies.yaml"
#: Hundreds of generated inventories, and builds over some.
pytestmark = [pytest.mark.slow, pytest.mark.fuzz]

# --- text that is hard on a loader and on every builder ---------------------------------

TRICKY_TEXTS = (
    "مرحبا بالعالم",  # right to left
    "\u202etxt.exe",  # right-to-left override
    "a\u200bb\u200cc\u200dd\ufeffe",  # zero-width characters and a BOM
    "\U0001d518\U0001d52b\U0001d526 \U0001f36a \U0001f9d1\u200d\U0001f373",  # astral, ZWJ
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "\\input{/etc/passwd} $ % # & _ { } ~ ^ \\",
    ".. raw:: html\n\n   <b>raw</b>",
    ":raw:`<b>x</b>` `link <javascript:alert(1)>`_",
    "{eval-rst}`x` **bold** [link](javascript:alert(1))",
    ".so /etc/passwd",
    "'\\\" roff comment",
    "yes",
    "no",
    "~",
    "null",
    "1:30",
    "2024-01-01",
    "0o17",
    "&anchor",
    "*alias",
    "!!python/object",
    "- item",
    "key: value",
    "# comment",
    "'quoted'",
    '"double"',
    "x" * 5000,
)

#: Anything a Python string can hold but a lone surrogate, which no UTF-8 file can carry.
ANY_CHARACTER = st.characters(exclude_categories=("Cs",))
#: What a valid text may hold: no control character or line separator (the loader refuses them).
TEXT_CHARACTER = st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"))

odd_text = st.one_of(
    st.sampled_from(TRICKY_TEXTS),
    st.text(ANY_CHARACTER, max_size=40),
    st.text(ANY_CHARACTER, min_size=1000, max_size=3000),
)
valid_text = st.one_of(
    st.sampled_from([text for text in TRICKY_TEXTS if text.strip() and "\n" not in text]),
    st.text(TEXT_CHARACTER, min_size=1, max_size=40).filter(lambda text: text.strip() != ""),
)
identifier = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
url = st.builds(
    lambda host, path: f"https://{host}.example/{path}",
    st.from_regex(r"[a-z0-9]{1,10}", fullmatch=True),
    st.from_regex(r"[a-z0-9/._~-]{0,20}", fullmatch=True),
)
duration = st.one_of(
    st.sampled_from(["session", "persistent", "P13M", "P1Y6M", "PT30M", "86400", "13 months"]),
    st.builds(
        lambda n, unit: f"{n} {unit}", st.integers(1, 999), st.sampled_from(["day", "weeks"])
    ),
)


def translated(text: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Text, or the same given per language."""
    return st.one_of(
        text, st.dictionaries(st.sampled_from(["en", "fr", "de", "pt_BR", "ar"]), text, min_size=1)
    )


@st.composite
def valid_inventories(draw: st.DrawFn) -> dict[str, Any]:
    """Python data that dumps to an inventory the loader accepts without a problem."""
    category_ids = draw(st.lists(identifier, min_size=1, max_size=3, unique=True))
    categories = {}
    for category_id in category_ids:
        entry = {"title": draw(translated(valid_text)), "description": draw(translated(valid_text))}
        if draw(st.booleans()):
            entry["requires_consent"] = draw(st.booleans())
        categories[category_id] = entry
    provider_ids = draw(st.lists(identifier, max_size=2, unique=True))
    providers = {}
    for provider_id in provider_ids:
        provider: dict[str, Any] = {"name": draw(translated(valid_text))}
        for field in ("url", "privacy_policy"):
            if draw(st.booleans()):
                provider[field] = draw(url)
        providers[provider_id] = provider
    names = draw(st.lists(identifier, max_size=4, unique=True))
    cookies = []
    for name in names:
        cookie: dict[str, Any] = {
            "name": name,
            "category": draw(st.sampled_from(category_ids)),
            "purpose": draw(translated(valid_text)),
        }
        if provider_ids and draw(st.booleans()):
            cookie["provider"] = draw(st.sampled_from(provider_ids))
        optional = {
            "function": translated(valid_text),
            "duration": duration,
            "party": st.sampled_from(PARTIES),
            "type": st.sampled_from(STORAGE_TYPES),
            "domain": st.from_regex(r"\.[a-z]{1,8}\.example", fullmatch=True),
        }
        for key, strategy in optional.items():
            if draw(st.booleans()):
                cookie[key] = draw(strategy)
        cookies.append(cookie)
    inventory: dict[str, Any] = {"categories": categories, "cookies": cookies}
    if providers:
        inventory["providers"] = providers
    if draw(st.booleans()):
        inventory["version"] = 1
    return inventory


def dump(draw: st.DrawFn, data: Any) -> str:
    """YAML as people write it: block or flow style, any line width, escaped or not."""
    return yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        default_flow_style=draw(st.sampled_from([False, None, True])),
        width=draw(st.sampled_from([40, 80, 10_000])),
        sort_keys=False,
    )


# --- breaking a valid inventory ---------------------------------------------------------


def replacement(draw: st.DrawFn, value: Any) -> Any:
    """Another value for ``value``: another type, the same wrapped, deeply nested, or odd text."""
    choice = draw(st.sampled_from(["type", "list", "mapping", "nest", "text", "empty"]))
    if choice == "type":
        return draw(st.one_of(st.none(), st.booleans(), st.integers(), st.floats()))
    if choice == "list":
        return [value]
    if choice == "mapping":
        return {draw(odd_text): value}
    if choice == "nest":
        depth = draw(st.integers(1, 70))
        nested = draw(odd_text)
        for _ in range(depth):
            nested = [nested] if draw(st.booleans()) else {"k": nested}
        return nested
    if choice == "text":
        return draw(odd_text)
    return draw(st.sampled_from([[], {}, ""]))


def mutate(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """``value`` with one change somewhere inside it."""
    children = (
        list(value)
        if isinstance(value, dict)
        else list(range(len(value)))
        if isinstance(value, list)
        else []
    )
    if not children or (depth and draw(st.integers(0, 3)) == 0):
        return replacement(draw, value)
    if isinstance(value, dict):
        key = draw(st.sampled_from(children))
        action = draw(st.sampled_from(["descend", "drop", "rename", "add"]))
        changed = dict(value)
        if action == "drop":
            del changed[key]
        elif action == "rename":
            changed = {(draw(odd_text) if k == key else k): v for k, v in value.items()}
        elif action == "add":
            changed[draw(odd_text)] = replacement(draw, value[key])
        else:
            changed[key] = mutate(draw, value[key], depth + 1)
        return changed
    index = draw(st.sampled_from(children))
    changed_list = list(value)
    changed_list[index] = mutate(draw, value[index], depth + 1)
    return changed_list


TEXT_EDITS = (
    "truncate",
    "insert bytes",
    "delete",
    "duplicate line",
    "swap lines",
    "indent",
    "token",
)
TOKENS = (b"&a ", b"*a ", b"!!python/object:os.system ", b"---\n", b"? ", b": ", b"- ", b"{", b"]")


def edit_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """The file with one edit, as a bad merge or a broken editor would make."""
    edit = draw(st.sampled_from(TEXT_EDITS))
    position = draw(st.integers(0, len(data)))
    lines = data.split(b"\n")
    line = draw(st.integers(0, len(lines) - 1))
    if edit == "truncate":
        return data[:position]
    if edit == "insert bytes":
        return data[:position] + draw(st.binary(min_size=1, max_size=8)) + data[position:]
    if edit == "delete":
        return data[:position] + data[position + draw(st.integers(1, 20)) :]
    if edit == "duplicate line":
        return b"\n".join([*lines[: line + 1], lines[line], *lines[line + 1 :]])
    if edit == "swap lines":
        other = draw(st.integers(0, len(lines) - 1))
        lines[line], lines[other] = lines[other], lines[line]
        return b"\n".join(lines)
    if edit == "indent":
        lines[line] = draw(st.sampled_from([b" ", b"\t", b"    "])) + lines[line]
        return b"\n".join(lines)
    return data[:position] + draw(st.sampled_from(TOKENS)) + data[position:]


@st.composite
def broken_inventories(draw: st.DrawFn) -> bytes:
    data: Any = draw(valid_inventories())
    for _ in range(draw(st.integers(0, 3))):
        data = mutate(draw, data)
    encoded = dump(draw, data).encode("utf-8")
    for _ in range(draw(st.integers(0, 2))):
        encoded = edit_bytes(draw, encoded)
    return encoded


# --- the properties ---------------------------------------------------------------------

#: Every line break YAML counts (libyaml counts NEL and the Unicode separators too).
LINE_BREAKS = re.compile(rb"\r\n|\r|\n|\xc2\x85|\xe2\x80\xa8|\xe2\x80\xa9")


def problems_of(data: bytes) -> tuple[CookieInventory | None, list[InventoryProblem]]:
    """Load ``data``; only a CookieInventory or an InventoryError may come out."""
    try:
        inventory = parse_inventory(data, PATH)
    except InventoryError as error:
        return None, [error.problem]
    return inventory, list(inventory.problems)


def assert_well_located(data: bytes, problems: list[InventoryProblem]) -> None:
    last_line = len(LINE_BREAKS.findall(data)) + 1
    for problem in problems:
        assert problem.path == PATH
        assert problem.kind in PROBLEM_KINDS, problem
        assert 1 <= problem.line <= last_line, (problem, last_line)
        assert problem.message.strip(), problem
        # Values are quoted with their control characters escaped, and cut short.
        assert problem.message.isprintable(), problem
        assert len(problem.message) < 2000, problem


@PROFILE
@given(valid_inventories(), st.data())
def test_valid_inventories_load_without_a_problem(inventory: dict[str, Any], data: Any) -> None:
    loaded, problems = problems_of(dump(data.draw, inventory).encode("utf-8"))
    assert problems == []
    assert loaded is not None
    assert [cookie.names[0] for cookie in loaded.cookies] == [
        c["name"] for c in inventory["cookies"]
    ]
    for cookie, written in zip(loaded.cookies, inventory["cookies"], strict=True):
        purpose = written["purpose"]
        if isinstance(purpose, str):
            assert cookie.purpose.resolve(None) == purpose.strip()
        else:
            assert dict(cookie.purpose.translations) == {k: v.strip() for k, v in purpose.items()}


def kept_names(data: Any) -> list[str]:
    """The names of the entries that a mutation left with their generated name: whatever else
    is wrong with them, they must be published."""
    if not isinstance(data, dict) or not isinstance(data.get("cookies"), list):
        return []
    return [
        entry["name"]
        for entry in data["cookies"]
        if isinstance(entry, dict)
        and isinstance(entry.get("name"), str)
        and re.fullmatch(r"[A-Za-z0-9_-]{1,12}", entry["name"])
        and not entry["name"].startswith("TODO")
    ]


@PROFILE
@given(valid_inventories(), st.data())
def test_a_broken_entry_that_keeps_its_name_is_published(
    inventory: dict[str, Any], data: Any
) -> None:
    broken: Any = inventory
    for _ in range(data.draw(st.integers(1, 3))):
        broken = mutate(data.draw, broken)
    loaded, problems = problems_of(dump(data.draw, broken).encode("utf-8"))
    assume(loaded is not None)  # a nesting past the limit refuses the whole file
    assert loaded is not None
    published = {name for cookie in loaded.cookies for name in cookie.names}
    assert set(kept_names(broken)) <= published, problems


@PROFILE
@given(broken_inventories())
def test_broken_inventories_give_located_problems_only(data: bytes) -> None:
    _, problems = problems_of(data)
    assert_well_located(data, problems)


@PROFILE
@given(st.binary(max_size=2000))
def test_random_bytes_give_located_problems_only(data: bytes) -> None:
    _, problems = problems_of(data)
    assert_well_located(data, problems)


@PROFILE
@given(st.text(ANY_CHARACTER, max_size=2000))
def test_random_text_gives_located_problems_only(text: str) -> None:
    data = text.encode("utf-8")
    _, problems = problems_of(data)
    assert_well_located(data, problems)


@PROFILE
@given(valid_inventories(), st.data())
def test_truncated_files_give_located_problems_only(inventory: dict[str, Any], data: Any) -> None:
    encoded = dump(data.draw, inventory).encode("utf-8")
    cut = encoded[: data.draw(st.integers(0, len(encoded)))]
    _, problems = problems_of(cut)
    assert_well_located(cut, problems)


# --- a real build over broken inventories -----------------------------------------------

WARNING_LINE = re.compile(r"^.+:\d+: WARNING: .+ \[cookies\.[a-z-]+\]$")


@fuzz_settings(4)
@given(st.lists(broken_inventories(), min_size=10, max_size=10))
def test_a_build_over_broken_inventories_ends_with_located_cookies_warnings(
    inventories: list[bytes],
) -> None:
    folder = Path(tempfile.mkdtemp(prefix="hardening-fuzz-"))
    try:
        srcdir = folder / "src"
        srcdir.mkdir()
        (srcdir / "conf.py").write_text('extensions = ["sphinxcontrib_cookies"]\n')
        pages = []
        for number, data in enumerate(inventories):
            (srcdir / f"inventory{number}.yaml").write_bytes(data)
            pages.append(f"page{number}")
            (srcdir / f"page{number}.rst").write_text(
                f"Page {number}\n=======\n\n.. cookie-types:: inventory{number}.yaml\n\n"
                f".. cookie-table:: inventory{number}.yaml\n   :columns: name, provider, "
                "function, purpose, duration, party, type, domain, category\n"
            )
        toctree = "\n".join(f"   {page}" for page in pages)
        (srcdir / "index.rst").write_text(f"Fuzz\n====\n\n.. toctree::\n\n{toctree}\n")
        app = SphinxTestApp(
            "html",
            srcdir=srcdir,
            builddir=folder / "build",
            status=StringIO(),
            warning=StringIO(),
        )
        try:
            app.build()  # an exception in the extension would fail the test here
        finally:
            app.cleanup()
        warnings = strip_colors(app.warning.getvalue())
        assert "Traceback" not in warnings + app.status.getvalue()
        for line in warnings.splitlines():
            assert WARNING_LINE.match(line), line
        assert len(list((folder / "build" / "html").glob("page*.html"))) == len(pages)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
