"""The format is declared once (``inventory/fields.py``): the loader reads files by it, the
shipped schema is generated from it, and the format reference lists its fields. A declaration
that contradicts its model, or a kind that one of them does not handle, fails at import."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from sphinxcontrib_cookies.inventory import Cookie, parse_inventory
from sphinxcontrib_cookies.inventory.fields import (
    COOKIE,
    FORMAT,
    Field,
    Format,
    FormatDeclarationError,
    Kind,
    require_every_kind,
)
from sphinxcontrib_cookies.schema import SCHEMA_PATH
from sphinxcontrib_cookies.schema.build import build_schema

from conftest import load_module

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parent.parent


generate_schema = load_module(ROOT / "scripts" / "generate_schema.py")
format_fields = load_module(ROOT / "docs" / "_ext" / "format_fields.py")


def test_the_shipped_schema_is_the_one_the_declaration_gives() -> None:
    assert generate_schema.differences() == []


def test_check_fails_on_drift_and_shows_the_difference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "cookie-inventory.schema.json"
    text = SCHEMA_PATH.read_text(encoding="utf-8")
    assert '"How long the cookie lives."' in text
    stale.write_text(text.replace("How long the cookie lives.", "How long."), encoding="utf-8")
    assert generate_schema.main(["--check", "--path", str(stale)]) == 1
    shown = capsys.readouterr()
    changed = [
        line[0] + line[1:].strip()
        for line in shown.out.splitlines()[2:]  # after the two file names
        if line.startswith(("-", "+"))
    ]
    assert changed == [
        '-"description": "How long.",',
        '+"description": "How long the cookie lives.",',
    ]
    assert "run python scripts/generate_schema.py" in shown.err
    assert generate_schema.main(["--path", str(stale)]) == 0
    assert generate_schema.main(["--check", "--path", str(stale)]) == 0
    assert stale.read_text(encoding="utf-8") == text


def test_the_format_uses_every_kind() -> None:
    used = {field.kind for section in FORMAT.sections for field in section.fields}
    assert used == set(Kind)


def test_a_table_that_misses_a_kind_fails() -> None:
    with pytest.raises(FormatDeclarationError, match="nothing for the kinds DURATION"):
        require_every_kind(set(Kind) - {Kind.DURATION}, "a table")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"kind": "choice"}, "kind 'choice' is not a Kind"),
        ({"kind": Kind.CHOICE}, "a choice field lists its choices"),
        ({"kind": Kind.TEXT, "choices": ("a",)}, "only a choice field has choices"),
        ({"kind": Kind.CHOICE, "choices": ("a",), "default": "b"}, "'b' is not one of"),
        ({"kind": Kind.TEXT, "default": "a"}, "only an optional choice field has a default"),
        ({"kind": Kind.TEXT, "subject": "the {field} of {entry}"}, "unknown placeholder"),
        ({"kind": Kind.TEXT, "description": "no full stop"}, "a sentence"),
    ],
)
def test_a_field_declared_wrong_fails(arguments: dict[str, object], message: str) -> None:
    declared: dict[str, object] = {"key": "legal_basis", "description": "A basis."} | arguments
    with pytest.raises(FormatDeclarationError, match=message):
        Field(**declared)  # type: ignore[arg-type]


@dataclasses.dataclass(frozen=True, slots=True)
class LegalCookie(Cookie):
    """A model with one more attribute, as a new field would add to ``Cookie``."""

    legal_basis: str | None = None


LEGAL_BASIS = Field(
    "legal_basis",
    Kind.CHOICE,
    "Why the site may set the cookie, under article 6 of the GDPR.",
    choices=("consent", "contract", "legitimate-interest"),
)


def test_a_field_that_the_model_lacks_fails() -> None:
    with pytest.raises(FormatDeclarationError, match=r"'legal_basis'.*add the attribute"):
        dataclasses.replace(COOKIE, fields=(*COOKIE.fields, LEGAL_BASIS))


def test_a_model_attribute_that_no_field_fills_fails() -> None:
    with pytest.raises(FormatDeclarationError, match="no field fills legal_basis"):
        dataclasses.replace(COOKIE, model=LegalCookie)


WITH_LEGAL_BASIS = """\
categories:
  necessary:
cookies:
  - {name: a, category: necessary, purpose: Signs in., legal_basis: contract}
  - {name: b, category: necessary, purpose: Remembers., legal_basis: consnt}
  - {name: c, category: necessary, purpose: Counts.}
"""


def test_a_new_field_is_one_declaration_and_one_model_attribute() -> None:
    """The walk-through for the next fields: with ``legal_basis`` declared and ``Cookie`` given
    the attribute, the loader, the schema and the format reference follow, with no other code."""
    cookie = dataclasses.replace(COOKIE, model=LegalCookie, fields=(*COOKIE.fields, LEGAL_BASIS))
    declaration = dataclasses.replace(FORMAT, cookie=cookie)
    assert isinstance(declaration, Format)

    inventory = parse_inventory(WITH_LEGAL_BASIS.encode(), "cookies.yaml", declaration=declaration)
    assert [(item.names, item.legal_basis) for item in inventory.cookies] == [  # type: ignore[attr-defined]
        (("a",), "contract"),
        (("b",), "consnt"),  # kept as written, and reported
        (("c",), None),
    ]
    assert [str(problem) for problem in inventory.problems] == [
        "cookies.yaml:5: the legal basis of cookie 'b' must be one of: consent, contract, "
        "legitimate-interest, not 'consnt'; did you mean 'consent'?"
    ]
    shipped = parse_inventory(WITH_LEGAL_BASIS.encode(), "cookies.yaml")
    assert {problem.kind for problem in shipped.problems} == {"unknown-key"}

    validator = jsonschema.Draft202012Validator(build_schema(declaration))
    entry = {"name": "a", "category": "necessary", "purpose": "x"}
    document = {"categories": {"necessary": None}, "cookies": [entry]}
    assert validator.is_valid(document | {"cookies": [entry | {"legal_basis": "consent"}]})
    assert not validator.is_valid(document | {"cookies": [entry | {"legal_basis": "consnt"}]})
    assert validator.is_valid(document)

    listed = format_fields.field_list(declaration.cookie, {}).astext()
    assert (
        "legal_basis (consent, contract or legitimate-interest; optional)\n\n"
        "Why the site may set the cookie, under article 6 of the GDPR."
    ) in listed
