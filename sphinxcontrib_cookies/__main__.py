"""``python -m sphinxcontrib_cookies``: the ``sphinx-cookies`` command line."""

from .cli import main

raise SystemExit(main())
