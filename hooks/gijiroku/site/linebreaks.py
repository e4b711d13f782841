"""Hand-written Markdown in Japanese: line breaks inside a paragraph.

Markdown turns a line break inside a paragraph into a space, which English needs and
Japanese does not: a paragraph of docs/ja/ wrapped in the editor showed stray spaces
between characters (計算 資源). Lines are joined where both sides of the break are
Japanese script or punctuation, outside code blocks, headings, tables and HTML.
"""

from __future__ import annotations

import re

from ..textrules import JAPANESE

_ENDS_JA = re.compile(f"[{JAPANESE}]$")
_STARTS_JA = re.compile(f"^[ \\t]*[{JAPANESE}]")
# Headings, table rows, fences, blank lines and block-level HTML (inline tags such as
# <a> may start a line of a paragraph).
_NOT_PROSE = re.compile(r"^\s*(?:#|\||```|~~~|<(?:div|p|table|ul|ol|li|dl|details|section|script|style|pre|figure|!--)\b|$)")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def join_japanese_lines(markdown: str) -> str:
    """The Markdown with each line break between two Japanese characters of a paragraph removed."""
    lines = markdown.split("\n")
    out: list[str] = []
    fenced = False
    joinable = False  # whether the last line written may take the next one
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            joinable = False
            continue
        if not fenced and joinable and _STARTS_JA.match(line):
            out[-1] += line.lstrip(" \t")
        else:
            out.append(line)
        joinable = not fenced and not _NOT_PROSE.match(out[-1]) and bool(_ENDS_JA.search(out[-1]))
    return "\n".join(out)
