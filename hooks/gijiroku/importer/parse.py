"""Reading the text of published minutes into a draft meeting: the steps in order.

Input text -> layout rules (layout.py) -> header fields and regions (header.py) ->
attendees (attendees.py), agenda and materials (agenda.py), proceedings (speakers.py).
English originals take their own path (english.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Person
from .agenda import read_agenda, read_materials
from .attendees import read_attendees
from .draft import Draft
from .english import is_english, parse_english
from .header import ALL_LABEL_WORDS, split_regions
from .layout import prepare
from .people import NameIndex
from .profile import EMPTY, ImportProfile
from .speakers import Proceedings


class NotMinutes(ValueError):
    """The input does not look like minutes at all."""


def parse_minutes(text: str, people: Mapping[str, Person], profile: ImportProfile = EMPTY) -> Draft:
    """Read published minutes into a draft; raise NotMinutes when the text is not minutes.
    A body's import profile adds its own labels to the general rules."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    names = NameIndex(people)
    if is_english(text):
        draft = parse_english(text, names, profile)
        _guard_directives(draft)
        if draft.date is None and not draft.remarks:
            raise NotMinutes("no date and no proceedings found: this does not look like minutes")
        return draft
    draft = Draft()
    lines = prepare(text, draft, ALL_LABEL_WORDS, profile)
    regions = split_regions(lines, draft, profile)
    if draft.date is None and not regions.proceedings and not regions.attendees and not regions.agenda:
        raise NotMinutes("no date (日時) and no proceedings (議事要旨, 議事録…) found: this does not look like minutes")
    read_attendees(regions.attendees, draft, names)
    for attendee in draft.attendees:
        if attendee.label and (group := profile.roll_group(attendee.label)):
            attendee.group = group
    for no, text_line in regions.counts:
        draft.note(no, f"attendance given as a count, kept as printed: {text_line}")
        draft.counts.append(text_line)
    read_agenda(regions.agenda, draft)
    read_materials(regions.materials, draft)
    Proceedings(draft, names, profile).read(regions.proceedings)
    _guard_directives(draft)
    turns = sum(1 for r in draft.remarks if r.kind == "spoken" and r.label)
    if draft.record == "summary" and turns >= 3 and turns >= sum(1 for r in draft.remarks if r.kind == "unattributed"):
        draft.record = "verbatim"  # a sequence of labelled turns, whatever the title calls it
    if draft.date is None:
        draft.note(1, "no date found", "add date: YYYY-MM-DD to the front matter")
    if not draft.title:
        draft.note(1, "no title found", "add title: to the front matter")
    return draft


def _guard_directives(draft: Draft) -> None:
    """A remark line beginning with ':::' would read as a directive of the meeting file:
    its colons are written full-width instead, and the report says so."""
    for remark in draft.remarks:
        for index, paragraph in enumerate(remark.paragraphs):
            if paragraph.lstrip().startswith(":::"):
                remark.paragraphs[index] = paragraph.replace(":::", "：：：", 1)
                draft.note(
                    remark.line,
                    "text beginning with ':::' written with full-width colons",
                    "':::' starts a directive in the meeting file",
                )
