"""The page of what is left to translate and the translators' guide, in a browser: axe-core
finds nothing serious on them in either language, light or dark, desktop or phone, and
the page leads to the meeting and to the guide."""

from __future__ import annotations

import pytest

from test_browser_a11y import VIEWPORTS, audit, axe_source  # noqa: F401 - axe_source is a fixture

pytestmark = pytest.mark.browser

PAGES = ("translations/", "translate/")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_serious_violations(browser, site_server, axe_source: str, scheme: str, viewport: str) -> None:  # noqa: F811
    context = browser.new_context(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page = context.new_page()
    found = []
    try:
        for lang in ("ja", "en"):
            for path in PAGES:
                page.goto(f"{site_server}{lang}/{path}")
                assert page.evaluate("document.documentElement.lang") == lang
                found += [f"{lang} {path}: {v['id']} ({v['impact']})" for v in audit(page, axe_source)]
    finally:
        context.close()
    assert found == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_page_leads_to_the_meeting_and_the_guide(page, site_server, lang: str) -> None:
    page.goto(f"{site_server}{lang}/meetings/")
    page.click("a[href='../translations/']")
    assert page.url.endswith(f"/{lang}/translations/")
    page.click("td a")
    assert page.url.endswith(f"/{lang}/meetings/ai-strategy-council/2023-08-04/")
    page.go_back()
    page.click("a[href='../translate/']")
    assert page.url.endswith(f"/{lang}/translate/")
    assert page.locator("h1").inner_text().rstrip("¶") == {"ja": "翻訳支援ツールで翻訳する", "en": "Translating with a CAT tool"}[lang]
