"""`gijiroku import` end to end: read the input, parse it, write the meeting file, and
report everything that needs a person's decision, as text or as JSON for tools.

`import_file` is the one step every mode shares (one file, a folder of them, a review
page, a proposed profile); `run_import` is the command for one file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostics
from ..model import Person
from ..registry import load_people
from .accounting import Accounting, account, write_complete
from .draft import Draft, Note
from .extract import Extracted, Refused, extract, read_input
from .parse import NotMinutes, parse_minutes
from .profile import EMPTY, ImportProfile, load_profile, profile_path
from .sections import EmptySection, empty_sections

KINDS = ("spoken", "written", "unattributed", "narration")


class ImportFailed(ValueError):
    """An input that could not be imported; the message is the one line the user sees."""


@dataclass(slots=True)
class Imported:
    """One input through the importer: what was read, the meeting file, and the report."""

    path: Path
    source: Extracted
    draft: Draft
    meeting: str
    accounting: Accounting
    notes: list[Note] = field(default_factory=list)
    """Every note of the extraction and the parse, and one per line placed nowhere, by line."""
    empty: list[EmptySection] = field(default_factory=list)


def import_file(
    path: Path, people: Mapping[str, Person], profile: ImportProfile = EMPTY, encoding: str | None = None
) -> Imported:
    """Read, parse and write one input; raises ImportFailed with one line for the user."""
    try:
        source = extract(read_input(path), encoding)
        draft = parse_minutes(source.text, people, profile)
    except (Refused, NotMinutes) as exc:
        raise ImportFailed(str(exc)) from None
    except RecursionError:
        raise ImportFailed("input is nested too deeply to read") from None
    except Exception as exc:  # a bug of ours: still one line for the user, never a traceback
        raise ImportFailed(f"internal error while reading ({type(exc).__name__}: {exc}); please report it") from None
    # Every line the file would not otherwise hold is kept in it as a comment (nothing is lost).
    meeting = write_complete(draft, people, source.text, source.notes + draft.notes)
    accounting = account(source.text, meeting, source.notes + draft.notes)
    draft.notes.extend(_unplaced(source.text, accounting, source.notes + draft.notes))
    notes = sorted(source.notes + draft.notes, key=lambda n: n.line)
    return Imported(path, source, draft, meeting, accounting, notes, empty_sections(source.text, draft, profile))


def load_registry(minutes: Path) -> dict[str, Person]:
    """The people the archive knows, to recognise attendees (none when there is no archive)."""
    people_file = minutes / "people.yml"
    return load_people(people_file, Diagnostics()) if people_file.is_file() else {}


def resolve_profile(explicit: Path | None, output: Path | None) -> tuple[ImportProfile, Path | None, Diagnostics]:
    """The profile to import with: `--profile FILE`, else the council's import.yml beside
    the output; its diagnostics (a profile with errors is not used: the caller refuses)."""
    diags = Diagnostics()
    path = explicit or profile_path(output)
    if path is None:
        return EMPTY, None, diags
    if not path.is_file():
        diags.add(path, 1, 1, "E004", "the import profile does not exist", "give the path of a council's import.yml")
        return EMPTY, path, diags
    return load_profile(path, diags) or EMPTY, path, diags


def refuse_profile(diags: Diagnostics) -> int:
    """Print a profile's problems, all of them; exit status 2."""
    for diag in diags.sorted():
        print(diag.format(), file=sys.stderr)
    print(f"gijiroku import: {len(diags.errors)} problem(s) in the import profile: nothing imported", file=sys.stderr)
    return 2


