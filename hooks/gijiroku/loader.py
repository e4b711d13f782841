"""Loading the whole archive in one pass: registries, councils, meetings, all checks."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

from . import timing
from .diagnostics import Diagnostic, Diagnostics
from .gccontrol import gc_paused
from .ledger import LEDGER_FILE, check_ledger, layout_moves, load_ledger, published_addresses
from .meeting import MeetingFile, Registries, assemble_meeting, parse_meeting_file
from .model import LANGUAGES, Archive, Council, Meeting
from .progress import Progress
from .registry import load_council, load_people, load_topics
from .sources import Source, is_present, read_source
from .yamlsrc import ID_HINT, Reader, id_problem

MEETING_FILE_RE = re.compile(r"(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md")
"""A meeting file's name, matched whole (`fullmatch`: `$` also matches before a final line break)."""
REGISTRY_FILES = ("people.yml", "topics.yml")
COUNCIL_FILE = "series.yml"
IGNORED = {"README.md", ".gitkeep"}
REGISTRY_FATAL = {"E001", "E002", "E003", "E004", "E005"}
"""Registry problems that leave the whole registry unreadable (or missing)."""


_PARSED: dict[Path, tuple[str, MeetingFile, list[Diagnostic]]] = {}
"""Meeting files already parsed in this process, by path: the digest of the bytes parsed,
result, diagnostics. By content, not by modification time and size: a same-size edit
that keeps the old time (a copy with `cp -p`, an editor, a checkout) is parsed again."""

_AssemblyKey = tuple[tuple[str, ...], tuple[str, ...]]

_ASSEMBLED: dict[tuple[Path, ...], tuple[_AssemblyKey, Meeting | None, list[Diagnostic]]] = {}
"""Meetings already assembled in this process, by their files' paths: what they were
assembled from (the digests of the registries and of the files), result, diagnostics."""


def load_archive(root: Path, reuse_parsed: bool = False) -> tuple[Archive, Diagnostics]:
    """Read and check everything under `root` (normally `minutes/`).

    Every file is read once, and the archive records the digest of the bytes read
    (`Archive.sources`): what the build keys its pages by, and checks the files
    against when it ends (`changed_since_read`).

    With `reuse_parsed`, meeting files whose bytes are those of an earlier call in this
    process are not parsed again, and a meeting is not checked again while neither its
    files nor people.yml and topics.yml changed; their diagnostics are repeated, so the
    result is the same as a fresh load's. `mkdocs serve` uses it so that a rebuild
    after one edit stays fast.
    """
    with gc_paused():
        return _load_archive(Path(root), reuse_parsed)


def _load_archive(root: Path, reuse_parsed: bool) -> tuple[Archive, Diagnostics]:
    diags = Diagnostics(root)
    if not root.is_dir():
        diags.add(
            root,
            1,
            1,
            "E004",
            "the minutes folder does not exist",
            "create it with people.yml, topics.yml and a folder per council",
        )
        return _empty_archive(), diags

    flawed: set[str] = set()
    sources: dict[str, str] = {}
    people_file = _read(root / "people.yml", diags, sources) if _required(root / "people.yml", diags) else None
    topics_file = _read(root / "topics.yml", diags, sources) if _required(root / "topics.yml", diags) else None
    people = load_people(people_file.path, diags, flawed, people_file) if people_file else {}
    topics = load_topics(topics_file.path, diags, flawed, topics_file) if topics_file else {}
    if any(d.code in REGISTRY_FATAL for d in diags.errors):
        # A registry that cannot be read at all would make every reference to it look
        # unknown: its own errors come first and alone.
        return _empty_archive(), diags
    registries = Registries(people, topics, frozenset(flawed))

    councils, groups = _scan_councils(root, diags, sources)

    # One meeting at a time, parsed and then assembled: the parse (YAML nodes, raw
    # sections) is dropped as soon as its meeting is checked, so a large archive never
    # holds every file's parse at once (it was most of the loading's peak memory).
    registry_key = tuple(sources.get(diags.relpath(root / name), "") for name in REGISTRY_FILES)
    meetings = []
    unpublished: list[list[MeetingFile]] = []
    with_files: list[tuple[str, str, tuple[Path, ...]]] = []
    progress = Progress("read {} meeting files", sum(len(paths) for paths in groups.values()))
    for (council_id, _), paths in sorted(groups.items()):
        by_id: dict[str, list[MeetingFile]] = defaultdict(list)
        for path in paths:
            parsed = _meeting_file(path, council_id, diags, sources, reuse_parsed)
            progress.advance()
            if parsed is not None:
                by_id[parsed.meeting_id].append(parsed)
        for meeting_id, files in sorted(by_id.items()):
            with_files.append((council_id, meeting_id, tuple(f.path for f in files)))
            if reuse_parsed:
                meeting = _cached_assembly(files, registries, registry_key, diags)
            else:
                meeting = assemble_meeting(files, registries, diags)
            if meeting is None:
                unpublished.append(files)
            elif council_id in councils:
                meetings.append(meeting)
    _report_unexplained(unpublished, diags)
    progress.done(
        f"{len(meetings):,} meeting{'' if len(meetings) == 1 else 's'}"
        + (f", {len(unpublished):,} left out for their errors" if unpublished else "")
    )
    unsure = _unsure_addresses(root, councils, with_files, flawed, diags)
    meetings.sort(key=lambda m: (m.date, m.start or "", m.council, m.id), reverse=True)
    archive = Archive(
        people=MappingProxyType(people),
        topics=MappingProxyType(topics),
        councils=MappingProxyType(councils),
        meetings=tuple(meetings),
    )
    ledger_path = root / LEDGER_FILE
    ledger_file = _read(ledger_path, diags, sources) if is_present(ledger_path) else None
    ledger = load_ledger(ledger_path, diags, ledger_file) if ledger_file is not None else None
    archive = replace(archive, sources=MappingProxyType(sources))
    if ledger is not None:
        ledger = layout_moves(ledger, archive)
        check_ledger(ledger, published_addresses(archive), root / LEDGER_FILE, diags, unsure)
        archive = replace(archive, ledger=ledger)
    return archive, diags


