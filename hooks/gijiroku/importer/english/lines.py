"""English minutes as lines to read: Markdown and list structure recognised, inline markup
taken off, and the leftovers of conversion (a page flattened onto one line, line-number
gutters, running page footers, site boilerplate) cut back or named.

Every rule keeps the input's line numbers, so the report and the review page can say
where each piece of text came from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..draft import Draft
from ..profile import EMPTY, ImportProfile
from ..textutil import tidy

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[*+\-•·–]|\d{1,3}[.)]|[a-zA-Z][.)]|\(\w{1,3}\))\s+(?P<text>.*)$")
_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$|^\s*[+\s]{5,}$")
_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_EMPHASIS = re.compile(
    r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)([^_]+?)(?<!\s)_(?![\w_])"
)
_CODE = re.compile(r"`([^`]*)`")

BOILERPLATE = re.compile(
    r"^(?:Loading\.\.\.|No preview available|skip (?:page )?navigation.*|click here to skip navigation|printer-friendly version|"
    r"Size:\s*px|Start display at page:?|Download\s+\".*\"|Transcription|Embed Size \(px\)|Citation preview|Upload|"
    r"View original document|The full text on this page is automatically extracted.*|Home|Search Our Site|"
    r"Back to top|Top of page|Print(?: this page)?|Share|Tweet)$",
    re.I,
)
"""Whole lines that document sites and mirrors put around a record."""
_SITE_PREFIX = re.compile(r"^(?:HomeMy WebLinkAbout\S*\s*|Loading\.\.\.\s*|No preview available\s*)", re.I)
_PAGE_FOOTER = re.compile(r"\bPage\s*#?\s*\d{1,3}(?:\s+of\s+\d{1,3})?\b|\bVol\.\s*\d+,\s*Page\s+\d+", re.I)
_PAGE_LINE = re.compile(r"^(?:\d{1,3}\s+)?(?:.{0,100}\s)?Page\s*#?\s*\d{1,3}(?:\s+of\s+\d{1,3})?\s*$|^\d{1,3}\s*$", re.I)
"""A page's running header or footer on a line of its own (`Minutes of … 2017 Page # 2`, `Page 3 of 17`)."""
_GUTTER = re.compile(r"(?:(?<=\s)|(?<=\d)|^)(1(?:\s+\d{1,2}){9,})(?=\s|$)")


@dataclass(slots=True)
class Line:
    """One line (or one piece of a flattened line) of English minutes."""

    no: int
    text: str
    depth: int = -1
    """List nesting: 0 for a top-level item, 1 for an item under it…; -1 for no list item."""
    mark: str = ""
    """The list mark as printed (`*`, `-`, `1.`), or ''."""
    heading: int = 0
    """The Markdown heading level, 0 for none."""
    bold: bool = False
    """The whole line was bold (a label or a category heading)."""
    cells: tuple[str, ...] = ()
    """A table row's cells."""
    links: list[str] = field(default_factory=list)
    """Addresses of links taken out of the text (kept for the report)."""

    @property
    def item(self) -> bool:
        """True for a list item."""
        return self.depth >= 0


def inline(text: str) -> tuple[str, list[str], bool]:
    """Text without Markdown inline markup: links become their text, emphasis its words.
    Returns the text, the link targets and whether the whole text was bold."""
    links: list[str] = []

    def link(match: re.Match[str]) -> str:
        if match.group(0).startswith("!"):
            return ""  # an image: page decoration (reported by the caller)
        links.append(match.group(2))
        text, target = match.group(1), match.group(2)
        return text if not target or target in text or target.startswith("#") else f"{text} ({target})"

    stripped = text.strip()
    bold = bool(re.fullmatch(r"(\*\*|__)(?!\s).*(?<!\s)\1:?", stripped))
    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return tidy(text), links, bold


