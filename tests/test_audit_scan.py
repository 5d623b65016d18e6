"""What ``audit`` makes of a scan capture and of several captures together: the consent rule
(``before-consent``), evidence merged across captures, and domain mismatches. The captures here
are small documents of the format ``sphinx-cookies scan`` writes (version 1); the browser tests
(``test_scan_browser.py``) check the same on a real scan."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_cookies.audit import audit_inventory, combine
from sphinxcontrib_cookies.captures import (
    Capture,
    CaptureError,
    Lifetime,
    ObservedCookie,
    parse_capture,
)
from sphinxcontrib_cookies.inventory import parse_inventory

from conftest import run_cli

DAY = 86400
SITE = "https://www.acme.example/"
MOMENT = datetime(2026, 5, 1, 10, 0, tzinfo=UTC)

INVENTORY = """\
version: 1
categories:
  necessary: {requires_consent: false}
  analytics: {requires_consent: true}
  measured: {title: Measured, description: Counted visits., legal_basis: consent}
cookies:
  - {name: sessionid, category: necessary, purpose: Session., duration: session}
  - {name: _pk_id.*, category: analytics, purpose: Visitor., duration: 13 months}
  - {name: hits, category: measured, purpose: Counts., duration: 1 day}
  - {name: app_token, category: necessary, purpose: Token., domain: app.acme.example}
  - {name: lang, category: necessary, purpose: Language., duration: 30 days}
  - {name: draft, type: session-storage, category: necessary, purpose: Draft., duration: session}
