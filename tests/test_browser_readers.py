"""What readers of the best archives expect, driven in headless Chromium: who said what
(a name and a word in one box), totals, sort, phrases, OR and exclusion, the language
switch of a filtered search, speaker pages that summarise, previous and next meetings,
the table of contents on arrival, feeds and data for people, and the site without
JavaScript. The real minutes, and a synthetic archive of several councils where one
meeting is not enough (sorting, neighbours, totals past the index's bound)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from conftest import ROOT, run_mkdocs_build
from devtools.benchmark import serve
from devtools.projects import make_project as synthetic_project
from gijiroku import load_archive
from test_browser_search import run_search

pytestmark = pytest.mark.browser

ARCHIVE, _ = load_archive(ROOT / "minutes")
MEETING = ARCHIVE.meeting("ai-strategy-council/2023-08-04")
MEETING_PATH = "meetings/ai-strategy-council/2023-08-04/"
DONE = "() => document.getElementById('gj-search').dataset.done"
SYNTH_MEETINGS = 60


def text_of(remark_id: str, lang: str) -> str:
    return " ".join(MEETING.reading(lang).remark(remark_id).paragraphs)


def theirs(person: str, word: str, lang: str) -> list[str]:
    """The person's remarks whose text has the word, read from the minutes themselves."""
    return [r.id for r in MEETING.remarks if r.speaker == person and word.lower() in text_of(r.id, lang).lower()]


def chips(page) -> list[str]:
    return page.locator(".gj-chips .gj-chip-text").all_inner_texts()


# -- who said what ----------------------------------------------------------------------

NAME_WORD = [
    ("ja", "永岡 著作権", "nagaoka-keiko", "著作権"),
    ("ja", "ながおか 著作権", "nagaoka-keiko", "著作権"),
    ("ja", "Nagaoka 著作権", "nagaoka-keiko", "著作権"),
    ("ja", "永岡桂子 著作権", "nagaoka-keiko", "著作権"),
    ("ja", "尾崎 広島", "ozaki-masanao", "広島"),
    ("ja", "おざき まさなお 広島", "ozaki-masanao", "広島"),
    ("ja", "村井 閣僚級会合", "murai-hideki", "閣僚級会合"),
    ("en", "Nagaoka copyright", "nagaoka-keiko", "copyright"),
    ("en", "Keiko Nagaoka copyright", "nagaoka-keiko", "copyright"),
    ("en", "copyright nagaoka", "nagaoka-keiko", "copyright"),
    ("en", "永岡 copyright", "nagaoka-keiko", "copyright"),
    ("en", "Ozaki Hiroshima", "ozaki-masanao", "Hiroshima"),
    ("en", "Masanao Ozaki Hiroshima", "ozaki-masanao", "Hiroshima"),
    ("en", "おざき Hiroshima", "ozaki-masanao", "Hiroshima"),
    ("en", "Murai ministerial", "murai-hideki", "ministerial"),
]


@pytest.mark.parametrize(("lang", "q", "person", "word"), NAME_WORD)
def test_a_name_and_a_word_find_what_that_speaker_said(page, site_server, lang: str, q: str, person: str, word: str) -> None:
    expected = theirs(person, word, lang)
    assert expected, "the case must have an answer in the minutes"
    shown = run_search(page, site_server, lang, q=q)
    assert shown["anchors"] == expected
    name = ARCHIVE.people[person].name.get(lang)
    assert any(name in chip for chip in chips(page)), chips(page)
    # The word alone finds more than the speaker's remarks: the name narrowed it.
    assert len(run_search(page, site_server, lang, q=word)["anchors"]) > len(expected)


def test_a_read_filter_can_be_removed_and_then_the_words_are_searched_as_typed(page, site_server) -> None:
    run_search(page, site_server, "en", q="Ozaki Hiroshima")
    page.locator(".gj-chip-read .gj-chip-remove").first.click()
    page.wait_for_function("() => new URLSearchParams(location.search).get('asis') === '1'")
    page.wait_for_function(DONE)
    page.wait_for_function("() => document.getElementById('gj-search').getAttribute('aria-busy') === 'false'")
    assert chips(page) == []
    # Ozaki's name is in no remark's text, so every word as typed finds nothing.
    assert page.locator(".gj-result").count() == 0


