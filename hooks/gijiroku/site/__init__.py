"""Rendering the archive into pages: the URL scheme, templates, UI strings."""
