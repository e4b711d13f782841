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
                    output file and that file's digest, the anchors it has and the
                    anchored links it makes; per other file kept by key (a meeting's
                    data out): its key and its digest

Rules that keep a cached build byte-identical to a clean one:
- every key is made from the bytes the build read and rendered (`inputs.py`, from the
  digests the loader took when it read each file), never from a second reading;
- the cache verifies itself: a cached file is kept only if its bytes still have the
  digest the build that wrote them recorded, so a file truncated, swapped, or changed
  through the published site (which shares its storage: `link_tree`) is built again
  and reported (`damaged`), never published;
- the manifest is removed when a build starts and written only when the build ends
  without a warning or error, so an interrupted or failed build leaves no cache; a
  manifest, a cache folder or a cached file that cannot be read, or is not what it
  should be (a link, a folder where a file was), is discarded, never a failed build;
- before a build writes anything, everything in `site/` but the kept pages' files is
  removed (links too, never followed), so every other file is written afresh (nothing
  stale survives) and nothing is written outside the cache;
- a kept page's anchors and links are given back to MkDocs, so links into it and out
  of it are still checked;
- pages in the navigation and hand-written pages are always built (they are few, and
  the navigation's titles come from rendering them).

This module knows nothing of MkDocs; the plugin (`plugin/`) drives it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from filelock import FileLock, Timeout

from ..sources import digest_of, is_folder, is_regular, read_regular, remove_path

MANIFEST = "manifest.json"
FORMAT = 5
"""The manifest's format: a cache written in another format is not read."""

DISTRIBUTIONS = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "jinja2",
    "markupsafe",
    "pygments",
    "pyyaml",
    "gijiroku",
)
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
    digest: str
    """The digest of its output file's bytes as written (`sources.digest_of`)."""

    @staticmethod
    def of_page(
        key: str, dest: str, anchors: Iterable[str], links: Mapping[str, Iterable[str]], content: str, digest: str
    ) -> Entry:
        """An entry from what MkDocs recorded of a page it built."""
        return Entry(
            key,
            dest,
            " ".join(sorted(anchors)),
            {target: " ".join(sorted(ids)) for target, ids in links.items()},
            content,
            digest,
        )

    def anchor_ids(self) -> set[str]:
        """The page's ids."""
        return set(self.anchors.split())

    def anchored_links(self) -> dict[str, dict[str, str]]:
        """The page's anchored links as MkDocs records them (target -> {anchor: link}); the
        link text is rebuilt from the target's source path, for MkDocs' messages."""
        return {target: {a: f"{target}#{a}" for a in ids.split()} for target, ids in self.links.items()}

    def as_json(self) -> dict[str, object]:
        """The entry as the manifest stores it."""
        return {
            "key": self.key,
            "dest": self.dest,
            "anchors": self.anchors,
            "links": dict(self.links),
            "content": self.content,
            "digest": self.digest,
        }

    @staticmethod
    def from_json(data: object) -> Entry:
        """An entry read back from the manifest (ValueError if it is not one)."""
        if not isinstance(data, dict):
            raise ValueError("not an entry")
        fields = [data.get(name) for name in ("key", "dest", "anchors", "content", "digest")]
        links = data.get("links")
        if (
            not all(isinstance(value, str) for value in fields)
            or not isinstance(links, dict)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in links.items())
        ):
            raise ValueError("not an entry")
        key, dest, anchors, content, digest = (str(value) for value in fields)
        return Entry(key, dest, anchors, dict(links), content, digest)


