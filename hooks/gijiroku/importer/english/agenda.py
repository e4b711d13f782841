"""Agenda items in English minutes: the list under an `Agenda` heading or label (top level
only; category headings give way to the items under them), or, where no list is printed,
the numbered headings of the proceedings (`1. Apologies for Absence`, `2. ADOPTION OF
THE AGENDA`, `C 19/21 Declarations of interest`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import Line

_AGENDA_LABEL = re.compile(
    r"^(?:(?:proposed\s+|meeting\s+|draft\s+)?agenda(?:\s+items?)?|order\s+of\s+business|items\s+of\s+business|"
    r"index|contents|table\s+of\s+contents)"
    r"(?:\s+for\s+(?:this|the)\s+meeting)?\s*(?::.*)?$",
    re.I,
)
_NOT_AGENDA = re.compile(r"future|next\s+meeting|previous|approval|adoption|changes|deletions|consent", re.I)
MINUTE_NUMBER = re.compile(r"^[A-Z]{1,4}\s?\d{1,4}/\d{1,4}$")
"""A minute number standing alone (`C 19/21`): its heading is the line below."""
MINUTE_REFERENCE = re.compile(
    r"^(?:Minute\s+(?:No\.?\s*)?)?(?P<number>[A-Z]{1,4}\s?\d{1,4}/\d{2,4}[A-Z]?|\d{1,4}/\d{2,4}[A-Z]?|"
    r"\d{1,2}\.\d{1,2}/\d{2}[A-Z]?|\d{4}\.\d{2}|\d{2,3}\.\d{2}|\d{1,3}(?=\s+[A-Z][A-Z0-9'’&/,. ()-]*[A-Z.)]$))"
    r"(?:\s*[-–—:]\s*|\s+)(?:\d{1,2}[.)]\s+)?(?P<rest>\S.*)$"
)
"""A council's minute reference before the heading, as UK councils number each minute: `C048/23  1.
APOLOGIES`, `23/045 Declarations`, `1.3/23E To open`, `2307.01 Present`, `44.23 – Finance`,
`Minute 12/2024 …`, or a running number before a heading in capitals (`54  APOLOGIES`)."""
NUMBERED = re.compile(r"^(?P<number>\d{1,2}(?=[.)])|[A-Z]{1,4}\s?\d{1,2}/\d{1,3})[.)]?\s+(?P<rest>\S.*)$")
_TRAILING_NOISE = re.compile(r"(?:\s+#\d+(?:\s+\([^)\s]+\))?|\s+\(?https?://\S+|\s+\[[^\]]*\])+\s*$")
_PRESENTER = re.compile(r"^\[[\w .'’-]{1,30}\]\s*")


@dataclass(slots=True)
class AgendaList:
    """The printed agenda: item titles with their lines, and the lines the list took."""

    items: list[tuple[str, int]] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    printed: list[tuple[int, str]] = field(default_factory=list)
    """The list's other lines (its label, categories, sub-items), as printed."""


def clean_title(text: str) -> str:
    """An item as printed, without presenter tags, issue links and trailing addresses."""
    text = _PRESENTER.sub("", text.strip())
    text = _TRAILING_NOISE.sub("", text)
    return text.strip(" :;,-–")


def is_agenda_label(line: Line) -> bool:
    """True for the line that opens the agenda list (`## Agenda`, `Agenda:`, `AGENDA ITEMS`)."""
    text = line.text.strip().rstrip(":")
    return bool(_AGENDA_LABEL.match(text)) and not _NOT_AGENDA.search(text)


def read_agenda_list(lines: list[Line], start: int) -> AgendaList:
    """The list after the agenda label at `start`: its top-level items (or, when those are
    all categories with items under them, the items under them)."""
    level = lines[start].heading or 99
    found = AgendaList()
    found.used.add(start)
    items: list[tuple[int, Line]] = []
    index = start + 1
    while index < len(lines):
        line = lines[index]
        if line.heading and line.heading <= level:
            break
        if line.text and not line.item and not line.heading and items and not line.cells:
            break  # a paragraph after the list: the list has ended
        if line.item:
            items.append((index, line))
        index += 1
    if not items:
        return found
    top = min(line.depth for _, line in items)
    tops = [(i, line) for i, line in items if line.depth == top]
    categories = all(line.bold or line.text.endswith(":") for _, line in tops) and len(items) > len(tops)
    chosen = tops
    if categories:
        under = [line.depth for _, line in items if line.depth > top]
        second = min(under) if under else top
        chosen = [(i, line) for i, line in items if line.depth == second]
    for i, line in items:
        found.used.add(i)
        if (i, line) not in chosen:
            found.printed.append((line.no, line.text))
    found.printed.append((lines[start].no, lines[start].text))
    for _, line in chosen:
        title = clean_title(line.text)
        if title != line.text:
            found.printed.append((line.no, line.text))
        if title and not re.fullmatch(r"(?:none|n/?a|tbd|-)\.?", title, re.I) and not re.match(r"https?://", title):
            found.items.append((title, line.no))
    return found


