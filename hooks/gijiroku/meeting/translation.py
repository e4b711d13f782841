"""Reading a translation of a meeting and checking that it lines up with the original."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

import yaml

from ..diagnostics import Diagnostics
from ..model import Meeting, Provenance, RemarkText, RoleText, Version
from ..yamlsrc import Reader
from .files import MeetingFile
from .original import Written

PROVENANCE_STATUS = ("official", "unofficial")
PROVENANCE_METHOD = ("human", "machine", "machine-assisted")


def read_translation(f: MeetingFile, meeting: Meeting, written: Written | None, diags: Diagnostics) -> Version | None:
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
            r.problem(
                node, "E060", f"translation lacks the affiliation of '{key}'", f"translate: {original.roles[key].affiliation}"
            )
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
        lang=f.lang,
        path=diags.relpath(f.path),
        digest=f.digest,
        title=title,
        venue=venue or "",
        roles=MappingProxyType(roles),
        agenda=MappingProxyType(agenda),
        materials=MappingProxyType(materials),
        remarks=MappingProxyType(remarks),
        provenance=provenance,
        stale=frozenset(stale),
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


def _aligned(
    r: Reader, node: yaml.Node | None, what: str, expected: set[str], written: set[str], root: yaml.Node
) -> Iterator[tuple[str, yaml.Node]]:
    """Keyed entries of a translation table, reporting ids missing from it or unknown to the original."""
    seen: set[str] = set()
    for key, value in r.keyed(node, f"the translation's {what}"):
        name = str(key.value)
        if name not in expected:
            seen.add(name)
            if name in written or len(written) > len(expected):
                continue  # the original's own entries are in error, and reported there
            r.diags.add(
                r.path,
                key.line,
                key.col,
                "E061",
                f"'{name}' in {what} is not in the original",
                "use the ids of the original file; remove or rename this entry",
            )
            continue
        seen.add(name)
        yield name, value
    for name in sorted(expected - seen):
        r.problem(
            node if node is not None else root,
            "E060",
            f"translation lacks {what} entry '{name}'",
            f"add '{name}' under {what}: with its translated text",
        )


def _align_remarks(
    f: MeetingFile, meeting: Meeting, written: Written | None, diags: Diagnostics
) -> tuple[dict[str, RemarkText], set[str]]:
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
                diags.add(
                    f.path,
                    rr.line,
                    rr.attr_cols["id"],
                    "E061",
                    f"remark '{rid}' is not in the original",
                    "translations use the original's remark ids; check for a typo or a remark removed from the original",
                )
                continue
            kind = rr.attrs.get("kind")
            if kind is not None and kind != orig.kind:
                diags.add(
                    f.path,
                    rr.line,
                    rr.attr_cols["kind"],
                    "E062",
                    f"remark '{rid}' is kind={kind} here but kind={orig.kind} in the original",
                    "structure comes from the original; copy its kind",
                )
            speaker = rr.attrs.get("speaker")
            if speaker != orig.speaker:
                col = rr.attr_cols.get("speaker", 1)
                diags.add(
                    f.path,
                    rr.line,
                    col,
                    "E063",
                    f"remark '{rid}' has speaker={speaker or '(none)'} here but {orig.speaker or '(none)'} in the original",
                    "structure comes from the original; copy its speaker",
                )
            if written is not None and raw_section.key != orig.section:
                diags.add(
                    f.path,
                    rr.line,
                    1,
                    "E064",
                    f"remark '{rid}' is under '{raw_section.key}' here but under '{orig.section}' in the original",
                    "move the remark to the same section as in the original",
                )
            if not rr.paragraphs:
                diags.add(
                    f.path,
                    rr.line,
                    1,
                    "E072",
                    f"remark '{rid}' has no text",
                    "write the translated text after the '::: remark' line",
                )
                continue
            source = rr.attrs.get("source")
            current = original_text[rid].fingerprint
            if source is None:
                diags.add(
                    f.path,
                    rr.line,
                    1,
                    "E011",
                    f"remark '{rid}' lacks source=FINGERPRINT",
                    f"the original text's fingerprint is {current}; `gijiroku fingerprint` lists them all",
                )
            elif source != current:
                diags.add(
                    f.path,
                    rr.line,
                    rr.attr_cols["source"],
                    "W080",
                    f"remark '{rid}' was translated from an earlier version of the original",
                    f"update the translation, then set source={current}",
                )
                stale.add(rid)
            texts[rid] = RemarkText(tuple(rr.paragraphs), rr.attrs.get("label", ""), source, rr.line)
    order = [rem.id for rem in meeting.remarks]
    lines = {rr.attrs["id"]: rr.line for s in f.sections for rr in s.remarks if "id" in rr.attrs}
    for index, rid in enumerate(order):
        if rid not in mentioned:
            # Report it where it belongs: at the next remark the translation has, or at the end.
            line = next((lines[later] for later in order[index + 1 :] if later in lines), f.end_line)
            diags.add(
                f.path,
                line,
                1,
                "E060",
                f"translation lacks remark '{rid}'",
                f"translate it under '::: remark id={rid} …' (original fingerprint {original_text[rid].fingerprint})",
            )
    return texts, stale