class PageCache:
    """One language's cache, for one build."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.site_dir = folder / "site"
        self._old: dict[str, Entry] = {}
        self._new: dict[str, Entry] = {}
        self._kept: set[str] = set()
        self._old_files: dict[str, tuple[str, str]] = {}
        self._new_files: dict[str, tuple[str, str]] = {}
        self._kept_files: set[str] = set()
        self._site_key = ""
        self._lock: FileLock | None = None
        self.damaged: dict[str, None] = {}
        """Cached files that were not as the build that wrote them left them (built
        again), in the order found."""

    @property
    def site_key(self) -> str:
        """The key of the shared inputs this build was opened with (`open`)."""
        return self._site_key

    @property
    def warm(self) -> bool:
        """Whether a previous build left pages to reuse (the build then keeps `site/`)."""
        return is_regular(self.folder / MANIFEST) and is_folder(self.site_dir)

    def acquire(self) -> bool:
        """Take the cache for this build; False if another build is using it, or its
        folder cannot be made usable. Whatever is in the way of the folder, the site
        folder or the lock (a file, a link) is removed: the cache is only ever a copy."""
        try:
            _make_folder(self.folder)
            if os.path.lexists(self.site_dir) and not is_folder(self.site_dir):
                remove_path(self.site_dir)
            lock = self.folder / "lock"
            if os.path.lexists(lock) and not is_regular(lock):
                remove_path(lock)
            # filelock holds an OS lock on every system (flock where there is one, a
            # Windows lock on Windows): released with the process however it ends.
            handle = FileLock(lock, timeout=0, thread_local=False)
            handle.acquire()
        except (Timeout, OSError):
            return False
        self._lock = handle
        return True

    def release(self) -> None:
        """Let other builds use the cache."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def open(self, site_key: str) -> None:
        """Read what the last build left, if it was made with the same shared inputs, and
        remove the manifest: it is written again only if this build succeeds. A manifest
        that cannot be read whole, in every part, is no cache at all."""
        self._site_key = site_key
        manifest = self.folder / MANIFEST
        try:
            data = json.loads(manifest.read_text(encoding="utf-8")) if is_regular(manifest) else None
            if isinstance(data, dict) and data.get("format") == FORMAT and data.get("site") == site_key:
                pages, files = data["pages"], data["files"]
                if not isinstance(pages, dict) or not isinstance(files, dict):
                    raise ValueError("not a manifest")
                self._old = {str(src): Entry.from_json(entry) for src, entry in pages.items()}
                self._old_files = {str(dest): _key_and_digest(value) for dest, value in files.items()}
        except (OSError, ValueError, KeyError, UnicodeDecodeError, RecursionError):
            self._old, self._old_files = {}, {}
        with contextlib.suppress(OSError):
            remove_path(manifest)

    def reuse(
        self,
        src: str,
        dest: str,
        key: str,
        exists: Callable[[str], bool],
        content: str | None = None,
        accept: Callable[[bytes], bool] | None = None,
    ) -> Entry | None:
        """The last build's page `src` if its key is `key` (or its Markdown's is
        `content`), every page it links to with an anchor still exists and its file is
        what that build wrote (and passes `accept`, given the file's bytes); None if it
        must be built."""
        entry = self._old.get(src)
        if entry is None or entry.dest != dest or (entry.key != key and (content is None or entry.content != content)):
            return None
        if not all(exists(target) for target in entry.links):
            return None
        data = self._verified(dest, entry.digest)
        if data is None or (accept is not None and not accept(data)):
            self.damaged[dest] = None
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
        with the key `key` and are all still as it wrote them: then this build keeps them."""
        old = [self._old_files.get(dest) for dest in dests]
        if not all(found is not None and found[0] == key for found in old):
            return False
        if not all(self._verified(dest, found[1]) is not None for dest, found in zip(dests, old) if found is not None):
            return False
        for dest, found in zip(dests, old):
            assert found is not None
            self._new_files[dest] = found
            self._kept_files.add(dest)
        return True

    def record_file(self, dest: str, key: str, digest: str) -> None:
        """A file (not a page) this build wrote from inputs with the key `key`; `digest`
        is that of the bytes written (`sources.digest_of`)."""
        self._new_files[dest] = (key, digest)

    def _verified(self, dest: str, digest: str) -> bytes | None:
        """The bytes of the cached file `dest` if they have `digest`; None (and `dest` in
        `damaged`) if they do not, or if it is not a regular file of the cache any more."""
        data = None if dest in self.damaged else read_regular(self.site_dir / dest)
        if data is not None and digest_of(data) == digest:
            return data
        self.damaged[dest] = None
        return None

    def keep_only(self, dests: Iterable[str]) -> None:
        """Remove every file of the cached site but `dests` and the files kept by key
        (`reuse_files`), and then the empty folders. Links are removed, never followed:
        nothing is written, kept or removed outside the cache."""
        keep = {str(self.site_dir / dest) for dest in [*dests, *self._kept_files]}
        if not is_folder(self.site_dir):
            return
        left: dict[str, int] = {}  # folder -> what is left in it
        for folder, subfolders, names in os.walk(self.site_dir, topdown=False):
            count = 0
            for name in subfolders:
                path = os.path.join(folder, name)
                if os.path.islink(path):
                    os.unlink(path)
                else:
                    count += left.pop(path, 1) > 0
            for name in names:
                path = os.path.join(folder, name)
                if path in keep and not os.path.islink(path):
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
        data = {
            "format": FORMAT,
            "site": self._site_key,
            "pages": {src: entry.as_json() for src, entry in sorted(pages.items())},
            "files": {dest: list(value) for dest, value in sorted(self._new_files.items())},
        }
        temporary = self.folder / (MANIFEST + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.folder / MANIFEST)


def _key_and_digest(value: object) -> tuple[str, str]:
    if not isinstance(value, list) or len(value) != 2 or not all(isinstance(part, str) for part in value):
        raise ValueError("not a file's entry")
    return value[0], value[1]


def _make_folder(path: Path) -> None:
    """`path` as a folder of its own, whatever was there (a file, a link) removed."""
    if os.path.lexists(path) and not is_folder(path):
        remove_path(path)
    path.mkdir(parents=True, exist_ok=True)


def page_key(*parts: str | bytes) -> str:
    """A key from parts, each length-prefixed so that no two lists of parts share one:
    a page's from everything of its own that its HTML depends on, and the input keys
    of `build/inputs.py`."""
    digest = hashlib.blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


Shared = Mapping[str, tuple[str, str]]
"""Files every page is made with (the theme's, the code's), read once: the name the key
knows each by (the same wherever the project is) -> (its path, the digest of its bytes)."""


def shared_files(folders: Iterable[Path], files: Iterable[Path]) -> dict[str, tuple[str, str]]:
    """Every file in `folders` (the theme) and `files` (hook code, the package's code,
    templates and catalogues), read now: at the start of a build, before a page is
    made, so that what the key says is what the build made pages with (checked again
    at its end: `changed_shared`)."""
    shared: dict[str, tuple[str, str]] = {}
    for number, folder in enumerate(folders):
        for path in _files_under(folder):
            name = f"folder{number}/{path.relative_to(folder).as_posix()}"
            shared[name] = (str(path), digest_of(path.read_bytes()))
    for number, path in enumerate(files):
        shared[f"file{number}/{path.name}"] = (str(path), digest_of(path.read_bytes()))
    return shared


def changed_shared(shared: Shared) -> list[str]:
    """The paths of `shared` whose bytes are no longer those read."""
    changed = []
    for path, digest in shared.values():
        data = read_regular(Path(path))
        if data is None or digest_of(data) != digest:
            changed.append(path)
    return changed


def site_key(settings: Mapping[str, object], shared: Shared) -> str:
    """The key of what every page shares: `settings` (the configuration and navigation,
    as JSON-able values), the files of `shared` and the versions of the packages that
    render pages."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(json.dumps(settings, sort_keys=True, ensure_ascii=False, default=_stable).encode("utf-8"))
    digest.update(sys.version.encode())
    for name in DISTRIBUTIONS:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}\n".encode())
    for name in sorted(shared):
        digest.update(f"{name}\0{shared[name][1]}\n".encode("utf-8", "surrogateescape"))
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
