"""Shared fixtures: paths, a copy of the small valid archive, overlaying invalid cases."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BASE_MINUTES = FIXTURES / "base" / "minutes"


def overlay_case(case: Path, dest: Path) -> Path:
    """A minutes tree in `dest`: the base archive with the case's files laid over it
    and the files its `deleted` list names removed."""
    minutes = dest / "minutes"
    shutil.copytree(BASE_MINUTES, minutes)
    overlay = case / "minutes"
    if overlay.is_dir():
        shutil.copytree(overlay, minutes, dirs_exist_ok=True)
    deleted = case / "deleted"
    if deleted.is_file():
        for name in deleted.read_text(encoding="utf-8").split():
            (minutes / name).unlink()
    return minutes


@pytest.fixture
def base_minutes(tmp_path: Path) -> Path:
    """A writable copy of the small valid archive."""
    dest = tmp_path / "minutes"
    shutil.copytree(BASE_MINUTES, dest)
    return dest
