"""Helpers for the translators' tests: the `gijiroku translate` command in this process, a
project with a copy of the real minutes, snapshots of every file, XLIFF targets filled
as a CAT tool would fill them."""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from conftest import ROOT
from gijiroku import load_archive
from gijiroku.cli import main
from gijiroku.model import Meeting

MEETING = "ai-strategy-council/2023-08-04"
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"


@dataclass(frozen=True)
class Run:
    """What one command did."""

    status: int
    stdout: bytes
    stderr: str


def gijiroku(*args: str | Path) -> Run:
    """`gijiroku ARGS` in this process."""
    out, err = io.BytesIO(), io.StringIO()
    wrapper = io.TextIOWrapper(out, encoding="utf-8")
    with contextlib.redirect_stdout(wrapper), contextlib.redirect_stderr(err):
        status = main([str(a) for a in args])
        wrapper.flush()
    return Run(status, out.getvalue(), err.getvalue())


def real_minutes(dest: Path) -> Path:
    """A writable copy of the real minutes in `dest`/minutes."""
    minutes = dest / "minutes"
    shutil.copytree(ROOT / "minutes", minutes)
    return minutes


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, as bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def loaded(minutes: Path, key: str = MEETING) -> tuple[Meeting, list[str]]:
    """The meeting as the checker reads it, and every diagnostic of the archive."""
    archive, diags = load_archive(minutes)
    meeting = archive.meeting(key)
    assert meeting is not None, [d.format() for d in diags.items]
    return meeting, [d.format() for d in diags.sorted()]


def english_texts() -> dict[str, tuple[str, ...]]:
    """Today's English of the real meeting, by unit id, as `units.meeting_units` names them."""
    from gijiroku.translate.units import meeting_units

    archive, _ = load_archive(ROOT / "minutes")
    meeting = archive.meeting(MEETING)
    assert meeting is not None
    return {u.id: u.target for u in meeting_units(meeting, "en") if u.target is not None}


def fill_xliff2(path: Path, texts: dict[str, tuple[str, ...]], state: str | None = "translated") -> int:
    """Fill the targets of an XLIFF 2.0 file as a CAT tool would (a target element per
    segment, the state changed, a translator's note added); returns the units filled."""
    tree = etree.parse(str(path))
    ns = {"x": XLIFF2}
    filled = 0
    for unit in tree.iterfind(".//x:unit", ns):
        text = texts.get(unit.get("id"))
        if text is None:
            continue
        segments = unit.findall("x:segment", ns)
        for segment, paragraph in zip(segments, text):
            target = segment.find("x:target", ns)
            if target is None:
                target = etree.SubElement(segment, f"{{{XLIFF2}}}target")
            target.text = paragraph
            if state:
                segment.set("state", state)
                segment.attrib.pop("subState", None)
        notes = unit.find("x:notes", ns)
        if notes is None:
            notes = etree.Element(f"{{{XLIFF2}}}notes")
            segments[0].addprevious(notes)
        etree.SubElement(notes, f"{{{XLIFF2}}}note", category="translator").text = "checked against the video"
        filled += 1
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return filled
