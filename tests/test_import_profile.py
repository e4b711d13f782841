"""A body's import profile (issue 21, item 6): "`minutes/COUNCIL/import.yml` … is read by
every import whose `-o` is inside `minutes/COUNCIL/` (or `--profile FILE`). Load it with
line numbers and give diagnostics in the project's form … for every problem in one run:
bad regex (with the regex error), missing `label` group, unknown group or field, wrong
types, unknown keys; refuse to import with such a profile (exit 2, all problems listed).
Regexes must not be able to hang the importer … `gijiroku import FILE --propose-profile
[OUT]` writes a proposed profile from a record … never a pattern that matches every line.
`gijiroku check` should also validate any `import.yml` it finds."""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from gijiroku.cli import main
from gijiroku.diagnostics import Diagnostics
from gijiroku.importer.patterns import BadPattern, compile_bounded
from gijiroku.importer.profile import EMPTY, load_profile
from gijiroku.importer.propose import label_form
from gijiroku.importer.report import import_file

CORPUS = ROOT.parent / "shared" / "corpus" / "raw"

RECORD = """第1回 架空町まちづくり会議 議事録
日時：令和5年10月12日
出席者：山川会長、森田委員
出席説明員：佐藤課長
開催地点：架空町公民館

議事録
[[山川会長]] ただいまから開会します。
[[森田委員]] 賛成です。
印刷用ページ
"""

PROFILE = r"""# the council's own layout
speaker_labels:
  - '^\[\[(?P<label>[^\]]+)\]\]\s*(?P<text>.*)'
roll_labels:
  出席説明員: guest
header_labels:
  venue: [開催地点]
skip:
  - '^印刷用ページ$'
"""

BROKEN = r"""speaker_labels:
  - '^(?P<label>○\S+'
  - '^(?P<name>○\S+)\s'
  - '^(?=○)(?P<label>\S+)'
  - 42
  - '.*'
roll_labels:
  出席説明員: goverment
  理事者: [government]
header_labels:
  place: [開催地点]
  venue: 開催地点
skip: '^印刷用ページ$'
speakers: []
roll_labels: {}
"""


def _run(*args: str) -> tuple[int, str]:
    capture = io.StringIO()
    saved, sys.stderr = sys.stderr, capture
    try:
        code = main(["import", *args])
    finally:
        sys.stderr = saved
    return code, capture.getvalue()


def _load(tmp_path: Path, text: str) -> tuple[object, list[str]]:
    path = tmp_path / "import.yml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    profile = load_profile(path, diags)
    return profile, [f"{d.line}:{d.col}: {d.code} {d.message}" for d in diags.sorted()]


def test_every_problem_of_a_profile_in_one_run_with_its_line_and_column(tmp_path: Path) -> None:
    profile, found = _load(tmp_path, BROKEN)
    assert profile is None
    assert found == [
        "2:7: E014 bad pattern in speaker_labels: missing ), unterminated subpattern",  # at its (
        "3:5: E014 pattern '^(?P<name>○\\\\S+)\\\\s' of speaker_labels has no named group 'label'",
        "4:5: E014 bad pattern in speaker_labels: invalid perl operator: (?= (patterns are matched with RE2, which has "
        "no backreferences, lookarounds, atomic groups or verbose mode: they cannot be matched in time linear in the line)",
        "5:5: E010 a pattern of speaker_labels must be text, not '42'",
        "6:5: E014 pattern '.*' of speaker_labels has no named group 'label'",
        "8:10: E014 the group of roll label '出席説明員' 'goverment' is not one of: chair, vice-chair, member, government, "
        "secretariat, observer, guest, other",
        "9:8: E010 the group of roll label '理事者' must be text, not a list",
        "11:3: E014 header_labels: 'place' is not a header field; one of: title, date, time, venue, attendees, agenda, "
        "materials, proceedings, ignore",
        "12:10: E010 the labels of header field 'venue' must be a list (lines starting with '- '), not '開催地点'",
        "13:7: E010 skip must be a list (lines starting with '- '), not '^印刷用ページ$'",
        "14:1: E012 unknown field 'speakers' in the import profile",
        "15:1: E013 duplicate key 'roll_labels' in the import profile",
    ]


