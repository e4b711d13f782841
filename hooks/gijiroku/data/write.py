"""Writing one language's data out into its folder of the built site."""

from __future__ import annotations

import os
from collections.abc import Container, MutableMapping
from importlib import resources
from pathlib import Path

from .. import timing
from ..diagnostics import Diagnostics
from ..gccontrol import gc_paused
from ..index import ArchiveIndex
from ..model import Meeting, Version
from ..sources import ChangedDuringBuild, digest_of, read_source
from . import api, downloads, feeds, paths
from .akn import meeting_akn
from .feedstyle import STYLESHEET, feed_stylesheet, with_stylesheet
from .paths import Links


@gc_paused()
def write_data_out(index: ArchiveIndex, lang: str, site_dir: Path, site_url: str, minutes_root: Path,
                   kept: Container[str] = frozenset(), written: MutableMapping[str, str] | None = None) -> None:
    """Write the API, the schemas, the source files and the feeds of language `lang`
    into `site_dir` (that language's folder), from the cross-index alone.

    `site_url` is the language build's own URL ('' for relative links); `minutes_root`
    is where the meetings' source files are (each is copied, never parsed again, and
    only if its bytes are still those the build read: `ChangedDuringBuild` otherwise).
    The files of the meetings in `kept` (by key) are already there, from the last
    build; `written` gets the digest of each meeting file written (its path -> digest)."""
    links = Links.for_site(lang, site_url)
    _made.clear()  # MkDocs empties the site folder between builds under `mkdocs serve`
    with timing.timed("data_api"):
        _write_api(index, links, site_dir, minutes_root, kept, {} if written is None else written)
    with timing.timed("data_feeds"):
        _write_feeds(index, links, site_dir)
    with timing.timed("data_bulk"):
        downloads.write_bulk(site_dir, lang)
        downloads.fill_sizes(site_dir)


_made: set[str] = set()
"""Folders this process already created: thousands of files share a few folders."""


def _target(site_dir: Path, relative: str) -> str:
    path = f"{site_dir}/{relative}"
    folder = os.path.dirname(path)
    if folder not in _made:
        os.makedirs(folder, exist_ok=True)
        _made.add(folder)
    return path


def _write(site_dir: Path, relative: str, content: str | bytes) -> bytes:
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open(_target(site_dir, relative), "wb") as handle:
        handle.write(data)
    return data


def meeting_files(meeting: Meeting, lang: str) -> list[str]:
    """The files data out writes for one meeting in language `lang`, relative to its folder."""
    files = [paths.meeting_json(meeting.council, meeting.id), paths.meeting_akn(meeting.council, meeting.id)]
    if meeting.version(lang) is not None:
        files.append(paths.meeting_source(meeting.council, meeting.id, lang))
    return files


def _write_api(index: ArchiveIndex, links: Links, site_dir: Path, minutes_root: Path, kept: Container[str],
               written: MutableMapping[str, str]) -> None:
    lang = links.lang
    for kind in paths.SCHEMA_KINDS:
        schema = resources.files(__package__).joinpath("schemas", f"{kind}.schema.json").read_bytes()
        _write(site_dir, paths.schema_json(kind), schema)
    _write(site_dir, paths.index_json("meetings"), api.dump(api.meetings_document(index, links)))
    _write(site_dir, paths.index_json("people"), api.dump(api.people_document(index, links)))
    _write(site_dir, paths.index_json("topics"), api.dump(api.topics_document(index, links)))
    _write(site_dir, paths.index_json("councils"), api.dump(api.councils_document(index, links)))
    for meeting in index.archive.meetings:
        if meeting.key in kept:
            continue
        made: dict[str, str | bytes] = {paths.meeting_json(meeting.council, meeting.id): api.dump(api.meeting_document(index, meeting, links)),
                paths.meeting_akn(meeting.council, meeting.id): meeting_akn(index, meeting, links)}
        version = meeting.version(lang)
        if version is not None:
            made[paths.meeting_source(meeting.council, meeting.id, lang)] = _as_read(minutes_root, version)
        for relative, content in made.items():
            written[relative] = digest_of(_write(site_dir, relative, content))


def _as_read(minutes_root: Path, version: Version) -> bytes:
    """A version's file as the build read it: its bytes now, if they still have the
    digest they had then (`ChangedDuringBuild` if not)."""
    # Version.path is relative to the minutes folder's parent, as diagnostics print it.
    source = read_source(minutes_root.parent / version.path, Diagnostics())
    if source is None or source.digest != version.digest:
        raise ChangedDuringBuild([version.path])
    return source.data


def _write_feeds(index: ArchiveIndex, links: Links, site_dir: Path) -> None:
    ids = feeds.FeedIds.for_links(links)
    _write(site_dir, STYLESHEET, feed_stylesheet(links.lang))

    def write_feed(path: str, feed: bytes) -> None:
        _write(site_dir, path, with_stylesheet(feed, path))

    write_feed(paths.site_feed(), feeds.meetings_feed(index, links, ids))
    for council in index.archive.councils:
        write_feed(paths.council_feed(council), feeds.meetings_feed(index, links, ids, council))
    for person in index.archive.people:
        write_feed(paths.speaker_feed(person), feeds.remarks_feed(index, links, ids, person=person))
    for topic in index.archive.topics:
        write_feed(paths.topic_feed(topic), feeds.remarks_feed(index, links, ids, topic=topic))
