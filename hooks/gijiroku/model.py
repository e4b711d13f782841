"""The archive model: immutable records that refer to each other by id.

Structure (who attended, the agenda, which remark is whose) comes from a meeting's
original-language file; each language's free text lives in a `Version`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

LANGUAGES: tuple[str, ...] = ("ja", "en")
"""The languages the site is published in, the default first."""

GROUPS: tuple[str, ...] = (
    "chair",
    "vice-chair",
    "member",
    "government",
    "secretariat",
    "observer",
    "guest",
    "other",
)
"""Attendee groups, in the order a meeting page lists them."""

REMARK_KINDS: tuple[str, ...] = ("spoken", "written", "unattributed", "narration")
"""spoken: said at the meeting; written: submitted in writing; unattributed: a member's
opinion the minutes do not attribute; narration: the minutes' own procedural text."""

ATTRIBUTED_KINDS: frozenset[str] = frozenset({"spoken", "written"})
"""Kinds that name a speaker; the others never do."""

SECTION_KINDS: tuple[str, ...] = ("opening", "item", "closing")
"""Proceedings open, go through agenda items, and close."""

RECORD_KINDS: tuple[str, ...] = ("summary", "verbatim")
"""議事要旨 (a summary) or 議事録 (a verbatim record)."""


@dataclass(frozen=True, slots=True)
class LangText:
    """A short text in every published language."""

    ja: str
    en: str

    def get(self, lang: str) -> str:
        """The text in `lang`."""
        return str(getattr(self, lang))

    def as_dict(self) -> dict[str, str]:
        """Every language's text, by language code."""
        return {"ja": self.ja, "en": self.en}


@dataclass(frozen=True, slots=True)
class Person:
    """Someone who speaks or attends, across all meetings."""

    id: str
    name: LangText
    reading: str
    romanized: str
    aliases: tuple[str, ...] = ()

    @property
    def family_name(self) -> LangText:
        """The family name: the first word of each name as the registry writes it (family first in ja)."""
        en_parts = self.romanized.split()
        return LangText(ja=self.name.ja.split()[0], en=en_parts[0] if en_parts else self.name.en)

    @property
    def sort_key_ja(self) -> str:
        """Gojūon order: by reading."""
        return unicodedata.normalize("NFKC", self.reading).replace(" ", "")

    @property
    def sort_key_en(self) -> str:
        """Alphabetical by family name, as English indexes do."""
        return self.romanized.casefold()


@dataclass(frozen=True, slots=True)
class Topic:
    """A subject that agenda items and remarks are tagged with."""

    id: str
    label: LangText
    reading: str = ""


@dataclass(frozen=True, slots=True)
class Council:
    """A council or committee: a series of meetings."""

    id: str
    name: LangText
    organiser: LangText
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Attendee:
    """One line of a meeting's attendance list; role and affiliation text are in each Version."""

    group: str
    person: str | None = None
    absent: bool = False
    proxy_for: str | None = None
    others: bool = False
    line: int = 0


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """An item of the agenda; `public` is False when its discussion was not published."""

    id: str
    topics: tuple[str, ...] = ()
    public: bool = True


@dataclass(frozen=True, slots=True)
class Material:
    """A document distributed at the meeting; `public` is False for 非公表 ones."""

    id: str
    public: bool = True
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Remark:
    """One remark, opinion or piece of narration, in the order of the proceedings."""

    id: str
    kind: str
    section: str
    """'opening', 'closing', or the agenda item id it was made under."""
    speaker: str | None = None
    topics: tuple[str, ...] = ()
    line: int = 0

    @property
    def attributed(self) -> bool:
        """Whether the remark names its speaker."""
        return self.kind in ATTRIBUTED_KINDS


@dataclass(frozen=True, slots=True)
class Section:
    """A run of the proceedings: the opening, one agenda item, or the closing."""

    kind: str
    item: str | None
    remarks: tuple[Remark, ...]

    @property
    def key(self) -> str:
        """'opening', 'closing' or the item id, as remarks refer to it."""
        return self.item if self.kind == "item" and self.item else self.kind


@dataclass(frozen=True, slots=True)
class RoleText:
    """An attendee's role and affiliation as printed, in one language."""

    role: str = ""
    affiliation: str = ""


