"""The documentation's own rules: every warning subtype is documented with an example, every
example is shown, and no example is written inline where it could drift from the code."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

from sphinxcontrib_cookies.inventory import PROBLEM_KINDS
from sphinxcontrib_cookies.schema import SCHEMA_PATH

from snippets import DOCS, GLUE_SUBTYPES, SNIPPETS, snippet_id, snippets


def _documented_subtypes() -> list[str]:
    text = (DOCS / "guide" / "warnings.rst").read_text(encoding="utf-8")
    return re.findall(r"^   \* - ``cookies\.([a-z-]+)``$", text, flags=re.MULTILINE)


def test_every_warning_subtype_has_an_example_and_a_section() -> None:
    """The warnings reference lists every subtype the code gives, and shows each one happen."""
    documented = _documented_subtypes()
    assert set(PROBLEM_KINDS) | set(GLUE_SUBTYPES) <= set(documented)
    examples = {path.name for path in (SNIPPETS / "warnings").iterdir() if path.is_dir()}
    missing = sorted(set(documented) - examples)
    assert not missing, (
        f"no example for {missing}: add docs/snippets/warnings/<subtype>/ with the files that "
        "cause it, run this test with COOKIES_UPDATE_SNIPPETS=1 to write warnings.txt, and "
        "include them in docs/guide/warnings.rst"
    )
    text = (DOCS / "guide" / "warnings.rst").read_text(encoding="utf-8")
    for subtype in documented:
        assert f".. _warning-{subtype}:" in text
        assert f"snippets/warnings/{subtype}/warnings.txt" in text
        assert f'suppress_warnings = ["cookies.{subtype}"]' in text


def _doc_sources() -> list[Path]:
    return sorted(
        path
        for pattern in ("*.rst", "*.md")
        for path in DOCS.rglob(pattern)
        if SNIPPETS not in path.parents and "_build" not in path.parts
    )


def test_every_snippet_is_shown_in_the_docs() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in _doc_sources())
    assert snippets(), "no snippet found under docs/snippets/"
    for snippet in snippets():
        # the compliance-examples directive (docs/_ext/compliance_rules.py) shows one folder per
        # rule, and fails the docs build when a rule has none
        if snippet.parent.name == "compliance" and ".. compliance-examples::" in text:
            continue
        assert f"snippets/{snippet_id(snippet)}/" in text, f"{snippet} is never shown"


_INLINE_EXAMPLE = re.compile(
    r"^\s*(?:\.\. (?:code-block|code|sourcecode)::|```\{?(?:code-block\}?)?)\s*"
    r"(yaml|yml|rst|restructuredtext|md|markdown|myst|python|py)\s*$",
    re.MULTILINE,
)


def test_examples_in_the_docs_come_from_tested_files() -> None:
    """A YAML, reST, Markdown or conf.py example written inline could drift from the code:
    examples are files under docs/snippets/ (or docs/examples/), shown with literalinclude."""
    offenders = [
        f"{path.relative_to(DOCS)}: {match.group(0).strip()}"
        for path in _doc_sources()
        for match in _INLINE_EXAMPLE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, (
        "move these examples to files under docs/snippets/<group>/<name>/ and show them with "
        f"literalinclude: {offenders}"
    )


def test_the_documented_command_prints_the_schema_path() -> None:
    command = (SNIPPETS / "editors" / "print-schema-path.sh").read_text(encoding="utf-8")
    arguments = shlex.split(command.strip())
    assert arguments[0] == "python"
    result = subprocess.run(
        [sys.executable, *arguments[1:]], capture_output=True, text=True, check=True
    )
    assert Path(result.stdout.strip()) == SCHEMA_PATH


def test_the_modeline_example_points_at_the_shipped_schema() -> None:
    example = SNIPPETS / "editors" / "modeline" / "cookies.yaml"
    first_line = example.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, first_line
    assert (example.parent / match.group(1)).resolve() == SCHEMA_PATH.resolve()
