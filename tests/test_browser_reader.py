"""What a reader does on the search page and when landing on a remark, in headless Chromium."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT
from gijiroku import load_archive

pytestmark = pytest.mark.browser

ARCHIVE, _ = load_archive(ROOT / "minutes")
MEETING = ARCHIVE.meeting("ai-strategy-council/2023-08-04")
MEETING_URL = "meetings/ai-strategy-council/2023-08-04/"
DONE = "() => document.getElementById('gj-search').dataset.done && document.getElementById('gj-search').getAttribute('aria-busy') === 'false'"


def anchors(page) -> list[str]:
    return page.locator(".gj-result").evaluate_all("els => els.map(e => e.dataset.anchor)")


def click_at(page, locator) -> None:
    """A click where a reader's pointer would land (on whatever is on top there)."""
    box = locator.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def open_search(page, base: str, lang: str, query: str = "") -> None:
    page.goto(f"{base}{lang}/search/{query}")
    page.wait_for_function(DONE)


def test_language_switch_keeps_query_and_filters(page, site_server) -> None:
    open_search(page, site_server, "ja", "?q=%E8%91%97%E4%BD%9C%E6%A8%A9&speaker=nagaoka-keiko")
    assert anchors(page) == ["nagaoka-1"]
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a.gj-lang-link[hreflang='en']").click()
    page.wait_for_url("**/en/search/?*")
    page.wait_for_function(DONE)
    params = parse_qs(urlsplit(page.url).query)
    # The filter is an id, the same in both; 著作権 is a topic's name, written as English has it.
    assert params == {"q": ["Copyright"], "speaker": ["nagaoka-keiko"]}
    assert page.locator("#gj-q").input_value() == "Copyright"
    assert anchors(page) == ["nagaoka-1"]
    assert page.locator("select[name=speaker]").input_value() == "nagaoka-keiko"


def test_other_language_hint(page, site_server) -> None:
    open_search(page, site_server, "en", "?q=%E8%91%97%E4%BD%9C%E6%A8%A9")
    assert anchors(page) == []
    assert page.locator(".gj-status").inner_text() == "0 results"
    hint = page.locator(".gj-other-language a")
    assert hint.inner_text() == "4 results in Japanese →", "the other language named in this page's language"
    hint.click()
    page.wait_for_url("**/ja/search/?q=*")
    page.wait_for_function(DONE)
    assert len(anchors(page)) == 4
    open_search(page, site_server, "en", "?q=copyright")
    assert page.locator(".gj-other-language").is_hidden(), "no hint where this language has results"


def test_filters_offer_only_choices_with_remarks(page, site_server) -> None:
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "/search-index/" in r.url else None)
    open_search(page, site_server, "en")
    speakers = page.locator("select[name=speaker] option").evaluate_all("os => os.map(o => o.value)")
    with_remarks = {p for p in ARCHIVE.people if any(r.speaker == p for r in MEETING.remarks)}
    assert set(speakers) == {""} | with_remarks | {"-unattributed"}
    assert len(with_remarks) < len(ARCHIVE.people), "the archive has people who never spoke"
    for value in speakers[1:]:
        page.select_option("select[name=speaker]", value)
        page.wait_for_function(f"() => new URLSearchParams(location.search).get('speaker') === '{value}'")
        page.wait_for_function(DONE)
        expected = [
            r.id for r in MEETING.remarks if (r.kind == "unattributed" if value == "-unattributed" else r.speaker == value)
        ]
        while page.locator(".gj-more").is_visible():
            page.locator(".gj-more").click()
            page.wait_for_function(DONE)
        assert anchors(page) == expected, value
    topics = page.locator("select[name=topic] option").evaluate_all("os => os.map(o => o.value)")
    assert set(topics[1:]) == {t for t in ARCHIVE.topics if any(t in r.topics for r in MEETING.remarks)}
    assert failed == []
    # A name that matches: their page, their count (in words), their remarks if they have any.
    open_search(page, site_server, "en", "?q=matsumoto")
    assert page.locator(".gj-people li").all_inner_texts() == ["Takeaki Matsumoto (1 remark) · Show their remarks"]
    open_search(page, site_server, "ja", "?q=%E6%9D%BE%E5%B0%BE")  # 松尾: the chair, who has no recorded remark
    assert page.locator(".gj-people li").all_inner_texts() == ["松尾 豊（発言 0 件）"]