@dataclass(frozen=True, slots=True)
class RemarkText:
    """A remark's words in one language."""

    paragraphs: tuple[str, ...]
    label: str = ""
    """The speaker label as printed, e.g. 【松本総務大臣】."""
    source: str | None = None
    """In a translation: the fingerprint of the original text it was translated from."""
    line: int = 0

    @property
    def fingerprint(self) -> str:
        """A short hash of the text, so translations can tell when their original changed."""
        return fingerprint(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a translation came from."""

    status: str
    """official or unofficial."""
    method: str
    """human, machine or machine-assisted."""
    by: str
    reviewed: bool
    date: dt.date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Version:
    """A meeting's free text in one language: the original, or a translation."""

    lang: str
    path: str
    title: str
    venue: str = ""
    digest: str = ""
    """The digest of the file's bytes this version was read from (`sources.digest_of`):
    what the build keys its pages by, and checks the file against when it ends."""
    roles: Mapping[str, RoleText] = field(default_factory=lambda: MappingProxyType({}))
    agenda: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    materials: Mapping[str, tuple[str, str]] = field(default_factory=lambda: MappingProxyType({}))
    """material id -> (label as printed, title)."""
    remarks: Mapping[str, RemarkText] = field(default_factory=lambda: MappingProxyType({}))
    provenance: Provenance | None = None
    """None for the original."""
    stale: frozenset[str] = frozenset()
    """Remark ids whose original changed after this translation was made."""

    @property
    def is_translation(self) -> bool:
        """Whether this version is a translation."""
        return self.provenance is not None


@dataclass(frozen=True, slots=True)
class Reading:
    """A meeting as read in one language: each text from the translation where it has
    one, from the original otherwise. The one place that fallback is written."""

    meeting: Meeting
    version: Version
    """The translation into that language, or the original when there is none."""

    @property
    def title(self) -> str:
        """The meeting's title."""
        return self.version.title

    @property
    def venue(self) -> str:
        """Where it was held, as printed."""
        return self.version.venue or self.meeting.original.venue

    @property
    def lang(self) -> str:
        """The language the text is in: the reader's, or the original's where it is not translated."""
        return self.version.lang

    def remark(self, remark_id: str) -> RemarkText:
        """A remark's text."""
        return self.version.remarks.get(remark_id) or self.meeting.original.remarks[remark_id]

    def role(self, person_id: str) -> RoleText | None:
        """The role and affiliation a person held at the meeting, if they attended."""
        return self.version.roles.get(person_id) or self.meeting.original.roles.get(person_id)

    def agenda_title(self, item_id: str) -> str:
        """An agenda item's title."""
        return self.version.agenda.get(item_id) or self.meeting.original.agenda[item_id]

    def material(self, material_id: str) -> tuple[str, str]:
        """A material's label and title."""
        return self.version.materials.get(material_id) or self.meeting.original.materials[material_id]


@dataclass(frozen=True, slots=True)
class Meeting:
    """One meeting of one council, with its structure and every language's text."""

    council: str
    id: str
    date: dt.date
    language: str
    """The original language."""
    record: str
    number: int | None = None
    start: str | None = None
    end: str | None = None
    source: str | None = None
    attendees: tuple[Attendee, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    materials: tuple[Material, ...] = ()
    sections: tuple[Section, ...] = ()
    versions: Mapping[str, Version] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def key(self) -> str:
        """'council/meeting', unique in the archive and the meeting's URL path."""
        return f"{self.council}/{self.id}"

    @property
    def original(self) -> Version:
        """The version in the original language."""
        return self.versions[self.language]

    @property
    def remarks(self) -> tuple[Remark, ...]:
        """Every remark and narration, in order."""
        return tuple(r for s in self.sections for r in s.remarks)

    def version(self, lang: str) -> Version | None:
        """The text in `lang`, or None when the meeting is not translated into it."""
        return self.versions.get(lang)

    def reading(self, lang: str) -> Reading:
        """The meeting as read in `lang`: its translation, the original where there is none."""
        return Reading(self, self.versions.get(lang) or self.versions[self.language])

    def agenda_item(self, item_id: str) -> AgendaItem | None:
        """The agenda item with that id."""
        return next((a for a in self.agenda if a.id == item_id), None)

    def attendee(self, person_id: str) -> Attendee | None:
        """The attendance entry of a person."""
        return next((a for a in self.attendees if a.person == person_id), None)


LAYOUT = 2
"""The layout of published files: 2 since the side-by-side view is one page per language
and a meeting's data one JSON file for every language and a zip per council and year."""


@dataclass(frozen=True, slots=True)
class Ledger:
    """What `minutes/ledger.yml` records (read and checked by `ledger.py`): the addresses: page -> its anchors, moved address -> new, withdrawn -> why."""

    pages: Mapping[str, tuple[str, ...]]
    moved: Mapping[str, str]
    withdrawn: Mapping[str, str]
    lines: Mapping[str, int]
    """The ledger line of each recorded address, for diagnostics."""
    files: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Data files that moved: old path from the site's root -> where the content is now."""
    layout: int = LAYOUT
    """The layout of published files the ledger was written under (`layout_moves`)."""


@dataclass(frozen=True, slots=True)
class Archive:
    """Everything in `minutes/`: registries and meetings, newest meeting first."""

    people: Mapping[str, Person]
    topics: Mapping[str, Topic]
    councils: Mapping[str, Council]
    meetings: tuple[Meeting, ...]
    ledger: Ledger | None = None
    """The published addresses recorded in `minutes/ledger.yml`, if there is one."""
    sources: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Every file the archive was read from (registries, councils, ledger, meeting files),
    as diagnostics print its path -> the digest of the bytes read (`sources.digest_of`)."""

    def meeting(self, key: str) -> Meeting | None:
        """The meeting 'council/id'."""
        return next((m for m in self.meetings if m.key == key), None)


def normalize_text(text: str) -> str:
    """NFC, so that visually equal text hashes equally."""
    return unicodedata.normalize("NFC", text)


def fingerprint(paragraphs: tuple[str, ...]) -> str:
    """12 hex digits of SHA-256 over the normalised paragraphs."""
    data = "\n\n".join(normalize_text(p) for p in paragraphs).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:12]