def run_import(
    path: Path,
    output: Path | None,
    minutes: Path,
    encoding: str | None = None,
    report: str = "text",
    profile_file: Path | None = None,
    review: Path | None = None,
) -> int:
    """Write the meeting file; report on stderr what needs a human decision. Bad input
    gets one line and exit status 2, never a traceback; so does a profile with errors
    (all of them listed)."""
    profile, _, diags = resolve_profile(profile_file, output)
    if diags.errors:
        return refuse_profile(diags)
    try:
        imported = import_file(path, load_registry(minutes), profile, encoding)
    except ImportFailed as exc:
        return _refuse(path, str(exc), report)
    if output is None:
        sys.stdout.write(imported.meeting)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(imported.meeting, encoding="utf-8")
        except OSError as exc:
            return _refuse(path, f"cannot write {output}: {exc.strerror or exc}", report)
    if review is not None and (problem := write_review_page(imported, review)):
        return _refuse(path, problem, report)
    if report == "json":
        print(json.dumps(report_data(imported), ensure_ascii=False, indent=1), file=sys.stderr)
    else:
        for note in imported.notes:
            print(note.format(str(path)), file=sys.stderr)
        print(summary(imported), file=sys.stderr)
    return 0


def write_review_page(imported: Imported, target: Path) -> str:
    """Write the review page of an import to `target`; '' or what went wrong."""
    from .review import render_review

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_review(imported), encoding="utf-8")
    except OSError as exc:
        return f"cannot write the review page {target}: {exc.strerror or exc}"
    return ""


def remark_counts(draft: Draft) -> dict[str, int]:
    """Remarks by kind."""
    return {kind: sum(1 for r in draft.remarks if r.kind == kind) for kind in KINDS}


def summary(imported: Imported) -> str:
    """The last line of the text report: what was imported, the sections the record
    labels but nothing was read from, and how many notes to review."""
    draft, source = imported.draft, imported.source
    origin = "" if source.kind == "text" and source.encoding == "utf-8" else f" from {source.kind} ({source.encoding})"
    empty = "".join(f"; {section.format()}" for section in imported.empty)
    return (
        f"imported{origin}: {len(draft.attendees)} attendees, {len(draft.agenda)} agenda items, "
        f"{len(draft.materials)} materials, "
        + ", ".join(f"{n} {k}" for k, n in remark_counts(draft).items())
        + f"{empty}; {len(imported.notes)} notes to review"
    )


def report_data(imported: Imported) -> dict[str, object]:
    """The report as data: input kind, counts, empty sections, notes with line numbers, proposed people."""
    draft, source = imported.draft, imported.source
    return {
        "input": str(imported.path),
        "kind": source.kind,
        "encoding": source.encoding,
        "language": draft.language,
        "date": draft.date.isoformat() if draft.date else None,
        "start": draft.start,
        "end": draft.end,
        "venue": draft.venue or None,
        "attendees": len(draft.attendees),
        "attendance_counts": draft.counts,
        "agenda": [item.title for item in draft.agenda],
        "remarks": remark_counts(draft),
        "empty_sections": [{"section": e.section, "label": e.label, "line": e.line} for e in imported.empty],
        "accounted": round(imported.accounting.share, 4),
        "notes": [{"line": n.line, "message": n.message, "hint": n.hint} for n in imported.notes],
        "proposed_people": {pid: {**entry, "proposed": True} for pid, entry in draft.proposed_people.items()},
    }


NOT_PLACED = "line not placed in the meeting file"


def unplaced_lines(text: str, meeting: str, notes: list[Note]) -> list[Note]:
    """Input lines whose text is neither in the meeting file nor named in the report: a
    safety net, so that nothing is dropped without the report saying so."""
    return _unplaced(text, account(text, meeting, notes), notes)


def _unplaced(text: str, accounting: Accounting, notes: list[Note]) -> list[Note]:
    noted = {note.line for note in notes}
    lines = text.split("\n")
    return [
        Note(no, f"{NOT_PLACED}: {lines[no - 1].strip()[:60]}", "add it by hand if it belongs to the record")
        for no in accounting.lost
        if no not in noted
    ]


def _refuse(path: Path, message: str, report: str) -> int:
    if report == "json":
        print(json.dumps({"input": str(path), "error": message}, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"gijiroku import: {path}: {message}", file=sys.stderr)
    return 2
