"""Bounded import (issue 22, item 6): "The importer is quadratic and unbounded: 1/2/4/8 MB of
text take 3/7/19/66 s and 19 MB does not finish in 5 minutes; 4.8 MB of unclosed HTML tags
does not finish in 150 s; a 510 KB PDF holding 500 MB of zeros runs past 200 s at 1 GB, a
2 MB one dies of MemoryError; `gijiroku import /dev/zero` reads everything before its size
check."

These tests check what happens (the import completes, or stops with a named error); how
long it takes and how much memory it needs are measured by the benchmark
(`python -m devtools.benchmark import`, figures in docs/dev/en/import.md#limits), never
asserted here. The slowest tests are marked `slow` (`pytest -m "not slow"` leaves them out
while iterating).
"""

from __future__ import annotations

import importlib
import io
import os
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

from conftest import ROOT
from devtools.importbench import deflated_zeros, filled, pdf_pages
from gijiroku.cli import main
from gijiroku.importer import Refused, extract

CORPUS = ROOT.parent / "shared" / "corpus" / "raw"
EXTRACT = importlib.import_module("gijiroku.importer.extract")


def _import(tmp_path: Path, source: Path, *extra: str) -> tuple[int, str]:
    out = tmp_path / "out.md"
    code = main(["import", str(source), "-o", str(out), "--minutes", str(tmp_path / "no-archive"), *extra])
    return code, out.read_text(encoding="utf-8") if out.exists() else ""


# -- reading the input ---------------------------------------------------------------


def test_dev_zero_stops_at_the_limit_with_a_named_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """/dev/zero has no size: the limit is checked while reading, so it stops there."""
    code, meeting = _import(tmp_path, Path("/dev/zero"))
    err = capsys.readouterr().err
    assert code == 2 and meeting == ""
    assert "input is too large (reading stopped past 20 MB; the limit is 20 MB)" in err and err.count("\n") == 1


def test_a_fifo_that_never_ends_stops_at_the_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(EXTRACT, "MAX_BYTES", 1_000_000)
    fifo = tmp_path / "endless"
    os.mkfifo(fifo)
    written = [0]

    def write_forever() -> None:
        try:  # the reader closing its end breaks the pipe, on a write or on the last flush
            with open(fifo, "wb") as stream:
                for _ in range(10_000):  # 640 MB at most, should the reader never stop
                    stream.write("○山川会長　ただいまから開会します。\n".encode() * 1000)
                    written[0] += 1
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=write_forever, daemon=True)
    writer.start()
    code, _ = _import(tmp_path, fifo)
    writer.join(timeout=30)
    assert code == 2 and "input is too large (reading stopped past 1 MB" in capsys.readouterr().err
    assert not writer.is_alive() and written[0] < 100, "the reader went on past the limit"


def test_a_directory_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(Refused, match="cannot read the file: Is a directory"):
        EXTRACT.read_input(tmp_path)


def _turns(size: int) -> bytes:
    """A verbatim record of `size` bytes: the header of a real committee record, then its
    speaker turns again and again, numbered so that no two are the same."""
    record = (CORPUS / "mitaka_kosei_20250205.txt").read_text(encoding="utf-8").split("# ===== text =====\n", 1)[1]
    turns = [line for line in record.split("\n") if line.startswith("◯")]
    return filled(record, lambda i: f"{turns[i % len(turns)]} 第{i}項について述べます。\n", size)


@pytest.mark.slow
def test_20_mb_of_text_imports_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """20 MB (the limit) of a real committee's turns imports, every turn of it."""
    source = tmp_path / "long.txt"
    source.write_bytes(_turns(20_000_000))
    code, meeting = _import(tmp_path, source)
    assert code == 0, capsys.readouterr().err[-2000:]
    assert meeting.count("::: remark ") > 100_000


