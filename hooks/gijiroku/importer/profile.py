"""A body's import profile: what one council's records print that the general rules of the
format families do not know. All records of one body share a layout, so the profile is
written once, in `minutes/COUNCIL/import.yml`, and read by every import into that council.

A profile only adds to the general rules: speaker-label patterns, roll labels, header
labels and boilerplate lines to skip. It never changes how another body's records import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

GROUPS = ("chair", "vice-chair", "member", "government", "secretariat", "observer", "guest", "other")
"""The attendee groups a roll label can name (those of the minutes format)."""
FIELDS = ("title", "date", "time", "venue", "attendees", "agenda", "materials", "proceedings", "ignore")
"""The header fields a header label can introduce."""


@dataclass(frozen=True, slots=True)
class ImportProfile:
    """One body's additions to the importer's general rules."""

    speaker_labels: tuple[re.Pattern[str], ...] = ()
    """Patterns of a line that opens a speaker's turn: the named group `label` is the label
    as printed, the optional group `text` the start of the remark."""
    roll_labels: dict[str, str] = field(default_factory=dict)
    """Printed roll labels (出席説明員, Staff in attendance) and the group of the people under them."""
    header_labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Printed header labels by the field they introduce (venue: [開催地])."""
    skip: tuple[re.Pattern[str], ...] = ()
    """Patterns of lines that are page text around the record (site menus, print links)."""

    def skips(self, line: str) -> bool:
        """True for a line the profile names as page text."""
        return any(pattern.search(line) for pattern in self.skip)

    def speaker(self, line: str) -> tuple[str, str] | None:
        """(label, text) when the line opens a turn in one of the profile's label forms."""
        for pattern in self.speaker_labels:
            if match := pattern.match(line):
                label = match.group("label")
                text = match.groupdict().get("text") or line[match.end():]
                return label, text.strip()
        return None

    def header_kind(self, line: str) -> tuple[str, str] | None:
        """(field, value) when the line opens with one of the profile's header labels."""
        stripped = line.strip()
        for kind, words in self.header_labels.items():
            for word in sorted(words, key=len, reverse=True):
                if stripped.startswith(word):
                    rest = stripped[len(word):].lstrip(" \u3000:：")
                    return kind, rest
        return None

    def roll_group(self, label: str) -> str | None:
        """The group of the people under a printed roll label, when the profile names it."""
        return self.roll_labels.get(label.strip().strip(":：【】()（）[]"))


EMPTY = ImportProfile()
"""No additions: the general rules alone."""
