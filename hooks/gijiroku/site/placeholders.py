"""Placeholders that hand-written pages use to pull in generated lists."""

from __future__ import annotations

import re
from typing import Protocol

PLACEHOLDER = re.compile(r"<!--\s*gijiroku:(?P<name>[a-z-]+)\s*-->")


class _Lists(Protocol):
    def render_latest(self, from_src: str, count: int = 10) -> str: ...


def fill_placeholders(markdown: str, src: str, renderer: _Lists) -> str:
    """Replace `<!-- gijiroku:latest-meetings -->` with the latest meetings (and drop
    `<!-- gijiroku:downloads -->` and `<!-- gijiroku:moved-data -->`, which data out fills
    in when it runs); unknown placeholders are an error, so a typo never publishes an
    empty section."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name == "latest-meetings":
            return renderer.render_latest(src)
        if name in ("downloads", "moved-data"):  # data out fills them in first; a build without data out has none
            return ""
        line = markdown.count("\n", 0, match.start()) + 1
        raise ValueError(
            f"{src}:{line}: unknown placeholder '<!-- gijiroku:{name} -->'; known: latest-meetings, downloads, moved-data"
        )

    return PLACEHOLDER.sub(replace, markdown)
