"""Attendance in English minutes: the roll labels (Present, Members Present, Regrets,
Apologies, In attendance, Attendees, Also present, Staff, Guests, Chair, Scribes…) and the
people under them, in every layout met in published minutes — a comma or semicolon run,
one person a line or a list item, a table with name and organisation columns, names with a
title before or after, a two-column table flattened into titles then names, and the
sentences that end a roll (`… were also present.`, `Town Clerk, Alice Laue, absent.`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .lines import Line
from .names import (
    HEAD_TITLES,
    PARTICLES,
    PLURAL_HONORIFIC,
    TITLE_WORDS,
    Entry,
    is_title,
    looks_like_name,
    split_title,
    strip_name,
)

_STRONG = (
    r"present|absent|attending|in\s+attendance|attendance|attendees?|participants|regrets|apologies(?:\s+for\s+absence)?|"
    r"apologies\s+received|guests?(?:\s+of\s+the\s+\w+)?|visitors|observers|excused|roll\s+call|"
    r"absent\s+with(?:out)?\s+representation|not\s+present|also\s+attending|presenters|panel(?:ists)?|"
    r"witnesses|also\s+participating|seated"
)
_WEAK = r"chairs?|co-?chairs?|chairman|chairperson|chairwoman|vice[- ]chair|scribes?|note[- ]?takers?|recorder|team|not\s+team|staff|ex[- ]officio"
_LABEL = re.compile(
    rf"^(?P<label>(?:[A-Za-z][\w’'&/–,-]*\s+){{0,7}}?(?:{_STRONG})(?:\s+[A-Za-z][\w’'&/–-]*){{0,6}}?|(?:[A-Za-z][\w’'&/–-]*\s+){{0,2}}?(?:{_WEAK}))"
    r"\s*(?:\((?P<count>\d+)\)|\([^)]{1,40}\))?\s*(?P<sep>[:：]|\s[-–—]\s|$)\s*(?P<value>.*)$",
    re.I,
)
_NONE = re.compile(r"^(?:none|n/?a|nil|no one|nobody|-|—)\.?$", re.I)
_ABSENT_LABEL = re.compile(r"absent|regrets|apologies|excused|not\s+present", re.I)
_TRAILING = re.compile(
    r"^(?P<people>.+?)\s+(?:(?:were|was)\s+(?P<label>also\s+present|absent|excused|also\s+in\s+attendance)"
    r"(?:\s+from\s+the\s+meeting)?|(?P<also>also\s+attended)(?:\s+as\s+an?\s+\w+)?)\s*\.?$",
    re.I,
)
# Rolls written as sentences, as Robert's-Rules-style minutes of commissions and boards print
# them: `Chair Perry and Commissioners Andrew, Maré and Power answered the roll.`, `… met with
# Chair Brown presiding; also present were Commissioners Fellows and Tait.`, `Staff members in
# attendance were Planning Director Rob Strong and …`.
_ANSWERED = re.compile(r"^(?P<people>[A-Z][^.;:]{2,300}?),?\s+answered\s+(?:the\s+)?roll(?:\s+call)?\s*\.?$")
_PRESENT_WERE = re.compile(
    r"^(?:(?P<opening>[A-Z][^;]{0,250}?\bwith\s+(?P<chair>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+presiding)\s*[;,]\s*"
    r"(?:and\s+)?)?(?P<label>(?:[Aa]lso\s+)?[Pp]resent|(?:[A-Z][a-z]+\s+){1,2}(?:[a-z]+\s+)?in\s+attendance)\s+(?:were|was)\s*:?\s+"
    r"(?P<people>[A-Z][^;:]{2,400}?)\s*\.?$"
)
_PROSE = re.compile(
    r"^(?P<label>Apologies|Regrets)\s+(?:for\s+absence\s+)?(?:(?:were|was)\s+)?(?:received|given|tendered|noted)"
    r"\s+(?:from|by|on\s+behalf\s+of)\s+(?P<people>[A-Z].+?)"
    r"(?:,?\s+(?:and|which|who)\s+(?:were\s+|was\s+)?(?:duly\s+)?(?:accepted|noted|approved)\b[^.]*)?\.?$",
    re.I,
)
_SENT_APOLOGIES = re.compile(
    r"^(?P<people>[A-Z][^.;:]{1,150}?)\s+(?:sent|gave|tendered|offered|had\s+sent|have\s+sent|"
    r"has\s+sent)\s+(?:their\s+|his\s+|her\s+)?(?P<label>apologies|regrets)\b[^.]{0,80}\.?$"
)
_ABSENT_SUFFIX = re.compile(r"^(?P<people>.+?),?\s+(?P<label>absent)\s*\.?$", re.I)
_COUNT = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|no)\s+(?:members?\s+of\s+the\s+public|members?|people|persons|others|guests|visitors)\b",
    re.I,
)


@dataclass(slots=True)
class RollEntry:
    """A person as the roll prints them, with the label they are listed under."""

    entry: Entry
    label: str | None
    no: int
    proxy_for: str | None = None


@dataclass(slots=True)
class Rolls:
    """Every person read from the record's rolls, and the lines the rolls took."""

    people: list[RollEntry] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    """Indices (in the list of lines) of the lines read as a roll."""
    counts: list[tuple[int, str]] = field(default_factory=list)
    pending: list[tuple[str | None, str, int]] = field(default_factory=list)
    """Titles printed under a label with no names after them (a table flattened column by
    column): the names that follow the next label's titles are theirs first."""


