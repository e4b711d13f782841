"""Benchmarks on synthetic archives, with their reports written into docs/en/reports/.

    python -m devtools.benchmark search [--meetings 2000]

builds the site for a synthetic archive, serves it on loopback and measures the remark
search in headless Chromium: bytes fetched per query after the page itself, time to
the first results (cold: a new browser context; warm: the next query on the same page),
and the index's size.

    python -m devtools.benchmark build [--sizes 100,1000,4000]
    python -m devtools.benchmark serve [--meetings 1000]

builds the real site config on synthetic archives of each size and measures wall and
CPU time, peak memory, output size and page count, the time spent in gijiroku's own
code, and, as the floor, plain `mkdocs build` of the very same generated pages written
out as ordinary files with the same theme and plugins. `serve` times edits of meeting
files under `mkdocs serve` until the served page shows them.

Figures are from one run on a shared machine: compare them with each other, not with
another day's run.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from .synth import generate_archive

REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "docs" / "en" / "reports"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

SEARCH_QUERIES: list[tuple[str, dict[str, str]]] = [
    ("ja", {"q": "計算資源"}), ("ja", {"q": "資源"}), ("ja", {"q": "サイバーセキュリティ"}), ("ja", {"q": "セキュリティ"}),
    ("ja", {"q": "好事例"}), ("ja", {"q": "規制の在り方"}), ("ja", {"q": "人材"}), ("ja", {"q": "重要である"}),
    ("ja", {"q": "佐藤"}), ("ja", {"q": "さとう"}), ("ja", {"q": "著作権", "kind": "written"}),
    ("ja", {"topic": "energy", "kind": "unattributed"}), ("ja", {"q": "防災", "from": "2010-01-01", "to": "2012-12-31"}),
    ("en", {"q": "renewable energy"}), ("en", {"q": "regulations"}), ("en", {"q": "synergies"}), ("en", {"q": "Sato"}),
    ("en", {"q": "budget", "council": "energy-council"}), ("en", {"q": "priority"}),
]


@contextlib.contextmanager
def serve(folder: Path):
    """Serve a folder on loopback; yields the base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def scaffold_project(dest: Path, minutes: Path | None = None) -> Path:
    """A project folder with this repository's config, hooks and docs, and a copy of
    `minutes` (tests and benchmarks build sites from such folders)."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "hooks").symlink_to(REPO / "hooks", target_is_directory=True)
    shutil.copytree(REPO / "docs", dest / "docs")
    if minutes is not None:
        shutil.copytree(minutes, dest / "minutes")
    return dest


def make_project(dest: Path, meetings: int, seed: int) -> Path:
    """A project folder around a synthetic archive of `meetings` meetings."""
    scaffold_project(dest)
    generate_archive(dest / "minutes", meetings, seed)
    return dest


def build_site(project: Path, site: Path) -> float:
    """`mkdocs build --strict`; returns the wall time in seconds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("GIJIROKU_SITE_URL", None)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                   cwd=project, env=env, check=True)
    return time.perf_counter() - started


