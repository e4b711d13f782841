"""The site root: a language chooser that works without JavaScript."""

from __future__ import annotations

import json
from html import escape

from ..model import LANGUAGES

_LABELS = {"ja": ("日本語", "日本語で読む"), "en": ("English", "Read in English")}


def render_root_page(titles: dict[str, str]) -> str:
    """The root page's Markdown: the site's name and a link to each language's home."""
    heading = " / ".join(escape(titles[lang]) for lang in LANGUAGES)
    links = "\n".join(
        f'<li><a class="md-button md-button--primary" href="{lang}/" hreflang="{lang}" lang="{lang}">'
        f"{escape(_LABELS[lang][1])}</a></li>"
        for lang in LANGUAGES
    )
    return (
        "---\ntitle: " + json.dumps(" / ".join(titles[lang] for lang in LANGUAGES), ensure_ascii=False) + "\n"
        "hide:\n  - navigation\n  - toc\n---\n\n"
        f"# {heading}\n\n"
        '<ul class="gj-language-choice">\n' + links + "\n</ul>\n"
    )
