"""Synthetic projects for benchmarks and tests: a project folder around an archive, its
build, and a loopback server for a built site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from .synth import generate_archive

REPO = Path(__file__).resolve().parents[2]
REPORTS = REPO / "docs" / "dev" / "en" / "reports"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
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
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=project, env=env, check=True)
    return time.perf_counter() - started


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)
