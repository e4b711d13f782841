"""Loading one meeting: its original-language file, its translations, and the checks between them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

import yaml

from .body import RawRemark, RawSection, parse_body
from .diagnostics import Diagnostics
from .model import (
    ATTRIBUTED_KINDS, GROUPS, RECORD_KINDS, REMARK_KINDS, AgendaItem, Attendee,
    Material, Meeting, Person, Provenance, Remark, RemarkText, RoleText, Section, Topic, Version,
)
from .sources import read_text, split_front_matter
from .yamlsrc import Reader, id_problem, ID_HINT

ORIGINAL_FIELDS = ("language", "title", "record", "date")
ORIGINAL_OPTIONAL = ("number", "start", "end", "venue", "source", "attendees", "agenda", "materials")
TRANSLATION_FIELDS = ("language", "translation", "title")
TRANSLATION_OPTIONAL = ("venue", "attendees", "agenda", "materials")
PROVENANCE_STATUS = ("official", "unofficial")
PROVENANCE_METHOD = ("human", "machine", "machine-assisted")

RESERVED_IDS = frozenset({
    "top", "meeting", "attendees", "agenda", "materials", "proceedings", "opening", "closing",
    "source", "translation", "citation", "content",
})
"""Anchors the meeting page uses itself; a remark, item or material id may not take them."""


@dataclass(frozen=True, slots=True)
class Registries:
    """The ids a meeting may refer to."""

    people: Mapping[str, Person]
    topics: Mapping[str, Topic]
    flawed: frozenset[str] = frozenset()
    """Registry ids whose entries have errors (reported there): references to them are
    not reported again as unknown."""


@dataclass(slots=True)
class MeetingFile:
    """One language file of a meeting, parsed but not yet checked against the others."""

    path: Path
    council: str
    meeting_id: str
    lang: str
    reader: Reader
    fields: dict[str, yaml.Node]
    root: yaml.Node
    sections: list[RawSection]
    end_line: int = 1
    """The file's last line, where a missing translation is reported."""
    body_ok: bool = True
    """False when the body had syntax errors: sections may be misplaced, so alignment is not checked."""
    readable: bool = True
    """False when the front matter could not be parsed at all."""

    @property
    def is_translation(self) -> bool:
        """A file with a `translation:` block translates the meeting's original."""
        return "translation" in self.fields


def parse_meeting_file(path: Path, council: str, meeting_id: str, lang: str, diags: Diagnostics) -> MeetingFile | None:
    """Read one meeting file's front matter and body; None when it cannot be read at all."""
    text = read_text(path, diags)
    if text is None:
        return None
    doc = split_front_matter(text, path, diags)
    if doc is None:
        return _unreadable(path, council, meeting_id, lang, reader=Reader(path, diags), front_matter=text)
    reader = Reader(path, diags, line_offset=doc.front_matter_line - 1)
    if _blank_yaml(doc.front_matter):
        diags.add(path, 1, 1, "E003", "the front matter is empty: this file would publish nothing",
                  "write the meeting's fields between the '---' lines (language, title, record, date, …; "
                  "see the format reference), or delete the file if the meeting is withdrawn")
        return _unreadable(path, council, meeting_id, lang, reader, doc.front_matter)
    root = reader.compose(doc.front_matter)
    errors_before = len(diags.errors)
    sections = parse_body(doc.body, doc.body_line, path, diags)
    body_ok = len(diags.errors) == errors_before
    if root is None:
        return _unreadable(path, council, meeting_id, lang, reader, doc.front_matter)
    is_translation = isinstance(root, yaml.MappingNode) and any(
        isinstance(k, yaml.ScalarNode) and k.value == "translation" for k, _ in root.value
    )
    if is_translation:
        fields = reader.mapping(root, "a translation's front matter", TRANSLATION_FIELDS, TRANSLATION_OPTIONAL)
    else:
        fields = reader.mapping(root, "the front matter", ORIGINAL_FIELDS, ORIGINAL_OPTIONAL)
    if fields is None:
        return None
    language = reader.string(fields.get("language"), "language")
    if language is not None and language != lang:
        reader.problem(fields["language"], "E014", f"language '{language}' does not match the file name '.{lang}.md'",
                       f"rename the file to {meeting_id}.{language}.md, or correct the language field")
    end_line = doc.body_line + doc.body.count("\n")
    return MeetingFile(path, council, meeting_id, lang, reader, fields, root, sections, end_line, body_ok)


