"""English-original minutes (council, board, committee, senate and standards-body minutes,
transcripts and meeting notes). They import as an original in English (`language: en`);
the Japanese side is then a translation to make.

The steps: lines (Markdown, tables, flattened pages and page furniture), the title, the
labelled fields and rolls wherever they stand, the agenda list, the opening sentences,
then the body as speaker turns and narration.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..draft import Draft, DraftAttendee, DraftItem
from ..people import NameIndex
from ..profile import EMPTY, ImportProfile
from ..times import clock_times
from .agenda import is_agenda_label, read_agenda_list
from .fields import Fields, date_line_venue, field_kind, meeting_date, place_line, read_field, read_sentence, room_in
from .lines import Line, read_lines, split_flattened
from .names import looks_like_name
from .proceedings import SENTENCE_END, Body
from .rolls import (
    RollEntry,
    Rolls,
    apologies_heading,
    dash_entry,
    first_sentence,
    is_absent,
    parse_value,
    people_run,
    read_block,
    read_unheaded_blocks,
    roll_label,
    sentence_roll,
    trailing_roll,
)
from .speakers import Speakers
from .turns import label_counts

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_TITLE_WORDS = re.compile(
    r"\b(?:minutes|meeting|notes|transcript|proceedings|session|hearing|agenda|council|committee|"
    r"board|commission|senate|trustees|assembly)\b",
    re.I,
)


def is_english(text: str) -> bool:
    """True for minutes written in English: almost no Japanese script, English field words."""
    sample = text[:20000]
    letters = len(re.findall(r"[A-Za-z]", sample))
    return (
        letters > 40
        and len(_CJK.findall(sample)) < letters * 0.02
        and bool(re.search(r"(?im)^\s*(present|attendees|chair|minutes|agenda|date)\b|\bminutes\b|\bmeeting\b|\bnotes\b", sample))
    )


def parse_english(text: str, names: NameIndex, profile: ImportProfile = EMPTY) -> Draft:
    """Read English minutes into a draft with language 'en'; a body's import profile adds its
    own labels to the general rules."""
    draft = Draft(language="en", record="summary")
    lines = _cut_apologies(_cut_rolls(_join_wrapped_rolls(_join_split_labels(split_flattened(read_lines(text, draft, profile))))))
    start = _title(lines, draft)
    head = _Head(lines, draft, profile, start, used={start} if start >= 0 else set())
    head.read()
    fields, rolls, used, agenda_found = head.fields, head.rolls, head.used, head.agenda_found
    used |= rolls.used
    _dates_and_places(lines, start, used, fields, draft)
    draft.date, draft.start, draft.end, draft.venue = fields.date, fields.start, fields.end, fields.venue
    if fields.date is None and fields.date_problem:
        draft.note(fields.date_line or 1, f"date not converted: {fields.date_problem}")
    speakers = Speakers(draft, names)
    _attendees(rolls.people, draft, names, speakers, profile)
    for no, count in rolls.counts:
        draft.note(no, f"attendance given as a count, kept as printed: {count}")
        draft.counts.append(count)
    body = [line for i, line in enumerate(lines) if i not in used]
    body = _split_turns(body, speakers)
    draft.section = "opening"
    Body(draft, speakers, label_counts(body), headings_make_items=not agenda_found, profile=profile).read(body)
    if sum(1 for r in draft.remarks if r.kind == "spoken") >= 3:
        draft.record = "verbatim"
    if draft.date is None:
        draft.note(1, "no date found", "add date: YYYY-MM-DD to the front matter")
    draft.note(
        1,
        "English original: imported with language: en; its Japanese side shows as untranslated "
        "until a .ja.md translation is added",
    )
    return draft


_SPLIT_WORD = re.compile(r"(?:^|(?<=\s))(?P<word>Staff|Also|Council|Members|Others|Commissioners|Trustees|Board)\s+(?=[A-Z])")


@dataclass(slots=True)
class _Head:
    """The fields, rolls and agenda list of an English record, read line by line before its
    proceedings; `used` holds the lines they took."""

    lines: list[Line]
    draft: Draft
    profile: ImportProfile
    start: int
    """The title line's index (-1 for none)."""
    used: set[int]
    fields: Fields = field(default_factory=Fields)
    rolls: Rolls = field(default_factory=Rolls)
    agenda_found: bool = False

    def read(self) -> None:
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            if not line.text or index in self.used:
                index += 1
                continue
            for step in (
                self._agenda,
                self._field,
                self._trailing,
                self._unlabelled,
                self._cell_roll,
                self._roll,
                self._apologies,
                self._unheaded,
            ):
                if (after := step(line, index)) is not None:
                    index = after
                    break
            else:
                index += 1

    def _agenda(self, line: Line, index: int) -> int | None:
        if self.agenda_found or not is_agenda_label(line) or not (agenda := read_agenda_list(self.lines, index)).items:
            return None
        self.agenda_found = True
        for title, no in agenda.items:
            self.draft.agenda.append(DraftItem(f"item-{len(self.draft.agenda) + 1}", title, line=no))
        self.used |= agenda.used
        self.draft.printed.extend(agenda.printed)
        return index + 1

    def _field(self, line: Line, index: int) -> int | None:
        if line.cells or (found := _profile_field(self.profile, line.text) or field_kind(line.text)) is None:
            return None
        kind, label, value = found
        if (
            not value
            and line.text.rstrip().endswith(":")
            and (following := _next_filled(self.lines, index)) is not None
            and field_kind(self.lines[following].text) is None
            and not roll_label(self.lines[following].text)
        ):
            # `Meeting Date:` / `Thursday, February 14, 2013`: the value on the line below.
            value = self.lines[following].text
            self.used.add(following)
            self.draft.printed.append((self.lines[following].no, value))
        if kind == "ignore":
            self.draft.note(line.no, f"field not kept in the front matter, kept in the text: {line.text[:50]}")
        else:
            read_field(kind, value, line.no, self.fields)
            self.draft.printed.append((line.no, line.text))
            self.used.add(index)
        return index + 1

    def _trailing(self, line: Line, index: int) -> int | None:
        """`Paul Shrubsall (volunteer) also attended …`: under the roll above."""
        if (trailing := _trailing(self.lines, index)) is None:
            return None
        found_label, people, taken = trailing
        under = found_label or (self.rolls.people[-1].label if self.rolls.people else None)
        parse_value(people, under, line.no, self.rolls)
        self.draft.printed.extend((self.lines[i].no, self.lines[i].text) for i in sorted(taken))
        self.used |= taken
        return max(taken) + 1

    def _unlabelled(self, line: Line, index: int) -> int | None:
        """Adrian Harvey (AH), Pam Apperley (PA), Tim Over (TO): a roll printed with no label."""
        if self.rolls.people or not _unlabelled_roll(line, index, self.lines, self.start):
            return None
        parse_value(line.text, None, line.no, self.rolls)
        self.used.add(index)
        following = index + 1
        while following < len(self.lines) and not self.lines[following].text:
            following += 1
        if following < len(self.lines) and _count_and_people(self.lines[following].text):
            parse_value(self.lines[following].text, None, self.lines[following].no, self.rolls)
            self.used.add(following)
        return following + 1

    def _cell_roll(self, line: Line, index: int) -> int | None:
        """| Roll Call: | Joanne M. Arruda | Cecil E. Leonard |: the label in the table's first cell."""
        if not line.cells or (roll := roll_label(line.cells[0], strict=False)) is None:
            return None
        label = roll[0]
        parse_value(", ".join(c for c in [roll[1], *line.cells[1:]] if c), label, line.no, self.rolls)
        self.draft.printed.append((line.no, line.cells[0]))
        self.used.add(index)
        return read_block(self.lines, index, label, self.rolls)

    def _roll(self, line: Line, index: int) -> int | None:
        roll = _profile_roll(self.profile, line.text) or roll_label(line.text, strict=not (line.heading or line.bold))
        if roll is None or line.cells or (roll[1] == "" and line.item and re.fullmatch(r"\d{1,2}[.)]", line.mark)):
            return None
        label, value = roll
        self.used.add(index)
        self.draft.printed.append((line.no, line.text if not value else line.text[: len(line.text) - len(value)].strip()))
        if value:
            parse_value(value, label, line.no, self.rolls)
            index += 1
            while index < len(self.lines) and dash_entry(self.lines[index].text):
                # GUESTS: Lara Medley – Registrar / Jason Kauffman – GSA Representative: the roll goes on
                parse_value(self.lines[index].text, label, self.lines[index].no, self.rolls)
                self.used.add(index)
                index += 1
            return index
        return read_block(self.lines, index, label, self.rolls)

    def _unheaded(self, line: Line, index: int) -> int | None:
        """`1.1 Roll call` over blocks of `Name (Org) / Role` lines with no headings."""
        if any(not _POST_LABEL.search(p.label or "") for p in self.rolls.people):
            return None
        before = len(self.rolls.people)
        after = read_unheaded_blocks(self.lines, index, self.rolls)
        if after is None:
            del self.rolls.people[before:]
            return None
        self.draft.printed.extend(
            (self.lines[i].no, self.lines[i].text) for i in range(index + 1, after) if i in self.rolls.used and self.lines[i].text
        )
        self.used |= self.rolls.used
        return after

    def _apologies(self, line: Line, index: int) -> int | None:
        """`APOLOGIES FOR ABSENCE.` and the names in the next paragraph: those absent (the
        heading stays an item of the proceedings)."""
        following = _next_filled(self.lines, index)
        if (
            not apologies_heading(line.text)
            or following is None
            or following in self.used
            or not people_run(names := self.lines[following].text)
        ):
            return None
        parse_value(names, "Apologies", self.lines[following].no, self.rolls)
        self.draft.printed.append((self.lines[following].no, names))
        self.used.add(following)
        return following + 1


