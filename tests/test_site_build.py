"""The real site, built with `mkdocs build --strict`, checked in its HTML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, build_record_path, make_project, overlay_case, run_mkdocs_build
from gijiroku import load_archive
from gijiroku.model import LANGUAGES
from gijiroku.site.pieces import ROLE_MARK, SPEAKER_MARK
from htmlcheck import parse, resolve
from pagekinds import ALWAYS, REDIRECTS, kind_of

MEETING = "meetings/ai-strategy-council/2023-08-04"


@pytest.fixture(scope="module")
def archive():
    loaded, diags = load_archive(ROOT / "minutes")
    assert not diags.errors
    return loaded


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[Path, object]:
    return {path: parse(path) for path in built_site.rglob("*.html")}


def test_expected_paths(built_site: Path, archive) -> None:
    assert (built_site / "index.html").is_file(), "the root chooses a language"
    for lang in LANGUAGES:
        base = built_site / lang
        expected = [
            "index.html",
            "meetings/index.html",
            "speakers/index.html",
            "topics/index.html",
            "about/index.html",
            "search/index.html",
            "search-index/meta.json",
            "meetings/ai-strategy-council/index.html",
            f"{MEETING}/index.html",
            "compare/index.html",
        ]
        expected += [f"speakers/{pid}/index.html" for pid in archive.people]
        expected += [f"topics/{tid}/index.html" for tid in archive.topics]
        missing = [p for p in expected if not (base / p).is_file()]
        assert missing == []


def test_the_archive_is_parsed_once_per_build_for_all_languages(built_site: Path) -> None:
    record = json.loads(build_record_path(built_site).read_text(encoding="utf-8"))
    meeting_files = list((ROOT / "minutes").glob("*/*.md"))
    assert record["counts"]["meeting_files_parsed"] == len(meeting_files)
    phases = record["seconds"]
    assert {"load", "index", "render", "search_index"} <= set(phases)
    assert {f"build_{lang}" for lang in LANGUAGES} <= set(phases), "every language build reports back"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_html_lang(pages, built_site: Path, lang: str) -> None:
    langs = {page.lang for path, page in pages.items() if path.is_relative_to(built_site / lang)}
    assert langs == {lang}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_remark_item_and_material_has_its_anchor(built_site: Path, archive, lang: str) -> None:
    meeting = archive.meeting("ai-strategy-council/2023-08-04")
    page = parse(built_site / lang / MEETING / "index.html")
    expected = [r.id for r in meeting.remarks] + [a.id for a in meeting.agenda] + [m.id for m in meeting.materials]
    assert [i for i in expected if i not in page.ids] == []
    assert len(page.ids) == len(set(page.ids)), "no id appears twice on a page"
    remark_ids = [i for i in page.ids if i in {r.id for r in meeting.remarks}]
    assert remark_ids == [r.id for r in meeting.remarks], "remarks appear in the order of the proceedings"


def test_remark_text_in_its_language(built_site: Path) -> None:
    ja = (built_site / "ja" / MEETING / "index.html").read_text(encoding="utf-8")
    en = (built_site / "en" / MEETING / "index.html").read_text(encoding="utf-8")
    assert "どう壁を超えるかということに関しては" in ja
    assert "Data Free Flow with Trust" in en and "how to overcome barriers" in en
    assert "内容非公表のため、意見等は省略" in ja and "the views are omitted" in en


def test_all_internal_links_resolve(built_site: Path, pages) -> None:
    """Every link on every page, deep links included, lands on an existing page and anchor."""
    broken = []
    for path, page in pages.items():
        for el in page.find("a"):
            href = el.attrs.get("href", "")
            if not href:
                continue
            target = resolve(built_site, path, href)
            if target is None:
                continue
            file, fragment = target
            if not file.is_file():
                broken.append(f"{path.relative_to(built_site)}: {href} (no page)")
            elif fragment and file.suffix == ".html" and fragment not in pages[file].ids:
                broken.append(f"{path.relative_to(built_site)}: {href} (no anchor)")
    assert broken == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_speaker_pages_link_every_remark_of_the_speaker(built_site: Path, archive, lang: str) -> None:
    meeting = archive.meeting("ai-strategy-council/2023-08-04")
    for person in archive.people:
        page = parse(built_site / lang / "speakers" / person / "index.html")
        linked = {
            el.attrs["href"].split("#")[1]
            for el in page.find("a")
            if "2023-08-04.md#" in el.attrs.get("href", "") or "2023-08-04/#" in el.attrs.get("href", "")
        }
        theirs = {r.id for r in meeting.remarks if r.speaker == person}
        assert linked == theirs, person


def test_unattributed_opinions_are_never_under_a_person(built_site: Path, archive) -> None:
    meeting = archive.meeting("ai-strategy-council/2023-08-04")
    opinions = {r.id for r in meeting.remarks if r.kind == "unattributed"}
    for lang in LANGUAGES:
        for person in archive.people:
            html = (built_site / lang / "speakers" / person / "index.html").read_text(encoding="utf-8")
            assert not any(f'#{op}"' in html for op in opinions), (lang, person)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_topic_pages_link_every_tagged_remark(built_site: Path, archive, lang: str) -> None:
    meeting = archive.meeting("ai-strategy-council/2023-08-04")
    for topic in archive.topics:
        page = parse(built_site / lang / "topics" / topic / "index.html")
        linked = {el.attrs["href"].split("#")[1] for el in page.find("a") if "2023-08-04/#" in el.attrs.get("href", "")}
        tagged = {r.id for r in meeting.remarks if topic in r.topics} | {a.id for a in meeting.agenda if topic in a.topics}
        assert linked == tagged, topic


@pytest.mark.parametrize("lang,other", [("ja", "en"), ("en", "ja")])
def test_language_selector_leads_to_the_same_page(built_site: Path, pages, lang: str, other: str) -> None:
    for path, page in pages.items():
        if (
            not path.is_relative_to(built_site / lang)
            or path.name == "404.html"
            or kind_of(path.relative_to(built_site).as_posix()) in REDIRECTS
        ):
            continue
        [link] = [el for el in page.find("a", cls="gj-lang-link") if el.attrs.get("hreflang") == other]
        target = resolve(built_site, path, link.attrs["href"])
        assert target is not None
        expected = built_site / other / path.relative_to(built_site / lang)
        assert target[0] == expected, path


def test_translation_is_labelled_with_its_provenance(built_site: Path) -> None:
    page = parse(built_site / "en" / MEETING / "index.html")
    [notice] = page.find("div", cls="gj-translation-notice")
    assert "unofficial translation" in notice.text and "not reviewed" in notice.text
    [original] = page.find("a", cls="gj-original-link")
    assert resolve(built_site, page.path, original.attrs["href"])[0] == built_site / "ja" / MEETING / "index.html"
    assert parse(built_site / "ja" / MEETING / "index.html").find("div", cls="gj-translation-notice") == []


def test_marks_for_written_unattributed_and_non_public(built_site: Path) -> None:
    page = parse(built_site / "ja" / MEETING / "index.html")
    assert len(page.find("div", cls="gj-kind-written")) == 2
    assert len(page.find("div", cls="gj-kind-unattributed")) == 20
    assert len(page.find("span", cls="gj-badge-written")) == 2
    not_public = [el.text for el in page.find(cls="gj-not-public")]
    assert "非公表" in not_public and "内容非公表" in not_public


def test_citation_names_council_meeting_date_speaker_and_role(built_site: Path) -> None:
    """The meeting's citation is printed once; each remark's is made by the page's script
    from the pattern the page holds once (the browser tests press the buttons)."""
    page = parse(built_site / "ja" / MEETING / "index.html")
    citations = [el.text for el in page.find("span", cls="gj-citation")]
    assert citations == ["AI戦略会議「第4回 AI戦略会議」議事要旨（2023年8月4日（金））"]
    [data] = page.find("script", cls="gj-cite-data")
    cite = json.loads(data.text)
    name, role = cite["people"]["matsumoto-takeaki"]
    made = cite["remark"].replace(SPEAKER_MARK, name).replace(ROLE_MARK, role)
    assert made == "AI戦略会議「第4回 AI戦略会議」議事要旨（2023年8月4日（金））、松本 剛明（総務大臣）の発言"
    assert page.find("button", cls="gj-copy") == [], "no tools repeated per remark in the HTML"
    headings = [el.attrs["id"] for el in page.find("h3", cls="gj-remark-heading")]
    permalinks = {el.attrs["href"] for el in page.find("a", cls="headerlink")}
    assert headings and {f"#{rid}" for rid in headings} <= permalinks, "every remark keeps its permalink (¶)"


def test_self_contained(pages) -> None:
    """No page loads anything from another host (fonts, scripts, styles, images)."""
    external = []
    for path, page in pages.items():
        for el in page.elements:
            for attr in ("src", "href"):
                value = el.attrs.get(attr, "")
                loads = el.tag in ("script", "img", "iframe") or (
                    el.tag == "link" and el.attrs.get("rel") in ("stylesheet", "preconnect", "preload")
                )
                if loads and value.startswith(("http:", "https:", "//")):
                    external.append(f"{path.name}: {el.tag} {value}")
    assert external == []


def test_search_index_holds_every_remark_in_each_language(built_site: Path, archive) -> None:
    import json

    meeting = archive.meeting("ai-strategy-council/2023-08-04")
    for lang in LANGUAGES:
        base = built_site / lang / "search-index"
        meta = json.loads((base / "meta.json").read_text(encoding="utf-8"))
        assert meta["docs"] == len(meeting.remarks)
        rows = []
        for number in range(-(-meta["docs"] // meta["chunk"])):
            rows += json.loads((base / "docs" / f"{number}.json").read_text(encoding="utf-8"))["d"]
        assert [row[1] for row in rows] == [r.id for r in meeting.remarks]
        version = meeting.version(lang)
        assert [row[6] for row in rows] == ["\n".join(version.remarks[r.id].paragraphs) for r in meeting.remarks]


def test_untranslated_meeting_still_has_a_page(tmp_path: Path) -> None:
    """A meeting without a translation: the other language's page says so, never a 404."""
    case = tmp_path / "case"
    (case).mkdir()
    (case / "deleted").write_text("test-council/2024-01-15.en.md\n")
    minutes = overlay_case(case, tmp_path / "src")
    project = make_project(tmp_path / "project", minutes)
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = parse(site / "en" / "meetings" / "test-council" / "2024-01-15" / "index.html")
    [notice] = page.find("div", cls="gj-untranslated")
    assert "not been translated" in notice.text
    assert "開会する。" in (site / "en" / "meetings" / "test-council" / "2024-01-15" / "index.html").read_text(encoding="utf-8")
    assert not (site / "en" / "meetings" / "test-council" / "2024-01-15" / "compare").exists()


