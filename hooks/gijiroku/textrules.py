"""What counts as what in minutes text: character classes and the rules text must keep.

One home for the character ranges the package uses (CJK for joining lines, controls,
bidirectional formatting, line breaks) and for the checks every author-controlled
text goes through. Escaping for output lives in `escape.py`; this module only says
what a text holds.
"""

from __future__ import annotations

import re

KANA = "\u3040-\u309f\u30a0-\u30ff"
"""Hiragana and katakana (with the prolonged sound mark and middle dot), for character classes."""

HAN = "\u3005\u3006\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
"""Kanji, with 々 and 〆, in every plane a name may use (森山𥙿), for character classes."""

JAPANESE = "\u3000-\u303f" + KANA + "\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
"""Japanese script, CJK punctuation and full-width forms: a line break between two of
these is not a space (in minutes and in hand-written pages alike)."""

CJK = re.compile(f"[{JAPANESE}]")
"""One character of JAPANESE."""

KANA_READING = re.compile(f"^[{KANA}\u3000 ]+$")
"""A reading written in kana, words separated by spaces: まつもと たけあき."""

MARKUP = re.compile(r"<[A-Za-z/!?]")
"""The start of something a browser would read as markup: a tag, an end tag, a comment,
a declaration or a processing instruction. Deliberately broader than a complete tag
(`<svg/onload=…>` and an unclosed `<img src=x onerror=…` are both caught)."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
"""C0 and C1 control characters (tab and line ends aside) and the two non-characters
XML forbids: invisible in a page, they break search (a NUL splits a term), feeds and XML."""

LINE_BREAK = re.compile(r"[\n\r\u0085\u2028\u2029]")
"""Whatever starts a new line, in text that must stay on one (titles, names, roles)."""

_BIDI_OPEN_EMBED = "\u202a\u202b\u202d\u202e"  # LRE RLE LRO RLO, closed by PDF
_BIDI_POP_EMBED = "\u202c"
_BIDI_OPEN_ISOLATE = "\u2066\u2067\u2068"  # LRI RLI FSI, closed by PDI
_BIDI_POP_ISOLATE = "\u2069"
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def markup_in(text: str) -> re.Match[str] | None:
    """The first place in `text` where markup would start, if any."""
    return MARKUP.search(text)


def control_in(text: str) -> re.Match[str] | None:
    """The first control character in `text`, if any."""
    return CONTROL.search(text)


def line_break_in(text: str) -> re.Match[str] | None:
    """The first line break in `text`, if any."""
    return LINE_BREAK.search(text)


def unbalanced_bidi(text: str) -> int | None:
    """The index of the first bidirectional control left open or closed without an
    opener, or None when they balance (or there are none). An unclosed U+202E turns
    everything after it around, including text that is not the author's."""
    if not BIDI.search(text):
        return None
    stack: list[tuple[str, int]] = []
    for index, char in enumerate(text):
        if char in _BIDI_OPEN_EMBED:
            stack.append(("embed", index))
        elif char in _BIDI_OPEN_ISOLATE:
            stack.append(("isolate", index))
        elif char == _BIDI_POP_EMBED or char == _BIDI_POP_ISOLATE:
            want = "embed" if char == _BIDI_POP_EMBED else "isolate"
            if not stack or stack[-1][0] != want:
                return index
            stack.pop()
    return stack[0][1] if stack else None


def describe_char(char: str) -> str:
    """`U+0002` for a character that cannot be shown."""
    return f"U+{ord(char):04X}"


_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ud800-\udfff\ufeff\ufffe\uffff]"
)
"""What must not reach a terminal or a log raw: control characters (an escape sequence
repaints the screen), line breaks (a forged line), bidirectional and zero-width
formatting (text shown in another order than it is, or not at all), and the lone
surrogates that stand for a file name's undecodable bytes (they cannot be written
as UTF-8 at all)."""

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with every character of `_UNPRINTABLE` written as an escape (`\\n`,
    `\\x1b`, `\\u202e`), for messages that quote what an author wrote: a diagnostic
    shows exactly what is there, and nothing in it can hide or reorder what is around it."""
    if not _UNPRINTABLE.search(text):
        return text
    return _UNPRINTABLE.sub(
        lambda m: (
            _ESCAPES.get(m.group()) or (f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}")
        ),
        text,
    )


def excerpt(text: str, limit: int = 60) -> str:
    """At most `limit` characters of `text`, printable, with `…` where it was cut: what a
    message quotes of a value that may be a whole file."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return printable(cut)


_SCRUBBED = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
"""Everything `scrub` changes (and tabs), to tell at once that most text needs nothing."""


def scrub(text: str) -> str:
    """Text safe to place anywhere on one line: controls become U+FFFD, line breaks a
    space. The checker rejects both; this is the second line, at the point of output."""
    if not _SCRUBBED.search(text):
        return text
    if CONTROL.search(text):
        text = CONTROL.sub("\ufffd", text)
    if LINE_BREAK.search(text):
        text = LINE_BREAK.sub(" ", text)
    return text


_SUSPECT = re.compile("<[A-Za-z/!?]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]")
"""Anything any rule below could object to."""

MARKUP_HINT = (
    "minutes text is plain text and is never rendered as HTML; remove the tag, "
    "or write full-width ＜ ＞ (or a space after '<') if the bracket belongs to the wording"
)


def text_problems(text: str, single_line: bool) -> list[tuple[str, int, str, str]]:
    """Every rule `text` breaks, as (code, index in text, message, hint): markup (E050),
    a control character (E051), a line break where one line is expected (E052), and
    unbalanced bidirectional controls (W083, a warning: they may be deliberate)."""
    if not _SUSPECT.search(text):
        return []  # nearly every text: one search instead of four
    found: list[tuple[str, int, str, str]] = []
    if (match := markup_in(text)) is not None:
        shown = re.match(r"<[^\s>]{0,24}>?", text[match.start() :])
        found.append(("E050", match.start(), f"markup {shown.group() if shown else '<'!r}", MARKUP_HINT))
    if (match := control_in(text)) is not None:
        found.append(
            (
                "E051",
                match.start(),
                f"control character {describe_char(match.group())}",
                "delete it: control characters are invisible and break search; "
                "text pasted from PDF or a word processor often carries them",
            )
        )
    if single_line and (match := line_break_in(text)) is not None:
        found.append(
            ("E052", match.start(), "line break", "write this value on one line (a quoted YAML string without line breaks)")
        )
    if (index := unbalanced_bidi(text)) is not None:
        found.append(
            (
                "W083",
                index,
                f"unbalanced bidirectional control {describe_char(text[index])}",
                "close every U+202A–U+202E with U+202C and every U+2066–U+2068 with U+2069, "
                "or remove them: an open one reverses the text that follows it",
            )
        )
    return found
