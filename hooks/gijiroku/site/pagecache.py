"""Rebuilds that redo only what changed: a language build's pages, reused by content.

A language build's HTML for a generated page is a function of the page's Markdown, its
address, and what every page shares: the configuration, the navigation, the theme's
files, the versions of MkDocs, Material, Markdown and gijiroku. A page whose Markdown
and shared inputs are unchanged since the last successful build is not converted and
rendered again: its HTML from that build is kept.

The cache of one language (`.cache/gijiroku/LANG/` beside mkdocs.yml) holds

    site/           that language's last built site (the build writes here, and the
                    root build links these files into its own site folder)
    manifest.json   the shared inputs' key, and per reused-able page: its key, its
                    output file, the anchors it has and the anchored links it makes;
                    per other file kept by key (a meeting's data out): its key

Rules that keep a cached build byte-identical to a clean one:
- the manifest is removed when a build starts and written only when the build ends
  without a warning or error, so an interrupted or failed build leaves no cache;
- before a build writes anything, everything in `site/` but the kept pages' files is
  removed, so every other file is written afresh (nothing stale survives);
- a kept page's anchors and links are given back to MkDocs, so links into it and out
  of it are still checked;
- pages in the navigation and hand-written pages are always built (they are few, and
  the navigation's titles come from rendering them).

This module knows nothing of MkDocs; `hooks/mkdocs_hooks.py` drives it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import IO

MANIFEST = "manifest.json"
FORMAT = 4
"""The manifest's format: a cache written in another format is not read."""

DISTRIBUTIONS = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "markupsafe", "pygments",
                 "pyyaml", "gijiroku")
"""Packages whose code turns a page's Markdown into its HTML."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A page as the last successful build made it (held for every page of a build, so
    in as few objects as can be: ids joined by spaces, which no id contains)."""

    key: str
    dest: str
    """Its output file, relative to the site folder."""
    anchors: str
    """The ids its HTML has, space-separated (MkDocs checks links into the page against them)."""
    links: Mapping[str, str]
    """Its links with an anchor: target page's source path -> the anchors, space-separated."""
    content: str
    """The key of its Markdown (the same as `key` for a page keyed by its Markdown): a
    page whose inputs changed is kept if its Markdown did not."""

    @staticmethod
    def of_page(key: str, dest: str, anchors: Iterable[str], links: Mapping[str, Iterable[str]], content: str) -> Entry:
        """An entry from what MkDocs recorded of a page it built."""
        return Entry(key, dest, " ".join(sorted(anchors)), {target: " ".join(sorted(ids)) for target, ids in links.items()},
                     content)

    def anchor_ids(self) -> set[str]:
        """The page's ids."""
        return set(self.anchors.split())

    def anchored_links(self) -> dict[str, dict[str, str]]:
        """The page's anchored links as MkDocs records them (target -> {anchor: link}); the
        link text is rebuilt from the target's source path, for MkDocs' messages."""
        return {target: {a: f"{target}#{a}" for a in ids.split()} for target, ids in self.links.items()}

    def as_json(self) -> dict[str, object]:
        """The entry as the manifest stores it."""
        return {"key": self.key, "dest": self.dest, "anchors": self.anchors, "links": dict(self.links),
                "content": self.content}

    @staticmethod
    def from_json(data: Mapping[str, object]) -> Entry:
        """An entry read back from the manifest."""
        anchors, links = data["anchors"], data["links"]
        assert isinstance(anchors, str) and isinstance(links, dict)
        return Entry(str(data["key"]), str(data["dest"]), anchors, {str(k): str(v) for k, v in links.items()},
                     str(data["content"]))


