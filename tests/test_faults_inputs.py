"""Inputs an adversary or an unlucky user gives the checker: each becomes a diagnostic
with file and line, never a traceback, a hang or a file's contents in the output.

- YAML scalars of every odd form in every typed field;
- ids with control characters or line breaks, wherever an id comes from (registry
  keys, council folders, meeting file names);
- ledger addresses that would collide with files the site writes itself;
- files that are not regular files (a FIFO, a device) where a meeting or a registry
  is expected: skipped or rejected without being read;
- registries that are symbolic links to files outside the minutes folder: named,
  their contents never printed;
- control and bidirectional characters in what a diagnostic quotes: escaped.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from gijiroku import load_archive
from gijiroku.diagnostics import Diagnostic
from gijiroku.textrules import BIDI, CONTROL, LINE_BREAK

MEETING = Path("test-council") / "2024-01-15.ja.md"

UNSHOWABLE = re.compile(f"{CONTROL.pattern}|{LINE_BREAK.pattern}|{BIDI.pattern}|[\u200e\u200f\u061c]")
"""What a diagnostic must never print raw: it would hide, reorder or forge the text around it."""


def _check(minutes: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`gijiroku check` on `minutes` in its own process: a hang fails the test, not the run."""
    return subprocess.run(
        [sys.executable, "-m", "gijiroku.cli", "check", str(minutes)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=minutes.parent,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "hooks")),
    )


def _diagnostics(minutes: Path) -> list[str]:
    _, diags = load_archive(minutes)
    return [f"{d.path}:{d.line}:{d.col}: {d.code}" for d in diags.sorted()]


def _set_field(minutes: Path, field: str, raw: str) -> int:
    """Write `field: raw` into the base meeting's front matter (replacing it if there);
    the file line it is on."""
    path = minutes / MEETING
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith(f"{field}:")), None)
    if at is None:
        at = lines.index("record: summary") + 1
        lines.insert(at, "")
    lines[at] = f"{field}: {raw}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


# -- YAML scalars ---------------------------------------------------------------------------

ODD_NUMBERS = [
    "07",
    "08",
    "1:20",
    "190:20:30",
    "!!int abc",
    "!!int ''",
    "!!int 0x",
    "!!int 0b2",
    "0o8",
    "1_000",
    "+12",
    "-3",
    "0x1F",
    "!!int 1e3",
    "1" * 5000,
    "!!int " + "9" * 5000,
    "!!float 1.5",
    ".inf",
    "!!null ''",
    "~",
    "[1, 2]",
    "{a: 1}",
    "&a 4",
    "!!binary aGVsbG8=",
    "!!timestamp 2001-12-14",
    "!custom 3",
    '"4"',
    "'4'",
    "|\n  4",
    "!!str 4",
    "!!bool yes",
]


@pytest.mark.parametrize("raw", ODD_NUMBERS, ids=[raw[:20] for raw in ODD_NUMBERS])
def test_an_odd_number_is_a_diagnostic_at_its_line(base_minutes: Path, raw: str) -> None:
    # A meeting's number is written in digits (4, 12): YAML 1.1 would read 07 as octal,
    # 1:20 as 80 and 1_000 as 1000, and Python refuses more than 4,300 digits.
    line = _set_field(base_minutes, "number", raw)
    archive, diags = load_archive(base_minutes)
    problems = [d for d in diags.errors if d.path.endswith(MEETING.as_posix())]
    if raw == "&a 4":  # an anchor changes nothing
        assert problems == [] and archive.meetings[0].number == 4
        return
    assert [(d.line, d.code) for d in problems] == [(line, "E010")], [d.format() for d in diags.items]
    assert len(problems[0].format()) < 400, "a diagnostic quotes at most a short piece of a value"


SCALAR_FIELDS = ["number", "date", "start", "end", "record", "title", "venue", "source", "language"]

_scalars = st.one_of(
    st.sampled_from(ODD_NUMBERS),
    st.from_regex(r"(!!(int|float|bool|null|str|timestamp|binary) )?[-+]?[0-9_:.xobeE]{0,12}", fullmatch=True),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12).map(
        lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(SCALAR_FIELDS), raw=_scalars)
def test_any_scalar_in_any_field_is_read_or_reported_at_its_line(base_minutes: Path, field: str, raw: str) -> None:
    path = base_minutes / MEETING
    original = path.read_bytes()
    try:
        _set_field(base_minutes, field, raw)
        _, diags = load_archive(base_minutes)  # never raises
        total = len(path.read_text(encoding="utf-8").split("\n"))
        for diag in diags.items:
            assert 1 <= diag.line <= total and diag.col >= 1, diag.format()
            assert not UNSHOWABLE.search(diag.format().replace("\n    hint: ", " ")), diag.format()
    finally:
        path.write_bytes(original)


# -- ids with control characters and line breaks -----------------------------------------------


