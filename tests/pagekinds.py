"""Every kind of page an archive's site may publish, and how to tell it from its address.

The published site is the minutes: a page that is none of these (gijiroku's own
documentation, a stray hand-written page) fails `test_site_build.py`. A new kind of
page is one line here.
"""

from __future__ import annotations

import re

PAGE_KINDS: dict[str, str] = {
    "language chooser": r"index\.html",
    "not found": r"(LANG/)?404\.html",
    "home": r"LANG/index\.html",
    "about": r"LANG/about/index\.html",
    "data": r"LANG/data/index\.html",
    "search": r"LANG/search/index\.html",
    "meetings": r"LANG/meetings/index\.html",
    "council": r"LANG/meetings/ID/index\.html",
    "meeting": r"LANG/meetings/ID/ID/index\.html",
    "side by side": r"LANG/compare/index\.html",
    "moved side by side": r"LANG/meetings/ID/ID/compare/index\.html",
    "speakers": r"LANG/speakers/index\.html",
    "speaker": r"LANG/speakers/ID/index\.html",
    "speaker's year": r"LANG/speakers/ID/YEAR/index\.html",
    "topics": r"LANG/topics/index\.html",
    "topic": r"LANG/topics/ID/index\.html",
    "topic's year": r"LANG/topics/ID/YEAR/index\.html",
    "translation status": r"LANG/translations/index\.html",
}
"""Kind -> its addresses (relative to the site's root): LANG a language, ID an id, YEAR a year."""

ALWAYS = (
    "language chooser",
    "not found",
    "home",
    "about",
    "data",
    "search",
    "meetings",
    "council",
    "meeting",
    "side by side",
    "speakers",
    "speaker",
    "topics",
    "topic",
)
"""The kinds every archive's site has, in every language (the root's kinds once)."""

REDIRECTS = ("moved side by side",)
"""Kinds that are only the ledger's redirects: a meeting's own side-by-side page, as sites
published it before the view was one page per language (`gijiroku.ledger.layout_moves`)."""

_PATTERNS = [
    (kind, re.compile(pattern.replace("LANG", "(?:ja|en)").replace("ID", "[a-z0-9][a-z0-9._-]*").replace("YEAR", r"\d{4}")))
    for kind, pattern in PAGE_KINDS.items()
]


def kind_of(path: str) -> str | None:
    """The kind of the page at `path` (a POSIX path relative to the site's root), or None."""
    for kind, pattern in _PATTERNS:
        if pattern.fullmatch(path):
            return kind
    return None
