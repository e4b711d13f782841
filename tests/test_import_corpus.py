"""`gijiroku import` on the shared corpus of real published records, field by field
against the hand-checked facts in expected.json. Reads the corpus where it lies beside
the checkout (../shared/corpus); nothing of it is copied into the project."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT
from gijiroku.importer import extract, parse_minutes, write_meeting
from gijiroku.importer.draft import Draft
from importcheck import check_errors

CORPUS = ROOT.parent / "shared" / "corpus"
THRESHOLDS = {"date": 19 / 20, "time": 0.90, "venue": 0.90, "attendee names": 0.90, "attendee groups": 0.80,
              "agenda items": 0.85, "speaker labels": 0.90}
needs_corpus = pytest.mark.skipif(not (CORPUS / "expected.json").is_file(),
                                  reason="the shared corpus (../shared/corpus) is not beside this checkout")


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _raw(slug: str) -> bytes:
    text = (CORPUS / "raw" / f"{slug}.txt").read_text(encoding="utf-8")
    return text.split("# ===== text =====\n", 1)[-1].encode("utf-8")


def import_record(slug: str) -> Draft:
    """The draft of one corpus record, imported as `gijiroku import` would."""
    return parse_minutes(extract(_raw(slug)).text, {})


def score(expected: dict[str, Any], draft: Draft) -> dict[str, tuple[int, int]]:
    """(right, total) per field for one record."""
    out: dict[str, tuple[int, int]] = {}
    out["date"] = (int(draft.date is not None and draft.date.isoformat() == expected["date"]), 1)
    if expected.get("start"):
        out["time"] = (int(draft.start == expected["start"] and draft.end == expected.get("end")), 1)
    if expected.get("venue"):
        out["venue"] = (int(_squash(draft.venue) == _squash(expected["venue"])), 1)
    mine = [a for a in draft.attendees if not a.others]
    used: set[int] = set()
    names = groups = 0
    for person in expected["attendees"]:
        match = next((i for i, a in enumerate(mine) if i not in used and _squash(a.name) == _squash(person["name"])), None)
        if match is None:
            continue
        used.add(match)
        names += 1
        groups += int((mine[match].label or None) == person["group"])
    out["attendee names"] = (names, len(expected["attendees"]))
    out["attendee groups"] = (groups, len(expected["attendees"]))
    titles = [_squash(item.title) for item in draft.agenda]
    out["agenda items"] = (sum(_squash(t) in titles for t in expected["agenda"]), len(expected["agenda"]))
    labels = {r.label.strip() for r in draft.remarks if r.label}
    out["speaker labels"] = (sum(label in labels for label in expected.get("speaker_labels", [])),
                             len(expected.get("speaker_labels", [])))
    return out


def corpus_table() -> tuple[dict[str, list[int]], list[str], list[str]]:
    """Totals per field over the corpus, and the records that crashed or were refused."""
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {field: [0, 0] for field in THRESHOLDS}
    crashed, refused = [], []
    for slug, facts in expected.items():
        try:
            draft = import_record(slug)
        except ValueError as exc:
            refused.append(f"{slug}: {exc}")
            continue
        except Exception as exc:  # a crash is what this test counts, not what stops it
            crashed.append(f"{slug}: {type(exc).__name__}: {exc}")
            continue
        for field, (right, total) in score(facts, draft).items():
            totals[field][0] += right
            totals[field][1] += total
    return totals, crashed, refused


@needs_corpus
def test_corpus_fields_meet_the_thresholds() -> None:
    totals, crashed, refused = corpus_table()
    print("\nfield            right / total   share   needed")
    for field, (right, total) in totals.items():
        print(f"{field:<16} {right:>5} / {total:<5}   {right / max(total, 1):6.1%}  {THRESHOLDS[field]:6.1%}")
    print(f"crashes {len(crashed)}, refused {len(refused)}")
    assert crashed == [] and refused == []
    short = {f: f"{r}/{t}" for f, (r, t) in totals.items() if t and r / t < THRESHOLDS[f]}
    assert short == {}, short


@needs_corpus
@pytest.mark.parametrize("slug", sorted(json.loads((CORPUS / "expected.json").read_text(encoding="utf-8")))
                         if (CORPUS / "expected.json").is_file() else [])
def test_corpus_import_passes_check_once_people_are_added(slug: str, tmp_path: Path) -> None:
    draft = import_record(slug)
    date = draft.date.isoformat() if draft.date else "m1"
    assert check_errors(write_meeting(draft, {}), draft.proposed_people, tmp_path, name=date) == []


if __name__ == "__main__":  # a quick look while working: python tests/test_import_corpus.py
    import sys

    expected_all = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    for slug_, facts_ in expected_all.items():
        if len(sys.argv) > 1 and not any(a in slug_ for a in sys.argv[1:]):
            continue
        result = score(facts_, import_record(slug_))
        bad = {f: v for f, v in result.items() if v[0] != v[1]}
        print(slug_, bad or "ok")
    print(corpus_table()[0])
