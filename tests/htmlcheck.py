"""Reading built HTML in tests: ids, links and elements, with the standard library's parser."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class ParsedPage:
    """What tests need to know of one HTML file."""

    path: Path
    lang: str = ""
    ids: list[str] = field(default_factory=list)
    elements: list[Element] = field(default_factory=list)

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Element]:
        """Elements by tag, class and attribute values."""
        found = []
        for el in self.elements:
            if tag and el.tag != tag:
                continue
            if cls and cls not in el.attrs.get("class", "").split():
                continue
            if any(el.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            found.append(el)
        return found


class _Parser(HTMLParser):
    def __init__(self, page: ParsedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        element = Element(tag, values)
        self.page.elements.append(element)
        if tag == "html":
            self.page.lang = values.get("lang", "")
        if "id" in values:
            self.page.ids.append(values["id"])
        if tag not in {"br", "img", "input", "link", "meta", "hr", "source", "wbr"}:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data


def parse(path: Path) -> ParsedPage:
    """Parse one built HTML file."""
    page = ParsedPage(path)
    _Parser(page).feed(path.read_text(encoding="utf-8"))
    return page


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link of `page` leads to; None for other hosts."""
    if urlsplit(href).scheme or href.startswith("//") or href.startswith("mailto:"):
        return None
    url, fragment = urldefrag(href)
    url = url.split("?", 1)[0] if not url.startswith("?") else ""  # a query (the search's filters) names the same page
    if not url:
        return page, fragment
    if url.startswith("/"):
        target = site / url.lstrip("/")
    else:
        target = Path(posixpath.normpath(str(page.parent / url)))
    if target.is_dir() or url.endswith("/"):
        target = target / "index.html"
    return target, fragment