def test_a_pattern_that_matches_every_line_is_refused(tmp_path: Path) -> None:
    _, found = _load(tmp_path, "speaker_labels:\n  - '(?P<label>)'\n  - '^(?P<label>.)'\nskip:\n  - '.'\n  - '^'\n")
    assert found == [
        "2:5: E014 pattern '(?P<label>)' of speaker_labels matches every line",
        "3:5: E014 pattern '^(?P<label>.)' of speaker_labels matches every line",
        "5:5: E014 pattern '.' of skip matches every line",
        "6:5: E014 pattern '^' of skip matches every line",
    ]


def test_yaml_errors_and_empty_profiles(tmp_path: Path) -> None:
    profile, found = _load(tmp_path, "speaker_labels: [\n")
    assert profile is None and found[0].startswith("2:1: E002 YAML syntax error")
    profile, found = _load(tmp_path, "# nothing yet\n")
    assert profile is EMPTY and found == []
    profile, found = _load(tmp_path, "- a list\n")
    assert profile is None and found == ["1:1: E010 the import profile must be a mapping (key: value lines), not a list"]


def test_an_import_with_a_broken_profile_is_refused_with_all_its_problems(tmp_path: Path) -> None:
    council = tmp_path / "minutes" / "town"
    council.mkdir(parents=True)
    (council / "import.yml").write_text(BROKEN, encoding="utf-8")
    source = tmp_path / "record.txt"
    source.write_text(RECORD, encoding="utf-8")
    code, err = _run(str(source), "-o", str(council / "2023-10-12.ja.md"))
    assert code == 2 and not (council / "2023-10-12.ja.md").exists()
    lines = err.strip().split("\n")
    assert sum(1 for line in lines if f"{council / 'import.yml'}:" in line) == 12
    assert f"{council / 'import.yml'}:2:7: E014 bad pattern in speaker_labels: missing ), unterminated subpattern" in lines
    assert lines[-1] == "gijiroku import: 12 problem(s) in the import profile: nothing imported"
    code, err = _run(str(source), "-o", str(tmp_path / "elsewhere.md"), "--profile", str(council / "import.yml"))
    assert code == 2 and "12 problem(s)" in err
    code, err = _run(str(source), "--profile", str(tmp_path / "missing.yml"))
    assert code == 2 and "E004 the import profile does not exist" in err


def test_the_councils_profile_is_read_by_every_import_into_its_folder(tmp_path: Path) -> None:
    source = tmp_path / "record.txt"
    source.write_text(RECORD, encoding="utf-8")
    plain = import_file(source, {})
    assert [r.kind for r in plain.draft.remarks] == ["narration"] and not plain.draft.venue

    council = tmp_path / "minutes" / "town"
    council.mkdir(parents=True)
    (council / "import.yml").write_text(PROFILE, encoding="utf-8")
    code, err = _run(str(source), "-o", str(council / "2023-10-12.ja.md"), "--minutes", str(tmp_path / "minutes"))
    assert code == 0, err
    meeting = (council / "2023-10-12.ja.md").read_text(encoding="utf-8")
    assert "label=山川会長\nただいまから開会します。" in meeting and "label=森田委員\n賛成です。" in meeting
    assert 'venue: "架空町公民館"' in meeting
    assert '{group: guest, person: person-3, role: "課長"}  # 佐藤' in meeting
    assert "印刷用ページ" not in meeting and "10: page text named by the import profile, skipped: 印刷用ページ" in err
    # The same with --profile, wherever the output goes; and a folder of inputs into the council reads it too.
    code, _ = _run(str(source), "-o", str(tmp_path / "out.md"), "--profile", str(council / "import.yml"))
    assert "label=山川会長" in (tmp_path / "out.md").read_text(encoding="utf-8")
    batch = tmp_path / "saved"
    batch.mkdir()
    (batch / "one.txt").write_text(RECORD, encoding="utf-8")
    code, err = _run(str(batch), "-o", str(council), "--force")
    assert code == 0 and "label=森田委員" in (council / "2023-10-12.ja.md").read_text(encoding="utf-8")


