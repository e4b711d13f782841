"""Getting the record's text out of what users bring: plain text in any common encoding,
a saved HTML page, or a PDF.

Everything here either returns text (with notes on what was removed) or raises
`Refused` with a one-line reason: the command never shows a traceback for bad input.
Every step is bounded: the input is read in chunks and refused as soon as it passes
the size limit (a FIFO or /dev/zero too), an HTML page is read in linear time whatever
its tags, and a PDF's pages, decoded streams and text are counted as they are read.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .draft import Note
from .textutil import CONTROL

MAX_BYTES = 20_000_000
"""Minutes are text: a larger input (or a PDF's text past this many characters) is
refused rather than read into memory and parsed."""
MAX_PDF_TEXT = 20_000_000
"""Characters of text a PDF may hold (as many as a text input may have bytes)."""
MAX_PDF_PAGES = 3_000
"""The longest record in the corpus is a few dozen pages; a PDF past this is not minutes."""
MAX_PDF_STREAM = 32_000_000
"""Bytes one PDF stream may decode to: a page's text or an embedded font is far smaller,
a decompression bomb far larger (500 MB of zeros fit in 510 KB)."""
MAX_PDF_DECODED = 256_000_000
"""Bytes all of a PDF's streams may decode to together, which pdfminer keeps in memory."""
MAX_PDF_PAGE_CONTENT = 1_000_000
"""Bytes of drawing instructions one page may have to be read for text: a page of text has
tens of KB; pdfminer reads about 80 KB a second, so more is a drawing, a scan or a trap."""
MAX_PDF_CONTENT = 64_000_000
"""Bytes of drawing instructions all pages may have together (about 15 minutes of reading)."""
_CHUNK = 1 << 20


class Refused(ValueError):
    """The input cannot be imported; the message is the one line the user sees."""


@dataclass(slots=True)
class Extracted:
    """The text to import, what kind of input it came from, and what was taken out."""

    text: str
    kind: str
    """`text`, `html` or `pdf`."""
    encoding: str = "utf-8"
    notes: list[Note] = field(default_factory=list)


def read_input(path: Path) -> bytes:
    """The bytes of an input file, read in chunks and refused as soon as they pass
    MAX_BYTES: a FIFO, a device or a growing file is never read whole first."""
    limit = MAX_BYTES
    chunks: list[bytes] = []
    size = 0
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(min(_CHUNK, limit + 1 - size)):
                chunks.append(chunk)
                size += len(chunk)
                if size > limit:
                    raise Refused(f"input is too large (reading stopped past {_mb(limit)}; the limit is {_mb(limit)})")
    except OSError as exc:
        raise Refused(f"cannot read the file: {exc.strerror or exc}") from None
    return b"".join(chunks)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.3g} MB"


def extract(data: bytes, encoding: str | None = None) -> Extracted:
    """The record's text from the bytes of a text, HTML or PDF file."""
    if len(data) > MAX_BYTES:
        raise Refused(f"input is too large ({len(data) // 1_000_000} MB; the limit is {_mb(MAX_BYTES)})")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise Refused("input is empty")
    if data.startswith(b"%PDF-"):
        return _from_pdf(data)
    text, used = decode(data, encoding)
    body = text.lstrip("\ufeff \t\r\n")
    if (
        re.match(r"(?is)<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html", body[:2000])
        or len(re.findall(r"(?i)</?(?:p|div|br|td|li|span|table)\b", body[:20000])) >= 5
    ):
        html = _from_html(body)
        html.encoding = used
        return html
    extracted = Extracted(text, "text", used)
    extracted.text = strip_controls(extracted.text, extracted.notes)
    return extracted


def decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Text from bytes: the encoding asked for, else UTF-8 (with or without BOM) or UTF-16 with BOM.

    Anything else is refused with the encoding it looks like, so the user can rerun
    with --encoding instead of being told the file is not minutes."""
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise Refused(f"unknown encoding {encoding!r}") from None
        try:
            return data.decode(encoding).lstrip("\ufeff"), encoding
        except UnicodeDecodeError as exc:
            raise Refused(f"input is not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").lstrip("\ufeff"), "utf-16"
        except UnicodeDecodeError:
            raise Refused("input starts like UTF-16 but does not decode as UTF-16") from None
    try:
        text = data.decode("utf-8-sig")
        if text.count("\x00") <= len(text) // 10:
            return text, "utf-8"
        # Valid UTF-8 but full of NULs: UTF-16 of mostly ASCII text, or a binary file.
    except UnicodeDecodeError:
        pass
    guess = guess_encoding(data)
    if guess is None:
        raise Refused("input is binary, not text")
    # cp932 (Windows Shift_JIS) also reads ①, 髙 and the other characters Japanese
    # offices use that plain Shift_JIS lacks: suggest it.
    suggestion = "cp932" if guess == "Shift_JIS" else guess.lower()
    raise Refused(f"input is not UTF-8 (looks like {guess}): rerun with --encoding {suggestion}")


def guess_encoding(data: bytes) -> str | None:
    """The name of the text encoding the bytes look like (Shift_JIS, EUC-JP, UTF-16…), or None for binary."""
    sample = data[:65536]
    if sample.count(0) > len(sample) // 4:
        # Japanese or ASCII text in UTF-16 without a BOM: every other byte is often zero.
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > even * 3:
            return "UTF-16-LE" if _decodes(data, "utf-16-le") else None
        if even > odd * 3:
            return "UTF-16-BE" if _decodes(data, "utf-16-be") else None
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    if best is None:
        return None
    name = best.encoding.lower().replace("-", "_")
    if name in ("cp932", "shift_jis", "ms932", "sjis", "shift_jis_2004", "shift_jisx0213"):
        return "Shift_JIS"
    if name in ("euc_jp", "euc_jis_2004", "euc_jisx0213"):
        return "EUC-JP"
    if name in ("iso2022_jp", "iso2022_jp_2"):
        return "ISO-2022-JP"
    if name.startswith("utf_16"):
        return "UTF-16"
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if control > len(sample) // 100:
        return None
    return best.encoding.upper().replace("_", "-")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def strip_controls(text: str, notes: list[Note]) -> str:
    """Remove NUL and other C0/C1 control characters, reporting each line they were on."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not CONTROL.search(text):
        return text
    lines = text.split("\n")
    for no, line in enumerate(lines, start=1):
        found = CONTROL.findall(line)
        if found:
            codes = ", ".join(sorted({f"U+{ord(ch):04X}" for ch in found}))
            notes.append(Note(no, f"control character(s) {codes} removed", "check the line against the source"))
            lines[no - 1] = CONTROL.sub("", line)
    return "\n".join(lines)


# -- HTML ----------------------------------------------------------------------------------

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "iframe",
    "svg",
    "object",
}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr"}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "ul",
    "ol",
    "dl",
    "pre",
    "blockquote",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "br",
    "body",
}
# Page furniture by class or id: menus, breadcrumbs, side bars, footers.
_FURNITURE = re.compile(
    r"(?i)(?:^|[\s_-])(?:g?nav|navi|navigation|menu|breadcrumbs?|pankuzu|topicpath|sidebar|"
    r"side|footer|header|skip|sns|share|social)(?:$|[\s_-])"
)


_CELL = "\x1f"
"""Where a table cell begins, until its row is closed (never left in the text)."""


