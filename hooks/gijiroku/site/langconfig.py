"""What each language's build sets on top of mkdocs.yml: name, navigation, selector.

Shared by the MkDocs hook and by the build benchmark's plain-MkDocs floor, so that the
floor builds exactly the configuration the site does.
"""

from __future__ import annotations

from ..model import LANGUAGES
from . import urls
from .render import Renderer

NAV = (
    ("home", urls.HOME), ("meetings", urls.MEETINGS), ("speakers", urls.SPEAKERS),
    ("topics", urls.TOPICS), ("search", urls.SEARCH), ("format", "format.md"),
    ("data", "data.md"),
)
"""The navigation: sections only, never a list of meetings (it is rendered into every page)."""


def language_settings(lang: str) -> dict[str, object]:
    """Top-level MkDocs settings for one language (`extra` holds only what is added)."""
    strings = Renderer.catalogue_strings
    return {
        "site_name": strings("site_title")[lang],
        "site_description": strings("site_description")[lang],
        "nav": [{strings(key)[lang]: src} for key, src in NAV],
        "extra": {
            "alternate": [
                {"name": strings("language_name")[other], "link": f"../{other}/", "lang": other}
                for other in LANGUAGES
            ],
            "gijiroku_ui": {key: strings(key)[lang] for key in ("search", "search_placeholder")},
        },
    }