def test_a_long_run_of_spaces_is_not_quadratic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Table padding in text saved from a page: 200,000 spaces on one line took minutes in
    the accounting of every line (its date patterns tried each position of the run)."""
    source = tmp_path / "padded.txt"
    record = "第1回 会議 議事録\n日時：令和5年10月12日\n\n議事録\n○山川会長　開会します。\n"
    source.write_text(record + " " * 200_000 + "以上\n", encoding="utf-8")
    code, meeting = _import(tmp_path, source)
    assert code == 0 and "以上" in meeting, capsys.readouterr().err[-500:]


# -- HTML ---------------------------------------------------------------------------

UNCLOSED = {
    "div": "<div>議事録の本文 ",
    "p and li": "<p>本文<ul><li>項目 ",
    "table rows in cells": "<table><tr><td>委員<td>佐藤 ",
    "inline": "<span><b>議事 ",
    "a tag without its >": "<a href=x 議事 ",
    "a comment without its end": "<!-- 議事 ",
    "end tags of nothing": "</div></tr>本文 ",
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", list(UNCLOSED))
def test_5_mb_of_unclosed_html_reads_whole(kind: str) -> None:
    """Each took minutes with the standard library's parser (quadratic on unclosed tags
    and comments); lxml reads each in a few seconds, and a table nested in every cell
    does not make the rows quadratic."""
    unit = UNCLOSED[kind]
    page = ("<html><body><main>" + unit * (5_000_000 // len(unit.encode())) + "</main></body></html>").encode()
    extracted = extract(page)
    if "<a" not in unit and "<!--" not in unit:  # a tag or comment never closed holds the rest, as in a browser
        assert extracted.text.count(unit.split(">")[-1].strip()) > 100_000


def test_unclosed_html_keeps_the_text_a_browser_shows() -> None:
    extracted = extract("<html><body><p>日時 令和5年10月12日<p>○山川会長　開会します。<div><div><span>続き".encode())
    assert extracted.text == "日時 令和5年10月12日\n\n○山川会長　開会します。\n\n続き\n"


# -- PDF ----------------------------------------------------------------------------


def _lzw(data: bytes) -> bytes:
    """LZW as PDF writes it (9 to 12 bits a code, early change, a clear code before the table is full)."""
    table = {bytes([i]): i for i in range(256)}
    codes: list[int] = [256]
    word = b""
    for byte in data:
        longer = word + bytes([byte])
        if longer in table:
            word = longer
            continue
        codes.append(table[word])
        table[longer] = len(table) + 2
        word = bytes([byte])
        if len(table) + 2 >= 4000:
            codes.append(256)
            table = {bytes([i]): i for i in range(256)}
    return _pack([*codes, table[word], 257])


def _lzw_zeros(cycles: int, run: int = 3800) -> bytes:
    """LZW of zeros written straight away (encoding 40 MB byte by byte takes a minute): after
    each clear code, 0 then each new code in turn, which the reader expands to one zero
    more than the code before: 1 + 2 + … + (run + 1) zeros a cycle, 7.2 MB for 3,800 codes."""
    codes: list[int] = []
    for _ in range(cycles):
        codes += [256, 0, *range(258, 258 + run)]
    return _pack([*codes, 257])


def _pack(codes: list[int]) -> bytes:
    bits, size, count = 0, 0, 0
    for code in codes:
        # The width the reader uses: 258 entries after a clear code, one more for each code after the first.
        width = 9 if size < 511 else 10 if size < 1023 else 11 if size < 2047 else 12
        bits = (bits << width) | code
        count += width
        size = 0 if code == 256 else size + 1 if size else 258
    bits <<= (-count) % 8
    return bits.to_bytes((count + 7) // 8, "big")


def test_the_lzw_writer_of_these_tests_is_what_pdfminer_reads() -> None:
    from pdfminer.lzw import lzwdecode

    text = "○山川会長　ただいまから開会します。".encode() * 500 + bytes(100_000)
    assert lzwdecode(_lzw(text)) == text
    assert lzwdecode(_lzw_zeros(2, 600)) == bytes(2 * 601 * 602 // 2)


def _refusal(pdf: Path) -> str:
    """Import `pdf` in a process of its own (a bomb let through would take this one's
    memory): its one line on stderr. Time and peak memory are the benchmark's to measure."""
    script = "import sys; from gijiroku.cli import main; sys.exit(main(['import', sys.argv[1]]))"
    done = subprocess.run([sys.executable, "-c", script, str(pdf)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stderr
    return done.stderr.strip().split("\n")[0]


@pytest.mark.parametrize("kind", ["deflate", "deflate with a broken checksum", "lzw"])
def test_a_pdf_decompression_bomb_is_refused_by_name_under_1_gb(kind: str, tmp_path: Path) -> None:
    """500 MB of zeros in a 510 KB PDF: refused at the stream limit, in seconds, far under 1 GB
    (pdfminer reads a stream whose checksum is wrong byte by byte: bounded there too)."""
    if kind == "lzw":
        stream = (b"LZWDecode", _lzw_zeros(6))  # 43 MB of zeros in 34 KB
    else:
        data = deflated_zeros(500)
        stream = (b"FlateDecode", data[:-4] + bytes(4) if "broken" in kind else data)
    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(pdf_pages(stream))
    assert pdf.stat().st_size < 600_000
    err = _refusal(pdf)
    assert "a stream in the PDF decodes to more than 32 MB (a decompression bomb?): refused" in err
    from pdfminer import pdftypes

    assert pdftypes.zlib is zlib  # the bounded decoders are put back


def test_streams_decoding_past_the_total_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EXTRACT, "MAX_PDF_DECODED", 5_000_000)
    pages = [(b"FlateDecode", zlib.compress(b"BT ET " + bytes(2_000_000))) for _ in range(3)]
    with pytest.raises(Refused, match=r"the PDF's streams decode to more than 5 MB \(a decompression bomb\?\)"):
        extract(pdf_pages(*pages))


def _textpdf(pages: int) -> bytes:
    """A Japanese PDF of `pages` pages, each with lines of its own (lines on every page are running headers)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiMin-W3"))
    out = io.BytesIO()
    sheet = canvas.Canvas(out)
    subjects = ["街路樹", "公園", "緑地", "花壇", "並木"]
    for number in range(pages):
        sheet.setFont("HeiseiMin-W3", 10)
        sheet.drawString(72, 760, "第3回 緑化推進審議会 議事録" if number == 0 else f"{subjects[number % 5]}の議題")
        sheet.drawString(72, 740, f"○山川会長　{subjects[number % 5]}について開会します。")
        sheet.showPage()
    sheet.save()
    return out.getvalue()


def test_a_pdf_past_the_page_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EXTRACT, "MAX_PDF_PAGES", 2)
    with pytest.raises(Refused, match="the PDF has more than 2 pages"):
        extract(_textpdf(3))
    assert "山川会長" in extract(_textpdf(2)).text


def test_a_pdf_past_the_text_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EXTRACT, "MAX_PDF_TEXT", 40)
    with pytest.raises(Refused, match=r"the PDF's text is too large \(more than 40 characters by page 2\)"):
        extract(_textpdf(3))


def test_a_page_of_too_many_drawing_instructions_is_left_out_and_reported() -> None:
    words = b"BT /F1 12 Tf 72 700 Td (Riverside Parks Committee) Tj 0 -20 Td (Date: June 24, 2003) Tj ET"
    drawing = b"0 0 m 1 1 l S\n" * 90_000  # 1.3 MB of strokes: a drawing, not text
    extracted = extract(pdf_pages((b"", words), (b"FlateDecode", zlib.compress(drawing + words))))
    assert "Riverside Parks Committee" in extracted.text and extracted.text.count("Riverside") == 1
    assert [n.message for n in extracted.notes] == [
        "PDF page 2 left out: 1.26 MB of drawing instructions (more than 1 MB) is a drawing or a scan, not text"
    ]
    with pytest.raises(Refused, match="the PDF holds no text"):
        extract(pdf_pages((b"FlateDecode", zlib.compress(drawing))))
