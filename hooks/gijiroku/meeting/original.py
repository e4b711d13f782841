"""Reading a meeting's original-language file into a Meeting: fields, attendees, agenda,
materials and proceedings, each checked against the registries and the others."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

import yaml

from ..body import RawRemark, RawSection
from ..diagnostics import Diagnostics
from ..model import (
    ATTRIBUTED_KINDS,
    GROUPS,
    RECORD_KINDS,
    REMARK_KINDS,
    AgendaItem,
    Attendee,
    Material,
    Meeting,
    Remark,
    RemarkText,
    RoleText,
    Section,
    Version,
)
from ..yamlsrc import ID_HINT, Reader, id_problem
from .files import MeetingFile
from .registries import Registries, unknown_hint

RESERVED_IDS = frozenset(
    {
        "top",
        "meeting",
        "attendees",
        "agenda",
        "materials",
        "proceedings",
        "opening",
        "closing",
        "source",
        "translation",
        "citation",
        "content",
    }
)
"""Anchors the meeting page uses itself; a remark, item or material id may not take them."""


@dataclass(slots=True)
class Written:
    """Every id the original wrote, valid or not: a translation is only told an id is
    unknown when the original never had it, so one mistake is reported once."""

    attendees: set[str] = field(default_factory=set)
    agenda: set[str] = field(default_factory=set)
    materials: set[str] = field(default_factory=set)
    remarks: set[str] = field(default_factory=set)


def read_original(f: MeetingFile, reg: Registries, written: Written, diags: Diagnostics) -> tuple[Meeting | None, bool]:
    """The meeting an original file describes (None when it has errors that leave no
    meeting), and whether its translations can be aligned with it remark by remark
    (not when its body or a remark id is unusable). `written` collects every id it
    wrote, valid or not, for the translations' checks."""
    r, fields = f.reader, f.fields
    title = r.string(fields.get("title"), "title")
    record = r.choice(fields.get("record"), "record", RECORD_KINDS)
    date = r.date(fields.get("date"), "date")
    number = r.integer(fields.get("number"), "number") if "number" in fields else None
    start = r.time(fields.get("start"), "start") if "start" in fields else None
    end = r.time(fields.get("end"), "end") if "end" in fields else None
    if start and end and end <= start:
        r.problem(
            fields["end"],
            "E041",
            f"end {end} is not after start {start}",
            "meetings that run past midnight are not supported; check the times",
        )
    venue = r.string(fields.get("venue"), "venue") if "venue" in fields else ""
    source = r.url(fields.get("source"), "source") if "source" in fields else None

    attendees, roles = _read_attendees(f, reg, written, diags)
    anchors: dict[str, tuple[int, int]] = {}
    agenda, agenda_titles = _read_agenda(f, reg, anchors, written)
    materials, material_texts = _read_materials(f, anchors, written)
    written.remarks.update(rr.attrs["id"] for s in f.sections for rr in s.remarks if "id" in rr.attrs)
    sections, remark_texts, ids_ok = _read_sections(f, reg, agenda, written.agenda, set(roles), anchors, diags)
    alignable = f.body_ok and ids_ok

    if title is None or record is None or date is None:
        return None, alignable
    version = Version(
        lang=f.lang,
        path=diags.relpath(f.path),
        digest=f.digest,
        title=title,
        venue=venue or "",
        roles=MappingProxyType(roles),
        agenda=MappingProxyType(agenda_titles),
        materials=MappingProxyType(material_texts),
        remarks=MappingProxyType(remark_texts),
    )
    return Meeting(
        council=f.council,
        id=f.meeting_id,
        date=date,
        language=f.lang,
        record=record,
        number=number,
        start=start,
        end=end,
        source=source,
        attendees=tuple(attendees),
        agenda=tuple(agenda),
        materials=tuple(materials),
        sections=tuple(sections),
        versions=MappingProxyType({f.lang: version}),
    ), alignable


