"""gijiroku: meeting minutes as a searchable, bilingual static website.

The package never imports MkDocs: it loads and checks the archive (`loader`), and
renders pages from it; `hooks/mkdocs_hooks.py` adapts MkDocs' events to it.
"""

from .diagnostics import Diagnostic, Diagnostics
from .loader import load_archive
from .model import Archive, Meeting

__all__ = ["Archive", "Diagnostic", "Diagnostics", "Meeting", "load_archive"]
