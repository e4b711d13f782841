"""The site's URL scheme, in one place: where each page's source lives and how pages link.

Within a language (`/ja/`, `/en/`) every page has the same path, so the language
selector only swaps the prefix and keeps the `#fragment`:

    meetings/                                   all meetings, by council and year
    meetings/COUNCIL/                           one council's meetings
    meetings/COUNCIL/MEETING/                   a meeting; #ID is an agenda item or a remark
    meetings/COUNCIL/MEETING/compare/           original and translation side by side
    speakers/  speakers/PERSON/                 speakers index, one speaker
    topics/    topics/TOPIC/                    topics index, one topic
    search/                                     remark search
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
MEETINGS = "meetings/index.md"
SPEAKERS = "speakers/index.md"
TOPICS = "topics/index.md"
SEARCH = "search.md"


def council_src(council: str) -> str:
    """Source path of a council's page."""
    return f"meetings/{council}/index.md"


def meeting_src(council: str, meeting: str) -> str:
    """Source path of a meeting's page."""
    return f"meetings/{council}/{meeting}.md"


def compare_src(council: str, meeting: str) -> str:
    """Source path of a meeting's side-by-side page."""
    return f"meetings/{council}/{meeting}/compare.md"


def speaker_src(person: str) -> str:
    """Source path of a speaker's page."""
    return f"speakers/{person}.md"


def topic_src(topic: str) -> str:
    """Source path of a topic's page."""
    return f"topics/{topic}.md"


def url_of(src: str) -> str:
    """The directory URL MkDocs gives a source path (`a/b.md` -> `a/b/`, `a/index.md` -> `a/`)."""
    stem = src[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def md_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative Markdown link target between sources, which MkDocs checks and rewrites."""
    target = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return target + (f"#{anchor}" if anchor else "")


def href(from_src: str, to_src: str, anchor: str = "") -> str:
    """A relative URL for raw HTML, from one page's directory URL to another's."""
    here = url_of(from_src) or "."
    there = url_of(to_src) or "."
    rel = posixpath.relpath(there, here)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def lang_href(src: str, lang: str) -> str:
    """A relative URL to the same page in another language (`/en/x/` -> `../../ja/x/`)."""
    url = url_of(src)
    return "../" * (url.count("/") + 1) + f"{lang}/{url}"
