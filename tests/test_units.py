"""Unit tests of the parts the loader is built from."""

from __future__ import annotations

from pathlib import Path

import pytest

from gijiroku import timing
from gijiroku.body import join_lines, parse_body
from gijiroku.cli import main
from gijiroku.diagnostics import Diagnostic, Diagnostics
from gijiroku.model import fingerprint
from gijiroku.sources import read_text, split_front_matter
from gijiroku.textrules import markup_in, scrub, text_problems, unbalanced_bidi
from gijiroku.yamlsrc import Reader, id_problem


def _reader(tmp_path: Path) -> tuple[Reader, Diagnostics]:
    diags = Diagnostics()
    return Reader(tmp_path / "x.yml", diags, line_offset=1), diags


# -- ids and markup ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["a", "matsumoto-takeaki", "2023-08-04", "op-01"])
def test_valid_ids(value: str) -> None:
    assert id_problem(value) == ""


@pytest.mark.parametrize(
    "value,problem",
    [
        ("Matsumoto", "uppercase"),
        ("a--b", "characters"),
        ("-a", "characters"),
        ("a_b", "characters"),
        ("../etc", "path"),
        ("a/b", "path"),
        ("松本", "characters"),
        ("x" * 65, "longer"),
        ("", "characters"),
    ],
)
def test_invalid_ids(value: str, problem: str) -> None:
    assert problem in id_problem(value)


@pytest.mark.parametrize(
    "text",
    [
        "<script>",
        "a <b>bold</b>",
        "<a href='x'>",
        "<!-- c -->",
        "<img src=x onerror=y>",
        "</p>",
        "<svg/onload=alert(1)>",
        "<img src=x onerror=alert(1)//",
        "<details/open/ontoggle=x>",
        "a<b",
        "<?xml version='1.0'?>",
        "<!DOCTYPE html>",
        "x </script",
    ],
)
def test_markup_found(text: str) -> None:
    assert markup_in(text) is not None


@pytest.mark.parametrize("text", ["1 < 2 and 3 > 2", "＜注＞", "x<1", "a <- b", "AI → 人", "【松本総務大臣】", "<<", "<"])
def test_plain_text_is_not_markup(text: str) -> None:
    assert markup_in(text) is None


@pytest.mark.parametrize(
    "text, index",
    [
        ("a\u202eb", 1),
        ("\u202ca", 0),
        ("\u2066a\u202c\u2069", 2),
        ("x\u2067y", 1),
    ],
)
def test_unbalanced_bidi_controls_are_found(text: str, index: int) -> None:
    assert unbalanced_bidi(text) == index


@pytest.mark.parametrize("text", ["plain", "a\u202eb\u202cc", "\u2066\u202ax\u202c\u2069", "\u2067أ\u2069"])
def test_balanced_bidi_controls_pass(text: str) -> None:
    assert unbalanced_bidi(text) is None


def test_text_problems_name_each_rule() -> None:
    codes = [code for code, *_ in text_problems("a\x00b\nc <x \u202e", single_line=True)]
    assert codes == ["E050", "E051", "E052", "W083"]
    assert [code for code, *_ in text_problems("a\nb", single_line=False)] == []


def test_scrub_leaves_one_safe_line() -> None:
    assert scrub("a\x00b\x02c\u2028d\ne\x85f") == "a\ufffdb\ufffdc d e\ufffdf"


# -- YAML reading -----------------------------------------------------------------


def test_times_are_read_as_written_not_as_sexagesimal(tmp_path: Path) -> None:
    reader, diags = _reader(tmp_path)
    node = reader.compose("start: 12:50\nend: 9:05\n")
    fields = reader.mapping(node, "x", optional=("start", "end"))
    assert reader.time(fields["start"], "start") == "12:50"
    assert reader.time(fields["end"], "end") == "09:05"
    assert diags.items == []


def test_duplicate_keys_are_reported_with_line(tmp_path: Path) -> None:
    reader, diags = _reader(tmp_path)
    node = reader.compose("a: 1\nb: 2\na: 3\n")
    reader.mapping(node, "the thing", optional=("a", "b"))
    assert [(d.line, d.col, d.code) for d in diags.items] == [(4, 1, "E013")]


def test_unknown_and_missing_fields_are_all_reported(tmp_path: Path) -> None:
    reader, diags = _reader(tmp_path)
    node = reader.compose("titel: x\nvenue: y\n")
    reader.mapping(node, "front matter", required=("title", "date"), optional=("venue",))
    codes = sorted((d.code, d.message) for d in diags.items)
    assert [c for c, _ in codes] == ["E011", "E011", "E012"]
    assert "did you mean 'title'" in next(d.hint for d in diags.items if d.code == "E012")


def test_syntax_error_position_is_in_file_lines(tmp_path: Path) -> None:
    reader, diags = _reader(tmp_path)
    assert reader.compose("a: [1, 2\nb: 3\n") is None
    [diag] = diags.items
    assert diag.code == "E002" and diag.line >= 2


