"""Importing a back catalogue: many records into one council's folder in one run.

Each meeting file is named by its date (`2024-05-20.ja.md`; a second meeting that day
`2024-05-20-2.ja.md`, in the order of the inputs), or, without a date, by its input
file's name (said in the table). A meeting file that exists is never overwritten
without `--force`: it is reported as skipped, so a run can be repeated safely. Every
input is tried; the exit status is 1 when any failed.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..model import Person
from ..yamlsrc import ID_MAX, id_problem
from .profile import ImportProfile
from .report import (
    Imported,
    ImportFailed,
    import_file,
    load_registry,
    refuse_profile,
    remark_counts,
    report_data,
    resolve_profile,
    write_review_page,
)

SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".pdf")
"""What a folder's files must end with to be read as records (files named on the command line are read whatever they end with)."""


@dataclass(slots=True)
class Row:
    """One input's line of the closing table."""

    input: Path
    status: str
    """written, overwritten, skipped or failed."""
    detail: str = ""
    output: Path | None = None
    imported: Imported | None = None


def collect_inputs(inputs: list[Path]) -> tuple[list[Path], list[Path]]:
    """The files to import, in order (a folder's files sorted, at any depth), and the
    files of a folder left out because they are not records by their name."""
    files: list[Path] = []
    left_out: list[Path] = []
    for given in inputs:
        if not given.is_dir():
            files.append(given)
            continue
        for path in sorted(p for p in given.rglob("*") if p.is_file() and not _hidden(p, given)):
            (files if path.suffix.lower() in SUFFIXES else left_out).append(path)
    return files, left_out


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def meeting_id(imported: Imported, taken: Counter[str]) -> tuple[str, str]:
    """The meeting's id (its date, -2 … for a second meeting that day) and, when it has no
    date, a note that the name came from the input file."""
    draft = imported.draft
    if draft.date is not None:
        stem, note = draft.date.isoformat(), ""
    else:
        stem = _slug(imported.path.stem) or "undated"
        note = f"no date: named {stem} after the input file"
    taken[stem] += 1
    return (stem if taken[stem] == 1 else f"{stem}-{taken[stem]}"), note


def _slug(name: str) -> str:
    """An id from a file name: lowercase ASCII letters and digits joined by single hyphens."""
    folded = unicodedata.normalize("NFKC", name).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[: ID_MAX - 4].strip("-")
    return slug if slug and not id_problem(slug) else ""


