"""The format's legal fields, read by the loader: the controller and its DPO and representative,
how long consent is kept, the file's own history, each category's legal basis, each provider's
country, role and transfer safeguard, and what each cookie stores. Version 1 files without them
stay valid."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from babel import Locale

from sphinxcontrib_cookies.inventory import Duration, LocalizedText, parse_inventory
from sphinxcontrib_cookies.inventory.countries import COUNTRY_CODES, EEA_COUNTRIES, in_eea
from sphinxcontrib_cookies.inventory.fields import FORMAT
from sphinxcontrib_cookies.inventory.model import CookieInventory

CORPUS = Path(__file__).parent / "docs-schema-inventories"
LOCALES = Path(__file__).resolve().parent.parent / "sphinxcontrib_cookies" / "locales"

TAIL = """\
categories:
  necessary:
cookies:
  - {name: sessionid, category: necessary, purpose: Signs in.}
"""


def load(head: str, tail: str = TAIL) -> CookieInventory:
    return parse_inventory((head + tail).encode(), "cookies.yaml")


def messages(inventory: CookieInventory) -> list[str]:
    return [str(problem) for problem in inventory.problems]


def test_every_legal_field_is_read_into_the_model() -> None:
    inventory = parse_inventory((CORPUS / "valid" / "legal-fields.yaml").read_bytes(), "legal.yaml")
    assert inventory.problems == ()
    controller = inventory.controller
    assert controller is not None
    assert controller.name.resolve(None) == "Example Platform SAS"
    assert controller.address is not None
    assert controller.address.resolve(None) == "1 rue de l'Exemple\n75001 Paris"
    assert (controller.country, controller.email) == ("FR", "privacy@platform.example")
    assert controller.contact_url == "https://platform.example/contact"
    assert controller.dpo is not None and controller.dpo.name is not None
    assert controller.dpo.name.resolve("fr") == "Délégué à la protection des données"
    assert (controller.dpo.email, controller.dpo.contact_url) == ("dpo@platform.example", None)
    assert controller.representative is not None
    assert controller.representative.name.resolve(None) == "Example EU Representative Ltd"
    assert controller.representative.email is None
    assert inventory.consent_lifetime == Duration("period", (("month", 6),))
    assert [(change.date, change.description.resolve("fr")) for change in inventory.changes] == [
        (date(2026, 11, 29), "Ajout des cookies de mesure d'audience."),
        (date(2026, 1, 15), "First version."),
    ]
    bases = {key: category.legal_basis for key, category in inventory.categories.items()}
    assert bases == {
        "necessary": "exempt",
        "statistics": "consent",
        "preferences": "legitimate-interest",
    }
    analytics = inventory.providers["analytics"]
    assert (analytics.country, analytics.role, analytics.transfer) == ("US", "processor", "dpf")
    eu = inventory.providers["eu"]
    assert (eu.country, eu.role, eu.transfer) == ("IE", "joint-controller", None)
    data = [cookie.data.resolve("fr") if cookie.data else None for cookie in inventory.cookies]
    assert data == ["A random session id.", "Un identifiant de visiteur aléatoire", None]


def test_a_version_1_file_without_them_stays_valid() -> None:
    inventory = load("version: 1\n")
    assert inventory.problems == ()
    assert (inventory.controller, inventory.consent_lifetime, inventory.changes) == (None, None, ())
    (category,) = inventory.categories.values()
    assert (category.legal_basis, category.basis) == (None, None)
    (cookie,) = inventory.cookies
    assert cookie.data is None


@pytest.mark.parametrize(
    ("declared", "basis", "needs_consent"),
    [
        ("requires_consent: false", "exempt", False),
        ("requires_consent: true", "consent", True),
        ("legal_basis: exempt", "exempt", False),
        ("legal_basis: consent", "consent", True),
        ("legal_basis: contract", "contract", None),
        ("{legal_basis: legitimate-interest, requires_consent: true}", "legitimate-interest", True),
    ],
)
def test_the_legal_basis_defaults_from_requires_consent(
    declared: str, basis: str, needs_consent: bool | None
) -> None:
    value = declared if declared.startswith("{") else "{" + declared + "}"
    inventory = load("", f"categories:\n  analytics: {value}\ncookies: []\n")
    assert inventory.problems == ()
    category = inventory.categories["analytics"]
    assert (category.basis, category.needs_consent) == (basis, needs_consent)


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (
            "controller: {name: X, email: 'x@example.org', country: fr}\n",
            "cookies.yaml:1: 'country' of the controller must be an ISO 3166-1 alpha-2 country "
            "code, not 'fr'; write 'FR'",
        ),
        (
            "controller: {name: X, email: 'x@example.org', country: FRA}\n",
            "cookies.yaml:1: 'country' of the controller must be an ISO 3166-1 alpha-2 country "
            "code, not 'FRA'; use a code such as US, IE or DE",
        ),
        (
            "controller: {name: X, email: 'mailto:x@example.org'}\n",
            "cookies.yaml:1: 'email' of the controller must be an e-mail address such as "
            "privacy@example.com (without 'mailto:', spaces or quotes), not "
            "'mailto:x@example.org'",
        ),
        (
            "controller: {name: X, email: x@localhost}\n",
            "cookies.yaml:1: 'email' of the controller must be an e-mail address such as "
            "privacy@example.com (without 'mailto:', spaces or quotes), not 'x@localhost'",
        ),
        (
            "controller: {name: X, address: Paris}\n",
            "cookies.yaml:1: the controller has no 'email' or 'contact_url'; add one, so that "
            "visitors can reach them",
        ),
        (
            "controller:\n  name: X\n  email: x@example.org\n  dpo: {name: Jane}\n",
            "cookies.yaml:4: the data protection officer has no 'email' or 'contact_url'; add "
            "one, so that visitors can reach them",
        ),
        (
            "controller:\n  name: X\n  email: x@example.org\n  representative: {email: r@r.eu}\n",
            "cookies.yaml:4: the representative has no 'name'; add it",
        ),
        (
            "controller: {email: x@example.org}\n",
            "cookies.yaml:1: the controller has no 'name'; add it",
        ),
        (
            "controller:\n  name: X\n  mail: x@example.org\n",
            "cookies.yaml:3: unknown key 'mail' in the controller; did you mean 'email'? the "
            "keys allowed here are: name, address, country, email, contact_url, dpo, "
            "representative",
        ),
        (
            "controller: Example SAS\n",
            "cookies.yaml:1: the controller must be a mapping of keys to values, not text",
        ),
        (
            "consent_lifetime: half a year\n",
            "cookies.yaml:1: 'consent_lifetime': 'half a year' is not a duration; write "
            "'session', 'persistent', an ISO 8601 duration such as 'P13M' or 'PT30M', a number "
            "of seconds, or a number and a unit such as '13 months' (units: second, minute, "
            "hour, day, week, month, year); or give a text per language, such as "
            "{en: 'until you log out'}",
        ),
        (
            "changes: {2026-11-29: Added}\n",
            "cookies.yaml:1: 'changes' must be a list of entries (each starting with '- '), "
            "not a mapping",
        ),
        (
            "changes:\n  - {date: 29/11/2026, description: Added}\n",
            "cookies.yaml:2: the date of a change in 'changes' must be a date written "
            "year-month-day, such as 2026-11-29, not '29/11/2026'",
        ),
        (
            "changes:\n  - {description: Added}\n",
            "cookies.yaml:2: a change in 'changes' has no 'date'; add it",
        ),
    ],
)
def test_a_bad_legal_value_is_reported_at_its_line(head: str, message: str) -> None:
    assert messages(load(head)) == [message]


def test_a_bad_change_is_left_out_and_the_others_kept() -> None:
    inventory = load(
        "changes:\n"
        "  - {date: 2026-11-29, description: Added}\n"
        "  - {date: 2026-13-01, description: Removed}\n"
        "  - {date: 2026-01-01, description: First}\n"
    )
    assert [change.description.resolve(None) for change in inventory.changes] == ["Added", "First"]
    assert len(inventory.problems) == 1


def test_a_controller_with_a_problem_is_left_out() -> None:
    inventory = load("controller:\n  name: X\n  email: x@example.org\n  dpo: {name: Jane}\n")
    assert inventory.controller is None
    assert len(inventory.cookies) == 1


@pytest.mark.parametrize(
    ("provider", "message"),
    [
        (
            "{name: A, role: sub-processor}",
            "cookies.yaml:5: 'role' of provider 'a' must be one of: processor, controller, "
            "joint-controller, not 'sub-processor'; did you mean 'processor'?",
        ),
        (
            "{name: A, country: US, transfer: privacy-shield}",
            "cookies.yaml:5: 'transfer' of provider 'a' must be one of: adequacy, dpf, scc, "
            "bcr, not 'privacy-shield'",
        ),
        (
            "{name: A, country: USA}",
            "cookies.yaml:5: 'country' of provider 'a' must be an ISO 3166-1 alpha-2 country "
            "code, not 'USA'; use a code such as US, IE or DE",
        ),
    ],
)
def test_a_bad_provider_value_is_reported(provider: str, message: str) -> None:
    head = f"categories:\n  necessary:\nproviders:\n  a:\n    {provider}\n"
    inventory = parse_inventory((head + "cookies: []\n").encode(), "cookies.yaml")
    assert messages(inventory) == [message]


def test_a_bad_legal_basis_suggests_the_nearest() -> None:
    inventory = load(
        "", "categories:\n  necessary: {legal_basis: legitimate-interests}\ncookies: []\n"
    )
    assert messages(inventory) == [
        "cookies.yaml:2: 'legal_basis' of category 'necessary' must be one of: consent, exempt, "
        "legitimate-interest, contract, legal-obligation, not 'legitimate-interests'; did you "
        "mean 'legitimate-interest'?"
    ]


def test_a_bad_cookie_data_is_reported() -> None:
    inventory = load(
        "",
        "categories:\n  necessary:\ncookies:\n"
        "  - {name: a, category: necessary, purpose: P, data: [id]}\n",
    )
    assert messages(inventory) == [
        "cookies.yaml:4: the data of cookie 'a' must be text, or a mapping of language codes to "
        "text, not a list"
    ]


def test_the_nested_sections_are_part_of_the_format() -> None:
    names = [section.name for section in FORMAT.sections]
    assert names == [
        "inventory", "category", "provider", "cookie",
        "controller", "change", "dpo", "representative",
    ]  # fmt: skip


def test_the_eea_is_the_eu_and_three_more() -> None:
    assert len(EEA_COUNTRIES) == 30 and EEA_COUNTRIES <= COUNTRY_CODES
    assert in_eea("NO") and in_eea("GR") and not in_eea("GB") and not in_eea("CH")


@pytest.mark.parametrize(
    "language", sorted(path.name for path in LOCALES.iterdir() if path.is_dir())
)
def test_babel_names_every_country_in_every_language(language: str) -> None:
    territories = Locale.parse(language).territories
    assert len(COUNTRY_CODES) == 249
    assert not [code for code in COUNTRY_CODES if not territories.get(code)]


def test_localized_text_is_kept_per_language() -> None:
    inventory = load("controller: {name: {en: Example, fr: Exemple}, email: x@example.org}\n")
    assert inventory.controller is not None
    assert inventory.controller.name == LocalizedText((("en", "Example"), ("fr", "Exemple")))
