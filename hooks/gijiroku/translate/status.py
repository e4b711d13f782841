"""What is left to translate: per council and meeting, in remarks and characters.

A meeting is listed when its translation into the other published language is
missing (not translated), keeps remarks in the original's words (partly translated: a
file copied from the original and not finished), has remarks made from an earlier
version of the original (stale, W080), was made by machine, or is unreviewed. What a
translation costs is counted in characters of the original text; what is to be
translated and what is only to be reviewed are counted apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Archive, Meeting
from .units import STALE, UNTRANSLATED, Unit, meeting_units, target_language

NOT_TRANSLATED, PARTLY, STALE_STATE, MACHINE, UNREVIEWED = "not-translated", "partly-translated", "stale", "machine", "unreviewed"
STATES = (NOT_TRANSLATED, PARTLY, STALE_STATE, MACHINE, UNREVIEWED)
"""Why a meeting is listed, in the order a listing names them."""


@dataclass(frozen=True, slots=True)
class Work:
    """Remarks and characters of the original text."""

    remarks: int = 0
    characters: int = 0

    def __add__(self, other: Work) -> Work:
        return Work(self.remarks + other.remarks, self.characters + other.characters)


@dataclass(frozen=True, slots=True)
class MeetingStatus:
    """What is left of one meeting's translation into one language."""

    meeting: Meeting
    lang: str
    """The language it is translated into."""
    states: tuple[str, ...]
    """Why it is listed (`STATES`); empty when its translation is current, human and reviewed."""
    to_translate: Work
    """The units without a current translation: all of them when there is no translation."""
    to_review: Work
    """The units whose translation waits for a review (machine-made or unreviewed)."""
    total: Work

    @property
    def done(self) -> bool:
        """Whether nothing is left."""
        return not self.states


@dataclass(frozen=True, slots=True)
class CouncilStatus:
    """The meetings of one council that have something left, newest first."""

    council: str
    meetings: tuple[MeetingStatus, ...]
    done: int
    """Meetings of the council with nothing left (not listed)."""


def meeting_status(meeting: Meeting, lang: str) -> MeetingStatus:
    """What is left of `meeting`'s translation into `lang`."""
    units = meeting_units(meeting, lang, notes=False)
    total = _work(units)
    version = meeting.version(lang)
    if version is None or version.provenance is None:
        return MeetingStatus(meeting, lang, (NOT_TRANSLATED,), total, Work(), total)
    open_units = [u for u in units if u.required and u.state in (UNTRANSLATED, STALE)]
    states = []
    if any(u.is_remark and u.state == UNTRANSLATED for u in units):
        states.append(PARTLY)
    if any(u.state == STALE for u in units):
        states.append(STALE_STATE)
    provenance = version.provenance
    if provenance.method == "machine":
        states.append(MACHINE)
    if not provenance.reviewed:
        states.append(UNREVIEWED)
    translated = [u for u in units if u.state not in (UNTRANSLATED, STALE)]
    review = _work(translated) if not provenance.reviewed else Work()
    return MeetingStatus(meeting, lang, tuple(states), _work(open_units), review, total)


def _work(units: list[Unit]) -> Work:
    return Work(sum(1 for u in units if u.is_remark), sum(u.characters for u in units))


def archive_status(archive: Archive, councils: tuple[str, ...] = (), lang: str | None = None) -> list[CouncilStatus]:
    """Per council (in id order; only `councils` when given), the meetings with something
    left to translate into `lang` (or into whichever language each is not written in)."""
    result = []
    for council in sorted(archive.councils):
        if councils and council not in councils:
            continue
        listed, done = [], 0
        for status in _statuses(archive, council, lang):
            if status.done:
                done += 1
            else:
                listed.append(status)
        result.append(CouncilStatus(council, tuple(listed), done))
    return result


def _statuses(archive: Archive, council: str, lang: str | None) -> Iterator[MeetingStatus]:
    for meeting in archive.meetings:
        target = target_language(meeting, lang) if meeting.council == council else None
        if target is not None:
            yield meeting_status(meeting, target)


def totals(councils: list[CouncilStatus]) -> tuple[Work, Work]:
    """What is left to translate and to review in all of `councils`."""
    translate, review = Work(), Work()
    for council in councils:
        for status in council.meetings:
            translate += status.to_translate
            review += status.to_review
    return translate, review
