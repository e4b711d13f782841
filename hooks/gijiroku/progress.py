"""Progress of a build's long phases, told at INFO with counts and time.

A large archive's build runs for minutes; MkDocs by itself says nothing between "Building
documentation" and "Documentation built". Each phase says what it did when it ends
("loaded 4,000 meetings in 52.1 s"), and one that runs long says how far it has got, at
most one line every few seconds ("rendered 1,200 of 8,000 pages (kept 1,100), 18.0 s").
The lines go to MkDocs' own logger, so `mkdocs build -q` keeps them quiet and `-v` shows
them with MkDocs' lines.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

log = logging.getLogger("mkdocs.plugins.gijiroku")

EVERY = 5.0
"""Seconds between two lines of one phase's progress."""


class Progress:
    """How far a phase has got: `advance` as it goes, `done` when it ends.

    `what` is the phase's verb and object as printed in each line ("rendered {} pages"),
    with `{}` where the count goes; `total` is how many there are to do, if known.
    """

    def __init__(
        self, what: str, total: int | None = None, *, every: float = EVERY, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.what, self.total, self.every, self.clock = what, total, every, clock
        self.started = self.last = clock()
        self.count = 0
        self.notes: dict[str, int] = {}

    def advance(self, n: int = 1, **notes: int) -> None:
        """`n` more done, and counts to add to the line's notes (`kept=1`). Tells how far
        it has got if the last line is `every` seconds old."""
        self.count += n
        for name, value in notes.items():
            self.notes[name] = self.notes.get(name, 0) + value
        now = self.clock()
        if now - self.last >= self.every and log.isEnabledFor(logging.INFO):
            self.last = now
            log.info("gijiroku: %s, %.1f s", self._line(of_total=True), now - self.started)

    def done(self, detail: str = "") -> None:
        """The phase has ended: one line with what it did (and `detail`, after a colon)
        and how long it took."""
        line = self._line(of_total=False) + (f": {detail}" if detail else "")
        log.info("gijiroku: %s in %.1f s", line, self.clock() - self.started)

    def _line(self, *, of_total: bool) -> str:
        count = f"{self.count:,}" + (f" of {self.total:,}" if of_total and self.total is not None else "")
        line = self.what.format(count)
        notes = ", ".join(f"{name.replace('_', ' ')} {value:,}" for name, value in self.notes.items())
        return f"{line} ({notes})" if notes else line
