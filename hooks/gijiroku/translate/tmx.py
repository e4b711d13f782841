"""The translation memory: every current translated pair of the archive, as TMX 1.4b.

A pair is an original text and its translation where the translation is current: not
stale (W080), not left in the original's words. A remark whose paragraphs line up with
its translation's gives a pair per paragraph (a CAT tool matches paragraphs); one that
does not gives one pair for the whole remark. Titles, venues, roles, affiliations,
agenda items, materials and speaker labels are pairs too. A pair that recurs (構成員 →
Member at every meeting) is written once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from lxml import etree

from ..escape import xml_text
from ..model import Archive
from .units import TRANSLATED, meeting_units
from .xliff import xml_stream

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
    seen: set[bytes] = set()  # digests: the pairs' text would be held twice
    for meeting in sorted(archive.meetings, key=lambda m: m.key):
        for lang, version in sorted(meeting.versions.items()):
            if not version.is_translation:
                continue
            for unit in meeting_units(meeting, lang, notes=False):
                if unit.state != TRANSLATED or unit.target is None:
                    continue
                if len(unit.target) == len(unit.source):
                    pieces = list(zip(unit.source, unit.target))
                    numbered = len(pieces) > 1
                else:
                    pieces, numbered = [("\n".join(unit.source), "\n".join(unit.target))], False
                for index, (source, target) in enumerate(pieces, start=1):
                    key = _digest(meeting.language, source, lang, target)
                    if key in seen or source == target:
                        continue
                    seen.add(key)
                    yield Pair(
                        meeting.language, source, lang, target, meeting.key, f"{unit.id}.p{index}" if numbered else unit.id
                    )


def _digest(*texts: str) -> bytes:
    return hashlib.blake2b("\0".join(texts).encode("utf-8"), digest_size=16).digest()


def write_tmx(pairs: Iterable[Pair], out: BinaryIO, source_langs: set[str], version: str) -> int:
    """A TMX 1.4b document of `pairs`, written to `out` one pair at a time; `version` is
    gijiroku's, for the header. Returns how many pairs it holds."""
    header = etree.Element(
        "header",
        creationtool="gijiroku",
        creationtoolversion=version,
        segtype="paragraph",
        adminlang="en",
        datatype="plaintext",
        srclang=next(iter(source_langs)) if len(source_langs) == 1 else "*all*",
        attrib={"o-tmf": "gijiroku"},
    )
    written = 0
    with xml_stream(out, "tmx", None, {"version": "1.4"}, head=(header,), inner="body") as write:
        for pair in pairs:
            tu = etree.Element("tu", tuid=f"{pair.meeting}#{pair.unit}", srclang=pair.source_lang)
            etree.SubElement(tu, "prop", type="x-meeting").text = pair.meeting
            etree.SubElement(tu, "prop", type="x-unit").text = pair.unit
            for lang, text in ((pair.source_lang, pair.source), (pair.target_lang, pair.target)):
                tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                etree.SubElement(tuv, "seg").text = xml_text(text)
            write(tu)
            written += 1
    return written
