"""People as English minutes print them: honorifics and degrees around a name, titles
before or after it (`Mayor H.S. Hughes`, `Supervisor, Jean Owens`, `Kate Aanenson,
Community Development Director`), organisations in brackets, plural titles (`Messrs.`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

HONORIFIC = re.compile(
    r"^(?:(?:the\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Hon|Honourable|Honorable|Rev|Reverend|Sir|Dame|Cllr|Councillor|"
    r"Councilor|Cr|Sen|Senator|Rep|Representative|Judge|Justice|Worshipful)\b\.?\s+)+",
    re.I,
)
PLURAL_HONORIFIC = re.compile(r"^(?:Messrs|Mses|Mmes|Drs|Cllrs|Councillors|Councilors)\b\.?\s+", re.I)
DEGREES = re.compile(
    r"(?:,?\s+(?:M\.?\s?D|Ph\.?\s?D|J\.?\s?D|D\.?\s?Phil|Dr\.?\s?phil|L\.?\s?L\.?\s?M|LL\.?\s?[MB]|D\.?\s?Sc|M\.?\s?P\.?\s?H|"
    r"M\.?\s?B\.?\s?A|R\.?\s?N|Esq|Jr|Sr|II|III|IV|MBE|OBE|CBE|DL|CMC|P\.?\s?E|AICP|CPA)\.?)+(?=\s*(?:,|;|\(|$|\s{2,}))",
    re.I,
)
TITLE_WORDS = frozenset(
    w.lower()
    for w in (
        "Mayor",
        "Deputy",
        "Councillor",
        "Councillors",
        "Councilor",
        "Councilors",
        "Councilman",
        "Councilmen",
        "Councilwoman",
        "Councilmember",
        "Alderman",
        "Alderwoman",
        "Commissioner",
        "Commissioners",
        "Chair",
        "Chairman",
        "Chairwoman",
        "Chairperson",
        "Co-chair",
        "Co-chairs",
        "Vice",
        "Vice-Chair",
        "Vice-Chairman",
        "Vice-President",
        "President",
        "President-Elect",
        "Presidents",
        "Secretary",
        "Treasurer",
        "Clerk",
        "Supervisor",
        "Superintendent",
        "Director",
        "Directors",
        "Manager",
        "Officer",
        "Administrator",
        "Solicitor",
        "Attorney",
        "Counsel",
        "Engineer",
        "Planner",
        "Senator",
        "Representative",
        "Trustee",
        "Trustees",
        "Governor",
        "Governors",
        "Economist",
        "Economists",
        "Adviser",
        "Advisor",
        "Assistant",
        "Associate",
        "Coordinator",
        "Parliamentarian",
        "Ex-Officio",
        "Ex-Officios",
        "Member",
        "Members",
        "Chief",
        "Recorder",
        "Scribe",
        "Staff",
        "Observer",
        "Guest",
        "Speaker",
        "Executive",
        "Head",
        "Leader",
        "General",
        "Inspector",
        "Analyst",
        "Specialist",
        "Consultant",
        "Auditor",
        "Controller",
        "Registrar",
        "Provost",
        "Dean",
        "Chancellor",
        "Principal",
        "Lieutenant",
        "Captain",
        "Sergeant",
        "Constable",
        "Minister",
        "Deputy-Mayor",
        "Town",
        "City",
        "County",
        "Borough",
        "Parish",
        "State",
        "Senior",
        "Junior",
        "Acting",
        "Interim",
        "Immediate",
        "Past",
        "Recording",
        "Community",
        "Development",
        "Project",
        "Planning",
        "Communications",
        "Corporate",
        "Services",
        "Finance",
        "Highway",
        "Public",
        "Works",
        "Fire",
        "Police",
        "Legal",
        "Human",
        "Resources",
        "Chief",
        "Administrative",
        "Operating",
        "Financial",
        "Technical",
        "Section",
        "Division",
        "Department",
        "Office",
        "Board",
        "Council",
        "Committee",
        "Commission",
        "Authority",
        "Agency",
        "System",
        "Account",
        "Bank",
        "Banks",
        "Facilitator",
        "Volunteer",
        "Liaison",
        "Secretariat",
        "Alternate",
        "Alternates",
        "Emeritus",
        "Honorary",
        "Designate",
        "Nominee",
        "Appointee",
        "Manager,",
        "Administrative",
        "Assistant",
        "Aide",
        "Councilmembers",
        "Councilwomen",
        "Aldermen",
        "Alderpersons",
        "Supervisors",
        "Selectman",
        "Selectmen",
        "Selectwoman",
        "Selectperson",
        "Legislator",
        "Legislators",
        "Freeholder",
        "Freeholders",
        "Forester",
        "Assessor",
        "Marshal",
        "Warden",
        "Ranger",
        "Librarian",
        "Treasurer-Clerk",
        "Clerk-Treasurer",
    )
)
PARTICLES = frozenset(
    (
        "de",
        "da",
        "das",
        "dos",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "di",
        "bin",
        "ibn",
        "al",
        "st.",
        "mc",
        "y",
        "ten",
        "ter",
        "op",
    )
)
NOT_NAMES = frozenset(
    w.lower()
    for w in (
        "The",
        "Of",
        "And",
        "For",
        "To",
        "In",
        "On",
        "At",
        "By",
        "With",
        "From",
        "None",
        "All",
        "Approval",
        "Minutes",
        "Agenda",
        "Meeting",
        "Public",
        "Hearing",
        "Call",
        "Order",
        "Roll",
        "Report",
        "Reports",
        "Business",
        "Old",
        "New",
        "Item",
        "Items",
        "Motion",
        "Resolution",
        "Session",
        "Closed",
        "Open",
        "Consent",
        "Calendar",
        "Adjournment",
        "Adjourn",
        "Comment",
        "Comments",
        "Announcements",
        "Correspondence",
        "Discussion",
        "Presentation",
        "Presentations",
        "Update",
        "Updates",
        "Declarations",
        "Interest",
        "Apologies",
        "Absence",
        "Present",
        "Absent",
        "Regrets",
        "Welcome",
        "Introduction",
        "Introductions",
        "Other",
        "Any",
        "Date",
        "Time",
        "Location",
        "Place",
        "Venue",
        "Next",
        "Previous",
        "Special",
        "Regular",
        "Annual",
        "General",
        "Committee",
        "Council",
        "Board",
        "Commission",
        "Senate",
        "Town",
        "City",
        "County",
        "State",
        "University",
        "College",
        "School",
        "Department",
        "Office",
        "Staff",
        "Team",
        "Group",
        "Working",
        "Notes",
        "Note",
        "Action",
        "Actions",
        "Summary",
        "Conclusion",
        "Proposal",
        "Status",
        "Planning",
        "Finance",
        "Budget",
        "Policy",
        "Pledge",
        "Allegiance",
        "Prayer",
        "Moment",
        "Reflection",
        "Silence",
        "Questions",
        "Question",
        "Answer",
        "Yes",
        "No",
        "Vote",
        "Carried",
        "Moved",
        "Seconded",
        "Recommendation",
        "Recommendations",
        "Review",
        "Approve",
        "Adopt",
        "Adoption",
        "Member",
        "Members",
        "Guests",
        "Visitors",
        "Observers",
        "Attendees",
        "Participants",
        "Index",
        "Contents",
        "Proceedings",
        "Sessions",
        "Transcript",
        "Respectively",
    )
)

_TOKEN = re.compile(r"^(?:[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*\.?|(?:[^\W\d_]\.){1,3}|[^\W\d_]\.?)$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One person as printed in a roll: the name, and what was printed with it."""

    name: str
    title: str = ""
    """A post or role printed with the name (Mayor, Community Development Director)."""
    affiliation: str = ""
    """An organisation printed with the name, usually in brackets (Apple, EF/geth)."""
    abbreviation: str = ""
    """The initials a record uses for the person in its turns (AH, MLS)."""
    absent: bool = False
    note: str = ""
    """Another bracketed remark printed with the name (volunteer, regrets…)."""


