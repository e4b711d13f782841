"""The preview scope of `mkdocs serve`: the meetings most recently edited, not all of them.

A full build renders every meeting, speaker and topic page in every language: minutes
on a large archive. While editing, `mkdocs serve` builds only the N meetings whose
files changed last (with the speaker, topic and index pages for those meetings), and
every page says so. The whole archive is still loaded and checked on each rebuild, so
an error anywhere is reported. `mkdocs build` always builds everything.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from .model import LANGUAGES, Archive, Meeting

ENV = "GIJIROKU_PREVIEW"
"""Overrides the configured scope: a number of meetings, or `all`."""


def preview_limit(configured: int | None) -> int | None:
    """How many meetings a serve build shows (None: all), from the environment or the config."""
    value = os.environ.get(ENV, "").strip().lower()
    if value == "all":
        return None
    if value.isdigit():
        return int(value) or None
    return configured or None


def select_recent(archive: Archive, root: Path, limit: int) -> Archive:
    """The archive with only the `limit` meetings whose files were modified last."""

    def modified(meeting: Meeting) -> float:
        # Its files are MEETING.LANG.md: stat them by name (a glob per meeting lists the
        # whole folder each time, which took most of a rebuild on a large archive).
        times = []
        for lang in LANGUAGES:
            try:
                times.append(os.stat(root / meeting.council / f"{meeting.id}.{lang}.md").st_mtime)
            except OSError:
                pass
        return max(times, default=0.0)

    keep = {m.key for m in sorted(archive.meetings, key=modified, reverse=True)[:limit]}
    meetings = tuple(m for m in archive.meetings if m.key in keep)
    # Only the people of those meetings get pages in the preview.
    people = {a.person for m in meetings for a in m.attendees if a.person}
    people |= {a.proxy_for for m in meetings for a in m.attendees if a.proxy_for}
    people |= {r.speaker for m in meetings for r in m.remarks if r.speaker}
    return replace(
        archive, meetings=meetings, people=MappingProxyType({pid: p for pid, p in archive.people.items() if pid in people})
    )
