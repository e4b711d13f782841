"""The "page not found" pages: one per language and a bilingual one at the site root.

A server shows a 404 page at whatever address was asked for, at any depth and under any
sub-path, so the page cannot rely on relative links or on `/assets/`: it is one
self-contained file (its own small stylesheet, no theme assets). Its links are absolute
when the site URL is known; otherwise a few lines of script find the site's root in the
address (the folder before `/ja/` or `/en/`), with links from the host root as the
fallback without script.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import urls
from ..escape import html as escape

PAGE_STYLE = """
:root { color-scheme: light dark; --fg: #1b1b1f; --bg: #fff; --a: #303f9f; }
@media (prefers-color-scheme: dark) { :root { --fg: #e2e4e9; --bg: #1e2129; --a: #8c9eff; } }
body { margin: 0; font: 16px/1.6 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 40rem; margin: 4rem auto; padding: 0 1.2rem; }
section + section { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 1px solid currentColor; }
a { color: var(--a); text-decoration: underline; text-underline-offset: 0.15em; }
a:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
ul { padding-left: 1.2rem; } li { margin: 0.4rem 0; }
"""

# Rewrites each link's href from the address: `.../SITE/ja/no/such/page` -> `.../SITE/ja/`.
_SCRIPT = """
(function () {
  var found = location.pathname.match(/^(.*?\\/)(?:ja|en)\\//);
  var root = found ? found[1] : "/";
  document.querySelectorAll("a[data-path]").forEach(function (a) { a.href = root + a.dataset.path; });
})();
"""


def render_not_found(langs: list[str], t: Callable[[str, str], str], site_url: str = "") -> str:
    """A complete HTML page saying, in each of `langs`, that nothing is at this address,
    with links to that language's home and search (`t(key, lang)`: a catalogue string)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    sections = []
    for lang in langs:
        links = [(f"{lang}/", t("not_found_home", lang)), (f"{lang}/{urls.url_of(urls.SEARCH)}", t("not_found_search", lang))]
        # Without a site URL the script rewrites each link from its data-path.
        relocatable = "" if site_url else ' data-path="{}"'
        items = "".join(
            f'<li><a href="{escape(base + path)}"{relocatable.format(escape(path))}>{escape(label)}</a></li>'
            for path, label in links
        )
        sections.append(
            f'<section lang="{lang}"><h1>{escape(t("not_found_title", lang))}</h1>'
            f"<p>{escape(t('not_found_text', lang))}</p><ul>{items}</ul></section>"
        )
    title = " / ".join(t("not_found_title", lang) for lang in langs)
    script = "" if site_url else f"<script>{_SCRIPT}</script>"
    return (
        f'<!doctype html>\n<html lang="{langs[0]}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGE_STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{''.join(sections)}\n</main>\n{script}\n</body>\n</html>\n"
    )
