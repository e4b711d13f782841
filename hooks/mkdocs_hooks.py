"""MkDocs hooks: the only place that knows MkDocs. Everything else is the gijiroku package.

`mkdocs build` / `mkdocs serve` on the top-level mkdocs.yml run the *root* build, which
loads and checks the minutes once, writes the language chooser at the site root and
then builds each language as its own MkDocs build (`/ja/`, `/en/`): its own Material
interface language, `<html lang>` and remark-search index. The language builds use
this same file and get the loaded archive from the root build, so the archive is
parsed once per build however many languages there are. On `mkdocs build` the
languages are built side by side, the last in the root build's own process and the
others in forked ones; on `mkdocs serve`, one after the other and only for the most
recently edited meetings (see gijiroku/preview.py).

Why one file of about 500 lines: it is the one module that imports MkDocs, and its
events are read together (what on_files adds, on_nav marks, on_page_content holds and
on_post_build writes). Everything that does not need MkDocs' types lives in the
package: the cache (`site/pagecache.py`), held texts (`site/held.py`), side-by-side
builds (`forkjoin.py`), rendering, search and data.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import posixpath
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import material
import mkdocs
from mkdocs.commands.build import build as build_site
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, MkDocsException, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

import gijiroku
from gijiroku import THEME_DIR, forkjoin, load_archive, preview, timing
from gijiroku import data as data_out
from gijiroku.diagnostics import Diagnostics
from gijiroku.gcpause import gc_paused, give_back
from gijiroku.index import index_archive
from gijiroku.ledger import LEDGER_FILE, Ledger
from gijiroku.loader import changed_since_read
from gijiroku.model import LANGUAGES
from gijiroku.search.build import cut_runs, search_index_files
from gijiroku.search.runstore import RunStore
from gijiroku.site import builds, pagecache, urls
from gijiroku.site.catalogue import catalogue_text
from gijiroku.site.completeness import anchors_missing, expected_anchors, lost_in_build
from gijiroku.site.frame import squeeze_white_space
from gijiroku.site.home import fill_placeholders
from gijiroku.site.inputs import InputKeys
from gijiroku.site.jinjacache import BYTECODE_CACHE
from gijiroku.site.langconfig import language_overrides, missing_hand_written
from gijiroku.site.notfound import render_not_found
from gijiroku.site.prose import join_japanese_lines
from gijiroku.site.redirects import ledger_output
from gijiroku.site.render import Renderer
from gijiroku.site.root import render_broken_html, render_broken_page, render_root_page
from gijiroku.sources import ChangedDuringBuild, digest_of, special_file
from gijiroku.textrules import printable

log = logging.getLogger("mkdocs.plugins.gijiroku")

TIMINGS_ENV = "GIJIROKU_TIMINGS"
"""A JSON file to write the time spent in gijiroku's own code to (for the benchmark)."""

DATA_OUT_ENV = "GIJIROKU_DATA_OUT"
"""Set to 0 to build without the API, feeds and charts (the benchmark measures what they add)."""

CACHE_ENV = "GIJIROKU_CACHE"
"""Set to 0 to build every page afresh, as `extra.gijiroku.cache: false` does."""

GIVE_BACK_EVERY = 2000
"""Pages written between two returns of freed memory to the system (gcpause.give_back)."""

CACHE_DIR = Path(".cache") / "gijiroku"
"""Where `mkdocs build` keeps what the next build may reuse, beside mkdocs.yml."""

class GijirokuOptions(base.Config):
    """`extra.gijiroku` in mkdocs.yml, checked with MkDocs' own messages."""

    minutes = c.Type(str, default="minutes")
    """The minutes folder, relative to mkdocs.yml."""
    preview = c.Optional(c.Type(int))
    """Under `mkdocs serve`, build only this many most recently edited meetings."""
    cache = c.Type(bool, default=True)
    """Under `mkdocs build`, reuse the pages whose inputs did not change (gijiroku/site/pagecache.py)."""


# -- events -------------------------------------------------------------------------

