"""The build's last guard against loss: every meeting page, with every anchor, in the HTML.

The checker makes sure the minutes are complete; this makes sure the site is. A build
that would publish fewer meetings, agenda items, materials or remarks than the
minutes hold (a template that skips a section, an escaping slip that swallows a
heading's id) fails and names what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .. import urls
from ..model import Archive

# `id="…"` found by its literal start, then kept only where whitespace comes before it
# (an attribute, not `data-id="…"`): a pattern that begins with a class of characters
# is searched for at every position, twenty times slower on a 100 KB page.
_ID = re.compile(r'id="([^"]+)"')
_ID_BYTES = re.compile(rb'id="([^"]+)"')
_SPACE = " \t\n\r\f"
"""What separates attributes in HTML."""
_SPACE_BYTES = frozenset(_SPACE.encode())


def expected_anchors(archive: Archive) -> dict[str, frozenset[str]]:
    """Each meeting page's source path -> the ids its HTML must carry."""
    return {
        urls.meeting_src(m.council, m.id): frozenset(
            [item.id for item in m.agenda] + [mat.id for mat in m.materials] + [r.id for r in m.remarks]
        )
        for m in archive.meetings
    }


def anchors_missing(html: str | bytes, expected: frozenset[str]) -> list[str]:
    """The expected ids that no element of `html` (text, or a page file's UTF-8 bytes)
    carries, sorted."""
    if isinstance(html, bytes):
        found = {
            m.group(1).decode("utf-8", "replace")
            for m in _ID_BYTES.finditer(html)
            if m.start() and html[m.start() - 1] in _SPACE_BYTES
        }
    else:
        found = {m.group(1) for m in _ID.finditer(html) if m.start() and html[m.start() - 1] in _SPACE}
    return sorted(expected - found)


def lost_in_build(expected: Mapping[str, frozenset[str]], published: Mapping[str, list[str]]) -> list[str]:
    """One line per meeting page that was not built, or lacks anchors."""
    lost = []
    for src in expected:
        if src not in published:
            lost.append(f"{src}: the page was not built")
        elif published[src]:
            lost.append(f"{src}: no element with id " + ", ".join(published[src]))
    return lost
