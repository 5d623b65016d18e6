"""A provider's address on this machine or a private network is refused, and ``linkcheck``
never sends it a request.

Every address here is a loopback one (127.0.0.0/8, ``::1``, ``localhost``), in the forms a
client reads (``127.1``, ``2130706433``...), so that even a broken check could not send a
request off this machine. Private-range forms are checked by the loader's reading alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinxcontrib_cookies.extension.links import resolves_privately
from sphinxcontrib_cookies.inventory import parse_inventory
from sphinxcontrib_cookies.inventory.addresses import private_host

from conftest import build_copy, strip_colors

LOOPBACK = (
    "http://127.0.0.2:9/privacy",
    "http://127.1:9/",
    "http://2130706433:9/",
    "http://0x7f000001:9/",
    "http://0177.0.0.1:9/",
    "http://[::1]:9/",
    "http://[::ffff:127.0.0.1]:9/",
    "http://localhost:9/",
    "http://LOCALHOST./",
    "http://shop.localhost:9/",
)


def inventory_with(addresses: tuple[str, ...]) -> str:
    providers = "".join(
        f"  p{number}: {{name: P{number}, privacy_policy: '{address}'}}\n"
        for number, address in enumerate(addresses)
    )
    cookies = "".join(
        f"  - {{name: c{number}, category: necessary, purpose: p, provider: p{number}}}\n"
        for number in range(len(addresses))
    )
    return f"categories:\n  necessary:\nproviders:\n{providers}cookies:\n{cookies}"


@pytest.mark.parametrize("address", LOOPBACK)
def test_an_address_on_this_machine_is_refused(address: str) -> None:
    inventory = parse_inventory(inventory_with((address,)).encode(), "cookies.yaml")
    [problem] = inventory.problems
    assert (problem.line, problem.kind) == (4, "value")
    assert "this machine or a private network" in problem.message
    [cookie] = inventory.cookies  # published, its provider named without a link
    assert cookie.provider is not None and cookie.provider.link is None


@pytest.mark.parametrize(
    "address",
    [
        "http://10.0.0.1/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[fd12::1]/",
        "http://[fe80::1]/",
    ],
)
def test_an_address_on_a_private_network_is_read_as_one(address: str) -> None:
    assert private_host(address) is not None


@pytest.mark.parametrize(
    "address", ["https://acme.example/privacy", "https://8.8.8.8/", "https://face.example/"]
)
def test_public_addresses_and_names_are_not(address: str) -> None:
    assert private_host(address) is None


def test_a_name_that_resolves_to_this_machine_is_found() -> None:
    assert resolves_privately("localhost") in ("127.0.0.1", "::1")


def test_linkcheck_sends_no_request_to_them(tmp_path: Path) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinxcontrib_cookies"]\nlinkcheck_timeout = 2\nlinkcheck_retries = 1\n'
    )
    (srcdir / "index.rst").write_text("Cookies\n=======\n\n.. cookie-table::\n")
    (srcdir / "cookies.yaml").write_text(inventory_with(LOOPBACK))
    app = build_copy("unused", tmp_path, "linkcheck")
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    assert len(warnings) == len(LOOPBACK)
    assert all("this machine or a private network" in line for line in warnings), warnings
    checked = [
        json.loads(line)["uri"]
        for line in (Path(app.outdir) / "output.json").read_text().splitlines()
        if line.strip()
    ]
    assert checked == []
