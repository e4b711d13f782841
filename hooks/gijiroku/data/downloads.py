"""The data page's list of bulk downloads, with their sizes, and the whole archive as
one zip file per language.

The list is written into the hand-written data page where it says
`<!-- gijiroku:downloads -->`, before the files exist; once data out has written them,
each size is filled in from the file itself (`fill_sizes`). Every link carries the
`download` attribute, so that a static host which sends no Content-Disposition header
still has the browser save the file instead of showing raw JSON.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from ..escape import html as h
from . import paths
from .strings import t

MARKER = "<!-- gijiroku:downloads -->"
DATA_PAGE_HTML = "data/index.html"
"""The data page as built, in each language's folder."""
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
"""Every member's time in the zip: two builds of the same minutes write the same bytes."""
_SIZE = re.compile(r'<span class="gj-size" data-size-of="([^"]+)">[^<]*</span>')


def bulk_zip(lang: str) -> str:
    """The whole archive of one language, relative to its folder."""
    return f"downloads/minutes-{lang}.zip"


def listed(lang: str) -> list[tuple[str, str]]:
    """Each download of the data page: (path in the language's folder, what it holds)."""
    return [
        (bulk_zip(lang), t("download_bulk", lang)),
        (paths.index_json("meetings"), t("download_meetings_index", lang)),
        (paths.index_json("people"), t("download_people", lang)),
        (paths.index_json("topics"), t("download_topics", lang)),
        (paths.index_json("councils"), t("download_councils", lang)),
    ]


def downloads_table(lang: str) -> str:
    """The data page's table of downloads (raw HTML: Markdown has no `download` attribute)."""
    up = "../"  # the data page is at LANG/data/
    rows = "".join(
        f'<tr><td><a href="{h(up + path)}" download="{h(path.rsplit("/", 1)[-1])}">{h(path)}</a></td>'
        f'<td>{h(what)}</td><td class="gj-size-cell"><span class="gj-size" data-size-of="{h(path)}"></span></td></tr>'
        for path, what in listed(lang))
    head = "".join(f"<th scope=\"col\">{h(t(key, lang))}</th>" for key in ("download_file", "download_what", "download_size"))
    return f'<table class="gj-downloads-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def decorate_data_page(markdown: str, lang: str) -> str:
    """The data page with its table of downloads where it asks for it."""
    return markdown.replace(MARKER, downloads_table(lang), 1)


def write_bulk(site_dir: Path, lang: str) -> None:
    """Every meeting's JSON and source file, the indexes and the schemas of one language,
    as one zip: what a researcher wants to take whole. (Akoma Ntoso is left out: it says
    again what the JSON says, and doubles the archive.)"""
    api = site_dir / paths.API
    members = sorted(p for p in api.rglob("*") if p.is_file() and (p.suffix in (".json", ".md")))
    target = site_dir / bulk_zip(lang)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in members:
            info = zipfile.ZipInfo(path.relative_to(site_dir).as_posix(), date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    os.replace(partial, target)


def format_size(size: int) -> str:
    """1,234,567 bytes -> '1.2 MB' (decimal units, as downloads are usually shown)."""
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 10 else f"{round(value):,} {unit}"
    return f"{size} B"


def fill_sizes(site_dir: Path) -> None:
    """Write each listed file's size into the built data page."""
    page = site_dir / DATA_PAGE_HTML
    if not page.is_file():
        return
    text = page.read_text(encoding="utf-8")

    def size_of(match: re.Match[str]) -> str:
        path = site_dir / match.group(1)
        size = format_size(path.stat().st_size) if path.is_file() else "—"
        return f'<span class="gj-size" data-size-of="{match.group(1)}">{size}</span>'

    filled = _SIZE.sub(size_of, text)
    if filled != text:
        page.write_text(filled, encoding="utf-8")