def on_startup(command: str, dirty: bool) -> None:
    """Remember that this is `mkdocs serve`, for the preview scope. (Language builds
    announce themselves as "build": they must not switch it off.)"""
    if command == "serve":
        preview.mode.serving = True


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Every build: gijiroku's theme overrides, from wherever the package is installed.
    Root build: load and check the minutes (every build, so `serve` sees edits)."""
    if str(THEME_DIR) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(THEME_DIR))
    if builds.language_of(config) is not None:
        return config
    root = builds.RootBuild(_project_dir(config) / "minutes")
    builds.attach(config, root)
    _drop_search(config)
    config.site_name = " / ".join(_titles().values())
    config.theme["features"] = [f for f in config.theme.get("features", []) if f != "navigation.tabs"]
    with _failures_shown(root, "load the minutes"):
        _load(config, root)
    return config


def _load(config: MkDocsConfig, root: builds.RootBuild) -> None:
    """Root build: load, check and cross-index the minutes (under `mkdocs serve`, errors
    become the page every address answers with)."""
    options = _options(config)
    minutes = root.minutes = _project_dir(config) / options.minutes
    if options.cache and os.environ.get(CACHE_ENV) != "0" and not preview.mode.serving:
        root.cache_dir = _project_dir(config) / CACHE_DIR
        root.shared = _shared_files(config)
    timing.reset()
    with timing.timed("load"):
        archive, diags = load_archive(minutes, reuse_parsed=preview.mode.serving)
    for diag in diags.sorted():
        (log.warning if diag.code.startswith("W") else log.error)(diag.format())
    if diags.errors:
        if preview.mode.serving:
            # Under `mkdocs serve` the reader's browser shows what to fix (every page
            # answers with it) and the next save that fixes it rebuilds the site.
            root.broken = [d.format() for d in diags.sorted()]
            return
        raise PluginError(f"{len(diags.errors)} errors in the minutes: fix them (gijiroku check lists them too)")
    limit = preview.preview_limit(options.preview) if preview.mode.serving else None
    shown = len(archive.meetings)
    if limit is not None and shown > limit:
        archive = preview.select_recent(archive, minutes, limit)
        log.info(f"preview: {limit} most recently edited of {shown} meetings (GIJIROKU_PREVIEW=all for every one)")
        root.preview = (limit, shown)
    with timing.timed("index"):
        root.index = index_archive(archive)


@contextlib.contextmanager
def _failures_shown(root: builds.RootBuild, doing: str) -> Iterator[None]:
    """Whatever fails here ends as a message, never a traceback: under `mkdocs serve`
    the diagnostics page every address answers with (MkDocs' server would otherwise
    wait for ever for the build that failed, and every request hang), the next save
    building again; under `mkdocs build` an error that stops the build (`-v` shows where
    it came from)."""
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - every failure must end as a message
        log.debug(f"gijiroku could not {doing}", exc_info=True)
        ours = isinstance(exc, MkDocsException)  # a message for the reader already (or MkDocs' own)
        message = str(exc) if ours else f"gijiroku could not {doing}: {type(exc).__name__}: {exc}"
        if not preview.mode.serving:
            if ours:
                raise
            raise PluginError(message + " (a bug: please report it; `mkdocs build -v` shows where it happened)") from exc
        log.error(printable(message))
        root.index = None
        root.broken = [*root.broken, printable(message)]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Root build: only the theme's assets. Language build: the hand-written pages plus
    every generated page, and a stand-in for hand-written pages only another language has."""
    _refuse_special_files(files)
    _drop_unused_assets(files, config)
    build = builds.language_of(config)
    if build is None:
        kept = Files([f for f in files if not f.is_documentation_page()])
        root = builds.root_of(config)
        broken = root.broken if root else []
        page = render_broken_page(broken) if broken else render_root_page(_titles())
        kept.append(File.generated(config, "index.md", content=page))
        return kept
    renderer = _renderer(config, build)
    with timing.timed("render"):
        # The pages listing the whole archive now (they are in the navigation, whose
        # pages' front matter every page shows); every other page is a unit rendered in
        # on_nav, and only if the last build's page cannot be kept.
        index_pages = renderer.index_pages()
        build.units = {src: unit for unit in renderer.units() for src in unit.srcs}
    ledger = build.index.archive.ledger
    withdrawn: dict[str, str] = {}
    if ledger is not None:
        _add_ledger_output(config, files, renderer, [*index_pages, *build.units], build, withdrawn, ledger)
    # A meeting's previous and next meetings change when one is added beside it: as an
    # addition they are part of the page's key in the cache, not only of its text.
    for src, links in renderer.meeting_neighbours().items():
        build.additions[src] = build.additions.get(src, "") + links
    _hold(build, index_pages)
    build.markdown.update(withdrawn)
    for src in [*index_pages, *build.units, *withdrawn]:  # the Markdown is given in on_page_read_source
        files.append(File.generated(config, src, content=""))
    build.expected = expected_anchors(build.index.archive)
    for src, title, other in missing_hand_written(Path(config.docs_dir).parent, build.lang):
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=renderer.render_untranslated_page(src, title, other)))
    return files


UNUSED_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
"""Material's files for its own search, which the site does not use (its remark search
is gijiroku's): dropping them saves about 40 files and 1 MB in every language's folder."""


def _drop_unused_assets(files: Files, config: MkDocsConfig) -> None:
    if any(name.endswith("search") for name in config.plugins):
        return
    for file in [f for f in files if not f.is_documentation_page() and f.src_uri.startswith(UNUSED_ASSETS)]:
        files.remove(file)


