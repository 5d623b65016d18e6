"""The files a website build writes from the inventory: the exports (``cookies_export``) and the
banner's configuration (``cookies_banner``).

The configuration's script, which pages load, is written once the environment is up to date,
before any page: each page's tag then carries the file's checksum (``?v=``, which Sphinx adds
for a file that exists in the output), on a clean build too. When it changed since the last
build (or the shipped banner files did), every page is written again, so that no page keeps an
old checksum. The exports that no page loads (``cookies.json``, ``cookieconsent-config.json``)
are made at the same time, from the same configuration, and written when the build succeeds.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..export import SCRIPT_GLOBAL, cookieconsent_script
from ..export.banner import BannerSite, banner_config, site_script
from ..inventory import CookieInventory
from ..translations import __
from .banner import BANNER_STATIC_DIR, is_website
from .configured import configured_inventory
from .domain import cookies_domain
from .export import CONSENT_JSON, CONSENT_SCRIPT, COOKIES_JSON, export_files, export_words
from .project_catalogs import project_catalog
from .store import file_location

logger = logging.getLogger(__name__)

#: What the configuration script holds when there is no inventory: no banner, and no 404.
NO_CONFIGURATION = (
    "/* sphinxcontrib-cookies: no inventory, no banner (see the build's warnings) */\n"
)


def warn_banner(message: str, location: str | None = None) -> None:
    logger.warning(message, type="cookies", subtype="banner", location=location)


def _conf_py(app: Sphinx) -> str | None:
    """Where a problem of ``conf.py`` is reported."""
    return file_location(str(Path(app.confdir) / "conf.py")) if app.confdir else None


def reading_order(env: BuildEnvironment) -> list[str]:
    """The documents in the order of the table of contents from the root document, then the
    others by name."""
    order: list[str] = []
    seen: set[str] = set()
    waiting = [env.config.root_doc]
    while waiting:
        docname = waiting.pop()
        if docname in seen or docname not in env.found_docs:
            continue
        seen.add(docname)
        order.append(docname)
        waiting.extend(reversed(env.toctree_includes.get(docname, [])))
    return order + sorted(env.found_docs - seen)


def policy_page(app: Sphinx, warn: bool) -> str | None:
    """``cookies_policy_page``, else the first document that renders a cookie table; when
    there is none, a warning if ``warn``."""
    env = app.env
    chosen = app.config.cookies_policy_page
    if chosen is not None:
        if chosen in env.found_docs:
            return str(chosen)
        warn_banner(
            __(
                "cookies_policy_page is %r, which is not a document of the project; the banner "
                "links to no policy page. Name a document, such as 'cookies'"
            )
            % (chosen,),
            _conf_py(app),
        )
        return None
    documents = cookies_domain(env).documents
    for docname in reading_order(env):
        if docname in documents and documents[docname]["targets"]:
            return docname
    if not warn:
        return None
    warn_banner(
        __(
            "the banner links to no policy page: no document renders a cookie-table; add one, "
            "or name the policy page in cookies_policy_page"
        ),
        _conf_py(app),
    )
    return None


def policy_uri(app: Sphinx, docname: str) -> str:
    """The page's address relative to the root of the site, as this builder writes it
    (``policy.html``, ``policy/``; singlehtml's one page and the document's anchor)."""
    uri = app.builder.get_target_uri(docname)
    if uri.startswith("#"):  # singlehtml: every document is an anchor of the root page
        suffix = getattr(app.builder, "out_suffix", ".html")
        uri = f"{app.config.root_doc}{suffix}{uri}"
    return uri


def scripted_categories(app: Sphinx, inventory: CookieInventory) -> frozenset[str]:
    """The categories of ``cookies_scripts``, each problem with it warned about."""
    scripts: dict[str, list[object]] = app.config.cookies_scripts
    unknown = [category for category in scripts if category not in inventory.categories]
    if unknown:
        warn_banner(
            __(
                "cookies_scripts holds scripts for %s, which the inventory does not declare, so "
                "they never run; its categories are: %s"
            )
            % (", ".join(map(repr, unknown)), ", ".join(inventory.categories)),
            _conf_py(app),
        )
    for name in _local_scripts(scripts.values()):
        if not _in_static_path(app, name):
            warn_banner(
                __(
                    "cookies_scripts names %r, which is in no folder of html_static_path; put it "
                    "there, or give its full URL"
                )
                % (name,),
                _conf_py(app),
            )
    return frozenset(category for category in scripts if category in inventory.categories)


def _local_scripts(lists: Iterable[list[object]]) -> list[str]:
    names = []
    for scripts in lists:
        for script in scripts:
            name = script if isinstance(script, str) else None
            if isinstance(script, (tuple, list)):
                name = script[0]
            if isinstance(name, str) and "://" not in name and not name.startswith("//"):
                names.append(name)
    return names


def _in_static_path(app: Sphinx, name: str) -> bool:
    folders = [Path(app.confdir, folder) for folder in app.config.html_static_path]
    return any((folder / name).is_file() for folder in folders)


def site_files(app: Sphinx, path: str, inventory: CookieInventory) -> dict[str, str]:
    """The files to write, by their path in the output: the script first."""
    banner = bool(app.config.cookies_banner)
    docname = policy_page(app, warn=banner)
    site = BannerSite(
        policy_uri=policy_uri(app, docname) if docname is not None else None,
        scripted_categories=scripted_categories(app, inventory) if banner else frozenset(),
    )
    translations = project_catalog(app.env, docname) if docname is not None else None
    words = export_words(app, translations.gettext if translations is not None else None)
    config = banner_config(inventory, words, tuple(app.config.cookies_columns), site)
    files = {CONSENT_SCRIPT: cookieconsent_script(config) + site_script(SCRIPT_GLOBAL)}
    if app.config.cookies_export:
        files.update(export_files(app, path, inventory, words, config))
    return files


def _write(path: Path, text: str) -> bool | None:
    """Write ``text`` unless the file already holds it: whether the file changed, or None
    (and a warning) if it cannot be written."""
    data = text.encode("utf-8")
    try:
        if path.is_file() and path.read_bytes() == data:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as error:
        reason = error.strerror or error
        logger.warning(__("cannot write %s: %s"), path, reason, type="cookies", subtype="export")
        return None
    return True


def _shipped_files_changed(outdir: Path) -> bool:
    """Whether the banner's shipped files differ from the copies of the last build."""
    for shipped in BANNER_STATIC_DIR.iterdir():
        copy = outdir / "_static" / shipped.name
        if not copy.is_file() or copy.read_bytes() != shipped.read_bytes():
            return True
    return False


