"""Shared fixtures: paths, a copy of the small valid archive, overlaying invalid cases."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.benchmark import scaffold_project, serve

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BASE_MINUTES = FIXTURES / "base" / "minutes"


def overlay_case(case: Path, dest: Path) -> Path:
    """A minutes tree in `dest`: the base archive with the case's files laid over it
    and the files its `deleted` list names removed."""
    minutes = dest / "minutes"
    shutil.copytree(BASE_MINUTES, minutes)
    overlay = case / "minutes"
    if overlay.is_dir():
        shutil.copytree(overlay, minutes, dirs_exist_ok=True)
    deleted = case / "deleted"
    if deleted.is_file():
        for name in deleted.read_text(encoding="utf-8").split():
            (minutes / name).unlink()
    return minutes


@pytest.fixture
def base_minutes(tmp_path: Path) -> Path:
    """A writable copy of the small valid archive."""
    dest = tmp_path / "minutes"
    shutil.copytree(BASE_MINUTES, dest)
    return dest


# -- building sites -------------------------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """Whether golden files are to be rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))


def run_mkdocs_build(project: Path, site: Path, *extra: str, record: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder into `site`, as a reader's CI would run it;
    with `record`, what the build spent in gijiroku's code is written there (JSON)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("GIJIROKU_SITE_URL", None)
    if record is not None:
        env["GIJIROKU_TIMINGS"] = str(record)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def make_project(dest: Path, minutes: Path | None = None) -> Path:
    """A project folder sharing this checkout's hooks, docs and mkdocs.yml, with its own minutes."""
    return scaffold_project(dest, minutes or ROOT / "minutes")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site, record=build_record_path(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def build_record_path(site: Path) -> Path:
    """Where the build of `site` wrote its record of gijiroku's own work."""
    return site.with_name(site.name + "-record.json")


# -- browser ------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium through Playwright; skipped (or, in CI, failed) without it."""
    required = os.environ.get("GIJIROKU_REQUIRE_BROWSER") == "1"
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "Playwright is not installed: pip install -e '.[test]'"
    if reason is None and not CHROMIUM.exists():
        reason = "Chromium is not installed: apt-get install chromium (browser tests use /usr/bin/chromium)"
    if reason:
        if required:
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    """The built site served on loopback; yields its base URL."""
    with serve(built_site) as base:
        yield base


@pytest.fixture
def page(browser, site_server):
    """A fresh browser page that records every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    new_page.requests = []  # type: ignore[attr-defined]
    new_page.on("request", lambda request: new_page.requests.append(request.url))
    yield new_page
    context.close()
