"""CPU time spent in gijiroku's own code during a build, summed by phase, for the benchmark.

Module state on purpose: each language build loads the MkDocs hook afresh, but they
all share this package, so one build's phases add up here.
"""

from __future__ import annotations

import contextlib
import time
from typing import Iterator

timings: dict[str, float] = {}


@contextlib.contextmanager
def timed(phase: str) -> Iterator[None]:
    """Add the CPU time the block takes to `phase`: the benchmark compares it with the
    build's CPU time, and a wall clock would also count waiting for a shared core."""
    started = time.process_time()
    try:
        yield
    finally:
        timings[phase] = timings.get(phase, 0.0) + time.process_time() - started
