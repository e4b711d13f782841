"""Shared fixtures: paths, a copy of the small valid archive, overlaying invalid cases."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.benchmark import scaffold_project, serve
from devtools.projects import CHROMIUM_ARGS

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


def run_mkdocs_build(
    project: Path,
    site: Path,
    *extra: str,
    record: Path | None = None,
    env: dict[str, str] | None = None,
    prelude: str = "",
    timeout: float = 600,
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of a project folder into `site`, as a reader's CI would run it;
    with `record`, what the build spent in gijiroku's code is written there (JSON); `env`
    adds to the environment; `prelude` is Python run in the build's process first (a
    test's way to act at a given moment of the build)."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    environment.pop("GIJIROKU_SITE_URL", None)
    environment.update(env or {})
    if record is not None:
        environment["GIJIROKU_TIMINGS"] = str(record)
    command = ["build", "--strict", "-d", str(site), *extra]
    if prelude:
        launch = [sys.executable, "-c", prelude + f"\nfrom mkdocs.__main__ import cli\ncli({command!r})"]
    else:
        launch = [sys.executable, "-m", "mkdocs", *command]
    return subprocess.run(launch, cwd=project, env=environment, capture_output=True, text=True, timeout=timeout)


class _Messages(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build_in_process(project: Path, site: Path, **env: str) -> str:
    """`mkdocs build --strict` of a project folder into `site` in this process, with `env`
    set: no interpreter to start, so a third of a second for a `tiny_project`. The
    languages are built one after the other (GIJIROKU_SERIAL=1, the same output), so
    that every message is this process's. Returns the messages logged; raises what the
    build raises (MkDocs' Abort on a warning)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    settings = {"NO_MKDOCS_2_WARNING": "1", "GIJIROKU_SERIAL": "1", **env}
    saved = {name: os.environ.get(name) for name in [*settings, "GIJIROKU_SITE_URL"]}
    os.environ.pop("GIJIROKU_SITE_URL", None)
    os.environ.update(settings)
    logger = logging.getLogger("mkdocs")
    messages, level = _Messages(), logger.level
    logger.addHandler(messages)
    logger.setLevel(logging.INFO)  # as the command line has it (the cache trusts what a watched build made)
    try:
        build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    finally:
        logger.removeHandler(messages)
        logger.setLevel(level)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return "\n".join(messages.lines)


def tiny_project(dest: Path) -> Path:
    """A project around the small valid archive with two more meetings (three in all, in
    one council, translated) and a one-paragraph stand-in for each of this checkout's
    hand-written pages at the top of docs/LANG/ (generated pages link to some of them):
    it builds in about a second, for tests that build many times."""
    project = dest
    project.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    names = sorted({path.name for path in (ROOT / "docs").glob("*/*.md")})
    for lang in ("ja", "en"):
        for name in names:
            page = project / "docs" / lang / name
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {name[:-3]}\n\n{lang}\n", encoding="utf-8")
    minutes = project / "minutes"
    shutil.copytree(BASE_MINUTES, minutes)
    for date in ("2024-02-15", "2024-03-15"):
        for lang in ("ja", "en"):
            text = (BASE_MINUTES / "test-council" / f"2024-01-15.{lang}.md").read_text(encoding="utf-8")
            (minutes / "test-council" / f"{date}.{lang}.md").write_text(text.replace("2024-01-15", date), encoding="utf-8")
    return project


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site: path relative to it -> bytes."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def assert_same_sites(built: Path, clean: Path) -> None:
    """Two built sites hold the same files, byte for byte."""
    ours, theirs = site_files(built), site_files(clean)
    assert sorted(ours) == sorted(theirs), set(ours) ^ set(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []


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
