"""``init`` drafts a row of the Open Cookie Database as fact only when what was seen confirms
it; otherwise the entry is left to write, with the rows it might be as comments."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from sphinxcontrib_cookies.captures import ObservedCookie
from sphinxcontrib_cookies.draft import open_cookie_database
from sphinxcontrib_cookies.draft.matching import (
    ANY_SITE,
    FIRST_PARTY,
    FIRST_PARTY_SET,
    PLATFORM,
    WHERE,
    Matcher,
    Sighting,
    sighting_of,
)

from conftest import run_cli

SITE = "shop.example"


def entries(draft: str) -> dict[str, dict[str, str]]:
    return {entry["name"]: entry for entry in yaml.safe_load(draft)["cookies"]}


def matched(names: list[tuple[str, str, str | None]]) -> dict[str, tuple[str | None, int]]:
    """name -> (the platform drafted, or None; how it was confirmed), for cookies seen as
    (name, domain, set by)."""
    cookies = [ObservedCookie(name, domain, "u", by) for name, domain, by in names]
    sightings = [sighting_of(cookie, SITE) for cookie in cookies]
    matcher = Matcher(open_cookie_database(), sightings)
    found = {}
    for sighting in sightings:
        match = matcher.match(sighting)
        found[sighting.name] = (match.row.platform if match.row else None, match.strength)
    return found


def test_every_first_party_cookie_of_a_script_is_in_the_database() -> None:
    database = open_cookie_database()
    for platform, name in sorted(FIRST_PARTY_SET):
        rows = database.exact.get(name, []) + database.prefixes.get(name, [])
        assert platform in {row.platform for row in rows}, (platform, name)


def test_djangos_sessionid_is_not_instagrams(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "init", "--names", "sessionid,_ga")
    assert status == 0
    drafted = entries(out)
    assert drafted["sessionid"]["category"] == "unclassified"
    assert drafted["sessionid"]["purpose"] == "TODO: say what this cookie is for"
    assert drafted["sessionid"]["provider"] == "TODO: name who sets this cookie"
    assert (
        "  # the Open Cookie Database knows this name, but what was seen does not confirm it:\n"
        "  # - 'sessionid' of Instagram (Marketing) on instagram.com: " in out
    )
    assert "marketing" not in yaml.safe_load(out)["categories"]
    assert drafted["_ga"]["category"] == "analytics"  # set by its script on any site


def test_stripes_cookie_is_matched_on_the_merchants_domain(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The database lists ``__stripe_mid`` on stripe.com, but Stripe's script sets it on the
    merchant's own domain."""
    state = {
        "cookies": [
            {"name": "__stripe_mid", "domain": ".shop.example", "expires": -1},
            {"name": "_fbp", "domain": ".shop.example", "expires": -1},
        ],
        "origins": [{"origin": "https://www.shop.example", "localStorage": []}],
    }
    (tmp_path / "state.json").write_text(json.dumps(state), encoding="utf-8")
    status, out, _ = run_cli(capsys, "init", "--storage-state", str(tmp_path / "state.json"))
    assert status == 0
    drafted = entries(out)
    assert (drafted["__stripe_mid"]["category"], drafted["__stripe_mid"]["party"]) == (
        "functional", "first",
    )  # fmt: skip
    assert drafted["__stripe_mid"]["provider"] == "stripe"
    assert drafted["_fbp"]["category"] == "marketing"
    assert "set on the site's own domain by the Stripe script" in out


def test_what_confirms_a_row() -> None:
    found = matched(
        [
            ("sessionid", "www.shop.example", "www.shop.example"),  # the site's own
            ("ig_did", "www.instagram.com", "www.instagram.com"),  # on Instagram's domain
            ("__stripe_sid", "www.shop.example", None),
            ("AWSALB", "www.shop.example", "www.shop.example"),
        ]
    )
    assert found["sessionid"] == (None, 0)  # Instagram's other cookies never make it theirs
    assert found["ig_did"] == ("Instagram", WHERE)
    assert found["__stripe_sid"] == ("Stripe", FIRST_PARTY)
    assert found["AWSALB"] == ("Amazon Web Services", ANY_SITE)


def test_a_name_of_several_platforms_needs_another_of_their_cookies() -> None:
    assert matched([("euconsent-v2", "www.shop.example", None)]) == {"euconsent-v2": (None, 0)}
    both = matched(
        [("euconsent-v2", "www.shop.example", None), ("didomi_token", "www.shop.example", None)]
    )
    assert both == {"euconsent-v2": ("Didomi", PLATFORM), "didomi_token": ("Didomi", ANY_SITE)}


def test_an_unconfirmed_name_lists_its_candidates(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run_cli(capsys, "init", "--names", "euconsent-v2")
    assert status == 0
    assert entries(out)["euconsent-v2"]["category"] == "unclassified"
    assert "  # - 'euconsent-v2' of Didomi (Functional): " in out
    assert "  # - 'euconsent-v2' of PrivacyPillar (Functional): " in out


def test_a_sighting_without_a_capture_is_on_the_site() -> None:
    assert Sighting("x") == Sighting("x", (), True)
