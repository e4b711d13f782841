"""A language's words for the archive: names, roles, headings and citations of remarks,
each meeting's text in this language or, where it is not translated, the original's."""

from __future__ import annotations

import functools

from .. import urls
from ..catalogue import _catalogue, catalogue_text, format_date
from ..escape import html
from ..index import ArchiveIndex
from ..model import GROUPS, Attendee, Meeting, Reading, Remark
from ..roles import role_names


class Wording:
    """The words of one language for the archive's people, topics, councils and remarks."""

    def __init__(self, index: ArchiveIndex, lang: str, site_url: str = "") -> None:
        self.index = index
        self.archive = index.archive
        self.lang = lang
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.catalogue = _catalogue()
        self._opinion_numbers: dict[str, dict[str, int]] = {}
        self._role_names: dict[str, dict[str, str]] = {}
        self.escaped = functools.lru_cache(maxsize=None)(lambda key: html(self.t(key)))

    # -- strings ----------------------------------------------------------------
    def t(self, key: str, /, **values: object) -> str:
        """A UI string in this language, with {placeholders} filled (plural forms by `n`)."""
        return catalogue_text(key, self.lang, **values)

    def count(self, key: str, n: int) -> str:
        """'1 remark' / '3 remarks': the plural forms of `count_KEY`."""
        return self.t(f"count_{key}", n=n)

    def person_name(self, person_id: str) -> str:
        """A person's name in this language."""
        return self.archive.people[person_id].name.get(self.lang)

    def topic_label(self, topic_id: str) -> str:
        """A topic's label in this language."""
        return self.archive.topics[topic_id].label.get(self.lang)

    def council_name(self, council_id: str) -> str:
        """A council's name in this language."""
        return self.archive.councils[council_id].name.get(self.lang)

    def absolute(self, src: str, anchor: str = "") -> str:
        """The absolute URL of a page of this language, when the site URL is known."""
        if not self.site_url:
            return ""
        return f"{self.site_url}{urls.url_of(src)}" + (f"#{anchor}" if anchor else "")

    # -- per-meeting text -------------------------------------------------------
    def reading(self, meeting: Meeting) -> Reading:
        """The meeting as read in this language (the original where it is not translated)."""
        return meeting.reading(self.lang)

    def role_of(self, meeting: Meeting, person_id: str) -> str:
        """The role a person held at a meeting, as printed, in this language if translated."""
        role = meeting.reading(self.lang).role(person_id)
        return role.role if role else ""

    def role_name(self, meeting: Meeting, person_id: str) -> str:
        """The role a person held at a meeting in this language: where the meeting is not
        translated, as the person's translated meetings name the same role (`gijiroku.roles`)."""
        role = self.role_of(meeting, person_id)
        if meeting.language == self.lang or meeting.version(self.lang) is not None:
            return role
        names = self._role_names.get(person_id)
        if names is None:
            names = role_names(person_id, (held.meeting for held in self.index.people[person_id].roles), self.lang)
            self._role_names[person_id] = names
        return names.get(role, role)

    def remark_heading(self, meeting: Meeting, remark: Remark) -> str:
        """The plain-text title of a remark: speaker and role, or the opinion's number."""
        if remark.speaker:
            role = self.role_of(meeting, remark.speaker)
            return self.person_name(remark.speaker) + (self.in_parentheses(role) if role else "")
        if remark.kind == "unattributed":
            return self.t("opinion_heading", n=self.opinion_number(meeting, remark))
        return self.t("kind_narration")

    def opinion_number(self, meeting: Meeting, remark: Remark) -> int:
        """The 1-based position of an unattributed opinion among the meeting's opinions."""
        numbers = self._opinion_numbers.get(meeting.key)
        if numbers is None:
            opinions = [r.id for r in meeting.remarks if r.kind == "unattributed"]
            numbers = self._opinion_numbers[meeting.key] = {rid: n for n, rid in enumerate(opinions, 1)}
        return numbers[remark.id]

    def in_parentheses(self, text: str) -> str:
        """（text） after Japanese, " (text)" after English: how a role follows a name."""
        return self.t("in_parentheses", text=text)

    def citation(self, meeting: Meeting, remark: Remark, values: dict[str, str] | None = None) -> str:
        """A citation line for a remark: council, meeting, record, date, speaker and role
        (`values`: the meeting's part, from `citation_values`, where it is at hand)."""
        values = values or self.citation_values(meeting)
        if remark.speaker:
            return self.t(
                "citation_remark", speaker=self.person_name(remark.speaker), role=self.role_of(meeting, remark.speaker), **values
            )
        if remark.kind == "unattributed":
            return self.t("citation_unattributed", **values)
        return self.t("citation_narration", **values)

    def citation_values(self, meeting: Meeting) -> dict[str, str]:
        """What every citation of a meeting's remarks says of the meeting."""
        version = meeting.reading(self.lang).version
        translation = ""
        if version.is_translation and version.provenance is not None:
            # A citation of a translation says so: the words are not the record's own.
            translation = self.t(
                "citation_translation",
                status=self.t(f"status_{version.provenance.status}"),
                original=self.t(f"lang_{meeting.language}"),
            )
        return dict(
            council=self.council_name(meeting.council),
            title=version.title,
            record=self.t(f"record_{meeting.record}"),
            date=format_date(meeting.date, self.lang),
            translation=translation,
        )

    def attendee_groups(self, meeting: Meeting) -> list[tuple[str, list[Attendee]]]:
        """The meeting's attendance list by group, in the order of GROUPS; empty groups left out."""
        by_group: dict[str, list[Attendee]] = {}
        for attendee in meeting.attendees:
            by_group.setdefault(attendee.group, []).append(attendee)
        return [(group, by_group[group]) for group in GROUPS if group in by_group]
