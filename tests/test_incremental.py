"""Rebuilds that redo only what changed (gijiroku/build/pagecache.py).

`mkdocs build` keeps each language's site in `.cache/gijiroku/` and, on the next build,
keeps the pages whose inputs did not change. These tests build a synthetic archive,
change it the way an editor does, and check that the rebuild publishes exactly what a
clean build (`GIJIROKU_CACHE=0`) publishes, that it rebuilt the pages the change
touched, and that it kept the pages it did not touch.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest

from conftest import assert_same_sites, run_mkdocs_build
from devtools.benchmark import scaffold_project
from devtools.synth import generate_archive
from gijiroku import datafiles as paths

MEETINGS = 10


def _build(project: Path, site: Path, **env: str) -> dict[str, dict[str, float]]:
    """`mkdocs build --strict` with `env` set (GIJIROKU_FLAGS: more command-line flags); its record."""
    record = site.with_name(site.name + "-record.json")
    flags = env.pop("GIJIROKU_FLAGS", "").split()
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        result = run_mkdocs_build(project, site, *flags, record=record)
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


def _data_files(meeting_file: Path) -> list[str]:
    """The data-out files that hold the meeting whose original is `meeting_file`, at the
    site's root: its JSON (every language) and its council's zip of the year."""
    council, meeting = meeting_file.parent.name, meeting_file.name.split(".")[0]
    year = int(meeting[:4])
    return [paths.meeting_json(council, meeting), paths.bundle_zip(council, year)]


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
    added.write_text(re.sub(r"(?m)^date: .*$", "date: 2031-12-24", source.read_text(encoding="utf-8"), count=1), encoding="utf-8")

    second = _build(project, tmp_path / "second")
    clean = tmp_path / "clean"
    _build(project, clean, GIJIROKU_CACHE="0")
    assert_same_sites(tmp_path / "second", clean)

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
    # Data out too: the untouched meeting's JSON (and its year's zip, where the edit was in
    # another) were kept, the edited one's written again.
    edited_zip = _data_files(edited)[1]
    assert _data_files(untouched)[1] != edited_zip, "the synthetic archive's first and last meetings share no zip"
    for meeting, kept in ((untouched, True), (edited, False)):
        for relative in _data_files(meeting):
            assert _same_file(tmp_path / "first" / relative, tmp_path / "second" / relative) is kept, relative

    # Removing the added meeting again removes its pages and data: nothing stale survives.
    added.unlink()
    _build(project, tmp_path / "third")
    _build(project, tmp_path / "clean-third", GIJIROKU_CACHE="0")
    assert_same_sites(tmp_path / "third", tmp_path / "clean-third")


def test_a_changed_setting_rebuilds_every_page(project: Path, tmp_path: Path) -> None:
    _build(project, tmp_path / "first")
    unchanged = _build(project, tmp_path / "again")
    assert unchanged["counts"]["pages_reused"] > 0
    assert_same_sites(tmp_path / "again", tmp_path / "first")

    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("preview: 15", "preview: 16"), encoding="utf-8")
    changed = _build(project, tmp_path / "changed")
    assert changed["counts"]["pages_reused"] == 0
    assert_same_sites(tmp_path / "changed", tmp_path / "first")


def test_a_changed_registry_rebuilds_what_names_the_person_and_nothing_else(project: Path, tmp_path: Path) -> None:
    first = tmp_path / "first"
    _build(project, first)
    people = project / "minutes" / "people.yml"
    text = people.read_text(encoding="utf-8")
    # A person who attends a meeting gets a new English name: their pages and the pages
    # naming them change.
    attending = _meeting_files(project)[0].read_text(encoding="utf-8")
    person = next(
        m.group(1)
        for m in re.finditer(r"(?m)^([a-z][a-z0-9-]+):\n  name: \{ja: [^,]+, en: ([^}]+)\}", text)
        if m.group(1) in attending
    )
    people.write_text(re.sub(rf"(?m)^({person}:\n  name: \{{ja: [^,]+, en: [^}}]+)\}}", r"\1 Jr.}", text), encoding="utf-8")
    assert people.read_text(encoding="utf-8") != text
    second = tmp_path / "second"
    record = _build(project, second)
    clean = tmp_path / "clean"
    _build(project, clean, GIJIROKU_CACHE="0")
    assert_same_sites(second, clean)
    assert record["counts"]["pages_reused"] > 0
    assert _changed_pages_were_rebuilt(first, second) > 0, "renaming a person changed no page"


def test_the_cache_can_be_switched_off_in_mkdocs_yml(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("preview: 15", "preview: 15\n    cache: false"), encoding="utf-8"
    )
    _build(project, tmp_path / "site")
    record = _build(project, tmp_path / "again")
    assert record["counts"].get("pages_reused", 0) == 0
    assert not (project / ".cache").exists()


def test_a_navigation_page_s_front_matter_rebuilds_every_page(project: Path, tmp_path: Path) -> None:
    # Every page shows the navigation's pages with their front matter (Material's status
    # and subtitle): a change there is a change of every page.
    _build(project, tmp_path / "first")
    page = project / "docs" / "ja" / "about.md"
    page.write_text("---\nstatus: new\nsubtitle: 書式の説明\n---\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    _build(project, tmp_path / "second")
    _build(project, tmp_path / "clean", GIJIROKU_CACHE="0")
    assert_same_sites(tmp_path / "second", tmp_path / "clean")


def test_a_build_whose_warnings_were_not_seen_vouches_for_no_new_page(project: Path, tmp_path: Path) -> None:
    # Under -q MkDocs drops warnings before anyone counts them (and under -v it records no
    # anchored links): the pages such a build made are not reused by the next one.
    quiet = _build(project, tmp_path / "quiet", GIJIROKU_FLAGS="-q")
    assert quiet["counts"]["pages_reused"] == 0
    after_quiet = _build(project, tmp_path / "after-quiet")
    assert after_quiet["counts"]["pages_reused"] == 0
    watched = _build(project, tmp_path / "watched")
    assert watched["counts"]["pages_reused"] > 0
    assert_same_sites(tmp_path / "watched", tmp_path / "quiet")


def test_a_failed_build_leaves_no_cache_to_trust(project: Path, tmp_path: Path) -> None:
    _build(project, tmp_path / "first")
    home = project / "docs" / "en" / "index.md"
    text = home.read_text(encoding="utf-8")
    home.write_text(text + "\n[a broken link](nowhere.md)\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "failed")
    assert result.returncode != 0 and "nowhere.md" in result.stdout + result.stderr
    assert not (project / ".cache" / "gijiroku" / "en" / "manifest.json").exists()
    home.write_text(text, encoding="utf-8")
    _build(project, tmp_path / "fixed")
    _build(project, tmp_path / "clean", GIJIROKU_CACHE="0")
    assert_same_sites(tmp_path / "fixed", tmp_path / "clean")


def test_the_cache_keeps_only_what_it_vouches_for_and_publishes_by_copy_where_it_cannot_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gijiroku.build import pagecache
    from gijiroku.sources import digest_of

    cache = pagecache.PageCache(tmp_path / "cache")
    assert cache.acquire()
    other = pagecache.PageCache(tmp_path / "cache")
    assert not other.acquire(), "a second build must not share the cache"
    for name in ("a/index.html", "b/index.html", "search-index/meta.json"):
        (cache.site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (cache.site_dir / name).write_text(name, encoding="utf-8")
    cache.open("site-key")
    entry = pagecache.Entry.of_page("k", "a/index.html", ["x", "y"], {"b.md": ["z"]}, "c", digest_of(b"a/index.html"))
    cache.record("a.md", entry)
    cache.record_file("search-index/meta.json", "f", digest_of(b"search-index/meta.json"))
    cache.save()
    cache.keep_only(["a/index.html"])
    assert sorted(p.relative_to(cache.site_dir).as_posix() for p in cache.site_dir.rglob("*")) == ["a", "a/index.html"]
    (cache.site_dir / "data.json").write_text("data", encoding="utf-8")
    cache.record_file("data.json", "f", digest_of(b"data"))
    cache.save()

    again = pagecache.PageCache(tmp_path / "cache")
    again.open("site-key")
    assert not (tmp_path / "cache" / pagecache.MANIFEST).exists(), "a build in progress leaves no manifest"
    assert again.reuse("a.md", "a/index.html", "k", lambda src: True) == entry
    assert again.reuse("a.md", "a/index.html", "other key", lambda src: True) is None
    assert again.reuse("a.md", "a/index.html", "k", lambda src: src != "b.md") is None, "its link target is gone"
    # Other inputs that made the same Markdown: kept, under its new key.
    assert again.reuse("a.md", "a/index.html", "other key", lambda src: True, content="other") is None
    assert again.reuse("a.md", "a/index.html", "new key", lambda src: True, content="c") == dataclasses.replace(
        entry, key="new key"
    )
    # Files kept by key: all of a meeting's or none, and only while they are there.
    assert not again.reuse_files(["data.json", "search-index/meta.json"], "f"), "meta.json was removed"
    assert not again.reuse_files(["data.json"], "g")
    assert again.reuse_files(["data.json"], "f")
    (again.site_dir / "stale.json").write_text("stale", encoding="utf-8")
    again.keep_only(["a/index.html"])
    assert sorted(p.name for p in again.site_dir.rglob("*.*")) == ["data.json", "index.html"]
    assert entry.anchor_ids() == {"x", "y"} and entry.anchored_links() == {"b.md": {"z": "b.md#z"}}

    def no_links(src: object, dst: object) -> None:
        raise OSError("cross-device link")

    monkeypatch.setattr(pagecache.os, "link", no_links)
    published = tmp_path / "site"
    pagecache.link_tree(cache.site_dir, published)
    assert (published / "a" / "index.html").read_text(encoding="utf-8") == "a/index.html"
    assert not _same_file(published / "a" / "index.html", cache.site_dir / "a" / "index.html")
    cache.release()
    assert other.acquire()
    other.release()


def test_held_texts_on_disk_read_back_as_they_were_held(tmp_path: Path) -> None:
    from gijiroku.build.heldtexts import HeldTexts

    memory, disk = HeldTexts(), HeldTexts()
    disk.spill_to(tmp_path / "held")
    texts = {f"p{i}.md": ("議事録 " * i) + "\ud800" * (i % 2) for i in range(50)}  # a lone surrogate survives too
    for held in (memory, disk):
        held.update(texts)
    assert [p.name for p in (tmp_path / "held").iterdir()] == [], "the file is unlinked as it is made"
    assert all(disk.packed(src) == memory.packed(src) for src in texts)
    assert dict(disk) == texts and disk.take("p3.md") == texts["p3.md"] and "p3.md" not in disk
    for src in list(disk):
        del disk[src]
    disk["again.md"] = "x"  # a new file once the last was given back
    assert disk["again.md"] == "x"

    pid = os.fork()
    if pid == 0:  # a forked language build holds its own texts, and cannot read the parent's
        ok = False
        try:
            child = HeldTexts()
            child.spill_to(tmp_path / "held")
            child["c.md"] = "child"
            ok = child["c.md"] == "child"
            try:
                disk["more.md"] = "y"
                ok = False
            except RuntimeError:
                pass
        finally:
            os._exit(0 if ok else 1)
    assert os.waitpid(pid, 0)[1] == 0
    assert disk["again.md"] == "x"


def test_a_long_speaker_s_year_pages_are_rebuilt_one_year_at_a_time(tmp_path: Path) -> None:
    """On a verbatim archive a speaker's remarks are listed on a page per year; a meeting
    added in one year remakes that year's page and keeps the other years' (the rebuild
    does not grow with the speaker's whole record), and the site equals a clean build."""
    from devtools.synth import add_meeting
    from gijiroku import load_archive
    from gijiroku.index import index_archive

    project = scaffold_project(tmp_path / "project")
    minutes = project / "minutes"
    generate_archive(minutes, 8, seed=2, profile="verbatim")
    _build(project, tmp_path / "first")
    added = add_meeting(minutes, 8, 2, "verbatim")
    _build(project, tmp_path / "second")
    _build(project, tmp_path / "clean", GIJIROKU_CACHE="0")
    assert_same_sites(tmp_path / "second", tmp_path / "clean")

    archive, _ = load_archive(minutes)
    index = index_archive(archive)
    new = next(m for m in archive.meetings if m.original.path.endswith(added[0].name))
    speakers = {r.speaker for r in new.remarks if r.speaker}
    split = {p: [year for year, _ in index.speaker_years(p) or ()] for p in speakers}
    assert any(len(years) > 1 for years in split.values()), split  # the case under test exists
    for person, years in split.items():
        for year in years:
            for lang in ("ja", "en"):
                page = Path(lang) / "speakers" / person / str(year) / "index.html"
                kept = _same_file(tmp_path / "first" / page, tmp_path / "second" / page)
                assert kept is (year != new.date.year), page
