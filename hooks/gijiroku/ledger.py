"""The ledger of published addresses: once a page or an anchor is out, it stays reachable.

`minutes/ledger.yml` records every address the site has published (meeting pages with
their agenda, material and remark anchors; side-by-side pages; council, speaker and
topic pages, and the year pages of long speakers and topics), and what became of the
ones that left: moved (the old address leads to the new one) or withdrawn (a tombstone
says so). `gijiroku ledger` writes it; the checker and the build compare the archive
against it, so deleting or renaming a published id fails with a diagnostic that names
the address and the way out.

    pages:
      meetings/ai-strategy-council/2023-08-04/: hiroshima-ai-process shiryo-1-1 matsumoto-1 opinion-01 …
      speakers/matsumoto-takeaki/: ""
    moved:
      meetings/ai-strategy-council/2023-08-04/#opinion-5: meetings/ai-strategy-council/2023-08-04/#opinion-05
    withdrawn:
      meetings/ai-strategy-council/2023-08-05/: entered twice; the record is 2023-08-04
    files:
      ja/api/meetings/ai-strategy-council/2023-08-04.json: api/meetings/ai-strategy-council/2023-08-04.json
      ja/api/meetings/ai-strategy-council/2023-08-04.ja.md: downloads/ai-strategy-council/2023.zip#minutes/…
    layout: 2

Addresses of pages are paths inside a language (`/ja/`, `/en/`): every language has the
same. `files` are data files that moved, by their paths from the site's root (each
language had its own), with where their content is now: a file, or a file inside a zip
(`ZIP#MEMBER`). `layout` is the layout of published files the ledger was written under:
a ledger written before layout 2 (no `layout`) had each meeting's side-by-side page and
its data files per language; loading it records where they went (`layout_moves`), and
`gijiroku ledger` writes that down.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from . import datafiles, urls
from .diagnostics import Diagnostics
from .index import index_archive
from .model import LANGUAGES, LAYOUT, Archive, Ledger
from .sources import Source, is_present, read_text
from .yamlsrc import Reader

LEDGER_FILE = "ledger.yml"
HEADER = """\
# Every address this archive has published, and what became of those that left.
# Written by `gijiroku ledger`; edit `moved` and `withdrawn` with
# `gijiroku ledger move OLD NEW` and `gijiroku ledger withdraw OLD --reason "…"`.
# See docs/dev/en/site.md ("Addresses that last").
"""
KEEP_HINT = (
    "published links point here: keep the id, or record what happened with "
    "`gijiroku ledger move {old} NEW` (the old address then leads to the new one) or "
    '`gijiroku ledger withdraw {old} --reason "…"` (a tombstone says so)'
)

DISAPPEARING = frozenset({"E090", "E091"})
"""The codes of a recorded page or anchor the archive would no longer publish."""


def published_addresses(archive: Archive) -> dict[str, tuple[str, ...]]:
    """Every address the archive publishes now: page URL -> the anchors readers cite.
    The pages per year of a long speaker's or topic's list are among them: a year page
    that would vanish (its speaker or topic fell back under the limit) is a move to
    record, like any other."""
    index = index_archive(archive)
    pages: dict[str, tuple[str, ...]] = {}
    for council in archive.councils:
        pages[urls.url_of(urls.council_src(council))] = ()
    for m in archive.meetings:
        anchors = [item.id for item in m.agenda] + [mat.id for mat in m.materials] + [r.id for r in m.remarks]
        pages[urls.url_of(urls.meeting_src(m.council, m.id))] = tuple(anchors)
    for person in archive.people:
        pages[urls.url_of(urls.speaker_src(person))] = ()
        for year, _ in index.speaker_years(person) or ():
            pages[urls.url_of(urls.speaker_year_src(person, year))] = ()
    for topic in archive.topics:
        pages[urls.url_of(urls.topic_src(topic))] = ()
        for year, _ in index.topic_years(topic) or ():
            pages[urls.url_of(urls.topic_year_src(topic, year))] = ()
    return dict(sorted(pages.items()))


def split_address(address: str) -> tuple[str, str]:
    """`page/#anchor` -> (`page/`, `anchor`); a page alone -> (`page/`, ""). A move's
    new address may carry a query (`compare/?meeting=C/M`): it stays with the page."""
    page, _, anchor = address.partition("#")
    return page, anchor


def page_of(page: str) -> str:
    """A page address without its query (`compare/?meeting=C/M` -> `compare/`)."""
    return page.partition("?")[0]


def layout_moves(ledger: Ledger, archive: Archive) -> Ledger:
    """The ledger with what layout 2 moved recorded, where it was written under an earlier
    layout: each meeting's side-by-side page moved to the side-by-side page of its
    language (`compare/?meeting=C/M`), and its data files of each language to the
    meeting's one JSON and its council's zip of the year. (Only what the ledger does not
    record already; data files of meetings the archive no longer has are left out: they
    went with their pages, whose moves and withdrawals are recorded.)"""
    if ledger.layout >= LAYOUT:
        return ledger
    moved = dict(ledger.moved)
    files = dict(ledger.files)
    for page in ledger.pages:
        parts = page.rstrip("/").split("/")
        if len(parts) == 4 and parts[0] == "meetings" and parts[3] == "compare" and page not in moved:
            key = f"{parts[1]}/{parts[2]}"
            moved[page] = urls.url_of(urls.COMPARE) + urls.compare_query(key)
    for meeting in archive.meetings:
        page = urls.url_of(urls.meeting_src(meeting.council, meeting.id))
        if page not in ledger.pages:
            continue
        compared = urls.url_of(urls.compare_src(meeting.council, meeting.id)) in ledger.pages
        versions = list(LANGUAGES) if compared else [meeting.language]
        date = meeting.date.isoformat()
        bundle = datafiles.bundle_zip(meeting.council, meeting.date.year)
        for lang in LANGUAGES:
            json_old, akn_old, *source_old = datafiles.legacy_meeting_files(meeting.council, meeting.id, lang, versions)
            text_lang = lang if lang in versions else meeting.language
            files.setdefault(f"{lang}/{json_old}", datafiles.meeting_json(meeting.council, meeting.id))
            files.setdefault(
                f"{lang}/{akn_old}", f"{bundle}#{datafiles.akn_member(meeting.council, date, meeting.id, text_lang)}"
            )
            for old in source_old:
                files.setdefault(f"{lang}/{old}", f"{bundle}#{datafiles.source_member(meeting.council, meeting.id, lang)}")
    if ledger.pages:
        for lang in LANGUAGES:  # the whole archive of a language, in one zip: now a zip per council and year
            files.setdefault(f"{lang}/downloads/minutes-{lang}.zip", f"{lang}/data/#downloads")
    return replace(ledger, moved=MappingProxyType(moved), files=MappingProxyType(dict(sorted(files.items()))), layout=LAYOUT)


# -- reading ----------------------------------------------------------------------

_EMPTY = Ledger(MappingProxyType({}), MappingProxyType({}), MappingProxyType({}), MappingProxyType({}))


def load_ledger(path: Path, diags: Diagnostics, source: Source | None = None) -> Ledger | None:
    """The ledger at `path` (its bytes in `source` when they were read already), or None
    when there is none yet; problems are reported. A ledger that cannot be read is an
    empty one, never none: it guards the published addresses."""
    if source is None and not is_present(path):
        return None
    text = read_text(path, diags, source)
    if text is None:
        return _EMPTY
    reader = Reader(path, diags)
    root = reader.compose(text)
    if root is None:
        return _EMPTY
    fields = reader.mapping(root, "the ledger", optional=("pages", "moved", "withdrawn", "files", "layout")) or {}
    lines: dict[str, int] = {}
    pages: dict[str, tuple[str, ...]] = {}
    for key, node in reader.keyed(fields.get("pages"), "the ledger's pages"):
        anchors = reader.string(node, f"anchors of '{key.value}'", allow_empty=True)
        if _valid_address(reader, key.value, key.line, key.col, page_only=True):
            pages[str(key.value)] = tuple((anchors or "").split())
            lines[str(key.value)] = key.line
    moved: dict[str, str] = {}
    for key, node in reader.keyed(fields.get("moved"), "the ledger's moved addresses"):
        target = reader.string(node, f"new address of '{key.value}'")
        if (
            target is not None
            and _valid_address(reader, key.value, key.line, key.col)
            and _valid_address(reader, target, *reader.where(node))
        ):
            moved[str(key.value)] = target
            lines[str(key.value)] = key.line
    withdrawn: dict[str, str] = {}
    for key, node in reader.keyed(fields.get("withdrawn"), "the ledger's withdrawn addresses"):
        reason = reader.string(node, f"reason '{key.value}' was withdrawn")
        if reason is not None and _valid_address(reader, key.value, key.line, key.col):
            withdrawn[str(key.value)] = reason
            lines[str(key.value)] = key.line
    files = _moved_files(reader, fields.get("files"), lines)
    layout = _layout(reader, fields.get("layout"))
    return Ledger(
        MappingProxyType(pages),
        MappingProxyType(moved),
        MappingProxyType(withdrawn),
        MappingProxyType(lines),
        MappingProxyType(files),
        layout,
    )


def _moved_files(reader: Reader, node: Any, lines: dict[str, int]) -> dict[str, str]:
    """The ledger's `files:` (a data file's old path -> where its content is now), each
    recorded with its line in `lines`; a path that is not a data file's is reported."""
    files: dict[str, str] = {}
    for key, value in reader.keyed(node, "the ledger's moved data files"):
        target = reader.string(value, f"where '{key.value}' is now")
        problem = file_problem(str(key.value)) or (file_problem(target.partition("#")[0]) if target else "")
        if problem:
            reader.diags.add(reader.path, key.line, key.col, "E093", f"'{key.value}' is not a data file of this site", problem)
        elif target is not None:
            files[str(key.value)] = target
            lines[str(key.value)] = key.line
    return files


def _layout(reader: Reader, node: Any) -> int:
    """The ledger's `layout:`; 1 where it has none (it was written before there was one)."""
    if node is None:
        return 1
    value = reader.integer(node, "the ledger's layout")
    if value is not None and value not in (1, LAYOUT):
        reader.diags.add(
            reader.path,
            *reader.where(node),
            "E093",
            f"the ledger's layout is {value}",
            f"write `layout: {LAYOUT}` (or leave it out for a ledger of the first layout)",
        )
        return 1
    return value if value is not None else 1


def file_problem(path: str) -> str:
    """Why `path` is not the path of a data file from the site's root, or ""."""
    if (
        not path
        or path.startswith("/")
        or ".." in path.split("/")
        or "//" in path
        or any(c.isspace() or not c.isprintable() for c in path)
    ):
        return "write a path from the site's root, such as ja/api/meetings/COUNCIL/MEETING.json"
    return ""


def address_problem(address: str, page_only: bool = False) -> str:
    """Why `address` is not an address of this site (a page such as `meetings/C/M/`,
    optionally `#ANCHOR`), or "" when it is."""
    page, anchor = split_address(address)
    query = page.partition("?")[2]
    page = page_of(page)
    wrong = (
        not page.endswith("/")
        or page.startswith("/")
        or "//" in page
        or ".." in page
        or any(c.isspace() or not c.isprintable() for c in address)
        or (page_only and ("#" in address or "?" in address))
        or ("#" in address and not anchor)
        or ("?" in address and not query)
    )
    if wrong:
        return "write a page such as meetings/COUNCIL/MEETING/" + ("" if page_only else ", optionally followed by #ANCHOR")
    if problem := urls.page_address_problem(page):
        return problem + "; a redirect or tombstone there would replace it"
    return ""


