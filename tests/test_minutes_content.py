"""The real archive in minutes/: it loads without a diagnostic and holds the whole seed meeting."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT
from gijiroku import load_archive
from gijiroku.model import LANGUAGES

KEY = "ai-strategy-council/2023-08-04"


@pytest.fixture(scope="module")
def loaded():
    archive, diags = load_archive(ROOT / "minutes")
    return archive, diags


@pytest.fixture(scope="module")
def meeting(loaded):
    archive, _ = loaded
    found = archive.meeting(KEY)
    assert found is not None
    return found


def test_no_diagnostics(loaded) -> None:
    _, diags = loaded
    assert [d.format() for d in diags.items] == []


def test_header(meeting) -> None:
    assert str(meeting.date) == "2023-08-04"
    assert (meeting.start, meeting.end) == ("12:50", "13:30")
    assert meeting.number == 4
    assert meeting.record == "summary"
    assert meeting.language == "ja"
    assert meeting.original.venue == "中央合同庁舎8号館1階 講堂"


def test_attendees(meeting) -> None:
    groups = Counter(a.group for a in meeting.attendees if a.person)
    assert groups == {"chair": 1, "member": 7, "government": 6}
    others = [a for a in meeting.attendees if a.others]
    assert [a.group for a in others] == ["government"], "the source's 他 is kept"
    roles = meeting.original.roles
    assert roles["matsumoto-takeaki"].role == "総務大臣"
    assert roles["yamaguchi-shinichi"].affiliation == "国際大学グローバル・コミュニケーション・センター 准教授"
    assert roles["matsuo-yutaka"].role == "座長"


def test_agenda_and_materials(meeting) -> None:
    assert [(a.id, a.public) for a in meeting.agenda] == [("hiroshima-ai-process", False), ("ai-development", True)]
    assert [(m.id, m.public) for m in meeting.materials] == [
        ("shiryo-1-1", True),
        ("shiryo-1-2", False),
        ("shiryo-2", True),
        ("sanko", True),
    ]
    assert meeting.original.materials["shiryo-1-2"][0] == "資料1-2"


def test_remarks_kinds_and_speakers(meeting) -> None:
    remarks = [r for r in meeting.remarks if r.kind != "narration"]
    assert len(remarks) == 26
    assert Counter(r.kind for r in remarks) == {"spoken": 4, "written": 2, "unattributed": 20}
    named = [(r.speaker, r.kind) for r in remarks if r.speaker]
    assert named == [
        ("matsumoto-takeaki", "spoken"),
        ("takaichi-sanae", "spoken"),
        ("nagaoka-keiko", "spoken"),
        ("nakatani-shinichi", "written"),
        ("ozaki-masanao", "written"),
        ("murai-hideki", "spoken"),
    ]
    assert all(r.speaker is None for r in remarks if r.kind == "unattributed")
    by_section = Counter(r.section for r in remarks)
    assert by_section == {"opening": 5, "ai-development": 20, "closing": 1}
    assert all(r.topics for r in remarks), "every remark has topics, so topic pages are meaningful"


def test_non_public_item_keeps_its_narration(meeting) -> None:
    section = next(s for s in meeting.sections if s.item == "hiroshima-ai-process")
    [narration] = section.remarks
    assert narration.kind == "narration"
    assert "内容非公表のため、意見等は省略" in meeting.original.remarks[narration.id].paragraphs[0]


def test_opinion_across_page_break_is_one_remark(meeting) -> None:
    text = "".join(meeting.original.remarks["opinion-05"].paragraphs)
    assert "どう壁を超えるかということに関しては" in text
    text = "".join(meeting.original.remarks["opinion-15"].paragraphs)
    assert "先ほども開発という話があった" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_has_every_remark(meeting, lang: str) -> None:
    version = meeting.version(lang)
    assert version is not None
    assert set(version.remarks) == {r.id for r in meeting.remarks}
    assert not version.stale
    assert set(version.roles) == {a.person for a in meeting.attendees if a.person}


def test_translation_provenance(meeting) -> None:
    english = meeting.version("en")
    assert english.is_translation
    assert english.provenance.status == "unofficial"
    assert english.provenance.reviewed is False
    assert meeting.original.provenance is None


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=。)", text) if s.strip()]


def test_original_wording_is_kept(meeting) -> None:
    """Every sentence of the seed's proceedings is in the minutes file, as published."""
    seed = ROOT.parent / "shared" / "seeds" / "000_d0d8d0c0f66b98ff.txt"
    if not seed.is_file():
        pytest.skip("the seed text is not beside this checkout")
    proceedings = seed.read_text(encoding="utf-8").split("#### 6. 議事要旨", 1)[1]
    lines = [re.sub(r"^(?:- )?[・○]?\s*", "", line.strip()) for line in proceedings.splitlines()]
    body = [line for line in lines if line and not line.startswith(("#", "**"))]
    ours = "".join("".join(t.paragraphs) for t in meeting.original.remarks.values())
    for line in body:
        for sentence in _sentences(line):
            assert sentence.strip() in ours, sentence
