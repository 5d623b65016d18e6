"""The compliance rules, without Sphinx: the declaration holds together, each rule's documented
example breaks that rule and no other, the complete example policy breaks none, and the
command line prints the findings."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from sphinxcontrib_cookies.compliance import (
    BY_ID,
    CODES,
    JURISDICTIONS,
    RULES,
    Rule,
    RuleDeclarationError,
    check_inventory,
    check_pages,
    rules_for,
)
from sphinxcontrib_cookies.compliance.declaration import rule
from sphinxcontrib_cookies.inventory import load_inventory, parse_inventory

from conftest import run_cli as run
from snippets import UPDATE

REPOSITORY = Path(__file__).resolve().parent.parent
EXAMPLES = REPOSITORY / "docs" / "snippets" / "compliance"
COMPLETE = REPOSITORY / "docs" / "examples" / "compliant.yaml"
CLI_EXAMPLE = REPOSITORY / "docs" / "snippets" / "cli" / "compliance"


def example_codes(rule_id: str) -> list[str]:
    """The jurisdictions the example's conf.py names."""
    conf = (EXAMPLES / rule_id / "conf.py").read_text(encoding="utf-8")
    tree = ast.parse(conf)
    (assignment,) = [
        node
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(getattr(target, "id", "") == "cookies_jurisdictions" for target in node.targets)
    ]
    codes = ast.literal_eval(assignment.value)
    assert isinstance(codes, list)
    return codes


def test_every_jurisdiction_has_rules_and_every_rule_a_jurisdiction() -> None:
    assert {declared.jurisdiction for declared in RULES} == set(CODES)
    assert {"eu", "fr", "de", "it", "es", "uk", "us-ca", "br"} <= set(CODES)
    for declared in RULES:
        assert declared.id.startswith(declared.jurisdiction + "-")
        assert declared.sources, declared.id
        assert declared.summary.endswith("."), declared.id


def test_a_member_state_brings_the_eu_rules() -> None:
    fr = {declared.id for declared in rules_for(["fr"])}
    assert "fr-max-13-months" in fr and "eu-transfer-safeguard" in fr
    assert not any(rule_id.startswith("uk-") for rule_id in fr)
    assert {declared.jurisdiction for declared in rules_for(["US_CA"])} == {"us-ca"}


def test_the_declaration_refuses_what_contradicts_it() -> None:
    check = INVENTORY_RULES[0].check
    with pytest.raises(RuleDeclarationError, match="jurisdiction"):
        rule("xx-anything", "Checks.", ("gdpr-7-3",), check)
    with pytest.raises(RuleDeclarationError, match="unknown sources"):
        rule("eu-anything", "Checks.", ("gdpr-99",), check)
    with pytest.raises(RuleDeclarationError, match="not both"):
        rule("eu-anything", "Checks.", ("gdpr-7-3",))


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ({"withdrawal", "rights", "complaint", "authority"}, []),
        ({"rights", "complaint", "authority"}, ["eu-withdraw-consent"]),
        ({"withdrawal"}, ["eu-rights-complaint"]),
        ({"withdrawal", "rights", "complaint"}, ["eu-rights-complaint"]),
    ],
)
def test_the_page_rules_read_what_the_pages_say(shown: set[str], expected: list[str]) -> None:
    found = check_pages("index", frozenset(shown), ["eu"])
    assert [finding.rule.id for finding in found] == expected
    assert all(finding.location == "index" for finding in found)
    with pytest.raises(ValueError, match="unknown statements"):
        check_pages("index", frozenset({"withdrawl"}), ["eu"])


def test_every_rule_has_a_documented_example() -> None:
    folders = {path.name for path in EXAMPLES.iterdir() if path.is_dir()}
    assert folders == set(BY_ID)


#: The rules an inventory shows; those about the pages are built (test_compliance_build.py).
INVENTORY_RULES = [declared for declared in RULES if not declared.on_pages]


@pytest.mark.parametrize("declared", INVENTORY_RULES, ids=lambda declared: declared.id)
def test_the_example_breaks_its_rule_and_no_other(declared: Rule) -> None:
    inventory = load_inventory(EXAMPLES / declared.id / "cookies.yaml")
    assert inventory.problems == ()
    codes = example_codes(declared.id)
    assert declared.jurisdiction in {code for code in codes} | {"eu"}
    found = check_inventory(inventory, codes)
    assert found, f"{declared.id}: its example breaks nothing"
    assert {finding.rule.id for finding in found} == {declared.id}