def read_lines(text: str, draft: Draft, profile: ImportProfile = EMPTY) -> list[Line]:
    """The input as lines, list and table structure recognised; leftovers (and lines the
    body's import profile names as page text) named in notes."""
    raw_lines = text.split("\n")
    gutter_free = _line_gutters(raw_lines, draft)
    furniture = _running_lines(gutter_free)
    out: list[Line] = []
    indent_unit = _indent_unit(raw_lines)
    letters = _letter_items(gutter_free)
    for no, raw in enumerate(gutter_free, start=1):
        if not raw.strip():
            out.append(Line(no, ""))
            continue
        if profile.skip and profile.skips(raw):
            draft.note(no, f"page text named by the import profile, skipped: {raw.strip()[:50]}")
            continue
        if raw.strip() in furniture or _PAGE_LINE.match(raw.strip()):
            draft.note(no, f"running page header or footer removed: {raw.strip()[:60]}")
            continue
        if BOILERPLATE.match(raw.strip()):
            draft.note(no, f"page text around the record, skipped: {raw.strip()[:60]}")
            continue
        if _RULE.match(raw):
            out.append(Line(no, ""))
            continue
        if re.fullmatch(r"\s*!\[[^\]]*\]\([^)]*\)\s*", raw):
            draft.note(no, f"image left out of the text, skipped: {raw.strip()[:60]}")
            continue
        if prefix := _SITE_PREFIX.match(raw.strip()):
            draft.note(no, f"site boilerplate removed: {prefix.group(0).strip()}")
            raw = raw.strip()[prefix.end() :]
        if raw.count("|") >= 2 and (raw.strip().startswith("|") or raw.strip().endswith("|")):
            cells = tuple(tidy(inline(c)[0]) for c in raw.strip().strip("|").split("|"))
            if all(re.fullmatch(r":?-{2,}:?|", c.replace(" ", "")) for c in cells):
                out.append(Line(no, ""))  # the row under a table's headings
                continue
            out.append(Line(no, " | ".join(c for c in cells if c), cells=cells))
            continue
        if heading := _HEADING.match(raw):
            clean, links, _ = inline(heading.group(2))
            out.append(Line(no, clean, heading=len(heading.group(1)), links=links))
            continue
        if (bullet := _BULLET.match(raw)) and (not re.fullmatch(r"[a-zA-Z][.)]", bullet.group("mark")) or no in letters):
            width = len(bullet.group("indent").expandtabs(4))
            clean, links, bold = inline(bullet.group("text"))
            mark = bullet.group("mark")
            out.append(Line(no, clean, depth=width // indent_unit, mark=mark, bold=bold, links=links))
            continue
        clean, links, bold = inline(raw)
        out.append(Line(no, clean, bold=bold, links=links))
    return out


def _letter_items(lines: list[str]) -> set[int]:
    """Line numbers of lettered list items (`a. Current Financial Position`, `b. Invoices`):
    a letter counts as a list mark only in a run that starts at a or A and goes on in order,
    so that initials (`K. Williamson, President`) stay names."""
    found: set[int] = set()
    expected: dict[bool, str] = {True: "A", False: "a"}
    pending: dict[bool, list[int]] = {True: [], False: []}
    for no, line in enumerate(lines, start=1):
        match = re.match(r"^\s*([a-zA-Z])[.)]\s+\S", line)
        if not match:
            continue
        letter = match.group(1)
        upper = letter.isupper()
        if letter in ("a", "A"):
            pending[upper] = [no]
            expected[upper] = chr(ord(letter) + 1)
        elif letter == expected[upper] and pending[upper]:
            pending[upper].append(no)
            expected[upper] = chr(ord(letter) + 1)
            found.update(pending[upper])
    return found


def _indent_unit(lines: list[str]) -> int:
    """How many spaces one level of list nesting takes in this text (2 or 4, as written)."""
    widths = sorted({len(m.group("indent").expandtabs(4)) for line in lines if (m := _BULLET.match(line))} - {0})
    return max(1, min(widths[0], 4)) if widths else 2


def _line_gutters(lines: list[str], draft: Draft) -> list[str]:
    """Lines without the line-number columns that PDF viewers print (`1 2 3 … 43` run into
    the text, or `12   text` at the start of every line of a transcript)."""
    out = []
    numbered = [re.match(r"^\s*(\d{1,2})\s{2,}\S", line) for line in lines]
    leading = sum(1 for m in numbered if m) >= max(8, len([x for x in lines if x.strip()]) // 2)
    for no, line in enumerate(lines, start=1):
        if leading and (m := re.match(r"^\s*\d{1,2}(?:\s{2,}|\s*$)", line)):
            line = " " * len(m.group(0)) + line[m.end() :]
        for gutter in _GUTTER.finditer(line):
            numbers = [int(n) for n in gutter.group(1).split()]
            if numbers == list(range(1, len(numbers) + 1)):
                draft.note(no, f"line numbers of the page removed: 1 … {numbers[-1]}")
        line = _GUTTER.sub(
            lambda m: " " if [int(n) for n in m.group(1).split()] == list(range(1, len(m.group(1).split()) + 1)) else m.group(0),
            line,
        )
        out.append(line)
    return out


def _running_lines(lines: list[str]) -> set[str]:
    """Short lines printed again and again (a page's running header or footer)."""
    counts = Counter(line.strip() for line in lines if 8 <= len(line.strip()) <= 120)
    return {text for text, count in counts.items() if count >= 3 and _PAGE_FOOTER.search(text)}


_SPLIT_LABELS = (
    r"(?:(?:COUNCIL\s+|MEMBERS?\s+|STAFF\s+|OTHERS?\s+|ALSO\s+|COMMISSIONERS?\s+|TRUSTEES?\s+)?(?:PRESENT|ABSENT|ATTENDING)\b:?"
    r"|(?:Council|Members?|Staff|Others?|Also|Commissioners?|Trustees?)\s+(?:[Pp]resent|[Aa]bsent)\b:?"
    r"|Present:|Absent:|Regrets:|Apologies:|Guests?:|Time:|Date:|DATE:|TIME:|Location:|Venue:|ATTENDING\b|"
    r"In [Aa]ttendance:|Roll [Cc]all:|Ex-[Oo]fficio:)"
)


_CUT = re.compile(
    rf"(?:^|\s)(?P<at>{_SPLIT_LABELS}(?=\s)|(?P<caps>[A-Z][A-Z'’&/-]+(?:\s+[A-Z][A-Z'’&/-]+)*:)(?=\s)|"
    r"(?<=[a-z.)]\s)(?P<heading>[A-Z]{2,}[A-Z'’&/-]*(?:\s+[A-Z]{2,}[A-Z'’&/-]*)+)(?=\s+[A-Z][a-z]|\s*$)|"
    r"(?P<letter>[A-H])\.(?=\s+[A-Z][a-z])|"
    r"(?P<number>\d{1,2})\.(?=\s+[A-Z][A-Za-z])|(?<=\.\s)The\s+following\s[^.:]{0,60}?(?:present|attendance|attending)\s*:)"
)


def split_flattened(lines: list[Line]) -> list[Line]:
    """A record flattened onto very long lines (document viewers, PDF mirrors): cut before
    roll and field labels, capitals ending in a colon (`PUBLIC HEARING:`) and numbered
    headings that follow in sequence (1., 2., 3. — `Highway 7.` is not one), keeping every word."""
    out: list[Line] = []
    expected = 1
    for line in lines:
        if len(line.text) < 300 or line.cells:
            out.append(line)
            continue
        cuts: list[int] = []
        after_number = -1
        letter = "A"
        for match in _CUT.finditer(line.text):
            if match.group("letter"):
                before = line.text[max(0, match.start("at") - 5) : match.start("at")]
                if (
                    match.group("letter") != letter
                    or re.search(r"(?:Mr|Ms|Mrs|Dr|St|[A-Z])\.?\s*$", before)
                    or letter == "A"
                    and not re.search(r"[.:)]\s*$", before)
                ):
                    continue  # `Ms. Beverly A. Cooper` is an initial; `… p.m. A. Roll Call` starts a list
                letter = chr(ord(letter) + 1)  # A. Roll Call, B. Pledge of Allegiance: sub-items in order
            elif match.group("number"):
                number = int(match.group("number"))
                if number not in (expected, 1) or match.start("at") == 0:
                    continue
                expected = number + 1
                after_number = match.end()
                letter = "A"
            elif (
                match.group("caps")
                and len(match.group("caps")) < 7
                and " " not in match.group("caps")
                or (match.group("caps") or match.group("heading"))
                and match.start("at") <= after_number + 2
            ):
                continue  # a short word with a colon, or the heading right after its number
            cuts.append(match.start("at"))
        bounds = [0, *cuts, len(line.text)]
        for a, b in zip(bounds, bounds[1:]):
            if line.text[a:b].strip():
                out.append(Line(line.no, tidy(line.text[a:b])))
    return out
