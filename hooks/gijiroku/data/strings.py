"""The site's UI strings (`gijiroku/catalogue.yml`), for what data out writes."""

from __future__ import annotations

from ..catalogue import catalogue_text


def t(key: str, lang: str, **values: object) -> str:
    """A catalogue string in `lang`, with {placeholders} filled (plural forms by `n`)."""
    return catalogue_text(key, lang, **values)
