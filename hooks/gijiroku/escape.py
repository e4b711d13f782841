"""Escaping at the point of output, one function per output context.

Every value an author or translator controls (titles, names, readings, roles,
affiliations, labels, remark text, translation notes) reaches a reader only through
one of these. The checker rejects markup, control characters and line breaks first
(`textrules`); these functions make the output safe even when it did not, so a check
that misses something never becomes script in a reader's browser.

| context                                   | function            |
| ----------------------------------------- | ------------------- |
| HTML text or a quoted attribute value      | `html`              |
| Markdown inline text (headings, lists)     | `md_inline`         |
| a Markdown table cell                      | `md_cell`           |
| a title or description in front matter    | `front_matter_value`|
| JSON inside a `<script>` element           | `script_json`       |
| an `href` the author supplied              | `safe_url`          |
| text for an XML serializer (feeds, AKN)    | `xml_text`          |

Each returns a plain string; the renderer marks it safe (`Markup`) where it hands
it to a template. Jinja templates HTML-escape every value (autoescape) after `scrub_value` (the
environment's `finalize`) has made it one safe line; values in Markdown contexts
also pass the `md` filter (`md_inline`).
"""

from __future__ import annotations

import json
import re

from .textrules import scrub

# Characters Python-Markdown unescapes after a backslash (escaping any other would show
# the backslash); < > & are HTML-escaped instead. `{` and `}` matter most: a value in a
# heading must not close it with an attribute list of its own (`{#meeting}`). Square
# brackets become entities: a backslash does not stop `[x\]: y` at the start of a list
# item from being read as a link reference definition, which swallows the item.
_MD_SPECIAL = re.compile(r"([\\`*_{}()#+\-.!])")
_HTML_SPECIAL = re.compile(r"[&<>\"']")
# Anything one of the functions below would change: most values have none of it, and
# a page is hundreds of values, so they are let through after one search.
_HTML_WORK = re.compile("[&<>\"'\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_MD_WORK = re.compile("[\\\\`*_{}()#+\\-.!\\[\\]&<>\"'\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_SAFE_URL = re.compile(r"^(?:https?://[^\s<>\"'`]+|[^\s:<>\"'`]*)$", re.IGNORECASE)


def html(value: object) -> str:
    """Text for HTML content or a quoted attribute value: `& < > " '` escaped exactly as
    Jinja's autoescape does (&#34; and &#39; for quotes), on one safe line."""
    text = value if type(value) is str else str(value)
    if not _HTML_WORK.search(text):
        return text
    text = scrub(text)
    if not _HTML_SPECIAL.search(text):
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;")


def md_inline(value: object) -> str:
    """Text for a Markdown inline context (a heading, a list item, a link's text):
    Markdown syntax backslash-escaped, then HTML-escaped, on one line."""
    text = value if type(value) is str else str(value)
    if not _MD_WORK.search(text):
        return text
    text = scrub(text)
    if _MD_SPECIAL.search(text):
        text = _MD_SPECIAL.sub(r"\\\1", text)
    text = html(text)
    if "[" in text or "]" in text:
        text = text.replace("[", "&#91;").replace("]", "&#93;")
    return text


def md_cell(markdown: str) -> str:
    """Markdown already escaped, made safe for a table cell, where `|` ends the cell even
    after a backslash in some renderers: written as an entity instead."""
    return markdown.replace("\\|", "&#124;").replace("|", "&#124;")


def front_matter_value(value: object) -> str:
    """A page title or description for generated front matter: a YAML (JSON) string of
    HTML-escaped text.

    MkDocs hands a page's `title` to the theme, and Material prints it unescaped in
    the header and in `<title>`; so the title is escaped here, once, as HTML."""
    return json.dumps(html(value), ensure_ascii=False)


def script_json(value: object) -> str:
    """JSON to embed in a `<script>` element: `<` escaped so no text can close it."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c")


def safe_url(url: str) -> str:
    """An address an author supplied, for an `href`: absolute http(s) or relative, else
    "#" (no `javascript:`, `data:` or other scheme ever reaches a link)."""
    url = scrub(url).strip()
    return url if _SAFE_URL.match(url) else "#"


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text for an XML serializer (Atom, Akoma Ntoso, SVG): the serializer escapes `<`,
    `&` and quotes, but XML 1.0 cannot carry most C0 controls, lone surrogates or
    U+FFFE/U+FFFF at all (lxml refuses them), so they are dropped here."""
    text = str(value)
    return _XML_ILLEGAL.sub("", text) if _XML_ILLEGAL.search(text) else text


def scrub_value(value: object) -> object:
    """The Jinja environment's `finalize`: plain strings become one safe line before
    autoescape; markup the renderer built (`Markup`) and non-strings pass unchanged."""
    if type(value) is str:
        return scrub(value)
    return value
