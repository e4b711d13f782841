"""What each language's build sets on top of mkdocs.yml: name, navigation, selector.

Shared by the MkDocs hook and by the build benchmark's plain-MkDocs floor, so that the
floor builds exactly the configuration the site does.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from .. import urls
from ..catalogue import catalogue_text
from ..model import LANGUAGES
from ..sources import special_file

NAV = (
    ("home", urls.HOME),
    ("meetings", urls.MEETINGS),
    ("speakers", urls.SPEAKERS),
    ("topics", urls.TOPICS),
    ("search", urls.SEARCH),
    ("data", "data.md"),
    ("about", "about.md"),
)
"""The navigation: sections only, never a list of meetings (it is rendered into every page)."""


def language_settings(lang: str) -> dict[str, Any]:
    """Top-level MkDocs settings for one language (`extra` holds only what is added)."""
    return {
        "site_name": catalogue_text("site_title", lang),
        "site_description": catalogue_text("site_description", lang),
        "nav": [{catalogue_text(key, lang): src} for key, src in NAV],
        "extra": {
            "alternate": [
                {
                    "name": catalogue_text("language_name", other),
                    "link": f"../{other}/",
                    "lang": other,
                    "og_locale": catalogue_text("og_locale", other),
                }
                for other in LANGUAGES
            ],
            "gijiroku_ui": {
                key: catalogue_text(key, lang)
                for key in ("search", "search_placeholder", "breadcrumbs", "og_locale", "made_with")
            },
        },
    }


PALETTE_NAMES = ("palette_auto", "palette_light", "palette_dark")
"""The catalogue's names of mkdocs.yml's palette toggles, in their order there."""


def localise_theme(theme: dict[str, Any], lang: str) -> dict[str, Any]:
    """The theme settings with the palette toggles named in `lang` (mkdocs.yml names them
    once; Material shows the name as the button's label and tooltip)."""
    palette = theme.get("palette")
    if isinstance(palette, list):
        for option, key in zip(palette, PALETTE_NAMES):
            if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
                option["toggle"]["name"] = catalogue_text(key, lang)
    return theme


def localise_markdown_extensions(extensions: list[Any], lang: str) -> list[Any]:
    """mkdocs.yml's Markdown extensions with the heading permalinks' title in `lang`."""
    out = []
    for ext in extensions:
        if ext == "toc" or (isinstance(ext, dict) and "toc" in ext):
            options = dict((ext.get("toc") if isinstance(ext, dict) else None) or {})
            options["permalink_title"] = catalogue_text("permalink", lang)
            ext = {"toc": options}
        out.append(ext)
    return out


def language_overrides(raw: dict[str, Any], lang: str, site_url: str) -> dict[str, Any]:
    """What one language's build sets over the top-level mkdocs.yml (`raw`): its theme
    language and localised toggles, navigation, selector, Markdown extensions, `extra`."""
    theme = copy.deepcopy(raw.get("theme") or {})
    if isinstance(theme, str):
        theme = {"name": theme}
    theme["language"] = lang
    settings = language_settings(lang)
    extra = copy.deepcopy(raw.get("extra") or {})
    extra.update(settings.pop("extra"))
    extra["gijiroku_root_url"] = site_url
    settings["markdown_extensions"] = localise_markdown_extensions(copy.deepcopy(raw.get("markdown_extensions") or []), lang)
    return {**settings, "theme": localise_theme(theme, lang), "extra": extra}


def missing_hand_written(docs: Path, lang: str) -> list[tuple[str, str, str]]:
    """Hand-written pages (under `docs/LANG/`) another language has and `lang` lacks:
    (source path, title, their language)."""
    here = {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
    missing = []
    for other in LANGUAGES:
        if other == lang or not (docs / other).is_dir():
            continue
        for path in sorted((docs / other).rglob("*.md")):
            src = path.relative_to(docs / other).as_posix()
            if src not in here:
                missing.append((src, _first_heading(path) or src, other))
                here.add(src)
    return missing


def _first_heading(path: Path) -> str:
    if special_file(path):  # a FIFO would never end: the build reports it (and not here)
        return ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""
