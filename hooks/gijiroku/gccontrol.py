"""Pausing Python's cyclic garbage collector around allocation-heavy phases, and giving
freed memory back to the system after them."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
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


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def give_back() -> None:
    """Collect cyclic garbage and return the memory freed since to the system.

    A large build frees as much as it keeps (the search index's tables, each page's
    HTML once written), but the C allocator keeps freed memory for later use: the
    process's footprint is its high-water mark. glibc's `malloc_trim` hands free pages
    back; elsewhere this only collects garbage."""
    gc.collect()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
