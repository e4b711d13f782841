"""Hypothesis drives the cache: random sequences of edits, deletions, renames, additions,
registry changes, cache damage, tampering with the published site and option changes,
each followed by a build compared with a clean build.

The design keeps each example cheap, in two layers (a minute or two together):

1. **The cache layer, exercised directly** (`test_the_cache_layer_publishes_what_a_clean_
   build_publishes`, 250 examples of one to five steps, a few tens of milliseconds a
   step). A step changes the minutes, the options, the cache or the published site,
   then builds a three-meeting archive through everything of the cache that does not
   need MkDocs, as the hook drives it: the real loader (digests taken as files are
   read), cross-index, renderer and input keys, `PageCache` (keys, verified reuse by
   inputs and then by Markdown, data files kept by key, `keep_only`, the manifest)
   and `RunStore`. A page's rendered Markdown stands in for its HTML (MkDocs'
   conversion is a function of that Markdown and of what the site key holds; the
   second layer runs it), and the cache's site folders stand for the published site
   (`link_tree` publishes them by hard links, so what is done to a published file is
   done to them). What the cache holds must equal a build without it, kept in memory.
   Examples run in a memory file system where there is one (a build makes and
   removes hundreds of folders).

2. **Whole `mkdocs build`s** (`test_a_cached_mkdocs_build_publishes_what_a_clean_one_
   does`, 10 examples of one to three steps, a second or two a build): the same
   steps on the same archive as a MkDocs project with one-paragraph hand-written
   pages, built in this process, each example starting from a copy of one warm cache;
   the published site must be byte-identical to a clean build (`GIJIROKU_CACHE=0`).
   Clean builds are remembered by the digest of the minutes and the options, since
   sequences revisit states.

Both layers draw their steps from one vocabulary (`STEPS`), so a sequence that fails in
one is meaningful in the other. `tests/test_faults_cache.py` holds the named cases
(a save during a build, each kind of damage) as plain tests.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import build_in_process, site_files, tiny_project
from devtools.synth import edit_remark
from gijiroku import load_archive, urls
from gijiroku.build import pagecache
from gijiroku.build.inputs import InputKeys
from gijiroku.index import index_archive
from gijiroku.model import LANGUAGES
from gijiroku.search.runstore import RunStore
from gijiroku.site.render import Renderer
from gijiroku.sources import digest_of

COUNCIL = "test-council"


# -- the steps --------------------------------------------------------------------------------


@dataclass
class Options:
    """What a build is switched by."""

    data_out: bool = True
    site_url: str = ""

    def env(self) -> dict[str, str]:
        return {"GIJIROKU_DATA_OUT": "1" if self.data_out else "0", "GIJIROKU_SITE_URL": self.site_url}


@dataclass
class World:
    """A project between builds: its folder, the published site, the cache, the options."""

    project: Path
    site: Path
    cache: Path
    options: Options = field(default_factory=Options)

    @property
    def minutes(self) -> Path:
        return self.project / "minutes"

    def meetings(self) -> list[str]:
        return sorted(p.name[:-6] for p in (self.minutes / COUNCIL).glob("*.ja.md"))


def _pick(items: list[Path] | list[str], index: int):  # noqa: ANN202 - either kind
    return items[index % len(items)] if items else None


def edit_title(world: World, index: int) -> None:
    meeting = _pick(world.meetings(), index)
    path = world.minutes / COUNCIL / f"{meeting}.ja.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title: (.*)$", lambda m: f"title: {m.group(1)}改", text, count=1), encoding="utf-8")


def edit_translation(world: World, index: int) -> None:
    meeting = _pick(world.meetings(), index)
    path = world.minutes / COUNCIL / f"{meeting}.en.md"
    if path.is_file():
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^venue: (.*)$", lambda m: f"venue: {m.group(1)} (annex)", text, count=1), encoding="utf-8")


def edit_remark_text(world: World, index: int) -> None:
    meeting = _pick(world.meetings(), index)
    edit_remark(world.minutes / COUNCIL / f"{meeting}.ja.md", (f"追記{index}。", f" Added {index}."))


def delete_meeting(world: World, index: int) -> None:
    meetings = world.meetings()
    if len(meetings) > 1:
        for lang in LANGUAGES:
            (world.minutes / COUNCIL / f"{_pick(meetings, index)}.{lang}.md").unlink(missing_ok=True)


def rename_meeting(world: World, index: int) -> None:
    meeting = _pick(world.meetings(), index)
    for lang in LANGUAGES:
        path = world.minutes / COUNCIL / f"{meeting}.{lang}.md"
        if path.is_file():
            path.rename(path.with_name(f"{meeting}-r.{lang}.md"))


def add_meeting(world: World, index: int) -> None:
    meeting = _pick(world.meetings(), index)
    date = f"2025-{index % 12 + 1:02d}-{index % 27 + 1:02d}"
    for lang in LANGUAGES:
        path = world.minutes / COUNCIL / f"{meeting}.{lang}.md"
        target = path.with_name(f"{date}.{lang}.md")
        if path.is_file() and not target.exists():
            text = re.sub(r"(?m)^date: .*$", f"date: {date}", path.read_text(encoding="utf-8"), count=1)
            target.write_text(text, encoding="utf-8")


def rename_person(world: World, index: int) -> None:
    people = world.minutes / "people.yml"
    text = people.read_text(encoding="utf-8")
    name = ("Taro Yamada", "Hanako Suzuki")[index % 2]
    changed = text.replace(name + " Jr.", name) if name + " Jr." in text else text.replace(name, name + " Jr.")
    people.write_text(changed, encoding="utf-8")


def _cached_files(world: World) -> list[Path]:
    return sorted(p for p in world.cache.rglob("*") if p.is_file() and not p.is_symlink() and p.name != "lock")


def damage_file(world: World, index: int) -> None:
    """One cached file (a page, a data file, the manifest, the search store) damaged in one of several ways."""
    target = _pick(_cached_files(world), index)
    if target is None:
        return
    data = target.read_bytes()
    how = index % 7
    if how == 0:
        target.write_bytes(data[: len(data) // 2])
    elif how == 1:
        target.write_bytes(data + b"<!-- appended -->\n")
    elif how == 2:
        target.write_bytes(b"")
    elif how == 3:
        target.unlink()
    elif how == 4:
        target.write_bytes(bytes(b ^ 0x20 if i % 97 == 3 else b for i, b in enumerate(data)))
    elif how == 5:
        target.unlink()
        target.mkdir()
    else:
        target.unlink()
        target.symlink_to(world.minutes / "people.yml")


def swap_files(world: World, index: int) -> None:
    """Two cached files of one kind (pages, data files) exchange their bytes."""
    files = _cached_files(world)
    target = _pick(files, index)
    if target is None:
        return
    peers = [p for p in files if p != target and p.suffix == target.suffix and p.name != target.name] or [
        p for p in files if p != target and p.suffix == target.suffix
    ]
    other = _pick(peers, index // 7)
    if other is not None:
        a, b = target.read_bytes(), other.read_bytes()
        target.write_bytes(b)
        other.write_bytes(a)


def tamper_published(world: World, index: int) -> None:
    """A deploy script appends to a published file in place (it shares storage with the cache)."""
    files = sorted(p for p in world.site.rglob("*") if p.is_file() and "site" in p.parts) if world.site.is_dir() else []
    target = _pick(files, index)
    if target is not None:
        with open(target, "ab") as handle:
            handle.write(b"<script src='https://analytics.example/a.js'></script>\n")


def switch_data_out(world: World, index: int) -> None:
    world.options.data_out = not world.options.data_out


def switch_site_url(world: World, index: int) -> None:
    world.options.site_url = "" if world.options.site_url else "https://minutes.example.org/"


STEPS: dict[str, Callable[[World, int], None]] = {
    "edit-title": edit_title,
    "edit-translation": edit_translation,
    "edit-remark": edit_remark_text,
    "delete": delete_meeting,
    "rename": rename_meeting,
    "add": add_meeting,
    "rename-person": rename_person,
    "damage": damage_file,
    "swap": swap_files,
    "tamper-published": tamper_published,
    "data-out": switch_data_out,
    "site-url": switch_site_url,
}

_steps = st.lists(st.tuples(st.sampled_from(sorted(STEPS)), st.integers(min_value=0, max_value=1000)), min_size=1, max_size=5)


def _state(world: World) -> str:
    """The digest of what a clean build is made from: the minutes and the options."""
    parts = [
        f"{p.relative_to(world.minutes)}\0".encode() + p.read_bytes() for p in sorted(world.minutes.rglob("*")) if p.is_file()
    ]
    return digest_of(b"\1".join(parts) + json.dumps(world.options.env(), sort_keys=True).encode())


# -- 1. the cache layer, directly -------------------------------------------------------------------

_SITE_KEYS: dict[str, str] = {}


def _layer_build(world: World, cached: bool) -> dict[str, bytes]:
    """Build `world`'s minutes as the hook does, a generated page's Markdown standing in
    for its HTML: through the cache in `world.cache` when `cached` (the published site
    is then the cache's site folders, which `link_tree` links into the site folder:
    what is done to a published file is done to them), in memory when not. The files
    built, by path."""
    archive, diags = load_archive(world.minutes)
    assert not diags.errors, [d.format() for d in diags.errors]
    index = index_archive(archive)
    inputs = InputKeys(index)
    options = world.options
    switches = json.dumps(options.env(), sort_keys=True)
    if switches not in _SITE_KEYS:  # the packages' versions are read once
        _SITE_KEYS[switches] = pagecache.site_key({"switches": options.env()}, {})
    built: dict[str, bytes] = {}
    for lang in LANGUAGES:
        renderer = Renderer(index, lang, options.site_url)
        units = {src: unit for unit in renderer.units() for src in unit.srcs}
        if cached:
            cache = pagecache.PageCache(world.cache / lang)
            assert cache.acquire()
            try:
                _cached_language(cache, units, archive, inputs, options, _SITE_KEYS[switches])
            finally:
                cache.release()
            built |= {f"{lang}/{name}": data for name, data in site_files(cache.site_dir).items()}
            continue
        for unit in {id(u): u for u in units.values()}.values():
            built |= {f"{lang}/{_dest(src)}": _page(markdown) for src, markdown in unit.render().items()}
        for meeting in archive.meetings:
            built |= {f"{lang}/{dest}": data for dest, data in _data_files(meeting, options).items()}
            built[f"{lang}/search/{meeting.key}.json"] = _runs(meeting, lambda m, texts: _cut(texts))
    return built


def _cached_language(
    cache: pagecache.PageCache, units: dict, archive, inputs: InputKeys, options: Options, site_key: str
) -> None:
    cache.open(site_key)
    keys = {src: pagecache.page_key(src, "inputs", inputs.of(unit.kind, unit.subject)) for src, unit in units.items()}
    kept = {src for src in units if cache.reuse(src, _dest(src), keys[src], lambda target: True) is not None}
    rendered: dict[str, str] = {}
    for unit in {id(units[src]): units[src] for src in units if src not in kept}.values():
        rendered.update({src: md for src, md in unit.render().items() if src not in kept})
    contents = {src: pagecache.page_key(src, "markdown", md) for src, md in rendered.items()}
    for src in list(rendered):  # rendered, and still kept if its Markdown is the last build's
        if cache.had(src) and cache.reuse(src, _dest(src), keys[src], lambda target: True, contents[src]) is not None:
            kept.add(src)
            del rendered[src]
    data_made = {}
    for meeting in archive.meetings:
        made = _data_files(meeting, options)
        if not cache.reuse_files(sorted(made), inputs.of("meeting", meeting.key)):
            data_made.update({dest: (inputs.of("meeting", meeting.key), data) for dest, data in made.items()})
    cache.keep_only(_dest(src) for src in kept)
    store = RunStore(cache.folder, site_key)
    for meeting in archive.meetings:
        _write(
            cache.site_dir / "search" / f"{meeting.key}.json",
            _runs(meeting, lambda m, texts: store.runs_of(inputs.files(m), lambda: texts)),
        )
    store.save()
    for src, markdown in rendered.items():
        data = _page(markdown)
        _write(cache.site_dir / _dest(src), data)
        cache.record(src, pagecache.Entry.of_page(keys[src], _dest(src), (), {}, contents[src], digest_of(data)))
    for dest, (key, data) in data_made.items():
        _write(cache.site_dir / dest, data)
        cache.record_file(dest, key, digest_of(data))
    cache.save()


def _dest(src: str) -> str:
    return urls.url_of(src) + "index.html"


def _page(markdown: str) -> bytes:
    return markdown.encode("utf-8")


def _data_files(meeting, options: Options) -> dict[str, bytes]:
    """A stand-in for a meeting's data files: its versions, as the loader read them."""
    if not options.data_out:
        return {}
    return {
        f"api/{meeting.key}.{lang}.json": json.dumps([v.path, v.digest, v.title]).encode()
        for lang, v in sorted(meeting.versions.items())
    }