def _blank_yaml(text: str) -> bool:
    """True when YAML text holds nothing but blank lines and comments."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n"))


def _unreadable(path: Path, council: str, meeting_id: str, lang: str, reader: Reader, front_matter: str) -> MeetingFile:
    """A file whose front matter could not be parsed: it still counts, so that its
    translations are not reported as orphans, but nothing is checked against it."""
    is_translation = any(line.startswith("translation:") for line in front_matter.split("\n"))
    fields: dict[str, yaml.Node] = {"translation": yaml.ScalarNode("tag:yaml.org,2002:str", "")} if is_translation else {}
    return MeetingFile(path, council, meeting_id, lang, reader, fields, yaml.ScalarNode("tag:yaml.org,2002:null", ""),
                       [], 1, False, readable=False)


def assemble_meeting(files: list[MeetingFile], registries: Registries, diags: Diagnostics) -> Meeting | None:
    """Build a meeting from its original and translations, checking how they line up."""
    originals = [f for f in files if not f.is_translation]
    if not originals:
        for f in files:
            diags.add(f.path, 1, 1, "E065", f"meeting '{f.council}/{f.meeting_id}' has only translations",
                      "add the original-language file (without a 'translation:' block)")
        return None
    if len(originals) > 1:
        for f in originals[1:]:
            diags.add(f.path, 1, 1, "E066",
                      f"both {originals[0].path.name} and {f.path.name} claim to be the original",
                      "a translation needs a 'translation:' block with its provenance")
        return None
    orig = originals[0]
    if not all(f.readable for f in files):
        return None  # its errors are reported; checking the others against it would only add noise
    written = Written()
    meeting = _read_original(orig, registries, written, diags)
    if meeting is None:
        return None
    versions = dict(meeting.versions)
    for f in files:
        if f.is_translation:
            version = _read_translation(f, meeting, written if orig.body_ok else None, diags)
            if version is not None:
                versions[f.lang] = version
    return _replace_versions(meeting, versions)


def _replace_versions(meeting: Meeting, versions: dict[str, Version]) -> Meeting:
    return replace(meeting, versions=MappingProxyType(versions))


# -- the original -----------------------------------------------------------------

@dataclass(slots=True)
class Written:
    """Every id the original wrote, valid or not: a translation is only told an id is
    unknown when the original never had it, so one mistake is reported once."""

    attendees: set[str] = field(default_factory=set)
    agenda: set[str] = field(default_factory=set)
    materials: set[str] = field(default_factory=set)
    remarks: set[str] = field(default_factory=set)


def _read_original(f: MeetingFile, reg: Registries, written: Written, diags: Diagnostics) -> Meeting | None:
    r, fields = f.reader, f.fields
    title = r.string(fields.get("title"), "title")
    record = r.choice(fields.get("record"), "record", RECORD_KINDS)
    date = r.date(fields.get("date"), "date")
    number = r.integer(fields.get("number"), "number") if "number" in fields else None
    start = r.time(fields.get("start"), "start") if "start" in fields else None
    end = r.time(fields.get("end"), "end") if "end" in fields else None
    if start and end and end <= start:
        r.problem(fields["end"], "E041", f"end {end} is not after start {start}",
                  "meetings that run past midnight are not supported; check the times")
    venue = r.string(fields.get("venue"), "venue") if "venue" in fields else ""
    source = r.url(fields.get("source"), "source") if "source" in fields else None

    attendees, roles = _read_attendees(f, reg, written, diags)
    anchors: dict[str, tuple[int, int]] = {}
    agenda, agenda_titles = _read_agenda(f, reg, anchors, written)
    materials, material_texts = _read_materials(f, anchors, written)
    written.remarks.update(rr.attrs["id"] for s in f.sections for rr in s.remarks if "id" in rr.attrs)
    sections, remark_texts = _read_sections(f, reg, agenda, written.agenda, set(roles), anchors, diags)

    if title is None or record is None or date is None:
        return None
    version = Version(
        lang=f.lang, path=diags.relpath(f.path), title=title, venue=venue or "",
        roles=MappingProxyType(roles), agenda=MappingProxyType(agenda_titles),
        materials=MappingProxyType(material_texts), remarks=MappingProxyType(remark_texts),
    )
    return Meeting(
        council=f.council, id=f.meeting_id, date=date, language=f.lang, record=record,
        number=number, start=start, end=end, source=source, attendees=tuple(attendees),
        agenda=tuple(agenda), materials=tuple(materials), sections=tuple(sections),
        versions=MappingProxyType({f.lang: version}),
    )


def _read_attendees(f: MeetingFile, reg: Registries, written: Written, diags: Diagnostics) -> tuple[list[Attendee], dict[str, RoleText]]:
    r = f.reader
    attendees: list[Attendee] = []
    roles: dict[str, RoleText] = {}
    for node in r.sequence(f.fields.get("attendees"), "attendees"):
        fields = r.mapping(node, "an attendee", required=("group",),
                           optional=("person", "role", "affiliation", "absent", "proxy_for", "others"))
        if fields is None:
            continue
        group = r.choice(fields.get("group"), "attendee group", GROUPS)
        line, _ = r.where(node)
        if "others" in fields:
            others = r.boolean(fields.get("others"), "others")
            extra = set(fields) - {"group", "others"}
            if extra:
                r.problem(node, "E012", "an 'others' entry stands for unnamed attendees and takes only 'group'",
                          "remove: " + ", ".join(sorted(extra)))
            if group and others:
                attendees.append(Attendee(group=group, others=True, line=line))
            continue
        if "person" not in fields:
            r.problem(node, "E011", "an attendee lacks 'person'",
                      "name a person id from people.yml, or write 'others: true' for 他 / and others")
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
            r.problem(fields["person"], "E021", f"'{person}' is listed twice among the attendees",
                      "list each person once; the role is the one they held at this meeting")
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
        r.problem(node, "E030", f"unknown person '{person}'", _unknown_hint(person, reg.people, "people.yml"))
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
            r.problem(item, "E031", f"unknown topic '{topic}'", _unknown_hint(topic, reg.topics, "topics.yml"))
            continue
        topics.append(topic)
    return tuple(topics)


def _note_written(node: yaml.Node | None, ids: set[str]) -> None:
    if isinstance(node, yaml.ScalarNode):
        ids.add(str(node.value).strip())


def _claim_anchor(r: Reader, node: yaml.Node, value: str, what: str, anchors: dict[str, tuple[int, int]]) -> bool:
    """Agenda, material and remark ids share the meeting page's anchors: they must not collide."""
    if value in RESERVED_IDS:
        r.problem(node, "E020", f"{what} id '{value}' is reserved for the page itself",
                  "choose another id; reserved: " + ", ".join(sorted(RESERVED_IDS)))
        return False
    if value in anchors:
        line, col = anchors[value]
        r.problem(node, "E021", f"duplicate id '{value}' (first used on line {line})",
                  "agenda items, materials and remarks share one set of link anchors in a meeting; rename one")
        return False
    anchors[value] = r.where(node)
    return True


