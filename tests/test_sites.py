"""Site boundaries from the Public Suffix List: what site a host is on, in ``audit``, ``init``,
the build-time audit and the banner export; a cookie ``domain`` that is a public suffix."""

from __future__ import annotations

import json
import shutil
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import parse_inventory
from sphinxcontrib_cookies.inventory.sites import is_public_suffix, site_of, suffix_list_version

from conftest import run_cli, strip_colors

SITES_ROOT = Path(__file__).parent / "roots" / "test-audit-sites"

#: capture, the site of its first page, the neighbouring project that sets widget_session.
SHARED_HOSTS = [
    ("readthedocs.har", "acme-docs.readthedocs.io", "other-widgets.readthedocs.io"),
    ("github.har", "acme.github.io", "other-widgets.github.io"),
]


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("shop.example.co.uk", "example.co.uk"),
        ("a.b.example.com.br", "example.com.br"),
        ("www.example.pvt.k12.ma.us", "example.pvt.k12.ma.us"),
        ("example.gov.uk", "example.gov.uk"),
        ("www.example.com.au", "example.com.au"),
        ("a.b.example.org", "example.org"),
        ("acme-docs.readthedocs.io", "acme-docs.readthedocs.io"),
        ("www.acme.github.io", "acme.github.io"),
        ("bucket.s3.amazonaws.com", "bucket.s3.amazonaws.com"),
        ("WWW.Example.COM.", "example.com"),
        ("github.io", "github.io"),  # a public suffix itself: its own site
        ("docs.intranet.corp", "intranet.corp"),  # a top-level domain the list does not know
        ("127.0.0.1", "127.0.0.1"),
        ("[::1]", "[::1]"),
        ("localhost", "localhost"),
        # internationalized names, as browsers send them (punycode) and as written
        ("a.b.xn--p1ai", "b.xn--p1ai"),
        ("www.пример.рф", "пример.рф"),
        ("shop.xn--bcher-kva.xn--p1ai", "xn--bcher-kva.xn--p1ai"),
        ("www.xn--fiqs8s", "www.xn--fiqs8s"),  # directly under the top-level domain 中国
        ("x.xn--zz.example", "xn--zz.example"),  # not valid punycode: a label as any other
    ],
)
def test_site_of(host: str, site: str) -> None:
    assert site_of(host) == site


@pytest.mark.parametrize(
    ("domain", "public"),
    [
        (".readthedocs.io", True),
        (".co.uk", True),
        ("github.io", True),
        ("com", True),
        (".acme-docs.readthedocs.io", False),
        (".example.co.uk", False),
        ("localhost", False),
        ("127.0.0.1", False),
        (".xn--p1ai", True),  # рф, in punycode
        ("рф", True),
        ("xn--fiqs8s", True),  # the top-level domain 中国, in punycode
        (".xn--bcher-kva.xn--p1ai", False),
        ("xn--zz", False),
    ],
)
def test_public_suffixes(domain: str, public: bool) -> None:
    assert is_public_suffix(domain) is public


def test_the_list_version_is_the_lists_own() -> None:
    version = suffix_list_version()
    assert version[:4].isdigit() and version.endswith("_UTC")  # 2026-10-22_08-36-41_UTC


@pytest.fixture
def in_sites_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SITES_ROOT)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.mark.usefixtures("in_sites_root")
@pytest.mark.parametrize(("capture", "site", "neighbour"), SHARED_HOSTS)
def test_audit_sees_a_neighbouring_project_as_third_party(
    capsys: pytest.CaptureFixture[str], capture: str, site: str, neighbour: str
) -> None:
    status, out, _ = run_cli(capsys, "audit", "cookies.yaml", "--har", capture, "--format", "json")
    assert status == 0
    report = json.loads(out)
    assert report["site"] == site
    assert report["site_from"] == "first page"
    assert report["public_suffix_list"] == suffix_list_version()
    assert [(m["name"], m["kind"], m["line"]) for m in report["mismatches"]] == [
        ("widget_session", "party", 10)
    ]
    assert (
        f"set for {neighbour} by {neighbour}, outside the site {site}"
        in (report["mismatches"][0]["message"])
    )
    status, out, _ = run_cli(capsys, "audit", "cookies.yaml", "--har", capture)
    assert f"  site: {site} (the first page's, by the Public Suffix List " in out


