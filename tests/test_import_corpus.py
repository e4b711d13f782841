"""`gijiroku import` on the shared corpus of real published records (Japanese and English),
field by field against the hand-checked facts in ../shared/corpus/expected*.json. The corpus
is read where it lies beside the checkout; nothing of it is copied into the project.

The scoring lives in corpusscore.py (also a working tool: `python tests/corpusscore.py`);
this file asserts the targets of the importer and that every draft checks clean once its
proposed people are added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import corpusscore
from gijiroku.importer import write_meeting
from importcheck import check_errors

TARGETS = {
    "date": 1.0,
    "time": 0.95,
    "venue": 0.95,
    "attendee names": 0.95,
    "attendee groups": 0.90,
    "agenda items": 0.90,
    "speaker turns": 0.95,
    "text accounted": 1.0,
}
needs_corpus = pytest.mark.skipif(
    not corpusscore.available(), reason="the shared corpus (../shared/corpus) is not beside this checkout"
)
SLUGS = sorted(corpusscore.records()) if corpusscore.available() else []


@needs_corpus
def test_corpus_fields_meet_the_targets() -> None:
    table = corpusscore.corpus_table()
    print("\n" + table.format(f"{len(SLUGS)} records"))
    for slug, misses in table.misses.items():
        print(slug, misses)
    assert table.crashed == [] and table.refused == []
    assert set(TARGETS) == set(corpusscore.FIELDS)
    short = {name: f"{right}/{total}" for name, (right, total) in table.totals.items() if total and right / total < TARGETS[name]}
    assert short == {}, short


@needs_corpus
def test_corpus_holds_both_languages() -> None:
    english = [slug for slug in SLUGS if slug.startswith("en_")]
    assert len(english) >= 15 and len(SLUGS) - len(english) >= 40


@needs_corpus
@pytest.mark.parametrize("slug", SLUGS)
def test_corpus_import_passes_check_once_people_are_added(slug: str, tmp_path: Path) -> None:
    imported = corpusscore.import_record(slug)
    draft = imported.draft
    assert imported.accounted[0] == imported.accounted[1], "text of the record is missing from the file"
    date = draft.date.isoformat() if draft.date else "m1"
    errors = check_errors(write_meeting(draft, {}), draft.proposed_people, tmp_path, name=date, lang=draft.language)
    if draft.date is None:  # a record that prints no date is written date: TODO, for the user to fill in
        assert [e for e in errors if "E040 date 'TODO'" not in e] == [] and len(errors) == 1
    else:
        assert errors == []
