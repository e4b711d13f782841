"""Running jobs side by side: all but the last in forked children, the last here.

The language builds are independent and all need the loaded archive: forked, each
inherits it and nothing is parsed again. Running the last job in this process rather
than in a child of its own matters: a page of inherited memory is copied once, by
whichever process writes it first (every reference count touched is a write), and then
belongs to the other; with two children and an idle parent, each child copied the whole
archive (rendering the pages of 4,000 meetings cost 6 s of system time per child, 0.7 s
this way). Frozen (Python's `gc.freeze` recipe), the inherited objects are never walked
by a garbage collection either.

Each child hands its `timing` figures back in a file beside `timings_target` (when
given) and its outcome in its exit status.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from . import timing

log = logging.getLogger("mkdocs.plugins.gijiroku")

Job = tuple[str, Callable[[], None]]
"""A job's name (e.g. its language) and what it runs."""


def can_fork() -> bool:
    """Whether this system can run jobs side by side (fork, and more than one core)."""
    # Never from a process with other threads (`mkdocs serve`'s server, even when it
    # builds as "build"): a forked child gets only the forking thread, and any lock
    # another thread held stays locked in it.
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def run_side_by_side(jobs: list[Job], timings_target: str | None = None) -> list[str]:
    """Run every job but the last in a forked child and the last here; the names of the
    jobs that failed in a child (a failure here raises, once the children are done)."""
    *forked, (own_name, own_job) = jobs
    gc.freeze()
    try:
        children = {_fork(name, job, timings_target): name for name, job in forked}
        try:
            with timing.timed(f"build_{own_name}"):
                own_job()
        finally:  # whatever happened here, the children finish before this returns
            failed = _wait_for(children, timings_target)
    finally:
        gc.unfreeze()
    return failed


def _wait_for(children: dict[int, str], timings_target: str | None) -> list[str]:
    failed = []
    for pid, name in children.items():
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(name)
        path = _child_timings_path(timings_target, name)
        if path is not None and path.is_file():
            timing.merge(json.loads(path.read_text(encoding="utf-8")))
            path.unlink()
    return failed


def _fork(name: str, job: Callable[[], None], timings_target: str | None) -> int:
    pid = os.fork()
    if pid != 0:
        return pid
    # The child: run, hand the figures back in a file and the outcome in the exit status.
    status = 1
    timing.reset()  # the parent's figures stay the parent's
    try:
        with timing.timed(f"build_{name}"):
            job()
        path = _child_timings_path(timings_target, name)
        if path is not None:
            path.write_text(json.dumps(timing.snapshot()), encoding="utf-8")
        status = 0
    except BaseException as exc:  # noqa: BLE001 - any failure must reach the parent
        log.error(f"{name}: {exc}")
    finally:
        logging.shutdown()
        os._exit(status)


def _child_timings_path(target: str | None, name: str) -> Path | None:
    return Path(f"{target}.{name}") if target else None
