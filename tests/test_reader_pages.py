"""The reader's side of the built site, checked in its HTML: orientation, wording, sharing,
and the pieces behind them (plural forms, the shared search rules, Japanese line breaks)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from gijiroku.catalogue import catalogue_text, format_date, load_catalogue
from gijiroku.model import LANGUAGES
from gijiroku.search import rules as search_rules
from gijiroku.search import tokenize
from gijiroku.site.linebreaks import join_japanese_lines
from htmlcheck import parse, resolve
from pagekinds import REDIRECTS, kind_of

MEETING = "meetings/ai-strategy-council/2023-08-04"


def _head(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("</head>")[0]


def test_plural_forms() -> None:
    assert catalogue_text("count_remarks", "en", n=1) == "1 remark"
    assert catalogue_text("count_remarks", "en", n=2) == "2 remarks"
    assert catalogue_text("count_results", "en", n=1) == "1 result"
    assert catalogue_text("count_remarks", "ja", n=1) == "発言 1 件"
    for key, texts in load_catalogue().items():
        for lang, text in texts.items():
            if isinstance(text, dict):
                assert "other" in text, (key, lang)


def test_one_date_format_from_the_catalogue() -> None:
    import datetime as dt

    assert format_date(dt.date(2023, 8, 4), "en") == "4 August 2023 (Fri)"
    assert format_date(dt.date(2023, 8, 4), "ja") == "2023年8月4日（金）"


def test_gjsearch_carries_the_current_rules() -> None:
    """The browser's copy of rules.json is the generated one (python -m gijiroku.search.rules)."""
    embedded = search_rules.embedded_rules(search_rules.GJSEARCH.read_text(encoding="utf-8"))
    assert embedded == search_rules.js_rules()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Straße", ["strasse"]),
        ("STRASSE", ["strasse"]),
        ("ＡＩ", ["ai"]),
        ("ΟΔΥΣΣΕΥΣ", ["οδυσσευσ"]),
        ("data centres", ["data", "center"]),
        ("organised", ["organiz"]),
        ("organized", ["organiz"]),
        ("colours", ["colors"[:-1]]),
        ("programmes", ["program"]),
        ("café", ["café"]),
    ],
)
def test_folding_and_spelling(text: str, expected: list[str]) -> None:
    assert tokenize.terms(text) == expected


def test_prefix_words() -> None:
    assert tokenize.query_prefixes("copy data centres running co") == ["copy", "data"]


def test_japanese_line_breaks_are_joined() -> None:
    markdown = "# 見出し\n本文の行が\n続きます。\nEnglish\nline\n\n- 項目が\n  続く\n```\nコード\nコード\n```\n<a href=x>リンク</a>の\n説明\n"
    assert join_japanese_lines(markdown) == (
        "# 見出し\n本文の行が続きます。\nEnglish\nline\n\n- 項目が続く\n```\nコード\nコード\n```\n<a href=x>リンク</a>の説明\n"
    )


def test_no_stray_spaces_in_japanese_prose(built_site: Path) -> None:
    for page in ("index.html", "about/index.html"):
        html = (built_site / "ja" / page).read_text(encoding="utf-8").split("md-content__inner")[1]
        text = re.sub(
            r"<(p|li|h\d|td|th|tr|div|ul|ol|table|thead|tbody|section|details|summary|pre|code)\b[^>]*>|</\1>", "\x00", html
        )
        text = re.sub(r"<[^>]+>", "", text)
        breaks = re.findall(r"[\u3001-\u30ff\u4e00-\u9fff\uff01-\uff60]\n[\u3001-\u30ff\u4e00-\u9fff\uff01-\uff60]", text)
        assert breaks == [], page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_has_its_own_description_and_open_graph(built_site: Path, lang: str) -> None:
    descriptions = {}
    for path in (built_site / lang).rglob("*.html"):
        if path.name == "404.html" or kind_of(path.relative_to(built_site).as_posix()) in REDIRECTS:
            continue  # a redirect page only leads on
        head = _head(path)
        [description] = re.findall(r'<meta name="description" content="([^"]*)"', head)
        descriptions[path] = description
        for prop in ("og:title", "og:description", "og:type", "og:site_name", "og:locale"):
            assert f'property="{prop}"' in head, (path, prop)
    repeated = {d for d in descriptions.values() if list(descriptions.values()).count(d) > 1}
    assert repeated == set(), "every page says what it holds"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_hreflang_alternates_name_the_same_page(built_site: Path, lang: str) -> None:
    page = built_site / lang / MEETING / "index.html"
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', _head(page)))
    assert set(alternates) == {*LANGUAGES, "x-default"}
    for other in LANGUAGES:
        target = resolve(built_site, page, alternates[other])
        assert target is not None and target[0] == built_site / other / MEETING / "index.html"
    assert resolve(built_site, page, alternates["x-default"])[0] == built_site / "index.html"


