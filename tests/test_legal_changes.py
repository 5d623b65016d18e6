"""``cookie-changes``: the history of the inventory read from a real git repository (made here,
on disk, with the real ``git``), or from the file's own ``changes:``; and a located warning
outside a git checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from sphinxcontrib_cookies.inventory import Duration, parse_inventory
from sphinxcontrib_cookies.legal import compare_inventories, history_changes, read_revisions

from conftest import strip_colors
from output import parse_html

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

CONF = 'extensions = ["sphinxcontrib_cookies"]\nproject = "History"\n'
PAGE = "History\n=======\n\n.. cookie-changes::\n"
FIRST = """\
categories:
  necessary:
  statistics:
  marketing:
cookies:
  - {name: sessionid, category: necessary, purpose: Signs you in.}
  - {name: _pk_id, category: statistics, purpose: Counts visits.}
  - {name: legacy, category: marketing, purpose: Shows ads.}
"""
#: Each commit's date and the file it leaves: added, re-categorised, removed.
COMMITS = (
    ("2026-01-15", FIRST),
    ("2026-03-01", FIRST.replace("_pk_id, category: statistics", "_pk_id, category: necessary")),
    (
        "2026-06-30",
        FIRST.replace("_pk_id, category: statistics", "_pk_id, category: necessary").replace(
            "  - {name: legacy, category: marketing, purpose: Shows ads.}\n", ""
        ),
    ),
)


def git(directory: Path, *arguments: str, day: str = "2026-01-01") -> None:
    moment = f"{day}T12:00:00+00:00"
    environment = {**os.environ, "GIT_AUTHOR_DATE": moment, "GIT_COMMITTER_DATE": moment}
    subprocess.run(
        ["git", "-c", "user.name=Tests", "-c", "user.email=tests@example.org",
         "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *arguments],
        cwd=directory, env=environment, check=True, capture_output=True, timeout=30,
    )  # fmt: skip


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A site in a git repository whose inventory was committed three times."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "conf.py").write_text(CONF, encoding="utf-8")
    (site / "index.rst").write_text(PAGE, encoding="utf-8")
    git(site, "init", "-q")
    for day, content in COMMITS:
        (site / "cookies.yaml").write_text(content, encoding="utf-8")
        git(site, "add", ".")
        git(site, "commit", "-q", "-m", f"cookies of {day}", day=day)
    return site


def build(source: Path, language: str = "en") -> SphinxTestApp:
    app = SphinxTestApp(
        "html",
        srcdir=source,
        builddir=source.parent / "build",
        status=StringIO(),
        warning=StringIO(),
        confoverrides={"language": language},
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def history(app: SphinxTestApp) -> list[tuple[str, list[str]]]:
    """Each date of the page's history and the sentences under it."""
    page = parse_html((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    (listing,) = page.find_all("dl", "cookie-changes")
    terms = [" ".join(term.text.split()) for term in listing.find_all("dt")]
    items = [
        [" ".join(item.text.split()) for item in definition.find_all("li")]
        for definition in listing.find_all("dd")
    ]
    return list(zip(terms, items, strict=True))


def test_three_commits_give_the_history_in_words(repository: Path) -> None:
    app = build(repository)
    assert app.warning.getvalue() == ""
    assert history(app) == [
        ("June 30, 2026", ["Removed: legacy."]),
        ("March 1, 2026", ["Moved from Statistics cookies to Necessary cookies: _pk_id."]),
        (
            "January 15, 2026",
            ["First version of this policy.", "Added: sessionid, _pk_id, legacy."],
        ),
    ]
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Last updated: June 30, 2026." in " ".join(parse_html(page).text.split())


def test_the_history_is_translated(repository: Path) -> None:
    app = build(repository, "fr")
    assert app.warning.getvalue() == ""
    assert history(app) == [
        ("30 juin 2026", ["Supprimés : legacy."]),
        ("1 mars 2026", ["Déplacés de Cookies statistiques vers Cookies nécessaires : _pk_id."]),
        (
            "15 janvier 2026",
            ["Première version de cette politique.", "Ajoutés : sessionid, _pk_id, legacy."],
        ),
    ]


def test_outside_a_git_checkout_the_directive_warns_at_its_line(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "conf.py").write_text(CONF, encoding="utf-8")
    (site / "index.rst").write_text(PAGE, encoding="utf-8")
    (site / "cookies.yaml").write_text(FIRST, encoding="utf-8")
    app = build(site)
    warnings = strip_colors(app.warning.getvalue()).splitlines()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{site / 'index.rst'}:4: WARNING: cannot read the history")
    assert "it is not in a git checkout; commit it to a git repository, or list its " in warnings[0]
    assert warnings[0].endswith("(and use :source: yaml) [cookies.history]")


def test_a_file_not_yet_committed_warns(repository: Path) -> None:
    (repository / "other.yaml").write_text(FIRST, encoding="utf-8")
    (repository / "index.rst").write_text(PAGE.replace("::", ":: other.yaml"), encoding="utf-8")
    app = build(repository)
    assert "it has not been committed yet" in app.warning.getvalue()
    assert "[cookies.history]" in app.warning.getvalue()


def test_the_changes_written_in_the_file_come_first(repository: Path) -> None:
    written = FIRST + "changes:\n  - {date: 2026-07-01, description: Removed the ad cookie.}\n"
    (repository / "cookies.yaml").write_text(written, encoding="utf-8")
    app = build(repository)
    assert app.warning.getvalue() == ""
    page = parse_html((Path(app.outdir) / "index.html").read_text(encoding="utf-8"))
    (listing,) = page.find_all("dl", "cookie-changes")
    texts = [
        " ".join(part.text.split()) for part in listing.find_all("dt") + listing.find_all("dd")
    ]
    assert texts == ["July 1, 2026", "Removed the ad cookie."]


def test_a_cut_history_does_not_claim_a_first_version(repository: Path) -> None:
    revisions = read_revisions(str(repository / "cookies.yaml"), limit=2)
    assert [revision.date for revision in revisions] == [date(2026, 6, 30), date(2026, 3, 1)]
    changes = history_changes(revisions, complete=False)
    assert [change.date for change in changes] == [date(2026, 6, 30)]


def test_lifetimes_and_providers_are_compared() -> None:
    before = parse_inventory(
        b"categories: {necessary: }\ncookies:\n"
        b"  - {name: a, category: necessary, purpose: P, duration: P1Y, provider: Old}\n",
        "cookies.yaml",
    )
    after = parse_inventory(
        b"categories: {necessary: }\ncookies:\n"
        b"  - {name: a, category: necessary, purpose: P, duration: P13M, provider: New}\n",
        "cookies.yaml",
    )
    change = compare_inventories(before, after, date(2026, 1, 1))
    assert [(item.name, item.old, item.new) for item in change.durations] == [
        ("a", Duration("period", (("year", 1),)), Duration("period", (("month", 13),)))
    ]
    names = [
        (item.name, item.old.name.resolve(None), item.new.name.resolve(None))
        for item in change.providers
        if item.old is not None and item.new is not None
    ]
    assert names == [("a", "Old", "New")]
    assert not change.added and not change.removed and not change.moved