class _TextOfPage:
    """Collects a page's visible text, one block element to a line, skipping page furniture.

    A parser target for lxml's HTML parser (libxml2): it reads in one linear pass and
    closes unclosed elements by the rules of HTML, where the standard library's parser
    slows down quadratically on unclosed tags and comments (5 MB of them took minutes)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.lists: list[list[int]] = []
        self.pre = 0
        self.main_start: int | None = None
        self.main_end: int | None = None
        self.main_depth: int | None = None
        self.rows: list[tuple[int, int]] = []
        """Open table rows: where each began in `parts`, and how many rows had begun before it."""
        self.rows_begun = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """Open an element: skip page furniture, start a line for a block, number list items."""
        tag = tag.lower()
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self.parts.append("\n")
            self.stack.append((tag, False))
            return
        values = " ".join(v or "" for k, v in attrib.items() if k in ("class", "id", "role"))
        skip = tag in _SKIP or bool(_FURNITURE.search(values)) or "navigation" in values
        self.stack.append((tag, skip))
        if skip:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if self.main_start is None and (tag in ("main", "article") or re.search(r"(?i)\bmain\b|contents?\b", values)):
            self.main_start, self.main_depth = len(self.parts), len(self.stack)
        if tag == "pre":
            self.pre += 1
        if tag in ("ul", "ol"):
            self.lists.append([0 if tag == "ol" else -1])
        if tag in _BLOCK and tag not in ("td", "th"):
            self.parts.append("\n")
        if tag == "tr":
            self.rows.append((len(self.parts), self.rows_begun))
            self.rows_begun += 1
        if tag == "li" and self.lists:
            counter = self.lists[-1]
            if counter[0] >= 0:
                counter[0] += 1
                self.parts.append(f"{counter[0]}. ")
            else:
                self.parts.append("・")
        if tag in ("td", "th"):
            self.parts.append(_CELL)

    def end(self, tag: str) -> None:
        """Close the element (libxml2 reports every element closed, implied ends too), ending its line."""
        if not self.stack:
            return
        open_tag, skip = self.stack.pop()
        if skip:
            self.skip_depth -= 1
        elif not self.skip_depth and open_tag not in _VOID:
            if open_tag in ("ul", "ol") and self.lists:
                self.lists.pop()
            if open_tag == "pre":
                self.pre -= 1
            if open_tag == "tr" and self.rows:
                self._row(*self.rows.pop())
            if open_tag in _BLOCK and open_tag not in ("td", "th"):
                self.parts.append("\n")
        if self.main_depth is not None and self.main_end is None and len(self.stack) < self.main_depth:
            self.main_end = len(self.parts)

    def data(self, data: str) -> None:
        """Text outside skipped elements, with its white space collapsed (except in <pre>)."""
        if self.skip_depth:
            return
        self.parts.append(data if self.pre else re.sub(r"[ \t\r\n]+", " ", data))

    def close(self) -> None:
        """The end of the page: nothing left to do (the text is in `parts`)."""

    def _row(self, start: int, rows_before: int) -> None:
        """A table row as one line of cells (| 委員 | 佐藤 花子 | 架空銀行 |), which the layout
        rules read cell by cell under one line number. A row whose cells hold several lines,
        or rows of a table of their own, keeps its cell marks, which become line breaks at
        the end: so each part is joined into a row at most once, however deep tables nest.
        The parts keep their count, so positions stay valid."""
        if self.rows_begun != rows_before + 1:
            return
        row = "".join(self.parts[start:])
        cells = [re.sub(r"[|｜]", "／", cell).strip() for cell in row.split(_CELL)[1:]]
        if len([c for c in cells if c]) >= 2 and not any("\n" in c for c in cells):
            self.parts[start:] = ["\n| " + " | ".join(cells) + " |\n"] + [""] * (len(self.parts) - start - 1)


def _from_html(html: str) -> Extracted:
    from lxml import etree

    target = _TextOfPage()
    # huge_tree lifts libxml2's caps on depth and text size, which would otherwise cut a
    # long page short without a word; nothing is built but the target's list of parts.
    parser = etree.HTMLParser(target=target, encoding="utf-8", recover=True, no_network=True, huge_tree=True)
    try:
        parser.feed(html.encode("utf-8", "surrogatepass"))
        parser.close()
    except Exception as exc:  # libxml2 recovers from nearly anything; what it still raises is a broken page
        raise Refused(f"cannot read the HTML page: {exc}") from None
    parts = target.parts
    if target.main_start is not None:
        main = parts[target.main_start : target.main_end]
        if len("".join(main).strip()) > 200:
            parts = main  # the page marks its content: take that and leave the furniture
    lines = [line.strip(" ") for line in "".join(parts).replace(_CELL, "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    extracted = Extracted(text, "html")
    extracted.text = strip_controls(text, extracted.notes)
    return extracted


# -- PDF -----------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-－‐―]\s*\d{1,4}\s*[-－‐―]|\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|[(（]\s*\d{1,4}\s*[)）]|"
    r"(?:page|p\.)\s*\d{1,4}|\d{1,4}\s*ページ)\s*$",
    re.I,
)
_ENDS_SENTENCE = tuple("。．.！？!?」』）)：:")
_STARTS_BLOCK = re.compile(
    r"^\s*(?:[○◯〇●◎◇◆■□・•※【〔《≪(（]|\d+\s*[.．、)]|\d{1,2}\s+(?=\D)|\d{1,3}$|[①-⑳]|第\s*\d+|[一二三四五六七八九十]+\s*[、.．])"
)


def _from_pdf(data: bytes) -> Extracted:
    extracted = Extracted("", "pdf")
    raw = "\f".join(_pdf_pages(data, extracted.notes))
    if not raw.strip():
        raise Refused("the PDF holds no text (a scanned image?): run OCR first")
    # Japanese CID fonts map the wave dash of 10:00～12:00 to U+02DC SMALL TILDE.
    text = mend_pages(raw.replace("\u02dc", "~").split("\f"), extracted.notes)
    for no, line in enumerate(text.split("\n"), start=1):
        if "(cid:" in line:
            extracted.notes.append(
                Note(no, "characters the PDF does not map to text, written as (cid:N)", "correct them from the printed page")
            )
    extracted.text = strip_controls(text, extracted.notes)
    return extracted


def _pdf_pages(data: bytes, notes: list[Note]) -> list[str]:
    """Each page's text (as pdfminer's extract_text lays it out), read page by page within
    the limits: pages, decoded stream bytes, drawing instructions and characters of text.
    A page with too many instructions to be text is left out, and a note says so."""
    import io

    try:
        from pdfminer.converter import TextConverter
        from pdfminer.layout import LAParams
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import PDFStream, resolve1

        pages: list[str] = []
        size = content = 0
        with _bounded_streams():
            document = PDFDocument(PDFParser(io.BytesIO(data)))
            manager = PDFResourceManager()
            for number, page in enumerate(PDFPage.create_pages(document), start=1):
                if number > MAX_PDF_PAGES:
                    raise Refused(f"the PDF has more than {MAX_PDF_PAGES:,} pages: split it, or import the pages of one meeting")
                # Decoded here within the stream limits; pdfminer keeps the data for the page.
                instructions = sum(
                    len(stream.get_data()) for stream in map(resolve1, page.contents) if isinstance(stream, PDFStream)
                )
                content += instructions
                if content > MAX_PDF_CONTENT:
                    raise Refused(
                        f"the PDF's pages hold more than {_mb(MAX_PDF_CONTENT)} of drawing instructions by page {number}: refused"
                    )
                if instructions > MAX_PDF_PAGE_CONTENT:
                    notes.append(
                        Note(
                            1,
                            f"PDF page {number} left out: {_mb(instructions)} of drawing instructions "
                            f"(more than {_mb(MAX_PDF_PAGE_CONTENT)}) is a drawing or a scan, not text",
                            "if the page holds text of the record, copy it by hand",
                        )
                    )
                    pages.append("")
                    continue
                out = io.StringIO()
                device = TextConverter(manager, out, laparams=LAParams(line_margin=0.3))
                PDFPageInterpreter(manager, device).process_page(page)
                device.close()
                pages.append(out.getvalue().removesuffix("\f"))
                size += len(pages[-1])
                if size > MAX_PDF_TEXT:
                    raise Refused(f"the PDF's text is too large (more than {MAX_PDF_TEXT:,} characters by page {number})")
        return pages
    except Refused:
        raise
    except MemoryError:
        raise Refused("the PDF needs more memory than there is to read it (a decompression bomb?)") from None
    except Exception as exc:  # pdfminer raises many types for damaged files; the user needs one line
        raise Refused(f"cannot read the PDF: {type(exc).__name__}: {exc}".rstrip(": ")) from None


class _StreamBudget:
    """What a PDF's streams have decoded to so far; refuses past the limits."""

    def __init__(self) -> None:
        self.total = 0

    def take(self, size: int) -> None:
        """Count `size` more decoded bytes of the PDF's streams."""
        self.total += size
        if self.total > MAX_PDF_DECODED:
            raise Refused(f"the PDF's streams decode to more than {_mb(MAX_PDF_DECODED)} (a decompression bomb?): refused")

    @staticmethod
    def too_large() -> Refused:
        """The error for one stream past MAX_PDF_STREAM."""
        return Refused(f"a stream in the PDF decodes to more than {_mb(MAX_PDF_STREAM)} (a decompression bomb?): refused")