def _join_split_labels(lines: list[Line]) -> list[Line]:
    """A two-line label of a flattened two-column table printed around its names: `…
    Staff Robin Dunn, …; Paul Gravelle, Director,` / `Present: Finance/Treasurer; …` is the
    roll `Staff Present: Robin Dunn, …, Finance/Treasurer; …`."""
    out: list[Line] = []
    for line in lines:
        second = re.match(r"^(Present|Absent):\s*(.*)$", line.text)
        previous = out[-1] if out else None
        if second and previous is not None and previous.no == line.no and not previous.cells:
            words = [m for m in _SPLIT_WORD.finditer(previous.text) if not roll_label(previous.text[m.start() :])]
            if words:
                at = words[-1]
                head = previous.text[: at.start()].strip()
                merged = f"{at.group('word')} {second.group(1)}: {previous.text[at.end() :].strip()} {second.group(2)}"
                out[-1:] = ([Line(previous.no, head)] if head else []) + [Line(line.no, merged.strip())]
                continue
        out.append(line)
    return out


def _cut_rolls(lines: list[Line]) -> list[Line]:
    """A roll that ends mid-line while the minutes go on (`Others present - …, Dianne McFall.
    Town Clerk, Alice Laue, absent. Pledge of Allegiance - …`), or a roll written as a
    sentence after the line's opening (`… called the meeting to order at 2:15 p.m. Chair Perry
    and Commissioners Andrew and Power answered the roll. …`): the roll, each sentence that
    ends a roll, and the rest on lines of their own (same line number)."""
    out: list[Line] = []
    for line in lines:
        pieces = [] if not line.text or line.cells or line.heading else _roll_pieces(line.text)
        if not pieces:
            out.append(line)
            continue
        out.append(replace(line, text=pieces[0], links=list(line.links)))
        out.extend(Line(line.no, piece) for piece in pieces[1:])
    return out


