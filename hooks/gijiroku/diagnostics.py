"""Diagnostics: every problem found in the minutes, with where it is and what to do."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from .textrules import printable


class Severity(enum.Enum):
    """How bad a problem is: errors stop a build, warnings only under --strict."""

    ERROR = "error"
    WARNING = "warning"


# One code per kind of problem, so that tests, docs and users can refer to them.
# The format reference (docs/dev/en/format.md) lists the same table.
CODES: dict[str, str] = {
    "E001": "file is not valid UTF-8",
    "E002": "YAML syntax error",
    "E003": "front matter missing or not closed",
    "E004": "file name does not follow the layout",
    "E005": "not a regular file",
    "E010": "wrong type",
    "E011": "required field missing",
    "E012": "unknown field",
    "E013": "duplicate key",
    "E014": "value not allowed",
    "E020": "invalid id",
    "E021": "duplicate id",
    "E030": "unknown person",
    "E031": "unknown topic",
    "E032": "unknown council",
    "E033": "unknown agenda item",
    "E034": "unknown material",
    "E040": "invalid date",
    "E041": "invalid time",
    "E050": "markup in text",
    "E051": "control character in text",
    "E052": "line break in a one-line field",
    "E060": "translation lacks an id of the original",
    "E061": "translation has an id the original lacks",
    "E062": "translation kind differs from the original",
    "E063": "translation speaker differs from the original",
    "E064": "translation section differs from the original",
    "E065": "meeting has no original",
    "E066": "meeting has more than one original",
    "E067": "meeting cannot be published",
    "E070": "body syntax error",
    "E071": "speaker does not fit the remark kind",
    "E072": "remark has no text",
    "E090": "published page would disappear",
    "E091": "published anchor would disappear",
    "E092": "moved to an address that is not published",
    "E093": "not an address of this site",
    "E094": "recorded as moved or withdrawn but still published",
    # `gijiroku translate import` (docs/dev/en/translate.md)
    "E110": "not an XLIFF file gijiroku can read",
    "E111": "XLIFF file for a meeting this archive does not have",
    "E112": "XLIFF unit for something the meeting does not have",
    "E113": "original changed since the export",
    "E114": "target the minutes cannot hold",
    "E115": "translation incomplete",
    "E116": "translation provenance unknown",
    "W110": "unit left out: original changed since the export",
    "W080": "stale translation",
    "W081": "speaker is not among the attendees",
    "W082": "agenda item has no proceedings",
    "W083": "unbalanced bidirectional control",
    "W084": "role has no name in the other language",
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place in one file."""

    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str = ""

    @property
    def severity(self) -> Severity:
        """Errors start with E, warnings with W."""
        return Severity.WARNING if self.code.startswith("W") else Severity.ERROR

    def format(self) -> str:
        """`path:line:col: CODE message (hint)`, the form editors and CI understand.
        Whatever it quotes is printable (`textrules.printable`): a file name or an id
        holding a line break, an escape sequence or a bidirectional control is shown
        escaped, never acted on by the terminal, the log or the reader's eye."""
        text = f"{printable(self.path)}:{self.line}:{self.col}: {self.code} {printable(self.message)}"
        if self.hint:
            text += f"\n    hint: {printable(self.hint)}"
        return text


class Diagnostics:
    """Collects every problem of one run; nothing stops at the first."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.items: list[Diagnostic] = []
        self._concealed: dict[str, str] = {}

    def conceal(self, path: Path | str, note: str) -> None:
        """From now on, report problems in `path` by their kind alone (`CODES`), with
        `note` as the hint: what the file holds is never quoted. For a file that is a
        link to somewhere outside the minutes, which may be anything (a credentials
        file linked by mistake)."""
        self._concealed[self.relpath(path)] = note

    def relpath(self, path: Path | str) -> str:
        """The path as the user wrote it on the command line: relative to the root's parent."""
        path = Path(path)
        if self.root is not None:
            try:
                return path.relative_to(self.root.parent).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def add(self, path: Path | str, line: int, col: int, code: str, message: str, hint: str = "") -> None:
        """Record one problem; `line` and `col` are 1-based."""
        if code not in CODES:
            raise ValueError(f"unknown diagnostic code {code}")
        where = self.relpath(path)
        if where in self._concealed:
            message, hint = CODES[code], self._concealed[where]
        self.items.append(Diagnostic(where, line, col, code, message, hint))

    @property
    def errors(self) -> list[Diagnostic]:
        """The problems that make the minutes unpublishable."""
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        """The problems that are published, flagged, but should be fixed."""
        return [d for d in self.items if d.severity is Severity.WARNING]

    def sorted(self) -> list[Diagnostic]:
        """In file order, then line order, as an editor would walk them."""
        return sorted(self.items, key=lambda d: (d.path, d.line, d.col, d.code))
