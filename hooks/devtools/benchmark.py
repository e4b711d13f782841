"""Benchmarks on synthetic archives, with their reports written into docs/dev/en/reports/.

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

    python -m devtools.benchmark import [--sizes 1,2,4,8,20]

imports synthetic records of growing size (speaker turns, one long paragraph, a mixed
record), 5 MB of unclosed HTML and a PDF decompression bomb, each in a process of its own.

Figures are from one run on a shared machine: compare them with each other, not with
another day's run.
"""

from __future__ import annotations

import argparse
import contextlib
import filecmp
import json
import os
import re
import shutil
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from .buildreport import _build_report
from .importbench import DEFAULT_REPORT as IMPORT_REPORT
from .importbench import run_import_benchmark
from .measure import run_measured
from .projects import REPO, REPORTS, build_site, folder_size, make_project, scaffold_project, serve
from .searchbench import run_search_benchmark
from .servebench import run_serve_benchmark
from .synth import PROFILES, add_meeting, edit_remark

__all__ = ["REPO", "scaffold_project", "serve", "make_project", "build_site"]

# -- build ---------------------------------------------------------------------------


def write_floor_project(project: Path, floor: Path) -> list[Path]:
    """The generated pages of `project` as ordinary Markdown files, one plain MkDocs
    project per language with the same theme, extensions and plugins but no hooks."""
    from mkdocs.utils.yaml import yaml_load

    from gijiroku.data import decorate_home, decorate_pages
    from gijiroku.index import index_archive
    from gijiroku.loader import load_archive
    from gijiroku.model import LANGUAGES
    from gijiroku.site.langconfig import language_settings
    from gijiroku.site.placeholders import fill_placeholders
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
FILE_KINDS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("meeting pages", rf"^{_LANG}meetings/[^/]+/[^/]+/index\.html$"),
        # The one side-by-side page per language, and the ledger's redirects from a site's
        # earlier per-meeting ones (`meetings/C/M/compare/`), where it had published them.
        ("side-by-side pages", rf"^{_LANG}(?:compare|meetings/[^/]+/[^/]+/compare)/index\.html$"),
        ("index pages", rf"^{_LANG}(?:meetings/(?:[^/]+/)?|speakers/|topics/)index\.html$"),
        ("speaker pages", rf"^{_LANG}speakers/[^/]+/(?:\d{{4}}/)?index\.html$"),
        ("topic pages", rf"^{_LANG}topics/[^/]+/(?:\d{{4}}/)?index\.html$"),
        ("search index", rf"^{_LANG}search-index/"),
        ("meeting JSON", rf"^(?:{_LANG})?api/meetings/[^/]+/[^/]+\.json$"),
        ("zips of Akoma Ntoso and sources", r"^downloads/[^/]+/\d{4}\.zip$"),
        ("API indexes and schemas", rf"^{_LANG}api/(?:[^/]+\.json|schemas/[^/]+\.json)$"),
        ("feeds", rf"^{_LANG}feeds/"),
        ("theme assets", rf"^(?:{_LANG})?assets/"),
    )
]
"""What each file of a built site is, by its path from the site's root (the layout of
docs/dev/en/site.md and docs/en/data.md); anything else is "other": hand-written pages,
the home and search pages, 404 pages, sitemaps, images, redirects."""
OTHER = "other"


def file_kind(path: str) -> str:
    """The kind of the site file at `path` (relative to the site's root, with /)."""
    return next((kind for kind, pattern in FILE_KINDS if pattern.match(path)), OTHER)


def gzip_size(data: bytes) -> int:
    """What `data` weighs sent gzipped (level 6, as static hosts compress): what a reader
    transfers. A zip is sent as it is: its members are compressed already."""
    return len(data) if data[:4] == b"PK\x03\x04" else len(zlib.compress(data, 6)) + GZIP_FRAME


GZIP_FRAME = 18
"""gzip's header and trailer around the deflate stream zlib writes (zlib's own 6 bytes aside)."""


