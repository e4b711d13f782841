"""Data out: what the build publishes besides pages, for other programs and readers.

    (site root)   shared by the languages: each meeting's JSON (every language), and a
                  zip per council and year of its meetings' Akoma Ntoso and source files
    api/          per language: the archive indexes and their JSON Schemas
    feeds/        Atom feeds: latest meetings (site, per council), remarks per
                  speaker and per topic
    (in pages)    download and subscribe links, and SVG pictures of who spoke when

Everything is made from the cross-index the build already has (`gijiroku.index`);
nothing here reads `minutes/` again, except copying each meeting's source file once.
None of it imports MkDocs: the plugin (`plugin/`) calls `write_shared`, `write_data_out` and
`decorate_pages`.
"""

from __future__ import annotations

from .pages import Decorations, decorate_home, decorate_pages, feed_link_tag
from .shared import write_shared
from .write import write_data_out

__all__ = ["Decorations", "decorate_home", "decorate_pages", "feed_link_tag", "write_data_out", "write_shared"]
