"""The translation memory: every current translated pair of the archive, as TMX 1.4b.

A pair is an original text and its translation where the translation is current: not
stale (W080), not left in the original's words. A remark whose paragraphs line up with
its translation's gives a pair per paragraph (a CAT tool matches paragraphs); one that
does not gives one pair for the whole remark. Titles, venues, roles, affiliations,
agenda items, materials and speaker labels are pairs too. A pair that recurs (構成員 →
Member at every meeting) is written once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..escape import xml_text
from ..model import Archive
from .units import TRANSLATED, meeting_units
from .xliff import xml_document

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class Pair:
    """An original text and its translation, and where they come from."""

    source_lang: str
    source: str
    target_lang: str
    target: str
    meeting: str
    unit: str


def translated_pairs(archive: Archive) -> Iterator[Pair]:
    """Every current pair of the archive, each distinct pair once, meetings in key order."""
    seen: set[tuple[str, str, str, str]] = set()
    for meeting in sorted(archive.meetings, key=lambda m: m.key):
        for lang, version in sorted(meeting.versions.items()):
            if not version.is_translation:
                continue
            for unit in meeting_units(meeting, lang):
                if unit.state != TRANSLATED or unit.target is None:
                    continue
                if len(unit.target) == len(unit.source):
                    pieces = list(zip(unit.source, unit.target))
                    numbered = len(pieces) > 1
                else:
                    pieces, numbered = [("\n".join(unit.source), "\n".join(unit.target))], False
                for index, (source, target) in enumerate(pieces, start=1):
                    key = (meeting.language, source, lang, target)
                    if key in seen or source == target:
                        continue
                    seen.add(key)
                    yield Pair(meeting.language, source, lang, target, meeting.key,
                               f"{unit.id}.p{index}" if numbered else unit.id)


def write_tmx(pairs: list[Pair], version: str) -> bytes:
    """A TMX 1.4b document of `pairs`; `version` is gijiroku's, for the header."""
    source_langs = {pair.source_lang for pair in pairs}
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="gijiroku", creationtoolversion=version, segtype="paragraph",
                     adminlang="en", datatype="plaintext", srclang=source_langs.pop() if len(source_langs) == 1 else "*all*",
                     attrib={"o-tmf": "gijiroku"})
    body = etree.SubElement(root, "body")
    for pair in pairs:
        tu = etree.SubElement(body, "tu", tuid=f"{pair.meeting}#{pair.unit}", srclang=pair.source_lang)
        etree.SubElement(tu, "prop", type="x-meeting").text = pair.meeting
        etree.SubElement(tu, "prop", type="x-unit").text = pair.unit
        for lang, text in ((pair.source_lang, pair.source), (pair.target_lang, pair.target)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = xml_text(text)
    return xml_document(root)
