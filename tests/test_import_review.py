"""The review page (issue 21, item 4): "`gijiroku import … --review FILE.html` writes ONE
self-contained HTML page showing each input line (with its number) beside what it became
… coloured by kind with a legend, every note shown at its line, a summary at the top …
so a person checks a 100-turn record in a minute", in the record's language, accessible
(WCAG 2.2 AA in light and dark, a real table, kind shown by text), escaping everything.

And item 3: "The summary line names the empty sections, e.g. `agenda: none found (議事次第
at line 23)`."
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import ROOT
from gijiroku.cli import main
from gijiroku.importer.accounting import skipped_lines
from gijiroku.importer.report import Imported, import_file
from gijiroku.importer.review import KINDS, render_review
from test_browser_a11y import VIEWPORTS, audit, axe_source  # noqa: F401 (a fixture)
from test_import_inputs import ENGLISH, MINUTES_TEXT

RECORD_JA = (
    "架空市ホームページ トップ > 審議会 > 緑化推進審議会\n"
    + MINUTES_TEXT.replace("開会します。\n", '開会します。<script>alert("x")</script>\n')
    + "　樹種の選定も、地域の意見を聞いて進めてほしい。\n"
    "○次に、事務局から資料1について説明があった。\n"
    "・更新の順序を公表すべきとの意見があった。\n"
    "○林委員　賛成です。\n"
    "○山川会長　以上で閉会します。\n"
    "\n"
    "ページの先頭へ\n"
)
"""The input tests' record with page text around it, a turn over two lines, narration, an
opinion, and markup in a remark."""

RECORD_EN = ENGLISH.replace("Ms. Garcia: Seconded.", "Ms. Garcia: Seconded. <img src=x onerror=alert(1)>")
"""The English record of the input tests, with markup in a remark."""


def _import(tmp_path: Path, text: str, name: str = "record.txt") -> tuple[Imported, Path]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    review = tmp_path / (name + ".html")
    assert (
        main(
            ["import", str(source), "-o", str(tmp_path / "out.md"), "--minutes", str(tmp_path / "none"), "--review", str(review)]
        )
        == 0
    )
    return import_file(source, {}), review


def _rows(page: Path) -> dict[int, tuple[str, str, str]]:
    """line number -> (input text, kind shown, the whole 'became' cell's text)."""
    tree = lxml_html.fromstring(page.read_bytes())
    out = {}
    for row in tree.xpath("//tbody/tr"):
        no = int(row.xpath("./th")[0].text_content())
        cells = row.xpath("./td")
        out[no] = (
            cells[0].text_content(),
            cells[1].xpath(".//span[contains(@class,'kind')]")[0].text_content(),
            cells[1].text_content(),
        )
    return out


def test_each_line_is_shown_beside_what_it_became(tmp_path: Path) -> None:
    imported, page = _import(tmp_path, RECORD_JA)
    rows = _rows(page)
    lines = RECORD_JA.split("\n")
    assert set(rows) == {no for no, line in enumerate(lines, start=1) if line.strip()}
    for no, (text, _, _) in rows.items():
        assert text == lines[no - 1]
    names = KINDS["ja"]
    turns = [r for r in imported.draft.remarks if r.kind == "spoken"]
    assert len(turns) == 4
    for remark in turns:  # a turn line shows its label and its speaker
        _, kind, became = rows[remark.line]
        assert kind == names["turn"][0] and f"{remark.label} → {remark.speaker}" in became
    going_on = lines.index("　樹種の選定も、地域の意見を聞いて進めてほしい。") + 1  # the second line of 森田委員's turn
    assert rows[going_on][1] == names["turn"][0] and rows[going_on][2].startswith("発言続き: ○森田委員 → person-")
    opinion = next(r for r in imported.draft.remarks if r.kind == "unattributed")
    assert rows[opinion.line][1] == names["opinion"][0]
    narration = next(r for r in imported.draft.remarks if r.kind == "narration")
    assert rows[narration.line][1] == names["narration"][0]
    for attendee in imported.draft.attendees:
        assert rows[attendee.line][1] == names["attendee"][0] and attendee.name in rows[attendee.line][2]
    items = [(text, became) for text, kind, became in rows.values() if kind == names["agenda"][0]]
    assert [
        (text, f"item-{n}: {item.title}" in became)
        for n, (item, (text, became)) in enumerate(zip(imported.draft.agenda, items), start=1)
    ] == [("1. 街路樹の更新計画について", True), ("2. その他", True)]
    skipped = skipped_lines(imported.notes)
    assert skipped, "the record has page text around it"
    for no in skipped:  # a skipped line says skipped
        assert rows[no][1] == names["skipped"][0]
    assert rows[4][1] == names["header"][0] and "日時" in rows[4][2]
    assert rows[5][1] == names["header"][0] and "場所" in rows[5][2]


def test_every_note_is_shown_at_its_line(tmp_path: Path) -> None:
    imported, page = _import(tmp_path, RECORD_JA)
    rows = _rows(page)
    assert imported.notes
    for note in imported.notes:
        assert note.message in rows[note.line][2] if note.line in rows else note.line == 1


def test_a_line_placed_nowhere_is_flagged_and_listed_to_check(tmp_path: Path) -> None:
    imported, _ = _import(tmp_path, RECORD_JA)
    lost = next(r.line for r in imported.draft.remarks if r.kind == "unattributed")
    flagged = dataclasses.replace(imported, accounting=dataclasses.replace(imported.accounting, lost=(lost,)))
    page = tmp_path / "lost.html"
    page.write_text(render_review(flagged), encoding="utf-8")
    assert _rows(page)[lost][1] == KINDS["ja"]["lost"][0]
    tree = lxml_html.fromstring(page.read_bytes())
    check = tree.xpath("//p[@class='check']")[0]
    assert f"#l{lost}" in [a.get("href") for a in check.xpath(".//a")]
    assert tree.xpath(f"//tr[@id='l{lost}']"), "the link leads to the line"


def test_the_summary_counts_and_the_text_accounted(tmp_path: Path) -> None:
    imported, page = _import(tmp_path, RECORD_JA)
    tree = lxml_html.fromstring(page.read_bytes())
    counts = [li.text_content() for li in tree.xpath("//ul[@class='counts']/li")]
    assert counts[0] == f"{len(imported.draft.attendees)} 出席者" and counts[3] == "4 発言"
    assert counts[-1].startswith(f"{imported.accounting.share:.1%}")


def test_the_page_speaks_the_records_language(tmp_path: Path) -> None:
    _, ja = _import(tmp_path, RECORD_JA, "ja.txt")
    _, en = _import(tmp_path, RECORD_EN, "en.txt")
    ja_tree, en_tree = lxml_html.fromstring(ja.read_bytes()), lxml_html.fromstring(en.read_bytes())
    assert ja_tree.get("lang") == "ja" and en_tree.get("lang") == "en"
    assert ja_tree.xpath("//thead//th/text()") == ["行", "入力", "取り込み結果"]
    assert en_tree.xpath("//thead//th/text()") == ["Line", "Input", "Became"]
    assert [th.get("scope") for th in en_tree.xpath("//thead//th")] == ["col"] * 3
    assert en_tree.xpath("//tbody/tr/th/@scope") == ["row"] * len(en_tree.xpath("//tbody/tr"))
    assert en_tree.xpath("//table/caption")
    rows = _rows(en)
    assert rows[17][1] == "speaker turn" and "Mr. Smith: → person-" in rows[17][2]


def test_hostile_text_stays_text_and_the_page_is_self_contained(tmp_path: Path) -> None:
    _, ja = _import(tmp_path, RECORD_JA, "ja.txt")
    _, en = _import(tmp_path, RECORD_EN, "en.txt")
    for page in (ja, en):
        text = page.read_text(encoding="utf-8")
        tree = lxml_html.fromstring(text)
        assert not tree.xpath("//script | //img | //link | //iframe | //object | //*[@src] | //*[@onerror]")
        assert not re.search(r"url\(|@import|https?://", text)
        assert all(href.startswith("#l") for href in tree.xpath("//a/@href"))
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in ja.read_text(encoding="utf-8")
    assert "<script>alert" in _rows(ja)[13][0]
    assert "<img src=x onerror=alert(1)>" in _rows(en)[18][0]


def test_summary_line_names_empty_sections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A label printed with nothing read under it is named with its line; a roll that
    names nobody is a note, counted among the notes."""
    text = RECORD_JA.replace("1. 街路樹の更新計画について\n2. その他\n", "")
    text = text.replace("出席委員：山川会長、森田委員、林委員", "出席委員：別紙のとおり")
    source = tmp_path / "empty.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["import", str(source), "-o", str(tmp_path / "out.md"), "--minutes", str(tmp_path / "none")]) == 0
    err = capsys.readouterr().err
    summary = err.strip().split("\n")[-1]
    assert "; attendees: none found (出席委員 at line 6); agenda: none found (議題 at line 8);" in summary
    notes = int(re.search(r"(\d+) notes to review", summary).group(1))
    assert notes == len(re.findall(rf"^{re.escape(str(source))}:\d+: ", err, re.M))
    assert f"{source}:6: attendance given elsewhere, no names here" in err
    main(["import", str(source), "-o", str(tmp_path / "out.md"), "--minutes", str(tmp_path / "none"), "--report", "json"])
    data = json.loads(capsys.readouterr().err)
    assert data["empty_sections"] == [
        {"section": "attendees", "label": "出席委員", "line": 6},
        {"section": "agenda", "label": "議題", "line": 8},
    ]


def test_no_empty_section_when_everything_was_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "full.txt"
    source.write_text(RECORD_JA, encoding="utf-8")
    main(["import", str(source), "-o", str(tmp_path / "out.md"), "--minutes", str(tmp_path / "none")])
    assert "none found" not in capsys.readouterr().err


# -- in a browser -----------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_review_pages_pass_axe_in_both_schemes_and_widths(
    browser,
    axe_source: str,  # noqa: F811
    tmp_path: Path,
    scheme: str,
    viewport: str,
) -> None:
    pages = [_import(tmp_path, RECORD_JA, "ja.txt")[1], _import(tmp_path, RECORD_EN, "en.txt")[1]]
    # The page's own policy forbids scripts: axe is injected with it bypassed, as a tool may.
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme, bypass_csp=True)
    found = []
    try:
        page = context.new_page()
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        for review in pages:
            page.goto(review.as_uri())
            assert requests[-1] == review.as_uri(), "the page fetches nothing"
            wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            assert not wide, f"{review.name} scrolls sideways at {viewport} width"
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert (background == "rgb(20, 20, 20)") == (scheme == "dark")
            for violation in audit(page, axe_source):
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                found.append(f"{review.name}: {violation['id']} ({violation['impact']}) {targets}")
        assert len(requests) == 2
    finally:
        context.close()
    assert not found, "\n".join(found)


@pytest.mark.browser
def test_a_reader_follows_a_line_to_check_to_its_row(browser, tmp_path: Path) -> None:
    imported, _ = _import(tmp_path, RECORD_JA)
    lost = next(r.line for r in imported.draft.remarks if r.kind == "unattributed")
    page_file = tmp_path / "lost.html"
    page_file.write_text(
        render_review(dataclasses.replace(imported, accounting=dataclasses.replace(imported.accounting, lost=(lost,)))),
        encoding="utf-8",
    )
    context = browser.new_context(viewport=VIEWPORTS["mobile"])
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        page.get_by_role("link", name=str(lost), exact=True).click()
        assert page.evaluate("location.hash") == f"#l{lost}"
        row = page.locator(f"tr#l{lost}")
        assert row.is_visible() and "未配置" in row.inner_text()
        box = row.bounding_box()
        assert box is not None and 0 <= box["y"] < 844
    finally:
        context.close()


def test_the_docs_show_a_review_page() -> None:
    assert (ROOT / "docs" / "dev" / "img" / "import-review.png").is_file()
    for lang in ("en", "ja"):
        assert "](../img/import-review.png)" in (ROOT / "docs" / "dev" / lang / "import.md").read_text(encoding="utf-8")
