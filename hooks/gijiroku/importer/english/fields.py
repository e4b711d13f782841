"""The meeting's date, times, venue and title in English minutes: labelled fields (`Date:`,
`When:`, `Location:`), the title line, and the sentences minutes open with (`The regular
meeting … was held at the Tiverton Town Hall on the 12th day of December 2005 A.D. at
7:00 p.m.`, `Chairman Aller called the meeting to order at 7:00 p.m.`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..eras import DateFound, find_date
from ..times import clock_times

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "date": ("date", "meeting date", "date of meeting", "meeting date/time", "date/time", "date and time", "when", "held"),
    "time": ("time", "meeting time", "start time", "time of meeting"),
    "venue": ("location", "place", "venue", "where", "meeting location", "meeting place", "location of meeting"),
    "ignore": (
        "date of next meeting",
        "next meeting",
        "location of next meeting",
        "recorder email",
        "duration",
        "meeting duration",
        "call-in details",
        "call in details",
        "zoom",
        "dial-in",
        "contact",
        "email",
        "phone",
        "updated",
        "posted",
        "published",
        "last updated",
        "approved",
        "minutes approved",
        "adopted",
        "to council",
        "meeting id",
        "passcode",
        "password",
        "minutes text",
    ),
}
_FIELD = re.compile(r"^(?P<label>[A-Za-z][A-Za-z /&'-]{1,30}?)\s*(?::|\s[-–]\s)\s*(?P<value>.*)$")
TRAPS = re.compile(
    r"next\s+meeting|adoption|adopted|approv|previous|prior\s+meeting|minutes\s+of\s+(?:the\s+)?(?:meeting|proceedings)\s+"
    r"(?:of|held)|held\s+on\s+\d|meeting\s+of\s+\w+\s+\d|to\s+council:|deadline|due\s+(?:on|by)|effective|expires|"
    r"posted|updated|published|received|dated|until|through|from\s+\w+\s+\d+\s+to",
    re.I,
)
"""Words near a date that make it another day than the meeting's."""
_OPENING = re.compile(
    r"(?:called\s+(?:(?:the|a|an)\s+(?:[\w.'’-]+\s+){0,8}?)?to\s+order|meeting\s+was\s+called\s+to\s+order|call(?:ed)?\s+to\s+order|"
    r"(?:met|convened|was\s+held|were\s+held|began|commenced|commencing|opened)\b|held\s+(?:at|in|on)\b|starting\s+on|session\s+at)",
    re.I,
)
_CLOSING = re.compile(r"adjourn(?:ed|ment)?|closed\s+the\s+meeting|meeting\s+(?:ended|closed)|concluded", re.I)
ROOM_WORDS = (
    r"(?:Council\s+Chambers?|Chambers|Town\s+Hall|City\s+Hall|Village\s+Hall|Civic\s+(?:Suite|Centre|Center)|"
    r"(?:Hearing|Meeting|Board|Committee|Conference|Council|Commission)\s+Room|"
    r"Board\s*[Rr]oom|Committee\s+Room(?:\s+\w+)?|Conference\s+Room(?:\s+\w+)?|Ballroom|Auditorium|Library|"
    r"Community\s+(?:Building|Centre|Center|Hall)|Village\s+Hall|Parish\s+Hall|Old\s+School|Room\s+[\w-]+)"
)


@dataclass(slots=True)
class Fields:
    """What the record says of when and where, and where it said it."""

    date: dt.date | None = None
    date_line: int = 0
    date_problem: str = ""
    start: str | None = None
    end: str | None = None
    venue: str = ""
    venue_line: int = 0
    labelled_date: bool = False
    labelled_time: bool = False
    labelled_venue: bool = False


def field_kind(text: str) -> tuple[str, str, str] | None:
    """(kind, label, value) for a labelled field line such as `Date: 12 March 2022`."""
    match = _FIELD.match(text.strip())
    if not match:
        return None
    label = re.sub(r"\s+", " ", match.group("label")).strip().lower()
    for kind, words in FIELD_WORDS.items():
        if label in words:
            return kind, match.group("label").strip(), match.group("value").strip()
    return None


def meeting_date(text: str) -> DateFound | None:
    """The first date in `text` that is not a trap (a next-meeting, adoption or posting date)."""
    rest = text
    offset = 0
    while rest:
        found = find_date(rest)
        if found is None:
            return None
        before = text[max(0, offset + found.start - 40) : offset + found.start]
        if not TRAPS.search(before):
            return found
        offset += found.end
        rest = rest[found.end :]
    return None


def read_field(kind: str, value: str, no: int, fields: Fields) -> None:
    """A labelled date, time or venue field."""
    if kind in ("date", "time"):
        found = meeting_date(value) if kind == "date" else None
        if found is not None and found.date is not None and not fields.labelled_date:
            fields.date, fields.date_line, fields.labelled_date = found.date, no, True
        elif found is not None and found.date is None and not fields.labelled_date:
            fields.date_problem = found.problem
        times = clock_times(value)
        if times and not fields.labelled_time:
            fields.start = times[0]
            if len(times) > 1 and re.search(r"\d\s*(?:[ap]\.?m\.?)?\s*(?:[-–—~]|to|until)\s*\d", value, re.I):
                fields.end = times[1]
            fields.labelled_time = True
    elif kind == "venue" and value and not fields.labelled_venue:
        venue = value.strip().strip("*_").strip()
        if venue and not re.fullmatch(r"(?:link|see|tbd|tba|n/?a|online|virtual).*", venue, re.I) or venue == "online":
            fields.venue, fields.venue_line, fields.labelled_venue = venue, no, True


