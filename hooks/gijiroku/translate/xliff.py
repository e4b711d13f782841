"""XLIFF out and in: 2.0 by default, 1.2 for the CAT tools that still prefer it.

Out: one `<file>` per meeting (`original` is its original-language file, relative to
the minutes folder), one unit per `units.Unit`. In XLIFF 2.0 a remark is one `<unit>`
with a `<segment>` per paragraph; in 1.2 it is a `<group>` with a `<trans-unit>` per
paragraph (`remark.ID.p1`, …). Each unit carries the fingerprint of the original text
it was made from (2.0: the Metadata module; 1.2: an attribute of ours), the speaker,
kind and agenda item as notes, the registry names its text holds as glossary entries,
and the current translation as its target:

| state of the translation | XLIFF 2.0 segment state      | XLIFF 1.2 target state     |
| ------------------------ | ---------------------------- | -------------------------- |
| none                     | initial (no target)          | (no target)                |
| current                  | translated                   | translated                 |
| current and reviewed     | reviewed                     | signed-off, approved="yes" |
| made from an earlier original | initial, subState gijiroku:stale | needs-review-translation |

In: the file is parsed with no DTD, no entities and no network; every problem becomes
a diagnostic at the XLIFF file's line, and nothing is returned when the file as a
whole cannot be read.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from ..body import join_lines
from ..diagnostics import Diagnostics
from ..escape import xml_text
from ..model import Meeting, Provenance
from .units import STALE, Unit

XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"
GJ = "urn:x-gijiroku:translate"
"""Our own attributes and elements in XLIFF 1.2 (2.0 has modules for them)."""
VERSIONS = ("2.0", "1.2")
TOOL = "gijiroku"

DONE_2 = frozenset({"translated", "reviewed", "final"})
DONE_12 = frozenset({"translated", "signed-off", "final"})
"""States in which a tool says a target is a translation (not a copy or a draft)."""

_PARAGRAPH_ID = re.compile(r"^(remark\.[a-z0-9-]+)\.p([1-9][0-9]*)$")
_ORIGINAL = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)/([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]+)\.md$")


@dataclass(frozen=True, slots=True)
class MeetingUnits:
    """A meeting's units for a translation into `lang`, as one `<file>` holds them."""

    meeting: Meeting
    lang: str
    units: list[Unit]
    council_name: str
    """The council's name in the original's language, for the file's note."""


# -- writing ---------------------------------------------------------------------------


NSMAP_2 = {None: XLIFF2, "mda": MDA, "gls": GLS}
NSMAP_12 = {None: XLIFF12, "gj": GJ}


def write_xliff(
    meetings: Iterable[MeetingUnits], out: BinaryIO, pair: tuple[str, str], version: str = "2.0", copy_source: bool = False
) -> None:
    """An XLIFF document of `meetings`, all translated from `pair[0]` into `pair[1]`,
    written to `out` one meeting at a time (an archive does not fit in memory as one
    tree). With `copy_source`, every target holds the source text and no translation:
    OmegaT's own XLIFF filter translates the text of `<target>` elements."""
    if version == "1.2":
        with xml_stream(out, f"{{{XLIFF12}}}xliff", NSMAP_12, {"version": "1.2"}) as write:
            for item in meetings:
                write(_file_12(item, copy_source))
        return
    attrib = {"version": "2.0", "srcLang": pair[0], "trgLang": pair[1]}
    with xml_stream(out, f"{{{XLIFF2}}}xliff", NSMAP_2, attrib) as write:
        for item in meetings:
            write(_file_2(item, copy_source))


@contextlib.contextmanager
def xml_stream(
    out: BinaryIO,
    tag: str,
    nsmap: dict[str | None, str] | None,
    attrib: dict[str, str],
    head: tuple[etree._Element, ...] = (),
    inner: str | None = None,
) -> Iterator[Callable[[etree._Element], None]]:
    """A UTF-8 document whose root is `tag`, with the declaration CAT tools expect, the
    elements `head` first and then, inside the element `inner` when one is named, what
    the function the context gives writes: one element at a time, indented, forgotten
    once written."""
    out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    with etree.xmlfile(out, encoding="UTF-8") as xf, xf.element(tag, attrib, nsmap=nsmap):
        xf.write("\n")

        def writer(level: int) -> Callable[[etree._Element], None]:
            def write(element: etree._Element) -> None:
                etree.indent(element, space="  ", level=level)
                xf.write("  " * level, element, "\n")

            return write

        for element in head:
            writer(1)(element)
        if inner is None:
            yield writer(1)
            return
        xf.write("  ")
        with xf.element(inner):
            xf.write("\n")
            yield writer(2)
            xf.write("  ")
        xf.write("\n")


