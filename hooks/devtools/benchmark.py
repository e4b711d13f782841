"""Benchmarks on synthetic archives, with their reports written into docs/en/reports/.

    python -m devtools.benchmark search [--meetings 2000]

builds the site for a synthetic archive, serves it on loopback and measures the remark
search in headless Chromium: bytes fetched per query after the page itself, time to
the first results (cold: a new browser context; warm: the next query on the same page),
and the index's size.

    python -m devtools.benchmark build [--sizes 100,1000,4000] [--verbatim-sizes …]
        [--profile summary|verbatim|both] [--no-floor] [--no-data-out-compare]
    python -m devtools.benchmark serve [--meetings 1000]

builds the real site config on synthetic archives of each size, of the summary and the
verbatim profile side by side, and measures wall and CPU time, peak memory (the whole
process tree, and by phase), output size, page count and what each kind of file costs
per meeting, the time spent in gijiroku's own code, and, as the floor, plain `mkdocs
build` of the very same generated pages written out as ordinary files with the same
theme and plugins; then the same build without data out, and an incremental rebuild
after adding a meeting and editing another, on the warm cache, compared byte for byte
with a build without the cache. `serve` times edits of meeting files under `mkdocs
serve` until the served page shows them.

Figures are from one run on a shared machine: compare them with each other, not with
another day's run.
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import functools
import http.server
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from .synth import PROFILES, add_meeting, edit_remark, generate_archive

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


def make_project(dest: Path, meetings: int, seed: int, profile: str = "summary") -> Path:
    """A project folder around a synthetic archive of `meetings` meetings."""
    scaffold_project(dest)
    generate_archive(dest / "minutes", meetings, seed, profile=profile)
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
        f"| whole site build (for scale) | {build_seconds:.0f} s | |" if build_seconds is not None
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
        lines.append(f"| {r['lang']} | `{query}` | {r['results']} | {r['bytes'] / 1024:.0f} KB | {r['cold_ms']:.0f} ms | "
                     f"{r['page_and_query_ms']:.0f} ms | {warm} |")
    return "\n".join(line for line in lines if line is not None) + "\n"


# -- build ---------------------------------------------------------------------------

class TreeMemory:
    """Samples the memory of a process and all its descendants while it runs (Linux
    /proc; nothing elsewhere): the largest sum over the tree of resident sizes (RSS:
    pages a parent and its forked child share count in both) and of proportional sizes
    (PSS: a shared page is split between the processes sharing it, so the sum is the
    memory the tree really holds)."""

    INTERVAL = 0.5

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.rss = 0
        self.pss = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        if Path("/proc/self/smaps_rollup").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.INTERVAL):
            rss = pss = 0
            for pid in self._tree():
                try:
                    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                        if line.startswith("Rss:"):
                            rss += int(line.split()[1]) * 1024
                        elif line.startswith("Pss:"):
                            pss += int(line.split()[1]) * 1024
                except (OSError, ValueError, IndexError):
                    continue  # the process ended between listing and reading
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.samples += 1

    def _tree(self) -> list[int]:
        tree, todo = [], [self.pid]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            try:
                for task in Path(f"/proc/{pid}/task").iterdir():
                    todo += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
        return tree


def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> dict[str, float]:
    """Run a command; its wall time, CPU time (user + system, its children's included)
    and peak memory in MB: `peak_mb`, the largest process (the ru_maxrss that wait4
    reports: on Linux the largest of the process and every child it waited for, such as
    the forked language build), and `tree_rss_mb` / `tree_pss_mb`, the whole process
    tree sampled (see TreeMemory; 0 where /proc cannot tell)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(process.pid) as tree:
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "tree_rss_mb": tree.rss / 2**20, "tree_pss_mb": tree.pss / 2**20}


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


