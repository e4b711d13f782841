"""Texts held compressed until they are needed.

A language build makes every generated page's Markdown before MkDocs converts any, and
MkDocs converts every page before it writes any: held as plain strings, the whole
site's Markdown and HTML were in memory at once, most of a large build's peak. Held
here, zlib-compressed at its fastest level, they take a fraction of that, and each is
unpacked only for the page being converted or written.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, MutableMapping


class HeldTexts(MutableMapping[str, str]):
    """A mapping of texts (source path -> text) that stores each one compressed."""

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def __getitem__(self, key: str) -> str:
        return zlib.decompress(self._held[key]).decode("utf-8", "surrogatepass")

    def __setitem__(self, key: str, value: str) -> None:
        self._held[key] = zlib.compress(value.encode("utf-8", "surrogatepass"), 1)

    def __delitem__(self, key: str) -> None:
        del self._held[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._held)

    def __len__(self) -> int:
        return len(self._held)

    def __contains__(self, key: object) -> bool:
        return key in self._held

    def packed(self, key: str) -> bytes:
        """The compressed text: equal texts give equal bytes (the cache keys pages by it)."""
        return self._held[key]

    def take(self, key: str) -> str:
        """The text, forgotten here."""
        return zlib.decompress(self._held.pop(key)).decode("utf-8", "surrogatepass")
