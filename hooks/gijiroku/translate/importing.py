"""`gijiroku translate import`: an XLIFF file's targets checked against the archive,
turned into translation files, checked again as files, and written all or nothing.

A unit's target is taken when it holds text and a tool or a person made it: a target
left as the source text, or as the translation the file already has, counts as a
translation only when its state says so (translated, reviewed, final, signed-off,
approved). So a stale translation exported for review stays stale until someone
changes or confirms it, and OmegaT, which writes the source into the targets it has no
translation for, never turns Japanese into "English".
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..body import join_lines
from ..diagnostics import Diagnostics
from ..loader import COUNCIL_FILE, REGISTRY_FILES, load_archive
from ..model import LANGUAGES, Archive, Meeting, Provenance
from ..textrules import text_problems
from .textfile import EditError, new_translation, update_translation
from .units import Unit, meeting_units
from .xliff import ReadFile, ReadUnit, paragraphs_of, provenance_of

MAX_LISTED = 8
"""Unit ids named in one message before '… and N more'."""


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line says about the import."""

    provenance: Provenance | None = None
    """For a meeting with no translation yet (else the one the XLIFF file carried is used)."""
    skip_changed: bool = False
    """Leave out units whose original changed since the export, instead of refusing the import."""


@dataclass(slots=True)
class MeetingImport:
    """What one `<file>` of the XLIFF file changes in one meeting's translation."""

    meeting: Meeting
    lang: str
    path: Path
    texts: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Unit id -> the text to write."""
    provenance: Provenance | None = None
    """For a new file."""
    before: str | None = None
    """The file's text now; None when there is none."""
    after: str = ""


def plan_import(
    files: list[ReadFile], archive: Archive, minutes: Path, xlf: Path, options: Options, diags: Diagnostics
) -> list[MeetingImport]:
    """What each `<file>` changes, every problem reported at the XLIFF file's line."""
    plans: list[MeetingImport] = []
    seen: set[str] = set()
    for read in files:
        meeting = _meeting_of(read, archive, minutes, xlf, diags)
        if meeting is None:
            continue
        if meeting.key in seen:
            diags.add(
                xlf,
                read.line,
                1,
                "E112",
                f"meeting '{meeting.key}' is in the file twice",
                "export it once, or import the two files one after the other",
            )
            continue
        seen.add(meeting.key)
        plan = MeetingImport(meeting, read.target_lang, minutes / meeting.council / f"{meeting.id}.{read.target_lang}.md")
        if plan.path.is_file():
            plan.before = _read(plan.path)
        _plan_units(read, plan, xlf, options, diags)
        if plan.before is None:
            _plan_new_file(read, plan, xlf, options, diags)
        plans.append(plan)
    return plans


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def _meeting_of(read: ReadFile, archive: Archive, minutes: Path, xlf: Path, diags: Diagnostics) -> Meeting | None:
    key = read.meeting_key
    if key is None:
        diags.add(
            xlf,
            read.line,
            1,
            "E111",
            f'<file original="{read.original}"> names no meeting of a gijiroku archive',
            "import only files `gijiroku translate export` wrote (their original is COUNCIL/MEETING.LANG.md)",
        )
        return None
    meeting = archive.meeting(key)
    if meeting is None and (minutes / read.original).is_file():
        diags.add(
            xlf,
            read.line,
            1,
            "E111",
            f"meeting '{key}' has errors and cannot be translated now",
            "fix what `gijiroku check` reports in it, then import again",
        )
        return None
    if meeting is None:
        diags.add(
            xlf,
            read.line,
            1,
            "E111",
            f"meeting '{key}' is not in this archive ({minutes})",
            "was this file exported from another project? Run the import in the project it came from",
        )
        return None
    if read.original_lang != meeting.language or (read.source_lang and read.source_lang != meeting.language):
        diags.add(
            xlf,
            read.line,
            1,
            "E111",
            f"the file translates '{key}' from '{read.source_lang or read.original_lang}', but its original is in "
            f"'{meeting.language}'",
            "export the meeting again from this archive",
        )
        return None
    if read.target_lang not in LANGUAGES or read.target_lang == meeting.language:
        diags.add(
            xlf,
            read.line,
            1,
            "E111",
            f"the file translates '{key}' into '{read.target_lang}', which is not one "
            f"of the site's other languages ({', '.join(x for x in LANGUAGES if x != meeting.language)})",
            "export the meeting again with --to LANG",
        )
        return None
    return meeting


