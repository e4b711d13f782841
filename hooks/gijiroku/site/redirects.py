"""What the ledger's moves and withdrawals add to a language's site.

- a page that moved: a static redirect page at its old address, which also carries
  the fragments of its anchors that moved elsewhere;
- a page that was withdrawn: a tombstone page at its old address;
- an anchor that moved off a page that still exists: a fragment map in that page,
  which `gijiroku.js` follows when the address's #fragment is no longer on it;
- an anchor that was withdrawn from a page that still exists: a tombstone paragraph
  with that id at the end of the page, so the link lands on the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .. import urls
from ..escape import html, script_json
from ..ledger import resolve, split_address
from ..model import Ledger


@dataclass(slots=True)
class LedgerOutput:
    """What the ledger adds to one language's site."""

    static: dict[str, str] = field(default_factory=dict)
    """Redirect pages: output path (`old/page/index.html`) -> HTML."""
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Tombstone pages: source path -> (reason, "withdrawn")."""
    additions: dict[str, str] = field(default_factory=dict)
    """Markdown to append to pages that exist: source path -> fragment map and tombstones."""


def ledger_output(ledger: Ledger, page_srcs: Mapping[str, str], t: Callable[..., str]) -> LedgerOutput:
    """The redirects and tombstones for `ledger`, given the site's pages (URL -> source
    path) and the language's UI strings (`t(key, **values)`)."""
    out = LedgerOutput()
    recorded = set(ledger.pages) | {split_address(a)[0] for a in (*ledger.moved, *ledger.withdrawn)}
    for page in sorted(recorded):
        if page in page_srcs:
            _annotate_page(ledger, page, page_srcs[page], out, t)
        elif page in ledger.withdrawn:
            out.pages[page + "index.md"] = (ledger.withdrawn[page], "withdrawn")
        elif page in ledger.moved:
            target = resolve(ledger, page)
            if target is not None:
                out.static[page + "index.html"] = _redirect_page(page, target, _fragments(ledger, page), t, t("lang_code"))
    return out


def _annotate_page(ledger: Ledger, page: str, src: str, out: LedgerOutput, t: Callable[..., str]) -> None:
    fragments = _fragments(ledger, page)
    # Its own withdrawn anchors, and those of pages that moved here: their redirect
    # carries the #fragment to this page, which must say what became of it.
    withdrawn = sorted(
        (split_address(a)[1], reason)
        for a, reason in ledger.withdrawn.items()
        if split_address(a)[1] and (split_address(a)[0] == page or resolve(ledger, split_address(a)[0]) == page)
    )
    parts = []
    if fragments:
        parts.append(f'<script type="application/json" class="gj-moved">{script_json(fragments)}</script>\n')
    if withdrawn:
        parts.append(
            f"## {html(t('withdrawn_section'))} {{#withdrawn .gj-withdrawn-heading}}\n\n"
            '<div class="gj-withdrawn" data-search-exclude>\n'
        )
        parts.extend(
            f'<p id="{html(anchor)}" class="gj-tombstone">{html(t("withdrawn_anchor", anchor=anchor, reason=reason))}</p>\n'
            for anchor, reason in withdrawn
        )
        parts.append("</div>\n")
    if parts:
        out.additions[src] = "\n" + "\n".join(parts)


def _fragments(ledger: Ledger, page: str) -> dict[str, str]:
    """Anchors of `page` that moved: anchor -> the new address, relative to `page`."""
    moved = {}
    for old in ledger.moved:
        old_page, anchor = split_address(old)
        if old_page == page and anchor:
            target = resolve(ledger, old)
            if target is not None:
                moved[anchor] = _relative(page, target)
    return dict(sorted(moved.items()))


def _relative(from_page: str, address: str) -> str:
    """`address` (page/?query#anchor) as a link from the folder `from_page`."""
    page, anchor = split_address(address)
    page, mark, query = page.partition("?")
    if page == from_page and not query:
        return f"#{anchor}" if anchor else "./"
    rel = urls.href(from_page + "index.md", page + "index.md")
    return rel + mark + query + (f"#{anchor}" if anchor else "")


def _redirect_page(page: str, target: str, fragments: Mapping[str, str], t: Callable[..., str], lang: str) -> str:
    """A page that sends readers (and their #fragment) on to `target`, with or without
    script; in language `lang`, as its words are."""
    href = html(_relative(page, target))
    title = html(t("moved_page"))
    return (
        f'<!doctype html>\n<html lang="{html(lang)}"><head><meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<script type="application/json" class="gj-moved">{script_json(dict(fragments))}</script>\n'
        "<script>\n"
        "(function () {\n"
        '  var map = JSON.parse(document.querySelector("script.gj-moved").textContent);\n'
        "  var anchor = decodeURIComponent(location.hash.slice(1));\n"
        f'  var base = "{_js_string(_relative(page, target))}";\n'
        "  var own = Object.prototype.hasOwnProperty.call(map, anchor) ? map[anchor] : null;\n"
        '  var target = own || (location.hash ? base.split("#")[0] + location.hash : base);\n'
        "  location.replace(target);\n"
        "})();\n"
        "</script>\n"
        f'</head><body><p>{title}: <a href="{href}">{html(t("moved_link"))}</a></p></body></html>\n'
    )


def _js_string(value: str) -> str:
    """Text inside a double-quoted JS string in a <script> element."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\u003c")
