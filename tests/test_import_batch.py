"""Importing a back catalogue (issue 21, item 5): "`gijiroku import DIR_OR_FILES… -o
minutes/COUNCIL/` imports a back catalogue: a progress line on stderr (throttled …), a
closing table (file, date, attendees, agenda items, turns, notes, status), output file
names from the meeting date (`YYYY-MM-DD.LANG.md`, a second meeting on the same date gets
`-2` …, and a meeting with no date a name from the input file, reported), never
overwrites an existing meeting file unless `--force` (the file is reported as skipped),
and exits non-zero if any file failed, after doing all the others. `--review DIR` with
many files writes one review page per input."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from gijiroku.cli import main
from gijiroku.importer.batch import Progress

RECORD = """第{n}回 緑化推進審議会 議事録

日時：{date}（木曜日）午後2時～午後3時30分
場所：架空市役所 第2会議室
出席委員：山川会長、森田委員、林委員

議題
1. 街路樹の更新計画について

議事録
○山川会長　ただいまから第{n}回緑化推進審議会を開会します。
○森田委員　街路樹の更新は計画的に進めるべきです。
"""

ENGLISH = """Riverside Parks Committee
Date: June 24, 2003
Location: City Hall, Room 204
Present: Chair Anna Lee, John Smith

CHAIRMAN LEE. The meeting will come to order.
Mr. Smith: I move that the minutes be approved.
"""

UNDATED = """緑化推進審議会 議事録

議事録
○山川会長　ただいまから開会します。
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> Path:
    """A back catalogue as saved from a council's site: two meetings on one day, one on
    another, an English one, one without a date, one that is not a record, and files
    that are not records by their names."""
    folder = tmp_path / "saved"
    (folder / "2023").mkdir(parents=True)
    (folder / "2023" / "a-morning.txt").write_text(RECORD.format(n=3, date="令和5年10月12日"), encoding="utf-8")
    (folder / "2023" / "b-evening.txt").write_text(RECORD.format(n=4, date="令和5年10月12日"), encoding="utf-8")
    (folder / "2023" / "c-november.txt").write_text(RECORD.format(n=5, date="令和5年11月9日"), encoding="utf-8")
    (folder / "d-parks.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "e 第6回 Extra Meeting.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "f-broken.pdf").write_bytes(b"%PDF-1.4\n%broken")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    (folder / ".hidden.txt").write_text(RECORD.format(n=9, date="令和5年12月1日"), encoding="utf-8")
    return folder


def _run(tmp_path: Path, *args: str) -> tuple[int, str]:
    capture = io.StringIO()
    import sys

    saved, sys.stderr = sys.stderr, capture
    try:
        code = main(["import", *args, "--minutes", str(tmp_path / "no-archive")])
    finally:
        sys.stderr = saved
    return code, capture.getvalue()


def test_a_folder_imports_into_files_named_by_date(catalogue: Path, tmp_path: Path) -> None:
    council = tmp_path / "minutes" / "parks"
    code, err = _run(tmp_path, str(catalogue), "-o", str(council))
    assert code == 1, "one input failed: the status says so, after all the others were done"
    written = sorted(p.name for p in council.iterdir())
    assert written == [
        "2003-06-24.en.md",
        "2023-10-12-2.ja.md",
        "2023-10-12.ja.md",
        "2023-11-09.ja.md",
        "e-6-extra-meeting.ja.md",
    ]
    assert "第3回" in (council / "2023-10-12.ja.md").read_text(encoding="utf-8")
    assert "第4回" in (council / "2023-10-12-2.ja.md").read_text(encoding="utf-8")
    assert (council / "2003-06-24.en.md").read_text(encoding="utf-8").startswith("---\nlanguage: en\n")
    assert "\r" not in err and "\x1b" not in err, "no progress line when standard error is not a terminal"
    table = err[err.index("\nfile  ") + 1 :]
    lines = table.strip().split("\n")
    assert re.split(r"\s{2,}", lines[0]) == ["file", "date", "attendees", "agenda items", "turns", "notes", "status"]
    row = next(line for line in lines if "a-morning.txt" in line)
    assert re.split(r"\s{2,}", row.strip())[1:6] == ["2023-10-12", "3", "1", "2", re.split(r"\s{2,}", row.strip())[5]]
    assert row.rstrip().endswith("written 2023-10-12.ja.md")
    assert next(line for line in lines if "b-evening.txt" in line).rstrip().endswith("written 2023-10-12-2.ja.md")
    undated = next(line for line in lines if "Extra Meeting" in line)
    assert (
        "no date" in undated
        and "written e-6-extra-meeting.ja.md (no date: named e-6-extra-meeting after the input file)" in undated
    )
    broken = next(line for line in lines if "f-broken.pdf" in line)
    assert "failed (cannot read the PDF" in broken
    assert f"gijiroku import: {catalogue / 'f-broken.pdf'}: cannot read the PDF" in err
    assert "left out 1 file(s) not named as records" in err and "notes.docx" in err
    assert ".hidden" not in err
    assert lines[-1] == "6 inputs: 5 written, 1 failed"
    assert f"{catalogue / '2023' / 'a-morning.txt'}:5: unknown person" in err, "each input's notes, with its name"


