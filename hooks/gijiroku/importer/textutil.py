"""Small text helpers for published Japanese minutes: widths, spacing, control characters."""

from __future__ import annotations

import re
import unicodedata

SPACES = re.compile(r"[ \t\u3000\u00a0]+")
DASHES = "～〜~−\\-－‐―ー"
# C0 and C1 control characters other than tab and line ends: never written into a meeting file.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029]")


def fold(text: str) -> str:
    """NFKC: full-width digits, letters and spaces to half-width, for matching only."""
    return unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Without any spaces: 日 時 -> 日時, 松本 剛明 -> 松本剛明."""
    return SPACES.sub("", fold(text))


def tidy(text: str) -> str:
    """Trim and collapse runs of spaces to one, keeping the characters as published."""
    return SPACES.sub(" ", text).strip()


def fold_aligned(text: str) -> str:
    """NFKC character by character, keeping a character whose NFKC form is longer (…, ①, ㈱).

    The result has the same length as `text`, so a position found in it cuts the
    original at the same place: labels are matched here and values cut as printed."""
    if unicodedata.is_normalized("NFKC", text):
        return text  # most lines: nothing to fold
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded if len(folded) == 1 else ch)
    return "".join(out)


def width_fold(text: str) -> str:
    """Full-width ASCII and the ideographic space as half-width, one character for one.

    Unlike NFKC this never changes a string's length, so positions found in the folded
    text cut the original at the same places."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch == "\u3000":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)