def _project_for_case(case: str, tmp_path: Path) -> Path:
    """A project whose minutes are the fixture archive with an invalid case laid over it."""
    return make_project(tmp_path / "project", overlay_case(FIXTURES / "invalid" / case, tmp_path / "src"))


def test_strict_build_fails_on_bad_minutes(tmp_path: Path) -> None:
    result = run_mkdocs_build(_project_for_case("unknown-speaker", tmp_path), tmp_path / "site")
    assert result.returncode != 0
    assert "minutes/test-council/2024-01-15.ja.md:25:36: E030 unknown speaker 'tanaka-jiro'" in result.stdout + result.stderr


def test_strict_build_fails_on_stale_translation_warning(tmp_path: Path) -> None:
    project = _project_for_case("translation-stale", tmp_path)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "W080" in result.stdout + result.stderr
    relaxed = run_mkdocs_build(project, tmp_path / "site2", "--no-strict")
    assert relaxed.returncode == 0
    page = parse(tmp_path / "site2" / "en" / "meetings" / "test-council" / "2024-01-15" / "index.html")
    html = page.path.read_text(encoding="utf-8")
    assert len(page.find("div", cls="gj-stale")) == 1
    assert re.search(r'id="suzuki-1".*?</h3>\s*<div class="gj-remark gj-stale"', html, re.S)


