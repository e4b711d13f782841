"""The cache never publishes what the minutes do not say.

`mkdocs build` keeps each language's site in `.cache/gijiroku/` (build/pagecache.py).
These tests damage what a build reads, at the moments and in the ways an unlucky user
or a deploy script would: a save while the build runs, a cached page truncated or
swapped, a published file appended to (it shares storage with the cache), the search
runs' store or the manifest corrupted, parts of the cache replaced by other kinds of
file, an option switched. Each ends with a site byte-identical to a clean build
(`GIJIROKU_CACHE=0`), or with an error naming the file.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import assert_same_sites, build_in_process, run_mkdocs_build, site_files, tiny_project

MEETING = "test-council/2024-02-15"
CACHE = Path(".cache") / "gijiroku"


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project built once: its cache is warm (each test copies it)."""
    folder = tmp_path_factory.mktemp("warm")
    project = tiny_project(folder / "project")
    _build(project, folder / "site")
    return project


@pytest.fixture(scope="module")
def clean(warm: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What a build without the cache publishes for the warm project's minutes."""
    return _clean(warm, tmp_path_factory.mktemp("clean") / "site")


@pytest.fixture()
def project(warm: Path, tmp_path: Path) -> Path:
    """A copy of the warm project, its cache with it."""
    return Path(shutil.copytree(warm, tmp_path / "project", symlinks=True))


def _build(project: Path, site: Path, **env: str) -> str:
    """A build that must succeed (in this process: these tests build often); its messages."""
    return build_in_process(project, site, **env)


def _clean(project: Path, site: Path, **env: str) -> Path:
    _build(project, site, GIJIROKU_CACHE="0", **env)
    return site


def _cached(project: Path, lang: str, relative: str) -> Path:
    return project / CACHE / lang / "site" / relative


def _page(meeting: str = MEETING) -> str:
    return f"meetings/{meeting}/index.html"


# -- a save while the build runs -----------------------------------------------------------------

EDIT_AFTER_LOAD = """
import gijiroku, pathlib
_load = gijiroku.load_archive
def _load_then_save(*args, **kwargs):
    loaded = _load(*args, **kwargs)
    path = pathlib.Path("minutes/test-council/2024-02-15.ja.md")
    path.write_text(path.read_text(encoding="utf-8").replace("title: 第1回 試験会議", "title: 第1回 改定会議"),
                    encoding="utf-8")
    return loaded
gijiroku.load_archive = _load_then_save
"""

EDIT_BEFORE_DATA_OUT = """
import gijiroku.data, pathlib
_write = gijiroku.data.write_data_out
def _save_then_write(*args, **kwargs):
    path = pathlib.Path("minutes/test-council/2024-02-15.ja.md")
    text = path.read_text(encoding="utf-8")
    if "試験会議" in text:
        path.write_text(text.replace("title: 第1回 試験会議", "title: 第1回 改定会議"), encoding="utf-8")
    return _write(*args, **kwargs)
gijiroku.data.write_data_out = _save_then_write
"""


@pytest.mark.parametrize("moment", [EDIT_AFTER_LOAD, EDIT_BEFORE_DATA_OUT], ids=["after-loading", "before-data-out"])
@pytest.mark.parametrize("cached", [True, False], ids=["warm", "cold"])
def test_a_save_during_the_build_is_named_and_the_next_build_shows_it(
    project: Path, tmp_path: Path, moment: str, cached: bool
) -> None:
    if not cached:
        shutil.rmtree(project / CACHE)
    during = run_mkdocs_build(project, tmp_path / "during", prelude=moment)
    assert during.returncode != 0, "a build whose input changed under it must not pass"
    assert f"minutes/{MEETING}.ja.md" in during.stdout + during.stderr
    assert "Traceback" not in during.stdout + during.stderr
    _build(project, tmp_path / "after")
    assert "改定会議" in (tmp_path / "after" / "ja" / _page()).read_text(encoding="utf-8")
    assert_same_sites(tmp_path / "after", _clean(project, tmp_path / "clean"))


# -- the cache verifies itself ---------------------------------------------------------------------


def _truncate(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _swap(a: Path, b: Path) -> None:
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)
    b.write_bytes(a_bytes)


DAMAGE = {
    "truncated-page": lambda p: _truncate(_cached(p, "ja", _page())),
    "emptied-page": lambda p: _cached(p, "en", _page()).write_bytes(b""),
    "swapped-pages": lambda p: _swap(_cached(p, "ja", _page()), _cached(p, "ja", _page("test-council/2024-03-15"))),
    "page-made-a-folder": lambda p: (_cached(p, "ja", _page()).unlink(), _cached(p, "ja", _page()).mkdir()),
    "page-made-a-link": lambda p: (
        _cached(p, "ja", _page()).unlink(),
        _cached(p, "ja", _page()).symlink_to(p / "minutes" / "people.yml"),
    ),
    # The data both languages share is cached once, beside the languages' sites.
    "truncated-data-file": lambda p: _truncate(_cached(p, "shared", f"api/meetings/{MEETING}.json")),
    "swapped-data-files": lambda p: _swap(
        _cached(p, "shared", f"api/meetings/{MEETING}.json"), _cached(p, "shared", "api/meetings/test-council/2024-03-15.json")
    ),
    "edited-zip": lambda p: _cached(p, "shared", "downloads/test-council/2024.zip").write_bytes(b"PK\x03\x04"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_cached_file_is_built_again(project: Path, clean: Path, tmp_path: Path, damage: str) -> None:
    DAMAGE[damage](project)
    messages = _build(project, tmp_path / "second")
    assert_same_sites(tmp_path / "second", clean)
    assert "built again" in messages or "written again" in messages, "a damaged cache is reported"
    third = _build(project, tmp_path / "third")
    assert "built again" not in third and "written again" not in third, "and reported once"
    assert_same_sites(tmp_path / "third", clean)


def test_a_file_changed_in_the_published_site_never_reaches_the_next_build(project: Path, clean: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    _build(project, site)  # published by hard links from the cache
    page = site / "ja" / _page()
    with open(page, "a", encoding="utf-8") as handle:  # a deploy script adding analytics
        handle.write("<script src='https://analytics.example/a.js'></script>\n")
    data = site / "api" / "meetings" / f"{MEETING}.json"
    data.write_bytes(data.read_bytes().replace(b"{", b"{ ", 1))  # a formatter, in place
    _build(project, site)
    assert_same_sites(site, clean)


def _search_store(project: Path, lang: str) -> Path:
    return project / CACHE / lang / "runs.bin"


STORE_DAMAGE = {
    "garbled": lambda path: path.write_bytes(path.read_bytes()[:8] + b"\x00garbage\xff" * 50 + path.read_bytes()[508:]),
    "truncated": _truncate,
    "emptied": lambda path: path.write_bytes(b""),
    "reversed": lambda path: path.write_bytes(path.read_bytes()[::-1]),
    "a-folder": lambda path: (path.unlink(), path.mkdir()),
    "index-garbled": lambda path: path.with_name("runs.json").write_text('{"format": 1, "meetings": []}', encoding="utf-8"),
    "index-wrong-types": lambda path: path.with_name("runs.json").write_text(
        json.dumps({**json.loads(path.with_name("runs.json").read_text(encoding="utf-8")), "meetings": {"x": ["a", None]}}),
        encoding="utf-8",
    ),
}


@pytest.mark.parametrize("damage", sorted(STORE_DAMAGE))
def test_a_damaged_search_store_is_discarded_not_a_failed_build(project: Path, clean: Path, tmp_path: Path, damage: str) -> None:
    for lang in ("ja", "en"):
        STORE_DAMAGE[damage](_search_store(project, lang))
    messages = _build(project, tmp_path / "second")  # a failure would raise here
    assert "Error -3" not in messages
    assert_same_sites(tmp_path / "second", clean)


def _manifest(project: Path, lang: str = "ja") -> Path:
    return project / CACHE / lang / "manifest.json"


def _rewrite_manifest(project: Path, change) -> None:
    path = _manifest(project)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _first_page(data: dict) -> dict:
    return data["pages"][sorted(data["pages"])[0]]


MANIFEST_DAMAGE = {
    "not-json": lambda p: _manifest(p).write_text("{", encoding="utf-8"),
    "pages-a-list": lambda p: _rewrite_manifest(p, lambda d: d.update(pages=[])),
    "files-a-list": lambda p: _rewrite_manifest(p, lambda d: d.update(files=[1, 2])),
    "anchors-a-number": lambda p: _rewrite_manifest(p, lambda d: _first_page(d).update(anchors=3)),
    "links-a-string": lambda p: _rewrite_manifest(p, lambda d: _first_page(d).update(links="x")),
    "dest-outside": lambda p: _rewrite_manifest(p, lambda d: _first_page(d).update(dest="../../../../minutes/people.yml")),
    "entry-missing": lambda p: _rewrite_manifest(p, lambda d: d["pages"].update({sorted(d["pages"])[0]: {}})),
    "a-folder": lambda p: (_manifest(p).unlink(), _manifest(p).mkdir()),
    "lock-a-folder": lambda p: ((p / CACHE / "ja" / "lock").unlink(), (p / CACHE / "ja" / "lock").mkdir()),
    "language-folder-a-file": lambda p: (shutil.rmtree(p / CACHE / "en"), (p / CACHE / "en").write_text("x")),
    "site-folder-a-file": lambda p: (shutil.rmtree(p / CACHE / "en" / "site"), (p / CACHE / "en" / "site").write_text("x")),
}


@pytest.mark.parametrize("damage", sorted(MANIFEST_DAMAGE))
def test_a_damaged_cache_is_discarded_not_a_failed_build(project: Path, clean: Path, tmp_path: Path, damage: str) -> None:
    MANIFEST_DAMAGE[damage](project)
    _build(project, tmp_path / "second")  # a failure would raise here
    assert_same_sites(tmp_path / "second", clean)
    _build(project, tmp_path / "third")
    assert_same_sites(tmp_path / "third", clean)


def test_a_cache_folder_linked_elsewhere_is_never_written_through(project: Path, clean: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "meetings").mkdir(parents=True)
    (elsewhere / "keep.txt").write_text("mine", encoding="utf-8")
    (elsewhere / "meetings" / "keep.txt").write_text("mine", encoding="utf-8")
    site = project / CACHE / "ja" / "site"
    shutil.rmtree(site / "meetings")
    (site / "meetings").symlink_to(elsewhere / "meetings", target_is_directory=True)
    shutil.rmtree(project / CACHE / "en" / "site")
    (project / CACHE / "en" / "site").symlink_to(elsewhere, target_is_directory=True)
    _build(project, tmp_path / "second")
    assert sorted(p.relative_to(elsewhere).as_posix() for p in elsewhere.rglob("*")) == [
        "keep.txt",
        "meetings",
        "meetings/keep.txt",
    ]
    assert_same_sites(tmp_path / "second", clean)


# -- options that change what is built ----------------------------------------------------------


def test_switching_data_out_off_and_on_on_a_warm_cache_builds_what_a_clean_build_does(
    project: Path, clean: Path, tmp_path: Path
) -> None:
    _build(project, tmp_path / "without", GIJIROKU_DATA_OUT="0")
    assert_same_sites(tmp_path / "without", _clean(project, tmp_path / "clean-without", GIJIROKU_DATA_OUT="0"))
    page = (tmp_path / "without" / "ja" / _page()).read_text(encoding="utf-8")
    assert ".json" not in page and "akn" not in page, "no link to data it does not publish"
    _build(project, tmp_path / "again")
    assert_same_sites(tmp_path / "again", clean)


def test_a_warm_build_publishes_what_a_clean_one_does_after_nothing_changed(project: Path, clean: Path, tmp_path: Path) -> None:
    before = os.stat(_cached(project, "ja", _page())).st_ino
    messages = _build(project, tmp_path / "second")
    assert site_files(tmp_path / "second") == site_files(clean)
    assert os.stat(tmp_path / "second" / "ja" / _page()).st_ino == before, "an unchanged page is kept, not built again"
    assert "built again" not in messages


EDIT_THEME_AFTER_LOAD = """
import gijiroku, pathlib
_load = gijiroku.load_archive
def _load_then_edit_theme(*args, **kwargs):
    loaded = _load(*args, **kwargs)
    pathlib.Path("overrides/partials/logo.html").write_text("<!-- logo, second version -->", encoding="utf-8")
    return loaded
gijiroku.load_archive = _load_then_edit_theme
"""


def test_a_theme_file_changed_during_the_build_drops_the_cache(project: Path, tmp_path: Path) -> None:
    """Pages made with a template the key does not describe must not be kept."""
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1), encoding="utf-8"
    )
    logo = project / "overrides" / "partials" / "logo.html"
    logo.parent.mkdir(parents=True)
    logo.write_text("<!-- logo, first version -->", encoding="utf-8")
    _build(project, tmp_path / "first")
    during = run_mkdocs_build(project, tmp_path / "during", prelude=EDIT_THEME_AFTER_LOAD)
    assert during.returncode != 0 and "overrides/partials/logo.html" in during.stdout + during.stderr
    assert not (project / CACHE / "ja" / "manifest.json").exists()
    _build(project, tmp_path / "after")
    assert "second version" in (tmp_path / "after" / "ja" / _page()).read_text(encoding="utf-8")
    assert_same_sites(tmp_path / "after", _clean(project, tmp_path / "clean"))


def test_a_ledger_entry_on_a_hand_written_page_stops_the_build_by_its_line(project: Path, tmp_path: Path) -> None:
    """A tombstone or redirect at a hand-written page's address would silently replace it."""
    (project / "minutes" / "ledger.yml").write_text(
        "withdrawn:\n  about/: gone\nmoved:\n  data/: meetings/test-council/2024-01-15/\n", encoding="utf-8"
    )
    result = run_mkdocs_build(project, tmp_path / "site")
    messages = result.stdout + result.stderr
    assert result.returncode != 0, messages
    assert "minutes/ledger.yml:2:1: E094 'about/'" in messages and "minutes/ledger.yml:4:1: E094 'data/'" in messages
    assert "Traceback" not in messages


@pytest.mark.parametrize("where", ["en/extra.md", "ja/index.md"])
def test_a_fifo_among_the_hand_written_pages_stops_the_build_unread(project: Path, tmp_path: Path, where: str) -> None:
    path = project / "docs" / where
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    result = run_mkdocs_build(project, tmp_path / "site", timeout=60)
    messages = result.stdout + result.stderr
    assert result.returncode != 0 and f"docs/{where}: not a regular file (a FIFO" in messages, messages
    assert "Traceback" not in messages
