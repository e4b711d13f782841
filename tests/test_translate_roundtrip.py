"""`gijiroku translate export` and `import` on the real minutes: today's English goes out
as targets and comes back changing nothing; a removed translation is recreated; an
empty translation is filled from targets, and a unit whose original changed meanwhile
is refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from gijiroku.model import fingerprint
from translatecheck import (
    MEETING,
    XLIFF2,
    XLIFF12,
    english_texts,
    fill_xliff2,
    gijiroku,
    loaded,
    real_minutes,
    snapshot,
)

EN_FILE = "ai-strategy-council/2023-08-04.en.md"
JA_FILE = "ai-strategy-council/2023-08-04.ja.md"


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    return real_minutes(tmp_path)


def export(minutes: Path, out: Path, *args: str) -> None:
    run = gijiroku("translate", "export", *args, "-o", out, "--directory", minutes)
    assert run.status == 0, run.stderr


def test_export_carries_todays_english_as_translated_targets(minutes: Path, tmp_path: Path) -> None:
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, MEETING)
    meeting, _ = loaded(minutes)
    english = meeting.version("en")
    assert english is not None
    root = etree.parse(str(xlf)).getroot()
    ns = {"x": XLIFF2}
    assert root.get("srcLang") == "ja" and root.get("trgLang") == "en"
    (file_node,) = root.findall("x:file", ns)
    assert file_node.get("original") == JA_FILE
    for remark in meeting.remarks:
        unit = file_node.find(f"x:unit[@id='remark.{remark.id}']", ns)
        assert unit is not None, remark.id
        segments = unit.findall("x:segment", ns)
        assert [s.findtext("x:source", namespaces=ns) for s in segments] == list(meeting.original.remarks[remark.id].paragraphs)
        assert [s.findtext("x:target", namespaces=ns) for s in segments] == list(english.remarks[remark.id].paragraphs)
        assert {s.get("state") for s in segments} == {"translated"}
        fingerprints = unit.xpath(
            ".//mda:meta[@type='source-fingerprint']/text()", namespaces={"mda": "urn:oasis:names:tc:xliff:metadata:2.0"}
        )
        assert fingerprints == [meeting.original.remarks[remark.id].fingerprint]
    title = file_node.find("x:unit[@id='title']/x:segment/x:target", ns)
    assert title is not None and title.text == english.title
    # Context for the translator, and nothing that is not to be translated.
    matsumoto = file_node.find("x:unit[@id='remark.matsumoto-1']", ns)
    notes = {n.get("category"): n.text for n in matsumoto.iterfind("x:notes/x:note", ns)}
    assert "総務大臣" in notes["speaker"] and "Takeaki Matsumoto" in notes["speaker"] and notes["kind"].startswith("spoken")
    opinion = file_node.find("x:unit[@id='remark.opinion-07']", ns)
    assert "speaker" not in {n.get("category") for n in opinion.iterfind("x:notes/x:note", ns)}
    assert "agenda item 'ai-development'" in opinion.find("x:notes/x:note[@category='section']", ns).text
    unit_ids = {u.get("id") for u in file_node.iterfind("x:unit", ns)}
    assert not any(i.startswith(("person", "speaker", "topic", "date")) for i in unit_ids)
    terms = matsumoto.xpath(".//gls:term/text()", namespaces={"gls": "urn:oasis:names:tc:xliff:glossary:2.0"})
    assert "広島AIプロセス" in terms


@pytest.mark.parametrize("version", ["2.0", "1.2"])
def test_importing_an_unchanged_export_changes_no_file(minutes: Path, tmp_path: Path, version: str) -> None:
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, MEETING, "--xliff", version)
    before = snapshot(minutes)
    run = gijiroku("translate", "import", xlf, "--directory", minutes)
    assert run.status == 0, run.stderr
    assert snapshot(minutes) == before
    assert "no file changes" in run.stderr


@pytest.mark.parametrize("version", ["2.0", "1.2"])
def test_a_removed_translation_is_recreated_and_checks_clean(minutes: Path, tmp_path: Path, version: str) -> None:
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, MEETING, "--xliff", version)
    today = (minutes / EN_FILE).read_text(encoding="utf-8")
    (minutes / EN_FILE).unlink()
    run = gijiroku("translate", "import", xlf, "--directory", minutes)
    assert run.status == 0, run.stderr
    meeting, diagnostics = loaded(minutes)
    assert diagnostics == []
    english, original = meeting.version("en"), meeting.original
    assert english is not None and english.provenance is not None
    assert english.provenance.by == "gijiroku contributors"  # carried in the XLIFF file
    assert {rid: text.source for rid, text in english.remarks.items()} == {
        rid: t.fingerprint for rid, t in original.remarks.items()
    }
    recreated = (minutes / EN_FILE).read_text(encoding="utf-8")
    # Only the provenance note is written another way (one quoted line, not folded).
    assert [line for line in recreated.splitlines() if line not in today.splitlines()] == [
        '  note: "Translated for this archive from the Japanese summary minutes published by the Cabinet Office."'
    ]


def test_the_seed_meeting_fills_an_empty_translation(minutes: Path, tmp_path: Path) -> None:
    """The seed meeting exported with no translation, its targets filled from today's
    English as a CAT tool would, imported into an empty translation: it checks clean,
    with every remark's source= set."""
    (minutes / EN_FILE).unlink()
    xlf = tmp_path / "seed.xlf"
    export(minutes, xlf)  # by default: everything untranslated
    root = etree.parse(str(xlf)).getroot()
    assert root.find(f"{{{XLIFF2}}}file").get("original") == JA_FILE
    assert root.find(f".//{{{XLIFF2}}}target") is None, "nothing translated yet"
    texts = english_texts()
    assert fill_xliff2(xlf, texts) == len(texts)
    run = gijiroku("translate", "import", xlf, "--by", "Test translators", "--directory", minutes)
    assert run.status == 0, run.stderr
    meeting, diagnostics = loaded(minutes)
    assert diagnostics == []
    english = meeting.version("en")
    assert english is not None and english.provenance is not None
    assert (english.provenance.by, english.provenance.method, english.provenance.reviewed) == ("Test translators", "human", False)
    for remark in meeting.remarks:
        assert english.remarks[remark.id].source == meeting.original.remarks[remark.id].fingerprint
        assert english.remarks[remark.id].paragraphs == texts[f"remark.{remark.id}"]
    assert english.title == texts["title"][0]


