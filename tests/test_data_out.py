"""Data out, checked in built sites: the static API and its schemas, each meeting's one
JSON for every language, the zips of Akoma Ntoso and source files per council and year,
the Atom feeds and the charts.

Two sites are checked the same way: the real one (`built_site`) and a synthetic
archive of a few dozen meetings. A third pair of builds checks that feeds do not
change when nothing changed, and one with a site URL that links become absolute.
"""

from __future__ import annotations

import dataclasses
import json
import os
import posixpath
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urldefrag, urljoin, urlsplit

import jsonschema
import pytest
from lxml import etree
from referencing import Registry, Resource

from conftest import BASE_MINUTES, ROOT, make_project, run_mkdocs_build
from devtools.synth import generate_archive
from gijiroku import datafiles as paths
from gijiroku import load_archive
from gijiroku.data import api, charts, feeds, pages
from gijiroku.data.akn import AKN_NS, meeting_akn
from gijiroku.datafiles import SCHEMA_KINDS, Links
from gijiroku.index import index_archive
from gijiroku.model import LANGUAGES, Archive, LangText, RoleText
from htmlcheck import parse

ATOM = "http://www.w3.org/2005/Atom"
A = f"{{{AKN_NS}}}"
SYNTH_MEETINGS = 36
MATERIALS_NOT_PUBLIC = 1
"""In the real meeting: 資料1-2 is 非公表."""


# -- the two sites --------------------------------------------------------------------


@pytest.fixture(scope="module")
def synth_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A synthetic archive and its site: (minutes, site)."""
    work = tmp_path_factory.mktemp("synth")
    generate_archive(work / "minutes", SYNTH_MEETINGS, seed=7)
    project = make_project(work / "project", work / "minutes")
    site = work / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "minutes", site


@pytest.fixture(scope="module", params=["real", "synthetic"])
def built(request: pytest.FixtureRequest) -> tuple[Archive, Path, Path]:
    """(archive, minutes folder, site) of each site under test."""
    if request.param == "real":
        minutes, site = ROOT / "minutes", request.getfixturevalue("built_site")
    else:
        minutes, site = request.getfixturevalue("synth_site")
    archive, diags = load_archive(minutes)
    assert not diags.errors
    return archive, minutes, site


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _validator(site: Path, lang: str, kind: str) -> jsonschema.protocols.Validator:
    """A validator for one kind, from the schemas the site publishes."""
    folder = site / lang / "api" / "schemas"
    registry: Registry = Registry().with_resources(
        (f"{k}.schema.json", Resource.from_contents(_json(folder / f"{k}.schema.json"))) for k in SCHEMA_KINDS
    )
    schema = _json(folder / f"{kind}.schema.json")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _resolve_root_link(site: Path, link: str) -> tuple[Path, str]:
    """A link of the data (relative to the site's root) as a file and a fragment."""
    url, fragment = urldefrag(link)
    assert not urlsplit(url).scheme, f"{link}: relative links expected without a site URL"
    target = site / url
    if url.endswith("/"):
        target = target / "index.html"
    return target, fragment


def _meeting_json(site: Path, council: str, meeting: str) -> dict:
    """A meeting's one JSON document (every language), at the site's root."""
    return _json(site / paths.meeting_json(council, meeting))


def _zip_member(site: Path, link: str, member: str) -> bytes:
    """A file inside a zip the data links (relative to the site's root)."""
    with zipfile.ZipFile(site / link) as archive:
        return archive.read(member)


_ids_cache: dict[Path, set[str]] = {}


def _assert_lands(site: Path, link: str) -> None:
    file, fragment = _resolve_root_link(site, link)
    assert file.is_file(), f"{link}: no such file"
    if fragment:
        if file not in _ids_cache:
            _ids_cache[file] = set(parse(file).ids)
        assert fragment in _ids_cache[file], f"{link}: no such anchor"


# -- the API --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_json_file_validates_against_its_schema(built, lang: str) -> None:
    archive, _, site = built
    checked = 0
    for path in sorted((site / lang / "api").glob("*.json")) + sorted((site / "api").rglob("*.json")):
        document = _json(path)
        _validator(site, lang, document["kind"]).validate(document)
        checked += 1
    assert checked == len(archive.meetings) + 4, "one JSON per meeting (for every language) and four indexes"
    assert not (site / lang / "api" / "meetings").exists(), "no meeting data per language"


def test_a_schema_rejects_what_it_should(built_site: Path) -> None:
    """The schemas are not vacuous: a document missing a remark's id, or with an unknown kind, fails."""
    document = _meeting_json(built_site, "ai-strategy-council", "2023-08-04")
    validator = _validator(built_site, "ja", "meeting")
    assert validator.is_valid(document)
    broken = json.loads(json.dumps(document))
    del broken["remarks"][0]["id"]
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(document))
    broken["remarks"][0]["kind"] = "shouted"
    assert not validator.is_valid(broken)
    broken = json.loads(json.dumps(document))
    unattributed = next(r for r in broken["remarks"] if r["kind"] == "unattributed")
    unattributed["speaker"] = "matsumoto-takeaki"
    assert not validator.is_valid(broken), "an unattributed opinion never names a speaker"
    broken = json.loads(json.dumps(document))
    broken["remarks"][0]["text"] = "one language only"
    assert not validator.is_valid(broken), "a remark's text is keyed by language"
    broken = json.loads(json.dumps(document))
    broken["format"] = 1
    assert not validator.is_valid(broken), "format 2 is a new shape"


