"""The peer: sphinxcontrib-datatemplates, in its own venv, rendering the YAML through a Jinja
``list-table`` template (``peer_template.jinja``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from .baselines import COLUMN_TITLES, COLUMNS, STORAGE_WORDS, page
from .convert_ocd import dump_inventory
from .harness import WORK, Project, write_project

PEER_VENV = WORK / "peer-venv"
PEER_PYTHON = PEER_VENV / "bin" / "python"
PEER_PACKAGES = ("sphinx==9.0.4", "sphinxcontrib-datatemplates", "pyyaml")
TEMPLATE = Path(__file__).with_name("peer_template.jinja")


def ensure_peer() -> str | None:
    """Install the peer into its own venv when missing; return why it cannot run, or None."""
    if not PEER_PYTHON.exists():
        print(f"    creating {PEER_VENV} with {' '.join(PEER_PACKAGES)}")
        try:
            subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
            subprocess.run(
                [str(PEER_PYTHON), "-m", "pip", "install", "-q", *PEER_PACKAGES],
                check=True,
                capture_output=True,
                text=True,
            )
        except subprocess.CalledProcessError as error:
            return f"could not install {list(PEER_PACKAGES)}: {(error.stderr or '')[-500:]}"
    probe = subprocess.run(
        [
            str(PEER_PYTHON),
            "-c",
            "import sphinx, importlib.metadata as m; "
            "print(sphinx.__version__, m.version('sphinxcontrib-datatemplates'))",
        ],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        return f"the peer venv cannot import Sphinx or datatemplates: {probe.stderr[-500:]}"
    sphinx_version, peer_version = probe.stdout.split()
    print(f"    peer: sphinxcontrib-datatemplates {peer_version} on Sphinx {sphinx_version}")
    return None


def peer_template() -> str:
    """The template, with the titles of its columns (``COLUMNS``, the columns every case shows)
    and the words after the names of storage that is not a cookie set in front, so that every
    side takes them from one place."""
    titles = [COLUMN_TITLES[column] for column in COLUMNS]
    return (
        f"{{%- set titles = {titles!r} -%}}\n"
        f"{{%- set storage_words = {dict(STORAGE_WORDS)!r} -%}}\n"
        + TEMPLATE.read_text(encoding="utf-8")
    )


#: The peer's loader calls ``yaml.safe_load``, PyYAML's parser in Python, even where PyYAML was
#: built with libyaml; this makes it use libyaml's (``CSafeLoader``), as a fair comparison.
LIBYAML_CONF = """
import yaml
yaml.safe_load = lambda stream: yaml.load(stream, Loader=yaml.CSafeLoader)
"""


def peer_project(
    directory: Path, title: str, document: dict[str, Any], *, libyaml: bool = False
) -> Project:
    """A page rendering ``document`` with ``datatemplate:yaml``, built by the peer's venv, with
    the YAML parser users get (``yaml.safe_load``), or with libyaml's."""
    write_project(
        directory,
        extensions=["sphinxcontrib.datatemplates"],
        pages={
            "index": page(
                title, ".. datatemplate:yaml:: cookies.yaml\n   :template: cookies.tmpl\n"
            )
        },
        files={
            "cookies.yaml": dump_inventory(document),
            "_templates/cookies.tmpl": peer_template(),
        },
        conf_extra="templates_path = ['_templates']\n" + (LIBYAML_CONF if libyaml else ""),
    )
    label = "C datatemplates, libyaml" if libyaml else "B datatemplates, as run"
    return Project(label, directory, PEER_PYTHON)