def test_a_name_whose_filter_finds_nothing_falls_back_to_every_word(page, site_server) -> None:
    # Matsumoto never says "copyright": the remarks with both words, and a note why.
    shown = run_search(page, site_server, "en", q="Matsumoto Hiroshima")
    assert shown["anchors"] == theirs("matsumoto-takeaki", "Hiroshima", "en")
    # Matsumoto never speaks of the summer holidays; Murai names him and does.
    assert theirs("matsumoto-takeaki", "夏休み", "ja") == []
    literal = [r.id for r in MEETING.remarks if all(w in text_of(r.id, "ja") for w in ("松本", "夏休み"))]
    assert literal
    shown = run_search(page, site_server, "ja", q="松本 夏休み")
    assert shown["anchors"] == literal
    assert page.locator(".gj-note").is_visible()


def test_a_name_alone_still_searches_its_text_and_lists_the_person(page, site_server) -> None:
    shown = run_search(page, site_server, "ja", q="松本")
    assert "matsumoto-takeaki" in shown["people"]
    assert set(shown["anchors"]) >= {"greetings", "murai-1"}
    assert chips(page) == []


def test_the_header_box_reads_the_query_too(page, site_server) -> None:
    page.goto(f"{site_server}en/{MEETING_PATH}")
    box = page.locator("form.gj-header-search input[name=q]")
    box.fill("Nagaoka copyright")
    box.press("Enter")
    page.wait_for_url("**/en/search/?q=*")
    page.wait_for_function(DONE)
    assert page.locator(".gj-result").evaluate_all("els => els.map(e => e.dataset.anchor)") == ["nagaoka-1"]


# -- totals, sort, phrase, OR, exclusion --------------------------------------------------


def test_phrase_or_and_exclusion(page, site_server) -> None:
    def found(q: str, lang: str = "en") -> set[str]:
        return set(run_search(page, site_server, lang, q=q)["anchors"])

    def has(word: str, lang: str = "en") -> set[str]:
        return {r.id for r in MEETING.remarks if re.search(word, text_of(r.id, lang), re.I)}

    assert found('"data centres"') == has(r"data cent(re|er)s?\b") == {"opinion-07"}
    together, apart = has(r"\bAI\W+developments?\b"), has(r"\bAI\b") & has(r"\bdevelopment")
    assert together < apart, "the minutes have both cases"
    assert found('"AI development"') == together
    assert found("AI development") == apart
    assert found("GPU OR copyright") == found("GPU") | found("copyright") == has("GPU") | has("copyright")
    assert found("copyright -creators") == found("copyright") - found("creators")
    assert found("著作権 -クリエイター", "ja") == has("著作権", "ja") - has("クリエイター", "ja")
    assert found("ＧＰＵ ＯＲ 著作権", "ja") == has("GPU", "ja") | has("著作権", "ja"), "full-width OR"
    assert found("“data centres”") == {"opinion-07"}, "curly quotes"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_totals_are_exact(page, site_server, lang: str) -> None:
    q = "著作権" if lang == "ja" else "copyright"
    shown = run_search(page, site_server, lang, all_pages=False, q=q)
    n = len(shown["anchors"])
    assert shown["status"] == (f"{n} 件" if lang == "ja" else f"{n} results")


def test_sort_newest_and_oldest_reverse_each_other(page, site_server) -> None:
    newest = run_search(page, site_server, "ja", q="AI", sort="newest")["anchors"]
    oldest = run_search(page, site_server, "ja", q="AI", sort="oldest")["anchors"]
    assert newest == list(reversed(oldest)) and len(newest) > 3
    order = [r.id for r in MEETING.remarks]
    assert newest == sorted(newest, key=order.index), "one meeting: newest first is the order of the proceedings"


# -- the language switch carries meaning ---------------------------------------------------


def switch_language(page, lang: str) -> dict[str, list[str]]:
    """Follow the language selector from a search that has read its query."""
    page.wait_for_function("() => document.getElementById('gj-search').dataset.otherSearch !== undefined")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f"a.gj-lang-link[hreflang='{lang}']").click()
    page.wait_for_url(f"**/{lang}/search/?*")
    page.wait_for_function(DONE)
    return parse_qs(urlsplit(page.url).query)


