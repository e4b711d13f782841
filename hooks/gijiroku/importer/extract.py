"""Getting the record's text out of what users bring: plain text in any common encoding,
a saved HTML page, or a PDF.

Everything here either returns text (with notes on what was removed) or raises
`Refused` with a one-line reason: the command never shows a traceback for bad input.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .draft import Note
from .textutil import CONTROL

MAX_BYTES = 20_000_000
"""Minutes are text: anything larger is refused rather than read into memory and parsed."""


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


def extract(data: bytes, encoding: str | None = None) -> Extracted:
    """The record's text from the bytes of a text, HTML or PDF file."""
    if len(data) > MAX_BYTES:
        raise Refused(f"input is too large ({len(data) // 1_000_000} MB; the limit is {MAX_BYTES // 1_000_000} MB)")
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise Refused("input is empty")
    if data.startswith(b"%PDF-"):
        return _from_pdf(data)
    text, used = decode(data, encoding)
    body = text.lstrip("\ufeff \t\r\n")
    if re.match(r"(?is)<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html", body[:2000]) or \
            len(re.findall(r"(?i)</?(?:p|div|br|td|li|span|table)\b", body[:20000])) >= 5:
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

_SKIP = {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form", "button",
         "select", "iframe", "svg", "object"}
_VOID = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "param", "source", "track", "wbr"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "td",
          "th", "table", "ul", "ol", "dl", "pre", "blockquote", "caption", "figure", "figcaption", "address", "hr",
          "br", "body"}
# Page furniture by class or id: menus, breadcrumbs, side bars, footers.
_FURNITURE = re.compile(r"(?i)(?:^|[\s_-])(?:g?nav|navi|navigation|menu|breadcrumbs?|pankuzu|topicpath|sidebar|"
                        r"side|footer|header|skip|sns|share|social)(?:$|[\s_-])")


_CELL = "\x1f"
"""Where a table cell begins, until its row is closed (never left in the text)."""


class _TextOfPage(HTMLParser):
    """Collects a page's visible text, one block element to a line, skipping page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[tuple[str, bool]] = []
        self.lists: list[list[int]] = []
        self.pre = 0
        self.main_start: int | None = None
        self.main_end: int | None = None
        self.main_depth: int | None = None
        self.rows: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: skip page furniture, start a line for a block, number list items."""
        if tag in _VOID:
            if tag in ("br", "hr") and not self.skip_depth:
                self.parts.append("\n")
            return
        values = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
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
            self.rows.append(len(self.parts))
        if tag == "li" and self.lists:
            counter = self.lists[-1]
            if counter[0] >= 0:
                counter[0] += 1
                self.parts.append(f"{counter[0]}. ")
            else:
                self.parts.append("・")
        if tag in ("td", "th"):
            self.parts.append(_CELL)

    def handle_endtag(self, tag: str) -> None:
        """Close elements up to this one (HTML leaves many unclosed), ending their lines."""
        if tag in _VOID:
            return
        while self.stack:
            open_tag, skip = self.stack.pop()
            if skip:
                self.skip_depth -= 1
            elif not self.skip_depth:
                if open_tag in ("ul", "ol") and self.lists:
                    self.lists.pop()
                if open_tag == "pre":
                    self.pre -= 1
                if open_tag in _BLOCK and open_tag not in ("td", "th"):
                    self.parts.append("\n")
                if open_tag == "tr" and self.rows:
                    self._row(self.rows.pop())
            if self.main_depth is not None and self.main_end is None and len(self.stack) < self.main_depth:
                self.main_end = len(self.parts)
            if open_tag == tag:
                break

    def _row(self, start: int) -> None:
        """A table row as one line of cells (| 委員 | 佐藤 花子 | 架空銀行 |), which the layout
        rules read cell by cell under one line number; a row whose cells hold several
        lines is left one cell a line. The parts keep their count: positions stay valid."""
        row = "".join(self.parts[start:])
        cells = [re.sub(r"[|｜]", "／", cell).strip() for cell in row.split(_CELL)[1:]]
        if len([c for c in cells if c]) >= 2 and not any("\n" in c for c in cells):
            text = "\n| " + " | ".join(cells) + " |\n"
        else:
            text = row.replace(_CELL, "\n")
        self.parts[start:] = [text] + [""] * (len(self.parts) - start - 1)

    def handle_data(self, data: str) -> None:
        """Text outside skipped elements, with its white space collapsed (except in <pre>)."""
        if self.skip_depth:
            return
        self.parts.append(data if self.pre else re.sub(r"[ \t\r\n]+", " ", data))


