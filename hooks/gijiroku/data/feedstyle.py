"""The stylesheet that lets a browser show a feed to a person: what the feed is, how to
subscribe to it, and its entries, in the site's language and colours (light or dark,
as the reader's system is).

A feed opened in a browser tab showed as raw XML. Each feed names `feeds/feed.xsl`
(an `<?xml-stylesheet?>` processing instruction) and browsers that apply XSLT show
this page instead; feed readers ignore the instruction. Browsers are retiring XSLT
(Chromium warns since 2025): where it is not applied the feed is still a valid feed,
and every page's subscribe link is followed by a link to the data page's help.
"""

from __future__ import annotations

from ..catalogue import catalogue_text
from ..datafiles import FEEDS
from ..escape import xml_text

STYLESHEET = f"{FEEDS}/feed.xsl"
"""Where the stylesheet is, in each language's folder."""


def stylesheet_instruction(feed_path: str) -> bytes:
    """The processing instruction a feed at `feed_path` (in its language's folder) carries."""
    up = "../" * (feed_path.count("/") - 1)
    return f'<?xml-stylesheet type="text/xsl" href="{up}feed.xsl"?>\n'.encode()


def with_stylesheet(feed: bytes, feed_path: str) -> bytes:
    """The feed with its stylesheet named after the XML declaration."""
    declaration, sep, rest = feed.partition(b"?>\n")
    if not sep:
        return stylesheet_instruction(feed_path) + feed
    return declaration + sep + stylesheet_instruction(feed_path) + rest


def _x(text: str) -> str:
    return xml_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def feed_stylesheet(lang: str) -> str:
    """The XSLT 1.0 stylesheet of language `lang`'s feeds."""
    s = {
        key: _x(catalogue_text(key, lang))
        for key in (
            "feed_page_note",
            "feed_page_how",
            "feed_page_address",
            "feed_page_readers",
            "feed_page_latest",
            "feed_page_back",
            "feed_page_data",
            "site_title",
        )
    }
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom"
  exclude-result-prefixes="a">
<xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
<xsl:template match="/a:feed">
<html lang="{lang}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width,initial-scale=1"/>
<!-- Links in the feed are relative to its xml:base (the site's root) or absolute. -->
<xsl:if test="@xml:base"><base href="{{@xml:base}}"/></xsl:if>
<title><xsl:value-of select="a:title"/></title>
<style>
:root {{ color-scheme: light dark; --fg: #1a1a1a; --bg: #fff; --muted: #555; --link: #303fa1; --rule: #ddd; --box: #f3f4f8; }}
@media (prefers-color-scheme: dark) {{ :root {{ --fg: #e6e6e6; --bg: #1e2029; --muted: #b0b3c0; --link: #9fb0ff; --rule: #3a3d4a; --box: #2a2d38; }} }}
body {{ margin: 0 auto; max-width: 46rem; padding: 1rem 1.2rem 3rem; font: 16px/1.6 system-ui, sans-serif; color: var(--fg); background: var(--bg); }}
a {{ color: var(--link); }}
.note {{ padding: 0.8rem 1rem; background: var(--box); border-radius: 0.3rem; }}
.address {{ display: block; margin: 0.4rem 0; padding: 0.3rem 0.5rem; border: 1px solid var(--rule); border-radius: 0.2rem; font-family: ui-monospace, monospace; overflow-wrap: anywhere; }}
.entry {{ padding: 0.6rem 0; border-bottom: 1px solid var(--rule); }}
.entry h3 {{ margin: 0; font-size: 1rem; }}
.meta {{ color: var(--muted); font-size: 0.875rem; }}
.text {{ white-space: pre-line; margin: 0.3rem 0 0; }}
</style>
</head>
<body>
<p class="meta">{s["site_title"]}</p>
<h1><xsl:value-of select="a:title"/></h1>
<div class="note">
<p>{s["feed_page_note"]}</p>
<p>{s["feed_page_how"]}</p>
<p>{s["feed_page_address"]} <a class="address" href="{{a:link[@rel='self']/@href}}"><xsl:value-of select="a:link[@rel='self']/@href"/></a></p>
<p>{s["feed_page_readers"]} <a href="{{a:link[@rel='alternate']/@href}}">{s["feed_page_back"]}</a> · <a href="{{a:link[@rel='related']/@href}}">{s["feed_page_data"]}</a></p>
</div>
<h2>{s["feed_page_latest"]}</h2>
<xsl:for-each select="a:entry">
<div class="entry">
<h3><a href="{{a:link[not(@rel) or @rel='alternate']/@href}}"><xsl:value-of select="a:title"/></a></h3>
<p class="meta"><xsl:value-of select="substring(a:published, 1, 10)"/><xsl:if test="a:author/a:name"> · <xsl:value-of select="a:author/a:name"/></xsl:if></p>
<xsl:if test="a:summary"><p class="text"><xsl:value-of select="a:summary"/></p></xsl:if>
<xsl:if test="a:content"><p class="text"><xsl:value-of select="substring(a:content, 1, 400)"/><xsl:if test="string-length(a:content) &gt; 400">…</xsl:if></p></xsl:if>
</div>
</xsl:for-each>
</body>
</html>
</xsl:template>
</xsl:stylesheet>
'''
