"""What a reader does, in headless Chromium: follow a permalink, switch language, compare."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

MEETING = "meetings/ai-strategy-council/2023-08-04/"


def _in_view(page, element_id: str) -> bool:
    return page.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.top < window.innerHeight; }""",
        element_id,
    )


@pytest.mark.parametrize("start,other", [("ja", "en"), ("en", "ja")])
def test_permalink_then_switch_language_lands_on_same_remark(page, site_server, start: str, other: str) -> None:
    page.goto(f"{site_server}{start}/{MEETING}#opinion-07")
    page.wait_for_load_state("load")
    assert _in_view(page, "opinion-07")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f"a.gj-lang-link[hreflang='{other}']").click()
    page.wait_for_url(f"**/{other}/{MEETING}#opinion-07")
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.lang") == other
    assert _in_view(page, "opinion-07")


COMPARE = "compare/?meeting=ai-strategy-council/2023-08-04"


def test_side_by_side_view_aligns_each_remark(page, site_server) -> None:
    """One page per language assembles the view from the meeting's data: every remark of
    the meeting page, in order, its original beside its translation."""
    page.goto(f"{site_server}en/{COMPARE}")
    rows = page.locator("table.gj-compare tbody tr")
    rows.first.wait_for()
    ids = rows.evaluate_all("rows => rows.map(r => r.id)")
    assert page.locator("h1").inner_text().startswith("4th Meeting of the AI Strategy Council")
    page.goto(f"{site_server}en/{MEETING}")
    order = page.locator(".gj-remark-heading[id], .gj-narration[id]").evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == 32
    assert ids == order
    page.goto(f"{site_server}en/{COMPARE}#opinion-05")
    page.locator("#opinion-05").wait_for()
    page.wait_for_function(
        "() => { const r = document.getElementById('opinion-05').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )
    cells = page.locator("#opinion-05 td")
    assert cells.count() == 2
    assert "どう壁を超えるか" in cells.nth(0).inner_text()
    assert "how to overcome barriers" in cells.nth(1).inner_text()
    assert cells.nth(0).get_attribute("lang") == "ja" and cells.nth(1).get_attribute("lang") == "en"
    lefts = page.locator("table.gj-compare tbody tr").evaluate_all(
        "rows => rows.map(r => [r.cells[0].getBoundingClientRect().top, r.cells[1].getBoundingClientRect().top])"
    )
    assert all(abs(a - b) < 1 for a, b in lefts), "original and translation start on the same line"
    heads = page.locator(".gj-compare-head").evaluate_all("els => [...new Set(els.map(e => e.lang))]")
    assert heads == ["en"], "the headings are in the page's language, whatever the cell's"
    head = page.locator("#opinion-05 .gj-compare-head a")
    assert head.get_attribute("href").endswith(f"/en/{MEETING}#opinion-05"), "each row leads to its remark"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_former_side_by_side_address_lands_on_the_same_remark(page, site_server, lang: str) -> None:
    """Sites published a side-by-side page per meeting: the ledger's redirect carries the
    reader, and the #fragment, to the one page that assembles it now."""
    page.goto(f"{site_server}{lang}/{MEETING}compare/#opinion-05")
    page.wait_for_url(f"**/{lang}/{COMPARE}#opinion-05")
    page.locator("#opinion-05 td").first.wait_for()
    assert page.locator("#opinion-05 td").count() == 2


def test_side_by_side_says_what_it_cannot_show(page, site_server) -> None:
    page.goto(f"{site_server}en/compare/")
    assert "Choose a meeting" in page.locator(".gj-compare-status").inner_text()
    page.goto(f"{site_server}en/compare/?meeting=ai-strategy-council/1999-01-01")
    page.wait_for_function("() => document.querySelector('.gj-compare-status').textContent.includes('could not')")
    assert page.locator("table.gj-compare").count() == 0


def _copied(page, selector: str) -> str:
    page.locator(selector).click()
    page.wait_for_function("s => document.querySelector(s).dataset.copiedText", arg=selector)
    return page.locator(selector).get_attribute("data-copied-text")


def test_copy_link_gives_the_address_and_cite_the_citation(page, site_server) -> None:
    """A remark's tools are made when a reader opens them, from the meeting's citation
    pattern the page holds once."""
    page.goto(f"{site_server}ja/{MEETING}")
    opener = page.locator("button.gj-tools-open[data-anchor='murai-1']")
    assert opener.get_attribute("aria-expanded") == "false"
    assert page.locator("#gj-cite-murai-1").count() == 0, "nothing made before it is asked for"
    opener.click()
    assert opener.get_attribute("aria-expanded") == "true" and page.locator("#gj-cite-murai-1").is_visible()
    url = _copied(page, "#gj-cite-murai-1 button.gj-copy:not(.gj-copy-citation)")
    assert url == f"{site_server}ja/{MEETING}#murai-1", "a link that works pasted into an address bar"
    cited = _copied(page, "#gj-cite-murai-1 button.gj-copy-citation")
    assert cited == f"AI戦略会議「第4回 AI戦略会議」議事要旨（2023年8月4日（金））、村井 英樹（内閣総理大臣補佐官）の発言 {url}"
    opener.click()
    assert page.locator("#gj-cite-murai-1").is_hidden() and opener.get_attribute("aria-expanded") == "false"
    page.locator("button.gj-tools-open[data-anchor='opinion-01']").click()
    assert page.locator("#gj-cite-opinion-01 .gj-citation").inner_text().endswith("、構成員の意見")
    page.goto(f"{site_server}en/{MEETING}")
    page.locator("button.gj-tools-open[data-anchor='murai-1']").click()
    cited = _copied(page, "#gj-cite-murai-1 button.gj-copy-citation")
    assert cited.startswith("Hideki Murai (")
    assert "(an unofficial translation of the Japanese original)" in cited, "a translation is cited as one"
    assert cited.endswith(f"/en/{MEETING}#murai-1")


def test_speaker_page_leads_to_each_remark(page, site_server) -> None:
    page.goto(f"{site_server}en/speakers/nagaoka-keiko/")
    page.get_by_role("link", name="Keiko Nagaoka (Minister of Education, Culture, Sports, Science and Technology)").click()
    page.wait_for_url(f"**/en/{MEETING}#nagaoka-1")
    assert _in_view(page, "nagaoka-1")


def test_root_chooses_language_and_nothing_leaves_the_host(page, site_server) -> None:
    page.goto(site_server)
    page.get_by_role("link", name="日本語で読む").click()
    page.wait_for_url("**/ja/")
    assert page.evaluate("document.documentElement.lang") == "ja"
    page.goto(f"{site_server}en/{MEETING}")
    page.wait_for_load_state("networkidle")
    assert [u for u in page.requests if not u.startswith(site_server)] == []