class _BoundedDecompressor:
    """A zlib decompressor that counts what it gives (pdfminer feeds a damaged stream byte by byte)."""

    def __init__(self, budget: _StreamBudget) -> None:
        import zlib

        self.inner = zlib.decompressobj()
        self.budget = budget
        self.size = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        """Like zlib's, stopping past the limits."""
        out = self.inner.decompress(data, MAX_PDF_STREAM + 1 - self.size)
        self.size += len(out)
        if self.size > MAX_PDF_STREAM or self.inner.unconsumed_tail:
            raise _StreamBudget.too_large()
        self.budget.take(len(out))
        return out


class _BoundedZlib:
    """The `zlib` pdfminer's stream decoder sees while a PDF is read: the same calls,
    bounded, so a stream that inflates past the limits stops at the limit instead of
    filling memory first."""

    def __init__(self, budget: _StreamBudget) -> None:
        import zlib

        self.error = zlib.error
        self.budget = budget

    def decompress(self, data: bytes) -> bytes:
        """All of a stream, as zlib.decompress, within the limits; a damaged stream raises zlib.error as there."""
        decompressor = _BoundedDecompressor(self.budget)
        out = decompressor.decompress(data)
        if not decompressor.inner.eof:
            raise self.error("incomplete or truncated stream")
        return out

    def decompressobj(self) -> _BoundedDecompressor:
        """A decompressor bounded as `decompress` is."""
        return _BoundedDecompressor(self.budget)