def _join_wrapped_rolls(lines: list[Line]) -> list[Line]:
    """A roll sentence hard-wrapped across lines (`… Chair Perry and Commissioners Woodruff,
    Johnston,` / `Smolen, Power and Holland answered the roll.`): the lines it runs over
    joined into one (with the first one's number), so that `_cut_rolls` reads it whole."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        end = _wrapped_roll_end(lines, index)
        if end > index:
            joined = lines[index : end + 1]
            out.append(
                replace(
                    lines[index],
                    text=" ".join(line.text for line in joined),
                    links=[link for line in joined for link in line.links],
                )
            )
        else:
            out.append(lines[index])
        index = end + 1
    return out


def _wrapped_roll_end(lines: list[Line], index: int) -> int:
    """The last line of a roll sentence that a line break cuts, starting at `index` (up to
    four lines, each stopping mid-sentence); `index` when there is none."""
    first = lines[index]
    if not first.text or first.cells or first.heading:
        return index
    text, end, found = first.text, index, index
    while end + 1 < len(lines) and end - index < 3 and not lines[end].text.rstrip().endswith(SENTENCE_END):
        following = lines[end + 1]
        if not following.text or following.heading or following.item or following.cells:
            break
        end += 1
        at = len(text)
        text = f"{text} {following.text}"
        if _roll_across(text, at):
            found = end  # and on, while the next line break also falls in a roll sentence
        elif found > index:
            break
    return found


def _roll_across(text: str, at: int) -> bool:
    """True when the sentence of `text` that the line break at `at` falls inside is a roll sentence."""
    rest = text
    while rest:
        sentence, after = first_sentence(rest)
        start, stop = len(text) - len(rest), len(text) - len(after)
        if start < at < stop and trailing_roll(sentence):
            return True
        rest = after if len(after) < len(rest) else ""
    return False


def _roll_pieces(text: str) -> list[str]:
    """The pieces `_cut_rolls` cuts one line into (none when it is not cut)."""
    pieces: list[str] = []
    found = roll_label(text)
    if found and found[1]:
        roll, rest = first_sentence(found[1])
        if rest:
            pieces.append(text[: len(text) - len(found[1])] + roll)
            text = rest
    if not pieces and (opening := _before_sentence_roll(text)):
        pieces.append(opening)
        text = text[len(opening) :].lstrip()
    while text:
        sentence, rest = first_sentence(text)
        if rest and trailing_roll(sentence):
            pieces.append(text[: len(text) - len(rest)].rstrip())
            text = rest
            continue
        break
    return [*pieces, text] if pieces else []


def _before_sentence_roll(text: str) -> str:
    """The sentences of a line before a roll written as a sentence in it, or ''."""
    at = 0
    while at < len(text):
        sentence, rest = first_sentence(text[at:])
        if at and sentence_roll(sentence):
            return text[:at].rstrip()
        if not rest:
            return ""
        at = len(text) - len(rest)
    return ""


def _cut_apologies(lines: list[Line]) -> list[Line]:
    """`APOLOGIES FOR ABSENCE.` / `Cllr L Watson and Cllr J Foster (family commitment). The
    meeting accepted these …`: the names after the heading on a line of their own, the rest
    of the paragraph on the next (same line number)."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        heading = next((i for i in range(index - 1, max(-1, index - 3), -1) if lines[i].text), None)
        if line.text and heading is not None and apologies_heading(lines[heading].text) and not line.cells and not line.heading:
            names, rest = first_sentence(line.text)
            if rest and people_run(names):
                out.append(replace(line, text=line.text[: len(line.text) - len(rest)].rstrip()))
                out.append(Line(line.no, rest))
                continue
        out.append(line)
    return out


