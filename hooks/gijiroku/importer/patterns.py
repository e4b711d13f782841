"""Patterns from an import profile, matched in time linear in the line, whatever they say.

A profile's patterns are written by people and applied to every line of every record a
body imports. Python's `re` backtracks: `(a+)+b`, `(\\s*)*$` or `.*.*:` can take hours
on one long line, and no check of the pattern's form catches every such case. So the
patterns are compiled with RE2 (google-re2), which never backtracks: a match takes time
linear in the line, by construction, on any machine, with the same result every time.
A timeout would give different results under load, and a rule against nested
quantifiers would refuse good patterns and still let polynomial ones through.

What RE2 gives up is what needs backtracking: backreferences, lookarounds, atomic groups.
A pattern using them is refused with a message saying so. Where Python and RE2 read the
same pattern differently, the pattern is rewritten to mean what it means in Python:
`\\d`, `\\w` and `\\s` match any script's digits, letters and spaces (RE2's match ASCII
only, so `\\s` would miss the ideographic space U+3000 and `\\w` every kanji), and `\\Z`
is RE2's `\\z`. The cost is the binding's overhead: about 14 µs a match against 1 µs for
`re`, which a record of a few thousand lines does not notice.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Protocol

import re2

MAX_PATTERN = 1_000
"""Characters of one pattern: a label form is a line's opening, not a program."""

_SPACE = r"\s\p{Z}\x{85}\x{0b}\x{1c}-\x{1f}"
"""What Python's `\\s` matches in a str pattern, in RE2's terms (RE2's `\\s` is ASCII)."""
_IN_CLASS = {"d": r"\p{Nd}", "w": r"\p{L}\p{N}_", "s": _SPACE, "D": r"\P{Nd}"}
_OUTSIDE = {
    "d": r"\p{Nd}",
    "D": r"\P{Nd}",
    "w": r"[\p{L}\p{N}_]",
    "W": r"[^\p{L}\p{N}_]",
    "s": f"[{_SPACE}]",
    "S": f"[^{_SPACE}]",
    "Z": r"\z",
}


class LineMatch(Protocol):
    """What the profile's matching reads of a match (re's and RE2's both have it)."""

    def group(self, name: str, /) -> Any:
        """The text of a named group."""

    def groupdict(self) -> dict[str, Any]:
        """The named groups' texts (None for a group that did not take part)."""

    def end(self) -> int:
        """Where the match ends in the line."""


class LinePattern(Protocol):
    """A compiled pattern as the profile uses it (re's and RE2's both have it)."""

    @property
    def pattern(self) -> str:
        """The pattern as written."""

    def match(self, string: str, /) -> LineMatch | None:
        """A match at the start of the line."""

    def search(self, string: str, /) -> LineMatch | None:
        """A match anywhere in the line."""


class BadPattern(ValueError):
    """A pattern that cannot be used; the message says why, `pos` where (when known)."""

    def __init__(self, message: str, pos: int | None = None) -> None:
        super().__init__(message)
        self.pos = pos


class BoundedPattern:
    """A pattern compiled with RE2 that answers as a `re.Pattern` does, with the text as written."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str, compiled: Any) -> None:
        self.pattern = pattern
        self._compiled = compiled

    def match(self, string: str, /) -> LineMatch | None:
        """A match at the start of the line, in linear time."""
        found: LineMatch | None = self._compiled.match(string)
        return found

    def search(self, string: str, /) -> LineMatch | None:
        """A match anywhere in the line, in linear time."""
        found: LineMatch | None = self._compiled.search(string)
        return found

    @property
    def groups(self) -> frozenset[str]:
        """The names of the pattern's named groups."""
        return frozenset(self._compiled.groupindex)

    def __repr__(self) -> str:
        return f"BoundedPattern({self.pattern!r})"


def compile_bounded(pattern: str) -> BoundedPattern:
    """The pattern, checked as Python reads it and compiled for linear-time matching;
    raises BadPattern with what is wrong."""
    if len(pattern) > MAX_PATTERN:
        raise BadPattern(f"the pattern is longer than {MAX_PATTERN} characters")
    try:
        re.compile(pattern)
    except re.error as exc:
        raise BadPattern(exc.msg, exc.pos) from None
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own copy of the error on standard error
    try:
        compiled = re2.compile(to_re2(pattern), options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise BadPattern(
            f"{reason} (patterns are matched with RE2, which has no backreferences, lookarounds, "
            "atomic groups or verbose mode: they cannot be matched in time linear in the line)"
        ) from None
    return BoundedPattern(pattern, compiled)


def to_re2(pattern: str) -> str:
    """The pattern in RE2's syntax, meaning what it means to Python's `re`."""
    out: list[str] = []
    in_class = False
    class_start = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            letter = pattern[index + 1]
            table = _IN_CLASS if in_class else _OUTSIDE
            if letter in table:
                out.append(table[letter])
            elif letter in "uU":  # \u3000: Python's escape of a code point, \x{3000} to RE2
                width = 4 if letter == "u" else 8
                out.append(f"\\x{{{pattern[index + 2 : index + 2 + width]}}}")
                index += width
            elif letter == "N" and (named := re.match(r"\{([^}]*)\}", pattern[index + 2 :])):
                out.append(re.escape(unicodedata.lookup(named.group(1))))
                index += len(named.group(0))
            elif in_class and letter in "WS":
                raise BadPattern(
                    f"\\{letter} inside [...] cannot be matched as Python does: use [^...] listing what to leave out", index
                )
            else:
                out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class, class_start = True, index
        elif char == "]" and in_class and index > class_start + 1 and pattern[class_start:index] != "[^":
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)
