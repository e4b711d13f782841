"""What a build spends in gijiroku's own code, for the benchmark: CPU seconds by phase,
and how many meeting files were parsed.

Module state on purpose: each language build loads the MkDocs hook afresh, but they
all share this package, so one build's figures add up here. A forked language build
starts from zero (`reset`) and hands its own figures back (`snapshot`, `merge`).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

timings: dict[str, float] = {}
counts: dict[str, int] = {}


@contextlib.contextmanager
def timed(phase: str) -> Iterator[None]:
    """Add the CPU time the block takes to `phase`: the benchmark compares it with the
    build's CPU time, and a wall clock would also count waiting for a shared core."""
    started = time.process_time()
    try:
        yield
    finally:
        timings[phase] = timings.get(phase, 0.0) + time.process_time() - started


def count(what: str, n: int = 1) -> None:
    """Add `n` to the counter `what`."""
    counts[what] = counts.get(what, 0) + n


def reset() -> None:
    """Forget everything recorded (a new build, or a forked child's own share)."""
    timings.clear()
    counts.clear()


def snapshot() -> dict[str, dict[str, float]]:
    """Everything recorded, as JSON-ready data."""
    return {"seconds": dict(timings), "counts": dict(counts)}


def merge(recorded: dict[str, dict[str, float]]) -> None:
    """Add figures recorded elsewhere (a forked language build) to this process's."""
    for phase, seconds in recorded.get("seconds", {}).items():
        timings[phase] = timings.get(phase, 0.0) + seconds
    for what, n in recorded.get("counts", {}).items():
        count(what, int(n))