def _title(lines: list[Line], draft: Draft) -> int:
    """The title line's index (-1 for none): among the lines above the first sentence, the
    first that names minutes or a meeting, else the first that is not a date, a field or a
    roll. Short lines above it that carry no date are page text (site names, navigation)
    and are reported as skipped; the rest stays in the record."""
    filled: list[int] = []
    for i, line in enumerate(lines):
        if not line.text:
            continue
        if len(line.text) > 200 or (line.text.endswith(".") and len(line.text) > 80) or len(filled) >= 12:
            break
        if (
            line.text.endswith((".", "?", "!"))
            and len(line.text.split()) >= 5
            and not roll_label(line.text)
            and not field_kind(line.text)
            and re.search(r"\b[a-z]+\b.*\b[a-z]+\b", line.text)
        ):
            break  # `Mr. Smith: I move that the minutes be approved.`: the record has begun
        filled.append(i)
    candidates = [
        i
        for i in filled
        if not roll_label(lines[i].text)
        and not field_kind(lines[i].text)
        and not re.match(r"^(?:approval|adoption|draft\s+agenda|next\s+meeting)\b", lines[i].text, re.I)
    ]
    strong = re.compile(r"\b(?:minutes|transcript|notes|proceedings)\b", re.I)
    roll = next((i for i in filled if roll_label(lines[i].text)), len(lines))
    # a title names minutes above the roll; `## Notes` under `## Attendees` is a section's heading
    best = next((i for i in candidates if strong.search(lines[i].text) and i < roll), None)
    if best is None:
        best = next((i for i in candidates if not _only_date(lines[i].text)), None)
    if best is None:
        return -1
    for i in filled:
        if i >= best:
            break
        if (
            len(lines[i].text) <= 80
            and meeting_date(lines[i].text) is None
            and not lines[i].heading
            and not (roll_label(lines[i].text) or ("", ""))[1]
        ):  # `Absent (prior notice): Nichols, …` is the roll
            draft.note(lines[i].no, f"page text before the record, skipped: {lines[i].text[:50]}")
            lines[i] = Line(lines[i].no, "")
    draft.title = lines[best].text
    return best