def test_existing_meeting_files_are_skipped_unless_forced(catalogue: Path, tmp_path: Path) -> None:
    council = tmp_path / "minutes" / "parks"
    _run(tmp_path, str(catalogue), "-o", str(council))
    (council / "2023-10-12.ja.md").write_text("edited by hand\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in council.iterdir()}
    code, err = _run(tmp_path, str(catalogue), "-o", str(council))
    assert code == 1
    assert {p.name: p.read_bytes() for p in council.iterdir()} == before, "nothing overwritten"
    assert "skipped 2023-10-12.ja.md (2023-10-12.ja.md exists (--force overwrites it))" in err
    assert err.strip().split("\n")[-1] == "6 inputs: 5 skipped, 1 failed"
    code, err = _run(tmp_path, str(catalogue), "-o", str(council), "--force")
    assert (council / "2023-10-12.ja.md").read_text(encoding="utf-8").startswith("---")
    assert err.strip().split("\n")[-1] == "6 inputs: 5 overwritten, 1 failed"


def test_all_good_inputs_exit_0_and_files_can_be_named_one_by_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(RECORD.format(n=1, date="令和5年4月6日"), encoding="utf-8")
    two.write_text(RECORD.format(n=2, date="令和5年5月11日"), encoding="utf-8")
    council = tmp_path / "council"
    code, err = _run(tmp_path, str(one), str(two), "-o", str(council))
    assert code == 0 and err.strip().split("\n")[-1] == "2 inputs: 2 written"
    assert sorted(p.name for p in council.iterdir()) == ["2023-04-06.ja.md", "2023-05-11.ja.md"]


def test_one_input_into_an_existing_folder_is_named_by_its_date(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text(RECORD.format(n=1, date="令和5年4月6日"), encoding="utf-8")
    council = tmp_path / "council"
    council.mkdir()
    code, err = _run(tmp_path, str(one), "-o", str(council))
    assert code == 0 and [p.name for p in council.iterdir()] == ["2023-04-06.ja.md"]
    assert err.strip().split("\n")[-1] == "1 input: 1 written"


def test_review_pages_one_per_input(catalogue: Path, tmp_path: Path) -> None:
    council, reviews = tmp_path / "minutes" / "parks", tmp_path / "reviews"
    _run(tmp_path, str(catalogue), "-o", str(council), "--review", str(reviews))
    pages = sorted(p.name for p in reviews.iterdir())
    assert pages == [
        "2003-06-24.en.html",
        "2023-10-12-2.ja.html",
        "2023-10-12.ja.html",
        "2023-11-09.ja.html",
        "e-6-extra-meeting.ja.html",
    ]
    assert '<html lang="en">' in (reviews / "2003-06-24.en.html").read_text(encoding="utf-8")
    assert "b-evening.txt" in (reviews / "2023-10-12-2.ja.html").read_text(encoding="utf-8")


def test_json_report_lists_every_input(catalogue: Path, tmp_path: Path) -> None:
    code, err = _run(tmp_path, str(catalogue), "-o", str(tmp_path / "council"), "--report", "json")
    data = json.loads(err)
    assert code == 1 and len(data) == 6
    assert [d["status"] for d in data].count("written") == 5
    failed = next(d for d in data if d["status"] == "failed")
    assert failed["input"].endswith("f-broken.pdf") and "cannot read the PDF" in failed["detail"]
    written = next(d for d in data if d["input"].endswith("a-morning.txt"))
    assert written["output"].endswith("2023-10-12.ja.md") and written["report"]["date"] == "2023-10-12"


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "give -o minutes/COUNCIL/"),
        (["-o", "out.md"], "give -o minutes/COUNCIL/"),
        (["-o", "council", "--review", "r.html"], "--review names a folder"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(catalogue: Path, tmp_path: Path, args: list[str], message: str) -> None:
    code, err = _run(
        tmp_path, str(catalogue), *[str(tmp_path / a) if a.endswith((".md", ".html")) or a == "council" else a for a in args]
    )
    assert code == 2 and message in err and err.count("\n") == 1


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, err = _run(tmp_path, str(tmp_path / "empty"), "-o", str(tmp_path / "council"))
    assert code == 2 and "no records to import" in err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_line_is_throttled_on_a_terminal() -> None:
    stream = _Terminal()
    progress = Progress(500, stream)
    for done in range(500):
        progress.show(done, f"record-{done}.pdf")
    progress.clear()
    shown = stream.getvalue()
    assert shown.startswith("\r\x1b[K[1/500] importing record-0.pdf")
    assert 1 <= shown.count("importing") <= 3, "at most five a second"
    assert shown.endswith("\r\x1b[K")
