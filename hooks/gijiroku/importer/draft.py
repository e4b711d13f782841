"""The importer's working model: a meeting as read from text, before it is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Note:
    """Something the importer could not decide, at a line of the input."""

    line: int
    message: str
    hint: str = ""

    def format(self, path: str) -> str:
        """`path:line: message (hint)`."""
        return f"{path}:{self.line}: {self.message}" + (f"\n    {self.hint}" if self.hint else "")


@dataclass
class DraftAttendee:
    """One attendee line."""

    group: str
    name: str = ""
    person: str | None = None
    role: str = ""
    affiliation: str = ""
    absent: bool = False
    proxy_for: str | None = None
    proxy_printed: str = ""
    """Whom the minutes say this attendee stood in for (e.g. 渡辺大臣), as printed."""
    others: bool = False
    line: int = 0
    abbreviation: str = ""
    """The initials the record uses for the attendee (the roll's Abbreviation column, `(AH)`)."""
    printed: str = ""
    """The attendee's entry as printed (山中事務次官, 座長 田中 一郎 架空大学 教授), when known."""
    name_last: bool = False
    """Printed affiliation first, name last."""
    label: str | None = None
    """The group label as printed (委員, 臨時委員, 事務局, 議会事務局), None when only 出席者."""


@dataclass
class DraftItem:
    """An agenda item."""

    id: str
    title: str
    public: bool = True
    line: int = 0


@dataclass
class DraftMaterial:
    """A material."""

    id: str
    label: str
    title: str
    public: bool = True
    line: int = 0


@dataclass
class DraftRemark:
    """A remark, opinion or piece of narration, in order."""

    kind: str
    section: str
    speaker: str | None = None
    label: str = ""
    paragraphs: list[str] = field(default_factory=list)
    line: int = 0
    lines: list[int] = field(default_factory=list)
    """Every input line the remark's text came from."""


@dataclass
class Draft:
    """A meeting as read from published text."""

    title: str = ""
    record: str = "summary"
    number: int | None = None
    date: dt.date | None = None
    start: str | None = None
    end: str | None = None
    venue: str = ""
    source: str = ""
    attendees: list[DraftAttendee] = field(default_factory=list)
    agenda: list[DraftItem] = field(default_factory=list)
    materials: list[DraftMaterial] = field(default_factory=list)
    remarks: list[DraftRemark] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    language: str = "ja"
    section: str = "opening"
    """Where English minutes' remarks go: the agenda item of the last heading read."""
    counts: list[str] = field(default_factory=list)
    """Attendance printed only as a number (委員25名), kept as printed."""
    proposed_people: dict[str, dict[str, str]] = field(default_factory=dict)
    """Registry entries to add to people.yml for people the registry does not know."""
    printed: list[tuple[int, str]] = field(default_factory=list)
    """Header lines as printed that the front matter holds in another form (a date line, a
    roll's label, an agenda's sub-items): written beside it as comments, so nothing is lost."""

    def note(self, line: int, message: str, hint: str = "") -> None:
        """Record something the importer could not decide."""
        self.notes.append(Note(line, message, hint))
