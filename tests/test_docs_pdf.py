"""The project's own documentation, which shows every directive, through LaTeX to PDF: a
character that pdflatex cannot typeset (an Arabic-Indic digit on the security page did) stops
the whole book. The ePub of the same docs builds without a warning."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the whole docs, and latexmk

DOCS = Path(__file__).parent.parent / "docs"


def sphinx_build(builder: str, tmp_path: Path) -> Path:
    outdir = tmp_path / builder
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", builder]
    command += ["-d", str(tmp_path / "doctrees"), str(DOCS), str(outdir)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    return outdir


@pytest.mark.skipif(
    shutil.which("latexmk") is None or shutil.which("pdftotext") is None,
    reason="latexmk and pdftotext are not installed (apt-get install latexmk poppler-utils)",
)
def test_the_docs_compile_to_a_pdf_that_shows_the_policy(tmp_path: Path) -> None:
    latex = sphinx_build("latex", tmp_path)
    compiled = subprocess.run(
        [
            "latexmk",
            "-pdf",
            "-interaction=nonstopmode",
            "-halt-on-error",
            "sphinxcontrib-cookies.tex",
        ],
        cwd=latex,
        capture_output=True,
        text=True,
        errors="replace",  # TeX's log is in the fonts' encodings, not UTF-8
        check=False,
    )
    errors = [line for line in compiled.stdout.splitlines() if line.startswith("!")]
    assert (compiled.returncode, errors) == (0, [])
    text = subprocess.run(
        ["pdftotext", str(latex / "sphinxcontrib-cookies.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Strictly necessary cookies" in text
    assert "csrftoken" in text


def test_the_docs_make_an_epub_without_a_warning(tmp_path: Path) -> None:
    assert (sphinx_build("epub", tmp_path) / "sphinxcontrib-cookies.epub").is_file()