def _read_agenda(f: MeetingFile, reg: Registries, anchors: dict[str, tuple[int, int]], written: Written) -> tuple[list[AgendaItem], dict[str, str]]:
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


def _read_materials(f: MeetingFile, anchors: dict[str, tuple[int, int]], written: Written) -> tuple[list[Material], dict[str, tuple[str, str]]]:
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
    f: MeetingFile, reg: Registries, agenda: list[AgendaItem], agenda_written: set[str], present: set[str],
    anchors: dict[str, tuple[int, int]], diags: Diagnostics,
) -> tuple[list[Section], dict[str, RemarkText]]:
    agenda_ids = {a.id for a in agenda}
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
            remark = _check_remark(f, rr, reg, present, anchors, diags)
            if remark is None:
                continue
            if "source" in rr.attrs:
                diags.add(f.path, rr.line, rr.attr_cols["source"], "E012",
                          "'source' belongs in translations only", "remove source=… from the original")
            remarks.append(remark)
            texts[remark.id] = RemarkText(tuple(rr.paragraphs), rr.attrs.get("label", ""), None, rr.line)
        sections.append(Section(raw.kind, raw.item, tuple(remarks)))
    for item in agenda:
        if item.id not in seen_sections:
            line, col = anchors[item.id]
            diags.add(f.path, line, col, "W082", f"agenda item '{item.id}' has no '::: item {item.id}' section",
                      "add the section with its proceedings, or narration saying the discussion is not public")
    return sections, texts


