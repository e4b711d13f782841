"""The serve benchmark: edits of meeting files under `mkdocs serve` until the served
page shows them (`python -m devtools.benchmark serve`)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .projects import make_project


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
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
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
