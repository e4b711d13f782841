"""The static API: one JSON document per meeting and four archive indexes, per language.

Values are plain data built from the cross-index and serialised with `json.dumps`
only, so no text an author or translator wrote can change the documents' structure.
Each kind of document has a JSON Schema (`schemas/KIND.schema.json`, published beside
the data); the tests validate every emitted file against it.
"""

from __future__ import annotations

import json
from typing import Any

from .. import urls
from ..index import ArchiveIndex, RoleHeld
from ..model import Meeting, Person
from . import paths
from .paths import Links

FORMAT_VERSION = 1
"""Raised when a field changes meaning or disappears; new fields do not raise it."""

Json = dict[str, Any]


def dump(value: object) -> str:
    """Compact JSON that keeps Japanese readable (UTF-8, not \\u escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def meeting_document(index: ArchiveIndex, meeting: Meeting, links: Links) -> Json:
    """Everything in a meeting's minutes, in one language, as JSON-ready data."""
    archive = index.archive
    lang = links.lang
    reading = meeting.reading(lang)
    version = reading.version
    src = urls.meeting_src(meeting.council, meeting.id)
    translation = meeting.version(lang) if lang != meeting.language else None

    def role_text(person: str) -> tuple[str, str]:
        held = reading.role(person)
        return (held.role, held.affiliation) if held else ("", "")

    attendees: list[Json] = []
    for a in meeting.attendees:
        if a.others or not a.person:
            attendees.append({"group": a.group, "others": True})
            continue
        role, affiliation = role_text(a.person)
        attendees.append({
            "group": a.group, "person": a.person, "name": archive.people[a.person].name.get(lang),
            "role": role, "affiliation": affiliation, "absent": a.absent, "proxy_for": a.proxy_for,
        })
    agenda = [{
        "id": item.id, "number": number, "title": reading.agenda_title(item.id),
        "topics": list(item.topics), "public": item.public, "permalink": links.page(src, item.id),
    } for number, item in enumerate(meeting.agenda, 1)]
    materials = []
    for mat in meeting.materials:
        label, title = reading.material(mat.id)
        materials.append({"id": mat.id, "label": label, "title": title, "public": mat.public, "url": mat.url})
    remarks = []
    for position, remark in enumerate(meeting.remarks, 1):
        own = translation.remarks.get(remark.id) if translation else None
        text = reading.remark(remark.id)
        entry: Json = {
            "id": remark.id, "position": position, "kind": remark.kind, "speaker": remark.speaker,
            "name": archive.people[remark.speaker].name.get(lang) if remark.speaker else None,
            "role": role_text(remark.speaker)[0] if remark.speaker else None,
            "section": "item" if meeting.agenda_item(remark.section) else remark.section,
            "agenda_item": remark.section if meeting.agenda_item(remark.section) else None,
            "topics": list(remark.topics), "label": text.label,
            "language": lang if own else meeting.language,
            "text": "\n\n".join(text.paragraphs), "permalink": links.page(src, remark.id),
        }
        if own is not None and translation is not None:
            entry["translation"] = {"source": own.source, "stale": remark.id in translation.stale}
        remarks.append(entry)
    provenance = translation.provenance if translation else None
    council = archive.councils[meeting.council]
    used_topics = sorted({t for item in meeting.agenda for t in item.topics} | {t for r in meeting.remarks for t in r.topics})
    return {
        "format": FORMAT_VERSION, "kind": "meeting", "language": lang,
        "council": {"id": council.id, "name": council.name.get(lang)},
        "id": meeting.id, "key": meeting.key, "title": version.title, "record": meeting.record,
        "date": meeting.date.isoformat(), "number": meeting.number, "start": meeting.start, "end": meeting.end,
        "venue": reading.venue or None, "source": meeting.source,
        "original_language": meeting.language,
        "translated": translation is not None,
        "translation": None if provenance is None else {
            "status": provenance.status, "method": provenance.method, "by": provenance.by,
            "reviewed": provenance.reviewed, "date": provenance.date.isoformat() if provenance.date else None,
            "note": provenance.note, "stale_remarks": sorted(translation.stale) if translation else [],
        },
        "links": {
            "page": links.page(src), "json": links.file(paths.meeting_json(meeting.council, meeting.id)),
            "akn": links.file(paths.meeting_akn(meeting.council, meeting.id)),
            "sources": {v: links.file(paths.meeting_source(meeting.council, meeting.id, v), v)
                        for v in sorted(meeting.versions)},
        },
        "topics": {t: archive.topics[t].label.get(lang) for t in used_topics},
        "attendees": attendees, "agenda": agenda, "materials": materials, "remarks": remarks,
    }