def test_meeting_json_holds_every_remark_in_order(built) -> None:
    """0 lost: every remark of the source, in order, with its id, kind, speaker and the
    text of every version that has it (the original and each translation, the same ids)."""
    archive, _, site = built
    for meeting in archive.meetings:
        document = _meeting_json(site, meeting.council, meeting.id)
        assert document["languages"] == [lang for lang in LANGUAGES if lang in meeting.versions]
        assert document["original_language"] == meeting.language
        expected = []
        for remark in meeting.remarks:
            texts = {
                lang: "\n\n".join(version.remarks[remark.id].paragraphs)
                for lang, version in meeting.versions.items()
                if remark.id in version.remarks
            }
            expected.append((remark.id, remark.kind, remark.speaker, remark.topics, texts))
        got = [(r["id"], r["kind"], r["speaker"], tuple(r["topics"]), r["text"]) for r in document["remarks"]]
        assert got == expected, meeting.key
        assert set(document["translations"]) == {lang for lang, v in meeting.versions.items() if v.is_translation}
        for r in document["remarks"]:
            if r["speaker"]:
                assert r["speaker"] in document["people"], "every speaker's name and role, once"
        sections = {r.id: r.section for r in meeting.remarks}
        for r in document["remarks"]:
            assert (r["agenda_item"] or r["section"]) == sections[r["id"]]
        for attendee, a in zip(document["attendees"], [a for a in meeting.attendees]):
            assert attendee.get("person") == a.person


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_of_the_json_lands(built, lang: str) -> None:
    archive, _, site = built
    for path in sorted((site / "api").rglob("*.json")):
        document = _json(path)
        page = document["links"]["pages"][lang]
        links = [page, document["links"]["json"], document["links"]["downloads"]["zip"]]
        # A remark's or an item's permalink: the page's address and its id.
        links += [f"{page}#{r['id']}" for r in document["remarks"]] + [f"{page}#{a['id']}" for a in document["agenda"]]
        for link in links:
            _assert_lands(site, link)
        with zipfile.ZipFile(site / document["links"]["downloads"]["zip"]) as bundle:
            names = set(bundle.namelist())
        held = [*document["links"]["downloads"]["akn"].values(), *document["links"]["downloads"]["sources"].values()]
        assert set(held) <= names, path
    for path in sorted((site / lang / "api").glob("*.json")):
        document = _json(path)
        index_links: list[str] = []
        for entry in document["councils" if document["kind"] == "meetings" else document["kind"]]:
            index_links += [v for k, v in entry.items() if k in ("page", "feed", "json")]
            meetings = entry["meetings"] if isinstance(entry.get("meetings"), list) else []
            index_links += [v for m in meetings for k, v in m.items() if k in ("page", "json")]
        assert index_links
        for link in index_links:
            _assert_lands(site, link)