def _only_date(text: str) -> bool:
    found = meeting_date(text)
    return found is not None and len(text) - (found.end - found.start) < 15


def _profile_field(profile: ImportProfile, text: str) -> tuple[str, str, str] | None:
    """A header field in one of the body's own label forms (its import profile)."""
    found = profile.header_kind(text)
    if found is None or found[0] not in ("date", "time", "venue", "ignore"):
        return None
    return found[0], text[: len(text) - len(found[1])].strip(), found[1]


def _profile_roll(profile: ImportProfile, text: str) -> tuple[str, str] | None:
    """A roll label of the body's own (its import profile): `Staff in attendance: …`."""
    match = re.match(r"^\s*([^:：]{1,40}?)\s*[:：]\s*(.*)$", text) or re.match(r"^\s*(.{1,40}?)\s*$", text)
    if match and profile.roll_group(match.group(1)):
        return match.group(1).strip(), (match.group(2) if match.lastindex and match.lastindex >= 2 else "").strip()
    return None


def _next_filled(lines: list[Line], index: int) -> int | None:
    """The index of the next line with text, if it comes before a blank line's paragraph break."""
    following = index + 1
    while following < len(lines) and not lines[following].text:
        following += 1
    return following if following < len(lines) and following - index <= 2 else None


def _unlabelled_roll(line: Line, index: int, lines: list[Line], start: int) -> bool:
    """A header line that is nothing but three or more people, comma-separated."""
    if line.item or line.heading or line.cells or index > start + 12 or len(line.text) > 400:
        return False
    pieces = [p.strip() for p in line.text.split(",") if p.strip()]
    return len(pieces) >= 3 and all(looks_like_name(re.sub(r"\s*\([^)]*\)", "", p)) for p in pieces)


def _count_and_people(text: str) -> bool:
    """`1 member of the public, Liz Parry-Jones (LPJ) Clerk`: a count, then people."""
    return bool(re.match(r"^\d+\s+(?:members?\s+of\s+the\s+public|visitors?|guests?|observers?)\b", text, re.I))


