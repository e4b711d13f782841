"""The `gijiroku` command: check the minutes, list fingerprints for translators."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .loader import load_archive
from .roles import check_role_names


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `gijiroku` command; returns the exit status."""
    parser = argparse.ArgumentParser(prog="gijiroku", description="Publish meeting minutes as a bilingual website.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check the minutes and report every problem")
    check.add_argument("directory", nargs="?", default="minutes", type=Path)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    fingerprint = commands.add_parser("fingerprint", help="list each remark's fingerprint, for translations' source=")
    fingerprint.add_argument("meeting", help="COUNCIL/MEETING-ID, e.g. ai-strategy-council/2023-08-04")
    fingerprint.add_argument("--directory", default="minutes", type=Path)
    importer = commands.add_parser(
        "import", help="convert the text of published minutes into a meeting file (or a folder of them into many)"
    )
    importer.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        metavar="INPUT",
        help="a 議事要旨 or 議事録 (or English minutes) as text, a saved HTML page or a PDF; "
        "several, or a folder of them, import a back catalogue into the folder -o names",
    )
    importer.add_argument(
        "-o",
        "--output",
        type=Path,
        help="the meeting file to write (default: standard output); with several inputs, the "
        "council's folder, where each meeting is named by its date (YYYY-MM-DD.LANG.md)",
    )
    importer.add_argument("--minutes", type=Path, default=Path("minutes"), help="the archive whose people.yml names attendees")
    importer.add_argument("--encoding", help="the input's text encoding when it is not UTF-8 (shift_jis, cp932, utf-16)")
    importer.add_argument(
        "--report", choices=("text", "json"), default="text", help="how to print the report on standard error (json: for tools)"
    )
    importer.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help="the body's import profile (default: import.yml in the folder -o writes into)",
    )
    importer.add_argument(
        "--review",
        type=Path,
        metavar="PAGE",
        help="also write a review page (HTML) of each input line beside what it became; "
        "with several inputs, the folder for one page per input",
    )
    importer.add_argument(
        "--force", action="store_true", help="with several inputs: overwrite meeting files that exist (default: skip them)"
    )
    importer.add_argument(
        "--propose-profile",
        nargs="?",
        const=Path("-"),
        type=Path,
        metavar="OUT",
        help="write a proposed import profile from the record (to OUT, default standard output) instead of a meeting file",
    )
    ledger = commands.add_parser("ledger", help="record the published addresses, and what became of those that left")
    ledger.add_argument(
        "action",
        nargs="?",
        choices=("update", "move", "withdraw"),
        default="update",
        help="update: record every address published now (default); move OLD NEW; withdraw OLD --reason",
    )
    ledger.add_argument("addresses", nargs="*", help="OLD [NEW]: addresses such as meetings/COUNCIL/MEETING/#REMARK-ID")
    ledger.add_argument("--reason", help="why an address was withdrawn (shown on its tombstone)")
    ledger.add_argument("--directory", default="minutes", type=Path)
    render = commands.add_parser("render", help="write the site as plain MkDocs projects that build without gijiroku's hooks")
    render.add_argument("out", type=Path, help="the folder to write (a theme/ and a project per language)")
    render.add_argument("--project", type=Path, default=Path("."), help="the folder holding mkdocs.yml, docs/ and minutes/")
    from .translate.command import add_translate_parser, run_translate

    add_translate_parser(commands)
    args = parser.parse_args(argv)
    if args.command == "translate":
        return run_translate(args)
    if args.command == "check":
        return run_check(args.directory, args.strict)
    if args.command == "import":
        return run_import_command(args)
    if args.command == "render":
        return run_render(args.project, args.out)
    if args.command == "ledger":
        return run_ledger(args.directory, args.action, args.addresses, args.reason)
    return run_fingerprint(args.directory, args.meeting)


def run_import_command(args: argparse.Namespace) -> int:
    """One input (as before), many (or one into a folder) into a council's folder, or a proposed profile."""
    if args.propose_profile is not None:
        from .importer.propose import run_propose

        if len(args.inputs) != 1 or args.inputs[0].is_dir():
            print("gijiroku import: --propose-profile reads one record: give one input file", file=sys.stderr)
            return 2
        return run_propose(args.inputs[0], args.propose_profile, args.minutes, args.encoding, args.force)
    if len(args.inputs) > 1 or args.inputs[0].is_dir() or (args.output is not None and args.output.is_dir()):
        from .importer.batch import run_batch

        return run_batch(
            args.inputs,
            args.output,
            args.minutes,
            encoding=args.encoding,
            profile_file=args.profile,
            review=args.review,
            force=args.force,
            report=args.report,
        )
    from .importer.report import run_import

    return run_import(
        args.inputs[0], args.output, args.minutes, args.encoding, args.report, profile_file=args.profile, review=args.review
    )


