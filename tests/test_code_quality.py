"""The code as a newcomer meets it: the formatter, the linter and the type checker are
part of the suite.

`ruff format --check` and `ruff` (rules in pyproject.toml, complexity included) over the
package, the hook, the development tools and the tests; `mypy --strict` over the package
and the hook (files and overrides in pyproject.toml). They run as the README's test
command runs, so CI runs them too.
"""

from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "hooks", "tests"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_as_the_formatter_writes_it() -> None:
    """One layout for every file (`ruff format`, settings in pyproject.toml), so that a
    diff shows what changed and nothing else."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "hooks", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pre_commit_config_runs_the_suites_checks() -> None:
    """The hooks a contributor installs run what the suite checks, and pre-commit reads them."""
    config = ROOT / ".pre-commit-config.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    entries = [hook["entry"] for repo in yaml.safe_load(config.read_text(encoding="utf-8"))["repos"] for hook in repo["hooks"]]
    for check in ("ruff format", "ruff check", "-m mypy", "-m pytest"):
        assert any(check in entry for entry in entries), f"no hook runs {check}"
