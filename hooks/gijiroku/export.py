"""The site as plain MkDocs projects, one per language, that stock MkDocs builds without
our hooks (`gijiroku render DIR`).

Material for MkDocs reaches its end of life in 2027 and its successor runs no MkDocs
hooks; keeping the generated pages engine-independent means being able to write them
out as ordinary Markdown with a configuration any MkDocs-compatible engine reads:

    DIR/theme/                 our theme overrides (styles, scripts, partials)
    DIR/ja/mkdocs.yml          the Japanese site: `mkdocs build -f DIR/ja/mkdocs.yml`
    DIR/ja/docs/               hand-written and generated pages, the search index,
                               redirects for moved addresses
    DIR/en/…                   the same in English

What the hooks add at build time is not there: the language chooser at the root, the
checks of each page's anchors, the 404 pages and the data files (API, feeds, charts).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from . import THEME_DIR, urls
from .index import index_archive
from .loader import load_archive
from .model import LANGUAGES
from .search.build import build_search_index
from .site.langconfig import language_overrides, missing_hand_written
from .site.linebreaks import join_japanese_lines
from .site.placeholders import fill_placeholders
from .site.redirects import ledger_output
from .site.render import Renderer


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data, with `!ENV [NAME, default]` read as its default (the exported
    configuration must not depend on the environment it was written in)."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode) and node.value:
        return loader.construct_object(node.value[-1])
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


def export_site(project: Path, out: Path) -> list[Path]:
    """Write `project`'s site (its mkdocs.yml, docs/ and minutes/) under `out`; the paths
    of the MkDocs configurations written, one per language. Raises ValueError when the
    minutes have errors (`gijiroku check` lists them)."""
    raw: dict[str, Any] = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    minutes = project / str((raw.get("extra") or {}).get("gijiroku", {}).get("minutes", "minutes"))
    archive, diags = load_archive(minutes)
    if diags.errors:
        raise ValueError(f"{len(diags.errors)} errors in {minutes}: run gijiroku check")
    index = index_archive(archive)
    if (out / "theme").exists():
        shutil.rmtree(out / "theme")
    shutil.copytree(THEME_DIR, out / "theme", ignore=shutil.ignore_patterns("__pycache__"))
    configs = []
    for lang in LANGUAGES:
        docs = out / lang / "docs"
        if docs.exists():
            shutil.rmtree(docs)
        renderer = Renderer(index, lang)
        pages = renderer.pages()
        _write_hand_written(project / "docs", lang, renderer, docs)
        for src, title, other in missing_hand_written(project / "docs", lang):
            pages.setdefault(src, renderer.render_untranslated_page(src, title, other))
        if archive.ledger is not None:
            moves = ledger_output(archive.ledger, {urls.url_of(src): src for src in pages}, renderer.words.t)
            for src, addition in moves.additions.items():
                pages[src] += addition
            for src, (reason, _) in moves.pages.items():
                pages.setdefault(src, renderer.render_withdrawn(src, reason))
            _write_files(docs, moves.static)
        _write_files(docs, pages)
        _write_files(docs / "search-index", build_search_index(index, lang))
        configs.append(_write_config(raw, lang, out))
    return configs


def _write_hand_written(docs_root: Path, lang: str, renderer: Renderer, docs: Path) -> None:
    for path in sorted((docs_root / lang).rglob("*")):
        if not path.is_file():
            continue
        src = path.relative_to(docs_root / lang).as_posix()
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            markdown = fill_placeholders(path.read_text(encoding="utf-8"), src, renderer)
            target.write_text(join_japanese_lines(markdown), encoding="utf-8")
        else:
            shutil.copy(path, target)


def _write_files(folder: Path, files: Mapping[str, str]) -> None:
    for relative, content in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def _write_config(raw: dict[str, Any], lang: str, out: Path) -> Path:
    settings = language_overrides(raw, lang, "")
    settings["extra"].pop("gijiroku", None)  # our hook's options: no hook reads them here
    settings["theme"]["custom_dir"] = "../theme"
    config = {
        "docs_dir": "docs",
        "use_directory_urls": True,
        "plugins": raw.get("plugins") or [],
        "validation": raw.get("validation") or {},
        **settings,
    }
    path = out / lang / "mkdocs.yml"
    path.write_text(json.dumps(config, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
