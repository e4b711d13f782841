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


def test_side_by_side_view_aligns_each_remark(page, site_server) -> None:
    page.goto(f"{site_server}en/{MEETING}compare/")
    rows = page.locator("table.gj-compare tbody tr")
    ids = rows.evaluate_all("rows => rows.map(r => r.id)")
    page.goto(f"{site_server}en/{MEETING}")
    order = page.locator("[data-remark]").evaluate_all("els => els.map(e => e.dataset.remark)")
    narration = page.locator(".gj-narration").evaluate_all("els => els.map(e => e.id)")
    assert len(ids) == 32
    assert [i for i in ids if i not in narration] == order
    page.goto(f"{site_server}en/{MEETING}compare/#opinion-05")
    cells = page.locator("#opinion-05 td")
    assert cells.count() == 2
    assert "どう壁を超えるか" in cells.nth(0).inner_text()
    assert "how to overcome barriers" in cells.nth(1).inner_text()
    lefts = page.locator("table.gj-compare tbody tr").evaluate_all(
        "rows => rows.map(r => [r.cells[0].getBoundingClientRect().top, r.cells[1].getBoundingClientRect().top])")
    assert all(abs(a - b) < 1 for a, b in lefts), "original and translation start on the same line"


def _copied(page, selector: str) -> str:
    page.locator(selector).click()
    page.wait_for_function("s => document.querySelector(s).dataset.copiedText", arg=selector)
    return page.locator(selector).get_attribute("data-copied-text")


def test_copy_link_gives_the_address_and_cite_the_citation(page, site_server) -> None:
    page.goto(f"{site_server}ja/{MEETING}")
    url = _copied(page, "button.gj-copy:not(.gj-copy-citation)[data-anchor='murai-1']")
    assert url == f"{site_server}ja/{MEETING}#murai-1", "a link that works pasted into an address bar"
    page.locator("[data-remark='murai-1'] details.gj-cite summary").click()
    cited = _copied(page, "button.gj-copy-citation[data-anchor='murai-1']")
    assert cited == f"AI戦略会議「第4回 AI戦略会議」議事要旨（2023年8月4日（金））、村井 英樹（内閣総理大臣補佐官）の発言 {url}"
    page.goto(f"{site_server}en/{MEETING}")
    page.locator("[data-remark='murai-1'] details.gj-cite summary").click()
    cited = _copied(page, "button.gj-copy-citation[data-anchor='murai-1']")
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
