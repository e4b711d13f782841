"""What a build spends in gijiroku's own code, for the benchmark: CPU seconds by phase,
the process's peak memory at the end of each phase, and how many meeting files were
parsed.

Module state on purpose: each language build loads the MkDocs hook afresh, but they
all share this package, so one build's figures add up here. A forked language build
starts from zero (`reset`) and hands its own figures back (`snapshot`, `merge`).
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator

timings: dict[str, float] = {}
counts: dict[str, int] = {}
peaks: dict[str, int] = {}
"""Per phase, the largest peak resident set size (bytes) of a process at the end of it."""


def peak_rss() -> int:
    """This process's peak resident set size so far, in bytes (0 where the platform
    cannot tell). A forked child starts from its parent's resident size: the pages they
    share count in both."""
    if sys.platform == "win32":
        return 0
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # macOS counts bytes, Linux KiB


@contextlib.contextmanager
def timed(phase: str) -> Iterator[None]:
    """Add the CPU time the block takes to `phase`: the benchmark compares it with the
    build's CPU time, and a wall clock would also count waiting for a shared core.
    Also note the process's peak memory when the block ends."""
    started = time.process_time()
    try:
        yield
    finally:
        timings[phase] = timings.get(phase, 0.0) + time.process_time() - started
        peaks[phase] = max(peaks.get(phase, 0), peak_rss())


def count(what: str, n: int = 1) -> None:
    """Add `n` to the counter `what`."""
    counts[what] = counts.get(what, 0) + n


def reset() -> None:
    """Forget everything recorded (a new build, or a forked child's own share)."""
    timings.clear()
    counts.clear()
    peaks.clear()


def snapshot() -> dict[str, dict[str, float]]:
    """Everything recorded, as JSON-ready data."""
    return {"seconds": dict(timings), "counts": dict(counts), "peak_rss": dict(peaks)}


def merge(recorded: dict[str, dict[str, float]]) -> None:
    """Add figures recorded elsewhere (a forked language build) to this process's.
    Seconds and counts add up; a peak is a high-water mark of one process, so of two
    processes' peaks for a phase the larger is kept (they ran side by side, but the
    pages they share would count twice in a sum)."""
    for phase, seconds in recorded.get("seconds", {}).items():
        timings[phase] = timings.get(phase, 0.0) + seconds
    for what, n in recorded.get("counts", {}).items():
        count(what, int(n))
    for phase, peak in recorded.get("peak_rss", {}).items():
        peaks[phase] = max(peaks.get(phase, 0), int(peak))