@pytest.mark.parametrize("declared", INVENTORY_RULES, ids=lambda declared: declared.id)
def test_the_complete_policy_satisfies_the_rule(declared: Rule) -> None:
    inventory = load_inventory(COMPLETE)
    assert inventory.problems == ()
    assert [str(finding) for finding in check_inventory(inventory, [declared.jurisdiction])] == []


def test_findings_are_in_the_order_of_the_file() -> None:
    found = check_inventory(load_inventory(CLI_EXAMPLE / "cookies.yaml"), ["eu", "fr"])
    assert [finding.line for finding in found] == sorted(finding.line for finding in found)
    assert [finding.rule.id for finding in found] == [
        "fr-consent-lifetime",
        "eu-transfer-safeguard",
        "fr-max-13-months",
    ]


def _ids(text: str, codes: list[str]) -> list[tuple[int, str]]:
    inventory = parse_inventory(text.encode("utf-8"), "cookies.yaml")
    assert inventory.problems == ()
    return [(finding.line, finding.rule.id) for finding in check_inventory(inventory, codes)]


BASE = """\
controller:
  name: Example Shop SAS
  country: {country}
  email: privacy@shop.example
  dpo:
    email: dpo@shop.example
consent_lifetime: 6 months
updated: 2026-11-29
categories:
  necessary:
    legal_basis: exempt
  statistics:
    legal_basis: consent
providers:
  video:
    name: Example Video
    privacy_policy: https://video.example/privacy
    country: {provider_country}
{transfer}
cookies:
  - name: vid_prefs
    category: statistics
    provider: video
    party: third
    purpose: Remembers how far you watched each video.
    duration: 1 month
"""


@pytest.mark.parametrize(
    ("country", "provider_country", "transfer", "codes", "expected"),
    [
        # inside the EEA, or a safeguard the law accepts: nothing
        ("FR", "IE", "", ["eu"], []),
        ("FR", "US", "dpf", ["eu", "uk"], []),
        ("FR", "JP", "adequacy", ["eu"], []),
        ("GB", "DE", "", ["uk"], []),
        ("GB", "US", "dpf", ["uk"], []),
        ("BR", "US", "scc", ["br"], []),
        # no safeguard, or one that does not cover the country
        ("FR", "US", "", ["eu"], [(15, "eu-transfer-safeguard")]),
        ("FR", "US", "adequacy", ["eu"], [(15, "eu-transfer-safeguard")]),
        ("FR", "IN", "dpf", ["eu"], [(15, "eu-transfer-safeguard")]),
        ("GB", "FO", "adequacy", ["uk"], [(15, "uk-transfer-safeguard")]),
        ("BR", "US", "dpf", ["br"], [(15, "br-transfer-safeguard")]),
        # a controller established elsewhere collects directly: no transfer from here
        ("BR", "US", "", ["eu"], [(2, "eu-representative")]),
    ],
)
def test_transfers(
    country: str,
    provider_country: str,
    transfer: str,
    codes: list[str],
    expected: list[tuple[int, str]],
) -> None:
    written = f"    transfer: {transfer}" if transfer else ""
    text = BASE.format(country=country, provider_country=provider_country, transfer=written)
    assert _ids(text, codes) == expected


MISCLASSIFIED = """\
controller: {{name: Example Shop SAS, country: FR, email: privacy@shop.example}}
categories:
  necessary:
    legal_basis: exempt
providers:
  fb: {{name: Meta, url: https://www.facebook.com/}}
cookies:
  - name: {name}
    category: necessary
    purpose: Is a cookie of the example, nothing more.
    duration: session
{more}
"""