def xml_document(root: etree._Element) -> bytes:
    """`root` as a UTF-8 document with the declaration CAT tools expect."""
    body: bytes = etree.tostring(root, xml_declaration=False, encoding="UTF-8", pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def original_path(meeting: Meeting) -> str:
    """The original-language file, relative to the minutes folder: the `<file>`'s `original`."""
    return f"{meeting.council}/{meeting.id}.{meeting.language}.md"


def _meeting_note(item: MeetingUnits) -> str:
    m = item.meeting
    return f"{item.council_name}: {m.original.title}, {m.date.isoformat()} ({m.key})"


def _provenance_fields(item: MeetingUnits) -> list[tuple[str, str]]:
    version = item.meeting.version(item.lang)
    p = version.provenance if version is not None else None
    if p is None:
        return []
    fields = [("status", p.status), ("method", p.method), ("by", p.by), ("reviewed", "true" if p.reviewed else "false")]
    if p.date is not None:
        fields.append(("date", p.date.isoformat()))
    if p.note:
        fields.append(("note", p.note))
    return fields


def _file_2(item: MeetingUnits, copy_source: bool) -> etree._Element:
    m = item.meeting
    node = etree.Element(f"{{{XLIFF2}}}file", id=f"{m.council}.{m.id}", original=original_path(m), nsmap=NSMAP_2)
    metadata = etree.SubElement(node, f"{{{MDA}}}metadata")
    _meta_group(metadata, "meeting", [("key", m.key), ("date", m.date.isoformat()), ("record", m.record)])
    if provenance := _provenance_fields(item):
        _meta_group(metadata, "translation", provenance)
    notes = etree.SubElement(node, f"{{{XLIFF2}}}notes")
    etree.SubElement(notes, f"{{{XLIFF2}}}note", category="meeting").text = xml_text(_meeting_note(item))
    for unit in item.units:
        node.append(_unit_2(unit, _reviewed(item), copy_source))
    return node


def _meta_group(parent: etree._Element, category: str, fields: list[tuple[str, str]]) -> None:
    group = etree.SubElement(parent, f"{{{MDA}}}metaGroup", category=category)
    for key, value in fields:
        etree.SubElement(group, f"{{{MDA}}}meta", type=key).text = xml_text(value)


def _unit_2(unit: Unit, reviewed: bool, copy_source: bool) -> etree._Element:
    node = etree.Element(f"{{{XLIFF2}}}unit", id=unit.id)
    metadata = etree.SubElement(node, f"{{{MDA}}}metadata")
    _meta_group(metadata, "gijiroku", [("source-fingerprint", unit.fingerprint)])
    if unit.terms:
        glossary = etree.SubElement(node, f"{{{GLS}}}glossary")
        for term in unit.terms:
            entry = etree.SubElement(glossary, f"{{{GLS}}}glossEntry")
            etree.SubElement(entry, f"{{{GLS}}}term").text = xml_text(term.source)
            etree.SubElement(entry, f"{{{GLS}}}translation").text = xml_text(term.target)
            etree.SubElement(entry, f"{{{GLS}}}definition").text = term.what
    if notes_of := _notes(unit, copy_source):
        notes = etree.SubElement(node, f"{{{XLIFF2}}}notes")
        for category, text in notes_of:
            etree.SubElement(notes, f"{{{XLIFF2}}}note", category=category).text = xml_text(text)
    targets = _targets(unit, copy_source)
    for index, paragraph in enumerate(unit.source):
        segment = etree.SubElement(node, f"{{{XLIFF2}}}segment", id=f"p{index + 1}")
        state, sub_state = _state_2(unit, reviewed, copy_source)
        segment.set("state", state)
        if sub_state:
            segment.set("subState", sub_state)
        etree.SubElement(segment, f"{{{XLIFF2}}}source").text = xml_text(paragraph)
        if targets is not None:
            etree.SubElement(segment, f"{{{XLIFF2}}}target").text = xml_text(targets[index])
    return node


def _notes(unit: Unit, copy_source: bool) -> tuple[tuple[str, str], ...]:
    """The unit's notes; with the source in the targets, a stale translation, which has
    no other place in the file, is one of them."""
    if copy_source and unit.state == STALE and unit.target is not None:
        earlier = "\n\n".join(unit.target)
        return (*unit.notes, ("previous-translation", f"translated from an earlier version of the original: {earlier}"))
    return unit.notes


def _targets(unit: Unit, copy_source: bool) -> tuple[str, ...] | None:
    """The targets to write, one per source paragraph: a translation whose paragraphs do
    not line up with the original's is written whole into the first."""
    if copy_source:
        return unit.source
    if unit.target is None:
        return None
    if len(unit.target) == len(unit.source):
        return unit.target
    return ("\n\n".join(unit.target),) + ("",) * (len(unit.source) - 1)


def _state_2(unit: Unit, reviewed: bool, copy_source: bool) -> tuple[str, str]:
    if copy_source or unit.target is None:
        return "initial", ""
    if unit.state == STALE:
        return "initial", "gijiroku:stale"
    return ("reviewed" if reviewed else "translated"), ""


def _state_12(unit: Unit, reviewed: bool, copy_source: bool) -> str:
    if copy_source or unit.target is None:
        return "needs-translation"
    if unit.state == STALE:
        return "needs-review-translation"
    return "signed-off" if reviewed else "translated"


def _reviewed(item: MeetingUnits) -> bool:
    """Whether the meeting's translation says it has been reviewed."""
    version = item.meeting.version(item.lang)
    return bool(version is not None and version.provenance is not None and version.provenance.reviewed)


def _file_12(item: MeetingUnits, copy_source: bool) -> etree._Element:
    m = item.meeting
    node = etree.Element(
        f"{{{XLIFF12}}}file",
        original=original_path(m),
        datatype="plaintext",
        attrib={"source-language": m.language, "target-language": item.lang, "tool-id": TOOL},
        nsmap=NSMAP_12,
    )
    header = etree.SubElement(node, f"{{{XLIFF12}}}header")
    etree.SubElement(header, f"{{{XLIFF12}}}tool", attrib={"tool-id": TOOL, "tool-name": TOOL})
    etree.SubElement(header, f"{{{XLIFF12}}}note").text = xml_text(_meeting_note(item))
    if provenance := _provenance_fields(item):
        node_p = etree.SubElement(header, f"{{{GJ}}}translation")
        for key, value in provenance:
            if key == "note":
                node_p.text = xml_text(value)
            else:
                node_p.set(key, value)
    body = etree.SubElement(node, f"{{{XLIFF12}}}body")
    for unit in item.units:
        if unit.is_remark:
            group = etree.SubElement(body, f"{{{XLIFF12}}}group", id=unit.id, resname=unit.id)
            targets = _targets(unit, copy_source)
            for index, paragraph in enumerate(unit.source):
                group.append(
                    _trans_unit_12(
                        unit,
                        f"{unit.id}.p{index + 1}",
                        paragraph,
                        None if targets is None else targets[index],
                        _reviewed(item),
                        copy_source,
                    )
                )
        else:
            target = unit.source[0] if copy_source else unit.target[0] if unit.target else None
            body.append(_trans_unit_12(unit, unit.id, unit.source[0], target, _reviewed(item), copy_source))
    return node


def _trans_unit_12(
    unit: Unit, unit_id: str, source: str, target: str | None, reviewed: bool, copy_source: bool
) -> etree._Element:
    node = etree.Element(f"{{{XLIFF12}}}trans-unit", id=unit_id, resname=unit_id)
    state = _state_12(unit, reviewed, copy_source)
    if state == "signed-off":
        node.set("approved", "yes")
    node.set(f"{{{GJ}}}source-fingerprint", unit.fingerprint)
    etree.SubElement(node, f"{{{XLIFF12}}}source").text = xml_text(source)
    if target is not None:
        etree.SubElement(node, f"{{{XLIFF12}}}target", state=state).text = xml_text(target)
    for category, text in _notes(unit, copy_source):
        etree.SubElement(node, f"{{{XLIFF12}}}note", {"from": TOOL}).text = xml_text(f"{category} — {text}")
    if unit.terms:
        names = "; ".join(f"{t.source} = {t.target}" for t in unit.terms)
        etree.SubElement(node, f"{{{XLIFF12}}}note", {"from": TOOL}).text = xml_text(f"names — {names}")
    return node


# -- reading ---------------------------------------------------------------------------


@dataclass(slots=True)
class ReadUnit:
    """A unit as an XLIFF file holds it, paragraphs put back together."""

    id: str
    line: int
    source: list[str] = field(default_factory=list)
    target: list[str | None] = field(default_factory=list)
    """One per source paragraph; None where a paragraph has no target."""
    confirmed: bool = True
    """Whether every paragraph's state says its target is a translation."""
    fingerprint: str | None = None
    """The fingerprint recorded at export, when the tool kept it."""
    indexes: list[int] = field(default_factory=list)
    """The paragraph numbers read (1.2 numbers them in ids)."""


@dataclass(slots=True)
class ReadFile:
    """One `<file>`: which meeting and language pair, its units, the provenance it carried."""

    original: str
    line: int
    source_lang: str
    target_lang: str
    units: list[ReadUnit] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)

    @property
    def meeting_key(self) -> str | None:
        """'council/meeting' from `original`, or None when it names no meeting file."""
        match = _ORIGINAL.match(self.original)
        return f"{match.group(1)}/{match.group(2)}" if match else None

    @property
    def original_lang(self) -> str | None:
        """The language in `original`'s file name."""
        match = _ORIGINAL.match(self.original)
        return match.group(3) if match else None


