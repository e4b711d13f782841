"""Turning text into index terms, identically here and in gjsearch.js.

The rules both sides share (which characters are Japanese script, case folding beyond
lower-casing, British/American spellings, prefix matching) are data, in `rules.json`;
gjsearch.js embeds a copy generated from it (`python -m gijiroku.search.rules`), and the
tests check that the two cut every text alike.

- Text is NFKC-normalised, lower-cased and case-folded with the rules' `fold` table
  (全角ＡＩ = AI, ｶﾀｶﾅ = カタカナ, Straße = STRASSE = strasse).
- Runs of Japanese script become overlapping character bigrams (計算資源 -> 計算 算資 資源),
  so a query matches inside any compound, whatever a segmenter would have said; a
  Han or katakana character also stands alone, so one-character queries work.
- Runs of other letters, digits and marks (any script) are words. English words are
  spelt the American way (centres -> centers) and lightly stemmed (creators -> creator).
- A query word that stemming leaves as typed also matches longer words it begins
  (copy -> copyright): the browser expands it from the index's word lists.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

RULES_PATH = Path(__file__).with_name("rules.json")


@functools.cache
def rules() -> dict[str, Any]:
    """The shared text rules (rules.json)."""
    loaded: dict[str, Any] = json.loads(RULES_PATH.read_text(encoding="utf-8"))
    return loaded


_RULES = rules()
CJK_CLASS = _RULES["cjk"]
CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
ASCII_WORD = re.compile(r"[a-z]+")
_FOLD = str.maketrans(_RULES["fold"])
_SPELLING = _RULES["spelling"]
PREFIX_MIN = int(_RULES["prefix_min_length"])
_DOUBLE = re.compile(r"([b-df-hj-km-np-tv-xz])\1$")
_WORD_PLANES = 0x40000
"""Word characters are looked up in planes 0-3 (where every script with letters is)."""


@functools.cache
def _word_class() -> str:
    """A regex class of the letters, digits and marks (Unicode L, N, M) that are not
    Japanese script: the `[\\p{L}\\p{N}\\p{M}]` of gjsearch.js, which Python's re lacks."""
    cjk = CJK_RUN
    ranges: list[tuple[int, int]] = []
    start = None
    for cp in range(_WORD_PLANES + 1):
        ch = chr(cp) if cp < _WORD_PLANES else ""
        ok = bool(ch) and unicodedata.category(ch)[0] in "LNM" and not cjk.match(ch)
        if ok and start is None:
            start = cp
        elif not ok and start is not None:
            ranges.append((start, cp - 1))
            start = None
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)


@functools.cache
def _token() -> re.Pattern[str]:
    return re.compile(f"{CJK_RUN.pattern}|[{_word_class()}]+")


def normalize(text: str) -> str:
    """NFKC, lower case and the fold table: the form both index and query are compared in."""
    return unicodedata.normalize("NFKC", text).lower().translate(_FOLD)


def is_word(run: str) -> bool:
    """Whether a run is a word (not Japanese script)."""
    return not CJK_RUN.match(run)


def american(word: str) -> str:
    """A British spelling as the American one (colours -> colors, organised -> organized);
    other words unchanged."""
    words: dict[str, str] = _SPELLING["words"]
    if word in words:
        return words[word]
    if word.endswith("s") and word[:-1] in words:
        return words[word[:-1]] + "s"
    if len(word) >= _SPELLING["suffix_min_length"]:
        suffixes: list[tuple[str, str]] = _SPELLING["suffixes"]
        for old, new in suffixes:
            if word.endswith(old):
                return word[: -len(old)] + new
    return word


def stem(word: str) -> str:
    """A light, predictable English stemmer: plurals, -ing and -ed (ASCII words only)."""
    if len(word) <= 3 or not ASCII_WORD.fullmatch(word):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if _DOUBLE.search(word):
                word = word[:-1]
            break
    return word


def word_term(word: str) -> str:
    """The index term of a (normalised) word: American spelling, then the stem."""
    if not ASCII_WORD.fullmatch(word):
        return word
    return stem(american(word))


_ASCII_TOKEN = re.compile(r"[a-z0-9]+")


def runs(text: str) -> list[str]:
    """The Japanese runs and the (unstemmed) words of normalised text, in order."""
    norm = normalize(text)
    # In ASCII text (most English remarks) the words are [a-z0-9]+: the same runs as the
    # full pattern gives, found four times faster.
    return (_ASCII_TOKEN if norm.isascii() else _token()).findall(norm)


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096"


def terms_of_run(run: str) -> list[str]:
    """The index terms of one run."""
    if is_word(run):
        return [word_term(run)]
    terms = [a + b for a, b in zip(run, run[1:])]
    terms += [ch for ch in run if not _is_hiragana(ch)]
    if len(run) == 1 and _is_hiragana(run):
        terms.append(run)
    return terms


def run_terms(run: str) -> frozenset[str]:
    """The distinct index terms of one run."""
    return frozenset(terms_of_run(run))


def terms(text: str) -> list[str]:
    """Every term of a text (with repeats), for indexing."""
    out: list[str] = []
    for run in runs(text):
        out.extend(terms_of_run(run))
    return out


def query_terms(text: str) -> list[str]:
    """The terms a query must all match: bigrams of its Japanese runs (or the single
    character), the terms of its words."""
    out: list[str] = []
    for run in runs(text):
        if is_word(run):
            out.append(word_term(run))
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return list(dict.fromkeys(out))


def query_prefixes(text: str) -> list[str]:
    """The query's word terms that also match longer words they begin: those of at
    least PREFIX_MIN characters that spelling and stemming left as typed."""
    out = []
    for run in runs(text):
        if is_word(run) and len(run) >= PREFIX_MIN and word_term(run) == run:
            out.append(run)
    return list(dict.fromkeys(out))
