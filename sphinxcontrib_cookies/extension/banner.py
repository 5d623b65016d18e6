"""``cookies_banner``: the consent banner in every page of a website build, with the scripts of
``cookies_scripts`` held until the visitor accepts their category.

The banner is vanilla-cookieconsent 3, shipped in ``static_banner/`` (see
``scripts/update_cookieconsent.py``), so that neither the build nor a visit needs the network.
Each page loads the library, the configuration the build writes from the inventory
(``site_files.py``) and a small start-up script of ours (``static_banner/cookies-banner.js``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config

from ..translations import __
from .config import ConfigValue, add_config_values, check_flag, check_values
from .export import CONSENT_SCRIPT

#: The folder of the banner's browser files, among ``html_static_path`` while the banner is on.
BANNER_STATIC_DIR = Path(__file__).resolve().parent.parent / "static_banner"
#: The files of ``BANNER_STATIC_DIR`` that each page loads, in this order, and the
#: configuration written by the build between the library and our start-up script.
LIBRARY_SCRIPT = "cookieconsent.umd.js"
CONFIG_SCRIPT = CONSENT_SCRIPT.removeprefix("_static/")
START_SCRIPT = "cookies-banner.js"
STYLESHEETS = ("cookieconsent.css", "cookies-banner.css")
#: Before the scripts of the theme and the project (500), so that Google Consent Mode's
#: defaults come before any tag a project loads without holding it.
PRIORITY = 150


def _check_policy_page(value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return None
    return __("must be the name of a document (such as 'cookies'), or None")


def script_problem(script: Any) -> str | None:
    """What is wrong with one script of ``cookies_scripts``; None if nothing."""
    if isinstance(script, str):
        return None if script.strip() else __("an empty script name")
    if isinstance(script, dict):
        body = script.get("body")
        if not isinstance(body, str) or not body.strip():
            return __("a dict without 'body', the inline script")
        if "</script" in body.lower():
            return __("an inline script containing '</script', which would end it early")
        return _attributes_problem({k: v for k, v in script.items() if k != "body"})
    if isinstance(script, (tuple, list)) and len(script) == 2 and isinstance(script[0], str):
        if not isinstance(script[1], dict):
            return __("a pair whose second item is not a dict of attributes")
        return _attributes_problem(script[1])
    return __(
        "%r, which is neither a file name or URL, a (name, attributes) pair, nor a dict with 'body'"
    ) % (script,)


def _attributes_problem(attributes: Mapping[Any, Any]) -> str | None:
    for name, value in attributes.items():
        if name == "priority" and isinstance(value, int) and not isinstance(value, bool):
            continue
        if not isinstance(name, str) or not isinstance(value, str):
            return __("an attribute %r that is not text") % (name,)
    return None


def _check_scripts(value: Any) -> str | None:
    if not isinstance(value, dict):
        return __("must be a dict of category id to a list of scripts")
    for category, scripts in value.items():
        if not isinstance(category, str) or not isinstance(scripts, (list, tuple)):
            return __("must be a dict of category id to a list of scripts; %r is not") % (category,)
        for script in scripts:
            problem = script_problem(script)
            if problem is not None:
                return __("has, for category %r, %s") % (category, problem)
    return None


BANNER_VALUES = (
    ConfigValue(
        "cookies_banner",
        False,
        (bool,),
        check_flag,
        "Add the consent banner (cookieconsent v3, shipped) to every page of HTML builds.",
    ),
)
PAGE_VALUES = (
    ConfigValue(
        "cookies_scripts",
        {},
        (dict,),
        _check_scripts,
        "Scripts held until consent: category id to a list of scripts, as html_js_files "
        "takes them (a URL, a path under the static path, a (name, attributes) pair), or a "
        "dict with 'body' for an inline script.",
    ),
    ConfigValue(
        "cookies_policy_page",
        None,
        (str, type(None)),
        _check_policy_page,
        "The document the banner links to; by default the first that renders a cookie-table.",
    ),
)


def is_website(builder: Builder | type[Builder]) -> bool:
    """A builder that writes web pages: HTML, and not an e-book or a help file."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


def held_script(
    script: str | tuple[str, dict[str, Any]] | dict[str, Any], category: str
) -> tuple[str, dict[str, Any]]:
    """A script of ``cookies_scripts`` as ``add_js_file`` takes it, held for ``category``:
    ``type="text/plain"`` until cookieconsent runs it (a ``type`` the project gives, such as
    ``module``, becomes the ``data-type`` that cookieconsent restores)."""
    if isinstance(script, str):
        filename = script
        attributes: dict[str, Any] = {}
    elif isinstance(script, dict):
        # An inline script has no file: "" rather than None, as Sphinx names it when it adds
        # the registered scripts again before writing (Sphinx 8 kept both, and the page ran
        # the snippet twice).
        filename, attributes = "", dict(script)
    else:
        filename, attributes = script[0], dict(script[1])
    given_type = attributes.pop("type", None)
    if given_type:
        attributes["data-type"] = given_type
    attributes["type"] = "text/plain"
    attributes["data-category"] = category
    return filename, attributes


def add_banner_static_path(app: Sphinx, config: Config) -> None:
    """As ``presentation.add_static_path``: the banner's folder, while the banner is on."""
    if config.cookies_banner and str(BANNER_STATIC_DIR) not in config.html_static_path:
        config.html_static_path = [*config.html_static_path, str(BANNER_STATIC_DIR)]


def add_banner_files(app: Sphinx) -> None:
    """The banner's files and the held scripts, in the head of every page of a website."""
    if not app.config.cookies_banner or not is_website(app.builder):
        return
    for stylesheet in STYLESHEETS:
        app.add_css_file(stylesheet, priority=PRIORITY)
    for script in (LIBRARY_SCRIPT, CONFIG_SCRIPT, START_SCRIPT):
        app.add_js_file(script, priority=PRIORITY)
    for category, scripts in app.config.cookies_scripts.items():
        for script in scripts:
            filename, attributes = held_script(script, category)
            app.add_js_file(filename, **attributes)


def check_banner_values(app: Sphinx, config: Config) -> None:
    check_values(config, BANNER_VALUES + PAGE_VALUES)


def setup_banner(app: Sphinx) -> None:
    add_config_values(app, BANNER_VALUES)  # documents show the visitor's choice next to tables
    add_config_values(app, PAGE_VALUES, rebuild="html")
    app.connect("config-inited", check_banner_values)
    app.connect("config-inited", add_banner_static_path)
    app.connect("builder-inited", add_banner_files)