class Progress:
    """One line on standard error, rewritten at most five times a second, on a terminal
    only: piped or logged output gets the closing table alone."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.live = stream.isatty()
        self.last = 0.0

    def show(self, done: int, name: str) -> None:
        """`[12/340] importing 2019/0412.pdf`."""
        now = time.monotonic()
        if not self.live or (now - self.last < 0.2 and done):
            return
        self.last = now
        self.stream.write(f"\r\x1b[K[{done + 1}/{self.total}] importing {name[-60:]}")
        self.stream.flush()

    def clear(self) -> None:
        """Take the line away before anything else is printed."""
        if self.live and self.last:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.last = 0.0


def run_batch(
    inputs: list[Path],
    output: Path | None,
    minutes: Path,
    *,
    encoding: str | None = None,
    profile_file: Path | None = None,
    review: Path | None = None,
    force: bool = False,
    report: str = "text",
) -> int:
    """Import every input into the folder `output`; print the notes, then a table."""
    if output is None or output.is_file() or output.suffix == ".md":
        print("gijiroku import: several inputs are imported into a council's folder: give -o minutes/COUNCIL/", file=sys.stderr)
        return 2
    if review is not None and review.suffix.lower() in (".html", ".htm"):
        print("gijiroku import: with several inputs --review names a folder, for one page per input", file=sys.stderr)
        return 2
    profile, _, diags = resolve_profile(profile_file, output)
    if diags.errors:
        return refuse_profile(diags)
    files, left_out = collect_inputs(inputs)
    if not files:
        print(
            "gijiroku import: no records to import (.txt, .html, .htm, .pdf) in " + ", ".join(map(str, inputs)), file=sys.stderr
        )
        return 2
    people = load_registry(minutes)
    progress = Progress(len(files), sys.stderr)
    taken: Counter[str] = Counter()
    rows: list[Row] = []
    for done, path in enumerate(files):
        progress.show(done, str(path))
        row = _import_one(path, output, people, profile, encoding, taken, force)
        if review is not None and row.imported is not None and row.output is not None:
            if problem := write_review_page(row.imported, review / (row.output.name.removesuffix(".md") + ".html")):
                row.status, row.detail = "failed", problem
        rows.append(row)
        if report == "text":
            progress.clear()
            _print_notes(row)
    progress.clear()
    if report == "json":
        print(json.dumps([_row_data(row) for row in rows], ensure_ascii=False, indent=1), file=sys.stderr)
    else:
        print(format_table(rows), file=sys.stderr)
        if left_out:
            print(
                f"left out {len(left_out)} file(s) not named as records ({', '.join(SUFFIXES)}): "
                + ", ".join(str(p) for p in left_out[:10])
                + (" …" if len(left_out) > 10 else ""),
                file=sys.stderr,
            )
        print(closing_line(rows), file=sys.stderr)
    return 1 if any(row.status == "failed" for row in rows) else 0


def _import_one(
    path: Path,
    folder: Path,
    people: Mapping[str, Person],
    profile: ImportProfile,
    encoding: str | None,
    taken: Counter[str],
    force: bool,
) -> Row:
    try:
        imported = import_file(path, people, profile, encoding)
    except ImportFailed as exc:
        return Row(path, "failed", str(exc))
    ident, note = meeting_id(imported, taken)
    target = folder / f"{ident}.{imported.draft.language}.md"
    existed = target.exists()
    if existed and not force:
        return Row(path, "skipped", f"{target.name} exists (--force overwrites it)", target, imported)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(imported.meeting, encoding="utf-8")
    except OSError as exc:
        return Row(path, "failed", f"cannot write {target}: {exc.strerror or exc}", target, imported)
    return Row(path, "overwritten" if existed else "written", note, target, imported)


def _print_notes(row: Row) -> None:
    if row.imported is not None:
        for note in row.imported.notes:
            print(note.format(str(row.input)), file=sys.stderr)
    if row.status == "failed":
        print(f"gijiroku import: {row.input}: {row.detail}", file=sys.stderr)


def _row_data(row: Row) -> dict[str, object]:
    data: dict[str, object] = {
        "input": str(row.input),
        "status": row.status,
        "detail": row.detail or None,
        "output": str(row.output) if row.output else None,
    }
    if row.imported is not None:
        data["report"] = report_data(row.imported)
    return data


HEADINGS = ("file", "date", "attendees", "agenda items", "turns", "notes", "status")


def table_cells(row: Row) -> tuple[str, ...]:
    """One row of the closing table."""
    status = row.status + (f" {row.output.name}" if row.output and row.status != "failed" else "")
    status += f" ({row.detail})" if row.detail else ""
    if row.imported is None:
        return (str(row.input), "", "", "", "", "", status)
    draft = row.imported.draft
    counts = remark_counts(draft)
    return (
        str(row.input),
        draft.date.isoformat() if draft.date else "no date",
        str(len(draft.attendees)),
        str(len(draft.agenda)),
        str(counts["spoken"] + counts["written"]),
        str(len(row.imported.notes)),
        status,
    )


def format_table(rows: list[Row]) -> str:
    """The closing table, its columns aligned (wide characters count twice)."""
    cells = [HEADINGS, *(table_cells(row) for row in rows)]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(HEADINGS) - 1)]
    numeric = {2, 3, 4, 5}
    out = []
    for line in cells:
        parts = [
            (" " * (w - _width(c)) + c) if i in numeric and line is not HEADINGS else c + " " * (w - _width(c))
            for i, (c, w) in enumerate(zip(line, widths))
        ]
        out.append("  ".join([*parts, line[-1]]).rstrip())
    return "\n".join(out)


def closing_line(rows: list[Row]) -> str:
    """`340 inputs: 331 written, 6 skipped, 3 failed`."""
    counts = Counter(row.status for row in rows)
    parts = [f"{counts[s]} {s}" for s in ("written", "overwritten", "skipped", "failed") if counts[s]]
    return f"{len(rows)} input{'s' if len(rows) != 1 else ''}: " + ", ".join(parts)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
