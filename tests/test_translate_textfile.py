"""Writing translations into an existing file keeps every byte it does not change: line
ends, a byte-order mark, comments, key order, quoting, wrapped paragraphs, other remarks;
what the file lacks is added where it belongs."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku.translate.textfile import directive_value, yaml_scalar
from translatecheck import MEETING, english_texts, fill_xliff2, gijiroku, loaded, real_minutes

EN_FILE = "ai-strategy-council/2023-08-04.en.md"


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    return real_minutes(tmp_path)


def round_trip(minutes: Path, tmp_path: Path, texts: dict[str, tuple[str, ...]], *args: str) -> None:
    xlf = tmp_path / "x.xlf"
    assert gijiroku("translate", "export", MEETING, "-o", xlf, "--directory", minutes).status == 0
    fill_xliff2(xlf, texts)
    run = gijiroku("translate", "import", xlf, "--directory", minutes, *args)
    assert run.status == 0, run.stderr


def test_crlf_bom_and_comments_stay_and_only_changed_lines_change(minutes: Path, tmp_path: Path) -> None:
    path = minutes / EN_FILE
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: 4th Meeting", "# the title as the Cabinet Office writes it\ntitle: 4th Meeting")
    text = text.replace("::: remark id=opinion-02 ", "::: remark  id=opinion-02   ")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    before = path.read_bytes()
    round_trip(
        minutes,
        tmp_path,
        {
            "title": ("The 4th AI Strategy Council",),
            # a blank line in a target starts a new paragraph
            "remark.opinion-02": ("Risk assessment matters.\n\nImpact assessment too.",),
        },
    )
    after = path.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") and b"\n" not in after.replace(b"\r\n", b"")
    diff = [
        line
        for line in difflib.ndiff(before.decode().split("\r\n"), after.decode().split("\r\n"))
        if line.startswith(("- ", "+ "))
    ]
    assert diff == [
        "- title: 4th Meeting of the AI Strategy Council",
        "+ title: The 4th AI Strategy Council",
        "- To promote AI use grounded in appropriate use, the rule of law, human rights and democracy, how to assess "
        "risks and impacts when AI is used, especially by public bodies and in infrastructure, is also important.",
        "+ Risk assessment matters.",
        "+ ",
        "+ Impact assessment too.",
    ]
    assert b"# the title as the Cabinet Office writes it" in after
    assert b"::: remark  id=opinion-02   kind=unattributed source=e1f5948ef7b3" in after, "spacing and source kept"
    _, diagnostics = loaded(minutes)
    assert diagnostics == []


def test_a_remark_the_file_lacks_is_inserted_where_it_belongs(minutes: Path, tmp_path: Path) -> None:
    path = minutes / EN_FILE
    today = path.read_bytes()
    lines = today.decode().split("\n")
    start = lines.index(next(line for line in lines if line.startswith("::: remark id=opinion-05 ")))
    del lines[start : start + 3]  # its directive, its text and the blank line after it
    path.write_text("\n".join(lines), encoding="utf-8")
    _, diagnostics = loaded(minutes)
    assert any(" E060 translation lacks remark 'opinion-05'" in d for d in diagnostics)
    round_trip(minutes, tmp_path, {"remark.opinion-05": english_texts()["remark.opinion-05"]})
    assert path.read_bytes() == today


def test_remarks_and_a_section_the_file_lacks_are_inserted(minutes: Path, tmp_path: Path) -> None:
    path = minutes / EN_FILE
    today = path.read_bytes()
    text = today.decode()
    start, end = text.index("::: closing\n"), len(text)
    path.write_text(text[:start].rstrip("\n") + "\n", encoding="utf-8")
    english = english_texts()
    round_trip(
        minutes,
        tmp_path,
        {
            k: v
            for k, v in english.items()
            if k.startswith("remark.") and k.split(".")[1] in ("closing-remarks", "murai-1", "end")
        },
    )
    assert path.read_bytes().decode()[start - 1 :] == text[start - 1 : end]
    _, diagnostics = loaded(minutes)
    assert diagnostics == []


def test_front_matter_entries_the_file_lacks_are_added(minutes: Path, tmp_path: Path) -> None:
    path = minutes / EN_FILE
    text = path.read_text(encoding="utf-8")
    for line in (
        "venue: Auditorium, 1st floor, Central Government Building No. 8\n",
        '  ema-arisa: {role: Member, affiliation: "Associate Professor, Institute for Future Initiatives, The University of Tokyo"}\n',
        "  ai-development: Strengthening AI development capability\n",
    ):
        assert line in text
        text = text.replace(line, "")
    text = text.replace(
        'okada-jun: {role: Member, affiliation: "Attorney at Law, Mori Hamada & Matsumoto"}', "okada-jun: {role: Member}"
    )
    path.write_text(text, encoding="utf-8")
    english = english_texts()
    wanted = (
        "venue",
        "attendee.ema-arisa.role",
        "attendee.ema-arisa.affiliation",
        "agenda.ai-development",
        "attendee.okada-jun.affiliation",
    )
    round_trip(minutes, tmp_path, {key: english[key] for key in wanted})
    meeting, diagnostics = loaded(minutes)
    assert diagnostics == []
    version = meeting.version("en")
    assert version.venue == english["venue"][0]
    assert version.roles["ema-arisa"].affiliation == english["attendee.ema-arisa.affiliation"][0]
    assert version.roles["okada-jun"].affiliation == "Attorney at Law, Mori Hamada & Matsumoto"
    assert version.agenda["ai-development"] == "Strengthening AI development capability"
    assert 'okada-jun: {role: Member, affiliation: "Attorney at Law, Mori Hamada & Matsumoto"}' in path.read_text(
        encoding="utf-8"
    )


def test_a_wrapped_paragraph_keeps_its_lines_when_only_its_source_changes(minutes: Path, tmp_path: Path) -> None:
    path = minutes / EN_FILE
    text = path.read_text(encoding="utf-8")
    wrapped = "Next, the Cabinet Office explained the way forward for the Hiroshima AI Process,\nand then each member"
    text = text.replace(
        "Next, the Cabinet Office explained the way forward for the Hiroshima AI Process, and then each member", wrapped
    )
    text = text.replace("source=67d15bc0956a", "source=000000000000")
    path.write_text(text, encoding="utf-8")
    english = english_texts()
    xlf = tmp_path / "x.xlf"
    assert gijiroku("translate", "export", MEETING, "-o", xlf, "--directory", minutes).status == 0
    fill_xliff2(xlf, {"remark.hiroshima-briefing": english["remark.hiroshima-briefing"]})  # confirmed, unchanged
    assert gijiroku("translate", "import", xlf, "--directory", minutes).status == 0
    after = path.read_text(encoding="utf-8")
    assert wrapped in after and "source=67d15bc0956a" in after
    assert after == text.replace("source=000000000000", "source=67d15bc0956a")


def test_a_label_is_written_quoted_and_reads_back(minutes: Path, tmp_path: Path) -> None:
    label = 'Minister "Matsumoto" \\ MIC'
    round_trip(minutes, tmp_path, {"remark.matsumoto-1.label": (label,)})
    meeting, diagnostics = loaded(minutes)
    assert diagnostics == []
    assert meeting.version("en").remarks["matsumoto-1"].label == label


_TEXT = (
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\ufeff\u0085\ufffe\uffff"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.booleans())
def test_a_yaml_value_reads_back_as_written(value: str, flow: bool) -> None:
    document = f"{{k: {yaml_scalar(value, flow=True)}}}" if flow else f"k: {yaml_scalar(value)}"
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        node = yaml.compose(document, Loader=loader)
        assert node.value[0][1].value == value


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_a_directive_value_reads_back_as_written(value: str) -> None:
    from gijiroku.body import parse_body
    from gijiroku.diagnostics import Diagnostics

    diags = Diagnostics()
    sections = parse_body(f"::: remark id=a kind=spoken label={directive_value(value)}\ntext", 1, Path("x"), diags)
    remark = sections[0].remarks[0]
    assert remark.attrs.get("label") == value or any(d.code.startswith("E05") for d in diags.items)
