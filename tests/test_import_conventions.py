"""Made-up records, one per layout convention the importer must read in any body's
minutes (not only the shared corpus): full-width text, assembly rolls, label/value
lines, flattened pages, (以上 理事) markers, label lines before names, one character
per line labels, legends, bare and Q/A speaker labels. Each `NAME.txt` has the facts it
must give in `NAME.facts.yml`."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES
from gijiroku.importer import parse_minutes, write_meeting
from gijiroku.importer.draft import Draft
from importcheck import check_errors

CONVENTIONS = FIXTURES / "import" / "conventions"
CASES = sorted(p.stem for p in CONVENTIONS.glob("*.txt"))


def facts(draft: Draft) -> dict[str, Any]:
    """What a convention case checks: header fields, attendees with their printed group,
    agenda titles, and each remark's kind, label and speaker's name."""
    names = {a.person: a.name for a in draft.attendees}
    speaker = lambda pid: names.get(pid) or draft.proposed_people.get(pid or "", {}).get("ja")  # noqa: E731
    return {
        "date": draft.date.isoformat() if draft.date else None,
        "start": draft.start,
        "end": draft.end,
        "venue": draft.venue or None,
        "attendees": [
            [a.name, a.label, a.absent] + ([f"proxy for {names.get(a.proxy_for, '?')}"] if a.proxy_for else [])
            for a in draft.attendees
            if not a.others
        ],
        "agenda": [item.title for item in draft.agenda],
        "remarks": [[r.kind, r.label or None, speaker(r.speaker) if r.speaker else None] for r in draft.remarks],
    }


def test_there_are_convention_cases() -> None:
    assert len(CASES) >= 7


@pytest.mark.parametrize("case", CASES)
def test_convention(case: str) -> None:
    draft = parse_minutes((CONVENTIONS / f"{case}.txt").read_text(encoding="utf-8"), {})
    expected = yaml.safe_load((CONVENTIONS / f"{case}.facts.yml").read_text(encoding="utf-8"))
    expected["start"] = str(expected["start"]) if expected["start"] is not None else None
    assert facts(draft) == expected


@pytest.mark.parametrize("case", CASES)
def test_full_width_and_half_width_read_alike(case: str) -> None:
    """Real pages print full-width digits, brackets and spaces; converted text often has
    half-width ones. Both must give the same people, groups and agenda."""
    text = (CONVENTIONS / f"{case}.txt").read_text(encoding="utf-8")
    wide, narrow = parse_minutes(text, {}), parse_minutes(unicodedata.normalize("NFKC", text), {})

    def flat(draft: Draft) -> tuple[object, ...]:
        fold = lambda s: unicodedata.normalize("NFKC", s or "").replace(" ", "")  # noqa: E731
        return (
            draft.date,
            draft.start,
            draft.end,
            fold(draft.venue),
            [(fold(a.name), fold(a.label), a.absent) for a in draft.attendees],
            [fold(i.title) for i in draft.agenda],
            [(r.kind, fold(r.label)) for r in draft.remarks],
        )

    assert flat(wide) == flat(narrow)


@pytest.mark.parametrize("case", CASES)
def test_convention_import_passes_check(case: str, tmp_path: Path) -> None:
    draft = parse_minutes((CONVENTIONS / f"{case}.txt").read_text(encoding="utf-8"), {})
    assert check_errors(write_meeting(draft, {}), draft.proposed_people, tmp_path, lang=draft.language) == []
