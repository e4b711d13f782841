"""The site's own build (the root): the minutes loaded, the data both languages share, and what
it checks and shows when something fails."""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError

from .. import data as data_out
from .. import (
    load_archive,  # the package's own entry point: a wrapper put on it (as the fault tests do) sees every load
    preview,
    timing,
    urls,
)
from ..build import pagecache
from ..build import state as builds
from ..build.inputs import InputKeys
from ..index import index_archive
from ..loader import changed_since_read
from ..model import LANGUAGES
from ..site.chooser import render_broken_html
from ..sources import ChangedDuringBuild, remove_path
from ..textrules import printable
from .options import GijirokuConfig
from .reuse import shared_files_of

log = logging.getLogger("mkdocs.plugins.gijiroku")


CACHE_DIR = Path(".cache") / "gijiroku"
"""Where `mkdocs build` keeps what the next build may reuse, beside mkdocs.yml."""


def load(config: MkDocsConfig, root: builds.RootBuild, options: GijirokuConfig) -> None:
    """Root build: load, check and cross-index the minutes (under `mkdocs serve`, errors
    become the page every address answers with)."""
    minutes = root.minutes
    if options.cache and not root.serving:
        root.cache_dir = project_dir(config) / CACHE_DIR
        root.shared = shared_files_of(config)
    timing.reset()
    with timing.timed("load"):
        archive, diags = load_archive(minutes, reuse_parsed=root.serving)
    for diag in diags.sorted():
        (log.warning if diag.code.startswith("W") else log.error)(diag.format())
    if diags.errors:
        if root.serving:
            # Under `mkdocs serve` the reader's browser shows what to fix (every page
            # answers with it) and the next save that fixes it rebuilds the site.
            root.broken = [d.format() for d in diags.sorted()]
            return
        raise PluginError(f"{len(diags.errors)} errors in the minutes: fix them (gijiroku check lists them too)")
    limit = preview.preview_limit(options.preview) if root.serving else None
    shown = len(archive.meetings)
    if limit is not None and shown > limit:
        archive = preview.select_recent(archive, minutes, limit)
        log.info(f"preview: {limit} most recently edited of {shown} meetings (GIJIROKU_PREVIEW=all for every one)")
        root.preview = (limit, shown)
    with timing.timed("index"):
        root.index = index_archive(archive)


@contextlib.contextmanager
def failures_shown(root: builds.RootBuild, doing: str) -> Iterator[None]:
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
        if not root.serving:
            if ours:
                raise
            raise PluginError(message + " (a bug: please report it; `mkdocs build -v` shows where it happened)") from exc
        log.error(printable(message))
        root.index = None
        root.broken = [*root.broken, printable(message)]


def write_shared(config: MkDocsConfig, root: builds.RootBuild) -> None:
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
        return {
            lang: urls.in_repository(root.repository, docs_root, minutes.parent / version.path)
            for lang, version in sorted(meeting.versions.items())
        }

    cache = pagecache.PageCache(root.cache_dir / "shared") if root.cache_dir is not None else None
    if cache is not None and not cache.acquire():
        log.info(f"another build is using {CACHE_DIR}, or it cannot be written; writing every data file")
        cache = None
    try:
        out = cache.site_dir if cache is not None else site_dir
        if cache is not None:
            cache.open(pagecache.site_key({"site_url": config.site_url or "", "repository": root.repository}, root.shared))
        try:
            data_out.write_shared(
                root.index, out, config.site_url or "", minutes, inputs.meeting, cache, repository if root.repository else None
            )
        except ChangedDuringBuild as exc:
            raise PluginError(str(exc)) from None
        if cache is not None:
            if cache.damaged:
                damaged = list(cache.damaged)
                log.info(
                    f"{len(damaged)} cached data files were not as the last build wrote them "
                    f"({', '.join(damaged[:3])}{', …' if len(damaged) > 3 else ''}): written again"
                )
            cache.save()
            pagecache.link_tree(cache.site_dir, site_dir)
        root.shared_dir = out
    finally:
        if cache is not None:
            cache.release()


def check_inputs_unchanged(root: builds.RootBuild) -> None:
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
                remove_path(root.cache_dir / name / pagecache.MANIFEST)
    if changed or code:
        raise PluginError(str(ChangedDuringBuild([*changed, *code])))


def show_broken(site_dir: Path, broken: list[str]) -> None:
    """Under `mkdocs serve`, after a failed build: every address answers with what failed
    (the language folders are removed, so that no page of an earlier build answers)."""
    for lang in LANGUAGES:
        shutil.rmtree(site_dir / lang, ignore_errors=True)
    page = render_broken_html(broken)
    for name in ("index.html", "404.html"):
        (site_dir / name).write_text(page, encoding="utf-8")


def project_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent
