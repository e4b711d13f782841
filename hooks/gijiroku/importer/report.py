"""`gijiroku import` end to end: read the input, parse it, write the meeting file, and
report everything that needs a person's decision, as text or as JSON for tools."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..diagnostics import Diagnostics
from ..registry import load_people
from .accounting import account, write_complete
from .draft import Draft, Note
from .extract import Extracted, Refused, extract
from .parse import NotMinutes, parse_minutes


def run_import(path: Path, output: Path | None, minutes: Path, encoding: str | None = None,
               report: str = "text") -> int:
    """Write the meeting file; report on stderr what needs a human decision. Bad input
    gets one line and exit status 2, never a traceback."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _refuse(path, f"cannot read the file: {exc.strerror or exc}", report)
    try:
        source = extract(data, encoding)
        people = load_people(minutes / "people.yml", Diagnostics()) if (minutes / "people.yml").is_file() else {}
        draft = parse_minutes(source.text, people)
    except (Refused, NotMinutes) as exc:
        return _refuse(path, str(exc), report)
    except RecursionError:
        return _refuse(path, "input is nested too deeply to read", report)
    except Exception as exc:  # a bug of ours: still one line for the user, never a traceback
        return _refuse(path, f"internal error while reading ({type(exc).__name__}: {exc}); please report it", report)
    meeting = write_complete(draft, people, source.text, source.notes + draft.notes)
    if output is None:
        sys.stdout.write(meeting)
    else:
        try:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(meeting, encoding="utf-8")
        except OSError as exc:
            return _refuse(path, f"cannot write {output}: {exc.strerror or exc}", report)
    notes = sorted(source.notes + draft.notes, key=lambda n: n.line)
    if report == "json":
        print(json.dumps(report_data(path, source, draft, notes), ensure_ascii=False, indent=1), file=sys.stderr)
    else:
        for note in notes:
            print(note.format(str(path)), file=sys.stderr)
        print(summary(draft, source, len(notes)), file=sys.stderr)
    return 0


def summary(draft: Draft, source: Extracted, notes: int) -> str:
    """The last line of the text report: what was imported, and how many notes to review."""
    kinds = {k: sum(1 for r in draft.remarks if r.kind == k) for k in ("spoken", "written", "unattributed", "narration")}
    origin = "" if source.kind == "text" and source.encoding == "utf-8" else f" from {source.kind} ({source.encoding})"
    return (f"imported{origin}: {len(draft.attendees)} attendees, {len(draft.agenda)} agenda items, "
            f"{len(draft.materials)} materials, " + ", ".join(f"{n} {k}" for k, n in kinds.items())
            + f"; {notes} notes to review")


def report_data(path: Path, source: Extracted, draft: Draft, notes: list[Note]) -> dict[str, object]:
    """The report as data: input kind, counts, notes with line numbers, proposed people."""
    return {
        "input": str(path),
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
        "remarks": {k: sum(1 for r in draft.remarks if r.kind == k) for k in ("spoken", "written", "unattributed", "narration")},
        "notes": [{"line": n.line, "message": n.message, "hint": n.hint} for n in notes],
        "proposed_people": {pid: {**entry, "proposed": True} for pid, entry in draft.proposed_people.items()},
    }


def unplaced_lines(text: str, meeting: str, notes: list[Note]) -> list[Note]:
    """Input lines whose text is neither in the meeting file nor named in the report: a
    safety net, so that nothing is dropped without the report saying so."""
    noted = {note.line for note in notes}
    lines = text.split("\n")
    return [Note(no, f"line not placed in the meeting file: {lines[no - 1].strip()[:60]}",
                 "add it by hand if it belongs to the record")
            for no in account(text, meeting, notes).lost if no not in noted]


def _refuse(path: Path, message: str, report: str) -> int:
    if report == "json":
        print(json.dumps({"input": str(path), "error": message}, ensure_ascii=False), file=sys.stderr)
    else:
        print(f"gijiroku import: {path}: {message}", file=sys.stderr)
    return 2