def test_translation_provenance_and_staleness_in_the_json(built_site: Path) -> None:
    document = _meeting_json(built_site, "ai-strategy-council", "2023-08-04")
    assert list(document["translations"]) == ["en"], "the original has no provenance"
    translation = document["translations"]["en"]
    assert translation["status"] == "unofficial" and translation["reviewed"] is False
    assert translation["stale_remarks"] == []
    assert all(list(r["translated_from"]) == ["en"] and r["translated_from"]["en"] for r in document["remarks"])
    assert [m["public"] for m in document["materials"]].count(False) == MATERIALS_NOT_PUBLIC, "非公表 materials say so"


def test_stale_translation_is_marked_in_the_json(tmp_path: Path) -> None:
    from conftest import FIXTURES, overlay_case

    minutes = overlay_case(FIXTURES / "invalid" / "translation-stale", tmp_path / "src")
    archive, _ = load_archive(minutes)
    index = index_archive(archive)
    [meeting] = archive.meetings
    document = api.meeting_document(index, meeting, Links("en"))
    assert document["translations"]["en"]["stale_remarks"] == ["suzuki-1"]
    assert all("en" in r["translated_from"] for r in document["remarks"] if r["kind"] != "narration")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_indexes_list_every_meeting_person_topic_and_council(built, lang: str) -> None:
    archive, _, site = built
    meetings = _json(site / lang / "api" / "meetings.json")
    listed = [(c["id"], m["id"]) for c in meetings["councils"] for m in c["meetings"]]
    assert sorted(listed) == sorted((m.council, m.id) for m in archive.meetings)
    people = _json(site / lang / "api" / "people.json")
    assert [p["id"] for p in people["people"]] == sorted(archive.people)
    for entry in people["people"]:
        person = archive.people[entry["id"]]
        assert entry["name"] == {"ja": person.name.ja, "en": person.name.en} and entry["reading"] == person.reading
        assert sum(span["meetings"] for span in entry["roles"]) == entry["meetings"]
        assert [s["from"] for s in entry["roles"]] == sorted(s["from"] for s in entry["roles"]), "oldest first"
    assert [t["id"] for t in _json(site / lang / "api" / "topics.json")["topics"]] == sorted(archive.topics)
    assert [c["id"] for c in _json(site / lang / "api" / "councils.json")["councils"]] == sorted(archive.councils)


def test_source_markdown_is_downloadable_from_the_meeting_page(
    built,
) -> None:
    """A meeting page links its JSON and its council's zip of the year, and names its
    files in it: the zip holds each source file as it is in the minutes."""
    archive, minutes, site = built
    for meeting in archive.meetings[:5]:
        for lang in LANGUAGES:
            page = parse(site / lang / "meetings" / meeting.council / meeting.id / "index.html")
            [bundle] = [el.attrs["href"] for el in page.find("a") if el.attrs.get("type") == "application/zip"]
            [data] = [el.attrs["href"] for el in page.find("a") if el.attrs.get("type") == "application/json"]
            target = Path(posixpath.normpath(str(page.path.parent / bundle)))
            assert target == site / paths.bundle_zip(meeting.council, meeting.date.year)
            assert Path(posixpath.normpath(str(page.path.parent / data))) == site / paths.meeting_json(
                meeting.council, meeting.id
            )
            named = page.path.read_text(encoding="utf-8")
            with zipfile.ZipFile(target) as held:
                for version in meeting.versions:
                    member = paths.source_member(meeting.council, meeting.id, version)
                    assert f"<code>{member}</code>" in named, (lang, meeting.key)
                    assert held.read(member) == (minutes / meeting.council / f"{meeting.id}.{version}.md").read_bytes()


