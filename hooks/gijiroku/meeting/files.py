"""One meeting file, parsed: front matter as positioned YAML nodes, body as raw sections.

Nothing here checks a meeting against the registries or its other files; that is
`original.py` and `translation.py`, which read what this produces and change none of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ..body import RawSection, parse_body
from ..diagnostics import Diagnostics
from ..sources import Source, read_source, read_text, split_front_matter
from ..yamlsrc import Reader

ORIGINAL_FIELDS = ("language", "title", "record", "date")
ORIGINAL_OPTIONAL = ("number", "start", "end", "venue", "source", "attendees", "agenda", "materials")
TRANSLATION_FIELDS = ("language", "translation", "title")
TRANSLATION_OPTIONAL = ("venue", "attendees", "agenda", "materials")


@dataclass(frozen=True, slots=True)
class MeetingFile:
    """One language file of a meeting, parsed but not yet checked against the others."""

    path: Path
    council: str
    meeting_id: str
    lang: str
    reader: Reader
    fields: dict[str, yaml.Node]
    root: yaml.Node
    sections: list[RawSection]
    end_line: int = 1
    """The file's last line, where a missing translation is reported."""
    body_ok: bool = True
    """False when the body had syntax errors: sections may be misplaced, so alignment is not checked."""
    readable: bool = True
    """False when the front matter could not be parsed at all."""
    digest: str = ""
    """The digest of the bytes it was parsed from (`sources.digest_of`)."""

    @property
    def is_translation(self) -> bool:
        """A file with a `translation:` block translates the meeting's original."""
        return "translation" in self.fields


def parse_meeting_file(
    path: Path, council: str, meeting_id: str, lang: str, diags: Diagnostics, source: Source | None = None
) -> MeetingFile | None:
    """Read one meeting file's front matter and body (from `source` when its bytes were
    read already); None when it cannot be read at all."""
    source = source if source is not None else read_source(path, diags)
    text = read_text(path, diags, source) if source is not None else None
    if source is None or text is None:
        return None
    parsed = _parse(path, council, meeting_id, lang, diags, text)
    return replace(parsed, digest=source.digest) if parsed is not None else None


def _parse(path: Path, council: str, meeting_id: str, lang: str, diags: Diagnostics, text: str) -> MeetingFile | None:
    doc = split_front_matter(text, path, diags)
    if doc is None:
        return _unreadable(path, council, meeting_id, lang, reader=Reader(path, diags), front_matter=text)
    reader = Reader(path, diags, line_offset=doc.front_matter_line - 1)
    if _blank_yaml(doc.front_matter):
        diags.add(
            path,
            1,
            1,
            "E003",
            "the front matter is empty: this file would publish nothing",
            "write the meeting's fields between the '---' lines (language, title, record, date, …; "
            "see the format reference), or delete the file if the meeting is withdrawn",
        )
        return _unreadable(path, council, meeting_id, lang, reader, doc.front_matter)
    root = reader.compose(doc.front_matter)
    errors_before = len(diags.errors)
    sections = parse_body(doc.body, doc.body_line, path, diags)
    body_ok = len(diags.errors) == errors_before
    if root is None:
        return _unreadable(path, council, meeting_id, lang, reader, doc.front_matter)
    is_translation = isinstance(root, yaml.MappingNode) and any(
        isinstance(k, yaml.ScalarNode) and k.value == "translation" for k, _ in root.value
    )
    if is_translation:
        fields = reader.mapping(root, "a translation's front matter", TRANSLATION_FIELDS, TRANSLATION_OPTIONAL)
    else:
        fields = reader.mapping(root, "the front matter", ORIGINAL_FIELDS, ORIGINAL_OPTIONAL)
    if fields is None:
        return None
    language = reader.string(fields.get("language"), "language")
    if language is not None and language != lang:
        reader.problem(
            fields["language"],
            "E014",
            f"language '{language}' does not match the file name '.{lang}.md'",
            f"rename the file to {meeting_id}.{language}.md, or correct the language field",
        )
    end_line = doc.body_line + doc.body.count("\n")
    return MeetingFile(path, council, meeting_id, lang, reader, fields, root, sections, end_line, body_ok)


def _blank_yaml(text: str) -> bool:
    """True when YAML text holds nothing but blank lines and comments."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n"))


def _unreadable(path: Path, council: str, meeting_id: str, lang: str, reader: Reader, front_matter: str) -> MeetingFile:
    """A file whose front matter could not be parsed: it still counts, so that its
    translations are not reported as orphans, but nothing is checked against it."""
    is_translation = any(line.startswith("translation:") for line in front_matter.split("\n"))
    fields: dict[str, yaml.Node] = {"translation": yaml.ScalarNode("tag:yaml.org,2002:str", "")} if is_translation else {}
    return MeetingFile(
        path,
        council,
        meeting_id,
        lang,
        reader,
        fields,
        yaml.ScalarNode("tag:yaml.org,2002:null", ""),
        [],
        1,
        False,
        readable=False,
    )
