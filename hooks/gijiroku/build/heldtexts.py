"""Texts held until they are needed, compressed, and on disk where the build says so.

A language build makes every generated page's Markdown before MkDocs converts any, and
MkDocs converts every page before it writes any: held as plain strings, the whole
site's Markdown and HTML were in memory at once, most of a large build's peak. Held
here, each is zlib-compressed at its fastest level and, once `spill_to` names a
folder, appended to a temporary file there (unlinked as it is made, so nothing is
left behind whatever happens): memory keeps only where each text is. A text is read
back only for the page being converted or written.
"""

from __future__ import annotations

import os
import tempfile
import zlib
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import IO


class HeldTexts(MutableMapping[str, str]):
    """A mapping of texts (source path -> text) that stores each one compressed."""

    def __init__(self) -> None:
        self._held: dict[str, bytes | tuple[int, int]] = {}
        self._folder: Path | None = None
        self._file: IO[bytes] | None = None
        self._pid = 0
        self._end = 0

    def spill_to(self, folder: Path) -> None:
        """Keep texts held from now on in a temporary file in `folder`, not in memory.
        The file is opened by the process that first holds a text (a language build
        forked after this call has its own)."""
        self._folder = folder

    def _store(self, data: bytes) -> bytes | tuple[int, int]:
        if self._folder is None:
            return data
        if self._file is None or self._pid != os.getpid():
            if self._file is not None and any(isinstance(v, tuple) for v in self._held.values()):
                raise RuntimeError("texts held on disk by another process cannot be read here")
            self._folder.mkdir(parents=True, exist_ok=True)
            self._file = tempfile.TemporaryFile(dir=self._folder)  # noqa: SIM115 - held until the build ends
            self._pid, self._end = os.getpid(), 0
        at = self._end
        os.pwrite(self._file.fileno(), data, at)
        self._end += len(data)
        return at, len(data)

    def _load(self, stored: bytes | tuple[int, int]) -> bytes:
        if isinstance(stored, bytes):
            return stored
        assert self._file is not None
        at, size = stored
        return os.pread(self._file.fileno(), size, at)

    def __getitem__(self, key: str) -> str:
        return zlib.decompress(self._load(self._held[key])).decode("utf-8", "surrogatepass")

    def __setitem__(self, key: str, value: str) -> None:
        self._held[key] = self._store(zlib.compress(value.encode("utf-8", "surrogatepass"), 1))

    def __delitem__(self, key: str) -> None:
        del self._held[key]
        if not self._held and self._file is not None:  # nothing left: the space goes back
            self._file.close()
            self._file = None

    def __iter__(self) -> Iterator[str]:
        return iter(self._held)

    def __len__(self) -> int:
        return len(self._held)

    def __contains__(self, key: object) -> bool:
        return key in self._held

    def packed(self, key: str) -> bytes:
        """The compressed text: equal texts give equal bytes (the cache keys pages by it)."""
        return self._load(self._held[key])

    def take(self, key: str) -> str:
        """The text, forgotten here."""
        text = self[key]
        del self[key]
        return text
