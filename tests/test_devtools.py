"""The development tools the benchmarks rest on: synthetic archives of both profiles
(valid minutes, of the intended shape)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from devtools.synth import generate_archive
from gijiroku import load_archive


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
