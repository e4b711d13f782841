"""A meeting's translatable pieces: what a translator translates, and nothing else.

Structure (ids, kinds, speakers, dates, topics) comes from the original and is never
translated; names come from the registries, and reach a translator as glossary terms,
never as units. What is left is text of the meeting itself, each piece a `Unit` keyed
by a path that says where it goes in a translation file:

    title                         the meeting's title
    venue                         where it was held
    attendee.PERSON.role          a person's role at the meeting (and .affiliation)
    agenda.ITEM                   an agenda item's title
    material.ID.label             a material's label (and .title)
    remark.ID                     a remark's text, paragraph by paragraph
    remark.ID.label               the speaker label as printed (【松本総務大臣】)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..model import LANGUAGES, Archive, Meeting, Person, Remark, fingerprint

UNTRANSLATED, TRANSLATED, STALE = "untranslated", "translated", "stale"
"""A unit's state: no translation (or one identical to the original), a current one,
or one made from an earlier version of the original (W080)."""

KIND_NOTES = {
    "spoken": "spoken at the meeting",
    "written": "submitted in writing (distributed on paper, not spoken)",
    "unattributed": "a member's opinion: the minutes do not name the speaker, so neither may the translation",
    "narration": "the minutes' own procedural text",
}


@dataclass(frozen=True, slots=True)
class Term:
    """A name from the registries, in the source language and the target language."""

    source: str
    target: str
    what: str
    """person, topic or council."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One translatable piece of a meeting, with its current translation."""

    id: str
    source: tuple[str, ...]
    """The original's text: paragraphs for a remark, one text for anything else."""
    target: tuple[str, ...] | None
    """The translation's text, None when there is none."""
    state: str
    required: bool
    """Whether a translation file must have it (a remark's label is optional)."""
    notes: tuple[tuple[str, str], ...] = ()
    """Context for the translator: (category, text)."""
    terms: tuple[Term, ...] = ()
    """Registry names that occur in the source."""

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the original text (a remark's is the one `source=` records)."""
        return fingerprint(self.source)

    @property
    def is_remark(self) -> bool:
        """Whether the unit is a remark's text (paragraphs, with a fingerprint the file records)."""
        return self.id.startswith("remark.") and self.id.count(".") == 1

    @property
    def characters(self) -> int:
        """What translating it costs: the characters of the original text."""
        return sum(len(p) for p in self.source)


def target_language(meeting: Meeting, requested: str | None = None) -> str | None:
    """The language a meeting is translated into: `requested`, or the published language
    that is not the original's; None when that is the original's own."""
    if requested is not None:
        return None if requested == meeting.language else requested
    return next((lang for lang in LANGUAGES if lang != meeting.language), None)


def meeting_units(meeting: Meeting, lang: str, names: Names | None = None, notes: bool = True) -> list[Unit]:
    """Every translatable unit of `meeting` for a translation into `lang`, in file order;
    with `names`, each carries the registry names its source holds and a remark names
    its speaker. Without `notes`, remarks carry no context (what counting them needs)."""
    units = list(_field_units(meeting, lang))
    units += _remark_units(meeting, lang, names, notes)
    if names is None:
        return units
    return [_with_terms(unit, names) for unit in units]


def _field_units(meeting: Meeting, lang: str) -> Iterator[Unit]:
    original, version = meeting.original, meeting.version(lang)

    def field(unit_id: str, text: str, translated: str | None, note: str, required: bool = True) -> Unit:
        target = (translated,) if translated else None
        return Unit(unit_id, (text,), target, TRANSLATED if target else UNTRANSLATED, required, (("field", note),))

    yield field("title", original.title, version.title if version else None, "the meeting's title")
    if original.venue:
        yield field("venue", original.venue, version.venue if version else None, "where the meeting was held")
    people_roles = version.roles if version else {}
    for person, role in original.roles.items():
        translated = people_roles.get(person)
        if role.role:
            yield field(
                f"attendee.{person}.role",
                role.role,
                translated.role if translated else None,
                f"the role attendee '{person}' held at this meeting",
            )
        if role.affiliation:
            yield field(
                f"attendee.{person}.affiliation",
                role.affiliation,
                translated.affiliation if translated else None,
                f"the affiliation of attendee '{person}' as printed",
            )
    agenda = version.agenda if version else {}
    for item, title in original.agenda.items():
        yield field(f"agenda.{item}", title, agenda.get(item), "the title of an agenda item")
    materials = version.materials if version else {}
    for material, (label, title) in original.materials.items():
        translated_material = materials.get(material)
        yield field(
            f"material.{material}.label",
            label,
            translated_material[0] if translated_material else None,
            "a material's label as printed (資料1 → Material 1)",
        )
        yield field(
            f"material.{material}.title", title, translated_material[1] if translated_material else None, "a material's title"
        )


def _remark_units(meeting: Meeting, lang: str, names: Names | None, with_notes: bool) -> Iterator[Unit]:
    original, version = meeting.original, meeting.version(lang)
    stale = version.stale if version else frozenset()
    for remark in meeting.remarks:
        text = original.remarks[remark.id]
        translated = version.remarks.get(remark.id) if version else None
        notes = tuple(_remark_notes(meeting, remark, lang, names)) if with_notes else ()
        if text.label:
            label = (translated.label,) if translated and translated.label else None
            yield Unit(
                f"remark.{remark.id}.label",
                (text.label,),
                label,
                TRANSLATED if label else UNTRANSLATED,
                False,
                (("field", "the speaker label as printed before the remark (optional in a translation)"),) + notes,
            )
        target = translated.paragraphs if translated is not None and translated.paragraphs != text.paragraphs else None
        state = UNTRANSLATED if target is None else STALE if remark.id in stale else TRANSLATED
        yield Unit(f"remark.{remark.id}", text.paragraphs, target, state, True, notes)


def _remark_notes(meeting: Meeting, remark: Remark, lang: str, names: Names | None) -> Iterator[tuple[str, str]]:
    yield "kind", f"{remark.kind}: {KIND_NOTES[remark.kind]}"
    if remark.speaker is not None:
        yield "speaker", _speaker_note(meeting, remark.speaker, lang, names)
    yield "section", _section_note(meeting, remark.section, lang)


def _speaker_note(meeting: Meeting, person: str, lang: str, names: Names | None) -> str:
    role = meeting.original.roles.get(person)
    version = meeting.version(lang)
    translated = version.roles.get(person) if version else None
    known = names.people.get(person) if names is not None else None
    text = f"speaker: {known.name.get(meeting.language)} ({known.name.get(lang)})" if known else f"speaker: {person}"
    if role is not None and role.role:
        text += f", {role.role}" + (f" ({translated.role})" if translated and translated.role else "")
    return text


def _section_note(meeting: Meeting, section: str, lang: str) -> str:
    if section in ("opening", "closing"):
        return f"under the {section} of the meeting"
    version = meeting.version(lang)
    title = meeting.original.agenda.get(section, section)
    translated = version.agenda.get(section) if version else None
    return f"under agenda item '{section}': {title}" + (f" ({translated})" if translated else "")


# -- glossary terms ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Names:
    """The registry names of an archive as they are written in one language, with their
    translation into another, found in text by one pass of one pattern."""

    people: Mapping[str, Person]
    terms: dict[str, Term]
    pattern: re.Pattern[str] | None

    def find(self, text: str) -> tuple[Term, ...]:
        """The names that occur in `text`, each once, in order of first occurrence."""
        if self.pattern is None:
            return ()
        found: dict[str, Term] = {}
        for match in self.pattern.finditer(text):
            found.setdefault(match.group(), self.terms[match.group()])
        return tuple(found.values())


def archive_names(archive: Archive, source: str, target: str) -> Names:
    """Every person's, topic's and council's name in `source`, with its `target` form."""
    terms: dict[str, Term] = {}

    def add(form: str, translated: str, what: str) -> None:
        # A one-character form (a family name such as 林) would match inside other words.
        if len(form) > 1 and translated:
            terms.setdefault(form, Term(form, translated, what))

    for person in archive.people.values():
        name = person.name.get(source)
        add(name, person.name.get(target), "person")
        add(name.replace(" ", ""), person.name.get(target), "person")
        add(person.family_name.get(source), person.family_name.get(target), "person")
    for topic in archive.topics.values():
        add(topic.label.get(source), topic.label.get(target), "topic")
    for council in archive.councils.values():
        add(council.name.get(source), council.name.get(target), "council")
    if not terms:
        return Names(archive.people, {}, None)
    alternatives = sorted(terms, key=lambda form: (-len(form), form))
    return Names(archive.people, terms, re.compile("|".join(re.escape(form) for form in alternatives)))


def _with_terms(unit: Unit, names: Names) -> Unit:
    terms = names.find("\n".join(unit.source))
    if not terms:
        return unit
    return Unit(unit.id, unit.source, unit.target, unit.state, unit.required, unit.notes, terms)
