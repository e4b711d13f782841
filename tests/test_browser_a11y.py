"""Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA, and its best practices) on one page
of every kind, in both languages, light and dark, desktop and mobile.

axe-core comes from npm: `.ci/run` installs it into `node_modules/` (git-ignored). Where it
is missing the test is skipped with the command that installs it, unless
GIJIROKU_REQUIRE_BROWSER=1 (CI), where it fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser

AXE_VERSION = "4.10.3"
AXE_JS = Path(os.environ.get("GIJIROKU_AXE_JS", ROOT / "node_modules" / "axe-core" / "axe.min.js"))
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
MEETING = "meetings/ai-strategy-council/2023-08-04/"
PAGE_KINDS = {
    "home": "",
    "meetings": "meetings/",
    "council": "meetings/ai-strategy-council/",
    "meeting": MEETING,
    "side-by-side": "compare/?meeting=ai-strategy-council/2023-08-04",
    "side-by-side, no meeting chosen": "compare/",
    "speakers": "speakers/",
    "speaker": "speakers/matsumoto-takeaki/",
    "topics": "topics/",
    "topic": "topics/copyright/",
    "speaker with unnamed opinions": "speakers/ema-arisa/",
    "search with results": "search/?q=%E8%91%97%E4%BD%9C%E6%A8%A9",  # 著作権: results in ja, a hint in en
    # 永岡 著作権: a filter read from the words (a chip), results grouped by meeting in ja;
    # in en, nothing, the note that every word was searched as typed, and the hint.
    "search, a name and a word, grouped": "search/?q=%E6%B0%B8%E5%B2%A1%20%E8%91%97%E4%BD%9C%E6%A8%A9&group=meeting",
    "hand-written": "about/",
    "data": "data/",
    "feed in a browser": "feeds/speakers/matsumoto-takeaki.xml",
    "not found": "404.html",
}
OWN_CHROME = {"not found", "feed in a browser"}
"""Pages that are self-contained, without Material's palette."""
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE_JS.is_file():
        reason = (
            f"axe-core is not installed: npm install --no-save --no-package-lock axe-core@{AXE_VERSION} "
            "(in the project folder; .ci/run does it)"
        )
        if os.environ.get("GIJIROKU_REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE_JS.read_text(encoding="utf-8")


def audit(page, axe_source: str) -> list[dict]:
    """The serious and critical violations axe finds on the page as it is now. (Chromium
    puts a banner of its own above a page made by XSLT, saying that browsers are retiring
    it: not ours to audit.)"""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """tags => axe.run({exclude: [['xslt-warning-banner']]},
        {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        TAGS,
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_serious_violations_on_any_kind_of_page(browser, site_server, axe_source: str, scheme: str, viewport: str) -> None:
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page = context.new_page()
    found, audited = [], 0
    try:
        for lang in ("ja", "en"):
            for kind, path in PAGE_KINDS.items():
                page.goto(f"{site_server}{lang}/{path}")
                if path.startswith("search/"):
                    page.wait_for_function("() => document.getElementById('gj-search').dataset.done")
                if kind == "side-by-side":  # assembled from the meeting's data
                    page.locator("table.gj-compare tbody tr").first.wait_for()
                if kind == "meeting":  # with a remark's tools open, as a reader who cites it sees them
                    page.locator("button.gj-tools-open").first.click()
                if kind not in OWN_CHROME:
                    expected = "slate" if scheme == "dark" else "default"
                    assert page.evaluate("document.body.dataset.mdColorScheme") == expected, (lang, kind)
                audited += 1
                for violation in audit(page, axe_source):
                    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                    found.append(f"{lang} {kind}: {violation['id']} ({violation['impact']}) {targets}")
        page.goto(site_server)  # the language chooser at the root
        audited += 1
        found += [f"root: {v['id']} ({v['impact']})" for v in audit(page, axe_source)]
    finally:
        context.close()
    assert audited == 2 * len(PAGE_KINDS) + 1
    assert found == []


def test_the_audit_can_fail(browser, site_server, axe_source: str) -> None:
    """The same audit finds a low-contrast paragraph and an unlabelled field added to a page."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    try:
        page.goto(f"{site_server}en/")
        page.evaluate("""() => { const p = document.createElement('p'); p.textContent = 'faint';
            p.style.color = '#ccc'; document.querySelector('article').append(p);
            document.querySelector('article').append(document.createElement('input')); }""")
        ids = {v["id"] for v in audit(page, axe_source)}
    finally:
        context.close()
    assert {"color-contrast", "label"} <= ids
