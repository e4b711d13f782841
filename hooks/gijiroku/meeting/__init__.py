"""Loading one meeting: its original-language file, its translations, and the checks
between them.

    files.py        a meeting file parsed: front matter nodes and raw body sections
    original.py     the original read into a Meeting, checked against the registries
    translation.py  a translation read into a Version, checked against the original
    registries.py   the ids a meeting may refer to
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from ..diagnostics import Diagnostics
from ..model import Meeting, Version
from .files import MeetingFile, parse_meeting_file
from .original import Written, read_original
from .registries import Registries
from .translation import read_translation

__all__ = ["MeetingFile", "Registries", "assemble_meeting", "parse_meeting_file"]


def assemble_meeting(files: list[MeetingFile], registries: Registries, diags: Diagnostics) -> Meeting | None:
    """Build a meeting from its original and translations, checking how they line up."""
    originals = [f for f in files if not f.is_translation]
    if not originals:
        for f in files:
            diags.add(
                f.path,
                1,
                1,
                "E065",
                f"meeting '{f.council}/{f.meeting_id}' has only translations",
                "add the original-language file (without a 'translation:' block)",
            )
        return None
    if len(originals) > 1:
        for f in originals[1:]:
            diags.add(
                f.path,
                1,
                1,
                "E066",
                f"both {originals[0].path.name} and {f.path.name} claim to be the original",
                "a translation needs a 'translation:' block with its provenance",
            )
        return None
    orig = originals[0]
    if not all(f.readable for f in files):
        return None  # its errors are reported; checking the others against it would only add noise
    written = Written()
    meeting, alignable = read_original(orig, registries, written, diags)
    if meeting is None:
        return None
    versions = dict(meeting.versions)
    for f in files:
        if f.is_translation:
            version = read_translation(f, meeting, written if alignable else None, diags)
            if version is not None:
                versions[f.lang] = version
    return _replace_versions(meeting, versions)


def _replace_versions(meeting: Meeting, versions: dict[str, Version]) -> Meeting:
    return replace(meeting, versions=MappingProxyType(versions))