def _refuse_special_files(files: Files) -> None:
    """A FIFO or a device among the hand-written pages would hang the build that reads
    it (MkDocs reads every page whole): it stops the build, by name, unread."""
    special = [(file.abs_src_path, kind) for file in files
               if file.abs_src_path and (kind := special_file(Path(file.abs_src_path)))]
    if special:
        raise PluginError("\n".join(f"{printable(path)}: not a regular file ({kind}): it was not read; "
                                     "put a file there, or move it out of docs/" for path, kind in special))


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Language build: with a cache, mark the generated pages whose HTML the last build
    made from the same inputs, so that MkDocs keeps them instead of building them, and
    clear everything else out of the cached site. Then write the remark-search index
    (here, before the pages are rendered, the build holds the least it ever will), and
    render the pages that are not kept."""
    build = builds.language_of(config)
    if build is None:
        return nav
    # Pages in the navigation are always built (every page shows their front matter).
    _render_units(build, [page.file.src_uri for page in nav.pages if page.file.src_uri in build.units])
    inputs = InputKeys(build.index)
    kept = _mark_reusable(build, build.cache, inputs, nav, config, files) if build.cache is not None else set()
    with timing.timed("search_index"):  # before the other pages are rendered and held
        _write_search_index(config, build, inputs)
    give_back()
    _render_units(build, [src for src in build.units if src not in kept])
    build.units.clear()
    give_back()
    for src in build.keys:  # what the next build compares a changed page's Markdown with
        build.contents[src] = _content_key(build, src, files.src_uris[src])
    return nav


def _mark_reusable(build: builds.LanguageBuild, cache: pagecache.PageCache, inputs: InputKeys, nav: Navigation,
                   config: MkDocsConfig, files: Files) -> set[str]:
    """The generated pages this build keeps from the last: MkDocs neither converts nor
    writes them. A page not rendered yet is kept if its inputs (`site/inputs.py`) are
    the last build's; otherwise it is rendered and kept if its Markdown is the last
    build's (a speaker's page lists every meeting they attended, but an edit of one
    remark changes the page of its speaker only)."""
    with timing.timed("cache"):
        cache.open(_site_key(config, nav, build))
        in_nav = {page.file.src_uri for page in nav.pages}
        exists = lambda target: files.get_file_from_path(target) is not None  # noqa: E731
        kept: set[str] = set()
        retry: list[File] = []
        for file in files.documentation_pages():
            if not file.generated_by or file.src_uri in in_nav:
                continue
            src = file.src_uri
            unit = build.units.get(src)
            if unit is not None:
                key = pagecache.page_key(src, "inputs", inputs.of(unit.kind, unit.subject), build.additions.get(src, ""),
                                         _feed_tag(build, src))
            else:
                key = _content_key(build, src, file)
            entry = cache.reuse(src, file.dest_uri, key, exists, accept=_complete_check(build, src))
            build.keys[src] = key
            if entry is not None:
                _keep(build, file, entry, kept)
            elif unit is not None and cache.had(src):
                retry.append(file)
    _render_units(build, [file.src_uri for file in retry])
    with timing.timed("cache"):
        for file in retry:
            src = file.src_uri
            entry = cache.reuse(src, file.dest_uri, build.keys[src], exists, _content_key(build, src, file),
                                _complete_check(build, src))
            if entry is not None:
                _keep(build, file, entry, kept)
        cache.keep_only(entry.dest for entry in build.reused.values())
        timing.count("pages_reused", len(kept))
    if cache.damaged:
        damaged = list(cache.damaged)
        log.info(f"{build.lang}: {len(damaged)} cached files were not as the last build wrote them "
                 f"({', '.join(damaged[:3])}{', …' if len(damaged) > 3 else ''}): built again")
    return kept


def _complete_check(build: builds.LanguageBuild, src: str) -> Callable[[bytes], bool] | None:
    """For a meeting page, the completeness guard on its cached file (its HTML must
    carry every anchor the minutes give it), which also records what it found."""
    expected = build.expected.get(src)
    if expected is None:
        return None

    def complete(html: bytes) -> bool:
        build.published[src] = anchors_missing(html, expected)
        return not build.published[src]

    return complete


def _content_key(build: builds.LanguageBuild, src: str, file: File) -> str:
    """The key of a generated page's Markdown (rendered and held, or given to MkDocs)."""
    markdown = build.markdown.packed(src) if src in build.markdown else file.content_string
    return pagecache.page_key(src, "markdown", markdown, _feed_tag(build, src))


