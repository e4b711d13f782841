"""The repository's way in: mkdocs.yml names this file under `hooks:`, and MkDocs loads it
afresh for the site's build and for each language's build. Each time, it makes a gijiroku
plugin (hooks/gijiroku/plugin/) with its options from `extra.gijiroku` and hands it
every MkDocs event. Nothing else is here.

Another MkDocs project does not need this file: with gijiroku installed, it names the
plugin instead (`plugins: [gijiroku]`, its options under it).
"""

from gijiroku.plugin import GijirokuPlugin

_plugin = GijirokuPlugin(options_from_extra=True)

on_startup = _plugin.on_startup
on_config = _plugin.on_config
on_files = _plugin.on_files
on_nav = _plugin.on_nav
on_env = _plugin.on_env
on_page_markdown = _plugin.on_page_markdown
on_page_read_source = _plugin.on_page_read_source
on_page_content = _plugin.on_page_content
on_page_context = _plugin.on_page_context
on_post_page = _plugin.on_post_page
on_post_build = _plugin.on_post_build
