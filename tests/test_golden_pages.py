"""Golden files: the Markdown generated for the small fixture archive, page by page.

Run `pytest tests/test_golden_pages.py --update-golden` after an intended change, and
review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

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


def test_long_speakers_are_split_by_year(monkeypatch, tmp_path) -> None:
    """A speaker with more remarks than a page should hold gets a page of remarks per
    year; together they link every remark of theirs once, and the speaker's page keeps
    the roles and links each year."""
    import re

    from devtools.synth import generate_archive
    from gijiroku import index as index_module
    from gijiroku.site import render

    generate_archive(tmp_path / "minutes", 12, seed=4)
    archive, diags = load_archive(tmp_path / "minutes")
    assert not diags.errors
    index = index_archive(archive)
    person = max(index.people, key=lambda p: len(index.people[p].remarks))
    refs = index.people[person].remarks
    years = sorted({r.meeting.date.year for r in refs})
    assert len(years) > 1 and len(refs) > 5
    renderer = render.Renderer(index, "en", "")
    whole = renderer.render_speaker_pages(person)
    assert set(whole) == {f"speakers/{person}.md"}  # under the limit: one page

    monkeypatch.setattr(index_module, "SPEAKER_PAGE_REMARKS", 5)
    pages = renderer.render_speaker_pages(person)
    assert set(pages) == {f"speakers/{person}.md"} | {f"speakers/{person}/{y}.md" for y in years}
    main = pages[f"speakers/{person}.md"]
    assert all(f"]({person}/{y}.md)" in main for y in years)
    assert "{#roles}" in main and "gj-excerpt" not in main
    assert main.index("{#years}") < main.index("{#roles}"), "the years come before the long table of roles"
    linked = []
    for src, text in pages.items():
        found = re.findall(r"meetings/([a-z-]+)/([0-9-]+)\.md#(r\d+)", text)
        year = src.rsplit("/", 1)[-1][:-3]
        assert all(meeting[:4] == year for _, meeting, _ in found), src
        linked += [(f"{council}/{meeting}", anchor) for council, meeting, anchor in found]
    assert sorted(linked) == sorted((r.meeting.key, r.remark.id) for r in refs)
    in_order = re.findall(r"meetings/[a-z-]+/[0-9-]+\.md#r\d+", whole[f"speakers/{person}.md"])
    assert in_order == [f"meetings/{r.meeting.key}.md#{r.remark.id}" for r in refs]


def test_large_topics_are_split_by_year(monkeypatch, tmp_path) -> None:
    """A topic with more remarks than a page should hold gets a page per year; together
    they still link every tagged remark."""
    import re

    from devtools.synth import generate_archive
    from gijiroku import index as index_module
    from gijiroku.site import render

    generate_archive(tmp_path / "minutes", 12, seed=4)
    archive, diags = load_archive(tmp_path / "minutes")
    assert not diags.errors
    index = index_archive(archive)
    monkeypatch.setattr(index_module, "TOPIC_PAGE_REMARKS", 5)
    pages = render.Renderer(index, "en", "").render_topic_pages("data")
    tagged = {(r.meeting.key, r.remark.id) for r in index.topics["data"].remarks}
    assert len(tagged) > 5
    years = sorted({r.meeting.date.year for r in index.topics["data"].remarks})
    assert set(pages) == {"topics/data.md"} | {f"topics/data/{y}.md" for y in years}
    linked = set()
    for text in pages.values():
        for council, meeting, anchor in re.findall(r"meetings/([a-z-]+)/([0-9-]+)\.md#(r\d+)", text):
            linked.add((f"{council}/{meeting}", anchor))
    assert linked == tagged
    assert all(f"](data/{y}.md)" in pages["topics/data.md"] for y in years)
