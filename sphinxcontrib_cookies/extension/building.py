"""What the current builder does with the doctrees that directives make.

Directives run before writing, once per builder's environment, so they ask here what the
builder will use: planned column widths only matter to builders that lay tables out
themselves, and source lines only to the builder that extracts gettext catalogs. What a
doctree was made for is recorded with it (``domain.py``), so that a later build that needs more
reads the page again (``events.py``).
"""

from __future__ import annotations

from sphinx.builders import Builder
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.environment import BuildEnvironment

#: Builder formats that never use planned column widths: browsers size columns from their
#: content, and builders of no format (gettext, linkcheck, dummy) write no tables.
FORMATS_WITHOUT_WIDTHS = frozenset({"html", ""})


def builder_class(env: BuildEnvironment) -> type[Builder]:
    builder: type[Builder] | None = getattr(env, "_builder_cls", None)  # Sphinx 9
    if builder is None:  # Sphinx 8, where env.app is not yet deprecated
        builder = type(env.app.builder)
    return builder


def builds_catalogs(env: BuildEnvironment) -> bool:
    """Whether this build is ``-b gettext``, which extracts the project's catalogs."""
    return issubclass(builder_class(env), MessageCatalogBuilder)


def needs_widths(env: BuildEnvironment) -> bool:
    """Whether this builder lays tables out itself from planned widths (LaTeX, text, Texinfo,
    man, XML, and any format this list does not know)."""
    return builder_class(env).format not in FORMATS_WITHOUT_WIDTHS
