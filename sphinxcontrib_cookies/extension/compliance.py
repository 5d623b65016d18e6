"""``cookies_jurisdictions``: at the end of a build, check every inventory the build read against
the rules of those jurisdictions, and warn (``cookies.compliance``) about each finding, at its
line of the inventory, with the rule's id and source; and check the pages that use each
inventory for what the law asks a page to say (withdrawal, rights), at the first such page."""

from __future__ import annotations

import os
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

from ..translations import __
from .config import ConfigValue, add_config_values, check_values
from .configured import configured_path
from .domain import cookies_domain
from .store import file_location

if TYPE_CHECKING:  # the rules are imported by a build that names a jurisdiction
    from ..compliance import Finding

logger = logging.getLogger(__name__)


def _check_jurisdictions(value: Any) -> str | None:
    if isinstance(value, (list, tuple)) and not value:
        return None  # the default: no rules to look up
    from ..compliance import CODES, UnknownJurisdiction, rules_for

    if not isinstance(value, (list, tuple)) or not all(isinstance(code, str) for code in value):
        return __(
            "must be a list of jurisdiction codes, such as ['eu', 'fr']; the codes are: %s"
        ) % (", ".join(CODES))
    try:
        rules_for(value)
    except UnknownJurisdiction as error:
        return __("has an unknown jurisdiction %s; the jurisdictions are: %s") % (
            ", ".join(map(repr, error.codes)),
            ", ".join(CODES),
        )
    return None


COMPLIANCE_VALUES = (
    ConfigValue(
        "cookies_jurisdictions",
        [],
        (list, tuple),
        _check_jurisdictions,
        "The jurisdictions whose rules the inventory is checked against (eu, fr, de, it, es, "
        "uk, us-ca, br); none by default.",
    ),
)


#: The classes of the sentences the extension writes (``render/legal/rights.py``), by the
#: statement each makes (one for each of ``compliance.STATEMENTS``, which
#: ``tests/test_compliance_build.py`` checks, so that the rules stay unimported until used).
STATEMENT_CLASSES = MappingProxyType(
    {
        "cookie-withdrawal": "withdrawal",
        "cookie-rights": "rights",
        "cookie-complaint": "complaint",
        "cookie-authority": "authority",
    }
)


def statements_of(app: Sphinx, docnames: list[str]) -> frozenset[str]:
    """The statements the documents make, read from their doctrees."""
    found: set[str] = set()
    for docname in docnames:
        for node in app.env.get_doctree(docname).findall(nodes.paragraph):
            found.update(
                STATEMENT_CLASSES[name] for name in node["classes"] if name in STATEMENT_CLASSES
            )
    return frozenset(found)


def inventory_paths(app: Sphinx) -> list[str]:
    """Every inventory a document of the project reads, and ``cookies_file`` if it exists."""
    paths = {
        path for record in cookies_domain(app.env).documents.values() for path in record["files"]
    }
    configured = configured_path(app.env)
    if os.path.exists(configured):
        paths.add(configured)
    return sorted(paths)


def page_findings(app: Sphinx, path: str, codes: list[str]) -> tuple[Finding, ...]:
    """The findings of the page rules for the documents that use the inventory at ``path``
    (none when no document does: the site does not build its policy from it)."""
    records = cookies_domain(app.env).documents
    docnames = sorted(docname for docname, record in records.items() if path in record["files"])
    if not docnames:
        return ()
    from ..compliance import check_pages

    return check_pages(docnames[0], statements_of(app, docnames), codes)


def warn(finding: Finding, location: str) -> None:
    logger.warning("%s", finding.text, type="cookies", subtype="compliance", location=location)


def warn_findings(app: Sphinx, exception: BaseException | None) -> None:
    codes = app.config.cookies_jurisdictions
    if exception is not None or not codes:
        return
    from ..compliance import check_inventory

    domain = cookies_domain(app.env)
    warned_pages: set[tuple[str, str]] = set()
    for path in inventory_paths(app):
        inventory = domain.load_inventory(path).inventory
        if inventory is None:
            continue  # missing or unreadable: reported where it is used
        for finding in check_inventory(inventory, codes):
            warn(finding, file_location(path, finding.line))
        for finding in page_findings(app, path, codes):
            if (finding.rule.id, finding.path) not in warned_pages:
                warned_pages.add((finding.rule.id, finding.path))
                warn(finding, finding.path)


def setup_compliance(app: Sphinx) -> None:
    add_config_values(app, COMPLIANCE_VALUES, rebuild="")
    app.connect("config-inited", lambda app, config: check_values(config, COMPLIANCE_VALUES))
    app.connect("build-finished", warn_findings)