@pytest.mark.parametrize("lang", LANGUAGES)  # one language is built in a forked process, the last in the build's own
def test_strict_build_fails_on_a_broken_anchor(tmp_path: Path, lang: str) -> None:
    project = make_project(tmp_path / "project")
    page = project / "docs" / lang / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n[x](meetings/ai-strategy-council/2023-08-04.md#no-such-remark)\n", encoding="utf-8"
    )
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-remark" in result.stdout + result.stderr


def test_root_page_offers_each_language(pages, built_site: Path) -> None:
    root = pages[built_site / "index.html"]
    links = {el.attrs["href"] for el in root.find("a") if el.attrs.get("hreflang")}
    assert {f"{lang}/" for lang in LANGUAGES} <= links
    assert root.find("ul", cls="gj-language-choice")


@pytest.mark.parametrize(
    "setting, message",
    [
        ("preview: ten", "Config value 'extra.gijiroku.preview': Expected type: <class 'int'> but received: <class 'str'>"),
        ("preview: 0", "Config value 'extra.gijiroku.preview': must be a whole number of meetings, 1 or more"),
        ("minuets: minutes", "Config value 'extra.gijiroku.minuets': Unrecognised configuration name: minuets"),
    ],
)
def test_gijiroku_options_are_checked_with_mkdocs_messages(tmp_path: Path, setting: str, message: str) -> None:
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    preview: 15\n" in text
    config.write_text(
        text.replace("    preview: 15\n", f"    preview: 15\n    {setting}\n" if "minuets" in setting else f"    {setting}\n"),
        encoding="utf-8",
    )
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_site_publishes_only_the_minutes_pages(built_site: Path) -> None:
    # gijiroku's own documentation (docs/dev/) is read in the repository, never published
    # with an archive: every page of the site is one of the kinds a reader's archive has.
    found: dict[str, list[str]] = {}
    unexpected = []
    for path in sorted(built_site.rglob("*.html")):
        relative = path.relative_to(built_site).as_posix()
        kind = kind_of(relative)
        if kind is None:
            unexpected.append(relative)
        else:
            found.setdefault(kind, []).append(relative)
    assert unexpected == [], "pages of no kind the archive publishes (tests/pagekinds.py lists them)"
    assert [kind for kind in ALWAYS if kind not in found] == []
    for kind in ALWAYS:
        if kind != "language chooser":
            assert {p.split("/")[0] for p in found[kind] if p != "404.html"} == set(LANGUAGES), kind
    pictures = [p.name for p in built_site.rglob("*.png") if "assets" not in p.parts]
    assert pictures == [], "no picture of gijiroku's own documentation (docs/dev/img) is published"