def anchors_shown(page) -> list[str]:
    return page.locator(".gj-result").evaluate_all("els => els.map(e => e.dataset.anchor)")


def test_switch_from_a_filtered_search_keeps_filters_and_carries_names(page, site_server) -> None:
    run_search(page, site_server, "ja", q="永岡 著作権", kind="spoken")
    params = switch_language(page, "en")
    assert params["kind"] == ["spoken"]
    assert params["q"] == ["Keiko Nagaoka Copyright"]
    assert "literal" not in params, "every word had an English name"
    assert anchors_shown(page) == ["nagaoka-1"]
    assert "Speaker: Keiko Nagaoka" in chips(page)


def test_switch_says_which_words_went_as_typed(page, site_server) -> None:
    run_search(page, site_server, "en", q="copyright subsidy", topic="copyright")
    params = switch_language(page, "ja")
    assert params["topic"] == ["copyright"]
    assert params["q"] == ["著作権 subsidy"]
    assert params["literal"] == ["subsidy"]
    note = page.locator(".gj-note").inner_text()
    assert "subsidy" in note and "入力のまま" in note, note


def test_the_issue_s_example_finds_the_japanese_remarks_on_the_topic(page, site_server) -> None:
    # /ja/search/?q=copyright&topic=copyright found nothing: the English word was searched
    # in Japanese text. Switched from English it is 著作権; typed as it is, it names the
    # topic already chosen. Either way: the four Japanese remarks on copyright.
    tagged = [r.id for r in MEETING.remarks if "copyright" in r.topics]
    assert len(tagged) == 4
    run_search(page, site_server, "en", q="copyright", topic="copyright")
    switch_language(page, "ja")
    assert anchors_shown(page) == tagged
    assert run_search(page, site_server, "ja", q="copyright", topic="copyright")["anchors"] == tagged


def test_hints_speak_the_page_s_language(page, site_server) -> None:
    run_search(page, site_server, "ja", q="copyright")
    hint = page.locator(".gj-other-language").inner_text()
    assert "英語" in hint and "English" not in hint, hint


# -- search within a meeting, council, speaker or topic -----------------------------------


def search_from_page(page, base: str, lang: str, path: str, words: str) -> list[str]:
    """Type into a page's own search box; the search page's results."""
    page.goto(f"{base}{lang}/{path}")
    form = page.locator("form.gj-scoped-search")
    form.locator("input[name=q]").fill(words)
    form.locator("button").click()
    page.wait_for_url(f"**/{lang}/search/?*")
    page.wait_for_function(DONE)
    return anchors_shown(page)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_search_this_meeting_speaker_topic_and_council(page, site_server, lang: str) -> None:
    word = "著作権" if lang == "ja" else "copyright"
    with_word = {r.id for r in MEETING.remarks if word.lower() in text_of(r.id, lang).lower()}
    assert set(search_from_page(page, site_server, lang, MEETING_PATH, word)) == with_word
    assert parse_qs(urlsplit(page.url).query)["meeting"] == ["ai-strategy-council/2023-08-04"]
    assert any(MEETING.reading(lang).title in chip for chip in chips(page))
    assert search_from_page(page, site_server, lang, "speakers/nagaoka-keiko/", word) == ["nagaoka-1"]
    with_ai = {r.id for r in MEETING.remarks if re.search(r"(?<![A-Za-z])AI(?![A-Za-z])", text_of(r.id, lang))}
    on_it = with_ai & {r.id for r in MEETING.remarks if "compute" in r.topics}
    assert on_it and on_it != with_ai
    assert set(search_from_page(page, site_server, lang, "topics/compute/", "AI")) == on_it
    assert set(search_from_page(page, site_server, lang, "meetings/ai-strategy-council/", word)) == with_word


# -- speaker pages that summarise ---------------------------------------------------------