class PageCache:
    """One language's cache, for one build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.site_dir = folder / "site"
        self._old: dict[str, Entry] = {}
        self._new: dict[str, Entry] = {}
        self._kept: set[str] = set()
        self._old_files: dict[str, str] = {}
        self._new_files: dict[str, str] = {}
        self._kept_files: set[str] = set()
        self._site_key = ""
        self._lock: IO[str] | None = None

    @property
    def site_key(self) -> str:
        """The key of the shared inputs this build was opened with (`open`)."""
        return self._site_key

    @property
    def warm(self) -> bool:
        """Whether a previous build left pages to reuse (the build then keeps `site/`)."""
        return (self.folder / MANIFEST).is_file() and self.site_dir.is_dir()

    def acquire(self) -> bool:
        """Take the cache for this build; False if another build is using it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.folder / "lock", "w", encoding="utf-8")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def release(self) -> None:
        """Let other builds use the cache."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def open(self, site_key: str) -> None:
        """Read what the last build left, if it was made with the same shared inputs, and
        remove the manifest: it is written again only if this build succeeds."""
        self._site_key = site_key
        manifest = self.folder / MANIFEST
        with contextlib.suppress(OSError, ValueError, KeyError, AssertionError, TypeError):
            data = json.loads(manifest.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("site") == site_key:
                self._old = {src: Entry.from_json(entry) for src, entry in data["pages"].items()}
                self._old_files = {str(dest): str(key) for dest, key in data["files"].items()}
        manifest.unlink(missing_ok=True)

    def reuse(self, src: str, dest: str, key: str, exists: Callable[[str], bool], content: str | None = None) -> Entry | None:
        """The last build's page `src` if its key is `key` (or its Markdown's is
        `content`), its file is there and every page it links to with an anchor still
        exists; None if it must be built."""
        entry = self._old.get(src)
        if entry is None or entry.dest != dest or (entry.key != key and (content is None or entry.content != content)):
            return None
        if not all(exists(target) for target in entry.links) or not (self.site_dir / dest).is_file():
            return None
        if entry.key != key:  # made from other inputs into the same Markdown
            entry = dataclasses.replace(entry, key=key)
        self._new[src] = entry
        self._kept.add(src)
        return entry

    def had(self, src: str) -> bool:
        """Whether the last build recorded the page `src`."""
        return src in self._old

    def record(self, src: str, entry: Entry) -> None:
        """A page this build made, for the next build to reuse."""
        self._new[src] = entry

    def reuse_files(self, dests: list[str], key: str) -> bool:
        """Whether the last build's files `dests` (not pages) were all made from inputs
        with the key `key` and are all still there: then this build keeps them."""
        if not all(self._old_files.get(dest) == key and (self.site_dir / dest).is_file() for dest in dests):
            return False
        for dest in dests:
            self._new_files[dest] = key
            self._kept_files.add(dest)
        return True

    def record_file(self, dest: str, key: str) -> None:
        """A file (not a page) this build wrote from inputs with the key `key`."""
        self._new_files[dest] = key

    def keep_only(self, dests: Iterable[str]) -> None:
        """Remove every file of the cached site but `dests` and the files kept by key
        (`reuse_files`), and then the empty folders."""
        keep = {str(self.site_dir / dest) for dest in [*dests, *self._kept_files]}
        if not self.site_dir.is_dir():
            return
        left: dict[str, int] = {}  # folder -> what is left in it
        for folder, subfolders, names in os.walk(self.site_dir, topdown=False):
            count = sum(left.pop(os.path.join(folder, name), 1) > 0 for name in subfolders)
            for name in names:
                path = os.path.join(folder, name)
                if path in keep:
                    count += 1
                else:
                    os.unlink(path)
            left[folder] = count
            if count == 0 and folder != str(self.site_dir):
                os.rmdir(folder)

    def save(self, trust_new: bool = True) -> None:
        """Write the manifest (after a build without warnings or errors); without
        `trust_new`, only the pages kept from an earlier build are vouched for."""
        pages = {src: entry for src, entry in self._new.items() if trust_new or src in self._kept}
        data = {"format": FORMAT, "site": self._site_key,
                "pages": {src: entry.as_json() for src, entry in sorted(pages.items())},
                "files": dict(sorted(self._new_files.items()))}
        temporary = self.folder / (MANIFEST + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.folder / MANIFEST)


def page_key(*parts: str | bytes) -> str:
    """A key from parts, each length-prefixed so that no two lists of parts share one:
    a page's from everything of its own that its HTML depends on, and the input keys
    of `site/inputs.py`."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def site_key(settings: Mapping[str, object], folders: Iterable[Path], files: Iterable[Path]) -> str:
    """The key of what every page shares: `settings` (the configuration and navigation,
    as JSON-able values), every file in `folders` (the theme) and `files` (hook code),
    and the versions of the packages that render pages."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(json.dumps(settings, sort_keys=True, ensure_ascii=False, default=_stable).encode("utf-8"))
    digest.update(sys.version.encode())
    for name in DISTRIBUTIONS:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}\n".encode())
    for folder in folders:
        for path in _files_under(folder):
            digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
            digest.update(path.read_bytes())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stable(value: object) -> str:
    """A setting JSON cannot write, as text that is the same in every run (a function's
    repr carries its address)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return str(value)


def _files_under(folder: Path) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path


def link_tree(source: Path, target: Path) -> None:
    """Make `target` a copy of the tree `source` with hard links (copies where the two
    are on different file systems): the cached site becomes the published one in
    milliseconds, and the next build's writes replace files rather than edit them."""
    can_link = True
    for folder, _, names in os.walk(source):
        out = os.path.join(target, os.path.relpath(folder, source))
        os.makedirs(out, exist_ok=True)
        for name in names:
            src, dst = os.path.join(folder, name), os.path.join(out, name)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(dst)
            if can_link:
                try:
                    os.link(src, dst)
                    continue
                except OSError:
                    can_link = False
            shutil.copyfile(src, dst)