def test_with_a_repository_a_meeting_page_views_its_minutes_file(tmp_path: Path) -> None:
    """Where `repo_url` is set, a meeting page's source link is Material's own view-source
    action, on the minutes file it shows; hand-written pages keep theirs under docs/LANG/;
    the meeting's JSON gives each version's file in the repository."""
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "\nrepo_url: https://git.example.org/minutes-archive\nedit_uri: edit/main/docs/\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, version in (("ja", "ja"), ("en", "en")):
        html = (site / lang / MEETING / "index.html").read_text(encoding="utf-8")
        views = re.findall(r'<a href="([^"]+)"[^>]*class="md-content__button[^"]*"', html)
        assert views == [
            f"https://git.example.org/minutes-archive/raw/main/minutes/ai-strategy-council/2023-08-04.{version}.md"
        ], lang
    about = (site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<a href="([^"]+)"[^>]*class="md-content__button', about) == [
        "https://git.example.org/minutes-archive/raw/main/docs/en/about.md"
    ]
    document = json.loads((site / "api" / "meetings" / "ai-strategy-council" / "2023-08-04.json").read_text(encoding="utf-8"))
    assert document["links"]["repository"] == {
        lang: f"https://git.example.org/minutes-archive/edit/main/minutes/ai-strategy-council/2023-08-04.{lang}.md"
        for lang in ("en", "ja")
    }
