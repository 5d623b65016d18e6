"""The compiled catalogs (and the banner's files) ship in the wheel, and an installed copy (not
the source tree) uses them.

Slow-ish (about 10 s: it builds the wheel, which fetches the build backend as pip does)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).parent.parent
ROOT = Path(__file__).parent / "roots" / "test-i18n-policy"
LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)  # fmt: skip


def run(*command: str | Path, cwd: Path | None = None) -> str:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, cwd=cwd)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.mark.slow  # builds a wheel and a virtual environment
def test_an_installed_wheel_translates(tmp_path: Path) -> None:
    run(sys.executable, "-m", "pip", "wheel", PROJECT, "--no-deps", "-q", "-w", tmp_path / "dist")
    (wheel,) = (tmp_path / "dist").glob("sphinxcontrib_cookies-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # The consent banner's browser files, with cookieconsent's licence, and their record.
    banner = {
        f"sphinxcontrib_cookies/static_banner/{name}"
        for name in (
            "cookieconsent.umd.js",
            "cookieconsent.css",
            "cookieconsent.LICENSE",
            "cookies-banner.js",
            "cookies-banner.css",
        )
    }
    assert banner | {"sphinxcontrib_cookies/data/cookieconsent.json"} <= names
    catalogs = {name for name in names if name.endswith(".mo")}
    assert catalogs == {
        f"sphinxcontrib_cookies/locales/{language}/LC_MESSAGES/sphinxcontrib-cookies.mo"
        for language in LANGUAGES
    }

    # A fresh environment holding the installed wheel. Its dependencies (Sphinx, Babel...) are
    # borrowed from this one through a .pth line, which does not activate this environment's
    # editable install of the package.
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site_packages = Path(run(python, "-c", purelib).strip())
    (site_packages / "borrowed-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site_packages, wheel)
    # Run from elsewhere than the source tree, which python -c would import first.
    location = run(
        python, "-c", "import sphinxcontrib_cookies; print(sphinxcontrib_cookies.__file__)",
        cwd=tmp_path,
    )  # fmt: skip
    assert Path(location.strip()).is_relative_to(site_packages)

    srcdir = tmp_path / "src"
    shutil.copytree(ROOT, srcdir)
    for language, expected in (
        ("de", ("Notwendige Cookies", "13 Monate", "Sitzung", "Für diese Cookies ist Ihre")),
        ("mt", ("Cookies meħtieġa", "13-il xahar", "2 snin")),
    ):
        outdir = tmp_path / language
        run(
            python, "-m", "sphinx", "-q", "-b", "html", "-D", f"language={language}", srcdir,
            outdir, cwd=tmp_path,
        )  # fmt: skip
        text = re.sub(r"<[^>]+>", " ", (outdir / "index.html").read_text("utf-8"))
        for words in expected:
            assert words in text, (language, words)
