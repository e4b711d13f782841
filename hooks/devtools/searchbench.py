"""The search benchmark: a synthetic archive's site, served on loopback, queried in
headless Chromium (`python -m devtools.benchmark search`)."""

from __future__ import annotations

import json
import statistics
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from .projects import CHROMIUM_ARGS, build_site, folder_size, make_project, serve

SEARCH_QUERIES: list[tuple[str, dict[str, str]]] = [
    ("ja", {"q": "計算資源"}),
    ("ja", {"q": "資源"}),
    ("ja", {"q": "サイバーセキュリティ"}),
    ("ja", {"q": "セキュリティ"}),
    ("ja", {"q": "好事例"}),
    ("ja", {"q": "規制の在り方"}),
    ("ja", {"q": "人材"}),
    ("ja", {"q": "重要である"}),
    ("ja", {"q": "佐藤"}),
    ("ja", {"q": "さとう"}),
    ("ja", {"q": "著作権", "kind": "written"}),
    ("ja", {"topic": "energy", "kind": "unattributed"}),
    ("ja", {"q": "防災", "from": "2010-01-01", "to": "2012-12-31"}),
    ("en", {"q": "renewable energy"}),
    ("en", {"q": "regulations"}),
    ("en", {"q": "synergies"}),
    ("en", {"q": "Sato"}),
    ("en", {"q": "budget", "council": "energy-council"}),
    ("en", {"q": "priority"}),
    # Who said what (two people of seed 1's archive), and the query syntax.
    ("ja", {"q": "伊藤 健一 予算"}),
    ("ja", {"q": "さとう あや 人材"}),
    ("en", {"q": "Kenichi Ito budget"}),
    ("en", {"q": "Sato regulations"}),
    ("ja", {"q": "人材 -予算"}),
    ("en", {"q": '"renewable energy" OR synergies'}),
    ("en", {"q": "budget", "sort": "oldest", "group": "meeting"}),
]


def measure_search(base: str, queries: list[tuple[str, dict[str, str]]]) -> list[dict[str, object]]:
    """Cold and warm timings and bytes per query, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for index, (lang, params) in enumerate(queries):
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base}{lang}/search/?{urlencode(params)}")
            page.wait_for_function("() => document.getElementById('gj-search').dataset.done")
            cold = float(page.evaluate("document.getElementById('gj-search').dataset.elapsed"))
            since_navigation = page.evaluate("performance.now()")
            fetched = page.evaluate(
                """() => performance.getEntriesByType('resource')
                     .filter(e => e.name.includes('/search-index/'))
                     .reduce((sum, e) => sum + e.encodedBodySize, 0)"""
            )
            results = page.locator(".gj-result").count()
            # Warm: the next query typed on the same page (another query of the set).
            other_lang, other = queries[(index + 1) % len(queries)]
            warm = None
            if other_lang == lang and "q" in other:
                done = page.evaluate("document.getElementById('gj-search').dataset.done")
                page.fill("#gj-q", other["q"])
                page.wait_for_function(f"() => document.getElementById('gj-search').dataset.done !== '{done}'")
                warm = float(page.evaluate("document.getElementById('gj-search').dataset.elapsed"))
            rows.append(
                {
                    "lang": lang,
                    "query": params,
                    "results": results,
                    "cold_ms": cold,
                    "page_and_query_ms": since_navigation,
                    "bytes": fetched,
                    "warm_ms": warm,
                }
            )
            context.close()
        browser.close()
    return rows


def run_search_benchmark(meetings: int, seed: int, report: Path, built: Path | None = None) -> str:
    """Build, serve and measure; write the report; return its text. With `built`, the
    site already built from the same synthetic archive (`make_project(…, meetings,
    seed)` and `mkdocs build`, e.g. by a memory measurement) is measured instead."""
    with tempfile.TemporaryDirectory(prefix="gijiroku-bench-") as tmp:
        if built is None:
            project = make_project(Path(tmp) / "project", meetings, seed)
            site = Path(tmp) / "site"
            build_seconds: float | None = build_site(project, site)
        else:
            site, build_seconds = built, None
        index_bytes = {lang: folder_size(site / lang / "search-index") for lang in ("ja", "en")}
        meta = json.loads((site / "ja" / "search-index" / "meta.json").read_text(encoding="utf-8"))
        with serve(site) as base:
            rows = measure_search(base, SEARCH_QUERIES)
    text = _search_report(meetings, seed, build_seconds, index_bytes, meta, rows)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    return text


def _search_report(meetings, seed, build_seconds, index_bytes, meta, rows) -> str:
    colds = [r["cold_ms"] for r in rows]
    warms = [r["warm_ms"] for r in rows if r["warm_ms"] is not None]
    sizes = [r["bytes"] for r in rows]
    lines = [
        "# Search benchmark",
        "",
        f"Written by `python -m devtools.benchmark search --meetings {meetings} --seed {seed}`: a synthetic",
        f"archive of {meetings} meetings ({meta['docs']:,} remarks in Japanese; English for most meetings),",
        "built with `mkdocs build --strict`, served on loopback, queried in headless Chromium.",
        "One run on a shared 2-core machine: read the figures against each other and the targets.",
        "",
        "| measure | result | target |",
        "| --- | ---: | ---: |",
        f"| largest transfer for one query (after the page itself) | {max(sizes) / 1024:.0f} KB | ≤ 300 KB |",
        f"| median transfer for one query | {statistics.median(sizes) / 1024:.0f} KB | |",
        f"| slowest first results, cold (new browser context) | {max(colds):.0f} ms | ≤ 1,000 ms |",
        f"| median first results, cold | {statistics.median(colds):.0f} ms | |",
        f"| slowest warm query (next query on the same page) | {max(warms):.0f} ms | ≤ 100 ms |" if warms else "| warm | n/a | |",
        f"| median warm query | {statistics.median(warms):.0f} ms | |" if warms else "",
        f"| index size on disk, ja / en | {index_bytes['ja'][0] / 2**20:.1f} MB in {index_bytes['ja'][1]:,} files / "
        f"{index_bytes['en'][0] / 2**20:.1f} MB in {index_bytes['en'][1]:,} files | |",
        f"| whole site build (for scale) | {build_seconds:.0f} s | |"
        if build_seconds is not None
        else "| whole site build (for scale) | built beforehand (`--site`) | |",
        "",
        "Per query (cold timings include fetching the index files; *page + query* adds the page's own load):",
        "",
        "| lang | query | results shown | fetched | cold | page + query | warm (next query) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        query = ", ".join(f"{k}={v}" for k, v in r["query"].items())
        warm = f"{r['warm_ms']:.0f} ms" if r["warm_ms"] is not None else "–"
        lines.append(
            f"| {r['lang']} | `{query}` | {r['results']} | {r['bytes'] / 1024:.0f} KB | {r['cold_ms']:.0f} ms | "
            f"{r['page_and_query_ms']:.0f} ms | {warm} |"
        )
    return "\n".join(line for line in lines if line is not None) + "\n"
