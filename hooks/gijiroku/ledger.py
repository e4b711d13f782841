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

Addresses are paths inside a language (`/ja/`, `/en/`): every language has the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from . import urls
from .diagnostics import Diagnostics
from .index import index_archive
from .model import Archive
from .sources import Source, is_present, read_text
from .yamlsrc import Reader

LEDGER_FILE = "ledger.yml"
HEADER = """\
# Every address this archive has published, and what became of those that left.
# Written by `gijiroku ledger`; edit `moved` and `withdrawn` with
# `gijiroku ledger move OLD NEW` and `gijiroku ledger withdraw OLD --reason "…"`.
# See docs/dev/en/site.md ("Addresses that last").
"""
KEEP_HINT = ("published links point here: keep the id, or record what happened with "
             "`gijiroku ledger move {old} NEW` (the old address then leads to the new one) or "
             "`gijiroku ledger withdraw {old} --reason \"…\"` (a tombstone says so)")

DISAPPEARING = frozenset({"E090", "E091"})
"""The codes of a recorded page or anchor the archive would no longer publish."""


@dataclass(frozen=True, slots=True)
class Ledger:
    """The recorded addresses: page -> its anchors, moved address -> new, withdrawn -> why."""

    pages: Mapping[str, tuple[str, ...]]
    moved: Mapping[str, str]
    withdrawn: Mapping[str, str]
    lines: Mapping[str, int]
    """The ledger line of each recorded address, for diagnostics."""


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
        if len(m.versions) > 1:
            # Its rows carry the meeting page's remark ids, which the meeting page records.
            pages[urls.url_of(urls.compare_src(m.council, m.id))] = ()
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
    """`page/#anchor` -> (`page/`, `anchor`); a page alone -> (`page/`, "")."""
    page, _, anchor = address.partition("#")
    return page, anchor


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
    fields = reader.mapping(root, "the ledger", optional=("pages", "moved", "withdrawn")) or {}
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
        if target is not None and _valid_address(reader, key.value, key.line, key.col) \
                and _valid_address(reader, target, *reader.where(node)):
            moved[str(key.value)] = target
            lines[str(key.value)] = key.line
    withdrawn: dict[str, str] = {}
    for key, node in reader.keyed(fields.get("withdrawn"), "the ledger's withdrawn addresses"):
        reason = reader.string(node, f"reason '{key.value}' was withdrawn")
        if reason is not None and _valid_address(reader, key.value, key.line, key.col):
            withdrawn[str(key.value)] = reason
            lines[str(key.value)] = key.line
    return Ledger(MappingProxyType(pages), MappingProxyType(moved), MappingProxyType(withdrawn), MappingProxyType(lines))


def address_problem(address: str, page_only: bool = False) -> str:
    """Why `address` is not an address of this site (a page such as `meetings/C/M/`,
    optionally `#ANCHOR`), or "" when it is."""
    page, anchor = split_address(address)
    wrong = (not page.endswith("/") or page.startswith("/") or "//" in page or ".." in page
             or any(c.isspace() or not c.isprintable() for c in address) or (page_only and "#" in address)
             or ("#" in address and not anchor))
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

def check_ledger(ledger: Ledger, current: Mapping[str, tuple[str, ...]], path: Path, diags: Diagnostics,
                 unsure: tuple[str, ...] = ()) -> None:
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
                diags.add(path, ledger.lines.get(address, 1), 1, "E094",
                          f"'{address}' is recorded as {kind} but the site still publishes it",
                          f"remove it from `{kind}:` in {LEDGER_FILE}: only an address that is gone can be "
                          "recorded as moved or withdrawn")
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
                diags.add(path, line, 1, "E091", f"published anchor '{address}' would disappear",
                          KEEP_HINT.format(old=address))
    for old, new in ledger.moved.items():
        if unsure and new.startswith(unsure):
            continue
        target = resolve(ledger, old)
        page, anchor = split_address(target) if target else ("", "")
        if target is None or page not in anchors_now or (anchor and anchor not in anchors_now[page]):
            diags.add(path, ledger.lines.get(old, 1), 1, "E092", f"'{old}' is recorded as moved to '{new}', which is not published",
                      "point the move at an address the site publishes now (see `pages:`), or withdraw it instead")


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
    }
    text = yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=False)
    path.write_text(HEADER + text, encoding="utf-8")


def with_entry(ledger: Ledger | None, kind: str, address: str, value: str) -> Ledger:
    """The ledger with one more move (`kind` "moved") or withdrawal ("withdrawn")."""
    base = ledger or _EMPTY
    moved, withdrawn = dict(base.moved), dict(base.withdrawn)
    (moved if kind == "moved" else withdrawn)[address] = value
    (withdrawn if kind == "moved" else moved).pop(address, None)
    return Ledger(base.pages, MappingProxyType(moved), MappingProxyType(withdrawn), base.lines)
