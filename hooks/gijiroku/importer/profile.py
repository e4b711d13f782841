"""A body's import profile: what one council's records print that the general rules of the
format families do not know. All records of one body share a layout, so the profile is
written once, in `minutes/COUNCIL/import.yml`, and read by every import into that council.

A profile only adds to the general rules: speaker-label patterns, roll labels, header
labels and boilerplate lines to skip. It never changes how another body's records import.

`load_profile` reads the file with the line and column of every value and reports every
problem in one run, as `gijiroku check` reports the minutes; a profile with errors is
never used. Its patterns are matched in linear time (`patterns.py` says how and why).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..diagnostics import Diagnostics
from ..sources import read_text
from ..yamlsrc import Reader
from .patterns import BadPattern, BoundedPattern, LinePattern, compile_bounded

GROUPS = ("chair", "vice-chair", "member", "government", "secretariat", "observer", "guest", "other")
"""The attendee groups a roll label can name (those of the minutes format)."""
FIELDS = ("title", "date", "time", "venue", "attendees", "agenda", "materials", "proceedings", "ignore")
"""The header fields a header label can introduce."""


@dataclass(frozen=True, slots=True)
class ImportProfile:
    """One body's additions to the importer's general rules."""

    speaker_labels: tuple[LinePattern, ...] = ()
    """Patterns of a line that opens a speaker's turn: the named group `label` is the label
    as printed, the optional group `text` the start of the remark."""
    roll_labels: dict[str, str] = field(default_factory=dict)
    """Printed roll labels (出席説明員, Staff in attendance) and the group of the people under them."""
    header_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Printed header labels by the field they introduce (venue: [開催地])."""
    skip: tuple[LinePattern, ...] = ()
    """Patterns of lines that are page text around the record (site menus, print links)."""

    def skips(self, line: str) -> bool:
        """True for a line the profile names as page text."""
        return any(pattern.search(line) for pattern in self.skip)

    def speaker(self, line: str) -> tuple[str, str] | None:
        """(label, text) when the line opens a turn in one of the profile's label forms."""
        for pattern in self.speaker_labels:
            if match := pattern.match(line):
                label = match.group("label")
                text = match.groupdict().get("text") or line[match.end() :]
                return label, text.strip()
        return None

    def header_kind(self, line: str) -> tuple[str, str] | None:
        """(field, value) when the line opens with one of the profile's header labels."""
        stripped = line.strip()
        for kind, words in self.header_labels.items():
            for word in sorted(words, key=len, reverse=True):
                if stripped.startswith(word):
                    rest = stripped[len(word) :].lstrip(" \u3000:：")
                    return kind, rest
        return None

    def roll_group(self, label: str) -> str | None:
        """The group of the people under a printed roll label, when the profile names it."""
        return self.roll_labels.get(label.strip().strip(":：【】()（）[]"))


EMPTY = ImportProfile()
"""No additions: the general rules alone."""


PROFILE_FILE = "import.yml"
"""A council's profile, beside its meeting files: minutes/COUNCIL/import.yml."""
KEYS = ("speaker_labels", "roll_labels", "header_labels", "skip")
SAMPLE_LINES = (
    "",
    "○山川会長　ただいまから第3回緑化推進審議会を開会します。",
    "日時：令和5年10月12日（木曜日）午後2時",
    "街路樹の更新は計画的に進めるべきである。",
    "Mr. Smith: I move that the minutes be approved.",
    "The committee discussed the trees along the river.",
    "1. 街路樹の更新計画について",
)
"""Lines of every kind: a pattern that matches them all would take every line of a record."""


def profile_path(output: Path | None) -> Path | None:
    """The profile of the council an import writes into: import.yml in the output's folder
    (the folder itself for a folder of many meetings), when there is one."""
    if output is None:
        return None
    folder = output if output.is_dir() or not output.suffix else output.parent
    candidate = folder / PROFILE_FILE
    return candidate if candidate.is_file() else None


