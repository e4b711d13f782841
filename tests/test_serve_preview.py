"""`mkdocs serve`: the preview scope, and an edit showing up without a restart."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from conftest import make_project
from devtools.synth import generate_archive
from gijiroku import preview
from gijiroku.loader import load_archive


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_select_recent_keeps_the_last_edited_meetings_and_their_people(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes"
    generate_archive(minutes, 6, seed=3)
    archive, _ = load_archive(minutes)
    newest = sorted(minutes.glob("*/*.ja.md"))[0]
    os.utime(newest, (time.time() + 60, time.time() + 60))
    chosen = preview.select_recent(archive, minutes, 1)
    [meeting] = chosen.meetings
    assert f"{meeting.council}/{meeting.id}" == f"{newest.parent.name}/{newest.name[:-6]}"
    assert set(chosen.people) == {a.person for a in meeting.attendees if a.person}


def test_preview_limit_from_environment(monkeypatch) -> None:
    monkeypatch.delenv(preview.ENV, raising=False)
    assert preview.preview_limit(15) == 15
    monkeypatch.setenv(preview.ENV, "all")
    assert preview.preview_limit(15) is None
    monkeypatch.setenv(preview.ENV, "3")
    assert preview.preview_limit(15) == 3


def test_reparsing_only_what_changed_gives_the_same_result(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes"
    generate_archive(minutes, 4, seed=5)
    first, diags = load_archive(minutes, reuse_parsed=True)
    again, again_diags = load_archive(minutes, reuse_parsed=True)
    assert again.meetings == first.meetings and again_diags.items == diags.items
    path = sorted(minutes.glob("*/*.ja.md"))[0]
    path.write_text(
        path.read_text(encoding="utf-8").replace("::: remark id=r001", "::: remark id=r001 kind=oops", 1), encoding="utf-8"
    )
    _, edited = load_archive(minutes, reuse_parsed=True)
    assert any(d.code == "E013" for d in edited.items), "the edited file was read again"


def test_reusing_assembled_meetings_follows_the_registries(tmp_path: Path) -> None:
    minutes = tmp_path / "minutes"
    generate_archive(minutes, 4, seed=5)
    load_archive(minutes, reuse_parsed=True)
    people = minutes / "people.yml"
    speaker = next(r.speaker for m in load_archive(minutes)[0].meetings for r in m.remarks if r.speaker)
    registry = yaml.safe_load(people.read_text(encoding="utf-8"))
    del registry[speaker]
    people.write_text(yaml.safe_dump(registry, allow_unicode=True), encoding="utf-8")
    reused, reused_diags = load_archive(minutes, reuse_parsed=True)
    fresh, fresh_diags = load_archive(minutes)
    assert any(speaker in d.message for d in fresh_diags.errors), "the removed person is reported"
    assert [d.format() for d in reused_diags.items] == [d.format() for d in fresh_diags.items]
    assert reused.meetings == fresh.meetings


def test_serve_shows_the_preview_and_an_edit(tmp_path: Path) -> None:
    minutes = tmp_path / "generated"
    generate_archive(minutes, 5, seed=2)
    project = make_project(tmp_path / "project", minutes)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", GIJIROKU_PREVIEW="2")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: "gj-preview-notice" in _get(base + "ja/meetings/"), 120), "serve did not come up"
        index = _get(base + "ja/meetings/")
        assert len(set(re.findall(r'href="([a-z-]+/\d{4}-\d{2}-\d{2}[^"/]*/)"', index))) == 2, "two meetings in the preview"
        files = sorted((project / "minutes").glob("*/*.ja.md"))
        oldest = files[-1]
        council, meeting_id = oldest.parent.name, oldest.name[:-6]
        text = oldest.read_text(encoding="utf-8")
        marker = "編集の確認用の文"
        assert "\n\n::: remark id=r002" in text
        oldest.write_text(text.replace("\n\n::: remark id=r002", f"{marker}\n\n::: remark id=r002", 1), encoding="utf-8")
        url = f"{base}ja/meetings/{council}/{meeting_id}/"
        assert _wait_for(lambda: marker in _get(url), 60), "the edit did not show"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_shows_the_diagnostics_while_the_minutes_are_broken(tmp_path: Path) -> None:
    minutes = tmp_path / "generated"
    generate_archive(minutes, 2, seed=3)
    project = make_project(tmp_path / "project", minutes)
    meeting = sorted((project / "minutes").glob("*/*.ja.md"))[0]
    good = meeting.read_text(encoding="utf-8")
    meeting.write_text(good.replace("\ntitle: ", "\ntitle: <svg/onload=alert(1)> ", 1), encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: "E050" in _get(base), 120), "serve did not show the diagnostics"
        page = _get(base)
        assert f"minutes/{meeting.parent.name}/{meeting.name}:3:" in page and "&lt;svg/onload=alert(1)&gt;" in page
        try:  # any other address answers with the same page
            _get(base + "ja/meetings/")
            raise AssertionError("the language site was built from broken minutes")
        except urllib.error.HTTPError as exc:
            assert exc.code == 404 and "E050" in exc.read().decode("utf-8")
        meeting.write_text(good, encoding="utf-8")
        assert _wait_for(lambda: "gj-language-choice" in _get(base) and "meetings" in _get(base + "ja/meetings/"), 60), (
            "the fixed minutes were not built"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
