"""The site's UI strings (`gijiroku/site/catalogue.yml`), for what data out writes."""

from __future__ import annotations

from ..site.render import Renderer


def t(key: str, lang: str, **values: object) -> str:
    """A catalogue string in `lang`, with {placeholders} filled."""
    text = Renderer.catalogue_strings(key)[lang]
    return text.format(**values) if values else text