@pytest.mark.parametrize("key", ["ghost\\n", "ghost\\r", "ghost\\t", "gh\\x00ost", "ghost\\u2028", "ghost\\u202e", "ghost\\x85"])
def test_a_registry_key_with_a_control_character_or_line_break_is_rejected(base_minutes: Path, key: str) -> None:
    people = base_minutes / "people.yml"
    people.write_text(
        people.read_text(encoding="utf-8")
        + f'"{key}":\n  name: {{ja: 幽霊, en: Ghost}}\n  reading: ゆうれい\n  romanized: Yuurei\n',
        encoding="utf-8",
    )
    archive, diags = load_archive(base_minutes)
    assert _error_lines(diags.items) == ["minutes/people.yml:9:1: E020"]
    assert all(re.fullmatch(r"[a-z0-9-]+", person) for person in archive.people)
    assert not UNSHOWABLE.search(diags.items[0].format().replace("\n    hint: ", " "))


@pytest.mark.parametrize("name", ["ghost\n", "gho\nst", "ghost\r", "ghost\x1b[31m", "ghost\u202e", "ghost\u2028"])
def test_a_council_folder_or_meeting_file_named_with_a_control_character_is_rejected(base_minutes: Path, name: str) -> None:
    council = base_minutes / name
    council.mkdir()
    (council / "series.yml").write_bytes((base_minutes / "test-council" / "series.yml").read_bytes())
    meeting = base_minutes / "test-council" / f"2024-02-01{name}.ja.md"
    text = (base_minutes / MEETING).read_text(encoding="utf-8").replace("2024-01-15", "2024-02-01")
    meeting.write_text(text, encoding="utf-8")
    trailing = base_minutes / "test-council" / f"2024-03-01.ja.md{name[-1]}"
    trailing.write_text(text.replace("2024-02-01", "2024-03-01"), encoding="utf-8")
    archive, diags = load_archive(base_minutes)
    assert {m.id for m in archive.meetings} == {"2024-01-15"}
    assert set(archive.councils) == {"test-council"}
    codes = sorted(d.code for d in diags.errors)
    assert codes == ["E004", "E020", "E020"], [d.format() for d in diags.items]
    for diag in diags.items:
        assert not UNSHOWABLE.search(diag.format().replace("\n    hint: ", " ")), diag.format()


def test_a_diagnostic_escapes_control_and_bidirectional_characters_wherever_they_are() -> None:
    diag = Diagnostic(
        "minutes/a\u202eb/x\n.ja.md", 3, 1, "E020", "invalid id 'a\u202egnp.exe\x1b[2J\u2066'", "hint with \u2028 and \u200f"
    )
    text = diag.format()
    assert not UNSHOWABLE.search(text.replace("\n    hint: ", " ")), repr(text)
    assert "U+202E" in text or "\\u202e" in text
    assert text.count("\n") == 1, "one line for the problem, one for the hint"


# -- the ledger and the site's own files ----------------------------------------------------------

RESERVED = [
    "index.html/",
    "404.html/",
    "sitemap.xml/",
    "sitemap.xml.gz/",
    "feeds/meetings.xml/",
    "search-index/meta.json/",
    "api/meetings.json/",
    "assets/",
    "search-index/",
    "api/",
    "feeds/",
]


