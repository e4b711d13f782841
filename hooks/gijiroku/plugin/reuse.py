"""What a language build keeps from the last (`build/pagecache.py` holds it): the pages whose
inputs are unchanged, their keys, and the key of what every page shares."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import material
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils.meta import get_data

from .. import timing
from ..build import pagecache
from ..build import state as builds
from ..build.inputs import InputKeys
from ..site.completeness import anchors_missing
from .pages import feed_tag, render_units

log = logging.getLogger("mkdocs.plugins.gijiroku")


def mark_reusable(
    build: builds.LanguageBuild,
    cache: pagecache.PageCache,
    inputs: InputKeys,
    nav: Navigation,
    config: MkDocsConfig,
    files: Files,
) -> set[str]:
    """The generated pages this build keeps from the last: MkDocs neither converts nor
    writes them. A page not rendered yet is kept if its inputs (`build/inputs.py`) are
    the last build's; otherwise it is rendered and kept if its Markdown is the last
    build's (a speaker's page lists every meeting they attended, but an edit of one
    remark changes the page of its speaker only)."""
    with timing.timed("cache"):
        cache.open(site_key_of(config, nav, build))
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
                key = pagecache.page_key(
                    src, "inputs", inputs.of(unit.kind, unit.subject), build.additions.get(src, ""), feed_tag(build, src)
                )
            else:
                key = content_key(build, src, file)
            entry = cache.reuse(src, file.dest_uri, key, exists, accept=complete_check(build, src))
            build.keys[src] = key
            if entry is not None:
                keep_page(build, file, entry, kept)
            elif unit is not None and cache.had(src):
                retry.append(file)
    render_units(build, [file.src_uri for file in retry])
    with timing.timed("cache"):
        for file in retry:
            src = file.src_uri
            entry = cache.reuse(
                src, file.dest_uri, build.keys[src], exists, content_key(build, src, file), complete_check(build, src)
            )
            if entry is not None:
                keep_page(build, file, entry, kept)
        cache.keep_only(entry.dest for entry in build.reused.values())
        timing.count("pages_reused", len(kept))
    if cache.damaged:
        damaged = list(cache.damaged)
        log.info(
            f"{build.lang}: {len(damaged)} cached files were not as the last build wrote them "
            f"({', '.join(damaged[:3])}{', …' if len(damaged) > 3 else ''}): built again"
        )
    return kept


def complete_check(build: builds.LanguageBuild, src: str) -> Callable[[bytes], bool] | None:
    """For a meeting page, the completeness guard on its cached file (its HTML must
    carry every anchor the minutes give it), which also records what it found."""
    expected = build.expected.get(src)
    if expected is None:
        return None

    def complete(html: bytes) -> bool:
        build.published[src] = anchors_missing(html, expected)
        return not build.published[src]

    return complete


def content_key(build: builds.LanguageBuild, src: str, file: File) -> str:
    """The key of a generated page's Markdown (rendered and held, or given to MkDocs)."""
    markdown = build.markdown.packed(src) if src in build.markdown else file.content_string
    return pagecache.page_key(src, "markdown", markdown, feed_tag(build, src))


def keep_page(build: builds.LanguageBuild, file: File, entry: pagecache.Entry, kept: set[str]) -> None:
    file.is_modified = unmodified  # type: ignore[method-assign]  # MkDocs then neither converts nor writes it
    build.reused[file.src_uri] = entry
    build.keys.pop(file.src_uri, None)
    build.markdown.pop(file.src_uri, None)
    kept.add(file.src_uri)


def unmodified() -> bool:
    return False


def site_key_of(config: MkDocsConfig, nav: Navigation, build: builds.LanguageBuild) -> str:
    """What every page of a language build shares: settings, navigation, theme, code."""
    # Every setting but those that cannot change a page (where files are, the server,
    # deployment, strictness) and those keyed below in their own way: a setting added
    # one day is in the key unless it is known not to matter.
    settings = {name: config.get(name) for name in config if name not in NOT_IN_PAGES}
    settings["switches"] = {"data_out": build.data_out}  # an option that changes pages, however it was set
    settings["theme"] = {"name": config.theme.name, **dict(config.theme)}
    settings["validation"] = {str(k): str(v) for k, v in dict(config.validation).items()}
    settings["plugins"] = list(config.plugins)
    settings["navigation"] = nav_outline(nav.items)
    # Every page shows the navigation's pages with their front matter (icons, subtitles,
    # status): that front matter is part of every page's inputs (their text is not).
    settings["navigation_meta"] = {page.file.src_uri: front_matter(build, page.file) for page in nav.pages}
    return pagecache.site_key(settings, build.shared)


def shared_files_of(config: MkDocsConfig) -> dict[str, tuple[str, str]]:
    """The theme's and the code's files, read at the start of the build (`pagecache.shared_files`)."""
    package = Path(__file__).parent
    hooks: Any = config.hooks  # MkDocs types it as a list; it is a mapping of name -> module
    modules = hooks.values() if isinstance(hooks, dict) else hooks
    hook_files = [Path(module.__file__) for module in modules if getattr(module, "__file__", None)]
    # Templates and catalogues too: pages kept by their inputs were not rendered again.
    code = [*hook_files, *sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)]
    # Theme folders inside MkDocs or Material change only with their versions, which the key has.
    versioned = [Path(module.__file__).parent for module in (mkdocs, material) if module.__file__]
    themes = [Path(d) for d in config.theme.dirs if not any(Path(d).is_relative_to(v) for v in versioned)]
    return pagecache.shared_files(themes, code)


NOT_IN_PAGES = frozenset(
    {
        "config_file_path",
        "docs_dir",
        "site_dir",
        "dev_addr",
        "watch",
        "strict",
        "remote_branch",
        "remote_name",
        "theme",
        "validation",
        "plugins",
        "hooks",
    }
)
"""Settings of MkDocs that no page's bytes depend on, or that `site_key_of` keys its own way."""


def front_matter(build: builds.LanguageBuild, file: File) -> dict[str, Any]:
    source = build.markdown[file.src_uri] if file.src_uri in build.markdown else file.content_string
    return get_data(source)[1]


def nav_outline(items: list[Any]) -> list[object]:
    return [[item.title, getattr(item, "url", None), nav_outline(getattr(item, "children", None) or [])] for item in items]