def _plan_units(read: ReadFile, plan: MeetingImport, xlf: Path, options: Options, diags: Diagnostics) -> None:
    units = {unit.id: unit for unit in meeting_units(plan.meeting, plan.lang, notes=False)}
    done: set[str] = set()
    for got in read.units:
        unit = units.get(got.id)
        if unit is None:
            diags.add(
                xlf,
                got.line,
                1,
                "E112",
                f"unit '{got.id}' names nothing meeting '{plan.meeting.key}' has",
                "units are title, venue, attendee.PERSON.role, agenda.ITEM, material.ID.title, remark.ID, …: "
                "was it removed from the original since the export? Export the meeting again",
            )
            continue
        if got.id in done:
            diags.add(xlf, got.line, 1, "E112", f"unit '{got.id}' is in the file twice", "keep one of them")
            continue
        done.add(got.id)
        text = _target_text(got, unit, xlf, diags)
        if text is None:
            continue
        if _source_changed(got, unit):
            code = "W110" if options.skip_changed else "E113"
            diags.add(
                xlf,
                got.line,
                1,
                code,
                f"unit '{got.id}' of '{plan.meeting.key}' was translated from a text the original no longer has",
                "export the meeting again and translate the unit from its new "
                "text (a CAT tool's memory offers the old translation as a match)"
                + ("" if options.skip_changed else "; or import with --skip-changed to leave it out"),
            )
            continue
        if _usable(got, unit, text, plan, xlf, diags):
            plan.texts[got.id] = text


def _target_text(got: ReadUnit, unit: Unit, xlf: Path, diags: Diagnostics) -> tuple[str, ...] | None:
    """The unit's target as paragraphs (one text for a field), or None when it has none
    that counts as a translation."""
    pieces = [t.strip() if t else "" for t in got.target]
    if not any(pieces):
        return None
    current = unit.target or ()
    if not all(pieces):
        joined = paragraphs_of("\n\n".join(p for p in pieces if p))
        if _same(joined, current):
            return None  # as exported: a translation that does not line up paragraph by paragraph
        missing = [str(i) for i, p in zip(got.indexes, pieces) if not p]
        diags.add(
            xlf,
            got.line,
            1,
            "E115",
            f"unit '{got.id}' has no translation of paragraph {', '.join(missing)}",
            "translate every paragraph of a remark, or none of it",
        )
        return None
    text = paragraphs_of("\n\n".join(pieces))
    if not unit.is_remark:
        text = (join_lines(list(text)),)  # one line, as every field but a remark is
    if not got.confirmed and (_same(text, unit.source) or _same(text, current)):
        return None  # the source copied into the target, or the translation left as it was
    return text


def _same(a: tuple[str, ...] | list[str], b: tuple[str, ...]) -> bool:
    """Equal but for runs of white space (tools reflow it)."""
    return " ".join(" ".join(a).split()) == " ".join(" ".join(b).split())


def _source_changed(got: ReadUnit, unit: Unit) -> bool:
    if got.fingerprint:
        return got.fingerprint != unit.fingerprint
    return not _same(got.source, unit.source) or len(got.source) != len(unit.source)


def _usable(got: ReadUnit, unit: Unit, text: tuple[str, ...], plan: MeetingImport, xlf: Path, diags: Diagnostics) -> bool:
    """Report what the minutes cannot hold: markup, controls, a paragraph the body would read as a directive."""
    ok = True
    for paragraph in text:
        for code, _, message, hint in text_problems(paragraph, single_line=True):
            diags.add(xlf, got.line, 1, code, f"{message} in the target of unit '{got.id}' of '{plan.meeting.key}'", hint)
            ok = ok and not code.startswith("E")
        if paragraph.startswith(":::"):
            diags.add(
                xlf,
                got.line,
                1,
                "E114",
                f"a paragraph of unit '{got.id}' starts with ':::', which the minutes read as a directive",
                "reword the start of the paragraph",
            )
            ok = False
    return ok