def load_profile(path: Path, diags: Diagnostics) -> ImportProfile | None:
    """The profile in `path`; every problem reported to `diags`; None when there is any error."""
    before = len(diags.errors)
    text = read_text(path, diags)
    if text is None:
        return None
    reader = Reader(path, diags)
    root = reader.compose(text) if text.strip() else None
    if len(diags.errors) > before:
        return None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null")):
        return EMPTY
    fields = reader.mapping(root, "the import profile", optional=KEYS)
    if fields is None:
        return None
    profile = ImportProfile(
        speaker_labels=_patterns(reader, fields.get("speaker_labels"), "speaker_labels", needs=("label",)),
        roll_labels=_roll_labels(reader, fields.get("roll_labels")),
        header_labels=_header_labels(reader, fields.get("header_labels")),
        skip=_patterns(reader, fields.get("skip"), "skip", needs=()),
    )
    return profile if len(diags.errors) == before else None


def check_profile(path: Path, diags: Diagnostics) -> None:
    """Report every problem of a council's import.yml (for `gijiroku check`)."""
    load_profile(path, diags)


def _text(reader: Reader, node: yaml.Node, what: str) -> str | None:
    """A non-empty text scalar, taken as written (no YAML type guessing, no markup rules:
    a pattern may well hold < or &); a list or mapping is reported as the reader does."""
    if not isinstance(node, yaml.ScalarNode):
        return reader.string(node, what)
    if node.tag.endswith((":null", ":bool", ":int", ":float")) and not node.style:
        reader.problem(node, "E010", f"{what} must be text, not '{node.value}'", "quote it: 'like this'")
        return None
    if not node.value.strip():
        reader.problem(node, "E011", f"{what} is empty")
        return None
    return str(node.value)


def _patterns(reader: Reader, node: yaml.Node | None, key: str, needs: tuple[str, ...]) -> tuple[LinePattern, ...]:
    out: list[LinePattern] = []
    for item in reader.sequence(node, key):
        text = _text(reader, item, f"a pattern of {key}")
        if text is None:
            continue
        try:
            pattern = compile_bounded(text)
        except BadPattern as exc:
            line, col = _position(reader, item, exc.pos)
            reader.diags.add(
                reader.path,
                line,
                col,
                "E014",
                f"bad pattern in {key}: {exc}",
                "patterns are Python regular expressions; quote them with '…' in YAML",
            )
            continue
        if problem := _pattern_problem(pattern, needs):
            reader.problem(item, "E014", f"pattern {text!r} of {key} {problem[0]}", problem[1])
            continue
        out.append(pattern)
    return tuple(out)


def _pattern_problem(pattern: BoundedPattern, needs: tuple[str, ...]) -> tuple[str, str] | None:
    """(what is wrong, what to do), or None for a pattern fit for its key."""
    for name in needs:
        if name not in pattern.groups:
            return (
                f"has no named group '{name}'",
                rf"mark the label as printed with (?P<{name}>…), e.g. ^(?P<label>○\S+)\s+(?P<text>.*)",
            )
    if pattern.search("") is not None or all(pattern.search(line) for line in SAMPLE_LINES[1:]):
        return ("matches every line", "anchor it (^…) to what only those lines begin with")
    return None


def _position(reader: Reader, node: yaml.Node, pos: int | None) -> tuple[int, int]:
    """Where character `pos` of a pattern is in the file: exact on one line, plain or in
    single quotes without doubled quotes; the value's start otherwise."""
    line, col = reader.where(node)
    if pos is None or not isinstance(node, yaml.ScalarNode) or node.start_mark.line != node.end_mark.line:
        return line, col
    value = str(node.value)
    if not node.style:
        return line, col + pos
    if node.style == "'" and "'" not in value:
        return line, col + 1 + pos
    return line, col


def _roll_labels(reader: Reader, node: yaml.Node | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in reader.keyed(node, "roll_labels"):
        label = str(key.value).strip().strip(":：【】()（）[]")
        group = reader.choice(value, f"the group of roll label '{key.value}'", GROUPS)
        if label and group:
            out[label] = group
    return out


def _header_labels(reader: Reader, node: yaml.Node | None) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for key, value in reader.keyed(node, "header_labels"):
        name = str(key.value)
        if name not in FIELDS:
            reader.diags.add(
                reader.path,
                key.line,
                key.col,
                "E014",
                f"header_labels: '{name}' is not a header field; one of: {', '.join(FIELDS)}",
            )
            continue
        words = tuple(
            word.strip()
            for item in reader.sequence(value, f"the labels of header field '{name}'")
            if (word := _text(reader, item, f"a label of header field '{name}'")) is not None
        )
        if words:
            out[name] = words
    return out