def _keep(build: builds.LanguageBuild, file: File, entry: pagecache.Entry, kept: set[str]) -> None:
    file.is_modified = _unmodified  # type: ignore[method-assign]  # MkDocs then neither converts nor writes it
    build.reused[file.src_uri] = entry
    build.keys.pop(file.src_uri, None)
    build.markdown.pop(file.src_uri, None)
    kept.add(file.src_uri)


def _unmodified() -> bool:
    return False


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """Language build: a generated page's Markdown, held compressed since on_files."""
    build = builds.language_of(config)
    if build is not None and page.file.src_uri in build.markdown:
        return build.markdown.take(page.file.src_uri)
    return None


@event_priority(-100)  # after every plugin: they see the page's HTML before it is held
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Language build: note which of a meeting page's anchors made it into its HTML, and
    hold the HTML compressed until the page is written.

    MkDocs converts every page before it writes any, so a build held every page's HTML
    and Markdown at once: most of its memory on a large archive. The page's Markdown is
    dropped here (nothing reads it after conversion) and its HTML comes back in
    on_page_context, just before the theme renders the page."""
    build = builds.language_of(config)
    if build is None:
        return html
    src = page.file.src_uri
    if src in build.expected:
        build.published[src] = anchors_missing(html, build.expected[src])
    build.html[src] = html
    page.markdown = ""  # not None: MkDocs reads None as "not read yet" (no title)
    return ""


@event_priority(100)  # before every plugin: they see the page's HTML again
def on_page_context(context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
    """Language build: the page's HTML, held since its conversion (on_page_content)."""
    build = builds.language_of(config)
    if build is not None and page.file.src_uri in build.html:
        page.content = build.html.take(page.file.src_uri)
    if build is not None and build.repository:
        if build.meeting_sources is None:
            build.meeting_sources = urls.meeting_sources(build.index.archive, build.lang)
        source = build.meeting_sources.get(page.file.src_uri)
        if source is not None:  # a meeting page: Material's view-source action shows its minutes file
            page.edit_url = urls.in_repository(build.repository, Path(config.docs_dir).parent, build.minutes.parent / source)
    return context


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Every build: the theme's templates are compiled once per process, not once per build.
    Language build: pages kept from the last build get back their anchors and anchored
    links, so that MkDocs checks links into and out of them as if they were built (the
    completeness guard read their files when it kept them: `_complete_check`)."""
    env.bytecode_cache = BYTECODE_CACHE
    build = builds.language_of(config)
    if build is not None:
        give_back()  # every page is converted: what converting them freed goes back
        for src, entry in build.reused.items():
            page = files.src_uris[src].page
            assert page is not None
            page.present_anchor_ids = entry.anchor_ids()
            page.links_to_anchors = {files.src_uris[target]: links for target, links in entry.anchored_links().items()}
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Hand-written pages may ask for generated lists, e.g. `<!-- gijiroku:latest-meetings -->`."""
    build = builds.language_of(config)
    if build is None or page.file.generated_by:
        return markdown
    if _data_out():
        markdown = data_out.decorate_home(markdown, page.file.src_uri, build.lang, build.index)
    try:
        return join_japanese_lines(fill_placeholders(markdown, page.file.src_uri, _renderer(config, build)))
    except ValueError as exc:
        raise PluginError(f"docs/{build.lang}/{exc}") from exc


@event_priority(-100)  # after every plugin: the cache records the digest of the page as written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Pages with a feed name it in their `<head>`, for browsers and feed readers; the
    frame's indentation goes (`site/frame.py`)."""
    build = builds.language_of(config)
    if build is None:
        return output
    src = page.file.src_uri
    tag = _feed_tag(build, src)
    if tag:
        output = output.replace("</head>", tag + "</head>", 1)
    output = squeeze_white_space(output)
    if build.cache is not None and src in build.keys:
        written = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
        build.cache.record(src, pagecache.Entry.of_page(
            build.keys[src], page.file.dest_uri, page.present_anchor_ids or (),
            {target.src_uri: links for target, links in (page.links_to_anchors or {}).items()}, build.contents[src],
            digest_of(written)))
    page.content = None  # written: nothing reads it again (MkDocs checks anchors after writing every page)
    build.written += 1
    if build.written % GIVE_BACK_EVERY == 0:
        give_back()
    return output


def _feed_tag(build: builds.LanguageBuild, src: str) -> str:
    return data_out.feed_link_tag(build.index, src, build.lang) if _data_out() else ""


