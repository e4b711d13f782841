"""The site root: a language chooser that works without JavaScript."""

from __future__ import annotations

import json
from html import escape

from ..model import LANGUAGES
from .render import catalogue_text


def render_root_page(titles: dict[str, str]) -> str:
    """The root page's Markdown: the site's name, what it is in every language, and a
    link to each language's home (each labelled in its own language)."""
    heading = " / ".join(escape(titles[lang]) for lang in LANGUAGES)
    links = "\n".join(
        f'<li><a class="md-button md-button--primary" href="{lang}/" hreflang="{lang}" lang="{lang}">'
        f"{escape(catalogue_text('read_in_language', lang))}</a></li>"
        for lang in LANGUAGES
    )
    description = " / ".join(catalogue_text("site_description", lang) for lang in LANGUAGES)
    return (
        # No title: Material then names the page after the site alone.
        "---\ndescription: " + json.dumps(description, ensure_ascii=False) + "\n"
        "hide:\n  - navigation\n  - toc\n---\n\n"
        f"# {heading}\n\n"
        '<ul class="gj-language-choice">\n' + links + "\n</ul>\n"
    )
