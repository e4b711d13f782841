"""What is left to translate: `gijiroku translate status` and the site's page, on the real
minutes and on copies made untranslated, partly translated, stale, machine-made or
reviewed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT
from gijiroku import load_archive
from gijiroku.index import index_archive
from gijiroku.model import Meeting
from gijiroku.site.render import Renderer
from htmlcheck import parse
from translatecheck import MEETING, gijiroku, loaded, real_minutes

EN_FILE = "ai-strategy-council/2023-08-04.en.md"
JA_FILE = "ai-strategy-council/2023-08-04.ja.md"


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    return real_minutes(tmp_path)


def status(minutes: Path) -> dict:
    run = gijiroku("translate", "status", "--format", "json", "--directory", minutes)
    assert run.status == 0, run.stderr
    return json.loads(run.stdout)


def characters(meeting: Meeting, labels: bool = True) -> int:
    """Every character of the original's translatable text, counted from the model."""
    o = meeting.original
    texts = [o.title, o.venue, *o.agenda.values()]
    texts += [t for role in o.roles.values() for t in (role.role, role.affiliation)]
    texts += [t for pair in o.materials.values() for t in pair]
    texts += [p for text in o.remarks.values() for p in text.paragraphs]
    texts += [text.label for text in o.remarks.values()] if labels else []
    return sum(len(t) for t in texts)


def the_meeting(data: dict) -> dict:
    (council,) = data["councils"]
    (meeting,) = council["meetings"]
    return meeting


def test_the_real_minutes_are_translated_but_not_reviewed(minutes: Path) -> None:
    meeting, _ = loaded(minutes)
    data = status(minutes)
    row = the_meeting(data)
    assert (row["meeting"], row["from"], row["to"], row["states"]) == (MEETING, "ja", "en", ["unreviewed"])
    assert row["to_translate"] == {"remarks": 0, "characters": 0}
    assert row["to_review"] == {"remarks": len(meeting.remarks), "characters": characters(meeting)}
    assert data["to_review"] == row["to_review"]
    run = gijiroku("translate", "status", "--directory", minutes)
    text = run.stdout.decode()
    assert "2023-08-04" in text and "unreviewed" in text and f"review {len(meeting.remarks)} remarks" in text


def test_a_meeting_without_translation_is_all_left(minutes: Path) -> None:
    (minutes / EN_FILE).unlink()
    meeting, _ = loaded(minutes)
    row = the_meeting(status(minutes))
    assert row["states"] == ["not-translated"]
    assert row["to_translate"] == {"remarks": len(meeting.remarks), "characters": characters(meeting)}
    assert row["to_review"] == {"remarks": 0, "characters": 0}


def test_partly_translated_stale_and_machine_made(minutes: Path) -> None:
    meeting, _ = loaded(minutes)
    # A remark left in Japanese (a copied file not finished), one corrected in the original since.
    en = (minutes / EN_FILE).read_text(encoding="utf-8")
    english_end = "End.\n"
    en = en.replace("\n" + english_end, "\n以上\n").replace("method: human", "method: machine")
    (minutes / EN_FILE).write_text(en, encoding="utf-8")
    ja = minutes / JA_FILE
    ja.write_text(ja.read_text(encoding="utf-8").replace("二番手レベルの案", "二番手の案"), encoding="utf-8")
    changed, _ = loaded(minutes)
    row = the_meeting(status(minutes))
    assert row["states"] == ["partly-translated", "stale", "machine", "unreviewed"]
    assert row["to_translate"] == {
        "remarks": 2,
        "characters": len("以上") + len(changed.original.remarks["opinion-06"].paragraphs[0]),
    }


def test_a_reviewed_human_translation_is_done(minutes: Path) -> None:
    en = minutes / EN_FILE
    en.write_text(en.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"), encoding="utf-8")
    data = status(minutes)
    assert data["councils"][0]["meetings"] == [] and data["councils"][0]["done"] == 1
    run = gijiroku("translate", "status", "--directory", minutes)
    assert "1 more meeting fully translated and reviewed" in run.stdout.decode()


def test_status_to_a_language_and_a_council(minutes: Path) -> None:
    data = status(minutes)
    run = gijiroku("translate", "status", "ai-strategy-council", "--to", "ja", "--format", "json", "--directory", minutes)
    assert json.loads(run.stdout)["councils"][0]["meetings"] == [], "nothing is translated into its own language"
    assert data["councils"][0]["council"] == "ai-strategy-council"
    run = gijiroku("translate", "status", "no-such-council", "--directory", minutes)
    assert run.status == 2 and "no council 'no-such-council'" in run.stderr


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_lists_what_is_left(minutes: Path, lang: str) -> None:
    (minutes / EN_FILE).unlink()
    archive, _ = load_archive(minutes)
    page = Renderer(index_archive(archive), lang).render_translations()
    meeting = archive.meeting(MEETING)
    words = {"ja": ("未翻訳", "英語訳", "発言 32 件"), "en": ("not translated", "Into English", "32 remarks")}[lang]
    assert all(word in page for word in words), page
    assert f"{characters(meeting)} " in page or f"{characters(meeting)}字" in page.replace(" ", "")
    assert "(meetings/ai-strategy-council/2023-08-04.md)" in page


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_built_site_has_the_page_linked_from_all_meetings(built_site: Path, lang: str) -> None:
    page = built_site / lang / "translations" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert {"ja": "翻訳の残り", "en": "What is left to translate"}[lang] in html
    assert {"ja": "未確認", "en": "not reviewed"}[lang] in html
    assert 'href="../meetings/ai-strategy-council/2023-08-04/"' in html
    assert "<code>gijiroku translate export</code>" in html, "tells translators how to take what is left"
    meetings = parse(built_site / lang / "meetings" / "index.html")
    assert meetings.find("a", href="../translations/")
    assert re.search(r'<html[^>]* lang="' + lang, html)


def test_the_real_archive_counts_every_remark(minutes: Path) -> None:
    archive, _ = load_archive(ROOT / "minutes")
    meeting = archive.meeting(MEETING)
    assert the_meeting(status(minutes))["total"]["remarks"] == len(meeting.remarks) == 32


def test_errors_elsewhere_are_said_not_hidden(minutes: Path) -> None:
    broken = minutes / "ai-strategy-council" / "2024-01-01.ja.md"
    broken.write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    run = gijiroku("translate", "status", "--directory", minutes)
    assert run.status == 0
    assert "1 error in minutes/ai-strategy-council/2024-01-01.ja.md" in run.stderr and "left out" in run.stderr
