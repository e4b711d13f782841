"""`mkdocs serve` never hangs and never shows an old parse.

A rebuild that raises used to leave MkDocs' server waiting for a build that never
came ("the server will appear stuck"): every request hung. And the parse of a meeting
file was reused by its modification time and size, so a same-size edit that kept the
old time was never shown. Each case here shows the edit or the diagnostics page within
5 seconds of the save.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import tiny_project
from gijiroku.loader import load_archive

SHOWN_WITHIN = 5.0
"""Seconds from a save to the page that shows it (the issue's bound)."""

MEETING = Path("minutes/test-council/2024-02-15.ja.md")
PAGE = "ja/meetings/test-council/2024-02-15/"


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Replace `old` by `new` (as many bytes) and give the file back its modification time."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns


def test_a_same_size_edit_with_the_old_time_is_read_again(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "project")
    minutes = project / "minutes"
    first, _ = load_archive(minutes, reuse_parsed=True)
    _same_size_edit(project / MEETING, "予算について説明した。", "予算について説明しない")
    again, _ = load_archive(minutes, reuse_parsed=True)
    meeting = again.meeting("test-council/2024-02-15")
    assert meeting is not None
    assert any("説明しない" in text for r in meeting.original.remarks.values() for text in r.paragraphs)
    # A registry too: the meetings checked against it are checked again.
    _same_size_edit(minutes / "people.yml", "yamada-taro:", "yamada-tarx:")
    _, diags = load_archive(minutes, reuse_parsed=True)
    assert any(d.code == "E030" and "yamada-taro" in d.message for d in diags.errors), [d.format() for d in diags.items]


# -- a real server ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    """Status and body; a request that hangs fails (timeout)."""
    try:
        with urllib.request.urlopen(url, timeout=SHOWN_WITHIN) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _within(seconds: float, predicate: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            if predicate():
                return True
        time.sleep(0.2)
    return False


@contextlib.contextmanager
def _serving(project: Path, prelude: str = "") -> Iterator[str]:
    port = _free_port()
    command = ["serve", "-a", f"127.0.0.1:{port}"]
    launch = [sys.executable, "-c", prelude + f"\nfrom mkdocs.__main__ import cli\ncli({command!r})"]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(launch, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _within(120, lambda: "予算" in _get(base + PAGE)[1]), "serve did not come up"
        yield base
    finally:
        server.terminate()
        try:
            _, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
        assert "Traceback" not in errors, errors[-3000:]


def test_serve_shows_a_same_size_edit_that_kept_the_old_time(tmp_path: Path) -> None:
    project = tiny_project(tmp_path / "project")
    with _serving(project) as base:
        _same_size_edit(project / MEETING, "予算について説明した。", "予算について説明しない")
        # MkDocs' watcher polls modification times and sizes: it cannot see this edit,
        # but the next save of any file rebuilds, and that rebuild must show it.
        other = project / "minutes" / "test-council" / "2024-03-15.ja.md"
        other.write_text(other.read_text(encoding="utf-8").replace("第1会議室", "第3会議室"), encoding="utf-8")
        assert _within(SHOWN_WITHIN, lambda: "説明しない" in _get(base + PAGE)[1]), "the edit was not shown"


FAILS_ON_BOOM = """
import gijiroku.site.render as _render
_pages = _render.Renderer.index_pages
def _index_pages(self):
    if any("BOOM" in m.original.remarks[r.id].paragraphs[0] for m in self.index.archive.meetings for r in m.remarks):
        raise ValueError("an unexpected failure while rendering")
    return _pages(self)
_render.Renderer.index_pages = _index_pages
"""


@pytest.mark.parametrize("where", ["loading", "rendering"])
def test_serve_answers_with_the_diagnostics_page_when_a_rebuild_fails_and_recovers(tmp_path: Path, where: str) -> None:
    project = tiny_project(tmp_path / "project")
    prelude = FAILS_ON_BOOM if where == "rendering" else ""
    good = (project / MEETING).read_text(encoding="utf-8")
    if where == "loading":
        # An input that once raised inside the loader; whatever raises there now must
        # end the same way, so the loader is made to raise on it.
        prelude = """
import gijiroku
_load = gijiroku.load_archive
def _failing(root, *args, **kwargs):
    if "BOOM" in (root / "test-council" / "2024-02-15.ja.md").read_text(encoding="utf-8"):
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")
    return _load(root, *args, **kwargs)
gijiroku.load_archive = _failing
"""
    with _serving(project, prelude) as base:
        (project / MEETING).write_text(good.replace("予算について説明した。", "BOOM"), encoding="utf-8")
        assert _within(SHOWN_WITHIN, lambda: "gj-diagnostics" in _get(base)[1]), "no diagnostics page"
        status, page = _get(base + PAGE)
        assert "ValueError" in page and "gj-diagnostics" in page and status == 404
        (project / MEETING).write_text(good.replace("予算について説明した。", "予算を確定した。"), encoding="utf-8")
        assert _within(SHOWN_WITHIN, lambda: "予算を確定した" in _get(base + PAGE)[1]), (
            "the next good save did not restore the site"
        )
        assert "gj-language-choice" in _get(base)[1]
