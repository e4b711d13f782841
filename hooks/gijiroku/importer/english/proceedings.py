"""The body of English minutes into remarks: speaker turns with their text (and the notes
nested under them), the minutes' own narration, and headings that open agenda items."""

from __future__ import annotations

import re
from collections import Counter

from ..draft import Draft, DraftItem, DraftRemark
from ..profile import EMPTY, ImportProfile
from .agenda import MINUTE_NUMBER, clean_title, numbered_heading
from .lines import Line
from .speakers import Speakers
from .turns import Label, accepted, find_label, log_command, name_only, scribe_log

SENTENCE_END = (".", "!", "?", ":", ";", "”", '"', ")", "]")


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


class Body:
    """Reads the body line by line into the draft's remarks, under its agenda items."""

    def __init__(
        self, draft: Draft, speakers: Speakers, counts: Counter[str], headings_make_items: bool, profile: ImportProfile = EMPTY
    ) -> None:
        self.draft = draft
        self.profile = profile
        self.speakers = speakers
        self.counts = counts
        self.headings_make_items = headings_make_items
        self.remark: DraftRemark | None = None
        self.depth = -1
        """The list depth of the current turn's own item (its nested notes are deeper)."""
        self.blank = False
        self.last = False
        self.scribe = False
        """The record is a W3C-style scribe log: lower-case nicknames and `<nick>` lines are turns."""

    def read(self, lines: list[Line]) -> None:
        """Every body line, in order."""
        lines = _minute_numbers(lines)
        self.scribe = scribe_log(lines)
        final = max((i for i, line in enumerate(lines) if line.text), default=-1)
        for index, line in enumerate(lines):
            if not line.text:
                self.blank = True
                continue
            self.last = index == final
            self._line(line, lines[index + 1 :])
            self.blank = False

    def _line(self, line: Line, following: list[Line]) -> None:
        text = line.text
        if line.heading or self._numbered(line):
            self._heading(line)
            return
        if self.remark is not None and self.remark.kind == "spoken" and line.item and line.depth > self.depth >= 0:
            found = find_label(text)
            if found is None or not accepted(found, self.speakers.known(found.key), self.counts, self.scribe):
                self.remark.paragraphs.append(text)  # a note nested under the speaker's item
                self.remark.lines.append(line.no)
                return
        if (own := self.profile.speaker(text)) is not None:
            self._turn(Label(own[0], own[0].strip("[]:： "), own[1], "profile"), line)
            return
        label = find_label(text)
        if label is not None and accepted(label, self.speakers.known(label.key), self.counts, self.scribe):
            self._turn(label, line)
            return
        if (bare := name_only(line, following)) is not None:
            self._turn(bare, line)
            return
        if self._continues(line):
            assert self.remark is not None
            self.remark.paragraphs[-1] = f"{self.remark.paragraphs[-1]} {text}"
            self.remark.lines.append(line.no)
            return
        if (
            self.remark is not None
            and self.remark.kind == "spoken"
            and not line.item
            and not line.cells
            and self.depth < 0
            and not _metadata(text)
            and not _procedural(text)
        ):
            self.remark.paragraphs.append(text)  # the speaker's next paragraph
            self.remark.lines.append(line.no)
            return
        if self.remark is not None and self.remark.kind == "narration" and (not self.blank or line.item):
            self.remark.paragraphs.append(text)
            self.remark.lines.append(line.no)
            return
        self._start("narration", line, text)
        self.depth = -1

    def _continues(self, line: Line) -> bool:
        """A line hard-wrapped out of the paragraph above (it stopped mid-sentence and this
        line goes on in lower case): joined to it, never when it is a list item or a row."""
        remark = self.remark
        if remark is None or not remark.paragraphs or self.blank or line.item or line.cells:
            return False
        last = remark.paragraphs[-1]
        return not last.endswith(SENTENCE_END) and (
            line.text[:1].islower() or bool(re.search(r"\b(?:and|of|the|to|a|an|in|for|or|by|with|at|on)$|[,-]$", last))
        )

    def _numbered(self, line: Line) -> bool:
        found = numbered_heading(_numbered_text(line))
        if found is None or (line.item and (line.depth > 0 or not re.fullmatch(r"\d{1,2}[.)]", line.mark))):
            return False
        return self.headings_make_items or any(_norm(clean_title(found[1])) == _norm(i.title) for i in self.draft.agenda)

    def _heading(self, line: Line) -> None:
        """A heading: an agenda item's (enter it; what follows its title on the line stays as
        narration), or the minutes' own words (kept as narration)."""
        numbered = numbered_heading(_numbered_text(line)) if not line.heading else None
        title = clean_title(numbered[1] if numbered else line.text)
        entered = False
        for item in self.draft.agenda:
            if _norm(item.title) == _norm(title) and _norm(title):
                self.draft.section = item.id
                entered = True
                break
        else:
            if numbered and self.headings_make_items and self.last and _numbered_text(line).rstrip().endswith(title):
                self.draft.note(
                    line.no,
                    f"numbered heading at the very end of the text, perhaps cut off: {title[:40]}",
                    "not made an agenda item; add it by hand if the record goes on",
                )
            elif numbered and self.headings_make_items:
                self.draft.agenda.append(DraftItem(f"item-{len(self.draft.agenda) + 1}", title, line=line.no))
                self.draft.section = self.draft.agenda[-1].id
                entered = True
        rest = line.text
        if entered:
            printed = _numbered_text(line)
            at = printed.find(title)
            rest = printed[at + len(title) :].strip(" :.-–—") if at >= 0 else ""
        self.remark = None
        if rest:
            self._start("narration", line, rest)
        self.depth = -1

    def _turn(self, label: Label, line: Line) -> None:
        person = self.speakers.person(label, line.no)
        self._start("spoken", line, label.text, person, label.printed)
        self.depth = line.depth if line.item else -1

    def _start(self, kind: str, line: Line, text: str, speaker: str | None = None, label: str = "") -> None:
        self.remark = DraftRemark(kind, self.draft.section, speaker, label, [text] if text else [], line.no)
        self.remark.lines.append(line.no)
        self.draft.remarks.append(self.remark)