def _cut(texts: list[str]) -> list[list[str]]:
    from gijiroku.search.tokenize import runs

    return [list(dict.fromkeys(runs(text))) for text in texts]


def _runs(meeting, runs_of) -> bytes:
    texts = [p for r in meeting.original.remarks.values() for p in r.paragraphs]
    return json.dumps(runs_of(meeting, texts), ensure_ascii=False).encode()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@pytest.fixture(scope="module")
def archive_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_project(tmp_path_factory.mktemp("template") / "project")


@pytest.fixture
def scratch(tmp_path: Path) -> Iterator[Path]:
    """A folder for every example of a test, removed once at the end. On a memory file
    system where there is one: a build makes and removes hundreds of folders, and
    there that costs a hundredth of what it costs on a disk."""
    memory = Path("/dev/shm")
    if not (memory.is_dir() and os.access(memory, os.W_OK)):
        yield tmp_path
        return
    folder = Path(tempfile.mkdtemp(prefix="gijiroku-cache-property-", dir=memory))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_EXAMPLES = itertools.count()


def _fresh_world(template: Path, scratch: Path, whole: bool) -> World:
    """A copy of the template project in a new folder of `scratch` (only its minutes unless `whole`)."""
    folder = scratch / f"example-{next(_EXAMPLES)}"
    project = folder / "project"
    if whole:
        shutil.copytree(template, project, symlinks=True)
    else:
        shutil.copytree(template / "minutes", project / "minutes")
    return World(project, folder / "site", project / ".cache" / "gijiroku")


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=_steps)
def test_the_cache_layer_publishes_what_a_clean_build_publishes(
    archive_template: Path, scratch: Path, steps: list[tuple[str, int]]
) -> None:
    world = _fresh_world(archive_template, scratch, whole=False)
    world.site = world.cache  # published by hard links: a change to the site is a change to these files
    _layer_build(world, cached=True)
    for name, index in steps:
        STEPS[name](world, index)
        assert _layer_build(world, cached=True) == _layer_build(world, cached=False), f"after {name} {index}"