def members_without_remarks() -> list[str]:
    speakers = {r.speaker for r in MEETING.remarks if r.speaker}
    return [a.person for a in MEETING.attendees if a.person and a.group == "member" and not a.absent and a.person not in speakers]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_member_with_only_unattributed_opinions_is_told_why_and_linked(page, site_server, lang: str) -> None:
    people = members_without_remarks()
    assert people, "the real minutes have members whose opinions are recorded without names"
    page.goto(f"{site_server}{lang}/speakers/{people[0]}/")
    note = page.locator(".gj-unnamed")
    expected = "出席した会議のうち 1 回は" if lang == "ja" else "1 meeting this person attended records"
    assert expected in note.inner_text()
    note.locator("a").first.click()
    page.wait_for_url(f"**/{lang}/{MEETING_PATH}")
    assert page.locator(".gj-kind-unattributed").count() > 0
    page.go_back()
    remarks = page.locator("#remarks + p").inner_text()
    assert remarks != ("記録された発言はありません。" if lang == "ja" else "No recorded remarks.")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_speaker_page_summarises_before_the_table_of_roles(page, site_server, lang: str) -> None:
    page.goto(f"{site_server}{lang}/speakers/matsumoto-takeaki/")
    headings = page.locator("h2").evaluate_all("els => els.map(e => e.id)")
    assert headings.index("profile") < headings.index("years") < headings.index("remarks") < headings.index("roles")
    period = page.locator(".gj-periods li").first.inner_text()
    role = MEETING.reading(lang).role("matsumoto-takeaki").role
    assert role in period and ARCHIVE.councils["ai-strategy-council"].name.get(lang) in period
    year = page.locator("#years + table a, #years ~ .md-typeset__scrollwrap a").first
    year.click()
    page.wait_for_url(f"**/{lang}/search/?*")
    page.wait_for_function(DONE)
    assert page.locator(".gj-result").count() == len([r for r in MEETING.remarks if r.speaker == "matsumoto-takeaki"])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_chart_bars_lead_to_what_they_count(page, site_server, lang: str) -> None:
    page.goto(f"{site_server}{lang}/speakers/matsumoto-takeaki/")
    bars = page.locator(".gj-chart-hits a")
    assert bars.count() >= 1
    href = bars.first.get_attribute("href")
    assert "search/?speaker=matsumoto-takeaki" in href
    bars.first.click(force=True)  # over the bar it covers
    page.wait_for_url(f"**/{lang}/search/?speaker=matsumoto-takeaki*")
    page.wait_for_function(DONE)
    assert page.locator(".gj-result").count() == len([r for r in MEETING.remarks if r.speaker == "matsumoto-takeaki"])
    page.go_back()
    page.locator(".gj-chart-table summary").first.click()
    page.locator(".gj-chart-table tbody a").first.click()
    page.wait_for_function(DONE)
    assert page.locator(".gj-result").count() > 0
    page.goto(f"{site_server}{lang}/meetings/ai-strategy-council/")
    assert page.locator(".gj-chart-hits a").first.get_attribute("href") == "./#y2023"


# -- getting around -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("anchor", ["agenda", "hiroshima-ai-process", "ai-development", "closing"])
def test_the_table_of_contents_marks_the_section_landed_on(page, site_server, lang: str, anchor: str) -> None:
    page.goto(f"{site_server}{lang}/{MEETING_PATH}#{anchor}")
    page.wait_for_load_state("load")
    page.wait_for_function(
        "id => !!document.querySelector(`.md-nav--secondary a.md-nav__link--active[href='#${id}']`)", arg=anchor, timeout=5000
    )
    active = page.locator(".md-nav--secondary a.md-nav__link--active").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert active == [f"#{anchor}"]


def test_the_only_meeting_of_a_council_says_it_has_no_neighbours(page, site_server) -> None:
    page.goto(f"{site_server}en/{MEETING_PATH}")
    nav = page.locator("nav.gj-neighbours")
    assert "first meeting" in nav.inner_text() and "latest meeting" in nav.inner_text()
    assert nav.locator("a").count() == 0


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_meetings_index_is_folded_by_council_and_year(page, site_server, lang: str) -> None:
    page.goto(f"{site_server}{lang}/meetings/")
    years = page.locator("details.gj-year")
    assert years.count() == 1 and not years.first.evaluate("d => d.open")
    page.goto(f"{site_server}{lang}/meetings/#ai-strategy-council-2023")
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.getElementById('ai-strategy-council-2023').open")
    page.locator("details.gj-year a").first.click()
    page.wait_for_url(f"**/{lang}/{MEETING_PATH}")


