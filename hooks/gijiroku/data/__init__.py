"""Data out: what the build publishes besides pages, for other programs and readers.

    api/          the static API: JSON per meeting and archive indexes, their JSON
                  Schemas, each meeting as Akoma Ntoso XML, its source Markdown
    feeds/        Atom feeds: latest meetings (site, per council), remarks per
                  speaker and per topic
    (in pages)    download and subscribe links, and SVG pictures of who spoke when

Everything is made from the cross-index the build already has (`gijiroku.index`);
nothing here reads `minutes/` again, except copying each meeting's source file once.
None of it imports MkDocs: `mkdocs_hooks.py` calls `write_data_out` and
`decorate_pages`.
"""

from __future__ import annotations

from .pages import Decorations, decorate_home, decorate_pages, feed_link_tag
from .write import meeting_files, write_data_out

__all__ = ["Decorations", "decorate_home", "decorate_pages", "feed_link_tag", "meeting_files", "write_data_out"]
