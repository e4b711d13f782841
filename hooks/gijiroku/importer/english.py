"""English-original minutes: `Present:` / `Attendees:` / `Chair:` lists, `Mr. Smith:` or
`CHAIRMAN SMITH.` speaker labels, `June 24, 2003` and `2:30 p.m.`. They import as an
original in English (`language: en`); the Japanese side is then a translation to make."""

from __future__ import annotations

import re

from .draft import Draft, DraftAttendee, DraftItem, DraftRemark
from .eras import find_date
from .people import NameIndex
from .textutil import tidy
from .times import parse_times

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z .'-]{0,40}?)\s*:\s*(?P<value>.*)$")
_FIELDS = {
    "date": ("date", "meeting date"),
    "time": ("time", "meeting time"),
    "venue": ("location", "place", "venue", "where"),
    "present": ("present", "attendees", "attending", "members present", "in attendance", "participants", "attendance"),
    "absent": ("absent", "regrets", "apologies", "members absent", "not present", "excused"),
    "chair": ("chair", "chairman", "chairperson", "chairwoman", "presiding", "presiding officer"),
    "staff": ("staff", "staff present", "also present", "secretary", "recorder", "clerk", "minutes"),
    "guests": ("guests", "visitors", "observers"),
    "agenda": ("agenda", "items", "agenda items"),
}
_GROUP = {"present": "member", "absent": "member", "chair": "chair", "staff": "secretariat", "guests": "guest"}
_SPEAKER = re.compile(
    r"^(?P<label>(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Hon|Sen|Rep|Councillor|Councilor|Commissioner)\.?\s+[A-Z][A-Za-z'-]+"
    r"(?:\s+[A-Z][A-Za-z'-]+)?|(?:THE\s+)?(?:CHAIRMAN|CHAIRWOMAN|CHAIR|PRESIDENT|SECRETARY|SENATOR|MR|MRS|MS|DR)\.?"
    r"(?:\s+[A-Z][A-Z'-]+)*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}))\s*[:.]\s+(?P<text>\S.*)$")
_CLOCK = r"(\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s*m\b\.?)?)"
_HEADING = re.compile(r"^(?:\d+|[IVX]+|[A-Z])[.)]\s+(?P<title>[A-Z][A-Za-z &/,'()-]{2,60})$")
_TITLES = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Hon|Sen|Rep|Councillor|Councilor|Commissioner)\.?\s+")


def is_english(text: str) -> bool:
    """True for minutes written in English: almost no Japanese script, English field words."""
    sample = text[:20000]
    letters = len(re.findall(r"[A-Za-z]", sample))
    return letters > 40 and len(_CJK.findall(sample)) < letters * 0.02 and \
        bool(re.search(r"(?im)^\s*(present|attendees|chair|minutes|agenda|date)\b|\bminutes\b|\bmeeting\b", sample))


def _field(label: str) -> str | None:
    key = label.strip().lower()
    for name, words in _FIELDS.items():
        if key in words:
            return name
    return None


def parse_english(text: str, names: NameIndex) -> Draft:
    """Read English minutes into a draft with language 'en'."""
    draft = Draft(language="en", record="summary")
    lines = text.split("\n")
    current: str | None = None
    in_body = False
    seen_field = False
    title_line, title_is_minutes = 0, False
    headings = not any(_field(m.group("label")) == "agenda" for m in map(_LABEL.match, lines) if m)
    for no, raw in enumerate(lines, start=1):
        line = tidy(raw)
        if not line:
            if current in ("present", "absent", "staff", "guests", "agenda"):
                current = None
            continue
        match = _LABEL.match(line)
        kind = _field(match.group("label")) if match else _field(line)  # "Present" alone as a heading
        if kind and not in_body:
            current = kind
            seen_field = True
            value = match.group("value").strip() if match else ""
            _header_value(kind, value, no, draft, names)
            continue
        if not in_body and not seen_field and not _SPEAKER.match(line):
            # Before the first field: the title, then page text such as "Minutes of …".
            if (not draft.title or (re.search(r"(?i)\bminutes\b", line) and not title_is_minutes)) \
                    and (not find_date(line) or re.search(r"(?i)\bminutes\b", line)):
                if draft.title:
                    draft.note(title_line, f"text before the header fields, not placed: {draft.title[:50]}")
                draft.title, title_line = line, no
                title_is_minutes = bool(re.search(r"(?i)\bminutes\b", line))
                found = find_date(line)
                if found and found.date and draft.date is None:
                    draft.date = found.date
            elif (found := find_date(line)) and found.date and draft.date is None:
                draft.date = found.date
            else:
                draft.note(no, f"text before the header fields, not placed: {line[:50]}")
            continue
        if not in_body and current in ("present", "absent", "staff", "guests", "chair") and len(line) < 80 \
                and not line.endswith("."):
            # One person a line under the heading: "Jane Doe, Chair" is a name and a role.
            for part in re.split(r"\s*;\s*", line):
                _person(part, current, no, draft, names)
            continue
        if not in_body and current == "agenda" and re.match(r"^(?:\d+[.)]|[-*•])\s*", line):
            title = re.sub(r"^(?:\d+[.)]|[-*•])\s*", "", line)
            draft.agenda.append(DraftItem(f"item-{len(draft.agenda) + 1}", title))
            continue
        if not in_body and draft.date is None and (found := find_date(line)) and found.date:
            draft.date = found.date
            start, end = parse_times(line)
            draft.start, draft.end = start or draft.start, end or draft.end
            continue
        in_body = True
        if heading := _HEADING.match(line):
            _section(heading.group("title"), draft, create=headings)
            continue
        _body_line(line, no, draft, names)
    if draft.start is None:
        if called := re.search(rf"(?i)called (?:the meeting )?to order at {_CLOCK}", text):
            draft.start = parse_times(called.group(1))[0]
    if adjourned := re.search(rf"(?i)adjourned at {_CLOCK}", text):
        draft.end = parse_times(adjourned.group(1))[0] or draft.end
    for note_line, message in ((1, "no date found") if draft.date is None else (0, ""),):
        if message:
            draft.note(note_line, message, "add date: YYYY-MM-DD to the front matter")
    draft.note(1, "English original: imported with language: en; its Japanese side shows as untranslated "
                  "until a .ja.md translation is added")
    return draft