@dataclass(frozen=True, slots=True)
class SiteSize:
    """A built site measured: by kind, (bytes, files, gzip bytes); and the most files in one folder."""

    kinds: dict[str, tuple[int, int, int]]
    widest_folder: int


def site_by_kind(site: Path) -> SiteSize:
    """Bytes, files and gzip bytes of a built site by kind, every kind listed (in
    FILE_KINDS' order), and the number of entries of its fullest folder."""
    totals = {kind: [0, 0, 0] for kind, _ in FILE_KINDS} | {OTHER: [0, 0, 0]}
    widest = 0
    for folder, dirs, names in os.walk(site):
        widest = max(widest, len(dirs) + len(names))
        for name in names:
            path = Path(folder) / name
            data = path.read_bytes()
            entry = totals[file_kind(path.relative_to(site).as_posix())]
            entry[0] += len(data)
            entry[1] += 1
            entry[2] += gzip_size(data)
    return SiteSize({kind: (size, files, packed) for kind, (size, files, packed) in totals.items()}, widest)


def compare_trees(a: Path, b: Path, examples: int = 5) -> dict[str, object]:
    """Whether two folders hold the same files with the same bytes; what differs."""
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    differ = sorted(f for f in files_a & files_b if not filecmp.cmp(a / f, b / f, shallow=False))
    only_a, only_b = sorted(files_a - files_b), sorted(files_b - files_a)
    return {
        "identical": not (differ or only_a or only_b),
        "files": len(files_a | files_b),
        "differ": len(differ),
        "only_first": len(only_a),
        "only_second": len(only_b),
        "examples": (differ + only_a + only_b)[:examples],
    }


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


def measure_build(
    meetings: int, seed: int, work: Path, profile: str = "summary", floor: bool = True, data_out_compare: bool = True
) -> dict[str, object]:
    """One archive size of one profile: the real build on a cold cache, what it wrote by
    kind, the same build without data out and the floor (unless left out), then an
    incremental rebuild on the warm cache and a build without the cache to compare it with."""
    name = f"{profile}-{meetings}"
    project = make_project(work / f"project-{name}", meetings, seed, profile)
    shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for variable in (
        "GIJIROKU_SITE_URL",
        "GIJIROKU_PREVIEW",
        "GIJIROKU_CACHE",
        "GIJIROKU_DATA_OUT",
        "GIJIROKU_SERIAL",
        "GIJIROKU_TIMINGS",
    ):
        env.pop(variable, None)
    originals = list((project / "minutes").glob("*/*.ja.md"))
    source = {
        "original": sum(p.stat().st_size for p in originals),
        "translation": sum(p.stat().st_size for p in (project / "minutes").glob("*/*.en.md")),
    }
    meeting_files = sum(1 for _ in (project / "minutes").glob("*/*.md"))
    timings = work / f"timings-{name}.json"
    site = work / f"site-{name}"

    def build(target: Path, **extra: str) -> dict[str, float]:
        return run_measured([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)], project, dict(env, **extra))

    real = build(site, GIJIROKU_TIMINGS=str(timings))
    recorded = json.loads(timings.read_text(encoding="utf-8"))
    measured = site_by_kind(site)
    kinds = measured.kinds
    size, files = sum(k[0] for k in kinds.values()), sum(k[1] for k in kinds.values())
    pages = sum(1 for _ in site.rglob("*.html"))
    row: dict[str, object] = {
        "profile": profile,
        "meetings": meetings,
        "real": real,
        "ours": recorded["seconds"],
        "peak_rss": recorded.get("peak_rss", {}),
        "own": sum(v for k, v in recorded["seconds"].items() if not k.startswith("build_")),
        "output_mb": size / 2**20,
        "files": files,
        "pages": pages,
        "kinds": kinds,
        "widest_folder": measured.widest_folder,
        "gzip_mb": sum(k[2] for k in kinds.values()) / 2**20,
        "source": source,
        "meeting_files": meeting_files,
        "parsed": recorded["counts"].get("meeting_files_parsed", 0),
    }
    if data_out_compare:  # the same build without data out (API, feeds, charts), for what they add
        bare_site = work / f"site-{name}-bare"
        with _cache_aside(project, work):
            row["bare"] = build(bare_site, GIJIROKU_DATA_OUT="0")
        row["bare"]["output_mb"] = folder_size(bare_site)[0] / 2**20
        shutil.rmtree(bare_site)
    if floor:
        row["floor"] = _measure_floor(project, work / f"floor-{name}", env)
    row["incremental"] = _measure_incremental(
        project, site, work / f"site-{name}-nocache", timings, meetings, seed, profile, build
    )
    shutil.rmtree(site)
    shutil.rmtree(project)
    return row


