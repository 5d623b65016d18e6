"""``cookies_jurisdictions``: at the end of a build, check every inventory the build read against
the rules of those jurisdictions, and warn (``cookies.compliance``) about each finding, at its
line of the inventory, with the rule's id and source."""

from __future__ import annotations

import os
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

from ..compliance import CODES, UnknownJurisdiction, check_inventory, rules_for
from ..translations import __
from .config import ConfigValue, add_config_values, check_values
from .configured import configured_path
from .domain import cookies_domain
from .store import file_location

logger = logging.getLogger(__name__)


def _check_jurisdictions(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or not all(isinstance(code, str) for code in value):
        return __(
            "must be a list of jurisdiction codes, such as ['eu', 'fr']; the codes are: %s"
        ) % (", ".join(CODES))
    try:
        rules_for(value)
    except UnknownJurisdiction as error:
        return __("has an %s") % error
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


def inventory_paths(app: Sphinx) -> list[str]:
    """Every inventory a document of the project reads, and ``cookies_file`` if it exists."""
    paths = {
        path for record in cookies_domain(app.env).documents.values() for path in record["files"]
    }
    configured = configured_path(app.env)
    if os.path.exists(configured):
        paths.add(configured)
    return sorted(paths)


def warn_findings(app: Sphinx, exception: BaseException | None) -> None:
    codes = app.config.cookies_jurisdictions
    if exception is not None or not codes:
        return
    domain = cookies_domain(app.env)
    for path in inventory_paths(app):
        inventory = domain.load_inventory(path).inventory
        if inventory is None:
            continue  # missing or unreadable: reported where it is used
        for finding in check_inventory(inventory, codes):
            logger.warning(
                "%s",
                finding.text,
                type="cookies",
                subtype="compliance",
                location=file_location(path, finding.line),
            )


def setup_compliance(app: Sphinx) -> None:
    add_config_values(app, COMPLIANCE_VALUES, rebuild="")
    app.connect("config-inited", lambda app, config: check_values(config, COMPLIANCE_VALUES))
    app.connect("build-finished", warn_findings)
