"""Scoring `gijiroku import` on the shared corpus of real published records, field by field,
against the hand-checked facts in ../shared/corpus/expected*.json (Japanese and English).

The corpus lies beside the checkout and is read where it is; nothing of it is copied into
the project. `python tests/corpusscore.py [SLUG-PART…]` prints the table and, per record,
the fields that miss (a working tool; tests/test_import_corpus.py asserts the targets).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from gijiroku.importer import extract, parse_minutes  # noqa: E402
from gijiroku.importer.accounting import account, write_complete  # noqa: E402
from gijiroku.importer.draft import Draft  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FACTS = ("expected.json", "expected_ja2.json", "expected_en.json")
FIELDS = ("date", "time", "venue", "attendee names", "attendee groups", "agenda items", "speaker turns", "text accounted")


def squash(text: str | None) -> str:
    """Without any white space, for comparing printed text."""
    return re.sub(r"\s+", "", text or "")


def available() -> bool:
    """True when the shared corpus is beside this checkout."""
    return all((CORPUS / name).is_file() for name in FACTS)


def records() -> dict[str, dict[str, Any]]:
    """Every record's facts, by slug, from all three fact files."""
    out: dict[str, dict[str, Any]] = {}
    for name in FACTS:
        out.update(json.loads((CORPUS / name).read_text(encoding="utf-8")))
    return out


def raw(slug: str) -> bytes:
    """The record's text as retrieved (after the corpus file's four header lines)."""
    text = (CORPUS / "raw" / f"{slug}.txt").read_text(encoding="utf-8")
    return text.split("# ===== text =====\n", 1)[-1].encode("utf-8")


@dataclass
class Imported:
    """One record through the importer: the draft, the meeting file and its accounting."""

    draft: Draft
    meeting: str
    text: str
    accounted: tuple[int, int] = (0, 0)


def import_record(slug: str) -> Imported:
    """The record imported as `gijiroku import` would, with the share of its text accounted for."""
    source = extract(raw(slug))
    draft = parse_minutes(source.text, {})
    meeting = write_complete(draft, {}, source.text, source.notes + draft.notes)
    result = account(source.text, meeting, source.notes + draft.notes)
    return Imported(draft, meeting, source.text, (result.accounted, result.total))


def _label(text: str) -> str:
    return squash(text).rstrip(":：")


def turns(expected: dict[str, Any], draft: Draft) -> tuple[int, int]:
    """(right, total) speaker turns of a verbatim record: turns whose printed label is one
    of the record's labels, up to the number of turns it has, less every turn too many."""
    labels = {_label(x) for x in expected.get("speaker_labels") or []}
    if expected.get("kind") != "verbatim" or not labels:
        return 0, 0
    total = int(expected.get("remarks_in_excerpt") or 0)
    mine = [r for r in draft.remarks if r.label and r.kind in ("spoken", "written", "unattributed")]
    right = sum(1 for r in mine if _label(r.label) in labels)
    return max(0, min(right, total) - max(0, len(mine) - total)), total


def score(expected: dict[str, Any], imported: Imported) -> dict[str, tuple[int, int]]:
    """(right, total) per field for one record."""
    draft = imported.draft
    out: dict[str, tuple[int, int]] = {}
    if expected.get("date"):
        out["date"] = (int(draft.date is not None and draft.date.isoformat() == expected["date"]), 1)
    if expected.get("start"):
        out["time"] = (int(draft.start == expected["start"] and draft.end == expected.get("end")), 1)
    if expected.get("venue"):
        out["venue"] = (int(squash(draft.venue) == squash(expected["venue"])), 1)
    mine = [a for a in draft.attendees if not a.others]
    used: set[int] = set()
    names = groups = 0
    for person in expected.get("attendees") or []:
        match = next((i for i, a in enumerate(mine) if i not in used and squash(a.name) == squash(person["name"])), None)
        if match is None:
            continue
        used.add(match)
        names += 1
        groups += int((mine[match].label or None) == person["group"])
    count = len(expected.get("attendees") or [])
    out["attendee names"] = (names, count)
    out["attendee groups"] = (groups, count)
    titles = [squash(item.title) for item in draft.agenda]
    out["agenda items"] = (sum(squash(t) in titles for t in expected.get("agenda") or []), len(expected.get("agenda") or []))
    out["speaker turns"] = turns(expected, draft)
    out["text accounted"] = imported.accounted
    return out


@dataclass
class Table:
    """Totals per field over the corpus, and the records that crashed or were refused."""

    totals: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    crashed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    misses: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)

    def share(self, name: str) -> float:
        """The share right of one field (1.0 when it has nothing to score)."""
        right, total = self.totals[name]
        return right / total if total else 1.0

    def format(self, title: str) -> str:
        """The per-field table as printed by the corpus test."""
        lines = [title, f"{'field':<16} {'right':>7} / {'total':<7} share"]
        for name, (right, total) in self.totals.items():
            lines.append(f"{name:<16} {right:>7} / {total:<7} {right / max(total, 1):6.1%}")
        lines.append(f"crashes {len(self.crashed)}, refused {len(self.refused)}")
        return "\n".join(lines)


def corpus_table(slugs: list[str] | None = None) -> Table:
    """Score every record (or those named)."""
    table = Table()
    for slug, facts in records().items():
        if slugs is not None and slug not in slugs:
            continue
        try:
            imported = import_record(slug)
        except ValueError as exc:
            table.refused.append(f"{slug}: {exc}")
            continue
        except Exception as exc:  # a crash is what the table counts, not what stops it
            table.crashed.append(f"{slug}: {type(exc).__name__}: {exc}")
            continue
        result = score(facts, imported)
        for name, (right, total) in result.items():
            table.totals[name][0] += right
            table.totals[name][1] += total
        bad = {k: v for k, v in result.items() if v[0] != v[1]}
        if bad:
            table.misses[slug] = bad
    return table


if __name__ == "__main__":
    wanted = sys.argv[1:]
    chosen = [s for s in records() if not wanted or any(w in s for w in wanted)]
    result = corpus_table(chosen)
    for slug_, bad_ in result.misses.items():
        print(slug_, bad_)
    print(*result.crashed, *result.refused, sep="\n")
    print(result.format(f"{len(chosen)} records"))
