"""The rules of CONTRIBUTING.md that a machine can check: no module-level table that can be
changed (it is shared by every build in the process, so one build could alter what the next
reads), no module over 400 lines, no function over 60; and a build imports the tools
(audit, captures, compliance) only when it uses them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).parent.parent / "sphinxcontrib_cookies"
MUTABLE = (ast.Dict, ast.DictComp, ast.Set, ast.SetComp, ast.List, ast.ListComp)


def constant_tables(tree: ast.Module) -> list[tuple[str, int, ast.expr]]:
    """Each module-level name written in capitals (``NAMES``, ``_NAMES``) and its value."""
    found = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target = statement.target
        else:
            continue
        value = statement.value
        if (
            isinstance(target, ast.Name)
            and value is not None
            and target.id != "__all__"
            and target.id.strip("_").replace("_", "").isupper()
        ):
            found.append((target.id, statement.lineno, value))
    return found


def test_no_module_level_table_can_be_changed() -> None:
    mutable = [
        f"{path.relative_to(PACKAGE.parent)}:{line} {name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, line, value in constant_tables(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(value, MUTABLE)
    ]
    assert mutable == [], "use MappingProxyType, frozenset or a tuple"


def test_the_check_sees_a_mutable_table() -> None:
    """The test above can fail: a dict, a set comprehension and a list are each found."""
    tree = ast.parse("A = {}\n_B: set[int] = {n for n in ()}\nC = [1]\nD = (1,)\nlower = {}\n")
    assert [name for name, _, value in constant_tables(tree) if isinstance(value, MUTABLE)] == [
        "A",
        "_B",
        "C",
    ]


MOST_LINES = 400
LONGEST_FUNCTION = 60


def long_functions(tree: ast.Module) -> list[tuple[str, int]]:
    return [
        (node.name, node.end_lineno - node.lineno + 1)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > LONGEST_FUNCTION
    ]


def test_modules_and_functions_stay_short() -> None:
    too_long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(PACKAGE.parent)
        if text.count("\n") > MOST_LINES:
            too_long.append(f"{name}: {text.count(chr(10))} lines")
        too_long.extend(
            f"{name}: {function}() {lines} lines"
            for function, lines in long_functions(ast.parse(text))
        )
    assert too_long == []


def test_the_length_check_sees_a_long_function() -> None:
    body = "".join(f"    x = {n}\n" for n in range(LONGEST_FUNCTION))
    assert long_functions(ast.parse(f"def f():\n{body}")) == [("f", LONGEST_FUNCTION + 1)]


def test_a_build_imports_the_tools_only_when_it_uses_them() -> None:
    """Loading the extension imports neither the audit, the captures, the compliance rules, the
    draft nor the scanner: a build that does not use them does not pay for them."""
    probe = (
        "import sys, sphinxcontrib_cookies.extension; "
        "print(sorted({m.split('.')[1] for m in sys.modules "
        "if m.startswith('sphinxcontrib_cookies.')}))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    loaded = set(ast.literal_eval(completed.stdout))
    assert loaded.isdisjoint({"audit", "captures", "compliance", "draft", "scan", "cli"}), loaded
    assert {"extension", "inventory", "render"} <= loaded