def test_ledger_addresses_that_collide_with_the_site_s_own_files_are_rejected(base_minutes: Path) -> None:
    lines = ["withdrawn:"] + [f"  {address}: gone" for address in RESERVED]
    lines += ["moved:"] + [f"  {address}#x: meetings/test-council/2024-01-15/" for address in RESERVED[:2]]
    (base_minutes / "ledger.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [f"minutes/ledger.yml:{line}:3: E093" for line in range(2, 2 + len(RESERVED))]
    expected += [f"minutes/ledger.yml:{line}:3: E093" for line in range(3 + len(RESERVED), 5 + len(RESERVED))]
    assert _diagnostics(base_minutes) == sorted(expected, key=_line_order)


def test_ledger_withdrawing_an_index_page_is_refused_while_the_site_publishes_it(base_minutes: Path) -> None:
    (base_minutes / "ledger.yml").write_text(
        "withdrawn:\n  meetings/: gone\n  speakers/: gone\n  topics/: gone\n  search/: gone\n  translations/: gone\n",
        encoding="utf-8",
    )
    assert _diagnostics(base_minutes) == [f"minutes/ledger.yml:{line}:1: E094" for line in (2, 3, 4, 5, 6)]


def _line_order(entry: str) -> tuple[str, int, int]:
    path, line, col, _ = entry.split(":", 3)
    return path, int(line), int(col)


def _error_lines(items: list[Diagnostic]) -> list[str]:
    return [f"{d.path}:{d.line}:{d.col}: {d.code}" for d in items if d.code.startswith("E")]


# -- files that are not files ------------------------------------------------------------------


@pytest.mark.parametrize(
    "where",
    ["test-council/2024-02-01.ja.md", "test-council/2024-01-15.en.md", "people.yml", "test-council/series.yml", "ledger.yml"],
)
@pytest.mark.parametrize("kind", ["fifo", "device", "directory"])
def test_a_fifo_or_device_where_a_file_is_expected_is_reported_without_reading_it(
    base_minutes: Path, where: str, kind: str
) -> None:
    path = base_minutes / where
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")  # read whole, it never ends
    else:
        path.mkdir()
    result = _check(base_minutes, timeout=30)
    assert result.returncode == 1, result.stderr
    relative = f"minutes/{where}"
    assert re.search(rf"^{re.escape(relative)}:1:1: E005 not a regular file", result.stderr, re.M), result.stderr


# -- symbolic links out of the minutes folder ---------------------------------------------------------

SECRETS = {
    "scalar": "AKIAIOSFODNN7EXAMPLE-secret-token\n",
    "mapping": "root:x:0:0:secretroot:/root:/bin/bash\ndaemon:x:1:1:secretdaemon:/usr/sbin\n",
    "list": "- secretvalue-one\n- secretvalue-two\n",
    "syntax": "password: 'secretpass\n\tkey: [\n",
    "binary": "secretbytes \udcff\udcfe here\n",
}


@pytest.mark.parametrize(
    "where", ["people.yml", "topics.yml", "test-council/series.yml", "ledger.yml", "test-council/2024-01-15.en.md"]
)
@pytest.mark.parametrize("shape", sorted(SECRETS))
def test_a_file_linked_from_outside_the_minutes_is_named_never_shown(
    base_minutes: Path, tmp_path: Path, where: str, shape: str
) -> None:
    outside = tmp_path / "elsewhere" / "credentials"
    outside.parent.mkdir()
    outside.write_bytes(SECRETS[shape].encode("utf-8", "surrogateescape"))
    path = base_minutes / where
    path.unlink(missing_ok=True)
    path.symlink_to(outside)
    result = _check(base_minutes)
    assert result.returncode == 1, result.stderr
    assert f"minutes/{where}:" in result.stderr
    assert "secret" not in result.stderr.lower(), result.stderr
    assert "outside the minutes folder" in result.stderr


def test_a_long_value_is_quoted_in_part(base_minutes: Path) -> None:
    people = base_minutes / "people.yml"
    people.write_text("x" * 100_000 + "\n", encoding="utf-8")
    _, diags = load_archive(base_minutes)
    assert diags.errors and all(len(d.format()) < 400 for d in diags.items)


def test_names_with_undecodable_bytes_are_reported_in_printable_text(base_minutes: Path) -> None:
    os.mkdir(os.fsencode(base_minutes) + b"/co\xfeuncil")
    (Path(os.fsdecode(os.fsencode(base_minutes) + b"/test-council/2024-02-01\xff.ja.md"))).write_text("x", encoding="utf-8")
    _, diags = load_archive(base_minutes)
    assert sorted(d.code for d in diags.errors) == ["E020", "E020"]
    for diag in diags.items:
        diag.format().encode("utf-8")  # a lone surrogate would raise here (and in the serve page, and in a log)
        assert not UNSHOWABLE.search(diag.format().replace("\n    hint: ", " "))


def test_a_file_larger_than_any_minutes_is_reported_without_being_read_whole(base_minutes: Path) -> None:
    from gijiroku.sources import MAX_BYTES

    huge = base_minutes / "test-council" / "2024-02-01.ja.md"
    with open(huge, "wb") as handle:  # sparse: no disk is used
        handle.truncate(MAX_BYTES + 1)
    _, diags = load_archive(base_minutes)
    assert [(d.path, d.code) for d in diags.errors] == [("minutes/test-council/2024-02-01.ja.md", "E001")]
    assert "larger than" in diags.errors[0].message


def test_a_ledger_s_moved_data_files_and_layout_are_checked_by_line(base_minutes: Path) -> None:
    """Layout 2's parts of the ledger: a `files:` entry that is not a data file's path (or
    points outside the site), and a `layout:` the site does not know, are each named by
    their line; a good entry passes."""
    (base_minutes / "ledger.yml").write_text(
        "files:\n"
        "  ja/api/meetings/test-council/2024-01-15.json: api/meetings/test-council/2024-01-15.json\n"
        "  ../outside.json: api/meetings/test-council/2024-01-15.json\n"
        "  ja/api/x.json: /etc/passwd\n"
        "layout: 7\n",
        encoding="utf-8",
    )
    diagnostics = _diagnostics(base_minutes)
    assert [d for d in diagnostics if d.endswith("E093")] == [
        "minutes/ledger.yml:3:3: E093",
        "minutes/ledger.yml:4:3: E093",
        "minutes/ledger.yml:5:9: E093",
    ], diagnostics