def _check_section(
    f: MeetingFile, raw: RawSection, index: int, count: int, agenda_ids: set[str],
    seen: set[str], diags: Diagnostics,
) -> bool:
    if raw.kind == "item" and raw.item is None:
        return False  # already reported by the body parser
    key = raw.key
    if raw.kind == "item" and key not in agenda_ids:
        diags.add(f.path, raw.line, 10, "E033", f"unknown agenda item '{key}'",
                  "agenda items are: " + (", ".join(sorted(agenda_ids)) or "(none — add an agenda to the front matter)"))
        return False
    if key in seen:
        diags.add(f.path, raw.line, 1, "E021", f"section '{key}' appears twice",
                  "put all of an agenda item's proceedings under one '::: item' line")
        return False
    if raw.kind == "opening" and index != 0:
        diags.add(f.path, raw.line, 1, "E070", "'::: opening' must come first")
    if raw.kind == "closing" and index != count - 1:
        diags.add(f.path, raw.line, 1, "E070", "'::: closing' must come last")
    seen.add(key)
    return True


def _check_remark(
    f: MeetingFile, rr: RawRemark, reg: Registries, present: set[str], anchors: dict[str, tuple[int, int]],
    diags: Diagnostics,
) -> Remark | None:
    ok = True
    remark_id = rr.attrs.get("id")
    anchors_before = len(anchors)
    if remark_id is not None:
        problem = id_problem(remark_id)
        if problem:
            diags.add(f.path, rr.line, rr.attr_cols["id"], "E020", f"invalid remark id '{remark_id}': {problem}", ID_HINT)
            ok = False
        elif remark_id in RESERVED_IDS:
            diags.add(f.path, rr.line, rr.attr_cols["id"], "E020", f"remark id '{remark_id}' is reserved for the page itself",
                      "choose another id; reserved: " + ", ".join(sorted(RESERVED_IDS)))
            ok = False
        elif remark_id in anchors:
            diags.add(f.path, rr.line, rr.attr_cols["id"], "E021",
                      f"duplicate id '{remark_id}' (first used on line {anchors[remark_id][0]})",
                      "every remark needs its own id; ids are link anchors and must never change once published")
            ok = False
        else:
            anchors[remark_id] = (rr.line, rr.attr_cols["id"])
    else:
        ok = False
    kind = rr.attrs.get("kind")
    if kind is not None and kind not in REMARK_KINDS:
        diags.add(f.path, rr.line, rr.attr_cols["kind"], "E014", f"remark kind '{kind}' is not one of: {', '.join(REMARK_KINDS)}")
        ok = False
    elif kind is None:
        ok = False
    speaker = rr.attrs.get("speaker")
    if kind in ATTRIBUTED_KINDS and speaker is None:
        diags.add(f.path, rr.line, 1, "E071", f"a {kind} remark needs speaker=PERSON-ID",
                  "name the person from people.yml; for an opinion the minutes do not attribute use kind=unattributed")
        ok = False
    elif kind in ("unattributed", "narration") and speaker is not None:
        diags.add(f.path, rr.line, rr.attr_cols["speaker"], "E071", (f"an {kind}" if kind == "unattributed" else f"a {kind}") + " remark cannot have a speaker",
                  "unattributed opinions are never attributed to a person; use kind=spoken or kind=written if the minutes name the speaker")
        ok = False
    elif speaker is not None:
        if id_problem(speaker):
            diags.add(f.path, rr.line, rr.attr_cols["speaker"], "E020", f"invalid person id '{speaker}': {id_problem(speaker)}", ID_HINT)
            ok = False
        elif speaker in reg.flawed:
            ok = False
        elif speaker not in reg.people:
            diags.add(f.path, rr.line, rr.attr_cols["speaker"], "E030", f"unknown speaker '{speaker}'",
                      _unknown_hint(speaker, reg.people, "people.yml"))
            ok = False
        elif speaker not in present:
            diags.add(f.path, rr.line, rr.attr_cols["speaker"], "W081", f"speaker '{speaker}' is not among the attendees",
                      "add them to the attendees with the role they held at this meeting")
    topics: list[str] = []
    for topic in rr.topics:
        if topic in reg.flawed:
            continue
        if id_problem(topic) or topic not in reg.topics:
            diags.add(f.path, rr.line, rr.attr_cols.get("topics", 1), "E031", f"unknown topic '{topic}'",
                      _unknown_hint(topic, reg.topics, "topics.yml"))
        else:
            topics.append(topic)
    if len(anchors) == anchors_before:
        f.body_ok = False  # the remark's id is unusable: a translation cannot be aligned by it
    if not rr.paragraphs:
        diags.add(f.path, rr.line, 1, "E072", f"remark '{remark_id or '?'}' has no text",
                  "write the remark's text on the lines after its '::: remark' line")
        ok = False
    if not ok:
        return None
    assert remark_id is not None and kind is not None
    return Remark(remark_id, kind, rr.section, speaker, tuple(topics), rr.line)