def on_post_build(config: MkDocsConfig) -> None:
    """Root build: build every language into its folder of the site."""
    build = builds.language_of(config)
    if build is not None:
        lost = lost_in_build(build.expected, build.published)
        if lost:
            raise PluginError(f"the {build.lang} site would publish less than the minutes hold:\n  " + "\n  ".join(lost))
        # Material's 404 page links theme assets from "/" and speaks one language: ours is
        # self-contained, in this language (and at the root, in every language).
        _write_not_found(Path(config.site_dir), [build.lang], config.extra.get("gijiroku_root_url", ""))
        if _data_out():
            data_out.write_data_out(build.index, build.lang, Path(config.site_dir), config.site_url or "", build.shared_dir)
        return
    root = builds.root_of(config)
    builds.detach(config)
    if root is None or root.index is None:
        # The minutes are broken (under `mkdocs serve`): every address answers with the
        # diagnostics page until they are fixed.
        broken = root.broken if root is not None else []
        (Path(config.site_dir) / "404.html").write_text(render_broken_html(broken), encoding="utf-8")
        return
    with _failures_shown(root, "build the site"):
        if _data_out():
            _write_shared(config, root)
        _build_languages(config, root)
    if root.broken:  # under `mkdocs serve`: a language build failed
        _show_broken(Path(config.site_dir), root.broken)
        return
    if not preview.mode.serving:
        _check_inputs_unchanged(root)
    _write_not_found(Path(config.site_dir), list(LANGUAGES), config.site_url or "")
    if os.environ.get(TIMINGS_ENV):
        Path(os.environ[TIMINGS_ENV]).write_text(json.dumps(timing.snapshot()), encoding="utf-8")


def _write_shared(config: MkDocsConfig, root: builds.RootBuild) -> None:
    """The data every language shares (each meeting's JSON, each council's zips), written
    once at the site's root before the languages are built (their data pages give the
    zips' sizes). With a cache, what the last build wrote from the same inputs is kept."""
    assert root.index is not None
    site_dir = Path(config.site_dir)
    root.repository = urls.repository_base(config.repo_url, config.edit_uri)
    inputs = InputKeys(root.index)
    docs_root = Path(config.docs_dir)
    minutes = root.minutes

    def repository(meeting: Any) -> dict[str, str]:
        return {lang: urls.in_repository(root.repository, docs_root, minutes.parent / version.path)
                for lang, version in sorted(meeting.versions.items())}

    cache = pagecache.PageCache(root.cache_dir / "shared") if root.cache_dir is not None else None
    if cache is not None and not cache.acquire():
        log.info(f"another build is using {CACHE_DIR}, or it cannot be written; writing every data file")
        cache = None
    try:
        out = cache.site_dir if cache is not None else site_dir
        if cache is not None:
            cache.open(pagecache.site_key({"site_url": config.site_url or "", "repository": root.repository}, root.shared))
        try:
            data_out.write_shared(root.index, out, config.site_url or "", minutes, inputs.meeting, cache,
                                  repository if root.repository else None)
        except ChangedDuringBuild as exc:
            raise PluginError(str(exc)) from None
        if cache is not None:
            if cache.damaged:
                damaged = list(cache.damaged)
                log.info(f"{len(damaged)} cached data files were not as the last build wrote them "
                         f"({', '.join(damaged[:3])}{', …' if len(damaged) > 3 else ''}): written again")
            cache.save()
            pagecache.link_tree(cache.site_dir, site_dir)
        root.shared_dir = out
    finally:
        if cache is not None:
            cache.release()


def _check_inputs_unchanged(root: builds.RootBuild) -> None:
    """At the end of a build: every file it was made from must still be as it was read.
    A meeting or registry changed since is named and stops the build (its pages show
    what was read before; the cache, keyed by that, stays valid). Code or theme
    changed since may have made pages the key does not describe: the cache is dropped."""
    assert root.index is not None
    changed = changed_since_read(root.index.archive, root.minutes)
    code = pagecache.changed_shared(root.shared)
    if code and root.cache_dir is not None:
        for name in (*LANGUAGES, "shared"):
            with contextlib.suppress(OSError):
                pagecache.remove_path(root.cache_dir / name / pagecache.MANIFEST)
    if changed or code:
        raise PluginError(str(ChangedDuringBuild([*changed, *code])))


def _build_languages(config: MkDocsConfig, root: builds.RootBuild) -> None:
    """Every language's build, side by side or one after the other, each published into
    its folder of the site."""
    languages: list[tuple[str, MkDocsConfig]] = []
    try:
        for lang in LANGUAGES:
            languages.append(_prepare_language(config, lang, root))
        if _can_build_in_parallel():
            _build_in_parallel(languages)
        else:
            for lang, lang_config in languages:
                with timing.timed(f"build_{lang}"):
                    _build_language(lang_config)
        for lang, lang_config in languages:
            cache = _cache_of(lang_config)
            if cache is not None:  # the language's site was built in the cache: publish it
                with timing.timed("cache"):
                    pagecache.link_tree(cache.site_dir, Path(config.site_dir) / lang)
    finally:
        for _, lang_config in languages:
            if (cache := _cache_of(lang_config)) is not None:
                cache.release()
            builds.detach(lang_config)


