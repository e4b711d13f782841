"""`gijiroku render`: the site as plain MkDocs projects that build without our hooks.

The exported folder is built with stock MkDocs (and with Zensical, Material's successor,
where it is installed), and every meeting page must carry every agenda item, material
and remark anchor of the minutes, in both languages.
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
from gijiroku import load_archive
from gijiroku.cli import main
from gijiroku.model import LANGUAGES
from gijiroku.site import urls
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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_stock_mkdocs_builds_the_export(exported: Path, tmp_path: Path, lang: str) -> None:
    config = json.loads((exported / lang / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and config["theme"]["custom_dir"] == "../theme"
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(exported / lang / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    _check_anchors(site)
    assert (site / "search-index" / "meta.json").is_file()
    html = (site / "meetings" / "ai-strategy-council" / "2023-08-04" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html and "gijiroku.css" in html


def test_render_refuses_minutes_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "minutes", project / "minutes")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "minutes" / "ai-strategy-council" / "2023-08-04.ja.md").write_text("---\n---\n", encoding="utf-8")
    assert main(["render", str(tmp_path / "out"), "--project", str(project)]) == 1
    assert "errors" in capsys.readouterr().err


def test_zensical_builds_the_export(exported: Path, tmp_path: Path) -> None:
    zensical = shutil.which("zensical")
    if zensical is None:
        pytest.skip("Zensical is not installed (pip install zensical): the export is checked with MkDocs only")
    result = subprocess.run([zensical, "build", "-f", str(exported / "en" / "mkdocs.yml")], cwd=exported / "en",
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    _check_anchors(exported / "en" / "site")
