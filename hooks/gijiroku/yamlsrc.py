"""Reading YAML with positions: composed nodes, typed field access, every problem reported.

PyYAML's `safe_load` forgets where values came from, silently keeps the last of two
duplicate keys and turns `12:50` into 770. We compose nodes instead and read each
value ourselves, so a diagnostic can always name the line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .diagnostics import Diagnostics
from .textrules import excerpt, text_problems

# Matched whole (`fullmatch`): `$` would also match before a final line break, and
# `\d` any script's digits.
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_MAX = 64
TIME_RE = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
NUMBER_RE = re.compile(r"0|[1-9][0-9]{0,8}")
"""A whole number as this format writes one: digits, no sign, no leading zero (YAML 1.1
reads 07 as octal, 1:20 as 80 and 1_000 as 1000), small enough to mean something."""

_TAG = "tag:yaml.org,2002:"
# libyaml's composer is about ten times faster and keeps the same marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


@dataclass(frozen=True, slots=True)
class Located:
    """A value with the 1-based line and column it was read from."""

    value: object
    line: int
    col: int


class Reader:
    """Reads values out of composed YAML nodes of one file, reporting problems with positions."""

    def __init__(self, path: Path, diags: Diagnostics, line_offset: int = 0) -> None:
        self.path = path
        self.diags = diags
        self.line_offset = line_offset

    # -- positions and problems -------------------------------------------------
    def where(self, node: yaml.Node) -> tuple[int, int]:
        """The 1-based file line and column where `node` starts."""
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def problem(self, node: yaml.Node, code: str, message: str, hint: str = "") -> None:
        """Record a problem at `node`."""
        line, col = self.where(node)
        self.diags.add(self.path, line, col, code, message, hint)

    # -- parsing ----------------------------------------------------------------
    def compose(self, text: str) -> yaml.Node | None:
        """Compose `text` into a node tree, or report the syntax error and return None."""
        try:
            return yaml.compose(text, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = (mark.line + 1 if mark else 1) + self.line_offset
            col = mark.column + 1 if mark else 1
            message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
            self.diags.add(
                self.path,
                line,
                col,
                "E002",
                f"YAML syntax error: {message}",
                "check indentation, and quote values that contain ': ' or start with a special character",
            )
        except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
            self.diags.add(self.path, 1 + self.line_offset, 1, "E002", f"YAML error: {exc}")
        return None

    # -- containers -------------------------------------------------------------
    def mapping(
        self,
        node: yaml.Node | None,
        what: str,
        required: tuple[str, ...] = (),
        optional: tuple[str, ...] = (),
        open_keys: bool = False,
    ) -> dict[str, yaml.Node] | None:
        """The fields of a mapping; reports wrong type, duplicate, unknown and missing keys.

        With `open_keys`, any key is accepted (the keys are ids, checked by the caller).
        """
        if node is None:
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, "E010", f"{what} must be a mapping (key: value lines), not {_kind(node)}")
            return None
        fields: dict[str, yaml.Node] = {}
        allowed = set(required) | set(optional)
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "E010", f"a key in {what} must be plain text")
                continue
            key = key_node.value
            if key in fields:
                self.problem(
                    key_node,
                    "E013",
                    f"duplicate key '{key}' in {what}",
                    "YAML keeps only the last value; remove or rename one of them",
                )
                continue
            if not open_keys and key not in allowed:
                self.problem(
                    key_node,
                    "E012",
                    f"unknown field '{key}' in {what}",
                    "allowed fields: " + ", ".join(sorted(allowed)) + _did_you_mean(key, allowed),
                )
                continue
            fields[key] = value_node
        for key in required:
            if key not in fields:
                self.problem(node, "E011", f"{what} lacks required field '{key}'")
        return fields

    def keyed(self, node: yaml.Node | None, what: str) -> Iterator[tuple[Located, yaml.Node]]:
        """Items of a mapping whose keys are ids (registries, translation tables)."""
        fields = self.mapping(node, what, open_keys=True)
        if not fields:
            return
        assert isinstance(node, yaml.MappingNode)
        for key_node, value_node in node.value:
            if (
                isinstance(key_node, yaml.ScalarNode)
                and isinstance(value_node, yaml.Node)
                and fields.get(key_node.value) is value_node
            ):
                line, col = self.where(key_node)
                yield Located(key_node.value, line, col), value_node

    def sequence(self, node: yaml.Node | None, what: str) -> list[yaml.Node]:
        """The items of a list; reports a wrong type and gives an empty list for it."""
        if node is None:
            return []
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, "E010", f"{what} must be a list (lines starting with '- '), not {_kind(node)}")
            return []
        return list(node.value)

    # -- scalars ----------------------------------------------------------------
    def string(self, node: yaml.Node | None, what: str, *, allow_empty: bool = False, multiline: bool = False) -> str | None:
        """A text value as written (no YAML type guessing), checked against the text rules
        (`textrules.text_problems`): markup, control characters, line breaks unless
        `multiline`, unbalanced bidirectional controls (a warning; the value is kept)."""
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, "E010", f"{what} must be text, not {_kind(node)}")
            return None
        value = node.value.strip() if isinstance(node.value, str) else str(node.value)
        if node.tag == _TAG + "null" and not node.style:
            value = ""
        if not value and not allow_empty:
            self.problem(node, "E011", f"{what} is empty")
            return None
        rejected = False
        for code, index, message, hint in text_problems(value, single_line=not multiline):
            line, col = self._position_in(node, value, index)
            self.diags.add(self.path, line, col, code, f"{message} in {what}", hint)
            rejected = rejected or code.startswith("E")
        return None if rejected else value

    def _position_in(self, node: yaml.ScalarNode, value: str, index: int) -> tuple[int, int]:
        """Where character `index` of a scalar's value is in the file: exact for a plain
        one-line value, the value's start otherwise (quotes and escapes move characters)."""
        line, col = self.where(node)
        if not node.style and node.start_mark.line == node.end_mark.line:  # plain: "" (libyaml) or None
            lead = len(node.value) - len(node.value.lstrip())
            return line, col + lead + index
        return line, col

    def ident(self, node: yaml.Node | None, what: str) -> str | None:
        """An id: a lowercase slug such as `matsumoto-takeaki`."""
        value = self.string(node, what)
        if value is None or node is None:
            return None
        return value if self.check_id(node, value, what) else None

    def check_id(self, node: yaml.Node, value: str, what: str) -> bool:
        """Report `value` unless it is a valid id."""
        problem = id_problem(value)
        if problem:
            self.problem(node, "E020", f"invalid {what} '{value}': {problem}", ID_HINT)
            return False
        return True

    def check_key(self, key: Located, what: str) -> bool:
        """Report a mapping's key (from `keyed`) where it is written, unless it is a valid id."""
        problem = id_problem(str(key.value))
        if problem:
            self.diags.add(self.path, key.line, key.col, "E020", f"invalid {what} '{key.value}': {problem}", ID_HINT)
            return False
        return True

    def integer(self, node: yaml.Node | None, what: str) -> int | None:
        """A whole number, written plainly in digits (`NUMBER_RE`)."""
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or node.style or node.tag != _TAG + "int" or not NUMBER_RE.fullmatch(node.value):
            self.problem(
                node,
                "E010",
                f"{what} must be a whole number written in digits, not {_describe(node)}",
                "write it as plain digits without a leading zero, sign or separator, e.g. 4",
            )
            return None
        return int(node.value)

    def boolean(self, node: yaml.Node | None, what: str) -> bool | None:
        """true or false."""
        if node is None:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "bool":
            lowered = node.value.lower()
            if lowered in _TRUE or lowered in _FALSE:
                return lowered in _TRUE
        self.problem(node, "E010", f"{what} must be true or false, not {_describe(node)}")
        return None

    def choice(self, node: yaml.Node | None, what: str, allowed: tuple[str, ...]) -> str | None:
        """One of a fixed set of words."""
        value = self.string(node, what)
        if value is None or node is None:
            return None
        if value not in allowed:
            self.problem(
                node,
                "E014",
                f"{what} '{value}' is not one of: {', '.join(allowed)}",
                _did_you_mean(value, set(allowed)).strip(" ;") or "",
            )
            return None
        return value

    def date(self, node: yaml.Node | None, what: str) -> dt.date | None:
        """A calendar date written YYYY-MM-DD."""
        value = self.string(node, what)
        if value is None or node is None:
            return None
        match = DATE_RE.fullmatch(value)
        try:
            if not match:
                raise ValueError
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            self.problem(node, "E040", f"{what} '{value}' is not a valid date", "write it as YYYY-MM-DD, e.g. 2023-08-04")
            return None

    def time(self, node: yaml.Node | None, what: str) -> str | None:
        """A time of day written HH:MM (24-hour), returned zero-padded."""
        value = self.string(node, what)
        if value is None or node is None:
            return None
        match = TIME_RE.fullmatch(value)
        if not match:
            self.problem(node, "E041", f"{what} '{value}' is not a valid time", "write it as HH:MM in 24-hour form, e.g. 13:30")
            return None
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def url(self, node: yaml.Node | None, what: str) -> str | None:
        """An absolute http(s) address."""
        value = self.string(node, what)
        if value is None or node is None:
            return None
        if not re.fullmatch(r"https?://[^\s<>\"']+", value):
            self.problem(
                node, "E014", f"{what} '{value}' is not an http(s) address", "write the full address, starting with https://"
            )
            return None
        return value


ID_HINT = "ids are lowercase ASCII letters and digits joined by single hyphens, e.g. 'matsumoto-takeaki', at most 64 characters"


def id_problem(value: str) -> str:
    """Why `value` is not a valid id, or '' when it is."""
    if len(value) > ID_MAX:
        return f"longer than {ID_MAX} characters"
    if not ID_RE.fullmatch(value):
        if "/" in value or "\\" in value or ".." in value:
            return "it looks like a path"
        if value.lower() != value:
            return "it has uppercase letters"
        return "it has characters other than a-z, 0-9 and single inner hyphens"
    return ""


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{excerpt(str(node.value))}'"  # a value may be a whole file: a piece is enough to find it


def _describe(node: yaml.Node | None) -> str:
    return "nothing" if node is None else _kind(node)


def _did_you_mean(word: str, choices: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