def _show_broken(site_dir: Path, broken: list[str]) -> None:
    """Under `mkdocs serve`, after a failed build: every address answers with what failed
    (the language folders are removed, so that no page of an earlier build answers)."""
    for lang in LANGUAGES:
        shutil.rmtree(site_dir / lang, ignore_errors=True)
    page = render_broken_html(broken)
    for name in ("index.html", "404.html"):
        (site_dir / name).write_text(page, encoding="utf-8")


def _add_ledger_output(config: MkDocsConfig, files: Files, renderer: Renderer, srcs: list[str],
                       build: builds.LanguageBuild, withdrawn: dict[str, str], ledger: Ledger) -> None:
    """Redirects and tombstones for the addresses the ledger says moved or were withdrawn:
    notes added to generated pages (`build.additions`), tombstone pages (`withdrawn`)
    and redirect files. One that would take the place of a page the site has (a
    hand-written one: `gijiroku check` knows only the minutes) stops the build."""
    out = ledger_output(ledger, {urls.url_of(src): src for src in srcs}, renderer.t)
    build.additions.update(out.additions)
    taken = {file.dest_uri for file in files}
    clashes = Diagnostics(build.minutes)
    for src, (reason, _) in out.pages.items():
        if files.get_file_from_path(src) is not None or src[: -len(".md")] + ".html" in taken:
            _ledger_clash(clashes, build.minutes, ledger, src[: -len("index.md")], "withdrawn")
        else:
            withdrawn[src] = renderer.render_withdrawn(src, reason)
    for path, content in out.static.items():
        if files.get_file_from_path(path) is not None or path in taken:
            _ledger_clash(clashes, build.minutes, ledger, path[: -len("index.html")], "moved")
        else:
            files.append(File.generated(config, path, content=content))
    if clashes.items:
        raise PluginError("\n".join(d.format() for d in clashes.sorted()))


def _ledger_clash(diags: Diagnostics, minutes: Path, ledger: Ledger, page: str, kind: str) -> None:
    diags.add(minutes / LEDGER_FILE, ledger.lines.get(page, 1), 1, "E094",
              f"'{page}' is recorded as {kind} but the site still publishes it (a hand-written page)",
              f"remove it from `{kind}:` in {LEDGER_FILE}, or the page from docs/: a redirect or tombstone "
              "would replace it")


def _hold(build: builds.LanguageBuild, pages: dict[str, str]) -> None:
    """Rendered pages, decorated and with the ledger's notes, held until MkDocs reads them."""
    if _data_out():
        with timing.timed("data_pages"):
            _decorations(build).apply(pages)
    for src, markdown in pages.items():
        build.markdown[src] = markdown + build.additions.get(src, "")


def _render_units(build: builds.LanguageBuild, srcs: list[str]) -> None:
    """Render the units of these pages (each once), and hold those of their pages in `srcs`."""
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
            _hold(build, pages)
            for page in unit.srcs:
                build.units.pop(page, None)


def _write_search_index(config: MkDocsConfig, build: builds.LanguageBuild, inputs: InputKeys) -> None:
    """The remark-search index; with a cache, each meeting's runs are cut only if its
    files changed since the last build (`search/runstore.py`)."""
    store = RunStore(build.cache.folder, build.cache.site_key) if build.cache is not None else None
    runs_of = cut_runs if store is None else lambda meeting, docs: store.runs_of(
        inputs.files(meeting), lambda: [doc.text for doc in docs])
    out = Path(config.site_dir) / "search-index"
    made: set[Path] = set()
    try:
        for relative, content in search_index_files(build.index, build.lang, runs_of):
            path = out / relative
            if path.parent not in made:  # thousands of files share a few folders
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_text(content, encoding="utf-8")
    except BaseException:
        if store is not None:
            store.discard()
        raise
    if store is not None:
        store.save()
        timing.count("meetings_runs_reused", store.reused)
        if store.discarded:
            log.info(f"{build.lang}: the stored search runs of {store.discarded} meetings could not be read back "
                     "as they were written: cut again")


def _write_not_found(site_dir: Path, langs: list[str], site_url: str) -> None:
    (site_dir / "404.html").write_text(render_not_found(langs, catalogue_text, site_url), encoding="utf-8")


