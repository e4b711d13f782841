"""Reading files of the archive: each file's bytes once, with their digest, then as text
(encodings, byte-order marks, line ends) and front matter.

What is read is what the build renders and what its cache keys pages by: a file is read
once per build (`read_source`), and its digest travels with what was made of it.
Only regular files are read: a FIFO would block the reader for ever and a device such
as /dev/zero never ends, so they are reported without being opened. A file that is a
link to somewhere outside the minutes folder is read, but its diagnostics never quote
it (`Diagnostics.conceal`): a mistaken link to a credentials file must not print it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostics

# A FIFO is never waited on, and a cache file's link never followed: flags POSIX has
# (elsewhere, the file's kind is checked once it is open).
_NO_WAIT = getattr(os, "O_NONBLOCK", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True, slots=True)
class Source:
    """A file's bytes as the build read them, and their digest."""

    path: Path
    data: bytes
    digest: str


class ChangedDuringBuild(Exception):
    """Files whose bytes are no longer those the build read: what it made from them would
    not show them as they are, so the build stops (and the next one reads them again)."""

    def __init__(self, paths: list[str]) -> None:
        self.paths = paths
        super().__init__(
            f"{', '.join(paths)} changed while the site was being built (the build made its pages "
            "from what it read before): build again"
        )


MAX_BYTES = 128 * 1024 * 1024
"""The largest file the archive reads: minutes of a day run to a few MB, and a file that
says it is regular may still not end (/proc/kcore) or be a whole disk's log."""


def digest_of(data: bytes) -> str:
    """The digest the build knows a file's bytes by: SHA-256 (which processors compute in
    hardware: twice as fast as BLAKE2 here, and a rebuild digests every cached file),
    160 bits of it."""
    return hashlib.sha256(data).hexdigest()[:40]


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def read_source(path: Path, diags: Diagnostics) -> Source | None:
    """The bytes of the regular file at `path` (through links) and their digest; None,
    with a diagnostic, when it is anything else or cannot be read."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            diags.add(path, 1, 1, "E005", "not a regular file: a link to nothing", "point the link at a file, or remove it")
        else:
            diags.add(path, 1, 1, "E001", "cannot read file: it does not exist")
        return None
    except OSError as exc:
        diags.add(path, 1, 1, "E001", f"cannot read file: {exc.strerror}")
        return None
    if not stat.S_ISREG(found.st_mode):
        _not_regular(path, found.st_mode, diags)
        return None
    _conceal_if_outside(path, diags)
    try:
        # Not blocking on open, and checked again once open: a FIFO put in its place
        # between the two looks is still not waited on.
        handle = os.open(path, os.O_RDONLY | _NO_WAIT)
    except OSError as exc:
        diags.add(path, 1, 1, "E001", f"cannot read file: {exc.strerror}")
        return None
    try:
        mode = os.fstat(handle).st_mode
        if not stat.S_ISREG(mode):
            _not_regular(path, mode, diags)
            return None
        os.set_blocking(handle, True)
        with open(handle, "rb", closefd=False) as reader:
            data = reader.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            diags.add(
                path,
                1,
                1,
                "E001",
                f"cannot read file: larger than {MAX_BYTES // (1024 * 1024)} MB",
                "split it, or move it out of the minutes folder: it was not read",
            )
            return None
    except OSError as exc:
        diags.add(path, 1, 1, "E001", f"cannot read file: {exc.strerror}")
        return None
    finally:
        os.close(handle)
    return Source(path, data, digest_of(data))


def special_file(path: Path) -> str:
    """What is at `path` if it exists and is not a regular file ("a FIFO (named pipe)",
    "a device", …), or "": what must not be opened by anything that reads it whole."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    return "" if stat.S_ISREG(mode) else _kind_of(mode)


def is_present(path: Path) -> bool:
    """Whether anything is at `path` (a file, a folder, a FIFO, a broken link)."""
    return os.path.lexists(path)


def _not_regular(path: Path, mode: int, diags: Diagnostics) -> None:
    diags.add(
        path,
        1,
        1,
        "E005",
        f"not a regular file: {_kind_of(mode)}",
        "put a text file here (it was not read), or move what is there out of the minutes folder",
    )


def _conceal_if_outside(path: Path, diags: Diagnostics) -> None:
    if diags.root is None:
        return
    try:
        inside = Path(os.path.realpath(path)).is_relative_to(os.path.realpath(diags.root))
    except (OSError, ValueError):
        inside = False
    if not inside:
        diags.conceal(
            path,
            f"{diags.relpath(path)} is a link to a file outside the minutes folder: "
            "what it holds is not shown; fix the file it points to, or copy it into the minutes folder",
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A Markdown file split into front matter and body, each with its first file line."""

    front_matter: str
    front_matter_line: int
    body: str
    body_line: int


def read_text(path: Path, diags: Diagnostics, source: Source | None = None) -> str | None:
    """The file's text (from `source` when it was read already) with BOM and CRLF
    removed; undecodable bytes are reported, then replaced."""
    source = source if source is not None else read_source(path, diags)
    if source is None:
        return None
    data = source.data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        diags.add(
            path,
            line,
            col,
            "E001",
            f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
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
        diags.add(
            path,
            1,
            1,
            "E003",
            "file does not start with '---' front matter",
            "begin the file with a line '---', the YAML fields, and another '---'",
        )
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return Document(
                front_matter="\n".join(lines[1:index]),
                front_matter_line=2,
                body="\n".join(lines[index + 1 :]),
                body_line=index + 2,
            )
    diags.add(path, 1, 1, "E003", "front matter is not closed", "end the YAML fields with a line '---' before the proceedings")
    return None


def is_regular(path: Path) -> bool:
    """A regular file itself, not a link to one."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def is_folder(path: Path) -> bool:
    """A folder itself, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_path(path: Path) -> None:
    """Whatever is at `path` (nothing if nothing is); a link is removed, never followed."""
    if is_folder(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)


def read_regular(path: Path) -> bytes | None:
    """The bytes of the regular file at `path` (not through a link at its end), or None."""
    try:
        handle = os.open(path, os.O_RDONLY | _NO_FOLLOW | _NO_WAIT)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None
        with open(handle, "rb", closefd=False) as reader:
            return reader.read()
    except OSError:
        return None
    finally:
        os.close(handle)
