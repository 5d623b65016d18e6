"""sphinxcontrib-cookies: a website's cookie policy, kept as one YAML inventory, rendered by Sphinx.

Layers, in one direction: ``inventory`` (the YAML format: loading and checking, no docutils),
``render`` (an inventory into docutils nodes, no files) and ``extension`` (the Sphinx glue).
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def setup(app: Any) -> dict[str, Any]:
    from .extension import setup_extension

    setup_extension(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