def _folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


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
                     .reduce((sum, e) => sum + e.encodedBodySize, 0)""")
            results = page.locator(".gj-result").count()
            # Warm: the next query typed on the same page (another query of the set).
            other_lang, other = queries[(index + 1) % len(queries)]
            warm = None
            if other_lang == lang and "q" in other:
                done = page.evaluate("document.getElementById('gj-search').dataset.done")
                page.fill("#gj-q", other["q"])
                page.wait_for_function(f"() => document.getElementById('gj-search').dataset.done !== '{done}'")
                warm = float(page.evaluate("document.getElementById('gj-search').dataset.elapsed"))
            rows.append({"lang": lang, "query": params, "results": results, "cold_ms": cold,
                         "page_and_query_ms": since_navigation, "bytes": fetched, "warm_ms": warm})
            context.close()
        browser.close()
    return rows


def run_search_benchmark(meetings: int, seed: int, report: Path) -> str:
    """Build, serve and measure; write the report; return its text."""
    with tempfile.TemporaryDirectory(prefix="gijiroku-bench-") as tmp:
        project = make_project(Path(tmp) / "project", meetings, seed)
        site = Path(tmp) / "site"
        build_seconds = build_site(project, site)
        index_bytes = {lang: _folder_size(site / lang / "search-index") for lang in ("ja", "en")}
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
        f"| whole site build (for scale) | {build_seconds:.0f} s | |",
        "",
        "Per query (cold timings include fetching the index files; *page + query* adds the page's own load):",
        "",
        "| lang | query | results shown | fetched | cold | page + query | warm (next query) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        query = ", ".join(f"{k}={v}" for k, v in r["query"].items())
        warm = f"{r['warm_ms']:.0f} ms" if r["warm_ms"] is not None else "–"
        lines.append(f"| {r['lang']} | `{query}` | {r['results']} | {r['bytes'] / 1024:.0f} KB | {r['cold_ms']:.0f} ms | "
                     f"{r['page_and_query_ms']:.0f} ms | {warm} |")
    return "\n".join(line for line in lines if line is not None) + "\n"


# -- build ---------------------------------------------------------------------------

def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Run a command; its wall time, CPU time (user + system) and peak memory (MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def write_floor_project(project: Path, floor: Path) -> list[Path]:
    """The generated pages of `project` as ordinary Markdown files, one plain MkDocs
    project per language with the same theme, extensions and plugins but no hooks."""
    from mkdocs.utils.yaml import yaml_load

    from gijiroku.data import decorate_home, decorate_pages
    from gijiroku.index import index_archive
    from gijiroku.loader import load_archive
    from gijiroku.model import LANGUAGES
    from gijiroku.site.home import fill_placeholders
    from gijiroku.site.langconfig import language_settings
    from gijiroku.site.render import Renderer

    archive, _ = load_archive(project / "minutes")
    index = index_archive(archive)
    with open(project / "mkdocs.yml", encoding="utf-8") as handle:
        raw = yaml_load(handle)
    configs = []
    for lang in LANGUAGES:
        renderer = Renderer(index, lang, "")
        docs = floor / lang / "docs"
        for path in (project / "docs" / lang).rglob("*.md"):
            src = path.relative_to(project / "docs" / lang).as_posix()
            target = docs / src
            target.parent.mkdir(parents=True, exist_ok=True)
            text = decorate_home(path.read_text(encoding="utf-8"), src, lang)
            target.write_text(fill_placeholders(text, src, renderer), encoding="utf-8")
        generated = renderer.pages()
        decorate_pages(generated, index, lang)  # the same pages as the real build's
        for src, markdown in generated.items():
            target = docs / src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
        for other in LANGUAGES:
            for path in (project / "docs" / other).rglob("*.md"):
                src = path.relative_to(project / "docs" / other).as_posix()
                if not (docs / src).exists():
                    (docs / src).parent.mkdir(parents=True, exist_ok=True)
                    (docs / src).write_text(renderer.render_untranslated_page(src, src, other), encoding="utf-8")
        config = {
            "docs_dir": "docs",
            "use_directory_urls": True,
            "theme": dict(raw["theme"], language=lang, custom_dir=str(REPO / "hooks" / "gijiroku" / "theme")),
            "markdown_extensions": raw.get("markdown_extensions", []),
            "plugins": raw.get("plugins", []),
            "validation": raw.get("validation", {}),
            **language_settings(lang),
        }
        path = floor / lang / "mkdocs.yml"
        path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
        configs.append(path)
    return configs


def measure_build(meetings: int, seed: int, work: Path) -> dict[str, object]:
    """One archive size: the real build and its floor."""
    project = make_project(work / f"project-{meetings}", meetings, seed)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("GIJIROKU_SITE_URL", None)
    env.pop("GIJIROKU_PREVIEW", None)
    timings = work / f"timings-{meetings}.json"
    site = work / f"site-{meetings}"
    real = run_measured([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                        project, dict(env, GIJIROKU_TIMINGS=str(timings)))
    recorded = json.loads(timings.read_text(encoding="utf-8"))
    ours, counts = recorded["seconds"], recorded["counts"]
    meeting_files = sum(1 for _ in (project / "minutes").glob("*/*.md"))
    size, files = _folder_size(site)
    pages = sum(1 for _ in site.rglob("*.html"))
    data_parts = _data_sizes(site)
    shutil.rmtree(site)
    # The same build without data out (API, feeds, charts), for what they add.
    bare_site = work / f"site-{meetings}-bare"
    bare = run_measured([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(bare_site)],
                        project, dict(env, GIJIROKU_DATA_OUT="0"))
    bare["output_mb"] = _folder_size(bare_site)[0] / 2**20
    shutil.rmtree(bare_site)
    floor = {"wall": 0.0, "cpu": 0.0, "peak_mb": 0.0}
    for config in write_floor_project(project, work / f"floor-{meetings}"):
        measured = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                                 "-d", str(config.parent / "site")], config.parent, env)
        floor["wall"] += measured["wall"]
        floor["cpu"] += measured["cpu"]
        floor["peak_mb"] = max(floor["peak_mb"], measured["peak_mb"])
        shutil.rmtree(config.parent / "site")
    shutil.rmtree(work / f"floor-{meetings}")
    shutil.rmtree(project)
    own = sum(v for k, v in ours.items() if not k.startswith("build_"))
    return {"meetings": meetings, "real": real, "floor": floor, "ours": ours, "own": own,
            "output_mb": size / 2**20, "files": files, "pages": pages,
            "meeting_files": meeting_files, "parsed": counts.get("meeting_files_parsed", 0),
            "bare": bare, "data_parts": data_parts}


DATA_PARTS = (
    ("meeting JSON", "api/meetings/*/*.json"), ("Akoma Ntoso", "api/meetings/*/*.akn.xml"),
    ("source Markdown", "api/meetings/*/*.md"), ("indexes and schemas", "api/*.json"),
    ("", "api/schemas/*.json"), ("feeds", "feeds/**/*.xml"),
)


def _data_sizes(site: Path) -> dict[str, int]:
    """Bytes of each part of data out, both languages together."""
    sizes: dict[str, int] = {}
    last = ""
    for name, pattern in DATA_PARTS:
        last = name or last
        for lang in ("ja", "en"):
            sizes[last] = sizes.get(last, 0) + sum(p.stat().st_size for p in (site / lang).glob(pattern) if p.is_file())
    return sizes


def run_build_benchmark(sizes: list[int], seed: int, report: Path) -> str:
    """Measure every size; write the report; return its text."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="gijiroku-build-") as tmp:
        for size in sizes:
            rows.append(measure_build(size, seed, Path(tmp)))
            print(f"measured {size} meetings", file=sys.stderr)
    text = _build_report(rows, seed)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    return text