_CAPS_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z]+\s+){0,3}(?:PRESENT|ABSENT|ATTENDING|REGRETS|APOLOGIES|GUESTS|ATTENDANCE|"
    r"ATTENDEES|IN ATTENDANCE))\s+(?P<value>[A-Z].*)$"
)
_PROSE_VALUE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,5}(?:called|convened|opened|presided|led|welcomed|requested|asked)\s")
"""`CALL TO ORDER AND ROLL CALL: Chair Perry called the meeting to order …`: an agenda heading
naming the roll call, followed by what happened, not by the roll."""
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Jr|Sr|St|Esq|Rev|Hon|No|Vol|Inc|Ltd|Co|Messrs|Mses|Cllr|Gov|Sen|Rep|vs)|"
    r"\b[A-Z])$"
)


def roll_label(text: str, strict: bool = True) -> tuple[str, str] | None:
    """(label, value) when the line opens a roll: `Members Present: …`, `Regrets`, `PRESENT (38)`,
    `PRESENT Mayor Councillors …` (capitals with no colon, as flattened tables print them).
    With `strict`, weak labels (Chair, Scribes, Staff, Team) need a colon."""
    match = _LABEL.match(text.strip())
    if not match:
        caps = _CAPS_LABEL.match(text.strip())
        return (caps.group("label"), caps.group("value")) if caps else None
    label = re.sub(r"\s+", " ", match.group("label")).strip(" ,")
    value = match.group("value").strip()
    words = label.split()
    while len(words) > 1 and words[-1].lower() in TITLE_WORDS and words[0].isupper() and not value:
        value = f"{words.pop()} {value}".strip()  # ABSENT Councillor: a title column after the label
    label = " ".join(words)
    # ACTION MINUTES SENATORS PRESENT: the end of a flattened title glued to the label
    label = re.sub(r"^(?:\S+\s+){0,6}?(?:MINUTES|Minutes|NOTES|RECORD)\s+(?=\S)", "", label)
    if len(label.split()) > 9 or re.search(r"\d", label):
        return None
    weak = re.fullmatch(rf"(?:[A-Za-z][\w’'&/–-]*\s+){{0,2}}?(?:{_WEAK})", label, re.I)
    if weak and strict and match.group("sep").strip() not in (":", "：") and match.group("value"):
        return None
    if not re.search(rf"\b(?:{_STRONG}|{_WEAK})\b", label, re.I) or _PROSE_VALUE.match(first_sentence(value)[0]):
        return None
    return label, value


def first_sentence(value: str) -> tuple[str, str]:
    """A roll value and the text after it when the roll ends mid-line and the minutes go on
    (`…, Dianne McFall. Town Clerk, Alice Laue, absent. Pledge of Allegiance …`)."""
    for match in re.finditer(r"\.\s+(?=[A-Z])", value):
        before = value[: match.start()]
        if _ABBREVIATIONS.search(before) or re.search(r"\b(?:[A-Z]\.)+[A-Z]?$", before):
            continue
        return before, value[match.end() :]
    return value, ""


def is_absent(label: str | None) -> bool:
    """True for a roll label that lists people not there (Absent, Regrets, Apologies)."""
    return bool(label and _ABSENT_LABEL.search(label) and not re.search(r"with\s+representation", label, re.I))


def parse_value(value: str, label: str | None, no: int, out: Rolls) -> None:
    """The people of one roll value printed on a line (a run, or one person)."""
    value = value.strip().rstrip(".")
    if not value or _NONE.match(value):
        return
    if label and re.search(r"with\s+representation", label, re.I):
        for pair in _split_top(value, ";"):
            parts = [p.strip() for p in re.split(r",\s*", re.sub(r"^and\s+", "", pair.strip()), maxsplit=1)]
            if len(parts) == 2 and parts[0] and parts[1]:
                out.people.append(RollEntry(Entry(strip_name(parts[0]), absent=True), label, no))
                out.people.append(RollEntry(Entry(strip_name(parts[1])), label, no, proxy_for=strip_name(parts[0])))
        return
    value = _STRAY_COLON.sub(_colon_between_people, value)
    if ";" not in value and "," not in value:
        if all(t.strip(",").lower() in TITLE_WORDS for t in value.split()):
            out.pending.append((label, value, no))  # ABSENT Councillor: the name comes after the next titles
            return
        columns = _columns(value)
        if columns is not None and _place_columns(columns, label, no, out):
            return
    for entry in run_entries(value):
        if _COUNT.match(entry.name):
            out.counts.append((no, entry.name))
            continue
        out.people.append(RollEntry(entry, label, no))


_STRAY_COLON = re.compile(r"(?P<post>[^:]+):\s+(?=[A-Z])")
"""`Erin Apostolos, Library Director: Judy Hodges, …`: a colon after a post inside a roll
separates two people as a semicolon does."""


def _colon_between_people(match: re.Match[str]) -> str:
    before = re.split(r"[,;]", match.group("post"))[-1].strip()
    after = re.split(r"[,;:]", match.string[match.end() :])[0].strip()
    if "," in match.group("post") and is_title(before) and looks_like_name(_bare(after)):
        return f"{match.group('post')}; "
    return match.group(0)


