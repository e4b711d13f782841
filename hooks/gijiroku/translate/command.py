"""`gijiroku translate`: export XLIFF, import it back, write the memory and the glossary,
and say what is left to translate."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from ..diagnostics import Diagnostics
from ..loader import load_archive
from ..meeting.translation import PROVENANCE_METHOD, PROVENANCE_STATUS
from ..model import LANGUAGES, Archive, Meeting
from .importing import Options, check_plans, default_provenance, plan_import, render_plans, write_plans
from .status import STATES, CouncilStatus, Work, archive_status, meeting_status, totals
from .tbx import glossary_entries, write_tbx
from .tmx import translated_pairs, write_tmx
from .units import STALE, UNTRANSLATED, archive_names, meeting_units, target_language
from .xliff import VERSIONS, MeetingUnits, read_xliff, write_xliff


def add_translate_parser(commands: Any) -> None:
    """The `translate` subcommand and its own subcommands, on `gijiroku`'s parser."""
    translate = commands.add_parser("translate", help="XLIFF for CAT tools, a translation memory, a glossary, and what is left")
    actions = translate.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="write XLIFF of what is left to translate (or of a council or a meeting)")
    export.add_argument(
        "selection", nargs="?", help="COUNCIL or COUNCIL/MEETING (default: every meeting with something untranslated or stale)"
    )
    export.add_argument("-o", "--output", type=Path, help="the .xlf file to write (default: standard output)")
    export.add_argument("--xliff", choices=VERSIONS, default="2.0", help="XLIFF version (default 2.0)")
    export.add_argument(
        "--to", choices=LANGUAGES, help="the language to translate into (default: the one each meeting is not written in)"
    )
    export.add_argument("--all", action="store_true", help="every meeting, translated or not")
    export.add_argument(
        "--copy-source",
        action="store_true",
        help="write the source text into every target (OmegaT's "
        "own XLIFF filter translates <target>; give it the memory for the existing translations)",
    )
    importer = actions.add_parser("import", help="write the translations of an XLIFF file into the minutes")
    importer.add_argument(
        "file", type=Path, help="an .xlf file exported by `gijiroku translate export`, as your CAT tool saved it"
    )
    importer.add_argument("--by", help="who translated, for a meeting with no translation yet")
    importer.add_argument("--method", choices=PROVENANCE_METHOD, default="human", help="for a new translation (default human)")
    importer.add_argument(
        "--status", choices=PROVENANCE_STATUS, default="unofficial", help="for a new translation (default unofficial)"
    )
    importer.add_argument("--reviewed", action="store_true", help="a new translation has been reviewed")
    importer.add_argument(
        "--skip-changed",
        action="store_true",
        help="leave out units whose original changed since the export, instead of refusing the file",
    )
    importer.add_argument("--dry-run", action="store_true", help="check and report, change nothing")
    memory = actions.add_parser("memory", help="write TMX of every current translated pair")
    memory.add_argument("-o", "--output", type=Path, help="the .tmx file to write (default: standard output)")
    glossary = actions.add_parser("glossary", help="write TBX of people, roles, topics and councils in both languages")
    glossary.add_argument("-o", "--output", type=Path, help="the .tbx file to write (default: standard output)")
    status = actions.add_parser("status", help="list, per council, the meetings with something left to translate or review")
    status.add_argument("council", nargs="?", help="one council (default: all)")
    status.add_argument("--to", choices=LANGUAGES, help="only translations into this language")
    status.add_argument("--format", choices=("text", "json"), default="text")
    for parser in (export, importer, memory, glossary, status):
        parser.add_argument("--directory", default="minutes", type=Path, help="the minutes folder (default: minutes)")


