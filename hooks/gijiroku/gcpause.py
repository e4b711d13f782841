"""Pausing Python's cyclic garbage collector around allocation-heavy phases."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Run a block without the cyclic garbage collector.

    For blocks that build large structures which all live on and hold almost no
    cycles (loading the archive, rendering pages, building the search index): every
    collection their allocations trigger would only walk what is already there, and
    everything else in the process, again (on 1,000 meetings that was 60 % of the load
    time). Whatever garbage the block leaves is collected as usual once it ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