@pytest.mark.parametrize(
    ("name", "more", "found"),
    [
        ("_ga", "", True),  # an exact name
        ("_ga_ABC123", "", True),  # under a prefix of the database
        ("_ga_*", "", True),  # a declared pattern, as the database writes it
        ("_pk_*", "", True),  # a pattern broader than the database's names
        ("csrftoken", "", False),  # unknown to the database
        ("JSESSIONID", "", False),  # known, but as functional
        ("sessionid", "", False),  # Instagram's, on instagram.com only: not this site's
        ("sessionid", "    party: third", True),  # a third party's, on no domain named
        ("_fbp", "", False),  # Facebook's, tied to facebook.com
        ("_fbp", "    provider: fb", True),  # ... and its provider's site is facebook.com
        ("x*", "", False),  # a pattern too broad to say anything
    ],
)
def test_misclassification_reads_the_open_cookie_database(
    name: str, more: str, found: bool
) -> None:
    text = MISCLASSIFIED.format(name=name, more=more)
    expected = [(8, "eu-misclassified-cookie")] if found else []
    assert [item for item in _ids(text, ["eu"]) if item[1].endswith("misclassified-cookie")] == (
        expected
    )


def test_the_uk_reports_marketing_cookies_only() -> None:
    """PECR's statistical exception: an analytics cookie may go without consent in the UK."""
    analytics = MISCLASSIFIED.format(name="_ga", more="")
    marketing = MISCLASSIFIED.format(name="_gcl_au", more="")
    assert "uk-misclassified-cookie" not in {rule_id for _, rule_id in _ids(analytics, ["uk"])}
    assert (8, "uk-misclassified-cookie") in _ids(marketing, ["uk"])


@pytest.mark.parametrize(
    ("lifetime", "codes", "expected"),
    [
        ("6 months", ["fr", "it"], []),
        ("P6M", ["fr", "it"], []),
        ("1 year", ["fr"], ["fr-consent-lifetime"]),
        ("persistent", ["fr"], ["fr-consent-lifetime"]),
        ("{en: until you change it}", ["fr"], ["fr-consent-lifetime"]),
        ("1 month", ["fr"], []),
        ("1 month", ["it"], ["it-consent-lifetime"]),
        ("session", ["it"], ["it-consent-lifetime"]),
        ("1 year", ["it"], []),
    ],
)
def test_consent_lifetime(lifetime: str, codes: list[str], expected: list[str]) -> None:
    text = (
        "controller: {name: Shop, country: FR, email: privacy@shop.example}\n"
        f"consent_lifetime: {lifetime}\n"
        "categories: {necessary: {legal_basis: exempt}}\n"
        "cookies:\n"
        "  - {name: sessionid, category: necessary, purpose: Keeps you signed in here.,"
        " duration: session}\n"
    )
    assert [rule_id for _, rule_id in _ids(text, codes)] == expected


# --- the command line -----------------------------------------------------------------------


def test_the_command_line_prints_what_the_docs_show(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CLI_EXAMPLE)
    monkeypatch.setenv("NO_COLOR", "1")
    status, out, err = run(capsys, "check", "--jurisdiction", "eu,fr", "cookies.yaml")
    assert status == 1
    shown = CLI_EXAMPLE / "check.txt"
    if UPDATE:
        shown.write_text(out + err, encoding="utf-8")
    assert out + err == shown.read_text(encoding="utf-8")
    assert all(line.split(": ", 1)[0].startswith("cookies.yaml:") for line in out.splitlines())
    assert out.splitlines()[1].endswith("[eu-transfer-safeguard]")


def test_the_command_line_passes_the_complete_policy(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", "--jurisdiction", ",".join(CODES), str(COMPLETE))
    assert (status, out, err) == (0, "", "1 inventory checked, no problems\n")


def test_an_unknown_jurisdiction_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "check", "--jurisdiction", "eu,xx", str(COMPLETE))
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "unknown jurisdiction 'xx'; the jurisdictions are: " + ", ".join(CODES) in err


def test_without_the_option_nothing_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", str(EXAMPLES / "eu-controller" / "cookies.yaml"))
    assert (status, out) == (0, "")


PROBE = """
import sys
from sphinxcontrib_cookies.cli import main
status = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("docutils", "sphinx"))
print("imported:", heavy, file=sys.stderr)
sys.exit(status)
"""


def test_the_check_imports_neither_docutils_nor_sphinx() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--jurisdiction", "eu,fr", "cookies.yaml"],
        cwd=CLI_EXAMPLE,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "[fr-max-13-months]" in result.stdout
    assert result.stderr.splitlines()[-1] == "imported: []"


def test_every_jurisdiction_is_named_in_the_table() -> None:
    assert [jurisdiction.code for jurisdiction in JURISDICTIONS] == list(CODES)
