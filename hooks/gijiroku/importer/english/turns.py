"""Speaker turns in English minutes, in every label form published records use:
`CHAIRMAN KASS:` and `MR. CLANCY:` (transcripts), `Mr. Smith:` and `Commissioner Kim:`,
`RPR:` (initials keyed to the roll), `Rod:` / `* Martin:` (names in notes), `[tomislav]`
(bracketed handles), and a name alone on a list item with the notes nested under it
(`* Hudson` / `* Parity (Afri)`), and the scribe logs of W3C-style minutes: lower-case nicknames
(`florian: …`, `plh: …`) and IRC lines (`<florian> +1`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lines import Line

TITLES = (
    r"(?:MR|MRS|MS|MISS|MX|DR|PROF|PROFESSOR|REV|HON|SIR|DAME|CHAIRMAN|CHAIRWOMAN|CHAIRPERSON|CHAIR|VICE[ -]CHAIR(?:MAN)?|"
    r"CO-CHAIR|COMMISSIONER|COUNCILLOR|COUNCILOR|COUNCILMAN|COUNCILWOMAN|COUNCILMEMBER|COUNCIL MEMBER|CLLR|MAYOR|"
    r"DEPUTY MAYOR|VICE MAYOR|SENATOR|REPRESENTATIVE|REP|PRESIDENT|VICE PRESIDENT|GOVERNOR|SECRETARY|JUDGE|JUSTICE|"
    r"DIRECTOR|CLERK|SPEAKER|TRUSTEE|SUPERVISOR|ALDERMAN|MEMBER|MINISTER|AMBASSADOR|GENERAL|ADMIRAL|CAPTAIN|CHIEF)"
)
_CAPS_TITLED = re.compile(
    rf"^(?P<label>(?:THE\s+)?{TITLES}\.?\s+[A-Z][A-Z'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Z'’\-]+){{0,2}})"
    r"\s*(?P<sep>:{1,2}|\.(?=\s))\s*(?P<text>.*)$"
)
_THE_ROLE = re.compile(
    r"^(?P<label>THE\s+(?:CHAIR(?:MAN|WOMAN|PERSON)?|PRESIDENT|CLERK|SECRETARY|SPEAKER|MAYOR|MODERATOR|"
    r"FACILITATOR|PRESIDING OFFICER|WITNESS|REPORTER|COURT))\s*(?P<sep>:|\.(?=\s))\s*(?P<text>.*)$"
)
_CAPS_NAME = re.compile(r"^(?P<label>[A-Z][A-Z'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][A-Z'’\-]+){1,2})\s*(?P<sep>:)\s+(?P<text>\S.*)$")
_TITLED = re.compile(
    r"^(?P<label>(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Cllr|Councillor|Councilor|Council\s+Member|Councilmember|Commissioner|Chairman|"
    r"Chairwoman|Chairperson|Chair|Mayor|Vice\s+Mayor|Deputy\s+Mayor|President|Senator|Sen|Rep|Representative|Governor|"
    r"Vice\s+Chairman|Vice\s+Chair|Trustee|Supervisor|Alderman|Director|Clerk|Secretary|Treasurer)\.?\s+[A-Z][\w'’\-]+"
    r"(?:\s+[A-Z][\w'’\-]+)?)\s*(?P<sep>:)\s*(?P<text>.*)$"
)
_ABBREVIATION = re.compile(r"^(?P<label>[A-Z]{2,4})(?P<sep>:)\s*(?P<text>\S.*)$")
_NAME = re.compile(r"^(?P<label>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})\s*(?P<sep>:)\s+(?P<text>\S.*)$")
_BRACKET = re.compile(r"^(?P<label>\[(?P<key>[^\]\s][^\]]{0,30})\])\s*(?P<text>.*)$")
_NICK = re.compile(r"^(?P<label>[a-z][a-z0-9_\-]{1,20})(?P<sep>:)\s+(?P<text>\S.*)$")
_IRC = re.compile(r"^(?P<label><(?P<key>[A-Za-z_\[\]|^`][\w\-\[\]|^`]{0,29})>)\s*(?P<text>\S.*)$")
_SCRIBE_MARK = re.compile(
    r"^(?:(?:…|\.\.\.)\s+\S|<[A-Za-z_][\w\-]{0,29}>\s|(?:RESOLUTION|ACTION|PROPOSED|RESOLVED|Topic|"
    r"[Ss]cribe(?:[Nn]ick)?)\s*:\s)"
)
_HTML_TAGS = frozenset(
    (
        "a",
        "b",
        "i",
        "u",
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "code",
        "pre",
        "span",
        "div",
        "img",
        "sub",
        "sup",
        "details",
        "summary",
        "table",
        "tr",
        "td",
        "th",
        "ul",
        "ol",
        "li",
        "kbd",
        "small",
        "center",
        "font",
    )
)
_NOT_NICKS = frozenset(
    (
        "github",
        "gitlab",
        "http",
        "https",
        "mailto",
        "topic",
        "subtopic",
        "scribe",
        "scribenick",
        "chair",
        "chairs",
        "present",
        "regrets",
        "agenda",
        "action",
        "resolution",
        "proposed",
        "resolved",
        "rrsagent",
        "zakim",
        "agendabot",
        "trackbot",
        "ghurlbot",
        "note",
        "notes",
        "summary",
        "issue",
        "issues",
        "pr",
        "meeting",
        "minutes",
        "see",
        "url",
        "link",
        "slides",
        "eg",
        "ie",
        "re",
        "q",
        "a",
        "example",
    )
)
_NAME_ONLY = re.compile(r"^(?P<key>[A-Z][\w'’\-]+)(?:\s+(?:update|updates|report)|\s+\((?P<inner>[A-Z][\w'’\- ]{0,20})\))?$")
STOP = frozenset(
    w.lower()
    for w in (
        "Date",
        "Time",
        "Where",
        "When",
        "Location",
        "Venue",
        "Present",
        "Absent",
        "Regrets",
        "Apologies",
        "Attendees",
        "Agenda",
        "Minutes",
        "Note",
        "Notes",
        "NB",
        "Action",
        "Actions",
        "Action Item",
        "Action Items",
        "Resolved",
        "Resolution",
        "Motion",
        "Moved",
        "Seconded",
        "Vote",
        "Votes",
        "Carried",
        "Discussion",
        "Conclusion",
        "Conclusions",
        "Summary",
        "Presenter",
        "Presenters",
        "Slides",
        "Link",
        "Links",
        "Liaison",
        "Update",
        "Updates",
        "Question",
        "Questions",
        "Answer",
        "Proposal",
        "Status",
        "Outcome",
        "Decision",
        "Decisions",
        "Topic",
        "Item",
        "Result",
        "Results",
        "Next Step",
        "Next Steps",
        "Background",
        "Comment",
        "Comments",
        "Public Comment",
        "Example",
        "Issue",
        "Issues",
        "Chair",
        "Chairs",
        "Scribe",
        "Scribes",
        "Attending",
        "Team",
        "Not Team",
        "Subject",
        "Purpose",
        "Recommendation",
        "Contact",
        "Email",
        "Phone",
        "Web",
        "Facilitator",
        "Recorder",
        "Secretary",
        "Treasurer",
        "Also",
        "However",
        "Yes",
        "No",
        "Abstain",
        "Abstained",
        "Ayes",
        "Nays",
        "Noes",
        "Consent Agenda",
        "Whereas",
        "Therefore",
        "Review",
        "Reference",
        "References",
        "See",
        "Source",
        "Sources",
        "Remote",
        "Online",
        "Zoom",
        "Call",
        "Notice",
        "Warning",
        "Important",
        "Reminder",
        "Todo",
        "Fyi",
        "Re",
        "Cc",
        "Pr",
        "Url",
        "Api",
        "Utc",
        "Pst",
        "Est",
        "Cst",
        "Pdt",
        "Edt",
        "Tbd",
        "Faq",
        "Ok",
        "Aob",
        "Ps",
        "Id",
        "Q",
        "A",
        "Aside",
        "Observation",
        "Observations",
        "Feedback",
        "Concern",
        "Concerns",
        "Response",
        "Reply",
        "Goal",
        "Goals",
        "Plan",
        "Approach",
        "Options",
        "Option",
        "Pros",
        "Cons",
        "Risk",
        "Risks",
        "Requirements",
        "Agreement",
        "Consensus",
        "Poll",
        "Straw Poll",
        "Attendance",
        "Guests",
        "Visitors",
        "Observers",
        "Staff",
        "Members",
        "Introduction",
        "Opening",
        "Closing",
        "Closure",
        "Adjournment",
        "Adjourned",
        "Public Hearing",
        "Hearing",
        "Applicant",
        "Owner",
        "Applicant/Owner",
        "Planning Case",
        "Request",
        "Location Of Next Meeting",
        "Date Of Next Meeting",
        "Queue",
        "Meeting",
        "Meeting Notes",
        "Call-In Details",
        "Zoom Issues",
        "Registration",
        "Logistics",
        "Schedule",
        "Documents",
        "Document",
        "Materials",
        "Attachments",
        "Attachment",
        "Also Present",
        "Supporting Documents",
        "Motion Text",
        "Senate Action",
    )
)


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label as printed, the key that names the speaker, and the remark's text."""

    printed: str
    key: str
    text: str
    form: str
    """caps-titled, the-role, caps-name, titled, abbreviation, name, bracket, name-only, nick or irc."""