def _valid_address(reader: Reader, value: object, line: int, col: int, page_only: bool = False) -> bool:
    address = str(value)
    problem = address_problem(address, page_only)
    wrong = bool(problem)
    if wrong:
        reader.diags.add(reader.path, line, col, "E093", f"'{address}' is not an address of this site", problem)
    return not wrong


# -- checking ---------------------------------------------------------------------


def check_ledger(
    ledger: Ledger, current: Mapping[str, tuple[str, ...]], path: Path, diags: Diagnostics, unsure: tuple[str, ...] = ()
) -> None:
    """Report every recorded address the archive would no longer publish (E090 a page,
    E091 an anchor) unless the ledger says where it went, and every move whose new
    address does not exist (E092), and every address recorded as moved or withdrawn
    that the archive still publishes (E094: readers would be sent away from a live
    page, or told a live remark was withdrawn). Pages under the `unsure` prefixes
    belong to files with errors of their own, reported there: they are not reported again."""
    anchors_now = {page: frozenset(anchors) for page, anchors in current.items()}
    always = {urls.url_of(src) for src in urls.INDEX_PAGES}  # their anchors are not recorded
    for kind, entries in (("moved", ledger.moved), ("withdrawn", ledger.withdrawn)):
        for address in entries:
            page, anchor = split_address(address)
            if (page in anchors_now and (not anchor or anchor in anchors_now[page])) or (page in always and not anchor):
                diags.add(
                    path,
                    ledger.lines.get(address, 1),
                    1,
                    "E094",
                    f"'{address}' is recorded as {kind} but the site still publishes it",
                    f"remove it from `{kind}:` in {LEDGER_FILE}: only an address that is gone can be "
                    "recorded as moved or withdrawn",
                )
    for page, anchors in ledger.pages.items():
        if unsure and page.startswith(unsure):
            continue
        line = ledger.lines.get(page, 1)
        if page not in anchors_now and page not in ledger.moved and page not in ledger.withdrawn:
            diags.add(path, line, 1, "E090", f"published page '{page}' would disappear", KEEP_HINT.format(old=page))
            continue
        if page in ledger.withdrawn:
            continue
        resolved = resolve(ledger, page) if page not in anchors_now else page
        landing = split_address(resolved)[0] if resolved else None
        for anchor in anchors:
            address = f"{page}#{anchor}"
            if address in ledger.moved or address in ledger.withdrawn:
                continue
            if landing is None or anchor not in anchors_now.get(landing, frozenset()):
                diags.add(path, line, 1, "E091", f"published anchor '{address}' would disappear", KEEP_HINT.format(old=address))
    for old, new in ledger.moved.items():
        if unsure and new.startswith(unsure):
            continue
        target = resolve(ledger, old)
        page, anchor = split_address(target) if target else ("", "")
        page = page_of(page)
        if (
            target is None
            or (page not in anchors_now and page not in always)
            or (anchor and anchor not in anchors_now.get(page, ()))
        ):
            diags.add(
                path,
                ledger.lines.get(old, 1),
                1,
                "E092",
                f"'{old}' is recorded as moved to '{new}', which is not published",
                "point the move at an address the site publishes now (see `pages:`), or withdraw it instead",
            )


def resolve(ledger: Ledger, address: str) -> str | None:
    """Where a chain of recorded moves from `address` ends; None for a loop."""
    seen = {address}
    while address in ledger.moved:
        address = ledger.moved[address]
        if address in seen:
            return None
        seen.add(address)
    return address


def unrecorded(ledger: Ledger | None, current: Mapping[str, tuple[str, ...]]) -> int:
    """How many addresses the archive publishes that the ledger does not record yet."""
    if ledger is None:
        return sum(1 + len(anchors) for anchors in current.values())
    count = 0
    for page, anchors in current.items():
        recorded = ledger.pages.get(page)
        if recorded is None:
            count += 1 + len(anchors)
        else:
            count += len(set(anchors) - set(recorded))
    return count


# -- writing ----------------------------------------------------------------------


def write_ledger(path: Path, ledger: Ledger | None, current: Mapping[str, tuple[str, ...]]) -> None:
    """Record every address published now, keeping what was recorded before: pages that
    still exist get their current anchors added to the recorded ones; moves and
    withdrawals stay. (Call only when `check_ledger` finds nothing.)"""
    pages: dict[str, list[str]] = {}
    old_pages = ledger.pages if ledger else {}
    for page, anchors in current.items():
        merged = list(anchors) + [a for a in old_pages.get(page, ()) if a not in anchors]
        pages[page] = merged
    for page, anchors in old_pages.items():
        if page not in pages:  # moved or withdrawn: its record stays, for the redirects
            pages[page] = list(anchors)
    out = {
        "pages": {page: " ".join(anchors) for page, anchors in sorted(pages.items())},
        "moved": dict(sorted((ledger.moved if ledger else {}).items())),
        "withdrawn": dict(sorted((ledger.withdrawn if ledger else {}).items())),
        "files": dict(sorted((ledger.files if ledger else {}).items())),
        "layout": LAYOUT,
    }
    text = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    path.write_text(HEADER + text, encoding="utf-8")


def with_entry(ledger: Ledger | None, kind: str, address: str, value: str) -> Ledger:
    """The ledger with one more move (`kind` "moved") or withdrawal ("withdrawn")."""
    base = ledger or _EMPTY
    moved, withdrawn = dict(base.moved), dict(base.withdrawn)
    (moved if kind == "moved" else withdrawn)[address] = value
    (withdrawn if kind == "moved" else moved).pop(address, None)
    return Ledger(base.pages, MappingProxyType(moved), MappingProxyType(withdrawn), base.lines, base.files, base.layout)
