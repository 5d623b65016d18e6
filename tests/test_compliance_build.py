"""``cookies_jurisdictions`` in real builds: each finding is a ``cookies.compliance`` warning at
its line of the inventory, ``-W`` fails on it, a bad value warns and falls back, and the complete
example policy builds with ``-W`` for every jurisdiction."""

from __future__ import annotations

import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.compliance import CODES, RULES, STATEMENTS
from sphinxcontrib_cookies.extension.compliance import STATEMENT_CLASSES

from conftest import ROOTS, build_copy, strip_colors
from output import parse_html

REPOSITORY = Path(__file__).resolve().parent.parent
GALLERY = REPOSITORY / "docs" / "examples"
DOCS_EXT = REPOSITORY / "docs" / "_ext"
CNIL = {
    "name": "Commission nationale de l'informatique et des libertés",
    "url": "https://www.cnil.fr/",
}


def test_every_statement_has_the_class_of_its_sentence() -> None:
    """The page rules find a statement by its sentence's class; one without a class could
    never be found, and its rule would always fire."""
    assert sorted(STATEMENT_CLASSES.values()) == sorted(STATEMENTS)
    assert len(set(STATEMENT_CLASSES.values())) == len(STATEMENT_CLASSES)


def build_source(source: Path, builddir: Path, **options: object) -> SphinxTestApp:
    """Build ``source`` as it is, once."""
    app = SphinxTestApp(
        "html", srcdir=source, builddir=builddir, status=StringIO(), warning=StringIO(), **options
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def warnings_of(app: SphinxTestApp) -> list[str]:
    text = strip_colors(app.warning.getvalue()).replace(str(app.srcdir) + "/", "")
    return [line for line in text.splitlines() if line.strip()]


def test_each_finding_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """Every inventory the build reads is checked: the one a directive names, and
    ``cookies_file``, which no page uses here."""
    app = build_copy("compliance", tmp_path)
    assert warnings_of(app) == [
        "cookies.yaml:1: WARNING: the policy does not say who is responsible for the visitors' "
        "data; add a 'controller' with its 'name', 'address' and an 'email' or 'contact_url' "
        "(GDPR art. 13(1)(a)) [eu-controller] [cookies.compliance]",
        "shop.yaml:16: WARNING: cookie '_ga' is in category 'necessary', set without consent, "
        "but the Open Cookie Database lists '_ga' as an analytics cookie (Google Analytics); "
        "move it to a category that asks for consent, or rename it if it is another cookie of "
        "the same name (ePrivacy Directive art. 5(3)) [eu-misclassified-cookie] "
        "[cookies.compliance]",
        "index.rst: WARNING: no page that uses this inventory says how to withdraw consent; "
        "add cookie-rights to the policy page, or cookie-policy with its 'choice' and 'rights' "
        "parts (GDPR art. 7(3)) [eu-withdraw-consent] [cookies.compliance]",
        "index.rst: WARNING: no page that uses this inventory states the visitor's rights and "
        "their right to complain to a supervisory authority; add cookie-rights to the policy "
        "page, or cookie-policy with its 'choice' and 'rights' parts (GDPR art. 13(2)(b) and "
        "(d)) [eu-rights-complaint] [cookies.compliance]",
    ]
    # the page itself is built as before: a finding leaves the inventory whole
    (table,) = [t for t in parse_html((app.outdir / "index.html").read_text()).find_all("table")]
    assert "_ga" in table.text


def test_a_rebuild_reports_the_findings_again(tmp_path: Path) -> None:
    """A finding is not a problem of a page: a build that re-reads nothing still reports it,
    so that ``-W`` in CI cannot pass on a cached environment."""
    build_copy("compliance", tmp_path / "first")
    shutil.copytree(tmp_path / "first", tmp_path / "second")
    again = build_copy("compliance", tmp_path / "second")
    assert [line.split(": ")[0] for line in warnings_of(again)] == [
        "cookies.yaml:1",
        "shop.yaml:16",
        "index.rst",
        "index.rst",
    ]


@pytest.mark.parametrize(
    ("directive", "expected"),
    [
        (".. cookie-rights:: shop.yaml", []),
        (".. cookie-policy:: shop.yaml\n   :parts: tables, choice, rights", []),
        (".. cookie-policy:: shop.yaml\n   :parts: tables, rights", ["eu-withdraw-consent"]),
        ("", ["eu-withdraw-consent", "eu-rights-complaint"]),
    ],
)
def test_the_pages_that_use_an_inventory_say_what_the_law_asks(
    tmp_path: Path, directive: str, expected: list[str]
) -> None:
    """The rights and the withdrawal of consent are sentences of the page, looked for on the
    pages that use the inventory: another page, for another inventory, does not count."""
    source = tmp_path / "src"
    shutil.copytree(ROOTS / "test-compliance", source)
    page = source / "index.rst"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{directive}\n", encoding="utf-8")
    (source / "other.rst").write_text(
        ":orphan:\n\nOther\n=====\n\n.. cookie-rights:: cookies.yaml\n", encoding="utf-8"
    )
    app = build_copy("compliance", tmp_path, confoverrides={"cookies_authority": CNIL})
    pages = [line for line in warnings_of(app) if line.startswith("index.rst")]
    assert [line.rsplit(" [", 2)[1].rstrip("]") for line in pages] == expected


def test_no_jurisdiction_no_check(tmp_path: Path) -> None:
    app = build_copy("compliance", tmp_path, confoverrides={"cookies_jurisdictions": []})
    assert warnings_of(app) == []


def test_warnings_as_errors_fail_on_a_finding(tmp_path: Path) -> None:
    app = build_copy("compliance", tmp_path, warningiserror=True)
    assert app.statuscode == 1


def test_suppress_warnings_silences_the_findings(tmp_path: Path) -> None:
    app = build_copy(
        "compliance",
        tmp_path,
        warningiserror=True,
        confoverrides={"suppress_warnings": ["cookies.compliance"]},
    )
    assert (warnings_of(app), app.statuscode) == ([], 0)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            ["eu", "xx"],
            "cookies_jurisdictions has an unknown jurisdiction 'xx'; the jurisdictions are: "
            + ", ".join(CODES)
            + "; using the default [] [cookies.config]",
        ),
        (
            42,
            "cookies_jurisdictions must be a list of jurisdiction codes, such as ['eu', 'fr']; "
            "the codes are: " + ", ".join(CODES) + "; using the default [] [cookies.config]",
        ),
    ],
)
def test_a_bad_value_warns_and_falls_back(tmp_path: Path, value: object, message: str) -> None:
    app = build_copy("compliance", tmp_path, confoverrides={"cookies_jurisdictions": value})
    assert warnings_of(app) == [f"WARNING: {message}"]