def test_gijiroku_check_reports_a_broken_profile(base_minutes: Path, capsys: pytest.CaptureFixture[str]) -> None:
    council = next(p for p in base_minutes.iterdir() if p.is_dir())
    (council / "import.yml").write_text(PROFILE, encoding="utf-8")
    assert main(["check", str(base_minutes)]) == 0
    assert "import.yml" not in capsys.readouterr().err
    (council / "import.yml").write_text(BROKEN, encoding="utf-8")
    assert main(["check", str(base_minutes)]) == 1
    err = capsys.readouterr().err
    assert f"minutes/{council.name}/import.yml:2:7: E014 bad pattern in speaker_labels" in err
    assert err.count(f"minutes/{council.name}/import.yml:") == 12


# -- patterns that cannot hang -----------------------------------------------------------


@pytest.mark.parametrize(
    "pattern", [r"^(?P<label>(a+)+b)", r"^(?P<label>(\s*)*x)", r"(?P<label>(a|aa)*c)", r"^(?P<label>.*.*.*:)"]
)
def test_patterns_that_backtrack_in_python_run_in_linear_time(pattern: str) -> None:
    """Each of these takes longer than the age of the universe in Python's re on a line
    of 100,000 characters; with RE2 a match is linear in the line."""
    compiled = compile_bounded(pattern)
    for line in ("a" * 100_000, " " * 100_000, "a" * 100_000 + "!"):
        started = time.monotonic()
        assert compiled.match(line) is None and compiled.search(line) is None
        assert time.monotonic() - started < 5


def test_a_profile_with_a_catastrophic_pattern_imports_a_long_line_quickly(tmp_path: Path) -> None:
    council = tmp_path / "council"
    council.mkdir()
    (council / "import.yml").write_text(
        "speaker_labels:\n  - '^(?P<label>(\\s*)*○)(?P<text>.*)'\nskip:\n  - '^(x+x+)+y$'\n", encoding="utf-8"
    )
    source = tmp_path / "long.txt"
    source.write_text(RECORD + "x" * 50_000 + "\n" + " " * 50_000 + "z\n", encoding="utf-8")
    started = time.monotonic()
    code, err = _run(str(source), "-o", str(council / "m.ja.md"), "--minutes", str(tmp_path / "none"))
    assert code == 0, err
    assert time.monotonic() - started < 60


@pytest.mark.parametrize(
    "pattern, line, label",
    [
        (r"^(?P<label>○\w+)\s(?P<text>.*)", "○山川会長\u3000ただいま", "○山川会長"),  # \w: kanji; \s: ideographic space
        (r"^(?P<label>第\d+号)", "第１２号", "第１２号"),  # \d: full-width digits, as in Python
        (r"^(?P<label>\S+)\s", "委員長\u3000開会", "委員長"),
        (r"^(?P<label>[\w・]+):", "山川・森田:", "山川・森田"),
        (r"^(?P<label>\u25cb\S+)\Z", "○議長", "○議長"),
    ],
)
def test_classes_mean_what_they_mean_in_python(pattern: str, line: str, label: str) -> None:
    import re

    found = compile_bounded(pattern).match(line)
    assert found is not None and found.group("label") == label
    python = re.match(pattern, line)
    assert python is not None and python.group("label") == label


def test_what_cannot_be_matched_in_linear_time_is_refused_by_name() -> None:
    for pattern in (r"(?P<label>a)\1", r"(?<=x)(?P<label>a)", r"(?P<label>a)(?P=label)"):
        with pytest.raises(BadPattern, match="cannot be matched in time linear in the line"):
            compile_bounded(pattern)
    with pytest.raises(BadPattern, match="longer than 1000 characters"):
        compile_bounded("a" * 1001)


