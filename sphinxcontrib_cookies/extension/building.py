"""What the current builder does with the doctrees that directives make.

Directives run before writing, once per builder's environment, so they ask here what the
builder will use: source lines matter only to the builder that extracts gettext catalogs. What
a doctree was made for is recorded with it (``domain.py``), so that a later build that needs
more reads the page again (``events.py``). (Column widths are planned for each builder when it
writes: ``widths.py``.)
"""

from __future__ import annotations

from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.environment import BuildEnvironment

from .transforms import builder_class


def builds_catalogs(env: BuildEnvironment) -> bool:
    """Whether this build is ``-b gettext``, which extracts the project's catalogs."""
    return issubclass(builder_class(env), MessageCatalogBuilder)