def _trailing(lines: list[Line], index: int) -> tuple[str, str, set[int]] | None:
    """A roll ended by a sentence, possibly over two lines: `Town Administrator, David A.
    Souza and` / `Town Solicitor, Andrew M. Teitz were also present.`"""
    line = lines[index]
    found = trailing_roll(line.text)
    if found is not None:
        return found[0], found[1], {index}
    if line.text.endswith(" and") and index + 1 < len(lines) and (found := trailing_roll(lines[index + 1].text)):
        return found[0], f"{line.text} {found[1]}", {index, index + 1}
    return None


def _dates_and_places(lines: list[Line], start: int, used: set[int], fields: Fields, draft: Draft) -> None:
    """Date, times and venue from what is not labelled: the title, a date line, the
    opening sentences (`… was held at … on … at 6:30 p.m.`)."""
    head = [i for i in range(0, min(len(lines), max(start, 0) + 60)) if lines[i].text]
    candidates = ([start] if start >= 0 else []) + [i for i in head if i != start]
    _date_line(lines, candidates, start, used, fields)
    for i in head:
        read_sentence(lines[i].text, lines[i].no, fields)
    if fields.start is None and start >= 0 and (times := clock_times(lines[start].text)):
        fields.start = times[0]  # the title line's time: `… Tuesday, November 14, 7:00 p.m …`
    if fields.date is None:
        fields.date = next((found.date for i in head if (found := meeting_date(lines[i].text)) is not None and found.date), None)
    if not fields.venue:
        _place_line(lines, candidates, start, used, fields)
    for line in lines:
        if re.search(r"adjourn", line.text, re.I):
            read_sentence(line.text, line.no, fields)


def _date_line(lines: list[Line], candidates: list[int], start: int, used: set[int], fields: Fields) -> None:
    """The date from the title or a date line near the top (and a place printed with it)."""
    for i in candidates:
        line = lines[i]
        if (
            fields.date is None
            and (i not in used or i == start)
            and (found := meeting_date(line.text)) is not None
            and found.date
            and (i == start or len(line.text) < 120 or re.search(r"\b(?:held|met|meeting)\b", line.text, re.I))
        ):
            fields.date, fields.date_line = found.date, line.no
            if not fields.venue and (place := date_line_venue(line.text)):
                fields.venue, fields.venue_line = place, line.no
        if fields.date is None and i == start and (month_day := _month_day_year(line.text)):
            fields.date = month_day


def _place_line(lines: list[Line], candidates: list[int], start: int, used: set[int], fields: Fields) -> None:
    """A line near the top that names a place (`Harborview Conference Center`), else a room
    named in the title or a date line."""
    for i in candidates[:10]:
        if (i not in used or i == start) and (place := place_line(lines[i].text)):
            fields.venue, fields.venue_line = place, lines[i].no
            return
    for i in candidates[:8]:
        if room := room_in(lines[i].text):
            fields.venue = room
            return


def _month_day_year(text: str) -> dt.date | None:
    """`WECG Meetings 2022, Public Notes, Mar 17`: a year and a month-day printed apart."""
    from ..eras import find_date

    year = re.search(r"\b(19\d\d|20\d\d)\b", text)
    month_day = re.search(
        r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*\d{4})", text
    )
    if year and month_day:
        found = find_date(f"{month_day.group(1)} {month_day.group(2)}, {year.group(1)}")
        return found.date if found else None
    return None


def _group(entry_label: str | None, title: str) -> str:
    label = (entry_label or "").lower()
    title_low = title.lower()
    if re.search(r"staff|scribe|recorder|clerk|secretar|note", label) or re.search(r"^(?:recorder|scribe|clerk)", title_low):
        return "secretariat"
    if re.search(r"guest|visitor|public", label):
        return "guest"
    if "observer" in label:
        return "observer"
    if re.search(r"vice|deputy|co-?chair|president[-–]elect", title_low) or re.search(r"vice|co-?chair", label):
        return "vice-chair" if "co" not in label and "co" not in title_low[:3] else "chair"
    if re.search(r"^(?:chair|chairman|chairwoman|chairperson|mayor|president|presiding)", title_low) or re.fullmatch(
        r"chair(?:man|person|woman)?|co-?chairs?", label
    ):
        return "chair"
    return "member"