def test_each_search_is_a_step_of_history(page, site_server) -> None:
    open_search(page, site_server, "en")
    start = page.url
    box = page.locator("#gj-q")
    box.fill("copyright")
    box.press("Enter")
    page.wait_for_function("() => location.search === '?q=copyright'")
    page.select_option("select[name=kind]", "spoken")
    page.wait_for_function("() => location.search === '?q=copyright&kind=spoken'")
    page.wait_for_function(DONE)
    assert anchors(page) == ["nagaoka-1"]
    page.go_back()
    page.wait_for_function("() => location.search === '?q=copyright'")
    page.wait_for_function(DONE)
    assert page.locator("select[name=kind]").input_value() == ""
    assert len(anchors(page)) == 4
    page.go_back()
    page.wait_for_function(f"() => location.href === {start!r}")
    assert page.locator("#gj-q").input_value() == ""


def test_reversed_date_range_is_pointed_out(page, site_server) -> None:
    open_search(page, site_server, "en", "?topic=compute&from=2024-01-01&to=2023-01-01")
    problem = page.locator(".gj-form-problem")
    assert problem.is_visible() and "start date is after the end date" in problem.inner_text()
    assert page.locator("input[name=from]").get_attribute("aria-invalid") == "true"
    assert page.locator(".gj-status").inner_text() == "", "not '0 results'"
    page.fill("input[name=from]", "2023-01-01")
    page.fill("input[name=to]", "2023-12-31")
    page.locator("#gj-q").press("Enter")
    page.wait_for_function(DONE)
    assert problem.is_hidden() and len(anchors(page)) > 0


def test_focus_is_visible_and_show_more_keeps_the_place(page, site_server) -> None:
    open_search(page, site_server, "en", "?kind=unattributed")
    outline = "el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth"
    for selector in ("#gj-q", "input[name=from]", "select[name=topic]", "form.gj-header-search input"):
        page.locator(selector).focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        style = page.locator(selector).evaluate(outline)
        assert not style.startswith("none") and not style.endswith(" 0px"), (selector, style)
    # Material's palette toggle is a visually hidden radio: its focus shows on the icon after it.
    page.locator(".md-header .md-option").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    label = page.locator(".md-header .md-option").first.locator("xpath=following-sibling::label[1]").evaluate(outline)
    assert label.startswith("solid"), label
    assert len(anchors(page)) == 10
    page.locator(".gj-more").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.gj-result').length > 10")
    page.wait_for_function(DONE)
    focused = page.evaluate(
        "document.activeElement.closest('.gj-result') && document.activeElement.closest('.gj-result').dataset.anchor"
    )
    assert focused == anchors(page)[10]


def test_whole_result_opens_the_remark_marked_with_the_query(page, site_server) -> None:
    open_search(page, site_server, "ja", "?q=%E8%A8%88%E7%AE%97%E8%B3%87%E6%BA%90")
    first = page.locator(".gj-result").first
    click_at(page, first.locator(".gj-result-text"))  # the excerpt, not the title link
    page.wait_for_url(f"**/ja/{MEETING_URL}#opinion-07")
    assert "hl=" not in page.url, "the address bar keeps the plain link"
    marks = page.locator("#opinion-07 + .gj-remark mark").all_inner_texts()
    assert marks and set(marks) == {"計算資源"}
    assert page.locator("mark").count() == len(marks), "only the landed remark is marked"
    background = page.locator("#opinion-07 + .gj-remark").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    # English: prefix and spelling variants reach the same remark, marked.
    open_search(page, site_server, "en", "?q=data+center")
    assert "opinion-07" in anchors(page)
    click_at(page, page.locator(".gj-result[data-anchor='opinion-07'] .gj-result-text"))
    page.wait_for_url(f"**/en/{MEETING_URL}#opinion-07")
    assert "data centres" in " ".join(page.locator("#opinion-07 + .gj-remark mark").all_inner_texts()).lower() or {
        "data",
        "centres",
    } <= {m.lower() for m in page.locator("#opinion-07 + .gj-remark mark").all_inner_texts()}


def test_prefix_matching(page, site_server) -> None:
    open_search(page, site_server, "en", "?q=copy")
    copyright_remarks = [
        r.id for r in MEETING.remarks if "copyright" in " ".join(MEETING.version("en").remarks[r.id].paragraphs).lower()
    ]
    assert copyright_remarks and set(copyright_remarks) <= set(anchors(page))
    assert page.locator(".gj-result mark").first.inner_text().lower().startswith("copy")
    dates = set(page.locator(".gj-result time").all_inner_texts())
    assert dates == {"4 August 2023 (Fri)"}, "the date as the pages write it"


