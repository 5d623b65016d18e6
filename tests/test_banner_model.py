"""The banner's model side: the revision that asks visitors again, the services, and the
inventory's ``consent_mode``. Plain Python: no build."""

from __future__ import annotations

import pytest

from sphinxcontrib_cookies.export.banner import category_services, consent_mode, consent_revision
from sphinxcontrib_cookies.inventory import CookieInventory, parse_inventory

INVENTORY = """\
version: 1
categories:
  necessary:
    requires_consent: false
  statistics:
    title: Audience measurement
    description: We count visits.
    consent_mode: [analytics_storage]
providers:
  google:
    name: Google Analytics
cookies:
  - name: sessionid
    category: necessary
    purpose: Keeps you signed in.
  - names: [_ga, _ga_*]
    category: statistics
    provider: google
    purpose: Tells visits apart.
    duration: 2 years
  - name: _pk_id
    category: statistics
    provider: Matomo
    purpose: Counts visits.
"""


def load(text: str) -> CookieInventory:
    inventory = parse_inventory(text.encode("utf-8"), "cookies.yaml")
    assert inventory.problems == ()
    return inventory


REVISION = consent_revision(load(INVENTORY))


@pytest.mark.parametrize(
    ("edit", "old", "new"),
    [
        ("a purpose reworded", "Tells visits apart.", "Distinguishes visits."),
        ("a category's title", "Audience measurement", "Statistics"),
        ("a category's description", "We count visits.", "Counting."),
        ("a duration", "2 years", "13 months"),
        ("a provider's name", "name: Google Analytics", "name: Google"),
        (
            "a necessary cookie added",
            "    purpose: Keeps you signed in.\n",
            "    purpose: Keeps you signed in.\n  - name: csrftoken\n    category: necessary\n"
            "    purpose: Protects forms.\n",
        ),
        ("the order of the names", "[_ga, _ga_*]", "[_ga_*, _ga]"),
    ],
)
def test_wording_does_not_ask_again(edit: str, old: str, new: str) -> None:
    assert old in INVENTORY
    assert consent_revision(load(INVENTORY.replace(old, new))) == REVISION, edit


@pytest.mark.parametrize(
    ("edit", "old", "new"),
    [
        (
            "a statistics cookie added",
            "  - name: _pk_id\n",
            "  - name: _clck\n    category: statistics\n    purpose: Counts clicks.\n"
            "  - name: _pk_id\n",
        ),
        (
            "a cookie moved to another category",
            "    category: necessary\n    purpose: Keeps",
            "    category: statistics\n    purpose: Keeps",
        ),
        (
            "a category no longer needs consent",
            "    title: Audience measurement\n",
            "    title: Audience measurement\n    requires_consent: false\n",
        ),
        ("a cookie of another provider", "provider: Matomo", "provider: Piwik"),
        ("a name added", "[_ga, _ga_*]", "[_ga, _ga_*, _gid]"),
        ("a provider declared", "providers:\n", "providers:\n  hotjar:\n    name: Hotjar\n"),
    ],
)
def test_what_the_visitor_consents_to_asks_again(edit: str, old: str, new: str) -> None:
    assert old in INVENTORY
    revision = consent_revision(load(INVENTORY.replace(old, new)))
    assert revision != REVISION, edit
    assert 0 < revision < 2**53  # an exact JavaScript number


def test_each_provider_is_a_service_of_its_category() -> None:
    inventory = load(INVENTORY)
    services = category_services(inventory.cookies_in("statistics"), lambda t: t.resolve("en"))
    assert services == {"google": {"label": "Google Analytics"}, "matomo": {"label": "Matomo"}}
    assert consent_mode(inventory) == {"statistics": ["analytics_storage"]}


def test_consent_mode_is_read_and_checked() -> None:
    text = INVENTORY.replace(
        "    consent_mode: [analytics_storage]\n",
        "    consent_mode: [analytics_storage, ad_strage, analytics_storage]\n",
    )
    inventory = parse_inventory(text.encode("utf-8"), "cookies.yaml")
    assert [(p.line, p.kind, p.message) for p in inventory.problems] == [
        (
            8,
            "value",
            "an item of 'consent_mode' of category 'statistics' must be one of: "
            "analytics_storage, ad_storage, ad_user_data, ad_personalization, "
            "functionality_storage, personalization_storage, security_storage, not "
            "'ad_strage'; did you mean 'ad_storage'?",
        )
    ]
    written_once = INVENTORY.replace(
        "[analytics_storage]", "[analytics_storage, ad_storage, analytics_storage]"
    )
    assert load(written_once).categories["statistics"].consent_mode == (
        "analytics_storage",
        "ad_storage",
    )
    not_a_list = parse_inventory(
        INVENTORY.replace("[analytics_storage]", "analytics_storage").encode(), "cookies.yaml"
    )
    assert [p.message for p in not_a_list.problems] == [
        "'consent_mode' of category 'statistics' must be a list, such as [analytics_storage], "
        "not text"
    ]