def _build_report(rows: list[dict], seed: int) -> str:
    sizes = ",".join(str(r["meetings"]) for r in rows)
    lines = [
        "# Build benchmark",
        "",
        f"Written by `python -m devtools.benchmark build --sizes {sizes} --seed {seed}`: `mkdocs build --strict`",
        "of the real configuration (both languages) on synthetic archives, against the floor: plain",
        "`mkdocs build` of the very same generated pages written out as ordinary Markdown files, with",
        "the same theme, extensions and plugins and no hooks, one language after the other. The real",
        "build runs the two languages side by side in two processes, so its wall time is below its CPU time;",
        "gijiroku's own code is measured in CPU seconds and compared with the build's CPU time.",
        "One run on a shared 2-core machine.",
        "",
        "| meetings | pages | output | wall | CPU | peak memory | gijiroku's own code (share of CPU) | floor wall | floor CPU | wall ÷ floor | CPU ÷ floor |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        real, floor = r["real"], r["floor"]
        lines.append(
            f"| {r['meetings']:,} | {r['pages']:,} | {r['output_mb']:.0f} MB | {real['wall']:.1f} s | {real['cpu']:.1f} s | "
            f"{real['peak_mb']:.0f} MB | {r['own']:.1f} s ({100 * r['own'] / real['cpu']:.0f} %) | {floor['wall']:.1f} s | "
            f"{floor['cpu']:.1f} s | {real['wall'] / floor['wall']:.2f} | {real['cpu'] / floor['cpu']:.2f} |")
    lines += ["", "Time in gijiroku's own code, by phase (seconds; render and search index summed over languages):", "",
              "| meetings | load and check | cross-index | render pages | search index |", "| ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        o = r["ours"]
        lines.append(f"| {r['meetings']:,} | {o.get('load', 0):.1f} | {o.get('index', 0):.2f} | {o.get('render', 0):.1f} | "
                     f"{o.get('search_index', 0):.1f} |")
    lines += _data_out_lines(rows)
    lines += ["", "Meeting files parsed during each build (the archive is parsed once per build, never per page):", ""]
    lines += [f"- {r['meetings']:,} meetings: {r['parsed']:,} parses of {r['meeting_files']:,} files" for r in rows]
    by_size = {r["meetings"]: r for r in rows}
    growth = None
    if 1000 in by_size and 4000 in by_size:
        a, b = by_size[1000], by_size[4000]
        growth = {"wall time": b["real"]["wall"] / a["real"]["wall"], "CPU time": b["real"]["cpu"] / a["real"]["cpu"],
                  "peak memory": b["real"]["peak_mb"] / a["real"]["peak_mb"], "output size": b["output_mb"] / a["output_mb"]}
        lines += ["", "Growth from 1,000 to 4,000 meetings (linear would be 4.0; the target is at most 4.4):", ""]
        lines += [f"- {what} × {ratio:.2f}" for what, ratio in growth.items()]
    return "\n".join(lines + _build_targets(rows, by_size, growth)) + "\n"


def _data_out_lines(rows: list[dict]) -> list[str]:
    """What data out (the API, Akoma Ntoso, sources, feeds, charts) adds: the same build
    with and without it, in this run."""
    if not all("bare" in r for r in rows):
        return []
    lines = ["", "## What data out adds", "",
             "The same build with `GIJIROKU_DATA_OUT=0` (no API, Akoma Ntoso, source downloads, feeds or charts),",
             "run right after the full one. Targets: at most 10 % more time and 15 % more output.", "",
             "| meetings | wall without → with | CPU without → with | output without → with | gijiroku's data-out code (CPU) |",
             "| ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        bare, real, o = r["bare"], r["real"], r["ours"]
        own = o.get("data_api", 0) + o.get("data_feeds", 0) + o.get("data_pages", 0)
        lines.append(
            f"| {r['meetings']:,} | {bare['wall']:.1f} s → {real['wall']:.1f} s (+{100 * (real['wall'] / bare['wall'] - 1):.0f} %) | "
            f"{bare['cpu']:.1f} s → {real['cpu']:.1f} s (+{100 * (real['cpu'] / bare['cpu'] - 1):.0f} %) | "
            f"{bare['output_mb']:.0f} MB → {r['output_mb']:.0f} MB (+{100 * (r['output_mb'] / bare['output_mb'] - 1):.0f} %) | "
            f"{own:.1f} s (API {o.get('data_api', 0):.1f}, feeds {o.get('data_feeds', 0):.1f}, pages {o.get('data_pages', 0):.1f}) |")
    names = list(rows[0]["data_parts"])
    lines += ["", "Output of data out by part, both languages (MB, and share of the output without data out):", "",
              "| meetings | " + " | ".join(names) + " |", "| ---: |" + " ---: |" * len(names)]
    for r in rows:
        bare_mb = r["bare"]["output_mb"]
        cells = [f"{b / 2**20:.1f} ({100 * b / 2**20 / bare_mb:.1f} %)" for b in r["data_parts"].values()]
        lines.append(f"| {r['meetings']:,} | " + " | ".join(cells) + " |")
    return lines


def _build_targets(rows: list[dict], by_size: dict[int, dict], growth: dict[str, float] | None) -> list[str]:
    """The issue's targets against this run's figures."""
    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    lines = ["", "## Targets", "", "| target | this run | |", "| --- | --- | --- |"]
    if 1000 in by_size:
        r = by_size[1000]
        share = r["own"] / r["real"]["cpu"]
        lines.append(f"| gijiroku's own code ≤ 10 % of the build at 1,000 meetings | {100 * share:.1f} % of CPU | "
                     f"{verdict(share <= 0.10)} |")
    for measure, key in (("wall time", "wall"), ("CPU time", "cpu")):
        ratios = [r["real"][key] / r["floor"][key] for r in rows]
        listed = ", ".join(f"{ratio:.2f} × at {r['meetings']:,}" for ratio, r in zip(ratios, rows))
        lines.append(f"| whole build ≤ 1.2 × the plain-MkDocs floor, in {measure} | {listed} | "
                     f"{verdict(max(ratios) <= 1.2)} |")
    if growth is not None:
        worst = max(growth.values())
        lines.append(f"| 4,000 meetings cost ≤ 4.4 × what 1,000 cost | at most × {worst:.2f} | {verdict(worst <= 4.4)} |")
    once = all(r["parsed"] == r["meeting_files"] for r in rows)
    parses = ", ".join(f"{r['parsed']:,} / {r['meeting_files']:,}" for r in rows)
    lines.append(f"| the archive is parsed once per build | parses / meeting files: {parses} | {verdict(once)} |")
    if all("bare" in r for r in rows):
        for measure, key in (("wall time", "wall"), ("CPU time", "cpu")):
            extra = [r["real"][key] / r["bare"][key] - 1 for r in rows]
            listed = ", ".join(f"+{100 * e:.0f} % at {r['meetings']:,}" for e, r in zip(extra, rows))
            lines.append(f"| data out adds ≤ 10 % {measure} | {listed} | {verdict(max(extra) <= 0.10)} |")
        extra = [r["output_mb"] / r["bare"]["output_mb"] - 1 for r in rows]
        listed = ", ".join(f"+{100 * e:.0f} % at {r['meetings']:,}" for e, r in zip(extra, rows))
        lines.append(f"| data out adds ≤ 15 % output | {listed} | {verdict(max(extra) <= 0.15)} |")
    lines.append("| an edit under `mkdocs serve` shows within 5 s | see the [serve report](serve-benchmark.md) | |")
    lines += ["", "What the figures mean, and why a target may be out of reach inside MkDocs: "
                  "[where the time goes](../performance.md)."]
    return lines


# -- serve ---------------------------------------------------------------------------

def measure_serve_edits(meetings: int, seed: int, edits: int = 5) -> dict[str, object]:
    """Start `mkdocs serve` on a synthetic archive, edit meeting files one after another,
    and time each edit until the served page shows it."""
    import socket
    import urllib.request

    with tempfile.TemporaryDirectory(prefix="gijiroku-serve-") as tmp:
        project = make_project(Path(tmp) / "project", meetings, seed)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        env.pop("GIJIROKU_PREVIEW", None)
        started = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}/"

        def fetch(url: str) -> str:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    return response.read().decode("utf-8")
            except OSError:
                return ""

        try:
            while not fetch(base + "ja/") and time.perf_counter() - started < 600:
                time.sleep(0.5)
            first = time.perf_counter() - started
            files = sorted((project / "minutes").glob("*/*.ja.md"))
            latencies = []
            for number in range(edits):
                path = files[(number * 37) % len(files)]
                text = path.read_text(encoding="utf-8")
                marker = f"編集確認{number}号"
                path.write_text(text.replace("\n\n::: remark id=r002", f"{marker}\n\n::: remark id=r002", 1), encoding="utf-8")
                edited = time.perf_counter()
                url = f"{base}ja/meetings/{path.parent.name}/{path.name[:-6]}/"
                while marker not in fetch(url) and time.perf_counter() - edited < 300:
                    time.sleep(0.2)
                latencies.append(time.perf_counter() - edited)
                time.sleep(2)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return {"meetings": meetings, "first_build": first, "latencies": latencies}


def run_serve_benchmark(meetings: int, seed: int, report: Path) -> str:
    """Measure edits under `mkdocs serve`; write the report; return its text."""
    result = measure_serve_edits(meetings, seed)
    latencies = result["latencies"]
    lines = [
        "# Editing under `mkdocs serve`",
        "",
        f"Written by `python -m devtools.benchmark serve --meetings {meetings} --seed {seed}`: `mkdocs serve` on a",
        f"synthetic archive of {meetings} meetings with the configured preview scope; meeting files are edited",
        "one after another and each edit is timed from the file's write until the served page shows it",
        "(the server's file watching and rebuild included). One run on a shared 2-core machine.",
        "",
        "| measure | result | target |",
        "| --- | ---: | ---: |",
        f"| first page served after start | {result['first_build']:.1f} s | |",
        f"| slowest edit to visible | {max(latencies):.1f} s | ≤ 5 s |",
        f"| median edit to visible | {statistics.median(latencies):.1f} s | |",
        "",
        "Each edit: " + ", ".join(f"{t:.1f} s" for t in latencies) + ".",
    ]
    text = "\n".join(lines) + "\n"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    """Command line: `python -m devtools.benchmark search …`."""
    parser = argparse.ArgumentParser(prog="python -m devtools.benchmark")
    commands = parser.add_subparsers(dest="command", required=True)
    search = commands.add_parser("search", help="measure the remark search on a synthetic archive")
    search.add_argument("--meetings", type=int, default=2000)
    search.add_argument("--seed", type=int, default=1)
    search.add_argument("--report", type=Path, default=REPORTS / "search-benchmark.md")
    build = commands.add_parser("build", help="measure full builds against plain MkDocs on synthetic archives")
    build.add_argument("--sizes", default="100,1000,4000", help="comma-separated numbers of meetings")
    build.add_argument("--seed", type=int, default=1)
    build.add_argument("--report", type=Path, default=REPORTS / "build-benchmark.md")
    serve_cmd = commands.add_parser("serve", help="time edits under mkdocs serve on a synthetic archive")
    serve_cmd.add_argument("--meetings", type=int, default=1000)
    serve_cmd.add_argument("--seed", type=int, default=1)
    serve_cmd.add_argument("--report", type=Path, default=REPORTS / "serve-benchmark.md")
    args = parser.parse_args(argv)
    if args.command == "serve":
        print(run_serve_benchmark(args.meetings, args.seed, args.report))
    elif args.command == "build":
        print(run_build_benchmark([int(n) for n in args.sizes.split(",")], args.seed, args.report))
    else:
        print(run_search_benchmark(args.meetings, args.seed, args.report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