_LANG = r"(?:ja|en)/"
FILE_KINDS: list[tuple[str, re.Pattern[str]]] = [(kind, re.compile(pattern)) for kind, pattern in (
    ("meeting pages", rf"^{_LANG}meetings/[^/]+/[^/]+/index\.html$"),
    ("side-by-side pages", rf"^{_LANG}meetings/[^/]+/[^/]+/compare/index\.html$"),
    ("index pages", rf"^{_LANG}(?:meetings/(?:[^/]+/)?|speakers/|topics/)index\.html$"),
    ("speaker pages", rf"^{_LANG}speakers/[^/]+/index\.html$"),
    ("topic pages", rf"^{_LANG}topics/[^/]+/(?:\d{{4}}/)?index\.html$"),
    ("search index", rf"^{_LANG}search-index/"),
    ("meeting JSON", rf"^{_LANG}api/meetings/[^/]+/[^/]+\.json$"),
    ("Akoma Ntoso", rf"^{_LANG}api/meetings/[^/]+/[^/]+\.akn\.xml$"),
    ("source downloads", rf"^{_LANG}api/meetings/[^/]+/[^/]+\.[a-z]{{2}}\.md$"),
    ("API indexes and schemas", rf"^{_LANG}api/(?:[^/]+\.json|schemas/[^/]+\.json)$"),
    ("feeds", rf"^{_LANG}feeds/"),
    ("theme assets", rf"^(?:{_LANG})?assets/"),
)]
"""What each file of a built site is, by its path from the site's root (the layout of
docs/en/site.md and docs/en/data.md); anything else is "other": hand-written pages,
the home and search pages, 404 pages, sitemaps, images, redirects."""
OTHER = "other"


def file_kind(path: str) -> str:
    """The kind of the site file at `path` (relative to the site's root, with /)."""
    return next((kind for kind, pattern in FILE_KINDS if pattern.match(path)), OTHER)


def site_by_kind(site: Path) -> dict[str, tuple[int, int]]:
    """Bytes and files of a built site by kind, every kind listed (in FILE_KINDS' order)."""
    totals = {kind: [0, 0] for kind, _ in FILE_KINDS} | {OTHER: [0, 0]}
    for path in site.rglob("*"):
        if path.is_file():
            entry = totals[file_kind(path.relative_to(site).as_posix())]
            entry[0] += path.stat().st_size
            entry[1] += 1
    return {kind: (size, files) for kind, (size, files) in totals.items()}


def compare_trees(a: Path, b: Path, examples: int = 5) -> dict[str, object]:
    """Whether two folders hold the same files with the same bytes; what differs."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(f for f in files_a & files_b if not filecmp.cmp(a / f, b / f, shallow=False))
    only_a, only_b = sorted(files_a - files_b), sorted(files_b - files_a)
    return {"identical": not (differ or only_a or only_b), "files": len(files_a | files_b),
            "differ": len(differ), "only_first": len(only_a), "only_second": len(only_b),
            "examples": (differ + only_a + only_b)[:examples]}


CACHE_DIR = Path(".cache") / "gijiroku"
"""The build's cache, beside mkdocs.yml (GIJIROKU_CACHE=0 turns it off)."""


@contextlib.contextmanager
def _cache_aside(project: Path, work: Path):
    """Run a build on a cold cache without losing the one already there."""
    cache, saved = project / CACHE_DIR, work / "cache-aside"
    if cache.exists():
        cache.rename(saved)
    try:
        yield
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if saved.exists():
            saved.rename(cache)