def _scan_councils(
    root: Path,
    diags: Diagnostics,
    sources: dict[str, str],
) -> tuple[dict[str, Council], dict[tuple[str, str], list[Path]]]:
    """The councils of the minutes folder (each folder's council.yml read), and the files
    of each folder grouped by (council, meeting id); a file that names no meeting is
    grouped under the id "" (the meeting's reader reports it)."""
    councils: dict[str, Council] = {}
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name in IGNORED or entry.name in REGISTRY_FILES or entry.name == LEDGER_FILE:
            continue
        if not entry.is_dir():
            diags.add(
                entry,
                1,
                1,
                "E004",
                f"unexpected file '{entry.name}' at the top of the minutes folder",
                "meeting files go in a council's folder: minutes/COUNCIL/MEETING.LANG.md",
            )
            continue
        council = _load_council_dir(entry, diags, sources)
        if council is not None:
            councils[council.id] = council
        for path in sorted(entry.iterdir()):
            match = MEETING_FILE_RE.fullmatch(path.name)
            groups[(entry.name, match.group("id") if match else "")].append(path)
    return councils, groups


def _unsure_addresses(
    root: Path,
    councils: dict[str, Council],
    meetings: list[tuple[str, str, tuple[Path, ...]]],
    flawed: set[str],
    diags: Diagnostics,
) -> tuple[str, ...]:
    """Address prefixes of what has errors of its own (they say what to fix): the ledger
    does not report their pages and anchors again as disappearing, with a hint to
    withdraw them, while a mistake in their files is the likelier cause."""
    prefixes = [
        f"meetings/{d.name}/" for d in root.iterdir() if d.is_dir() and not d.name.startswith(".") and d.name not in councils
    ]
    with_errors = {d.path for d in diags.errors}
    prefixes += [
        f"meetings/{council}/{meeting_id}/"
        for council, meeting_id, paths in meetings
        if any(diags.relpath(path) in with_errors for path in paths)
    ]
    prefixes += [f"speakers/{i}/" for i in flawed] + [f"topics/{i}/" for i in flawed]
    return tuple(prefixes)


def _empty_archive() -> Archive:
    return Archive(MappingProxyType({}), MappingProxyType({}), MappingProxyType({}), ())


def _report_unexplained(unpublished: list[list[MeetingFile]], diags: Diagnostics) -> None:
    """A meeting that cannot be published must never vanish quietly: where none of its
    files has an error that says why, say so at the first of them."""
    if not unpublished:
        return
    explained = {d.path for d in diags.errors}
    for files in unpublished:
        if not any(diags.relpath(f.path) in explained for f in files):
            first = min(files, key=lambda f: f.path)
            diags.add(
                first.path,
                1,
                1,
                "E067",
                f"meeting '{first.council}/{first.meeting_id}' cannot be published",
                "its files hold no meeting the checker could assemble; run gijiroku check on a copy "
                "with one file at a time, or report this as a bug",
            )


