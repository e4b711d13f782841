"""What a record labels that the import did not read: a section printed with its label
(出席者, 議事次第, Present:, Agenda) from which no attendee, agenda item or material came.

The parsers say what they read; this module looks at the input again with their own
label rules (`header.header_kind`, `header.attendance_heading`, the English field and
roll labels) to say where each section was printed, so that the report can name a
section that came out empty instead of letting a 0 pass unnoticed.
"""

from __future__ import annotations

from dataclasses import dataclass

from .draft import Draft
from .english.agenda import is_agenda_label
from .english.lines import Line as EnglishLine
from .english.rolls import roll_label
from .header import attendance_heading, header_kind
from .profile import EMPTY, ImportProfile

SECTIONS = ("attendees", "agenda", "materials")


@dataclass(frozen=True, slots=True)
class EmptySection:
    """A section the record labels but from which nothing was read."""

    section: str
    label: str
    """The label as printed (without its value)."""
    line: int

    def format(self) -> str:
        """`agenda: none found (議事次第 at line 23)`."""
        return f"{self.section}: none found ({self.label} at line {self.line})"


def section_labels(text: str, language: str, profile: ImportProfile = EMPTY) -> dict[str, tuple[str, int]]:
    """The first label line of each section in the input: section -> (label, line)."""
    found: dict[str, tuple[str, int]] = {}
    for no, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or len(line) > 200:
            continue
        for section, label in _labels_of(line, language, profile):
            found.setdefault(section, (label, no))
        if len(found) == len(SECTIONS):
            break
    return found


def empty_sections(text: str, draft: Draft, profile: ImportProfile = EMPTY) -> list[EmptySection]:
    """The sections the record labels but the draft has nothing of, in the order printed."""
    counts = {
        "attendees": len(draft.attendees) + len(draft.counts),
        "agenda": len(draft.agenda),
        "materials": len(draft.materials),
    }
    out = [
        EmptySection(section, label, no)
        for section, (label, no) in section_labels(text, draft.language, profile).items()
        if counts[section] == 0
    ]
    return sorted(out, key=lambda empty: empty.line)


def _labels_of(line: str, language: str, profile: ImportProfile) -> list[tuple[str, str]]:
    """(section, label) for each section the line opens."""
    out: list[tuple[str, str]] = []
    own = profile.header_kind(line)
    if own and own[0] in SECTIONS:
        out.append((own[0], _label(line, own[1])))
    if language == "en":
        if (roll := roll_label(line)) is not None:
            out.append(("attendees", _label(line, roll[1])))
        if is_agenda_label(EnglishLine(0, line.strip("#* "))):
            out.append(("agenda", line.strip("#*: ")))
        return out
    if (heading := attendance_heading(line)) is not None:
        out.append(("attendees", _label(line, heading[3])))
    # 議事 alone is as often the proceedings' heading as the agenda's: only labels that
    # can only be the agenda's (議題, 議事次第, 次第…) or the materials' count.
    if (kind := header_kind(line)) is not None and kind[0] in ("agenda", "materials"):
        out.append((kind[0], _label(line, kind[1])))
    return out


def _label(line: str, value: str) -> str:
    """The label part of a line: the line without its value, marks and colon."""
    label = line[: len(line) - len(value)] if value and line.endswith(value) else line
    return label.strip().strip(" \u3000:：")