@contextmanager
def _bounded_streams() -> Iterator[None]:
    """While a PDF is read, pdfminer's stream filters that can inflate (Flate, LZW) decode
    within MAX_PDF_STREAM a stream and MAX_PDF_DECODED in all. pdfminer has no limits of its
    own: its names are replaced for the duration and put back after (tests/test_import_limits.py
    fails if a pdfminer release moves them)."""
    from pdfminer import pdftypes
    from pdfminer.lzw import LZWDecoder

    budget = _StreamBudget()

    def lzwdecode(data: bytes) -> bytes:
        import io

        out = bytearray()
        for piece in LZWDecoder(io.BytesIO(data)).run():
            out += piece
            if len(out) > MAX_PDF_STREAM:
                raise _StreamBudget.too_large()
        budget.take(len(out))
        return bytes(out)

    saved: dict[str, Any] = {name: getattr(pdftypes, name) for name in ("zlib", "lzwdecode")}
    setattr(pdftypes, "zlib", _BoundedZlib(budget))  # noqa: B010 (pdfminer does not export the name)
    setattr(pdftypes, "lzwdecode", lzwdecode)  # noqa: B010
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(pdftypes, name, value)


def mend_pages(pages: list[str], notes: list[Note]) -> str:
    """One text from PDF pages: page numbers and running headers/footers dropped (and
    reported), lines broken only by the page width joined again."""
    page_lines = [[line.rstrip() for line in page.split("\n")] for page in pages]
    page_lines = [lines for lines in page_lines if any(line.strip() for line in lines)]
    edges: Counter[str] = Counter()
    for lines in page_lines:
        filled = [line.strip() for line in lines if line.strip()]
        for line in {*filled[:2], *filled[-2:]}:
            edges[re.sub(r"\d+", "#", line)] += 1
    running = {line for line, count in edges.items() if count >= 2 and count >= len(page_lines) * 0.6}
    out: list[str] = []
    dropped: list[str] = []
    for lines in page_lines:
        kept = [i for i, line in enumerate(lines) if line.strip()]
        edge = set(kept[:2] + kept[-2:])
        for i, line in enumerate(lines):
            text = line.strip()
            if i in edge and (_PAGE_NUMBER.match(text) or re.sub(r"\d+", "#", text) in running):
                dropped.append(text)
                continue
            out.append(line)
    if dropped:
        notes.append(
            Note(1, f"{len(dropped)} page number or running header line(s) dropped: " + ", ".join(sorted(set(dropped))[:5]))
        )
    return join_wrapped(out)


def join_wrapped(lines: list[str]) -> str:
    """Join lines that the page width broke: a full-width line that does not end a
    sentence, followed by one that does not begin a new block."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return ""
    full = lengths[int(len(lengths) * 0.9)] if len(lengths) >= 5 else lengths[-1]
    out: list[str] = []
    last_width = 0
    for line in lines:
        text = line.strip()
        blanks = 0
        while blanks < len(out) and not out[-1 - blanks]:
            blanks += 1
        previous = out[-1 - blanks] if blanks < len(out) else ""
        # Blank lines between text boxes carry no meaning in PDF text: a full line that
        # stops mid-sentence goes on in the next line of text, across them. Only the
        # printed width of the line above counts, not what was already joined to it.
        joins = (
            text
            and previous
            and blanks <= 1
            and last_width >= full * 0.85
            and full >= 20
            and not previous.endswith(_ENDS_SENTENCE)
            and not _STARTS_BLOCK.match(text)
            and not re.match(r"^[^\s:：、。]{1,8}\s*[:：]", text)
        )
        if text:
            last_width = len(text)
        if joins:
            del out[len(out) - blanks :]
            # Words of Latin script get their space back; digits of a number cut by the
            # margin (2月1 / 6日) are closed up.
            joiner = " " if re.search(r"[A-Za-z,.;]$", previous) and re.match(r"[A-Za-z0-9]", text) else ""
            out[-1] = previous + joiner + text
            continue
        out.append(text)
    return "\n".join(out).strip("\n") + "\n"
