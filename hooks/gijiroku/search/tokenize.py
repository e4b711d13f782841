"""Turning text into index terms, identically here and in gjsearch.js.

- Text is NFKC-normalised and case-folded (全角ＡＩ = AI, ｶﾀｶﾅ = カタカナ).
- Runs of Japanese script become overlapping character bigrams (計算資源 -> 計算 算資 資源),
  so a query matches inside any compound, whatever a segmenter would have said; a
  Han or katakana character also stands alone, so one-character queries work.
- Runs of Latin letters and digits become words, lightly stemmed (creators -> creator).
"""

from __future__ import annotations

import re
import unicodedata

CJK_RUN = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
WORD = re.compile(r"[a-z0-9]+")
TOKEN = re.compile(CJK_RUN.pattern + "|" + WORD.pattern)
_DOUBLE = re.compile(r"([b-df-hj-km-np-tv-xz])\1$")


def normalize(text: str) -> str:
    """NFKC and case folding: the form both index and query are compared in."""
    return unicodedata.normalize("NFKC", text).casefold()


def stem(word: str) -> str:
    """A light, predictable English stemmer: plurals, -ing and -ed."""
    if len(word) <= 3 or not word.isalpha():
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


def runs(text: str) -> list[str]:
    """The Japanese runs and the (unstemmed) words of normalised text, in order."""
    return TOKEN.findall(normalize(text))


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096"


def terms_of_run(run: str) -> list[str]:
    """The index terms of one run."""
    if WORD.fullmatch(run):
        return [stem(run)]
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
    character), stems of its words."""
    out: list[str] = []
    for run in runs(text):
        if WORD.fullmatch(run):
            out.append(stem(run))
        elif len(run) == 1:
            out.append(run)
        else:
            out.extend(run[i:i + 2] for i in range(len(run) - 1))
    return list(dict.fromkeys(out))