def changed_since_read(archive: Archive, root: Path) -> list[str]:
    """The files `archive` was read from (under the minutes folder `root`) whose bytes
    are no longer those read: changed, removed or replaced since. What a build made
    from them does not show them as they are now."""
    base = Path(root).parent
    quiet = Diagnostics()
    changed = []
    for path, digest in archive.sources.items():
        now = read_source(base / path, quiet)
        if now is None or now.digest != digest:
            changed.append(path)
    return changed


def _read(path: Path, diags: Diagnostics, sources: dict[str, str]) -> Source | None:
    """A file's bytes, read once, their digest recorded in `sources`."""
    source = read_source(path, diags)
    if source is not None:
        sources[diags.relpath(path)] = source.digest
    return source


def _required(path: Path, diags: Diagnostics) -> bool:
    if is_present(path):
        return True
    diags.add(path, 1, 1, "E004", f"{path.name} is missing", f"create minutes/{path.name}; see the format reference")
    return False


def _load_council_dir(folder: Path, diags: Diagnostics, sources: dict[str, str]) -> Council | None:
    problem = id_problem(folder.name)
    if problem:
        diags.add(folder, 1, 1, "E020", f"invalid council id '{folder.name}': {problem}", ID_HINT)
        return None
    series = folder / COUNCIL_FILE
    if not is_present(series):
        diags.add(
            series,
            1,
            1,
            "E032",
            f"council folder '{folder.name}' has no {COUNCIL_FILE}",
            "add series.yml with the council's name and organiser in ja and en",
        )
        return None
    source = _read(series, diags, sources)
    return load_council(folder.name, series, diags, source) if source is not None else None


def _cached_assembly(
    files: list[MeetingFile], registries: Registries, registry_key: tuple[str, ...], diags: Diagnostics
) -> Meeting | None:
    """`assemble_meeting`, unless neither the meeting's files nor the registries it is
    checked against changed since the last time (its diagnostics are repeated then)."""
    ordered = sorted(files, key=lambda f: f.path)
    paths = tuple(f.path for f in ordered)
    inputs = (registry_key, tuple(f.digest for f in ordered))
    cached = _ASSEMBLED.get(paths)
    if cached is not None and cached[0] == inputs:
        diags.items.extend(cached[2])
        return cached[1]
    before = len(diags.items)
    meeting = assemble_meeting(files, registries, diags)
    _ASSEMBLED[paths] = (inputs, meeting, list(diags.items[before:]))
    return meeting


def _meeting_file(
    path: Path, council: str, diags: Diagnostics, sources: dict[str, str], reuse_parsed: bool
) -> MeetingFile | None:
    """One meeting file, read once and parsed (with `reuse_parsed`, the parse of the same
    bytes earlier in this process, with its diagnostics)."""
    if path.name == COUNCIL_FILE or path.name in IGNORED or path.name.startswith("."):
        return None
    if path.name == "import.yml":  # the council's import profile (gijiroku import): checked, not a meeting
        from .importer.profile import check_profile

        if _read(path, diags, sources) is not None:  # a regular file within the limits (a FIFO is never opened)
            check_profile(path, diags)
        return None
    match = MEETING_FILE_RE.fullmatch(path.name)
    if not match:
        diags.add(
            path,
            1,
            1,
            "E004",
            f"unexpected '{path.name}' in council folder '{council}'",
            "meeting files are named MEETING-ID.LANG.md, e.g. 2023-08-04.ja.md",
        )
        return None
    meeting_id, lang = match.group("id"), match.group("lang")
    problem = id_problem(meeting_id)
    if problem:
        diags.add(path, 1, 1, "E020", f"invalid meeting id '{meeting_id}': {problem}", ID_HINT)
        return None
    if lang not in LANGUAGES:
        diags.add(
            path,
            1,
            1,
            "E004",
            f"language '{lang}' in the file name is not one of: {', '.join(LANGUAGES)}",
            "name the file MEETING-ID.ja.md or MEETING-ID.en.md",
        )
        return None
    source = _read(path, diags, sources)
    if source is None:
        _PARSED.pop(path, None)
        return None
    cached = _PARSED.get(path) if reuse_parsed else None
    if cached is not None and cached[0] == source.digest:
        _, parsed, found = cached
        diags.items.extend(found)
        # Its reader reports to this run's diagnostics.
        return replace(parsed, reader=Reader(parsed.path, diags, parsed.reader.line_offset))
    timing.count("meeting_files_parsed")
    before = len(diags.items)
    fresh = parse_meeting_file(path, council, meeting_id, lang, diags, source)
    if reuse_parsed and fresh is not None:
        _PARSED[path] = (source.digest, fresh, list(diags.items[before:]))
    return fresh
