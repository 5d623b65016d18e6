"""The shipped JSON Schema and the loader agree on every inventory in the repository.

Every ``*.yaml`` under ``tests/`` and ``docs/`` is read twice: by the extension's own loader
(``parse_inventory``), and by ``jsonschema`` against ``cookie-inventory.schema.json``. The loader
reads every scalar as the text written (no YAML 1.1 booleans, numbers or dates), so the file is
turned into a JSON value the same way, through the project's own ``yamltree``: each scalar is its
text, ``null`` only where the loader sees an empty value.

Some problems are beyond what a JSON Schema can see (a key written twice, a reference to a
category declared elsewhere, YAML anchors...), or better left to the loader (a ``TODO``
placeholder); they are listed in ``BEYOND_THE_SCHEMA`` with the reason, and the test checks the
list against the files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

jsonschema = pytest.importorskip("jsonschema")

from sphinxcontrib_cookies.inventory import (  # noqa: E402
    PARTIES,
    STANDARD_CATEGORIES,
    STORAGE_TYPES,
    InventoryError,
    load_inventory,
)
from sphinxcontrib_cookies.inventory.fields import FORMAT  # noqa: E402
from sphinxcontrib_cookies.inventory.yamltree import (  # noqa: E402
    Node,
    Refused,
    Scalar,
    Sequence,
    compose,
)
from sphinxcontrib_cookies.schema import SCHEMA_PATH  # noqa: E402

REPOSITORY = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).parent / "docs-schema-inventories"

#: Problem kinds a JSON Schema cannot express (or that the schema leaves to the loader), and
#: why. A file whose only problems are of these kinds passes the schema (or cannot be turned
#: into JSON at all); the test proves each entry.
BEYOND_THE_SCHEMA = {
    "yaml": "syntax errors, '---' documents, anchors, aliases and tags are gone once the YAML "
    "is data; the schema sees only the values",
    "encoding": "a schema checks decoded values, never the bytes of a file",
    "empty": "an empty file has no value to check",
    "limit": "the loader's nesting limit protects the parser, before any value exists",
    "duplicate-key": "a JSON object cannot hold a key twice, so the second one never reaches "
    "the schema",
    "reference": "whether a category or provider id is declared elsewhere in the same file "
    "needs a cross-reference, which JSON Schema has no keyword for",
    "duplicate-cookie": "one name declared by two entries (for one domain) compares values "
    "across list items, which JSON Schema cannot do",
    "public-suffix": "whether a domain is a public suffix is decided by the Public Suffix List, "
    "thousands of names that change every month; a schema would go stale",
    "todo": "a TODO placeholder is well-formed text; a 'not' rule could forbid it, but editors "
    "word its failure as 'matches a schema that is not allowed', so a draft from "
    "`sphinx-cookies init` would open covered in unexplained errors; check and the build name "
    "each TODO instead",
}

#: The kinds that leave no data to check at all (or only data with holes, where aliases stood).
NOT_DATA = frozenset({"yaml", "encoding", "empty", "limit"})

#: A key that is not text (``{a: b}: c``): the loader refuses it, and so must every schema rule.
NOT_TEXT_KEY = "{not text}"


class CannotConvert(Exception):
    """The file is not data a schema could check (syntax, encoding, aliases...)."""


def _as_json(node: Node, scalar: Any) -> Any:
    if isinstance(node, Refused):
        raise CannotConvert("an alias stands here")
    if isinstance(node, Scalar):
        return scalar(node)
    if isinstance(node, Sequence):
        return [_as_json(item, scalar) for item in node.items]
    result: dict[str, Any] = {}
    for key, value in node.items:
        if isinstance(key, Refused):
            raise CannotConvert("an alias stands for a key")
        text = key.value if isinstance(key, Scalar) else NOT_TEXT_KEY
        result.setdefault(text, _as_json(value, scalar))  # the loader keeps the first one
    return result


def as_text_view(node: Node) -> Any:
    """The file as the loader reads it: every scalar the text written, empty values ``None``."""
    return _as_json(node, lambda scalar: None if scalar.is_null else scalar.value)


_YAML_12_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_YAML_12_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")


def _yaml_12_scalar(scalar: Scalar) -> Any:
    if scalar.is_null:
        return None
    if not scalar.plain:
        return scalar.value
    text = scalar.value
    if text in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return text.lower() == "true"
    if _YAML_12_INT.fullmatch(text):
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text)
    if _YAML_12_FLOAT.fullmatch(text):
        return float(text)
    return text


def as_editor_view(node: Node) -> Any:
    """The file as a YAML 1.2 editor (yaml-language-server) reads it: ``true`` is a boolean,
    ``86400`` a number, ``yes`` and ``2024-01-01`` text."""
    return _as_json(node, _yaml_12_scalar)


@dataclass(frozen=True)
class Verdicts:
    path: Path
    problem_kinds: frozenset[str]  # empty: the loader accepts the file
    schema_errors: tuple[str, ...] | None  # None: the file is not data a schema could check
    editor_errors: tuple[str, ...] | None

    @property
    def loader_accepts(self) -> bool:
        return not self.problem_kinds


@cache
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


def _errors(validator: Any, instance: Any) -> tuple[str, ...]:
    return tuple(
        f"{'/'.join(map(str, error.absolute_path)) or '(top level)'}: {error.message}"
        for error in validator.iter_errors(instance)
    )


@cache
def verdicts(path: Path, validator_class: Any = None) -> Verdicts:
    validator = (validator_class or jsonschema.Draft202012Validator)(schema())
    try:
        problems = load_inventory(path).problems
    except InventoryError as error:
        problems = (error.problem,)
    kinds = frozenset(problem.kind for problem in problems)
    try:
        root, _ = compose(path.read_bytes().decode("utf-8-sig"), str(path))
        if root is None:
            raise CannotConvert("empty")
        text_view, editor_view = as_text_view(root), as_editor_view(root)
    except (InventoryError, UnicodeDecodeError, CannotConvert):
        return Verdicts(path, kinds, None, None)
    return Verdicts(path, kinds, _errors(validator, text_view), _errors(validator, editor_view))


def inventories() -> list[Path]:
    """Every YAML file under tests/ and docs/ (other features' test inventories included)."""
    found = {
        path
        for folder in (REPOSITORY / "tests", REPOSITORY / "docs")
        for pattern in ("*.yaml", "*.yml")
        for path in folder.rglob(pattern)
        # build output and test artefacts (_build, _artefacts) and hidden folders are not inputs
        if not any(part.startswith(("_", ".")) for part in path.relative_to(folder).parts[:-1])
    }
    return sorted(found)


def _name(path: Path) -> str:
    return str(path.relative_to(REPOSITORY))


ALL = inventories()


def test_the_corpus_is_found() -> None:
    names = {_name(path) for path in ALL}
    assert "docs/examples/cookies.yaml" in names
    assert sum(1 for name in names if "docs-schema-inventories/invalid/" in name) >= 50


def test_the_schema_is_a_valid_2020_12_schema() -> None:
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema())