def run_entries(value: str) -> list[Entry]:
    """The people of a run: `A, Title; B, Title`, `Title, A, B, C`, `A, B, and C`,
    `A (Org), B (Org)`, `A/B (Co-chairs)`, `Durney & Evelyn O'Reilly`."""
    parts = _split_top(value, ";") if ";" in value else [value]
    # `Town Administrator, David A. Souza and Town Solicitor, Andrew M. Teitz`: two people.
    parts = [q for p in parts for q in re.split(r"\s+and\s+(?=[^,;()]{2,60},\s*[A-Z])", p)]
    entries: list[Entry] = []
    for part in parts:
        part = re.sub(r"^\s*and\s+", "", part.strip()).strip()
        if not part:
            continue
        entries.extend(_part(part, semicolons=";" in value))
    return entries


def _part(part: str, semicolons: bool) -> list[Entry]:
    """One piece of a run between semicolons (or the whole run when it has none): each
    comma-separated piece is a person or a post, and a post goes with its person — the one
    before it (`Kate Aanenson, Community Development Director`), or, printed first, all
    those after it (`Town Councilmen, Tom Drew, Gary Fisher`). Between semicolons there is
    one person, and what follows the name is their post (`Jerry Ball, Director,
    Transportation & Environmental Services`)."""
    if plural := PLURAL_HONORIFIC.match(part):
        return _plural(part[plural.end() :])
    if dash_entry(part) and (dashed := _DASH_POST.match(part)):
        # Lara Medley – Registrar, Alec Westerman and Erin Nawacki – ACSM Representatives
        post = dashed.group("post").strip(" .")
        people = [q for p in _split_top(dashed.group("who"), ",") for q in _split_and(re.sub(r"^and\s+", "", p))]
        post = _singular(post) if len(people) > 1 and _PLURAL_TITLE.search(post) else post
        return [_with_title(e, post) for p in people for e in _people(p, "")]
    pieces = [re.sub(r"^and\s+", "", p.strip()) for p in _split_top(part, ",") if p.strip()]
    if not pieces:
        return []
    kinds = ["title" if _is_post(p) else "name" for p in pieces]
    if semicolons and kinds[0] == "name" and kinds.count("name") < 3:
        return _people(pieces[0], ", ".join(pieces[1:]))
    # `Carol Blackwood, Chair; Doreen Aldrich, John Bohannon, Karin Fischer`: three names or
    # more after a semicolon are a list of people going on, not one person and their post
    pieces = [q for p in pieces for q in _split_and(p)]
    kinds = ["title" if _is_post(p) else "name" for p in pieces]
    if kinds[0] == "title" and "name" in kinds[1:]:
        title = pieces[0]
        out: list[Entry] = []
        for piece, kind in zip(pieces[1:], kinds[1:]):
            if kind == "name":
                out.extend(_people(piece, title))
            elif out:
                out[-1] = _with_title(out[-1], piece)
        return out
    out = []
    carried = ""
    for piece, kind in zip(pieces, kinds):
        if kind == "title" and out:
            out[-1] = _with_title(out[-1], piece)  # Dr. Edward Root, President
        elif kind == "name" or not out:
            leading = split_title(strip_name(_bare(piece)))[0]
            if leading:
                carried = _singular(leading) if _PLURAL_TITLE.search(leading) else ""
                out.extend(_people(piece, ""))
                if carried:
                    out[-1] = Entry(
                        out[-1].name, carried, out[-1].affiliation, out[-1].abbreviation, out[-1].absent, out[-1].note
                    )
            else:
                # Councilmembers Hewitt, Harstad, and Stein: a plural post goes to the names after it.
                out.extend(_people(piece, carried if len(strip_name(_bare(piece)).split()) == 1 else ""))
    return out


_PLURAL_TITLE = re.compile(r"(?:members|men|women|ors|ers|ees|ants|ents|ives|als|ists|rs)$", re.I)


def _singular(title: str) -> str:
    """Councilmembers -> Councilmember, Councilmen -> Councilman, Trustees -> Trustee."""
    last = title.split()[-1]
    single = re.sub(r"men$", "man", last) if last.lower().endswith("men") else re.sub(r"s$", "", last)
    return " ".join([*title.split()[:-1], single])


_DASH_POST = re.compile(r"^(?P<who>[^–—]{2,200}?)\s+[–—-]\s+(?P<post>[^–—]{2,120})$")
"""`Mrs J Smith – Clerk`: a name, a spaced dash, and the person's post."""
_INITIALS_NAME = re.compile(
    r"^(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)(?:[A-Z]\.?\s+){1,3}"
    r"[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?)\s+(?P<post>[A-Z].{1,150})$"
)
"""`Mr D L Nicholson Deputy Parish Clerk`: honorific, initials and surname, then the post
with no comma, as UK councils list their officers."""


def dash_entry(text: str) -> bool:
    """True for a line that is people, a spaced dash and their post (`Mrs J Smith – Clerk`)."""
    dashed = _DASH_POST.match(text.strip())
    if dashed is None or len(text) > 160:
        return False
    people = [q for p in _split_top(dashed.group("who"), ",") for q in _split_and(re.sub(r"^and\s+", "", p))]
    return all(looks_like_name(_bare(p)) for p in people) and _reads_as_post(dashed.group("post").strip(" ."))


