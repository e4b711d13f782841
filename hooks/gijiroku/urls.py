"""The site's URL scheme, in one place: where each page's source lives and how pages link.

Within a language (`/ja/`, `/en/`) every page has the same path, so the language
selector only swaps the prefix and keeps the `#fragment`:

    meetings/                                   all meetings, by council and year
    meetings/COUNCIL/                           one council's meetings
    meetings/COUNCIL/MEETING/                   a meeting; #ID is an agenda item or a remark
    compare/?meeting=COUNCIL/MEETING            a meeting's original and translation side by side,
                                                assembled in the browser from the meeting's data
    speakers/  speakers/PERSON/                 speakers index, one speaker
    topics/    topics/TOPIC/                    topics index, one topic
    topics/TOPIC/YEAR/                          one year of a topic with many remarks
    search/                                     remark search
    translations/                               what is left to translate
"""

from __future__ import annotations

import functools
import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

if TYPE_CHECKING:  # the model does not need the URL scheme
    from .model import Archive

HOME = "index.md"
MEETINGS = "meetings/index.md"
SPEAKERS = "speakers/index.md"
TOPICS = "topics/index.md"
SEARCH = "search.md"
TRANSLATIONS = "translations.md"
COMPARE = "compare.md"
INDEX_PAGES = (HOME, MEETINGS, SPEAKERS, TOPICS, SEARCH, TRANSLATIONS, COMPARE)
"""The pages every language's site has, whatever the minutes hold."""

FILE_FOLDERS = frozenset({"api", "feeds", "search-index", "assets"})
"""Folders of a language's site that hold files the build writes, never pages: the data
(`datafiles.py`), the remark-search index and the theme's assets."""


def council_src(council: str) -> str:
    """Source path of a council's page."""
    return f"meetings/{council}/index.md"


def meeting_src(council: str, meeting: str) -> str:
    """Source path of a meeting's page."""
    return f"meetings/{council}/{meeting}.md"


def compare_src(council: str, meeting: str) -> str:
    """Source path of a meeting's own side-by-side page, as sites published them before
    the view was assembled in the browser (the ledger moves such addresses)."""
    return f"meetings/{council}/{meeting}/compare.md"


def compare_query(meeting_key: str) -> str:
    """The query of the side-by-side page (`COMPARE`) that shows one meeting."""
    return f"?meeting={meeting_key}"


def compare_href(from_src: str, meeting_key: str, anchor: str = "") -> str:
    """A relative URL to the side-by-side view of a meeting (on a remark)."""
    return href(from_src, COMPARE) + compare_query(meeting_key) + (f"#{anchor}" if anchor else "")


def speaker_src(person: str) -> str:
    """Source path of a speaker's page."""
    return f"speakers/{person}.md"


def speaker_year_src(person: str, year: int) -> str:
    """Source path of one year of the remarks of a speaker who has many."""
    return f"speakers/{person}/{year}.md"


def topic_src(topic: str) -> str:
    """Source path of a topic's page."""
    return f"topics/{topic}.md"


def topic_year_src(topic: str, year: int) -> str:
    """Source path of one year of a large topic."""
    return f"topics/{topic}/{year}.md"


def page_address_problem(page: str) -> str:
    """Why the page address `page` (`a/b/`) cannot be a page of a language's site, or
    "": a folder of files the build writes (`FILE_FOLDERS`), or a segment with a dot,
    which names a file (`index.html`, `sitemap.xml`): a page there, or a redirect or
    tombstone at it, would take the place of what the build writes."""
    segments = page.rstrip("/").split("/")
    if segments[0] in FILE_FOLDERS:
        return f"'{segments[0]}/' holds files the site writes itself, not pages"
    dotted = next((segment for segment in segments if "." in segment), None)
    if dotted is not None:
        return f"'{dotted}' names a file the site may write itself (page addresses have no dots)"
    return ""


def url_of(src: str) -> str:
    """The directory URL MkDocs gives a source path (`a/b.md` -> `a/b/`, `a/index.md` -> `a/`)."""
    stem = src[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


@functools.lru_cache(maxsize=65536)
def _relative(here_dir: str, target: str) -> str:
    """`target` relative to the folder `here_dir` (both relative to the same root).

    posixpath.relpath would do, but it asks the OS for the working directory on every
    call, and pages are full of links."""
    here = [part for part in here_dir.split("/") if part]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def md_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative Markdown link target between sources, which MkDocs checks and rewrites."""
    target = _relative(posixpath.dirname(from_src), to_src)
    return target + (f"#{anchor}" if anchor else "")


def href(from_src: str, to_src: str, anchor: str = "", lang: str | None = None) -> str:
    """A relative URL for raw HTML, from one page's directory URL to another's (in
    language `lang`'s site, where given)."""
    if lang is not None:
        rel = "../" * (url_of(from_src).count("/") + 1) + f"{lang}/{url_of(to_src)}"
    else:
        rel = _relative(url_of(from_src), url_of(to_src)) or "./"
    return rel + (f"#{anchor}" if anchor else "")


def lang_href(src: str, lang: str) -> str:
    """A relative URL to the same page in another language (`/en/x/` -> `../../ja/x/`)."""
    url = url_of(src)
    return "../" * (url.count("/") + 1) + f"{lang}/{url}"


def repository_base(repo_url: str | None, edit_uri: str | None) -> str:
    """The address of the docs folder in the project's repository (MkDocs' `repo_url`
    and `edit_uri`, as its edit links are made), or "" where they are not set."""
    if not repo_url or not edit_uri:
        return ""
    return urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/")


def in_repository(base: str, docs_root: Path, path: Path) -> str:
    """The address in the repository (`repository_base`) of the project's file `path`,
    given the docs folder `docs_root` that the base stands for; "" without a base."""
    return urljoin(base, Path(os.path.relpath(path, docs_root)).as_posix()) if base else ""


def meeting_sources(archive: Archive, lang: str) -> dict[str, str]:
    """Each meeting page of `lang` (its source path) -> the path of the minutes file it
    shows (the version in `lang`, or the original), relative to the minutes folder's parent."""
    return {meeting_src(m.council, m.id): (m.version(lang) or m.original).path for m in archive.meetings}