def test_a_unit_whose_original_changed_since_the_export_is_refused_by_name(minutes: Path, tmp_path: Path) -> None:
    (minutes / EN_FILE).unlink()
    xlf = tmp_path / "seed.xlf"
    export(minutes, xlf, MEETING)
    fill_xliff2(xlf, english_texts())
    ja = minutes / JA_FILE
    ja.write_text(ja.read_text(encoding="utf-8").replace("二番手レベルの案", "二番手の案"), encoding="utf-8")
    before = snapshot(minutes)
    run = gijiroku("translate", "import", xlf, "--by", "Test translators", "--directory", minutes)
    assert run.status == 1
    refused = [line for line in run.stderr.splitlines() if " E113 " in line]
    assert len(refused) == 1 and "unit 'remark.opinion-06'" in refused[0], run.stderr
    assert "no file was changed" in run.stderr
    assert snapshot(minutes) == before
    # --skip-changed imports the rest; the new file then lacks that remark, so it is still refused as incomplete.
    run = gijiroku("translate", "import", xlf, "--by", "Test translators", "--skip-changed", "--directory", minutes)
    assert run.status == 1 and " W110 " in run.stderr and " E115 " in run.stderr and "remark.opinion-06" in run.stderr
    assert snapshot(minutes) == before


def test_skip_changed_updates_an_existing_translation_and_keeps_the_changed_remark_stale(minutes: Path, tmp_path: Path) -> None:
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, MEETING)
    texts = english_texts()
    texts["remark.opinion-02"] = ("Assessing risks and impacts matters, especially for public bodies and infrastructure.",)
    texts["remark.opinion-06"] = ("A new translation of a text that has since changed.",)
    fill_xliff2(xlf, texts)
    ja = minutes / JA_FILE
    ja.write_text(ja.read_text(encoding="utf-8").replace("二番手レベルの案", "二番手の案"), encoding="utf-8")
    run = gijiroku("translate", "import", xlf, "--skip-changed", "--directory", minutes)
    assert run.status == 0, run.stderr
    meeting, diagnostics = loaded(minutes)
    english = meeting.version("en")
    assert english.remarks["opinion-02"].paragraphs == texts["remark.opinion-02"]
    assert english.stale == frozenset({"opinion-06"})
    assert [d for d in diagnostics if " W080 " in d and "opinion-06" in d]