def _plan_new_file(read: ReadFile, plan: MeetingImport, xlf: Path, options: Options, diags: Diagnostics) -> None:
    """A meeting with no translation file yet: every unit it needs, and who made it."""
    needed = [u.id for u in meeting_units(plan.meeting, plan.lang, notes=False) if u.required and u.id not in plan.texts]
    if needed:
        shown = ", ".join(needed[:MAX_LISTED]) + (f" … and {len(needed) - MAX_LISTED} more" if len(needed) > MAX_LISTED else "")
        diags.add(
            xlf,
            read.line,
            1,
            "E115",
            f"'{plan.meeting.key}' has no {plan.lang} translation yet, and the file "
            f"leaves {len(needed)} units untranslated: {shown}",
            "a new translation is written when every unit has a target (a remark's label is optional)",
        )
    plan.provenance = options.provenance or provenance_of(read.provenance)
    if plan.provenance is None:
        diags.add(
            xlf,
            read.line,
            1,
            "E116",
            f"who translated '{plan.meeting.key}'? It has no {plan.lang} translation yet, and the file does not say",
            "import with --by NAME (and --method, --status, --reviewed where they are not human, unofficial, unreviewed)",
        )


def default_provenance(by: str | None, method: str, status: str, reviewed: bool) -> Provenance | None:
    """The provenance the command line gives a new translation (None without --by)."""
    return Provenance(status, method, by, reviewed, dt.date.today()) if by else None


# -- files --------------------------------------------------------------------------------


def render_plans(plans: list[MeetingImport], xlf: Path, diags: Diagnostics) -> list[MeetingImport]:
    """Each plan's file text; the plans that change a file."""
    changed = []
    for plan in plans:
        try:
            if plan.before is None:
                if plan.provenance is None:
                    continue
                plan.after = new_translation(plan.meeting, plan.lang, plan.texts, plan.provenance)
            else:
                plan.after = update_translation(plan.before, plan.meeting, plan.texts) if plan.texts else plan.before
        except EditError as exc:
            diags.add(
                plan.path,
                1,
                1,
                "E114",
                f"cannot change this translation in place: {exc}",
                "fix what gijiroku check reports in it, then import again",
            )
            continue
        if plan.after != plan.before:
            changed.append(plan)
    return changed


def check_plans(plans: list[MeetingImport], minutes: Path, diags: Diagnostics) -> None:
    """Run the checker on the meetings as they would be: the registries, the councils and
    the meetings' files, with the new translations, in a folder of their own. Their
    problems are reported as the problems of the real files."""
    if not plans:
        return
    with tempfile.TemporaryDirectory(prefix="gijiroku-import-") as tmp:
        root = Path(tmp) / minutes.resolve().name
        root.mkdir()
        for name in REGISTRY_FILES:
            if (minutes / name).is_file():
                shutil.copyfile(minutes / name, root / name)
        for plan in plans:
            council = root / plan.meeting.council
            council.mkdir(exist_ok=True)
            shutil.copyfile(minutes / plan.meeting.council / COUNCIL_FILE, council / COUNCIL_FILE)
            for other in (minutes / plan.meeting.council).glob(f"{plan.meeting.id}.*.md"):
                if other != plan.path:
                    shutil.copyfile(other, council / other.name)
            (council / plan.path.name).write_bytes(plan.after.encode("utf-8", errors="surrogateescape"))
        _, found = load_archive(root)
    real = Diagnostics(minutes)
    mine = {real.relpath(plan.path) for plan in plans} | {
        real.relpath(minutes / f"{p.meeting.council}/{p.meeting.id}.{p.meeting.language}.md") for p in plans
    }
    for diag in found.items:
        if diag.path in mine:
            diags.items.append(diag)


def write_plans(plans: list[MeetingImport]) -> None:
    """Replace each file at once (a reader never sees half a file)."""
    for plan in plans:
        data = plan.after.encode("utf-8", errors="surrogateescape")
        handle, temporary = tempfile.mkstemp(dir=plan.path.parent, prefix=f".{plan.path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            if plan.path.exists():
                shutil.copymode(plan.path, temporary)
            os.replace(temporary, plan.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