def run_check(directory: Path, strict: bool) -> int:
    """Print every diagnostic; non-zero when there are errors (or warnings, with --strict)."""
    archive, diags = load_archive(directory)
    if not diags.errors:
        check_role_names(archive, diags)
    for diag in diags.sorted():
        print(diag.format(), file=sys.stderr)
    errors, warnings = len(diags.errors), len(diags.warnings)
    remarks = sum(len(m.remarks) for m in archive.meetings)
    print(
        f"{len(archive.meetings)} meetings, {remarks} remarks, {len(archive.people)} people, "
        f"{len(archive.topics)} topics: {errors} errors, {warnings} warnings",
        file=sys.stderr,
    )
    return 1 if errors or (strict and warnings) else 0


def run_render(project: Path, out: Path) -> int:
    """Write the plain MkDocs projects; say how to build them."""
    from .export import export_site

    try:
        configs = export_site(project, out)
    except ValueError as exc:
        print(f"gijiroku render: {exc}", file=sys.stderr)
        return 1
    for config in configs:
        print(f"{config}: mkdocs build -f {config}", file=sys.stderr)
    return 0


def run_ledger(directory: Path, action: str, addresses: list[str], reason: str | None) -> int:
    """Update `ledger.yml`, recording a move or a withdrawal first where asked; refuses
    (exit 1, with the diagnostics) while the minutes or the ledger have errors, except
    other addresses that would disappear when a move or withdrawal is recorded."""
    from .diagnostics import Diagnostics
    from .ledger import (
        DISAPPEARING,
        LEDGER_FILE,
        address_problem,
        check_ledger,
        published_addresses,
        unrecorded,
        with_entry,
        write_ledger,
    )
    from .textrules import printable

    wanted = {"update": 0, "move": 2, "withdraw": 1}[action]
    if len(addresses) != wanted or (action == "withdraw" and not reason):
        usage = {
            "update": "gijiroku ledger",
            "move": "gijiroku ledger move OLD NEW",
            "withdraw": 'gijiroku ledger withdraw OLD --reason "…"',
        }[action]
        print(f"gijiroku ledger: usage: {usage}", file=sys.stderr)
        return 2
    for address in addresses:
        if problem := address_problem(address):
            print(f"gijiroku ledger: '{printable(address)}' is not an address of this site: {problem}", file=sys.stderr)
            return 2
    archive, diags = load_archive(directory)
    current = published_addresses(archive)
    ledger = archive.ledger
    path = directory / LEDGER_FILE
    if action != "update":
        ledger = with_entry(
            ledger, "moved" if action == "move" else "withdrawn", addresses[0], addresses[1] if action == "move" else str(reason)
        )
        # The recorded ledger's complaints give way to those about the ledger with the change.
        checked = Diagnostics(directory)
        checked.items = [d for d in diags.items if d.path != checked.relpath(path)]
        check_ledger(ledger, current, path, checked)
        diags = checked
    # A move or a withdrawal is recorded while other published addresses still have to
    # be: they are resolved one command at a time, and the ledger keeps them recorded
    # (so the check keeps failing until each is). Any other error refuses the change.
    pending = [d for d in diags.errors if action != "update" and d.code in DISAPPEARING and addresses[0] not in d.message]
    if len(diags.errors) > len(pending):
        for diag in diags.sorted():
            print(diag.format(), file=sys.stderr)
        print(f"gijiroku ledger: {len(diags.errors)} errors: the ledger was not changed", file=sys.stderr)
        return 1
    new = unrecorded(ledger, current)
    write_ledger(path, ledger, current)
    print(
        f"{path}: {len(current)} pages; {new} addresses recorded now"
        + (f"; {action} recorded for {printable(addresses[0])}" if action != "update" else ""),
        file=sys.stderr,
    )
    if pending:
        print(
            f"gijiroku ledger: {len(pending)} more published addresses would disappear: record where each "
            "went (`gijiroku ledger move`) or why it is gone (`gijiroku ledger withdraw`); `gijiroku check` lists them",
            file=sys.stderr,
        )
    return 0


def run_fingerprint(directory: Path, key: str) -> int:
    """Print `id kind fingerprint` for each remark of the meeting's original."""
    archive, diags = load_archive(directory)
    meeting = archive.meeting(key)
    if meeting is None:
        print(f"gijiroku: no meeting '{key}' in {directory} (or it has errors: run gijiroku check)", file=sys.stderr)
        return 2
    for remark in meeting.remarks:
        print(f"{remark.id}\t{remark.kind}\t{meeting.original.remarks[remark.id].fingerprint}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
