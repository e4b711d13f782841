"""The development tools the benchmarks rest on: synthetic archives of both profiles
(valid minutes, of the intended shape), the changes the incremental benchmark makes to
them, and how it classifies a site's files."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from devtools.benchmark import FILE_KINDS, OTHER, compare_trees, file_kind, site_by_kind
from devtools.synth import add_meeting, edit_remark, generate_archive
from gijiroku import load_archive
from gijiroku.model import fingerprint


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def test_the_summary_profile_writes_the_same_archive_for_the_same_seed(tmp_path: Path) -> None:
    """Benchmarks compare runs over time: the default profile's archives must not change."""
    generate_archive(tmp_path, 8, seed=1)
    assert _digest(tmp_path) == "b600c8f1e6996a7e07ce98c86a2317aa1a8ab293aa2d6298e8849c4a9d2fe028"


@pytest.fixture(scope="module")
def verbatim(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("verbatim") / "minutes"
    generate_archive(out, 7, seed=2, profile="verbatim")
    return out


def test_a_verbatim_archive_passes_the_strict_check(verbatim: Path) -> None:
    archive, diags = load_archive(verbatim)
    assert [d.format() for d in diags.sorted()] == []
    assert len(archive.meetings) == 7
    assert {m.record for m in archive.meetings} == {"verbatim"}


def test_verbatim_meetings_are_long_records_of_many_turns(verbatim: Path) -> None:
    originals = sorted(verbatim.glob("*/*.ja.md"))
    assert len(originals) == 7
    assert any(p.with_name(p.name.replace(".ja.", ".en.")).is_file() for p in originals)
    for path in originals:
        text = path.read_text(encoding="utf-8")
        assert 60_000 <= len(text.encode()) <= 150_000, path
        speakers = Counter(re.findall(r"^::: remark .* speaker=(\S+)", text, re.M))
        assert 200 <= text.count("\n::: remark ") <= 600, path
        chair = re.search(r"group: chair, person: ([a-z0-9-]+)", text)
        assert chair and speakers.most_common(1)[0][0] == chair.group(1)  # the chair speaks most, in short turns
        assert any(len(block.split("\n\n")) > 3 for block in text.split("\n::: remark "))  # some turns run long
        assert re.search(r"^::: remark .* topics=", text, re.M)


def test_a_verbatim_archive_is_the_same_for_the_same_seed(verbatim: Path, tmp_path: Path) -> None:
    generate_archive(tmp_path, 7, seed=2, profile="verbatim")
    assert _digest(tmp_path) == _digest(verbatim)


@pytest.mark.parametrize("profile", ["summary", "verbatim"])
def test_an_added_meeting_and_an_edited_remark_keep_the_archive_free_of_warnings(tmp_path: Path, profile: str) -> None:
    """What the incremental benchmark does before its rebuild: `mkdocs build --strict`
    would stop on a stale translation (W080)."""
    generate_archive(tmp_path, 6, seed=3, profile=profile, translated_share=0.5)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.md")}
    added = add_meeting(tmp_path, 6, seed=3, profile=profile)
    assert all(p.is_file() and p not in before for p in added)
    originals = sorted(tmp_path.glob("*/*.ja.md"))
    translated = next(p for p in originals if p.with_name(p.name.replace(".ja.", ".en.")).is_file() and p not in added)
    untranslated = next(p for p in originals if not p.with_name(p.name.replace(".ja.", ".en.")).is_file())
    edited = edit_remark(translated) + edit_remark(untranslated)
    assert len(edited) == 3
    changed = {p for p, data in before.items() if p.read_bytes() != data}
    assert changed == set(edited)
    archive, diags = load_archive(tmp_path)
    assert [d.format() for d in diags.sorted()] == []
    meeting = next(m for m in archive.meetings if m.key == f"{translated.parent.name}/{translated.name[:-6]}")
    edited_ja = [r for r, t in meeting.versions["ja"].remarks.items() if "次回の会議で改めて報告する" in t.paragraphs[-1]]
    assert len(edited_ja) == 1
    english = meeting.versions["en"].remarks[edited_ja[0]]
    assert english.paragraphs[-1].endswith("reported on again at the next meeting.")
    assert english.source == fingerprint(meeting.versions["ja"].remarks[edited_ja[0]].paragraphs)
    assert not meeting.versions["en"].stale


def test_site_files_are_classified_by_path() -> None:
    expected = {
        "ja/meetings/energy-council/2010-04-01/index.html": "meeting pages",
        "en/meetings/energy-council/2010-04-01-2/compare/index.html": "side-by-side pages",
        "en/meetings/index.html": "index pages",
        "en/meetings/energy-council/index.html": "index pages",
        "ja/speakers/index.html": "index pages",
        "ja/topics/index.html": "index pages",
        "ja/speakers/sato-taro/index.html": "speaker pages",
        "ja/speakers/sato-taro/2012/index.html": "speaker pages",
        "en/topics/energy/index.html": "topic pages",
        "en/topics/energy/2012/index.html": "topic pages",
        "ja/search-index/facets/s-3.json": "search index",
        "ja/compare/index.html": "side-by-side pages",
        "api/meetings/energy-council/2010-04-01.json": "meeting JSON",
        "downloads/energy-council/2010.zip": "zips of Akoma Ntoso and sources",
        "en/api/meetings.json": "API indexes and schemas",
        "en/api/schemas/meeting.schema.json": "API indexes and schemas",
        "en/feeds/speakers/sato-taro.xml": "feeds",
        "assets/javascripts/bundle.min.js": "theme assets",
        "en/assets/gijiroku.css": "theme assets",
        "ja/index.html": OTHER,
        "ja/search/index.html": OTHER,
        "ja/about/index.html": OTHER,
        "404.html": OTHER,
        "index.html": OTHER,
        "ja/sitemap.xml.gz": OTHER,
    }
    assert {path: file_kind(path) for path in expected} == expected
    assert {kind for kind, _ in FILE_KINDS} | {OTHER} == set(expected.values())


def test_site_sizes_count_what_a_reader_transfers(tmp_path: Path) -> None:
    """Bytes, files and gzip bytes by kind; a zip counts as sent (its members are
    compressed already); the fullest folder (Netlify's limit is per folder)."""
    page = tmp_path / "ja" / "meetings" / "c" / "m" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(b"<p>" + b"remark " * 2000 + b"</p>")
    bundle = tmp_path / "downloads" / "c" / "2024.zip"
    bundle.parent.mkdir(parents=True)
    bundle.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    measured = site_by_kind(tmp_path)
    size, files, packed = measured.kinds["meeting pages"]
    assert (size, files) == (page.stat().st_size, 1) and 0 < packed < size / 20
    assert measured.kinds["zips of Akoma Ntoso and sources"] == (bundle.stat().st_size, 1, bundle.stat().st_size)
    assert measured.widest_folder == 2, "the site's root holds ja/ and downloads/"


def test_compare_trees_names_what_differs(tmp_path: Path) -> None:
    for side in ("a", "b"):
        (tmp_path / side / "x").mkdir(parents=True)
        (tmp_path / side / "x" / "same.html").write_text("same")
    assert compare_trees(tmp_path / "a", tmp_path / "b")["identical"]
    (tmp_path / "a" / "x" / "same.html").write_text("changed")
    (tmp_path / "b" / "extra.json").write_text("{}")
    compared = compare_trees(tmp_path / "a", tmp_path / "b")
    assert not compared["identical"]
    assert (compared["differ"], compared["only_first"], compared["only_second"]) == (1, 0, 1)
    assert set(compared["examples"]) == {"x/same.html", "extra.json"}
