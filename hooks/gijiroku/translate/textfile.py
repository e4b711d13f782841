"""A translation file written anew, or changed in place keeping every other byte.

`new_translation` writes a whole `MEETING.LANG.md` in the layout of the format
reference. `update_translation` changes only what it is given: a front-matter value is
replaced where it stands (or added to its mapping), a remark's text lines and its
`source=` and `label=` are replaced, a missing remark is inserted after the one before
it; comments, key order, quoting, line ends, a byte-order mark and every other remark
stay as they were.

`texts` maps unit ids (`units.py`) to text: paragraphs for a remark, one text for
anything else. A remark written or rewritten gets `source=` the fingerprint of the
original text it translates.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..body import DIRECTIVE, RawRemark, RawSection, parse_body
from ..diagnostics import Diagnostics
from ..model import Meeting, Provenance

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


class EditError(ValueError):
    """The file cannot be changed in place (its front matter or body cannot be read)."""


# -- YAML values ------------------------------------------------------------------------


def yaml_scalar(value: str, flow: bool = False) -> str:
    """`value` as a YAML scalar that reads back as exactly this text: plain where that
    is plainly safe (in a flow mapping when `flow`), double-quoted otherwise."""
    if _plain_is_safe(value, flow):
        return value
    return json.dumps(value, ensure_ascii=False)


_NOT_PLAIN = re.compile(r"""^[-?:,\[\]{}#&*!|>'"%@`\s]|: |:$| #|\s$""")
_FLOW_INDICATORS = re.compile(r"[,\[\]{}?]")
_PARSERS = tuple({yaml.SafeLoader, _LOADER})


def _plain_is_safe(value: str, flow: bool) -> bool:
    """Whether `value` written plain reads back as the same text (a string, not a number,
    a date or null) with every YAML parser the project may use."""
    if not value or _NOT_PLAIN.search(value) or (flow and _FLOW_INDICATORS.search(value)):
        return False
    document = f"{{k: {value}}}" if flow else f"k: {value}"
    for parser in _PARSERS:
        try:
            node = yaml.compose(document, Loader=parser)
        except yaml.YAMLError:
            return False
        if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
            return False
        scalar = node.value[0][1]
        if (
            not isinstance(scalar, yaml.ScalarNode)
            or scalar.style
            or scalar.value != value
            or scalar.tag != "tag:yaml.org,2002:str"
        ):
            return False
    return True


def directive_value(value: str) -> str:
    """A remark attribute's value as the body's directive line reads it back."""
    if value and not re.search(r"[\s\"']", value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- a new file -------------------------------------------------------------------------


def new_translation(meeting: Meeting, lang: str, texts: dict[str, tuple[str, ...]], provenance: Provenance) -> str:
    """A complete translation file of `meeting` into `lang`."""
    lines = [
        "---",
        f"language: {lang}",
        "translation:",
        f"  status: {provenance.status}",
        f"  method: {provenance.method}",
        f"  by: {yaml_scalar(provenance.by)}",
        f"  reviewed: {'true' if provenance.reviewed else 'false'}",
    ]
    if provenance.date is not None:
        lines.append(f"  date: {provenance.date.isoformat()}")
    if provenance.note:
        lines.append(f"  note: {json.dumps(provenance.note, ensure_ascii=False)}")
    one = {key: value[0] for key, value in texts.items() if not key.startswith("remark.") or key.endswith(".label")}
    lines.append(f"title: {yaml_scalar(one['title'])}")
    if "venue" in one:
        lines.append(f"venue: {yaml_scalar(one['venue'])}")
    original = meeting.original
    if original.roles:
        lines.append("attendees:")
        for person in original.roles:
            lines.append(f"  {person}: {_flow(one, f'attendee.{person}', ('role', 'affiliation'))}")
    if original.agenda:
        lines.append("agenda:")
        lines += [f"  {item}: {yaml_scalar(one[f'agenda.{item}'])}" for item in original.agenda]
    if original.materials:
        lines.append("materials:")
        lines += [f"  {material}: {_flow(one, f'material.{material}', ('label', 'title'))}" for material in original.materials]
    lines.append("---")
    for section in meeting.sections:
        lines += ["", f"{DIRECTIVE} {section.kind}" + (f" {section.item}" if section.kind == "item" else "")]
        for remark in section.remarks:
            lines += ["", *_remark_lines(meeting, remark.id, texts)]
    return "\n".join(lines) + "\n"


def _flow(one: dict[str, str], prefix: str, keys: tuple[str, ...]) -> str:
    entries = [f"{key}: {yaml_scalar(one[f'{prefix}.{key}'], flow=True)}" for key in keys if f"{prefix}.{key}" in one]
    return "{" + ", ".join(entries) + "}"


def _remark_lines(meeting: Meeting, remark_id: str, texts: dict[str, tuple[str, ...]]) -> list[str]:
    remark = next(r for r in meeting.remarks if r.id == remark_id)
    words = [f"id={remark.id}", f"kind={remark.kind}"]
    if remark.speaker:
        words.append(f"speaker={remark.speaker}")
    label = texts.get(f"remark.{remark_id}.label")
    if label:
        words.append(f"label={directive_value(label[0])}")
    words.append(f"source={meeting.original.remarks[remark_id].fingerprint}")
    return [f"{DIRECTIVE} remark " + " ".join(words), *_paragraph_lines(texts[f"remark.{remark_id}"])]


def _paragraph_lines(paragraphs: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += ([""] if lines else []) + [paragraph]
    return lines


# -- changing a file in place ------------------------------------------------------------


@dataclass(slots=True)
class _Lines:
    """A file as lines, each with its own line end, edited by (line, column) spans."""

    content: list[str]
    ends: list[str]
    newline: str
    bom: bool

    @classmethod
    def parse(cls, raw: str) -> _Lines:
        bom = raw.startswith("\ufeff")
        text = raw[1:] if bom else raw
        pieces = [m.group() for m in _LINE.finditer(text)]
        if pieces and pieces[-1] == "":
            pieces.pop()
        content = [p.rstrip("\r\n") for p in pieces] or [""]
        ends = [p[len(c) :] for p, c in zip(pieces, content)] or [""]
        newline = next((end for end in ends if end), "\n")
        return cls(content, ends, newline, bom)

    def text(self) -> str:
        return ("\ufeff" if self.bom else "") + "".join(c + e for c, e in zip(self.content, self.ends))

    def replace(self, line: int, col: int, end_line: int, end_col: int, new: str) -> None:
        """Replace the text from (line, col) to (end_line, end_col), 0-based; a newline in
        `new` starts a line ending as the file's lines do."""
        joined = self.content[line][:col] + new + self.content[end_line][end_col:]
        last_end = self.ends[end_line]
        parts = joined.split("\n")
        self.content[line : end_line + 1] = parts
        self.ends[line : end_line + 1] = [self.newline] * (len(parts) - 1) + [last_end]


@dataclass(slots=True)
class _Edit:
    """Text to put in place of a span of lines (a zero-width span inserts)."""

    line: int
    col: int
    end_line: int
    end_col: int
    new: str
    first: bool = False
    """Applied before the other edits at the same place: a text that follows a line."""


def _append_to_line(lines: _Lines, line: int, new: str) -> _Edit:
    end = len(lines.content[line])
    return _Edit(line, end, line, end, new, first=True)


def update_translation(raw: str, meeting: Meeting, texts: dict[str, tuple[str, ...]]) -> str:
    """`raw` (a translation file's text) with `texts` written into it, every other byte kept."""
    lines = _Lines.parse(raw)
    if lines.content[0].rstrip() != "---":
        raise EditError("the file does not start with '---' front matter")
    close = next((i for i in range(1, len(lines.content)) if lines.content[i].rstrip() in ("---", "...")), None)
    if close is None:
        raise EditError("the front matter is not closed")
    edits = _front_matter_edits(lines, close, texts) + _body_edits(lines, close, meeting, texts)
    # Bottom to top, so that earlier positions stay where they were.
    for edit in sorted(edits, key=lambda e: (e.line, e.col, e.first), reverse=True):
        lines.replace(edit.line, edit.col, edit.end_line, edit.end_col, edit.new)
    return lines.text()


# -- the front matter --------------------------------------------------------------------


def _front_matter_paths(texts: dict[str, tuple[str, ...]]) -> list[tuple[tuple[str, ...], str]]:
    """(path in the front matter, value) for each field in `texts`."""
    paths: list[tuple[tuple[str, ...], str]] = []
    for unit_id, value in texts.items():
        parts = tuple(unit_id.split("."))
        text = value[0]
        if parts[0] in ("title", "venue"):
            paths.append(((parts[0],), text))
        elif parts[0] in ("attendee", "material"):
            paths.append(((parts[0] + "s", parts[1], parts[2]), text))
        elif parts[0] == "agenda":
            paths.append((("agenda", parts[1]), text))
    return paths


_Tree = dict[str, "str | _Tree"]


def _front_matter_edits(lines: _Lines, close: int, texts: dict[str, tuple[str, ...]]) -> list[_Edit]:
    front = "\n".join(lines.content[1:close])
    try:
        root = yaml.compose(front, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise EditError(f"its front matter cannot be read as YAML ({exc})") from exc
    if not isinstance(root, yaml.MappingNode):
        raise EditError("its front matter is not a mapping")
    edits: list[_Edit] = []
    missing: dict[int, tuple[yaml.MappingNode, _Tree]] = {}  # what to add to a mapping, by the mapping's identity
    for path, value in _front_matter_paths(texts):
        node: yaml.Node = root
        for depth, key in enumerate(path):
            if not isinstance(node, yaml.MappingNode):
                raise EditError(f"'{'.'.join(path[:depth])}' in its front matter is not a mapping")
            child = _child(node, key)
            if child is None or (isinstance(child, yaml.ScalarNode) and child.tag.endswith(":null") and depth < len(path) - 1):
                if child is not None:
                    raise EditError(f"'{'.'.join(path[: depth + 1])}' in its front matter is empty")
                tree = missing.setdefault(id(node), (node, {}))[1]
                for part in path[depth:-1]:
                    tree = tree.setdefault(part, {})  # type: ignore[assignment]
                tree[path[-1]] = value
                break
            node = child
        else:
            if (edit := _scalar_edit(node, path, value, flow=_in_flow(root, path))) is not None:
                edits.append(_shifted(edit, 1))
    for mapping, tree in missing.values():
        edits.append(_shifted(_insertion(lines, mapping, tree), 1))
    return edits


def _shifted(edit: _Edit, lines: int) -> _Edit:
    """An edit of the front matter's text as an edit of the file (its first line is the file's second)."""
    edit.line += lines
    edit.end_line += lines
    return edit


def _child(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _in_flow(root: yaml.MappingNode, path: tuple[str, ...]) -> bool:
    node: yaml.Node | None = root
    for key in path[:-1]:
        node = _child(node, key) if isinstance(node, yaml.MappingNode) else None
    return isinstance(node, yaml.MappingNode) and bool(node.flow_style)


def _scalar_edit(node: yaml.Node, path: tuple[str, ...], value: str, flow: bool) -> _Edit | None:
    if not isinstance(node, yaml.ScalarNode):
        raise EditError(f"'{'.'.join(path)}' in its front matter is not a text value")
    empty = node.tag.endswith(":null") and not node.style
    if not empty and node.value.strip() == value:
        return None
    new = yaml_scalar(value, flow=flow)
    start, end = node.start_mark, node.end_mark
    if empty and not node.value and not flow:
        new = " " + new  # `key:` with nothing after it
    if node.style in ("|", ">") and end.column == 0 and end.line > start.line:
        # A block scalar ends at the start of the next line: keep that line break.
        return _Edit(start.line, start.column, end.line, 0, new + "\n")
    return _Edit(start.line, start.column, end.line, end.column, new)


def _flow_text(tree: _Tree) -> str:
    return "{" + ", ".join(f"{k}: {_value_text(v)}" for k, v in tree.items()) + "}"


def _value_text(value: str | _Tree) -> str:
    return yaml_scalar(value, flow=True) if isinstance(value, str) else _flow_text(value)


def _insertion(lines: _Lines, mapping: yaml.MappingNode, tree: _Tree) -> _Edit:
    """Entries added to a mapping: inside its braces when it is a flow mapping, as lines
    after its last entry otherwise."""
    if mapping.flow_style:
        end = mapping.end_mark  # just after '}'
        text = ", ".join(f"{k}: {_value_text(v)}" for k, v in tree.items())
        return _Edit(end.line, end.column - 1, end.line, end.column - 1, (", " if mapping.value else "") + text)
    if not mapping.value:
        raise EditError("an empty mapping in its front matter")
    indent = " " * mapping.value[0][0].start_mark.column
    end = mapping.value[-1][1].end_mark
    line = end.line if end.column > 0 else end.line - 1
    text = "".join(f"\n{indent}{k}: " + (yaml_scalar(v) if isinstance(v, str) else _flow_text(v)) for k, v in tree.items())
    length = len(lines.content[line + 1])
    return _Edit(line, length, line, length, text, first=True)


# -- the body ----------------------------------------------------------------------------


def _body_edits(lines: _Lines, close: int, meeting: Meeting, texts: dict[str, tuple[str, ...]]) -> list[_Edit]:
    first = close + 1  # the body's first line (0-based)
    probe = Diagnostics()
    sections = parse_body("\n".join(lines.content[first:]), first + 1, Path("translation"), probe)
    if any(d.code == "E070" for d in probe.errors):
        raise EditError("its proceedings have syntax errors (gijiroku check lists them)")
    directives = [i for i in range(first, len(lines.content)) if lines.content[i].strip().startswith(DIRECTIVE)]
    present: dict[str, RawRemark] = {}
    for section in sections:
        for rr in section.remarks:
            present.setdefault(rr.attrs.get("id", ""), rr)
    edits: list[_Edit] = []
    for remark in meeting.remarks:
        if remark.id in present:
            edits += _remark_edits(lines, present[remark.id], directives, meeting, texts)
    for anchor, new_lines in _insertions(lines, close, sections, present, directives, meeting, texts).items():
        edits.append(_append_to_line(lines, anchor, "".join("\n" + line for line in new_lines)))
    return edits


def _block_end(lines: _Lines, start: int, directives: list[int]) -> int:
    """The last non-blank line of the text of the remark whose directive is line `start`,
    or `start` when it has no text."""
    following = next((d for d in directives if d > start), len(lines.content))
    return max([i for i in range(start + 1, following) if lines.content[i].strip()], default=start)


_ATTRIBUTE = re.compile(r"""[a-z]+=(?:"(?:[^"\\]|\\.)*"|'[^']*'|\S*)""")


def _remark_edits(
    lines: _Lines, rr: RawRemark, directives: list[int], meeting: Meeting, texts: dict[str, tuple[str, ...]]
) -> list[_Edit]:
    rid = rr.attrs["id"]
    paragraphs, label = texts.get(f"remark.{rid}"), texts.get(f"remark.{rid}.label")
    line = rr.line - 1
    directive = lines.content[line]
    wanted: list[tuple[str, str, str]] = []  # (attribute, value, as written)
    if paragraphs is not None:
        fingerprint = meeting.original.remarks[rid].fingerprint
        wanted.append(("source", fingerprint, fingerprint))
    if label is not None:
        wanted.append(("label", label[0], directive_value(label[0])))
    edits: list[_Edit] = []
    appended = ""
    for key, value, written in wanted:
        if rr.attrs.get(key) == value:
            continue
        if key in rr.attr_cols:
            start = rr.attr_cols[key] - 1
            match = _ATTRIBUTE.match(directive, start)
            edits.append(_Edit(line, start, line, match.end() if match else start + len(key) + 1, f"{key}={written}"))
        else:
            appended += f" {key}={written}"
    if appended:
        end = len(directive.rstrip())
        edits.append(_Edit(line, end, line, end, appended))
    if paragraphs is not None and tuple(rr.paragraphs) != paragraphs:
        text = "\n".join(_paragraph_lines(paragraphs))
        end = _block_end(lines, line, directives)
        if end == line:
            edits.append(_append_to_line(lines, line, "\n" + text))
        else:
            first = next(i for i in range(line + 1, end + 1) if lines.content[i].strip())
            edits.append(_Edit(first, 0, end, len(lines.content[end]), text))
    return edits


def _insertions(
    lines: _Lines,
    close: int,
    sections: list[RawSection],
    present: dict[str, RawRemark],
    directives: list[int],
    meeting: Meeting,
    texts: dict[str, tuple[str, ...]],
) -> dict[int, list[str]]:
    """Lines to insert for the remarks the file lacks, by the line they follow: after the
    remark before them in the original, else after their section's directive, else (with
    the directive) after everything before them."""
    insertions: dict[int, list[str]] = {}
    section_line = {s.key: s.line - 1 for s in sections}
    anchor = close
    for section in meeting.sections:
        heading = f"{DIRECTIVE} {section.kind}" + (f" {section.item}" if section.kind == "item" else "")
        if section.key in section_line:
            anchor = section_line[section.key]
            heading = ""
        for remark in section.remarks:
            if remark.id in present:
                anchor = _block_end(lines, present[remark.id].line - 1, directives)
                continue
            if f"remark.{remark.id}" not in texts:
                continue
            new = insertions.setdefault(anchor, [])
            if heading:
                new += ["", heading]
                heading = ""
            new += ["", *_remark_lines(meeting, remark.id, texts)]
    return insertions
