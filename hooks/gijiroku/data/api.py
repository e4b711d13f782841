"""The static API: one JSON document per meeting, for every language, and four archive
indexes per language.

Values are plain data built from the cross-index and serialised with `json.dumps`
only, so no text an author or translator wrote can change the documents' structure.
Each kind of document has a JSON Schema (`schemas/KIND.schema.json`, published beside
the data); the tests validate every emitted file against it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from .. import datafiles, urls
from ..datafiles import Links
from ..index import ArchiveIndex, RoleHeld
from ..model import LANGUAGES, Meeting, Person, Reading

FORMAT_VERSION = 1
"""Of the archive indexes (meetings, people, topics, councils): raised when a field
changes meaning or disappears; new fields do not raise it."""
MEETING_FORMAT = 2
"""Of a meeting's document. 2: one document for every language (was one per language:
text, titles, roles and labels are now keyed by language; names and roles are given
once per speaker; remark permalinks are the page's address and the remark's id)."""

Json = dict[str, Any]


def dump(value: object) -> str:
    """Compact JSON that keeps Japanese readable (UTF-8, not \\u escapes)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def meeting_document(index: ArchiveIndex, meeting: Meeting, links: Links, repository: Mapping[str, str] | None = None) -> Json:
    """Everything in a meeting's minutes, in every language it has, as JSON-ready data:
    the original and each translation, with the same remark ids. `repository` gives the
    address of each version's file in the project's repository, where it is known."""
    archive = index.archive
    versions = [lang for lang in LANGUAGES if lang in meeting.versions]
    src = urls.meeting_src(meeting.council, meeting.id)
    original = meeting.language

    readings = {lang: meeting.reading(lang) for lang in versions}

    def per_version(value: Callable[[Reading], str]) -> dict[str, str]:
        return {lang: value(reading) for lang, reading in readings.items()}

    def roles(person: str) -> tuple[dict[str, str], dict[str, str]]:
        held = {lang: readings[lang].role(person) for lang in versions}
        return (
            {lang: r.role for lang, r in held.items() if r is not None},
            {lang: r.affiliation for lang, r in held.items() if r is not None},
        )

    attendees: list[Json] = []
    for a in meeting.attendees:
        if a.others or not a.person:
            attendees.append({"group": a.group, "others": True})
            continue
        role, affiliation = roles(a.person)
        attendees.append(
            {
                "group": a.group,
                "person": a.person,
                "role": role,
                "affiliation": affiliation,
                "absent": a.absent,
                "proxy_for": a.proxy_for,
            }
        )
    named = [a.person for a in meeting.attendees if a.person]
    named += [a.proxy_for for a in meeting.attendees if a.proxy_for]
    named += [r.speaker for r in meeting.remarks if r.speaker]
    people = {}
    for person in dict.fromkeys(named):
        assert person is not None
        people[person] = {"name": archive.people[person].name.as_dict(), "role": roles(person)[0]}
    agenda = [
        {
            "id": item.id,
            "number": number,
            "title": {lang: r.agenda_title(item.id) for lang, r in readings.items()},
            "topics": list(item.topics),
            "public": item.public,
        }
        for number, item in enumerate(meeting.agenda, 1)
    ]
    materials = [
        {
            "id": mat.id,
            "label": {lang: r.material(mat.id)[0] for lang, r in readings.items()},
            "title": {lang: r.material(mat.id)[1] for lang, r in readings.items()},
            "public": mat.public,
            "url": mat.url,
        }
        for mat in meeting.materials
    ]
    remarks = []
    for remark in meeting.remarks:
        item = meeting.agenda_item(remark.section)
        texts = {lang: meeting.versions[lang].remarks.get(remark.id) for lang in versions}
        entry: Json = {
            "id": remark.id,
            "kind": remark.kind,
            "speaker": remark.speaker,
            "section": "item" if item else remark.section,
            "agenda_item": remark.section if item else None,
            "topics": list(remark.topics),
            "label": {lang: text.label for lang, text in texts.items() if text is not None and text.label},
            "text": {lang: "\n\n".join(text.paragraphs) for lang, text in texts.items() if text is not None},
        }
        translated = {lang: text.source for lang, text in texts.items() if lang != original and text is not None}
        if translated:
            entry["translated_from"] = translated
        remarks.append(entry)
    translations = {}
    for lang in versions:
        version = meeting.versions[lang]
        provenance = version.provenance
        if lang == original or provenance is None:
            continue
        translations[lang] = {
            "status": provenance.status,
            "method": provenance.method,
            "by": provenance.by,
            "reviewed": provenance.reviewed,
            "date": provenance.date.isoformat() if provenance.date else None,
            "note": provenance.note,
            "stale_remarks": sorted(version.stale),
        }
    council = archive.councils[meeting.council]
    date = meeting.date.isoformat()
    used_topics = sorted({t for item in meeting.agenda for t in item.topics} | {t for r in meeting.remarks for t in r.topics})
    bundle = datafiles.bundle_zip(meeting.council, meeting.date.year)
    downloads: Json = {
        "zip": links.shared(bundle),
        "akn": {lang: datafiles.akn_member(meeting.council, date, meeting.id, lang) for lang in versions},
        "sources": {lang: datafiles.source_member(meeting.council, meeting.id, lang) for lang in versions},
    }
    document_links: Json = {
        "pages": {lang: links.page_in(lang, src) for lang in LANGUAGES},
        "json": links.shared(datafiles.meeting_json(meeting.council, meeting.id)),
        "downloads": downloads,
    }
    if repository:
        document_links["repository"] = dict(repository)
    return {
        "format": MEETING_FORMAT,
        "kind": "meeting",
        "council": {"id": council.id, "name": council.name.as_dict()},
        "id": meeting.id,
        "key": meeting.key,
        "record": meeting.record,
        "date": date,
        "number": meeting.number,
        "start": meeting.start,
        "end": meeting.end,
        "source": meeting.source,
        "original_language": original,
        "languages": versions,
        "title": per_version(lambda r: r.version.title),
        "venue": {lang: venue for lang, venue in per_version(lambda r: r.venue).items() if venue},
        "translations": translations,
        "links": document_links,
        "topics": {t: archive.topics[t].label.as_dict() for t in used_topics},
        "people": people,
        "attendees": attendees,
        "agenda": agenda,
        "materials": materials,
        "remarks": remarks,
    }