# -- 2. whole MkDocs builds ---------------------------------------------------------------------

_CLEAN_SITES: dict[str, dict[str, bytes]] = {}
"""Clean builds already made in this run, by `_state`."""


@pytest.fixture(scope="module")
def warm_template(archive_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template project built once: each example starts from a copy of its cache."""
    project = Path(shutil.copytree(archive_template, tmp_path_factory.mktemp("warm") / "project", symlinks=True))
    build_in_process(project, project.parent / "site", **Options().env())
    return project


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=_steps.map(lambda steps: steps[:3]))
def test_a_cached_mkdocs_build_publishes_what_a_clean_one_does(
    warm_template: Path, scratch: Path, steps: list[tuple[str, int]]
) -> None:
    world = _fresh_world(warm_template, scratch, whole=True)  # its cache warm; the site is built by the first step
    for name, index in steps:
        STEPS[name](world, index)
        build_in_process(world.project, world.site, **world.options.env())
        state = _state(world)
        if state not in _CLEAN_SITES:
            out = world.project.parent / f"clean-{len(_CLEAN_SITES)}"
            build_in_process(world.project, out, GIJIROKU_CACHE="0", **world.options.env())
            _CLEAN_SITES[state] = site_files(out)
        ours = site_files(world.site)
        different = sorted(set(ours) ^ set(_CLEAN_SITES[state]))
        different += [n for n in ours if n in _CLEAN_SITES[state] and ours[n] != _CLEAN_SITES[state][n]]
        assert different == [], f"after {name} {index}: {different[:5]}"
    assert os.path.isdir(world.cache), "the cache was used"