# -- feeds and data for people ------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_feed_opened_in_a_browser_explains_itself(page, site_server, lang: str) -> None:
    page.goto(f"{site_server}{lang}/feeds/speakers/matsumoto-takeaki.xml")
    page.wait_for_selector("h1")
    body = page.locator("body").inner_text()
    assert ("フィードリーダー" if lang == "ja" else "feed reader") in body
    assert page.locator("h1").inner_text() == ("松本 剛明の発言" if lang == "ja" else "Remarks by Takeaki Matsumoto")
    page.locator(".entry a").first.click()
    page.wait_for_url(f"**/{lang}/{MEETING_PATH}#matsumoto-1")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_data_page_lists_downloads_with_sizes_that_save(page, site_server, built_site: Path, lang: str) -> None:
    page.goto(f"{site_server}{lang}/data/")
    rows = page.locator(".gj-downloads-table tbody tr")
    assert rows.count() == 4, "the four indexes"
    for i in range(rows.count()):
        link = rows.nth(i).locator("a")
        assert link.get_attribute("download")
        size = rows.nth(i).locator(".gj-size").inner_text()
        assert re.fullmatch(r"[\d,.]+ (B|KB|MB|GB)", size), size
    bundle = page.locator(".gj-bundles-table a[download]")
    assert bundle.count() == 1 and bundle.get_attribute("download") == "ai-strategy-council-2023.zip"
    assert re.fullmatch(r"[\d,.]+ (B|KB|MB)", page.locator(".gj-bundles-table .gj-size").inner_text())
    with page.expect_download() as download:
        bundle.click()
    with zipfile.ZipFile(Path(download.value.path())) as archive:
        names = archive.namelist()
    assert "akn/jp/debate/ai-strategy-council/2023-08-04/2023-08-04/jpn@.xml" in names
    assert "minutes/ai-strategy-council/2023-08-04.en.md" in names
    moved = page.locator(".gj-moved-table tbody tr").all_inner_texts()
    assert any(f"{lang}/api/meetings/ai-strategy-council/2023-08-04.akn.xml" in row and "2023.zip" in row for row in moved)
    assert any(f"{lang}/api/meetings/ai-strategy-council/2023-08-04.json" in row for row in moved), "old addresses are listed"
    page.goto(f"{site_server}{lang}/{MEETING_PATH}")
    for link in page.locator(".gj-downloads a[download]").all():
        assert link.get_attribute("download").startswith("ai-strategy-council-2023")