def _header_value(kind: str, value: str, no: int, draft: Draft, names: NameIndex) -> None:
    if not value:
        return
    if kind in ("date", "time"):
        found = find_date(value)
        if found and found.date:
            draft.date = found.date
        elif found:
            draft.note(no, f"date not converted: {found.problem}")
        start, end = parse_times(value)
        draft.start, draft.end = start or draft.start, end or draft.end
    elif kind == "venue":
        draft.venue = value
    elif kind == "agenda":
        draft.agenda.append(DraftItem(f"item-{len(draft.agenda) + 1}", value))
    elif kind in _GROUP:
        # "Robert Hall, Planning Director; Amy Lopez, Recording Secretary": with semicolons,
        # the commas join a name to a role; without them, commas separate people.
        parts = re.split(r"\s*;\s*", value) if ";" in value else re.split(r"\s*,\s*|\s+and\s+", value)
        for part in parts:
            _person(part, kind, no, draft, names)


def _person(printed: str, kind: str, no: int, draft: Draft, names: NameIndex) -> None:
    printed = re.sub(r"^(?:[-*•·]|\d+[.)])\s*", "", printed.strip()).rstrip(".")
    if not printed or printed.lower() in ("none", "n/a"):
        return
    role = ""
    if match := re.match(r"^(.*?)\s*\((.*)\)$", printed):
        printed, role = match.group(1), match.group(2)
    elif match := re.match(r"^(.*?),\s*(.+)$", printed):
        printed, role = match.group(1), match.group(2)
    if match := re.match(r"^(Vice[- ]Chair(?:man|woman|person)?|Chair(?:man|woman|person)?|Mayor|Deputy Mayor|"
                         r"President|Vice[- ]President|Secretary|Treasurer)\s+(.+)$", printed):
        role, printed = role or match.group(1), match.group(2)
        if kind == "present" and match.group(1).lower().startswith("chair"):
            kind = "chair"
    name = _TITLES.sub("", printed).strip()
    if not re.match(r"^[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}$", name):
        draft.note(no, f"cannot tell the name in {printed!r}", "kept as it is: check the name")
    person = names.find(name) or names.propose(name, draft, no)
    group = _GROUP[kind]
    if kind == "present" and re.match(r"(?i)vice[- ]?chair", role):
        group = "vice-chair"
    elif kind == "present" and re.match(r"(?i)chair|president|presiding", role):
        group = "chair"
    draft.attendees.append(DraftAttendee(group=group, name=name, person=person, line=no, absent=kind == "absent",
                                         role=role or {"chair": "Chair", "secretariat": "Staff", "guest": "Guest"}.get(
                                             group, "Member"), label=kind))


def _section(title: str, draft: Draft, create: bool) -> None:
    """A numbered heading in the body (1. CALL TO ORDER): the agenda item that follows."""
    for item in draft.agenda:
        if item.title.lower() == title.lower():
            draft.section = item.id
            return
    if create:
        draft.agenda.append(DraftItem(f"item-{len(draft.agenda) + 1}", title))
        draft.section = draft.agenda[-1].id


def _body_line(line: str, no: int, draft: Draft, names: NameIndex) -> None:
    match = _SPEAKER.match(line)
    if match and len(match.group("label")) <= 40 and _field(match.group("label")) is None:
        label = match.group("label")
        surname = _TITLES.sub("", label).replace("THE ", "").split(" ")[-1].rstrip(".")
        found = [a for a in draft.attendees if a.person and a.name.split(" ")[-1].lower() == surname.lower()]
        if not found and surname.upper() in ("CHAIRMAN", "CHAIRWOMAN", "CHAIR", "PRESIDENT"):
            found = [a for a in draft.attendees if a.group == "chair"]
        if len({a.person for a in found}) == 1 and found[0].person:
            draft.remarks.append(DraftRemark("spoken", draft.section, found[0].person, label, [match.group("text")], no))
            return
        if label.isupper() or _TITLES.match(label):
            person = names.find(surname) or names.propose(surname.title(), draft, no, key=f"speaker:{label}")
            draft.note(no, f"speaker {label!r} is not in the attendance list: written as '{person}'")
            draft.remarks.append(DraftRemark("spoken", draft.section, person, label, [match.group("text")], no))
            return
    if draft.remarks and draft.remarks[-1].kind == "spoken" and not draft.remarks[-1].paragraphs[-1].endswith(
            (".", "?", "!", '"', ":")) and not re.match(r"^(?:\d+[.)]|[A-Z][A-Z ]{4,}$)", line):
        # A hard-wrapped line of the remark above (it stopped mid-sentence).
        draft.remarks[-1].paragraphs[-1] += " " + line
        return
    draft.remarks.append(DraftRemark("narration", draft.section, None, "", [line], no))