def _from_html(html: str) -> Extracted:
    parser = _TextOfPage()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything it still raises is a broken page
        raise Refused(f"cannot read the HTML page: {exc}") from None
    parts = parser.parts
    if parser.main_start is not None:
        main = parts[parser.main_start: parser.main_end]
        if len("".join(main).strip()) > 200:
            parts = main  # the page marks its content: take that and leave the furniture
    lines = [line.strip(" ") for line in "".join(parts).replace(_CELL, "\n").split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
    extracted = Extracted(text, "html")
    extracted.text = strip_controls(text, extracted.notes)
    return extracted


# -- PDF -----------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^\s*(?:[-－‐―]\s*\d{1,4}\s*[-－‐―]|\d{1,4}|\d{1,4}\s*/\s*\d{1,4}|[(（]\s*\d{1,4}\s*[)）]|"
                          r"(?:page|p\.)\s*\d{1,4}|\d{1,4}\s*ページ)\s*$", re.I)
_ENDS_SENTENCE = tuple("。．.！？!?」』）)：:")
_STARTS_BLOCK = re.compile(r"^\s*(?:[○◯〇●◎◇◆■□・•※【〔《≪(（]|\d+\s*[.．、)]|\d{1,2}\s+(?=\D)|\d{1,3}$|[①-⑳]|第\s*\d+|[一二三四五六七八九十]+\s*[、.．])")


def _from_pdf(data: bytes) -> Extracted:
    import io

    try:
        from pdfminer.high_level import extract_text
        from pdfminer.layout import LAParams

        raw = extract_text(io.BytesIO(data), laparams=LAParams(line_margin=0.3))
    except Exception as exc:  # pdfminer raises many types for damaged files; the user needs one line
        raise Refused(f"cannot read the PDF: {type(exc).__name__}: {exc}".rstrip(": ")) from None
    if not raw.strip():
        raise Refused("the PDF holds no text (a scanned image?): run OCR first")
    extracted = Extracted("", "pdf")
    # Japanese CID fonts map the wave dash of 10:00～12:00 to U+02DC SMALL TILDE.
    text = mend_pages(raw.replace("\u02dc", "~").split("\f"), extracted.notes)
    for no, line in enumerate(text.split("\n"), start=1):
        if "(cid:" in line:
            extracted.notes.append(Note(no, "characters the PDF does not map to text, written as (cid:N)",
                                        "correct them from the printed page"))
    extracted.text = strip_controls(text, extracted.notes)
    return extracted


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
        notes.append(Note(1, f"{len(dropped)} page number or running header line(s) dropped: "
                          + ", ".join(sorted(set(dropped))[:5])))
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
        joins = text and previous and blanks <= 1 and last_width >= full * 0.85 and full >= 20 \
            and not previous.endswith(_ENDS_SENTENCE) and not _STARTS_BLOCK.match(text) \
            and not re.match(r"^[^\s:：、。]{1,8}\s*[:：]", text)
        if text:
            last_width = len(text)
        if joins:
            del out[len(out) - blanks:]
            # Words of Latin script get their space back; digits of a number cut by the
            # margin (2月1 / 6日) are closed up.
            joiner = " " if re.search(r"[A-Za-z,.;]$", previous) and re.match(r"[A-Za-z0-9]", text) else ""
            out[-1] = previous + joiner + text
            continue
        out.append(text)
    return "\n".join(out).strip("\n") + "\n"
