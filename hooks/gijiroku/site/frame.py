"""The white space of a built page that no reader sees.

Material's templates indent every element of the frame they put around a page (header,
tabs, navigation, table of contents, footer) and leave the blank lines of their template
logic: about 3.5 KB of a page's 15–18 KB of frame, on every page. Between two tags a run
of white space that holds a line break renders as one space however long it is, so it
is written as one line break; inside `pre`, `textarea`, `code`, `script` and `style`
white space is content, and is left as it is.
"""

from __future__ import annotations

import re

_PASS = re.compile(r"(<(pre|textarea|code|script|style)\b.*?</\2\s*>)|(?<=>)[ \t\r\f]*\n[ \t\r\n\f]*(?=<)", re.S | re.I)
"""An element whose white space is content (kept whole), or a gap between two tags that
holds a line break."""


def squeeze_white_space(html: str) -> str:
    """`html` with each gap between two tags that holds a line break written as one
    line break, outside the elements whose white space is content."""
    return _PASS.sub(lambda m: m.group(0) if m.group(1) else "\n", html)