def _unknown_hint(value: str, known: Mapping[str, object], registry: str) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f"add '{value}' to minutes/{registry}"
    return f"did you mean '{close[0]}'? Otherwise {hint}" if close else hint


# -- translations -----------------------------------------------------------------

def _read_translation(f: MeetingFile, meeting: Meeting, written: Written | None, diags: Diagnostics) -> Version | None:
    """Read a translation and check it lines up with the original. `written` is None when
    the original's body has syntax errors, and then sections are not compared."""
    r, fields = f.reader, f.fields
    if f.lang == meeting.language:
        diags.add(f.path, 1, 1, "E066", f"a translation into {f.lang}, the original's own language")
        return None
    provenance = _read_provenance(r, fields.get("translation"))
    title = r.string(fields.get("title"), "title")
    venue = r.string(fields.get("venue"), "venue") if "venue" in fields else ""
    original = meeting.original
    if original.venue and "venue" not in fields:
        r.problem(f.root, "E060", "translation lacks the venue", f"translate: {original.venue}")

    roles: dict[str, RoleText] = {}
    known = written or Written(set(original.roles), set(original.agenda), set(original.materials))
    for key, node in _aligned(r, fields.get("attendees"), "attendees", set(original.roles), known.attendees, f.root):
        entry = r.mapping(node, f"attendee '{key}'", required=("role",), optional=("affiliation",))
        if entry is None:
            continue
        role = r.string(entry.get("role"), f"role of '{key}'")
        affiliation = r.string(entry.get("affiliation"), f"affiliation of '{key}'") if "affiliation" in entry else ""
        if original.roles[key].affiliation and "affiliation" not in entry:
            r.problem(node, "E060", f"translation lacks the affiliation of '{key}'",
                      f"translate: {original.roles[key].affiliation}")
        if role is not None:
            roles[key] = RoleText(role, affiliation or "")

    agenda: dict[str, str] = {}
    for key, node in _aligned(r, fields.get("agenda"), "agenda", set(original.agenda), known.agenda, f.root):
        if (title_text := r.string(node, f"title of agenda item '{key}'")) is not None:
            agenda[key] = title_text

    materials: dict[str, tuple[str, str]] = {}
    for key, node in _aligned(r, fields.get("materials"), "materials", set(original.materials), known.materials, f.root):
        entry = r.mapping(node, f"material '{key}'", required=("label", "title"))
        if entry is None:
            continue
        label = r.string(entry.get("label"), f"label of material '{key}'")
        mtitle = r.string(entry.get("title"), f"title of material '{key}'")
        if label is not None and mtitle is not None:
            materials[key] = (label, mtitle)

    remarks, stale = _align_remarks(f, meeting, written, diags)
    if provenance is None or title is None:
        return None
    return Version(
        lang=f.lang, path=diags.relpath(f.path), title=title, venue=venue or "",
        roles=MappingProxyType(roles), agenda=MappingProxyType(agenda),
        materials=MappingProxyType(materials), remarks=MappingProxyType(remarks),
        provenance=provenance, stale=frozenset(stale),
    )


def _read_provenance(r: Reader, node: yaml.Node | None) -> Provenance | None:
    fields = r.mapping(node, "translation", required=("status", "method", "by", "reviewed"), optional=("date", "note"))
    if fields is None:
        return None
    status = r.choice(fields.get("status"), "translation status", PROVENANCE_STATUS)
    method = r.choice(fields.get("method"), "translation method", PROVENANCE_METHOD)
    by = r.string(fields.get("by"), "translation by")
    reviewed = r.boolean(fields.get("reviewed"), "translation reviewed")
    date = r.date(fields.get("date"), "translation date") if "date" in fields else None
    note = r.string(fields.get("note"), "translation note", multiline=True) if "note" in fields else ""
    if status is None or method is None or by is None or reviewed is None:
        return None
    return Provenance(status, method, by, reviewed, date, note or "")