def read_sentence(text: str, no: int, fields: Fields) -> bool:
    """An opening or closing sentence: `… called the meeting to order at 7:00 p.m.`,
    `The Council met at 9:00 a.m. in the Ballroom of the Wyndham …`, `… adjourned at 9:15 p.m.`
    Returns True when it gave a field."""
    gave = False
    if _OPENING.search(text):
        if fields.date is None and (found := meeting_date(text)) and found.date:
            fields.date, fields.date_line = found.date, no
            gave = True
        opening = _OPENING.search(text)
        times = clock_times(text[opening.start() :] if opening else text)
        if times and not fields.labelled_time and fields.start is None:
            fields.start = times[0]
            gave = True
        if not fields.labelled_venue and not fields.venue and (venue := held_at(text)):
            fields.venue, fields.venue_line = venue, no
            gave = True
    if (
        (closing := _CLOSING.search(text))
        and fields.start
        and (times := clock_times(text[closing.start() :]) or clock_times(text[: closing.start()])[-1:])
    ):
        if times[0] > fields.start and not (fields.labelled_time and fields.end):
            fields.end = times[0]
            gave = True
    return gave


_TRIGGER = re.compile(
    r"\b(?:held|met|convened|was\s+called\s+to\s+order|called\s+(?:(?:the|a|an)\s+(?:[\w.'’-]+\s+){0,8}?)?"
    r"to\s+order|session)\b",
    re.I,
)
_PLACE = re.compile(
    r"\b(?:at|in)\s+(?:the\s+)?(?P<place>(?:(?:offices?|headquarters|premises)\s+of\s+(?:the\s+)?)?"
    r"[A-Z][\w.'’&-]*(?:[\s,]+(?:[A-Z][\w.'’&-]*|of|and|the|\d+[\w-]*))*)"
)


def held_at(text: str) -> str:
    """The place named in an opening sentence: `held at the Tiverton Town Hall on …`,
    `met … at the Nancy S. Grasmick State Education Building.`, `called to order on May 5,
    1999, at 3:00 PM, in the LaSells Stewart Center by …` (the first `at`/`in` that names a place)."""
    trigger = _TRIGGER.search(text)
    if not trigger:
        return ""
    sentence = re.split(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<![ap]\.m)\.\s", text[trigger.end() :])[0]  # not at p.m.
    for match in _PLACE.finditer(sentence):
        place = match.group("place")
        place = re.split(
            r"\s+(?:on|at|by|starting|beginning|pursuant)\b|,?\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
            r"Saturday|Sunday)\b|,\s+the\s+Honorable",
            place,
        )[0].strip(" ,.")
        if (
            len(place) >= 4
            and not find_date(place)
            and not re.match(
                r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                r"Sunday|January|February|March|April|May|June|July|"
                r"August|September|October|November|December)\b",
                place,
            )
        ):
            return place
    return ""


_PLACE_WORDS = re.compile(
    r"\b(?:Chambers?|Hall|Room|Suite|Centre|Center|Building|Hotel|House|Auditorium|Library|Offices?|Headquarters|"
    r"Ballroom|Theatre|Theater|Church|School|College|Campus|Pavilion|Lodge|Club|Court|Plaza|Tower|Annex|Arena)\b"
)


def place_line(text: str) -> str:
    """A short line naming the meeting's place, as minutes print it under the title or date
    (`Harborview Conference Center`, `Civic Suite, Castle Building, Eastham`)."""
    text = text.strip()
    if (
        not text
        or len(text) > 90
        or find_date(text)
        or clock_times(text)
        or text.endswith((".", ":"))
        or re.match(r"^\s*(?:\d+(?:\.\d+)*[.)]?|[IVX]+\.|[A-Za-z][.)])\s", text)
        or not _PLACE_WORDS.search(text)
        or re.search(r"\b(?:minutes|meeting|agenda|session|transcript)\b", text, re.I)
    ):
        return ""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)]
    small = {"of", "the", "and", "at", "for", "on", "in", "de", "du"}
    return text if words and all(w[0].isupper() or w.lower() in small for w in words) else ""


def room_in(text: str) -> str:
    """A meeting room named in a title or date line (`… Council Chambers`, `The Old School, Kings Caple`)."""
    match = re.search(ROOM_WORDS, text)
    return match.group(0).strip(" ,.") if match else ""


def date_line_venue(text: str) -> str:
    """The place printed after the date on a date line: `22nd November 2018, The Old School,
    Kings Caple` -> `The Old School, Kings Caple`."""
    found = find_date(text)
    if found is None or len(text) > 120 or found.start > 12:
        return ""
    rest = text[found.end :]
    if not re.match(r"\s*,", rest):
        return ""
    rest = re.sub(rf"^\s*,?\s*(?:at\s+)?(?:{clock_pattern()})?\s*,?\s*", "", rest, flags=re.I)
    if rest and re.match(r"[A-Z]", rest) and len(rest) <= 100 and not re.search(r"\b(?:minutes|meeting)\b", rest, re.I):
        return rest.strip(" ,.")
    return ""


def clock_pattern() -> str:
    """A time of day as printed, for cutting it out of a line."""
    return r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s*m\.?"