# -- proposing a profile -----------------------------------------------------------------


@pytest.mark.parametrize(
    "label, english, line, other",
    [
        ("○山川会長", False, "○森田会長　ただいま", "○次に、事務局から説明があった。"),
        ("◯委員長(大城美幸さん)", False, "◯委員長(田中一郎さん)　おはようございます。", "◯休憩"),
        ("【北山委員長】", False, "【南委員長】開会します。", "【議題】"),
        ("Mr. Smith:", True, "Mr. Jones: Seconded.", "The motion carried."),
    ],
)
def test_label_forms_generalise_the_name_and_keep_the_rest(label: str, english: bool, line: str, other: str) -> None:
    from gijiroku.importer.propose import speaker_pattern

    pattern = compile_bounded(speaker_pattern(label, english))
    assert pattern.match(label + " text").group("label") == label
    assert pattern.match(line) is not None and pattern.match(other) is None
    assert "(?P<label>" in speaker_pattern(label, english) and label_form(label, english) != label


def test_propose_profile_from_a_real_record(tmp_path: Path) -> None:
    """A real committee record (三鷹市議会): its one label form, its site's page text."""
    raw = (CORPUS / "mitaka_kosei_20250205.txt").read_text(encoding="utf-8").split("# ===== text =====\n", 1)[1]
    source = tmp_path / "mitaka.txt"
    source.write_text(raw, encoding="utf-8")
    out = tmp_path / "minutes" / "kosei" / "import.yml"
    code, err = _run(str(source), "--propose-profile", str(out), "--minutes", str(tmp_path / "none"))
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "  # seen 5 times, at lines 13, 17, 21, 26, 30: ◯委員長(大城美幸さん)\n" in text
    assert "  - '^\\s*(?P<label>◯委員長\\([^\\s()（）【】〔〕:：]{1,12}?さん\\))\\s*(?P<text>.*)$'\n" in text
    assert "  # skipped as page text seen 1 time, at line 2: 三鷹市サイト\n  - '^\\s*三鷹市サイト\\s*$'\n" in text
    diags = Diagnostics()
    profile = load_profile(out, diags)
    assert profile is not None and not diags.items
    lines = raw.split("\n")
    assert sum(1 for line in lines if profile.speaker(line)) == 5, "the form matches the turns and nothing else"
    for pattern in profile.skip:
        assert sum(1 for line in lines if pattern.search(line)) == 1
    # Importing with it gives the same turns, and the page text is now named by the profile.
    code, err = _run(str(source), "-o", str(out.parent / "2025-02-05.ja.md"), "--minutes", str(tmp_path / "none"))
    assert code == 0 and err.count("page text named by the import profile") == len(profile.skip)
    code, err = _run(str(source), "--propose-profile", str(out))
    assert code == 2 and "exists: not overwritten" in err


def test_propose_profile_on_standard_output_with_rolls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "record.txt"
    source.write_text(
        "第1回 会議 議事録\n日時：令和5年10月12日\n出席者\n（委員）\n山川会長、森田委員\n（事務局）\n佐藤課長\n\n"
        "議事録\n○山川会長　開会します。\n○森田委員　賛成です。\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "--propose-profile", "--minutes", str(tmp_path / "none")]) == 0
    text = capsys.readouterr().out
    assert (
        "roll_labels:\n  # 2 people read under it as member, at line 5\n  '委員': member\n"
        "  # 1 person read under it as secretariat, at line 7\n  '事務局': secretariat\n"
    ) in text
    assert "'^\\s*(?P<label>○[^\\s()（）【】〔〕:：]{1,12}?会長)\\s*(?P<text>.*)$'" in text
    path = tmp_path / "proposed.yml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    assert load_profile(path, diags) is not None and not diags.items


def test_propose_profile_reads_one_input(tmp_path: Path) -> None:
    code, err = _run(str(tmp_path), "--propose-profile")
    assert code == 2 and "reads one record" in err
