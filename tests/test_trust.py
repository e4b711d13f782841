"""Trust: hostile text never becomes markup, nothing is lost, published addresses last.

Sites are built from `hostile.write_archive` with a benign value and with each hostile
payload in every field a reader sees; the HTML of the two must have the same elements
and attributes (parsed, not grepped), no `javascript:` address and nothing fetched from
another host. Property-based tests (Hypothesis) do the same at the renderer for
generated values, with the checker's rejection switched off so that escaping alone
must hold, and edit meeting files at random to check the checker never raises and a
clean archive loses no remark on its way to pages, indexes and search.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, ROOT, make_project, overlay_case, run_mkdocs_build
from gijiroku import load_archive, urls
from gijiroku.index import index_archive
from gijiroku.model import LANGUAGES
from gijiroku.search.build import build_search_index
from gijiroku.site.completeness import anchors_missing, expected_anchors
from gijiroku.site.render import Renderer
from hostile import BENIGN, PAYLOADS, PIECES, generated_values, write_archive

MEETING = "meetings/test-council/2024-01-15"
URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}


class _Shape(HTMLParser):
    """The elements and attribute names of a page, in order, and its addresses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, tuple[str, ...]]] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.shape.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.urls += [value or "" for name, value in attrs if name in URL_ATTRS]

    handle_startendtag = handle_starttag


def shape_of(html: str) -> _Shape:
    parser = _Shape()
    parser.feed(html)
    return parser


def assert_no_foreign_markup(benign: str, hostile: str, where: str) -> None:
    """Same elements and attributes as the benign page; no script or off-site address."""
    ours, theirs = shape_of(benign), shape_of(hostile)
    assert theirs.shape == ours.shape, f"{where}: the value added or removed markup"
    for url in theirs.urls:
        lowered = re.sub(r"\s", "", url).lower()
        assert not lowered.startswith(("javascript:", "data:", "vbscript:")), f"{where}: {url!r}"
        assert "evil.example" not in lowered, f"{where}: a request off the site: {url!r}"


# -- the real build, with each payload in every field --------------------------------------


@pytest.fixture(scope="module")
def benign_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("benign"), BENIGN)


HOSTILE = [*PAYLOADS, generated_values(seed=7), generated_values(seed=8)]
"""The payloads in every field, then two generated corpora: a different value in each field."""


@pytest.fixture(
    scope="module", params=range(len(HOSTILE)), ids=[f"payload{i}" for i in range(len(PAYLOADS))] + ["generated7", "generated8"]
)
def hostile_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp(f"hostile{request.param}"), HOSTILE[request.param])


