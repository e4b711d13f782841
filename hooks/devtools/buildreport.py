"""The build benchmark's report: the Markdown tables of docs/dev/en/reports/build-benchmark.md
from the measured rows (`devtools.benchmark`)."""

from __future__ import annotations

from .measure import TreeMemory


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
            "language after the other.",
        ]
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
        line = (
            f"| {r['profile']} | {r['meetings']:,} | {r['pages']:,} | {_mb(r['output_mb'])} | {real['wall']:.1f} s | "
            f"{real['cpu']:.1f} s | {_mb(_peak(r))} | {r['own']:.1f} s ({100 * r['own'] / real['cpu']:.0f} %) |"
        )
        if has_floor:
            floor = r["floor"]
            line += (
                f" {floor['wall']:.1f} s | {floor['cpu']:.1f} s | {real['wall'] / floor['wall']:.2f} | "
                f"{real['cpu'] / floor['cpu']:.2f} |"
            )
        lines.append(line)
    lines += [
        "",
        "Time in gijiroku's own code, by phase (seconds; render and search index summed over languages):",
        "",
        "| profile | meetings | load and check | cross-index | render pages | search index | data out |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        o = r["ours"]
        data = o.get("data_api", 0) + o.get("data_feeds", 0) + o.get("data_pages", 0)
        lines.append(
            f"| {r['profile']} | {r['meetings']:,} | {o.get('load', 0):.1f} | {o.get('index', 0):.2f} | "
            f"{o.get('render', 0):.1f} | {o.get('search_index', 0):.1f} | {data:.1f} |"
        )
    lines += _per_meeting_lines(rows)
    lines += _memory_lines(rows)
    lines += _incremental_lines(rows)
    lines += _data_out_lines(rows)
    lines += ["", "Meeting files parsed during each build (the archive is parsed once per build, never per page):", ""]
    lines += [
        f"- {r['profile']}, {r['meetings']:,} meetings: {r['parsed']:,} parses of {r['meeting_files']:,} files" for r in rows
    ]
    growth: dict[str, dict[str, float]] = {}
    for profile in dict.fromkeys(r["profile"] for r in rows):
        by_size = {r["meetings"]: r for r in rows if r["profile"] == profile}
        if 1000 in by_size and 4000 in by_size:
            a, b = by_size[1000], by_size[4000]
            growth[profile] = {
                "wall time": b["real"]["wall"] / a["real"]["wall"],
                "CPU time": b["real"]["cpu"] / a["real"]["cpu"],
                "peak memory": _peak(b) / _peak(a),
                "output size": b["output_mb"] / a["output_mb"],
            }
            lines += ["", f"Growth from 1,000 to 4,000 meetings, {profile} (linear would be 4.0; the target is at most 4.4):", ""]
            lines += [f"- {what} × {ratio:.2f}" for what, ratio in growth[profile].items()]
    return "\n".join(lines + _build_targets(rows, growth)) + "\n"


def _per_meeting_lines(rows: list[dict]) -> list[str]:
    """Output per meeting, whole and by kind of file."""
    lines = [
        "",
        "## Per meeting",
        "",
        "The whole site (both languages, every page, data and asset) divided by the number of meetings,",
        "beside the minutes it is built from (per meeting: the original, and the translations). What is built",
        "once whatever the size (theme assets, hand-written pages) weighs on small archives; *each meeting more*",
        "is the growth from the profile's previous size, divided by the meetings added.",
        "",
        "| profile | meetings | source: original / translation | output | files | each meeting more |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    previous: dict[str, dict] = {}
    for r in rows:
        n, before = r["meetings"], previous.get(r["profile"])
        added = "–"
        if before is not None and n > before["meetings"]:
            more = n - before["meetings"]
            added = (
                f"{_kb((r['output_mb'] - before['output_mb']) * 2**20 / more)} in "
                f"{(r['files'] - before['files']) / more:.1f} files"
            )
        previous[r["profile"]] = r
        lines.append(
            f"| {r['profile']} | {n:,} | {_kb(r['source']['original'] / n)} / {_kb(r['source']['translation'] / n)} | "
            f"{_kb(r['output_mb'] * 2**20 / n)} | {r['files'] / n:.1f} | {added} |"
        )
    heads = [f"{r['profile']} {r['meetings']:,}" for r in rows]
    lines += [
        "",
        "What each kind of file costs, per meeting: bytes · files · gzip (what a reader transfers from a host",
        "that compresses, as the free static hosts do; a zip is sent as it is) — kinds by path, as laid out in",
        "[the site](../site.md) and [the data](../../../en/data.md); *other* is hand-written pages, home, search and 404",
        "pages, sitemaps and images:",
        "",
        "| kind | " + " | ".join(heads) + " |",
        "| --- |" + " ---: |" * len(rows),
    ]
    for kind in rows[0]["kinds"]:
        cells = [
            f"{_kb(r['kinds'][kind][0] / r['meetings'])} · {r['kinds'][kind][1] / r['meetings']:.2f} · "
            f"{_kb(r['kinds'][kind][2] / r['meetings'])}"
            for r in rows
        ]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    cells = [
        f"**{_kb(r['output_mb'] * 2**20 / r['meetings'])} · {r['files'] / r['meetings']:.2f} · "
        f"{_kb(r['gzip_mb'] * 2**20 / r['meetings'])}**"
        for r in rows
    ]
    lines.append("| **all** | " + " | ".join(cells) + " |")
    return lines + _hosting_lines(rows)


HOSTS = (
    ("GitHub Pages", "1 GB per site", "https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits"),
    ("Cloudflare Pages", "20,000 files per site (free plan)", "https://developers.cloudflare.com/pages/platform/limits/"),
    (
        "Netlify",
        "no limit on files or bytes per deploy; 54,000 files in one folder",
        "https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit",
    ),
)
GITHUB_BYTES = 10**9
CLOUDFLARE_FILES = 20_000
NETLIFY_FOLDER = 54_000


def _hosting_lines(rows: list[dict]) -> list[str]:
    """How many meetings of each profile fit each free static host, at this run's cost per
    meeting (everything built once included, so the figure errs low)."""
    lines = [
        "",
        "### How many meetings fit the free static hosts",
        "",
        "At this run's cost per meeting (the whole site divided by its meetings). The hosts' published limits:",
        "",
    ]
    lines += [f"- {name}: {limit} ([source]({url}))" for name, limit, url in HOSTS]
    lines += [
        "",
        "Netlify's binding limit is the fullest folder: a council's folders hold one entry per meeting",
        "(`meetings/COUNCIL/`, `api/meetings/COUNCIL/`), so it caps the meetings of one council, not of the site.",
        "",
        "| profile | meetings | GitHub Pages (bytes) | Cloudflare Pages (files) | Netlify (fullest folder) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        n = r["meetings"]
        github = GITHUB_BYTES / (r["output_mb"] * 2**20 / n)
        cloudflare = CLOUDFLARE_FILES / (r["files"] / n)
        netlify = NETLIFY_FOLDER / max(r.get("widest_folder", n) / n, 1 / n)
        lines.append(f"| {r['profile']} | {n:,} | {github:,.0f} | {cloudflare:,.0f} | {netlify:,.0f} per council |")
    return lines


PHASES = (
    ("load", "load and check"),
    ("index", "cross-index"),
    ("render", "render pages"),
    ("search_index", "search index"),
    ("data_api", "data out"),
    ("build_ja", "ja build, end"),
    ("build_en", "en build, end"),
)


def _memory_lines(rows: list[dict]) -> list[str]:
    lines = [
        "",
        "## Memory",
        "",
        f"The whole process tree sampled every {TreeMemory.INTERVAL:g} s: RSS counts the pages the root build and its",
        "forked language build share once per process, PSS splits them between the two (what the machine must hold).",
        "*Largest process* is the ru_maxrss that wait4 reports for the build: on Linux, the larger of the",
        "root build and the forked child it waited for.",
        "",
        "| profile | meetings | tree PSS | tree RSS | largest process |"
        + (" floor, largest process |" if all("floor" in r for r in rows) else ""),
        "| --- | ---: | ---: | ---: | ---: |" + (" ---: |" if all("floor" in r for r in rows) else ""),
    ]
    for r in rows:
        real = r["real"]
        lines.append(
            f"| {r['profile']} | {r['meetings']:,} | {_mb(real['tree_pss_mb'])} | {_mb(real['tree_rss_mb'])} | "
            f"{_mb(real['peak_mb'])} |" + (f" {_mb(r['floor']['peak_mb'])} |" if "floor" in r else "")
        )
    lines += [
        "",
        "Peak memory by phase: the largest resident size (RSS) of a process at the end of each phase",
        "(`gijiroku.timing`; render, search index and data out run in both language builds, the larger is shown;",
        "the forked ja build starts from the root build's size):",
        "",
        "| profile | meetings | " + " | ".join(label for _, label in PHASES) + " |",
        "| --- | ---: |" + " ---: |" * len(PHASES),
    ]
    for r in rows:
        cells = [_mb(r["peak_rss"][phase] / 2**20) if phase in r["peak_rss"] else "–" for phase, _ in PHASES]
        lines.append(f"| {r['profile']} | {r['meetings']:,} | " + " | ".join(cells) + " |")
    return lines


def _incremental_lines(rows: list[dict]) -> list[str]:
    lines = [
        "",
        "## Incremental rebuild",
        "",
        "After the full build (on an empty cache, `.cache/gijiroku/`), one meeting is added and one remark of",
        "another is edited (original and translation, with the translation's new fingerprint), and",
        "`mkdocs build --strict` runs again into the same folder on the cache the full build left. The same",
        "minutes are then built with `GIJIROKU_CACHE=0` into another folder, and the two sites compared",
        "file by file. Target: at most 15 % of the full build's wall time, byte-identical.",
        "",
        "| profile | meetings | full build | rebuild | share of full | rebuild CPU (gijiroku's own code) | without cache | same bytes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        inc = r["incremental"]
        warm, compared = inc["warm"], inc["compared"]
        lines.append(
            f"| {r['profile']} | {r['meetings']:,} | {r['real']['wall']:.1f} s | {warm['wall']:.1f} s | "
            f"{100 * warm['wall'] / r['real']['wall']:.0f} % | {warm['cpu']:.1f} s ({warm['own']:.1f} s) | "
            f"{inc['nocache']['wall']:.1f} s | "
            f"{_identical(compared)} |"
        )
    return lines


def _identical(compared: dict) -> str:
    if compared["identical"]:
        return f"yes ({compared['files']:,} files)"
    return (
        f"**no**: {compared['differ']:,} differ, {compared['only_first']:,} only with cache, "
        f"{compared['only_second']:,} only without (" + ", ".join(f"`{e}`" for e in compared["examples"]) + ")"
    )


def _data_out_lines(rows: list[dict]) -> list[str]:
    """What data out (the API, Akoma Ntoso, sources, feeds, charts) adds: the same build
    with and without it, in this run."""
    if not all("bare" in r for r in rows):
        return []
    lines = [
        "",
        "## What data out adds",
        "",
        "The same build with `GIJIROKU_DATA_OUT=0` (no API, Akoma Ntoso, source downloads, feeds or charts),",
        "run right after the full one, also on an empty cache. Targets: at most 10 % more time and 15 % more output.",
        "",
        "| profile | meetings | wall without → with | CPU without → with | output without → with | gijiroku's data-out code (CPU) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        bare, real, o = r["bare"], r["real"], r["ours"]
        own = o.get("data_api", 0) + o.get("data_feeds", 0) + o.get("data_pages", 0)
        lines.append(
            f"| {r['profile']} | {r['meetings']:,} | {bare['wall']:.1f} s → {real['wall']:.1f} s ({_change(real['wall'], bare['wall'])}) | "
            f"{bare['cpu']:.1f} s → {real['cpu']:.1f} s ({_change(real['cpu'], bare['cpu'])}) | "
            f"{_mb(bare['output_mb'])} → {_mb(r['output_mb'])} ({_change(r['output_mb'], bare['output_mb'])}) | "
            f"{own:.1f} s (API {o.get('data_api', 0):.1f}, feeds {o.get('data_feeds', 0):.1f}, pages {o.get('data_pages', 0):.1f}) |"
        )
    names = DATA_KINDS
    lines += [
        "",
        "Output of data out by part, both languages (MB, and share of the output without data out):",
        "",
        "| profile | meetings | " + " | ".join(names) + " |",
        "| --- | ---: |" + " ---: |" * len(names),
    ]
    for r in rows:
        bare_mb = r["bare"]["output_mb"]
        cells = [f"{r['kinds'][k][0] / 2**20:.1f} ({100 * r['kinds'][k][0] / 2**20 / bare_mb:.1f} %)" for k in names]
        lines.append(f"| {r['profile']} | {r['meetings']:,} | " + " | ".join(cells) + " |")
    return lines


DATA_KINDS = ("meeting JSON", "zips of Akoma Ntoso and sources", "API indexes and schemas", "feeds")


def _change(new: float, old: float) -> str:
    return f"{100 * (new / old - 1):+.0f} %"


def _listed(rows: list[dict], values: list[float], fmt: str) -> str:
    return ", ".join(f"{fmt.format(v)} at {r['meetings']:,}" for v, r in zip(values, rows))


OUTPUT_TARGETS = (("summary", 250, 5), ("verbatim", 1024, 12))
"""Per profile: the most output (KB) and files one meeting may cost, so that an archive of
a few thousand meetings fits the free static hosts (`HOSTS`)."""


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
            lines.append(
                f"| gijiroku's own code ≤ 10 % of the build at 1,000 {profile} meetings | {100 * share:.1f} % of CPU | "
                f"{verdict(share <= 0.10)} |"
            )
        if all("floor" in r for r in prows):
            for measure, key in (("wall time", "wall"), ("CPU time", "cpu")):
                ratios = [r["real"][key] / r["floor"][key] for r in prows]
                lines.append(
                    f"| whole build ≤ 1.2 × the plain-MkDocs floor, in {measure} ({profile}) | "
                    f"{_listed(prows, ratios, '{:.2f} ×')} | {verdict(max(ratios) <= 1.2)} |"
                )
        if profile in growth:
            worst = max(growth[profile].values())
            lines.append(
                f"| 4,000 {profile} meetings cost ≤ 4.4 × what 1,000 cost | at most × {worst:.2f} | {verdict(worst <= 4.4)} |"
            )
    for profile, most_kb, most_files in OUTPUT_TARGETS:
        prows = [r for r in rows if r["profile"] == profile]
        if not prows:  # judged at the largest size: what is built once weighs less the more meetings there are
            continue
        per_kb = [r["output_mb"] * 1024 / r["meetings"] for r in prows]
        per_files = [r["files"] / r["meetings"] for r in prows]
        largest = max(range(len(prows)), key=lambda i: prows[i]["meetings"])
        lines.append(
            f"| ≤ {most_kb:,} KB of output per meeting ({profile}, at the largest size) | "
            f"{_listed(prows, per_kb, '{:,.0f} KB')} | {verdict(per_kb[largest] <= most_kb)} |"
        )
        lines.append(
            f"| ≤ {most_files} files per meeting ({profile}, at the largest size) | "
            f"{_listed(prows, per_files, '{:.2f}')} | {verdict(per_files[largest] <= most_files)} |"
        )
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
            lines.append(
                f"| peak memory ≤ 4 GB at {size:,} {profile} meetings | not run at {size:,} "
                f"(largest: {_mb(_peak(largest))} at {largest['meetings']:,}) | |"
            )
    shares = [r["incremental"]["warm"]["wall"] / r["real"]["wall"] for r in rows]
    where = ", ".join(f"{100 * s:.0f} % at {r['meetings']:,} {r['profile']}" for s, r in zip(shares, rows))
    lines.append(
        f"| a rebuild after adding one meeting and editing another ≤ 15 % of a full build | {where} | "
        f"{verdict(max(shares) <= 0.15)} |"
    )
    same = all(r["incremental"]["compared"]["identical"] for r in rows)
    lines.append(
        "| … and byte-identical to a build without the cache | "
        + ", ".join(
            f"{'yes' if r['incremental']['compared']['identical'] else 'no'} at {r['meetings']:,} {r['profile']}" for r in rows
        )
        + f" | {verdict(same)} |"
    )
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
    lines += [
        "",
        "What the figures mean, and why a target may be out of reach inside MkDocs: [where the time goes](../performance.md).",
    ]
    return lines
