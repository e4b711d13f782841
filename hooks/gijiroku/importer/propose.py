"""Proposing a body's import profile from one of its records: what the general rules found
in it, written as a profile to check and save as minutes/COUNCIL/import.yml.

- speaker labels: each form of label actually seen (its opening mark, its role word or
  bracket, its closing mark or colon), as an anchored pattern whose name part is
  generalised and whose fixed parts are escaped;
- roll labels: each printed group label of the roll, with the group it was read as;
- skip: the page text the import skipped that looks like site boilerplate (short lines
  around the record), each as an anchored, escaped pattern with digits generalised.

Every proposal is checked before it is written: it must compile, match the lines it came
from (giving back the label as printed), and not match every kind of line. A comment
above each says where it came from. The file proposed loads without a diagnostic.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostics
from .accounting import skipped_lines
from .profile import FIELDS, GROUPS, SAMPLE_LINES, load_profile
from .report import Imported, ImportFailed, import_file, load_registry
from .roles import role_suffix

_OPEN = "○◯◎●〇◇◆■□・【〔［[(（<＜≪《"
_CLOSE = "】〕］])）>＞≫》:：."
_NAME_JA = r"[^\s()（）【】〔〕:：]{1,12}?"
"""A name as Japanese labels print it: up to 12 characters, no space, bracket or colon."""
_NAME_EN = r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}"
"""A name as English labels print it: one to four capitalised words."""
_TITLES_EN = re.compile(
    r"^((?:Mr|Mrs|Ms|Miss|Dr|Prof|Cllr|Councillor|Councilor|Chair|Chairman|Chairwoman|Mayor|"
    r"Commissioner|Senator|Hon)\.?)\s+",
    re.I,
)
MAX_SKIP = 60
"""Characters of a skipped line that can be site boilerplate; longer ones are text."""


@dataclass(slots=True)
class Proposal:
    """One proposed pattern and where it came from."""

    pattern: str
    lines: list[int] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


def label_form(label: str, english: bool) -> str:
    """The label's form as a pattern for the `label` group: marks and role kept (escaped),
    the name part generalised. 【北山委員長】 -> 【[^…]{1,12}?委員長】."""
    printed = label.strip()
    head = len(printed) - len(printed.lstrip(_OPEN))
    # A closing bracket whose opening one is inside the label belongs to the label: 委員長(大城美幸さん).
    closes = _CLOSE if not re.search(r"[(（][^)）]*[)）][:：.]?$", printed[head:]) else "】〕］]>＞≫》:：."
    tail = len(printed) - len(printed.rstrip(closes))
    mark, core, close = printed[:head], printed[head : len(printed) - tail], printed[len(printed) - tail :]
    if english:
        title = _TITLES_EN.match(core)
        middle = (_escape(title.group(1)) + r"\s+" if title else "") + _NAME_EN
    elif bracket := re.fullmatch(r"(.+?)([(（])(.+?)([)）])", core):
        # 委員長（大城美幸さん）: the role stays, the name inside the brackets is generalised;
        # an honorific after the name (さん, 君) stays too.
        honorific = next((h for h in ("さん", "君", "氏") if bracket.group(3).endswith(h)), "")
        middle = _escape(bracket.group(1)) + _escape(bracket.group(2)) + _NAME_JA + _escape(honorific) + _escape(bracket.group(4))
    elif (role := role_suffix(core)) and role != core:
        middle = _NAME_JA + _escape(role)
    else:
        middle = _NAME_JA
    return _escape(mark) + middle + _escape(close)


def speaker_pattern(label: str, english: bool) -> str:
    """The whole line pattern for a label form: anchored, then the rest of the line as the remark."""
    return rf"^\s*(?P<label>{label_form(label, english)})\s*(?P<text>.*)$"


def literal_pattern(label: str) -> str:
    """The label exactly as printed: the fallback when its form would match too much."""
    return rf"^\s*(?P<label>{_escape(label.strip())})\s*(?P<text>.*)$"


def propose_speaker_labels(imported: Imported) -> list[Proposal]:
    """One pattern for each form of speaker label seen, each proven on its own lines."""
    from .patterns import compile_bounded

    lines = imported.source.text.split("\n")
    english = imported.draft.language == "en"
    turn_lines = {r.line for r in imported.draft.remarks if r.label}
    others = [line for no, line in enumerate(lines, start=1) if line.strip() and no not in turn_lines]
    forms: dict[str, Proposal] = {}
    for remark in imported.draft.remarks:
        if not remark.label or remark.kind == "narration" or not 0 < remark.line <= len(lines):
            continue
        line = lines[remark.line - 1]
        for candidate in (speaker_pattern(remark.label, english), literal_pattern(remark.label)):
            pattern = compile_bounded(candidate)
            found = pattern.match(line)
            if found is None or found.group("label").strip() != remark.label.strip():
                continue
            # A form that also opens many lines that are not turns would make them turns.
            if sum(1 for other in others[:2000] if pattern.match(other)) > max(2, len(others[:2000]) // 20):
                continue
            if pattern.search("") is not None or all(pattern.search(s) for s in SAMPLE_LINES[1:]):
                continue
            proposal = forms.setdefault(candidate, Proposal(candidate))
            proposal.lines.append(remark.line)
            if remark.label not in proposal.examples:
                proposal.examples.append(remark.label)
            break
    return sorted(forms.values(), key=lambda p: (-len(p.lines), p.lines[0]))


def propose_roll_labels(imported: Imported) -> dict[str, tuple[str, list[int]]]:
    """Each printed roll label with the group its people were read as, and its lines."""
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, list[int]] = defaultdict(list)
    for attendee in imported.draft.attendees:
        label = (attendee.label or "").strip().strip(":：【】()（）[]")
        if label and attendee.group in GROUPS:
            seen[label][attendee.group] += 1
            where[label].append(attendee.line)
    return {label: (groups.most_common(1)[0][0], where[label]) for label, groups in seen.items()}


def propose_skip(imported: Imported) -> list[Proposal]:
    """Anchored patterns for the short skipped lines around the record (menus, print links,
    copyright lines), digits generalised; page numbers are left to the general rules."""
    from .patterns import compile_bounded

    lines = imported.source.text.split("\n")
    out: dict[str, Proposal] = {}
    for no in sorted(skipped_lines(imported.notes)):
        if not 0 < no <= len(lines):
            continue
        text = lines[no - 1].strip()
        if not text or len(text) > MAX_SKIP or re.fullmatch(r"[\d\s\-‐－―/()（）.ページpPage]*", text):
            continue
        candidate = "^\\s*" + re.sub(r"\d+", r"\\d+", _escape(text)) + "\\s*$"
        pattern = compile_bounded(candidate)
        if pattern.match(lines[no - 1]) is None or pattern.search("") is not None:
            continue
        proposal = out.setdefault(candidate, Proposal(candidate))
        proposal.lines.append(no)
        proposal.examples.append(text)
    return list(out.values())


def render_profile(imported: Imported) -> str:
    """The proposed import.yml, commented."""
    source = imported.path.name
    out = [
        f"# Import profile proposed by `gijiroku import {source} --propose-profile`.",
        "# Check each entry against the record, delete what is wrong, and save it as",
        "# minutes/COUNCIL/import.yml: every import into that folder reads it.",
        f"# Header fields a label can name: {', '.join(FIELDS)}; groups: {', '.join(GROUPS)}.",
        "",
    ]
    speakers = propose_speaker_labels(imported)
    out.append("speaker_labels:" + ("" if speakers else " []"))
    for proposal in speakers:
        out.append(f"  # {_seen(proposal.lines)}: {', '.join(proposal.examples[:4])}")
        out.append(f"  - {_quote(proposal.pattern)}")
    rolls = propose_roll_labels(imported)
    out += ["", "roll_labels:" + ("" if rolls else " {}")]
    for label, (group, where) in rolls.items():
        lines = sorted(set(where))
        out.append(
            f"  # {len(where)} {'person' if len(where) == 1 else 'people'} read under it as {group}, "
            f"at line{'s' if len(lines) != 1 else ''} {', '.join(map(str, lines[:8]))}"
        )
        out.append(f"  {_quote(label)}: {group}")
    out += ["", "header_labels: {}", ""]
    skip = propose_skip(imported)
    out.append("skip:" + ("" if skip else " []"))
    for proposal in skip:
        out.append(f"  # skipped as page text {_seen(proposal.lines)}: {proposal.examples[0]}")
        out.append(f"  - {_quote(proposal.pattern)}")
    return "\n".join(out) + "\n"


def _seen(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:8]) + (" …" if len(lines) > 8 else "")
    return f"seen {len(lines)} time{'s' if len(lines) != 1 else ''}, at line{'s' if len(lines) != 1 else ''} {shown}"


def _escape(text: str) -> str:
    """re.escape, leaving spaces as they are (they need no escape outside verbose mode)."""
    return re.escape(text).replace("\\ ", " ")


def _quote(text: str) -> str:
    """A YAML single-quoted scalar: backslashes stay as they are, quotes are doubled."""
    return "'" + text.replace("'", "''") + "'"


def run_propose(path: Path, out: Path, minutes: Path, encoding: str | None = None, force: bool = False) -> int:
    """Import the record with the general rules alone and write the proposed profile."""
    try:
        imported = import_file(path, load_registry(minutes), encoding=encoding)
    except ImportFailed as exc:
        print(f"gijiroku import: {path}: {exc}", file=sys.stderr)
        return 2
    text = render_profile(imported)
    check = Diagnostics()
    if str(out) == "-":
        sys.stdout.write(text)
        return 0
    if out.exists() and not force:
        print(f"gijiroku import: {out} exists: not overwritten (--force overwrites it)", file=sys.stderr)
        return 2
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"gijiroku import: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    load_profile(out, check)
    for diag in check.sorted():  # never expected: the proposals were checked one by one
        print(diag.format(), file=sys.stderr)
    print(
        f"{out}: proposed from {path}: {text.count(chr(10) + '  - ')} patterns, "
        f"{len(propose_roll_labels(imported))} roll labels; check them before use",
        file=sys.stderr,
    )
    return 1 if check.errors else 0