def test_breadcrumbs_and_active_tab_on_generated_pages(built_site: Path) -> None:
    cases = {
        f"{MEETING}/index.html": ("Meetings", ["Home", "Meetings", "AI Strategy Council"]),
        "compare/index.html": (None, ["Home"]),  # one page for every meeting: the script names the meeting
        "meetings/ai-strategy-council/index.html": ("Meetings", ["Home", "Meetings"]),
        "speakers/matsumoto-takeaki/index.html": ("Speakers", ["Home", "Speakers"]),
        "topics/copyright/index.html": ("Topics", ["Home", "Topics"]),
        "speakers/index.html": ("Speakers", ["Home"]),
    }
    for path, (tab, crumbs) in cases.items():
        page = parse(built_site / "en" / path)
        active = [el for el in page.find("li") if "md-tabs__item--active" in el.attrs.get("class", "")]
        assert [el.text.strip() for el in active] == ([tab] if tab else []), path
        [nav] = page.find("nav", cls="gj-path")
        links = [el.text.strip() for el in page.find("a", cls="md-path__link")]
        assert links == crumbs, path
        for el in page.find("a", cls="md-path__link"):
            assert resolve(built_site, page.path, el.attrs["href"])[0].is_file()


def test_material_ui_strings_in_the_page_language(built_site: Path) -> None:
    ja = (built_site / "ja" / MEETING / "index.html").read_text(encoding="utf-8")
    for english in ("Switch to dark mode", "Switch to light mode", "Permanent link", "Switch to system preference"):
        assert english not in ja
    assert "ダークモードに切り替え" in ja and 'title="この見出しへのリンク"' in ja


@pytest.mark.parametrize("lang", LANGUAGES)
def test_not_found_page_per_language(built_site: Path, lang: str) -> None:
    path = built_site / lang / "404.html"
    html = path.read_text(encoding="utf-8")
    page = parse(path)
    assert page.lang == lang
    assert 'href="/assets/' not in html and "stylesheet" not in html, "self-contained at any depth"
    hrefs = [el.attrs["href"] for el in page.find("a")]
    assert hrefs == [f"/{lang}/", f"/{lang}/search/"]
    assert all(el.attrs.get("data-path") for el in page.find("a")), "relocated by its script under a sub-path"
    root = parse(built_site / "404.html")
    assert [el.attrs["data-path"] for el in root.find("a")] == [p for lang in LANGUAGES for p in (f"{lang}/", f"{lang}/search/")]


def test_search_page_lists_only_choices_with_remarks(built_site: Path) -> None:
    page = parse(built_site / "en" / "search" / "index.html")
    values = [el.attrs.get("value") for el in page.find("option")]
    assert "-unattributed" in values
    strings = json.loads(
        re.search(
            r'<script type="application/json" id="gj-search-strings">(.*?)</script>',
            (built_site / "en" / "search" / "index.html").read_text(encoding="utf-8"),
        ).group(1)
    )
    assert strings["count_results"] == {"one": "{n} result", "other": "{n} results"}
    assert strings["other_language_results"]["other"] == "{n} results in Japanese →", "the other language named in the page's own"
