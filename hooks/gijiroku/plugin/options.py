"""The plugin's options: its typed config, the environment's overrides, the Markdown extensions it needs."""

from __future__ import annotations

import logging
import os
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

log = logging.getLogger("mkdocs.plugins.gijiroku")


ENVIRONMENT = {
    "GIJIROKU_CACHE": "cache",
    "GIJIROKU_DATA_OUT": "data_out",
    "GIJIROKU_SERIAL": "serial",
    "GIJIROKU_TIMINGS": "timings",
}
"""Environment variables that override an option for one run, read once when the root
build starts (`GIJIROKU_CACHE=0 mkdocs build` builds every page afresh without editing
mkdocs.yml; the benchmark sets the others). `GIJIROKU_PREVIEW` overrides `preview`
under `mkdocs serve` (gijiroku/preview.py)."""


class GijirokuConfig(base.Config):
    """The plugin's options (`plugins: [gijiroku: {…}]`, or `extra.gijiroku` where
    mkdocs.yml uses the repository's hook), checked with MkDocs' own messages."""

    minutes = c.Type(str, default="minutes")
    """The minutes folder, relative to mkdocs.yml."""
    preview = c.Optional(c.Type(int))
    """Under `mkdocs serve`, build only this many most recently edited meetings."""
    cache = c.Type(bool, default=True)
    """Under `mkdocs build`, reuse the pages whose inputs did not change (gijiroku/build/pagecache.py)."""
    data_out = c.Type(bool, default=True)
    """Publish the data (JSON, Akoma Ntoso, feeds, downloads); off, the site has pages and search only."""
    serial = c.Type(bool, default=False)
    """Build the languages one after the other even where they could run side by side."""
    timings = c.Optional(c.Type(str))
    """A JSON file to write the time spent in gijiroku's own code to (for the benchmark)."""


MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "attr_list": {},  # the ids of agenda items, materials and remarks: the anchors links point at
    "tables": {},
    "admonition": {},
    "toc": {"permalink": True},  # a heading's own link
}
"""The Markdown extensions generated pages are written for, with the settings they need
where a project gives none (a project's own settings of one are kept)."""


def require_markdown_extensions(config: MkDocsConfig) -> None:
    for name, settings in MARKDOWN_EXTENSIONS.items():
        if name not in config.markdown_extensions:
            config.markdown_extensions.append(name)
        if settings and not config.mdx_configs.get(name):
            config.mdx_configs[name] = dict(settings)


def options_from_extra(config: MkDocsConfig) -> GijirokuConfig:
    """`extra.gijiroku`, validated: a wrong type or value stops the build with MkDocs'
    own message, an unknown key is a warning (an error under --strict)."""
    raw = config.extra.get("gijiroku") or {}
    if not isinstance(raw, dict):
        names = ", ".join(name for name, _ in GijirokuConfig._schema)
        raise ConfigurationError(f"Config value 'extra.gijiroku': expected a mapping of gijiroku's options ({names})")
    options = GijirokuConfig(config_file_path=config.config_file_path)
    options.load_dict(raw)
    errors, warnings = options.validate()
    for key, warning in warnings:
        log.warning(f"Config value 'extra.gijiroku.{key}': {warning}")
    if errors:
        raise ConfigurationError("\n".join(f"Config value 'extra.gijiroku.{key}': {error}" for key, error in errors))
    if options.preview is not None and options.preview < 1:
        raise ConfigurationError("Config value 'extra.gijiroku.preview': must be a whole number of meetings, 1 or more")
    return options


def with_environment(options: GijirokuConfig) -> GijirokuConfig:
    """The options with the environment's overrides (`ENVIRONMENT`), read once here."""
    for variable, name in ENVIRONMENT.items():
        value = os.environ.get(variable)
        if value is None or value == "":
            continue
        if name == "timings":
            options[name] = value
        else:
            options[name] = value not in ("0", "false", "no")
    return options
