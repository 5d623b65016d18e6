"""Hypothesis settings for the fuzzers, and the budget each generated case must stay within.

Every run of the test suite runs the fuzzers with a fixed seed (``derandomize``), so that a
failure in CI happens again on a laptop. ``python -m pytest -m fuzz`` runs them longer, with a
fresh seed each time (``COOKIES_FUZZ_FACTOR`` times the examples, 20 by default): the
nightly-style search. ``conftest.py`` tells the two apart from the marker expression.

A case's budget is in proportion to its input: a little processor time and memory per byte,
over a fixed allowance. The figures are ten times or more what the loader needs on the worst
inputs measured (``benchmarks/loader_limits.py``), so that only work out of proportion to the
input (quadratic, or worse) goes past them, however loaded the machine.
"""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from hypothesis import HealthCheck, settings

#: Set by conftest.py when the marker expression selects ``fuzz``.
LONG_RUN = "COOKIES_FUZZ_LONG"


def fuzz_settings(examples: int) -> settings:
    """``examples`` cases with a fixed seed; many more, freshly seeded, in a ``-m fuzz`` run."""
    health = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
    if os.environ.get(LONG_RUN):
        factor = int(os.environ.get("COOKIES_FUZZ_FACTOR", "20"))
        return settings(max_examples=examples * factor, deadline=None, suppress_health_check=health)
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=health,
    )


@dataclass(frozen=True)
class Budget:
    """Processor seconds and bytes of memory (at the peak) that a case may use, for its size."""

    seconds: float = 2.0
    seconds_per_megabyte: float = 20.0
    memory: int = 30 * 1024 * 1024
    memory_per_byte: int = 200

    @contextmanager
    def held(self, size: int, what: str = "case") -> Iterator[None]:
        """Run the body of the ``with`` and check it stayed within the budget for ``size``."""
        was_tracing = tracemalloc.is_tracing()
        if not was_tracing:
            tracemalloc.start()
        tracemalloc.reset_peak()
        started = time.process_time()
        try:
            yield
        finally:
            spent = time.process_time() - started
            peak = tracemalloc.get_traced_memory()[1]
            if not was_tracing:
                tracemalloc.stop()
        allowed_time = self.seconds + self.seconds_per_megabyte * size / 1_000_000
        allowed_memory = self.memory + self.memory_per_byte * size
        assert spent <= allowed_time, f"{what} of {size:,} bytes took {spent:.2f} s of processor"
        assert peak <= allowed_memory, f"{what} of {size:,} bytes took {peak:,} bytes at its peak"