def _read_attendees(
    f: MeetingFile, reg: Registries, written: Written, diags: Diagnostics
) -> tuple[list[Attendee], dict[str, RoleText]]:
    r = f.reader
    attendees: list[Attendee] = []
    roles: dict[str, RoleText] = {}
    for node in r.sequence(f.fields.get("attendees"), "attendees"):
        fields = r.mapping(
            node, "an attendee", required=("group",), optional=("person", "role", "affiliation", "absent", "proxy_for", "others")
        )
        if fields is None:
            continue
        group = r.choice(fields.get("group"), "attendee group", GROUPS)
        line, _ = r.where(node)
        if "others" in fields:
            others = r.boolean(fields.get("others"), "others")
            extra = set(fields) - {"group", "others"}
            if extra:
                r.problem(
                    node,
                    "E012",
                    "an 'others' entry stands for unnamed attendees and takes only 'group'",
                    "remove: " + ", ".join(sorted(extra)),
                )
            if group and others:
                attendees.append(Attendee(group=group, others=True, line=line))
            elif others is False:
                r.problem(
                    fields["others"],
                    "E014",
                    "'others: false' stands for nobody",
                    "remove the entry, or write 'others: true' for 他 / and others",
                )
            continue
        if "person" not in fields:
            r.problem(
                node,
                "E011",
                "an attendee lacks 'person'",
                "name a person id from people.yml, or write 'others: true' for 他 / and others",
            )
            continue
        _note_written(fields["person"], written.attendees)
        person = _person_ref(r, fields["person"], reg, "attendee")
        role = r.string(fields.get("role"), "role") if "role" in fields else None
        if "role" not in fields:
            r.problem(node, "E011", "an attendee lacks 'role'", "write the role as printed in the minutes, e.g. 総務大臣")
        affiliation = r.string(fields.get("affiliation"), "affiliation") if "affiliation" in fields else ""
        absent = bool(r.boolean(fields.get("absent"), "absent")) if "absent" in fields else False
        proxy_for = _person_ref(r, fields["proxy_for"], reg, "proxy_for") if "proxy_for" in fields else None
        if person is None:
            continue
        if person in roles:
            r.problem(
                fields["person"],
                "E021",
                f"'{person}' is listed twice among the attendees",
                "list each person once; the role is the one they held at this meeting",
            )
            continue
        roles[person] = RoleText(role or "", affiliation or "")
        if group is not None and role is not None:
            attendees.append(Attendee(group=group, person=person, absent=absent, proxy_for=proxy_for, line=line))
    return attendees, roles


def _person_ref(r: Reader, node: yaml.Node, reg: Registries, what: str) -> str | None:
    person = r.ident(node, f"{what} person id")
    if person is not None and person not in reg.people:
        if person in reg.flawed:
            return None
        r.problem(node, "E030", f"unknown person '{person}'", unknown_hint(person, reg.people, "people.yml"))
        return None
    return person


def _topic_refs(f: MeetingFile, node: yaml.Node | None, reg: Registries, what: str) -> tuple[str, ...]:
    r = f.reader
    topics: list[str] = []
    for item in r.sequence(node, f"topics of {what}"):
        topic = r.ident(item, "topic id")
        if topic is None:
            continue
        if topic not in reg.topics:
            if topic in reg.flawed:
                continue
            r.problem(item, "E031", f"unknown topic '{topic}'", unknown_hint(topic, reg.topics, "topics.yml"))
            continue
        topics.append(topic)
    return tuple(topics)


def _note_written(node: yaml.Node | None, ids: set[str]) -> None:
    if isinstance(node, yaml.ScalarNode):
        ids.add(str(node.value).strip())


def _claim_anchor(r: Reader, node: yaml.Node, value: str, what: str, anchors: dict[str, tuple[int, int]]) -> bool:
    """Agenda, material and remark ids share the meeting page's anchors: they must not collide."""
    if value in RESERVED_IDS:
        r.problem(
            node,
            "E020",
            f"{what} id '{value}' is reserved for the page itself",
            "choose another id; reserved: " + ", ".join(sorted(RESERVED_IDS)),
        )
        return False
    if value in anchors:
        line, col = anchors[value]
        r.problem(
            node,
            "E021",
            f"duplicate id '{value}' (first used on line {line})",
            "agenda items, materials and remarks share one set of link anchors in a meeting; rename one",
        )
        return False
    anchors[value] = r.where(node)
    return True


def _read_agenda(
    f: MeetingFile, reg: Registries, anchors: dict[str, tuple[int, int]], written: Written
) -> tuple[list[AgendaItem], dict[str, str]]:
    r = f.reader
    items: list[AgendaItem] = []
    titles: dict[str, str] = {}
    for node in r.sequence(f.fields.get("agenda"), "agenda"):
        fields = r.mapping(node, "an agenda item", required=("id", "title"), optional=("topics", "public"))
        if fields is None:
            continue
        _note_written(fields.get("id"), written.agenda)
        item_id = r.ident(fields.get("id"), "agenda item id")
        title = r.string(fields.get("title"), "agenda item title")
        topics = _topic_refs(f, fields.get("topics"), reg, f"agenda item '{item_id}'")
        public = r.boolean(fields.get("public"), "public") if "public" in fields else True
        if item_id is None or title is None or not _claim_anchor(r, fields["id"], item_id, "agenda item", anchors):
            continue
        titles[item_id] = title
        items.append(AgendaItem(item_id, topics, public is not False))
    return items, titles