def meetings_document(index: ArchiveIndex, links: Links) -> Json:
    """Every meeting by council (in id order) and date (newest first)."""
    lang = links.lang
    councils = []
    for council_id in sorted(index.archive.councils):
        years = index.by_council_year.get(council_id, {})
        meetings = [m for year in sorted(years, reverse=True) for m in years[year]]
        councils.append(
            {
                "id": council_id,
                "name": index.archive.councils[council_id].name.get(lang),
                "meetings": [
                    {
                        "id": m.id,
                        "key": m.key,
                        "date": m.date.isoformat(),
                        "number": m.number,
                        "record": m.record,
                        "title": m.reading(lang).title,
                        "original_language": m.language,
                        "translated": m.version(lang) is not None,
                        "remarks": len(m.remarks),
                        "page": links.page(urls.meeting_src(m.council, m.id)),
                        "json": links.shared(datafiles.meeting_json(m.council, m.id)),
                    }
                    for m in meetings
                ],
            }
        )
    return {"format": FORMAT_VERSION, "kind": "meetings", "language": lang, "councils": councils}


def people_document(index: ArchiveIndex, links: Links) -> Json:
    """Every person: names in both scripts, reading, and the roles they held over time."""
    lang = links.lang
    people = []
    for person_id in sorted(index.archive.people):
        person = index.archive.people[person_id]
        entry = index.people[person_id]
        people.append(
            {
                "id": person_id,
                "name": person.name.as_dict(),
                "reading": person.reading,
                "romanized": person.romanized,
                "aliases": list(person.aliases),
                "meetings": len(entry.roles),
                "remark_count": len(entry.remarks),
                "roles": _role_spans(person, entry.roles, lang),
                "page": links.page(urls.speaker_src(person_id)),
                "feed": links.file(datafiles.speaker_feed(person_id)),
            }
        )
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
            span = {
                "council": meeting.council,
                "group": held.group,
                "role": role,
                "affiliation": affiliation,
                "from": meeting.date.isoformat(),
                "to": meeting.date.isoformat(),
                "meetings": 0,
            }
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
        topics.append(
            {
                "id": topic_id,
                "label": topic.label.as_dict(),
                "reading": topic.reading,
                "agenda_items": len(entry.items),
                "remark_count": len(entry.remarks),
                "first": min(dates).isoformat() if dates else None,
                "last": max(dates).isoformat() if dates else None,
                "page": links.page(urls.topic_src(topic_id)),
                "feed": links.file(datafiles.topic_feed(topic_id)),
            }
        )
    return {"format": FORMAT_VERSION, "kind": "topics", "language": lang, "topics": topics}


def councils_document(index: ArchiveIndex, links: Links) -> Json:
    """Every council: names, organiser, web page, number of meetings and their dates."""
    lang = links.lang
    councils = []
    for council_id in sorted(index.archive.councils):
        council = index.archive.councils[council_id]
        meetings = [m for year in index.by_council_year.get(council_id, {}).values() for m in year]
        dates = [m.date for m in meetings]
        councils.append(
            {
                "id": council_id,
                "name": council.name.as_dict(),
                "organiser": council.organiser.as_dict(),
                "source": council.source,
                "meetings": len(meetings),
                "first": min(dates).isoformat() if dates else None,
                "last": max(dates).isoformat() if dates else None,
                "page": links.page(urls.council_src(council_id)),
                "feed": links.file(datafiles.council_feed(council_id)),
            }
        )
    return {"format": FORMAT_VERSION, "kind": "councils", "language": lang, "councils": councils}
