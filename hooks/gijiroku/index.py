"""Cross-indexing the archive once per build: who said what, where, about which topic.

Every page is rendered from this index; no page walks the archive again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TypeVar

from .gccontrol import gc_paused
from .model import AgendaItem, Archive, Meeting, Remark

TOPIC_PAGE_REMARKS = 300
"""Above this many remarks, a topic's items and remarks are listed on a page per year."""
SPEAKER_PAGE_REMARKS = 300
"""Above this many remarks, a speaker's remarks are listed on a page per year."""


@dataclass(frozen=True, slots=True)
class RoleHeld:
    """A role a person held at one meeting."""

    meeting: Meeting
    group: str
    absent: bool = False
    proxy_for: str | None = None


@dataclass(frozen=True, slots=True)
class RemarkRef:
    """A remark and the meeting it belongs to."""

    meeting: Meeting
    remark: Remark


@dataclass(frozen=True, slots=True)
class ItemRef:
    """An agenda item and the meeting it belongs to."""

    meeting: Meeting
    item: AgendaItem


R = TypeVar("R", ItemRef, RemarkRef)


@dataclass(slots=True)
class PersonIndex:
    """Everything about one person across the archive, newest meeting first."""

    roles: list[RoleHeld] = field(default_factory=list)
    remarks: list[RemarkRef] = field(default_factory=list)


@dataclass(slots=True)
class TopicIndex:
    """Everything tagged with one topic, newest meeting first."""

    items: list[ItemRef] = field(default_factory=list)
    remarks: list[RemarkRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArchiveIndex:
    """The cross-index of an archive."""

    archive: Archive
    people: dict[str, PersonIndex]
    topics: dict[str, TopicIndex]
    by_council_year: dict[str, dict[int, list[Meeting]]]
    unattributed: list[RemarkRef]
    """Unattributed opinions: shown under each meeting's members collectively, never under a person."""

    def latest(self, count: int) -> list[Meeting]:
        """The newest meetings across all councils."""
        return list(self.archive.meetings[:count])

    def speaker_years(self, person_id: str) -> list[tuple[int, list[RemarkRef]]] | None:
        """A speaker's remarks by year, newest first, when they have more than
        SPEAKER_PAGE_REMARKS (each year then has a page); None otherwise. No page grows
        with the whole archive, and an added meeting remakes one year's list."""
        refs = self.people[person_id].remarks
        return None if len(refs) <= SPEAKER_PAGE_REMARKS else _by_year(refs)

    def topic_years(self, topic_id: str) -> list[tuple[int, tuple[list[ItemRef], list[RemarkRef]]]] | None:
        """A topic's agenda items and remarks by year, newest first, when it has more
        than TOPIC_PAGE_REMARKS remarks (each year then has a page); None otherwise."""
        entry = self.topics[topic_id]
        if len(entry.remarks) <= TOPIC_PAGE_REMARKS:
            return None
        items, remarks = dict(_by_year(entry.items)), dict(_by_year(entry.remarks))
        return [
            (year, (items.get(year, []), remarks.get(year, []))) for year in sorted(items.keys() | remarks.keys(), reverse=True)
        ]


def _by_year(refs: list[R]) -> list[tuple[int, list[R]]]:
    """References grouped by their meeting's year, newest year first, in order within each."""
    by_year: dict[int, list[R]] = {}
    for ref in refs:
        by_year.setdefault(ref.meeting.date.year, []).append(ref)
    return sorted(by_year.items(), reverse=True)


@gc_paused()
def index_archive(archive: Archive) -> ArchiveIndex:
    """Build the cross-index in one pass over the meetings (already newest first)."""
    people: dict[str, PersonIndex] = {pid: PersonIndex() for pid in archive.people}
    topics: dict[str, TopicIndex] = {tid: TopicIndex() for tid in archive.topics}
    by_council_year: dict[str, dict[int, list[Meeting]]] = defaultdict(lambda: defaultdict(list))
    unattributed: list[RemarkRef] = []
    for meeting in archive.meetings:
        by_council_year[meeting.council][meeting.date.year].append(meeting)
        for attendee in meeting.attendees:
            if attendee.person:
                people[attendee.person].roles.append(RoleHeld(meeting, attendee.group, attendee.absent, attendee.proxy_for))
        for item in meeting.agenda:
            for topic in item.topics:
                topics[topic].items.append(ItemRef(meeting, item))
        for remark in meeting.remarks:
            ref = RemarkRef(meeting, remark)
            if remark.speaker:
                people[remark.speaker].remarks.append(ref)
            elif remark.kind == "unattributed":
                unattributed.append(ref)
            for topic in remark.topics:
                topics[topic].remarks.append(ref)
    return ArchiveIndex(
        archive=archive,
        people=people,
        topics=topics,
        by_council_year={c: dict(years) for c, years in by_council_year.items()},
        unattributed=unattributed,
    )