def write_site_files(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: write the files; every document, when one of them changed."""
    config = app.config
    if not (config.cookies_export or config.cookies_banner) or not is_website(app.builder):
        return []
    configured = configured_inventory(
        app,
        __("cookies_export is on, but the inventory (cookies_file) %s; nothing was exported")
        if config.cookies_export
        else __("cookies_banner is on, but the inventory (cookies_file) %s; no banner is shown"),
    )
    outdir = Path(app.builder.outdir)
    if configured is None:
        files = {CONSENT_SCRIPT: NO_CONFIGURATION} if config.cookies_banner else {}
    else:
        files = site_files(app, *configured)
    script = files.pop(CONSENT_SCRIPT, None)
    changed = script is not None and _write(outdir / CONSENT_SCRIPT, script)
    if config.cookies_banner:
        changed = _shipped_files_changed(outdir) or changed
    cookies_domain(env).exports = files
    return sorted(env.found_docs) if changed else []


def write_exports(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: the exports no page loads, when the build succeeded."""
    exports = cookies_domain(app.env).exports
    cookies_domain(app.env).exports = {}
    if exception is not None or not exports:
        return
    outdir = Path(app.builder.outdir)
    written = [_write(outdir / name, text) is not None for name, text in exports.items()]
    if all(written):
        logger.info(
            __("cookies: exported %s, %s and %s"), COOKIES_JSON, CONSENT_JSON, CONSENT_SCRIPT
        )


def setup_site_files(app: Sphinx) -> None:
    app.connect("env-updated", write_site_files)
    app.connect("build-finished", write_exports)