@pytest.mark.parametrize("path", ALL, ids=_name)
def test_schema_and_loader_agree(path: Path) -> None:
    found = verdicts(path)
    beyond = found.problem_kinds & BEYOND_THE_SCHEMA.keys()
    if found.schema_errors is None:
        # not data a schema could check: the loader must have said why
        assert found.problem_kinds & NOT_DATA, found
        return
    if found.loader_accepts:
        assert found.schema_errors == (), f"the schema rejects a valid inventory: {found}"
        assert found.editor_errors == (), f"an editor would flag a valid inventory: {found}"
    elif found.problem_kinds == beyond:
        assert not found.schema_errors, (
            f"the loader reports only {sorted(beyond)}, which the schema cannot see, yet the "
            f"schema rejects the file for something else: {found.schema_errors}"
        )
        assert not found.editor_errors, found.editor_errors
    else:
        assert found.schema_errors, (
            f"the loader reports {sorted(found.problem_kinds)} but the schema accepts the file"
        )
        assert found.editor_errors, "an editor reading YAML 1.2 would not flag this file"


def test_every_kind_beyond_the_schema_is_proven_by_a_file() -> None:
    """Each listed kind has a file whose only problem is that kind and that the schema passes;
    and every kind a schema can express is caught by it in at least one file."""
    passed_by_schema: set[str] = set()
    caught_by_schema: set[str] = set()
    for path in ALL:
        found = verdicts(path)
        if len(found.problem_kinds) != 1:
            continue
        (kind,) = found.problem_kinds
        if found.schema_errors:
            caught_by_schema.add(kind)
        else:
            passed_by_schema.add(kind)
    assert passed_by_schema == set(BEYOND_THE_SCHEMA)
    expressible = {"structure", "missing-field", "unknown-key", "value", "duration"}
    assert expressible <= caught_by_schema
    assert not caught_by_schema & set(BEYOND_THE_SCHEMA)


@pytest.mark.parametrize(
    "path", sorted(CORPUS.rglob("*.yaml")), ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_the_corpus_files_are_what_their_names_say(path: Path) -> None:
    """``valid/`` files load without a problem; ``invalid/<kind>--*.yaml`` give that kind."""
    kinds = verdicts(path).problem_kinds
    if path.parent.name == "valid":
        assert kinds == frozenset()
    else:
        assert path.name.split("--")[0] in kinds


@pytest.mark.slow
def test_draft_07_editors_reach_the_same_verdicts() -> None:
    """yaml-language-server checks with draft-07 rules; the schema avoids newer keywords (and
    keywords beside ``$ref``, which draft-07 ignores), so its verdicts are the same."""
    for path in ALL:
        modern = verdicts(path)
        old = verdicts(path, jsonschema.Draft7Validator)
        assert bool(old.schema_errors) == bool(modern.schema_errors), path
        assert bool(old.editor_errors) == bool(modern.editor_errors), path


def test_the_schema_lists_what_the_declaration_declares() -> None:
    """The loader reads files by the declaration (``inventory/fields.py``) and the schema is
    generated from it: every declared key, in order, and every choice reach the schema."""
    definitions = schema()["$defs"]
    assert tuple(schema()["properties"]) == FORMAT.top_level.keys
    for section in (FORMAT.category, FORMAT.provider, FORMAT.cookie):
        assert tuple(definitions[section.name]["properties"]) == section.keys
    assert tuple(schema()["properties"]["categories"]["properties"]) == STANDARD_CATEGORIES
    standard = definitions["standard-category"]["anyOf"][1]
    assert tuple(standard["properties"]) == FORMAT.category.keys
    cookie = definitions["cookie"]["properties"]
    assert cookie["party"]["anyOf"] == [{"type": "null"}, {"enum": list(PARTIES)}]
    assert cookie["type"]["anyOf"] == [{"type": "null"}, {"enum": list(STORAGE_TYPES)}]


def test_the_example_inventory_names_the_shipped_schema() -> None:
    """The modeline in the example inventory resolves, from that file, to the shipped schema."""
    example = REPOSITORY / "docs" / "examples" / "cookies.yaml"
    first_line = example.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, first_line
    assert (example.parent / match.group(1)).resolve() == SCHEMA_PATH.resolve()
