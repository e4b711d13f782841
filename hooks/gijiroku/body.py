"""Parsing a meeting file's body: sections and remarks, written as `:::` directive lines.

    ::: item ai-development
    ::: remark id=op-07 kind=unattributed topics=compute,data
    AIの開発力強化について、特に計算資源とデータが非常に重要である。…

Text lines belong to the remark above them; a blank line starts a new paragraph;
lines of one paragraph are joined (without a space between CJK characters).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostics
from .model import REMARK_KINDS
from .textrules import CJK, text_problems
from .yamlsrc import ID_HINT, id_problem

DIRECTIVE = ":::"
REMARK_ATTRS = ("id", "kind", "speaker", "label", "topics", "source")
SECTION_WORDS = ("opening", "item", "closing")


@dataclass(slots=True)
class RawRemark:
    """A remark as written, before cross-checks."""

    line: int
    attrs: dict[str, str] = field(default_factory=dict)
    attr_cols: dict[str, int] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    section: str = "opening"
    open_paragraph: list[str] = field(default_factory=list)

    @property
    def topics(self) -> tuple[str, ...]:
        """The topic ids, comma-separated in the source."""
        raw = self.attrs.get("topics", "")
        return tuple(sys.intern(t.strip()) for t in raw.split(",") if t.strip())


@dataclass(slots=True)
class RawSection:
    """A section directive and the remarks under it."""

    kind: str
    item: str | None
    line: int
    remarks: list[RawRemark] = field(default_factory=list)

    @property
    def key(self) -> str:
        """'opening', 'closing' or the agenda item id."""
        return self.item if self.kind == "item" and self.item else self.kind


SHARED_LENGTH = 48
"""Paragraphs up to this long are kept once however often they recur."""


def shared(text: str) -> str:
    """`text`, as the one string object of its value when it is short. A verbatim record
    repeats its short turns (a chair's "Minister Sato." is a paragraph of its own, a few
    hundred times a meeting): of the strings a loaded verbatim archive holds, nine in ten
    are short, and only one in twenty of those is distinct. Kept once, the loaded archive
    is 40 % smaller, and so is what each forked language build may copy of it."""
    return sys.intern(text) if len(text) <= SHARED_LENGTH else text


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph: no space where either side is CJK, one space otherwise."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif CJK.match(text[-1]) or CJK.match(line[0]):
            text += line
        else:
            text += " " + line
    return text


def parse_body(text: str, first_line: int, path: Path, diags: Diagnostics) -> list[RawSection]:
    """The sections of a body whose first line is file line `first_line`."""
    sections: list[RawSection] = []
    remark: RawRemark | None = None

    def close_paragraph() -> None:
        if remark is not None and remark.open_paragraph:
            remark.paragraphs.append(shared(join_lines(remark.open_paragraph)))
            remark.open_paragraph = []

    for offset, raw in enumerate(text.split("\n")):
        line_no = first_line + offset
        stripped = raw.strip()
        if not stripped:
            close_paragraph()
            continue
        if stripped.startswith(DIRECTIVE):
            close_paragraph()
            words = _split_directive(stripped[len(DIRECTIVE) :], path, line_no, diags)
            if words is None:
                remark = RawRemark(line=line_no)  # detached: its text is not reported again
                continue
            if not words:
                diags.add(
                    path,
                    line_no,
                    1,
                    "E070",
                    "empty ':::' directive",
                    "write '::: opening', '::: item ID', '::: closing' or '::: remark id=… kind=…'",
                )
                remark = None
                continue
            head, rest = words[0], words[1:]
            if head in SECTION_WORDS:
                remark = None
                sections.append(_section(head, rest, path, line_no, diags))
            elif head == "remark":
                if not sections:
                    sections.append(RawSection("opening", None, line_no))
                remark = _remark(rest, raw, path, line_no, diags)
                remark.section = sections[-1].key
                sections[-1].remarks.append(remark)
            else:
                diags.add(
                    path,
                    line_no,
                    raw.find(head) + 1,
                    "E070",
                    f"unknown directive '::: {head}'",
                    "directives are: opening, item ID, closing, remark",
                )
                remark = None
            continue
        if remark is None:
            diags.add(
                path,
                line_no,
                1,
                "E070",
                "text outside a remark",
                "start the text with a '::: remark id=… kind=…' line so that it is published",
            )
            continue
        lead = len(raw) - len(raw.lstrip())
        for code, index, message, hint in text_problems(stripped, single_line=True):
            diags.add(path, line_no, lead + index + 1, code, f"{message} in remark text", hint)
        remark.open_paragraph.append(stripped)
    close_paragraph()
    return sections


_WORD = re.compile(r"""\s*(?:([^\s"']+)|"((?:[^"\\]|\\.)*)"|'([^']*)')""")


def _split_directive(rest: str, path: Path, line_no: int, diags: Diagnostics) -> list[str] | None:
    """Words as a shell would split them (key="quoted value" is one word), without shlex's cost."""
    if '"' not in rest and "'" not in rest:
        return rest.split()  # the common case: nothing is quoted
    words: list[str] = []
    pos, current, in_word = 0, "", False
    rest = rest.rstrip()
    while pos < len(rest):
        if rest[pos].isspace():
            if in_word:
                words.append(current)
                current, in_word = "", False
            pos += 1
            continue
        match = _WORD.match(rest, pos)
        if match is None or match.end() == pos:
            diags.add(path, line_no, pos + 4, "E070", "cannot read directive: no closing quotation", 'close every "quoted value"')
            return None
        bare, double, single = match.groups()
        current += bare if bare is not None else (re.sub(r"\\(.)", r"\1", double) if double is not None else single)
        in_word = True
        pos = match.end() if bare is None else match.start(1) + len(bare)
    if in_word:
        words.append(current)
    return words


def _section(head: str, rest: list[str], path: Path, line_no: int, diags: Diagnostics) -> RawSection:
    if head == "item":
        if len(rest) != 1:
            diags.add(
                path,
                line_no,
                1,
                "E070",
                "'::: item' takes exactly one agenda item id",
                "write '::: item ID' with the id from the agenda in the front matter",
            )
            return RawSection("item", None, line_no)
        problem = id_problem(rest[0])
        if problem:
            diags.add(path, line_no, 10, "E020", f"invalid agenda item id '{rest[0]}': {problem}", ID_HINT)
            return RawSection("item", None, line_no)
        return RawSection("item", rest[0], line_no)
    if rest:
        diags.add(path, line_no, 1, "E070", f"'::: {head}' takes no arguments")
    return RawSection(head, None, line_no)


def _remark(words: list[str], raw: str, path: Path, line_no: int, diags: Diagnostics) -> RawRemark:
    remark = RawRemark(line=line_no)
    for word in words:
        key, sep, value = word.partition("=")
        col = max(raw.find(key + "="), 0) + 1
        if not sep:
            diags.add(
                path,
                line_no,
                col,
                "E070",
                f"remark attribute '{word}' has no value",
                "write attributes as key=value, e.g. kind=spoken",
            )
            continue
        if key not in REMARK_ATTRS:
            diags.add(
                path, line_no, col, "E012", f"unknown remark attribute '{key}'", "allowed attributes: " + ", ".join(REMARK_ATTRS)
            )
            continue
        if key in remark.attrs:
            diags.add(path, line_no, col, "E013", f"remark attribute '{key}' given twice")
            continue
        # Ids, kinds, speakers, topics and fingerprints have rules of their own; the
        # label is the one attribute that is text for readers.
        problems = text_problems(value, single_line=True) if key == "label" else []
        for code, _, message, hint in problems:
            diags.add(path, line_no, col, code, f"{message} in remark {key}", hint)
        if any(code.startswith("E") for code, *_ in problems):
            continue
        # One string object for each id, kind, speaker, label and fingerprint however
        # often it recurs (a short turn's fingerprint recurs with its text).
        remark.attrs[key] = sys.intern(value)
        remark.attr_cols[key] = col
    if "id" not in remark.attrs:
        diags.add(
            path,
            line_no,
            1,
            "E011",
            "remark lacks required attribute 'id'",
            "give every remark a stable id, e.g. id=matsumoto-1; it becomes the remark's link anchor",
        )
    if "kind" not in remark.attrs:
        diags.add(
            path, line_no, 1, "E011", "remark lacks required attribute 'kind'", "kind is one of: " + ", ".join(REMARK_KINDS)
        )
    return remark