def find_label(text: str) -> Label | None:
    """The speaker label a line opens with, in any printed form (before deciding whether it
    really names a speaker)."""
    for form, regex in (
        ("caps-titled", _CAPS_TITLED),
        ("the-role", _THE_ROLE),
        ("titled", _TITLED),
        ("abbreviation", _ABBREVIATION),
        ("caps-name", _CAPS_NAME),
        ("name", _NAME),
        ("bracket", _BRACKET),
        ("nick", _NICK),
        ("irc", _IRC),
    ):
        match = regex.match(text)
        if match is None or (form == "bracket" and match.group("key").strip().lower() == "x"):
            continue  # `[x] Publish the notes`: a done task in a checklist, not a speaker
        if form == "irc" and match.group("key").lower() in _HTML_TAGS:
            continue
        label = match.group("label")
        if form in ("bracket", "irc"):
            key = match.group("key")
        elif form in ("caps-titled", "titled"):
            key = re.sub(rf"^(?:THE\s+)?{TITLES}\.?\s+", "", label, flags=re.I)
        else:
            key = label
        printed = f"{key}:" if form == "irc" else label + ("" if form == "bracket" else match.group("sep"))
        return Label(printed, key.strip(), match.group("text").strip(), form)
    return None


def name_only(line: Line, following: list[Line]) -> Label | None:
    """A list item that is only a name (`Hudson`, `Martin update`, `Parity (Afri)`) with notes
    nested under it: those notes are the person's."""
    match = _NAME_ONLY.match(line.text.strip())
    if not line.item or not match or match.group("key").lower() in STOP:
        return None
    children = [x for x in following if x.text]
    nested = []
    for child in children:
        if not child.item or child.depth <= line.depth:
            break
        nested.append(child)
    if not nested:
        return None
    direct = [c for c in nested if c.depth == min(n.depth for n in nested)]
    if all(_NAME_ONLY.match(c.text.strip()) for c in direct):
        return None  # a heading over people's notes (Ewasm: Lane, Pawel), not a turn itself
    key = match.group("inner") or match.group("key")
    return Label(line.text.strip(), key, "", "name-only")