def strip_name(text: str) -> str:
    """A printed name without honorifics before it and degrees after it."""
    text = re.sub(r"&(?:#x?[0-9A-Fa-f]{1,6}|nbsp|amp);?", " ", text)  # Douglas&#x20;: an HTML entity left by a converter
    text = HONORIFIC.sub("", text.strip())
    text = DEGREES.sub("", text)
    return text.strip(" ,;.:").strip()


def is_title(text: str) -> bool:
    """True for text that reads as a post or role (Community Development Director, Mayor)."""
    words = [w.strip(",.()") for w in text.split()]
    if not words:
        return False
    titled = sum(1 for w in words if w.lower() in TITLE_WORDS)
    return (
        titled >= 1
        and (titled >= len(words) / 2 or words[-1].lower() in TITLE_WORDS or words[0].lower() in TITLE_WORDS and len(words) <= 3)
        or bool(re.search(r"\b(?:of|for)\b", text) and titled >= 1)
    )


def looks_like_name(text: str, loose: bool = False) -> bool:
    """True for text that can be a person's name as printed (`Kevin Gibbons`, `M.A. Seville`,
    `Fatih`, `Nicolò Ribaudo`). With `loose`, lower-case handles pass too (`nikomatsakis`),
    as they do inside a roll."""
    text = strip_name(text)
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or any(ch.isdigit() for ch in text) or re.search(r"[@/:;|=<>#]", text):
        return False
    if loose:
        return (
            all(re.fullmatch(r"[^\W\d][\w'’.\-–]*", t) for t in tokens)
            and len(tokens) <= 4
            and not all(t.lower() in NOT_NAMES | TITLE_WORDS for t in tokens)
        )
    capitalised = 0
    for index, token in enumerate(tokens):
        if token.lower() in PARTICLES and 0 < index < len(tokens) - 1:
            continue
        if not _TOKEN.match(token.replace("–", "-")):
            return False
        if token[0].isupper():
            capitalised += 1
        elif index == 0:
            return False
    if all(t.lower().rstrip(".") in NOT_NAMES or t.lower() in TITLE_WORDS for t in tokens):
        return False
    return capitalised >= max(1, len(tokens) - 1) and not any(t.lower().rstrip(".") in NOT_NAMES for t in tokens)