_CONNECTOR = re.compile(r"\s(?:AND|OR|OF|TO|THE|FOR|ON|IN|&)$")
_VOTE_WORD = re.compile(
    r"MOVED|SECONDED|MOTION|MOVER|SECONDER|AYES?|NAYS?|NOES|ABSENT|ABSTAIN(?:ED)?|ABSTENTIONS?|RESULT|"
    r"VOTE|CARRIED|PASSED|ACTION|RESOLVED|DECISION|NOTE"
)


def numbered_heading(text: str) -> tuple[str, str] | None:
    """(number, title) of a numbered heading of the proceedings: the whole line when short,
    the words before a colon or dash, or the capitals before the text (`1. APPROVAL OF THE
    AGENDA SECONDED: …`); None for a numbered paragraph of minutes (`2. Chris addressed …`)."""
    match = MINUTE_REFERENCE.match(text.strip()) or NUMBERED.match(text.strip())
    if not match:
        session = re.match(
            r"^(?P<number>(?:Session|Item|Part)\s+(?:\d{1,2}|[IVX]{1,4}))\s*[:.]\s+(?P<rest>\S.{0,150})$", text.strip()
        )
        return (session.group("number"), text.strip()) if session and _title_case(session.group("rest")) else None
    rest = match.group("rest").strip()
    caps = re.match(
        r"^((?:[A-Z][A-Z'’&/,.-]*\s+){1,12}?[A-Z][A-Z'’&/.-]*[A-Z'’])(?=\s+[A-Z]\.?\s|\s+[A-Z][a-z]|\s*$|\s+[A-Z][A-Z]+:)", rest
    )
    if caps and len(caps.group(1).split()) >= 2 or re.fullmatch(r"[A-Z][A-Z'’&/,. -]+", rest):
        title = caps.group(1) if caps else rest
        if (
            caps
            and (joined := re.match(r"\s+([A-Z][A-Z]+):", rest[caps.end() :]))
            and (_CONNECTOR.search(title) or not _VOTE_WORD.fullmatch(joined.group(1)))
        ):
            title = f"{title} {joined.group(1)}"  # COMMISSION COMMENTS AND CONCERNS: the colon ends the heading
        return match.group("number"), title.strip(" .:")
    head = re.split(r"\s*:\s+|\s+[-–—]\s+|:$", rest, maxsplit=1)[0].strip(" .")
    if len(rest) <= 80 and not re.search(r"[.!?]$", rest) and _title_case(rest):
        return match.group("number"), rest.strip(" .:")
    if (
        len(rest) <= 70
        and not re.search(r"[.!?;,]$", rest)
        and rest[:1].isupper()
        and len(rest.split()) <= 9
        and (
            re.match(
                r"To\s+(?:receive|approve|consider|note|agree|discuss|resolve|review|adopt|confirm|elect|appoint|"
                r"report|decide|ratify|authorise|authorize)\b",
                rest,
            )
            or not re.search(
                r"\b(?:was|were|is|are|had|has|"
                r"said|asked|noted|reported|agreed)\b",
                rest,
            )
        )
    ):
        # 59. To receive apologies for absence, 61. Items to be taken in private session: a
        # heading in sentence case, as many parish councils print them.
        return match.group("number"), rest.strip(" .:")
    if head != rest and len(head.split()) <= 10 and _title_case(head):
        return match.group("number"), head
    if match.re is MINUTE_REFERENCE and ("/" in match.group("number") or rest.upper() == rest) and len(rest) <= 120:
        return match.group("number"), rest.strip(" .")
    return None


def _title_case(text: str) -> bool:
    """Headings capitalise their words (`Apologies for Absence`); sentences do not."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text)]
    small = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from", "re", "vs", "via"}
    significant = [w for w in words if w.lower() not in small]
    return bool(significant) and sum(1 for w in significant if w[0].isupper()) >= max(1, len(significant) * 0.75)