def _minute_numbers(lines: list[Line]) -> list[Line]:
    """A minute number on its own line (`C 19/21`) and the heading under it, as one heading."""
    out: list[Line] = []
    skip = -1
    for index, line in enumerate(lines):
        if index == skip:
            continue
        if MINUTE_NUMBER.match(line.text.strip()):
            following = next((i for i in range(index + 1, min(index + 3, len(lines))) if lines[i].text), None)
            if following is not None and len(lines[following].text) <= 160 and not lines[following].item:
                out.append(Line(line.no, f"{line.text.strip()} {lines[following].text}"))
                skip = following
                continue
        out.append(line)
    return out


def _numbered_text(line: Line) -> str:
    """The line with its list number, as printed (`1. Apologies for Absence`)."""
    return f"{line.mark} {line.text}" if line.item and re.fullmatch(r"\d{1,2}[.)]", line.mark) else line.text


_PROCEDURE = re.compile(
    r"^(?:\(|\[)?(?:the\s+(?:motion|meeting|vote|question|amendment|resolution|council|board|committee|commission|"
    r"senate|chair|clerk|secretary)\b|(?:motion|meeting)\s+(?:carried|adjourned|failed|passed)|"
    r"(?:moved|seconded)\s+by\b|(?:recess|break|laughter|applause|pause|inaudible|crosstalk)\b)|\b(?:carried|adjourned|"
    r"seconded\s+the\s+motion)\b.*\.$",
    re.I,
)


def _procedural(text: str) -> bool:
    """`The motion carried unanimously.`, `[Laughter]`: the minutes' own words, not the speaker's."""
    return bool(_PROCEDURE.search(text)) and len(text) < 200


def _metadata(text: str) -> bool:
    """`Presenter: …`, `Slides: …`: a record's own labelled line, not the speaker's words."""
    return bool(re.match(r"^[A-Z][\w ]{1,20}:\s", text)) and find_label(text) is not None or log_command(text)