def _prepare_language(config: MkDocsConfig, lang: str, root: builds.RootBuild) -> tuple[str, MkDocsConfig]:
    assert root.index is not None
    lang_config = _language_config(config, lang)
    notice = ""
    if root.preview is not None:
        shown, total = root.preview
        notice = catalogue_text("preview_notice", lang, shown=shown, total=total)
        lang_config.extra["gijiroku_preview"] = notice  # the theme's banner reads it
    build = builds.LanguageBuild(lang, root.index, root.minutes, notice, shared=root.shared, shared_dir=root.shared_dir,
                                 repository=root.repository)
    plugins = [name for name in lang_config.plugins if name not in lang_config.hooks]
    if plugins and root.cache_dir is not None:
        # A plugin may gather from every page (a search index, a sitemap of its own):
        # pages kept from the last build would never reach it.
        log.info(f"{lang}: plugins ({', '.join(plugins)}) may read every page; building every page")
    elif root.cache_dir is not None:
        cache = pagecache.PageCache(root.cache_dir / lang)
        if cache.acquire():
            build.cache = cache
            lang_config.site_dir = str(cache.site_dir)
        else:
            log.info(f"{lang}: another build is using {CACHE_DIR}, or it cannot be written; building every page")
    if not preview.mode.serving:  # a large archive's pages are held on disk, not in memory
        for held in (build.markdown, build.html):
            held.spill_to(Path(lang_config.site_dir).parent)
    if lang_config.repo_url and lang_config.edit_uri:
        # Hand-written pages are under docs/LANG/; meeting pages show their minutes file.
        lang_config.edit_uri = lang_config.edit_uri.rstrip("/") + f"/{lang}/"
        features = lang_config.theme.setdefault("features", [])
        if not any(str(f).startswith("content.action.") for f in features):
            features.append("content.action.view")
    builds.attach(lang_config, build)
    lang_config.plugins.on_startup(command="build", dirty=False)
    return lang, lang_config


def _cache_of(lang_config: MkDocsConfig) -> pagecache.PageCache | None:
    build = builds.language_of(lang_config)
    return build.cache if build is not None else None


