"""A language build's pages: the generated ones rendered and held until MkDocs reads them, the
ledger's redirects and tombstones, the search index and the 404 page written beside them."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from .. import data as data_out
from .. import timing, urls
from ..build import state as builds
from ..build.inputs import InputKeys
from ..catalogue import catalogue_text
from ..diagnostics import Diagnostics
from ..gccontrol import gc_paused
from ..ledger import LEDGER_FILE
from ..model import LANGUAGES, Ledger
from ..progress import Progress
from ..search.build import cut_runs, search_index_files
from ..search.runstore import RunStore
from ..site.notfound import render_not_found
from ..site.redirects import ledger_output
from ..site.render import Renderer
from ..sources import special_file
from ..textrules import printable

log = logging.getLogger("mkdocs.plugins.gijiroku")


UNUSED_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
"""Material's files for its own search, which the site does not use (its remark search
is gijiroku's): dropping them saves about 40 files and 1 MB in every language's folder."""


def drop_unused_assets(files: Files, config: MkDocsConfig) -> None:
    if any(name.endswith("search") for name in config.plugins):
        return
    for file in [f for f in files if not f.is_documentation_page() and f.src_uri.startswith(UNUSED_ASSETS)]:
        files.remove(file)


def refuse_special_files(files: Files) -> None:
    """A FIFO or a device among the hand-written pages would hang the build that reads
    it (MkDocs reads every page whole): it stops the build, by name, unread."""
    special = [
        (file.abs_src_path, kind) for file in files if file.abs_src_path and (kind := special_file(Path(file.abs_src_path)))
    ]
    if special:
        raise PluginError(
            "\n".join(
                f"{printable(path)}: not a regular file ({kind}): it was not read; put a file there, or move it out of docs/"
                for path, kind in special
            )
        )


def feed_tag(build: builds.LanguageBuild, src: str) -> str:
    return data_out.feed_link_tag(build.index, src, build.lang) if build.data_out else ""


def add_ledger_output(
    config: MkDocsConfig,
    files: Files,
    renderer: Renderer,
    srcs: list[str],
    build: builds.LanguageBuild,
    withdrawn: dict[str, str],
    ledger: Ledger,
) -> None:
    """Redirects and tombstones for the addresses the ledger says moved or were withdrawn:
    notes added to generated pages (`build.additions`), tombstone pages (`withdrawn`)
    and redirect files. One that would take the place of a page the site has (a
    hand-written one: `gijiroku check` knows only the minutes) stops the build."""
    out = ledger_output(ledger, {urls.url_of(src): src for src in srcs}, renderer.words.t)
    build.additions.update(out.additions)
    taken = {file.dest_uri for file in files}
    clashes = Diagnostics(build.minutes)
    for src, (reason, _) in out.pages.items():
        if files.get_file_from_path(src) is not None or src[: -len(".md")] + ".html" in taken:
            ledger_clash(clashes, build.minutes, ledger, src[: -len("index.md")], "withdrawn")
        else:
            withdrawn[src] = renderer.render_withdrawn(src, reason)
    for path, content in out.static.items():
        if files.get_file_from_path(path) is not None or path in taken:
            ledger_clash(clashes, build.minutes, ledger, path[: -len("index.html")], "moved")
        else:
            files.append(File.generated(config, path, content=content))
    if clashes.items:
        raise PluginError("\n".join(d.format() for d in clashes.sorted()))


def ledger_clash(diags: Diagnostics, minutes: Path, ledger: Ledger, page: str, kind: str) -> None:
    diags.add(
        minutes / LEDGER_FILE,
        ledger.lines.get(page, 1),
        1,
        "E094",
        f"'{page}' is recorded as {kind} but the site still publishes it (a hand-written page)",
        f"remove it from `{kind}:` in {LEDGER_FILE}, or the page from docs/: a redirect or tombstone would replace it",
    )


def hold(build: builds.LanguageBuild, pages: dict[str, str]) -> None:
    """Rendered pages, decorated and with the ledger's notes, held until MkDocs reads them."""
    if build.data_out:
        with timing.timed("data_pages"):
            decorations(build).apply(pages)
    for src, markdown in pages.items():
        build.markdown[src] = markdown + build.additions.get(src, "")


def render_units(build: builds.LanguageBuild, srcs: list[str], progress: Progress | None = None) -> None:
    """Render the units of these pages (each once), and hold those of their pages in `srcs`
    (telling `progress` of each page held)."""
    wanted = set(srcs)
    done: set[int] = set()
    with gc_paused():
        for src in srcs:
            unit = build.units.get(src)
            if unit is None or id(unit) in done:
                continue
            done.add(id(unit))
            with timing.timed("render"):
                pages = {page: markdown for page, markdown in unit.render().items() if page in wanted}
            hold(build, pages)
            if progress is not None:
                progress.advance(len(pages))
            for page in unit.srcs:
                build.units.pop(page, None)


def write_search_index(config: MkDocsConfig, build: builds.LanguageBuild, inputs: InputKeys) -> None:
    """The remark-search index; with a cache, each meeting's runs are cut only if its
    files changed since the last build (`search/runstore.py`)."""
    store = RunStore(build.cache.folder, build.cache.site_key) if build.cache is not None else None
    runs_of = (
        cut_runs
        if store is None
        else lambda meeting, docs: store.runs_of(inputs.files(meeting), lambda: [doc.text for doc in docs])
    )
    out = Path(config.site_dir) / "search-index"
    made: set[Path] = set()
    progress = Progress(f"{build.lang}: wrote {{}} files of the search index")
    try:
        for relative, content in search_index_files(build.index, build.lang, runs_of):
            progress.advance()
            path = out / relative
            if path.parent not in made:  # thousands of files share a few folders
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_text(content, encoding="utf-8")
    except BaseException:
        if store is not None:
            store.discard()
        raise
    meetings = len(build.index.archive.meetings)
    progress.done(
        f"{meetings:,} meeting{'' if meetings == 1 else 's'}"
        + (f", the text of {store.reused:,} as the last build cut it" if store is not None else "")
    )
    if store is not None:
        store.save()
        timing.count("meetings_runs_reused", store.reused)
        if store.discarded:
            log.info(
                f"{build.lang}: the stored search runs of {store.discarded} meetings could not be read back "
                "as they were written: cut again"
            )


def write_not_found(site_dir: Path, langs: list[str], site_url: str) -> None:
    (site_dir / "404.html").write_text(render_not_found(langs, catalogue_text, site_url), encoding="utf-8")


def decorations(build: builds.LanguageBuild) -> data_out.Decorations:
    if build.decorations is None:
        build.decorations = data_out.Decorations(build.index, build.lang)
    return build.decorations


def renderer_of(config: MkDocsConfig, build: builds.LanguageBuild) -> Renderer:
    if build.renderer is None:
        build.renderer = Renderer(build.index, build.lang, config.site_url or "")
    return build.renderer


def drop_search(config: MkDocsConfig) -> None:
    """The root page is only a language chooser: no search index, no search box there."""
    for name in [n for n in config.plugins if n.endswith("search")]:
        plugin = config.plugins.pop(name)
        for handlers in config.plugins.events.values():
            handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not plugin]


def titles() -> dict[str, str]:
    return {lang: catalogue_text("site_title", lang) for lang in LANGUAGES}
