"""`gijiroku render`: the site as plain MkDocs projects that build without our hooks.

The exported folder is built with stock MkDocs and with Zensical, Material's successor
($GIJIROKU_ZENSICAL, else `zensical` on the PATH; skipped without it; `.ci/run` installs
it into a venv of its own), and every meeting page must carry every agenda item,
material and remark anchor of the minutes, in both languages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from gijiroku import load_archive, urls
from gijiroku.cli import main
from gijiroku.model import LANGUAGES
from gijiroku.site.completeness import anchors_missing, expected_anchors


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert main(["render", str(out), "--project", str(ROOT)]) == 0
    return out


def _check_anchors(site: Path) -> None:
    archive, _ = load_archive(ROOT / "minutes")
    for src, anchors in expected_anchors(archive).items():
        html = (site / urls.url_of(src) / "index.html").read_text(encoding="utf-8")
        assert anchors_missing(html, anchors) == [], src


def _check_site(site: Path, lang: str) -> None:
    """Every anchor, the search index, and our theme overrides (stylesheet, breadcrumbs,
    language links) on a meeting page."""
    _check_anchors(site)
    assert (site / "search-index" / "meta.json").is_file()
    html = (site / "meetings" / "ai-strategy-council" / "2023-08-04" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html and "gijiroku.css" in html
    assert 'class="md-path gj-path"' in html and html.count("gj-lang-link") == len(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stock_mkdocs_builds_the_export(exported: Path, tmp_path: Path, lang: str) -> None:
    config = json.loads((exported / lang / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["theme"]["custom_dir"] == "../theme"
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(exported / lang / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    _check_site(site, lang)


def test_render_refuses_minutes_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "minutes", project / "minutes")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "minutes" / "ai-strategy-council" / "2023-08-04.ja.md").write_text("---\n---\n", encoding="utf-8")
    assert main(["render", str(tmp_path / "out"), "--project", str(project)]) == 1
    assert "errors" in capsys.readouterr().err


def _zensical() -> str:
    """The Zensical executable: $GIJIROKU_ZENSICAL (then it must be there), else `zensical`
    on the PATH; the test is skipped without either."""
    named = os.environ.get("GIJIROKU_ZENSICAL")
    if named:
        found = shutil.which(named)
        if found is None:
            pytest.fail(f"GIJIROKU_ZENSICAL={named} is not an executable")
        return os.path.abspath(found)
    found = shutil.which("zensical")
    if found is None:
        pytest.skip(
            "Zensical is not installed, so the export is checked with MkDocs only: install it into a "
            "venv of its own (python3 -m venv .venv-zensical && .venv-zensical/bin/pip install zensical) "
            "and set GIJIROKU_ZENSICAL=.venv-zensical/bin/zensical"
        )
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_zensical_builds_the_export(exported: Path, tmp_path: Path, lang: str) -> None:
    zensical = _zensical()
    # A copy: Zensical writes its site and a cache beside the configuration.
    shutil.copytree(exported / "theme", tmp_path / "theme")
    shutil.copytree(exported / lang, tmp_path / lang)
    result = subprocess.run(
        [zensical, "build", "--strict", "-f", "mkdocs.yml"], cwd=tmp_path / lang, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    _check_site(tmp_path / lang / "site", lang)