def test_the_command_line_can_name_the_jurisdictions(tmp_path: Path) -> None:
    """``sphinx-build -D cookies_jurisdictions=uk,us-ca``: Sphinx splits the text at commas."""
    app = build_copy("compliance", tmp_path, confoverrides={"cookies_jurisdictions": "uk,us-ca"})
    assert [line.rsplit(" [", 2)[1] for line in warnings_of(app)] == [
        "uk-controller]",
        "us-ca-last-updated]",
        "us-ca-last-updated]",
        "uk-withdraw-consent]",
        "uk-rights-complaint]",
    ]


def _complete_policy(destination: Path, codes: list[str]) -> Path:
    source = destination / "src"
    source.mkdir(parents=True)
    for name in ("compliant.rst", "compliant.yaml"):
        shutil.copy(GALLERY / name, source / name)
    (source / "conf.py").write_text(
        "extensions = ['sphinxcontrib_cookies']\n"
        "root_doc = 'compliant'\n"
        f"cookies_jurisdictions = {codes!r}\n"
        "cookies_file = 'compliant.yaml'\n",
        encoding="utf-8",
    )
    return source


@pytest.mark.parametrize("code", CODES)
def test_the_complete_policy_builds_with_warnings_as_errors(tmp_path: Path, code: str) -> None:
    source = _complete_policy(tmp_path, [code])
    app = build_source(source, tmp_path / "build", warningiserror=True)
    assert (warnings_of(app), app.statuscode) == ([], 0)
    page = (app.outdir / "compliant.html").read_text(encoding="utf-8")
    assert "Librairie du Port" in page


@pytest.mark.slow
def test_sphinx_build_w_passes_the_complete_policy(tmp_path: Path) -> None:
    """The command a CI job runs: ``sphinx-build -W``, every jurisdiction at once; and the same
    build fails once the policy breaks a rule."""
    source = _complete_policy(tmp_path, list(CODES))
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(source)]
    passed = subprocess.run(
        [*command, str(tmp_path / "out")], capture_output=True, text=True, check=False
    )
    assert (passed.returncode, passed.stderr) == (0, "")
    inventory = source / "compliant.yaml"
    inventory.write_text(
        inventory.read_text(encoding="utf-8").replace("duration: 13 months", "duration: 2 years"),
        encoding="utf-8",
    )
    failed = subprocess.run(
        [*command, str(tmp_path / "out2")], capture_output=True, text=True, check=False
    )
    assert failed.returncode == 1
    assert "[fr-max-13-months] [cookies.compliance]" in failed.stderr


def test_the_docs_list_every_rule(tmp_path: Path) -> None:
    """The compliance guide's tables and examples come from the rule declaration."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(DOCS_EXT)!r})\nextensions = ['compliance_rules']\n",
        encoding="utf-8",
    )
    (source / "index.rst").write_text(
        "Rules\n=====\n\n.. compliance-jurisdictions::\n\n.. compliance-rules::\n\n"
        ".. compliance-examples::\n",
        encoding="utf-8",
    )
    app = build_source(source, tmp_path / "build")
    assert warnings_of(app) == []
    page = parse_html((app.outdir / "index.html").read_text(encoding="utf-8"))
    (jurisdictions,) = page.find_all("table", "compliance-jurisdictions")
    (rules,) = page.find_all("table", "compliance-rules")
    assert [row.find_all("td")[0].text.strip() for row in jurisdictions.find_all("tr")[1:]] == list(
        CODES
    )
    rows = rules.find_all("tr")[1:]
    assert [row.find_all("td")[0].text.strip() for row in rows] == [rule.id for rule in RULES]
    links = [row.find_all("a")[0].attrs["href"] for row in rows]
    assert links == [f"#compliance-{rule.id}" for rule in RULES]
    sections = [section.attrs.get("id") for section in page.find_all("section")]
    assert [f"compliance-{rule.id}" for rule in RULES] == [
        section for section in sections if section and section.startswith("compliance-")
    ]
