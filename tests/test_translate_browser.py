"""The page of what is left to translate, in a browser: axe-core finds nothing serious on it
in either language, light or dark, desktop or phone, and it leads from the meetings to the
meeting left to translate and names the command that exports it (the translators' guide
itself is developer documentation, read in the repository)."""

from __future__ import annotations

import pytest

from test_browser_a11y import VIEWPORTS, audit, axe_source  # noqa: F401 - axe_source is a fixture

pytestmark = pytest.mark.browser

PAGES = ("translations/",)


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
def test_the_page_leads_to_the_meeting_and_names_the_export(page, site_server, lang: str) -> None:
    page.goto(f"{site_server}{lang}/meetings/")
    page.click("a[href='../translations/']")
    assert page.url.endswith(f"/{lang}/translations/")
    page.click("td a")
    assert page.url.endswith(f"/{lang}/meetings/ai-strategy-council/2023-08-04/")
    page.go_back()
    assert page.locator("code", has_text="gijiroku translate export").is_visible()