def _read_materials(
    f: MeetingFile, anchors: dict[str, tuple[int, int]], written: Written
) -> tuple[list[Material], dict[str, tuple[str, str]]]:
    r = f.reader
    materials: list[Material] = []
    texts: dict[str, tuple[str, str]] = {}
    for node in r.sequence(f.fields.get("materials"), "materials"):
        fields = r.mapping(node, "a material", required=("id", "label", "title"), optional=("public", "url"))
        if fields is None:
            continue
        _note_written(fields.get("id"), written.materials)
        mat_id = r.ident(fields.get("id"), "material id")
        label = r.string(fields.get("label"), "material label")
        title = r.string(fields.get("title"), "material title")
        public = r.boolean(fields.get("public"), "public") if "public" in fields else True
        url = r.url(fields.get("url"), "material url") if "url" in fields else None
        if mat_id is None or label is None or title is None or not _claim_anchor(r, fields["id"], mat_id, "material", anchors):
            continue
        texts[mat_id] = (label, title)
        materials.append(Material(mat_id, public is not False, url))
    return materials, texts


def _read_sections(
    f: MeetingFile,
    reg: Registries,
    agenda: list[AgendaItem],
    agenda_written: set[str],
    present: set[str],
    anchors: dict[str, tuple[int, int]],
    diags: Diagnostics,
) -> tuple[list[Section], dict[str, RemarkText], bool]:
    """The proceedings, each remark's text, and whether every remark had a usable id."""
    agenda_ids = {a.id for a in agenda}
    ids_ok = True
    flawed_items = agenda_written - agenda_ids  # written, but with errors reported there
    sections: list[Section] = []
    texts: dict[str, RemarkText] = {}
    seen_sections: set[str] = set()
    for index, raw in enumerate(f.sections):
        if raw.kind == "item" and raw.key in flawed_items:
            continue
        if not _check_section(f, raw, index, len(f.sections), agenda_ids, seen_sections, diags):
            continue
        remarks: list[Remark] = []
        for rr in raw.remarks:
            claimed = len(anchors)
            remark = _check_remark(f, rr, reg, present, anchors, diags)
            if len(anchors) == claimed:
                ids_ok = False  # no usable id: a translation cannot be aligned by it
            if remark is None:
                continue
            if "source" in rr.attrs:
                diags.add(
                    f.path,
                    rr.line,
                    rr.attr_cols["source"],
                    "E012",
                    "'source' belongs in translations only",
                    "remove source=… from the original",
                )
            remarks.append(remark)
            texts[remark.id] = RemarkText(tuple(rr.paragraphs), rr.attrs.get("label", ""), None, rr.line)
        sections.append(Section(raw.kind, raw.item, tuple(remarks)))
    for item in agenda:
        if item.id not in seen_sections:
            line, col = anchors[item.id]
            diags.add(
                f.path,
                line,
                col,
                "W082",
                f"agenda item '{item.id}' has no '::: item {item.id}' section",
                "add the section with its proceedings, or narration saying the discussion is not public",
            )
    return sections, texts, ids_ok


def _check_section(
    f: MeetingFile,
    raw: RawSection,
    index: int,
    count: int,
    agenda_ids: set[str],
    seen: set[str],
    diags: Diagnostics,
) -> bool:
    if raw.kind == "item" and raw.item is None:
        return False  # already reported by the body parser
    key = raw.key
    if raw.kind == "item" and key not in agenda_ids:
        diags.add(
            f.path,
            raw.line,
            10,
            "E033",
            f"unknown agenda item '{key}'",
            "agenda items are: " + (", ".join(sorted(agenda_ids)) or "(none — add an agenda to the front matter)"),
        )
        return False
    if key in seen:
        diags.add(
            f.path,
            raw.line,
            1,
            "E021",
            f"section '{key}' appears twice",
            "put all of an agenda item's proceedings under one '::: item' line",
        )
        return False
    if raw.kind == "opening" and index != 0:
        diags.add(f.path, raw.line, 1, "E070", "'::: opening' must come first")
    if raw.kind == "closing" and index != count - 1:
        diags.add(f.path, raw.line, 1, "E070", "'::: closing' must come last")
    seen.add(key)
    return True