def _build(dest: Path, value: str | Callable[[int], str]) -> Path:
    minutes = write_archive(dest / "data", value)
    _, diags = load_archive(minutes)
    assert not diags.items, [d.format() for d in diags.items]
    project = make_project(dest / "project", minutes)
    site = dest / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_hostile_text_adds_no_markup_to_any_page(benign_site: Path, hostile_site: Path) -> None:
    pages = sorted(p.relative_to(benign_site) for p in benign_site.rglob("*.html"))
    assert pages == sorted(p.relative_to(hostile_site) for p in hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for rel in pages:
        assert_no_foreign_markup(
            (benign_site / rel).read_text(encoding="utf-8"), (hostile_site / rel).read_text(encoding="utf-8"), str(rel)
        )


def _xml_shape(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    return [(el.tag, tuple(sorted(el.attrib))) for el in ElementTree.parse(path).iter()]


def _json_shape(value: object) -> object:
    if isinstance(value, dict):
        return {key: _json_shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_shape(item) for item in value]
    return type(value).__name__


def test_hostile_text_adds_nothing_to_feeds_and_data(benign_site: Path, hostile_site: Path) -> None:
    """Feeds and Akoma Ntoso parse to the same elements and attributes, JSON to the same
    keys and types, as the benign build's: the values stayed values."""
    data = sorted(
        p.relative_to(benign_site)
        for p in benign_site.rglob("*")
        if p.suffix in (".xml", ".json") and "search-index" not in p.parts
    )
    assert any(p.suffix == ".xml" and "feeds" in p.parts for p in data) and any(p.suffix == ".json" for p in data)
    assert data == sorted(
        p.relative_to(hostile_site)
        for p in hostile_site.rglob("*")
        if p.suffix in (".xml", ".json") and "search-index" not in p.parts
    )
    for rel in data:
        if rel.suffix == ".xml":
            assert _xml_shape(hostile_site / rel) == _xml_shape(benign_site / rel), str(rel)
        else:
            benign = json.loads((benign_site / rel).read_text(encoding="utf-8"))
            hostile = json.loads((hostile_site / rel).read_text(encoding="utf-8"))
            assert _json_shape(hostile) == _json_shape(benign), str(rel)


def test_hostile_text_is_shown_as_text(hostile_site: Path, request: pytest.FixtureRequest) -> None:
    """Escaped, not dropped: the reader sees the payload, character for character."""
    value = HOSTILE[request.node.callspec.params["hostile_site"]]
    payload = value(19) if callable(value) else value  # the English text of remark suzuki-1
    page = (hostile_site / "en" / MEETING / "index.html").read_text(encoding="utf-8")
    text = html_lib.unescape(re.sub(r"<[^>]+>", "", page))
    assert "The budget was explained. " + payload.strip() in text


def test_titles_read_the_same_in_the_tab_and_the_breadcrumbs(hostile_site: Path) -> None:
    """Escaped once, wherever a title lands (a double escape shows `&amp;#39;` to readers)."""
    for lang in LANGUAGES:
        for rel in (f"{MEETING}/index.html", "meetings/test-council/index.html"):
            page = (hostile_site / lang / rel).read_text(encoding="utf-8")
            title = re.search(r"<title>(.*?)</title>", page, re.S)
            crumb = re.search(r'<span class="md-path__link" aria-current="page">(.*?)</span>', page, re.S)
            assert title and crumb, (lang, rel)
            shown = html_lib.unescape(title.group(1)).rsplit(" - ", 1)[0].strip()
            assert html_lib.unescape(crumb.group(1)).strip() == shown, (lang, rel)


def test_hostile_text_keeps_every_anchor_and_search_document(hostile_site: Path) -> None:
    for lang in LANGUAGES:
        page = (hostile_site / lang / MEETING / "index.html").read_text(encoding="utf-8")
        for anchor in ("meeting", "budget-plan", "shiryo-1", "yamada-1", "suzuki-1", "opinion-1", "narration-1"):
            assert f'id="{anchor}"' in page, (lang, anchor)
        rows = [
            row[1]
            for f in (hostile_site / lang / "search-index" / "docs").glob("*.json")
            for row in json.loads(f.read_text(encoding="utf-8"))["d"]
        ]
        assert sorted(rows) == ["narration-1", "opinion-1", "suzuki-1", "yamada-1"]


# -- the ledger: moves, withdrawals, and what readers meet ----------------------------------


@pytest.fixture(scope="module")
def ledger_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("ledger")
    minutes = overlay_case(FIXTURES / "accepted" / "ledger-moved-and-withdrawn", dest / "data")
    project = make_project(dest / "project", minutes)
    site = dest / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize("lang", LANGUAGES)
def test_moved_page_redirects_with_its_fragments(ledger_site: Path, lang: str) -> None:
    page = (ledger_site / lang / "meetings/test-council/2023-12-01/index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../2024-01-15/">' in page
    fragments = re.search(r'<script type="application/json" class="gj-moved">(.*?)</script>', page)
    assert fragments and json.loads(fragments.group(1)) == {"opening-1": "../2024-01-15/#yamada-1"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_moved_anchor_is_mapped_and_withdrawn_ones_have_tombstones(ledger_site: Path, lang: str) -> None:
    page = (ledger_site / lang / MEETING / "index.html").read_text(encoding="utf-8")
    fragments = re.search(r'<script type="application/json" class="gj-moved">(.*?)</script>', page)
    assert fragments and json.loads(fragments.group(1)) == {"opinion-0": "#opinion-1"}
    tombstone = re.search(r'<p id="opinion-x" class="gj-tombstone">([^<]*)</p>', page)
    assert tombstone and "entered twice" in tombstone.group(1)
    withdrawn = (ledger_site / lang / "meetings/test-council/2023-11-01/index.html").read_text(encoding="utf-8")
    assert "never held" in withdrawn


@pytest.mark.parametrize(
    "case, message",
    [
        ("ledger-deleted-remark", "published anchor 'meetings/test-council/2024-01-15/#opinion-2' would disappear"),
        ("ledger-deleted-page", "published page 'meetings/test-council/2023-12-01/' would disappear"),
    ],
)
def test_strict_build_fails_when_a_published_address_would_disappear(tmp_path: Path, case: str, message: str) -> None:
    minutes = overlay_case(FIXTURES / "invalid" / case, tmp_path / "data")
    result = run_mkdocs_build(make_project(tmp_path / "project", minutes), tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


def test_ledger_commands_record_rename_move_and_withdrawal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gijiroku.cli import main

    minutes = overlay_case(tmp_path / "none", tmp_path)
    assert main(["ledger", "--directory", str(minutes)]) == 0
    recorded = yaml.safe_load((minutes / "ledger.yml").read_text(encoding="utf-8"))
    assert recorded["pages"][f"{MEETING}/"].split() == ["budget-plan", "shiryo-1", "yamada-1", "suzuki-1", "opinion-1"]
    for name in ("2024-01-15.ja.md", "2024-01-15.en.md"):  # a rename, in the original and the translation
        path = minutes / "test-council" / name
        path.write_text(path.read_text(encoding="utf-8").replace("id=opinion-1 ", "id=opinion-01 "), encoding="utf-8")
    assert main(["check", str(minutes)]) == 1
    assert f"E091 published anchor '{MEETING}/#opinion-1' would disappear" in capsys.readouterr().err
    assert main(["ledger", "move", f"{MEETING}/#opinion-1", f"{MEETING}/#nowhere", "--directory", str(minutes)]) == 1
    assert "E092" in capsys.readouterr().err
    assert main(["ledger", "move", f"{MEETING}/#opinion-1", f"{MEETING}/#opinion-01", "--directory", str(minutes)]) == 0
    assert main(["check", str(minutes)]) == 0
    # The side-by-side view is one page per language: no address goes with a translation.
    (minutes / "test-council" / "2024-01-15.en.md").unlink()
    assert main(["check", str(minutes)]) == 0
    assert main(["ledger", "withdraw", f"{MEETING}/#suzuki-1", "--reason", "typo", "--directory", str(minutes)]) == 1
    assert f"E094 '{MEETING}/#suzuki-1' is recorded as withdrawn but the site still publishes it" in capsys.readouterr().err
    assert main(["ledger", "move", "meetings/x y/", f"{MEETING}/", "--directory", str(minutes)]) == 2
    assert "is not an address of this site" in capsys.readouterr().err
    assert main(["ledger", "withdraw", f"{MEETING}/#suzuki-1", "--directory", str(minutes)]) == 2  # a reason is required
    assert main(["check", str(minutes)]) == 0
    recorded = yaml.safe_load((minutes / "ledger.yml").read_text(encoding="utf-8"))
    assert recorded["moved"] == {f"{MEETING}/#opinion-1": f"{MEETING}/#opinion-01"}
    assert recorded["withdrawn"] == {}
    assert recorded["layout"] == 2 and not any(page.endswith("/compare/") for page in recorded["pages"])


def test_year_pages_of_long_lists_are_guarded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page per year of a long speaker's or topic's list is a published address: the
    ledger records it, and a year page that would vanish (the list fell back under the
    limit) fails the check with the way out, until the move is recorded."""
    from devtools.synth import generate_archive
    from gijiroku import index as index_module
    from gijiroku.cli import main

    minutes = tmp_path / "minutes"
    generate_archive(minutes, 12, seed=4)
    monkeypatch.setattr(index_module, "SPEAKER_PAGE_REMARKS", 5)
    monkeypatch.setattr(index_module, "TOPIC_PAGE_REMARKS", 5)
    assert main(["ledger", "--directory", str(minutes)]) == 0
    recorded = yaml.safe_load((minutes / "ledger.yml").read_text(encoding="utf-8"))["pages"]
    speaker_years = sorted(p for p in recorded if re.fullmatch(r"speakers/[a-z0-9-]+/\d{4}/", p))
    topic_years = sorted(p for p in recorded if re.fullmatch(r"topics/[a-z0-9-]+/\d{4}/", p))
    assert speaker_years and topic_years
    capsys.readouterr()

    monkeypatch.setattr(index_module, "SPEAKER_PAGE_REMARKS", 10**6)  # every speaker on one page again
    assert main(["check", str(minutes)]) == 1
    err = capsys.readouterr().err
    for page in speaker_years:
        assert f"E090 published page '{page}' would disappear" in err
    assert not any(f"'{page}' would disappear" in err for page in topic_years)
    for page in speaker_years:
        assert main(["ledger", "move", page, page.rsplit("/", 2)[0] + "/", "--directory", str(minutes)]) == 0
    assert main(["check", str(minutes)]) == 0


def test_the_projects_ledger_is_up_to_date() -> None:
    """Every address the real minutes publish is recorded (run `gijiroku ledger` after adding a meeting)."""
    from gijiroku.ledger import published_addresses, unrecorded

    archive, diags = load_archive(ROOT / "minutes")
    assert not diags.errors and archive.ledger is not None
    assert unrecorded(archive.ledger, published_addresses(archive)) == 0


def test_completeness_guard_names_what_a_page_lost() -> None:
    from gijiroku.site.completeness import lost_in_build

    expected = {"meetings/c/m.md": frozenset({"a", "b"}), "meetings/c/n.md": frozenset({"x"})}
    published = {"meetings/c/m.md": anchors_missing('<h3 id="a">x</h3><p data-id="b">', expected["meetings/c/m.md"])}
    assert lost_in_build(expected, published) == [
        "meetings/c/m.md: no element with id b",
        "meetings/c/n.md: the page was not built",
    ]


# -- property-based: generated values and edits ------------------------------------------

_PIECES = st.sampled_from(PIECES)
_VALUES = st.lists(_PIECES, min_size=1, max_size=12).map("".join).filter(lambda v: v.strip() != "")
_EXTENSIONS = ["attr_list", "admonition", "tables", "toc"]


def _html_pages(minutes: Path) -> dict[str, str]:
    """Every generated page of both languages as HTML, through Markdown as MkDocs does."""
    archive, _ = load_archive(minutes)
    index = index_archive(archive)
    out = {}
    for lang in LANGUAGES:
        for src, text in Renderer(index, lang).pages().items():
            body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
            title = yaml.safe_load(text.split("\n---\n", 1)[0][4:])["title"] if text.startswith("---\n") else ""
            out[f"{lang}/{src}"] = f"<title>{title}</title>" + markdown.markdown(body, extensions=_EXTENSIONS)
    return out


@pytest.fixture(scope="module")
def benign_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _html_pages(write_archive(tmp_path_factory.mktemp("benign-render"), BENIGN))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_VALUES)
@example(value="]:::")  # once read as a link reference definition, which swallowed a list item
def test_escaping_alone_holds_for_generated_values(
    value: str, benign_pages: dict[str, str], tmp_path_factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the checker's text rules switched off, every value still renders as text."""
    import gijiroku.body
    import gijiroku.yamlsrc

    monkeypatch.setattr(gijiroku.yamlsrc, "text_problems", lambda text, single_line: [])
    monkeypatch.setattr(gijiroku.body, "text_problems", lambda text, single_line: [])
    minutes = write_archive(tmp_path_factory.mktemp("gen"), value.replace("\n", " ") if "\n" in value else value)
    archive, diags = load_archive(minutes)
    if diags.errors:  # e.g. a value YAML cannot hold; the checker said so without raising
        return
    pages = _html_pages(minutes)
    assert sorted(pages) == sorted(benign_pages)
    for src, html in pages.items():
        assert_no_foreign_markup(benign_pages[src], html, src)


def _edit(text: str, edits: list[tuple[int, int, str]]) -> str:
    lines = text.split("\n")
    for kind, position, piece in edits:
        at = position % (len(lines) + 1)
        if kind == 0 and lines:
            del lines[at % len(lines)]
        elif kind == 1 and lines:
            lines.insert(at, lines[at % len(lines)])
        else:
            line = lines[at % len(lines)] if lines else ""
            cut = position % (len(line) + 1)
            lines[at % len(lines) if lines else 0 : at % len(lines) + 1 if lines else 0] = [line[:cut] + piece + line[cut:]]
    return "\n".join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    edits=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 10_000), _PIECES), min_size=1, max_size=6),
    which=st.sampled_from(["2024-01-15.ja.md", "2024-01-15.en.md", "../people.yml", "../topics.yml", "series.yml"]),
)
def test_random_edits_never_crash_the_checker_nor_lose_a_remark(edits, which: str, tmp_path_factory) -> None:
    minutes = overlay_case(tmp_path_factory.mktemp("edit") / "none", tmp_path_factory.mktemp("edit"))
    path = minutes / "test-council" / which
    path.write_text(_edit(path.read_text(encoding="utf-8"), edits), encoding="utf-8")
    archive, diags = load_archive(minutes)  # must not raise
    for diag in diags.items:
        assert diag.line >= 1 and diag.col >= 1 and diag.message
    if diags.errors:
        return
    index = index_archive(archive)
    expected = expected_anchors(archive)
    for lang in LANGUAGES:
        renderer = Renderer(index, lang)
        pages = renderer.pages()
        for src, anchors in expected.items():
            html = markdown.markdown(pages[src].split("\n---\n", 1)[1], extensions=_EXTENSIONS)
            assert anchors_missing(html, anchors) == [], (lang, src)
        shards = build_search_index(index, lang)
        searched = sorted(
            (chunk["m"][row[0]][3], row[1])
            for name, content in shards.items()
            if name.startswith("docs/")
            for chunk in [json.loads(content)]
            for row in chunk["d"]
        )
        assert searched == sorted(
            (urls.url_of(urls.meeting_src(m.council, m.id)), r.id) for m in archive.meetings for r in m.remarks
        )
        listed = {ref.remark.id for entry in index.people.values() for ref in entry.remarks}
        attributed = {r.id for m in archive.meetings for r in m.remarks if r.speaker}
        assert listed == attributed


# -- in a reader's browser -------------------------------------------------------------


@pytest.mark.browser
def test_hostile_pages_run_no_script_and_fetch_nothing_off_site(browser, hostile_site: Path) -> None:
    from devtools.benchmark import serve

    with serve(hostile_site) as base:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        foreign: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith(base) else None)
        kinds = [
            f"{MEETING}/",
            f"{MEETING}/compare/",
            "speakers/yamada-taro/",
            "speakers/",
            "topics/budget/",
            "topics/",
            "meetings/test-council/",
            "meetings/",
            "",
            "search/?q=budget",
        ]
        for lang in LANGUAGES:
            for path in kinds:
                page.goto(f"{base}{lang}/{path}")
                page.wait_for_load_state("load")
                page.wait_for_timeout(50)
                injected = page.evaluate("""() => [...document.querySelectorAll('*')].filter(e =>
                    [...e.attributes].some(a => a.name.startsWith('on'))).map(e => e.outerHTML.slice(0, 80))""")
                assert injected == [], (lang, path)
        context.close()
    assert dialogs == [] and foreign == []


@pytest.mark.browser
def test_moved_and_withdrawn_addresses_lead_readers_on(browser, ledger_site: Path) -> None:
    from devtools.benchmark import serve

    with serve(ledger_site) as base:
        page = browser.new_page()
        page.goto(f"{base}en/meetings/test-council/2023-12-01/#opening-1")
        page.wait_for_url(f"{base}en/{MEETING}/#yamada-1")
        page.goto(f"{base}ja/meetings/test-council/2023-12-01/")
        page.wait_for_url(f"{base}ja/{MEETING}/")
        page.goto(f"{base}ja/{MEETING}/#opinion-0")
        page.wait_for_url(f"{base}ja/{MEETING}/#opinion-1")
        assert page.evaluate(
            "(() => { const top = document.getElementById('opinion-1').getBoundingClientRect().top;"
            " return top >= 0 && top < innerHeight; })()"
        )
        page.goto(f"{base}en/{MEETING}/#opinion-x")
        assert "entered twice" in page.inner_text("#opinion-x")
        page.goto(f"{base}en/meetings/test-council/2023-11-01/")
        assert "never held" in page.inner_text("main")
        page.close()
