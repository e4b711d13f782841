"""`gijiroku import`: published minutes text in, a meeting file and a report out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT
from gijiroku import load_archive
from gijiroku.cli import main
from gijiroku.diagnostics import Diagnostics
from gijiroku.importer import NotMinutes, parse_minutes, write_meeting
from gijiroku.registry import load_people
from importcheck import check_errors

IMPORT = FIXTURES / "import"
CASES = sorted(p.stem for p in IMPORT.glob("*.txt") if (IMPORT / f"{p.stem}.expect.yml").is_file())
PEOPLE = load_people(IMPORT / "people.yml", Diagnostics())
SEED = ROOT.parent / "shared" / "seeds" / "000_d0d8d0c0f66b98ff.txt"


def test_corpus_is_varied_enough() -> None:
    assert len(list(IMPORT.glob("*.txt"))) >= 15


def _attendee_facts(draft) -> list[list]:
    facts = []
    for a in draft.attendees:
        if a.others:
            facts.append([a.group, "others"])
            continue
        row = [a.group, a.person, a.role, a.affiliation]
        if a.absent:
            row.append("absent")
        if a.proxy_printed:
            row.append("proxy")
        facts.append(row)
    return facts


@pytest.mark.parametrize("case", CASES)
def test_import_case(case: str) -> None:
    text = (IMPORT / f"{case}.txt").read_bytes().decode("utf-8-sig")
    expect = yaml.safe_load((IMPORT / f"{case}.expect.yml").read_text(encoding="utf-8"))
    draft = parse_minutes(text, PEOPLE)
    for field in ("title", "record", "number", "start", "end", "venue"):
        if field in expect:
            assert getattr(draft, field) == expect[field], field
    if "date" in expect:
        assert draft.date == expect["date"]
    if "attendees" in expect:
        assert _attendee_facts(draft) == expect["attendees"]
    if "agenda" in expect:
        assert [item.title for item in draft.agenda] == expect["agenda"]
    if "agenda_public" in expect:
        assert [item.public for item in draft.agenda] == expect["agenda_public"]
    if "materials" in expect:
        assert [[m.label, m.title, m.public] for m in draft.materials] == expect["materials"]
    if "remarks" in expect:
        assert [[r.kind, r.speaker, r.section, r.paragraphs] for r in draft.remarks] == expect["remarks"]
    for fragment in expect.get("notes", []):
        assert any(fragment in note.message for note in draft.notes), (fragment, [n.message for n in draft.notes])
    if "proposed" in expect:
        assert {pid: entry["ja"] for pid, entry in draft.proposed_people.items()} == expect["proposed"]


def test_not_minutes_is_refused(tmp_path: Path, capsys) -> None:
    with pytest.raises(NotMinutes):
        parse_minutes((IMPORT / "not-minutes.txt").read_text(encoding="utf-8"), PEOPLE)
    assert main(["import", str(IMPORT / "not-minutes.txt"), "--minutes", str(tmp_path)]) == 2
    assert "does not look like minutes" in capsys.readouterr().err


def test_crlf_bom_and_full_width_give_the_same_meeting() -> None:
    text = (IMPORT / "colon-speakers.txt").read_text(encoding="utf-8")
    variant = "\ufeff" + text.replace("\n", "\r\n").replace(" ", "\u3000")
    plain, wide = parse_minutes(text, PEOPLE), parse_minutes(variant, PEOPLE)
    assert _attendee_facts(plain) == _attendee_facts(wide)
    assert [(r.kind, r.speaker, r.paragraphs) for r in plain.remarks] == [(r.kind, r.speaker, r.paragraphs) for r in wide.remarks]
    assert (plain.date, plain.start, plain.end) == (wide.date, wide.start, wide.end)


@pytest.mark.parametrize("case", CASES)
def test_imported_file_passes_check_once_people_are_added(case: str, tmp_path: Path) -> None:
    """What the import writes is a valid meeting file, after the report's registry entries."""
    draft = parse_minutes((IMPORT / f"{case}.txt").read_bytes().decode("utf-8-sig"), PEOPLE)
    people = (IMPORT / "people.yml").read_text(encoding="utf-8")
    assert check_errors(write_meeting(draft, PEOPLE), draft.proposed_people, tmp_path, people=people) == []


@pytest.mark.skipif(not SEED.is_file(), reason="the seed text is not beside this checkout")
def test_importing_the_seed_gives_the_curated_meeting(tmp_path: Path, capsys) -> None:
    out = tmp_path / "minutes" / "ai-strategy-council" / "2023-08-04.ja.md"
    shutil.copytree(ROOT / "minutes", tmp_path / "minutes", ignore=shutil.ignore_patterns("2023-08-04.*", "ledger.yml"))
    assert main(["import", str(SEED), "-o", str(out), "--minutes", str(ROOT / "minutes")]) == 0
    report = capsys.readouterr().err
    assert "0 notes to review" in report
    archive, diags = load_archive(tmp_path / "minutes")
    assert diags.errors == []
    imported = archive.meeting("ai-strategy-council/2023-08-04")
    curated_archive, _ = load_archive(ROOT / "minutes")
    curated = curated_archive.meeting("ai-strategy-council/2023-08-04")
    for field in ("date", "start", "end", "number", "record"):
        assert getattr(imported, field) == getattr(curated, field)
    assert imported.original.title == curated.original.title
    assert imported.original.venue == curated.original.venue
    assert [(a.group, a.person, a.others) for a in imported.attendees] == [
        (a.group, a.person, a.others) for a in curated.attendees
    ]
    assert dict(imported.original.roles) == dict(curated.original.roles)
    assert [(imported.original.agenda[a.id], a.public) for a in imported.agenda] == [
        (curated.original.agenda[a.id], a.public) for a in curated.agenda
    ]
    assert [(m.id, m.public) for m in imported.materials] == [(m.id, m.public) for m in curated.materials]
    assert dict(imported.original.materials) == dict(curated.original.materials)
    item_title = lambda meeting, key: meeting.original.agenda.get(key, key)  # noqa: E731
    mine = [
        (
            r.kind,
            r.speaker,
            item_title(imported, r.section),
            imported.original.remarks[r.id].paragraphs,
            imported.original.remarks[r.id].label,
        )
        for r in imported.remarks
    ]
    theirs = [
        (
            r.kind,
            r.speaker,
            item_title(curated, r.section),
            curated.original.remarks[r.id].paragraphs,
            curated.original.remarks[r.id].label,
        )
        for r in curated.remarks
    ]
    assert mine == theirs
