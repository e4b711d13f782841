"""Writing one language's data out into its folder of the built site: the archive
indexes, their schemas and the feeds (what every language shares is in `shared.py`)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .. import datafiles, timing
from ..datafiles import Links
from ..diagnostics import Diagnostics
from ..gccontrol import gc_paused
from ..index import ArchiveIndex
from ..model import Version
from ..sources import ChangedDuringBuild, read_source
from . import api, downloads, feeds
from .feedstyle import STYLESHEET, feed_stylesheet, with_stylesheet


@gc_paused()
def write_data_out(index: ArchiveIndex, lang: str, site_dir: Path, site_url: str, shared_dir: Path | None = None) -> None:
    """Write the API's indexes, the schemas and the feeds of language `lang` into
    `site_dir` (that language's folder), from the cross-index alone, and the sizes of
    the downloads into the data page (those shared by the languages are in `shared_dir`,
    where `shared.write_shared` wrote them). `site_url` is the language build's own URL
    ('' for relative links)."""
    links = Links.for_site(lang, site_url)
    _made.clear()  # MkDocs empties the site folder between builds under `mkdocs serve`
    with timing.timed("data_api"):
        _write_api(index, links, site_dir)
    with timing.timed("data_feeds"):
        _write_feeds(index, links, site_dir)
    downloads.fill_sizes(site_dir, shared_dir)


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


def _write_api(index: ArchiveIndex, links: Links, site_dir: Path) -> None:
    for kind in datafiles.SCHEMA_KINDS:
        schema = resources.files(__package__).joinpath("schemas", f"{kind}.schema.json").read_bytes()
        _write(site_dir, datafiles.schema_json(kind), schema)
    _write(site_dir, datafiles.index_json("meetings"), api.dump(api.meetings_document(index, links)))
    _write(site_dir, datafiles.index_json("people"), api.dump(api.people_document(index, links)))
    _write(site_dir, datafiles.index_json("topics"), api.dump(api.topics_document(index, links)))
    _write(site_dir, datafiles.index_json("councils"), api.dump(api.councils_document(index, links)))


def as_read(minutes_root: Path, version: Version) -> bytes:
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

    write_feed(datafiles.site_feed(), feeds.meetings_feed(index, links, ids))
    for council in index.archive.councils:
        write_feed(datafiles.council_feed(council), feeds.meetings_feed(index, links, ids, council))
    for person in index.archive.people:
        write_feed(datafiles.speaker_feed(person), feeds.remarks_feed(index, links, ids, person=person))
    for topic in index.archive.topics:
        write_feed(datafiles.topic_feed(topic), feeds.remarks_feed(index, links, ids, topic=topic))
