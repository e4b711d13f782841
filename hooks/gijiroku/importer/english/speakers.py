"""Who a label names: the roll's abbreviation column, a person's initials, full name,
surname, first name or handle; a label that names no one on the roll becomes a person of
its own, proposed for the registry and reported."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..draft import Draft
from ..people import NameIndex
from .names import strip_name
from .turns import Label


def _initials(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s\-]+", name) if part and part[0].isalpha()).upper()


class Speakers:
    """Finds the attendee a speaker label names."""

    def __init__(self, draft: Draft, names: NameIndex) -> None:
        self.draft = draft
        self.names = names
        self.abbreviations: dict[str, str] = {}
        self.unknown: dict[str, str] = {}

    def add_abbreviation(self, abbreviation: str, person: str) -> None:
        """The roll gives a person's initials (the Abbreviation column, `Adrian Harvey (AH)`)."""
        self.abbreviations[abbreviation.upper()] = person

    def candidates(self, key: str) -> set[str]:
        """The attendees `key` can name."""
        key = strip_name(key).strip("[]").strip()
        low = key.lower()
        if not low:
            return set()
        if key.upper() in self.abbreviations and (key.isupper() or len(key) <= 4):
            return {self.abbreviations[key.upper()]}
        people = [(a.person, a.name) for a in self.draft.attendees if a.person and a.name]
        tests: tuple[Callable[[str], bool], ...] = (
            lambda n: n.lower() == low,
            lambda n: n.split()[-1].lower() == low and len(low) > 1,
            lambda n: n.split()[0].lower() == low and len(low) > 1,
            lambda n: key.isupper() and 2 <= len(key) <= 4 and _initials(n) == key,
            lambda n: " " in low and n.lower().endswith(low.split()[-1]) and n.lower().startswith(low.split()[0]),
        )
        for test in tests:
            found = {pid for pid, name in people if pid and test(name)}
            if found:
                return found
        return set()

    def known(self, key: str) -> bool:
        """True when the label names exactly one person on the roll."""
        return len(self.candidates(key)) == 1

    def person(self, label: Label, line: int) -> str:
        """The person id a label names: an attendee's, or a proposed new person's."""
        found = self.candidates(label.key)
        if len(found) == 1:
            return found.pop()
        key = strip_name(label.key).strip("[]")
        if key.lower() in self.unknown:
            return self.unknown[key.lower()]
        shown = key if key.isupper() and len(key) <= 4 else key.title() if key.isupper() else key
        person = self.names.find(shown) or self.names.propose(shown, self.draft, line, key=f"speaker:{key.lower()}")
        self.unknown[key.lower()] = person
        if found:
            self.draft.note(
                line, f"speaker label {label.printed!r} fits several attendees: written as '{person}'", "set speaker= by hand"
            )
        else:
            self.draft.note(
                line,
                f"speaker {label.printed!r} is not in the attendance list: written as '{person}'",
                "add them to the attendees if they attended, or set speaker= to the person meant",
            )
        return person