def read_xliff(path: Path, diags: Diagnostics) -> list[ReadFile] | None:
    """The files of an XLIFF document, or None (with the problem reported) when it is not
    well-formed XML, declares a DTD, or is not XLIFF 1.2 or 2.x."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        diags.add(path, 1, 1, "E110", f"cannot read the file: {exc.strerror or exc}")
        return None
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (1, 1)
        diags.add(
            path,
            line or 1,
            (col or 0) + 1,
            "E110",
            f"not well-formed XML: {exc.msg}",
            "the file is damaged or was cut short: export it again from your CAT tool",
        )
        return None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        diags.add(
            path,
            1,
            1,
            "E110",
            "the file declares a DTD (<!DOCTYPE …>)",
            "XLIFF needs none, and entities from a DTD are not read: remove the declaration",
        )
        return None
    namespace = etree.QName(root).namespace or ""
    if (
        etree.QName(root).localname != "xliff"
        or namespace not in (XLIFF12, XLIFF2)
        and not namespace.startswith("urn:oasis:names:tc:xliff:document:2.")
    ):
        diags.add(
            path,
            root.sourceline or 1,
            1,
            "E110",
            f"not an XLIFF document (root <{etree.QName(root).localname}> in namespace '{namespace}')",
            "import the .xlf file `gijiroku translate export` wrote, as your tool saved it",
        )
        return None
    if namespace == XLIFF12:
        return list(_files_12(root, path, diags))
    return list(_files_2(root, namespace, path, diags))


def _files_2(root: etree._Element, ns: str, path: Path, diags: Diagnostics) -> Iterator[ReadFile]:
    source, target = root.get("srcLang", ""), root.get("trgLang", "")
    for file_node in root.iterchildren(f"{{{ns}}}file"):
        read = ReadFile(file_node.get("original", file_node.get("id", "")), file_node.sourceline or 1, source, target)
        read.provenance = _meta(file_node, "translation")
        for unit_node in file_node.iter(f"{{{ns}}}unit"):
            unit = ReadUnit(unit_node.get("id", ""), unit_node.sourceline or 1)
            unit.fingerprint = _meta(unit_node, "gijiroku").get("source-fingerprint")
            for number, segment in enumerate(unit_node.iterchildren(f"{{{ns}}}segment"), start=1):
                src, tgt = segment.find(f"{{{ns}}}source"), segment.find(f"{{{ns}}}target")
                unit.source.append(_text(src, ns, path, diags) or "" if src is not None else "")
                unit.target.append(_text(tgt, ns, path, diags) if tgt is not None else None)
                unit.indexes.append(number)
                if segment.get("state", "initial") not in DONE_2:
                    unit.confirmed = False
            read.units.append(unit)
        yield read


def _meta(node: etree._Element, category: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for metadata in node.iterchildren(f"{{{MDA}}}metadata"):
        for group in metadata.iterchildren(f"{{{MDA}}}metaGroup"):
            if group.get("category") == category:
                for meta in group.iterchildren(f"{{{MDA}}}meta"):
                    values[meta.get("type", "")] = meta.text or ""
    return values


def _files_12(root: etree._Element, path: Path, diags: Diagnostics) -> Iterator[ReadFile]:
    ns = XLIFF12
    for file_node in root.iterchildren(f"{{{ns}}}file"):
        read = ReadFile(
            file_node.get("original", ""),
            file_node.sourceline or 1,
            file_node.get("source-language", ""),
            file_node.get("target-language", ""),
        )
        provenance = file_node.find(f"{{{ns}}}header/{{{GJ}}}translation")
        if provenance is not None:
            read.provenance = {key: value for key, value in provenance.attrib.items() if isinstance(key, str)}
            if provenance.text and provenance.text.strip():
                read.provenance["note"] = provenance.text
        units: dict[str, ReadUnit] = {}
        for node in file_node.iter(f"{{{ns}}}trans-unit"):
            node_id = node.get("id", "")
            paragraph = _PARAGRAPH_ID.match(node_id)
            unit_id = paragraph.group(1) if paragraph else node_id
            unit = units.get(unit_id) if paragraph else None
            if unit is None:
                unit = ReadUnit(unit_id, node.sourceline or 1)
                read.units.append(unit)
                if paragraph:
                    units[unit_id] = unit
            unit.fingerprint = unit.fingerprint or node.get(f"{{{GJ}}}source-fingerprint")
            src, tgt = node.find(f"{{{ns}}}source"), node.find(f"{{{ns}}}target")
            unit.source.append(_text(src, ns, path, diags) or "" if src is not None else "")
            unit.target.append(_text(tgt, ns, path, diags) if tgt is not None else None)
            unit.indexes.append(int(paragraph.group(2)) if paragraph else 1)
            state = tgt.get("state") if tgt is not None else None
            if not (node.get("approved") == "yes" or state in DONE_12):
                unit.confirmed = False
        yield read


_MARKERS = {"mrk", "sm", "em"}
"""Inline elements that only annotate text (comments, terms, a segment mark): their text counts."""


def _text(node: etree._Element, ns: str, path: Path, diags: Diagnostics) -> str | None:
    """The plain text of a `<source>` or `<target>`, annotations unwrapped; None (with a
    diagnostic) when it holds inline codes, which minutes text cannot carry."""
    parts = [node.text or ""]
    for child in node:
        qname = etree.QName(child)
        if qname.namespace == ns and qname.localname in _MARKERS:
            inner = _text(child, ns, path, diags)
            if inner is None:
                return None
            parts.append(inner)
        elif qname.namespace == ns and qname.localname == "cp":
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except (ValueError, OverflowError):
                parts.append("\ufffd")
        else:
            diags.add(
                path,
                child.sourceline or node.sourceline or 1,
                1,
                "E114",
                f"<{qname.localname}> in <{etree.QName(node).localname}>: minutes text is plain text and "
                "cannot carry inline codes or formatting",
                "remove the tag from the translation, keeping its text",
            )
            return None
        parts.append(child.tail or "")
    return "".join(parts)


def paragraphs_of(text: str) -> tuple[str, ...]:
    """A target's text as paragraphs: a blank line starts a new one, lines of one are
    joined as the minutes format joins them, and surrounding space is dropped."""
    paragraphs = []
    for block in re.split(r"\n[ \t\u3000]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if lines:
            paragraphs.append(join_lines(lines))
    return tuple(paragraphs)


def provenance_of(fields: dict[str, str]) -> Provenance | None:
    """The provenance an XLIFF file carried, when it carried a complete one."""
    import datetime as dt

    try:
        date = dt.date.fromisoformat(fields["date"]) if "date" in fields else None
        return Provenance(
            fields["status"], fields["method"], fields["by"], fields["reviewed"] == "true", date, fields.get("note", "")
        )
    except (KeyError, ValueError):
        return None