def test_orientation_on_a_meeting_page(browser, site_server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{site_server}en/{MEETING_URL}")
        crumbs = page.locator("nav.gj-path li").all_inner_texts()
        assert [c.strip() for c in crumbs[:3]] == ["Home", "Meetings", "AI Strategy Council"]
        toc = page.locator("details.gj-toc-mobile")
        assert toc.is_visible()
        toc.locator("summary").click()
        toc.get_by_role("link", name="Attendees").click()
        page.wait_for_url("**#attendees")
        page.set_viewport_size({"width": 1280, "height": 900})
        assert toc.is_hidden(), "Material's own table of contents shows on wide screens"
        assert page.locator(".md-sidebar--primary").is_hidden(), "no empty column beside the text"
        active = page.locator(".md-tabs__item--active").all_inner_texts()
        assert [a.strip() for a in active] == ["Meetings"]
        page.get_by_role("link", name="Read original and translation side by side").click()
        page.wait_for_url("**/en/compare/?meeting=ai-strategy-council/2023-08-04")
        page.locator("#opinion-05").wait_for()
        width = page.locator("table.gj-compare").evaluate("t => t.getBoundingClientRect().width")
        assert width > 1000, "the side-by-side view uses the window"
        gap = page.locator("#opinion-05").evaluate(
            "r => { const a = r.cells[0].querySelector('p:last-child').getBoundingClientRect();"
            " const b = r.cells[1].querySelector('p').getBoundingClientRect(); return b.left - a.right; }"
        )
        assert gap >= 20
    finally:
        context.close()


def test_not_found_page_links_home_under_any_sub_path(page, site_server, built_site) -> None:
    """A server shows the 404 page at the missing address, at any depth, under any folder."""
    html = (built_site / "ja" / "404.html").read_text(encoding="utf-8")
    page.route("**/archive/ja/no/such/page/", lambda route: route.fulfill(status=404, body=html, content_type="text/html"))
    page.goto(f"{site_server}archive/ja/no/such/page/")
    assert page.evaluate("document.documentElement.lang") == "ja"
    hrefs = page.locator("a").evaluate_all("els => els.map(a => new URL(a.href).pathname)")
    assert hrefs == ["/archive/ja/", "/archive/ja/search/"]
    assert page.get_by_role("heading", name="ページが見つかりません").is_visible()


def test_print_leaves_out_the_controls(page, site_server) -> None:
    page.goto(f"{site_server}en/{MEETING_URL}#nagaoka-1")
    page.locator("button.gj-tools-open[data-anchor='nagaoka-1']").click()
    controls = ".md-header, .md-tabs, .gj-path, .gj-tools, .gj-cite, .md-footer"
    assert (
        page.locator(controls).evaluate_all(
            "els => els.filter(e => e.offsetParent !== null || getComputedStyle(e).display !== 'none').length"
        )
        > 0
    )
    page.emulate_media(media="print")
    visible = page.locator(controls).evaluate_all("els => els.filter(e => getComputedStyle(e).display !== 'none').length")
    assert visible == 0
    assert page.locator("#nagaoka-1 + .gj-remark > p").first.is_visible(), "the text is printed"
    assert page.locator(".gj-meeting-cite").is_visible(), "and the meeting's citation, once"


def test_tokenizers_agree_beyond_ascii(page, site_server) -> None:
    """gjsearch.js and tokenize.py fold, split and spell alike on text of many scripts."""
    from gijiroku.search import tokenize
    from gijiroku.search.build import fnv1a

    page.goto(f"{site_server}en/search/")
    texts = [
        "Straße STRASSE straße ẞ",
        "café Café CAFÉ naïve façade",
        "ＡＩ戦略ｶﾀｶﾅ　全角ＡＢＣ１２３",
        "Ελληνικά ΟΔΥΣΣΕΥΣ σοφός",
        "Москва ЁЖ",
        "İstanbul ıi",
        "ǰ ΐ ŉ ﬁne ﬀ",
        "한국어 텍스트",
        "हिन्दी",
        "data centres, colours and organised programmes",
        "copyright copy cop co",
        "広島AIプロセス",
        "x",
        "の",
        "島",
        "emoji 🙂 and symbols ©®™ — “quotes”",
        "µ ſ ς Ꭰꭰ",
    ]
    from_js = page.evaluate(
        "texts => texts.map(t => [gijirokuSearch.normalize(t), gijirokuSearch.terms(t), gijirokuSearch.queryTerms(t),"
        " gijirokuSearch.queryPrefixes(t), gijirokuSearch.fnv1a(t)])",
        texts,
    )
    from_py = [
        [tokenize.normalize(t), tokenize.terms(t), tokenize.query_terms(t), tokenize.query_prefixes(t), fnv1a(t)] for t in texts
    ]
    for text, js, py in zip(texts, from_js, from_py):
        assert js == py, text
    assert tokenize.terms("Straße") == ["strasse"] and tokenize.terms("data centres") == tokenize.terms("data center")
