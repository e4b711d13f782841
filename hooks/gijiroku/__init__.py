"""gijiroku: meeting minutes as a searchable, bilingual static website.

The package never imports MkDocs: it loads and checks the archive (`loader`), and
renders pages from it; `plugin/` adapts MkDocs' events to it.
"""

from pathlib import Path

from .diagnostics import Diagnostic, Diagnostics
from .loader import load_archive
from .model import Archive, Meeting

THEME_DIR = Path(__file__).parent / "theme"
"""gijiroku's overrides of Material's templates, and its styles and scripts."""

__all__ = ["THEME_DIR", "Archive", "Diagnostic", "Diagnostics", "Meeting", "load_archive"]