@pytest.mark.parametrize("text,ok", [("2023-08-04", True), ("2023-02-29", False), ("2024-02-29", True), ("2023/08/04", False)])
def test_dates(tmp_path: Path, text: str, ok: bool) -> None:
    reader, diags = _reader(tmp_path)
    node = reader.compose(f"d: {text}\n")
    value = reader.date(reader.mapping(node, "x", optional=("d",))["d"], "date")
    assert (value is not None) is ok
    assert (diags.items == []) is ok


def test_booleans_must_be_booleans(tmp_path: Path) -> None:
    reader, diags = _reader(tmp_path)
    fields = reader.mapping(reader.compose("a: true\nb: 'false'\n"), "x", optional=("a", "b"))
    assert reader.boolean(fields["a"], "a") is True
    assert reader.boolean(fields["b"], "b") is None
    assert [d.code for d in diags.items] == ["E010"]


# -- sources ----------------------------------------------------------------------


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\na: 1\r\n---\r\nbody\r\n")
    diags = Diagnostics()
    doc = split_front_matter(read_text(path, diags), path, diags)
    assert doc is not None and doc.front_matter == "a: 1" and doc.body_line == 4
    assert diags.items == []


def test_undecodable_byte_is_located(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes("一行目\n二行".encode() + b"\x81" + "目\n".encode())
    diags = Diagnostics()
    text = read_text(path, diags)
    [diag] = diags.items
    assert (diag.line, diag.col, diag.code) == (2, 3, "E001")
    assert "\ufffd" in text, "the rest of the file is still read, so its other problems are found too"


# -- body -------------------------------------------------------------------------


def test_join_lines_spacing() -> None:
    assert join_lines(["どう壁を超えるか", "ということ"]) == "どう壁を超えるかということ"
    assert join_lines(["as the", "minister said"]) == "as the minister said"
    assert join_lines(["AIの", "development"]) == "AIのdevelopment"


def test_body_sections_paragraphs_and_positions(tmp_path: Path) -> None:
    text = "::: opening\n::: remark id=a kind=narration\n一段落目\n続き\n\n二段落目\n::: item x\n::: remark id=b kind=unattributed topics=t1,t2\n意見\n"
    diags = Diagnostics()
    sections = parse_body(text, 10, tmp_path / "m.md", diags)
    assert diags.items == []
    assert [(s.kind, s.item, s.line) for s in sections] == [("opening", None, 10), ("item", "x", 16)]
    a, b = sections[0].remarks[0], sections[1].remarks[0]
    assert a.paragraphs == ["一段落目続き", "二段落目"] and a.line == 11
    assert b.topics == ("t1", "t2") and b.section == "x"


def test_recurring_short_texts_are_kept_once(tmp_path: Path) -> None:
    """A verbatim record repeats its speakers, kinds, labels and short turns hundreds of
    times: each is one string object, however many files it recurs in (the loaded
    archive's size; docs/dev/en/performance.md, Memory). Long paragraphs are not kept in a
    table: they rarely recur."""
    long_text = "長い段落。" * 20
    remarks = []
    for path in ("a.md", "b.md"):
        body = "".join(
            f"::: remark id=r{i} kind=spoken speaker=sato-taro label=○佐藤委員長 source=0123456789ab\n"
            f"{''.join(['佐藤', '大臣。'])}\n\n{long_text}\n"
            for i in (1, 2)
        )
        diags = Diagnostics()
        remarks += parse_body(body, 1, tmp_path / path, diags)[0].remarks
        assert diags.items == []
    first, *others = remarks
    for other in others:
        for key in ("kind", "speaker", "label", "source"):
            assert other.attrs[key] is first.attrs[key]
        assert other.paragraphs[0] is first.paragraphs[0]
        assert other.paragraphs[1] == first.paragraphs[1]
    assert remarks[2].attrs["id"] is first.attrs["id"]  # r1 of a.md and of b.md
    assert remarks[1].paragraphs[1] is not first.paragraphs[1]


def test_quoted_label_with_spaces(tmp_path: Path) -> None:
    diags = Diagnostics()
    sections = parse_body(
        '::: remark id=a kind=spoken speaker=p label="[Minister Matsumoto]"\ntext\n', 1, tmp_path / "m.md", diags
    )
    assert sections[0].remarks[0].attrs["label"] == "[Minister Matsumoto]"


def test_fingerprint_is_stable_and_sensitive() -> None:
    assert fingerprint(("あ",)) == fingerprint(("あ",))
    assert fingerprint(("あ", "い")) != fingerprint(("あい",))
    assert len(fingerprint(("x",))) == 12


def test_diagnostic_format() -> None:
    diag = Diagnostic("minutes/x.ja.md", 7, 3, "E030", "unknown speaker 'tanaka'", "add it")
    assert diag.format() == "minutes/x.ja.md:7:3: E030 unknown speaker 'tanaka'\n    hint: add it"


# -- the command ------------------------------------------------------------------


def test_check_command_passes_on_valid(base_minutes: Path, capsys) -> None:
    assert main(["check", str(base_minutes)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().err


def test_check_command_reports_all_and_fails(base_minutes: Path, capsys) -> None:
    ja = base_minutes / "test-council" / "2024-01-15.ja.md"
    text = ja.read_text(encoding="utf-8")
    ja.write_text(
        text.replace("speaker=suzuki-hanako", "speaker=tanaka").replace("date: 2024-01-15", "date: 2024-13-01"), encoding="utf-8"
    )
    assert main(["check", str(base_minutes)]) == 1
    err = capsys.readouterr().err
    assert "minutes/test-council/2024-01-15.ja.md:5:7: E040" in err
    assert "minutes/test-council/2024-01-15.ja.md:25:36: E030 unknown speaker 'tanaka'" in err
    assert "2 errors" in err


def test_check_strict_fails_on_warnings(base_minutes: Path, capsys) -> None:
    ja = base_minutes / "test-council" / "2024-01-15.ja.md"
    ja.write_text(ja.read_text(encoding="utf-8").replace("データが重要である。", "データが最も重要である。"), encoding="utf-8")
    assert main(["check", str(base_minutes)]) == 0
    assert main(["check", "--strict", str(base_minutes)]) == 1
    assert "W080" in capsys.readouterr().err


def test_fingerprint_command(base_minutes: Path, capsys) -> None:
    assert main(["fingerprint", "test-council/2024-01-15", "--directory", str(base_minutes)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split("\t") == ["yamada-1", "spoken", fingerprint(("開会する。",))]


def test_unknown_placeholder_names_file_and_line() -> None:
    from gijiroku.site.placeholders import fill_placeholders

    with pytest.raises(ValueError, match=r"index\.md:3: unknown placeholder '<!-- gijiroku:latest -->'"):
        fill_placeholders("# Home\n\n<!-- gijiroku:latest -->\n", "index.md", renderer=None)


def test_template_bytecode_is_reused_until_the_template_changes() -> None:
    import jinja2

    from gijiroku.site.jinjacache import MemoryBytecodeCache

    cache = MemoryBytecodeCache()
    sources = {"page.html": "one {{ n }}"}
    compiled: list[str] = []

    class Counting(jinja2.Environment):
        def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
            compiled.append(name)
            return super().compile(source, name, filename, raw, defer_init)

    def render() -> str:
        env = Counting(loader=jinja2.DictLoader(sources), bytecode_cache=cache)
        return env.get_template("page.html").render(n=1)

    assert render() == "one 1"
    assert render() == "one 1"  # a new environment, as each MkDocs build makes
    assert compiled == ["page.html"]
    sources["page.html"] = "two {{ n }}"
    assert render() == "two 1"
    assert compiled == ["page.html", "page.html"]


def test_directive_words_with_and_without_quotes(tmp_path: Path) -> None:
    diags = Diagnostics()
    text = '::: remark id=a kind=spoken speaker=x\n本文\n\n::: remark id=b kind=narration label="議長 挨拶" \n本文\n'
    sections = parse_body(text, 1, tmp_path / "m.ja.md", diags)
    assert not diags.items
    first, second = sections[0].remarks
    assert first.attrs == {"id": "a", "kind": "spoken", "speaker": "x"}
    assert second.attrs == {"id": "b", "kind": "narration", "label": "議長 挨拶"}


# -- build figures ----------------------------------------------------------------


def test_timing_notes_each_phases_peak_memory_and_merges_the_larger() -> None:
    saved = timing.snapshot()
    timing.reset()
    try:
        with timing.timed("load"):
            fingerprint(("x",))
        peak = timing.snapshot()["peak_rss"]["load"]
        assert 0 < peak <= timing.peak_rss()
        timing.merge({"seconds": {"load": 1.0}, "peak_rss": {"load": peak * 2, "build_ja": 5}})
        assert timing.snapshot()["peak_rss"] == {"load": peak * 2, "build_ja": 5}
        timing.merge({"peak_rss": {"load": 1}})
        assert timing.snapshot()["peak_rss"]["load"] == peak * 2
    finally:
        timing.reset()
        timing.merge(saved)


def test_white_space_between_tags_is_squeezed_where_no_reader_sees_it() -> None:
    from gijiroku.site.frame import squeeze_white_space

    page = (
        '<nav>\n    \n      <a href="x">Home</a>\n\n    <a>Two</a>  <b>same line</b>\n</nav>\n'
        "<pre><code>  keep\n\n    this</code></pre>\n    <script>\nif (a >\n    <b) {}\n</script>\n  <p>text</p>"
    )
    squeezed = squeeze_white_space(page)
    assert squeezed == (
        '<nav>\n<a href="x">Home</a>\n<a>Two</a>  <b>same line</b>\n</nav>\n'
        "<pre><code>  keep\n\n    this</code></pre>\n<script>\nif (a >\n    <b) {}\n</script>\n<p>text</p>"
    )
    assert squeeze_white_space(squeezed) == squeezed
