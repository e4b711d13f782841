"""What a meeting may refer to: the people and topics registries."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Person, Topic


@dataclass(frozen=True, slots=True)
class Registries:
    """The ids a meeting may refer to."""

    people: Mapping[str, Person]
    topics: Mapping[str, Topic]
    flawed: frozenset[str] = frozenset()
    """Registry ids whose entries have errors (reported there): references to them are
    not reported again as unknown."""


def unknown_hint(value: str, known: Mapping[str, object], registry: str) -> str:
    """How to fix a reference to an id the registry lacks: the nearest id, or adding it."""
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f"add '{value}' to minutes/{registry}"
    return f"did you mean '{close[0]}'? Otherwise {hint}" if close else hint
