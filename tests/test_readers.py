"""Issue 24 without a browser: role names across languages and their check, the catalogue
refusing a value cut at a comma, speakers' role periods and unnamed opinions, the search
index's meeting spans, feeds that carry their stylesheet, the bulk download."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from gijiroku import catalogue, load_archive
from gijiroku import datafiles as paths
from gijiroku.cli import main
from gijiroku.data import downloads, feedstyle, shared
from gijiroku.data.charts import period_dates
from gijiroku.index import index_archive
from gijiroku.search.build import build_search_index, fnv1a
from gijiroku.site.render import Renderer


def _without_translation(base_minutes: Path) -> Path:
    (base_minutes / "test-council" / "2024-01-15.en.md").unlink()
    return base_minutes


def test_a_role_no_translation_names_is_a_check_warning(base_minutes: Path, capsys) -> None:
    _without_translation(base_minutes)
    assert main(["check", str(base_minutes)]) == 0
    err = capsys.readouterr().err
    assert "minutes/test-council/2024-01-15.ja.md:10:1: W084 role '座長' of 'yamada-taro' has no en name" in err
    assert "minutes/test-council/2024-01-15.ja.md:11:1: W084 role '試験大臣' of 'suzuki-hanako' has no en name" in err
    assert "2 warnings" in err
    assert main(["check", "--strict", str(base_minutes)]) == 1


def test_a_role_translated_at_another_meeting_names_it_on_the_speaker_page(base_minutes: Path, capsys) -> None:
    # A second, untranslated meeting at which Yamada is 座長 again: the first's translation names it.
    council = base_minutes / "test-council"
    ja = (council / "2024-01-15.ja.md").read_text(encoding="utf-8")
    (council / "2024-02-20.ja.md").write_text(
        ja.replace("date: 2024-01-15", "date: 2024-02-20").replace("第1回", "第2回"), encoding="utf-8"
    )
    assert main(["check", str(base_minutes)]) == 0
    assert "W084" not in capsys.readouterr().err
    archive, diags = load_archive(base_minutes)
    assert not diags.errors
    renderer = Renderer(index_archive(archive), "en")
    periods = renderer.role_periods("yamada-taro")
    english = archive.meeting("test-council/2024-01-15").version("en").roles["yamada-taro"].role
    assert [(p.role, p.first, p.last, p.meetings, p.latest) for p in periods] == [
        (english, dt.date(2024, 1, 15), dt.date(2024, 2, 20), 2, False)
    ]
    page = renderer.render_speaker_pages("yamada-taro")["speakers/yamada-taro.md"]
    assert "座長" not in page.split("{#roles}")[1], "no Japanese role on the English page"


def test_role_periods_split_where_the_role_changes(base_minutes: Path) -> None:
    council = base_minutes / "test-council"
    ja = (council / "2024-01-15.ja.md").read_text(encoding="utf-8")
    (council / "2024-03-01.ja.md").write_text(
        ja.replace("date: 2024-01-15", "date: 2024-03-01").replace("第1回", "第3回").replace("role: 座長", "role: 委員"),
        encoding="utf-8",
    )
    archive, diags = load_archive(base_minutes)
    assert not diags.errors
    periods = Renderer(index_archive(archive), "ja").role_periods("yamada-taro")
    assert [(p.role, p.first.isoformat(), p.latest) for p in periods] == [
        ("委員", "2024-03-01", True),
        ("座長", "2024-01-15", False),
    ]


def test_unnamed_opinions_count_for_members_only(base_minutes: Path) -> None:
    archive, _ = load_archive(base_minutes)
    renderer = Renderer(index_archive(archive), "en")
    assert [m.key for m in renderer.unnamed_opinions("yamada-taro")] == ["test-council/2024-01-15"]
    assert renderer.unnamed_opinions("suzuki-hanako") == [], "a minister gives no member's opinion"


def test_the_catalogue_refuses_a_value_cut_at_an_unquoted_comma(tmp_path: Path, monkeypatch) -> None:
    text = (catalogue.HERE / "catalogue.yml").read_text(encoding="utf-8")
    (tmp_path / "catalogue.yml").write_text(text + "broken: {ja: 書面, en: Written (on paper, not spoken)}\n", encoding="utf-8")
    monkeypatch.setattr(catalogue, "HERE", tmp_path)
    with pytest.raises(ValueError, match="'broken' has keys that are no language: \\['not spoken\\)'\\]"):
        catalogue.load_catalogue()


def test_every_catalogue_text_is_whole() -> None:
    raw = yaml.safe_load((catalogue.HERE / "catalogue.yml").read_text(encoding="utf-8"))
    assert catalogue.load_catalogue() == raw
    assert raw["kind_written"]["en"] == "Submitted in writing (distributed on paper, not spoken)"


def test_each_meeting_s_remarks_are_a_span_of_the_search_index() -> None:
    archive, _ = load_archive(ROOT / "minutes")
    files = build_search_index(index_archive(archive), "en")
    meta = json.loads(files["meta.json"])
    key = "ai-strategy-council/2023-08-04"
    shard = json.loads(files[f"meetings/{fnv1a(key) % meta['meetingShards']}.json"])
    first, count, title, date = shard[key]
    assert (first, count, date) == (0, meta["docs"], "2023-08-04")
    assert title == archive.meeting(key).reading("en").title
    assert meta["common"] >= 2000


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [("2023", "2023-01-01", "2023-12-31"), ("2024-02", "2024-02-01", "2024-02-29"), ("2023-12", "2023-12-01", "2023-12-31")],
)
def test_a_chart_period_is_a_date_range(period: str, first: str, last: str) -> None:
    assert tuple(d.isoformat() for d in period_dates(period)) == (first, last)


def test_feeds_name_their_stylesheet_and_it_is_xslt(built_site: Path) -> None:
    for lang in ("ja", "en"):
        sheet = ET.parse(built_site / lang / feedstyle.STYLESHEET).getroot()
        assert sheet.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet"
        for feed in (built_site / lang / "feeds").rglob("*.xml"):
            data = feed.read_bytes()
            depth = feed.relative_to(built_site / lang / "feeds").as_posix().count("/")
            assert f'<?xml-stylesheet type="text/xsl" href="{"../" * depth}feed.xsl"?>'.encode() in data
            root = ET.fromstring(data)
            related = root.find("{http://www.w3.org/2005/Atom}link[@rel='related']")
            assert related is not None and related.get("href") == f"{lang}/data/#feeds"


def test_the_zips_hold_every_meeting_and_are_the_same_every_build(built_site: Path) -> None:
    """One zip per council and year holds every meeting's Akoma Ntoso and source files;
    made again from the same minutes, it is the same bytes."""
    archive, _ = load_archive(ROOT / "minutes")
    index = index_archive(archive)
    held = shared.bundles(archive.meetings)
    assert sorted(p.relative_to(built_site).as_posix() for p in (built_site / "downloads").rglob("*.zip")) == sorted(
        paths.bundle_zip(council, year) for council, year in held
    )
    for (council, year), meetings in held.items():
        path = built_site / paths.bundle_zip(council, year)
        with zipfile.ZipFile(path) as bundle:
            names = set(bundle.namelist())
        for meeting in meetings:
            for lang in meeting.versions:
                assert paths.akn_member(council, meeting.date.isoformat(), meeting.id, lang) in names
                assert paths.source_member(council, meeting.id, lang) in names
        assert path.read_bytes() == shared.bundle_bytes(index, meetings, ROOT / "minutes")


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1000, "1.0 KB"),
        (28_247, "28 KB"),
        (1_234_567, "1.2 MB"),
        (45_600_000, "46 MB"),
        (3 * 10**9, "3.0 GB"),
    ],
)
def test_sizes_are_written_as_downloads_are(size: int, shown: str) -> None:
    assert downloads.format_size(size) == shown


def test_the_developer_docs_link_to_what_is_there() -> None:
    # docs/dev/ is read in the repository (GitHub renders it), never built: its links
    # are relative Markdown links between files, checked here since no build checks them.
    broken = []
    for doc in [*sorted((ROOT / "docs" / "dev").rglob("*.md")), ROOT / "README.md"]:
        for match in re.finditer(r'\]\(([^)\s]+)\)|(?:href|src)="([^"]+)"', doc.read_text(encoding="utf-8")):
            link = match.group(1) or match.group(2)
            if re.match(r"[a-z]+:", link) or link.startswith("#"):
                continue
            if not (doc.parent / link.split("#")[0]).exists():
                broken.append(f"{doc.relative_to(ROOT)}: {link}")
    assert broken == []
