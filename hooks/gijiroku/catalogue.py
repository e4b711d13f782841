"""The UI strings of both languages (catalogue.yml) and what is written from them:
counted phrases with their plural forms, dates, excerpts, sort orders."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import yaml

from .model import LANGUAGES, Person, Topic

HERE = Path(__file__).parent
EXCERPT_CHARS = {"ja": 90, "en": 180}


Text = str | dict[str, str] | list[str]
"""A catalogue entry in one language: a string, plural forms by CLDR category, or a list."""


@functools.lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, Text]]:
    return load_catalogue()


def load_catalogue() -> dict[str, dict[str, Text]]:
    """The UI strings, key -> {lang: text}; a counted string has plural forms
    ({one: …, other: …}), every one with an `other`."""
    with open(HERE / "catalogue.yml", encoding="utf-8") as handle:
        catalogue = yaml.safe_load(handle)
    for key, texts in catalogue.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"catalogue entry {key!r} lacks {missing}")
        # An unquoted value with a comma inside `{ja: …, en: …}` is cut there, and the
        # rest becomes a key of its own: "Submitted in writing (distributed on paper".
        stray = sorted(str(name) for name in texts if name not in LANGUAGES)
        if stray:
            raise ValueError(f"catalogue entry {key!r} has keys that are no language: {stray} (quote a text with a comma)")
        for lang, text in texts.items():
            if isinstance(text, dict) and "other" not in text:
                raise ValueError(f"catalogue entry {key!r} ({lang}) has plural forms without 'other'")
            forms = text.values() if isinstance(text, dict) else text if isinstance(text, list) else [text]
            if not all(isinstance(form, str) for form in forms):
                raise ValueError(f"catalogue entry {key!r} ({lang}) has a value that is not text")
    checked: dict[str, dict[str, Text]] = catalogue
    return checked


def plural_category(lang: str, n: int) -> str:
    """The CLDR plural category of a count, as Intl.PluralRules gives it in the browser
    (for the languages the site has: Japanese has no plural; English says 1 remark)."""
    return "one" if lang == "en" and n == 1 else "other"


def catalogue_text(key: str, lang: str, /, **values: object) -> str:
    """A UI string in a language, with {placeholders} filled; plural forms are chosen by `n`."""
    entry = _catalogue()[key][lang]
    if isinstance(entry, dict):
        n = values["n"]
        entry = entry.get(plural_category(lang, n if isinstance(n, int) else int(str(n))), entry["other"])
    if not isinstance(entry, str):
        raise TypeError(f"catalogue entry {key!r} is a list, not a text")
    return entry.format(**values) if values else entry


def catalogue_list(key: str, lang: str) -> list[str]:
    """A catalogue entry that is a list in each language (month and weekday names)."""
    entry = _catalogue()[key][lang]
    if not isinstance(entry, list):
        raise TypeError(f"catalogue entry {key!r} is not a list")
    return entry


@functools.cache
def format_date(date: dt.date, lang: str, key: str = "date_format") -> str:
    """2023年8月4日（金） / 4 August 2023 (Fri), from the catalogue (the search page's
    script writes its dates from the same pattern); `date_format_short` has no weekday."""
    months, weekdays = catalogue_list("months", lang), catalogue_list("weekdays", lang)
    return catalogue_text(key, lang, year=date.year, month=months[date.month - 1], day=date.day, weekday=weekdays[date.weekday()])


def excerpt(paragraphs: Iterable[str], lang: str) -> str:
    """The start of a remark, cut at a character budget, for index pages."""
    joiner = catalogue_text("paragraph_joiner", lang)
    text = joiner.join(paragraphs)
    limit = EXCERPT_CHARS.get(lang, 120)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if joiner == " " and " " in cut:  # a language that spaces its words is cut between words
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def sort_key_people(person: Person, lang: str) -> str:
    """Gojūon order by reading in Japanese; alphabetical by romanised name in English."""
    return person.sort_key_ja if lang == "ja" else person.sort_key_en


def sort_key_topic(topic: Topic, lang: str) -> str:
    """By reading in Japanese where there is one; by label otherwise."""
    if lang == "ja":
        return unicodedata.normalize("NFKC", topic.reading or topic.label.ja)
    return topic.label.en.casefold()