def meetings_document(index: ArchiveIndex, links: Links) -> Json:
    """Every meeting by council (in id order) and date (newest first)."""
    lang = links.lang
    councils = []
    for council_id in sorted(index.archive.councils):
        years = index.by_council_year.get(council_id, {})
        meetings = [m for year in sorted(years, reverse=True) for m in years[year]]
        councils.append({
            "id": council_id, "name": index.archive.councils[council_id].name.get(lang),
            "meetings": [{
                "id": m.id, "key": m.key, "date": m.date.isoformat(), "number": m.number, "record": m.record,
                "title": m.reading(lang).title, "original_language": m.language,
                "translated": m.version(lang) is not None, "remarks": len(m.remarks),
                "page": links.page(urls.meeting_src(m.council, m.id)),
                "json": links.file(paths.meeting_json(m.council, m.id)),
            } for m in meetings],
        })
    return {"format": FORMAT_VERSION, "kind": "meetings", "language": lang, "councils": councils}


def people_document(index: ArchiveIndex, links: Links) -> Json:
    """Every person: names in both scripts, reading, and the roles they held over time."""
    lang = links.lang
    people = []
    for person_id in sorted(index.archive.people):
        person = index.archive.people[person_id]
        entry = index.people[person_id]
        people.append({
            "id": person_id, "name": person.name.as_dict(),
            "reading": person.reading, "romanized": person.romanized, "aliases": list(person.aliases),
            "meetings": len(entry.roles), "remark_count": len(entry.remarks),
            "roles": _role_spans(person, entry.roles, lang),
            "page": links.page(urls.speaker_src(person_id)),
            "feed": links.file(paths.speaker_feed(person_id)),
        })
    return {"format": FORMAT_VERSION, "kind": "people", "language": lang, "people": people}


def _role_spans(person: Person, roles: list[RoleHeld], lang: str) -> list[Json]:
    """Roles over time, oldest first: consecutive meetings of one council at which the
    person held the same role (as printed) make one span, so the list stays short."""
    spans: list[Json] = []
    open_span: dict[tuple[str, str, str, str], Json] = {}
    for held in reversed(roles):  # the index lists newest first
        meeting = held.meeting
        text = meeting.reading(lang).role(person.id)
        role, affiliation = (text.role, text.affiliation) if text else ("", "")
        key = (meeting.council, held.group, role, affiliation)
        span = open_span.get(key)
        if span is None or spans[-1] is not span:
            span = {"council": meeting.council, "group": held.group, "role": role, "affiliation": affiliation,
                    "from": meeting.date.isoformat(), "to": meeting.date.isoformat(), "meetings": 0}
            spans.append(span)
            open_span[key] = span
        span["to"] = meeting.date.isoformat()
        span["meetings"] += 1
    return spans


def topics_document(index: ArchiveIndex, links: Links) -> Json:
    """Every topic: labels in both languages, reading, counts and dates."""
    lang = links.lang
    topics = []
    for topic_id in sorted(index.archive.topics):
        topic = index.archive.topics[topic_id]
        entry = index.topics[topic_id]
        dates = [ref.meeting.date for ref in entry.remarks] + [ref.meeting.date for ref in entry.items]
        topics.append({
            "id": topic_id, "label": topic.label.as_dict(), "reading": topic.reading,
            "agenda_items": len(entry.items), "remark_count": len(entry.remarks),
            "first": min(dates).isoformat() if dates else None, "last": max(dates).isoformat() if dates else None,
            "page": links.page(urls.topic_src(topic_id)), "feed": links.file(paths.topic_feed(topic_id)),
        })
    return {"format": FORMAT_VERSION, "kind": "topics", "language": lang, "topics": topics}


def councils_document(index: ArchiveIndex, links: Links) -> Json:
    """Every council: names, organiser, web page, number of meetings and their dates."""
    lang = links.lang
    councils = []
    for council_id in sorted(index.archive.councils):
        council = index.archive.councils[council_id]
        meetings = [m for year in index.by_council_year.get(council_id, {}).values() for m in year]
        dates = [m.date for m in meetings]
        councils.append({
            "id": council_id, "name": council.name.as_dict(),
            "organiser": council.organiser.as_dict(), "source": council.source,
            "meetings": len(meetings),
            "first": min(dates).isoformat() if dates else None, "last": max(dates).isoformat() if dates else None,
            "page": links.page(urls.council_src(council_id)), "feed": links.file(paths.council_feed(council_id)),
        })
    return {"format": FORMAT_VERSION, "kind": "councils", "language": lang, "councils": councils}