def _reads_as_post(text: str) -> bool:
    """A post or role (`Registrar`, `ACSM Representatives`, `Admin/Finance Officer`), not a name."""
    bare = _bare(text)
    return is_title(bare) or is_title(_singular(bare)) or not looks_like_name(bare)


def _name_then_post(text: str) -> tuple[str, str] | None:
    """(name, post) of a name followed by its post with no separator: `Mr W Grosvenor Clerk
    and Executive Officer to …` (honorific and initials before the surname mark where the
    name ends), `Kate Lyle Deputy Town Clerk` (a post of two words or more, or one head
    post word, after a name of two words); None otherwise."""
    text = strip_name(text) if not _INITIALS_NAME.match(text.strip()) else text.strip()
    if found := _INITIALS_NAME.match(text):
        return strip_name(found.group("name")), found.group("post")
    tokens = text.split()
    for cut in range(2, min(len(tokens), 5)):
        name, post = " ".join(tokens[:cut]), tokens[cut:]
        if (
            tokens[cut].lower() in TITLE_WORDS
            and tokens[cut][:1].isupper()
            and looks_like_name(name)
            and not any(t.lower() in TITLE_WORDS for t in tokens[:cut])
            and is_title(" ".join(post))
            and (len(post) >= 2 or post[0].lower() in HEAD_TITLES)
        ):
            return name, " ".join(post)
    return None


def _is_post(piece: str) -> bool:
    """A piece of a run that is a post or role (`Senior Planner`, `Director`), not a person."""
    bare = _bare(piece)
    if re.fullmatch(r"(?:[A-Z]\.\s?){1,4}[A-Z]\.?", bare):
        return True  # Hon. Colonel Pitt, M.L.C.: letters after a name, not a person
    if _name_then_post(bare):
        return False  # Mr D Iley Admin/Finance Officer: a person with their post
    if "/" in bare and all(looks_like_name(part) for part in bare.split("/")):
        return False  # Antonia Gross/Chris Smith (Co-chairs): two people
    if split_title(bare)[0]:
        return False  # City Manager Johnson, Fire Captain Hurr: a person printed with their post
    return (
        (is_title(bare) and not looks_like_name(bare))
        or (not looks_like_name(bare, loose=True))
        or (bare[:1].islower() and " " in bare and not looks_like_name(bare, loose=True))
    )


def _split_and(piece: str) -> list[str]:
    """`David Tufaro and Dr. Nancy S. Grasmick`: two people; `Secretary and Economist`: one title."""
    halves = re.split(r"\s+and\s+|\s*&\s*(?=[A-Z])", piece)
    if len(halves) == 2 and _name_then_post(_bare(halves[0])) and not _HONORIFIC_START.match(halves[1]):
        return [piece]  # Mrs P Alder Assistant Clerk and Management Officer: one post in two parts
    if len(halves) == 2 and all(looks_like_name(_bare(h)) for h in halves):
        if len(halves[0].split()) == 1 and len(halves[1].split()) >= 2 and "&" in piece:
            # Durney & Evelyn O'Reilly: one surname for both.
            return [f"{halves[0]} {halves[1].split()[-1]}", halves[1]]
        return halves
    return [piece]


def _plural(rest: str) -> list[Entry]:
    """`Messrs. McTeer, Santomero, and Stern, Presidents of …`: several people, one title."""
    pieces = [re.sub(r"^and\s+", "", p.strip()) for p in _split_top(rest, ",") if p.strip()]
    names: list[str] = []
    title_parts: list[str] = []
    for piece in pieces:
        halves = [h for h in re.split(r"\s+and\s+", piece) if h]
        if not title_parts and all(looks_like_name(h) for h in halves):
            names.extend(halves)
        else:
            title_parts.append(piece)
    return [Entry(strip_name(n), title=", ".join(title_parts)) for n in names]