def run_translate(args: argparse.Namespace) -> int:
    """Run `gijiroku translate ACTION`; returns the exit status."""
    if args.action == "import":
        return run_import(args)
    archive, diags = load_archive(args.directory)
    if not archive.meetings and diags.errors:
        return _fail(f"{args.directory} cannot be read: run gijiroku check", diags)
    if diags.errors:
        # Nothing left out quietly: a meeting the checker cannot assemble is in no output.
        broken = sorted({d.path for d in diags.errors})
        _say(
            f"gijiroku translate: {_count(len(diags.errors), 'error')} in {', '.join(broken[:5])}"
            + (f" and {len(broken) - 5} more files" if len(broken) > 5 else "")
            + ": what cannot be read is left out (gijiroku check lists the errors)"
        )
    if args.action == "export":
        return run_export(archive, args)
    if args.action == "memory":
        with _output(args.output) as out:
            written = write_tmx(translated_pairs(archive), out, {m.language for m in archive.meetings}, _version())
        _say(f"{args.output or 'standard output'}: {_count(written, 'translated pair')}")
        return 0
    if args.action == "glossary":
        entries = list(glossary_entries(archive))
        with _output(args.output) as out:
            out.write(write_tbx(entries))
        _say(f"{args.output or 'standard output'}: {len(entries):,} {'entry' if len(entries) == 1 else 'entries'}")
        return 0
    return run_status(archive, args)


def _version() -> str:
    try:
        return metadata.version("gijiroku")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a checkout without installing
        return "0"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _fail(text: str, diags: Diagnostics | None = None) -> int:
    for diag in diags.sorted() if diags is not None else []:
        _say(diag.format())
    _say(f"gijiroku translate: {text}")
    return 2


@contextlib.contextmanager
def _output(output: Path | None) -> Iterator[BinaryIO]:
    """The file to write (made whole in a temporary file beside it, then put in place),
    or standard output."""
    if output is None:
        sys.stdout.flush()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.name}.tmp")
    try:
        with temporary.open("wb") as out:
            yield out
        os.replace(temporary, output)
    finally:
        temporary.unlink(missing_ok=True)


# -- export ---------------------------------------------------------------------------------


def select_meetings(archive: Archive, selection: str | None, everything: bool) -> list[Meeting] | str:
    """The meetings to export, or why there are none to choose."""
    if selection is None:
        meetings = list(archive.meetings)
        return meetings if everything else [m for m in meetings if _has_work(m)]
    council, _, meeting_id = selection.strip("/").partition("/")
    if council not in archive.councils:
        return f"no council '{council}' (councils: {', '.join(sorted(archive.councils)) or 'none'})"
    if not meeting_id:
        return [m for m in archive.meetings if m.council == council]
    meeting = archive.meeting(f"{council}/{meeting_id}")
    if meeting is None:
        return f"no meeting '{council}/{meeting_id}' (or it has errors: run gijiroku check)"
    return [meeting]


def _has_work(meeting: Meeting) -> bool:
    lang = target_language(meeting)
    return lang is not None and meeting_status(meeting, lang).to_translate.characters > 0


def run_export(archive: Archive, args: argparse.Namespace) -> int:
    """Write the XLIFF file; say what it holds."""
    chosen = select_meetings(archive, args.selection, args.all)
    if isinstance(chosen, str):
        return _fail(chosen)
    pairs = {(m.language, lang) for m in chosen if (lang := target_language(m, args.to)) is not None}
    if len(pairs) > 1:
        return _fail(
            "the meetings are written in more than one language, and an XLIFF file holds one language pair: "
            "export with --to " + " or --to ".join(sorted({lang for _, lang in pairs}))
        )
    names = {pair: archive_names(archive, *pair) for pair in pairs}
    counts: Counter[str] = Counter()

    def meetings() -> Iterator[MeetingUnits]:
        for meeting in sorted(chosen, key=lambda m: m.key):
            lang = target_language(meeting, args.to)
            if lang is None:
                continue
            units = meeting_units(meeting, lang, names[(meeting.language, lang)])
            counts.update(meetings=1, units=len(units))
            for unit in units:
                if (unit.required and unit.state == UNTRANSLATED) or unit.state == STALE:
                    counts.update(**{unit.state: 1, "characters": unit.characters})
            yield MeetingUnits(meeting, lang, units, archive.councils[meeting.council].name.get(meeting.language))

    if not pairs:
        _say(
            "gijiroku translate export: nothing left to translate"
            + ("" if args.selection else " (name a council or a meeting, or --all, to export translated meetings)")
        )
        return 0
    with _output(args.output) as out:
        write_xliff(meetings(), out, next(iter(pairs)), args.xliff, args.copy_source)
    _say(
        f"{args.output or 'standard output'}: XLIFF {args.xliff}, {_count(counts['meetings'], 'meeting')}, "
        f"{counts['units']:,} units; {counts[UNTRANSLATED]:,} untranslated and {counts[STALE]:,} stale "
        f"({counts['characters']:,} characters to translate)"
    )
    return 0


# -- import ---------------------------------------------------------------------------------


def run_import(args: argparse.Namespace) -> int:
    """Check everything, then write every file or none."""
    minutes: Path = args.directory
    diags = Diagnostics(minutes)
    read = read_xliff(args.file, diags)
    if read is None:
        return _refuse(diags)
    if not read:
        diags.add(args.file, 1, 1, "E110", "the XLIFF file holds no <file>", "export the meetings again")
        return _refuse(diags)
    archive, archive_diags = load_archive(minutes)
    options = Options(default_provenance(args.by, args.method, args.status, args.reviewed), args.skip_changed)
    plans = plan_import(read, archive, minutes, args.file, options, diags)
    if diags.errors:
        return _refuse(diags)
    changed = render_plans(plans, args.file, diags)
    check_plans(changed, minutes, diags)
    if diags.errors:
        return _refuse(diags)
    for diag in diags.sorted():
        _say(diag.format())
    if not changed:
        _say("gijiroku translate import: no file changes (every target is what the minutes already hold)")
        return 0
    if not args.dry_run:
        write_plans(changed)
    _say(f"checked as gijiroku check checks them: 0 errors, {_count(len(diags.warnings), 'warning')}")
    for plan in changed:
        what = "new translation" if plan.before is None else "updated"
        remarks = sum(1 for key in plan.texts if key.startswith("remark.") and key.count(".") == 1)
        _say(
            f"{diags.relpath(plan.path)}: {what}, {remarks} remarks and {len(plan.texts) - remarks} other texts"
            + (" (dry run: not written)" if args.dry_run else "")
        )
    return 0


def _refuse(diags: Diagnostics) -> int:
    for diag in diags.sorted():
        _say(diag.format())
    _say(f"gijiroku translate import: {_count(len(diags.errors), 'error')}: no file was changed")
    return 1


# -- status ---------------------------------------------------------------------------------


def run_status(archive: Archive, args: argparse.Namespace) -> int:
    """Print the meetings with something left, per council."""
    if args.council and args.council not in archive.councils:
        return _fail(f"no council '{args.council}' (councils: {', '.join(sorted(archive.councils)) or 'none'})")
    councils = archive_status(archive, (args.council,) if args.council else (), args.to)
    if args.format == "json":
        print(json.dumps(status_json(archive, councils), ensure_ascii=False, indent=1))
        return 0
    for council in councils:
        print(f"{council.council}  {archive.councils[council.council].name.ja} / {archive.councils[council.council].name.en}")
        for s in council.meetings:
            states = ", ".join(s.states)
            print(
                f"  {s.meeting.id:<16} → {s.lang}  {states:<34} translate {_work(s.to_translate):<32} review {_work(s.to_review)}"
            )
        if council.done:
            print(f"  ({council.done} more {'meeting' if council.done == 1 else 'meetings'} fully translated and reviewed)")
    translate, review = totals(councils)
    print(f"left: translate {_work(translate)}; review {_work(review)}")
    return 0


def _work(work: Work) -> str:
    return f"{work.remarks:,} remarks, {work.characters:,} characters"


def status_json(archive: Archive, councils: list[CouncilStatus]) -> dict[str, object]:
    """The status as data, for tools."""

    def work(w: Work) -> dict[str, int]:
        return {"remarks": w.remarks, "characters": w.characters}

    translate, review = totals(councils)
    return {
        "states": list(STATES),
        "councils": [
            {
                "council": c.council,
                "name": archive.councils[c.council].name.as_dict(),
                "done": c.done,
                "meetings": [
                    {
                        "meeting": s.meeting.key,
                        "date": s.meeting.date.isoformat(),
                        "title": s.meeting.original.title,
                        "from": s.meeting.language,
                        "to": s.lang,
                        "states": list(s.states),
                        "to_translate": work(s.to_translate),
                        "to_review": work(s.to_review),
                        "total": work(s.total),
                    }
                    for s in c.meetings
                ],
            }
            for c in councils
        ],
        "to_translate": work(translate),
        "to_review": work(review),
    }