def _aligned(r: Reader, node: yaml.Node | None, what: str, expected: set[str], written: set[str], root: yaml.Node):
    """Keyed entries of a translation table, reporting ids missing from it or unknown to the original."""
    seen: set[str] = set()
    for key, value in r.keyed(node, f"the translation's {what}"):
        name = str(key.value)
        if name not in expected:
            seen.add(name)
            if name in written or len(written) > len(expected):
                continue  # the original's own entries are in error, and reported there
            r.diags.add(r.path, key.line, key.col, "E061", f"'{name}' in {what} is not in the original",
                        "use the ids of the original file; remove or rename this entry")
            continue
        seen.add(name)
        yield name, value
    for name in sorted(expected - seen):
        r.problem(node if node is not None else root, "E060", f"translation lacks {what} entry '{name}'",
                  f"add '{name}' under {what}: with its translated text")


def _align_remarks(f: MeetingFile, meeting: Meeting, written: Written | None, diags: Diagnostics) -> tuple[dict[str, RemarkText], set[str]]:
    originals = {rem.id: rem for rem in meeting.remarks}
    original_text = meeting.original.remarks
    texts: dict[str, RemarkText] = {}
    stale: set[str] = set()
    mentioned: set[str] = set()
    for raw_section in f.sections:
        for rr in raw_section.remarks:
            rid = rr.attrs.get("id")
            if rid is None:
                continue
            if rid in mentioned:
                diags.add(f.path, rr.line, rr.attr_cols["id"], "E021", f"remark '{rid}' is translated twice")
                continue
            mentioned.add(rid)
            orig = originals.get(rid)
            if orig is None and (written is None or rid in written.remarks):
                continue  # the original's remark is in error, and reported there
            if orig is None:
                diags.add(f.path, rr.line, rr.attr_cols["id"], "E061", f"remark '{rid}' is not in the original",
                          "translations use the original's remark ids; check for a typo or a remark removed from the original")
                continue
            kind = rr.attrs.get("kind")
            if kind is not None and kind != orig.kind:
                diags.add(f.path, rr.line, rr.attr_cols["kind"], "E062",
                          f"remark '{rid}' is kind={kind} here but kind={orig.kind} in the original",
                          "structure comes from the original; copy its kind")
            speaker = rr.attrs.get("speaker")
            if speaker != orig.speaker:
                col = rr.attr_cols.get("speaker", 1)
                diags.add(f.path, rr.line, col, "E063",
                          f"remark '{rid}' has speaker={speaker or '(none)'} here but {orig.speaker or '(none)'} in the original",
                          "structure comes from the original; copy its speaker")
            if written is not None and raw_section.key != orig.section:
                diags.add(f.path, rr.line, 1, "E064",
                          f"remark '{rid}' is under '{raw_section.key}' here but under '{orig.section}' in the original",
                          "move the remark to the same section as in the original")
            if not rr.paragraphs:
                diags.add(f.path, rr.line, 1, "E072", f"remark '{rid}' has no text",
                          "write the translated text after the '::: remark' line")
                continue
            source = rr.attrs.get("source")
            current = original_text[rid].fingerprint
            if source is None:
                diags.add(f.path, rr.line, 1, "E011", f"remark '{rid}' lacks source=FINGERPRINT",
                          f"the original text's fingerprint is {current}; `gijiroku fingerprint` lists them all")
            elif source != current:
                diags.add(f.path, rr.line, rr.attr_cols["source"], "W080",
                          f"remark '{rid}' was translated from an earlier version of the original",
                          f"update the translation, then set source={current}")
                stale.add(rid)
            texts[rid] = RemarkText(tuple(rr.paragraphs), rr.attrs.get("label", ""), source, rr.line)
    order = [rem.id for rem in meeting.remarks]
    lines = {rr.attrs["id"]: rr.line for s in f.sections for rr in s.remarks if "id" in rr.attrs}
    for index, rid in enumerate(order):
        if rid not in mentioned:
            # Report it where it belongs: at the next remark the translation has, or at the end.
            line = next((lines[later] for later in order[index + 1:] if later in lines), f.end_line)
            diags.add(f.path, line, 1, "E060", f"translation lacks remark '{rid}'",
                      f"translate it under '::: remark id={rid} …' (original fingerprint {original_text[rid].fingerprint})")
    return texts, stale
