"""The invalid-input corpus: each case must produce exactly the diagnostics it lists.

A case is a folder under fixtures/invalid/ (or fixtures/accepted/, expecting none):
`minutes/` holds files laid over the small valid archive in fixtures/base/, `deleted`
names base files to remove, and `expected` lists `path:line:col: CODE`, one a line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, overlay_case
from gijiroku import load_archive

INVALID = sorted(p for p in (FIXTURES / "invalid").iterdir() if p.is_dir())
ACCEPTED = sorted(p for p in (FIXTURES / "accepted").iterdir() if p.is_dir())


def _produced(case: Path, tmp_path: Path) -> list[str]:
    minutes = overlay_case(case, tmp_path)
    _, diags = load_archive(minutes)
    return [f"{d.path}:{d.line}:{d.col}: {d.code}" for d in diags.sorted()]


def _expected(case: Path) -> list[str]:
    return [line for line in (case / "expected").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_corpus_is_large_enough() -> None:
    assert len(INVALID) >= 25


@pytest.mark.parametrize("case", INVALID, ids=[p.name for p in INVALID])
def test_invalid_case(case: Path, tmp_path: Path) -> None:
    expected = _expected(case)
    assert expected, f"{case.name}: an invalid case must expect at least one diagnostic"
    assert _produced(case, tmp_path) == expected


@pytest.mark.parametrize("case", ACCEPTED, ids=[p.name for p in ACCEPTED])
def test_accepted_case(case: Path, tmp_path: Path) -> None:
    assert _expected(case) == []
    assert _produced(case, tmp_path) == []


def test_base_archive_is_valid(tmp_path: Path) -> None:
    empty = tmp_path / "empty-case"
    empty.mkdir()
    assert _produced(empty, tmp_path) == []