def _build_language(lang_config: MkDocsConfig) -> None:
    """One language's MkDocs build. With a cache that a previous build left, MkDocs'
    own "dirty" build keeps the pages this build marks as unchanged (on_nav); the
    cache is saved only if the build ends without a warning or an error."""
    cache = _cache_of(lang_config)
    counter = CountHandler(level=logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    dirty = cache is not None and cache.warm
    try:
        with _quiet_dirty_warning(dirty):
            build_site(lang_config, dirty=dirty)
    finally:
        mkdocs_log.removeHandler(counter)
    if cache is not None and not counter.get_counts():
        # Under -q MkDocs drops warnings before any handler sees them, and under -v it
        # does not record pages' anchored links: pages built then are not vouched for,
        # only those kept from a build that was watched.
        level = mkdocs_log.getEffectiveLevel()
        cache.save(trust_new=logging.DEBUG < level <= logging.WARNING)


class _DirtyWarningFilter(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links inaccurate; ours
    rebuilds every page whose inputs changed and checks kept pages' links, so the
    warning does not apply (and would fail a strict build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def _quiet_dirty_warning(dirty: bool) -> Iterator[None]:
    target = logging.getLogger("mkdocs.commands.build")
    quiet = _DirtyWarningFilter()
    if dirty:
        target.addFilter(quiet)
    try:
        yield
    finally:
        target.removeFilter(quiet)


def _site_key(config: MkDocsConfig, nav: Navigation, build: builds.LanguageBuild) -> str:
    """What every page of a language build shares: settings, navigation, theme, code."""
    # Every setting but those that cannot change a page (where files are, the server,
    # deployment, strictness) and those keyed below in their own way: a setting added
    # one day is in the key unless it is known not to matter.
    settings = {name: config.get(name) for name in config if name not in _NOT_IN_PAGES}
    settings["switches"] = {"data_out": _data_out()}  # what the environment switches
    settings["theme"] = {"name": config.theme.name, **dict(config.theme)}
    settings["validation"] = {str(k): str(v) for k, v in dict(config.validation).items()}
    settings["plugins"] = list(config.plugins)
    settings["navigation"] = _nav_outline(nav.items)
    # Every page shows the navigation's pages with their front matter (icons, subtitles,
    # status): that front matter is part of every page's inputs (their text is not).
    settings["navigation_meta"] = {page.file.src_uri: _front_matter(build, page.file) for page in nav.pages}
    return pagecache.site_key(settings, build.shared)


def _shared_files(config: MkDocsConfig) -> dict[str, tuple[str, str]]:
    """The theme's and the code's files, read at the start of the build (`pagecache.shared_files`)."""
    package = Path(gijiroku.__file__).parent
    hooks: Any = config.hooks  # MkDocs types it as a list; it is a mapping of name -> module
    modules = hooks.values() if isinstance(hooks, dict) else hooks
    hook_files = [Path(module.__file__) for module in modules if getattr(module, "__file__", None)]
    # Templates and catalogues too: pages kept by their inputs were not rendered again.
    code = [*hook_files, *sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)]
    # Theme folders inside MkDocs or Material change only with their versions, which the key has.
    versioned = [Path(module.__file__).parent for module in (mkdocs, material) if module.__file__]
    themes = [Path(d) for d in config.theme.dirs if not any(Path(d).is_relative_to(v) for v in versioned)]
    return pagecache.shared_files(themes, code)


_NOT_IN_PAGES = frozenset({"config_file_path", "docs_dir", "site_dir", "dev_addr", "watch", "strict", "remote_branch",
                           "remote_name", "theme", "validation", "plugins", "hooks"})
"""Settings of MkDocs that no page's bytes depend on, or that `_site_key` keys its own way."""


def _front_matter(build: builds.LanguageBuild, file: File) -> dict[str, Any]:
    source = build.markdown[file.src_uri] if file.src_uri in build.markdown else file.content_string
    return get_data(source)[1]


def _nav_outline(items: list[Any]) -> list[object]:
    return [[item.title, getattr(item, "url", None), _nav_outline(getattr(item, "children", None) or [])]
            for item in items]


def _can_build_in_parallel() -> bool:
    """Language builds are independent: on `mkdocs build` with more than one core, they
    run side by side (gijiroku/forkjoin.py). Not under `mkdocs serve`, whose server
    threads must not be forked, nor with GIJIROKU_SERIAL=1."""
    return not preview.mode.serving and forkjoin.can_fork() and os.environ.get("GIJIROKU_SERIAL") != "1"


def _build_in_parallel(languages: list[tuple[str, MkDocsConfig]]) -> None:
    """Every language but the last in a forked child that inherits the loaded archive;
    the last in this process."""
    jobs: list[forkjoin.Job] = [(lang, functools.partial(_build_language, lang_config))
                                for lang, lang_config in languages]
    failed = forkjoin.run_side_by_side(jobs, os.environ.get(TIMINGS_ENV))
    if failed:
        raise PluginError(f"the {', '.join(failed)} build failed (see the messages above)")


# -- configuration ----------------------------------------------------------------

def _options(config: MkDocsConfig) -> GijirokuOptions:
    """`extra.gijiroku`, validated: a wrong type or value stops the build with MkDocs'
    own message, an unknown key is a warning (an error under --strict)."""
    raw = config.extra.get("gijiroku") or {}
    if not isinstance(raw, dict):
        names = ", ".join(name for name, _ in GijirokuOptions._schema)
        raise ConfigurationError(f"Config value 'extra.gijiroku': expected a mapping of gijiroku's options ({names})")
    options = GijirokuOptions(config_file_path=config.config_file_path)
    options.load_dict(raw)
    errors, warnings = options.validate()
    for key, warning in warnings:
        log.warning(f"Config value 'extra.gijiroku.{key}': {warning}")
    if errors:
        raise ConfigurationError("\n".join(f"Config value 'extra.gijiroku.{key}': {error}" for key, error in errors))
    if options.preview is not None and options.preview < 1:
        raise ConfigurationError("Config value 'extra.gijiroku.preview': must be a whole number of meetings, 1 or more")
    return options


def _data_out() -> bool:
    return os.environ.get(DATA_OUT_ENV) != "0"


def _project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _titles() -> dict[str, str]:
    return {lang: catalogue_text("site_title", lang) for lang in LANGUAGES}


def _decorations(build: builds.LanguageBuild) -> data_out.Decorations:
    if build.decorations is None:
        build.decorations = data_out.Decorations(build.index, build.lang)
    return build.decorations


def _renderer(config: MkDocsConfig, build: builds.LanguageBuild) -> Renderer:
    if build.renderer is None:
        build.renderer = Renderer(build.index, build.lang, config.site_url or "")
    return build.renderer


def _drop_search(config: MkDocsConfig) -> None:
    """The root page is only a language chooser: no search index, no search box there."""
    for name in [n for n in config.plugins if n.endswith("search")]:
        plugin = config.plugins.pop(name)
        for handlers in config.plugins.events.values():
            handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not plugin]


def _language_config(root: MkDocsConfig, lang: str) -> MkDocsConfig:
    """The top-level mkdocs.yml as one language's build: its docs, folder, URL, theme
    language, navigation and language selector."""
    path = root.config_file_path
    with open(path, encoding="utf-8") as handle:
        raw = yaml_load(handle) or {}
    site_url = root.site_url or ""
    return load_config(
        config_file=path,
        docs_dir=str(Path(root.docs_dir) / lang),
        site_dir=str(Path(root.site_dir) / lang),
        site_url=posixpath.join(site_url, f"{lang}/") if site_url else "",
        strict=root.strict,
        use_directory_urls=True,
        **language_overrides(raw, lang, site_url),
    )
