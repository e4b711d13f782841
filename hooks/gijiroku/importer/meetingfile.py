"""Writing a draft as a meeting file in the minutes format."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping

from ..model import Person
from .draft import Draft, DraftRemark


def _q(value: str) -> str:
    """A YAML scalar that stays text whatever it holds (quoted JSON string)."""
    return json.dumps(value, ensure_ascii=False)


def remark_ids(draft: Draft, people: Mapping[str, Person]) -> list[str]:
    """Stable-looking ids: matsumoto-1, opinion-07, n-03 (narration)."""
    per_person: Counter[str] = Counter()
    opinions = sum(1 for r in draft.remarks if r.kind == "unattributed")
    width = max(2, len(str(opinions)))
    counts: Counter[str] = Counter()
    ids = []
    for remark in draft.remarks:
        if remark.speaker:
            stem = remark.speaker.split("-")[0] if remark.speaker in people else remark.speaker
            per_person[stem] += 1
            ids.append(f"{stem}-{per_person[stem]}")
        elif remark.kind == "unattributed":
            counts["opinion"] += 1
            ids.append(f"opinion-{counts['opinion']:0{width}d}")
        else:
            counts["n"] += 1
            ids.append(f"n-{counts['n']:02d}")
    return ids


def write_meeting(draft: Draft, people: Mapping[str, Person]) -> str:
    """The meeting file's text."""
    out = ["---", *_header(draft), *_attendees(draft), *_lists(draft), "---", ""]
    section = None
    for remark, rid in zip(draft.remarks, remark_ids(draft, people)):
        if remark.section != section:
            section = remark.section
            out += [f"::: {section}" if section in ("opening", "closing") else f"::: item {section}", ""]
        out.append(_directive(remark, rid))
        for paragraph in remark.paragraphs or ["TODO"]:
            out += [paragraph, ""]
    return "\n".join(out).rstrip() + "\n"


def _header(draft: Draft) -> list[str]:
    """Title, record, date and times, venue, then every line kept as printed (as comments)."""
    out = [
        f"language: {draft.language}",
        f"title: {_q(draft.title or 'TODO')}",
        f"record: {draft.record}",
        f"date: {draft.date.isoformat() if draft.date else 'TODO'}",
    ]
    if draft.number is not None:
        out.append(f"number: {draft.number}")
    if draft.start:
        out.append(f'start: "{draft.start}"')
    if draft.end:
        out.append(f'end: "{draft.end}"')
    if draft.venue:
        out.append(f"venue: {_q(draft.venue)}")
    out += [f"# as printed (line {no}): {_comment(text)}" for no, text in sorted(set(draft.printed))]
    # Attendance printed only as a number: kept as printed, never turned into people.
    out += [f"# attendance as printed (a count, no names): {count}" for count in draft.counts]
    return out


def _attendees(draft: Draft) -> list[str]:
    if not draft.attendees:
        return []
    out = ["attendees:"]
    for a in draft.attendees:
        if a.others:
            out.append(f"  - {{group: {a.group}, others: true}}")
            continue
        fields = [f"group: {a.group}", f"person: {a.person}", f"role: {_q(a.role or 'TODO')}"]
        if a.affiliation:
            fields.append(f"affiliation: {_q(a.affiliation)}")
        if a.absent:
            fields.append("absent: true")
        if a.proxy_for:
            fields.append(f"proxy_for: {a.proxy_for}")
        # The name as printed, so the file reads on its own before people.yml is filled in.
        shown = a.printed or a.name + (f" ({a.abbreviation})" if a.abbreviation else "")
        out.append("  - {" + ", ".join(fields) + "}" + (f"  # {_comment(shown)}" if a.name else ""))
    return out


def _lists(draft: Draft) -> list[str]:
    """The agenda and the materials."""
    out: list[str] = []
    if draft.agenda:
        out.append("agenda:")
        out += [
            f"  - {{id: {item.id}, title: {_q(item.title)}" + ("" if item.public else ", public: false") + "}"
            for item in draft.agenda
        ]
    if draft.materials:
        out.append("materials:")
        out += [
            f"  - {{id: {m.id}, label: {_q(m.label)}, title: {_q(m.title or 'TODO')}"
            + ("" if m.public else ", public: false")
            + "}"
            for m in draft.materials
        ]
    return out


def _comment(text: str) -> str:
    """Text for a YAML comment: one line, whatever it holds."""
    return " ".join(text.split())


def _directive(remark: DraftRemark, rid: str) -> str:
    parts = [f"::: remark id={rid} kind={remark.kind}"]
    if remark.speaker:
        parts.append(f"speaker={remark.speaker}")
    if remark.label:
        label = remark.label
        parts.append(
            f"label={label}" if " " not in label and '"' not in label else "label=" + json.dumps(label, ensure_ascii=False)
        )
    return " ".join(parts)