def measure_build(meetings: int, seed: int, work: Path, profile: str = "summary", floor: bool = True,
                  data_out_compare: bool = True) -> dict[str, object]:
    """One archive size of one profile: the real build on a cold cache, what it wrote by
    kind, the same build without data out and the floor (unless left out), then an
    incremental rebuild on the warm cache and a build without the cache to compare it with."""
    name = f"{profile}-{meetings}"
    project = make_project(work / f"project-{name}", meetings, seed, profile)
    shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for variable in ("GIJIROKU_SITE_URL", "GIJIROKU_PREVIEW", "GIJIROKU_CACHE", "GIJIROKU_DATA_OUT", "GIJIROKU_SERIAL",
                     "GIJIROKU_TIMINGS"):
        env.pop(variable, None)
    originals = list((project / "minutes").glob("*/*.ja.md"))
    source = {"original": sum(p.stat().st_size for p in originals),
              "translation": sum(p.stat().st_size for p in (project / "minutes").glob("*/*.en.md"))}
    meeting_files = sum(1 for _ in (project / "minutes").glob("*/*.md"))
    timings = work / f"timings-{name}.json"
    site = work / f"site-{name}"

    def build(target: Path, **extra: str) -> dict[str, float]:
        return run_measured([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
                            project, dict(env, **extra))

    real = build(site, GIJIROKU_TIMINGS=str(timings))
    recorded = json.loads(timings.read_text(encoding="utf-8"))
    kinds = site_by_kind(site)
    size, files = sum(s for s, _ in kinds.values()), sum(f for _, f in kinds.values())
    pages = sum(1 for _ in site.rglob("*.html"))
    row: dict[str, object] = {
        "profile": profile, "meetings": meetings, "real": real, "ours": recorded["seconds"],
        "peak_rss": recorded.get("peak_rss", {}), "own": sum(v for k, v in recorded["seconds"].items() if not k.startswith("build_")),
        "output_mb": size / 2**20, "files": files, "pages": pages, "kinds": kinds, "source": source,
        "meeting_files": meeting_files, "parsed": recorded["counts"].get("meeting_files_parsed", 0)}
    if data_out_compare:  # the same build without data out (API, feeds, charts), for what they add
        bare_site = work / f"site-{name}-bare"
        with _cache_aside(project, work):
            row["bare"] = build(bare_site, GIJIROKU_DATA_OUT="0")
        row["bare"]["output_mb"] = _folder_size(bare_site)[0] / 2**20
        shutil.rmtree(bare_site)
    if floor:
        row["floor"] = _measure_floor(project, work / f"floor-{name}", env)
    row["incremental"] = _measure_incremental(project, site, work / f"site-{name}-nocache", timings, meetings, seed, profile,
                                              build)
    shutil.rmtree(site)
    shutil.rmtree(project)
    return row


def _measure_floor(project: Path, folder: Path, env: dict[str, str]) -> dict[str, float]:
    floor = {"wall": 0.0, "cpu": 0.0, "peak_mb": 0.0}
    for config in write_floor_project(project, folder):
        measured = run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config),
                                 "-d", str(config.parent / "site")], config.parent, env)
        floor["wall"] += measured["wall"]
        floor["cpu"] += measured["cpu"]
        floor["peak_mb"] = max(floor["peak_mb"], measured["peak_mb"])
        shutil.rmtree(config.parent / "site")
    shutil.rmtree(folder)
    return floor