"""


def cookie(name: str, **fields: Any) -> dict[str, Any]:
    found = {"name": name, "domain": "www.acme.example", "path": "/", "first_seen": SITE}
    found.update({"set_with": "header", "set_by": SITE, "expires": None, "lifetime": None})
    found.update(fields)
    return found


def scan_document(phases: dict[str, list[dict[str, Any]]], **top: Any) -> dict[str, Any]:
    document = {"format": "sphinx-cookies-scan", "version": 1, "start": [SITE]}
    document["phases"] = [
        {"phase": name, "pages": [{"url": SITE}], "cookies": found, "storage": []}
        for name, found in phases.items()
    ]
    document.update(top)
    return document


def parsed(document: dict[str, Any]) -> Capture:
    return parse_capture(json.dumps(document).encode(), "scan.json", None, MOMENT)


def audited(*captures: Capture) -> Any:
    inventory = parse_inventory(INVENTORY.encode(), "cookies.yaml")
    assert inventory.problems == ()
    return audit_inventory(inventory, list(captures))


def test_a_scan_capture_is_read_phase_by_phase() -> None:
    document = scan_document(
        {
            "before": [cookie("sessionid")],
            "accept": [
                cookie("sessionid"),
                cookie(
                    "_pk_id.1.ab",
                    set_with="script",
                    set_by=f"{SITE}matomo.js",
                    expires=1.8e9,
                    lifetime=395 * DAY,
                ),
            ],
        }
    )
    document["phases"][1]["storage"] = [
        {"type": "session-storage", "origin": SITE.rstrip("/"), "name": "draft", "first_seen": SITE}
    ]
    capture = parsed(document)
    assert (capture.format, capture.phases, capture.first_page) == (
        "scan",
        ("before", "accept"),
        SITE,
    )
    assert capture.storage_shown == ("cookie", "local-storage", "session-storage", "indexeddb")
    visitor = capture.cookies[2]
    assert visitor == ObservedCookie(
        "_pk_id.1.ab", "www.acme.example", SITE, "www.acme.example",
        Lifetime("persistent", 395 * DAY, "expiry"), set_with="script", phases=(("accept", SITE),),
    )  # fmt: skip
    assert capture.cookies[3].storage == "session-storage"
    (merged,) = [c for c in combine([capture]) if c.name == "sessionid"]
    assert merged.phases == (("before", SITE), ("accept", SITE))


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {"format": "sphinx-cookies-scan", "version": 2, "phases": []},
            "scan.json: this scan capture has format version 2, newer than the 1 this "
            "sphinx-cookies reads; upgrade it (pip install -U sphinxcontrib-cookies)",
        ),
        (
            {"format": "sphinx-cookies-scan", "phases": []},
            "scan.json: a scan capture needs a 'version' (this package reads 1)",
        ),
        (
            {"format": "sphinx-cookies-scan", "version": 1, "phases": [{"phase": "later"}]},
            "scan.json: unknown consent phase 'later' in 'phases'; a scan records before, "
            "refuse, accept",
        ),
    ],
)
def test_scan_captures_that_cannot_be_read(document: dict[str, Any], message: str) -> None:
    with pytest.raises(CaptureError) as caught:
        parsed(document)
    assert str(caught.value) == message


def test_a_cookie_that_needs_consent_before_consent_is_a_finding() -> None:
    capture = parsed(
        scan_document(
            {
                "before": [cookie("sessionid"), cookie("_pk_id.1.ab"), cookie("lang")],
                "refuse": [cookie("sessionid"), cookie("hits", first_seen=f"{SITE}docs/")],
                "accept": [cookie("sessionid"), cookie("_pk_id.1.ab"), cookie("hits")],
            }
        )
    )
    report = audited(capture)
    findings = [(f.observed.name, f.category, f.phases, f.line) for f in report.before_consent]
    assert findings == [
        ("_pk_id.1.ab", "analytics", (("before", SITE),), 8),
        # Needs consent by its legal basis; set after the visitor refused.
        ("hits", "measured", (("refuse", f"{SITE}docs/"),), 9),
    ]
    assert report.fails
    assert report.before_consent[1].message == (
        f"is in category measured, which needs consent, but was set after the visitor "
        f"refused (refuse: {SITE}docs/)"
    )


def test_necessary_cookies_and_cookies_after_consent_are_allowed() -> None:
    capture = parsed(
        scan_document(
            {
                "before": [cookie("sessionid"), cookie("lang")],
                "refuse": [cookie("sessionid")],
                "accept": [cookie("_pk_id.1.ab"), cookie("hits")],
            }
        )
    )
    report = audited(capture)
    assert report.before_consent == []
    assert not report.fails


def test_captures_of_one_visit_merge_into_the_most_informative_evidence() -> None:
    """A HAR saw ``lang`` only sent to the site (a script set it); the cookie store knows
    its expiry. One observation, with the lifetime, and every place it was seen."""
    har = Capture("visit.har", "har", (ObservedCookie("lang", "www.acme.example", SITE, None),))
    store = Capture(
        "state.json",
        "storage-state",
        (
            ObservedCookie(
                "lang", ".acme.example", "state.json", None,
                Lifetime("persistent", 400 * DAY, "expiry"),
            ),
        ),
    )  # fmt: skip
    (merged,) = combine([har, store])
    assert (merged.domain, merged.seen_at, merged.lifetime.seconds) == (
        ".acme.example",
        SITE,
        400 * DAY,
    )
    assert merged.places == (SITE, "state.json")
    (mismatch,) = audited(har, store).mismatches
    assert (mismatch.observed.name, mismatch.kind) == ("lang", "duration")
    assert mismatch.message == (
        "lives 400 days (expiry), more than twice as long as the inventory says 30 days"
    )


def test_the_setter_and_lifetime_come_from_whichever_capture_knows_them() -> None:
    first = ObservedCookie("lang", "www.acme.example", SITE, None, Lifetime("session"))
    second = ObservedCookie(
        "lang", "www.acme.example", f"{SITE}b", "www.acme.example",
        Lifetime("persistent", 10, "Max-Age"), set_with="header",
    )  # fmt: skip
    (merged,) = combine([Capture("a", "har", (first,)), Capture("b", "har", (second,))])
    assert (merged.set_by, merged.set_with, merged.lifetime.seconds) == (
        "www.acme.example",
        "header",
        10,
    )
    assert merged.places == (SITE, f"{SITE}b")


def test_a_cookie_declared_for_another_domain_of_the_site_is_a_domain_mismatch() -> None:
    seen = (
        ObservedCookie("app_token", "acme.example", SITE, "acme.example"),
        ObservedCookie("app_token", "tracker.example", SITE, "tracker.example"),
    )
    report = audited(Capture("visit.har", "har", seen))
    (mismatch,) = report.mismatches
    assert (mismatch.kind, mismatch.declared_name, mismatch.observed.domain) == (
        "domain", "app_token", "acme.example",
    )  # fmt: skip
    assert mismatch.message == (
        "was seen on acme.example, but the inventory declares it for app.acme.example"
    )
    assert "app_token" not in [entry.name for entry in report.unseen]
    # The same name on another site is another cookie.
    assert [(c.name, c.domain) for c in report.undeclared] == [("app_token", "tracker.example")]


def test_the_audit_command_fails_on_a_cookie_set_before_consent(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "cookies.yaml").write_text(INVENTORY, encoding="utf-8")
    document = scan_document({"before": [cookie("sessionid"), cookie("_pk_id.1.ab")]})
    (tmp_path / "scan.json").write_text(json.dumps(document), encoding="utf-8")
    arguments = ("audit", str(tmp_path / "cookies.yaml"), "--capture", str(tmp_path / "scan.json"))
    status, out, _ = run_cli(capsys, *arguments, "--format", "json")
    assert status == 1
    (finding,) = json.loads(out)["before_consent"]
    assert finding == {
        "name": "_pk_id.1.ab",
        "domain": "www.acme.example",
        "storage": "cookie",
        "declared": "_pk_id.*",
        "line": 8,
        "category": "analytics",
        "phase": "before",
        "page": SITE,
        "phases": [{"phase": "before", "page": SITE}],
        "rule": "ePrivacy Directive art. 5(3)",
        "rule_url": "https://eur-lex.europa.eu/eli/dir/2002/58/oj",
        "message": "is in category analytics, which needs consent, but was set before the "
        f"visitor chose (before: {SITE})",
    }
    status, out, _ = run_cli(capsys, *arguments, "--color", "never")
    assert status == 1
    summary = "scan capture of 1 page visit; before: 2 cookies and 0 storage keys"
    assert f"{tmp_path / 'scan.json'}: {summary}\n" in out
    assert "Set before consent: 1\n" in out
    assert out.endswith(
        "0 undeclared, 1 set before consent, 4 declared but not seen, 1 mismatch (2 observed)\n"
    )