def test_a_stale_translation_stays_stale_until_it_is_changed_or_confirmed(minutes: Path, tmp_path: Path) -> None:
    ja = minutes / JA_FILE
    ja.write_text(ja.read_text(encoding="utf-8").replace("二番手レベルの案", "二番手の案"), encoding="utf-8")
    meeting, _ = loaded(minutes)
    assert meeting.version("en").stale == frozenset({"opinion-06"})
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf)  # by default: everything untranslated or stale
    ns = {"x": XLIFF2}
    segment = etree.parse(str(xlf)).find(".//x:unit[@id='remark.opinion-06']/x:segment", ns)
    assert (segment.get("state"), segment.get("subState")) == ("initial", "gijiroku:stale")
    assert segment.findtext("x:target", namespaces=ns) == meeting.version("en").remarks["opinion-06"].paragraphs[0]
    before = snapshot(minutes)
    assert gijiroku("translate", "import", xlf, "--directory", minutes).status == 0
    assert snapshot(minutes) == before, "left for review, it stays as it was"
    # A reviewer confirms the old translation (state translated, the text unchanged).
    fill_xliff2(xlf, {"remark.opinion-06": meeting.version("en").remarks["opinion-06"].paragraphs})
    assert gijiroku("translate", "import", xlf, "--directory", minutes).status == 0
    meeting, diagnostics = loaded(minutes)
    assert meeting.version("en").stale == frozenset() and diagnostics == []
    changed = [a for a, b in zip((minutes / EN_FILE).read_bytes().split(b"\n"), before[EN_FILE].split(b"\n")) if a != b]
    assert (
        len(changed) == 1
        and changed[0].startswith(b"::: remark id=opinion-06 ")
        and f"source={meeting.original.remarks['opinion-06'].fingerprint}".encode() in changed[0]
    )


def test_copy_source_puts_the_source_in_every_target_and_such_targets_are_not_translations(minutes: Path, tmp_path: Path) -> None:
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, MEETING, "--xliff", "1.2", "--copy-source")
    root = etree.parse(str(xlf)).getroot()
    ns = {"x": XLIFF12}
    units = root.findall(".//x:trans-unit", ns)
    assert units and all(u.findtext("x:source", namespaces=ns) == u.findtext("x:target", namespaces=ns) for u in units)
    assert {u.find("x:target", ns).get("state") for u in units} == {"needs-translation"}
    before = snapshot(minutes)
    assert gijiroku("translate", "import", xlf, "--directory", minutes).status == 0
    assert snapshot(minutes) == before
    (minutes / EN_FILE).unlink()
    run = gijiroku("translate", "import", xlf, "--by", "x", "--directory", minutes)
    assert run.status == 1 and " E115 " in run.stderr and "leaves 66 units untranslated" in run.stderr


def test_xliff_12_groups_a_remarks_paragraphs_and_imports_edits(minutes: Path, tmp_path: Path) -> None:
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, MEETING, "--xliff", "1.2")
    tree = etree.parse(str(xlf))
    ns = {"x": XLIFF12}
    group = tree.find(".//x:group[@id='remark.matsumoto-1']", ns)
    assert [u.get("id") for u in group.findall("x:trans-unit", ns)] == [f"remark.matsumoto-1.p{i}" for i in (1, 2, 3)]
    target = group.find("x:trans-unit[@id='remark.matsumoto-1.p2']/x:target", ns)
    target.text = "Today we will discuss a draft image of the interim report."
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    assert gijiroku("translate", "import", xlf, "--directory", minutes).status == 0
    meeting, diagnostics = loaded(minutes)
    assert diagnostics == []
    paragraphs = meeting.version("en").remarks["matsumoto-1"].paragraphs
    assert len(paragraphs) == 3 and paragraphs[1] == target.text


def test_fingerprints_are_the_ones_the_checker_computes(minutes: Path, tmp_path: Path) -> None:
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, MEETING, "--xliff", "1.2")
    meeting, _ = loaded(minutes)
    tree = etree.parse(str(xlf))
    unit = tree.find(f".//{{{XLIFF12}}}trans-unit[@id='title']")
    assert unit.get("{urn:x-gijiroku:translate}source-fingerprint") == fingerprint((meeting.original.title,))


def test_with_the_source_in_the_targets_a_stale_translation_travels_in_a_note(minutes: Path, tmp_path: Path) -> None:
    ja = minutes / JA_FILE
    ja.write_text(ja.read_text(encoding="utf-8").replace("二番手レベルの案", "二番手の案"), encoding="utf-8")
    xlf = tmp_path / "x.xlf"
    export(minutes, xlf, "--xliff", "1.2", "--copy-source")
    tree = etree.parse(str(xlf))
    unit = tree.find(f".//{{{XLIFF12}}}trans-unit[@id='remark.opinion-06.p1']")
    notes = [n.text for n in unit.iterfind(f"{{{XLIFF12}}}note")]
    earlier = english_texts()["remark.opinion-06"][0]
    assert f"previous-translation — translated from an earlier version of the original: {earlier}" in notes
    assert unit.findtext(f"{{{XLIFF12}}}target") == unit.findtext(f"{{{XLIFF12}}}source")
