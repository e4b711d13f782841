"""Rebuilds that redo only what changed (gijiroku/site/pagecache.py).

`mkdocs build` keeps each language's site in `.cache/gijiroku/` and, on the next build,
keeps the pages whose inputs did not change. These tests build a synthetic archive,
change it the way an editor does, and check that the rebuild publishes exactly what a
clean build (`GIJIROKU_CACHE=0`) publishes, that it rebuilt the pages the change
touched, and that it kept the pages it did not touch.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import run_mkdocs_build
from devtools.benchmark import scaffold_project
from devtools.synth import generate_archive

MEETINGS = 10


def _tree(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(project: Path, site: Path, **env: str) -> dict[str, dict[str, float]]:
    record = site.with_name(site.name + "-record.json")
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        result = run_mkdocs_build(project, site, record=record)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(record.read_text(encoding="utf-8"))


def _same_file(a: Path, b: Path) -> bool:
    """Whether two published files are one file kept by the cache (hard links)."""
    return os.stat(a).st_ino == os.stat(b).st_ino


def _assert_same_trees(built: Path, clean: Path) -> None:
    ours, theirs = _tree(built), _tree(clean)
    assert sorted(ours) == sorted(theirs), (set(ours) ^ set(theirs))
    different = [name for name in ours if ours[name] != theirs[name]]
    assert different == []


def _changed_pages_were_rebuilt(before: Path, after: Path) -> int:
    """Check that every page whose HTML differs between two builds was written by the
    second (not kept from the first); the number of such pages."""
    changed = 0
    for page in after.rglob("*.html"):
        old = before / page.relative_to(after)
        if old.is_file() and old.read_bytes() != page.read_bytes():
            assert not _same_file(old, page), page
            changed += 1
    return changed


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    project = scaffold_project(tmp_path / "project")
    generate_archive(project / "minutes", MEETINGS, seed=3)
    return project


def _meeting_files(project: Path) -> list[Path]:
    return sorted((project / "minutes").glob("*/*.ja.md"))


def test_a_rebuild_after_adding_and_editing_meetings_equals_a_clean_build(project: Path, tmp_path: Path) -> None:
    first = _build(project, tmp_path / "first")
    assert first["counts"]["pages_reused"] == 0

    originals = _meeting_files(project)
    edited, untouched = originals[0], originals[-1]
    # Edit one meeting (its venue) and add another (a copy of one, on a new day, untranslated).
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r"(?m)^venue: .*$", "venue: 第2会議室", text, count=1), encoding="utf-8")
    source = originals[1]
    added = source.with_name("2031-12-24.ja.md")
    added.write_text(re.sub(r"(?m)^date: .*$", "date: 2031-12-24", source.read_text(encoding="utf-8"), count=1),
                     encoding="utf-8")

    second = _build(project, tmp_path / "second")
    clean = tmp_path / "clean"
    _build(project, clean, GIJIROKU_CACHE="0")
    _assert_same_trees(tmp_path / "second", clean)

    reused = second["counts"]["pages_reused"]
    assert reused > 0
    # The edited meeting's page was built again (the English page shows the translation's
    # venue, so it may be kept), every page whose HTML changed was rebuilt, and an
    # untouched meeting's pages were kept.
    page = Path("ja") / "meetings" / edited.parent.name / edited.name.split(".")[0] / "index.html"
    assert not _same_file(tmp_path / "first" / page, tmp_path / "second" / page), page
    assert _changed_pages_were_rebuilt(tmp_path / "first", tmp_path / "second")
    for lang in ("ja", "en"):
        page = Path(lang) / "meetings" / untouched.parent.name / untouched.name.split(".")[0] / "index.html"
        assert _same_file(tmp_path / "first" / page, tmp_path / "second" / page), page
        assert (tmp_path / "second" / lang / "meetings" / source.parent.name / "2031-12-24" / "index.html").is_file()

    # Removing the added meeting again removes its pages and data: nothing stale survives.
    added.unlink()
    _build(project, tmp_path / "third")
    _build(project, tmp_path / "clean-third", GIJIROKU_CACHE="0")
    _assert_same_trees(tmp_path / "third", tmp_path / "clean-third")


def test_a_changed_setting_rebuilds_every_page(project: Path, tmp_path: Path) -> None:
    _build(project, tmp_path / "first")
    unchanged = _build(project, tmp_path / "again")
    assert unchanged["counts"]["pages_reused"] > 0
    _assert_same_trees(tmp_path / "again", tmp_path / "first")

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("preview: 15", "preview: 16"), encoding="utf-8")
    changed = _build(project, tmp_path / "changed")
    assert changed["counts"]["pages_reused"] == 0
    _assert_same_trees(tmp_path / "changed", tmp_path / "first")


def test_a_changed_registry_rebuilds_what_names_the_person_and_nothing_else(project: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    _build(project, first)
    people = project / "minutes" / "people.yml"
    text = people.read_text(encoding="utf-8")
    # A person who attends a meeting gets a new English name: their pages and the pages
    # naming them change.
    attending = _meeting_files(project)[0].read_text(encoding="utf-8")
    person = next(m.group(1) for m in re.finditer(r"(?m)^([a-z][a-z0-9-]+):\n  name: \{ja: [^,]+, en: ([^}]+)\}", text)
                  if m.group(1) in attending)
    people.write_text(re.sub(rf"(?m)^({person}:\n  name: \{{ja: [^,]+, en: [^}}]+)\}}", r"\1 Jr.}", text),
                      encoding="utf-8")
    assert people.read_text(encoding="utf-8") != text
    second = tmp_path / "second"
    record = _build(project, second)
    clean = tmp_path / "clean"
    _build(project, clean, GIJIROKU_CACHE="0")
    _assert_same_trees(second, clean)
    assert record["counts"]["pages_reused"] > 0
    assert _changed_pages_were_rebuilt(first, second) > 0, "renaming a person changed no page"


def test_the_cache_can_be_switched_off_in_mkdocs_yml(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("preview: 15", "preview: 15\n    cache: false"),
                      encoding="utf-8")
    _build(project, tmp_path / "site")
    record = _build(project, tmp_path / "again")
    assert record["counts"].get("pages_reused", 0) == 0
    assert not (project / ".cache").exists()
    shutil.rmtree(tmp_path / "site")
