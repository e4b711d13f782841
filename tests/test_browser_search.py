"""The remark search, driven in headless Chromium over the real minutes."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml

from conftest import ROOT
from gijiroku import load_archive
from gijiroku.search import tokenize

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
ARCHIVE, _ = load_archive(ROOT / "minutes")
MEETING = ARCHIVE.meeting("ai-strategy-council/2023-08-04")


def run_search(page, base: str, lang: str, all_pages: bool = True, **params: str) -> dict:
    """Open the search page with `params` in its URL; return what it shows, after
    following "Show more" to the end unless `all_pages` is False."""
    page.goto(f"{base}{lang}/search/?{urlencode(params)}")
    page.wait_for_function("() => document.getElementById('gj-search').dataset.done")
    while all_pages and page.locator(".gj-more").is_visible():
        page.locator(".gj-more").click()
        page.wait_for_function("() => document.getElementById('gj-search').getAttribute('aria-busy') === 'false'")
    return {
        "anchors": page.locator(".gj-result").evaluate_all("els => els.map(e => e.dataset.anchor)"),
        "people": page.locator(".gj-people a:not(.gj-filter-speaker)").evaluate_all(
            "els => els.map(e => e.getAttribute('href').split('/').filter(Boolean).pop())"
        ),
        "status": page.locator(".gj-status").inner_text(),
    }


def test_query_set_recall_at_10(page, site_server, capsys) -> None:
    assert len(QUERIES) >= 40
    wanted = found = 0
    misses = []
    for query in QUERIES:
        shown = run_search(page, site_server, query["lang"], all_pages=False, q=query["q"])
        top = shown["anchors"][:10]
        for anchor in query.get("expect", []):
            wanted += 1
            if anchor in top:
                found += 1
            else:
                misses.append(f"{query['lang']} {query['q']!r}: {anchor}")
        if "person" in query:
            wanted += 1
            if query["person"] in shown["people"]:
                found += 1
            else:
                misses.append(f"{query['lang']} {query['q']!r}: person {query['person']}")
    recall = found / wanted
    with capsys.disabled():
        print(f"\nremark search: {len(QUERIES)} queries, recall@10 = {recall:.3f} ({found}/{wanted})")
        for miss in misses:
            print("  missed:", miss)
    assert recall >= 0.95, misses


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_filter_by_each_speaker_returns_exactly_their_remarks(page, site_server, lang: str) -> None:
    for person in ARCHIVE.people:
        shown = run_search(page, site_server, lang, speaker=person)
        theirs = [r.id for r in MEETING.remarks if r.speaker == person]
        assert shown["anchors"] == theirs, person


def test_unattributed_opinions_are_never_under_a_person(page, site_server) -> None:
    opinions = [r.id for r in MEETING.remarks if r.kind == "unattributed"]
    shown = run_search(page, site_server, "ja", kind="unattributed")
    assert shown["anchors"] == opinions
    speakers = page.locator(".gj-result .gj-result-speaker a").count()
    assert speakers == 0, "an unattributed opinion names no person"


def test_filters_combine(page, site_server) -> None:
    shown = run_search(page, site_server, "en", speaker="nagaoka-keiko", topic="copyright")
    assert shown["anchors"] == ["nagaoka-1"]
    shown = run_search(page, site_server, "ja", q="AI", kind="written", sort="newest")
    assert shown["anchors"] == ["nakatani-1", "ozaki-1"]
    shown = run_search(page, site_server, "ja", topic="compute", **{"from": "2023-08-04", "to": "2023-08-04"})
    assert shown["anchors"] == [r.id for r in MEETING.remarks if "compute" in r.topics]
    assert run_search(page, site_server, "ja", topic="compute", **{"from": "2024-01-01"})["anchors"] == []


def test_result_is_highlighted_and_opens_the_remark(page, site_server) -> None:
    run_search(page, site_server, "ja", q="計算資源")
    first = page.locator(".gj-result").first
    assert first.locator("mark").first.inner_text() == "計算資源"
    first.locator("a.gj-result-link").click()
    page.wait_for_url("**/ja/meetings/ai-strategy-council/2023-08-04/#opinion-07")
    assert page.evaluate("document.documentElement.lang") == "ja"
    top = page.evaluate("document.getElementById('opinion-07').getBoundingClientRect().top")
    assert 0 <= top < 900
    run_search(page, site_server, "en", q="creators")
    page.locator(".gj-result a.gj-result-link").first.click()
    page.wait_for_url("**/en/meetings/ai-strategy-council/2023-08-04/#opinion-13")
    assert page.evaluate("document.documentElement.lang") == "en"


def test_shared_url_restores_query_filters_and_results(page, site_server) -> None:
    page.goto(f"{site_server}ja/search/")
    page.locator("#gj-q").click()
    page.keyboard.insert_text("データ")
    page.select_option("select[name=kind]", "unattributed")
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('kind') === 'unattributed' && document.getElementById('gj-search').dataset.done"
    )
    page.wait_for_timeout(400)
    url = page.url
    before = page.locator(".gj-result").evaluate_all("els => els.map(e => e.dataset.anchor)")
    assert before and "q=%E3%83%87%E3%83%BC%E3%82%BF" in url
    other = page.context.new_page()
    other.goto(url)
    other.wait_for_function("() => document.getElementById('gj-search').dataset.done")
    assert other.locator("#gj-q").input_value() == "データ"
    assert other.locator("select[name=kind]").input_value() == "unattributed"
    assert other.locator(".gj-result").evaluate_all("els => els.map(e => e.dataset.anchor)") == before


def test_header_search_box_on_every_page(page, site_server) -> None:
    page.goto(f"{site_server}en/speakers/")
    box = page.locator("form.gj-header-search input[name=q]")
    box.click()
    page.keyboard.insert_text("著作権")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=*")
    page.wait_for_function("() => document.getElementById('gj-search').dataset.done")
    anchors = page.locator(".gj-result").evaluate_all("els => els.map(e => e.dataset.anchor)")
    assert anchors == [], "English pages search the English text"
    page.goto(f"{site_server}ja/meetings/")
    page.locator("form.gj-header-search input[name=q]").click()
    page.keyboard.insert_text("著作権")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ja/search/?q=*")
    page.wait_for_function("() => document.getElementById('gj-search').dataset.done")
    assert page.locator(".gj-result").count() == 4


def test_browser_tokenizer_matches_the_index_tokenizer(page, site_server) -> None:
    """gjsearch.js and tokenize.py must cut every text the same way."""
    page.goto(f"{site_server}ja/search/")
    texts = [p for v in MEETING.versions.values() for t in v.remarks.values() for p in t.paragraphs]
    texts += ["ＡＩ戦略ｶﾀｶﾅ", "processes policies running stopped", "広島AIプロセス", "x", "の", "島"]
    from_js = page.evaluate(
        "texts => texts.map(t => [gijirokuSearch.terms(t), gijirokuSearch.queryTerms(t), gijirokuSearch.fnv1a(t)])", texts
    )
    from_py = [
        [tokenize.terms(t), tokenize.query_terms(t), __import__("gijiroku.search.build", fromlist=["fnv1a"]).fnv1a(t)]
        for t in texts
    ]
    assert json.loads(json.dumps(from_js)) == json.loads(json.dumps(from_py))
