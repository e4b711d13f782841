"""Golden files: the Markdown generated for the small fixture archive, page by page.

Run `pytest tests/test_golden_pages.py --update-golden` after an intended change, and
review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BASE_MINUTES, ROOT
from gijiroku import load_archive
from gijiroku.index import index_archive
from gijiroku.model import LANGUAGES
from gijiroku.site.render import Renderer

GOLDEN = ROOT / "tests" / "golden"


def _generated() -> dict[str, str]:
    archive, diags = load_archive(BASE_MINUTES)
    assert not diags.items
    index = index_archive(archive)
    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        renderer = Renderer(index, lang, "https://minutes.example.org/" + lang + "/")
        for src, text in renderer.pages().items():
            pages[f"{lang}/{src}"] = text
        pages[f"{lang}/latest.md"] = renderer.render_latest("index.md")
    return pages


GENERATED = _generated()


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_golden(name: str, update_golden: bool) -> None:
    path = GOLDEN / name
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GENERATED[name], encoding="utf-8")
    assert path.is_file(), f"no golden file for {name}: run pytest --update-golden"
    assert GENERATED[name] == path.read_text(encoding="utf-8")


def test_no_stale_golden_files() -> None:
    existing = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert existing == set(GENERATED), "golden files for pages no longer generated: remove them (or --update-golden)"
