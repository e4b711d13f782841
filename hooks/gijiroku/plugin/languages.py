"""The languages' builds: each one's MkDocs configuration, prepared from the site's, built side by
side or one after the other, and published into its folder of the site."""

from __future__ import annotations

import contextlib
import functools
import logging
import posixpath
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.commands.build import build as build_site
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler
from mkdocs.utils.yaml import yaml_load

from .. import forkjoin, timing
from ..build import pagecache
from ..build import state as builds
from ..catalogue import catalogue_text
from ..model import LANGUAGES
from ..site.langconfig import language_overrides
from .rootbuild import CACHE_DIR

if TYPE_CHECKING:
    from . import GijirokuPlugin

log = logging.getLogger("mkdocs.plugins.gijiroku")


def build_languages(config: MkDocsConfig, root: builds.RootBuild) -> None:
    """Every language's build, side by side or one after the other, each published into
    its folder of the site."""
    languages: list[tuple[str, MkDocsConfig]] = []
    try:
        for lang in LANGUAGES:
            languages.append(prepare_language(config, lang, root))
        if can_build_in_parallel(root):
            build_in_parallel(languages, root.timings)
        else:
            for lang, lang_config in languages:
                with timing.timed(f"build_{lang}"):
                    build_language(lang_config)
        for lang, lang_config in languages:
            cache = cache_of(lang_config)
            if cache is not None:  # the language's site was built in the cache: publish it
                with timing.timed("cache"):
                    pagecache.link_tree(cache.site_dir, Path(config.site_dir) / lang)
    finally:
        for _, lang_config in languages:
            if (cache := cache_of(lang_config)) is not None:
                cache.release()
            plugin_of(lang_config).detach(lang_config)


def prepare_language(config: MkDocsConfig, lang: str, root: builds.RootBuild) -> tuple[str, MkDocsConfig]:
    assert root.index is not None
    lang_config = language_config(config, lang)
    notice = ""
    if root.preview is not None:
        shown, total = root.preview
        notice = catalogue_text("preview_notice", lang, shown=shown, total=total)
        lang_config.extra["gijiroku_preview"] = notice  # the theme's banner reads it
    build = builds.LanguageBuild(
        lang,
        root.index,
        root.minutes,
        notice,
        shared=root.shared,
        shared_dir=root.shared_dir,
        repository=root.repository,
        data_out=root.data_out,
    )
    ours = plugin_of(lang_config)
    plugins = [name for name, plugin in lang_config.plugins.items() if name not in lang_config.hooks and plugin is not ours]
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
    if not root.serving:  # a large archive's pages are held on disk, not in memory
        for held in (build.markdown, build.html):
            held.spill_to(Path(lang_config.site_dir).parent)
    if lang_config.repo_url and lang_config.edit_uri:
        # Hand-written pages are under docs/LANG/; meeting pages show their minutes file.
        lang_config.edit_uri = lang_config.edit_uri.rstrip("/") + f"/{lang}/"
        features = lang_config.theme.setdefault("features", [])
        if not any(str(f).startswith("content.action.") for f in features):
            features.append("content.action.view")
    ours.attach(lang_config, build)
    lang_config.plugins.on_startup(command="build", dirty=False)
    return lang, lang_config


def cache_of(lang_config: MkDocsConfig) -> pagecache.PageCache | None:
    build = plugin_of(lang_config).language_of(lang_config)
    return build.cache if build is not None else None


def build_language(lang_config: MkDocsConfig) -> None:
    """One language's MkDocs build. With a cache that a previous build left, MkDocs'
    own "dirty" build keeps the pages this build marks as unchanged (on_nav); the
    cache is saved only if the build ends without a warning or an error."""
    cache = cache_of(lang_config)
    counter = CountHandler(level=logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    dirty = cache is not None and cache.warm
    try:
        with quiet_dirty_warning(dirty):
            build_site(lang_config, dirty=dirty)
    finally:
        mkdocs_log.removeHandler(counter)
    if cache is not None and not counter.get_counts():
        # Under -q MkDocs drops warnings before any handler sees them, and under -v it
        # does not record pages' anchored links: pages built then are not vouched for,
        # only those kept from a build that was watched.
        level = mkdocs_log.getEffectiveLevel()
        cache.save(trust_new=logging.DEBUG < level <= logging.WARNING)


class DirtyWarningFilter(logging.Filter):
    """MkDocs warns that a dirty build may leave navigation and links inaccurate; ours
    rebuilds every page whose inputs changed and checks kept pages' links, so the
    warning does not apply (and would fail a strict build)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


@contextlib.contextmanager
def quiet_dirty_warning(dirty: bool) -> Iterator[None]:
    target = logging.getLogger("mkdocs.commands.build")
    quiet = DirtyWarningFilter()
    if dirty:
        target.addFilter(quiet)
    try:
        yield
    finally:
        target.removeFilter(quiet)


def can_build_in_parallel(root: builds.RootBuild) -> bool:
    """Language builds are independent: on `mkdocs build` with more than one core, they
    run side by side (gijiroku/forkjoin.py). Not under `mkdocs serve`, whose server
    threads must not be forked, nor with the option `serial` (or GIJIROKU_SERIAL=1)."""
    return not root.serving and forkjoin.can_fork() and not root.serial


def build_in_parallel(languages: list[tuple[str, MkDocsConfig]], timings: str | None) -> None:
    """Every language but the last in a forked child that inherits the loaded archive;
    the last in this process."""
    jobs: list[forkjoin.Job] = [(lang, functools.partial(build_language, lang_config)) for lang, lang_config in languages]
    failed = forkjoin.run_side_by_side(jobs, timings)
    if failed:
        raise PluginError(f"the {', '.join(failed)} build failed (see the messages above)")


def language_config(root: MkDocsConfig, lang: str) -> MkDocsConfig:
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


def plugin_of(config: MkDocsConfig) -> GijirokuPlugin:
    """The gijiroku plugin of a language build's configuration (the hook's or the installed
    plugin's, whichever mkdocs.yml names)."""
    from . import GijirokuPlugin  # the package's own module, which imports this one

    for handler in config.plugins.events["config"]:
        plugin = getattr(handler, "__self__", None)
        if isinstance(plugin, GijirokuPlugin):
            return plugin
    raise PluginError(
        "the language build's configuration has no gijiroku plugin: name it in mkdocs.yml "
        "(`plugins: [gijiroku]`, or the hook hooks/mkdocs_hooks.py)"
    )
