"""The data page's lists of downloads, with their sizes, and of the data addresses that
moved.

The lists are written into the hand-written data page where it says
`<!-- gijiroku:downloads -->` and `<!-- gijiroku:moved-data -->`, before the files exist;
once data out has written them, each size is filled in from the file itself
(`fill_sizes`). Every link carries the `download` attribute, so that a static host which
sends no Content-Disposition header still has the browser save the file instead of
showing raw JSON.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .. import datafiles
from ..catalogue import catalogue_text
from ..escape import html as h
from ..index import ArchiveIndex
from .shared import bundles

MARKER = "<!-- gijiroku:downloads -->"
MOVED_MARKER = "<!-- gijiroku:moved-data -->"
DATA_PAGE_HTML = "data/index.html"
"""The data page as built, in each language's folder."""
_SIZE = re.compile(r'<span class="gj-size" data-size-of="([^"]+)">[^<]*</span>')
if TYPE_CHECKING:  # the ledger module reads the data's paths
    from ..model import Ledger

UP = "../"
"""From the data page (LANG/data/) to its language's folder; once more to the site's root."""


def listed(lang: str) -> list[tuple[str, str]]:
    """The indexes of the data page: (path in the language's folder, what it holds)."""
    return [
        (datafiles.index_json("meetings"), catalogue_text("download_meetings_index", lang)),
        (datafiles.index_json("people"), catalogue_text("download_people", lang)),
        (datafiles.index_json("topics"), catalogue_text("download_topics", lang)),
        (datafiles.index_json("councils"), catalogue_text("download_councils", lang)),
    ]


def _size(path: str) -> str:
    return f'<span class="gj-size" data-size-of="{h(path)}"></span>'


def downloads_table(lang: str, index: ArchiveIndex | None = None) -> str:
    """The data page's tables of downloads (raw HTML: Markdown has no `download`
    attribute): the indexes, then each council's zips, a year each."""
    rows = "".join(
        f'<tr><td><a href="{h(UP + path)}" download="{h(path.rsplit("/", 1)[-1])}">{h(path)}</a></td>'
        f'<td>{h(what)}</td><td class="gj-size-cell">{_size(path)}</td></tr>'
        for path, what in listed(lang)
    )
    head = "".join(
        f'<th scope="col">{h(catalogue_text(key, lang))}</th>' for key in ("download_file", "download_what", "download_size")
    )
    out = f'<table class="gj-downloads-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    if index is None or not index.archive.meetings:
        return out
    by_council: dict[str, list[int]] = {}
    for council, year in bundles(index.archive.meetings):
        by_council.setdefault(council, []).append(year)
    lines = []
    for council in sorted(by_council, key=lambda c: index.archive.councils[c].name.get(lang)):
        years = " · ".join(
            f'<a href="{h(UP + UP + datafiles.bundle_zip(council, year))}" download="{h(council)}-{year}.zip">{year}</a> '
            f"{_size('/' + datafiles.bundle_zip(council, year))}"
            for year in sorted(by_council[council], reverse=True)
        )
        lines.append(f'<tr><th scope="row">{h(index.archive.councils[council].name.get(lang))}</th><td>{years}</td></tr>')
    bulk_head = "".join(f'<th scope="col">{h(catalogue_text(key, lang))}</th>' for key in ("download_council", "download_years"))
    return (
        out + f"\n\n<p>{h(catalogue_text('download_bundles', lang))}</p>\n\n"
        f'<table class="gj-bundles-table"><thead><tr>{bulk_head}</tr></thead><tbody>{"".join(lines)}</tbody></table>'
    )


def moved_table(lang: str, ledger: Ledger | None) -> str:
    """The data addresses the ledger records as moved, each with where its content is now."""
    moved = dict(ledger.files) if ledger is not None else {}
    if not moved:
        return f'<p class="gj-moved-none">{h(catalogue_text("moved_data_none", lang))}</p>'
    head = "".join(f'<th scope="col">{h(catalogue_text(key, lang))}</th>' for key in ("moved_data_old", "moved_data_now"))
    rows = []
    for old, new in sorted(moved.items()):
        where, _, member = new.partition("#")
        now = f'<a href="{h(UP + UP + where)}">{h(where)}</a>'
        if member:
            now = h(catalogue_text("moved_data_member", lang)).format(member=f"<code>{h(member)}</code>", archive=now)
        rows.append(f"<tr><td><code>{h(old)}</code></td><td>{now}</td></tr>")
    return f'<table class="gj-moved-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def decorate_data_page(markdown: str, lang: str, index: ArchiveIndex | None = None) -> str:
    """The data page with its tables where it asks for them."""
    markdown = markdown.replace(MARKER, downloads_table(lang, index), 1)
    if MOVED_MARKER in markdown:
        markdown = markdown.replace(MOVED_MARKER, moved_table(lang, index.archive.ledger if index else None), 1)
    return markdown


def format_size(size: int) -> str:
    """1,234,567 bytes -> '1.2 MB' (decimal units, as downloads are usually shown)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{round(value):,} {unit}"
    return f"{size} B"


def fill_sizes(site_dir: Path, shared_dir: Path | None = None) -> None:
    """Write each listed file's size into the built data page (a path from the site's
    root, `/…`, is in `shared_dir`)."""
    page = site_dir / DATA_PAGE_HTML
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")

    def size_of(match: re.Match[str]) -> str:
        name = match.group(1)
        path = (shared_dir / name[1:]) if name.startswith("/") and shared_dir is not None else site_dir / name.lstrip("/")
        size = format_size(path.stat().st_size) if path.is_file() else "—"
        return f'<span class="gj-size" data-size-of="{match.group(1)}">{size}</span>'

    filled = _SIZE.sub(size_of, text)
    if filled != text:
        page.write_text(filled, encoding="utf-8")