# -- no JavaScript ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_javascript_dead_controls_are_not_shown(browser, site_server, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_server}{lang}/search/")
        assert not page.locator("#gj-search form").is_visible()
        assert "JavaScript" in page.locator("#gj-search").inner_text()
        hrefs = page.locator("#gj-search a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert {"../meetings/", "../speakers/", "../topics/"} <= set(hrefs)
        page.goto(f"{site_server}{lang}/{MEETING_PATH}")
        assert page.locator("button.gj-tools-open, button.gj-copy").count() == 0, "the script makes a remark's tools"
        assert not page.locator("form.gj-scoped-search").is_visible()
        assert not page.locator("form.gj-header-search").is_visible()
        assert not page.locator(".gj-compare-link, .gj-translation-notice .gj-needs-js").filter(visible=True).count()
        assert page.locator(".gj-meeting-cite .gj-citation").is_visible(), "the meeting's citation needs no script"
        assert page.locator("h3.gj-remark-heading a.headerlink").count() > 20, "each remark keeps its permalink"
        page.goto(f"{site_server}{lang}/compare/?meeting=ai-strategy-council/2023-08-04")
        notice = page.locator(".gj-compare-nojs")
        assert notice.is_visible() and "JavaScript" in notice.inner_text()
        hrefs = notice.locator("a").evaluate_all("els => els.map(e => new URL(e.href).pathname)")
        assert sorted(hrefs) == ["/en/meetings/", "/ja/meetings/"], "both languages' meetings, readable without it"
    finally:
        context.close()


# -- what every page asks for ----------------------------------------------------------------


def test_no_page_asks_for_a_file_that_is_not_there(browser, site_server) -> None:
    paths = [
        "",
        "meetings/",
        "meetings/ai-strategy-council/",
        MEETING_PATH,
        MEETING_PATH + "compare/",
        "compare/?meeting=ai-strategy-council/2023-08-04",
        "speakers/",
        "speakers/matsumoto-takeaki/",
        "topics/",
        "topics/copyright/",
        "search/?q=AI",
        "about/",
        "data/",
    ]
    context = browser.new_context()
    page = context.new_page()
    missing: list[str] = []
    page.on("response", lambda response: response.status >= 400 and missing.append(response.url))
    try:
        for lang in ("ja", "en"):
            for path in paths:
                page.goto(f"{site_server}{lang}/{path}")
                page.wait_for_load_state("load")
                page.wait_for_timeout(300)
    finally:
        context.close()
    assert missing == [], "e.g. a sitemap.xml beside every <link rel=alternate>"


# -- a larger archive: sort, neighbours, grouping, totals past the index's bound ------------


@pytest.fixture(scope="module")
def synth_server(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("readers-synth")
    project = synthetic_project(work / "project", SYNTH_MEETINGS, seed=3)
    site = work / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as base:
        yield base, load_archive(project / "minutes")[0]


def synth_search(page, base: str, lang: str, **params: str) -> list[dict]:
    page.goto(f"{base}{lang}/search/?{urlencode(params)}")
    page.wait_for_function(DONE)
    return page.locator(".gj-result").evaluate_all(
        "els => els.map(e => ({anchor: e.dataset.anchor, date: e.querySelector('time').getAttribute('datetime')}))"
    )


def test_sort_by_date_and_totals_past_the_bound(browser, synth_server) -> None:
    base, _ = synth_server
    page = browser.new_page()
    try:
        newest = [r["date"] for r in synth_search(page, base, "ja", q="予算", sort="newest")]
        oldest = [r["date"] for r in synth_search(page, base, "ja", q="予算", sort="oldest")]
        assert newest == sorted(newest, reverse=True) and oldest == sorted(oldest)
        assert newest[0] > oldest[0]
        synth_search(page, base, "en", q="the")
        assert page.locator(".gj-status").inner_text() == "More than 2,000 results"
        synth_search(page, base, "ja", q="予算")
        assert re.fullmatch(r"[\d,]+ 件", page.locator(".gj-status").inner_text())
    finally:
        page.close()


def test_results_grouped_by_meeting(browser, synth_server) -> None:
    base, _ = synth_server
    page = browser.new_page()
    try:
        synth_search(page, base, "en", q="budget", group="meeting", sort="newest")
        groups = page.locator("li.gj-group")
        for _ in range(6):  # a meeting may hold a whole page of them
            if groups.count() >= 2:
                break
            page.locator(".gj-more").click()
            page.wait_for_function("() => document.getElementById('gj-search').getAttribute('aria-busy') === 'false'")
        assert groups.count() >= 2
        for i in range(groups.count()):
            group = groups.nth(i)
            dates = group.locator(".gj-result time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
            assert len(set(dates)) == 1, "a group holds one meeting's remarks"
            assert (
                group.locator(".gj-group-head a")
                .get_attribute("href")
                .rstrip("/")
                .endswith(group.get_attribute("data-meeting").rstrip("/"))
            )
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_previous_and_next_meeting_of_the_council(browser, synth_server, lang: str) -> None:
    base, archive = synth_server
    council = archive.meetings[0].council
    meetings = sorted((m for m in archive.meetings if m.council == council), key=lambda m: (m.date, m.id))
    assert len(meetings) >= 3
    middle = meetings[1]
    page = browser.new_page()
    try:
        page.goto(f"{base}{lang}/meetings/{middle.key}/")
        page.locator("nav.gj-neighbours a[rel=next]").click()
        page.wait_for_url(f"**/{lang}/meetings/{meetings[2].key}/")
        page.locator("nav.gj-neighbours a[rel=prev]").click()
        page.wait_for_url(f"**/{lang}/meetings/{middle.key}/")
        page.locator("nav.gj-neighbours a[rel=prev]").click()
        page.wait_for_url(f"**/{lang}/meetings/{meetings[0].key}/")
        assert page.locator("nav.gj-neighbours a[rel=prev]").count() == 0
    finally:
        page.close()