def _measure_incremental(project: Path, site: Path, nocache_site: Path, timings: Path, meetings: int, seed: int,
                         profile: str, build) -> dict[str, object]:
    """Add a meeting and edit a remark of another (original and translation, so the
    build stays free of warnings), rebuild into the same folder on the cache the full
    build left, then build the same minutes without the cache and compare the two sites."""
    minutes = project / "minutes"
    added = add_meeting(minutes, meetings, seed, profile)
    candidates = sorted(p for p in minutes.glob("*/*.ja.md") if p not in added)
    edited = edit_remark(candidates[len(candidates) // 2])
    warm = build(site, GIJIROKU_TIMINGS=str(timings))
    seconds = json.loads(timings.read_text(encoding="utf-8"))["seconds"]
    warm["own"] = sum(v for k, v in seconds.items() if not k.startswith("build_"))
    nocache = build(nocache_site, GIJIROKU_CACHE="0")
    compared = compare_trees(site, nocache_site)
    shutil.rmtree(nocache_site)
    return {"warm": warm, "nocache": nocache, "compared": compared,
            "changed": [p.relative_to(minutes).as_posix() for p in added + edited]}


def run_build_benchmark(sizes: dict[str, list[int]], seed: int, report: Path, floor: bool = True,
                        data_out_compare: bool = True) -> str:
    """Measure every size of every profile; write the report; return its text."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="gijiroku-build-") as tmp:
        for profile, profile_sizes in sizes.items():
            for size in profile_sizes:
                rows.append(measure_build(size, seed, Path(tmp), profile, floor, data_out_compare))
                print(f"measured {size} {profile} meetings", file=sys.stderr)
    text = _build_report(rows, seed, _command(sizes, seed, floor, data_out_compare))
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(text, encoding="utf-8")
    return text


def _command(sizes: dict[str, list[int]], seed: int, floor: bool, data_out_compare: bool) -> str:
    def listed(values: list[int]) -> str:
        return ",".join(str(v) for v in values)

    words = ["python -m devtools.benchmark build"]
    if set(sizes) == {"summary", "verbatim"}:
        words.append(f"--sizes {listed(sizes['summary'])}")
        if sizes["verbatim"] != sizes["summary"]:
            words.append(f"--verbatim-sizes {listed(sizes['verbatim'])}")
    else:
        (profile, values), = sizes.items()
        words += [f"--profile {profile}", f"--sizes {listed(values)}"]
    words.append(f"--seed {seed}")
    words += [] if floor else ["--no-floor"]
    words += [] if data_out_compare else ["--no-data-out-compare"]
    return " ".join(words)


def _mb(n: float) -> str:
    return f"{n:,.0f} MB" if n >= 10 else f"{n:.1f} MB"


def _kb(n: float) -> str:
    return f"{n / 1024:,.0f} KB" if n >= 10 * 1024 else f"{n / 1024:.1f} KB"


def _peak(r: dict) -> float:
    """The build's peak memory: the whole process tree's (PSS) where it was sampled,
    else the largest process's."""
    return r["real"]["tree_pss_mb"] or r["real"]["peak_mb"]


def _build_report(rows: list[dict], seed: int, command: str) -> str:
    has_floor = all("floor" in r for r in rows)
    lines = [
        "# Build benchmark",
        "",
        f"Written by `{command}`: `mkdocs build --strict`",
        "of the real configuration (both languages) on synthetic archives of two profiles: *summary*",
        "(議事要旨 of councils, 20–60 remarks a meeting) and *verbatim* (議事録 of committees, 60–150 KB",
        "and 200–600 turns a meeting); most meetings of both have an English translation.",
    ]
    if has_floor:
        lines += [
            "Against the floor: plain `mkdocs build` of the very same generated pages written out as",
            "ordinary Markdown files, with the same theme, extensions and plugins and no hooks, one",
            "language after the other."]
    lines += [
        "The real build runs the two languages side by side in two processes, so its wall time is below",
        "its CPU time; gijiroku's own code is measured in CPU seconds and compared with the build's CPU time.",
        "Peak memory is the whole process tree's, sampled every "
        f"{TreeMemory.INTERVAL:g} s (PSS: pages the two processes share count once).",
        "One run on a shared 2-core machine.",
        "",
        "| profile | meetings | pages | output | wall | CPU | peak memory | gijiroku's own code (share of CPU) |"
        + (" floor wall | floor CPU | wall ÷ floor | CPU ÷ floor |" if has_floor else ""),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: | ---: | ---: | ---: |" if has_floor else ""),
    ]
    for r in rows:
        real = r["real"]
        line = (f"| {r['profile']} | {r['meetings']:,} | {r['pages']:,} | {_mb(r['output_mb'])} | {real['wall']:.1f} s | "
                f"{real['cpu']:.1f} s | {_mb(_peak(r))} | {r['own']:.1f} s ({100 * r['own'] / real['cpu']:.0f} %) |")
        if has_floor:
            floor = r["floor"]
            line += (f" {floor['wall']:.1f} s | {floor['cpu']:.1f} s | {real['wall'] / floor['wall']:.2f} | "
                     f"{real['cpu'] / floor['cpu']:.2f} |")
        lines.append(line)
    lines += ["", "Time in gijiroku's own code, by phase (seconds; render and search index summed over languages):", "",
              "| profile | meetings | load and check | cross-index | render pages | search index | data out |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        o = r["ours"]
        data = o.get("data_api", 0) + o.get("data_feeds", 0) + o.get("data_pages", 0)
        lines.append(f"| {r['profile']} | {r['meetings']:,} | {o.get('load', 0):.1f} | {o.get('index', 0):.2f} | "
                     f"{o.get('render', 0):.1f} | {o.get('search_index', 0):.1f} | {data:.1f} |")
    lines += _per_meeting_lines(rows)
    lines += _memory_lines(rows)
    lines += _incremental_lines(rows)
    lines += _data_out_lines(rows)
    lines += ["", "Meeting files parsed during each build (the archive is parsed once per build, never per page):", ""]
    lines += [f"- {r['profile']}, {r['meetings']:,} meetings: {r['parsed']:,} parses of {r['meeting_files']:,} files"
              for r in rows]
    growth: dict[str, dict[str, float]] = {}
    for profile in dict.fromkeys(r["profile"] for r in rows):
        by_size = {r["meetings"]: r for r in rows if r["profile"] == profile}
        if 1000 in by_size and 4000 in by_size:
            a, b = by_size[1000], by_size[4000]
            growth[profile] = {"wall time": b["real"]["wall"] / a["real"]["wall"],
                               "CPU time": b["real"]["cpu"] / a["real"]["cpu"],
                               "peak memory": _peak(b) / _peak(a), "output size": b["output_mb"] / a["output_mb"]}
            lines += ["", f"Growth from 1,000 to 4,000 meetings, {profile} (linear would be 4.0; the target is at most 4.4):", ""]
            lines += [f"- {what} × {ratio:.2f}" for what, ratio in growth[profile].items()]
    return "\n".join(lines + _build_targets(rows, growth)) + "\n"


def _per_meeting_lines(rows: list[dict]) -> list[str]:
    """Output per meeting, whole and by kind of file."""
    lines = ["", "## Per meeting", "",
             "The whole site (both languages, every page, data and asset) divided by the number of meetings,",
             "beside the minutes it is built from (per meeting: the original, and the translations). What is built",
             "once whatever the size (theme assets, hand-written pages) weighs on small archives; *each meeting more*",
             "is the growth from the profile's previous size, divided by the meetings added.", "",
             "| profile | meetings | source: original / translation | output | files | each meeting more |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    previous: dict[str, dict] = {}
    for r in rows:
        n, before = r["meetings"], previous.get(r["profile"])
        added = "–"
        if before is not None and n > before["meetings"]:
            more = n - before["meetings"]
            added = (f"{_kb((r['output_mb'] - before['output_mb']) * 2**20 / more)} in "
                     f"{(r['files'] - before['files']) / more:.1f} files")
        previous[r["profile"]] = r
        lines.append(f"| {r['profile']} | {n:,} | {_kb(r['source']['original'] / n)} / {_kb(r['source']['translation'] / n)} | "
                     f"{_kb(r['output_mb'] * 2**20 / n)} | {r['files'] / n:.1f} | {added} |")
    heads = [f"{r['profile']} {r['meetings']:,}" for r in rows]
    lines += ["", "What each kind of file costs, per meeting (bytes, and files) — kinds by path, as laid out in",
              "[the site](../site.md) and [the data](../data.md); *other* is hand-written pages, home, search and 404",
              "pages, sitemaps and images:", "",
              "| kind | " + " | ".join(heads) + " |", "| --- |" + " ---: |" * len(rows)]
    for kind in rows[0]["kinds"]:
        cells = [f"{_kb(r['kinds'][kind][0] / r['meetings'])} · {r['kinds'][kind][1] / r['meetings']:.2f}" for r in rows]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return lines


PHASES = (("load", "load and check"), ("index", "cross-index"), ("render", "render pages"),
          ("search_index", "search index"), ("data_api", "data out"), ("build_ja", "ja build, end"),
          ("build_en", "en build, end"))


def _memory_lines(rows: list[dict]) -> list[str]:
    lines = ["", "## Memory", "",
             f"The whole process tree sampled every {TreeMemory.INTERVAL:g} s: RSS counts the pages the root build and its",
             "forked language build share once per process, PSS splits them between the two (what the machine must hold).",
             "*Largest process* is the ru_maxrss that wait4 reports for the build: on Linux, the larger of the",
             "root build and the forked child it waited for.", "",
             "| profile | meetings | tree PSS | tree RSS | largest process |" + (" floor, largest process |" if all("floor" in r for r in rows) else ""),
             "| --- | ---: | ---: | ---: | ---: |" + (" ---: |" if all("floor" in r for r in rows) else "")]
    for r in rows:
        real = r["real"]
        lines.append(f"| {r['profile']} | {r['meetings']:,} | {_mb(real['tree_pss_mb'])} | {_mb(real['tree_rss_mb'])} | "
                     f"{_mb(real['peak_mb'])} |" + (f" {_mb(r['floor']['peak_mb'])} |" if "floor" in r else ""))
    lines += ["", "Peak memory by phase: the largest resident size (RSS) of a process at the end of each phase",
              "(`gijiroku.timing`; render, search index and data out run in both language builds, the larger is shown;",
              "the forked ja build starts from the root build's size):", "",
              "| profile | meetings | " + " | ".join(label for _, label in PHASES) + " |",
              "| --- | ---: |" + " ---: |" * len(PHASES)]
    for r in rows:
        cells = [_mb(r["peak_rss"][phase] / 2**20) if phase in r["peak_rss"] else "–" for phase, _ in PHASES]
        lines.append(f"| {r['profile']} | {r['meetings']:,} | " + " | ".join(cells) + " |")
    return lines


def _incremental_lines(rows: list[dict]) -> list[str]:
    lines = ["", "## Incremental rebuild", "",
             "After the full build (on an empty cache, `.cache/gijiroku/`), one meeting is added and one remark of",
             "another is edited (original and translation, with the translation's new fingerprint), and",
             "`mkdocs build --strict` runs again into the same folder on the cache the full build left. The same",
             "minutes are then built with `GIJIROKU_CACHE=0` into another folder, and the two sites compared",
             "file by file. Target: at most 15 % of the full build's wall time, byte-identical.", "",
             "| profile | meetings | full build | rebuild | share of full | rebuild CPU (gijiroku's own code) | without cache | same bytes |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        inc = r["incremental"]
        warm, compared = inc["warm"], inc["compared"]
        lines.append(f"| {r['profile']} | {r['meetings']:,} | {r['real']['wall']:.1f} s | {warm['wall']:.1f} s | "
                     f"{100 * warm['wall'] / r['real']['wall']:.0f} % | {warm['cpu']:.1f} s ({warm['own']:.1f} s) | "
                     f"{inc['nocache']['wall']:.1f} s | "
                     f"{_identical(compared)} |")
    return lines


def _identical(compared: dict) -> str:
    if compared["identical"]:
        return f"yes ({compared['files']:,} files)"
    return (f"**no**: {compared['differ']:,} differ, {compared['only_first']:,} only with cache, "
            f"{compared['only_second']:,} only without (" + ", ".join(f"`{e}`" for e in compared["examples"]) + ")")


def _data_out_lines(rows: list[dict]) -> list[str]:
    """What data out (the API, Akoma Ntoso, sources, feeds, charts) adds: the same build
    with and without it, in this run."""
    if not all("bare" in r for r in rows):
        return []
    lines = ["", "## What data out adds", "",
             "The same build with `GIJIROKU_DATA_OUT=0` (no API, Akoma Ntoso, source downloads, feeds or charts),",
             "run right after the full one, also on an empty cache. Targets: at most 10 % more time and 15 % more output.", "",
             "| profile | meetings | wall without → with | CPU without → with | output without → with | gijiroku's data-out code (CPU) |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        bare, real, o = r["bare"], r["real"], r["ours"]
        own = o.get("data_api", 0) + o.get("data_feeds", 0) + o.get("data_pages", 0)
        lines.append(
            f"| {r['profile']} | {r['meetings']:,} | {bare['wall']:.1f} s → {real['wall']:.1f} s ({_change(real['wall'], bare['wall'])}) | "
            f"{bare['cpu']:.1f} s → {real['cpu']:.1f} s ({_change(real['cpu'], bare['cpu'])}) | "
            f"{_mb(bare['output_mb'])} → {_mb(r['output_mb'])} ({_change(r['output_mb'], bare['output_mb'])}) | "
            f"{own:.1f} s (API {o.get('data_api', 0):.1f}, feeds {o.get('data_feeds', 0):.1f}, pages {o.get('data_pages', 0):.1f}) |")
    names = DATA_KINDS
    lines += ["", "Output of data out by part, both languages (MB, and share of the output without data out):", "",
              "| profile | meetings | " + " | ".join(names) + " |", "| --- | ---: |" + " ---: |" * len(names)]
    for r in rows:
        bare_mb = r["bare"]["output_mb"]
        cells = [f"{r['kinds'][k][0] / 2**20:.1f} ({100 * r['kinds'][k][0] / 2**20 / bare_mb:.1f} %)" for k in names]
        lines.append(f"| {r['profile']} | {r['meetings']:,} | " + " | ".join(cells) + " |")
    return lines


DATA_KINDS = ("meeting JSON", "Akoma Ntoso", "source downloads", "API indexes and schemas", "feeds")


def _change(new: float, old: float) -> str:
    return f"{100 * (new / old - 1):+.0f} %"


def _listed(rows: list[dict], values: list[float], fmt: str) -> str:
    return ", ".join(f"{fmt.format(v)} at {r['meetings']:,}" for v, r in zip(values, rows))


def _build_targets(rows: list[dict], growth: dict[str, dict[str, float]]) -> list[str]:
    """The issue's targets against this run's figures."""
    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    profiles = list(dict.fromkeys(r["profile"] for r in rows))
    lines = ["", "## Targets", "", "| target | this run | |", "| --- | --- | --- |"]
    for profile in profiles:
        prows = [r for r in rows if r["profile"] == profile]
        by_size = {r["meetings"]: r for r in prows}
        if 1000 in by_size:
            r = by_size[1000]
            share = r["own"] / r["real"]["cpu"]
            lines.append(f"| gijiroku's own code ≤ 10 % of the build at 1,000 {profile} meetings | {100 * share:.1f} % of CPU | "
                         f"{verdict(share <= 0.10)} |")
        if all("floor" in r for r in prows):
            for measure, key in (("wall time", "wall"), ("CPU time", "cpu")):
                ratios = [r["real"][key] / r["floor"][key] for r in prows]
                lines.append(f"| whole build ≤ 1.2 × the plain-MkDocs floor, in {measure} ({profile}) | "
                             f"{_listed(prows, ratios, '{:.2f} ×')} | {verdict(max(ratios) <= 1.2)} |")
        if profile in growth:
            worst = max(growth[profile].values())
            lines.append(f"| 4,000 {profile} meetings cost ≤ 4.4 × what 1,000 cost | at most × {worst:.2f} | {verdict(worst <= 4.4)} |")
    summary = [r for r in rows if r["profile"] == "summary"]
    if summary:  # judged at the largest size: what is built once weighs less the more meetings there are
        per_kb = [r["output_mb"] * 1024 / r["meetings"] for r in summary]
        per_files = [r["files"] / r["meetings"] for r in summary]
        largest = max(range(len(summary)), key=lambda i: summary[i]["meetings"])
        lines.append(f"| ≤ 200 KB of output per meeting (summary, at the largest size) | "
                     f"{_listed(summary, per_kb, '{:,.0f} KB')} | {verdict(per_kb[largest] <= 200)} |")
        lines.append(f"| ≤ 6 files per meeting (summary, at the largest size) | {_listed(summary, per_files, '{:.1f}')} | "
                     f"{verdict(per_files[largest] <= 6)} |")
    for profile, size in (("summary", 10_000), ("verbatim", 2_000)):
        prows = [r for r in rows if r["profile"] == profile]
        if not prows:
            continue
        at = [r for r in prows if r["meetings"] == size]
        if at:
            peak = _peak(at[0])
            lines.append(f"| peak memory ≤ 4 GB at {size:,} {profile} meetings | {_mb(peak)} | {verdict(peak <= 4096)} |")
        else:
            largest = max(prows, key=lambda r: r["meetings"])
            lines.append(f"| peak memory ≤ 4 GB at {size:,} {profile} meetings | not run at {size:,} "
                         f"(largest: {_mb(_peak(largest))} at {largest['meetings']:,}) | |")
    shares = [r["incremental"]["warm"]["wall"] / r["real"]["wall"] for r in rows]
    where = ", ".join(f"{100 * s:.0f} % at {r['meetings']:,} {r['profile']}" for s, r in zip(shares, rows))
    lines.append(f"| a rebuild after adding one meeting and editing another ≤ 15 % of a full build | {where} | "
                 f"{verdict(max(shares) <= 0.15)} |")
    same = all(r["incremental"]["compared"]["identical"] for r in rows)
    lines.append("| … and byte-identical to a build without the cache | "
                 + ", ".join(f"{'yes' if r['incremental']['compared']['identical'] else 'no'} at {r['meetings']:,} {r['profile']}"
                             for r in rows) + f" | {verdict(same)} |")
    once = all(r["parsed"] == r["meeting_files"] for r in rows)
    parses = ", ".join(f"{r['parsed']:,} / {r['meeting_files']:,}" for r in rows)
    lines.append(f"| the archive is parsed once per build | parses / meeting files: {parses} | {verdict(once)} |")
    if all("bare" in r for r in rows):
        for measure, key in (("wall time", "wall"), ("CPU time", "cpu")):
            extra = [r["real"][key] / r["bare"][key] - 1 for r in rows]
            where = ", ".join(f"{100 * e:+.0f} % at {r['meetings']:,} {r['profile']}" for e, r in zip(extra, rows))
            lines.append(f"| data out adds ≤ 10 % {measure} | {where} | {verdict(max(extra) <= 0.10)} |")
        extra = [r["output_mb"] / r["bare"]["output_mb"] - 1 for r in rows]
        where = ", ".join(f"{100 * e:+.0f} % at {r['meetings']:,} {r['profile']}" for e, r in zip(extra, rows))
        lines.append(f"| data out adds ≤ 15 % output | {where} | {verdict(max(extra) <= 0.15)} |")
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
    search.add_argument("--site", type=Path, help="measure this site, already built from the same --meetings and --seed")
    build = commands.add_parser("build", help="measure full builds against plain MkDocs on synthetic archives")
    build.add_argument("--sizes", default="100,1000,4000", help="comma-separated numbers of meetings")
    build.add_argument("--verbatim-sizes", help="numbers of meetings for the verbatim profile (default: --sizes)")
    build.add_argument("--profile", choices=(*PROFILES, "both"), default="both",
                       help="summary (議事要旨), verbatim (議事録) or both, side by side in one report (default)")
    build.add_argument("--seed", type=int, default=1)
    build.add_argument("--no-floor", dest="floor", action="store_false", help="skip the plain-MkDocs floor")
    build.add_argument("--no-data-out-compare", dest="data_out_compare", action="store_false",
                       help="skip the build without data out")
    build.add_argument("--report", type=Path, default=REPORTS / "build-benchmark.md")
    serve_cmd = commands.add_parser("serve", help="time edits under mkdocs serve on a synthetic archive")
    serve_cmd.add_argument("--meetings", type=int, default=1000)
    serve_cmd.add_argument("--seed", type=int, default=1)
    serve_cmd.add_argument("--report", type=Path, default=REPORTS / "serve-benchmark.md")
    args = parser.parse_args(argv)
    if args.command == "serve":
        print(run_serve_benchmark(args.meetings, args.seed, args.report))
    elif args.command == "build":
        sizes = {"summary": [int(n) for n in args.sizes.split(",")]}
        sizes["verbatim"] = [int(n) for n in args.verbatim_sizes.split(",")] if args.verbatim_sizes else sizes["summary"]
        if args.profile != "both":
            sizes = {args.profile: sizes[args.profile]}
        print(run_build_benchmark(sizes, args.seed, args.report, args.floor, args.data_out_compare))
    else:
        print(run_search_benchmark(args.meetings, args.seed, args.report, args.site))
    return 0


if __name__ == "__main__":
    sys.exit(main())
