"""The package as shipped: a wheel built from the repository builds the site on its own.

An editable install reads templates, the catalogue and the theme from the checkout, so
a file missing from the wheel goes unnoticed there. Here the wheel is installed into a
fresh virtual environment (its dependencies are borrowed from the test environment
through a path entry, which does not carry the editable install along) and builds a
project that holds only the hook file, the docs and the minutes.
"""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import yaml

from conftest import ROOT, assert_same_sites, run_mkdocs_build


def _site_packages(env: Path) -> Path:
    paths = sysconfig.get_paths(vars={"base": str(env), "platbase": str(env)})
    return Path(paths["purelib"])


def test_wheel_alone_builds_the_site(tmp_path: Path) -> None:
    # From a clean copy of what the repository tracks: a stale build/ folder in the
    # checkout would otherwise lend the wheel files that packaging leaves out.
    source = tmp_path / "source"
    tracked = subprocess.run(
        ["git", "ls-files", "pyproject.toml", "README.md", "hooks"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in tracked:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    wheel = next(wheels.glob("gijiroku-*.whl"))
    shipped = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "gijiroku/catalogue.yml",
        "gijiroku/site/templates/meeting.md.j2",
        "gijiroku/theme/partials/alternate.html",
        "gijiroku/theme/assets/gjsearch.js",
    ):
        assert needed in shipped, f"{needed} is not in the wheel"
    assert not any(name.startswith(("tests/", "minutes/", "docs/")) for name in shipped)

    env = tmp_path / "venv"
    venv.create(env, with_pip=False)
    target = _site_packages(env)
    zipfile.ZipFile(wheel).extractall(target)
    # The dependencies, from this environment: a plain path entry, so that the editable
    # install of gijiroku here (a .pth hook) is not seen by the new environment.
    (target / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")

    # A new MkDocs project as another team would start one: no hooks/ folder, the plugin
    # named in mkdocs.yml with its options under it.
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text(plugin_config(), encoding="utf-8")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "minutes", project / "records")
    python = env / "bin" / "python"
    where = subprocess.run(
        [str(python), "-c", "import gijiroku; print(gijiroku.__file__)"], capture_output=True, text=True, check=True
    ).stdout
    assert str(target) in where, f"gijiroku came from {where}, not from the wheel"
    result = subprocess.run(
        [str(python), "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=600,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", GIJIROKU_SERIAL="1"),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "gijiroku: read 3 meeting files" in result.stderr, "the plugin read the minutes folder its option names"
    page = tmp_path / "site" / "en" / "meetings" / "ai-strategy-council" / "2023-08-04" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'id="opinion-05"' in html and "gijiroku.css" in html
    assert (tmp_path / "site" / "en" / "assets" / "gjsearch.js").is_file()
    # The same site as the repository's own build through its hook.
    hooked = tmp_path / "hooked"
    assert run_mkdocs_build(ROOT, hooked).returncode == 0
    assert_same_sites(tmp_path / "site", hooked)


def plugin_config() -> str:
    """The repository's mkdocs.yml as a project using the installed plugin would write it:
    the hook's lines out, `plugins: [gijiroku]` with the options that were under
    `extra.gijiroku`, and the minutes in a folder of another name."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text.replace('!ENV [GIJIROKU_SITE_URL, ""]', '""'))
    config.pop("hooks")
    config["watch"] = ["records"]
    options = config["extra"].pop("gijiroku")
    config["plugins"] = [{"gijiroku": {**options, "minutes": "records"}}]
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


def test_the_plugins_options_are_checked_by_mkdocs(tmp_path: Path) -> None:
    """A wrong option under the plugin stops a strict build with MkDocs' own message."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text(
        plugin_config().replace("preview: 15", "preview: fifteen\n    colour: red"), encoding="utf-8"
    )
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "minutes", project / "records")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "preview" in result.stdout + result.stderr and "Traceback" not in result.stderr


HIDDEN_FCNTL = """
import importlib, pkgutil, sys, warnings
sys.modules["fcntl"] = None  # as on Windows: `import fcntl` raises ImportError
warnings.simplefilter("ignore")
sys.path.insert(0, sys.argv[1])
import gijiroku, mkdocs_hooks
for module in pkgutil.walk_packages(gijiroku.__path__, "gijiroku."):
    importlib.import_module(module.name)
from pathlib import Path
from gijiroku.build.pagecache import PageCache
first, second = PageCache(Path(sys.argv[2])), PageCache(Path(sys.argv[2]))
assert first.acquire() and not second.acquire(), "the lock must still keep a second build out"
first.release()
assert second.acquire()
second.release()
print("imported", len(sys.modules))
"""


def test_the_package_imports_and_locks_where_there_is_no_fcntl(tmp_path: Path) -> None:
    """fcntl is POSIX only: the hook, every module of the package and the cache's lock work
    without it (the lock is filelock's, whatever the system offers)."""
    run = subprocess.run(
        [sys.executable, "-c", HIDDEN_FCNTL, str(ROOT / "hooks"), str(tmp_path / "cache")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0 and "imported" in run.stdout, run.stderr


def test_every_package_imported_is_declared() -> None:
    """A package the code imports but pyproject.toml does not name works only while some
    other dependency happens to bring it along."""
    import ast
    import tomllib

    declared = {
        re.split(r"[<>=\[ ;]", spec, maxsplit=1)[0].lower().replace("_", "-")
        for spec in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    }
    # the import name of a distribution, where they differ
    distribution = {
        "yaml": "pyyaml",
        "markdown": "markdown",
        "material": "mkdocs-material",
        "re2": "google-re2",
        "pdfminer": "pdfminer.six",
        "jinja2": "jinja2",
        "markupsafe": "markupsafe",
        "charset_normalizer": "charset-normalizer",
        "pymdownx": "pymdown-extensions",
    }
    imported = set()
    for path in (ROOT / "hooks" / "gijiroku").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "gijiroku"}
    missing = sorted(name for name in third_party if distribution.get(name, name).lower() not in declared)
    assert third_party and missing == []


def test_the_readmes_plugin_example_builds_a_project(tmp_path: Path) -> None:
    """The mkdocs.yml that README.md shows for another MkDocs project, as it is written
    there (Material and the plugin, nothing of this repository's settings), builds the
    site strictly with every anchor the minutes give."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In another MkDocs project", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    project = tmp_path / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text("site_name: Minutes\n" + example, encoding="utf-8")
    for lang in ("en", "ja"):
        shutil.copytree(ROOT / "docs" / lang, project / "docs" / lang)
    shutil.copytree(ROOT / "minutes", project / "minutes")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in ("en", "ja"):
        html = (tmp_path / "site" / lang / "meetings" / "ai-strategy-council" / "2023-08-04" / "index.html").read_text(
            encoding="utf-8"
        )
        assert 'id="opinion-20"' in html and 'id="hiroshima-ai-process"' in html