def _measure_floor(project: Path, folder: Path, env: dict[str, str]) -> dict[str, float]:
    floor = {"wall": 0.0, "cpu": 0.0, "peak_mb": 0.0}
    for config in write_floor_project(project, folder):
        measured = run_measured(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(config.parent / "site")],
            config.parent,
            env,
        )
        floor["wall"] += measured["wall"]
        floor["cpu"] += measured["cpu"]
        floor["peak_mb"] = max(floor["peak_mb"], measured["peak_mb"])
        shutil.rmtree(config.parent / "site")
    shutil.rmtree(folder)
    return floor


def _measure_incremental(
    project: Path, site: Path, nocache_site: Path, timings: Path, meetings: int, seed: int, profile: str, build
) -> dict[str, object]:
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
    return {
        "warm": warm,
        "nocache": nocache,
        "compared": compared,
        "changed": [p.relative_to(minutes).as_posix() for p in added + edited],
    }


def run_build_benchmark(
    sizes: dict[str, list[int]], seed: int, report: Path, floor: bool = True, data_out_compare: bool = True
) -> str:
    """Measure every size of every profile; write the report; return its text. The
    report is written again after each size, so a long run that is stopped still leaves
    what it measured."""
    rows: list[dict[str, object]] = []
    text = ""
    report.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gijiroku-build-") as tmp:
        for profile, profile_sizes in sizes.items():
            for size in profile_sizes:
                rows.append(measure_build(size, seed, Path(tmp), profile, floor, data_out_compare))
                print(f"measured {size} {profile} meetings", file=sys.stderr)
                text = _build_report(rows, seed, _command(sizes, seed, floor, data_out_compare))
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
        ((profile, values),) = sizes.items()
        words += [f"--profile {profile}", f"--sizes {listed(values)}"]
    words.append(f"--seed {seed}")
    words += [] if floor else ["--no-floor"]
    words += [] if data_out_compare else ["--no-data-out-compare"]
    return " ".join(words)


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
    build.add_argument(
        "--profile",
        choices=(*PROFILES, "both"),
        default="both",
        help="summary (議事要旨), verbatim (議事録) or both, side by side in one report (default)",
    )
    build.add_argument("--seed", type=int, default=1)
    build.add_argument("--no-floor", dest="floor", action="store_false", help="skip the plain-MkDocs floor")
    build.add_argument(
        "--no-data-out-compare", dest="data_out_compare", action="store_false", help="skip the build without data out"
    )
    build.add_argument("--report", type=Path, default=REPORTS / "build-benchmark.md")
    serve_cmd = commands.add_parser("serve", help="time edits under mkdocs serve on a synthetic archive")
    serve_cmd.add_argument("--meetings", type=int, default=1000)
    serve_cmd.add_argument("--seed", type=int, default=1)
    serve_cmd.add_argument("--report", type=Path, default=REPORTS / "serve-benchmark.md")
    importing = commands.add_parser("import", help="time `gijiroku import` on growing inputs, and its limits")
    importing.add_argument("--sizes", default="1,2,4,8,20", help="comma-separated sizes in MB")
    importing.add_argument("--report", type=Path, default=IMPORT_REPORT)
    args = parser.parse_args(argv)
    if args.command == "import":
        print(run_import_benchmark([float(n) for n in args.sizes.split(",")], args.report))
    elif args.command == "serve":
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
