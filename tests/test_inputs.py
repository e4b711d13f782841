"""The keys a rebuild decides by (gijiroku/build/inputs.py): a page or data file is made
again when, and only when, something it is made from changed."""

from __future__ import annotations

import re
from pathlib import Path

from devtools.synth import generate_archive
from gijiroku import load_archive
from gijiroku.build.inputs import InputKeys
from gijiroku.index import index_archive


def _keys(minutes: Path) -> tuple[InputKeys, dict[str, str]]:
    archive, diags = load_archive(minutes)
    assert not diags.errors, [d.format() for d in diags.errors]
    keys = InputKeys(index_archive(archive))
    every = {f"meeting {m.key}": keys.of("meeting", m.key) for m in archive.meetings}
    every |= {f"speaker {p}": keys.of("speaker", p) for p in archive.people}
    every |= {f"topic {t}": keys.of("topic", t) for t in archive.topics}
    every |= {f"council {c}": keys.of("council", c) for c in archive.councils}
    return keys, every


def _changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def test_keys_change_with_what_a_page_is_made_from_and_nothing_else(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes"
    generate_archive(minutes, 12, seed=5)
    keys, before = _keys(minutes)
    assert _keys(minutes)[1] == before  # the same in every run

    # Edit one remark's text in one meeting's original.
    meeting = keys.archive.meetings[3]
    original = minutes.parent / meeting.original.path
    text = original.read_text(encoding="utf-8")
    speaker = next(r.speaker for r in meeting.remarks if r.speaker)
    original.write_text(text.replace("。\n", "。追記。\n", 1), encoding="utf-8")
    _, after = _keys(minutes)
    changed = _changed(before, after)
    assert f"meeting {meeting.key}" in changed
    assert f"council {meeting.council}" in changed and f"speaker {speaker}" in changed
    elsewhere = [m for m in keys.archive.meetings if m.council != meeting.council]
    assert elsewhere and not any(f"meeting {m.key}" in changed for m in elsewhere)
    strangers = {p for p in keys.archive.people if meeting.attendee(p) is None and all(r.speaker != p for r in meeting.remarks)}
    assert strangers and not any(f"speaker {p}" in changed for p in strangers)

    # A person's English name changes: what names them, and nothing else.
    people = minutes / "people.yml"
    registry = people.read_text(encoding="utf-8")
    person = next(p for p in keys.archive.people if keys.index.people[p].roles)
    people.write_text(re.sub(rf"(?m)^({person}:\n  name: \{{ja: [^,]+, en: [^}}]+)\}}", r"\1 Jr.}", registry), encoding="utf-8")
    _, renamed = _keys(minutes)
    changed = _changed(after, renamed)
    attended = {held.meeting.key for held in keys.index.people[person].roles}
    assert changed >= {f"speaker {person}"} | {f"meeting {m}" for m in attended}
    assert not any(name.startswith("meeting ") and name[8:] not in attended for name in changed)


def test_a_year_page_changes_with_its_own_year_only(tmp_path: Path) -> None:
    """A long speaker's or topic's page per year is keyed by that year's meetings: editing
    a remark remakes the edited year's page, not the other years'."""
    minutes = tmp_path / "minutes"
    generate_archive(minutes, 24, seed=6)
    keys, _ = _keys(minutes)
    meeting = keys.archive.meetings[5]
    speaker = next(r.speaker for r in meeting.remarks if r.speaker)
    topic = next(t for r in meeting.remarks for t in r.topics)
    years = {m.date.year for m in keys.archive.meetings}
    assert len(years) > 1

    def year_keys(k: InputKeys) -> dict[str, str]:
        out = {f"speaker-year {speaker}/{y}": k.of("speaker-year", f"{speaker}/{y}") for y in years}
        return out | {f"topic-year {topic}/{y}": k.of("topic-year", f"{topic}/{y}") for y in years}

    before = year_keys(keys)
    original = minutes.parent / meeting.original.path
    original.write_text(original.read_text(encoding="utf-8").replace("。\n", "。追記。\n", 1), encoding="utf-8")
    after_keys, _ = _keys(minutes)
    changed = _changed(before, year_keys(after_keys))
    year = meeting.date.year
    assert f"speaker-year {speaker}/{year}" in changed
    assert all(name.endswith(f"/{year}") for name in changed), changed
