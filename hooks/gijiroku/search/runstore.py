"""Each meeting's remarks cut into runs, kept between builds by the digest of the
meeting's files, so that a rebuild of the search index cuts only changed meetings.

Cutting text into runs (normalising it, finding its Japanese runs and words) is most of
the index's CPU time; the runs of a meeting depend only on its text in the language
and on the cutting rules. The store is two files in a language's cache folder:

    runs.bin    per meeting, its documents' distinct runs: runs joined by U+001F,
                documents by U+001E (runs are letters, digits and kana only), zlib'd
    runs.json   the key of the shared inputs (the code is in it) and, per meeting
                digest, where its runs are in runs.bin and the digest of them there
                (with the meeting's digest: runs moved to another meeting's place
                do not pass)

Each build writes both anew with only the meetings it indexed (a removed meeting's runs
go with it) and replaces the old ones when it is done; they are read only by the
next build whose shared inputs have the same key. Nothing is held in memory but the
positions. Whatever cannot be read back as it was written (a damaged, truncated or
swapped file, an index of the wrong shape) is cut again, never a failed build.
"""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO

from ..sources import digest_of, read_regular, remove_path
from .tokenize import runs

RUN, DOC = "\x1f", "\x1e"
FORMAT = 2

_Place = tuple[int, int, str]
"""Where a meeting's runs are in a store: offset, size, and the digest of the meeting's
digest and the bytes there."""


class RunStore:
    """The runs of one language build's meetings: the last build's, and this one's."""

    def __init__(self, folder: Path, site_key: str) -> None:
        self.folder = folder
        self.site_key = site_key
        self._old: dict[str, _Place] = {}
        self._old_file: IO[bytes] | None = None
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError, RecursionError):
            data = read_regular(folder / "runs.json")
            index = json.loads(data) if data is not None else None
            if isinstance(index, dict) and index.get("format") == FORMAT and index.get("site") == site_key:
                self._old = {str(k): _place(v) for k, v in index["meetings"].items()}
                self._old_file = open(folder / "runs.bin", "rb")  # noqa: SIM115 - closed in save()
        folder.mkdir(parents=True, exist_ok=True)
        remove_path(folder / "runs.bin.new")
        self._new_file = open(folder / "runs.bin.new", "wb")  # noqa: SIM115 - closed in save()
        self._new: dict[str, _Place] = {}
        self._end = 0
        self.reused = 0
        self.discarded = 0
        """Meetings whose stored runs could not be read back as written (cut again)."""

    def runs_of(self, digest: str, texts: Callable[[], list[str]]) -> list[list[str]]:
        """The distinct runs of each of a meeting's documents (`texts` gives their text
        when the store does not have them)."""
        stored = self._stored(digest)
        if stored is not None:
            return stored
        cut = [list(dict.fromkeys(runs(text))) for text in texts()]
        joined = DOC.join(RUN.join(doc) for doc in cut)
        assert joined.count(DOC) == len(cut) - 1 or not cut, "a run holds a separator"
        self._append(digest, zlib.compress(joined.encode("utf-8"), 1))
        return cut

    def _stored(self, digest: str) -> list[list[str]] | None:
        """The runs stored for `digest`, by this build or, intact, by the last one."""
        if digest in self._new:
            at, size, _ = self._new[digest]
            self._new_file.flush()
            return _unpacked(os.pread(self._new_file.fileno(), size, at))
        place = self._old.get(digest)
        if place is None or self._old_file is None:
            return None
        at, size, check = place
        try:
            blob = os.pread(self._old_file.fileno(), size, at)
            intact = len(blob) == size and _check(digest, blob) == check
            cut = _unpacked(blob) if intact else None
        except (OSError, zlib.error, UnicodeDecodeError):
            cut = None
        if cut is None:
            self.discarded += 1
            return None
        self._append(digest, blob)
        self.reused += 1
        return cut

    def _append(self, digest: str, blob: bytes) -> None:
        self._new_file.write(blob)
        self._new[digest] = (self._end, len(blob), _check(digest, blob))
        self._end += len(blob)

    def save(self) -> None:
        """Replace the last build's store with this one's."""
        self._new_file.close()
        if self._old_file is not None:
            self._old_file.close()
        # The positions go first: a store interrupted here is not read, never misread.
        remove_path(self.folder / "runs.json")
        remove_path(self.folder / "runs.bin")
        os.replace(self.folder / "runs.bin.new", self.folder / "runs.bin")
        index = {"format": FORMAT, "site": self.site_key, "meetings": {k: list(v) for k, v in self._new.items()}}
        temporary = self.folder / "runs.json.new"
        remove_path(temporary)
        temporary.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        os.replace(temporary, self.folder / "runs.json")

    def discard(self) -> None:
        """Leave the last build's store as it was."""
        self._new_file.close()
        if self._old_file is not None:
            self._old_file.close()
        (self.folder / "runs.bin.new").unlink(missing_ok=True)


def _place(value: object) -> _Place:
    if not isinstance(value, list) or len(value) != 3:
        raise ValueError("not a place")
    at, size, check = value
    if not isinstance(at, int) or not isinstance(size, int) or not isinstance(check, str) or at < 0 or size < 0:
        raise ValueError("not a place")
    return at, size, check


def _check(digest: str, blob: bytes) -> str:
    return digest_of(digest.encode("ascii", "replace") + b"\0" + blob)


def _unpacked(blob: bytes) -> list[list[str]]:
    joined = zlib.decompress(blob).decode("utf-8")
    return [doc.split(RUN) if doc else [] for doc in joined.split(DOC)]
