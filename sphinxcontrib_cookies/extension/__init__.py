"""The Sphinx glue: directives, the role, configuration, caching and warnings."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.util import logging

from ..translations import CATALOG, LOCALE_DIR, __
from .audit import setup_audit
from .banner import setup_banner
from .compliance import setup_compliance
from .config import setup_config
from .consent_directives import CookieEmbedDirective, CookiePreferencesDirective
from .consent_html import ConsentMarkup
from .directives import (
    CookieIntroDirective,
    CookiePartiesDirective,
    CookieTableDirective,
    CookieTypesDirective,
)
from .domain import CookiesDomain, cookie_role
from .events import setup_events
from .export import setup_export
from .history import CookieChangesDirective
from .legal import setup_legal
from .links import setup_links
from .packing import setup_packing
from .page_breaks import setup_page_breaks
from .paper import setup_paper
from .policy import CookiePolicyDirective
from .presentation import setup_presentation
from .project_catalogs import setup_project_catalogs
from .screen import setup_screen
from .site_files import setup_site_files
from .transforms import (
    KeepManPageTextOnItsLines,
    LabelRowsInCells,
    LeaveLongtablesToPaper,
    MoveTableTitlesOutOfManPages,
)
from .updated import setup_updated
from .widths import setup_widths

logger = logging.getLogger(__name__)


def warn_unknown_cookie(app: Sphinx, domain: Domain | None, node: object) -> bool | None:
    """``:cookie:`NAME``` with no table declaring NAME: a ``cookies`` warning, not ``ref``."""
    if domain is None or domain.name != "cookies":
        return None
    target = getattr(node, "get", lambda key, default=None: default)("reftarget")
    logger.warning(
        __(
            "no cookie table declares %r; add it to the inventory and render it with "
            "cookie-table, or correct the name"
        ),
        target,
        type="cookies",
        subtype="unknown-cookie",
        location=node,
    )
    return True


def setup_extension(app: Sphinx) -> None:
    setup_config(app)
    app.add_domain(CookiesDomain)
    app.add_directive("cookie-table", CookieTableDirective)
    app.add_directive("cookie-types", CookieTypesDirective)
    app.add_directive("cookie-intro", CookieIntroDirective)
    app.add_directive("cookie-parties", CookiePartiesDirective)
    app.add_directive("cookie-preferences", CookiePreferencesDirective)
    app.add_directive("cookie-embed", CookieEmbedDirective)
    app.add_directive("cookie-changes", CookieChangesDirective)
    app.add_directive("cookie-policy", CookiePolicyDirective)
    app.add_role("cookie", cookie_role)
    app.add_post_transform(LeaveLongtablesToPaper)
    app.add_post_transform(LabelRowsInCells)
    app.add_post_transform(MoveTableTitlesOutOfManPages)
    app.add_post_transform(KeepManPageTextOnItsLines)
    app.add_post_transform(ConsentMarkup)
    app.connect("warn-missing-reference", warn_unknown_cookie)
    setup_events(app)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    setup_export(app)
    setup_banner(app)
    setup_site_files(app)
    setup_legal(app)
    setup_audit(app)
    setup_compliance(app)
    setup_project_catalogs(app)
    setup_presentation(app)
    setup_paper(app)
    setup_page_breaks(app)
    setup_screen(app)
    setup_links(app)
    setup_updated(app)
    setup_widths(app)
    setup_packing(app)
