"""Where every line of the input went: into the meeting file, or named in the report as page
text that is not part of the record. Nothing else may happen to a line.

The check reads the finished meeting file, not the importer's own idea of what it did:
a line counts as placed when its words (less header labels, dates and times, which the
front matter holds in another form) are in the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Person
from .draft import Draft, Note
from .eras import for_matching
from .header import ALL_LABEL_WORDS
from .meetingfile import write_meeting
from .roles import GROUP_WORDS
from .textutil import fold, squash

SKIPPED = (
    "page text before the record, skipped",
    "page text after the record, skipped",
    "page number",
    "removed",
    "boilerplate",
    "skipped",
)
"""Words of the notes that name a line as page text left out on purpose."""

_DROP = re.compile(
    r"(?:明治|大正|昭和|平成|令和|[MTSHR])?\s*(?:\d+|元)\s*[年./-]\s*\d+\s*[月./-]\s*\d+\s*日?|"
    r"\d{4}\s*[(（][^)）]{0,8}[)）]\s*年|(?:午前|午後)?\s*\d+\s*(?:[:：]\s*\d+|時\s*(?:\d+\s*分)?)|[(（][月火水木金土日](?:曜日?)?[)）]|"
    r"[\s\d!-/:-@\[-`{-~、。・「」『』【】〔〕《》≪≫〈〉○◯〇●◎■□◆◇•※～〜―─ー－‐]|"
    r"[─━│┃┌┐└┘├┤┬┴┼]|\d+\s*KB|pdfファイル|PDF|五十音順|敬称略|出席|欠席|委任状|の?職・氏名|の?氏名|者|なし|正午|から|まで|開会|閉会|開議|散会|休憩|再開|君|さん|"
    + "|".join(sorted((*ALL_LABEL_WORDS, *GROUP_WORDS), key=len, reverse=True))
)
_ENGLISH_DROP = re.compile(
    r"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?|"
    r"\b\d{1,2}(?:st|nd|rd|th)\b|\b\d{1,2}(?:[:.]\s*\d{2})?\s*[ap]\.?\s*m\b\.?|"
    r"\b(?:present|absent|regrets|apologies|attendees|attending|in attendance|guests|staff|also|members?|others?|"
    r"date|time|location|venue|place|where|when|meeting|minutes|agenda|chair|scribes?|none|mr|mrs|ms|dr|cllr|esq)\b\.?"
)


@dataclass(frozen=True, slots=True)
class Accounting:
    """How much of the input's text the meeting file and the report account for."""

    total: int
    """Characters of the input, spaces left out."""
    accounted: int
    """Characters in the meeting file, or on lines the report names as page text left out."""
    lost: tuple[int, ...]
    """Lines neither in the file nor named by the report."""
    partial: tuple[int, ...] = ()
    """Lines some of whose words are in neither."""

    @property
    def share(self) -> float:
        """The share of the input's characters accounted for (1.0 for an empty input)."""
        return self.accounted / self.total if self.total else 1.0


def skipped_lines(notes: list[Note]) -> set[int]:
    """Lines the report names as page text that is not part of the record."""
    return {note.line for note in notes if any(word in note.message for word in SKIPPED)}


def line_pieces(line: str) -> list[str]:
    """A line's words that must be found in the meeting file: without labels, dates,
    times, marks and punctuation, which the front matter keeps in its own form."""
    # Runs of spaces become one first: the date and time patterns' \s* would otherwise try
    # every position of a long run (50,000 spaces took two minutes), and spaces are never
    # part of a piece.
    matchable = re.sub(r"\s+", " ", for_matching(line))
    matchable = re.sub(r"^\s*[A-Za-z][A-Za-z .'-]{1,30}:\s*", "", matchable)  # an English field label
    matchable = _ENGLISH_DROP.sub(" ", matchable)
    return [p for p in _DROP.split(matchable) if p and len(p) >= 2]


def account(text: str, meeting: str, notes: list[Note]) -> Accounting:
    """Account for every line of `text` (the input) in `meeting` (the file written) and `notes`."""
    skipped = skipped_lines(notes)
    flat_meeting = squash(fold(meeting))
    total = accounted = 0
    lost: list[int] = []
    partial: list[int] = []
    for no, line in enumerate(text.split("\n"), start=1):
        size = len(squash(line))
        total += size
        if no in skipped:
            accounted += size
            continue
        pieces = line_pieces(line)
        missing = sum(len(p) for p in pieces if p not in flat_meeting)
        accounted += max(0, size - missing)
        if missing and missing > 0.3 * sum(len(p) for p in pieces):
            lost.append(no)
        elif missing:
            partial.append(no)
    return Accounting(total, accounted, tuple(lost), tuple(partial))


def write_complete(draft: Draft, people: Mapping[str, Person], text: str, notes: list[Note]) -> str:
    """The meeting file, with every input line that the file would otherwise not hold (in
    whole or in part) kept as a front-matter comment at its line number: nothing is lost,
    and a reviewer sees what the importer did not understand. A line lost whole is also
    reported."""
    meeting = write_meeting(draft, people)
    result = account(text, meeting, notes)
    if not result.lost and not result.partial:
        return meeting
    lines = text.split("\n")
    noted = {note.line for note in notes}
    for no in sorted((*result.lost, *result.partial)):
        draft.printed.append((no, lines[no - 1].strip()))
        if no in result.lost and no not in noted:
            draft.note(
                no,
                f"line not placed in the meeting file, kept there as a comment: {lines[no - 1].strip()[:50]}",
                "move it where it belongs if it is part of the record",
            )
    return write_meeting(draft, people)
