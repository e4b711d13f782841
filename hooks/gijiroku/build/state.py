"""What each MkDocs build of the site carries: the root build's state, and what it hands
to each language build.

The gijiroku plugin (`plugin/`) holds them by configuration: MkDocs keeps one plugin
instance per process for every configuration it loads (the site's and each language's),
so the plugin makes a `RootBuild` when the site's build starts and gives each language's
configuration its `LanguageBuild` when it prepares it, and forgets each when it ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..index import ArchiveIndex
from .heldtexts import HeldTexts
from .pagecache import Entry, PageCache, Shared

if TYPE_CHECKING:
    from ..data.pages import Decorations
    from ..site.render import Renderer, Unit


@dataclass(slots=True)
class RootBuild:
    """The build of the whole site: it loads the minutes once and starts each language's build."""

    minutes: Path
    """The minutes folder."""
    index: ArchiveIndex | None = None
    """The cross-indexed archive, once loaded without errors."""
    preview: tuple[int, int] | None = None
    """Under `mkdocs serve` on a large archive: (meetings shown, meetings in all)."""
    broken: list[str] = field(default_factory=list)
    """Under `mkdocs serve` with errors in the minutes: the diagnostics to show instead."""
    cache_dir: Path | None = None
    """Where the language builds keep pages for the next build to reuse (None: no cache)."""
    shared: Shared = field(default_factory=dict)
    """With a cache: the theme's and the code's files as read when the build started."""
    data_out: bool = True
    """Whether the build publishes the data (the option `data_out`)."""
    serial: bool = False
    """Whether the languages are built one after the other (the option `serial`)."""
    timings: str | None = None
    """Where to write the time spent in gijiroku's code (the option `timings`)."""
    serving: bool = False
    """Whether this is `mkdocs serve` (a preview of recent meetings, no cache, no forks)."""
    shared_dir: Path | None = None
    """Where the data every language shares was written (the site's root, or the cache's copy of it)."""
    repository: str = ""
    """The address of the docs folder in the project's repository (`urls.repository_base`), or ""."""


@dataclass(slots=True)
class LanguageBuild:
    """One language's build (`/ja/`, `/en/`): what the root build hands it, and what it records."""

    lang: str
    index: ArchiveIndex
    minutes: Path
    """The minutes folder (the data pages offer its files for download)."""
    preview_notice: str = ""
    shared: Shared = field(default_factory=dict)
    """The theme's and the code's files as the root build read them (`RootBuild.shared`)."""
    renderer: Renderer | None = None
    expected: dict[str, frozenset[str]] = field(default_factory=dict)
    """Generated pages that must publish anchors: source path -> anchor ids."""
    published: dict[str, list[str]] = field(default_factory=dict)
    """Those pages as built: source path -> the anchors missing from its HTML."""
    markdown: HeldTexts = field(default_factory=HeldTexts)
    """Generated pages not yet read by MkDocs: source path -> Markdown (held compressed)."""
    html: HeldTexts = field(default_factory=HeldTexts)
    """Pages converted but not yet written: source path -> HTML (held compressed)."""
    written: int = 0
    """Pages written so far."""
    cache: PageCache | None = None
    """This language's cache, when the build keeps one (the build's site folder is in it)."""
    keys: dict[str, str] = field(default_factory=dict)
    """Generated pages this build makes, with a cache: source path -> the page's key."""
    contents: dict[str, str] = field(default_factory=dict)
    """Those pages: source path -> the key of their Markdown."""
    reused: dict[str, Entry] = field(default_factory=dict)
    """Generated pages kept from the last build: source path -> what it recorded of them."""
    units: dict[str, Unit] = field(default_factory=dict)
    """Generated pages not rendered yet (on_nav renders those it does not keep): source
    path -> the unit of pages it is made with."""
    shared_dir: Path | None = None
    """Where the data every language shares was written (`RootBuild.shared_dir`)."""
    repository: str = ""
    """`RootBuild.repository`: meeting pages link their source file there."""
    meeting_sources: dict[str, str] | None = None
    """With a repository: each meeting page's minutes file (`urls.meeting_sources`), made once."""
    decorations: Decorations | None = None
    """What data out adds to the pages this build renders."""
    additions: dict[str, str] = field(default_factory=dict)
    """Markdown the ledger adds to a generated page (a note that an address moved here)."""
    data_out: bool = True
    """Whether the build publishes the data (`RootBuild.data_out`)."""