def label_counts(lines: list[Line]) -> Counter[str]:
    """How often each label key opens a line: a key used several times is a speaker's."""
    counts: Counter[str] = Counter()
    for line in lines:
        if found := find_label(line.text):
            counts[found.key.lower()] += 1
    return counts


def log_command(text: str) -> bool:
    """`github: org/repo#88`, `scribe: kwame`: a scribe log's own command, never a speaker's words."""
    match = _NICK.match(text)
    return match is not None and match.group("label") in _NOT_NICKS


def scribe_log(lines: list[Line]) -> bool:
    """Whether the record is a scribe's log in the W3C style (RRSAgent's minutes and their
    copies): `… ` continuation lines, `<nick>` IRC lines, `RESOLUTION:` / `ACTION:` / `scribe:`
    lines, at least two of them."""
    return sum(1 for line in lines if _SCRIBE_MARK.match(line.text)) >= 2


def accepted(label: Label, known: bool, counts: Counter[str], scribe: bool = False) -> bool:
    """Whether a label found at the start of a line names a speaker: transcript forms always
    do; initials and plain names do when the roll knows them or the record uses them again;
    lower-case nicknames and IRC lines only in a scribe's log."""
    key = label.key.lower()
    if key in STOP or label.printed.rstrip(":").lower() in STOP:
        return False
    if label.form in ("nick", "irc"):
        return scribe and (label.form == "irc" or key not in _NOT_NICKS)  # an IRC line is always its nick's
    if scribe and label.form == "name" and " " not in label.key and key not in _NOT_NICKS:
        return True  # `WuYiHuan: …` once in a scribe's log: every `word:` line there is a turn
    if label.form in ("caps-titled", "the-role", "titled", "bracket"):
        return True
    if label.form == "caps-name":
        words = label.key.split()
        return (
            all(w.isupper() for w in words)
            and (known or counts[key] >= 2)
            and not re.search(r"\b(?:OF|AND|THE|FOR|TO|IN|ON|AT|BY)\b", label.key)
        )
    if label.form == "abbreviation":
        return known or counts[key] >= 2
    return known or (counts[key] >= 2 and len(label.key.split()) <= 2)
