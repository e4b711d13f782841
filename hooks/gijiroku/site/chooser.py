"""The site root: a language chooser that works without JavaScript."""

from __future__ import annotations

import re

from ..catalogue import catalogue_text
from ..escape import front_matter_value, html
from ..model import LANGUAGES
from .notfound import PAGE_STYLE


def render_root_page(titles: dict[str, str]) -> str:
    """The root page's Markdown: the site's name, what it is in every language, and a
    link to each language's home (each labelled in its own language)."""
    heading = " / ".join(html(titles[lang]) for lang in LANGUAGES)
    links = "\n".join(
        f'<li><a class="md-button md-button--primary" href="{lang}/" hreflang="{lang}" lang="{lang}">'
        f"{html(catalogue_text('read_in_language', lang))}</a></li>"
        for lang in LANGUAGES
    )
    description = " / ".join(catalogue_text("site_description", lang) for lang in LANGUAGES)
    return (
        # No title: Material then names the page after the site alone.
        "---\ndescription: " + front_matter_value(description) + "\n"
        "hide:\n  - navigation\n  - toc\n---\n\n"
        f"# {heading}\n\n"
        '<ul class="gj-language-choice">\n' + links + "\n</ul>\n"
    )


def _errors(diagnostics: list[str]) -> int:
    """How many of the lines are errors: all but the warnings (a build that failed
    otherwise than on the minutes is one error, in words rather than a diagnostic)."""
    return sum(1 for d in diagnostics if not re.search(r":[0-9]+:[0-9]+: W[0-9]{3} ", d.split("\n", 1)[0]))


def render_broken_page(diagnostics: list[str]) -> str:
    """What `mkdocs serve` shows at every address while the minutes have errors: each
    diagnostic, as `gijiroku check` prints it, in both languages' words."""
    items = "\n".join(f"<li><pre>{html(d)}</pre></li>" for d in diagnostics)
    errors = _errors(diagnostics)
    return (
        "---\ntitle: " + front_matter_value(f"{errors} errors / {errors} 件のエラー") + "\n"
        "hide:\n  - navigation\n  - toc\n---\n\n"
        f"# 議事録にエラーがあります / The minutes have {errors} errors\n\n"
        '<p class="gj-broken">修正して保存すると、このページは自動で更新されます（再読み込みしてください）。 '
        "Fix them and save: the site is rebuilt (reload this page).</p>\n\n"
        f'<ol class="gj-diagnostics">\n{items}\n</ol>\n'
    )


def render_broken_html(diagnostics: list[str]) -> str:
    """The same, as one self-contained HTML file for every other address (a 404 page is
    served at any depth, so it cannot link the theme's assets)."""
    items = "".join(f"<li><pre>{html(d)}</pre></li>" for d in diagnostics)
    errors = _errors(diagnostics)
    return (
        '<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{errors} errors / {errors} 件のエラー</title>\n<style>{PAGE_STYLE} pre {{ white-space: pre-wrap; }}</style>\n"
        "</head>\n<body>\n<main>\n"
        f"<h1>議事録にエラーがあります / The minutes have {errors} errors</h1>\n"
        "<p>修正して保存すると、サイトが作り直されます（再読み込みしてください）。 "
        "Fix them and save: the site is rebuilt (reload this page).</p>\n"
        f'<ol class="gj-diagnostics">{items}</ol>\n</main>\n</body>\n</html>\n'
    )
