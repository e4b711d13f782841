"""Finding the registry's people by the forms their names are printed in, and proposing
registry entries (with a dictionary reading) for people it does not know."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from ..model import Person
from ..textrules import KANA_READING
from .draft import Draft
from .textutil import squash, tidy


@functools.lru_cache(maxsize=1)
def _kakasi() -> object:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


def propose_reading(name: str) -> tuple[str, str]:
    """A proposed hiragana reading and romanisation of a Japanese name (family name first),
    from pykakasi's dictionary: a proposal for a person to confirm, never a fact."""
    kakasi = _kakasi()
    reading, roman = [], []
    for part in tidy(re.sub(r"[(（][^)）]*[)）]", "", name)).split(" "):
        converted = kakasi.convert(part)  # type: ignore[attr-defined]
        reading.append("".join(str(c["hira"]) for c in converted))
        roman.append("".join(str(c["hepburn"]) for c in converted).capitalize())
    hira = " ".join(r for r in reading if r)
    if not KANA_READING.match(hira):
        hira = ""
    return hira, " ".join(r for r in roman if r)


class NameIndex:
    """Finds people of the registry by the forms their names are printed in."""

    def __init__(self, people: Mapping[str, Person]) -> None:
        self.people = people
        self.by_name: dict[str, str] = {}
        for pid, person in people.items():
            for form in (person.name.ja, person.name.en, *person.aliases):
                if form:
                    self.by_name[squash(form)] = pid
        self.proposed: dict[str, str] = {}

    def find(self, name: str) -> str | None:
        """The id of a registry person printed as `name` (spaces ignored)."""
        return self.by_name.get(squash(name))

    def propose(self, name: str, draft: Draft, line: int, key: str | None = None) -> str:
        """A provisional id for someone the registry lacks, reported with an entry to add.

        `key` tells people with the same printed name apart (two 吉田 with different
        posts); by default the printed name is the key."""
        key = key or squash(name)
        if key in self.proposed:
            return self.proposed[key]
        pid = f"person-{len(self.proposed) + 1}"
        self.proposed[key] = pid
        shown = tidy(name)
        parts = shown.split(" ")
        reading, roman = propose_reading(shown) if re.search(r"[\u3040-\u9fff]", shown) else ("", shown)
        entry = {"ja": shown, "family": parts[0]}
        if reading:
            entry["reading"] = reading
        if roman:
            entry["romanized"] = roman
        draft.proposed_people[pid] = entry
        draft.note(
            line,
            f"unknown person {shown!r}: written as '{pid}'",
            "add to minutes/people.yml (and rename the id in the meeting file if you like);"
            " reading and romanized are proposed by a dictionary: check them:\n"
            f"    {pid}:\n      name: {{ja: {shown}, en: {roman or 'TODO'}}}\n"
            f"      reading: {reading or 'TODO'}\n      romanized: {roman or 'TODO'}",
        )
        return pid
