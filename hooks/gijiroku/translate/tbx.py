"""The glossary: people, roles, topics and councils in both languages, as TBX-Basic.

Names come from the registries (people.yml, topics.yml, each council's series.yml);
roles come from the meetings, where each attendee's role is printed in the original
and translated in the translation (構成員 → Member). The format is ISO 30042's TBX in
its TBX-Basic dialect (`martif`), which OmegaT, Trados, memoQ and translate-toolkit read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..escape import xml_text
from ..model import LANGUAGES, Archive
from .tmx import XML_LANG
from .xliff import xml_document


@dataclass(frozen=True, slots=True)
class Entry:
    """One concept: an id, what it is, and its terms in each language (preferred first)."""

    id: str
    subject: str
    """person, family name, role, topic, council or organiser."""
    terms: dict[str, tuple[str, ...]]
    part_of_speech: str = "properNoun"


def glossary_entries(archive: Archive) -> Iterator[Entry]:
    """Every name of the registries in every language, and every translated role."""
    for person in sorted(archive.people.values(), key=lambda p: p.id):
        yield Entry(f"person-{person.id}", "person", {lang: _forms(person.name.get(lang), lang) for lang in LANGUAGES})
        yield Entry(
            f"person-{person.id}-family-name", "family name", {lang: (person.family_name.get(lang),) for lang in LANGUAGES}
        )
    for topic in sorted(archive.topics.values(), key=lambda t: t.id):
        yield Entry(f"topic-{topic.id}", "topic", {lang: (topic.label.get(lang),) for lang in LANGUAGES}, "noun")
    for council in sorted(archive.councils.values(), key=lambda c: c.id):
        yield Entry(f"council-{council.id}", "council", {lang: (council.name.get(lang),) for lang in LANGUAGES})
        yield Entry(f"council-{council.id}-organiser", "organiser", {lang: (council.organiser.get(lang),) for lang in LANGUAGES})
    yield from _role_entries(archive)


def _forms(name: str, lang: str) -> tuple[str, ...]:
    """A name as the registry writes it, and (in Japanese) without the space minutes often drop."""
    joined = name.replace(" ", "")
    return (name, joined) if lang == "ja" and joined != name else (name,)


def _role_entries(archive: Archive) -> Iterator[Entry]:
    roles: dict[tuple[str, str], dict[str, list[str]]] = {}
    for meeting in sorted(archive.meetings, key=lambda m: m.key):
        for lang, version in meeting.versions.items():
            if not version.is_translation:
                continue
            for person, role in meeting.original.roles.items():
                translated = version.roles.get(person)
                if role.role and translated is not None and translated.role:
                    forms = roles.setdefault((meeting.language, role.role), {meeting.language: [role.role]})
                    if translated.role not in forms.setdefault(lang, []):
                        forms[lang].append(translated.role)
    for number, ((_, _), forms) in enumerate(sorted(roles.items()), start=1):
        yield Entry(f"role-{number}", "role", {lang: tuple(terms) for lang, terms in forms.items()}, "noun")


def write_tbx(entries: list[Entry]) -> bytes:
    """A TBX-Basic document of `entries`."""
    root = etree.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = etree.SubElement(root, "martifHeader")
    source = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(source, "p").text = (
        "Names from a gijiroku archive: people.yml, topics.yml, each council's "
        "series.yml, and the roles attendees held at its translated meetings"
    )
    etree.SubElement(etree.SubElement(header, "encodingDesc"), "p", type="XCSURI").text = "TBXBasicXCSV02.xcs"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for entry in entries:
        node = etree.SubElement(body, "termEntry", id=entry.id)
        etree.SubElement(node, "descrip", type="subjectField").text = entry.subject
        for lang, terms in entry.terms.items():
            lang_set = etree.SubElement(node, "langSet", {XML_LANG: lang})
            for term in terms:
                tig = etree.SubElement(lang_set, "tig")
                etree.SubElement(tig, "term").text = xml_text(term)
                etree.SubElement(tig, "termNote", type="partOfSpeech").text = entry.part_of_speech
    return xml_document(root)
