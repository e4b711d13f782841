"""Jinja templates compiled once per process, for every build that process runs."""

from __future__ import annotations

import jinja2
import jinja2.bccache


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by template and
    checked against its source (an edited template is compiled again).

    Every MkDocs build makes a new Jinja environment that would compile the theme's
    templates again: under `mkdocs serve` that is three builds per save, and the
    language builds of `mkdocs build` inherit what the root build compiled."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Give the bucket the code compiled for it earlier in this process, if any."""
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the code Jinja compiled for the bucket."""
        self._store[bucket.key] = bucket.bytecode_to_string()


BYTECODE_CACHE = MemoryBytecodeCache()