def test_zips_hold_each_year_of_a_council_in_a_fixed_order(built) -> None:
    """One zip per council and year: each meeting's Akoma Ntoso file per language (named by
    its FRBR expression) and its source files, in date order, with fixed times."""
    archive, _, site = built
    years = {(m.council, m.date.year) for m in archive.meetings}
    assert sorted(p.relative_to(site).as_posix() for p in (site / "downloads").rglob("*.zip")) == sorted(
        paths.bundle_zip(c, y) for c, y in years
    )
    for council, year in years:
        held = sorted((m for m in archive.meetings if (m.council, m.date.year) == (council, year)), key=lambda m: (m.date, m.id))
        expected = []
        for m in held:
            versions = [lang for lang in LANGUAGES if lang in m.versions]
            expected += [paths.akn_member(m.council, m.date.isoformat(), m.id, lang) for lang in versions]
            expected += [paths.source_member(m.council, m.id, lang) for lang in versions]
        with zipfile.ZipFile(site / paths.bundle_zip(council, year)) as bundle:
            assert bundle.namelist() == expected
            assert {info.date_time for info in bundle.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# -- Akoma Ntoso ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_akoma_ntoso_speeches_are_the_page_anchors(built, lang: str) -> None:
    archive, _, site = built
    for meeting in archive.meetings:
        if lang not in meeting.versions:
            continue
        document = _meeting_json(site, meeting.council, meeting.id)
        member = document["links"]["downloads"]["akn"][lang]
        data = _zip_member(site, document["links"]["downloads"]["zip"], member)
        root = etree.fromstring(data)  # raises unless well-formed
        assert root.tag == f"{A}akomaNtoso"
        [debate] = root.findall(f"{A}debate")
        assert [child.tag for child in debate] == [f"{A}meta", f"{A}preface", f"{A}debateBody"]
        ident = debate.find(f"{A}meta/{A}identification")
        assert [c.tag for c in ident] == [f"{A}FRBRWork", f"{A}FRBRExpression", f"{A}FRBRManifestation"]
        expression = ident.find(f"{A}FRBRExpression/{A}FRBRuri").get("value")
        assert member == expression.lstrip("/") + ".xml", "named by its FRBR expression"
        refs = debate.find(f"{A}meta/{A}references")
        persons = {e.get("eId") for e in refs.findall(f"{A}TLCPerson")}
        orgs = {e.get("eId") for e in refs.findall(f"{A}TLCOrganization")}
        roles = {e.get("eId") for e in refs.findall(f"{A}TLCRole")}
        remarks = debate.findall(f".//{A}debateSection/*[@eId]")
        eids = [e.get("eId") for e in remarks]
        assert eids == [r.id for r in meeting.remarks], meeting.key
        if meeting.key == "ai-strategy-council/2023-08-04" or lang == "ja":
            page = parse(site / lang / "meetings" / meeting.council / meeting.id / "index.html")
            anchors = [i for i in page.ids if i in set(eids)]
            assert anchors == eids
        for element, remark in zip(remarks, meeting.remarks):
            if remark.kind == "narration":
                assert element.tag == f"{A}narrative"
                continue
            assert element.tag == f"{A}speech"
            by = element.get("by")[1:]
            if remark.speaker:
                assert by in persons and by == f"person_{remark.speaker}"
                if element.get("as"):
                    assert element.get("as")[1:] in roles
            else:
                assert by in orgs and by not in persons, "an unattributed opinion is never a person's"
        sections = [s.get("eId") for s in debate.findall(f"{A}debateBody/{A}debateSection")]
        assert sections == [s.key for s in meeting.sections]
        all_ids = [e.get("eId") for e in root.iter() if e.get("eId")]
        assert len(all_ids) == len(set(all_ids)), "eIds are unique"


# -- feeds ----------------------------------------------------------------------------


def _feeds(site: Path, lang: str) -> list[Path]:
    return sorted((site / lang / "feeds").rglob("*.xml"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_feed_is_atom_and_every_entry_lands_on_its_anchor(built, lang: str) -> None:
    archive, _, site = built
    found = _feeds(site, lang)
    assert len(found) == 1 + len(archive.councils) + len(archive.people) + len(archive.topics)
    remark_entries = 0
    for path in found:
        root = etree.parse(str(path)).getroot()
        assert root.tag == f"{{{ATOM}}}feed"
        assert {c.tag for c in root} <= {
            f"{{{ATOM}}}{t}" for t in ("id", "title", "updated", "author", "link", "generator", "entry")
        }
        base = root.get("{http://www.w3.org/XML/1998/namespace}base")
        # The feed's own address, relative to the site root; xml:base leads back to the root.
        feed_url = "/" + path.relative_to(site).as_posix()
        root_url = urljoin(feed_url, base)
        assert root_url == "/"
        for required in ("id", "title", "updated"):
            assert root.find(f"{{{ATOM}}}{required}") is not None
        [self_link] = [link for link in root.findall(f"{{{ATOM}}}link") if link.get("rel") == "self"]
        assert urljoin(root_url, self_link.get("href")) == feed_url
        for entry in root.findall(f"{{{ATOM}}}entry"):
            assert entry.findtext(f"{{{ATOM}}}id").startswith("tag:")
            assert entry.findtext(f"{{{ATOM}}}title") and entry.findtext(f"{{{ATOM}}}updated")
            [link] = entry.findall(f"{{{ATOM}}}link")
            _assert_lands(site, urljoin(root_url, link.get("href")).lstrip("/"))
            if "#" in link.get("href"):
                remark_entries += 1
    assert remark_entries > 0


def test_a_speaker_feed_lists_their_latest_remarks_newest_first(built_site: Path, synth_site) -> None:
    _, site = synth_site
    archive, _ = load_archive(synth_site[0])
    index = index_archive(archive)
    person = max(index.people, key=lambda p: len(index.people[p].remarks))
    root = etree.parse(str(site / "en" / "feeds" / "speakers" / f"{person}.xml")).getroot()
    links = [e.find(f"{{{ATOM}}}link").get("href") for e in root.findall(f"{{{ATOM}}}entry")]
    expected = [
        f"en/meetings/{r.meeting.council}/{r.meeting.id}/#{r.remark.id}"
        for r in index.people[person].remarks[: feeds.REMARK_ENTRIES]
    ]
    assert links == expected


def test_feeds_are_byte_identical_across_two_builds(synth_site, tmp_path: Path) -> None:
    minutes, site = synth_site
    again = tmp_path / "site"
    project = make_project(tmp_path / "project", minutes)
    result = run_mkdocs_build(project, again)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in LANGUAGES:
        first = {p.relative_to(site): p.read_bytes() for p in _feeds(site, lang)}
        second = {p.relative_to(again): p.read_bytes() for p in _feeds(again, lang)}
        assert first == second
    for folder in ("api", "downloads", *(f"{lang}/api" for lang in LANGUAGES)):
        data_first = {p.relative_to(site): p.read_bytes() for p in (site / folder).rglob("*") if p.is_file()}
        data_second = {p.relative_to(again): p.read_bytes() for p in (again / folder).rglob("*") if p.is_file()}
        assert data_first and data_first == data_second, folder


def test_entry_ids_come_from_meeting_and_remark_ids(built_site: Path) -> None:
    root = etree.parse(str(built_site / "ja" / "feeds" / "speakers" / "matsumoto-takeaki.xml")).getroot()
    ids = [e.findtext(f"{{{ATOM}}}id") for e in root.findall(f"{{{ATOM}}}entry")]
    assert "tag:gijiroku.invalid,2026:ja/ai-strategy-council/2023-08-04/matsumoto-1" in ids
    assert root.findtext(f"{{{ATOM}}}updated") == "2023-08-04T12:50:00+09:00"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_advertise_their_feed(built_site: Path, lang: str) -> None:
    base = built_site / lang
    for page_path, feed in [
        ("index.html", "feeds/meetings.xml"),
        ("meetings/index.html", "feeds/meetings.xml"),
        ("meetings/ai-strategy-council/index.html", "feeds/councils/ai-strategy-council.xml"),
        ("speakers/matsumoto-takeaki/index.html", "feeds/speakers/matsumoto-takeaki.xml"),
        ("topics/compute/index.html", "feeds/topics/compute.xml"),
    ]:
        page = parse(base / page_path)
        [link] = page.find("link", rel="alternate", type="application/atom+xml")
        assert Path(posixpath.normpath(str(page.path.parent / link.attrs["href"]))) == base / feed
        assert link.attrs["title"]
        [visible] = [a for a in page.find("a") if a.attrs.get("type") == "application/atom+xml"]
        assert Path(posixpath.normpath(str(page.path.parent / visible.attrs["href"]))) == base / feed
        assert visible.text.strip()


def _build_with(tmp_path: Path, **env: str) -> Path:
    """The small fixture archive built with extra environment variables; its site."""
    project = make_project(tmp_path / "project", BASE_MINUTES)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp_path / "site"


def test_links_are_absolute_with_a_site_url(tmp_path: Path) -> None:
    site = _build_with(tmp_path, GIJIROKU_SITE_URL="https://minutes.example.org/archive/")
    document = _meeting_json(site, "test-council", "2024-01-15")
    assert document["links"]["pages"]["en"] == "https://minutes.example.org/archive/en/meetings/test-council/2024-01-15/"
    assert document["links"]["json"] == "https://minutes.example.org/archive/api/meetings/test-council/2024-01-15.json"
    assert document["links"]["downloads"]["zip"] == "https://minutes.example.org/archive/downloads/test-council/2024.zip"
    _validator(site, "en", "meeting").validate(document)
    permalink = document["links"]["pages"]["en"] + "#" + document["remarks"][0]["id"]
    root = etree.parse(str(site / "en" / "feeds" / "speakers" / "yamada-taro.xml")).getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}base") is None
    [entry] = root.findall(f"{{{ATOM}}}entry")
    assert entry.find(f"{{{ATOM}}}link").get("href") == permalink
    assert entry.findtext(f"{{{ATOM}}}id") == "tag:minutes.example.org,2026:en/test-council/2024-01-15/yamada-1"


def test_data_out_can_be_switched_off(tmp_path: Path) -> None:
    """GIJIROKU_DATA_OUT=0 (the benchmark's comparison) builds the site without any of it."""
    site = _build_with(tmp_path, GIJIROKU_DATA_OUT="0")
    for lang in LANGUAGES:
        assert not (site / lang / "api").exists() and not (site / lang / "feeds").exists()
        html = (site / lang / "speakers" / "yamada-taro" / "index.html").read_text(encoding="utf-8")
        assert "gj-chart" not in html and "application/atom+xml" not in html
    assert not (site / "api").exists() and not (site / "downloads").exists()


# -- charts ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_charts_are_accessible_images_with_a_table(built, lang: str) -> None:
    archive, _, site = built
    base = site / lang
    pages_with_charts = [base / "meetings" / c / "index.html" for c in archive.councils]
    pages_with_charts += [base / "topics" / t / "index.html" for t in archive.topics][:5]
    pages_with_charts += [base / "speakers" / p / "index.html" for p in archive.people][:5]
    for path in pages_with_charts:
        html = path.read_text(encoding="utf-8")
        start = html.find('<figure class="gj-chart"')
        if start < 0:
            assert "/topics/" in str(path) or "/speakers/" in str(path), f"{path}: a council always has a chart"
            continue
        figure = ET.fromstring(html[start : html.index("</figure>", start) + len("</figure>")])
        [svg] = figure.iter("{http://www.w3.org/2000/svg}svg")
        assert svg.get("role") == "img"
        title_id, desc_id = svg.get("aria-labelledby").split()
        assert svg.find("{http://www.w3.org/2000/svg}title").get("id") == title_id
        assert svg.find("{http://www.w3.org/2000/svg}desc").get("id") == desc_id
        assert svg.find("{http://www.w3.org/2000/svg}desc").text
        assert figure.find("figcaption").text
        assert figure.find("details/table") is not None, "the figures as a table"
        for element in svg.iter():
            assert "href" not in " ".join(element.attrib), "no links or external resources"
            fill = element.get("fill", "") + element.get("style", "")
            assert "#" not in fill, "colours come from the theme, so both schemes read"


def test_chart_size_does_not_grow_with_meetings() -> None:
    """A chart is one bar per period: 4,000 meetings over twenty years draw twenty bars."""
    import datetime as dt

    dates = [dt.date(2004, 1, 1) + dt.timedelta(days=i * 7300 // 4000) for i in range(4000)]
    unit, periods = charts.periods_for(dates)
    assert unit == "year" and len(periods) == 20
    chart = charts.Chart("x", "t", "d", "Year", periods, [charts.Series("n", charts.count_by_period(dates, unit))])
    assert len(charts.render_svg(chart)) < 6000
    unit, periods = charts.periods_for(dates[:100])
    assert unit == "month"


# -- hostile values -------------------------------------------------------------------

HOSTILE = "<svg/onload=alert(1)> ]]> \"' & \x01\x0b <!-- javascript:alert(1) <![CDATA[x]]>\n\n[x](javascript:alert(2))"
CLEAN = HOSTILE.replace("\x01", "").replace("\x0b", "")
ONE_LINE = " ".join(CLEAN.split())


def _hostile_index():
    archive, _ = load_archive(BASE_MINUTES)
    people = {pid: dataclasses.replace(p, name=LangText(HOSTILE, HOSTILE)) for pid, p in archive.people.items()}
    topics = {tid: dataclasses.replace(t, label=LangText(HOSTILE, HOSTILE)) for tid, t in archive.topics.items()}
    councils = {cid: dataclasses.replace(c, name=LangText(HOSTILE, HOSTILE)) for cid, c in archive.councils.items()}
    meetings = []
    for meeting in archive.meetings:
        versions = {}
        for lang, version in meeting.versions.items():
            versions[lang] = dataclasses.replace(
                version,
                title=HOSTILE,
                roles=MappingProxyType({k: RoleText(HOSTILE, HOSTILE) for k in version.roles}),
                remarks=MappingProxyType(
                    {k: dataclasses.replace(v, paragraphs=(HOSTILE,), label=HOSTILE) for k, v in version.remarks.items()}
                ),
            )
        meetings.append(dataclasses.replace(meeting, versions=MappingProxyType(versions)))
    hostile = Archive(MappingProxyType(people), MappingProxyType(topics), MappingProxyType(councils), tuple(meetings))
    return index_archive(hostile)


def test_hostile_text_stays_text_in_json_akn_feeds_and_svg() -> None:
    index = _hostile_index()
    [meeting] = index.archive.meetings
    links = Links("en")
    # JSON: the values come back as they went in.
    document = json.loads(api.dump(api.meeting_document(index, meeting, links)))
    assert document["title"]["ja"] == HOSTILE and document["remarks"][0]["text"]["ja"] == HOSTILE
    assert document["attendees"][0]["role"]["ja"] == HOSTILE
    # Akoma Ntoso: only its own elements; the hostile value is text or an attribute value.
    root = ET.fromstring(meeting_akn(index, meeting, "en"))
    assert all(e.tag.startswith(A) for e in root.iter())
    assert "svg" not in {e.tag.split("}")[1] for e in root.iter()}
    assert any(e.text == CLEAN for e in root.iter(f"{A}p"))
    assert any(e.get("showAs") == CLEAN for e in root.iter(f"{A}TLCRole"))
    # Feeds: only Atom elements; titles and content carry the text.
    for body in (
        feeds.meetings_feed(index, links, feeds.FeedIds("x.invalid")),
        feeds.remarks_feed(index, links, feeds.FeedIds("x.invalid"), person="yamada-taro"),
        feeds.remarks_feed(index, links, feeds.FeedIds("x.invalid"), topic="budget"),
    ):
        feed = etree.fromstring(body)
        assert all(isinstance(e.tag, str) and e.tag.startswith(f"{{{ATOM}}}") for e in feed.iter())
        assert any(CLEAN in (e.text or "") for e in feed.iter(f"{{{ATOM}}}title"))
    # SVG and its table: only the chart's own elements and attributes.
    for figure_html in (
        pages.speaker_chart(index, "yamada-taro", "en"),
        pages.topic_chart(index, "budget", "en"),
        pages.council_chart(index, "test-council", "en"),
    ):
        figure = ET.fromstring(figure_html)
        tags = {e.tag.split("}")[-1] for e in figure.iter()}
        assert tags <= {
            "figure",
            "svg",
            "title",
            "desc",
            "text",
            "tspan",
            "line",
            "rect",
            "figcaption",
            "details",
            "summary",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "div",
            "a",
        }
        assert not any(k.startswith("on") for e in figure.iter() for k in e.attrib)
        # The bars' and periods' links lead within the site.
        assert all(a.get("href", "").startswith(("./", "../")) for a in figure.iter("a")), figure_html
        assert any(ONE_LINE in (e.text or "") for e in figure.iter("{http://www.w3.org/2000/svg}title"))
        assert "\n" not in figure_html, "a blank line would end the raw HTML block and let Markdown read the rest"
    # Page additions: the feed's <link> title is escaped HTML.
    tag = pages.feed_link_tag(index, "speakers/yamada-taro.md", "en")
    assert "<svg" not in tag and "&lt;svg" in tag