_POST_LABEL = re.compile(r"\b(?:chair|co-?chairs?|chairman|chairperson|scribe|note[- ]?taker|recorder|minute[- ]?taker)s?$", re.I)


def _attendees(people: list[RollEntry], draft: Draft, names: NameIndex, speakers: Speakers, profile: ImportProfile) -> None:
    by_name: dict[str, str] = {}
    in_a_post: set[str] = set()
    """Names printed under a post's label (Chair:, Narrative Scribe:): the same name on the
    roll is that person, whatever post the roll gives them."""
    for found in people:
        entry = found.entry
        group = profile.roll_group(found.label or "") or _group(found.label, entry.title or "")
        post = bool(found.label and _POST_LABEL.search(found.label))
        person = (
            names.find(entry.name)
            or (by_name.get(entry.name) if post or entry.name in in_a_post else None)
            or names.propose(entry.name, draft, found.no, key=f"{entry.name.lower()}|{entry.title.lower()}")
        )
        if post:
            in_a_post.add(entry.name)
        by_name.setdefault(entry.name, person)
        title = entry.title or ""
        role = title or found.label or "Member"
        attendee = DraftAttendee(
            group=group,
            name=entry.name,
            person=person,
            line=found.no,
            role=role,
            affiliation=entry.affiliation if role != entry.affiliation else "",
            absent=entry.absent or is_absent(found.label),
            label=found.label,
            abbreviation=entry.abbreviation,
        )
        if found.proxy_for:
            attendee.proxy_printed = found.proxy_for
            attendee.proxy_for = by_name.get(found.proxy_for)
        if _merged(attendee, draft):
            continue
        draft.attendees.append(attendee)
        if entry.abbreviation:
            speakers.add_abbreviation(entry.abbreviation, person)


def _merged(attendee: DraftAttendee, draft: Draft) -> bool:
    """Chair: Timothy Hatcher, then "Timothy Hatcher (Apple)" in the attendee list: one
    person listed twice is one attendee, with the post named for them and the affiliation
    the list gives. True when `attendee` went into one already listed."""
    earlier = next((a for a in draft.attendees if a.person == attendee.person and a.absent == attendee.absent), None)
    if earlier is None:
        return False
    if earlier.group == "member" and attendee.group != "member":
        earlier.group, earlier.role, earlier.label = attendee.group, attendee.role, attendee.label
    earlier.affiliation = earlier.affiliation or attendee.affiliation
    draft.note(
        attendee.line,
        f"{attendee.name} is listed again (first at line {earlier.line}): kept once, "
        f"as {earlier.role}{f' ({earlier.affiliation})' if earlier.affiliation else ''}",
        "a meeting lists each person once; add what the second listing says if it matters",
    )
    return True


def _split_turns(body: list[Line], speakers: Speakers) -> list[Line]:
    """A flattened page whose speaker turns run on in one line (`… CASE 2014-12. Al-Jaff:
    Chairman Aller, …`): cut before each label that names someone on the roll."""
    out: list[Line] = []
    for line in body:
        if len(line.text) < 200:
            out.append(line)
            continue
        cuts = [
            m.start(1)
            for m in re.finditer(r"(?<=[.?!]\s)([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?):\s", line.text)
            if speakers.known(m.group(1))
        ]
        if not cuts:
            out.append(line)
            continue
        bounds = [0, *cuts, len(line.text)]
        for a, b in zip(bounds, bounds[1:]):
            if line.text[a:b].strip():
                out.append(Line(line.no, line.text[a:b].strip()))
    return out