def split_title(text: str) -> tuple[str, str]:
    """(title, name) of `Mayor H.S. Hughes` or `Deputy Mayor Ralph Hough`: the leading words
    that are title words, and the name after them; ('', text) when there are none."""
    tokens = text.split()
    cut = 0
    while cut < len(tokens) - 1 and (
        tokens[cut].lower().strip(",") in TITLE_WORDS or cut and tokens[cut].lower().strip(",").removesuffix("s") in HEAD_TITLES
    ):
        cut += 1  # Associate Planners Kelly Heffernon and …: a plural post before the first of them
    if cut and looks_like_name(" ".join(tokens[cut:])):
        return " ".join(tokens[:cut]).strip(","), " ".join(tokens[cut:])
    for head in range(min(len(tokens) - 2, 3), 0, -1):
        # Housing Manager Barnes, Park Superintendent Peterson: a department's words, the post,
        # then the surname (or the name).
        rest = tokens[head + 1 :]
        if (
            tokens[head].lower().strip(",") in HEAD_TITLES
            and all(t[:1].isupper() for t in tokens[:head])
            and 1 <= len(rest) <= 2
            and looks_like_name(" ".join(rest))
            and not any(t.lower() in HEAD_TITLES for t in rest)
        ):
            return " ".join(tokens[: head + 1]).strip(","), " ".join(rest)
    return "", text


HEAD_TITLES = frozenset(
    w.lower()
    for w in (
        "Manager",
        "Director",
        "Engineer",
        "Superintendent",
        "Captain",
        "Chief",
        "Officer",
        "Administrator",
        "Clerk",
        "Attorney",
        "Planner",
        "Coordinator",
        "Supervisor",
        "Forester",
        "Inspector",
        "Analyst",
        "Specialist",
        "Secretary",
        "Treasurer",
        "Commissioner",
        "Councilmember",
        "Councillor",
        "Councilor",
        "Mayor",
        "Lieutenant",
        "Sergeant",
        "Assessor",
        "Librarian",
        "Marshal",
        "Chair",
        "Chairman",
        "Chairperson",
        "President",
        "Auditor",
        "Controller",
        "Recorder",
    )
)
"""The post word that ends a printed post (Housing Manager, Community Development Director)."""
