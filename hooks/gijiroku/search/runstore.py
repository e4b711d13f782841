"""Each meeting's remarks cut into runs, kept between builds by the digest of the
meeting's files, so that a rebuild of the search index cuts only changed meetings.

Cutting text into runs (normalising it, finding its Japanese runs and words) is most of
the index's CPU time; the runs of a meeting depend only on its text in the language
and on the cutting rules. The store is two files in a language's cache folder:

    runs.bin    per meeting, its documents' distinct runs: runs joined by U+001F,
                documents by U+001E (runs are letters, digits and kana only), zlib'd
    runs.json   the key of the shared inputs (the code is in it) and, per meeting
                digest, where its runs are in runs.bin

Each build writes both anew with only the meetings it indexed (a removed meeting's runs
go with it) and replaces the old ones when it is done; they are read only by the
next build whose shared inputs have the same key. Nothing is held in memory but the
positions.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .tokenize import runs

RUN, DOC = "\x1f", "\x1e"
FORMAT = 1


class RunStore:
    """The runs of one language build's meetings: the last build's, and this one's."""

    def __init__(self, folder: Path, site_key: str) -> None:
        self.folder = folder
        self.site_key = site_key
        self._old: dict[str, list[int]] = {}
        self._old_file: IO[bytes] | None = None
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            index = json.loads((folder / "runs.json").read_text(encoding="utf-8"))
            if index["format"] == FORMAT and index["site"] == site_key:
                self._old_file = open(folder / "runs.bin", "rb")  # noqa: SIM115 - closed in save()
                self._old = {str(k): [int(v[0]), int(v[1])] for k, v in index["meetings"].items()}
        folder.mkdir(parents=True, exist_ok=True)
        self._new_file = open(folder / "runs.bin.new", "wb")  # noqa: SIM115 - closed in save()
        self._new: dict[str, list[int]] = {}
        self._end = 0
        self.reused = 0

    def runs_of(self, digest: str, texts: Callable[[], list[str]]) -> list[list[str]]:
        """The distinct runs of each of a meeting's documents (`texts` gives their text
        when the store does not have them)."""
        blob: bytes | None = None
        if digest in self._new:
            at, size = self._new[digest]
            self._new_file.flush()
            blob = os.pread(self._new_file.fileno(), size, at)
        elif digest in self._old and self._old_file is not None:
            at, size = self._old[digest]
            blob = os.pread(self._old_file.fileno(), size, at)
            self.reused += 1
        if blob is not None:
            if digest not in self._new:
                self._append(digest, blob)
            joined = zlib.decompress(blob).decode("utf-8")
            return [doc.split(RUN) if doc else [] for doc in joined.split(DOC)]
        cut = [list(dict.fromkeys(runs(text))) for text in texts()]
        joined = DOC.join(RUN.join(doc) for doc in cut)
        assert joined.count(DOC) == len(cut) - 1 or not cut, "a run holds a separator"
        self._append(digest, zlib.compress(joined.encode("utf-8"), 1))
        return cut

    def _append(self, digest: str, blob: bytes) -> None:
        self._new_file.write(blob)
        self._new[digest] = [self._end, len(blob)]
        self._end += len(blob)

    def save(self) -> None:
        """Replace the last build's store with this one's."""
        self._new_file.close()
        if self._old_file is not None:
            self._old_file.close()
        # The positions go first: a store interrupted here is not read, never misread.
        (self.folder / "runs.json").unlink(missing_ok=True)
        os.replace(self.folder / "runs.bin.new", self.folder / "runs.bin")
        index = {"format": FORMAT, "site": self.site_key, "meetings": self._new}
        temporary = self.folder / "runs.json.new"
        temporary.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, self.folder / "runs.json")

    def discard(self) -> None:
        """Leave the last build's store as it was."""
        self._new_file.close()
        if self._old_file is not None:
            self._old_file.close()
        (self.folder / "runs.bin.new").unlink(missing_ok=True)