def _check_remark(
    f: MeetingFile,
    rr: RawRemark,
    reg: Registries,
    present: set[str],
    anchors: dict[str, tuple[int, int]],
    diags: Diagnostics,
) -> Remark | None:
    """The remark `rr` checked against the registries, the attendees (`present`) and the
    ids used before it (`anchors`, which it joins); None, with every problem reported,
    if it cannot be published."""
    remark_id = rr.attrs.get("id")
    kind = rr.attrs.get("kind")
    speaker = rr.attrs.get("speaker")
    ok = _check_remark_id(f, rr, anchors, diags)
    ok = _check_kind(f, rr, diags) and ok
    ok = _check_speaker(f, rr, reg, present, diags) and ok
    topics = _known_topics(f, rr, reg, diags)
    if not rr.paragraphs:
        diags.add(
            f.path,
            rr.line,
            1,
            "E072",
            f"remark '{remark_id or '?'}' has no text",
            "write the remark's text on the lines after its '::: remark' line",
        )
        ok = False
    if not ok:
        return None
    assert remark_id is not None and kind is not None
    return Remark(remark_id, kind, rr.section, speaker, tuple(topics), rr.line)


def _check_remark_id(f: MeetingFile, rr: RawRemark, anchors: dict[str, tuple[int, int]], diags: Diagnostics) -> bool:
    """Whether the remark has an id of its own (a missing one was reported by the body's
    parser); a usable id joins `anchors`."""
    remark_id = rr.attrs.get("id")
    if remark_id is None:
        return False
    problem = id_problem(remark_id)
    if problem:
        diags.add(f.path, rr.line, rr.attr_cols["id"], "E020", f"invalid remark id '{remark_id}': {problem}", ID_HINT)
    elif remark_id in RESERVED_IDS:
        diags.add(
            f.path,
            rr.line,
            rr.attr_cols["id"],
            "E020",
            f"remark id '{remark_id}' is reserved for the page itself",
            "choose another id; reserved: " + ", ".join(sorted(RESERVED_IDS)),
        )
    elif remark_id in anchors:
        diags.add(
            f.path,
            rr.line,
            rr.attr_cols["id"],
            "E021",
            f"duplicate id '{remark_id}' (first used on line {anchors[remark_id][0]})",
            "every remark needs its own id; ids are link anchors and must never change once published",
        )
    else:
        anchors[remark_id] = (rr.line, rr.attr_cols["id"])
        return True
    return False


def _check_kind(f: MeetingFile, rr: RawRemark, diags: Diagnostics) -> bool:
    kind = rr.attrs.get("kind")
    if kind is not None and kind not in REMARK_KINDS:
        diags.add(f.path, rr.line, rr.attr_cols["kind"], "E014", f"remark kind '{kind}' is not one of: {', '.join(REMARK_KINDS)}")
        return False
    return kind is not None


def _check_speaker(f: MeetingFile, rr: RawRemark, reg: Registries, present: set[str], diags: Diagnostics) -> bool:
    """Whether the remark's speaker (or its absence) fits its kind and is a known person;
    a speaker who is not among the attendees is only warned about."""
    kind, speaker = rr.attrs.get("kind"), rr.attrs.get("speaker")
    if kind in ATTRIBUTED_KINDS and speaker is None:
        diags.add(
            f.path,
            rr.line,
            1,
            "E071",
            f"a {kind} remark needs speaker=PERSON-ID",
            "name the person from people.yml; for an opinion the minutes do not attribute use kind=unattributed",
        )
        return False
    if speaker is None:
        return True
    column = rr.attr_cols["speaker"]
    if kind in ("unattributed", "narration"):
        diags.add(
            f.path,
            rr.line,
            column,
            "E071",
            (f"an {kind}" if kind == "unattributed" else f"a {kind}") + " remark cannot have a speaker",
            "unattributed opinions are never attributed to a person; use kind=spoken or kind=written if the minutes name the speaker",
        )
        return False
    problem = id_problem(speaker)
    if problem:
        diags.add(f.path, rr.line, column, "E020", f"invalid person id '{speaker}': {problem}", ID_HINT)
        return False
    if speaker in reg.flawed:
        return False
    if speaker not in reg.people:
        diags.add(
            f.path, rr.line, column, "E030", f"unknown speaker '{speaker}'", unknown_hint(speaker, reg.people, "people.yml")
        )
        return False
    if speaker not in present:
        diags.add(
            f.path,
            rr.line,
            column,
            "W081",
            f"speaker '{speaker}' is not among the attendees",
            "add them to the attendees with the role they held at this meeting",
        )
    return True


def _known_topics(f: MeetingFile, rr: RawRemark, reg: Registries, diags: Diagnostics) -> list[str]:
    """The remark's topics that are in the registry; an unknown one is reported (one whose
    registry entry is flawed was reported there) and left out."""
    topics: list[str] = []
    for topic in rr.topics:
        if topic in reg.flawed:
            continue
        if id_problem(topic) or topic not in reg.topics:
            diags.add(
                f.path,
                rr.line,
                rr.attr_cols.get("topics", 1),
                "E031",
                f"unknown topic '{topic}'",
                unknown_hint(topic, reg.topics, "topics.yml"),
            )
        else:
            topics.append(topic)
    return topics