def _bare(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def _with_title(entry: Entry, title: str) -> Entry:
    title = title.strip(" ,.")
    joined = f"{entry.title}, {title}" if entry.title else title
    return replace(entry, title=joined)


def _people(text: str, title: str) -> list[Entry]:
    """One printed person (or two joined by `/`), with what is in their brackets."""
    text = text.strip().strip(".")
    brackets = re.findall(r"\(([^)]*)\)", text)
    name = re.sub(r"\s*\([^)]*\)", " ", text).strip()
    after = ""
    if brackets and not text.rstrip().endswith(")"):
        after = text[text.rfind(")") + 1 :].strip()  # Liz Parry-Jones (LPJ) Clerk
        name = re.sub(r"\s*\([^)]*\)", " ", text[: text.rfind(")") + 1]).strip()
    affiliation, abbreviation, absent, note = "", "", False, ""
    for inner in brackets:
        inner = inner.strip()
        if re.fullmatch(r"(?:regrets|absent|apologies|excused|not present)", inner, re.I):
            absent = True
        elif (
            re.fullmatch(r"[A-Z]{2,4}", inner)
            and _initials(name).startswith(inner[:2])
            and all(ch in _initials(name) for ch in inner)
        ):
            abbreviation = inner
        elif inner:
            affiliation = f"{affiliation}, {inner}" if affiliation else inner
    if after and not looks_like_name(after):
        title = f"{title}, {after}" if title else after
    leading_title, rest = split_title(strip_name(name))
    if leading_title:
        title = f"{leading_title}, {title}" if title else leading_title
        name = rest
    elif trailing := _name_then_post(name):
        name, post = trailing
        title = f"{post}, {title}" if title else post
    names = [n.strip() for n in name.split("/")] if "/" in name and all(looks_like_name(n) for n in name.split("/")) else [name]
    return [Entry(strip_name(n), title.strip(" ,"), affiliation, abbreviation, absent, note) for n in names if strip_name(n)]


def _initials(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s\-]+", strip_name(name)) if part and part[0].isalpha()).upper()


def _split_top(text: str, separators: str) -> list[str]:
    """Split at separators that are not inside brackets."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p for p in (x.strip() for x in parts) if p]


def _columns(value: str) -> tuple[list[str], list[tuple[str, str]], bool] | None:
    """A run with no separators read as titles and names: `Mayor H.S. Hughes Deputy Mayor
    Ralph Hough …` (each title before its name) or `Mayor Councillors Carol Hamilton Cynthia
    Day …` (a two-column table flattened column by column: the titles, then the names).
    Returns the titles, the names with what was bracketed after them, and whether titles and
    names alternate; None when the run is not of this form."""
    tokens = value.split()
    if not tokens or tokens[0].strip(",").lower() not in TITLE_WORDS:
        return None
    alternating = _alternating(tokens)
    if alternating is not None:
        return [t for t, _ in alternating], [(n, "") for _, n in alternating], True
    for cut in range(1, len(tokens)):
        last = tokens[cut - 1].strip(",")
        if not (last.lower() in TITLE_WORDS or re.fullmatch(r"\(.*\)|[IVX]{1,4}", last)):
            continue
        names = _name_chunks(tokens[cut:])
        if names:
            return _split_titles(tokens[:cut]), names, False
    return None


def _alternating(tokens: list[str]) -> list[tuple[str, str]] | None:
    """`Mayor H.S. Hughes Deputy Mayor Ralph Hough Councillor Barbara Coutanche`: title, name, title, name."""
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(tokens):
        start = index
        while index < len(tokens) and tokens[index].strip(",").lower() in TITLE_WORDS:
            index += 1
        if index == start or index >= len(tokens):
            return None
        name = [tokens[index]]
        index += 1
        while index < len(tokens) and re.fullmatch(r"(?:[A-Z]\.)+", name[-1]):
            name.append(tokens[index])
            index += 1
        if index < len(tokens) and tokens[index].strip(",").lower() not in TITLE_WORDS:
            name.append(tokens[index])
            index += 1
        if not looks_like_name(" ".join(name)):
            return None
        out.append((" ".join(tokens[start : index - len(name)]), " ".join(name)))
    return out


def _split_titles(words: list[str]) -> list[str]:
    """Titles run together (`Director of Planning Manager of Building Services`): a new title
    starts at a head word after a complete one."""
    heads = {
        "mayor",
        "deputy",
        "councillor",
        "councillors",
        "councilor",
        "chief",
        "director",
        "manager",
        "administrative",
        "communications",
        "clerk",
        "treasurer",
        "supervisor",
        "superintendent",
        "president",
        "vice",
        "secretary",
        "engineer",
        "planner",
        "chair",
        "chairman",
        "commissioner",
        "trustee",
        "officer",
        "solicitor",
        "attorney",
    }
    out: list[list[str]] = []
    for word in words:
        low = word.strip(",").lower()
        if (
            out
            and low in heads
            and out[-1][-1].strip(",").lower() not in ("of", "and", "&", "deputy", "vice", "chief")
            and not (
                low in ("officer", "manager", "clerk", "engineer", "planner", "secretary", "treasurer")
                and out[-1][-1].strip(",").lower() not in TITLE_WORDS - heads
            )
        ):
            out.append([word])
        elif out:
            out[-1].append(word)
        else:
            out.append([word])
    return [" ".join(t) for t in out]


def _place_columns(columns: tuple[list[str], list[tuple[str, str]], bool], label: str | None, no: int, out: Rolls) -> bool:
    """Give each name its title (and label): in order when they alternate; when the titles
    came first, titles left without names under earlier labels take the first names."""
    titles, names, alternating = columns
    slots: list[tuple[str | None, str]] = [] if alternating else [(o, t) for o, t, at in out.pending if at == no]
    slots += [(label, title) for title in titles]
    if not alternating and len(names) > len(slots) and slots:
        slots += [slots[-1]] * (len(names) - len(slots))  # Councillors: the last, plural title takes the rest
    if len(slots) < len(names):
        return False
    out.pending = [(owner, title, no) for owner, title in slots[len(names) :]]
    for (name, bracket), (owner, title) in zip(names, slots):
        title = re.sub(r"(?<=[a-z])s$", "", title) if title.lower().endswith(("councillors", "councilors")) else title
        absent = bool(re.search(r"regrets|absent|apologies", bracket, re.I))
        out.people.append(
            RollEntry(Entry(strip_name(name), title, "" if absent else bracket.strip("()"), absent=absent), owner, no)
        )
    return True


def _name_chunks(words: list[str]) -> list[tuple[str, str]] | None:
    """Names run together: a first name (or initials), any middle initials, a surname; a
    bracketed word after a name stays with it."""
    chunks: list[tuple[str, str]] = []
    current: list[str] = []
    for word in words:
        if re.fullmatch(r"\(.*\)", word):
            if chunks and not current:
                chunks[-1] = (chunks[-1][0], word)
                continue
            return None
        current.append(word)
        if len(current) >= 2 and not re.fullmatch(r"(?:[A-Z]\.)+", word):
            chunks.append((" ".join(current), ""))
            current = []
    if current:
        return None
    return chunks if all(looks_like_name(name) for name, _ in chunks) else None


_APOLOGIES_HEADING = re.compile(
    r"^(?:[A-Z]{0,3}\d{1,4}/\d{2,4}\s+)?(?:\d{1,2}[.)]?\s+)?(?:to\s+(?:receive|note|accept|consider)\s+(?:and\s+\w+\s+)?)?"
    r"apologies(?:\s+(?:for|and\s+reasons\s+for)\s+absence)?\s*[.:]?$",
    re.I,
)


def apologies_heading(text: str) -> bool:
    """True for the standard agenda heading of UK parish and town councils that the names of
    those absent follow in the next paragraph (`C048/23  1.  APOLOGIES FOR ABSENCE.`,
    `2. To receive apologies for absence`)."""
    return bool(_APOLOGIES_HEADING.match(text.strip()))


def people_run(text: str) -> bool:
    """True for a sentence that is nothing but people (`Cllr L Watson and Cllr J Foster
    (family commitment), Cllr A Hart (work commitment)`)."""
    bare = re.sub(r"\([^)]*\)", " ", text)
    if any(w not in PARTICLES and w != "and" for w in re.findall(r"\b[a-z][a-z']*\b", bare)):
        return False  # `Apologies were received from …`: a sentence, read as one
    entries = run_entries(re.sub(r"\s+and\s+(?=(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\b)", ", ", text.strip().rstrip(".")))
    return bool(entries) and all(looks_like_name(e.name) and not e.title.islower() for e in entries)


def sentence_roll(text: str) -> tuple[str, str] | None:
    """(label, people) of a roll written as a sentence (`… answered the roll.`, `… with Chair
    Brown presiding; also present were …`, `Staff members in attendance were …`); the chair
    named as presiding is on the roll."""
    if match := _ANSWERED.match(text.strip()):
        return "present", match.group("people")
    if match := _PRESENT_WERE.match(text.strip()):
        chair = match.group("chair")
        # `Planning Director Rob Strong and Associate Planner Kelly Heffernon`: each with a post
        people = re.sub(r",?\s+and\s+(?=[A-Z])", ", ", match.group("people"))
        people = f"{chair}, {people}" if chair else people
        return re.sub(r"\s+", " ", match.group("label")).lower() if not chair else "present", people
    return None


def trailing_roll(text: str) -> tuple[str, str] | None:
    """(label, people) of a sentence that ends a roll: `Town Administrator, David A. Souza and
    Town Solicitor, Andrew M. Teitz were also present.` / `Town Clerk, Alice Laue, absent.`,
    or of a roll written as a sentence."""
    if found := sentence_roll(text):
        return found
    if match := _TRAILING.match(text.strip()):
        return (match.group("label") or "").lower(), match.group("people")
    if match := _PROSE.match(text.strip()):
        return match.group("label"), match.group("people")
    if match := _SENT_APOLOGIES.match(text.strip()):
        return "apologies", match.group("people")  # Cllr I Wroth & Cllr H Wroth sent apologies.
    if (match := _ABSENT_SUFFIX.match(text.strip())) and len(text) < 80:
        return "absent", match.group("people")
    return None


_HONORIFIC_START = re.compile(r"^(?:Mr|Ms|Mrs|Miss|Dr|Prof|Messrs|Mses|Mmes|Cllr)\.?\s", re.I)
_HONORIFIC_SPLIT = re.compile(r",\s*(?=(?:Mr|Ms|Mrs|Miss|Dr|Prof|Messrs|Mses|Mmes)\.?\s)")


def read_block(lines: list[Line], at: int, label: str, out: Rolls) -> int:
    """The people listed under the roll label standing alone at `at` (a heading, a bold
    line, or `Present:` with nothing after it), one person (or one run) a line; returns the
    index of the first line after the block.

    Within the block: a nested label (`Team:`) names the group of what follows; a line that
    is an organisation under a name is that person's; where every person's line begins with
    an honorific (`Mr. Greenspan, Chairman`), a line that does not is the one above going on
    (`Members of the Federal Open Market Committee`)."""
    return _Block(lines, label, out, lines[at].depth if lines[at].item else -1).read(at + 1)


@dataclass(slots=True)
class _Block:
    """The state of reading one roll block: its group, the person and line read last."""

    lines: list[Line]
    label: str
    out: Rolls
    base_depth: int
    sub_label: str | None = None
    blanks: int = 0
    previous: RollEntry | None = None
    last_line: list[RollEntry] = field(default_factory=list)
    honorifics: bool | None = None
    """Whether every person's line begins with an honorific (the block's first line says)."""
    items: bool | None = None
    """Whether the block is a list (its first line says)."""

    def read(self, index: int) -> int:
        while index < len(self.lines):
            line = self.lines[index]
            if not line.text:
                self.blanks += 1
                index += 1
                if self.blanks > 1 and self.out.people and not _could_continue(self.lines, index):
                    break
                continue
            if line.heading or (line.item and self.base_depth >= 0 and line.depth <= self.base_depth and not line.cells):
                break
            if line.cells:
                _table_row(line, self.label, self.out, index)
            elif not (self._nested_label(line, index) or self._goes_on(line, index) or self._under_name(line, index)):
                if self._ends(line) or not self._people(line, index):
                    break
            index += 1
            self.blanks = 0
        return index

    def _nested_label(self, line: Line, index: int) -> bool:
        """`Team:` inside the block: the group of what follows."""
        text = line.text
        nested = roll_label(text, strict=False) if line.item or text.endswith(":") else None
        if not (nested and (nested[1] or text.rstrip().endswith(":")) and line.depth > self.base_depth):
            return False
        self.sub_label = nested[0]
        self.out.used.add(index)
        if nested[1]:
            parse_value(nested[1], self.sub_label, line.no, self.out)
        return True

    def _ends(self, line: Line) -> bool:
        text = line.text
        return (
            bool(roll_label(text))
            or _ends_block(text)
            or (self.items is not None and self.items != line.item and bool(self.blanks))
            or (
                bool(self.blanks)
                and self.previous is not None
                and not line.item
                and not looks_like_name(_bare(text), loose=True)
                and len(text) < 80
                and not text.endswith(".")
                and not _name_then_post(_bare(_split_top(text, ",")[0]))
            )
        )

    def _goes_on(self, line: Line, index: int) -> bool:
        """`… Presidents of the Banks of` / `Dallas, Philadelphia`: one title over two lines."""
        text = line.text
        if self._ends(line) or not (self.honorifics and self.last_line and not _HONORIFIC_START.match(text) and not self.blanks):
            return False
        for found in self.last_line:
            found.entry = (
                _with_title(found.entry, text)
                if found.entry.title
                else replace(found.entry, affiliation=_join(found.entry.affiliation, text))
            )
        self.out.used.add(index)
        return True

    def _under_name(self, line: Line, index: int) -> bool:
        """An organisation or post on the line under a name: it belongs to that person."""
        text = line.text
        previous = self.previous
        if (
            self._ends(line)
            or previous is None
            or line.item
            or self.blanks
            or _is_person_line(text)
            or slash_entry(text) is not None
            or (looks_like_name(_bare(text), loose=True) and not looks_like_org(text))
        ):
            return False
        previous.entry = replace(previous.entry, affiliation=_join(previous.entry.affiliation, text))
        self.out.used.add(index)
        return True

    def _people(self, line: Line, index: int) -> bool:
        """The people of one line of the block; False when the line holds none."""
        text, out = line.text, self.out
        if _COUNT.match(text) and len(text) < 60:
            out.counts.append((line.no, text))  # One member of the public
            out.used.add(index)
            return True
        before = len(out.people)
        group = self.sub_label or self.label
        columns = re.split(r"\s{2,}|\t", text.strip())
        if (slashed := slash_entry(text)) is not None:
            out.people.append(RollEntry(slashed, group, line.no))  # Name (Org) / Role
        elif len(columns) == 2 and looks_like_name(strip_name(columns[0])) and is_title(columns[1]):
            out.people.append(RollEntry(Entry(strip_name(columns[0]), columns[1]), group, line.no))
        elif _HONORIFIC_START.match(text):
            for piece in _HONORIFIC_SPLIT.split(text):  # Mr. Hoenig, Mses. Minehan and Pianalto, …
                out.people.extend(RollEntry(e, group, line.no) for e in _part(piece.strip(), semicolons=False))
        elif _is_person_line(text) or line.item:
            if _one_person(text):
                out.people.extend(RollEntry(e, group, line.no) for e in _people(*_name_and_title(text)))
            else:
                parse_value(text, group, line.no, out)
        if len(out.people) == before:
            return False
        if self.honorifics is None:
            self.honorifics = bool(_HONORIFIC_START.match(text))
        if self.items is None:
            self.items = line.item
        self.last_line = out.people[before:]
        self.previous = out.people[-1]
        out.used.add(index)
        return True


_SLASH_ENTRY = re.compile(r"^(?P<who>(?:[^/()]|\([^)]{0,40}\)){2,80}?)\s*/\s+(?P<role>\S[^/]{0,120})$")


def slash_entry(text: str) -> Entry | None:
    """`Alissa Cooper (Cisco) / IETF Chair, General Area`: one person of a roll printed as
    name, organisation in brackets, then their post after a slash, as IETF IESG minutes do;
    a bracket inside the name is a nickname (`Zaheduzzaman (Zahed) Sarker (Ericsson)`)."""
    match = _SLASH_ENTRY.match(text.strip())
    if not match:
        return None
    who = match.group("who").strip()
    org = re.search(r"\(([^)]*)\)$", who)
    name = re.sub(r"\s*\([^)]*\)\s*", " ", who).strip()
    if not looks_like_name(name):
        return None
    return Entry(strip_name(name), re.sub(r"\s+", " ", match.group("role")).strip(), org.group(1).strip() if org else "")


_ROLL_CALL_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?roll\s+call\.?$", re.I)
_UNHEADED_GROUPS = ("Present", "Regrets", "Observers")


def read_unheaded_blocks(lines: list[Line], at: int, out: Rolls) -> int | None:
    """`1.1 Roll call` over blocks of `Name (Org) / Role` lines whose headings (ATTENDEES,
    REGRETS, OBSERVERS) were lost when the page was copied: the wider gaps part the blocks,
    which IESG-style minutes print in that order. Returns the index after the last block, or
    None when what follows is not such a roll."""
    if not _ROLL_CALL_HEADING.match(lines[at].text.strip()):
        return None
    taken: list[tuple[int, int, Entry]] = []  # (index, blank lines before it, person)
    gap, index = 0, at + 1
    while index < len(lines):
        text = lines[index].text.strip()
        if not text:
            gap += 1
        else:
            entry = slash_entry(text) or (
                Entry(strip_name(text)) if looks_like_name(text) and len(text.split()) <= 4 and taken else None
            )
            if entry is None or roll_label(text):
                break
            taken.append((index, gap, entry))
            gap = 0
        index += 1
    if not any(slash_entry(lines[i].text) for i, _, _ in taken):
        return None
    gaps = [g for _, g, _ in taken[1:]]
    wide = max(gaps, default=0)
    parted = wide > min(gaps, default=0)
    group = 0
    for position, (i, before, entry) in enumerate(taken):
        if position and parted and before == wide:
            group += 1
        if group >= len(_UNHEADED_GROUPS):
            return None
        out.people.append(RollEntry(entry, _UNHEADED_GROUPS[group], lines[i].no))
        out.used.add(i)
    return taken[-1][0] + 1


def _join(left: str, right: str) -> str:
    return f"{left} {right.strip()}".strip() if left else right.strip()


_ORG = re.compile(
    r"\b(?:University|College|School|Institute|Institution|Center|Centre|Hospital|Foundation|Company|"
    r"Corporation|Inc|Ltd|LLC|Association|Society|Agency|Department|Office|Bank|Group|Council|Board|"
    r"Commission|Committee|Columnist|Journal|Times|Press|Trust|Fund|Laboratory|Laboratories|Law|Medicine|"
    r"Academy|Ministry|Authority|Service|Services|Partners|Consulting|Enterprise|Project|Network)\b"
)


def looks_like_org(text: str) -> bool:
    """True for an organisation printed under a person's name (`Eastbay University`,
    `Institute for Maritime Studies`, `Syndicated Columnist`)."""
    return bool(_ORG.search(text)) or bool(re.search(r"\s(?:of|for|and|at)\s", text))


def _could_continue(lines: list[Line], index: int) -> bool:
    """A list of names separated by blank lines goes on when the next line is a name too."""
    while index < len(lines) and not lines[index].text:
        index += 1
    return index < len(lines) and looks_like_name(lines[index].text, loose=True) and not lines[index].heading


def _ends_block(text: str) -> bool:
    return (
        bool(
            re.match(r"^(?:\d{1,2}[.)]\s|[A-Z][A-Z ]{6,}$)", text) or re.match(r"^(?:agenda|minutes|call to order)\b", text, re.I)
        )
        or len(text) > 140
        and text.count(",") + text.count(";") < 3
    )


def _one_person(text: str) -> bool:
    """`Mr. Greenspan, Chairman` / `Leon R. Kass, M.D., Ph.D., Chairman` / `Rod Vagg (TSC)`: one person."""
    if PLURAL_HONORIFIC.match(text.strip()) or ";" in text:
        return False
    pieces = [p for p in _split_top(strip_name(text), ",") if p]
    return len(pieces) <= 1 or not any(looks_like_name(_bare(p)) for p in pieces[1:])


def _name_and_title(text: str) -> tuple[str, str]:
    cleaned = strip_name(text)
    pieces = _split_top(cleaned, ",")
    return pieces[0], ", ".join(pieces[1:])


def _is_person_line(text: str) -> bool:
    head = _split_top(strip_name(text), ",")[0] if text.strip() else ""
    return bool(head) and (looks_like_name(_bare(head)) or bool(PLURAL_HONORIFIC.match(text.strip())))


_HEADINGS = {
    "name",
    "names",
    "abbreviation",
    "abbr",
    "initials",
    "organization",
    "organisation",
    "affiliation",
    "company",
    "role",
    "title",
    "position",
    "representing",
    "employer",
}


def _table_row(line: Line, label: str, out: Rolls, index: int) -> None:
    """A row of an attendance table: name, then abbreviation and organisation columns."""
    cells = [c for c in line.cells]
    if all(c.lower() in _HEADINGS for c in cells if c):
        out.used.add(index)
        return
    filled = [c for c in cells if c]
    out.used.add(index)
    if (
        len(filled) >= 2
        and all(looks_like_name(strip_name(c)) for c in filled)
        and not any(re.fullmatch(r"[A-Z]{2,4}", c) for c in filled)
    ):
        for cell in filled:  # a roll laid out in columns: every cell a person
            out.people.append(RollEntry(Entry(strip_name(cell)), label, line.no))
        return
    name, abbreviation, affiliation = filled[0] if filled else "", "", ""
    for cell in filled[1:]:
        if re.fullmatch(r"[A-Z]{2,5}", cell) and not abbreviation:
            abbreviation = cell
        else:
            affiliation = f"{affiliation}, {cell}" if affiliation else cell
    if name and looks_like_name(strip_name(name), loose=True):
        out.people.append(RollEntry(Entry(strip_name(name), "", affiliation, abbreviation), label, line.no))
