"""The data every language shares, written once at the site's root (`datafiles.py`): each
meeting's JSON (the original and each translation, with the same remark ids) and, per
council and year, a zip of its meetings' Akoma Ntoso and source files.

A zip is the same bytes whenever it holds the same files: members in a fixed order
(meetings by date and id; for each, its Akoma Ntoso files, then its source files, by
language), each with the same time and permissions. A build that keeps a meeting's JSON
or a year's zip from the last build (`FileCache`) writes neither again: a zip is keyed
by the keys of every meeting it holds, in its order.
"""

from __future__ import annotations

import functools
import io
import os
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from .. import datafiles, timing
from ..datafiles import Links
from ..gccontrol import gc_paused
from ..index import ArchiveIndex
from ..model import LANGUAGES, Meeting
from ..progress import Progress
from ..sources import digest_of
from . import api
from .akn import meeting_akn
from .write import as_read

ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every member's time in a zip: two builds of the same minutes write the same bytes."""


class FileCache(Protocol):
    """What the build's cache offers data files (`build/pagecache.PageCache`)."""

    def reuse_files(self, dests: list[str], key: str) -> bool:
        """Whether the last build's files `dests`, made from inputs keyed `key`, are kept."""
        ...

    def record_file(self, dest: str, key: str, digest: str) -> None:
        """A file this build wrote from inputs keyed `key`."""
        ...

    def keep_only(self, dests: Iterable[str]) -> None:
        """Remove every cached file but `dests` and those kept (`reuse_files`)."""
        ...


def bundles(meetings: Iterable[Meeting]) -> dict[tuple[str, int], list[Meeting]]:
    """Meetings by council and year, each list by date and id (the zips' order)."""
    out: dict[tuple[str, int], list[Meeting]] = {}
    for meeting in sorted(meetings, key=lambda m: (m.council, m.date, m.id)):
        out.setdefault((meeting.council, meeting.date.year), []).append(meeting)
    return out


@gc_paused()
def write_shared(
    index: ArchiveIndex,
    out: Path,
    site_url: str,
    minutes_root: Path,
    key_of: Callable[[Meeting], str],
    cache: FileCache | None = None,
    repository: Callable[[Meeting], dict[str, str]] | None = None,
) -> None:
    """Write every meeting's JSON and every council's zips into `out` (the site's root,
    or the cache's copy of it). `key_of` gives a meeting's input key
    (`build/inputs.InputKeys.meeting`); `repository`, where the project's repository is
    known, the address of each of a meeting's files in it."""
    links = Links.for_site(LANGUAGES[0], site_url)

    def json_of(meeting: Meeting) -> bytes:
        document = api.meeting_document(index, meeting, links, repository(meeting) if repository else None)
        return api.dump(document).encode("utf-8")

    planned: list[tuple[str, str, Callable[[], bytes]]] = []
    for meeting in index.archive.meetings:
        planned.append(
            (datafiles.meeting_json(meeting.council, meeting.id), f"json {key_of(meeting)}", functools.partial(json_of, meeting))
        )
    for (council, year), held in bundles(index.archive.meetings).items():
        planned.append(
            (
                datafiles.bundle_zip(council, year),
                "zip " + " ".join(key_of(m) for m in held),
                functools.partial(bundle_bytes, index, held, minutes_root),
            )
        )
    files = len(planned)
    if cache is not None:
        # What the last build wrote from the same inputs stays; everything else goes
        # before anything is written (nothing stale survives in the cache).
        planned = [plan for plan in planned if not cache.reuse_files([plan[0]], plan[1])]
        cache.keep_only(())
    made: set[str] = set()
    progress = Progress("wrote {} shared data files (meeting JSON, zips)", len(planned))
    for dest, key, content in planned:
        progress.advance()
        with timing.timed("data_json" if dest.endswith(".json") else "data_bulk"):
            data = content()
            path = os.path.join(out, dest)
            folder = os.path.dirname(path)
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            with open(path, "wb") as handle:
                handle.write(data)
        if cache is not None:
            cache.record_file(dest, key, digest_of(data))
    progress.done(f"{files - len(planned):,} kept from the last build" if cache is not None else "")


def bundle_bytes(index: ArchiveIndex, meetings: list[Meeting], minutes_root: Path) -> bytes:
    """The zip of `meetings` (one council's year, in order): each meeting's Akoma Ntoso
    file in every language it has, then its source files as the build read them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for meeting in meetings:
            date = meeting.date.isoformat()
            versions = [lang for lang in LANGUAGES if lang in meeting.versions]
            for lang in versions:
                _add(archive, datafiles.akn_member(meeting.council, date, meeting.id, lang), meeting_akn(index, meeting, lang))
            for lang in versions:
                _add(
                    archive,
                    datafiles.source_member(meeting.council, meeting.id, lang),
                    as_read(minutes_root, meeting.versions[lang]),
                )
    return buffer.getvalue()


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # the same on every system that builds it
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)
