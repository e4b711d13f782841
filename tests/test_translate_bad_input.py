"""Bad input to `gijiroku translate import`: each gives a clear diagnostic naming the file,
the line and what to do, and changes no file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from conftest import BASE_MINUTES, ROOT
from gijiroku.translate.xliff import paragraphs_of
from hostile import PIECES
from translatecheck import MEETING, XLIFF2, XLIFF12, english_texts, fill_xliff2, gijiroku, loaded, real_minutes, snapshot

EN_FILE = "ai-strategy-council/2023-08-04.en.md"


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    return real_minutes(tmp_path)


@pytest.fixture
def xlf(minutes: Path, tmp_path: Path) -> Path:
    out = tmp_path / "work.xlf"
    assert gijiroku("translate", "export", MEETING, "-o", out, "--directory", minutes).status == 0
    return out


def refused(minutes: Path, xlf: Path, *args: str) -> list[str]:
    """The diagnostic lines of an import that must change nothing."""
    before = snapshot(minutes)
    run = gijiroku("translate", "import", xlf, "--directory", minutes, *args)
    assert run.status == 1, run.stderr
    assert "no file was changed" in run.stderr and "Traceback" not in run.stderr
    assert snapshot(minutes) == before
    return diagnostic_lines(run.stderr)


def diagnostic_lines(stderr: str) -> list[str]:
    """Each diagnostic with its hint, as one line."""
    lines: list[str] = []
    for line in stderr.splitlines():
        if line.startswith("    hint: ") and lines:
            lines[-1] += " " + line.strip()
        elif ": E" in line or ": W" in line:
            lines.append(line)
    return lines


def edit(path: Path, find: str, replace: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert find in text
    path.write_text(text.replace(find, replace, 1), encoding="utf-8")


def test_a_malformed_file(minutes: Path, xlf: Path) -> None:
    data = xlf.read_bytes()
    xlf.write_bytes(data[: len(data) // 2])
    (line,) = refused(minutes, xlf)
    assert line.startswith("work.xlf:") and " E110 not well-formed XML" in line


def test_a_file_that_is_not_xliff(minutes: Path, tmp_path: Path) -> None:
    other = tmp_path / "page.xlf"
    other.write_text("<html><body>hello</body></html>", encoding="utf-8")
    (line,) = refused(minutes, other)
    assert " E110 not an XLIFF document" in line


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',  # entity expansion
        '<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',  # an external entity
    ],
)
def test_a_dtd_and_its_entities_are_never_read(minutes: Path, xlf: Path, doctype: str) -> None:
    text = xlf.read_text(encoding="utf-8")
    declaration, rest = text.split("\n", 1)
    xlf.write_text(
        declaration
        + "\n"
        + doctype
        + "\n"
        + rest.replace("4th Meeting", "&b;&secret;", 1).replace("&b;&secret;", "&b;" if "ENTITY a" in doctype else "&secret;"),
        encoding="utf-8",
    )
    lines = refused(minutes, xlf)
    assert len(lines) == 1 and " E110 the file declares a DTD" in lines[0]
    assert "root:" not in "\n".join(lines)


def test_a_unit_for_a_remark_that_does_not_exist(minutes: Path, xlf: Path) -> None:
    edit(xlf, 'unit id="remark.opinion-20"', 'unit id="remark.opinion-21"')
    texts = english_texts()
    texts["remark.opinion-21"] = texts.pop("remark.opinion-20")
    fill_xliff2(xlf, texts)
    (line,) = refused(minutes, xlf)
    assert " E112 unit 'remark.opinion-21' names nothing meeting 'ai-strategy-council/2023-08-04' has" in line
    assert line.startswith("work.xlf:") and int(line.split(":")[1]) > 1


@pytest.mark.parametrize("target", ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "</p><p>"])
def test_a_target_with_markup_that_would_inject_html(minutes: Path, xlf: Path, target: str) -> None:
    fill_xliff2(xlf, {"remark.opinion-03": (f"Fine words {target} here.",)})
    (line,) = refused(minutes, xlf)
    assert " E050 markup" in line and "unit 'remark.opinion-03'" in line


def test_a_target_with_inline_codes(minutes: Path, xlf: Path) -> None:
    fill_xliff2(xlf, {"title": ("4th Meeting",)})
    edit(xlf, "<target>4th Meeting</target>", '<target>4th <pc id="1">Meeting</pc></target>')
    (line,) = refused(minutes, xlf)
    assert " E114 <pc> in <target>" in line


def test_a_target_with_a_control_character(minutes: Path, xlf: Path) -> None:
    fill_xliff2(xlf, {"title": ("4th Meeting",)})
    edit(xlf, "<target>4th Meeting</target>", '<target>4th<cp hex="0007"/> Meeting</target>')
    (line,) = refused(minutes, xlf)
    assert " E051 control character U+0007" in line


def test_a_paragraph_that_would_be_read_as_a_directive(minutes: Path, xlf: Path) -> None:
    fill_xliff2(xlf, {"remark.end": ("::: remark id=end kind=narration",)})
    (line,) = refused(minutes, xlf)
    assert " E114 a paragraph of unit 'remark.end' starts with ':::'" in line


def test_a_different_projects_file(minutes: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "minutes"
    shutil.copytree(BASE_MINUTES, other)
    xlf = tmp_path / "other.xlf"
    assert gijiroku("translate", "export", "--all", "-o", xlf, "--directory", other).status == 0
    (line,) = refused(minutes, xlf)
    assert " E111 meeting 'test-council/2024-01-15' is not in this archive" in line and "another project" in line


def test_a_file_in_another_language_pair(minutes: Path, xlf: Path) -> None:
    edit(xlf, 'trgLang="en"', 'trgLang="fr"')
    (line,) = refused(minutes, xlf)
    assert " E111 the file translates 'ai-strategy-council/2023-08-04' into 'fr'" in line


def test_a_remark_translated_in_part(minutes: Path, xlf: Path) -> None:
    fill_xliff2(xlf, {"remark.matsumoto-1": ("Only the first paragraph.", "", "")})
    (line,) = refused(minutes, xlf)
    assert " E115 unit 'remark.matsumoto-1' has no translation of paragraph 2, 3" in line


def test_a_new_translation_without_provenance(minutes: Path, tmp_path: Path) -> None:
    (minutes / EN_FILE).unlink()
    xlf = tmp_path / "work.xlf"
    assert gijiroku("translate", "export", MEETING, "-o", xlf, "--directory", minutes).status == 0
    fill_xliff2(xlf, english_texts())
    (line,) = refused(minutes, xlf)
    assert " E116 who translated 'ai-strategy-council/2023-08-04'?" in line and "--by" in line


def test_every_problem_is_reported_in_one_run(minutes: Path, xlf: Path) -> None:
    fill_xliff2(xlf, {"remark.opinion-03": ("<b>bold</b>",), "remark.opinion-04": ("::: x",)})
    edit(xlf, 'unit id="remark.opinion-20"', 'unit id="remark.nothing"')
    codes = sorted(line.split(": ")[1].split()[0] for line in refused(minutes, xlf))
    assert codes == ["E050", "E112", "E114"]


def test_a_missing_file_and_an_empty_one(minutes: Path, tmp_path: Path) -> None:
    (line,) = refused(minutes, tmp_path / "nowhere.xlf")
    assert " E110 cannot read the file" in line
    empty = tmp_path / "empty.xlf"
    empty.write_text(f'<xliff xmlns="{XLIFF12}" version="1.2"/>', encoding="utf-8")
    (line,) = refused(minutes, empty)
    assert " E110 the XLIFF file holds no <file>" in line


def test_the_xml_is_parsed_without_the_network(minutes: Path, xlf: Path) -> None:
    """An XInclude or a schema location is text to the import, never a fetch."""
    tree = etree.parse(str(xlf))
    tree.getroot().set("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation", f"{XLIFF2} http://127.0.0.1:9/x.xsd")
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    before = snapshot(minutes)
    assert gijiroku("translate", "import", xlf, "--directory", minutes).status == 0
    assert snapshot(minutes) == before


_HOSTILE = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=_HOSTILE, label=_HOSTILE, remark=_HOSTILE)
def test_any_target_is_refused_with_a_diagnostic_or_written_so_that_it_checks_clean(
    tmp_path_factory: pytest.TempPathFactory, title: str, label: str, remark: str
) -> None:
    """Hostile text in targets (Markdown, HTML, YAML and directive syntax, controls, bidi
    marks): the import either refuses it with diagnostics and changes nothing, or writes
    files that check clean and hold exactly that text."""
    tmp = tmp_path_factory.mktemp("hostile")
    minutes = real_minutes(tmp)
    xlf = tmp / "x.xlf"
    assert gijiroku("translate", "export", MEETING, "-o", xlf, "--directory", minutes).status == 0
    try:
        fill_xliff2(xlf, {"title": (title,), "remark.matsumoto-1.label": (label,), "remark.end": (remark,)})
    except ValueError:
        event("not XML")
        return  # not XML at all (a NUL, a lone control): no CAT tool could write it either
    before = snapshot(minutes)
    run = gijiroku("translate", "import", xlf, "--directory", minutes)
    assert "Traceback" not in run.stderr
    if run.status != 0:
        event("refused")
        assert run.status == 1 and snapshot(minutes) == before and ": E" in run.stderr
        return
    event("written")
    old, _ = loaded(ROOT / "minutes")
    meeting, diagnostics = loaded(minutes)
    assert not [d for d in diagnostics if ": E" in d], diagnostics
    english, before_english = meeting.version("en"), old.version("en")
    assert english.title == (" ".join(paragraphs_of(title)) or before_english.title)
    assert english.remarks["matsumoto-1"].label == (" ".join(paragraphs_of(label)) or before_english.remarks["matsumoto-1"].label)
    assert english.remarks["end"].paragraphs == (paragraphs_of(remark) or before_english.remarks["end"].paragraphs)
    assert english.remarks["end"].source == meeting.original.remarks["end"].fingerprint
