"""The package as shipped: a wheel built from the repository builds the site on its own.

An editable install reads templates, the catalogue and the theme from the checkout, so
a file missing from the wheel goes unnoticed there. Here the wheel is installed into a
fresh virtual environment (its dependencies are borrowed from the test environment
through a path entry, which does not carry the editable install along) and builds a
project that holds only the hook file, the docs and the minutes.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from conftest import ROOT


def _site_packages(env: Path) -> Path:
    paths = sysconfig.get_paths(vars={"base": str(env), "platbase": str(env)})
    return Path(paths["purelib"])


def test_wheel_alone_builds_the_site(tmp_path: Path) -> None:
    # From a clean copy of what the repository tracks: a stale build/ folder in the
    # checkout would otherwise lend the wheel files that packaging leaves out.
    source = tmp_path / "source"
    tracked = subprocess.run(["git", "ls-files", "pyproject.toml", "README.md", "hooks"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    for name in tracked:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
                   check=True, capture_output=True, text=True, timeout=300)
    wheel = next(wheels.glob("gijiroku-*.whl"))
    shipped = zipfile.ZipFile(wheel).namelist()
    for needed in ("gijiroku/site/catalogue.yml", "gijiroku/site/templates/meeting.md.j2",
                   "gijiroku/theme/partials/alternate.html", "gijiroku/theme/assets/gjsearch.js"):
        assert needed in shipped, f"{needed} is not in the wheel"
    assert not any(name.startswith(("tests/", "minutes/", "docs/")) for name in shipped)

    env = tmp_path / "venv"
    venv.create(env, with_pip=False)
    target = _site_packages(env)
    zipfile.ZipFile(wheel).extractall(target)
    # The dependencies, from this environment: a plain path entry, so that the editable
    # install of gijiroku here (a .pth hook) is not seen by the new environment.
    (target / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")

    project = tmp_path / "project"
    (project / "hooks").mkdir(parents=True)
    shutil.copy(ROOT / "hooks" / "mkdocs_hooks.py", project / "hooks" / "mkdocs_hooks.py")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "minutes", project / "minutes")
    python = env / "bin" / "python"
    where = subprocess.run([str(python), "-c", "import gijiroku; print(gijiroku.__file__)"],
                           capture_output=True, text=True, check=True).stdout
    assert str(target) in where, f"gijiroku came from {where}, not from the wheel"
    result = subprocess.run([str(python), "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "en" / "meetings" / "ai-strategy-council" / "2023-08-04" / "index.html")
    html = page.read_text(encoding="utf-8")
    assert 'id="opinion-05"' in html and "gijiroku.css" in html
    assert (tmp_path / "site" / "en" / "assets" / "gjsearch.js").is_file()
