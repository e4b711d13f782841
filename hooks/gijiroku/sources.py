"""Reading files of the archive as text: encodings, byte-order marks, line ends, front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into front matter and body, each with its first file line."""

    front_matter: str
    front_matter_line: int
    body: str
    body_line: int


def read_text(path: Path, diags: Diagnostics) -> str | None:
    """The file's text with BOM and CRLF removed; undecodable bytes are reported, then replaced."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        diags.add(path, 1, 1, "E001", f"cannot read file: {exc.strerror}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        diags.add(
            path, line, col, "E001", f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
            "save the file as UTF-8 (text converted from PDF or Shift_JIS often needs re-encoding)",
        )
        text = data.decode("utf-8", errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(text: str, path: Path, diags: Diagnostics) -> Document | None:
    """Split `---` front matter from the body; report a missing or unclosed block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        diags.add(path, 1, 1, "E003", "file does not start with '---' front matter",
                  "begin the file with a line '---', the YAML fields, and another '---'")
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Document(
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1:]),
                body_line=index + 2,
            )
    diags.add(path, 1, 1, "E003", "front matter is not closed",
              "end the YAML fields with a line '---' before the proceedings")
    return None
