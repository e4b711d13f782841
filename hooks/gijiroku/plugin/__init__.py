"""The MkDocs plugin: the only part of gijiroku that knows MkDocs.

`mkdocs build` / `mkdocs serve` on a project's mkdocs.yml run the *root* build, which
loads and checks the minutes once, writes the data both languages share and the
language chooser at the site root, and then builds each language as its own MkDocs
build (`/ja/`, `/en/`): its own Material interface language, `<html lang>` and
remark-search index. The language builds load the same mkdocs.yml and get the loaded
archive from the root build, so the archive is parsed once per build however many
languages there are. On `mkdocs build` the languages are built side by side, the last
in the root build's own process and the others in forked ones; on `mkdocs serve`, one
after the other and only for the most recently edited meetings (see preview.py).

The plugin's class is here, with its events; what they do is in the modules beside it,
read in the order of a build: `options` (the typed config, the environment's overrides),
`rootbuild` (the minutes loaded, the shared data, failures shown), `languages` (each
language's configuration and build), `reuse` (what a build keeps from the last) and
`pages` (generated pages rendered and held, redirects, the search index). Only this
package imports MkDocs; the build machinery it drives is in `build/`.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import THEME_DIR, timing, urls
from .. import data as data_out
from ..build import pagecache
from ..build import state as builds
from ..build.inputs import InputKeys
from ..gccontrol import give_back
from ..model import LANGUAGES
from ..progress import Progress
from ..site.chooser import render_broken_html, render_broken_page, render_root_page
from ..site.completeness import anchors_missing, expected_anchors, lost_in_build
from ..site.frame import squeeze_white_space
from ..site.jinjacache import BYTECODE_CACHE
from ..site.langconfig import missing_hand_written
from ..site.linebreaks import join_japanese_lines
from ..site.placeholders import fill_placeholders
from ..sources import digest_of
from .languages import build_languages
from .options import GijirokuConfig, options_from_extra, require_markdown_extensions, with_environment
from .pages import (
    add_ledger_output,
    drop_search,
    drop_unused_assets,
    feed_tag,
    hold,
    refuse_special_files,
    render_units,
    renderer_of,
    titles,
    write_not_found,
    write_search_index,
)
from .reuse import content_key, mark_reusable
from .rootbuild import check_inputs_unchanged, failures_shown, load, project_dir, show_broken, write_shared

log = logging.getLogger("mkdocs.plugins.gijiroku")


GIVE_BACK_EVERY = 2000
"""Pages written between two returns of freed memory to the system (gccontrol.give_back)."""


class GijirokuPlugin(BasePlugin[GijirokuConfig]):
    """gijiroku as a MkDocs plugin: `plugins: [gijiroku]` in any MkDocs project with a
    `minutes/` folder, or the repository's hook (hooks/mkdocs_hooks.py), which makes
    one of these per configuration and hands it every event.

    One instance per MkDocs configuration: the root build's holds the loaded archive
    (`root`), and each language build's, made by the root when it prepares the
    language's configuration, holds what that build carries and records (`language`)."""

    def __init__(self, *, options_from_extra: bool = False) -> None:
        super().__init__()
        self.options_from_extra = options_from_extra
        """The repository's hook reads the options from `extra.gijiroku`."""
        self.serving = False
        """Whether this process is `mkdocs serve` (set on startup; the instance lives as
        long as the server, through every rebuild)."""
        self._builds: dict[int, tuple[MkDocsConfig, builds.RootBuild | builds.LanguageBuild]] = {}
        """id(config) -> (config, the state of the build it configures): the config is
        held so that its id is not reused while the build runs."""

    def attach(self, config: MkDocsConfig, state: builds.RootBuild | builds.LanguageBuild) -> None:
        """Give the build `config` configures its state (the site's, or a language's)."""
        self._builds[id(config)] = (config, state)

    def detach(self, config: MkDocsConfig) -> None:
        """Forget a build's state when it is over."""
        self._builds.pop(id(config), None)

    def root_of(self, config: MkDocsConfig) -> builds.RootBuild | None:
        state = self._builds.get(id(config), (None, None))[1]
        return state if isinstance(state, builds.RootBuild) else None

    def language_of(self, config: MkDocsConfig) -> builds.LanguageBuild | None:
        state = self._builds.get(id(config), (None, None))[1]
        return state if isinstance(state, builds.LanguageBuild) else None

    def on_startup(self, command: str, dirty: bool) -> None:
        """Remember that this is `mkdocs serve`, for the preview scope. (Language builds
        announce themselves as "build": they must not switch it off.)"""
        if command == "serve":
            self.serving = True

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Every build: gijiroku's theme overrides, from wherever the package is installed,
        and the Markdown extensions its pages are written for. Root build: load and check
        the minutes (every build, so `serve` sees edits)."""
        if str(THEME_DIR) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(THEME_DIR))
        require_markdown_extensions(config)
        if self.language_of(config) is not None:
            return config
        if self.options_from_extra:
            self.config = options_from_extra(config)
        options = with_environment(self.config)
        root = builds.RootBuild(
            project_dir(config) / options.minutes,
            data_out=options.data_out,
            serial=options.serial,
            timings=options.timings,
            serving=self.serving,
        )
        self.attach(config, root)
        drop_search(config)
        config.site_name = " / ".join(titles().values())
        config.theme["features"] = [f for f in config.theme.get("features", []) if f != "navigation.tabs"]
        with failures_shown(root, "load the minutes"):
            load(config, root, options)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Root build: only the theme's assets. Language build: the hand-written pages plus
        every generated page, and a stand-in for hand-written pages only another language has."""
        refuse_special_files(files)
        drop_unused_assets(files, config)
        build = self.language_of(config)
        if build is None:
            kept = Files([f for f in files if not f.is_documentation_page()])
            root = self.root_of(config)
            broken = root.broken if root else []
            page = render_broken_page(broken) if broken else render_root_page(titles())
            kept.append(File.generated(config, "index.md", content=page))
            return kept
        renderer = renderer_of(config, build)
        with timing.timed("render"):
            # The pages listing the whole archive now (they are in the navigation, whose
            # pages' front matter every page shows); every other page is a unit rendered in
            # on_nav, and only if the last build's page cannot be kept.
            index_pages = renderer.index_pages()
            build.units = {src: unit for unit in renderer.units() for src in unit.srcs}
        ledger = build.index.archive.ledger
        withdrawn: dict[str, str] = {}
        if ledger is not None:
            add_ledger_output(config, files, renderer, [*index_pages, *build.units], build, withdrawn, ledger)
        # A meeting's previous and next meetings change when one is added beside it: as an
        # addition they are part of the page's key in the cache, not only of its text.
        for src, links in renderer.meeting_neighbours().items():
            build.additions[src] = build.additions.get(src, "") + links
        hold(build, index_pages)
        build.markdown.update(withdrawn)
        for src in [*index_pages, *build.units, *withdrawn]:  # the Markdown is given in on_page_read_source
            files.append(File.generated(config, src, content=""))
        build.expected = expected_anchors(build.index.archive)
        for src, title, other in missing_hand_written(Path(config.docs_dir).parent, build.lang):
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content=renderer.render_untranslated_page(src, title, other)))
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """Language build: with a cache, mark the generated pages whose HTML the last build
        made from the same inputs, so that MkDocs keeps them instead of building them, and
        clear everything else out of the cached site. Then write the remark-search index
        (here, before the pages are rendered, the build holds the least it ever will), and
        render the pages that are not kept."""
        build = self.language_of(config)
        if build is None:
            return nav
        # Pages in the navigation are always built (every page shows their front matter).
        render_units(build, [page.file.src_uri for page in nav.pages if page.file.src_uri in build.units])
        inputs = InputKeys(build.index)
        kept = mark_reusable(build, build.cache, inputs, nav, config, files) if build.cache is not None else set()
        with timing.timed("search_index"):  # before the other pages are rendered and held
            write_search_index(config, build, inputs)
        give_back()
        rendering = [src for src in build.units if src not in kept]
        progress = Progress(f"{build.lang}: rendered {{}} pages", len(rendering))
        render_units(build, rendering, progress)
        progress.done(f"{len(kept):,} kept from the last build" if build.cache is not None else "")
        build.units.clear()
        give_back()
        for src in build.keys:  # what the next build compares a changed page's Markdown with
            build.contents[src] = content_key(build, src, files.src_uris[src])
        return nav

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """Language build: a generated page's Markdown, held compressed since on_files."""
        build = self.language_of(config)
        if build is not None and page.file.src_uri in build.markdown:
            return build.markdown.take(page.file.src_uri)
        return None

    @event_priority(-100)  # after every plugin: they see the page's HTML before it is held
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Language build: note which of a meeting page's anchors made it into its HTML, and
        hold the HTML compressed until the page is written.

        MkDocs converts every page before it writes any, so a build held every page's HTML
        and Markdown at once: most of its memory on a large archive. The page's Markdown is
        dropped here (nothing reads it after conversion) and its HTML comes back in
        on_page_context, just before the theme renders the page."""
        build = self.language_of(config)
        if build is None:
            return html
        src = page.file.src_uri
        if src in build.expected:
            build.published[src] = anchors_missing(html, build.expected[src])
        build.html[src] = html
        page.markdown = ""  # not None: MkDocs reads None as "not read yet" (no title)
        return ""

    @event_priority(100)  # before every plugin: they see the page's HTML again
    def on_page_context(self, context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        """Language build: the page's HTML, held since its conversion (on_page_content)."""
        build = self.language_of(config)
        if build is not None and page.file.src_uri in build.html:
            page.content = build.html.take(page.file.src_uri)
        if build is not None and build.repository:
            if build.meeting_sources is None:
                build.meeting_sources = urls.meeting_sources(build.index.archive, build.lang)
            source = build.meeting_sources.get(page.file.src_uri)
            if source is not None:  # a meeting page: Material's view-source action shows its minutes file
                page.edit_url = urls.in_repository(build.repository, Path(config.docs_dir).parent, build.minutes.parent / source)
        return context

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Every build: the theme's templates are compiled once per process, not once per build.
        Language build: pages kept from the last build get back their anchors and anchored
        links, so that MkDocs checks links into and out of them as if they were built (the
        completeness guard read their files when it kept them: `complete_check`)."""
        env.bytecode_cache = BYTECODE_CACHE
        build = self.language_of(config)
        if build is not None:
            give_back()  # every page is converted: what converting them freed goes back
            for src, entry in build.reused.items():
                page = files.src_uris[src].page
                assert page is not None
                page.present_anchor_ids = entry.anchor_ids()
                page.links_to_anchors = {files.src_uris[target]: links for target, links in entry.anchored_links().items()}
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages may ask for generated lists, e.g. `<!-- gijiroku:latest-meetings -->`."""
        build = self.language_of(config)
        if build is None or page.file.generated_by:
            return markdown
        if build.data_out:
            markdown = data_out.decorate_home(markdown, page.file.src_uri, build.lang, build.index)
        try:
            return join_japanese_lines(fill_placeholders(markdown, page.file.src_uri, renderer_of(config, build)))
        except ValueError as exc:
            raise PluginError(f"docs/{build.lang}/{exc}") from exc

    @event_priority(-100)  # after every plugin: the cache records the digest of the page as written
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """Pages with a feed name it in their `<head>`, for browsers and feed readers; the
        frame's indentation goes (`site/frame.py`)."""
        build = self.language_of(config)
        if build is None:
            return output
        src = page.file.src_uri
        tag = feed_tag(build, src)
        if tag:
            output = output.replace("</head>", tag + "</head>", 1)
        output = squeeze_white_space(output)
        if build.cache is not None and src in build.keys:
            written = output.encode("utf-8", errors="xmlcharrefreplace")  # as MkDocs writes it
            build.cache.record(
                src,
                pagecache.Entry.of_page(
                    build.keys[src],
                    page.file.dest_uri,
                    page.present_anchor_ids or (),
                    {target.src_uri: links for target, links in (page.links_to_anchors or {}).items()},
                    build.contents[src],
                    digest_of(written),
                ),
            )
        page.content = None  # written: nothing reads it again (MkDocs checks anchors after writing every page)
        build.written += 1
        if build.written % GIVE_BACK_EVERY == 0:
            give_back()
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        """Root build: build every language into its folder of the site."""
        build = self.language_of(config)
        if build is not None:
            lost = lost_in_build(build.expected, build.published)
            if lost:
                raise PluginError(f"the {build.lang} site would publish less than the minutes hold:\n  " + "\n  ".join(lost))
            # Material's 404 page links theme assets from "/" and speaks one language: ours is
            # self-contained, in this language (and at the root, in every language).
            write_not_found(Path(config.site_dir), [build.lang], config.extra.get("gijiroku_root_url", ""))
            if build.data_out:
                data_out.write_data_out(build.index, build.lang, Path(config.site_dir), config.site_url or "", build.shared_dir)
            return
        root = self.root_of(config)
        self.detach(config)
        if root is None or root.index is None:
            # The minutes are broken (under `mkdocs serve`): every address answers with the
            # diagnostics page until they are fixed.
            broken = root.broken if root is not None else []
            (Path(config.site_dir) / "404.html").write_text(render_broken_html(broken), encoding="utf-8")
            return
        with failures_shown(root, "build the site"):
            if root.data_out:
                write_shared(config, root)
            build_languages(config, root)
        if root.broken:  # under `mkdocs serve`: a language build failed
            show_broken(Path(config.site_dir), root.broken)
            return
        if not root.serving:
            check_inputs_unchanged(root)
        write_not_found(Path(config.site_dir), list(LANGUAGES), config.site_url or "")
        if root.timings:
            Path(root.timings).write_text(json.dumps(timing.snapshot()), encoding="utf-8")
