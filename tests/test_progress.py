"""A long build says how far it has got: each phase a line when it ends, and a line every
few seconds while it runs long, at INFO on MkDocs' logger (quiet under `-q`)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from gijiroku.progress import Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_told_at_most_every_few_seconds(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.gijiroku")
    progress = Progress("rendered {} pages", 1024, every=5.0, clock=clock)
    for i in range(1024):
        clock.now += 1 / 64  # 16 s in all: a line at 5, 10 and 15 s, no more
        progress.advance(kept=i % 2)
    lines = [record.getMessage() for record in caplog.records]
    assert lines == [
        "gijiroku: rendered 320 of 1,024 pages (kept 160), 5.0 s",
        "gijiroku: rendered 640 of 1,024 pages (kept 320), 10.0 s",
        "gijiroku: rendered 960 of 1,024 pages (kept 480), 15.0 s",
    ]
    progress.done("8 left for the next build")
    assert caplog.records[-1].getMessage() == "gijiroku: rendered 1,024 pages (kept 512): 8 left for the next build in 16.0 s"


def test_nothing_is_told_below_info(caplog: pytest.LogCaptureFixture) -> None:
    clock = Clock()
    caplog.set_level(logging.WARNING, logger="mkdocs.plugins.gijiroku")
    progress = Progress("read {} files", clock=clock)
    for _ in range(10):
        clock.now += 10
        progress.advance()
    progress.done()
    assert caplog.records == []


@pytest.mark.parametrize("quiet", [False, True])
def test_a_build_tells_its_phases_unless_quiet(tmp_path: Path, quiet: bool) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")] + (["-q"] if quiet else [])
    run = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "GIJIROKU_CACHE": "0"}
    )
    assert run.returncode == 0, run.stderr
    told = [line for line in run.stderr.splitlines() if "gijiroku: " in line]
    if quiet:
        assert told == []
    else:
        for phase in (
            "read 3 meeting files: 1 meeting in",
            "wrote 2 shared data files",
            "ja: wrote",
            "en: wrote",
            "files of the search index",
            "ja: rendered",
            "en: rendered",
        ):
            assert any(phase in line for line in told), (phase, told)
