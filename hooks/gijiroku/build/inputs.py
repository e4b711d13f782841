"""What each generated page and data file is made from, as keys: a rebuild makes again
only what a changed input feeds.

A meeting is a function of its own files and of the registry entries it names (people,
topics, its council): the loader checks it against nothing else. So a meeting's key is
the digest of its files (paths and the digests of the bytes the loader read and
parsed, never a second reading: a save between the two would key old pages by new
bytes) and of those entries. A speaker's, topic's or
council's page is made from its own registry entry and the meetings it lists, so its
key is that entry's and those meetings' keys, in the page's order. What every page
shares (configuration, templates, code, versions) is in the cache's site key
(`pagecache.site_key`), not here.

Registry entries are frozen dataclasses of strings, tuples and nested such
dataclasses; their `repr` is the same in every run, so it is what is hashed.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..index import ArchiveIndex
from ..model import Meeting
from .pagecache import page_key


class InputKeys:
    """Keys of a language build's generated pages and data files, from the cross-index
    (each meeting's files by the digests the loader took)."""

    def __init__(self, index: ArchiveIndex) -> None:
        self.index = index
        self.archive = index.archive
        self._meetings: dict[str, str] = {}
        self._files: dict[str, str] = {}
        self._by_key = {m.key: m for m in self.archive.meetings}

    def of(self, kind: str, subject: str) -> str:
        """The key of a unit of pages (`render.Unit`): its kind and subject's."""
        if kind == "meeting":
            return page_key(kind, self.meeting(self._by_key[subject]))
        by_kind = {
            "speaker": self.speaker,
            "speaker-year": self.speaker_year,
            "topic": self.topic,
            "topic-year": self.topic_year,
            "council": self.council,
        }
        return by_kind[kind](subject)

    def files(self, meeting: Meeting) -> str:
        """The digest of a meeting's files: each version's path and the digest of its bytes as read."""
        known = self._files.get(meeting.key)
        if known is None:
            parts: list[str | bytes] = []
            for lang in sorted(meeting.versions):
                version = meeting.versions[lang]
                parts += [lang, version.path, version.digest]
            known = self._files[meeting.key] = page_key(*parts)
        return known

    def meeting(self, meeting: Meeting) -> str:
        """A meeting's key: its files and the registry entries it names."""
        known = self._meetings.get(meeting.key)
        if known is None:
            people = {a.person for a in meeting.attendees if a.person}
            people |= {a.proxy_for for a in meeting.attendees if a.proxy_for}
            people |= {r.speaker for r in meeting.remarks if r.speaker}
            topics = {t for item in meeting.agenda for t in item.topics}
            topics |= {t for r in meeting.remarks for t in r.topics}
            parts = [meeting.key, self.files(meeting), repr(self.archive.councils.get(meeting.council))]
            parts += [repr(self.archive.people.get(p)) for p in sorted(people)]
            parts += [repr(self.archive.topics.get(t)) for t in sorted(topics)]
            known = self._meetings[meeting.key] = page_key(*parts)
        return known

    def _listing(self, kind: str, entry: object, meetings: Iterable[Meeting]) -> str:
        keys: list[str] = []
        last: Meeting | None = None
        for meeting in meetings:
            if meeting is not last:  # consecutive refs to one meeting: once
                keys.append(self.meeting(meeting))
                last = meeting
        return page_key(kind, repr(entry), *keys)

    def speaker(self, person_id: str) -> str:
        """A speaker's page and feed: the person, and every meeting they attended or spoke at."""
        return self._listing("speaker", self.archive.people[person_id], self._speaker_meetings(person_id))

    def speaker_year(self, subject: str) -> str:
        """A year's page of a speaker with many remarks ('PERSON/YEAR'): the person, and
        the meetings they attended or spoke at that year."""
        person_id, _, year = subject.rpartition("/")
        return self._listing(
            "speaker-year",
            (self.archive.people[person_id], year),
            (m for m in self._speaker_meetings(person_id) if m.date.year == int(year)),
        )

    def _speaker_meetings(self, person_id: str) -> list[Meeting]:
        entry = self.index.people[person_id]
        return [held.meeting for held in entry.roles] + [ref.meeting for ref in entry.remarks]

    def topic(self, topic_id: str) -> str:
        """A topic's pages: the topic, and every meeting with an item or remark tagged with it."""
        entry = self.index.topics[topic_id]
        meetings = [ref.meeting for ref in entry.items] + [ref.meeting for ref in entry.remarks]
        return self._listing("topic", self.archive.topics[topic_id], meetings)

    def topic_year(self, subject: str) -> str:
        """A year's page of a long topic ('TOPIC/YEAR'): the topic, and that year's meetings."""
        topic_id, _, year = subject.rpartition("/")
        entry = self.index.topics[topic_id]
        meetings = [ref.meeting for ref in entry.items] + [ref.meeting for ref in entry.remarks]
        return self._listing(
            "topic-year", (self.archive.topics[topic_id], year), (m for m in meetings if m.date.year == int(year))
        )

    def council(self, council_id: str) -> str:
        """A council's page: the council, and its meetings."""
        years = self.index.by_council_year.get(council_id, {})
        meetings = [m for year in sorted(years, reverse=True) for m in years[year]]
        return self._listing("council", self.archive.councils[council_id], meetings)