@pytest.mark.usefixtures("in_sites_root")
@pytest.mark.parametrize(("capture", "site", "neighbour"), SHARED_HOSTS)
def test_site_given_overrides_the_list(
    capsys: pytest.CaptureFixture[str], capture: str, site: str, neighbour: str
) -> None:
    shared = site.split(".", 1)[1]  # readthedocs.io: both projects counted as one site
    _, out, _ = run_cli(
        capsys, "audit", "cookies.yaml", "--har", capture, "--site", shared, "--format", "json"
    )
    report = json.loads(out)
    assert (report["site"], report["site_from"], report["mismatches"]) == (shared, "given", [])


@pytest.mark.usefixtures("in_sites_root")
@pytest.mark.parametrize(("capture", "site", "neighbour"), SHARED_HOSTS)
def test_init_drafts_a_neighbouring_project_as_third_party(
    capsys: pytest.CaptureFixture[str], capture: str, site: str, neighbour: str
) -> None:
    status, out, err = run_cli(capsys, "init", "--har", capture)
    assert status == 0
    entries = {entry["name"]: entry for entry in yaml.safe_load(out)["cookies"]}
    assert len(entries) == 2
    assert entries["sessionid"]["party"] == "first"
    assert "domain" not in entries["sessionid"]
    assert (entries["widget_session"]["party"], entries["widget_session"]["domain"]) == (
        "third",
        neighbour,
    )
    assert f"site: {site} (the first page's, by the Public Suffix List" in err


def audit_warnings(warning: StringIO) -> list[str]:
    lines = strip_colors(warning.getvalue()).splitlines()
    return [line for line in lines if "[cookies.audit]" in line]


@pytest.mark.parametrize(("capture", "site", "neighbour"), SHARED_HOSTS)
def test_build_audit_sees_a_neighbouring_project_as_third_party(
    make_app: Any, tmp_path: Path, capture: str, site: str, neighbour: str
) -> None:
    srcdir = tmp_path / "audit-sites"
    shutil.copytree(SITES_ROOT, srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"cookies_audit": capture})
    app.build()
    (line,) = audit_warnings(app.warning)
    assert line == (
        f"{srcdir / 'cookies.yaml'}:10: WARNING: cookie 'widget_session' is set for {neighbour} "
        f"by {neighbour}, outside the site {site}, but the inventory says party: first; write "
        "party: third [cookies.audit]"
    )


PUBLIC_SUFFIX_ROOT = Path(__file__).parent / "roots" / "test-public-suffix"


def test_a_public_suffix_domain_warns_at_its_line() -> None:
    path = PUBLIC_SUFFIX_ROOT / "cookies.yaml"
    inventory = parse_inventory(path.read_bytes(), "cookies.yaml")
    assert [(p.line, p.kind) for p in inventory.problems] == [
        (8, "public-suffix"),
        (12, "public-suffix"),
    ]
    assert inventory.problems[0].message == (
        "the domain of cookie 'theme' '.readthedocs.io' is a public suffix: browsers refuse a "
        "cookie set for it, since it would reach every site under it; give the site's own "
        "domain, or leave 'domain' out for a cookie of the host that sets it"
    )
    assert "'.co.uk' is a public suffix" in inventory.problems[1].message
    # The entries stay: the policy still lists them.
    assert [cookie.names for cookie in inventory.cookies] == [
        ("theme",),
        ("basket",),
        ("language",),
    ]


@pytest.mark.sphinx("html", testroot="public-suffix")
def test_a_public_suffix_domain_in_the_build(app: SphinxTestApp, warning: StringIO) -> None:
    app.build()
    path = app.srcdir / "cookies.yaml"
    lines = [line for line in strip_colors(warning.getvalue()).splitlines() if line]
    assert [line.split(": WARNING:")[0] for line in lines] == [f"{path}:8", f"{path}:12"]
    assert all(line.endswith("[cookies.public-suffix]") for line in lines)
    config = json.loads((app.outdir / "cookieconsent-config.json").read_text(encoding="utf-8"))
    # A public suffix is no domain to erase on: those cookies are erased on the page's own host.
    assert config["categories"]["functional"]["autoClear"]["cookies"] == [
        {"name": "theme"},
        {"name": "basket"},
        {"name": "language", "domain": ".acme-docs.readthedocs.io"},
    ]
